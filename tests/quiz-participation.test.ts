import { describe, expect, it } from "vitest";
import { problemAddress } from "../shared/ledger/problem.js";
import { quizOutputs } from "../shared/quiz/run.js";
import { EXCLUDED_SHEET, QUIZ_OUTPUT_NAMES } from "../shared/quiz/schema.js";
import { participationSheet } from "../shared/quiz/outputs.js";
import { quizDemoCsv } from "../shared/samples/quiz-demo.js";
import { toFixedText } from "../shared/cells/exact.js";
import { type Attempt, quizLedger, runBoth, runDemoQuizCsv } from "./support/quiz-ledger.js";

/** `Tham gia đơn vị` and the reporting of attempt rows that cannot be read. */

const attempts: Attempt[] = [
  { id: "p1", unit: "U1", week: 1, score: 10 },
  { id: "P1", unit: "U1", week: 1, score: 14 }, // same person (codes ignore case): best of week 1 is 14
  { id: "p1", unit: "U1", week: 2, score: 16 },
  { id: "p2", unit: "U1", week: 1, score: 0 },
  { id: "p2", unit: "U1", week: 2, score: 0 },
  { id: "p2", unit: "U1", week: 2, score: 6 }, // week 2 counts 6, yet both of p2's zero attempts count as zeros
  { id: "p3", unit: "U1", week: 2, score: 9 },
  { id: "q1", unit: "U2", week: 1, score: "7,5" },
  { id: "q1", unit: "U1", week: 2, score: 8 }, // a different unit on a later row: still counted for U2
  { id: "x1", unit: "U9", week: 2, score: 3 },
];

describe("`Tham gia đơn vị`", () => {
  const { quiz } = runBoth(quizLedger({ units: [{ code: "U1", staff: 4 }, { code: "U2" }, { code: "U3", staff: 30 }], attempts }));
  const u1 = quiz.units.find((u) => u.code === "U1")!;
  const u2 = quiz.units.find((u) => u.code === "U2")!;

  it("counts distinct participants and the rate against `Số CBCCVC`", () => {
    expect(u1.participants).toBe(3);
    expect(u1.rate && toFixedText(u1.rate, 4)).toBe("0.7500");
    expect(u2.participants).toBe(1);
    expect(u2.rate).toBeUndefined();
  });

  it("means the counted scores over participant-periods, exactly", () => {
    // U1: p1 14 and 16, p2 0 and 6, p3 9 → 45 / 5 = 9.
    expect(u1.mean && toFixedText(u1.mean, 2)).toBe("9.00");
    // U2: q1 7.5 and 8 → 7.75.
    expect(u2.mean && toFixedText(u2.mean, 2)).toBe("7.75");
  });

  it("counts every attempt scored 0, whichever attempt counts, and participants per period", () => {
    expect(u1.zeros).toBe(2);
    expect(u1.perPeriod).toEqual([2, 3]);
    expect(u2.perPeriod).toEqual([1, 1]);
  });

  it("lists every unit of `Đơn vị` (with zeros) and then unit codes found only in the attempts", () => {
    expect(quiz.units.map((u) => [u.code, u.participants, u.known])).toEqual([
      ["U1", 3, true],
      ["U2", 1, true],
      ["U3", 0, true],
      ["U9", 1, false],
    ]);
    expect(quiz.problems.items.some((p) => p.severity === "warning" && p.text.vi.includes("“U9”") && p.text.vi.includes("1 lượt thi"))).toBe(true);
    expect(quiz.problems.items.some((p) => p.severity === "warning" && p.text.vi.includes("Thí sinh “q1”") && problemAddress(p) === "Trắc nghiệm!C10")).toBe(true);
  });

  it("writes the ledger.md columns, one count per period, and the unit's name", () => {
    const sheet = quizOutputs(quiz, 0).find((s) => s.name === QUIZ_OUTPUT_NAMES.participation)!;
    expect(sheet.rows[0]).toEqual(["Mã đơn vị", "Số CBCCVC", "Số người tham gia", "Tỷ lệ tham gia", "Điểm trung bình", "Số lượt điểm 0", "Tuần 1", "Tuần 2", "Tên đơn vị"]);
    expect(sheet.rows[1]).toEqual(["U1", 4, 3, 0.75, 9, 2, 2, 3, "Đơn vị U1"]);
    expect(sheet.rows[2]).toEqual(["U2", null, 1, null, 7.75, 0, 1, 1, "Đơn vị U2"]);
    expect(sheet.rows[4]![8]).toBe("(không có trong trang “Đơn vị”)");
    expect(sheet.format.numberFormats[3]).toBe("0.00%");
  });
});

describe("attempt rows that cannot be read", () => {
  const rows: Attempt[] = [
    { id: "ok1", score: 12, time: "05:00", at: "01/06/2023 08:00:00" },
    { id: "", score: 15 },
    { id: "bad-score", score: "mười" },
    { id: "bad-time", score: 19, time: "7:75" },
    { id: "bad-at", score: 19, at: "31/02/2023 10:00:00" },
    { id: "bad-guess", score: 19, guess: "khoảng 1000" },
    { id: "neg", score: -1 },
    { id: "no-week", week: "", score: 19 },
    { id: "ok2", score: 11 },
  ];
  const { quiz } = runBoth(quizLedger({ attempts: rows }));
  const errors = quiz.problems.items.filter((p) => p.severity === "error");

  it("are each reported as an error at their cell, and not counted", () => {
    expect(errors.map(problemAddress)).toEqual(["Trắc nghiệm!A3", "Trắc nghiệm!E4", "Trắc nghiệm!F5", "Trắc nghiệm!G6", "Trắc nghiệm!H7", "Trắc nghiệm!E8", "Trắc nghiệm!D9"]);
    for (const e of errors) expect(e.text.vi).toContain("không được tính");
    expect(quiz.rejected).toBe(7);
    expect(quiz.attempts).toBe(2);
  });

  it("say what to fix", () => {
    expect(errors[2]!.text.vi).toContain("mm:ss");
    expect(errors[3]!.text.vi).toContain("02/06/2023 08:15:00");
  });

  it("do not stop the others from counting", () => {
    expect(quiz.periods[0]!.winners.map((w) => w.candidate.participant.code)).toEqual(["ok1", "ok2"]);
  });

  it("a missing required column is an error at the header and nothing of the sheet is read", () => {
    const sheets = quizLedger({ attempts: [{ id: "a", score: 1 }] });
    sheets.set("Trắc nghiệm", [
      ["Mã thí sinh", "Tuần", "Điểm"],
      ["a", 1, 1],
    ]);
    const broken = runBoth(sheets).quiz;
    expect(broken.problems.items.map((p) => [problemAddress(p), p.text.vi])).toEqual([["Trắc nghiệm!1:1", "Thiếu cột bắt buộc “Mã đơn vị” ở dòng tiêu đề (dòng 1)."]]);
    expect(broken.attempts).toBe(0);
  });

  it("columns are found by header alias, in any order, with extra columns left alone", () => {
    const sheets = quizLedger({ attempts: [] });
    sheets.set("Trắc nghiệm", [
      ["STT", "điểm", "MA DON VI", "week", "Ho va ten", "participant", "ghi chú"],
      [1, "9,5", "U1", 1, "Trần Thị B", "b@x.vn", "gì cũng được"],
    ]);
    const q = runBoth(sheets).quiz;
    expect(q.periods[0]!.winners.map((w) => [w.candidate.participant.code, w.candidate.participant.name, w.candidate.counted.score])).toEqual([["b@x.vn", "Trần Thị B", 95_000]]);
  });
});

describe("people who may not win", () => {
  it("count in neither their unit's participants, rate, mean nor zeros, and Tham gia đơn vị says so", () => {
    const withList = runDemoQuizCsv(quizDemoCsv()).quiz;
    // The same attempts with nobody excluded: the committee member (0905999001, SNV) counts again.
    const without = runDemoQuizCsv(quizDemoCsv(), { without: EXCLUDED_SHEET.name }).quiz;
    const snv = (units: readonly { code: string; participants: number }[]) => units.find((u) => u.code === "SNV")!.participants;
    expect(withList.setup.excluded.size).toBeGreaterThan(0);
    expect(snv(withList.units)).toBe(snv(without.units) - 1);
    const rows = participationSheet(
      withList.setup,
      withList.periods.map((p) => p.period.label),
      withList.units,
    ).rows.flat();
    expect(rows.some((c) => typeof c === "string" && c.startsWith("Người trong trang “Không dự thi”") && c.includes("không được tính"))).toBe(true);
  });
});

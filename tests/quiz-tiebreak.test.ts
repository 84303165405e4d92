import { describe, expect, it } from "vitest";
import { QUIZ_OUTPUT_NAMES } from "../shared/quiz/schema.js";
import { quizOutputs } from "../shared/quiz/run.js";
import { type Attempt, quizLedger, runBoth, winnersOf } from "./support/quiz-ledger.js";

/** Ranking in each period (ledger.md): score, prediction distance, time taken, submission time, then `Đồng hạng`. */

const at = (d: number, hh: number, mi = 0, ss = 0): string => `${String(d).padStart(2, "0")}/06/2023 ${String(hh).padStart(2, "0")}:${String(mi).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;

function settled(attempts: Attempt[], truths?: [number, number | null][]) {
  const { quiz } = runBoth(quizLedger({ attempts, ...(truths ? { truths } : {}) }));
  const period = quiz.periods[0]!;
  return { quiz, period, winners: winnersOf(quiz, 1) };
}

describe("weekly ranking, level by level", () => {
  it("score first: a higher score wins whatever the time, prediction and submission", () => {
    const { winners, period } = settled(
      [
        { id: "SLOW", score: 18, time: "19:59", at: at(7, 23), guess: 1 },
        { id: "FAST", score: "17,5", time: "01:00", at: at(1, 6), guess: 1250 },
        { id: "LOW", score: 9, time: "00:30", at: at(1, 5), guess: 1250 },
      ],
      [[1, 1250]],
    );
    expect(winners).toEqual(["Nhất:SLOW", "Nhì:FAST", "Ba:LOW"]);
    expect(period.winners.map((w) => w.settledBy)).toEqual([undefined, undefined, undefined]);
  });

  it("then the prediction's distance from the true answer, before the time taken", () => {
    const attempts: Attempt[] = [
      { id: "FAR", score: 18, time: "05:00", at: at(1, 8), guess: 1300 },
      { id: "NEAR", score: 18, time: "09:00", at: at(2, 8), guess: 1245 },
      { id: "NONE", score: 18, time: "01:00", at: at(1, 7) },
    ];
    const { winners, period } = settled(attempts, [[1, 1250]]);
    // 1245 is 5 away, 1300 is 50 away; no prediction comes after any distance.
    expect(winners).toEqual(["Nhất:NEAR", "Nhì:FAR", "Ba:NONE"]);
    expect(period.winners[0]!.settledBy).toBe("prediction");
  });

  it("the prediction counts only when `Đáp án dự đoán` gives the true answer", () => {
    const attempts: Attempt[] = [
      { id: "FAR", score: 18, time: "05:00", at: at(1, 8), guess: 1300 },
      { id: "NEAR", score: 18, time: "09:00", at: at(2, 8), guess: 1245 },
    ];
    expect(settled(attempts).winners).toEqual(["Nhất:FAR", "Nhì:NEAR"]);
    expect(settled(attempts, [[1, null]]).winners).toEqual(["Nhất:FAR", "Nhì:NEAR"]);
    expect(settled(attempts, [[2, 1250]]).winners).toEqual(["Nhất:FAR", "Nhì:NEAR"]);
    expect(settled(attempts, [[1, 1250]]).winners).toEqual(["Nhất:NEAR", "Nhì:FAR"]);
  });

  it("then the time taken (shorter first), whatever format it is written in", () => {
    const { winners, period } = settled(
      [
        { id: "MMSS", score: 18, time: "07:40", at: at(1, 8), guess: 1240 },
        { id: "SECONDS", score: 18, time: 452, at: at(3, 8), guess: 1260 },
        { id: "HHMMSS", score: 18, time: "0:07:35", at: at(2, 8), guess: 1260 },
      ],
      [[1, 1250]],
    );
    // Equal distances (10); 452 s = 07:32 < 07:35 < 07:40.
    expect(winners).toEqual(["Nhất:SECONDS", "Nhì:HHMMSS", "Ba:MMSS"]);
    expect(period.winners.map((w) => w.settledBy)).toEqual(["duration", "duration", "duration"]);
  });

  it("then the submission time (earlier first), read from text or from real dates", () => {
    const { winners, period } = settled(
      [
        { id: "LATE", score: 18, time: "07:40", at: at(2, 9, 0, 1), guess: 1240 },
        { id: "EARLY", score: 18, time: "07:40", at: new Date(Date.UTC(2023, 5, 2, 2, 0, 0)), guess: 1260 },
      ],
      [[1, 1250]],
    );
    // 02/06/2023 02:00 UTC is 09:00:00 in Huế: one second before LATE.
    expect(winners).toEqual(["Nhất:EARLY", "Nhì:LATE"]);
    expect(period.winners.map((w) => w.settledBy)).toEqual(["submitted", "submitted"]);
  });

  const fullTie: Attempt[] = [
    { id: "TOP", score: 20, time: "05:00", at: at(1, 8) },
    { id: "TWIN1", score: 18, time: "06:00", at: at(2, 8) },
    { id: "TWIN2", score: 18, time: "06:00", at: at(2, 8) },
    { id: "NEXT", score: 17, time: "01:00", at: at(1, 7) },
  ];

  it("what is still tied shares the prize under `Đồng giải`, each at the full amount", () => {
    const { quiz, winners, period } = settled(fullTie);
    expect(winners).toEqual(["Nhất:TOP", "Nhì:TWIN1", "Nhì:TWIN2"]);
    expect(period.winners.filter((w) => w.tied).length).toBe(2);
    expect(period.winners[1]!.settledBy).toBe("none");
    expect(quiz.awarded.quiz).toBe(5_000_000n);
  });

  it("and waits for the committee under `Hội đồng quyết định` when it straddles two prizes", () => {
    const { quiz } = runBoth(quizLedger({ attempts: fullTie, settings: [["Đồng hạng", "Hội đồng quyết định"]] }));
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:TOP", "pending:TWIN1", "pending:TWIN2"]);
    const pending = quiz.periods[0]!.winners[1]!.award;
    expect(pending.kind === "pending" ? pending.atStake.map((l) => l.name) : []).toEqual(["Nhì", "Ba"]);
    expect(quiz.awarded.quiz).toBe(2_000_000n);
    expect(quiz.problems.items.some((p) => p.severity === "warning" && p.text.vi.includes("TWIN1, TWIN2") && p.text.vi.includes("Hội đồng"))).toBe(true);
    const sheet = quizOutputs(quiz, 0).find((s) => s.name === QUIZ_OUTPUT_NAMES.weekly)!;
    expect(sheet.rows.filter((r) => r[1] === "Chờ quyết định (Nhì / Ba)").map((r) => r[2])).toEqual(["TWIN1", "TWIN2"]);
  });

  it("each period is ranked on its own, with its own true answer", () => {
    const { quiz } = runBoth(
      quizLedger({
        truths: [
          [1, 100],
          [2, 200],
        ],
        attempts: [
          { id: "A", week: 1, score: 18, time: 300, guess: 100 },
          { id: "B", week: 1, score: 18, time: 200, guess: 200 },
          { id: "A", week: 2, score: 18, time: 300, guess: 100 },
          { id: "B", week: 2, score: 18, time: 200, guess: 200 },
        ],
      }),
    );
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:A", "Nhì:B"]);
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:B", "Nhì:A"]);
  });
});

describe("`Giải tuần`", () => {
  it("lists each period's winners with the ledger.md columns, the total and the total in words", () => {
    const { quiz } = runBoth(
      quizLedger({
        attempts: [
          { id: "A", week: 1, score: 18, time: 452, at: at(1, 8), name: "Nguyễn Văn A" },
          { id: "B", week: 1, score: 17, time: "8:01", at: at(1, 9) },
          { id: "C", week: 2, score: 15, time: "1:02:03", at: at(9, 9) },
        ],
      }),
    );
    const sheet = quizOutputs(quiz, 0).find((s) => s.name === QUIZ_OUTPUT_NAMES.weekly)!;
    const header = sheet.rows[sheet.format.headerRow]!;
    expect(header.slice(0, 8)).toEqual(["Tuần", "Giải", "Mã thí sinh", "Họ tên", "Đơn vị", "Điểm", "Thời gian làm bài", "Số tiền"]);
    const body = sheet.rows.slice(sheet.format.headerRow + 1);
    expect(body[0]!.slice(0, 8)).toEqual(["Tuần 1", "Nhất", "A", "Nguyễn Văn A", "Đơn vị U1", 18, "07:32", 2_000_000]);
    expect(body[2]!.slice(0, 8)).toEqual(["Tuần 2", "Nhất", "C", "Thí sinh C", "Đơn vị U1", 15, "1:02:03", 2_000_000]);
    expect(body.find((r) => r[0] === "Tổng cộng")?.[7]).toBe(5_500_000);
    expect(body.find((r) => r[0] === "Bằng chữ:")?.[1]).toBe("Năm triệu năm trăm nghìn đồng");
  });
});

import { describe, expect, it } from "vitest";
import { reasonText } from "../shared/quiz/collective.js";
import { quizOutputs } from "../shared/quiz/run.js";
import { QUIZ_OUTPUT_NAMES } from "../shared/quiz/schema.js";
import { type Attempt, type UnitSpec, quizLedger, runBoth } from "./support/quiz-ledger.js";

/** Collective prizes (ledger.md): top N units by video score, no 0 in any period, ranked by participation rate then mean score. */

const COLLECTIVE: [string, number, number][] = [
  ["Nhất", 1, 5_000_000],
  ["Nhì", 2, 3_500_000],
  ["Ba", 2, 2_500_000],
];

function collectiveOf(units: UnitSpec[], attempts: Attempt[], settings: [string, string | number][] = []) {
  const { quiz } = runBoth(quizLedger({ units, attempts, collectivePrizes: COLLECTIVE, settings }));
  return quiz.collective!;
}

/** One participant per unit with the given score, so every unit takes part and none scores 0 unless told. */
const oneEach = (units: UnitSpec[], score = 10): Attempt[] => units.map((u) => ({ id: `p-${u.code}`, unit: u.code, score }));

describe("the top-N video cut", () => {
  // 22 units: videos 99, 98, …, 81 for the first 19; the 20th and 21st tie at 80; the 22nd has 79.
  const units: UnitSpec[] = Array.from({ length: 22 }, (_, i) => ({
    code: `D${String(i + 1).padStart(2, "0")}`,
    staff: 10,
    video: i < 19 ? 99 - i : i < 21 ? 80 : 79,
  }));

  it("takes the 20 best units by default, and every unit tied at the 20th place", () => {
    const c = collectiveOf(units, oneEach(units));
    const byCode = new Map(c.rows.map((r) => [r.unit.code, r]));
    expect(byCode.get("D20")!.videoRank).toBe(20);
    expect(byCode.get("D21")!.videoRank).toBe(20);
    expect(byCode.get("D20")!.reasons).toEqual([]);
    expect(byCode.get("D21")!.reasons).toEqual([]);
    expect(byCode.get("D22")!.videoRank).toBe(22);
    expect(byCode.get("D22")!.reasons).toEqual([{ kind: "videoOutsideTop", videoRank: 22, top: 20 }]);
    expect(c.rows.filter((r) => r.rank !== undefined)).toHaveLength(21);
  });

  it("`Top video` sets N: with 19, the two units tied at the 20th place are both out", () => {
    const c = collectiveOf(units, oneEach(units), [["Top video", 19]]);
    const out = c.rows.filter((r) => r.reasons.length > 0).map((r) => r.unit.code);
    expect(out).toEqual(["D20", "D21", "D22"]);
    expect(reasonText(c.rows.find((r) => r.unit.code === "D20")!.reasons[0]!)).toBe("video xếp thứ 20 trong các đơn vị, ngoài nhóm 19 đơn vị cao nhất");
  });

  it("a unit is ranked by its best video", () => {
    const sheets = quizLedger({
      units: [
        { code: "A", staff: 5, video: 50 },
        { code: "B", staff: 5, video: 60 },
      ],
      attempts: [
        { id: "a", unit: "A", score: 1 },
        { id: "b", unit: "B", score: 1 },
      ],
      collectivePrizes: COLLECTIVE,
      settings: [["Top video", 1]],
    });
    sheets.get("Bài dự thi")!.push(["V-A2", "Video thứ hai của A", "Video", "A"]);
    sheets.get("Điểm")!.push(["V-A2", "GK1", 70]);
    const c = runBoth(sheets).quiz.collective!;
    expect(c.rows.find((r) => r.unit.code === "A")!.videoRank).toBe(1);
    expect(c.rows.find((r) => r.unit.code === "B")!.reasons).toEqual([{ kind: "videoOutsideTop", videoRank: 2, top: 1 }]);
  });
});

describe("the zero-score rule", () => {
  const units: UnitSpec[] = [
    { code: "A", staff: 2, video: 90 },
    { code: "B", staff: 2, video: 80 },
  ];

  it("a unit with a participant who scored 0 in any period is not eligible", () => {
    const c = collectiveOf(units, [
      { id: "a1", unit: "A", week: 1, score: 20 },
      { id: "a2", unit: "A", week: 1, score: 18 },
      { id: "a2", unit: "A", week: 2, score: 0 },
      { id: "b1", unit: "B", week: 1, score: 3 },
    ]);
    const a = c.rows.find((r) => r.unit.code === "A")!;
    expect(a.reasons).toEqual([{ kind: "zeroScores", zeros: 1 }]);
    expect(a.rank).toBeUndefined();
    expect(c.rows.find((r) => r.unit.code === "B")!.award).toMatchObject({ kind: "prize", prize: { name: "Nhất" } });
  });

  it("a 0 in any attempt disqualifies, even one a better attempt of the same week replaces (the rule reads “không có cá nhân nào đạt điểm 0”)", () => {
    const c = collectiveOf(units, [
      { id: "a1", unit: "A", week: 1, score: 0 },
      { id: "a1", unit: "A", week: 1, score: 12 },
      { id: "b1", unit: "B", week: 1, score: 3 },
    ]);
    expect(c.rows.find((r) => r.unit.code === "A")!.reasons).toEqual([{ kind: "zeroScores", zeros: 1 }]);
    expect(c.rows.find((r) => r.unit.code === "B")!.award).toMatchObject({ kind: "prize", prize: { name: "Nhất" } });
  });
});

describe("ranking the eligible units", () => {
  it("by participation rate, then mean quiz score, with prizes from the `Tập thể` rows", () => {
    const units: UnitSpec[] = [
      { code: "A", staff: 4, video: 90 }, // 2 of 4 = 50 %, mean 10
      { code: "B", staff: 2, video: 80 }, // 1 of 2 = 50 %, mean 12
      { code: "C", staff: 5, video: 70 }, // 3 of 5 = 60 %, mean 5
    ];
    const c = collectiveOf(units, [
      { id: "a1", unit: "A", score: 8 },
      { id: "a2", unit: "A", score: 12 },
      { id: "b1", unit: "B", score: 12 },
      { id: "c1", unit: "C", score: 5 },
      { id: "c2", unit: "C", score: 5 },
      { id: "c3", unit: "C", score: 5 },
    ]);
    expect(c.rows.map((r) => [r.unit.code, r.rank, r.award.kind === "prize" ? r.award.prize.name : r.award.kind])).toEqual([
      ["C", 1, "Nhất"],
      ["B", 2, "Nhì"],
      ["A", 3, "Nhì"],
    ]);
    expect(c.rows[1]!.settledByMean).toBe(true);
    expect(c.totalAmount).toBe(12_000_000n);
  });

  it("units equal on rate and mean follow `Đồng hạng`", () => {
    const units: UnitSpec[] = [
      { code: "A", staff: 1, video: 90 },
      { code: "B", staff: 1, video: 80 },
      { code: "C", staff: 1, video: 70 },
    ];
    const attempts: Attempt[] = [
      { id: "a", unit: "A", score: 9 },
      { id: "b", unit: "B", score: 8 },
      { id: "c", unit: "C", score: 8 },
    ];
    const levels: [string, number, number][] = [
      ["Nhất", 1, 5_000_000],
      ["Nhì", 1, 3_000_000],
    ];
    const shared = runBoth(quizLedger({ units, attempts, collectivePrizes: levels })).quiz.collective!;
    expect(shared.rows.map((r) => (r.award.kind === "prize" ? r.award.prize.name : r.award.kind))).toEqual(["Nhất", "Nhì", "Nhì"]);
    const council = runBoth(quizLedger({ units, attempts, collectivePrizes: levels, settings: [["Đồng hạng", "Hội đồng quyết định"]] })).quiz;
    expect(council.collective!.rows.map((r) => r.award.kind)).toEqual(["prize", "pending", "pending"]);
    expect(council.problems.items.some((p) => p.text.vi.includes("B, C"))).toBe(true);
  });

  it("lists the ineligible units with every reason, after the ranked ones", () => {
    const units: UnitSpec[] = [
      { code: "OK", staff: 3, video: 90 },
      { code: "NOVIDEO", staff: 3 },
      { code: "NOSTAFF", video: 80 },
      { code: "NOBODY", staff: 3, video: 70 },
    ];
    const { quiz } = runBoth(
      quizLedger({
        units,
        collectivePrizes: COLLECTIVE,
        attempts: [
          { id: "ok", unit: "OK", score: 5 },
          { id: "nv", unit: "NOVIDEO", score: 0 },
          { id: "ns", unit: "NOSTAFF", score: 5 },
        ],
      }),
    );
    const sheet = quizOutputs(quiz, 0).find((s) => s.name === QUIZ_OUTPUT_NAMES.collective)!;
    const body = sheet.rows.slice(sheet.format.headerRow + 1);
    const note = (code: string): string => String(body.find((r) => r[1] === code)![10]);
    expect(body.slice(0, 4).map((r) => r[1])).toEqual(["OK", "NOVIDEO", "NOSTAFF", "NOBODY"]);
    expect(body.slice(4).map((r) => r[0])).toEqual(["Tổng cộng", "Bằng chữ:"]);
    expect(note("NOVIDEO")).toBe("không đủ điều kiện: không có video được xếp hạng; có 1 lượt thi trắc nghiệm đạt điểm 0");
    expect(note("NOSTAFF")).toBe("không đủ điều kiện: chưa có Số CBCCVC nên không tính được tỷ lệ tham gia");
    expect(note("NOBODY")).toBe("không đủ điều kiện: không có người dự thi trắc nghiệm");
    expect(body.find((r) => r[0] === "Tổng cộng")![9]).toBe(5_000_000);
    expect(body.find((r) => r[0] === "Bằng chữ:")![1]).toBe("Năm triệu đồng");
  });

  it("no `Tập thể` rows in `Cơ cấu giải`: no collective prizes and no `Giải tập thể` sheet", () => {
    const { quiz } = runBoth(quizLedger({ attempts: [{ id: "a", score: 1 }] }));
    expect(quiz.collective).toBeUndefined();
    expect(quizOutputs(quiz, 0).map((s) => s.name)).toEqual([QUIZ_OUTPUT_NAMES.weekly, QUIZ_OUTPUT_NAMES.participation]);
  });
});

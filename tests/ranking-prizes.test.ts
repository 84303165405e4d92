import { describe, expect, it } from "vitest";
import { type Award, type PrizeLevel, allocatePrizes, prizeAtPosition } from "../shared/prizes/allocate.js";
import { rankBy } from "../shared/ranking/rank.js";
import { FLAG } from "../shared/scoring/contest-results.js";
import { toFixedText } from "../shared/cells/exact.js";
import { type EntrySpec, type Row, awardTable, panelScores, problemsAt, rankTable, resultOf, resultRows, runSpec, shownProblems } from "./support/contest-ledger.js";

/** Seed 000's structure: Nhất 1, Nhì 1, Ba 2, Khuyến khích 3 (K = 7). */
const NHAT: PrizeLevel = { name: "Nhất", count: 1, amount: 3_000_000n };
const NHI: PrizeLevel = { name: "Nhì", count: 1, amount: 2_000_000n };
const BA: PrizeLevel = { name: "Ba", count: 2, amount: 1_000_000n };
const KK: PrizeLevel = { name: "Khuyến khích", count: 3, amount: 500_000n };
const LEVELS = [NHAT, NHI, BA, KK];
const SEED_PRIZES: readonly Row[] = [
  [null, "Nhất", 1, 3_000_000],
  [null, "Nhì", 1, "2.000.000"],
  [null, "Ba", 2, 1_000_000],
  [null, "Khuyến khích", 3, 500_000],
];

function label(a: Award): string {
  if (a.kind === "prize") return a.prize.name;
  if (a.kind === "none") return "";
  return `Chờ: ${a.atStake.map((l) => l.name).join("/")}${a.mayGetNothing ? "/không giải" : ""}`;
}
const allocate = (groups: number[], policy: "shared" | "council"): string[] => allocatePrizes(groups, LEVELS, policy).map(label);

/** One judge, one criterion: entries E1, E2, … scored in the given order. */
function scoredEntries(scores: readonly number[], extra: Partial<EntrySpec> = {}): { entries: EntrySpec[]; scores: Row[] } {
  const codes = scores.map((_, i) => `E${i + 1}`);
  return {
    entries: codes.map((code) => ({ code, ...extra })),
    scores: panelScores(Object.fromEntries(codes.map((c, i) => [c, [scores[i]!]]))),
  };
}

describe("eligibility", () => {
  it("status `Không hợp lệ` or `Rút`: not ranked, `Cảnh báo` at the status cell, listed after the ranked ones", () => {
    const run = runSpec({
      entries: [{ code: "E1" }, { code: "E2", status: "Không hợp lệ" }, { code: "E3", status: "Rút" }, { code: "E4", status: "Hợp lệ" }],
      scores: panelScores({ E1: [70], E2: [99], E3: [98], E4: [60] }),
    });
    expect(rankTable(run)).toEqual([
      ["E1", 1],
      ["E4", 2],
      ["E2", undefined],
      ["E3", undefined],
    ]);
    expect(problemsAt(run, "Bài dự thi!G3")).toEqual([{ severity: "Cảnh báo", at: "Bài dự thi!G3", text: "Bài có trạng thái “Không hợp lệ”: không xét giải." }]);
    expect(problemsAt(run, "Bài dự thi!G4")).toEqual([{ severity: "Cảnh báo", at: "Bài dự thi!G4", text: "Bài đã rút: không xét giải." }]);
    expect(resultOf(run, "E2").flags).toContain(FLAG.invalid);
    expect(resultOf(run, "E3").flags).toContain(FLAG.withdrawn);
    expect(awardTable(run)).toEqual([
      ["E1", "Nhất"],
      ["E4", "Nhì"],
      ["E2", ""],
      ["E3", ""],
    ]);
  });

  describe("the submission window is inclusive", () => {
    const run = runSpec({
      settings: [
        ["Nhận bài từ ngày", "01/09/2024"],
        ["Nhận bài đến ngày", "10/10/2024"],
      ],
      entries: [
        { code: "ON_OPEN", received: "01/09/2024" }, // row 2
        { code: "ON_CLOSE", received: "10/10/2024" }, // row 3
        { code: "CLOSE_NIGHT", received: new Date("2024-10-10T23:30:00+07:00") }, // row 4: still 10/10 in Vietnam
        { code: "LATE", received: "11/10/2024" }, // row 5
        { code: "LATE_NIGHT", received: new Date("2024-10-11T00:30:00+07:00") }, // row 6: 10/10 in UTC, 11/10 in Vietnam
        { code: "EARLY", received: "31/08/2024" }, // row 7
        { code: "NO_DATE" }, // row 8
      ],
      scores: panelScores({ ON_OPEN: [60], ON_CLOSE: [61], CLOSE_NIGHT: [62], LATE: [95], LATE_NIGHT: [96], EARLY: [97], NO_DATE: [98] }),
      prizes: [[null, "Nhất", 10, 100_000]],
    });

    it("received on the opening or the closing day (any time of that day in Vietnam) is on time", () => {
      for (const code of ["ON_OPEN", "ON_CLOSE", "CLOSE_NIGHT"]) {
        expect(resultOf(run, code).eligible).toBe(true);
        expect(resultOf(run, code).rank).toBeDefined();
      }
    });

    it("after the closing day is late, before the opening day is early: not ranked, `Cảnh báo`", () => {
      expect(resultOf(run, "LATE").flags).toContain(FLAG.late);
      expect(resultOf(run, "LATE_NIGHT").flags).toContain(FLAG.late);
      expect(resultOf(run, "EARLY").flags).toContain(FLAG.early);
      expect(problemsAt(run, "Bài dự thi!F5")).toEqual([{ severity: "Cảnh báo", at: "Bài dự thi!F5", text: "Bài nhận ngày 11/10/2024, sau hạn 10/10/2024: nộp muộn, không xét giải." }]);
      expect(problemsAt(run, "Bài dự thi!F6")[0]!.text).toContain("sau hạn 10/10/2024");
      expect(problemsAt(run, "Bài dự thi!F7")[0]!.severity).toBe("Cảnh báo");
    });

    it("no date while a window is set: not ranked, `Cảnh báo`", () => {
      expect(resultOf(run, "NO_DATE").flags).toContain(FLAG.noDate);
      expect(problemsAt(run, "Bài dự thi!F8")).toEqual([{ severity: "Cảnh báo", at: "Bài dự thi!F8", text: expect.stringContaining("Chưa có ngày nhận") }]);
    });

    it("only the on-time entries are ranked and awarded, the others follow without rank", () => {
      expect(rankTable(run)).toEqual([
        ["CLOSE_NIGHT", 1],
        ["ON_CLOSE", 2],
        ["ON_OPEN", 3],
        ["LATE", undefined],
        ["LATE_NIGHT", undefined],
        ["EARLY", undefined],
        ["NO_DATE", undefined],
      ]);
      expect(run.result.totalAmount).toBe(300_000n);
    });
  });

  it("no window set: an entry without a date is ranked", () => {
    const run = runSpec({ entries: [{ code: "E1" }], scores: panelScores({ E1: [50] }) });
    expect(resultOf(run, "E1").rank).toBe(1);
    expect(shownProblems(run)).toEqual([]);
  });

  it("fewer than `Số giám khảo tối thiểu` valid totals: not ranked, `Cảnh báo`", () => {
    const run = runSpec({
      settings: [["Số giám khảo tối thiểu", 2]],
      entries: [{ code: "E1" }, { code: "E2" }, { code: "E3" }],
      scores: [
        ["E1", "GK1", 70],
        ["E1", "GK2", 72],
        ["E2", "GK1", 99],
        ["E3", "GK1", 98],
        ["E3", "GK2", 101], // GK2's score is out of range: one valid total only
      ],
    });
    expect(rankTable(run)).toEqual([
      ["E1", 1],
      ["E2", undefined],
      ["E3", undefined],
    ]);
    expect(resultOf(run, "E2").flags).toContain(FLAG.tooFewJudges);
    expect(resultOf(run, "E3").flags).toContain(FLAG.tooFewJudges);
    expect(problemsAt(run, "Bài dự thi!A3")).toEqual([{ severity: "Cảnh báo", at: "Bài dự thi!A3", text: "Bài mới có 1 giám khảo chấm hợp lệ, cần tối thiểu 2: chưa xếp hạng." }]);
  });

  it("a final score below `Điểm sàn` is not ranked; the rounded score is what is compared", () => {
    const run = runSpec({
      settings: [["Điểm sàn", 50]],
      entries: [{ code: "AT" }, { code: "ROUNDS_UP" }, { code: "BELOW" }, { code: "TOP" }],
      scores: panelScores({ AT: [50], ROUNDS_UP: [49.995], BELOW: [49.994], TOP: [80] }),
    });
    expect(rankTable(run)).toEqual([
      ["TOP", 1],
      ["AT", 2],
      ["ROUNDS_UP", 2],
      ["BELOW", undefined],
    ]);
    expect(resultOf(run, "BELOW").flags).toContain(FLAG.belowMin);
    expect(problemsAt(run, "Bài dự thi!A4")).toEqual([{ severity: "Cảnh báo", at: "Bài dự thi!A4", text: "Điểm 49,99 thấp hơn điểm sàn 50,00: không xét giải." }]);
  });

  it("ineligible entries show no rank, no prize and the reason in `Ghi chú` of `Kết quả`", () => {
    const run = runSpec({
      settings: [["Nhận bài đến ngày", "10/10/2024"]],
      entries: [
        { code: "LATE", received: "12/10/2024" },
        { code: "OK", received: "09/10/2024" },
      ],
      scores: panelScores({ LATE: [99], OK: [50] }),
    });
    const rows = resultRows(run);
    expect(rows.map((r) => [r["Mã bài"], r["Hạng"], r["Giải"], r["Ghi chú"]])).toEqual([
      ["OK", 1, "Nhất", ""],
      ["LATE", null, "", "nộp muộn"],
    ]);
    expect(rows[1]!["Điểm"]).toBe(99);
  });
});

describe("ranking", () => {
  it("is standard competition ranking 1, 2, 2, 4", () => {
    const ranked = rankBy([5, 4, 4, 3, 3, 3, 1], [{ name: "n", order: "desc", value: (n: number) => n }]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(ranked.map((r) => r.tied)).toEqual([false, true, true, true, true, true, false]);
  });

  it("is per category, each category ranked on its own", () => {
    const run = runSpec({
      entries: [
        { code: "X1", category: "Bài viết" },
        { code: "Y1", category: "Video" },
        { code: "X2", category: "Bài viết" },
        { code: "X3", category: "Bài viết" },
        { code: "Y2", category: "Video" },
        { code: "X4", category: "Bài viết" },
      ],
      scores: panelScores({ X1: [70], Y1: [60], X2: [80], X3: [90], Y2: [85], X4: [80] }),
    });
    expect(run.result.categories.map((c) => c.name)).toEqual(["Bài viết", "Video"]);
    expect(rankTable(run, "Bài viết")).toEqual([
      ["X3", 1],
      ["X2", 2],
      ["X4", 2],
      ["X1", 4],
    ]);
    expect(rankTable(run, "Video")).toEqual([
      ["Y2", 1],
      ["Y1", 2],
    ]);
    expect(resultOf(run, "X2").flags).toContain(FLAG.tied);
    expect(resultOf(run, "X1").flags).not.toContain(FLAG.tied);
  });

  describe("tie-break criteria (`Tiêu chí phụ`)", () => {
    // Every judge total is 24. TC3 is compared first, then TC1, on the mean across judges.
    const criteria: Row[] = [
      ["TC1", "Tính mới", 10, 1, null],
      ["TC2", "Khả năng áp dụng", 10, 1, null],
      ["TC3", "Hiệu quả", 10, 1, null],
    ];
    const scores: Row[] = [
      ["A", "GK1", 8, 8, 8],
      ["A", "GK2", 8, 8, 8], // TC3 8, TC1 8
      ["B", "GK1", 7, 8, 9],
      ["B", "GK2", 9, 8, 7], // TC3 8, TC1 8: still equal to A
      ["C", "GK1", 6, 9, 9],
      ["C", "GK2", 8, 7, 9], // TC3 9
      ["D", "GK1", 9, 8, 7],
      ["D", "GK2", 9, 8, 7], // TC3 7
      ["E", "GK1", 9, 7, 8],
      ["E", "GK2", 9, 7, 8], // TC3 8, TC1 9
      ["H", "GK1", 7, 7, 10], // TC3 10 from one judge: a mean of 10, though its sum (10) is below C's (18)
    ];
    const entries = ["A", "B", "C", "D", "E", "H"].map((code) => ({ code }));

    it("split equal scores in order, higher mean first; what stays equal is tied and flagged `đồng hạng`", () => {
      const run = runSpec({
        settings: [["Tiêu chí phụ", "TC3, tc1"]],
        entries,
        criteria,
        scores,
        prizes: [
          [null, "Nhất", 1, 1],
          [null, "Nhì", 1, 1],
          [null, "Ba", 1, 1],
          [null, "Tư", 3, 1],
        ],
      });
      expect(rankTable(run)).toEqual([
        ["H", 1],
        ["C", 2],
        ["E", 3],
        ["A", 4],
        ["B", 4],
        ["D", 6],
      ]);
      expect(["A", "B"].map((c) => resultOf(run, c).flags.includes(FLAG.tied))).toEqual([true, true]);
      expect(["H", "C", "E", "D"].map((c) => resultOf(run, c).flags.includes(FLAG.tied))).toEqual([false, false, false, false]);
      expect(awardTable(run)).toEqual([
        ["H", "Nhất"],
        ["C", "Nhì"],
        ["E", "Ba"],
        ["A", "Tư"],
        ["B", "Tư"],
        ["D", "Tư"],
      ]);
      // The displayed score is the same for all: only the order changed.
      expect(new Set(["A", "B", "C", "D", "E", "H"].map((c) => toFixedText(resultOf(run, c).score!, 2)))).toEqual(new Set(["24.00"]));
    });

    it("without them equal scores are simply tied", () => {
      const run = runSpec({ entries, criteria, scores });
      expect(rankTable(run).map(([, rank]) => rank)).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it("with only the first one, entries equal on it stay tied", () => {
      const run = runSpec({ settings: [["Tiêu chí phụ", "TC3"]], entries, criteria, scores });
      expect(rankTable(run)).toEqual([
        ["H", 1],
        ["C", 2],
        ["A", 3],
        ["B", 3],
        ["E", 3],
        ["D", 6],
      ]);
    });
  });
});

describe("prizes: allocatePrizes", () => {
  it("position p belongs to the first prize whose cumulative count reaches p", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((p) => prizeAtPosition(LEVELS, p)?.name)).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", "Khuyến khích", undefined]);
    expect(allocate([1, 1, 1, 1, 1, 1, 1, 1], "shared")).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", "Khuyến khích", ""]);
  });

  describe("`Đồng giải`", () => {
    it("a tie at the Ba/Khuyến khích boundary gives both Ba and pushes the next group on", () => {
      expect(allocate([1, 1, 1, 2, 1, 1, 1], "shared")).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", ""]);
    });
    it("a tie group starting at K all get the last prize; the next group gets nothing", () => {
      expect(allocate([1, 1, 1, 1, 1, 1, 3, 1], "shared")).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", "Khuyến khích", ""]);
    });
    it("a tie group starting after K gets nothing", () => {
      expect(allocate([1, 1, 1, 1, 1, 1, 1, 2], "shared")).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", "Khuyến khích", ""]);
      expect(allocatePrizes([7, 2], LEVELS, "shared")[1]).toEqual({ kind: "none" });
    });
    it("each member gets the prize of the starting position at its full amount", () => {
      const [first] = allocatePrizes([3], LEVELS, "shared");
      expect(first).toEqual({ kind: "prize", prize: NHAT });
    });
  });

  describe("`Hội đồng quyết định`", () => {
    it("a group fully inside one prize gets it", () => {
      expect(allocate([1, 1, 2, 1], "council")).toEqual(["Nhất", "Nhì", "Ba", "Khuyến khích"]);
      expect(allocate([1, 1, 1, 1, 1, 2], "council")).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích"]);
    });
    it("a group straddling two prizes is pending with the prizes at stake; the next group starts at p + g", () => {
      expect(allocate([1, 1, 1, 2, 1, 1, 1], "council")).toEqual(["Nhất", "Nhì", "Ba", "Chờ: Ba/Khuyến khích", "Khuyến khích", "Khuyến khích", ""]);
      expect(allocate([3], "council")).toEqual(["Chờ: Nhất/Nhì/Ba"]);
    });
    it("a group running past K is pending, and may get nothing", () => {
      expect(allocatePrizes([1, 1, 1, 1, 1, 1, 2], LEVELS, "council")[6]).toEqual({ kind: "pending", atStake: [KK], mayGetNothing: true });
    });
    it("a group starting after K gets nothing", () => {
      expect(allocate([1, 1, 1, 1, 1, 1, 1, 2], "council")[7]).toBe("");
    });
  });
});

describe("prizes through whole ledgers", () => {
  const ledger = (scores: number[], ties = "Đồng giải") => {
    const s = scoredEntries(scores);
    return runSpec({ ...s, settings: [["Đồng hạng", ties]], prizes: SEED_PRIZES });
  };

  it("`Đồng giải`: a Ba/Khuyến khích boundary tie gives both Ba at full amount and pushes the next", () => {
    const run = ledger([95, 90, 85, 80, 80, 75, 70, 65]);
    expect(awardTable(run).map(([, a]) => a)).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Ba", "Khuyến khích", "Khuyến khích", ""]);
    expect(run.result.totalAmount).toBe(3_000_000n + 2_000_000n + 3n * 1_000_000n + 2n * 500_000n);
  });

  it("`Đồng giải`: a tie group starting at K all get Khuyến khích", () => {
    const run = ledger([95, 90, 85, 80, 75, 70, 60, 60, 60, 50]);
    expect(awardTable(run).map(([, a]) => a)).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", "Khuyến khích", "Khuyến khích", "Khuyến khích", ""]);
    expect(run.result.totalAmount).toBe(9_500_000n);
  });

  it("`Đồng giải`: a tie group starting after K gets nothing", () => {
    const run = ledger([95, 90, 85, 80, 75, 70, 65, 60, 60]);
    expect(awardTable(run).slice(7)).toEqual([
      ["E8", ""],
      ["E9", ""],
    ]);
    expect(run.result.totalAmount).toBe(8_500_000n);
  });

  it("`Hội đồng quyết định`: a straddling tie is `Chờ quyết định`, counted nowhere, and reported", () => {
    const run = ledger([95, 90, 85, 80, 80, 75, 70, 65], "Hội đồng quyết định");
    expect(awardTable(run).map(([, a]) => a)).toEqual(["Nhất", "Nhì", "Ba", "Chờ: Ba/Khuyến khích", "Chờ: Ba/Khuyến khích", "Khuyến khích", "Khuyến khích", ""]);
    expect(run.result.totalAmount).toBe(3_000_000n + 2_000_000n + 1_000_000n + 2n * 500_000n);
    expect(resultRows(run)[3]!["Giải"]).toBe("Chờ quyết định (Ba / Khuyến khích)");
    expect(resultOf(run, "E4").flags).toEqual(expect.arrayContaining([FLAG.tied, FLAG.pending]));
    expect(problemsAt(run, "Bài dự thi!A5")).toEqual([
      { severity: "Cảnh báo", at: "Bài dự thi!A5", text: "Các bài E4, E5 bằng điểm tại ranh giới giải (Ba / Khuyến khích): chờ Hội đồng quyết định." },
    ]);
  });

  it("`Hội đồng quyết định`: a tie inside one prize gets it; a tie running past K waits for the council", () => {
    const inside = ledger([95, 90, 85, 85, 80, 75, 70], "Hội đồng quyết định");
    expect(awardTable(inside).map(([, a]) => a)).toEqual(["Nhất", "Nhì", "Ba", "Ba", "Khuyến khích", "Khuyến khích", "Khuyến khích"]);
    expect(inside.result.totalAmount).toBe(8_500_000n);
    const past = ledger([95, 90, 85, 80, 75, 70, 65, 65], "Hội đồng quyết định");
    expect(
      awardTable(past)
        .slice(6)
        .map(([, a]) => a),
    ).toEqual(["Chờ: Khuyến khích/không giải", "Chờ: Khuyến khích/không giải"]);
    expect(resultRows(past)[6]!["Giải"]).toBe("Chờ quyết định (Khuyến khích / không giải)");
    expect(past.result.totalAmount).toBe(8_000_000n);
  });

  it("prize rows apply per category; rows without a category serve the categories without their own", () => {
    const run = runSpec({
      entries: [
        { code: "A1", category: "Bài viết" },
        { code: "A2", category: "Bài viết" },
        { code: "A3", category: "Bài viết" },
        { code: "V1", category: "Video" },
        { code: "V2", category: "Video" },
        { code: "V3", category: "Video" },
        { code: "P1", category: "Ảnh" },
      ],
      scores: panelScores({ A1: [90], A2: [80], A3: [70], V1: [90], V2: [80], V3: [70], P1: [50] }),
      prizes: [
        ["Bài viết", "Nhất", 1, 2_000_000],
        [null, "Giải A", 1, 700_000],
        ["bai viet", "Nhì", 1, 1_000_000], // category names match like headers: case and diacritics ignored
        [null, "Giải B", 2, 300_000],
      ],
    });
    expect(awardTable(run, "Bài viết")).toEqual([
      ["A1", "Nhất"],
      ["A2", "Nhì"],
      ["A3", ""],
    ]);
    expect(awardTable(run, "Video")).toEqual([
      ["V1", "Giải A"],
      ["V2", "Giải B"],
      ["V3", "Giải B"],
    ]);
    expect(awardTable(run, "Ảnh")).toEqual([["P1", "Giải A"]]);
    expect(run.result.totalAmount).toBe(2_000_000n + 1_000_000n + 700_000n + 2n * 300_000n + 700_000n);
  });
});

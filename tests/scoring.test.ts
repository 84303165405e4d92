import { describe, expect, it } from "vitest";
import { readContest } from "../shared/ledger/read-contest.js";
import { aggregate, spread, trimmedMean, zScoreMeans } from "../shared/scoring/aggregate.js";
import { FLAG } from "../shared/scoring/contest-results.js";
import { type Exact, parseExact, toFixedText, toNumber } from "../shared/cells/exact.js";
import { judgeTotals } from "../shared/scoring/judge-totals.js";
import { type ContestSpec, contestSheets, panelScores, problemsAt, resultOf, runSpec, shownProblems } from "./support/contest-ledger.js";

function x(text: string): Exact {
  const v = parseExact(text);
  if (v === undefined) throw new Error(`not a decimal: ${text}`);
  return v;
}
const xs = (...values: string[]): Exact[] => values.map(x);
const fixed = (v: Exact | undefined, d = 2): string | undefined => (v === undefined ? undefined : toFixedText(v, d));

describe("judge totals", () => {
  // ND ×2 (max 10), HT ×1,5 (max 10), TT ×1 by default (max 5).
  const weighted: ContestSpec = {
    settings: [["Số chữ số thập phân", 3]],
    entries: [{ code: "E1" }, { code: "E2" }],
    criteria: [
      ["ND", "Nội dung", 10, 2, null],
      ["HT", "Hình thức", 10, "1,5", null],
      ["TT", "Thuyết trình", 5, null, null],
    ],
    extraScoreHeaders: ["Tổng"],
    scores: [
      ["E1", "GK1", 8, "7,5", 3, 999], // 16 + 11,25 + 3 = 30,25; the user's `Tổng` is never trusted
      ["E1", "GK2", 10, 10, 5, 999], // exactly max everywhere: 20 + 15 + 5 = 40
      ["E2", "GK1", 0, 0, 0, 999], // exactly 0 everywhere is a valid total of 0
      ["E2", "GK2", 5, 5, 5, 999], // 10 + 7,5 + 5 = 22,5
    ],
  };

  it("are Σ weight × score, exactly, for every judge row", () => {
    const { ledger, problems } = readContest(contestSheets(weighted));
    const totals = judgeTotals(ledger, problems);
    const of = (entry: string): [string, string][] => (totals.get(entry) ?? []).map((t) => [t.judgeKey, toFixedText(t.total, 3)]);
    expect(of("E1")).toEqual([
      ["GK1", "30.250"],
      ["GK2", "40.000"],
    ]);
    expect(of("E2")).toEqual([
      ["GK1", "0.000"],
      ["GK2", "22.500"],
    ]);
    expect(problems.items).toEqual([]);
  });

  it("give the entry the mean of totals and the spread highest − lowest; 0 and max are valid scores", () => {
    const run = runSpec(weighted);
    expect(run.errorCount).toBe(0);
    const e1 = resultOf(run, "E1");
    expect([e1.judgeCount, fixed(e1.score, 3), fixed(e1.spread, 3)]).toEqual([2, "35.125", "9.750"]);
    const e2 = resultOf(run, "E2");
    expect([e2.judgeCount, fixed(e2.score, 3), fixed(e2.spread, 3)]).toEqual([2, "11.250", "22.500"]);
  });

  describe("a row with a missing, non-number or out-of-range score gives no total and a `Lỗi` at that cell", () => {
    const spec: ContestSpec = {
      entries: [{ code: "E1" }],
      criteria: [
        ["ND", "Nội dung", 10, 1, null],
        ["HT", "Hình thức", 10, 1, null],
      ],
      scores: [
        ["E1", "GK1", 8, 8], // row 2: valid, 16
        ["E1", "GK2", 8, null], // row 3: HT missing
        ["E1", "GK3", "tám", 8], // row 4: ND not a number
        ["E1", "GK4", "10,5", 8], // row 5: ND above max
        ["E1", "GK5", 8, -1], // row 6: HT below 0
        ["E1", "GK6", 0, 10], // row 7: valid, 10
      ],
    };
    const run = runSpec(spec);

    it.each([
      ["Điểm!D3", "Thiếu điểm tiêu chí “HT”"],
      ["Điểm!C4", "Điểm “tám” của tiêu chí “ND” không phải là số"],
      ["Điểm!C5", "Điểm 10,5 của tiêu chí “ND” nằm ngoài thang 0 – 10"],
      ["Điểm!D6", "Điểm -1 của tiêu chí “HT” nằm ngoài thang 0 – 10"],
    ])("%s: %s", (address, text) => {
      const found = problemsAt(run, address);
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe("Lỗi");
      expect(found[0]!.text).toContain(text);
      expect(found[0]!.text).toContain("chưa có tổng điểm");
    });

    it("only the two valid rows count", () => {
      expect(run.errorCount).toBe(4);
      const e1 = resultOf(run, "E1");
      expect(e1.judgeCount).toBe(2);
      expect(fixed(e1.score)).toBe("13.00"); // mean(16, 10)
      expect(fixed(e1.spread)).toBe("6.00");
    });
  });
});

describe("aggregation", () => {
  it("`Trung bình` is the mean of the judges' totals", () => {
    expect(
      fixed(
        aggregate(
          "mean",
          new Map([
            [
              "E",
              [
                { judgeKey: "A", total: x("70") },
                { judgeKey: "B", total: x("80") },
                { judgeKey: "C", total: x("91") },
              ],
            ],
          ]),
        ).get("E"),
      ),
    ).toBe("80.33");
    const run = runSpec({ entries: [{ code: "E1" }], scores: panelScores({ E1: [70, 80, 91] }) });
    expect(fixed(resultOf(run, "E1").score)).toBe("80.33");
  });

  it("`Bỏ cao nhất, thấp nhất` drops exactly one highest and one lowest total with 5 judges", () => {
    // Plain mean 20; dropping every copy of the lowest would also give 20.
    expect(fixed(trimmedMean(xs("10", "50", "10", "20", "10")))).toBe("13.33");
    expect(fixed(trimmedMean(xs("60", "70", "80", "90", "100", "0")))).toBe("75.00");
  });

  it("`Bỏ cao nhất, thấp nhất` is the plain mean with 4 judges or fewer", () => {
    expect(fixed(trimmedMean(xs("10", "20", "30", "100")))).toBe("40.00");
    expect(fixed(trimmedMean(xs("7")))).toBe("7.00");
  });

  it("`Bỏ cao nhất, thấp nhất` through a ledger: five judges trimmed, four judges not", () => {
    const run = runSpec({
      settings: [["Cách tính điểm", "Bỏ cao nhất, thấp nhất"]],
      entries: [{ code: "E5" }, { code: "E4" }],
      scores: panelScores({ E5: [10, 50, 10, 20, 10], E4: [10, 20, 30, 100, undefined] }),
    });
    expect(fixed(resultOf(run, "E5").score)).toBe("13.33");
    expect(resultOf(run, "E5").judgeCount).toBe(5);
    expect(fixed(resultOf(run, "E4").score)).toBe("40.00");
    expect(resultOf(run, "E4").judgeCount).toBe(4);
    // The spread is over all counted totals, not the trimmed ones.
    expect(fixed(resultOf(run, "E5").spread)).toBe("40.00");
  });

  describe("`Chuẩn hóa`", () => {
    // Hand computation (population standard deviation):
    // judge A scores 6, 8, 10: mean 8, sd √(8/3), z = −√1,5, 0, +√1,5.
    // judge B scores 4, 5, 6: mean 5, sd √(2/3), the same z.
    // pooled 6, 8, 10, 4, 5, 6: mean 6,5, variance 23,5/6, so sd·z = √(23,5/6 · 1,5) = √5,875.
    // E1 = 6,5 − √5,875 ≈ 4,0762; E2 = 6,5; E3 = 6,5 + √5,875 ≈ 8,9238 (the plain mean would be 5; 6,5; 8).
    const twoJudges = new Map([
      [
        "E1",
        [
          { judgeKey: "A", total: x("6") },
          { judgeKey: "B", total: x("4") },
        ],
      ],
      [
        "E2",
        [
          { judgeKey: "A", total: x("8") },
          { judgeKey: "B", total: x("5") },
        ],
      ],
      [
        "E3",
        [
          { judgeKey: "A", total: x("10") },
          { judgeKey: "B", total: x("6") },
        ],
      ],
    ]);

    it("rescales each judge's z-scores to the pooled mean and spread", () => {
      const z = zScoreMeans(twoJudges);
      expect(toNumber(z.get("E1")!)).toBeCloseTo(6.5 - Math.sqrt(5.875), 8);
      expect(toNumber(z.get("E2")!)).toBeCloseTo(6.5, 8);
      expect(toNumber(z.get("E3")!)).toBeCloseTo(6.5 + Math.sqrt(5.875), 8);
      expect(aggregate("zscore", twoJudges)).toEqual(z);
    });

    it("a judge whose scores do not vary contributes the pooled mean", () => {
      // Judge C gives 7 to everybody. Pooled 6, 8, 10, 7, 7, 7: mean 7,5, variance 9,5/6;
      // A's sd·z = √(9,5/6 · 1,5) = √2,375. E1 = (7,5 − √2,375 + 7,5)/2 ≈ 6,7294.
      const flat = new Map([
        [
          "E1",
          [
            { judgeKey: "A", total: x("6") },
            { judgeKey: "C", total: x("7") },
          ],
        ],
        [
          "E2",
          [
            { judgeKey: "A", total: x("8") },
            { judgeKey: "C", total: x("7") },
          ],
        ],
        [
          "E3",
          [
            { judgeKey: "A", total: x("10") },
            { judgeKey: "C", total: x("7") },
          ],
        ],
      ]);
      const z = zScoreMeans(flat);
      expect(toNumber(z.get("E1")!)).toBeCloseTo(7.5 - Math.sqrt(2.375) / 2, 8);
      expect(toNumber(z.get("E2")!)).toBeCloseTo(7.5, 8);
      expect(toNumber(z.get("E3")!)).toBeCloseTo(7.5 + Math.sqrt(2.375) / 2, 8);
      for (const v of z.values()) expect(Number.isFinite(toNumber(v))).toBe(true);
    });

    it("through a ledger, rounded half-up to the configured decimals", () => {
      const run = runSpec({
        settings: [["Cách tính điểm", "Chuẩn hóa"]],
        entries: [{ code: "E1" }, { code: "E2" }, { code: "E3" }],
        scores: panelScores({ E1: [6, 4], E2: [8, 5], E3: [10, 6] }, ["A", "B"]),
      });
      expect(["E1", "E2", "E3"].map((c) => fixed(resultOf(run, c).score))).toEqual(["4.08", "6.50", "8.92"]);
      const flat = runSpec({
        settings: [["Cách tính điểm", "Chuẩn hóa"]],
        entries: [{ code: "E1" }, { code: "E2" }, { code: "E3" }],
        scores: panelScores({ E1: [6, 7], E2: [8, 7], E3: [10, 7] }, ["A", "C"]),
      });
      expect(["E1", "E2", "E3"].map((c) => fixed(resultOf(flat, c).score))).toEqual(["6.73", "7.50", "8.27"]);
      // Judge C's constant 7 carries no information under Chuẩn hóa: a warning at C's row, none for A.
      const warned = shownProblems(flat).filter((p) => p.text.includes("cùng một tổng điểm"));
      expect(warned.map((p) => [p.severity, p.at])).toEqual([["Cảnh báo", "Giám khảo!A3"]]);
      expect(warned[0]!.text).toContain("“C”");
      const plainMean = runSpec({ entries: [{ code: "E1" }, { code: "E2" }, { code: "E3" }], scores: panelScores({ E1: [6, 7], E2: [8, 7], E3: [10, 7] }, ["A", "C"]) });
      expect(shownProblems(plainMean).filter((p) => p.text.includes("cùng một tổng điểm"))).toEqual([]);
    });
  });

  it("spread is highest minus lowest total, undefined with no totals", () => {
    expect(fixed(spread(xs("72.5", "80", "68.25")))).toBe("11.75");
    expect(spread([])).toBeUndefined();
  });
});

describe("who counts: conflicts, missing scores, duplicates, unknown codes, categories", () => {
  const units = [
    ["U1", "Đơn vị Một", "Không", null],
    ["U2", "Đơn vị Hai", "Không", null],
  ] as const;

  it("a judge of the entry's own unit is excluded with a `Cảnh báo` and not counted in Số GK", () => {
    const run = runSpec({
      units: units.map((r) => [...r]),
      entries: [
        { code: "E1", unit: "U1" },
        { code: "E2", unit: "U2" },
      ],
      judges: [{ code: "GK1", unit: "U1" }, { code: "GK2" }, { code: "GK3" }],
      scores: [
        ["E1", "GK1", 90], // row 2: conflict of interest
        ["E1", "GK2", 70],
        ["E1", "GK3", 72],
        ["E2", "GK1", 80],
        ["E2", "GK2", 81],
        ["E2", "GK3", 82],
      ],
    });
    const warning = problemsAt(run, "Điểm!B2");
    expect(warning).toHaveLength(1);
    expect(warning[0]!.severity).toBe("Cảnh báo");
    expect(warning[0]!.text).toContain("cùng đơn vị “U1”");
    const e1 = resultOf(run, "E1");
    expect(e1.judgeCount).toBe(2);
    expect(fixed(e1.score)).toBe("71.00"); // not 77.33 with the conflicted 90
    expect(e1.flags).toContain(FLAG.conflict);
    expect(e1.rank).toBe(2);
    expect(resultOf(run, "E2").judgeCount).toBe(3);
    expect(run.errorCount).toBe(0);
  });

  it("a conflicted judge is not expected to score their own unit's entry", () => {
    const run = runSpec({
      units: units.map((r) => [...r]),
      entries: [
        { code: "E1", unit: "U1" },
        { code: "E2", unit: "U2" },
      ],
      judges: [{ code: "GK1", unit: "U1" }, { code: "GK2" }],
      scores: panelScores({ E1: [undefined, 70], E2: [80, 81] }),
    });
    expect(shownProblems(run)).toEqual([]);
    expect(resultOf(run, "E1").flags).not.toContain(FLAG.missingScores);
  });

  it("a missing expected score is a `Cảnh báo` and flags the entry `thiếu điểm`", () => {
    const run = runSpec({
      entries: [{ code: "E1" }, { code: "E2" }],
      scores: panelScores({ E1: [70, 71, 72], E2: [80, 81, undefined] }),
    });
    expect(shownProblems(run)).toEqual([{ severity: "Cảnh báo", at: "Điểm", text: "Giám khảo “GK3” chưa chấm bài “E2”." }]);
    expect(resultOf(run, "E2").flags).toContain(FLAG.missingScores);
    expect(resultOf(run, "E2").judgeCount).toBe(2);
    expect(resultOf(run, "E1").flags).not.toContain(FLAG.missingScores);
  });

  it("a judge who scored nothing gives one warning, not one per entry", () => {
    const run = runSpec({
      units: units.map((r) => [...r]),
      entries: [
        { code: "E1", unit: "U1" },
        { code: "E2", unit: "U2" },
        { code: "E3", unit: "U2" },
      ],
      judges: [{ code: "GK1" }, { code: "GK9", unit: "U1" }],
      scores: panelScores({ E1: [70], E2: [71], E3: [72] }),
    });
    const aboutGk9 = shownProblems(run).filter((p) => p.text.includes("GK9"));
    // E1 is GK9's own unit's entry, so two entries are expected of GK9.
    expect(aboutGk9).toEqual([{ severity: "Cảnh báo", at: "Điểm", text: "Giám khảo “GK9” chưa chấm bài nào (2 bài cần chấm)." }]);
  });

  it("duplicate (entry, judge) rows are each a `Lỗi` and neither counts", () => {
    const run = runSpec({
      entries: [{ code: "E1" }],
      scores: [
        ["E1", "GK1", 90], // row 2
        ["e1", "gk1", 50], // row 3: the same pair, codes compare case-insensitively
        ["E1", "GK2", 70],
      ],
    });
    const rows = [problemsAt(run, "Điểm!B2"), problemsAt(run, "Điểm!B3")];
    for (const found of rows) {
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe("Lỗi");
    }
    // The group is described at its first row; the other row points there.
    expect(rows[0]![0]!.text).toContain("nhiều dòng điểm");
    expect(rows[0]![0]!.text).toContain("thêm 1 dòng: dòng 3)");
    expect(rows[1]![0]!.text).toContain("trùng với dòng 2");
    expect(run.errorCount).toBe(2);
    const e1 = resultOf(run, "E1");
    expect(e1.judgeCount).toBe(1);
    expect(fixed(e1.score)).toBe("70.00");
  });

  it("unknown entry and judge codes in `Điểm` are `Lỗi` at the code cell and do not count", () => {
    const run = runSpec({
      entries: [{ code: "E1" }],
      judges: [{ code: "GK1" }],
      scores: [
        ["E1", "GK1", 70], // row 2
        ["E9", "GK1", 99], // row 3: no such entry
        ["E1", "GK9", 99], // row 4: no such judge
      ],
    });
    expect(problemsAt(run, "Điểm!A3")).toEqual([{ severity: "Lỗi", at: "Điểm!A3", text: expect.stringContaining("Mã bài “E9” không có") }]);
    expect(problemsAt(run, "Điểm!B4")).toEqual([{ severity: "Lỗi", at: "Điểm!B4", text: expect.stringContaining("Mã giám khảo “GK9” không có") }]);
    expect(run.errorCount).toBe(2);
    expect(resultOf(run, "E1").judgeCount).toBe(1);
    expect(fixed(resultOf(run, "E1").score)).toBe("70.00");
  });

  it("a judge restricted to a category (`Hạng mục` in `Giám khảo`) counts only there and is expected only there", () => {
    const run = runSpec({
      entries: [
        { code: "A1", category: "Bài viết" },
        { code: "A2", category: "Bài viết" },
        { code: "V1", category: "Video" },
      ],
      judges: [{ code: "GK1" }, { code: "GK2", categories: "Video" }, { code: "GK3", categories: "Bài viết, Video" }],
      scores: [
        ["A1", "GK1", 80],
        ["A1", "GK2", 10], // row 3: GK2 does not judge Bài viết
        ["A1", "GK3", 82],
        ["A2", "GK1", 60],
        ["A2", "GK3", 62],
        ["V1", "GK1", 70],
        ["V1", "GK2", 60],
        ["V1", "GK3", 65],
      ],
    });
    expect(problemsAt(run, "Điểm!B3")).toEqual([{ severity: "Cảnh báo", at: "Điểm!B3", text: "Giám khảo “GK2” không chấm hạng mục “Bài viết”; điểm này không được tính." }]);
    expect(shownProblems(run)).toHaveLength(1); // GK2 is not expected on A2
    expect([resultOf(run, "A1").judgeCount, fixed(resultOf(run, "A1").score)]).toEqual([2, "81.00"]);
    expect([resultOf(run, "V1").judgeCount, fixed(resultOf(run, "V1").score)]).toEqual([3, "65.00"]);
    expect(resultOf(run, "A2").flags).not.toContain(FLAG.missingScores);
  });
});

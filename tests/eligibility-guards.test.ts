import { describe, expect, it } from "vitest";
import { FLAG } from "../shared/scoring/contest-results.js";
import { resultOf, runSpec, shownProblems } from "./support/contest-ledger.js";

describe("a category without any readable criterion", () => {
  // The `Tiêu chí` sheet lacks its `Điểm tối đa` column: no criterion can be read.
  const run = runSpec({
    criteria: [["TC", "Tổng thể", null, 1, null]],
    entries: [{ code: "A" }, { code: "B" }],
    scores: [
      ["A", "GK1", 50],
      ["B", "GK1", 90],
    ],
  });

  it("ranks nobody and pays nothing instead of tying everyone for first", () => {
    expect(resultOf(run, "A").rank).toBeUndefined();
    expect(resultOf(run, "B").rank).toBeUndefined();
    expect(run.result.totalAmount).toBe(0n);
  });

  it("says so as an error on the Tiêu chí sheet", () => {
    const found = shownProblems(run).filter((p) => p.at === "Tiêu chí" && p.text.includes("chưa có tiêu chí"));
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("Lỗi");
  });
});

describe("each failed condition of an entry is reported", () => {
  it("a late entry with too few judges gets both flags and both warnings", () => {
    const run = runSpec({
      settings: [
        ["Nhận bài đến ngày", "10/10/2020"],
        ["Số giám khảo tối thiểu", 2],
      ],
      entries: [
        { code: "LATE", received: "12/10/2020" },
        { code: "OK", received: "01/10/2020" },
      ],
      scores: [
        ["LATE", "GK1", 80],
        ["OK", "GK1", 70],
        ["OK", "GK2", 70],
      ],
    });
    const late = resultOf(run, "LATE");
    expect(late.flags).toContain(FLAG.late);
    expect(late.flags).toContain(FLAG.tooFewJudges);
    const texts = shownProblems(run).map((p) => p.text);
    expect(texts.some((t) => t.includes("nộp muộn"))).toBe(true);
    expect(texts.some((t) => t.includes("mới có 1 giám khảo"))).toBe(true);
  });

  it("a withdrawn entry is not also reported for missing judges", () => {
    const run = runSpec({
      settings: [["Số giám khảo tối thiểu", 2]],
      entries: [{ code: "W", status: "Rút" }, { code: "OK" }],
      scores: [
        ["OK", "GK1", 70],
        ["OK", "GK2", 70],
      ],
    });
    expect(resultOf(run, "W").flags).toEqual([FLAG.withdrawn]);
  });
});

import { describe, expect, it } from "vitest";
import { readDecimal } from "../shared/cells/number.js";
import { type Exact, add, compare, exact, fromNumber, mean, parseExact, roundHalfUp, roundScaled, sum, toFixedText, toPlainText } from "../shared/cells/exact.js";
import { panelScores, rankTable, resultOf, resultRows, runSpec } from "./support/contest-ledger.js";

function p(text: string): Exact {
  const v = parseExact(text);
  if (v === undefined) throw new Error(`not a decimal: ${text}`);
  return v;
}

describe("exact decimal arithmetic", () => {
  it("the mean of 80.01 and 80.00 rounds half-up to 80.01 (binary floating point gives 80.00)", () => {
    // The trap this module exists for: 80.005 is not representable and falls just below.
    expect(((80.01 + 80.0) / 2).toFixed(2)).toBe("80.00");
    const m = mean([p("80.01"), p("80.00")]);
    expect(compare(m, p("80.005"))).toBe(0);
    expect(toFixedText(m, 2)).toBe("80.01");
    // Number cells go through the shortest round-trip text, so they are exact too.
    expect(toFixedText(mean([fromNumber(80.01)!, fromNumber(80)!]), 2)).toBe("80.01");
  });

  it("0.1 + 0.2 is exactly 0.3", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const s = add(p("0.1"), p("0.2"));
    expect(compare(s, p("0.3"))).toBe(0);
    expect(s).toEqual({ num: 3n, den: 10n });
    expect(toPlainText(add(fromNumber(0.1)!, fromNumber(0.2)!))).toBe("0.3");
    expect(compare(sum([p("0.1"), p("0.1"), p("0.1")]), p("0.3"))).toBe(0);
  });

  const HALF_UP: readonly (readonly [string, number, string])[] = [
    ["2.5", 0, "3"],
    ["3.5", 0, "4"],
    ["2.4999", 0, "2"],
    ["0.5", 0, "1"],
    ["2.45", 1, "2.5"],
    ["2.449", 1, "2.4"],
    ["0.05", 1, "0.1"],
    ["1.005", 2, "1.01"],
    ["1.0049", 2, "1.00"],
    ["80.005", 2, "80.01"],
    ["80.004999", 2, "80.00"],
    ["0.0005", 3, "0.001"],
    ["1.2345", 3, "1.235"],
    ["1.2344", 3, "1.234"],
    ["7", 3, "7.000"],
  ];
  it.each(HALF_UP)("rounds %s half-up to %i decimals: %s", (input, decimals, expected) => {
    expect(toFixedText(p(input), decimals)).toBe(expected);
    expect(compare(roundHalfUp(p(input), decimals), p(expected))).toBe(0);
  });

  it("rounds halves of thirds and other non-decimal fractions by their exact value", () => {
    // 1/3 = 0.333…, 2/3 = 0.666…, 1/8 = 0.125 (a true half at 2 decimals)
    expect(toFixedText(exact(1n, 3n), 2)).toBe("0.33");
    expect(toFixedText(exact(2n, 3n), 2)).toBe("0.67");
    expect(toFixedText(exact(1n, 8n), 2)).toBe("0.13");
    expect(roundScaled(exact(241n, 3n), 2)).toBe(8033n); // 80.333…
  });

  it("rounds negative halves away from zero and never prints -0", () => {
    expect(toFixedText(p("-2.5"), 0)).toBe("-3");
    expect(toFixedText(p("-2.45"), 1)).toBe("-2.5");
    expect(toFixedText(p("-2.44"), 1)).toBe("-2.4");
    expect(toFixedText(p("-1.005"), 2)).toBe("-1.01");
    expect(toFixedText(p("-0.004"), 2)).toBe("0.00");
    expect(compare(p("-0.5"), p("0"))).toBe(-1);
  });

  it("parses plain decimals and exponents exactly", () => {
    expect(parseExact("1e-7")).toEqual({ num: 1n, den: 10_000_000n });
    expect(parseExact("1.5E3")).toEqual({ num: 1500n, den: 1n });
    expect(parseExact("-0.5")).toEqual({ num: -1n, den: 2n });
    expect(parseExact("8.25")).toEqual({ num: 33n, den: 4n });
    expect(parseExact(".5")).toEqual({ num: 1n, den: 2n });
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(toPlainText(p("1e-7"))).toBe("0.0000001");
    for (const bad of ["", ".", "abc", "1e", "1,5", "8.5.1"]) expect(parseExact(bad)).toBeUndefined();
    expect(fromNumber(Number.NaN)).toBeUndefined();
  });

  it("reads weights and scores typed with a decimal comma (1,5) or point", () => {
    expect(readDecimal("1,5")).toEqual({ num: 3n, den: 2n });
    expect(readDecimal("1.5")).toEqual({ num: 3n, den: 2n });
    expect(readDecimal(" 8,25 ")).toEqual({ num: 33n, den: 4n });
    expect(readDecimal(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(readDecimal("tám")).toBeUndefined();
    expect(readDecimal("1.000,5")).toBeUndefined();
  });

  it("a judge total 80.01 and 80.00 gives the entry 80.01 in `Kết quả`", () => {
    const run = runSpec({ entries: [{ code: "E1" }], scores: panelScores({ E1: [80.01, "80,00"] }) });
    expect(toFixedText(resultOf(run, "E1").score!, 2)).toBe("80.01");
    expect(resultRows(run)[0]!["Điểm"]).toBe(80.01);
  });

  it("ranks by the rounded score: 80.004 and 80.001 tie with 2 decimals, not with 3", () => {
    const entries = [{ code: "A" }, { code: "B" }, { code: "C" }];
    const scores = panelScores({ A: [80.001], B: [80.004], C: [79.9] });
    const two = runSpec({ entries, scores });
    expect(rankTable(two)).toEqual([
      ["A", 1],
      ["B", 1],
      ["C", 3],
    ]);
    expect(resultOf(two, "A").tied).toBe(true);
    expect(resultOf(two, "B").flags).toContain("đồng hạng");
    // Both tied entries get the first prize under `Đồng giải`.
    expect(resultOf(two, "A").award).toEqual(resultOf(two, "B").award);

    const three = runSpec({ entries, scores, settings: [["Số chữ số thập phân", 3]] });
    expect(rankTable(three)).toEqual([
      ["B", 1],
      ["A", 2],
      ["C", 3],
    ]);
    expect(resultOf(three, "A").tied).toBe(false);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import { type Exact, add, compare, exact, fromNumber, mul, parseExact, sum } from "../shared/cells/exact.js";
import { Prng } from "./bench/prng.js";

/**
 * The shortcuts taken for `npm run bench` (reading only the cells that exist, exact arithmetic
 * without a gcd where none is needed) must leave every result as it was.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-speedups-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading a sheet's grid", () => {
  it("gives missing cells as null, from a workbook another program wrote", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Điểm");
    ws.getCell("A1").value = "Mã bài";
    ws.getCell("D1").value = "TC1";
    ws.getCell("B3").value = 7.5;
    const file = path.join(dir, "gaps.xlsx");
    await wb.xlsx.writeFile(file);

    const loaded = await XlsxWorkbook.load(file);
    const grid = (await loaded.read(["Điểm"])).get("Điểm");
    expect(grid).toEqual([["Mã bài", null, null, "TC1"], [], [null, 7.5]]);
  });
});

/** The textbook formulas, reduced by `exact`: what the shortcuts must agree with. */
const slowAdd = (a: Exact, b: Exact): Exact => exact(a.num * b.den + b.num * a.den, a.den * b.den);
const slowMul = (a: Exact, b: Exact): Exact => exact(a.num * b.num, a.den * b.den);
const slowCompare = (a: Exact, b: Exact): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

function randomExacts(seed: number, count: number): Exact[] {
  const rng = new Prng(seed);
  const dens = [1n, 1n, 2n, 4n, 10n, 3n, 7n, 100n];
  return Array.from({ length: count }, () => exact(BigInt(rng.int(-400, 400)), rng.pick(dens)));
}

describe("exact arithmetic shortcuts", () => {
  const values = [...randomExacts(7, 60), exact(1n), exact(0n), exact(-1n), exact(1n, 2n)];

  it("add, mul and compare agree with the textbook formulas, in lowest terms", () => {
    for (const a of values) {
      for (const b of values) {
        expect(add(a, b)).toEqual(slowAdd(a, b));
        expect(mul(a, b)).toEqual(slowMul(a, b));
        expect(compare(a, b)).toBe(slowCompare(a, b));
      }
    }
  });

  it("sum with one denominator or several equals adding one by one", () => {
    const halves = values.filter((v) => v.den === 2n);
    expect(halves.length).toBeGreaterThan(2);
    for (const list of [halves, values, values.slice(0, 9), [], [exact(3n, 4n)]]) {
      expect(sum(list)).toEqual(list.reduce(slowAdd, exact(0n)));
    }
  });

  it("a number reads as the decimal it was typed as, every time it is met", () => {
    for (const n of [7.5, 0.1, 80.01, -2.5, 0, -0, 1e21, 1.5e-7, 28, 7.5]) {
      expect(fromNumber(n)).toEqual(parseExact(String(n)));
      expect(fromNumber(n)).toEqual(fromNumber(n));
    }
    expect(fromNumber(Number.NaN)).toBeUndefined();
    expect(fromNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

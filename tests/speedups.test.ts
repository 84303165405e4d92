import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import { type Exact, add, compare, exact, fromNumber, mul, parseExact, sum } from "../shared/scoring/exact.js";
import { Prng } from "./bench/prng.js";

/**
 * The shortcuts taken for `npm run bench` (shared styles while saving, reading only the cells that
 * exist, exact arithmetic without a gcd where none is needed) must leave every result as it was.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-speedups-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = new Date(Date.UTC(2020, 8, 2));

/** A sheet with every kind of cell whose saved style could go wrong if styles were mixed up. */
function fill(ws: ExcelJS.Worksheet): void {
  ws.addRow(["Mã bài", "Điểm", "Ngày", "Có"]);
  ws.getRow(1).eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  for (let r = 2; r <= 40; r++) ws.addRow([`SK${r}`, r / 2, day, r % 2 === 0]);
  for (let r = 2; r <= 40; r++) ws.getCell(r, 2).numFmt = "0.00";
  // Dates without a number format of their own take ExcelJS's date default; with one, theirs.
  for (let r = 2; r <= 20; r++) ws.getCell(r, 3).numFmt = "dd/mm/yyyy";
  ws.getCell(41, 3).value = { formula: "C2+1", result: day };
  ws.getCell(42, 1).value = { richText: [{ text: "đậm", font: { bold: true } }, { text: " thường" }] };
  ws.getCell(43, 2).protection = { locked: false };
  ws.getRow(44).font = { bold: true };
  ws.getCell(44, 1).value = "Tổng cộng";
  ws.getCell(44, 2).value = 100;
}

type CellView = [string, unknown, number, string];

async function cellsOf(file: string): Promise<CellView[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: CellView[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((c) => out.push([`${ws.name}!${c.address}`, c.value, c.type, JSON.stringify(c.style)])));
  }
  return out;
}

describe("saving with shared styles", () => {
  it("writes the same cells, values and styles as ExcelJS alone", async () => {
    const plain = new ExcelJS.Workbook();
    fill(plain.addWorksheet("Một"));
    fill(plain.addWorksheet("Hai"));
    const plainFile = path.join(dir, "plain.xlsx");
    await plain.xlsx.writeFile(plainFile);

    const ours = XlsxWorkbook.empty();
    fill(ours.workbook.addWorksheet("Một"));
    fill(ours.workbook.addWorksheet("Hai"));
    const ourFile = path.join(dir, "ours.xlsx");
    await ours.save(ourFile);

    const expected = await cellsOf(plainFile);
    expect(await cellsOf(ourFile)).toEqual(expected);
    const dateCell = expected.find(([address]) => address === "Một!C30");
    expect(dateCell?.[3]).toContain("mm-dd-yy");
  });

  it("gives every cell its own style object back once saved", async () => {
    const wb = XlsxWorkbook.empty();
    const ws = wb.workbook.addWorksheet("Một");
    fill(ws);
    await wb.save(path.join(dir, "own.xlsx"));
    ws.getCell(5, 2).numFmt = "0.000";
    expect(ws.getCell(6, 2).numFmt).toBe("0.00");
    ws.getCell(5, 1).font = { italic: true };
    expect(ws.getCell(6, 1).font).toBeUndefined();
  });
});

describe("reading a sheet's grid", () => {
  it("gives missing cells as null without adding them to the workbook", async () => {
    const wb = XlsxWorkbook.empty();
    const ws = wb.workbook.addWorksheet("Điểm");
    ws.getCell("A1").value = "Mã bài";
    ws.getCell("D1").value = "TC1";
    ws.getCell("B3").value = 7.5;
    const file = path.join(dir, "gaps.xlsx");
    await wb.save(file);

    const loaded = await XlsxWorkbook.load(file);
    const grid = (await loaded.read(["Điểm"])).get("Điểm");
    expect(grid).toEqual([["Mã bài", null, null, "TC1"], [], [null, 7.5]]);
    const sheet = loaded.workbook.getWorksheet("Điểm")!;
    expect(sheet.findRow(1)?.findCell(2)).toBeUndefined();
    expect(sheet.findRow(2)).toBeUndefined();
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

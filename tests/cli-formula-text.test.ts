import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JUDGE_SCORE_SHEET } from "../shared/tasks/judge-sheets.js";
import { loadBook, readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { removeFolder, runCli, tempFolder } from "./support/cli-run.js";
import { formulaElements, worksheetXml } from "./support/cli-xml.js";

/** Text that starts with `=`, `+`, `-` or `@` is written as text, never as a formula. */

/** Titles and authors of prize-winning entries of the demo, replaced by formula-like text. */
const FORMULA_LIKE: Readonly<Record<string, readonly [string, string]>> = {
  SK04: ['=HYPERLINK("http://x","y")', "@SUM(A1)"],
  SK05: ["+1+2", "-2+3"],
  SK02: ["=1+1", "=cmd|' /C calc'!A0"],
  SK10: ["@Bài có ký tự @ đầu", "+84 912 345 678"],
};
const TEXTS = Object.values(FORMULA_LIKE).flat();

let dir: string;
let ledger: string;
let judgeDir: string;

beforeAll(async () => {
  dir = tempFolder("formula-text");
  ledger = path.join(dir, "so.xlsx");
  judgeDir = path.join(dir, "phieu-cham");
  await writeBook(
    ledger,
    scoredDemoSheets((rows) => {
      const entries = rows.get("Bài dự thi")!;
      for (const [code, [title, authors]] of Object.entries(FORMULA_LIKE)) {
        const row = entries.find((r) => r[0] === code)!;
        row[1] = title;
        row[4] = authors;
      }
    }),
  );
  const [tally, judges] = await Promise.all([runCli(["tally", ledger]), runCli(["judge-sheets", ledger, "--out", judgeDir])]);
  expect(tally.code).toBe(0);
  expect(judges.code).toBe(0);
});
afterAll(() => removeFolder(dir));

describe("formula-like text stays text", () => {
  it.each(["Kết quả", "Danh sách giải"])("%s: the texts are there, verbatim, and the sheet XML holds no formula", async (sheet) => {
    const grid = sheetGrid(await readGrids(ledger), sheet);
    const cells = grid.flat();
    for (const text of TEXTS) expect(cells, text).toContain(text);
    expect(formulaElements(await worksheetXml(ledger, sheet))).toEqual([]);
  });

  it("ExcelJS sees each of those cells as a string cell without a formula", async () => {
    const wb = (await loadBook(ledger)).workbook;
    for (const sheet of ["Kết quả", "Danh sách giải"]) {
      const found: string[] = [];
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== "string" || !TEXTS.includes(cell.value)) return;
          found.push(cell.value);
          expect(cell.type, `${sheet}!${cell.address}`).toBe(ExcelJS.ValueType.String);
          expect(cell.formula, `${sheet}!${cell.address}`).toBeFalsy();
        }),
      );
      expect(new Set(found)).toEqual(new Set(TEXTS));
    }
  });

  it("the judges' workbooks show the titles as text too", async () => {
    const file = path.join(judgeDir, "phieu-cham-gk2.xlsx");
    const titles = sheetGrid(await readGrids(file), JUDGE_SCORE_SHEET).map((r) => r[1]);
    for (const [title] of Object.values(FORMULA_LIKE)) expect(titles).toContain(title);
    // The only formulas are thidua's own judge totals (`Tổng`): a title never becomes one.
    const formulas = formulaElements(await worksheetXml(file, JUDGE_SCORE_SHEET));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^<f>IF\(COUNT\(D(\d+):G\1\)=0,&quot;&quot;,D\1\+E\1\+F\1\+G\1\)<\/f>$/);
  });

  it("the check recognises the XML of a real formula (the assertion above can fail)", () => {
    expect(formulaElements('<c r="A1"><f>HYPERLINK("http://x","y")</f><v>y</v></c><c r="B1"><f t="shared" si="0"/></c>')).toHaveLength(2);
    expect(formulaElements('<c r="A1" t="s"><v>3</v></c><formula1>0</formula1>')).toEqual([]);
  });
});

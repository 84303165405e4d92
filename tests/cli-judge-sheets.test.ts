import { readdirSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../shared/cells/cell.js";
import { readContest } from "../shared/ledger/read-contest.js";
import { JUDGE_META_SHEET, JUDGE_SCORE_SHEET, criteriaForEntries, entriesFingerprint, rubricFingerprint, scoreTableOf } from "../shared/tasks/judge-sheets.js";
import { type TestBook, columnIndex, demoSheets, headerTexts, loadBook, scoreHeaderRow, readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { worksheetXml } from "./support/cli-xml.js";
import { type CliRun, removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";

/** `thidua judge-sheets <ledger> --out <dir>`: one protected, validated, traceable workbook per judge. */

let dir: string;
let ledger: string;
let outDir: string;
let run: CliRun;
let ledgerGrids: Map<string, Grid>;
const books = new Map<string, TestBook>();

beforeAll(async () => {
  dir = tempFolder("judge-sheets");
  ledger = path.join(dir, "so.xlsx");
  outDir = path.join(dir, "phieu-cham");
  await writeBook(ledger, demoSheets());
  ledgerGrids = await readGrids(ledger);
  run = await runCli(["judge-sheets", ledger, "--out", outDir]);
  for (const f of readdirSync(outDir)) books.set(f, await loadBook(path.join(outDir, f)));
});
afterAll(() => removeFolder(dir));

const judges = (): Grid => sheetGrid(ledgerGrids, "Giám khảo").slice(1);
const bookOf = (judge: string): TestBook => {
  const b = books.get(`phieu-cham-${judge.toLowerCase()}.xlsx`);
  if (!b) throw new Error(`no workbook for ${judge}: ${[...books.keys()].join(", ")}`);
  return b;
};
const scoreSheet = (judge: string): ExcelJS.Worksheet => bookOf(judge).workbook.getWorksheet(JUDGE_SCORE_SHEET)!;
const codesIn = (judge: string): string[] => {
  const grid = bookOf(judge).readAll().get(JUDGE_SCORE_SHEET)!;
  const table = scoreTableOf(grid);
  return grid.slice(table.first, table.end).map((r) => String(r[0]));
};

/** Entries a judge must score, straight from the ledger: not withdrawn or invalid, not of the judge's own unit. */
function expectedCodes(judgeUnit: string): string[] {
  const entries = sheetGrid(ledgerGrids, "Bài dự thi");
  const [code, unit, status] = ["Mã bài", "Mã đơn vị", "Trạng thái"].map((h) => columnIndex(entries, h));
  return entries
    .slice(1)
    .filter((r) => r[code!] !== undefined && r[code!] !== null)
    .filter((r) => !["Rút", "Không hợp lệ"].includes(String(r[status!] ?? "")) && r[unit!] !== judgeUnit)
    .map((r) => String(r[code!]));
}

/** What ExcelJS read from `<sheetProtection>` (present at run time, absent from its typings). */
function protectionOf(ws: ExcelJS.Worksheet): { sheet?: boolean } | undefined {
  return (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
}

/** Criterion codes and maxima from the ledger's rubric. */
function rubric(): [string, number][] {
  return sheetGrid(ledgerGrids, "Tiêu chí")
    .slice(1)
    .map((r) => [String(r[0]), Number(r[2])]);
}

describe("thidua judge-sheets", () => {
  it("writes one workbook per judge of the ledger and names each on stdout", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect([...books.keys()].sort()).toEqual(
      judges()
        .map((j) => `phieu-cham-${String(j[0]).toLowerCase()}.xlsx`)
        .sort(),
    );
    for (const j of judges()) expect(run.stdout).toContain(path.join(outDir, `phieu-cham-${String(j[0]).toLowerCase()}.xlsx`));
  });

  it("lists each judge's entries, leaving out those of the judge's own unit (conflict of interest)", () => {
    const withUnit = judges().filter((j) => j[2]);
    expect(withUnit.length).toBeGreaterThan(0);
    for (const [code, , unit] of judges()) {
      const listed = codesIn(String(code));
      expect(listed.sort(), String(code)).toEqual(expectedCodes(String(unit ?? "")).sort());
    }
    // GK1 belongs to PNV: PNV's entries SK01 and SK11 are scored by the others only.
    expect(codesIn("GK1")).not.toContain("SK01");
    expect(codesIn("GK2")).toContain("SK01");
  });

  it("has one column per criterion, headed by its code, with decimal validation 0..max on every score cell", () => {
    for (const [judge] of judges()) {
      const ws = scoreSheet(String(judge));
      const header = headerTexts(ws);
      const top = scoreHeaderRow(ws);
      for (const [criterion, max] of rubric()) {
        const col = header.indexOf(criterion) + 1;
        expect(col, criterion).toBeGreaterThan(0);
        for (let r = top + 1; r <= top + codesIn(String(judge)).length; r++) {
          const v = ws.getCell(r, col).dataValidation;
          expect(v.type).toBe("decimal");
          expect(v.operator).toBe("between");
          expect(v.formulae.map(Number)).toEqual([0, max]);
          expect(v.showErrorMessage).toBe(true);
        }
      }
    }
  });

  it("is a sheet to sign: the judge's name on top, criterion names and maxima in the header, a Tổng per entry, a signature line", async () => {
    for (const [judge, name] of judges()) {
      const grid = bookOf(String(judge)).readAll().get(JUDGE_SCORE_SHEET)!;
      const table = scoreTableOf(grid);
      expect(grid[1]![0]).toBe(`Giám khảo: ${String(name)} (${String(judge)})`);
      for (const [criterion, max] of rubric()) expect(table.header.map(String)).toContainEqual(expect.stringMatching(new RegExp(`^${criterion}\\n.+\\n\\(tối đa ${max}\\)$`)));
      expect(table.header).toContain("Tổng");
      expect(grid.slice(table.end).flat()).toEqual(expect.arrayContaining(["GIÁM KHẢO", "(Ký, ghi rõ họ tên)", String(name)]));
    }
    const xml = await worksheetXml(path.join(outDir, "phieu-cham-gk2.xlsx"), JUDGE_SCORE_SHEET);
    expect(xml).toMatch(/<c r="H4"[^>]*><f>IF\(COUNT\(D4:G4\)=0,&quot;&quot;,D4\+E4\+F4\+G4\)<\/f><\/c>/);
  });

  it("protects the sheet and unlocks only the judge's input cells (scores and note), nothing else", () => {
    for (const [judge] of judges()) {
      const ws = scoreSheet(String(judge));
      expect(protectionOf(ws)?.sheet).toBe(true);
      const header = headerTexts(ws);
      const inputCols = new Set([...rubric().map(([c]) => header.indexOf(c) + 1), header.indexOf("Ghi chú") + 1]);
      const top = scoreHeaderRow(ws);
      const rows = top + codesIn(String(judge)).length;
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= header.length; c++) {
          const unlocked = ws.getCell(r, c).protection?.locked === false;
          expect(unlocked, `${judge} ${ws.getCell(r, c).address}`).toBe(r > top && inputCols.has(c));
        }
      }
    }
  });

  it("carries a very hidden sheet with the contest, the judge code and fingerprints of the entries and rubric", () => {
    const { ledger: model } = readContest(ledgerGrids);
    for (const [judge] of judges()) {
      const book = bookOf(String(judge));
      expect(book.workbook.getWorksheet(JUDGE_META_SHEET)?.state).toBe("veryHidden");
      const meta = new Map(
        book
          .readAll()
          .get(JUDGE_META_SHEET)!
          .map((r) => [String(r[0]), String(r[1])]),
      );
      expect(meta.get("contest")).toBe(sheetGrid(ledgerGrids, "Cuộc thi").find((r) => r[0] === "Tên cuộc thi")?.[1]);
      expect(meta.get("judge")).toBe(judge);
      const codes = codesIn(String(judge));
      expect(meta.get("entries")).toBe(entriesFingerprint(codes));
      const entries = codes.map((c) => model.entries.get(c)!);
      expect(meta.get("rubric")).toBe(rubricFingerprint(criteriaForEntries(model, entries)));
    }
    // Different entry lists give different fingerprints.
    expect(
      new Map(
        bookOf("GK1")
          .readAll()
          .get(JUDGE_META_SHEET)!
          .map((r) => [r[0], r[1]]),
      ).get("entries"),
    ).not.toBe(
      new Map(
        bookOf("GK2")
          .readAll()
          .get(JUDGE_META_SHEET)!
          .map((r) => [r[0], r[1]]),
      ).get("entries"),
    );
  });

  it("refuses to overwrite workbooks already in the folder (they may be judges' returned sheets)", async () => {
    const files = readdirSync(outDir).map((f) => path.join(outDir, f));
    const before = files.map(sha256);
    const again = await runCli(["judge-sheets", ledger, "--out", outDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("không ghi đè");
    expect(stackTraceLines(again.stderr)).toEqual([]);
    expect(files.map(sha256)).toEqual(before);
    expect(readdirSync(outDir).length).toBe(files.length);
  });
});

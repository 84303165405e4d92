import ExcelJS from "exceljs";
import type { Cell, Grid } from "../../shared/cells/cell.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";
import { JUDGE_SCORE_SHEET } from "../../shared/tasks/judge-sheets.js";
import { XlsxWorkbook } from "../../cli/xlsx-workbook.js";

/** Workbooks for the command-line tests: written and read through the Node host's own port. */

export function plainSheet(name: string, rows: Grid): OutputSheet {
  return { name, rows: rows.map((r) => [...r]), format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } };
}

/** Writes a workbook as a user's ledger would be (sheets in order, dates as real dates). */
export async function writeBook(file: string, sheets: readonly OutputSheet[]): Promise<void> {
  await XlsxWorkbook.create(file, sheets);
}

/** The demo ledger before judging, its rows passed through `change` first (keyed by sheet name). */
export function demoSheets(change: (rows: Map<string, Grid>) => void = () => undefined): OutputSheet[] {
  const sheets = initiativeDemoSheets();
  const rows = new Map(sheets.map((s) => [s.name, s.rows.map((r) => [...r])]));
  change(rows);
  const known = sheets.map((s) => ({ ...s, rows: rows.get(s.name) ?? s.rows }));
  const added = [...rows].filter(([name]) => !sheets.some((s) => s.name === name)).map(([name, grid]) => plainSheet(name, grid));
  return [...known, ...added];
}

/** A written workbook seen twice: through ExcelJS, an independent reader (styles, views, protection), and through our own port. */
export interface TestBook {
  readonly workbook: ExcelJS.Workbook;
  readAll(): Map<string, Grid>;
}

export async function loadBook(file: string): Promise<TestBook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ours = await XlsxWorkbook.load(file);
  return { workbook, readAll: () => ours.readAll() };
}

export async function readGrids(file: string): Promise<Map<string, Grid>> {
  return (await XlsxWorkbook.load(file)).readAll();
}

export function sheetGrid(grids: ReadonlyMap<string, Grid>, name: string): Grid {
  const grid = grids.get(name);
  if (!grid) throw new Error(`no sheet “${name}” (sheets: ${[...grids.keys()].join(", ")})`);
  return grid;
}

/** The data row (below the header) whose first cell is the code. */
export function rowByCode(grid: Grid, code: string, col = 0): Cell[] {
  const row = grid.slice(1).find((r) => r[col] === code);
  if (!row) throw new Error(`no row “${code}”`);
  return row;
}

export function columnIndex(grid: Grid, header: string, headerRow = 0): number {
  const i = (grid[headerRow] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column “${header}” in ${JSON.stringify(grid[headerRow])}`);
  return i;
}

/** Every non-empty text of a grid, for "does this sheet say …" checks. */
export function textsOf(grid: Grid): string[] {
  return grid.flat().filter((c): c is string => typeof c === "string" && c !== "");
}

/** Loads a workbook, lets `edit` change it with ExcelJS (as a person in another program would), saves it to `to`. */
export async function editBook(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  edit(workbook);
  await workbook.xlsx.writeFile(to);
}

/**
 * A judge fills in their scoring workbook: for each entry code, the criterion scores in the order
 * of the criterion columns (the columns after `Hạng mục`), typed into the unlocked cells.
 */
export async function fillJudgeBook(from: string, to: string, scores: Readonly<Record<string, readonly (number | string)[]>>): Promise<void> {
  await editBook(from, to, (wb) => {
    const ws = wb.getWorksheet(JUDGE_SCORE_SHEET);
    if (!ws) throw new Error(`${from} has no “${JUDGE_SCORE_SHEET}” sheet`);
    const header = headerTexts(ws);
    const first = header.indexOf("Hạng mục") + 1;
    for (let r = scoreHeaderRow(ws) + 1; r <= ws.rowCount; r++) {
      const code = String(ws.getCell(r, 1).value ?? "");
      if (code === "") break; // the signature lines below the table
      const values = Object.hasOwn(scores, code) ? scores[code] : undefined;
      values?.forEach((v, i) => {
        ws.getCell(r, first + 1 + i).value = v;
      });
    }
  });
}

/** The 1-based row of a scoring sheet's header: the one starting with `Mã bài` (under the title rows). */
export function scoreHeaderRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).text === "Mã bài") return r;
  return 1;
}

/** Header texts of a worksheet (of a scoring sheet: its header row, each criterion's code line), 0-based. */
export function headerTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(scoreHeaderRow(ws)).eachCell({ includeEmpty: true }, (cell, col) => {
    out[col - 1] = cell.text.split("\n")[0]!;
  });
  return Array.from(out, (t) => t ?? "");
}

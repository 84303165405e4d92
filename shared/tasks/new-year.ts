/**
 * A ledger for next year from this year's (`thidua new-year`): units, judges, criteria, prize
 * structure and quotas kept, their dates moved to the new year; entries, scores, attempts and
 * proposals cleared to their headers; outputs and logs left behind; last year's ranks kept in
 * `Thứ hạng năm trước` for a criterion that measures the rank gained.
 */
import { type Cell, type Grid, isBlank } from "../cells/cell.js";
import { dayFromParts, instantFromParts, partsOfInstant } from "../cells/date.js";
import { readCount } from "../cells/number.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { readEmulation } from "../emulation/read-emulation.js";
import { AWARD_CRITERIA_SHEET, CANDIDATES_SHEET, LAST_RANKS_SHEET, QUOTAS_SHEET } from "../emulation/schema.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import { CRITERIA_SHEET, ENTRIES_SHEET, JUDGES_SHEET, PRIZES_SHEET, SCORES_SHEET, SETTINGS_SHEET_NAME, type SheetDef, UNITS_SHEET } from "../ledger/schema.js";
import { matchHeader } from "../ledger/table.js";
import { ProblemList } from "../ledger/problem.js";
import { ATTEMPTS_SHEET, EXCLUDED_SHEET, PREDICTION_SHEET, WEEKS_SHEET } from "../quiz/schema.js";
import { plainSheet } from "../samples/sheet-builder.js";

/** Sheets carried as they are, the cells of their date columns moved to the new year. */
const CARRIED_DEFS: readonly SheetDef[] = [UNITS_SHEET, JUDGES_SHEET, CRITERIA_SHEET, PRIZES_SHEET, AWARD_CRITERIA_SHEET, QUOTAS_SHEET, EXCLUDED_SHEET, WEEKS_SHEET];
const CARRIED = [SETTINGS_SHEET_NAME, ...CARRIED_DEFS.map((d) => d.name)];
/** Sheets of this year's work: only their header row goes on. */
const CLEARED = [ENTRIES_SHEET.name, SCORES_SHEET.name, ATTEMPTS_SHEET.name, CANDIDATES_SHEET.name];

export interface NewYear {
  readonly from: number;
  readonly to: number;
  readonly sheets: readonly OutputSheet[];
  /** Sheets emptied to their header (as named in the workbook). */
  readonly cleared: readonly string[];
  /** Sheets not carried: outputs, logs and the secretariat's own sheets. */
  readonly left: readonly string[];
  /** Units whose ranks were kept in `Thứ hạng năm trước`. */
  readonly ranksKept: number;
}

/** This ledger's year: `Năm` of its settings sheet; undefined when it has none. */
export function ledgerYear(settings: Grid | undefined): number | undefined {
  const row = (settings ?? []).find((r) => foldKey(cleanText(r[0])) === "nam");
  const year = row === undefined ? undefined : readCount(row[1] ?? null);
  return year !== undefined && year >= 1900 && year <= 9999 ? year : undefined;
}

/** A date moved by `years` (29/02 to 28/02 when the new year has none): a date cell (its Vietnam wall-clock day), or text dd/mm/yyyy with or without a time; anything else as it is. */
export function shiftDate(cell: Cell, years: number): Cell {
  const move = (y: number, m: number, d: number): { y: number; m: number; d: number } => {
    const to = y + years;
    return { y: to, m, d: dayFromParts(to, m, d) === undefined ? d - 1 : d };
  };
  if (cell instanceof Date) {
    const wall = partsOfInstant(cell.getTime());
    return new Date(instantFromParts({ ...wall, ...move(wall.y, wall.m, wall.d) }));
  }
  if (typeof cell !== "string") return cell;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(cell.trim());
  if (!m) return cell;
  const t = move(Number(m[3]), Number(m[2]), Number(m[1]));
  return `${String(t.d).padStart(m[1]!.length, "0")}/${String(t.m).padStart(m[2]!.length, "0")}/${t.y}${m[4] ?? ""}`;
}

/** Next year's ledger from this year's grids; `year` is the new year (this one + 1 when not given). Undefined when this ledger has no `Năm` and no year is given. */
export function newYearLedger(sheets: ReadonlyMap<string, Grid | undefined>, year?: number): NewYear | undefined {
  const present = [...sheets.keys()].filter((k) => sheets.get(k) !== undefined);
  const names = resolveSheetNames(present, [...CARRIED, ...CLEARED, PREDICTION_SHEET.name, LAST_RANKS_SHEET.name]);
  const settingsName = names.get(SETTINGS_SHEET_NAME);
  const from = ledgerYear(settingsName === undefined ? undefined : sheets.get(settingsName)) ?? (year === undefined ? undefined : year - 1);
  if (from === undefined) return undefined;
  const to = year ?? from + 1;
  const role = new Map<string, string>([...names].map(([contract, name]) => [name, contract]));
  const out: OutputSheet[] = [];
  const cleared: string[] = [];
  const left: string[] = [];
  for (const name of present) {
    const contract = role.get(name);
    const grid = sheets.get(name)!;
    if (contract === undefined || contract === LAST_RANKS_SHEET.name) left.push(name);
    else if (CLEARED.includes(contract)) {
      cleared.push(name);
      out.push(sheetOf(name, grid.slice(0, 1)));
    } else out.push(sheetOf(name, carriedGrid(contract, name, grid, from, to)));
  }
  const ranks = lastRanksSheet(sheets);
  if (ranks !== undefined) out.push(ranks.sheet);
  return { from, to, sheets: out, cleared, left, ranksKept: ranks?.units ?? 0 };
}

/** A carried sheet for the new year: the settings renewed, the prediction answers cleared, the date columns of the others moved. */
function carriedGrid(contract: string, name: string, grid: Grid, from: number, to: number): Grid {
  if (contract === PREDICTION_SHEET.name) return grid.map((r, i) => (i === 0 ? [...r] : [r[0] ?? null]));
  if (contract === SETTINGS_SHEET_NAME) return settingsFor(grid, from, to);
  return withDatesMoved(
    name,
    grid,
    CARRIED_DEFS.find((d) => d.name === contract)!,
    to - from,
  );
}

/** A carried sheet with the cells of its date columns (by the contract) moved by `years`; every other cell as it was. */
function withDatesMoved(name: string, grid: Grid, def: SheetDef, years: number): Grid {
  const columns = matchHeader(name, grid[0] ?? [], def.columns, new ProblemList());
  const dates = new Set(def.columns.filter((c) => c.kind === "date").flatMap((c) => (columns.has(c.key) ? [columns.get(c.key)!] : [])));
  return grid.map((r, i) => (i === 0 ? [...r] : r.map((c, j) => (dates.has(j) ? shiftDate(c, years) : c))));
}

function sheetOf(name: string, grid: Grid): OutputSheet {
  const [header = [], ...rows] = grid;
  return plainSheet(
    name,
    header.map((h) => cleanText(h)),
    rows,
    [],
  );
}

/** Settings whose value is the contest's or movement's name: the old year in it ("… năm 2023") becomes the new one. */
const NAME_SETTINGS = new Set(["ten cuoc thi", "ten phong trao"]);

/** The settings with `Năm` set to the new year, date values moved, and the year in the name made the new one; other texts (a decision's number) stay. */
function settingsFor(grid: Grid, from: number, to: number): Grid {
  const word = new RegExp(`(?<![\\d/-])${from}(?![\\d/-])`, "g");
  return grid.map((r, i) => {
    const key = foldKey(cleanText(r[0]));
    if (i === 0) return [...r];
    if (key === "nam") return [r[0] ?? null, to, ...r.slice(2)];
    if (NAME_SETTINGS.has(key)) return r.map((c, j) => (j === 1 && typeof c === "string" ? c.replace(word, String(to)) : c));
    return r.map((c, j) => (j === 0 ? c : shiftDate(c, to - from)));
  });
}

/** `Thứ hạng năm trước`: for each criterion another one measures the gain of (`Tăng bậc từ tiêu chí`), each collective's value this year, by unit. */
function lastRanksSheet(sheets: ReadonlyMap<string, Grid | undefined>): { sheet: OutputSheet; units: number } | undefined {
  const { ledger, missingSheets } = readEmulation(sheets);
  if (missingSheets.length > 0) return undefined;
  const codes = [...new Set(ledger.criteria.flatMap((c) => (c.gainOf === undefined ? [] : [c.gainOf])))];
  const rows = new Map<string, Cell[]>();
  for (const c of ledger.candidates) {
    if (c.type !== "collective" || c.unitKey === "") continue;
    const values = codes.map((code) => {
      const col = ledger.criterionColumns.get(codeKey(code));
      const cell = col === undefined ? undefined : c.cells[col];
      return isBlank(cell) ? null : (cell ?? null);
    });
    if (values.every((v) => v === null) || rows.has(c.unitKey)) continue;
    rows.set(c.unitKey, [c.unitCode, ledger.units.get(c.unitKey) ?? c.unitCode, ...values]);
  }
  if (rows.size === 0) return undefined;
  const header = [...LAST_RANKS_SHEET.columns.map((col) => col.vi), ...codes];
  return { sheet: plainSheet(LAST_RANKS_SHEET.name, header, [...rows.values()], []), units: rows.size };
}

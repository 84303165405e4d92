/**
 * A ledger for next year from this year's (`thidua new-year`): units, judges, criteria, prize
 * structure and quotas kept, their dates moved to the new year; entries, scores, attempts and
 * proposals cleared below their headers; thidua's outputs and logs emptied; the secretariat's
 * own sheets untouched; last year's ranks kept in `Thứ hạng năm trước` for a criterion that
 * measures the rank gained.
 */
import { type Cell, type Grid, isBlank } from "../cells/cell.js";
import { dayFromParts, instantFromParts, instantOfSerial, partsOfInstant, readInstant, serialOfInstant } from "../cells/date.js";
import { readCount } from "../cells/number.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { readEmulation } from "../emulation/read-emulation.js";
import { AWARD_CRITERIA_SHEET, CANDIDATES_SHEET, EMULATION_OUTPUT_NAMES, LAST_RANKS_SHEET, QUOTAS_SHEET } from "../emulation/schema.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import {
  CRITERIA_SHEET,
  ENTRIES_SHEET,
  INTAKE_SHEET_NAMES,
  JUDGES_SHEET,
  MOVEMENT_SHEET_NAME,
  OUTPUT_SHEET_NAMES,
  PRIZES_SHEET,
  SCORES_SHEET,
  SETTINGS,
  SETTINGS_KEY_HEADER,
  SETTINGS_SHEET_NAME,
  SETTINGS_VALUE_HEADER,
  type SheetDef,
  UNITS_SHEET,
} from "../ledger/schema.js";
import { matchHeader } from "../ledger/table.js";
import { ProblemList } from "../ledger/problem.js";
import { ATTEMPTS_SHEET, EXCLUDED_SHEET, PREDICTION_SHEET, QUIZ_OUTPUT_NAMES, WEEKS_SHEET } from "../quiz/schema.js";
import { plainSheet } from "../samples/sheet-builder.js";
import type { CellEdit, SheetEdits } from "./port.js";
import { Refusal } from "./refusal.js";
import type { Msg } from "../i18n/messages.js";

/** Sheets carried as they are, the cells of their date columns moved to the new year. */
const CARRIED_DEFS: readonly SheetDef[] = [UNITS_SHEET, JUDGES_SHEET, CRITERIA_SHEET, PRIZES_SHEET, AWARD_CRITERIA_SHEET, QUOTAS_SHEET, EXCLUDED_SHEET, WEEKS_SHEET];
const CARRIED = [SETTINGS_SHEET_NAME, ...CARRIED_DEFS.map((d) => d.name)];
/** Sheets of this year's work: their contents below the header are cleared. */
const CLEARED = [ENTRIES_SHEET.name, SCORES_SHEET.name, ATTEMPTS_SHEET.name, CANDIDATES_SHEET.name];
/** The sheets `newYearLedger` reads; the others it knows by name. */
const NEW_YEAR_READS: readonly string[] = [...CARRIED, ...CLEARED, PREDICTION_SHEET.name];

/** Of a workbook's sheets, those the new year reads (as the workbook names them): a host reads only these. */
export function newYearReads(names: readonly string[]): string[] {
  return [...resolveSheetNames(names, NEW_YEAR_READS).values()];
}

/** `newYearLedger` over a workbook of which only `newYearReads(names)` were read: the other sheets are known by name. */
export function newYearOf(names: readonly string[], read: ReadonlyMap<string, Grid | undefined>, year?: number): NewYear {
  return newYearLedger(new Map(names.map((n) => [n, read.get(n) ?? []])), year);
}

/** Sheets thidua writes whole (results, logs, the Google host's intake sheets): emptied, in place, for next year's run. */
const OWN_OUTPUTS: readonly string[] = [
  ...Object.values(OUTPUT_SHEET_NAMES),
  ...Object.values(EMULATION_OUTPUT_NAMES),
  ...Object.values(QUIZ_OUTPUT_NAMES),
  ...Object.values(INTAKE_SHEET_NAMES),
  LAST_RANKS_SHEET.name,
];

/**
 * Next year's ledger as changes to a copy of this year's workbook, so that everything the
 * secretariat added (their own sheets, charts, formatting, notes) goes on as it was.
 */
export interface NewYear {
  readonly from: number;
  readonly to: number;
  /** Cells that change: dates moved, the year renewed, this year's work and the prediction answers cleared. */
  readonly edits: readonly SheetEdits[];
  /** Sheets written whole: thidua's outputs emptied, and `Thứ hạng năm trước` when there are ranks to keep. */
  readonly outputs: readonly OutputSheet[];
  /** Sheets kept, their dates moved to the new year (as named in the workbook). */
  readonly carried: readonly string[];
  /** Sheets whose rows below the header were cleared. */
  readonly cleared: readonly string[];
  /** thidua's output sheets, emptied until the next run. */
  readonly emptied: readonly string[];
  /** The secretariat's own sheets, not touched. */
  readonly untouched: readonly string[];
  /** Units whose ranks were kept in `Thứ hạng năm trước`. */
  readonly ranksKept: number;
}

/** What the new year changes, a line per kind of sheet: shown before (the panes ask first) and after. */
export function newYearChanges(next: NewYear): Msg[] {
  const list = (names: readonly string[]): string => (names.length > 0 ? names.join(", ") : "—");
  const lines: Msg[] = [
    { vi: `Giữ (ngày chuyển sang năm ${next.to}): ${list(next.carried)}`, en: `Kept (dates moved to ${next.to}): ${list(next.carried)}` },
    { vi: `Xóa nội dung, giữ dòng tiêu đề: ${list(next.cleared)}`, en: `Contents cleared below the header: ${list(next.cleared)}` },
    { vi: `Trang kết quả, nhật ký để trống đến lần tính sau: ${list(next.emptied)}`, en: `Results and logs left empty until the next run: ${list(next.emptied)}` },
    { vi: `Trang riêng của đơn vị, giữ nguyên: ${list(next.untouched)}`, en: `The secretariat's own sheets, as they were: ${list(next.untouched)}` },
  ];
  if (next.ranksKept > 0)
    lines.push({
      vi: `Giữ thứ hạng năm ${next.from} của ${next.ranksKept} đơn vị ở trang “${LAST_RANKS_SHEET.name}”.`,
      en: `Kept the ${next.from} ranks of ${next.ranksKept} units in “${LAST_RANKS_SHEET.name}”.`,
    });
  return lines;
}

/** The first line once it is done: which year's ledger was made from which, and where. */
export function newYearDone(next: NewYear, where: string): Msg {
  return { vi: `Đã tạo sổ năm ${next.to} từ sổ năm ${next.from}: ${where}`, en: `Wrote the ${next.to} ledger from the ${next.from} one: ${where}` };
}

/** This ledger's year: `Năm` of its settings sheet; undefined when it has none. */
export function ledgerYear(settings: Grid | undefined): number | undefined {
  const row = (settings ?? []).find((r) => foldKey(cleanText(r[0])) === "nam");
  const year = row === undefined ? undefined : readCount(row[1] ?? null);
  return year !== undefined && year >= 1900 && year <= 9999 ? year : undefined;
}

/**
 * A date moved by `years` (29/02 to 28/02 when the new year has none): a date cell (its Vietnam
 * wall-clock day), text the ledger reads as a date (dd/mm/yyyy with / . or -, yyyy-mm-dd, with or
 * without a time), written the way it was, and, where the place holds a date (`serial`), a
 * spreadsheet serial number, as Excel hands a date cell to the add-in; anything else as it is.
 */
export function shiftDate(cell: Cell, years: number, serial = false): Cell {
  const move = (y: number, m: number, d: number): { y: number; m: number; d: number } => {
    const to = y + years;
    return { y: to, m, d: dayFromParts(to, m, d) === undefined ? d - 1 : d };
  };
  const moved = (t: number): number => {
    const wall = partsOfInstant(t);
    return instantFromParts({ ...wall, ...move(wall.y, wall.m, wall.d) });
  };
  if (cell instanceof Date) return new Date(moved(cell.getTime()));
  if (typeof cell === "number") return serial && readInstant(cell) !== undefined ? serialOfInstant(moved(instantOfSerial(cell))) : cell;
  if (typeof cell !== "string" || readInstant(cell) === undefined) return cell;
  const pad = (n: number, like: string): string => String(n).padStart(like.length, "0");
  const dmy = /^(\s*)(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})(.*)$/su.exec(cell);
  if (dmy) {
    const [, lead, d, s1, m, s2, y, rest] = dmy as unknown as [string, string, string, string, string, string, string, string];
    const t = move(Number(y), Number(m), Number(d));
    return `${lead}${pad(t.d, d)}${s1}${pad(t.m, m)}${s2}${t.y}${rest}`;
  }
  const ymd = /^(\s*)(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/su.exec(cell);
  if (!ymd) return cell;
  const [, lead, y, m, d, rest] = ymd as unknown as [string, string, string, string, string, string];
  const t = move(Number(y), Number(m), Number(d));
  return `${lead}${t.y}-${pad(t.m, m)}-${pad(t.d, d)}${rest}`;
}

/** Why a workbook cannot be turned into next year's ledger, in the words every host shows. */
export const NEW_YEAR_REFUSED = {
  notLedger: {
    vi: `Không phải sổ thi đua: không có trang “${SETTINGS_SHEET_NAME}” (“${MOVEMENT_SHEET_NAME}”). Hãy chọn tệp sổ của năm nay.`,
    en: `Not a ledger: there is no “${SETTINGS_SHEET_NAME}” (“${MOVEMENT_SHEET_NAME}”) sheet. Choose this year's ledger.`,
  },
  noYear: {
    vi: `Trang “${SETTINGS_SHEET_NAME}” (“${MOVEMENT_SHEET_NAME}”) chưa ghi “Năm”: ghi năm của sổ này rồi làm lại.`,
    en: `The “${SETTINGS_SHEET_NAME}” (“${MOVEMENT_SHEET_NAME}”) sheet gives no “Năm”: enter this ledger's year and try again.`,
  },
  notAfter: (from: number, to: number): Msg => ({
    vi: `Năm mới (${to}) phải sau năm của sổ (${from}); không làm gì.`,
    en: `The new year (${to}) must come after the ledger's (${from}); nothing done.`,
  }),
} as const;

/**
 * Next year's ledger from this year's grids (a sheet the plan does not read may be given as an
 * empty grid: it is known by name). `year` is the new year: this one + 1 when not given; when the
 * ledger gives no year, the one before it. Throws a Refusal for a workbook that is not a ledger, a
 * ledger with no year and none given, or a new year that is not after the ledger's.
 */
export function newYearLedger(sheets: ReadonlyMap<string, Grid | undefined>, year?: number): NewYear {
  const present = [...sheets.keys()].filter((k) => sheets.get(k) !== undefined);
  const names = resolveSheetNames(present, NEW_YEAR_READS);
  const settingsName = names.get(SETTINGS_SHEET_NAME);
  if (settingsName === undefined) throw new Refusal(NEW_YEAR_REFUSED.notLedger);
  const own = ledgerYear(sheets.get(settingsName));
  if (own === undefined && year === undefined) throw new Refusal(NEW_YEAR_REFUSED.noYear);
  const from = own ?? year! - 1;
  const to = year ?? from + 1;
  if (to <= from) throw new Refusal(NEW_YEAR_REFUSED.notAfter(from, to));
  const role = new Map<string, string>([...names].map(([contract, name]) => [name, contract]));
  // thidua's sheets as the workbook spells them (every host matches sheet names without case or accents).
  const ownOutputs = new Set(resolveSheetNames(present, OWN_OUTPUTS).values());
  const edits: SheetEdits[] = [];
  const plan = { carried: [] as string[], cleared: [] as string[], emptied: [] as string[], untouched: [] as string[] };
  const ranks = lastRanksSheet(sheets);
  const outputs: OutputSheet[] = ranks === undefined ? [] : [ranks.sheet];
  for (const name of present) {
    const contract = role.get(name);
    const grid = sheets.get(name)!;
    if (contract !== undefined && CLEARED.includes(contract)) {
      plan.cleared.push(name);
      edits.push({ sheet: name, edits: cleared(grid), keepFormulas: true });
    } else if (contract !== undefined) {
      (contract === PREDICTION_SHEET.name ? plan.cleared : plan.carried).push(name);
      edits.push({ sheet: name, edits: changedCells(grid, carriedGrid(contract, name, grid, from, to)), keepFormulas: true });
    } else if (ownOutputs.has(name)) {
      const isRanks = foldKey(name) === foldKey(LAST_RANKS_SHEET.name);
      if (isRanks && ranks !== undefined) continue;
      outputs.push(isRanks ? ranksSheet([], []) : emptySheet(name));
      plan.emptied.push(name);
    } else plan.untouched.push(name);
  }
  return { from, to, edits: edits.filter((e) => e.edits.length > 0), outputs, ...plan, ranksKept: ranks?.units ?? 0 };
}

/** Every value below the header set blank: each cell keeps its look, a drop-down its list, and (with `keepFormulas`) a formula stays. */
function cleared(grid: Grid): CellEdit[] {
  return grid.flatMap((r, row) => (row === 0 ? [] : r.flatMap((c, col) => (isBlank(c) ? [] : [{ row, col, value: null }]))));
}

/** The cells of `after` that differ from `before` (same shape). */
function changedCells(before: Grid, after: Grid): CellEdit[] {
  const same = (a: Cell | undefined, b: Cell | undefined): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return after.flatMap((r, row) => r.flatMap((value, col) => (same(before[row]?.[col], value) ? [] : [{ row, col, value }])));
}

function emptySheet(name: string): OutputSheet {
  return { name, rows: [], format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } };
}

/** `Thứ hạng năm trước`: a column per criterion code after the unit's; with no rows, only the header stays (last year's ranks are a year too old). */
function ranksSheet(codes: readonly string[], rows: readonly (readonly Cell[])[]): OutputSheet {
  return plainSheet(LAST_RANKS_SHEET.name, [...LAST_RANKS_SHEET.columns.map((c) => c.vi), ...codes], rows, []);
}

/** A carried sheet for the new year: the settings renewed, the prediction answers cleared, the date columns of the others moved. */
function carriedGrid(contract: string, name: string, grid: Grid, from: number, to: number): Grid {
  if (contract === PREDICTION_SHEET.name) return grid.map((r, i) => (i === 0 ? [...r] : r.map((c, j) => (j === 0 ? c : null))));
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
  return grid.map((r, i) => (i === 0 ? [...r] : r.map((c, j) => (dates.has(j) ? shiftDate(c, years, true) : c))));
}

/** Settings whose value is the contest's or movement's name: the old year in it ("… năm 2023") becomes the new one. */
const NAME_SETTINGS = new Set(["ten cuoc thi", "ten phong trao"]);

/** The settings whose value is a date: there a number is a date serial (Excel's view of a date cell). */
const DATE_SETTINGS = new Set(SETTINGS.filter((d) => d.key === "opens" || d.key === "closes").flatMap((d) => [foldKey(d.vi), foldKey(d.key)]));

/** The settings with `Năm` set to the new year (a row added when there was none), date values moved, and the year in the name made the new one; other texts (a decision's number) stay. */
function settingsFor(grid: Grid, from: number, to: number): Grid {
  const word = new RegExp(`(?<![\\d/-])${from}(?![\\d/-])`, "g");
  const hasYear = grid.some((r, i) => i > 0 && foldKey(cleanText(r[0])) === "nam");
  const renewed = grid.map((r, i) => {
    const key = foldKey(cleanText(r[0]));
    if (i === 0) return [...r];
    if (key === "nam") return [r[0] ?? null, to, ...r.slice(2)];
    if (NAME_SETTINGS.has(key)) return r.map((c, j) => (j === 1 && typeof c === "string" ? c.replace(word, String(to)) : c));
    return r.map((c, j) => (j === 0 ? c : shiftDate(c, to - from, DATE_SETTINGS.has(key))));
  });
  if (hasYear) return renewed;
  return [...(renewed.length > 0 ? renewed : [[SETTINGS_KEY_HEADER.vi, SETTINGS_VALUE_HEADER.vi]]), ["Năm", to]];
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
  return { sheet: ranksSheet(codes, [...rows.values()]), units: rows.size };
}

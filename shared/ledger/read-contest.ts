import { type Cell, type Grid, cellAddress, isBlank } from "../cells/cell.js";
import { type DayNumber, readDay } from "../cells/date.js";
import { readCount, readDecimal, readMoney, readYesNo } from "../cells/number.js";
import { cleanText, codeKey, codeText, foldKey, showInvisible } from "../cells/text.js";
import { M, type Msg } from "../i18n/messages.js";
import { type Exact, compare, exactZero, fromInt } from "../cells/exact.js";
import type { ThousandWord } from "../vn/words.js";
import type { ContestLedger, ContestSettings, Criterion, Entry, Judge, PrizeRow, ScoreRow, Unit } from "./model.js";
import { ProblemList } from "./problem.js";
import {
  AGGREGATION_VALUES,
  type Aggregation,
  CRITERIA_SHEET,
  ENTRIES_SHEET,
  ENTRY_TYPE_VALUES,
  type EntryStatus,
  type EntryType,
  JUDGES_SHEET,
  PRIZES_SHEET,
  SCORES_SHEET,
  SETTINGS,
  SETTINGS_KEY_HEADER,
  SETTINGS_SHEET_NAME,
  MOVEMENT_SHEET_NAME,
  SETTINGS_VALUE_HEADER,
  STATUS_VALUES,
  type SettingKey,
  type SheetDef,
  TIE_VALUES,
  type TiePolicy,
  UNITS_SHEET,
} from "./schema.js";
import { type Table, type TableRow, cellOf, colOf, extraColumns, matchHeader, readTable } from "./table.js";

export const CONTEST_SHEETS: readonly string[] = [SETTINGS_SHEET_NAME, UNITS_SHEET.name, ENTRIES_SHEET.name, JUDGES_SHEET.name, CRITERIA_SHEET.name, SCORES_SHEET.name, PRIZES_SHEET.name];

/** Finds the workbook's sheet for each contract name, ignoring case, diacritics and spacing. */
/** Other names a contract sheet may go by: an emulation movement's settings sheet is its `Phong trào`. */
const SHEET_ALIASES: Readonly<Record<string, readonly string[]>> = { [SETTINGS_SHEET_NAME]: [MOVEMENT_SHEET_NAME] };

export function resolveSheetNames(available: readonly string[], wanted: readonly string[]): Map<string, string> {
  const byFolded = new Map<string, string>();
  for (const name of available) {
    const k = foldKey(name);
    if (!byFolded.has(k)) byFolded.set(k, name);
  }
  const out = new Map<string, string>();
  for (const w of wanted) {
    const actual = [w, ...(SHEET_ALIASES[w] ?? [])].map((n) => byFolded.get(foldKey(n))).find((n) => n !== undefined);
    if (actual !== undefined) out.set(w, actual);
  }
  return out;
}

export interface ReadResult {
  readonly ledger: ContestLedger;
  readonly problems: ProblemList;
  /** Contract names of required sheets that are absent: nothing can be computed. */
  readonly missingSheets: readonly string[];
}

/** A cell reader bound to one table, reporting unreadable values at their address. */
export class RowReader {
  constructor(
    private readonly table: Table,
    private readonly problems: ProblemList,
  ) {}

  private fail(row: TableRow, key: string, msg: Msg): void {
    this.problems.error(this.table.sheet, row.row, colOf(this.table, key), msg);
  }

  raw(row: TableRow, key: string): Cell | undefined {
    return cellOf(this.table, row, key);
  }

  text(row: TableRow, key: string): string {
    return cleanText(this.raw(row, key));
  }

  /** A required text; reports and returns undefined when blank. */
  required(row: TableRow, key: string, header: string): string | undefined {
    const v = this.text(row, key);
    if (v === "") {
      this.fail(row, key, M.missingValue(header));
      return undefined;
    }
    return v;
  }

  /** An optional code ("" when blank), with the same warning as `code` when it reads differently once normalised. */
  optionalCode(row: TableRow, key: string): string {
    const v = this.text(row, key);
    this.warnIfNormalised(row, key, v);
    return v;
  }

  /** A required code; a code that reads differently once normalised (fullwidth, invisible characters) is a warning saying how it is read. */
  code(row: TableRow, key: string, header: string): string | undefined {
    const v = this.required(row, key, header);
    if (v !== undefined) this.warnIfNormalised(row, key, v);
    return v;
  }

  private warnIfNormalised(row: TableRow, key: string, code: string): void {
    const read = codeText(code);
    if (read !== code) this.problems.warning(this.table.sheet, row.row, colOf(this.table, key), M.codeNormalised(showInvisible(code), read));
  }

  decimal(row: TableRow, key: string): Exact | undefined | "bad" {
    const cell = this.raw(row, key);
    if (isBlank(cell)) return undefined;
    const d = readDecimal(cell);
    if (d === undefined) {
      this.fail(row, key, M.notANumber(cleanText(cell)));
      return "bad";
    }
    return d;
  }

  count(row: TableRow, key: string): number | undefined | "bad" {
    const cell = this.raw(row, key);
    if (isBlank(cell)) return undefined;
    const n = readCount(cell);
    if (n === undefined) {
      this.fail(row, key, M.notACount(cleanText(cell)));
      return "bad";
    }
    return n;
  }

  money(row: TableRow, key: string): bigint | undefined | "bad" {
    const cell = this.raw(row, key);
    if (isBlank(cell)) return undefined;
    const n = readMoney(cell);
    if (n === undefined) {
      this.fail(row, key, M.notMoney(cleanText(cell)));
      return "bad";
    }
    return n;
  }

  day(row: TableRow, key: string): DayNumber | undefined | "bad" {
    const cell = this.raw(row, key);
    if (isBlank(cell)) return undefined;
    const d = readDay(cell);
    if (d === undefined) {
      this.fail(row, key, M.notADate(cleanText(cell)));
      return "bad";
    }
    return d;
  }

  yesNo(row: TableRow, key: string): boolean | undefined | "bad" {
    const cell = this.raw(row, key);
    if (isBlank(cell)) return undefined;
    const v = readYesNo(cell, foldKey);
    if (v === undefined) {
      this.fail(row, key, M.notYesNo(cleanText(cell)));
      return "bad";
    }
    return v;
  }

  choice<K extends string>(row: TableRow, key: string, values: Record<K, string>): K | undefined | "bad" {
    const cell = this.raw(row, key);
    if (isBlank(cell)) return undefined;
    const found = readChoice(cleanText(cell), values);
    if (found === undefined) {
      this.fail(row, key, M.notOneOf(cleanText(cell), Object.values(values)));
      return "bad";
    }
    return found;
  }
}

/** Each choice table's keys with their folded Vietnamese text and folded key, folded once per table. */
const FOLDED_CHOICES = new WeakMap<object, readonly (readonly [string, string, string])[]>();

function foldedChoices(values: Readonly<Record<string, string>>): readonly (readonly [string, string, string])[] {
  let folded = FOLDED_CHOICES.get(values);
  if (folded === undefined) {
    folded = Object.entries(values).map(([k, vi]) => [k, foldKey(vi), foldKey(k)] as const);
    FOLDED_CHOICES.set(values, folded);
  }
  return folded;
}

/** Matches a Vietnamese choice by folded text, or its English key. */
export function readChoice<K extends string>(text: string, values: Readonly<Record<K, string>>): K | undefined {
  const folded = foldKey(text);
  for (const [k, vi, key] of foldedChoices(values)) {
    if (vi === folded || key === folded) return k as K;
  }
  return undefined;
}

function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The workbook's sheets as the contract names them, with the required ones that are absent reported once. */
export interface ContractSheets {
  readonly names: Map<string, string>;
  readonly missingSheets: readonly string[];
  grid(contractName: string): Grid;
  sheetName(contractName: string): string;
  /** Where a sheet's header problems go: nowhere for a missing sheet, already reported once. */
  headerProblems(contractName: string): ProblemList;
  table(def: SheetDef): Table;
}

export function contractSheets(sheets: ReadonlyMap<string, Grid | undefined>, wanted: readonly string[], required: readonly string[], problems: ProblemList): ContractSheets {
  const names = resolveSheetNames(
    [...sheets.keys()].filter((k) => sheets.get(k) !== undefined),
    wanted,
  );
  const missingSheets = required.filter((s) => !names.has(s));
  for (const s of missingSheets) problems.error(s, undefined, undefined, M.missingSheet(s));
  const grid = (contractName: string): Grid => {
    const actual = names.get(contractName);
    return (actual === undefined ? undefined : sheets.get(actual)) ?? [];
  };
  const sheetName = (contractName: string): string => names.get(contractName) ?? contractName;
  const headerProblems = (contractName: string): ProblemList => (names.has(contractName) ? problems : new ProblemList());
  const table = (def: SheetDef): Table => readTable(sheetName(def.name), grid(def.name), def, headerProblems(def.name));
  return { names, missingSheets, grid, sheetName, headerProblems, table };
}

/** Reads every input sheet of a judged contest into a model, reporting each problem at its cell. */
export function readContest(sheets: ReadonlyMap<string, Grid | undefined>): ReadResult {
  const problems = new ProblemList();
  const { names, missingSheets, grid, sheetName, headerProblems, table } = contractSheets(sheets, CONTEST_SHEETS, CONTEST_SHEETS, problems);

  const criteriaTable = table(CRITERIA_SHEET);
  const criteria = readCriteria(criteriaTable, problems);
  const settings = readSettings(sheetName(SETTINGS_SHEET_NAME), grid(SETTINGS_SHEET_NAME), criteria, headerProblems(SETTINGS_SHEET_NAME));
  const units = readUnits(table(UNITS_SHEET), problems);
  const entriesTable = table(ENTRIES_SHEET);
  const { entries, categories } = readEntries(entriesTable, units, problems);
  const judgesTable = table(JUDGES_SHEET);
  const judges = readJudges(judgesTable, units, categories, problems);
  const { scores, scoreColumns, scoreKeyColumns } = readScoreRows(sheetName(SCORES_SHEET.name), grid(SCORES_SHEET.name), criteria, headerProblems(SCORES_SHEET.name));
  const prizes = readPrizes(table(PRIZES_SHEET), problems);

  return {
    ledger: {
      settings,
      units,
      entries,
      entryColumns: entriesTable.columns,
      judgeColumns: judgesTable.columns,
      judges,
      criteria,
      scores,
      scoreColumns,
      scoreKeyColumns,
      prizes,
      categories,
      sheetNames: names,
    },
    problems,
    missingSheets,
  };
}

const DEFAULT_SETTINGS: ContestSettings = {
  name: "",
  organizer: "",
  year: "",
  aggregation: "mean",
  decimals: 2,
  minJudges: 1,
  tieBreak: [],
  ties: "shared",
  thousandWord: "nghìn",
  secretariat: [],
};

export const EXTRA_SETTING_NAMES: readonly string[] = ["Lượt tính điểm", "Mỗi người một giải", "Top video", "Điểm tối đa bài thi"];

type MutableSettings = { -readonly [K in keyof ContestSettings]: ContestSettings[K] };

/** What a setting's cell gives: the value to set (when readable) and the problems to report at the cell. */
interface SettingRead {
  readonly set?: (s: MutableSettings) => void;
  readonly errors: readonly Msg[];
  readonly warnings?: readonly Msg[];
}

const value = (set: (s: MutableSettings) => void): SettingRead => ({ set, errors: [] });
const error = (msg: Msg): SettingRead => ({ errors: [msg] });

/** How each optional setting is read from its (non-blank) cell; the table the settings sheet is read by. */
const SETTING_READERS: Partial<Record<SettingKey, (cell: Cell, text: string, criteria: ReadonlyMap<string, Criterion>) => SettingRead>> = {
  aggregation: (_c, text) => {
    const a = readChoice<Aggregation>(text, AGGREGATION_VALUES);
    return a === undefined ? error(M.notOneOf(text, Object.values(AGGREGATION_VALUES))) : value((s) => (s.aggregation = a));
  },
  decimals: (cell, text) => {
    const n = readCount(cell);
    return n === undefined || n > 6 ? error(M.notOneOf(text, ["0", "1", "2", "3", "4", "5", "6"])) : value((s) => (s.decimals = n));
  },
  minScore: (cell, text) => {
    const d = readDecimal(cell);
    return d === undefined ? error(M.notANumber(text)) : value((s) => (s.minScore = d));
  },
  minJudges: (cell, text) => {
    const n = readCount(cell);
    return n === undefined || n < 1 ? error(M.notACount(text)) : value((s) => (s.minJudges = n));
  },
  tieBreak: (_c, text, criteria) => {
    const byFolded = criterionLookup(criteria);
    const keys: string[] = [];
    const errors: Msg[] = [];
    for (const code of splitList(text)) {
      const c = byFolded.get(foldKey(code));
      if (c === undefined) errors.push(M.unknownTieBreak(code));
      else keys.push(c.key);
    }
    return { set: (s) => (s.tieBreak = keys), errors };
  },
  ties: (_c, text) => {
    const t = readChoice<TiePolicy>(text, TIE_VALUES);
    return t === undefined ? error(M.notOneOf(text, Object.values(TIE_VALUES))) : value((s) => (s.ties = t));
  },
  thousandWord: (_c, text) => {
    const word = readThousandWord(text);
    return word === undefined ? error(M.notOneOf(text, ["nghìn", "ngàn"])) : value((s) => (s.thousandWord = word));
  },
  secretariat: (_c, text) => {
    const emails = splitList(text);
    const valid = emails.filter(isEmailAddress);
    return { set: (s) => (s.secretariat = valid), errors: [], warnings: emails.filter((e) => !isEmailAddress(e)).map(M.notAnEmail) };
  },
};

/** A plausible address (one @, a dot in the domain, no spaces): enough to catch a name typed instead. */
function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** The settings sheet's `Mục` → `Giá trị` cells by setting, unknown labels reported. */
function settingCells(sheet: string, grid: Grid, problems: ProblemList): { values: Map<SettingKey, { cell: Cell; row: number }>; valueCol: number } {
  const headerCols = matchHeader(sheet, grid[0] ?? [], [SETTINGS_KEY_HEADER, SETTINGS_VALUE_HEADER], problems);
  const keyCol = headerCols.get("key") ?? 0;
  const valueCol = headerCols.get("value") ?? 1;
  const defsByFolded = new Map<string, SettingKey>();
  for (const d of SETTINGS) {
    defsByFolded.set(foldKey(d.vi), d.key);
    defsByFolded.set(foldKey(d.key), d.key);
  }
  // A movement's name goes by its own label.
  defsByFolded.set(foldKey("Tên phong trào"), "name");
  const extras = new Set(EXTRA_SETTING_NAMES.map(foldKey));
  const values = new Map<SettingKey, { cell: Cell; row: number }>();
  for (let r = headerCols.size > 0 ? 1 : 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const label = cleanText(row[keyCol]);
    if (label === "") continue;
    const key = defsByFolded.get(foldKey(label));
    if (key !== undefined) values.set(key, { cell: row[valueCol] ?? null, row: r });
    else if (!extras.has(foldKey(label))) problems.warning(sheet, r, keyCol, M.unknownSetting(label));
  }
  return { values, valueCol };
}

function readSettings(sheet: string, grid: Grid, criteria: ReadonlyMap<string, Criterion>, problems: ProblemList): ContestSettings {
  const { values, valueCol } = settingCells(sheet, grid, problems);
  const s: MutableSettings = { ...DEFAULT_SETTINGS };
  const bad = (key: SettingKey, msg: Msg): void => problems.error(sheet, values.get(key)?.row, valueCol, msg);
  const text = (key: SettingKey): string => cleanText(values.get(key)?.cell);
  const blank = (key: SettingKey): boolean => isBlank(values.get(key)?.cell);

  s.name = text("name");
  if (s.name === "") problems.error(sheet, values.get("name")?.row, valueCol, M.settingMissing("Tên cuộc thi"));
  s.organizer = text("organizer");
  s.year = text("year");
  for (const k of ["opens", "closes"] as const) {
    if (blank(k)) continue;
    const day = readDay(values.get(k)?.cell);
    if (day === undefined) bad(k, M.notADate(text(k)));
    else s[k] = day;
  }
  if (s.opens !== undefined && s.closes !== undefined && s.opens > s.closes) bad("closes", M.windowReversed());
  for (const d of SETTINGS) {
    const read = SETTING_READERS[d.key];
    if (read === undefined || blank(d.key)) continue;
    const outcome = read(values.get(d.key)?.cell ?? null, text(d.key), criteria);
    for (const msg of outcome.errors) bad(d.key, msg);
    for (const msg of outcome.warnings ?? []) problems.warning(sheet, values.get(d.key)?.row, valueCol, msg);
    outcome.set?.(s);
  }
  return s;
}

/** `Đọc số`: nghìn or ngàn, whatever the case and diacritics; undefined when neither. */
export function readThousandWord(text: string): ThousandWord | undefined {
  const w = foldKey(text);
  return w === "nghin" ? "nghìn" : w === "ngan" ? "ngàn" : undefined;
}

/** Criteria found by code or by name, folded. */
export function criterionLookup(criteria: ReadonlyMap<string, Criterion>): Map<string, Criterion> {
  const out = new Map<string, Criterion>();
  for (const c of criteria.values()) out.set(foldKey(c.code), c);
  for (const c of criteria.values()) if (!out.has(foldKey(c.name))) out.set(foldKey(c.name), c);
  return out;
}

/** Reports a repeated code and tells whether the row is the first with it. */
export function firstOfCode<T extends { row: number }>(seen: Map<string, T>, key: string, code: string, table: Table, row: TableRow, col: string, problems: ProblemList): boolean {
  const first = seen.get(key);
  if (first === undefined) return true;
  problems.error(table.sheet, row.row, colOf(table, col), M.duplicateCode(showInvisible(code), cellAddress(table.sheet, first.row, colOf(table, col) ?? 0)));
  return false;
}

function readUnits(table: Table, problems: ProblemList): Map<string, Unit> {
  const units = new Map<string, Unit>();
  if (!table.complete) return units;
  const rd = new RowReader(table, problems);
  for (const row of table.rows) {
    const code = rd.code(row, "unit", UNITS_SHEET.columns[0]!.vi);
    const name = rd.required(row, "name", "Tên đơn vị") ?? "";
    if (code === undefined) continue;
    const key = codeKey(code);
    if (!firstOfCode(units, key, code, table, row, "unit", problems)) continue;
    const mandatory = rd.yesNo(row, "mandatory");
    const quota = rd.count(row, "quota");
    const staff = rd.count(row, "staff");
    const isMandatory = mandatory === true;
    const unit: Unit = {
      key,
      code,
      name,
      group: rd.text(row, "group"),
      mandatory: isMandatory,
      quota: typeof quota === "number" ? quota : isMandatory ? 1 : 0,
      email: rd.text(row, "email"),
      row: row.row,
      ...(typeof staff === "number" ? { staff } : {}),
    };
    units.set(key, unit);
  }
  return units;
}

function readEntries(table: Table, units: ReadonlyMap<string, Unit>, problems: ProblemList): { entries: Map<string, Entry>; categories: Map<string, string> } {
  const entries = new Map<string, Entry>();
  const categories = new Map<string, string>();
  if (!table.complete) return { entries, categories };
  const rd = new RowReader(table, problems);
  for (const row of table.rows) {
    const code = rd.code(row, "entry", "Mã bài");
    const title = rd.required(row, "title", "Tên bài") ?? "";
    // Citizens and businesses may enter without a unit: ranked and awarded, outside every unit's quota.
    const unitCode = rd.optionalCode(row, "unit");
    if (code === undefined) continue;
    const key = codeKey(code);
    if (!firstOfCode(entries, key, code, table, row, "entry", problems)) continue;
    const unitKey = codeKey(unitCode);
    if (unitCode !== "" && !units.has(unitKey)) {
      problems.error(table.sheet, row.row, colOf(table, "unit"), M.unknownUnit(unitCode));
    }
    const category = rd.text(row, "category");
    const categoryKey = foldKey(category);
    if (!categories.has(categoryKey)) categories.set(categoryKey, category);
    const type = rd.choice<EntryType>(row, "type", ENTRY_TYPE_VALUES);
    const received = rd.day(row, "received");
    const status = rd.choice<EntryStatus>(row, "status", STATUS_VALUES);
    const entry: Entry = {
      key,
      code,
      title,
      category,
      categoryKey,
      unitKey,
      unitCode,
      authors: rd.text(row, "authors"),
      receivedUnreadable: received === "bad",
      field: rd.text(row, "field"),
      status: status === "bad" ? undefined : (status ?? "valid"),
      note: rd.text(row, "note"),
      row: row.row,
      ...(type !== undefined && type !== "bad" ? { type } : {}),
      ...(typeof received === "number" ? { received } : {}),
    };
    entries.set(key, entry);
  }
  return { entries, categories };
}

function readJudges(table: Table, units: ReadonlyMap<string, Unit>, categories: ReadonlyMap<string, string>, problems: ProblemList): Map<string, Judge> {
  const judges = new Map<string, Judge>();
  if (!table.complete) return judges;
  const rd = new RowReader(table, problems);
  for (const row of table.rows) {
    const code = rd.code(row, "judge", "Mã GK");
    const name = rd.required(row, "name", "Họ tên") ?? "";
    if (code === undefined) continue;
    const key = codeKey(code);
    if (!firstOfCode(judges, key, code, table, row, "judge", problems)) continue;
    const unitCode = rd.text(row, "unit");
    if (unitCode !== "" && !units.has(codeKey(unitCode))) {
      problems.error(table.sheet, row.row, colOf(table, "unit"), M.unknownUnit(unitCode));
    }
    const categoryText = rd.text(row, "category");
    let judgeCategories: Set<string> | undefined;
    if (categoryText !== "") {
      judgeCategories = new Set();
      for (const c of splitList(categoryText)) {
        const k = foldKey(c);
        if (!categories.has(k)) problems.warning(table.sheet, row.row, colOf(table, "category"), M.unknownCategory(c));
        judgeCategories.add(k);
      }
    }
    judges.set(key, {
      key,
      code,
      name,
      unitKey: codeKey(unitCode),
      email: rd.text(row, "email"),
      row: row.row,
      ...(judgeCategories ? { categories: judgeCategories } : {}),
    });
  }
  return judges;
}

function readCriteria(table: Table, problems: ProblemList): Map<string, Criterion> {
  const criteria = new Map<string, Criterion>();
  if (!table.complete) return criteria;
  const rd = new RowReader(table, problems);
  for (const row of table.rows) {
    const code = rd.code(row, "criterion", "Mã tiêu chí");
    const name = rd.required(row, "name", "Tên tiêu chí") ?? "";
    const max = rd.decimal(row, "max");
    const weight = rd.decimal(row, "weight");
    if (code === undefined) continue;
    const key = codeKey(code);
    if (!firstOfCode(criteria, key, code, table, row, "criterion", problems)) continue;
    if (max === undefined) {
      problems.error(table.sheet, row.row, colOf(table, "max"), M.missingValue("Điểm tối đa"));
      continue;
    }
    if (max === "bad" || weight === "bad") continue;
    if (compare(max, exactZero) <= 0) {
      problems.error(table.sheet, row.row, colOf(table, "max"), M.nonPositive(rd.text(row, "max")));
      continue;
    }
    if (weight !== undefined && compare(weight, exactZero) <= 0) {
      problems.error(table.sheet, row.row, colOf(table, "weight"), M.nonPositive(rd.text(row, "weight")));
      continue;
    }
    const category = rd.text(row, "category");
    criteria.set(key, {
      key,
      code,
      name,
      max,
      weight: weight ?? fromInt(1),
      row: row.row,
      ...(category !== "" ? { categoryKey: foldKey(category) } : {}),
    });
  }
  return criteria;
}

function readScoreRows(
  sheet: string,
  grid: Grid,
  criteria: ReadonlyMap<string, Criterion>,
  problems: ProblemList,
): { scores: ScoreRow[]; scoreColumns: Map<string, number>; scoreKeyColumns: { entry: number; judge: number } } {
  const scores: ScoreRow[] = [];
  const t = readTable(sheet, grid, SCORES_SHEET, problems);
  const scoreKeyColumns = { entry: colOf(t, "entry") ?? 0, judge: colOf(t, "judge") ?? 1 };
  if (!t.complete) return { scores, scoreColumns: new Map<string, number>(), scoreKeyColumns };
  const lookup = criterionLookup(criteria);
  const scoreColumns = extraColumns(t, SCORES_SHEET, (folded) => lookup.get(folded)?.key, problems);
  for (const c of criteria.values()) {
    if (!scoreColumns.has(c.key)) problems.error(sheet, 0, undefined, M.criterionColumnMissing(c.code));
  }
  const rd = new RowReader(t, problems);
  for (const row of t.rows) {
    const entryCode = rd.code(row, "entry", "Mã bài");
    const judgeCode = rd.code(row, "judge", "Mã GK");
    if (entryCode === undefined || judgeCode === undefined) continue;
    scores.push({ row: row.row, entryKey: codeKey(entryCode), judgeKey: codeKey(judgeCode), entryCode, judgeCode, cells: row.cells });
  }
  return { scores, scoreColumns, scoreKeyColumns };
}

function readPrizes(table: Table, problems: ProblemList): PrizeRow[] {
  const prizes: PrizeRow[] = [];
  if (!table.complete) return prizes;
  const rd = new RowReader(table, problems);
  // A tier that cannot be read stops its category's structure there: lower prizes must not move up a tier.
  const brokenAt = new Map<string, number>();
  for (const row of table.rows) {
    const category = rd.text(row, "category");
    const categoryKey = foldKey(category);
    const name = rd.required(row, "prize", "Giải");
    const count = rd.count(row, "count");
    const amount = rd.money(row, "amount");
    if (count === undefined) problems.error(table.sheet, row.row, colOf(table, "count"), M.missingValue("Số lượng"));
    const broken = brokenAt.get(categoryKey);
    if (broken !== undefined) {
      problems.warning(table.sheet, row.row, colOf(table, "prize"), M.prizeAfterBrokenTier(name ?? "", broken + 1));
      continue;
    }
    if (name === undefined || typeof count !== "number") {
      brokenAt.set(categoryKey, row.row);
      continue;
    }
    // An unreadable amount keeps the tier (its error stands at the cell): 0 đ until corrected.
    prizes.push({ category, name, count, amount: amount === "bad" ? 0n : (amount ?? 0n), row: row.row, ...(category !== "" ? { categoryKey } : {}) });
  }
  return prizes;
}

import { type Cell, type Grid, cellAddress, isBlank } from "../cells/cell.js";
import { readCount, readDecimal } from "../cells/number.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { EM, M, type Msg } from "../i18n/messages.js";
import { ProblemList } from "../ledger/problem.js";
import { RowReader, contractSheets, firstOfCode, readChoice, readThousandWord } from "../ledger/read-contest.js";
import { ENTRY_TYPE_VALUES, type EntryType, SETTINGS, SETTINGS_KEY_HEADER, SETTINGS_SHEET_NAME, SETTINGS_VALUE_HEADER, UNITS_SHEET } from "../ledger/schema.js";
import { type Table, type TableRow, cellOf, colOf, extraColumns, matchHeader, readTable } from "../ledger/table.js";
import type { Exact } from "../cells/exact.js";
import {
  type AwardCriterion,
  type AwardKind,
  type Candidate,
  type CandidateType,
  type Comparison,
  type CriterionTest,
  type EmulationLedger,
  type EmulationSettings,
  type Quota,
  type QuotaBase,
  type QuotaLimit,
  quotaKey,
} from "./model.js";
import { AWARD_KIND_VALUES, awardKindOf, readAwardKind, readPlainBase, readQuotaCount, readShare } from "./quota-limit.js";
import { AWARD_CRITERIA_SHEET, CANDIDATES_SHEET, DOSSIER_ITEMS, type DossierKey, EMULATION_SHEETS, LAST_RANKS_SHEET, QUOTAS_SHEET } from "./schema.js";

export interface EmulationRead {
  readonly ledger: EmulationLedger;
  readonly problems: ProblemList;
  /** Contract names of emulation sheets that are absent: nothing can be computed. */
  readonly missingSheets: readonly string[];
}

/** A number typed as a percentage ("91,5%") reads as the number before the sign. */
export function readMeasure(cell: Cell | undefined): Exact | undefined {
  if (typeof cell === "string") return readDecimal(cell.normalize("NFC").trim().replace(/\s*%$/, ""));
  return readDecimal(cell);
}

const COMPARISONS: Readonly<Record<string, Comparison>> = { "≥": "ge", ">=": "ge", "=>": "ge", "≤": "le", "<=": "le", "=<": "le", "=": "eq", "==": "eq" };
const YES_NO_KINDS = new Set(["co/khong", "co / khong", "co-khong", "co", "yes/no", "yesno", "boolean"]);

/** `Kiểu`: Có/Không or a comparison sign; undefined when it is neither. */
export function readKind(text: string): "yesno" | Comparison | undefined {
  const t = text.normalize("NFC").replace(/\s+/g, "");
  const op = COMPARISONS[t];
  if (op !== undefined) return op;
  return YES_NO_KINDS.has(foldKey(text)) ? "yesno" : undefined;
}

/** Reads the emulation sheets (and `Cuộc thi`, `Đơn vị` when present), reporting each problem at its cell. */
export function readEmulation(sheets: ReadonlyMap<string, Grid | undefined>): EmulationRead {
  const problems = new ProblemList();
  const { names, missingSheets, grid, sheetName, table } = contractSheets(sheets, [...EMULATION_SHEETS, SETTINGS_SHEET_NAME, UNITS_SHEET.name, LAST_RANKS_SHEET.name], EMULATION_SHEETS, problems);

  const settings = readSettings(grid(SETTINGS_SHEET_NAME));
  const unitsTable = names.has(UNITS_SHEET.name) ? readTable(sheetName(UNITS_SHEET.name), grid(UNITS_SHEET.name), UNITS_SHEET, new ProblemList()) : undefined;
  const units = unitsTable === undefined ? new Map<string, string>() : readUnitNames(unitsTable);
  const { staff, staffMissing } = unitsTable === undefined ? { staff: undefined, staffMissing: [] } : staffOf(unitsTable);
  const criteria = readCriteria(table(AWARD_CRITERIA_SHEET), problems);
  const quotasTable = table(QUOTAS_SHEET);
  const quotas = readQuotas(quotasTable, problems);
  const candidatesTable = table(CANDIDATES_SHEET);
  const criterionColumns = findCriterionColumns(candidatesTable, criteria, problems);
  const candidates = readCandidates(candidatesTable, units, problems);
  const lastRanks = names.has(LAST_RANKS_SHEET.name) ? readLastRanks(table(LAST_RANKS_SHEET), problems) : new Map<string, Map<string, Exact>>();
  return {
    ledger: {
      settings,
      units,
      ...(staff !== undefined ? { staff } : {}),
      staffMissing,
      criteria,
      quotas,
      candidates,
      lastRanks,
      candidateColumns: candidatesTable.columns,
      quotaColumns: quotasTable.columns,
      criterionColumns,
      sheetNames: names,
    },
    problems,
    missingSheets,
  };
}

const REVIEW_SETTINGS: readonly (keyof EmulationSettings)[] = ["name", "organizer", "year", "thousandWord"];

/** Folded label → setting, as `Cuộc thi` labels them (Vietnamese or English key), and `Tên phong trào` for the name. */
const SETTING_KEYS = new Map<string, keyof EmulationSettings>([
  [foldKey("Tên phong trào"), "name"],
  [foldKey("Mã đơn vị"), "unitCode"],
]);
for (const d of SETTINGS) {
  const key = REVIEW_SETTINGS.find((k) => k === d.key);
  if (key === undefined) continue;
  SETTING_KEYS.set(foldKey(d.vi), key);
  SETTING_KEYS.set(foldKey(d.key), key);
}

/** The few settings a review uses; the judged-contest reader reports problems in `Cuộc thi`, this one stays quiet. */
function readSettings(grid: Grid): EmulationSettings {
  const header = grid[0] ?? [];
  const cols = matchHeader(SETTINGS_SHEET_NAME, header, [SETTINGS_KEY_HEADER, SETTINGS_VALUE_HEADER], new ProblemList());
  const keyCol = cols.get("key") ?? 0;
  const valueCol = cols.get("value") ?? 1;
  const s = { name: "", organizer: "", year: "", unitCode: "", thousandWord: "nghìn" as EmulationSettings["thousandWord"] };
  for (let r = cols.size > 0 ? 1 : 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const key = SETTING_KEYS.get(foldKey(cleanText(row[keyCol])));
    const value = cleanText(row[valueCol]);
    if (key === undefined || value === "") continue;
    if (key === "thousandWord") s.thousandWord = readThousandWord(value) ?? "nghìn";
    else s[key] = value;
  }
  return s;
}

function readUnitNames(table: Table): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of table.rows) {
    const code = cleanText(cellOf(table, row, "unit"));
    if (code !== "" && !out.has(codeKey(code))) out.set(codeKey(code), cleanText(cellOf(table, row, "name")) || code);
  }
  return out;
}

/** Sum of `Số CBCCVC` over the units that give it (undefined when none does), and the codes of those that do not. */
function staffOf(table: Table): { staff: number | undefined; staffMissing: string[] } {
  let staff: number | undefined;
  const staffMissing: string[] = [];
  for (const row of table.rows) {
    const n = readCount(cellOf(table, row, "staff") ?? null);
    const unit = cleanText(cellOf(table, row, "unit"));
    if (n !== undefined) staff = (staff ?? 0) + n;
    else if (unit !== "") staffMissing.push(unit);
  }
  return { staff, staffMissing };
}

function typesOf(table: Table, row: TableRow, problems: ProblemList): CandidateType[] | undefined {
  const text = cleanText(cellOf(table, row, "appliesTo"));
  if (text === "") return ["collective", "individual"];
  const parts = text
    .split(/[,;/]| và /)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const types: CandidateType[] = [];
  for (const p of parts) {
    const t = readChoice<EntryType>(p, ENTRY_TYPE_VALUES);
    if (t === undefined) {
      problems.error(table.sheet, row.row, colOf(table, "appliesTo"), EM.badAppliesTo(text));
      return undefined;
    }
    if (!types.includes(t)) types.push(t);
  }
  return types;
}

function readCriteria(table: Table, problems: ProblemList): AwardCriterion[] {
  const out: AwardCriterion[] = [];
  if (!table.complete) return out;
  const seen = new Map<string, AwardCriterion>();
  for (const row of table.rows) {
    const code = cleanText(cellOf(table, row, "criterion"));
    const content = cleanText(cellOf(table, row, "content"));
    if (code === "") {
      problems.error(table.sheet, row.row, colOf(table, "criterion"), M.missingValue("Mã tiêu chí"));
      continue;
    }
    if (content === "") problems.error(table.sheet, row.row, colOf(table, "content"), M.missingValue("Nội dung"));
    const types = typesOf(table, row, problems);
    const kindText = cleanText(cellOf(table, row, "kind"));
    const kind = readKind(kindText);
    if (kind === undefined) {
      problems.error(table.sheet, row.row, colOf(table, "kind"), kindText === "" ? M.missingValue("Kiểu") : EM.badKind(kindText));
      continue;
    }
    let test: CriterionTest = { kind: "yesno" };
    if (kind !== "yesno") {
      const cell = cellOf(table, row, "threshold");
      if (isBlank(cell)) {
        problems.error(table.sheet, row.row, colOf(table, "threshold") ?? colOf(table, "kind"), EM.thresholdMissing(code));
        continue;
      }
      const threshold = readMeasure(cell);
      if (threshold === undefined) {
        problems.error(table.sheet, row.row, colOf(table, "threshold"), M.notANumber(cleanText(cell)));
        continue;
      }
      test = { kind: "compare", op: kind, threshold };
    }
    if (types === undefined) continue;
    const group = cleanText(cellOf(table, row, "group"));
    const gainOf = cleanText(cellOf(table, row, "gainOf"));
    for (const type of types) {
      const key = `${type}|${codeKey(code)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.error(table.sheet, row.row, colOf(table, "criterion"), EM.duplicateCriterion(code, ENTRY_TYPE_VALUES[type], cellAddress(table.sheet, first.row, colOf(table, "criterion") ?? 0)));
        continue;
      }
      const c: AwardCriterion = {
        type,
        code,
        codeKey: codeKey(code),
        content: content || code,
        test,
        row: row.row,
        ...(group !== "" ? { group, groupKey: foldKey(group) } : {}),
        ...(gainOf !== "" ? { gainOf } : {}),
      };
      seen.set(key, c);
      out.push(c);
    }
  }
  return out.map((c) => checkedGain(c, out, table, problems));
}

/** A `Tăng bậc từ tiêu chí` must name another comparison criterion of the same type, on a comparison; otherwise it is reported and dropped. */
function checkedGain(c: AwardCriterion, criteria: readonly AwardCriterion[], table: Table, problems: ProblemList): AwardCriterion {
  if (c.gainOf === undefined) return c;
  const base = criteria.find((b) => b !== c && b.type === c.type && b.codeKey === codeKey(c.gainOf!));
  if (c.test.kind === "compare" && base?.test.kind === "compare") return c;
  // A row applying to both types is two criteria: its problem is told once.
  if (criteria.find((x) => x.row === c.row) === c) problems.error(table.sheet, c.row, colOf(table, "gainOf"), EM.badGainOf(c.code, c.gainOf));
  const { gainOf: _dropped, ...rest } = c;
  return rest;
}

function readQuotas(table: Table, problems: ProblemList): Quota[] {
  if (!table.complete) return [];
  const quotas: Quota[] = [];
  const seen = new Map<string, Quota>();
  const rd = new RowReader(table, problems);
  for (const row of table.rows) {
    const level = rd.required(row, "level", "Cấp khen");
    const typeText = rd.text(row, "type");
    const type = readChoice<EntryType>(typeText, ENTRY_TYPE_VALUES);
    if (type === undefined) problems.error(table.sheet, row.row, colOf(table, "type"), typeText === "" ? M.missingValue("Loại") : M.notOneOf(typeText, Object.values(ENTRY_TYPE_VALUES)));
    const limit = readLimit(table, row, problems);
    const kind = readKindOf(table, row, level ?? "", problems);
    const deadline = rd.day(row, "deadline");
    const amount = rd.money(row, "amount");
    if (level === undefined || type === undefined || limit === undefined || kind === "bad" || deadline === "bad" || amount === "bad") continue;
    const key = quotaKey(foldKey(level), type);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.error(table.sheet, row.row, colOf(table, "level"), EM.duplicateQuota(level, ENTRY_TYPE_VALUES[type], cellAddress(table.sheet, first.row, colOf(table, "level") ?? 0)));
      continue;
    }
    const authority = rd.text(row, "authority");
    const basis = rd.text(row, "basis");
    const q: Quota = {
      level,
      levelKey: foldKey(level),
      type,
      limit,
      row: row.row,
      ...(kind !== undefined ? { kind } : {}),
      ...(basis !== "" ? { basis } : {}),
      ...(authority !== "" ? { authority } : {}),
      ...(deadline !== undefined ? { deadline } : {}),
      ...(amount !== undefined ? { amount } : {}),
    };
    seen.set(key, q);
    quotas.push(q);
  }
  return quotas.map((q) => withAwardBase(q, quotas, table, problems));
}

/** `Loại khen` as typed, else what `Cấp khen` says; "bad" (reported) when typed but not a kind. */
function readKindOf(table: Table, row: TableRow, level: string, problems: ProblemList): AwardKind | "bad" | undefined {
  const text = cleanText(cellOf(table, row, "kind"));
  if (text === "") return awardKindOf(level);
  const kind = readAwardKind(text);
  if (kind === undefined) problems.error(table.sheet, row.row, colOf(table, "kind"), M.notOneOf(text, Object.values(AWARD_KIND_VALUES)));
  return kind ?? "bad";
}

/**
 * `Số lượng`, `Tỷ lệ tối đa` and `Cơ sở tính tỷ lệ` of a row; undefined (reported) when they do not
 * make a limit. A base naming another award is left unresolved (no levelKey) until every row is read.
 */
function readLimit(table: Table, row: TableRow, problems: ProblemList): QuotaLimit | undefined {
  const count = readQuotaCount(cellOf(table, row, "count"));
  const share = readShare(cellOf(table, row, "share"));
  const baseText = cleanText(cellOf(table, row, "base"));
  const fail = (key: string, msg: Msg): undefined => {
    problems.error(table.sheet, row.row, colOf(table, key) ?? colOf(table, "count"), msg);
    return undefined;
  };
  if (count === "bad") return fail("count", EM.badQuotaCount(cleanText(cellOf(table, row, "count"))));
  if (share === "bad") return fail("share", EM.badShare(cleanText(cellOf(table, row, "share"))));
  if (share === undefined) {
    if (count === undefined) return fail("count", EM.quotaMissing());
    if (baseText !== "") problems.warning(table.sheet, row.row, colOf(table, "base"), EM.baseWithoutShare(baseText));
    return count === "none" ? {} : { count };
  }
  if (baseText === "") return fail("base", EM.shareNeedsBase());
  const plain = readPlainBase(baseText);
  const base: QuotaBase = plain === undefined ? { kind: "award", levelKey: "", type: "individual", name: baseText } : { kind: plain };
  return { ...(typeof count === "number" ? { count } : {}), share: { fraction: share, base, baseText } };
}

/** An award's name as a base is matched: folded, without the words "Danh hiệu" before it. */
const bareAward = (levelKey: string): string => levelKey.replace(/^danh hieu\s+/, "");

/** Resolves a base naming another award of the sheet (of the same type when there is one); an unknown one is reported and stays unresolved (0 seats). */
function withAwardBase(quota: Quota, quotas: readonly Quota[], table: Table, problems: ProblemList): Quota {
  const share = quota.limit.share;
  if (share === undefined || share.base.kind !== "award") return quota;
  const wanted = bareAward(foldKey(share.baseText));
  const named = quotas.filter((q) => q !== quota && bareAward(q.levelKey) === wanted);
  const target = named.find((q) => q.type === quota.type) ?? named[0];
  if (target === undefined) {
    problems.error(table.sheet, quota.row, colOf(table, "base"), EM.unknownBase(share.baseText));
    return quota;
  }
  return { ...quota, limit: { ...quota.limit, share: { ...share, base: { kind: "award", levelKey: target.levelKey, type: target.type, name: target.level } } } };
}

/** `Thứ hạng năm trước`: each unit's value of each criterion column (headed by its code); a value that is no number is an error at its cell. */
function readLastRanks(table: Table, problems: ProblemList): Map<string, Map<string, Exact>> {
  const out = new Map<string, Map<string, Exact>>();
  if (!table.complete) return out;
  const codes = extraColumns(table, LAST_RANKS_SHEET, (folded) => codeKey(folded), new ProblemList());
  for (const row of table.rows) {
    const unit = codeKey(cleanText(cellOf(table, row, "unit")));
    if (unit === "") continue;
    const ranks = new Map<string, Exact>();
    for (const [code, col] of codes) {
      const cell = row.cells[col];
      if (isBlank(cell)) continue;
      const value = readMeasure(cell);
      if (value === undefined) problems.error(table.sheet, row.row, col, M.notANumber(cleanText(cell)));
      else ranks.set(code, value);
    }
    out.set(unit, ranks);
  }
  return out;
}

function findCriterionColumns(table: Table, criteria: readonly AwardCriterion[], problems: ProblemList): Map<string, number> {
  if (!table.complete) return new Map();
  const wanted = new Map(criteria.map((c) => [foldKey(c.code), c.codeKey]));
  const columns = extraColumns(table, CANDIDATES_SHEET, (folded) => wanted.get(folded), problems);
  for (const key of new Set(criteria.map((c) => c.codeKey))) {
    if (!columns.has(key)) problems.error(table.sheet, 0, undefined, EM.criterionColumnMissing(criteria.find((c) => c.codeKey === key)!.code, table.sheet));
  }
  return columns;
}

function readCandidates(table: Table, units: ReadonlyMap<string, string>, problems: ProblemList): Candidate[] {
  const out: Candidate[] = [];
  if (!table.complete) return out;
  const seen = new Map<string, Candidate>();
  const rd = new RowReader(table, problems);
  for (const row of table.rows) {
    const at = (key: string): number | undefined => colOf(table, key);
    const code = rd.required(row, "candidate", "Mã");
    if (code === undefined) continue;
    const key = codeKey(code);
    if (!firstOfCode(seen, key, code, table, row, "candidate", problems)) continue;
    const typeText = rd.text(row, "type");
    const type = readChoice<EntryType>(typeText, ENTRY_TYPE_VALUES);
    if (typeText === "") problems.error(table.sheet, row.row, at("type"), EM.typeMissing());
    else if (type === undefined) problems.error(table.sheet, row.row, at("type"), M.notOneOf(typeText, Object.values(ENTRY_TYPE_VALUES)));
    const name = rd.required(row, "name", "Tên") ?? "";
    const level = rd.required(row, "level", "Cấp khen") ?? "";
    const unitCode = rd.text(row, "unit");
    if (unitCode !== "" && units.size > 0 && !units.has(codeKey(unitCode))) problems.warning(table.sheet, row.row, at("unit"), M.unknownUnit(unitCode));
    const dossier = {} as Record<DossierKey, boolean>;
    for (const item of DOSSIER_ITEMS) dossier[item.key] = rd.yesNo(row, item.key) === true;
    const submitted = rd.day(row, "submitted");
    const submittedUnreadable = submitted === "bad";
    // `Điểm` may be typed as a percentage, which RowReader's decimal does not read.
    const scoreCell = rd.raw(row, "score");
    const score = readMeasure(scoreCell);
    if (!isBlank(scoreCell) && score === undefined) problems.error(table.sheet, row.row, at("score"), M.notANumber(cleanText(scoreCell)));
    const c: Candidate = {
      key,
      code,
      identity: rd.optionalCode(row, "identity"),
      name,
      unitKey: codeKey(unitCode),
      unitCode,
      level,
      levelKey: foldKey(level),
      dossier,
      submittedUnreadable,
      note: rd.text(row, "note"),
      cells: row.cells,
      row: row.row,
      ...(type !== undefined ? { type } : {}),
      ...(typeof submitted === "number" ? { submitted } : {}),
      ...(score !== undefined ? { score } : {}),
    };
    seen.set(key, c);
    out.push(c);
  }
  return out;
}

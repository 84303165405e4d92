import { type Cell, type Grid, isBlank } from "../cells/cell.js";
import { type Instant, partsOfInstant } from "../cells/date.js";
import { readDecimal } from "../cells/number.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { IM, type Lang, type Msg, say } from "../i18n/messages.js";
import type { ContestLedger, Criterion, Entry, Judge } from "../ledger/model.js";
import { ProblemList } from "../ledger/problem.js";
import { readContest, resolveSheetNames } from "../ledger/read-contest.js";
import { ENTRIES_SHEET, OUTPUT_SHEET_NAMES, SCORES_SHEET } from "../ledger/schema.js";
import { headerKeys, readTable } from "../ledger/table.js";
import { type Exact, compare, exactZero, toPlainText } from "../cells/exact.js";
import { formatDateTime } from "../vn/format.js";
import { JUDGE_META_SHEET, JUDGE_SCORE_SHEET, scoreTableOf, type JudgeMeta, criteriaForEntries, entriesFingerprint, readJudgeMeta, rubricFingerprint } from "./judge-sheets.js";
import type { SheetEdits } from "./port.js";
import { EditableSheet } from "./editable-sheet.js";
import { importSelection } from "./import-selection.js";
import { hasEmulationSheets } from "../emulation/run.js";
import { CANDIDATES_SHEET } from "../emulation/schema.js";
import { readEmulation } from "../emulation/read-emulation.js";

export interface ReturnedWorkbook {
  readonly file: string;
  readonly sheets: ReadonlyMap<string, Grid>;
}

export interface ImportReport {
  readonly file: string;
  readonly kind: "judge" | "entries" | "selection" | "refused";
  readonly judge?: string;
  readonly added: number;
  readonly same: number;
  readonly conflicts: number;
  readonly replaced: number;
  readonly invalid: number;
}

export interface ImportResult {
  readonly edits: SheetEdits[];
  readonly reports: readonly ImportReport[];
  readonly problems: ProblemList;
}

export const LOG_HEADER = ["Thời điểm", "Tệp", "Giám khảo", "Nội dung"];

const where = (file: string, sheet: string): string => `[${file}]${sheet}`;
/** Every place of a score is kept, in messages and in the cell, so that importing the same file again finds it equal. */
const scoreText = (e: Exact): string => toPlainText(e, Infinity).replace(".", ",");

/**
 * Merges returned judges' workbooks (and units' entry workbooks) into the ledger. New values are
 * added; equal ones change nothing; a different value is refused and reported unless `replace`.
 */
export function importWorkbooks(ledgerSheets: ReadonlyMap<string, Grid | undefined>, workbooks: readonly ReturnedWorkbook[], options: { replace: boolean; now: Instant }): ImportResult {
  const problems = new ProblemList();
  const reports: ImportReport[] = [];
  const names = resolveSheetNames(
    [...ledgerSheets.keys()].filter((k) => ledgerSheets.get(k)),
    [SCORES_SHEET.name, ENTRIES_SHEET.name, CANDIDATES_SHEET.name, OUTPUT_SHEET_NAMES.log],
  );
  const sheetOf = (contract: string): EditableSheet => {
    const actual = names.get(contract) ?? contract;
    return new EditableSheet(
      actual,
      (ledgerSheets.get(actual) ?? []).map((r) => [...r]),
    );
  };
  const scores = sheetOf(SCORES_SHEET.name);
  const entries = sheetOf(ENTRIES_SHEET.name);
  const candidates = sheetOf(CANDIDATES_SHEET.name);
  const log = sheetOf(OUTPUT_SHEET_NAMES.log);
  if (log.grid.length === 0) LOG_HEADER.forEach((h, i) => log.set(0, i, h));
  const stamp = formatDateTime(partsOfInstant(options.now));

  // A review without a contest takes only lower levels' reviews: a judge's or entries workbook would make contest sheets in it.
  const reviewOnly = names.has(CANDIDATES_SHEET.name) && !names.has(SCORES_SHEET.name) && !names.has(ENTRIES_SHEET.name);
  for (const wb of workbooks) {
    // Each workbook sees what the ones before it merged.
    const current = new Map(ledgerSheets);
    current.set(scores.name, scores.grid);
    current.set(entries.name, entries.grid);
    current.set(candidates.name, candidates.grid);
    const { ledger } = readContest(current);
    const metaName = [...wb.sheets.keys()].find((k) => k === JUDGE_META_SHEET);
    const meta = readJudgeMeta(metaName === undefined ? undefined : wb.sheets.get(metaName));
    let report: ImportReport;
    if (hasEmulationSheets([...wb.sheets.keys()])) report = importLowerReview(current, names, wb, candidates, options.replace, problems);
    else if (reviewOnly) {
      problems.error(wb.file, undefined, undefined, IM.reviewTakesReviews());
      report = refused(wb.file);
    } else if (meta) report = importJudge(ledger, wb, meta, scores, options.replace, problems);
    else if (resolveSheetNames([...wb.sheets.keys()], [ENTRIES_SHEET.name]).size > 0) report = importEntries(ledger, wb, entries, options.replace, problems);
    else {
      problems.error(wb.file, undefined, undefined, IM.notOurWorkbook());
      report = refused(wb.file);
    }
    reports.push(report);
    const row = log.nextRow();
    [stamp, wb.file, report.judge ?? "", logText(report)].forEach((v, i) => log.set(row, i, v));
  }
  const edits = [scores, entries, candidates, log].filter((s) => s.edits.length > 0).map((s) => ({ sheet: s.name, edits: s.edits }));
  return { edits, reports, problems };
}

/** A lower level's review ledger, into this ledger's `Đề nghị khen thưởng` (refused when this ledger is no review). */
function importLowerReview(
  current: ReadonlyMap<string, Grid | undefined>,
  names: ReadonlyMap<string, string>,
  wb: ReturnedWorkbook,
  sheet: EditableSheet,
  replace: boolean,
  problems: ProblemList,
): ImportReport {
  const { ledger, missingSheets } = readEmulation(current);
  if (!names.has(CANDIDATES_SHEET.name) || missingSheets.length > 0) {
    problems.error(wb.file, undefined, undefined, IM.notAReviewLedger(missingSheets.join(", ")));
    return refused(wb.file);
  }
  return importSelection(ledger, wb, sheet, replace, problems);
}

function refused(file: string, judge?: string): ImportReport {
  return { file, kind: "refused", added: 0, same: 0, conflicts: 0, replaced: 0, invalid: 0, ...(judge ? { judge } : {}) };
}

/** One import's counts, as the `Nhật ký` sheet (always Vietnamese) and the hosts' messages say them. */
export function logText(r: ImportReport, lang: Lang = "vi"): string {
  if (r.kind === "refused") return say({ vi: "Từ chối: không nhập (xem trang Kiểm tra hoặc thông báo lỗi)", en: "Refused: nothing imported (see the Kiểm tra sheet or the error message)" }, lang);
  const what = r.kind === "judge" ? { vi: "điểm", en: "scores" } : r.kind === "selection" ? { vi: "đề nghị khen thưởng", en: "award proposals" } : { vi: "bài dự thi", en: "entries" };
  const parts: Msg[] = [
    { vi: `Thêm ${r.added} ${what.vi}`, en: `Added ${r.added} ${what.en}` },
    { vi: `${r.same} giống hệt`, en: `${r.same} identical` },
    { vi: `${r.conflicts} khác (không ghi đè)`, en: `${r.conflicts} different (not replaced)` },
    { vi: `${r.replaced} ghi đè`, en: `${r.replaced} replaced` },
  ];
  if (r.invalid > 0) parts.push({ vi: `${r.invalid} ô không hợp lệ`, en: `${r.invalid} invalid cells` });
  return parts.map((m) => say(m, lang)).join("; ");
}

/** A judge's returned workbook that matches the ledger: its judge, rows, entries and criterion columns. */
interface CheckedJudgeBook {
  readonly judge: Judge;
  readonly header: readonly Cell[];
  readonly rows: readonly { readonly cells: readonly Cell[]; readonly row: number }[];
  readonly entries: readonly Entry[];
  readonly criteria: readonly Criterion[];
  readonly columnOf: ReadonlyMap<string, number>;
}

/** Checks a returned workbook against the ledger: same contest, known judge, unaltered entry list and rubric. */
function checkJudgeBook(ledger: ContestLedger, wb: ReturnedWorkbook, meta: JudgeMeta): CheckedJudgeBook | { readonly refusal: Msg; readonly sheet: string } {
  const altered = (refusal: Msg) => ({ refusal, sheet: JUDGE_SCORE_SHEET });
  if (foldKey(meta.contest) !== foldKey(ledger.settings.name)) return { refusal: IM.otherContest(meta.contest, ledger.settings.name), sheet: JUDGE_META_SHEET };
  const judge = ledger.judges.get(codeKey(meta.judge));
  if (!judge) return { refusal: IM.unknownJudge(meta.judge), sheet: JUDGE_META_SHEET };
  const grid = wb.sheets.get(JUDGE_SCORE_SHEET);
  if (!grid) return altered(IM.entriesAltered());
  // The header is the row that starts with `Mã bài` (row 1 in early workbooks, under the title rows since);
  // the entries run from it to the first blank row, above the signature line.
  const table = scoreTableOf(grid);
  const header = table.header;
  const rows = grid.slice(table.first, table.end).map((cells, i) => ({ cells, row: table.first + i }));
  const codes = rows.map((r) => cleanText(r.cells[0]));
  if (entriesFingerprint(codes) !== meta.entries) return altered(IM.entriesAltered());
  const entries: Entry[] = [];
  for (const code of codes) {
    const e = ledger.entries.get(codeKey(code));
    if (!e) return altered(IM.entryGone(code));
    entries.push(e);
  }
  const criteria = criteriaForEntries(ledger, entries);
  const columnOf = new Map<string, number>();
  for (const c of criteria) {
    const col = table.columns.get(c.key);
    if (col !== undefined) columnOf.set(c.key, col);
  }
  if (rubricFingerprint(criteria) !== meta.rubric || columnOf.size !== criteria.length) return altered(IM.rubricAltered());
  return { judge, header, rows, entries, criteria, columnOf };
}

interface ImportCounts {
  added: number;
  same: number;
  conflicts: number;
  replaced: number;
  invalid: number;
}

/** The valid scores a judge typed for one entry (invalid cells reported and counted). */
function typedScores(ledger: ContestLedger, book: CheckedJudgeBook, i: number, sheetLabel: string, counts: ImportCounts, problems: ProblemList): Map<Criterion, Exact> {
  const r = book.rows[i]!;
  const applicable = new Set(criteriaForEntries(ledger, [book.entries[i]!]).map((c) => c.key));
  const values = new Map<Criterion, Exact>();
  for (const c of book.criteria) {
    if (!applicable.has(c.key)) continue;
    const col = book.columnOf.get(c.key)!;
    const cell = r.cells[col];
    if (isBlank(cell)) continue;
    const v = readDecimal(cell);
    if (v === undefined || compare(v, exactZero) < 0 || compare(v, c.max) > 0) {
      problems.error(sheetLabel, r.row, col, IM.badScore(cleanText(cell), toPlainText(c.max)));
      counts.invalid++;
      continue;
    }
    values.set(c, v);
  }
  return values;
}

/** One score into the ledger's cell: added when empty, nothing when equal, else replaced (`--replace`) or a conflict. */
function mergeScore(scores: EditableSheet, target: number, col: number, v: Exact, what: string, replace: boolean, counts: ImportCounts, problems: ProblemList): void {
  const old = scores.get(target, col);
  const number = Number(toPlainText(v, Infinity));
  if (isBlank(old)) {
    scores.set(target, col, number);
    counts.added++;
    return;
  }
  const oldValue = readDecimal(old);
  if (oldValue !== undefined && compare(oldValue, v) === 0) {
    counts.same++;
    return;
  }
  if (replace) {
    scores.set(target, col, number);
    counts.replaced++;
    return;
  }
  const oldText = oldValue === undefined ? `“${cleanText(old)}”` : scoreText(oldValue);
  problems.error(scores.name, target, col, IM.valueConflict(what, oldText, scoreText(v)));
  counts.conflicts++;
}

function importJudge(ledger: ContestLedger, wb: ReturnedWorkbook, meta: JudgeMeta, scores: EditableSheet, replace: boolean, problems: ProblemList): ImportReport {
  const book = checkJudgeBook(ledger, wb, meta);
  if ("refusal" in book) {
    problems.error(where(wb.file, book.sheet), undefined, undefined, book.refusal);
    return refused(wb.file, meta.judge);
  }
  const { judge } = book;
  const ledgerCols = ensureCriterionColumns(ledger, scores, book.criteria);
  const judgeNoteIndex = book.header.findIndex((h) => foldKey(cleanText(h)) === foldKey(NOTE_COLUMN.vi));
  let ledgerNoteCol: number | undefined;
  const existing = new Map<string, number[]>();
  for (const s of ledger.scores) if (s.judgeKey === judge.key) existing.set(s.entryKey, [...(existing.get(s.entryKey) ?? []), s.row]);
  const counts: ImportCounts = { added: 0, same: 0, conflicts: 0, replaced: 0, invalid: 0 };
  const sheetLabel = where(wb.file, JUDGE_SCORE_SHEET);
  book.rows.forEach((r, i) => {
    const entry = book.entries[i]!;
    const values = typedScores(ledger, book, i, sheetLabel, counts, problems);
    const note = judgeNoteIndex < 0 ? "" : cleanText(r.cells[judgeNoteIndex]);
    if (values.size === 0 && note === "") return;
    const rowsInLedger = existing.get(entry.key) ?? [];
    if (rowsInLedger.length > 1) {
      problems.error(scores.name, rowsInLedger[1], undefined, IM.duplicateInLedger(entry.code, judge.code));
      counts.conflicts += values.size;
      return;
    }
    let target = rowsInLedger[0];
    if (target === undefined) {
      target = scores.nextRow();
      scores.set(target, ledger.scoreKeyColumns.entry, entry.code);
      scores.set(target, ledger.scoreKeyColumns.judge, judge.code);
      existing.set(entry.key, [target]);
    }
    for (const [c, v] of values) mergeScore(scores, target, ledgerCols.get(c.key)!, v, `Bài “${entry.code}”, giám khảo “${judge.code}”, tiêu chí “${c.code}”`, replace, counts, problems);
    if (note !== "") mergeNote(scores, target, (ledgerNoteCol ??= noteColumn(scores)), note, `Bài “${entry.code}”, giám khảo “${judge.code}”, ghi chú`, replace, problems);
  });
  return { file: wb.file, kind: "judge", judge: judge.code, ...counts };
}

const NOTE_COLUMN = SCORES_SHEET.columns.find((c) => c.key === "note")!;

/** The `Ghi chú` column of `Điểm`, added when the sheet has none. */
function noteColumn(scores: EditableSheet): number {
  const keys = headerKeys(NOTE_COLUMN);
  const found = (scores.grid[0] ?? []).findIndex((h) => keys.includes(foldKey(cleanText(h))));
  return found >= 0 ? found : scores.appendHeader(NOTE_COLUMN.vi, SCORES_SHEET.columns.length);
}

/** A judge's note: added when the ledger has none, kept when equal, a conflict when different. */
function mergeNote(scores: EditableSheet, row: number, col: number, note: string, what: string, replace: boolean, problems: ProblemList): void {
  const old = cleanText(scores.get(row, col));
  if (old === note) return;
  if (old === "" || replace) scores.set(row, col, note);
  else problems.error(scores.name, row, col, IM.valueConflict(what, `“${old}”`, `“${note}”`));
}

/** Columns of `Điểm` for the criteria, adding a header for any that is missing. */
function ensureCriterionColumns(ledger: ContestLedger, scores: EditableSheet, criteria: readonly Criterion[]): Map<string, number> {
  const cols = new Map(ledger.scoreColumns);
  if (scores.grid.length === 0) {
    SCORES_SHEET.columns.forEach((c, i) => scores.set(0, i, c.vi));
  }
  for (const c of criteria) {
    if (!cols.has(c.key)) cols.set(c.key, scores.appendHeader(c.code, SCORES_SHEET.columns.length));
  }
  return cols;
}

function importEntries(ledger: ContestLedger, wb: ReturnedWorkbook, entries: EditableSheet, replace: boolean, problems: ProblemList): ImportReport {
  const sheetName = resolveSheetNames([...wb.sheets.keys()], [ENTRIES_SHEET.name]).get(ENTRIES_SHEET.name)!;
  const label = where(wb.file, sheetName);
  const incoming = readTable(label, wb.sheets.get(sheetName) ?? [], ENTRIES_SHEET, problems);
  if (!incoming.complete) return refused(wb.file);
  const ledgerCols = new Map(readTable(entries.name, entries.grid, ENTRIES_SHEET, new ProblemList()).columns);
  // A column the unit filled in but the ledger lacks is added to the ledger, never dropped.
  const columnFor = (key: string, header: string): number => {
    let col = ledgerCols.get(key);
    if (col === undefined) ledgerCols.set(key, (col = entries.appendHeader(header, 1)));
    return col;
  };
  // Rows added from this workbook, so that a code repeated inside it is not added twice.
  const addedHere = new Map<string, number>();
  const counts: ImportCounts = { added: 0, same: 0, conflicts: 0, replaced: 0, invalid: 0 };
  const codeCol = incoming.columns.get("entry")!;
  const unitCol = incoming.columns.get("unit")!;
  for (const row of incoming.rows) {
    const code = cleanText(row.cells[codeCol]);
    if (code === "") continue;
    const unitCode = cleanText(row.cells[unitCol]);
    if (!ledger.units.has(codeKey(unitCode))) {
      problems.error(label, row.row, unitCol, {
        vi: `Mã đơn vị “${unitCode}” không có trong sổ: dòng này không được nhập.`,
        en: `Unit “${unitCode}” is not in the ledger: row not imported.`,
      });
      counts.invalid++;
      continue;
    }
    const existingRow = ledger.entries.get(codeKey(code))?.row ?? addedHere.get(codeKey(code));
    const target = existingRow ?? entries.nextRow();
    if (existingRow === undefined) addedHere.set(codeKey(code), target);
    const merged = mergeEntryRow(row.cells, incoming.columns, entries, target, existingRow !== undefined, code, columnFor, replace, problems);
    if (merged.conflict) counts.conflicts++;
    else if (existingRow === undefined) counts.added++;
    else if (merged.changed) counts.replaced++;
    else counts.same++;
  }
  return { file: wb.file, kind: "entries", ...counts };
}

/** One unit's entry row into the ledger's row: empty cells filled, equal ones left, different ones replaced (`--replace`) or reported. */
function mergeEntryRow(
  cells: readonly Cell[],
  from: ReadonlyMap<string, number>,
  entries: EditableSheet,
  target: number,
  existing: boolean,
  code: string,
  columnFor: (key: string, header: string) => number,
  replace: boolean,
  problems: ProblemList,
): { changed: boolean; conflict: boolean } {
  let changed = false;
  let conflict = false;
  for (const def of ENTRIES_SHEET.columns) {
    const col = from.get(def.key);
    const value = col === undefined ? null : (cells[col] ?? null);
    if (isBlank(value)) continue;
    const to = columnFor(def.key, def.vi);
    const old = entries.get(target, to);
    const differs = def.kind === "code" ? codeKey(old) !== codeKey(value) : !sameCell(old, value);
    if (!existing || isBlank(old) || (differs && replace)) {
      entries.set(target, to, value);
      changed = true;
    } else if (differs) {
      conflict = true;
      problems.error(entries.name, target, to, IM.valueConflict(`Bài “${code}”, cột “${def.vi}”`, `“${cleanText(old)}”`, `“${cleanText(value)}”`));
    }
  }
  return { changed, conflict };
}

function sameCell(a: Cell, b: Cell): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const da = readDecimal(a);
  const db = readDecimal(b);
  if (da !== undefined && db !== undefined) return compare(da, db) === 0;
  return cleanText(a) === cleanText(b);
}

import { isBlank } from "../cells/cell.js";
import { readDecimal } from "../cells/number.js";
import { cleanText } from "../cells/text.js";
import { M } from "../i18n/messages.js";
import type { ContestLedger, Criterion, Entry, Judge } from "../ledger/model.js";
import type { ProblemList } from "../ledger/problem.js";
import { type Exact, add, compare, exactZero, mul, toPlainText } from "../cells/exact.js";

/** One judge's valid scoring of one entry. */
export interface JudgeTotal {
  readonly judgeKey: string;
  readonly total: Exact;
  readonly byCriterion: ReadonlyMap<string, Exact>;
}

export function criteriaFor(ledger: ContestLedger, categoryKey: string): Criterion[] {
  return [...ledger.criteria.values()].filter((c) => c.categoryKey === undefined || c.categoryKey === categoryKey);
}

export function judgeScoresCategory(judge: Judge, categoryKey: string): boolean {
  return judge.categories === undefined || judge.categories.has(categoryKey);
}

export function isConflict(judge: Judge, entry: Entry): boolean {
  return judge.unitKey !== "" && judge.unitKey === entry.unitKey;
}

/** Entries the secretariat still expects scores for. */
export function isScorable(entry: Entry): boolean {
  return entry.status === "valid";
}

/**
 * Validates every row of `Điểm` and returns the valid judge totals of each entry.
 * Rows with an unknown code, a duplicate (entry, judge), a conflict of interest or a bad score give no total.
 */
export function judgeTotals(ledger: ContestLedger, problems: ProblemList): Map<string, JudgeTotal[]> {
  const sheet = ledger.sheetNames.get("Điểm") ?? "Điểm";
  const out = new Map<string, JudgeTotal[]>();
  for (const key of ledger.entries.keys()) out.set(key, []);
  const { rowsByPair, sameRowsOf } = groupRows(ledger.scores);
  const columnsByCategory = new Map<string, CategoryColumns>();
  ledger.scores.forEach((s, index) => {
    const pair = admittedPair(ledger, s, sameRowsOf[index] ?? [], sheet, problems);
    if (pair === undefined) return;
    const { entry, judge } = pair;
    let columns = columnsByCategory.get(entry.categoryKey);
    if (columns === undefined) {
      columns = categoryColumns(ledger, entry.categoryKey);
      columnsByCategory.set(entry.categoryKey, columns);
      if (columns.own.length === 0) {
        problems.error(ledger.sheetNames.get("Tiêu chí") ?? "Tiêu chí", undefined, undefined, M.noCriteria(entry.category));
      }
    }
    const scored = scoreRow(s, columns, sheet, problems);
    if (scored !== undefined) out.get(entry.key)?.push({ judgeKey: judge.key, ...scored });
  });
  reportMissingScores(ledger, rowsByPair, sheet, problems);
  return out;
}

type ScoreRow = ContestLedger["scores"][number];

/** How many of a duplicate group's other rows its message names. */
const LISTED_DUPLICATES = 5;

/** Rows of `Điểm` by entry then judge; `sameRowsOf[i]` is the list that score row i belongs to. */
function groupRows(scores: readonly ScoreRow[]): { rowsByPair: RowsByPair; sameRowsOf: number[][] } {
  const rowsByPair: RowsByPair = new Map();
  const sameRowsOf: number[][] = [];
  for (const s of scores) {
    let byJudge = rowsByPair.get(s.entryKey);
    if (byJudge === undefined) rowsByPair.set(s.entryKey, (byJudge = new Map()));
    let list = byJudge.get(s.judgeKey);
    if (list === undefined) byJudge.set(s.judgeKey, (list = []));
    list.push(s.row);
    sameRowsOf.push(list);
  }
  return { rowsByPair, sameRowsOf };
}

/** The entry and judge of a score row that may count; undefined (with the problem reported) for one that may not. */
function admittedPair(ledger: ContestLedger, s: ScoreRow, sameRows: readonly number[], sheet: string, problems: ProblemList): { entry: Entry; judge: Judge } | undefined {
  const entry = ledger.entries.get(s.entryKey);
  const judge = ledger.judges.get(s.judgeKey);
  const at = ledger.scoreKeyColumns;
  if (entry === undefined) return void problems.error(sheet, s.row, at.entry, M.unknownEntry(s.entryCode));
  if (judge === undefined) return void problems.error(sheet, s.row, at.judge, M.unknownJudge(s.judgeCode));
  if (sameRows.length > 1) {
    // The group is described once, at its first row; the others point there, so messages stay short however many copies there are.
    const first = sameRows[0]!;
    const msg =
      s.row === first
        ? M.duplicateScoreRow(
            entry.code,
            judge.code,
            sameRows.slice(1, 1 + LISTED_DUPLICATES).map((r) => r + 1),
            sameRows.length - 1,
          )
        : M.duplicateScoreRowAgain(first + 1);
    return void problems.error(sheet, s.row, at.judge, msg);
  }
  if (isConflict(judge, entry)) return void problems.warning(sheet, s.row, at.judge, M.conflictOfInterest(judge.code, entry.unitCode));
  if (!judgeScoresCategory(judge, entry.categoryKey)) return void problems.warning(sheet, s.row, at.judge, M.judgeNotForCategory(judge.code, entry.category));
  return { entry, judge };
}

/** The weighted total of one row over its category's criteria; undefined (each bad cell reported) when any score is missing or invalid. */
function scoreRow(s: ScoreRow, columns: CategoryColumns, sheet: string, problems: ProblemList): { total: Exact; byCriterion: Map<string, Exact> } | undefined {
  const byCriterion = new Map<string, Exact>();
  let total = exactZero;
  // With no criterion a total would be 0 for everyone and every entry would tie for first.
  let valid = columns.own.length > 0;
  for (const { criterion: c, col } of columns.own) {
    const value = col === undefined ? undefined : criterionScore(s, c, col, sheet, problems);
    if (value === undefined) {
      valid = false;
      continue;
    }
    byCriterion.set(c.key, value);
    total = add(total, mul(value, c.weight));
  }
  for (const { criterion: c, col } of columns.others) {
    if (!isBlank(s.cells[col])) problems.warning(sheet, s.row, col, M.scoreForOtherCategory(c.code));
  }
  return valid ? { total, byCriterion } : undefined;
}

/** One criterion's score in its cell: a number in [0, max], else undefined with the problem reported at the cell. */
function criterionScore(s: ScoreRow, c: Criterion, col: number, sheet: string, problems: ProblemList): Exact | undefined {
  const cell = s.cells[col];
  if (isBlank(cell)) return void problems.error(sheet, s.row, col, M.scoreMissing(c.code));
  const value = readDecimal(cell);
  if (value === undefined) return void problems.error(sheet, s.row, col, M.scoreNotNumber(cleanText(cell), c.code));
  if (compare(value, exactZero) < 0 || compare(value, c.max) > 0) return void problems.error(sheet, s.row, col, M.scoreOutOfRange(cleanText(cell), c.code, toPlainText(c.max)));
  return value;
}

/** Rows of `Điểm` (0-based) by entry key, then judge key. */
type RowsByPair = Map<string, Map<string, number[]>>;

interface CategoryColumns {
  /** The category's criteria in sheet order, with their column in `Điểm` (undefined when it has none). */
  readonly own: readonly { readonly criterion: Criterion; readonly col: number | undefined }[];
  /** Other categories' criteria that have a column: a score there is reported, not counted. */
  readonly others: readonly { readonly criterion: Criterion; readonly col: number }[];
}

function categoryColumns(ledger: ContestLedger, categoryKey: string): CategoryColumns {
  const criteria = criteriaFor(ledger, categoryKey);
  const own = criteria.map((criterion) => ({ criterion, col: ledger.scoreColumns.get(criterion.key) }));
  const others: { criterion: Criterion; col: number }[] = [];
  for (const criterion of ledger.criteria.values()) {
    const col = ledger.scoreColumns.get(criterion.key);
    if (col !== undefined && !criteria.includes(criterion)) others.push({ criterion, col });
  }
  return { own, others };
}

/** Every judge is expected to score every scorable entry of their categories, except their own unit's. */
function reportMissingScores(ledger: ContestLedger, rowsByPair: RowsByPair, sheet: string, problems: ProblemList): void {
  for (const judge of ledger.judges.values()) {
    const missing: Entry[] = [];
    let expected = 0;
    for (const entry of ledger.entries.values()) {
      if (!isScorable(entry) || !judgeScoresCategory(judge, entry.categoryKey) || isConflict(judge, entry)) continue;
      expected++;
      if (rowsByPair.get(entry.key)?.has(judge.key) !== true) missing.push(entry);
    }
    if (missing.length > 1 && missing.length === expected) {
      problems.warning(sheet, undefined, undefined, M.judgeScoredNothing(judge.code, expected));
    } else {
      for (const entry of missing) problems.warning(sheet, undefined, undefined, M.missingExpectedScore(judge.code, entry.code));
    }
  }
}

import { isBlank } from "../cells/cell.js";
import { readDecimal } from "../cells/number.js";
import { cleanText } from "../cells/text.js";
import { M } from "../i18n/messages.js";
import type { ContestLedger, Criterion, Entry, Judge } from "../ledger/model.js";
import type { ProblemList } from "../ledger/problem.js";
import { type Exact, add, compare, exactZero, mul, toPlainText } from "./exact.js";

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

  const rowsByPair = new Map<string, number[]>();
  for (const s of ledger.scores) {
    const pair = `${s.entryKey}\u0000${s.judgeKey}`;
    const list = rowsByPair.get(pair);
    if (list) list.push(s.row);
    else rowsByPair.set(pair, [s.row]);
  }
  const criteriaByCategory = new Map<string, Criterion[]>();

  for (const s of ledger.scores) {
    const entry = ledger.entries.get(s.entryKey);
    const judge = ledger.judges.get(s.judgeKey);
    if (entry === undefined) {
      problems.error(sheet, s.row, ledger.scoreKeyColumns.entry, M.unknownEntry(s.entryCode));
      continue;
    }
    if (judge === undefined) {
      problems.error(sheet, s.row, ledger.scoreKeyColumns.judge, M.unknownJudge(s.judgeCode));
      continue;
    }
    const sameRows = rowsByPair.get(`${s.entryKey}\u0000${s.judgeKey}`) ?? [];
    if (sameRows.length > 1) {
      const others = sameRows.filter((r) => r !== s.row).map((r) => `dòng ${r + 1}`).join(", ");
      problems.error(sheet, s.row, ledger.scoreKeyColumns.judge, M.duplicateScoreRow(entry.code, judge.code, others));
      continue;
    }
    if (isConflict(judge, entry)) {
      problems.warning(sheet, s.row, ledger.scoreKeyColumns.judge, M.conflictOfInterest(judge.code, entry.unitCode));
      continue;
    }
    if (!judgeScoresCategory(judge, entry.categoryKey)) {
      problems.warning(sheet, s.row, ledger.scoreKeyColumns.judge, M.judgeNotForCategory(judge.code, entry.category));
      continue;
    }
    let criteria = criteriaByCategory.get(entry.categoryKey);
    if (criteria === undefined) {
      criteria = criteriaFor(ledger, entry.categoryKey);
      criteriaByCategory.set(entry.categoryKey, criteria);
    }
    const byCriterion = new Map<string, Exact>();
    let total = exactZero;
    let valid = true;
    for (const c of criteria) {
      const col = ledger.scoreColumns.get(c.key);
      if (col === undefined) {
        valid = false;
        continue;
      }
      const cell = s.cells[col];
      if (isBlank(cell)) {
        problems.error(sheet, s.row, col, M.scoreMissing(c.code));
        valid = false;
        continue;
      }
      const value = readDecimal(cell);
      if (value === undefined) {
        problems.error(sheet, s.row, col, M.scoreNotNumber(cleanText(cell), c.code));
        valid = false;
        continue;
      }
      if (compare(value, exactZero) < 0 || compare(value, c.max) > 0) {
        problems.error(sheet, s.row, col, M.scoreOutOfRange(cleanText(cell), c.code, toPlainText(c.max)));
        valid = false;
        continue;
      }
      byCriterion.set(c.key, value);
      total = add(total, mul(value, c.weight));
    }
    for (const c of ledger.criteria.values()) {
      const col = ledger.scoreColumns.get(c.key);
      if (col === undefined || byCriterion.has(c.key) || criteria.includes(c)) continue;
      if (!isBlank(s.cells[col])) problems.warning(sheet, s.row, col, M.scoreForOtherCategory(c.code));
    }
    if (valid) out.get(entry.key)?.push({ judgeKey: judge.key, total, byCriterion });
  }
  reportMissingScores(ledger, rowsByPair, sheet, problems);
  return out;
}

/** Every judge is expected to score every scorable entry of their categories, except their own unit's. */
function reportMissingScores(
  ledger: ContestLedger,
  rowsByPair: ReadonlyMap<string, number[]>,
  sheet: string,
  problems: ProblemList,
): void {
  for (const judge of ledger.judges.values()) {
    const missing: Entry[] = [];
    let expected = 0;
    for (const entry of ledger.entries.values()) {
      if (!isScorable(entry) || !judgeScoresCategory(judge, entry.categoryKey) || isConflict(judge, entry)) continue;
      expected++;
      if (!rowsByPair.has(`${entry.key}\u0000${judge.key}`)) missing.push(entry);
    }
    if (missing.length > 1 && missing.length === expected) {
      problems.warning(sheet, undefined, undefined, M.judgeScoredNothing(judge.code, expected));
    } else {
      for (const entry of missing) problems.warning(sheet, undefined, undefined, M.missingExpectedScore(judge.code, entry.code));
    }
  }
}


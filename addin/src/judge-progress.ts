import type { Entry, Judge } from "../../shared/ledger/model.js";
import { type Problem, ProblemList } from "../../shared/ledger/problem.js";
import { SCORES_SHEET } from "../../shared/ledger/schema.js";
import { judgeTotals } from "../../shared/scoring/judge-totals.js";
import type { ContestRun } from "../../shared/tasks/contest-run.js";
import { entriesForJudge } from "../../shared/tasks/judge-sheets.js";

/** One judge's scoring, from the core's run: what is expected, scored, missing, and which cells are wrong. */
export interface JudgeProgress {
  readonly judge: Judge;
  readonly expected: readonly Entry[];
  readonly scored: readonly Entry[];
  /** Expected entries with no row of this judge in `Điểm`. */
  readonly missing: readonly Entry[];
  /** Errors the core reports on this judge's rows of `Điểm`. */
  readonly invalid: readonly Problem[];
}

export function judgeProgress(run: ContestRun): JudgeProgress[] {
  const ledger = run.ledger;
  const totals = judgeTotals(ledger, new ProblemList());
  const scoresSheet = ledger.sheetNames.get(SCORES_SHEET.name) ?? SCORES_SHEET.name;
  return [...ledger.judges.values()].map((judge) => {
    const expected = entriesForJudge(ledger, judge);
    const rows = ledger.scores.filter((s) => s.judgeKey === judge.key);
    const withRow = new Set(rows.map((s) => s.entryKey));
    const rowNumbers = new Set(rows.map((s) => s.row));
    const scored = expected.filter((e) => (totals.get(e.key) ?? []).some((t) => t.judgeKey === judge.key));
    return {
      judge,
      expected,
      scored,
      missing: expected.filter((e) => !withRow.has(e.key)),
      invalid: run.problems.filter((p) => p.severity === "error" && p.sheet === scoresSheet && p.row !== undefined && rowNumbers.has(p.row)),
    };
  });
}

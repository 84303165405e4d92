import type { Grid } from "../cells/cell.js";
import { type ContestLedger } from "../ledger/model.js";
import { type Problem, ProblemList, sortProblems } from "../ledger/problem.js";
import { CONTEST_SHEETS, readContest, resolveSheetNames } from "../ledger/read-contest.js";
import { type ContestResult, computeContest } from "../scoring/contest-results.js";
import { type UnitSummary, summariseUnits } from "../scoring/unit-summary.js";
import type { LedgerPort } from "./port.js";

export interface ContestRun {
  readonly ledger: ContestLedger;
  readonly result: ContestResult;
  readonly units: readonly UnitSummary[];
  readonly problems: readonly Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Required sheets that are absent: nothing was computed. */
  readonly missingSheets: readonly string[];
}

/** Reads and computes; pure given the grids. */
export function runContest(sheets: ReadonlyMap<string, Grid | undefined>): ContestRun {
  const { ledger, problems, missingSheets } = readContest(sheets);
  const result: ContestResult = missingSheets.length > 0 ? { categories: [], totalAmount: 0n, totals: new Map() } : computeContest(ledger, problems);
  return finish(ledger, result, problems, missingSheets);
}

function finish(ledger: ContestLedger, result: ContestResult, problems: ProblemList, missingSheets: readonly string[]): ContestRun {
  const sheetOrder = CONTEST_SHEETS.map((s) => ledger.sheetNames.get(s) ?? s);
  const sorted = sortProblems(problems.items, sheetOrder);
  const errorCount = sorted.filter((p) => p.severity === "error").length;
  return {
    ledger,
    result,
    units: summariseUnits(ledger, result),
    problems: sorted,
    errorCount,
    warningCount: sorted.length - errorCount,
    missingSheets,
  };
}

/** One batched read of every sheet a judged contest needs. */
export async function readContestSheets(port: LedgerPort): Promise<Map<string, Grid | undefined>> {
  const available = await port.sheetNames();
  const names = resolveSheetNames(available, CONTEST_SHEETS);
  return port.read([...names.values()]);
}

import type { Lang } from "../i18n/messages.js";
import { prizeListSheet, problemsSheet, resultsSheet, unitSummarySheet } from "../ledger/contest-outputs.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { type ContestRun, readContestSheets, runContest } from "./contest-run.js";
import type { LedgerPort } from "./port.js";

export function contestOutputs(run: ContestRun, lang: Lang = "vi"): OutputSheet[] {
  return [
    resultsSheet(run.ledger, run.result),
    prizeListSheet(run.ledger, run.result, run.errorCount),
    unitSummarySheet(run.units),
    problemsSheet(run.problems, lang),
  ];
}

/** `Tính kết quả`: read once, compute, write the four output sheets once. Nothing is written when required sheets are missing. */
export async function tally(port: LedgerPort): Promise<ContestRun> {
  const run = runContest(await readContestSheets(port));
  if (run.missingSheets.length === 0) await port.write(contestOutputs(run));
  return run;
}

/** `Kiểm tra`: read and compute; writes only the `Kiểm tra` sheet when asked to. */
export async function check(port: LedgerPort, options: { write: boolean }): Promise<ContestRun> {
  const run = runContest(await readContestSheets(port));
  if (options.write) await port.write([problemsSheet(run.problems)]);
  return run;
}

import type { Lang } from "../i18n/messages.js";
import { problemsSheet } from "../ledger/contest-outputs.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import type { ContestRun } from "./contest-run.js";
import { CONTEST_PART } from "./ledger-parts.js";

/** A judged contest's four sheets on their own (its part's sheets and its `Kiểm tra`): what a contest-only ledger gets. */
export function contestOutputs(run: ContestRun, lang: Lang = "vi"): OutputSheet[] {
  return [...CONTEST_PART.outputs(run, run.errorCount, lang), problemsSheet(run.problems, lang)];
}

import type { Grid } from "../../shared/cells/cell.js";
import { type LedgerTally, tallyLedgerSync } from "../../shared/tasks/ledger-tally.js";
import { ledgerSummaryLine } from "../../shared/tasks/tally-line.js";
import { problemsSheet } from "../../shared/ledger/contest-outputs.js";
import { type Problem, SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import type { Lang } from "../../shared/i18n/messages.js";
import { type ActionResult, type Host, Refusal, result } from "./host.js";
import { bothLanguages, uiText } from "./ui-text.js";
import type { SheetsPort } from "./sheets-port.js";

/** How many problems a dialog lists before pointing at the sheet. */
export const DIALOG_LINES = 8;

/** One read of every sheet a judged contest needs (what `readContestSheets` does, synchronously). */
export function readContestGrids(port: SheetsPort): Map<string, Grid | undefined> {
  const names = resolveSheetNames(port.sheetNamesSync(), CONTEST_SHEETS);
  return port.readSync([...names.values()]);
}

/** Refuses when required sheets are absent (any ledger kind, or a judged contest read on its own). */
export function refuseMissing(run: { readonly missingSheets: readonly string[] }): void {
  if (run.missingSheets.length > 0) {
    throw new Refusal(bothLanguages((text) => text.missingSheets(run.missingSheets)));
  }
}

/** The first problems for a dialog; `rest` names what the count of the others stands for. */
export function problemLines(problems: readonly Problem[], rest: string, lang: Lang, limit = DIALOG_LINES): string[] {
  const lines = problems.slice(0, limit).map((p) => `${SEVERITY_LABEL[p.severity][lang]} ${problemAddress(p)}: ${p.text[lang]}`);
  if (problems.length > limit) lines.push(uiText(lang).more(problems.length - limit, rest));
  return lines;
}

const moreProblems = (host: Host): string => host.t.moreProblems(OUTPUT_SHEET_NAMES.problems);

/** `Kiểm tra`: read once, write the `Kiểm tra` sheet once, summarise. */
export function checkAction(host: Host): ActionResult {
  const run = tallyLedgerSync(host.port, { write: false });
  const problems = run.problems;
  host.port.writeSync([problemsSheet(problems)]);
  const t = host.t;
  const message = problems.length === 0 ? t.checkClean : t.checkFound(run.errorCount, run.warningCount, OUTPUT_SHEET_NAMES.problems);
  return result(run.errorCount === 0, t.check, message, problemLines(problems, moreProblems(host), host.lang));
}

/** The toast after Tính kết quả: the core's one summary line, as the Excel pane shows it. */
export function tallyToast(run: LedgerTally, lang: Lang): string {
  return ledgerSummaryLine(run, lang);
}

/** `Tính kết quả`: read once, compute in the core, write every output sheet of the ledger once. */
export function tallyAction(host: Host): ActionResult & { readonly toast: string } {
  const run = tallyLedgerSync(host.port, { write: false });
  refuseMissing(run);
  host.port.writeSync(run.outputs);
  const toast = tallyToast(run, host.lang);
  const written = run.outputs.map((s) => s.name);
  return { ...result(run.errorCount === 0, host.t.tally, host.t.written(written, toast), problemLines(run.problems, moreProblems(host), host.lang)), toast };
}

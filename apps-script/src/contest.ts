import type { Grid } from "../../shared/cells/cell.js";
import { type LedgerTally, tallyLedgerSync } from "../../shared/tasks/ledger-tally.js";
import { ledgerSummaryLine } from "../../shared/tasks/tally-line.js";
import { problemsSheet } from "../../shared/ledger/contest-outputs.js";
import { type Problem, SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { type ActionResult, type Host, Refusal, result } from "./host.js";
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
    const list = run.missingSheets.map((s) => `“${s}”`).join(", ");
    throw new Refusal({
      vi: `Sổ thiếu trang bắt buộc: ${list}. Dùng “Thi đua › Tạo sổ cuộc thi” để tạo các trang còn thiếu.`,
      en: `The ledger lacks required sheets: ${list}.`,
    });
  }
}

/** The first problems for a dialog; `rest` names what the count of the others stands for. */
export function problemLines(problems: readonly Problem[], rest: string, limit = DIALOG_LINES): string[] {
  const lines = problems.slice(0, limit).map((p) => `${SEVERITY_LABEL[p.severity].vi} ${problemAddress(p)}: ${p.text.vi}`);
  if (problems.length > limit) lines.push(`… và ${problems.length - limit} ${rest}.`);
  return lines;
}

const MORE_PROBLEMS = `vấn đề khác trong trang “${OUTPUT_SHEET_NAMES.problems}”`;

/** `Kiểm tra`: read once, write the `Kiểm tra` sheet once, summarise. */
export function checkAction(host: Host): ActionResult {
  const run = tallyLedgerSync(host.port, { write: false });
  const problems = run.problems;
  host.port.writeSync([problemsSheet(problems)]);
  const message = problems.length === 0 ? "Không phát hiện lỗi hay cảnh báo nào." : `${run.errorCount} lỗi, ${run.warningCount} cảnh báo. Xem chi tiết ở trang “${OUTPUT_SHEET_NAMES.problems}”.`;
  return result(run.errorCount === 0, "Kiểm tra sổ", message, problemLines(problems, MORE_PROBLEMS));
}

/** The toast after Tính kết quả: the core's one summary line, as the Excel pane shows it. */
export function tallyToast(run: LedgerTally): string {
  return ledgerSummaryLine(run, "vi");
}

/** `Tính kết quả`: read once, compute in the core, write every output sheet of the ledger once. */
export function tallyAction(host: Host): ActionResult & { readonly toast: string } {
  const run = tallyLedgerSync(host.port, { write: false });
  refuseMissing(run);
  host.port.writeSync(run.outputs);
  const toast = tallyToast(run);
  const written = run.outputs.map((s) => `“${s.name}”`).join(", ");
  return { ...result(run.errorCount === 0, "Tính kết quả", `Đã ghi ${written}: ${toast}`, problemLines(run.problems, MORE_PROBLEMS)), toast };
}

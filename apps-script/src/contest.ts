import type { Grid } from "../../shared/cells/cell.js";
import { problemsSheet } from "../../shared/ledger/contest-outputs.js";
import { SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { type ContestRun, runContest } from "../../shared/tasks/contest-run.js";
import { contestOutputs } from "../../shared/tasks/tally.js";
import { formatMoney } from "../../shared/vn/format.js";
import { type ActionResult, type Host, HostRefusal, result } from "./host.js";
import type { SheetsPort } from "./sheets-port.js";

/** How many problems a dialog lists before pointing at the sheet. */
export const DIALOG_LINES = 8;

/** One read of every sheet a judged contest needs (what `readContestSheets` does, synchronously). */
export function readContestGrids(port: SheetsPort): Map<string, Grid | undefined> {
  const names = resolveSheetNames(port.sheetNamesSync(), CONTEST_SHEETS);
  return port.readSync([...names.values()]);
}

export function refuseMissing(run: ContestRun): void {
  if (run.missingSheets.length > 0) {
    const list = run.missingSheets.map((s) => `“${s}”`).join(", ");
    throw new HostRefusal({
      vi: `Sổ thiếu trang bắt buộc: ${list}. Dùng “Thi đua › Tạo sổ cuộc thi” để tạo các trang còn thiếu.`,
      en: `The ledger lacks required sheets: ${list}.`,
    });
  }
}

export function problemLines(run: ContestRun, limit = DIALOG_LINES): string[] {
  const lines = run.problems.slice(0, limit).map((p) => `${SEVERITY_LABEL[p.severity].vi} ${problemAddress(p)}: ${p.text.vi}`);
  if (run.problems.length > limit) lines.push(`… và ${run.problems.length - limit} vấn đề khác trong trang “${OUTPUT_SHEET_NAMES.problems}”.`);
  return lines;
}

/** `Kiểm tra`: read once, write the `Kiểm tra` sheet once, summarise. */
export function checkAction(host: Host): ActionResult {
  const run = runContest(readContestGrids(host.port));
  host.port.writeSync([problemsSheet(run.problems)]);
  const message =
    run.problems.length === 0
      ? "Không phát hiện lỗi hay cảnh báo nào."
      : `${run.errorCount} lỗi, ${run.warningCount} cảnh báo. Xem chi tiết ở trang “${OUTPUT_SHEET_NAMES.problems}”.`;
  return result(run.errorCount === 0, "Kiểm tra sổ", message, problemLines(run));
}

export interface TallyFigures {
  readonly winners: number;
  readonly pending: number;
  readonly total: bigint;
  readonly errors: number;
}

export function tallyFigures(run: ContestRun): TallyFigures {
  let winners = 0;
  let pending = 0;
  for (const c of run.result.categories) {
    for (const r of c.entries) {
      if (r.award.kind === "prize") winners++;
      else if (r.award.kind === "pending") pending++;
    }
  }
  return { winners, pending, total: run.result.totalAmount, errors: run.errorCount };
}

export function tallyToast(f: TallyFigures): string {
  const parts = [`${f.winners} bài đạt giải`, `tổng ${formatMoney(f.total)}`];
  if (f.pending > 0) parts.push(`${f.pending} bài chờ Hội đồng quyết định`);
  parts.push(f.errors > 0 ? `còn ${f.errors} lỗi (kết quả tạm tính)` : "không còn lỗi");
  return parts.join(", ") + ".";
}

/** `Tính kết quả`: read once, compute in the core, write the four output sheets once. */
export function tallyAction(host: Host): ActionResult & { readonly toast: string } {
  const run = runContest(readContestGrids(host.port));
  refuseMissing(run);
  host.port.writeSync(contestOutputs(run));
  const toast = tallyToast(tallyFigures(run));
  const sheets = [OUTPUT_SHEET_NAMES.results, OUTPUT_SHEET_NAMES.prizeList, OUTPUT_SHEET_NAMES.unitSummary, OUTPUT_SHEET_NAMES.problems];
  return { ...result(run.errorCount === 0, "Tính kết quả", `Đã ghi ${sheets.map((s) => `“${s}”`).join(", ")}: ${toast}`, problemLines(run)), toast };
}

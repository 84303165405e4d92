/**
 * `tally` and `check` for any ledger: a judged contest goes through the original commands
 * unchanged; a ledger with the emulation-review sheets (alone, or beside a judged contest) is
 * computed by `tallyLedger`, which writes every output and one merged `Kiểm tra`.
 */
import { type Lang, type Msg, say } from "../shared/i18n/messages.js";
import type { EmulationRun } from "../shared/emulation/run.js";
import { type LedgerTally, planLedger, tallyLedger } from "../shared/emulation/tally-ledger.js";
import { TYPE_LABEL } from "../shared/emulation/read-emulation.js";
import { countsText, listNote } from "../shared/emulation/outputs.js";
import { formatMoney } from "../shared/vn/format.js";
import { amountInWords } from "../shared/vn/words.js";
import { EXIT, type Io, Refusal, checkCommand, loadWorkbook, tallyCommand } from "./commands.js";
import { peekSheetNames } from "./ledger-sheet-names.js";
import { problemLines, tallySummary } from "./summary.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

function refuseMissing(run: LedgerTally): void {
  if (run.missingSheets.length > 0) {
    throw new Refusal(t(`Sổ thiếu trang bắt buộc: ${run.missingSheets.join(", ")}.`, `The ledger lacks required sheets: ${run.missingSheets.join(", ")}.`));
  }
}

/** What `tally` prints for a review: who is listed per level and type, who is not and why, dossiers to chase. */
export function emulationSummary(run: EmulationRun, lang: Lang): string[] {
  const l = (vi: string, en: string): string => say(t(vi, en), lang);
  const s = run.ledger.settings;
  const lines = [l(`Xét khen thưởng: ${s.name}${s.year ? ` năm ${s.year}` : ""}`, `Award review: ${s.name}${s.year ? ` ${s.year}` : ""}`)];
  if (run.errorCount > 0) lines.push(l(`KẾT QUẢ TẠM TÍNH: còn ${run.errorCount} lỗi cần xử lý.`, `PROVISIONAL RESULT: ${run.errorCount} errors remain.`));
  for (const q of run.result.quotas) {
    const awarded = q.listed.filter((r) => r.outcome === "awarded").length;
    lines.push(l(`[${q.quota.level} – ${TYPE_LABEL[q.quota.type]}] chỉ tiêu ${q.quota.count}, đủ điều kiện ${q.eligible}, được khen ${awarded}:`, `[${q.quota.level} – ${TYPE_LABEL[q.quota.type]}] quota ${q.quota.count}, eligible ${q.eligible}, awarded ${awarded}:`));
    for (const r of q.listed) {
      const note = listNote(r);
      lines.push(`  ${String(r.rank ?? "").padStart(2)}. ${r.candidate.code.padEnd(6)} ${r.candidate.name}${note ? ` — ${note}` : ""}`);
    }
  }
  const awarded = run.result.candidates.filter((r) => r.outcome === "awarded");
  const money = run.result.totalAmount > 0n ? `; ${formatMoney(run.result.totalAmount)} — ${amountInWords(run.result.totalAmount, s.thousandWord)}` : "";
  lines.push(l(`Được khen thưởng: ${countsText(awarded)}${money}.`, `Awarded: ${countsText(awarded)}${money}.`));
  const failed = run.result.candidates.filter((r) => r.failures.length > 0 || r.outcome === "notConsidered");
  if (failed.length > 0) {
    lines.push(l(`Không đủ điều kiện (${failed.length}):`, `Not eligible (${failed.length}):`));
    for (const r of failed) lines.push(`  ${r.candidate.code.padEnd(6)} ${r.reason ?? r.failures.map((f) => `${f.text} (${f.value}; yêu cầu ${f.requirement})`).join("; ")}`);
  }
  const dossier = run.result.candidates.filter((r) => r.dossierMissing.length > 0 || r.late || r.noDate);
  if (dossier.length > 0) {
    lines.push(l(`Thiếu hồ sơ hoặc nộp muộn (${dossier.length}):`, `Dossier incomplete or late (${dossier.length}):`));
    for (const r of dossier) {
      const parts = [...(r.dossierMissing.length > 0 ? [`thiếu ${r.dossierMissing.join(", ")}`] : []), ...(r.late ? ["nộp muộn"] : []), ...(r.noDate ? ["chưa có ngày nộp"] : [])];
      lines.push(`  ${r.candidate.code.padEnd(6)} ${parts.join("; ")}`);
    }
  }
  lines.push(l(`Kiểm tra: ${run.errorCount} lỗi, ${run.warningCount} cảnh báo.`, `Check: ${run.errorCount} errors, ${run.warningCount} warnings.`));
  lines.push(...problemLines(run.problems, lang));
  return lines;
}

async function isReview(file: string | undefined): Promise<boolean> {
  if (file === undefined) return false;
  const names = await peekSheetNames(file);
  return names !== undefined && planLedger(names).emulation;
}

/** `thidua tally`: a judged contest exactly as before; a ledger with a review computes the review too. */
export async function tallyAnyCommand(file: string | undefined, out: string | undefined, io: Io, quizFiles: readonly string[] = []): Promise<number> {
  if (!(await isReview(file))) return tallyCommand(file, out, io, quizFiles);
  if (quizFiles.length > 0) {
    throw new Refusal(t("--quiz chỉ dùng cho sổ cuộc thi trắc nghiệm; sổ này có trang xét khen thưởng (thi đua).", "--quiz is for quiz ledgers; this ledger holds an award review."));
  }
  const wb = await loadWorkbook(file!);
  const run = await tallyLedger(wb);
  refuseMissing(run);
  const target = out ?? file!;
  await wb.save(target);
  if (run.contest) for (const line of tallySummary(run.contest, io.lang)) io.out(line);
  if (run.emulation) for (const line of emulationSummary(run.emulation, io.lang)) io.out(line);
  io.out(say(t(`Đã ghi kết quả vào ${target}.`, `Results written to ${target}.`), io.lang));
  return run.errorCount > 0 ? EXIT.errorsRemain : EXIT.done;
}

/** `thidua check`: prints every problem of whatever the ledger holds; writes nothing. */
export async function checkAnyCommand(file: string | undefined, io: Io): Promise<number> {
  if (!(await isReview(file))) return checkCommand(file, io);
  const wb = await loadWorkbook(file!);
  const run = await tallyLedger(wb, { write: false });
  refuseMissing(run);
  const problems = [...(run.contest?.problems ?? []), ...(run.emulation?.problems ?? [])];
  io.out(say(t(`Kiểm tra ${file}: ${run.errorCount} lỗi, ${run.warningCount} cảnh báo.`, `Checked ${file}: ${run.errorCount} errors, ${run.warningCount} warnings.`), io.lang));
  for (const line of problemLines(problems, io.lang, Number.POSITIVE_INFINITY)) io.out(line);
  return run.errorCount > 0 ? EXIT.errorsRemain : EXIT.done;
}

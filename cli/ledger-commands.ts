/**
 * `tally` and `check` for any ledger: the sheets present decide what is computed (`planTally`) —
 * a judged contest, its quiz, an emulation review, or a contest and a review together — and one
 * `Kiểm tra` holds the problems of every part.
 */
import { type Lang, type Msg, say } from "../shared/i18n/messages.js";
import type { EmulationRun } from "../shared/emulation/run.js";
import type { PartRuns } from "../shared/tasks/ledger-parts.js";
import { type LedgerTally, assembleTally, computeParts, planTally, tallyLedger } from "../shared/tasks/ledger-tally.js";
import { countsText, listNote } from "../shared/emulation/outputs.js";
import { ENTRY_TYPE_VALUES, OUTPUT_SHEET_NAMES } from "../shared/ledger/schema.js";
import { formatMoney } from "../shared/vn/format.js";
import { amountInWords } from "../shared/vn/words.js";
import { loadWorkbook, refuseMissingSheets } from "./commands.js";
import { EXIT, type Io, Refusal } from "./outcome.js";
import { realTarget, refuseOverwritingInput, refuseUnwritable, withFileLock } from "./write-file-atomic.js";
import { quizFromFiles, quizSummary } from "./quiz-tally.js";
import { problemLines, tallySummary } from "./summary.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

/** What `tally` prints for a review: who is listed per level and type, who is not and why, dossiers to chase. */
export function emulationSummary(run: EmulationRun, lang: Lang): string[] {
  const l = (vi: string, en: string): string => say(t(vi, en), lang);
  const s = run.ledger.settings;
  const lines = [l(`Xét khen thưởng: ${s.name}${s.year ? ` năm ${s.year}` : ""}`, `Award review: ${s.name}${s.year ? ` ${s.year}` : ""}`)];
  if (run.errorCount > 0) lines.push(l(`KẾT QUẢ TẠM TÍNH: còn ${run.errorCount} lỗi cần xử lý.`, `PROVISIONAL RESULT: ${run.errorCount} errors remain.`));
  for (const q of run.result.quotas) {
    const awarded = q.listed.filter((r) => r.outcome === "awarded").length;
    lines.push(l(`[${q.quota.level} – ${ENTRY_TYPE_VALUES[q.quota.type]}] chỉ tiêu ${q.quota.count}, đủ điều kiện ${q.eligible}, được khen ${awarded}:`, `[${q.quota.level} – ${ENTRY_TYPE_VALUES[q.quota.type]}] quota ${q.quota.count}, eligible ${q.eligible}, awarded ${awarded}:`));
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

/**
 * `thidua tally`: reads the sheets it needs once, computes what they call for and saves one write:
 * the contest's outputs (with its quiz's when the ledger has a `Trắc nghiệm` sheet or `--quiz`
 * files are given), the review's, and one `Kiểm tra` for every part.
 */
export async function tallyCommand(file: string | undefined, out: string | undefined, io: Io, quizFiles: readonly string[] = []): Promise<number> {
  if (!file) throw new Refusal(t("Cần tên tệp sổ.", "Give the ledger file."));
  const inPlace = out === undefined || (await realTarget(out)) === (await realTarget(file));
  const target = out ?? file;
  if (!inPlace) await refuseOverwritingInput(target, [file, ...quizFiles]);
  else await refuseOverwritingInput(file, quizFiles);
  await refuseUnwritable(target);
  // In place, the ledger is read, computed and saved under its lock: a concurrent import is never lost.
  const run = inPlace ? await withFileLock(file, () => tallyInto(file, file, io, quizFiles)) : await tallyInto(file, target, io, quizFiles);
  if (run.contest) for (const line of tallySummary(run.contest, io.lang)) io.out(line);
  if (run.review) for (const line of emulationSummary(run.review, io.lang)) io.out(line);
  if (run.quiz) for (const line of quizSummary(run.quiz, io.lang)) io.out(line);
  io.out(say(t(`Đã ghi kết quả vào ${target}.`, `Results written to ${target}.`), io.lang));
  return run.errorCount > 0 ? EXIT.errorsRemain : EXIT.done;
}

/** Reads the ledger once, computes what its sheets call for, saves one write to `target`. */
async function tallyInto(file: string, target: string, io: Io, quizFiles: readonly string[]): Promise<LedgerTally> {
  const wb = await loadWorkbook(file);
  const names = await wb.sheetNames();
  const files = quizFiles.length > 0;
  const plan = planTally(names, { withQuiz: files });
  if (plan.parts.includes("review") && files) {
    throw new Refusal(t("--quiz chỉ dùng cho sổ cuộc thi trắc nghiệm; sổ này có trang xét khen thưởng (thi đua).", "--quiz is for quiz ledgers; this ledger holds an award review."));
  }
  const sheets = await wb.read(plan.reads);
  let runs: PartRuns;
  if (files) {
    // The export files are further attempt sources: the quiz is read from them (and the ledger's own
    // `Trắc nghiệm`) once the contest it belongs to is computed.
    runs = computeParts(sheets, { ...plan, parts: plan.parts.filter((p) => p !== "quiz") });
    if (runs.contest && runs.contest.missingSheets.length === 0) runs = { ...runs, quiz: await quizFromFiles(sheets, runs.contest, quizFiles) };
  } else runs = computeParts(sheets, plan);
  const run = assembleTally(runs, plan, names, io.lang);
  refuseMissingSheets(run.missingSheets);
  await wb.write(run.outputs);
  await wb.save(target);
  return run;
}

/** `thidua check`: prints every problem of whatever the ledger holds; writes nothing. */
export async function checkCommand(file: string | undefined, io: Io): Promise<number> {
  if (!file) throw new Refusal(t("Cần tên tệp sổ.", "Give the ledger file."));
  const wb = await loadWorkbook(file);
  const run = await tallyLedger(wb, { write: false });
  refuseMissingSheets(run.missingSheets);
  const problems = run.problems;
  io.out(say(t(`Kiểm tra ${file}: ${run.errorCount} lỗi, ${run.warningCount} cảnh báo.`, `Checked ${file}: ${run.errorCount} errors, ${run.warningCount} warnings.`), io.lang));
  for (const line of problemLines(problems, io.lang, Number.POSITIVE_INFINITY)) io.out(line);
  return run.errorCount > 0 ? EXIT.errorsRemain : EXIT.done;
}

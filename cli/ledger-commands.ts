/**
 * `tally` and `check` for any ledger: the sheets present decide what is computed (`planTally`) —
 * a judged contest, its quiz, an emulation review, or a contest and a review together — and one
 * `Kiểm tra` holds the problems of every part.
 */
import { type Msg, say } from "../shared/i18n/messages.js";
import type { PartRuns } from "../shared/tasks/ledger-parts.js";
import { type LedgerTally, assembleTally, computeParts, planTally, tallyLedger } from "../shared/tasks/ledger-tally.js";
import { loadWorkbook, refuseMissingSheets } from "./commands.js";
import { EXIT, type Io, Refusal } from "./outcome.js";
import { realTarget, refuseMissingFolder, refuseOverwritingInput, refuseUnwritable, withFileLock } from "./write-file-atomic.js";
import { quizFromFiles } from "./quiz-tally.js";
import { problemLines, tallyReport } from "../shared/tasks/tally-report.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

/**
 * `thidua tally`: reads the sheets it needs once, computes what they call for and saves one write:
 * the contest's outputs (with its quiz's when the ledger has a `Trắc nghiệm` sheet or `--quiz`
 * files are given), the review's, and one `Kiểm tra` for every part.
 */
export async function tallyCommand(file: string | undefined, out: string | undefined, io: Io, quizFiles: readonly string[] = []): Promise<number> {
  if (!file) throw new Refusal(t("Cần tên tệp sổ.", "Give the ledger file."));
  const inPlace = out === undefined || (await realTarget(out)) === (await realTarget(file));
  const target = out ?? file;
  if (!inPlace) {
    await refuseMissingFolder(target);
    await refuseOverwritingInput(target, [file, ...quizFiles]);
  } else await refuseOverwritingInput(file, quizFiles);
  await refuseUnwritable(target);
  // In place, the ledger is read, computed and saved under its lock: a concurrent import is never lost.
  const run = inPlace ? await withFileLock(file, () => tallyInto(file, file, io, quizFiles)) : await tallyInto(file, target, io, quizFiles);
  for (const line of tallyReport(run, io.lang)) io.out(line);
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

import { existsSync } from "node:fs";
import path from "node:path";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { type Lang, type Msg, IM, QM, say } from "../shared/i18n/messages.js";
import { awardLabel, problemsSheet } from "../shared/ledger/contest-outputs.js";
import type { OutputSheet } from "../shared/ledger/output-sheet.js";
import { type Problem, sortProblems } from "../shared/ledger/problem.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../shared/ledger/read-contest.js";
import { SETTINGS_SHEET_NAME } from "../shared/ledger/schema.js";
import type { AttemptSource, Locator, QuizAccumulator } from "../shared/quiz/accumulate.js";
import { formatDuration, periodDisplay, unscale } from "../shared/quiz/fields.js";
import { type QuizRun, attemptsGrid, feedGrid, finishQuiz, quizOutputs, startQuiz } from "../shared/quiz/run.js";
import { QUIZ_OUTPUT_NAMES } from "../shared/quiz/schema.js";
import { QUIZ_LEDGER_SHEETS } from "../shared/quiz/setup.js";
import type { ContestRun } from "../shared/tasks/contest-run.js";
import { formatDecimalVi, formatMoney } from "../shared/vn/format.js";
import { amountInWords } from "../shared/vn/words.js";
import { Refusal } from "./outcome.js";
import { readCsvFile } from "./quiz-csv.js";
import { readXlsxRows } from "./quiz-xlsx.js";
import { problemLines } from "./summary.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

/** Streams one CSV export into the accumulator; problems are placed at `file:line`. */
export async function feedCsv(acc: QuizAccumulator, file: string): Promise<void> {
  const label = path.basename(file);
  const locate: Locator = (line) => ({ sheet: `${label}:${line}` });
  let source: AttemptSource | undefined;
  let header = true;
  await readCsvFile(file, {
    onRecord: (fields, line) => {
      if (header) {
        header = false;
        source = acc.source(fields, locate);
        return;
      }
      source?.add(fields, line);
    },
    onBytes: (bytes, start, end, separator, line) => source?.addBytes(bytes, start, end, separator, line),
    onBadRecord: (line) => {
      if (source) source.rejectLine(line, QM.unterminatedQuote());
      else acc.problems.error(`${label}:${line}`, undefined, undefined, QM.unterminatedQuote());
    },
  });
  if (header) acc.problems.error(label, undefined, undefined, QM.noAttemptSource());
  source?.close();
}

/** Streams every worksheet of an .xlsx export; a sheet whose header names no attempt column is not attempt data and is skipped. */
export async function feedXlsx(acc: QuizAccumulator, file: string): Promise<void> {
  const label = path.basename(file);
  const sources = new Map<string, AttemptSource>();
  await readXlsxRows(file, {
    onSheet: (name, header: Cell[]) => {
      if (!acc.looksLikeAttempts(header)) return undefined;
      const sheet = `[${label}]${name}`;
      const source = acc.source(header, (line, col) => ({ sheet, row: line - 1, ...(col !== undefined ? { col } : {}) }));
      if (source === undefined) return undefined;
      sources.set(name, source);
      return (cells, row) => source.add(cells, row);
    },
    onSheetEnd: (name) => sources.get(name)?.close(),
  });
  if (sources.size === 0 && !acc.problems.items.some((p) => p.sheet.startsWith(`[${label}]`))) {
    acc.problems.error(label, undefined, undefined, QM.noAttemptSource());
  }
}

/**
 * The quiz of `tally --quiz`: reads the ledger's `Trắc nghiệm` sheet when it has one, then streams
 * every attempt file, ranks every period, computes unit participation and the collective prizes.
 * `sheets` holds the ledger's sheets already read (the quiz's among them). Writes nothing.
 */
export async function quizFromFiles(sheets: ReadonlyMap<string, Grid | undefined>, contest: ContestRun, files: readonly string[]): Promise<QuizRun> {
  for (const f of files) {
    if (!existsSync(f)) throw new Refusal(t(`Không tìm thấy tệp kết quả trắc nghiệm “${f}”.`, `Quiz results file “${f}” not found.`));
    if (!/\.(csv|txt|xlsx)$/i.test(f)) throw new Refusal(t(`Tệp “${f}” không phải .csv hay .xlsx.`, `“${f}” is neither .csv nor .xlsx.`));
  }
  const reading = startQuiz(sheets, contest);
  const own = attemptsGrid(sheets);
  if (own !== undefined) feedGrid(reading.accumulator, own.name, own.grid);
  for (const f of files) {
    try {
      if (/\.xlsx$/i.test(f)) await feedXlsx(reading.accumulator, f);
      else await feedCsv(reading.accumulator, f);
    } catch (err) {
      reading.accumulator.problems.error(path.basename(f), undefined, undefined, IM.unreadable(err instanceof Error ? err.message : String(err)));
    }
  }
  return finishQuiz(reading, contest);
}

/** What `tally` prints about the quiz: each period's winners, the collective prizes, the grand total. */
export function quizSummary(run: QuizRun, lang: Lang): string[] {
  const s = (vi: string, en: string): string => say(t(vi, en), lang);
  const lines: string[] = [];
  lines.push(s(`Trắc nghiệm: ${run.attempts} lượt thi được tính, ${run.rejected} dòng lỗi không tính; ${run.participants} thí sinh; ${run.periods.length} tuần.`, `Quiz: ${run.attempts} attempts counted, ${run.rejected} bad rows not counted; ${run.participants} participants; ${run.periods.length} periods.`));
  for (const p of run.periods) {
    const label = periodDisplay(p.period.label);
    lines.push(s(`[${label}] ${p.participants} thí sinh, ${p.winners.length} giải`, `[${label}] ${p.participants} participants, ${p.winners.length} prizes`) + (p.excluded + p.earlierWinners > 0 ? s(` (không xét: ${p.excluded} Không dự thi, ${p.earlierWinners} đã đoạt giải tuần trước)`, ` (not considered: ${p.excluded} excluded, ${p.earlierWinners} earlier winners)`) : ""));
    for (const w of p.winners) {
      const c = w.candidate.counted;
      const money = w.award.kind === "prize" ? formatMoney(w.award.prize.amount) : s("chưa tính tiền", "no amount yet");
      const time = c.ms === undefined ? "" : formatDuration(c.ms);
      lines.push(`  ${awardLabel(w.award).padEnd(14)} ${w.candidate.participant.code.padEnd(12)} ${formatDecimalVi(String(unscale(c.score))).padStart(6)} ${time.padStart(8)}  ${money.padStart(13)}  ${w.candidate.participant.name}`);
    }
  }
  if (run.collective) {
    const eligible = run.collective.rows.filter((r) => r.rank !== undefined).length;
    lines.push(s(`[${QUIZ_OUTPUT_NAMES.collective}] ${eligible} đơn vị đủ điều kiện / ${run.collective.rows.length} đơn vị.`, `[${QUIZ_OUTPUT_NAMES.collective}] ${eligible} of ${run.collective.rows.length} units eligible.`));
    for (const r of run.collective.rows) {
      if (r.award.kind === "none") continue;
      const money = r.award.kind === "prize" ? formatMoney(r.award.prize.amount) : s("chưa tính tiền", "no amount yet");
      lines.push(`  ${String(r.rank ?? "").padStart(2)}. ${awardLabel(r.award).padEnd(14)} ${r.unit.code.padEnd(8)} ${money.padStart(13)}  ${r.unit.name}`);
    }
  }
  const w = run.setup.thousandWord;
  const a = run.awarded;
  const b = run.budget;
  lines.push(s(
    `Tổng tiền thưởng toàn cuộc thi: ${formatMoney(a.total)} (chấm bài ${formatMoney(a.judged)}; giải tuần ${formatMoney(a.quiz)}; tập thể ${formatMoney(a.collective)}) — ${amountInWords(a.total, w)}.`,
    `Grand total of prize money: ${formatMoney(a.total)} (judged ${formatMoney(a.judged)}; weekly ${formatMoney(a.quiz)}; collective ${formatMoney(a.collective)}) — ${amountInWords(a.total, w)}.`,
  ));
  lines.push(s(
    `Cơ cấu giải theo kế hoạch: ${formatMoney(b.total)} (giải tuần ${b.periods} × ${formatMoney(b.quizPerPeriod)} = ${formatMoney(b.quiz)}; chấm bài ${formatMoney(b.judged)}; tập thể ${formatMoney(b.collective)}) — ${amountInWords(b.total, w)}.`,
    `Planned prize structure: ${formatMoney(b.total)} (weekly ${b.periods} × ${formatMoney(b.quizPerPeriod)} = ${formatMoney(b.quiz)}; judged ${formatMoney(b.judged)}; collective ${formatMoney(b.collective)}).`,
  ));
  const errors = run.problems.errorCount;
  if (run.problems.items.length > 0) {
    const warnings = run.problems.items.length - errors;
    lines.push(s(`Kiểm tra phần trắc nghiệm: ${errors} lỗi, ${warnings} cảnh báo.`, `Quiz check: ${errors} errors, ${warnings} warnings.`));
    lines.push(...problemLines(sortProblems(run.problems.items, []), lang));
  }
  return lines;
}

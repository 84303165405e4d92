import { existsSync } from "node:fs";
import path from "node:path";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { type Msg, IM, QM } from "../shared/i18n/messages.js";
import type { AttemptSource, Locator, QuizAccumulator } from "../shared/quiz/accumulate.js";
import { type QuizRun, attemptsGrid, feedGrid, finishQuiz, startQuiz } from "../shared/quiz/run.js";
import type { ContestRun } from "../shared/tasks/contest-run.js";
import { Refusal } from "./outcome.js";
import { readCsvFile } from "./quiz-csv.js";
import { readXlsxRows } from "./quiz-xlsx.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

/** Streams one CSV export into the accumulator; problems are placed at `file:line`. */
export async function feedCsv(acc: QuizAccumulator, file: string): Promise<void> {
  const label = path.basename(file);
  const locate: Locator = (line) => ({ sheet: `${label}:${line}` });
  let source: AttemptSource | undefined;
  let header = true;
  let stopped = false;
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
    // A line past the length cap, or a header that is not UTF-8: one message at its line, in the reader's language.
    onStop: (line, msg) => {
      stopped = true;
      acc.problems.error(`${label}:${line}`, undefined, undefined, msg);
    },
  });
  if (header && !stopped) acc.problems.error(label, undefined, undefined, QM.noAttemptSource());
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

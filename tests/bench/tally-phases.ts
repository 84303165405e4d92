import { createHash } from "node:crypto";
import { XlsxWorkbook } from "../../cli/xlsx-workbook.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { type ContestRun, readContestSheets, runContest } from "../../shared/tasks/contest-run.js";
import { contestOutputs } from "../../shared/tasks/tally.js";

/** Milliseconds of each step of `thidua tally`, in the order the command takes them. */
export interface TallyPhases {
  readonly load: number;
  readonly read: number;
  readonly runContest: number;
  readonly contestOutputs: number;
  readonly write: number;
  readonly save: number;
}

export const PHASE_NAMES: readonly (keyof TallyPhases)[] = ["load", "read", "runContest", "contestOutputs", "write", "save"];

export interface PhasedTally {
  readonly phases: TallyPhases;
  readonly run: ContestRun;
  readonly outputs: readonly OutputSheet[];
}

async function timed<T>(step: () => T | Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const value = await step();
  return [value, Number(process.hrtime.bigint() - started) / 1e6];
}

/** What `tallyCommand` does to a file, step by step, each step timed: load, read, compute, write, save. */
export async function tallyInPhases(file: string): Promise<PhasedTally> {
  const [wb, load] = await timed(() => XlsxWorkbook.load(file));
  const [sheets, read] = await timed(() => readContestSheets(wb));
  const [run, runMs] = await timed(() => runContest(sheets));
  if (run.missingSheets.length > 0) throw new Error(`synthetic ledger lacks ${run.missingSheets.join(", ")}`);
  const [outputs, outputsMs] = await timed(() => contestOutputs(run));
  const [, write] = await timed(() => wb.write(outputs));
  const [, save] = await timed(() => wb.save(file));
  return { phases: { load, read, runContest: runMs, contestOutputs: outputsMs, write, save }, run, outputs };
}

/** A digest of every output cell, to show that a change to the code left the results as they were. */
export function outputsFingerprint(outputs: readonly OutputSheet[]): string {
  const hash = createHash("sha256");
  for (const s of outputs) {
    hash.update(JSON.stringify([s.name, s.format]));
    for (const r of s.rows) hash.update(JSON.stringify(r));
  }
  return hash.digest("hex").slice(0, 16);
}

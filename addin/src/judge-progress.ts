import type { ContestRun } from "../../shared/tasks/contest-run.js";
import { type JudgeProgress, judgeProgress as progressOf } from "../../shared/tasks/judge-sheets.js";

export type { JudgeProgress };

/** Every judge's scoring, from the core's run. */
export function judgeProgress(run: ContestRun): JudgeProgress[] {
  return progressOf(run.ledger, run.problems);
}

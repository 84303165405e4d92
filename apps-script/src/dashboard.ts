import { runContest } from "../../shared/tasks/contest-run.js";
import { judgeProgress } from "../../shared/tasks/judge-sheets.js";
import { readContestGrids } from "./contest.js";
import type { Host } from "./host.js";

export interface UnitProgress {
  readonly code: string;
  readonly name: string;
  readonly submitted: number;
  readonly valid: number;
  readonly quota: number;
  readonly meets: boolean;
}

export interface JudgeProgress {
  readonly code: string;
  readonly name: string;
  readonly expected: number;
  readonly scored: number;
}

/** What the sidebar shows: plain numbers and strings (google.script.run carries no bigint or Map). */
export interface Dashboard {
  readonly contest: string;
  readonly missingSheets: readonly string[];
  readonly errors: number;
  readonly warnings: number;
  readonly entries: number;
  readonly units: readonly UnitProgress[];
  readonly judges: readonly JudgeProgress[];
}

/** Entries per unit against quota and scoring progress per judge, from one read of the ledger. */
export function dashboard(host: Host): Dashboard {
  const run = runContest(readContestGrids(host.port));
  const ledger = run.ledger;
  const judges = judgeProgress(run).map((p) => ({
    code: p.judge.code,
    name: p.judge.name,
    expected: p.expected.length,
    scored: p.scored.length,
  }));
  return {
    contest: ledger.settings.name,
    missingSheets: run.missingSheets,
    errors: run.errorCount,
    warnings: run.warningCount,
    entries: ledger.entries.size,
    units: run.units.map((u) => ({ code: u.unit.code, name: u.unit.name, submitted: u.submitted, valid: u.valid, quota: u.unit.quota, meets: u.meetsQuota })),
    judges,
  };
}

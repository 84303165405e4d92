import { SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import { SETTINGS_SHEET_NAME } from "../../shared/ledger/schema.js";
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
/** A problem as the sidebar lists it; `sheet` and `address` when it points at cells of the ledger. */
export interface DashboardProblem {
  readonly severity: string;
  readonly where: string;
  readonly text: string;
  readonly sheet?: string;
  readonly address?: string;
}

/** How many problems the sidebar lists before pointing at the `Kiểm tra` sheet. */
export const SIDEBAR_PROBLEMS = 10;

export interface Dashboard {
  /** Whether the spreadsheet already is a ledger (its settings sheet exists): the "create" buttons are then hidden. */
  readonly hasLedger: boolean;
  readonly problems: readonly DashboardProblem[];
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
  const problems = run.problems.slice(0, SIDEBAR_PROBLEMS).map((p): DashboardProblem => {
    const where = problemAddress(p);
    const bang = where.lastIndexOf("!");
    const cell = bang >= 0 && !p.sheet.startsWith("[") ? { sheet: p.sheet, address: where.slice(bang + 1) } : {};
    return { severity: SEVERITY_LABEL[p.severity][host.lang], where, text: p.text[host.lang], ...cell };
  });
  return {
    hasLedger: !run.missingSheets.includes(SETTINGS_SHEET_NAME),
    problems,
    contest: ledger.settings.name,
    missingSheets: run.missingSheets,
    errors: run.errorCount,
    warnings: run.warningCount,
    entries: ledger.entries.size,
    units: run.units.map((u) => ({ code: u.unit.code, name: u.unit.name, submitted: u.submitted, valid: u.valid, quota: u.unit.quota, meets: u.meetsQuota })),
    judges,
  };
}

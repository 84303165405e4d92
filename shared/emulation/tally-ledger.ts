import type { Grid } from "../cells/cell.js";
import type { Lang } from "../i18n/messages.js";
import { problemsSheet } from "../ledger/contest-outputs.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES, SETTINGS_SHEET_NAME, UNITS_SHEET } from "../ledger/schema.js";
import { type ContestRun, runContest } from "../tasks/contest-run.js";
import type { LedgerPort } from "../tasks/port.js";
import { contestOutputs } from "../tasks/tally.js";
import { type EmulationRun, emulationOutputs, hasEmulationSheets, runEmulation } from "./run.js";
import { EMULATION_SHEETS } from "./schema.js";

/** What a ledger holds: a judged contest, an emulation review, or both. */
export interface LedgerPlan {
  readonly contest: boolean;
  readonly emulation: boolean;
}

/** Sheets only a judged contest has (`Cuộc thi` and `Đơn vị` are shared with a review). */
const CONTEST_ONLY_SHEETS = CONTEST_SHEETS.filter((s) => s !== SETTINGS_SHEET_NAME && s !== UNITS_SHEET.name);

/**
 * Chooses what to compute from the sheets present. A ledger without emulation sheets is a judged
 * contest, exactly as before (its missing sheets are reported as such). A ledger made by
 * `init thi-dua` has only `Cuộc thi`, `Đơn vị` and the review's sheets: a review.
 */
export function planLedger(sheetNames: readonly string[]): LedgerPlan {
  const emulation = hasEmulationSheets(sheetNames);
  const contest = !emulation || resolveSheetNames(sheetNames, CONTEST_ONLY_SHEETS).size > 0;
  return { contest, emulation };
}

export interface LedgerTally {
  readonly plan: LedgerPlan;
  readonly contest?: ContestRun;
  readonly emulation?: EmulationRun;
  /** Required sheets absent from any part that was asked for: nothing is written. */
  readonly missingSheets: readonly string[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly outputs: readonly OutputSheet[];
}

/** Computes every part the plan asks for; one `Kiểm tra` sheet holds the problems of all parts. Pure. */
export function tallyGrids(sheets: ReadonlyMap<string, Grid | undefined>, plan: LedgerPlan, lang: Lang = "vi"): LedgerTally {
  const contest = plan.contest ? runContest(sheets) : undefined;
  const emulation = plan.emulation ? runEmulation(sheets) : undefined;
  const missingSheets = [...(contest?.missingSheets ?? []), ...(emulation?.missingSheets ?? [])];
  const problems = [...(contest?.problems ?? []), ...(emulation?.problems ?? [])];
  const errorCount = problems.filter((p) => p.severity === "error").length;
  const outputs: OutputSheet[] = [];
  if (contest) outputs.push(...contestOutputs(contest, lang).filter((s) => s.name !== OUTPUT_SHEET_NAMES.problems));
  if (emulation) outputs.push(...emulationOutputs(emulation));
  outputs.push(problemsSheet(problems, lang));
  return {
    plan,
    missingSheets,
    errorCount,
    warningCount: problems.length - errorCount,
    outputs,
    ...(contest ? { contest } : {}),
    ...(emulation ? { emulation } : {}),
  };
}

/** Every sheet the plan reads, as named in the workbook. */
export function plannedSheetNames(sheetNames: readonly string[], plan: LedgerPlan): string[] {
  const wanted = [...(plan.contest ? CONTEST_SHEETS : [SETTINGS_SHEET_NAME, UNITS_SHEET.name]), ...(plan.emulation ? EMULATION_SHEETS : [])];
  return [...new Set(resolveSheetNames(sheetNames, wanted).values())];
}

/** `Tính kết quả` for any ledger: read once, compute what the sheets call for, write once (nothing when sheets are missing). */
export async function tallyLedger(port: LedgerPort, options: { write: boolean } = { write: true }): Promise<LedgerTally> {
  const names = await port.sheetNames();
  const plan = planLedger(names);
  const run = tallyGrids(await port.read(plannedSheetNames(names, plan)), plan);
  if (options.write && run.missingSheets.length === 0) await port.write(run.outputs);
  return run;
}

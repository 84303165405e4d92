import type { Grid } from "../cells/cell.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { type Problem, sortProblems } from "../ledger/problem.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import { type EmulationResult, computeEmulation } from "./evaluate.js";
import type { EmulationLedger } from "./model.js";
import { awardListSheet, dossierSheet, notEligibleSheet, outsideQuotaSheet } from "./outputs.js";
import { readEmulation } from "./read-emulation.js";
import { EMULATION_SHEETS } from "./schema.js";

export interface EmulationRun {
  readonly ledger: EmulationLedger;
  readonly result: EmulationResult;
  readonly problems: readonly Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Emulation sheets that are absent: nothing was computed. */
  readonly missingSheets: readonly string[];
}

const EMPTY: EmulationResult = { candidates: [], quotas: [], awardedCount: 0, pendingCount: 0, totalAmount: 0n };

/** Reads and computes an emulation review; pure given the grids. */
export function runEmulation(sheets: ReadonlyMap<string, Grid | undefined>): EmulationRun {
  const { ledger, problems, missingSheets } = readEmulation(sheets);
  const result = missingSheets.length > 0 ? EMPTY : computeEmulation(ledger, problems);
  const sorted = sortProblems(
    problems.items,
    EMULATION_SHEETS.map((s) => ledger.sheetNames.get(s) ?? s),
  );
  const errorCount = sorted.filter((p) => p.severity === "error").length;
  return { ledger, result, problems: sorted, errorCount, warningCount: sorted.length - errorCount, missingSheets };
}

/** The four output sheets of a review (`Kiểm tra` is written by the caller, which may merge problems). */
export function emulationOutputs(run: EmulationRun): OutputSheet[] {
  return [awardListSheet(run.ledger, run.result, run.errorCount), notEligibleSheet(run.ledger, run.result), outsideQuotaSheet(run.ledger, run.result), dossierSheet(run.ledger, run.result)];
}

/** True when the workbook holds any of the emulation sheets. */
export function hasEmulationSheets(sheetNames: readonly string[]): boolean {
  return resolveSheetNames(sheetNames, EMULATION_SHEETS).size > 0;
}

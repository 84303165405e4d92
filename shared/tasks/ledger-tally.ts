import type { Grid } from "../cells/cell.js";
import type { Lang } from "../i18n/messages.js";
import { problemsSheet } from "../ledger/contest-outputs.js";
import { printLayout } from "../ledger/print-layout.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { type Problem, sortProblems } from "../ledger/problem.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import type { QuizRun } from "../quiz/run.js";
import { LEDGER_PARTS, type LedgerPart, type PartName, type PartRuns } from "./ledger-parts.js";
import type { LedgerPort, SyncLedgerPort } from "./port.js";

/**
 * `Tính kết quả` and `Kiểm tra` for any ledger, in every host: plan (which parts the sheets call
 * for, which sheets to read) → read once → compute every part → one `Kiểm tra` for all → write once.
 * `tallyLedger` drives it over an asynchronous port (Excel, files), `tallyLedgerSync` over a
 * synchronous one (Apps Script): the same steps, nothing copied per host.
 */

type AnyPart = LedgerPart<PartName>;

export interface TallyPlan {
  readonly parts: readonly PartName[];
  /** Every sheet the parts read, as named in the workbook. */
  readonly reads: readonly string[];
}

export interface LedgerTally extends Readonly<PartRuns> {
  readonly plan: TallyPlan;
  /** Required sheets absent from any part that applies: nothing is written. */
  readonly missingSheets: readonly string[];
  /** Every part's problems, as the one `Kiểm tra` sheet lists them. */
  readonly problems: readonly Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly outputs: readonly OutputSheet[];
}

export interface TallyOptions {
  readonly lang?: Lang;
  /** Attempts read from elsewhere (the CLI's export files): the quiz part is this run, not computed from the sheet. */
  readonly quiz?: QuizRun;
}

const partOf = (name: PartName): AnyPart => LEDGER_PARTS.find((p) => p.name === name) as AnyPart;

/** Chooses the parts from the sheets present (`withQuiz`: attempts come from outside, so the quiz applies to a contest). */
export function planTally(sheetNames: readonly string[], options: { withQuiz?: boolean } = {}): TallyPlan {
  const chosen = new Set<PartName>();
  for (const part of LEDGER_PARTS) {
    if (part.applies(sheetNames, chosen) || (part.name === "quiz" && options.withQuiz === true && chosen.has("contest") && !chosen.has("review"))) chosen.add(part.name);
  }
  const wanted = [...chosen].flatMap((name) => partOf(name).reads);
  return { parts: [...chosen], reads: [...new Set(resolveSheetNames(sheetNames, wanted).values())] };
}

/** Computes every planned part in order, each seeing the runs before it. Pure. */
export function computeParts(sheets: ReadonlyMap<string, Grid | undefined>, plan: TallyPlan, options: TallyOptions = {}): PartRuns {
  const runs: PartRuns = {};
  for (const name of plan.parts) {
    const run = name === "quiz" && options.quiz ? options.quiz : partOf(name).compute(sheets, runs);
    if (run !== undefined) (runs as Record<PartName, unknown>)[name] = run;
  }
  return runs;
}

/** The problems of the parts, each part's among those it is listed with, groups in part order. */
function listedProblems(runs: PartRuns, plan: TallyPlan, sheetNames: readonly string[]): Problem[] {
  const groups = new Map<PartName, { problems: Problem[]; order: string[]; merged: boolean }>();
  for (const name of plan.parts) {
    const run = runs[name];
    if (run === undefined) continue;
    const part = partOf(name);
    const home = part.listedWith !== undefined && runs[part.listedWith] !== undefined ? part.listedWith : name;
    const group = groups.get(home) ?? { problems: [], order: [], merged: false };
    group.problems.push(...part.problems(run as never));
    group.order.push(...part.problemOrder(run as never, sheetNames));
    group.merged ||= home !== name;
    groups.set(home, group);
  }
  // A part's own problems are already in its order; only a group of several is sorted again.
  return [...groups.values()].flatMap((g) => (g.merged ? sortProblems(g.problems, g.order) : g.problems));
}

/** The tally of computed parts: their sheets, then one `Kiểm tra` holding every part's problems. */
export function assembleTally(runs: PartRuns, plan: TallyPlan, sheetNames: readonly string[], lang: Lang = "vi"): LedgerTally {
  const problems = listedProblems(runs, plan, sheetNames);
  const errorCount = problems.filter((p) => p.severity === "error").length;
  const outputs: OutputSheet[] = [];
  const missingSheets: string[] = [];
  for (const name of plan.parts) {
    const run = runs[name];
    if (run === undefined) continue;
    const part = partOf(name);
    missingSheets.push(...part.missingSheets(run as never));
    outputs.push(...part.outputs(run as never, errorCount, lang).map(printLayout));
  }
  outputs.push(problemsSheet(problems, lang));
  return { ...runs, plan, missingSheets, problems, errorCount, warningCount: problems.length - errorCount, outputs };
}

/** Compute and assemble from grids already read. Pure. */
export function tallySheets(sheets: ReadonlyMap<string, Grid | undefined>, plan: TallyPlan, options: TallyOptions = {}): LedgerTally {
  return assembleTally(computeParts(sheets, plan, options), plan, [...sheets.keys()], options.lang);
}

export interface TallyRunOptions extends TallyOptions {
  /** Write the outputs (Tính kết quả), or only compute (Kiểm tra). Nothing is written when sheets are missing. */
  readonly write: boolean;
}

/** Over an asynchronous port: names, one read, compute, one write. */
export async function tallyLedger(port: LedgerPort, options: TallyRunOptions = { write: true }): Promise<LedgerTally> {
  const names = await port.sheetNames();
  const plan = planTally(names);
  const run = assembleTally(computeParts(await port.read(plan.reads), plan, options), plan, names, options.lang);
  if (options.write && run.missingSheets.length === 0) await port.write(run.outputs);
  return run;
}

/** The same steps over a synchronous port. */
export function tallyLedgerSync(port: SyncLedgerPort, options: TallyRunOptions = { write: true }): LedgerTally {
  const names = port.sheetNamesSync();
  const plan = planTally(names);
  const run = assembleTally(computeParts(port.readSync(plan.reads), plan, options), plan, names, options.lang);
  if (options.write && run.missingSheets.length === 0) port.writeSync(run.outputs);
  return run;
}

import type { Grid } from "../cells/cell.js";
import type { Lang } from "../i18n/messages.js";
import { problemsSheet } from "../ledger/contest-outputs.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { type Problem, sortProblems } from "../ledger/problem.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES, SETTINGS_SHEET_NAME, UNITS_SHEET } from "../ledger/schema.js";
import { type QuizRun, quizOutputs, runQuizOnGrids } from "../quiz/run.js";
import { ATTEMPTS_SHEET, QUIZ_OUTPUT_NAMES } from "../quiz/schema.js";
import { QUIZ_LEDGER_SHEETS } from "../quiz/setup.js";
import { type ContestRun, runContest } from "../tasks/contest-run.js";
import type { LedgerPort } from "../tasks/port.js";
import { contestOutputs } from "../tasks/tally.js";
import { type EmulationRun, emulationOutputs, hasEmulationSheets, runEmulation } from "./run.js";
import { EMULATION_SHEETS } from "./schema.js";

/** What a ledger holds: a judged contest (with its quiz or not), an emulation review, or both. */
export interface LedgerPlan {
  readonly contest: boolean;
  readonly emulation: boolean;
  /** A judged contest with a `Trắc nghiệm` sheet: its quiz is computed too. */
  readonly quiz: boolean;
}

/** Sheets only a judged contest has (`Cuộc thi` and `Đơn vị` are shared with a review). */
const CONTEST_ONLY_SHEETS = CONTEST_SHEETS.filter((s) => s !== SETTINGS_SHEET_NAME && s !== UNITS_SHEET.name);

/**
 * Chooses what to compute from the sheets present. A ledger without emulation sheets is a judged
 * contest, exactly as before (its missing sheets are reported as such). A ledger made by
 * `init thi-dua` has only `Cuộc thi`, `Đơn vị` and the review's sheets: a review. A contest's
 * quiz is computed when the ledger has the `Trắc nghiệm` sheet (a review ledger has no quiz).
 */
export function planLedger(sheetNames: readonly string[]): LedgerPlan {
  const emulation = hasEmulationSheets(sheetNames);
  const contest = !emulation || resolveSheetNames(sheetNames, CONTEST_ONLY_SHEETS).size > 0;
  const quiz = contest && !emulation && resolveSheetNames(sheetNames, [ATTEMPTS_SHEET.name]).size > 0;
  return { contest, emulation, quiz };
}

export interface LedgerTally {
  readonly plan: LedgerPlan;
  readonly contest?: ContestRun;
  readonly emulation?: EmulationRun;
  readonly quiz?: QuizRun;
  /** Required sheets absent from any part that was asked for: nothing is written. */
  readonly missingSheets: readonly string[];
  /** Every part's problems, as the one `Kiểm tra` sheet lists them. */
  readonly problems: readonly Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly outputs: readonly OutputSheet[];
}

/**
 * Computes every part the plan asks for; one `Kiểm tra` sheet holds the problems of all parts. The
 * quiz reads the ledger's `Trắc nghiệm` sheet (see `withQuiz` for attempts from elsewhere). Pure.
 */
export function tallyGrids(sheets: ReadonlyMap<string, Grid | undefined>, plan: LedgerPlan, lang: Lang = "vi"): LedgerTally {
  const contest = plan.contest ? runContest(sheets) : undefined;
  const emulation = plan.emulation ? runEmulation(sheets) : undefined;
  const quiz = plan.quiz && contest && contest.missingSheets.length === 0 ? runQuizOnGrids(sheets, contest) : undefined;
  const own: OutputSheet[] = [];
  if (contest) own.push(...contestOutputs(contest, lang).filter((s) => s.name !== OUTPUT_SHEET_NAMES.problems));
  if (emulation) own.push(...emulationOutputs(emulation));
  return assemble(plan, [...sheets.keys()], lang, own, contest, emulation, quiz);
}

/**
 * The tally with a quiz read from elsewhere (the CLI's attempt files, with the ledger's own
 * `Trắc nghiệm` if any) in place of the one `tallyGrids` computed: its sheets, and its problems in `Kiểm tra`.
 */
export function withQuiz(tally: LedgerTally, quiz: QuizRun, sheetNames: readonly string[], lang: Lang = "vi"): LedgerTally {
  const replaced = new Set<string>([OUTPUT_SHEET_NAMES.problems, ...Object.values(QUIZ_OUTPUT_NAMES)]);
  const own = tally.outputs.filter((s) => !replaced.has(s.name));
  return assemble({ ...tally.plan, quiz: true }, sheetNames, lang, own, tally.contest, tally.emulation, quiz);
}

/** The tally of the parts: `own` holds the contest's and the review's sheets; the quiz's and one `Kiểm tra` follow. */
function assemble(plan: LedgerPlan, sheetNames: readonly string[], lang: Lang, own: readonly OutputSheet[], contest?: ContestRun, emulation?: EmulationRun, quiz?: QuizRun): LedgerTally {
  const missingSheets = [...(contest?.missingSheets ?? []), ...(emulation?.missingSheets ?? [])];
  let problems: Problem[] = [...(contest?.problems ?? []), ...(emulation?.problems ?? [])];
  if (contest && quiz) {
    const quizNames = resolveSheetNames(sheetNames, QUIZ_LEDGER_SHEETS);
    const order = [...CONTEST_SHEETS.map((s) => contest.ledger.sheetNames.get(s) ?? s), ...QUIZ_LEDGER_SHEETS.map((s) => quizNames.get(s) ?? s)];
    problems = sortProblems([...contest.problems, ...quiz.problems.items], order);
  }
  const errorCount = problems.filter((p) => p.severity === "error").length;
  const outputs: OutputSheet[] = [...own];
  if (quiz) outputs.push(...quizOutputs(quiz, errorCount));
  outputs.push(problemsSheet(problems, lang));
  return {
    plan,
    missingSheets,
    problems,
    errorCount,
    warningCount: problems.length - errorCount,
    outputs,
    ...(contest ? { contest } : {}),
    ...(emulation ? { emulation } : {}),
    ...(quiz ? { quiz } : {}),
  };
}

/** Every sheet the plan reads, as named in the workbook. */
export function plannedSheetNames(sheetNames: readonly string[], plan: LedgerPlan): string[] {
  const wanted = [...(plan.contest ? CONTEST_SHEETS : [SETTINGS_SHEET_NAME, UNITS_SHEET.name]), ...(plan.emulation ? EMULATION_SHEETS : []), ...(plan.quiz ? QUIZ_LEDGER_SHEETS : [])];
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

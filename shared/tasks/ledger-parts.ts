import type { Grid } from "../cells/cell.js";
import type { Lang } from "../i18n/messages.js";
import { prizeListSheet, resultsSheet, unitSummarySheet } from "../ledger/contest-outputs.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import type { Problem } from "../ledger/problem.js";
import { CONTEST_SHEETS, resolveSheetNames } from "../ledger/read-contest.js";
import { SETTINGS_SHEET_NAME, UNITS_SHEET } from "../ledger/schema.js";
import { type EmulationRun, emulationOutputs, hasEmulationSheets, runEmulation } from "../emulation/run.js";
import { EMULATION_SHEETS, LAST_RANKS_SHEET } from "../emulation/schema.js";
import { type QuizRun, quizOutputs, runQuizOnGrids } from "../quiz/run.js";
import { ATTEMPTS_SHEET } from "../quiz/schema.js";
import { QUIZ_LEDGER_SHEETS } from "../quiz/setup.js";
import { type ContestRun, runContest } from "./contest-run.js";

/**
 * The parts a ledger can hold, each declared once: when it applies (from the sheets present), the
 * contract sheets it reads, how it computes (pure, given the grids and the parts computed before
 * it), and the sheets it writes. A new part is one entry of `LEDGER_PARTS`.
 */

export interface PartRuns {
  contest?: ContestRun;
  quiz?: QuizRun;
  review?: EmulationRun;
}

export type PartName = keyof PartRuns;

export interface LedgerPart<N extends PartName> {
  readonly name: N;
  /** Whether the part is computed for a workbook with these sheets (parts before it already decided). */
  applies(sheetNames: readonly string[], chosen: ReadonlySet<PartName>): boolean;
  /** The contract names of the sheets it reads. */
  readonly reads: readonly string[];
  compute(sheets: ReadonlyMap<string, Grid | undefined>, earlier: Readonly<PartRuns>): PartRuns[N] | undefined;
  /** Its output sheets (the one `Kiểm tra` of every part is written by the runner). */
  outputs(run: NonNullable<PartRuns[N]>, errorCount: number, lang: Lang): OutputSheet[];
  problems(run: NonNullable<PartRuns[N]>): readonly Problem[];
  missingSheets(run: NonNullable<PartRuns[N]>): readonly string[];
  /** The sheets its problems are listed by, in order, as named in the workbook. */
  problemOrder(run: NonNullable<PartRuns[N]>, sheetNames: readonly string[]): string[];
  /** Its problems are listed among another part's, by sheet (a quiz's among its contest's). */
  readonly listedWith?: PartName;
}

/** Sheets only a judged contest has (`Cuộc thi` and `Đơn vị` are shared with a review). */
const CONTEST_ONLY_SHEETS = CONTEST_SHEETS.filter((s) => s !== SETTINGS_SHEET_NAME && s !== UNITS_SHEET.name);

/** A judged contest's outputs (`Kiểm tra` aside). */
function contestOwnSheets(run: ContestRun): OutputSheet[] {
  return [resultsSheet(run.ledger, run.result), prizeListSheet(run.ledger, run.result, run.errorCount), unitSummarySheet(run.units)];
}

/** A judged contest: any ledger without review sheets, or one that also has a contest's own sheets. */
export const CONTEST_PART: LedgerPart<"contest"> = {
  name: "contest",
  applies: (names) => !hasEmulationSheets(names) || resolveSheetNames(names, CONTEST_ONLY_SHEETS).size > 0,
  reads: CONTEST_SHEETS,
  compute: (sheets) => runContest(sheets),
  outputs: (run) => contestOwnSheets(run),
  problems: (run) => run.problems,
  missingSheets: (run) => run.missingSheets,
  problemOrder: (run) => CONTEST_SHEETS.map((s) => run.ledger.sheetNames.get(s) ?? s),
};

/** A contest's quiz (with its collective prizes): a judged contest, not a review, with a `Trắc nghiệm` sheet. */
export const QUIZ_PART: LedgerPart<"quiz"> = {
  name: "quiz",
  applies: (names, chosen) => chosen.has("contest") && !hasEmulationSheets(names) && resolveSheetNames(names, [ATTEMPTS_SHEET.name]).size > 0,
  reads: QUIZ_LEDGER_SHEETS,
  compute: (sheets, earlier) => (earlier.contest && earlier.contest.missingSheets.length === 0 ? runQuizOnGrids(sheets, earlier.contest) : undefined),
  outputs: (run, errorCount) => quizOutputs(run, errorCount),
  problems: (run) => run.problems.items,
  missingSheets: () => [],
  listedWith: "contest",
  problemOrder: (_run, names) => {
    const found = resolveSheetNames(names, QUIZ_LEDGER_SHEETS);
    return QUIZ_LEDGER_SHEETS.map((s) => found.get(s) ?? s);
  },
};

/** An emulation (award) review: a ledger with any of the review's sheets. */
export const REVIEW_PART: LedgerPart<"review"> = {
  name: "review",
  applies: (names) => hasEmulationSheets(names),
  reads: [SETTINGS_SHEET_NAME, UNITS_SHEET.name, ...EMULATION_SHEETS, LAST_RANKS_SHEET.name],
  compute: (sheets) => runEmulation(sheets),
  outputs: (run) => emulationOutputs(run),
  problems: (run) => run.problems,
  missingSheets: (run) => run.missingSheets,
  problemOrder: (run) => EMULATION_SHEETS.map((s) => run.ledger.sheetNames.get(s) ?? s),
};

/** Every part, in the order they are computed and their sheets written. */
export const LEDGER_PARTS = [CONTEST_PART, QUIZ_PART, REVIEW_PART] as const;

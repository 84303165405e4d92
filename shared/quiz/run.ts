import { dateOfDay } from "../cells/date.js";
import type { Grid } from "../cells/cell.js";
import { computeCollective, type CollectiveResult } from "./collective.js";
import { collectiveSheet } from "./collective-outputs.js";
import { QM } from "../i18n/messages.js";
import type { Award } from "../prizes/allocate.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { ProblemList } from "../ledger/problem.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import { foldKey } from "../cells/text.js";
import type { ContestRun } from "../tasks/contest-run.js";
import { type AttemptSource, QuizAccumulator } from "./accumulate.js";
import { periodDisplay } from "./fields.js";
import { participationSheet, weeklySheet } from "./outputs.js";
import { type UnitParticipation, unitParticipation } from "./participation.js";
import { ATTEMPTS_SHEET, COLLECTIVE_CATEGORY, QUIZ_CATEGORY, QUIZ_OUTPUT_NAMES, VIDEO_CATEGORY } from "./schema.js";
import { PRIZES_SHEET_NAME, type QuizSetup, readQuizSetup } from "./setup.js";
import { type PeriodOutcome, periodOrder, rankPeriods } from "./weekly.js";

/** Prize money: what the `Cơ cấu giải` plans (quiz rows once per period) and what this run awards. */
export interface PrizeMoney {
  readonly judged: bigint;
  readonly quiz: bigint;
  readonly collective: bigint;
  readonly total: bigint;
}

export interface PrizeBudget extends PrizeMoney {
  readonly quizPerPeriod: bigint;
  readonly periods: number;
}

export interface QuizRun {
  readonly setup: QuizSetup;
  readonly periods: readonly PeriodOutcome[];
  readonly units: readonly UnitParticipation[];
  readonly collective: CollectiveResult | undefined;
  readonly attempts: number;
  readonly rejected: number;
  readonly participants: number;
  readonly awarded: PrizeMoney;
  readonly budget: PrizeBudget;
  /** Problems of the quiz part only (the contest's are in the ContestRun). */
  readonly problems: ProblemList;
}

/** A quiz being read: the setup from the ledger and the accumulator that the attempt sources feed. */
export interface QuizReading {
  readonly setup: QuizSetup;
  readonly accumulator: QuizAccumulator;
}

/** Reads the quiz's settings and side sheets and prepares to receive attempts. */
export function startQuiz(sheets: ReadonlyMap<string, Grid | undefined>, contest: ContestRun): QuizReading {
  const problems = new ProblemList();
  const setup = readQuizSetup(sheets, contest.ledger, problems);
  const truths = new Map<string, number>();
  for (const [key, t] of setup.truths) if (t.answer !== undefined) truths.set(key, t.answer);
  // A week runs from the midnight its first day starts to the midnight after its last day, Vietnam time.
  const weeks = setup.weeks.map((w) => ({ label: w.label, from: dateOfDay(w.from).getTime(), until: dateOfDay(w.to + 1).getTime() }));
  const accumulator = new QuizAccumulator({ policy: setup.policy, maxScore: setup.maxScore ?? Number.POSITIVE_INFINITY, truths, unitKeys: new Set(setup.units.keys()), weeks }, problems);
  for (const t of setup.truths.values()) accumulator.declarePeriod(t.label);
  return { setup, accumulator };
}

/** The ledger's own `Trắc nghiệm` sheet, when it has one. */
export function attemptsGrid(sheets: ReadonlyMap<string, Grid | undefined>): { name: string; grid: Grid } | undefined {
  const names = resolveSheetNames(
    [...sheets.keys()].filter((k) => sheets.get(k) !== undefined),
    [ATTEMPTS_SHEET.name],
  );
  const name = names.get(ATTEMPTS_SHEET.name);
  const grid = name === undefined ? undefined : sheets.get(name);
  return name === undefined || grid === undefined ? undefined : { name, grid };
}

/** Feeds a whole grid (a sheet of the ledger or of an export workbook) to the accumulator. */
export function feedGrid(acc: QuizAccumulator, sheetLabel: string, grid: Grid): void {
  const source: AttemptSource | undefined = acc.source(grid[0] ?? [], (line, col) => ({
    sheet: sheetLabel,
    row: line - 1,
    ...(col !== undefined ? { col } : {}),
  }));
  if (source === undefined) return;
  for (let r = 1; r < grid.length; r++) source.add(grid[r] ?? [], r + 1);
  source.close();
}

function sumLevels(levels: readonly { count: number; amount: bigint }[]): bigint {
  return levels.reduce((s, l) => s + BigInt(l.count) * l.amount, 0n);
}

/** What is at stake for a group left to the council: the prizes, and "no prize" when it may get none. */
function stakesOf(award: Award): string {
  return award.kind === "pending"
    ? award.atStake
        .map((l) => l.name)
        .concat(award.mayGetNothing ? ["không giải"] : [])
        .join(" / ")
    : "";
}

/** Ranks every period, computes unit participation and the collective prizes. */
export function finishQuiz(reading: QuizReading, contest: ContestRun): QuizRun {
  const { setup, accumulator: acc } = reading;
  acc.finish();
  const problems = acc.problems;
  const periods = rankPeriods(setup, acc);
  const prizesSheet = contest.ledger.sheetNames.get(PRIZES_SHEET_NAME) ?? PRIZES_SHEET_NAME;
  if (setup.quizLevels.length === 0 && acc.attempts > 0) problems.warning(prizesSheet, undefined, undefined, QM.noQuizPrizeRows(QUIZ_CATEGORY));
  for (const p of periods) {
    const pending = p.winners.filter((w) => w.award.kind === "pending");
    for (const group of new Set(pending.map((w) => w.rank))) {
      const members = pending.filter((w) => w.rank === group);
      const codes = members.map((w) => w.candidate.participant.code).join(", ");
      problems.warning(QUIZ_OUTPUT_NAMES.weekly, undefined, undefined, QM.weeklyCouncil(periodDisplay(p.period.label), codes, stakesOf(members[0]!.award)));
    }
  }
  const units = unitParticipation(setup, periodOrder(acc.heldPeriods), acc);
  const collective = setup.collectiveLevels.length > 0 ? collectivePrizes(setup, contest, units, prizesSheet, problems) : undefined;
  const weekly = periods.reduce((s, p) => s + p.amount, 0n);
  const judged = contest.result.totalAmount;
  const coll = collective?.totalAmount ?? 0n;
  return {
    setup,
    periods,
    units,
    collective,
    attempts: acc.attempts,
    rejected: acc.rejected,
    participants: acc.participantCount,
    awarded: { judged, quiz: weekly, collective: coll, total: judged + weekly + coll },
    budget: plannedBudget(setup, acc.heldPeriods.length),
    problems,
  };
}

/** The collective prizes (seed 002, part 3), with the council's groups reported. */
function collectivePrizes(setup: QuizSetup, contest: ContestRun, units: readonly UnitParticipation[], prizesSheet: string, problems: ProblemList): CollectiveResult {
  const collective = computeCollective({
    units: setup.units,
    contest: contest.result,
    videoCategory: VIDEO_CATEGORY,
    participation: units,
    top: setup.topVideo,
    levels: setup.collectiveLevels,
    ties: setup.ties,
  });
  if (!collective.videoCategoryFound) problems.warning(prizesSheet, undefined, undefined, QM.noCollectiveCategory(VIDEO_CATEGORY));
  for (const rank of new Set(collective.rows.filter((r) => r.award.kind === "pending").map((r) => r.rank))) {
    const members = collective.rows.filter((r) => r.rank === rank && r.award.kind === "pending");
    problems.warning(QUIZ_OUTPUT_NAMES.collective, undefined, undefined, QM.collectiveCouncil(members.map((r) => r.unit.code).join(", "), stakesOf(members[0]!.award)));
  }
  return collective;
}

/** What the `Cơ cấu giải` plans: quiz rows once per period, the judged and collective rows once. */
function plannedBudget(setup: QuizSetup, periods: number): PrizeBudget {
  const quizKey = foldKey(QUIZ_CATEGORY);
  const collectiveKey = foldKey(COLLECTIVE_CATEGORY);
  const perPeriod = sumLevels(setup.quizLevels);
  const quiz = perPeriod * BigInt(periods);
  const collective = sumLevels(setup.collectiveLevels);
  const judged = sumLevels(setup.prizeRows.filter((r) => r.categoryKey !== quizKey && r.categoryKey !== collectiveKey));
  return { judged, quiz, collective, total: judged + quiz + collective, quizPerPeriod: perPeriod, periods };
}

/** `Giải tuần`, `Tham gia đơn vị` and, when the ledger has collective prize rows, `Giải tập thể`. */
export function quizOutputs(run: QuizRun, errorCount: number): OutputSheet[] {
  const labels = periodOrder(run.periods.map((p) => p.period)).map((p) => p.label);
  const sheets = [weeklySheet(run.setup, run.periods, run.awarded.quiz, errorCount), participationSheet(run.setup, labels, run.units)];
  if (run.collective) sheets.push(collectiveSheet(run.setup, run.collective, errorCount));
  return sheets;
}

/** The whole quiz over grids only (hosts without files): the ledger's `Trắc nghiệm` sheet is the one source. */
export function runQuizOnGrids(sheets: ReadonlyMap<string, Grid | undefined>, contest: ContestRun): QuizRun | undefined {
  const own = attemptsGrid(sheets);
  if (own === undefined) return undefined;
  const reading = startQuiz(sheets, contest);
  feedGrid(reading.accumulator, own.name, own.grid);
  return finishQuiz(reading, contest);
}

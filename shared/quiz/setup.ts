import { type Cell, type Grid, cellAddress, isBlank } from "../cells/cell.js";
import { readCount, readYesNo } from "../cells/number.js";
import { cleanText, foldKey } from "../cells/text.js";
import { M, QM } from "../i18n/messages.js";
import type { ContestLedger, PrizeRow, Unit } from "../ledger/model.js";
import { ProblemList } from "../ledger/problem.js";
import { readChoice, resolveSheetNames } from "../ledger/read-contest.js";
import { PRIZES_SHEET, SETTINGS_KEY_HEADER, SETTINGS_SHEET_NAME, SETTINGS_VALUE_HEADER, type TiePolicy } from "../ledger/schema.js";
import { cellOf, matchHeader, readTable } from "../ledger/table.js";
import type { PrizeLevel } from "../prizes/allocate.js";
import type { ThousandWord } from "../vn/words.js";
import { fastCode, periodKey, periodLabel, readScaled } from "./fields.js";
import { ATTEMPTS_SHEET, type AttemptPolicy, COLLECTIVE_CATEGORY, EXCLUDED_SHEET, POLICY_VALUES, PREDICTION_SHEET, QUIZ_CATEGORY, QUIZ_SETTING_NAMES, WEEKS_SHEET } from "./schema.js";
import { type DayNumber } from "../cells/date.js";
import { RowReader } from "../ledger/read-contest.js";
import { formatDay } from "../vn/format.js";

export interface Exclusion {
  readonly name: string;
  readonly reason: string;
}

/** A quiz week of `Tuần thi`: its label and its first and last days. */
export interface QuizWeek {
  readonly label: string;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

export interface Truth {
  readonly label: string;
  /** 1/10 000 units; undefined while the answer is not known yet. */
  readonly answer: number | undefined;
}

/** Everything the quiz and the collective prizes need from the ledger, besides the attempts. */
export interface QuizSetup {
  readonly contestName: string;
  readonly year: string;
  readonly policy: AttemptPolicy;
  readonly onePrize: boolean;
  readonly topVideo: number;
  /** `Điểm tối đa bài thi`, in 1/10 000 units: a score above it is a Lỗi at its cell. Undefined: no maximum. */
  readonly maxScore: number | undefined;
  readonly ties: TiePolicy;
  readonly thousandWord: ThousandWord;
  readonly decimals: number;
  /** Period key → the true prediction answer (periods listed in `Đáp án dự đoán`, in order). */
  readonly truths: ReadonlyMap<string, Truth>;
  /** `Tuần thi`, in date order; empty when the ledger does not define weeks by dates. */
  readonly weeks: readonly QuizWeek[];
  /** Participant key → why they may not win. */
  readonly excluded: ReadonlyMap<string, Exclusion>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly quizLevels: readonly PrizeLevel[];
  readonly collectiveLevels: readonly PrizeLevel[];
  /** Every `Cơ cấu giải` row, for the planned prize budget. */
  readonly prizeRows: readonly PrizeRow[];
  /** Contract name → actual sheet name, for the quiz's own sheets found in the ledger. */
  readonly sheetNames: ReadonlyMap<string, string>;
}

/** The ledger sheets the quiz reads besides those of the judged contest. */
export const QUIZ_LEDGER_SHEETS: readonly string[] = [ATTEMPTS_SHEET.name, PREDICTION_SHEET.name, EXCLUDED_SHEET.name, WEEKS_SHEET.name];

export const DEFAULT_TOP_VIDEO = 20;

function levelsOf(prizes: readonly PrizeRow[], category: string): PrizeLevel[] {
  const key = foldKey(category);
  return prizes.filter((p) => p.categoryKey === key).map((p) => ({ name: p.name, count: p.count, amount: p.amount }));
}

/** Reads the quiz settings (`Lượt tính điểm`, `Mỗi người một giải`, `Top video`) from `Cuộc thi`. */
function readQuizSettings(sheet: string, grid: Grid, problems: ProblemList): { policy: AttemptPolicy; onePrize: boolean; topVideo: number; maxScore: number | undefined } {
  const out = { policy: "best" as AttemptPolicy, onePrize: false, topVideo: DEFAULT_TOP_VIDEO, maxScore: undefined as number | undefined };
  const header = grid[0] ?? [];
  const cols = matchHeader(sheet, header, [SETTINGS_KEY_HEADER, SETTINGS_VALUE_HEADER], new ProblemList());
  const keyCol = cols.get("key") ?? 0;
  const valueCol = cols.get("value") ?? 1;
  const wanted = new Map(Object.entries(QUIZ_SETTING_NAMES).map(([k, vi]) => [foldKey(vi), k]));
  for (let r = cols.size > 0 ? 1 : 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const which = wanted.get(foldKey(cleanText(row[keyCol])));
    const cell: Cell = row[valueCol] ?? null;
    if (which === undefined || isBlank(cell)) continue;
    const text = cleanText(cell);
    if (which === "policy") {
      const p = readChoice<AttemptPolicy>(text, POLICY_VALUES);
      if (p === undefined) problems.error(sheet, r, valueCol, M.notOneOf(text, Object.values(POLICY_VALUES)));
      else out.policy = p;
    } else if (which === "onePrize") {
      const v = readYesNo(cell, foldKey);
      if (v === undefined) problems.error(sheet, r, valueCol, M.notYesNo(text));
      else out.onePrize = v;
    } else if (which === "maxScore") {
      const max = readScaled(cell);
      if (max === undefined || max <= 0) problems.error(sheet, r, valueCol, M.notANumber(text));
      else out.maxScore = max;
    } else {
      const n = readCount(cell);
      if (n === undefined || n < 1) problems.error(sheet, r, valueCol, M.notACount(text));
      else out.topVideo = n;
    }
  }
  return out;
}

function readTruths(sheet: string, grid: Grid, problems: ProblemList): Map<string, Truth> {
  const truths = new Map<string, Truth>();
  const firstRow = new Map<string, number>();
  const table = readTable(sheet, grid, PREDICTION_SHEET, problems);
  if (!table.complete) return truths;
  for (const row of table.rows) {
    const label = periodLabel(cellOf(table, row, "period"));
    const answerCell = cellOf(table, row, "answer");
    if (label === "") {
      problems.error(sheet, row.row, table.columns.get("period"), M.missingValue(PREDICTION_SHEET.columns[0]!.vi));
      continue;
    }
    const key = periodKey(label);
    const first = firstRow.get(key);
    if (first !== undefined) {
      problems.error(sheet, row.row, table.columns.get("period"), QM.predictionDuplicate(label, cellAddress(sheet, first, table.columns.get("period") ?? 0)));
      continue;
    }
    firstRow.set(key, row.row);
    let answer: number | undefined;
    if (!isBlank(answerCell)) {
      answer = readScaled(answerCell);
      if (answer === undefined) problems.error(sheet, row.row, table.columns.get("answer"), M.notANumber(cleanText(answerCell)));
    }
    truths.set(key, { label, answer });
  }
  return truths;
}

function readExcluded(sheet: string, grid: Grid, problems: ProblemList): Map<string, Exclusion> {
  const out = new Map<string, Exclusion>();
  const table = readTable(sheet, grid, EXCLUDED_SHEET, problems);
  if (!table.complete) return out;
  for (const row of table.rows) {
    const key = fastCode(cellOf(table, row, "participant"));
    if (key === "") {
      problems.error(sheet, row.row, table.columns.get("participant"), M.missingValue(EXCLUDED_SHEET.columns[0]!.vi));
      continue;
    }
    if (!out.has(key)) out.set(key, { name: cleanText(cellOf(table, row, "name")), reason: cleanText(cellOf(table, row, "reason")) });
  }
  return out;
}

/** `Tuần thi`: each week's label and days; a week without its dates, ending before it starts, named twice or overlapping another is an error and left out. */
function readWeeks(sheet: string, grid: Grid, problems: ProblemList): QuizWeek[] {
  const table = readTable(sheet, grid, WEEKS_SHEET, problems);
  if (!table.complete) return [];
  const rd = new RowReader(table, problems);
  const weeks: (QuizWeek & { row: number })[] = [];
  const col = (key: string): number | undefined => table.columns.get(key);
  for (const row of table.rows) {
    const label = periodLabel(cellOf(table, row, "period"));
    const from = rd.day(row, "from");
    const to = rd.day(row, "to");
    if (label === "") problems.error(sheet, row.row, col("period"), M.missingValue(WEEKS_SHEET.columns[0]!.vi));
    if (from === undefined) problems.error(sheet, row.row, col("from"), M.missingValue("Từ ngày"));
    if (to === undefined) problems.error(sheet, row.row, col("to"), M.missingValue("Đến ngày"));
    if (label === "" || typeof from !== "number" || typeof to !== "number") continue;
    if (to < from) {
      problems.error(sheet, row.row, col("to"), QM.weekEndsBeforeStart(label, formatDay(from), formatDay(to)));
      continue;
    }
    const same = weeks.find((w) => periodKey(w.label) === periodKey(label));
    const overlap = weeks.find((w) => from <= w.to && w.from <= to);
    if (same !== undefined || overlap !== undefined) {
      const other = (same ?? overlap)!;
      problems.error(sheet, row.row, col(same ? "period" : "from"), QM.weekClash(label, other.label, cellAddress(sheet, other.row, col("period") ?? 0)));
      continue;
    }
    weeks.push({ label, from, to, row: row.row });
  }
  return weeks.sort((a, b) => a.from - b.from).map(({ label, from, to }) => ({ label, from, to }));
}

/**
 * Reads the quiz's settings and side sheets. `sheets` holds the grids of the ledger (at least
 * `Cuộc thi` and the sheets of QUIZ_LEDGER_SHEETS that exist); `ledger` is the judged contest read
 * from the same workbook (units, prize rows, tie policy).
 */
export function readQuizSetup(sheets: ReadonlyMap<string, Grid | undefined>, ledger: ContestLedger, problems: ProblemList): QuizSetup {
  const names = resolveSheetNames(
    [...sheets.keys()].filter((k) => sheets.get(k) !== undefined),
    [SETTINGS_SHEET_NAME, ...QUIZ_LEDGER_SHEETS],
  );
  const grid = (n: string): Grid | undefined => {
    const actual = names.get(n);
    return actual === undefined ? undefined : sheets.get(actual);
  };
  const settingsName = names.get(SETTINGS_SHEET_NAME) ?? SETTINGS_SHEET_NAME;
  const quiz = readQuizSettings(settingsName, grid(SETTINGS_SHEET_NAME) ?? [], problems);
  const truthGrid = grid(PREDICTION_SHEET.name);
  const excludedGrid = grid(EXCLUDED_SHEET.name);
  const weeksGrid = grid(WEEKS_SHEET.name);
  const quizLevels = levelsOf(ledger.prizes, QUIZ_CATEGORY);
  const s = ledger.settings;
  return {
    contestName: s.name,
    year: s.year,
    ...quiz,
    ties: s.ties,
    thousandWord: s.thousandWord,
    decimals: s.decimals,
    truths: truthGrid ? readTruths(names.get(PREDICTION_SHEET.name)!, truthGrid, problems) : new Map(),
    weeks: weeksGrid ? readWeeks(names.get(WEEKS_SHEET.name)!, weeksGrid, problems) : [],
    excluded: excludedGrid ? readExcluded(names.get(EXCLUDED_SHEET.name)!, excludedGrid, problems) : new Map(),
    units: ledger.units,
    quizLevels,
    collectiveLevels: levelsOf(ledger.prizes, COLLECTIVE_CATEGORY),
    prizeRows: ledger.prizes,
    sheetNames: names,
  };
}

/** Sheet name of the prize structure, for problems about it. */
export const PRIZES_SHEET_NAME = PRIZES_SHEET.name;

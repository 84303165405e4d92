import type { Cell, Grid } from "../../shared/cells/cell.js";
import { CsvSplitter } from "../../cli/quiz-csv.js";
import type { AttemptSource } from "../../shared/quiz/accumulate.js";
import { type QuizRun, finishQuiz, runQuizOnGrids, startQuiz } from "../../shared/quiz/run.js";
import { quizDemoSheets } from "../../shared/samples/quiz-demo.js";
import { gridsOf } from "./grids.js";
import { type ContestRun, runContest } from "../../shared/tasks/contest-run.js";

/** Small ledgers of the online contest (seed 002) as grids, for the quiz and collective rules. */

type Row = Cell[];

export interface Attempt {
  readonly id: string;
  readonly unit?: string;
  readonly week?: number | string;
  readonly score: number | string;
  readonly time?: Cell;
  readonly at?: Cell;
  readonly guess?: Cell;
  readonly name?: string;
}

export const ATTEMPT_HEADER = ["Mã thí sinh", "Họ tên", "Mã đơn vị", "Tuần", "Điểm", "Thời gian làm bài", "Thời điểm nộp", "Dự đoán"];

export function attemptRow(a: Attempt): Row {
  return [a.id, a.name ?? `Thí sinh ${a.id}`, a.unit ?? "U1", a.week ?? 1, a.score, a.time ?? null, a.at ?? null, a.guess ?? null];
}

export interface UnitSpec {
  readonly code: string;
  readonly staff?: number;
  /** Total of the unit's video, scored by one judge; no video when absent. */
  readonly video?: number;
}

export interface QuizLedger {
  readonly settings?: readonly (readonly [string, Cell])[];
  readonly units?: readonly UnitSpec[];
  readonly quizPrizes?: readonly (readonly [string, number, number])[];
  readonly collectivePrizes?: readonly (readonly [string, number, number])[];
  readonly truths?: readonly (readonly [Cell, Cell])[];
  readonly excluded?: readonly (readonly [string, string])[];
  readonly attempts: readonly Attempt[];
}

export const WEEKLY_PRIZES: readonly (readonly [string, number, number])[] = [
  ["Nhất", 1, 2_000_000],
  ["Nhì", 1, 1_500_000],
  ["Ba", 1, 1_000_000],
];

/** The input sheets of a whole ledger: a judged video contest (one judge, one criterion) and a quiz. */
export function quizLedger(spec: QuizLedger): Map<string, Grid> {
  const units = spec.units ?? [
    { code: "U1", staff: 10 },
    { code: "U2", staff: 10 },
  ];
  const videos = units.filter((u) => u.video !== undefined);
  const prizes: Grid = [["Hạng mục", "Giải", "Số lượng", "Mức thưởng"]];
  for (const [name, count, amount] of spec.quizPrizes ?? WEEKLY_PRIZES) prizes.push(["Trắc nghiệm", name, count, amount]);
  prizes.push(["Video", "Nhất", 1, 3_000_000]);
  for (const [name, count, amount] of spec.collectivePrizes ?? []) prizes.push(["Tập thể", name, count, amount]);
  const sheets = new Map<string, Grid>([
    ["Cuộc thi", [["Mục", "Giá trị"], ["Tên cuộc thi", "Hội thi trực tuyến thử"], ["Năm", 2023], ...(spec.settings ?? []).map(([k, v]) => [k, v])]],
    ["Đơn vị", [["Mã đơn vị", "Tên đơn vị", "Số CBCCVC"], ...units.map((u) => [u.code, `Đơn vị ${u.code}`, u.staff ?? null])]],
    ["Bài dự thi", [["Mã bài", "Tên bài", "Hạng mục", "Mã đơn vị"], ...videos.map((u) => [`V-${u.code}`, `Video của ${u.code}`, "Video", u.code])]],
    [
      "Giám khảo",
      [
        ["Mã GK", "Họ tên", "Hạng mục"],
        ["GK1", "Giám khảo Một", "Video"],
      ],
    ],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hạng mục"],
        ["ND", "Nội dung", 100, "Video"],
      ],
    ],
    ["Điểm", [["Mã bài", "Mã GK", "ND"], ...videos.map((u) => [`V-${u.code}`, "GK1", u.video!])]],
    ["Cơ cấu giải", prizes],
    ["Trắc nghiệm", [ATTEMPT_HEADER, ...spec.attempts.map(attemptRow)]],
  ]);
  if (spec.truths) sheets.set("Đáp án dự đoán", [["Tuần", "Số đúng"], ...spec.truths.map(([w, a]) => [w, a])]);
  if (spec.excluded) sheets.set("Không dự thi", [["Mã thí sinh", "Họ tên", "Lý do"], ...spec.excluded.map(([id, reason]) => [id, `Người ${id}`, reason])]);
  return sheets;
}

export function runBoth(sheets: Map<string, Grid>): { contest: ContestRun; quiz: QuizRun } {
  const contest = runContest(sheets);
  const quiz = runQuizOnGrids(sheets, contest);
  if (quiz === undefined) throw new Error("the ledger has no Trắc nghiệm sheet");
  return { contest, quiz };
}

/** Winners of one period as "prize:participant" in rank order. */
export function winnersOf(quiz: QuizRun, week: string | number): string[] {
  const p = quiz.periods.find((x) => x.period.label === String(week));
  if (p === undefined) throw new Error(`no period ${week}`);
  return p.winners.map((w) => `${w.award.kind === "prize" ? w.award.prize.name : w.award.kind}:${w.candidate.participant.code}`);
}

/**
 * The quiz demo ledger with `csv` as its attempts, split like a file export and read through the
 * text path (`add`): the contest's run and the quiz's. Bad records are left to the accumulator's
 * own messages, or stop the test when `strict`; `without` leaves one ledger sheet out.
 */
export function runDemoQuizCsv(csv: string, options: { strict?: boolean; without?: string } = {}): { contest: ContestRun; quiz: QuizRun } {
  const strict = options.strict === true;
  const sheets = gridsOf(quizDemoSheets());
  if (options.without !== undefined) sheets.delete(options.without);
  const contest = runContest(sheets);
  const reading = startQuiz(sheets, contest);
  let source: AttemptSource | undefined;
  const splitter = new CsvSplitter({
    onRecord: (fields, line) => {
      if (line === 1) source = reading.accumulator.source(fields, (l) => ({ sheet: `demo.csv:${l}` }));
      else source!.add(fields, line);
    },
    onBadRecord: () => {
      if (strict) throw new Error("the sample CSV must split cleanly");
    },
  });
  splitter.push(csv, true);
  source!.close();
  return { contest, quiz: finishQuiz(reading, contest) };
}

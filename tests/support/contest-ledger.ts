/**
 * Small judged-contest ledgers built as grids, for the rule tests. Every sheet has the contract's
 * headers; each test states only what its rule is about and leaves the rest to plain defaults.
 */
import type { Cell, Grid } from "../../shared/cells/cell.js";
import { type Lang, say } from "../../shared/i18n/messages.js";
import { SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import type { EntryResult } from "../../shared/scoring/contest-results.js";
import { type ContestRun, runContest } from "../../shared/tasks/contest-run.js";
import { contestOutputs } from "../../shared/tasks/tally.js";

export type Row = readonly Cell[];

export interface EntrySpec {
  readonly code: string;
  readonly category?: string;
  /** Default "U1". */
  readonly unit?: string;
  readonly status?: string;
  readonly received?: Cell;
  readonly title?: string;
  readonly authors?: string;
}

export interface JudgeSpec {
  readonly code: string;
  readonly unit?: string;
  /** The optional `Hạng mục` column of `Giám khảo`. */
  readonly categories?: string;
}

export interface ContestSpec {
  /** `Cuộc thi` pairs; `Tên cuộc thi` is added when absent. */
  readonly settings?: readonly (readonly [string, Cell])[];
  /** Rows `Mã đơn vị` · `Tên đơn vị` · `Bắt buộc` · `Số bài tối thiểu`; default U1, U2, U3, not mandatory. */
  readonly units?: readonly Row[];
  readonly entries: readonly EntrySpec[];
  /** Default: every judge code found in `scores`, in order, with no unit. */
  readonly judges?: readonly JudgeSpec[];
  /** Rows `Mã tiêu chí` · `Tên tiêu chí` · `Điểm tối đa` · `Hệ số` · `Hạng mục`; default one criterion TC, max 100. */
  readonly criteria?: readonly Row[];
  /** Rows `Mã bài` · `Mã GK` · one value per criterion, in the order of `criteria`. */
  readonly scores: readonly Row[];
  /** Extra columns appended to the `Điểm` header (e.g. a user's `Tổng`). */
  readonly extraScoreHeaders?: readonly string[];
  /** Rows `Hạng mục` · `Giải` · `Số lượng` · `Mức thưởng`; default Nhất 1 × 1.000.000, Nhì 1 × 500.000. */
  readonly prizes?: readonly Row[];
}

export const DEFAULT_UNITS: readonly Row[] = [
  ["U1", "Đơn vị Một", "Không", null],
  ["U2", "Đơn vị Hai", "Không", null],
  ["U3", "Đơn vị Ba", "Không", null],
];

export const ONE_CRITERION: readonly Row[] = [["TC", "Tổng thể", 100, 1, null]];

const DEFAULT_PRIZES: readonly Row[] = [
  [null, "Nhất", 1, 1_000_000],
  [null, "Nhì", 1, 500_000],
];

function judgesOf(scores: readonly Row[]): JudgeSpec[] {
  const codes: string[] = [];
  for (const r of scores) {
    const code = String(r[1]);
    if (!codes.some((c) => c.toUpperCase() === code.toUpperCase())) codes.push(code);
  }
  return codes.map((code) => ({ code }));
}

/** The seven input sheets of a judged contest. */
export function contestSheets(spec: ContestSpec): Map<string, Grid> {
  const pairs = spec.settings ?? [];
  const settings: Grid = [["Mục", "Giá trị"]];
  if (!pairs.some(([k]) => k === "Tên cuộc thi")) settings.push(["Tên cuộc thi", "Hội thi thử nghiệm"]);
  for (const [k, v] of pairs) settings.push([k, v]);
  const criteria = spec.criteria ?? ONE_CRITERION;
  const judges = spec.judges ?? judgesOf(spec.scores);
  return new Map<string, Grid>([
    ["Cuộc thi", settings],
    ["Đơn vị", [["Mã đơn vị", "Tên đơn vị", "Bắt buộc", "Số bài tối thiểu"], ...(spec.units ?? DEFAULT_UNITS).map((r) => [...r])]],
    [
      "Bài dự thi",
      [
        ["Mã bài", "Tên bài", "Hạng mục", "Mã đơn vị", "Tác giả", "Ngày nhận", "Trạng thái"],
        ...spec.entries.map((e): Cell[] => [e.code, e.title ?? `Bài ${e.code}`, e.category ?? null, e.unit ?? "U1", e.authors ?? `Tác giả ${e.code}`, e.received ?? null, e.status ?? null]),
      ],
    ],
    ["Giám khảo", [["Mã GK", "Họ tên", "Mã đơn vị", "Hạng mục"], ...judges.map((j): Cell[] => [j.code, `Giám khảo ${j.code}`, j.unit ?? null, j.categories ?? null])]],
    ["Tiêu chí", [["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số", "Hạng mục"], ...criteria.map((r) => [...r])]],
    ["Điểm", [["Mã bài", "Mã GK", ...criteria.map((r) => String(r[0])), ...(spec.extraScoreHeaders ?? [])], ...spec.scores.map((r) => [...r])]],
    ["Cơ cấu giải", [["Hạng mục", "Giải", "Số lượng", "Mức thưởng"], ...(spec.prizes ?? DEFAULT_PRIZES).map((r) => [...r])]],
  ]);
}

/**
 * Score rows of a one-criterion contest: entry → one value per judge (GK1, GK2, … in order).
 * `undefined` means the judge has no row for that entry.
 */
export function panelScores(byEntry: Readonly<Record<string, readonly (Cell | undefined)[]>>, judges?: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (const [entry, values] of Object.entries(byEntry)) {
    values.forEach((v, i) => {
      if (v !== undefined) rows.push([entry, judges?.[i] ?? `GK${i + 1}`, v]);
    });
  }
  return rows;
}

export function runSpec(spec: ContestSpec): ContestRun {
  return runContest(contestSheets(spec));
}

/** Every entry result of a run, in output order (categories in order, ranked ones first). */
export function allResults(run: ContestRun): EntryResult[] {
  return run.result.categories.flatMap((c) => [...c.entries]);
}

export function resultOf(run: ContestRun, code: string): EntryResult {
  const found = allResults(run).find((r) => r.entry.code === code);
  if (found === undefined) throw new Error(`no result for ${code}`);
  return found;
}

/** [code, rank] in output order; rank undefined for entries that are not ranked. */
export function rankTable(run: ContestRun, categoryName?: string): [string, number | undefined][] {
  const cats = run.result.categories.filter((c) => categoryName === undefined || c.name === categoryName);
  return cats.flatMap((c) => c.entries.map((r): [string, number | undefined] => [r.entry.code, r.rank]));
}

/** [code, award label] for each entry of a run, in output order: the prize name, `Chờ …` or "". */
export function awardTable(run: ContestRun, categoryName?: string): [string, string][] {
  const cats = run.result.categories.filter((c) => categoryName === undefined || c.name === categoryName);
  return cats.flatMap((c) =>
    c.entries.map((r): [string, string] => [
      r.entry.code,
      r.award.kind === "prize" ? r.award.prize.name : r.award.kind === "pending" ? `Chờ: ${r.award.atStake.map((l) => l.name).join("/")}${r.award.mayGetNothing ? "/không giải" : ""}` : "",
    ]),
  );
}

export interface ShownProblem {
  readonly severity: string;
  readonly at: string;
  readonly text: string;
}

/** Problems as `Kiểm tra` shows them: `Lỗi`/`Cảnh báo`, sheet!cell, message. */
export function shownProblems(run: ContestRun, lang: Lang = "vi"): ShownProblem[] {
  return run.problems.map((p) => ({ severity: say(SEVERITY_LABEL[p.severity], lang), at: problemAddress(p), text: say(p.text, lang) }));
}

export function problemsAt(run: ContestRun, address: string): ShownProblem[] {
  return shownProblems(run).filter((p) => p.at === address);
}

export function outputSheet(run: ContestRun, name: string): OutputSheet {
  const sheet = contestOutputs(run).find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no output sheet ${name}`);
  return sheet;
}

/** Rows of `Kết quả` keyed by the contract's headers. */
export function resultRows(run: ContestRun): Record<string, Cell>[] {
  const [header, ...rows] = outputSheet(run, "Kết quả").rows;
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i] ?? null])));
}

import { type Cell, type Grid, isBlankRow } from "../cells/cell.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import type { ContestLedger, Criterion, Entry, Judge } from "../ledger/model.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { printLayout } from "../ledger/print-layout.js";
import type { Problem } from "../ledger/problem.js";
import { SCORES_SHEET } from "../ledger/schema.js";
import { toPlainText } from "../cells/exact.js";
import { formatDecimalVi } from "../vn/format.js";
import { criteriaFor, isConflict, isScorable, judgeScoresCategory } from "../scoring/judge-totals.js";
import { fingerprint } from "../util/fingerprint.js";
import type { ContestRun } from "./contest-run.js";

export const JUDGE_SCORE_SHEET = "Phiếu chấm";
export const JUDGE_GUIDE_SHEET = "Hướng dẫn";
/** A very hidden sheet tying a judge's workbook to its ledger. */
export const JUDGE_META_SHEET = "_thidua";
export const JUDGE_META_VERSION = "thidua-phieu-cham-1";
export const ENTRY_CODE_HEADER = "Mã bài";
const FIXED_HEADERS = [ENTRY_CODE_HEADER, "Tên bài", "Hạng mục"];
/** The judge's own total per entry: a sum the sheet computes, never read back (the ledger recomputes every total). */
export const TOTAL_HEADER = "Tổng";
const BLANK_DAY = "…";

export interface JudgeMeta {
  readonly version: string;
  readonly contest: string;
  readonly judge: string;
  readonly entries: string;
  readonly rubric: string;
}

export interface JudgeWorkbook {
  readonly judge: Judge;
  readonly fileName: string;
  readonly sheets: readonly OutputSheet[];
  readonly meta: OutputSheet;
}

export function entriesFingerprint(entryCodes: readonly string[]): string {
  return fingerprint(entryCodes.map((c) => codeKey(c)).sort());
}

export function rubricFingerprint(criteria: readonly Criterion[]): string {
  return fingerprint(criteria.map((c) => `${c.key}|${toPlainText(c.max)}|${toPlainText(c.weight)}|${c.categoryKey ?? ""}`).sort());
}

/** Entries a judge is to score: scorable, in their categories, not of their own unit. */
export function entriesForJudge(ledger: ContestLedger, judge: Judge): Entry[] {
  return [...ledger.entries.values()].filter((e) => isScorable(e) && judgeScoresCategory(judge, e.categoryKey) && !isConflict(judge, e));
}

/** One judge's scoring: what is expected, scored, missing, and which cells are wrong. */
export interface JudgeProgress {
  readonly judge: Judge;
  readonly expected: readonly Entry[];
  /** Expected entries with a valid total from this judge. */
  readonly scored: readonly Entry[];
  /** Expected entries with no row of this judge in `Điểm`. */
  readonly missing: readonly Entry[];
  /** Errors among `problems` on this judge's rows of `Điểm`. */
  readonly invalid: readonly Problem[];
}

/** Scoring progress of every judge, in ledger order; `problems` are a run's, in the order to show them. */
export function judgeProgress(run: ContestRun): JudgeProgress[] {
  const { ledger, problems } = run;
  // Judge key → entry keys: with a valid total (the run's own totals), and with any row of `Điểm`.
  const scoredBy = new Map<string, Set<string>>();
  for (const [entryKey, totals] of run.result.totals) {
    for (const t of totals) keysOf(scoredBy, t.judgeKey).add(entryKey);
  }
  const rowsBy = new Map<string, Set<string>>();
  // Each row of `Điểm` is one score row, so a row belongs to one judge.
  const judgeOfRow = new Map<number, string>();
  for (const s of ledger.scores) {
    keysOf(rowsBy, s.judgeKey).add(s.entryKey);
    judgeOfRow.set(s.row, s.judgeKey);
  }
  const scoresSheet = ledger.sheetNames.get(SCORES_SHEET.name) ?? SCORES_SHEET.name;
  const invalidBy = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.severity !== "error" || p.sheet !== scoresSheet || p.row === undefined) continue;
    const judgeKey = judgeOfRow.get(p.row);
    if (judgeKey === undefined) continue;
    const list = invalidBy.get(judgeKey);
    if (list === undefined) invalidBy.set(judgeKey, [p]);
    else list.push(p);
  }
  return [...ledger.judges.values()].map((judge) => {
    const expected = entriesForJudge(ledger, judge);
    const scored = scoredBy.get(judge.key);
    const withRow = rowsBy.get(judge.key);
    return {
      judge,
      expected,
      scored: expected.filter((e) => scored?.has(e.key) === true),
      missing: expected.filter((e) => withRow?.has(e.key) !== true),
      invalid: invalidBy.get(judge.key) ?? [],
    };
  });
}

function keysOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

/** Criteria that apply to any of the given entries, in rubric order. */
export function criteriaForEntries(ledger: ContestLedger, entries: readonly Entry[]): Criterion[] {
  const keys = new Set<string>();
  for (const categoryKey of new Set(entries.map((e) => e.categoryKey))) {
    for (const c of criteriaFor(ledger, categoryKey)) keys.add(c.key);
  }
  return [...ledger.criteria.values()].filter((c) => keys.has(c.key));
}

export function safeFileName(text: string): string {
  return (
    foldKey(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "giam-khao"
  );
}

/** Where a scoring sheet's table is: its header row (the one starting with `Mã bài`), the rows of entries (to the first blank row), each criterion code's column. */
export interface ScoreTable {
  readonly headerRow: number;
  readonly header: readonly Cell[];
  /** 0-based rows of the entries: `first` inclusive, `end` exclusive. */
  readonly first: number;
  readonly end: number;
  /** Column of each header code (a criterion's header is its code, then its name and maximum on further lines), by `codeKey`. */
  readonly columns: ReadonlyMap<string, number>;
}

export function scoreTableOf(grid: Grid): ScoreTable {
  const headerRow = Math.max(
    0,
    grid.findIndex((r) => foldKey(cleanText(r[0])) === foldKey(ENTRY_CODE_HEADER)),
  );
  const header = grid[headerRow] ?? [];
  const blank = grid.findIndex((r, i) => i > headerRow && isBlankRow(r));
  const columns = new Map<string, number>();
  header.forEach((h, col) => {
    const key = codeKey(cleanText(h).split("\n")[0]);
    if (key !== "" && !columns.has(key)) columns.set(key, col);
  });
  return { headerRow, header, first: headerRow + 1, end: blank < 0 ? grid.length : blank, columns };
}

/**
 * Codes that differ only in punctuation or case (`GK.1`, `GK-1`, `gk 1`) fold to one file name; the
 * later ones get `-2`, `-3`… in ledger order, so no judge's workbook overwrites another's.
 */
export function distinctFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

/** One scoring workbook per judge: their entries, one column per criterion, only score cells editable. */
export function judgeWorkbooks(ledger: ContestLedger): JudgeWorkbook[] {
  const fileNames = distinctFileNames([...ledger.judges.values()].map((j) => safeFileName(j.code)));
  return [...ledger.judges.values()].map((judge, index) => {
    const entries = entriesForJudge(ledger, judge);
    const criteria = criteriaForEntries(ledger, entries);
    const meta: JudgeMeta = {
      version: JUDGE_META_VERSION,
      contest: ledger.settings.name,
      judge: judge.code,
      entries: entriesFingerprint(entries.map((e) => e.code)),
      rubric: rubricFingerprint(criteria),
    };
    return {
      judge,
      fileName: `phieu-cham-${fileNames[index]!}.xlsx`,
      sheets: [printLayout(scoreSheet(ledger, judge, entries, criteria)), printLayout(guideSheet(ledger, judge, criteria))],
      meta: metaSheet(meta),
    };
  });
}

/** Rows above the score table: the contest and the judge. */
const TITLE_ROWS = 2;

/**
 * The sheet a judge fills in and signs: the contest and the judge's name on top, each criterion's
 * name and maximum over its code, one row per entry with a total that adds itself up as the judge
 * types, and a signature line under the table.
 */
function scoreSheet(ledger: ContestLedger, judge: Judge, entries: readonly Entry[], criteria: readonly Criterion[]): OutputSheet {
  const first = FIXED_HEADERS.length;
  const totalCol = first + criteria.length;
  // Each criterion's column is headed by its code (what the import matches), then its name and maximum on further lines.
  const criterionHeader = (c: Criterion): string =>
    `${c.code}\n${c.name}\n(tối đa ${formatDecimalVi(toPlainText(c.max))}${c.weight.num === c.weight.den ? "" : `, hệ số ${formatDecimalVi(toPlainText(c.weight))}`})`;
  const rows: Grid = [[`PHIẾU CHẤM ĐIỂM — ${ledger.settings.name}`], [`Giám khảo: ${judge.name} (${judge.code})`], [...FIXED_HEADERS, ...criteria.map(criterionHeader), TOTAL_HEADER, "Ghi chú"]];
  for (const e of entries) {
    const applicable = new Set(criteriaFor(ledger, e.categoryKey).map((c) => c.key));
    rows.push([e.code, e.title, e.category, ...criteria.map((c) => (applicable.has(c.key) ? null : "—")), null, null]);
  }
  const lastEntry = TITLE_ROWS + entries.length;
  rows.push([], [null, `Ngày ${BLANK_DAY} tháng ${BLANK_DAY} năm ${BLANK_DAY}`], [null, "GIÁM KHẢO"], [null, "(Ký, ghi rõ họ tên)"], [], [], [null, judge.name]);
  return {
    name: JUDGE_SCORE_SHEET,
    rows,
    format: {
      headerRow: TITLE_ROWS,
      widths: [10, 50, 14, ...criteria.map(() => 12), 10, 30],
      numberFormats: [],
      boldRows: [0, 1, lastEntry + 3],
      decimalRanges: criteria.map((c, i) => ({ col: first + i, min: 0, max: Number(toPlainText(c.max)) })),
      protection: { unlockedColumns: [...criteria.map((_, i) => first + i), totalCol + 1] },
      ...(entries.length > 0 ? { rowSums: { col: totalCol, terms: criteria.map((c, i) => ({ col: first + i, weight: toPlainText(c.weight) })), lastRow: lastEntry } } : {}),
    },
  };
}

function guideSheet(ledger: ContestLedger, judge: Judge, criteria: readonly Criterion[]): OutputSheet {
  return {
    name: JUDGE_GUIDE_SHEET,
    rows: [
      [`PHIẾU CHẤM ĐIỂM — ${ledger.settings.name}`],
      [`Giám khảo: ${judge.name} (${judge.code})`],
      [
        "Nhập điểm từng tiêu chí vào trang “Phiếu chấm” (dùng dấu phẩy hoặc dấu chấm cho phần thập phân), lưu tệp và gửi lại Tổ thư ký. Không sửa mã bài, không thêm hay xóa dòng, cột. Cột “Tổng” tự cộng.",
      ],
      [],
      ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số", "Hạng mục"],
      ...criteria.map((c): Cell[] => [c.code, c.name, Number(toPlainText(c.max)), Number(toPlainText(c.weight)), c.categoryKey === undefined ? "Tất cả" : categoryName(ledger, c.categoryKey)]),
    ],
    format: { headerRow: 4, widths: [12, 60, 12, 8, 14], numberFormats: [], boldRows: [0, 1] },
  };
}

function categoryName(ledger: ContestLedger, key: string): string {
  return ledger.categories.get(key) ?? key;
}

function metaSheet(meta: JudgeMeta): OutputSheet {
  return {
    name: JUDGE_META_SHEET,
    rows: Object.entries(meta).map(([k, v]) => [k, v]),
    format: { headerRow: 0, widths: [12, 40], numberFormats: [], boldRows: [] },
  };
}

const META_KEYS: readonly (keyof JudgeMeta)[] = ["version", "contest", "judge", "entries", "rubric"];

/** Reads the metadata sheet; undefined when it is absent or not ours. Never builds objects from untrusted keys. */
export function readJudgeMeta(grid: Grid | undefined): JudgeMeta | undefined {
  if (!grid) return undefined;
  const values = new Map<string, string>();
  for (const row of grid) values.set(cleanText(row[0]), cleanText(row[1]));
  if (values.get("version") !== JUDGE_META_VERSION) return undefined;
  const [version, contest, judge, entries, rubric] = META_KEYS.map((k) => values.get(k) ?? "");
  return { version: version!, contest: contest!, judge: judge!, entries: entries!, rubric: rubric! };
}

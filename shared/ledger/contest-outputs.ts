import type { Cell, Grid } from "../cells/cell.js";
import { printLayout } from "./print-layout.js";
import { type Lang, type Msg, say } from "../i18n/messages.js";
import type { Award } from "../prizes/allocate.js";
import type { CategoryResult, ContestResult, EntryResult } from "../scoring/contest-results.js";
import { awardAmount } from "../scoring/contest-results.js";
import { type Exact, toFixedText } from "../cells/exact.js";
import type { UnitSummary } from "../scoring/unit-summary.js";
import { type ThousandWord, amountInWords } from "../vn/words.js";
import type { ContestLedger } from "./model.js";
import { NUMBER_FORMAT, type OutputSheet } from "./output-sheet.js";
import { type Problem, SEVERITY_LABEL, problemAddress } from "./problem.js";
import { OUTPUT_SHEET_NAMES } from "./schema.js";

const num = (x: Exact | undefined, decimals: number): Cell => (x === undefined ? null : Number(toFixedText(x, decimals)));
const money = (a: bigint): Cell => Number(a);

export function awardLabel(a: Award): string {
  if (a.kind === "prize") return a.prize.name;
  if (a.kind === "pending") {
    const names = a.atStake.map((l) => l.name).concat(a.mayGetNothing ? ["không giải"] : []);
    return `Chờ quyết định (${names.join(" / ")})`;
  }
  return "";
}

function unitName(ledger: ContestLedger, r: EntryResult): string {
  return ledger.units.get(r.entry.unitKey)?.name ?? r.entry.unitCode;
}

export const RESULTS_HEADER = ["Hạng mục", "Hạng", "Mã bài", "Tên bài", "Đơn vị", "Tác giả", "Số GK", "Điểm", "Chênh lệch", "Giải", "Ghi chú"];

export function resultsSheet(ledger: ContestLedger, result: ContestResult): OutputSheet {
  const d = ledger.settings.decimals;
  const rows: Grid = [RESULTS_HEADER];
  for (const c of result.categories) {
    for (const r of c.entries) {
      rows.push([c.name, r.rank ?? null, r.entry.code, r.entry.title, unitName(ledger, r), r.entry.authors, r.judgeCount, num(r.score, d), num(r.spread, d), awardLabel(r.award), r.flags.join("; ")]);
    }
  }
  const decimals = NUMBER_FORMAT.decimals(d);
  return {
    name: OUTPUT_SHEET_NAMES.results,
    rows,
    format: {
      headerRow: 0,
      widths: [14, 7, 10, 48, 30, 28, 7, 9, 11, 16, 40],
      numberFormats: [undefined, "0", undefined, undefined, undefined, undefined, "0", decimals, decimals, undefined, undefined],
      boldRows: [],
    },
  };
}

/** The `Tổng cộng` row (amount in column `amountCol`) and the `Bằng chữ:` row that close a prize list. */
export function totalRows(amount: bigint, amountCol: number, thousandWord: ThousandWord): Cell[][] {
  const total: Cell[] = ["Tổng cộng", ...new Array<Cell>(amountCol - 1).fill(null), money(amount)];
  return [total, ["Bằng chữ:", amountInWords(amount, thousandWord)]];
}

export const PRIZE_LIST_HEADER = ["TT", "Hạng mục", "Giải", "Mã bài", "Tên bài", "Tác giả", "Đơn vị", "Điểm", "Số tiền"];

export function provisionalBanner(errorCount: number): string {
  return `KẾT QUẢ TẠM TÍNH: còn ${errorCount} lỗi trong trang “Kiểm tra” cần xử lý trước khi công bố.`;
}

/** The parts of a list printed for signing; see `printedListSheet`. */
export interface PrintedList {
  readonly name: string;
  readonly heading: string;
  /** Name and year (year may be blank) of the contest, shown as the title under the heading. */
  readonly contest: string;
  readonly year: string;
  /** Shown in red under the title (provisional or pending result), or no banner. */
  readonly banner: string | null;
  readonly header: Cell[];
  readonly body: Grid;
  /** Total rows after the table, set in bold. */
  readonly closing: Grid;
  readonly widths: readonly number[];
  readonly numberFormats: readonly (string | undefined)[];
}

/** A list printed A4 landscape: heading, title and banner rows, the table with its header at row 3, then the totals. */
export function printedListSheet(p: PrintedList): OutputSheet {
  const title = [p.contest, p.year ? `năm ${p.year}` : ""].filter((x) => x !== "").join(" ");
  const rows: Grid = [[p.heading], [title], [p.banner], p.header, ...p.body];
  const closingRow = rows.length;
  rows.push(...p.closing);
  return {
    name: p.name,
    rows,
    format: {
      headerRow: 3,
      widths: p.widths,
      numberFormats: p.numberFormats,
      boldRows: [0, 1, ...p.closing.map((_, i) => closingRow + i)],
      alertRows: p.banner === null ? [] : [2],
      print: { paper: "A4", orientation: "landscape" },
    },
  };
}

function levelIndex(c: CategoryResult, r: EntryResult): number {
  if (r.award.kind === "prize") return c.levels.indexOf(r.award.prize);
  return c.levels.length;
}

export function prizeListSheet(ledger: ContestLedger, result: ContestResult, errorCount: number): OutputSheet {
  const s = ledger.settings;
  const body: Grid = [];
  let tt = 0;
  for (const c of result.categories) {
    const winners = c.entries
      .filter((r) => r.award.kind !== "none")
      .map((r, i) => ({ r, i }))
      .sort((a, b) => levelIndex(c, a.r) - levelIndex(c, b.r) || a.i - b.i)
      .map((x) => x.r);
    for (const r of winners) {
      body.push([
        ++tt,
        c.name,
        awardLabel(r.award),
        r.entry.code,
        r.entry.title,
        r.entry.authors,
        unitName(ledger, r),
        num(r.score, s.decimals),
        r.award.kind === "prize" ? money(awardAmount(r.award)) : null,
      ]);
    }
  }
  return printedListSheet({
    name: OUTPUT_SHEET_NAMES.prizeList,
    heading: "DANH SÁCH CÁC BÀI DỰ THI ĐẠT GIẢI",
    contest: s.name,
    year: s.year,
    banner: errorCount > 0 ? provisionalBanner(errorCount) : null,
    header: PRIZE_LIST_HEADER,
    body,
    closing: totalRows(result.totalAmount, PRIZE_LIST_HEADER.length - 1, s.thousandWord),
    widths: [10, 14, 14, 9, 44, 26, 28, 8, 14],
    numberFormats: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, NUMBER_FORMAT.decimals(s.decimals), NUMBER_FORMAT.money],
  });
}

export const UNIT_SUMMARY_HEADER = ["Mã đơn vị", "Tên đơn vị", "Bắt buộc", "Số bài nộp", "Số bài hợp lệ", "Chỉ tiêu", "Số giải", "Tiền thưởng"];

export function unitSummarySheet(summaries: readonly UnitSummary[]): OutputSheet {
  const rows: Grid = [UNIT_SUMMARY_HEADER];
  for (const u of summaries) {
    rows.push([u.unit.code, u.unit.name, u.unit.mandatory ? "Có" : "Không", u.submitted, u.valid, u.meetsQuota ? "Đạt" : "Chưa đạt", u.prizes, money(u.amount)]);
  }
  return {
    name: OUTPUT_SHEET_NAMES.unitSummary,
    rows,
    format: {
      headerRow: 0,
      widths: [12, 40, 9, 10, 12, 10, 8, 14],
      numberFormats: [undefined, undefined, undefined, "0", "0", undefined, "0", NUMBER_FORMAT.money],
      boldRows: [],
    },
  };
}

export const PROBLEMS_HEADER = ["Mức độ", "Vị trí", "Nội dung"];
export const NO_PROBLEMS: Msg = { vi: "Không phát hiện lỗi hay cảnh báo nào.", en: "No errors or warnings found." };

export function problemsSheet(problems: readonly Problem[], lang: Lang = "vi"): OutputSheet {
  const rows: Grid = [PROBLEMS_HEADER];
  for (const p of problems) rows.push([say(SEVERITY_LABEL[p.severity], lang), problemAddress(p), say(p.text, lang)]);
  if (problems.length === 0) rows.push([null, null, say(NO_PROBLEMS, lang)]);
  return printLayout({
    name: OUTPUT_SHEET_NAMES.problems,
    rows,
    format: { headerRow: 0, widths: [10, 22, 60], numberFormats: [], boldRows: [] },
  });
}

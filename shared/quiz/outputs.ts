import type { Cell, Grid } from "../cells/cell.js";
import { partsOfInstant } from "../cells/date.js";
import { awardLabel, printedListSheet, provisionalBanner, totalRows } from "../ledger/contest-outputs.js";
import { NUMBER_FORMAT, type OutputSheet } from "../ledger/output-sheet.js";
import { toFixedText } from "../cells/exact.js";
import { type Lang, say } from "../i18n/messages.js";
import { formatDateTime, formatMoney } from "../vn/format.js";
import { formatDuration, periodDisplay, unscale } from "./fields.js";
import type { UnitParticipation } from "./participation.js";
import type { QuizRun } from "./run.js";
import { EXCLUDED_SHEET, QUIZ_OUTPUT_NAMES } from "./schema.js";
import type { QuizSetup } from "./setup.js";
import type { PeriodOutcome, TieLevel, WeeklyWinner } from "./weekly.js";

export const WEEKLY_HEADER = ["Tuần", "Giải", "Mã thí sinh", "Họ tên", "Đơn vị", "Điểm", "Thời gian làm bài", "Số tiền", "Dự đoán", "Thời điểm nộp", "Ghi chú"];

const SETTLED_TEXT: Record<TieLevel, string> = {
  prediction: "bằng điểm, phân định bằng dự đoán gần đáp án hơn",
  duration: "bằng điểm, phân định bằng thời gian làm bài",
  submitted: "bằng điểm, phân định bằng thời điểm nộp",
  none: "đồng hạng sau mọi tiêu chí phụ",
};

export function winnerNote(w: WeeklyWinner): string {
  const notes: string[] = [];
  if (w.settledBy !== undefined) notes.push(SETTLED_TEXT[w.settledBy]);
  if (w.award.kind === "pending") notes.push("chờ Hội đồng quyết định");
  return notes.join("; ");
}

function unitLabel(setup: QuizSetup, unitKey: string, unitCode: string): string {
  return setup.units.get(unitKey)?.name ?? unitCode;
}

/** `Giải tuần`: every period's winners in rank order, then the total in figures and in words. */
export function weeklySheet(setup: QuizSetup, periods: readonly PeriodOutcome[], totalAmount: bigint, errorCount: number): OutputSheet {
  const body: Grid = [];
  for (const p of periods) {
    const label = periodDisplay(p.period.label);
    if (p.winners.length === 0) {
      body.push([label, null, null, null, null, null, null, null, null, null, p.participants === 0 ? "chưa có lượt thi" : "không có thí sinh đủ điều kiện nhận giải"]);
      continue;
    }
    for (const w of p.winners) {
      const c = w.candidate.counted;
      const person = w.candidate.participant;
      body.push([
        label,
        awardLabel(w.award),
        person.code,
        person.name,
        unitLabel(setup, person.unitKey, person.unitCode),
        unscale(c.score),
        c.ms === undefined ? null : formatDuration(c.ms),
        w.award.kind === "prize" ? Number(w.award.prize.amount) : null,
        c.prediction === undefined ? null : unscale(c.prediction),
        c.submitted === undefined ? null : formatDateTime(partsOfInstant(c.submitted)),
        winnerNote(w),
      ]);
    }
  }
  return printedListSheet({
    name: QUIZ_OUTPUT_NAMES.weekly,
    heading: "DANH SÁCH GIẢI TUẦN PHẦN THI TRẮC NGHIỆM",
    contest: setup.contestName,
    year: setup.year,
    banner: errorCount > 0 ? provisionalBanner(errorCount) : null,
    header: WEEKLY_HEADER,
    body,
    closing: totalRows(totalAmount, 7, setup.thousandWord),
    widths: [9, 14, 16, 26, 30, 7, 10, 14, 9, 20, 44],
    numberFormats: [undefined, undefined, NUMBER_FORMAT.text, undefined, undefined, "0.##", undefined, NUMBER_FORMAT.money, "#,##0.##", undefined, undefined],
  });
}

export const PARTICIPATION_HEADER = ["Mã đơn vị", "Số CBCCVC", "Số người tham gia", "Tỷ lệ tham gia", "Điểm trung bình", "Số lượt điểm 0"];

/** Rate as a fraction rounded to 4 places (shown as a percentage with 2 decimals). */
export function rateCell(u: UnitParticipation): Cell {
  return u.rate === undefined ? null : Number(toFixedText(u.rate, 4));
}

export function meanCell(u: UnitParticipation, decimals: number): Cell {
  return u.mean === undefined ? null : Number(toFixedText(u.mean, decimals));
}

/**
 * `Tham gia đơn vị`: the columns of ledger.md, one count per period (headed by the period), then
 * the unit's name (units found only in the attempts are marked).
 */
export function participationSheet(setup: QuizSetup, periodLabels: readonly string[], units: readonly UnitParticipation[]): OutputSheet {
  const periodHeaders = periodLabels.map(periodDisplay);
  const rows: Grid = [[...PARTICIPATION_HEADER, ...periodHeaders, "Tên đơn vị"]];
  for (const u of units) {
    rows.push([u.code, u.staff ?? null, u.participants, rateCell(u), meanCell(u, setup.decimals), u.zeros, ...u.perPeriod, u.known ? u.name : "(không có trong trang “Đơn vị”)"]);
  }
  if (setup.excluded.size > 0) {
    rows.push([], [`Người trong trang “${EXCLUDED_SHEET.name}” (ban tổ chức, giám khảo, tổ thư ký…) không được tính vào số người dự thi, tỷ lệ tham gia, điểm bình quân và số bài 0 điểm của đơn vị.`]);
  }
  const n = periodLabels.length;
  return {
    name: QUIZ_OUTPUT_NAMES.participation,
    rows,
    format: {
      headerRow: 0,
      widths: [12, 10, 11, 10, 10, 9, ...periodLabels.map(() => 9), 40],
      numberFormats: [
        NUMBER_FORMAT.text,
        NUMBER_FORMAT.integer,
        NUMBER_FORMAT.integer,
        "0.00%",
        NUMBER_FORMAT.decimals(setup.decimals),
        NUMBER_FORMAT.integer,
        ...Array.from({ length: n }, () => NUMBER_FORMAT.integer),
        undefined,
      ],
      boldRows: [],
    },
  };
}

/** The one line a host shows about the quiz after `Tính kết quả`: what was read, the prizes, the grand total, the quiz's errors. */
export function quizSummaryLine(run: QuizRun, lang: Lang): string {
  const weekly = run.periods.reduce((n, p) => n + p.winners.filter((w) => w.award.kind !== "none").length, 0);
  const collective = run.collective ? run.collective.rows.filter((r) => r.award.kind !== "none").length : 0;
  const a = run.awarded;
  const errors = run.problems.errorCount;
  const collectiveVi = run.collective ? `; ${collective} giải tập thể (${formatMoney(a.collective)})` : "";
  const collectiveEn = run.collective ? `; ${collective} collective prizes (${formatMoney(a.collective)})` : "";
  const errorsVi = errors > 0 ? `; còn ${errors} lỗi ở phần trắc nghiệm — kết quả tạm tính` : "";
  const errorsEn = errors > 0 ? `; ${errors} errors remain in the quiz — provisional result` : "";
  return say(
    {
      vi: `Trắc nghiệm: ${run.attempts} lượt thi được tính (${run.rejected} dòng lỗi), ${run.participants} thí sinh, ${run.periods.length} tuần; ${weekly} giải tuần (${formatMoney(a.quiz)})${collectiveVi}; tổng tiền thưởng toàn cuộc thi ${formatMoney(a.total)}${errorsVi}.`,
      en: `Quiz: ${run.attempts} attempts counted (${run.rejected} bad rows), ${run.participants} participants, ${run.periods.length} periods; ${weekly} weekly prizes (${formatMoney(a.quiz)})${collectiveEn}; grand total of prize money ${formatMoney(a.total)}${errorsEn}.`,
    },
    lang,
  );
}

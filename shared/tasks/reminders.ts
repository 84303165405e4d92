/** Reminders to units below their entry quota: drafts in the usual administrative register, for a person to send. */
import { dayOfInstant, partsOfInstant } from "../cells/date.js";
import type { ContestSettings } from "../ledger/model.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { printLayout } from "../ledger/print-layout.js";
import { INTAKE_SHEET_NAMES } from "../ledger/schema.js";
import type { UnitSummary } from "../scoring/unit-summary.js";
import { formatDate, formatDay } from "../vn/format.js";

export const REMINDER_SHEET = INTAKE_SHEET_NAMES.reminders;
export const REMINDER_HEADER = ["Mã đơn vị", "Tên đơn vị", "Email", "Số bài đã nộp", "Số bài hợp lệ", "Số bài tối thiểu", "Nội dung nhắc (bản nháp)"];

export interface ReminderDraft {
  readonly unit: string;
  readonly name: string;
  readonly email: string;
  readonly text: string;
}

/** A ready-to-send reminder in the usual administrative register. Nothing is sent: a person copies it. */
export function reminderText(u: UnitSummary, s: ContestSettings, today: number): string {
  const contest = s.name === "" ? "cuộc thi" : `cuộc thi “${s.name}”`;
  const organiser = s.organizer === "" ? "Ban Tổ chức" : `Ban Tổ chức (${s.organizer})`;
  const todayText = formatDate(partsOfInstant(today));
  const counted = u.submitted > u.valid ? `đơn vị đã gửi ${u.submitted} bài, trong đó ${u.valid} bài hợp lệ` : `đơn vị có ${u.valid} bài dự thi hợp lệ`;
  const lines = [`Kính gửi: ${u.unit.name}.`, `${organiser} ${contest} xin thông báo: tính đến ngày ${todayText}, ${counted}, chưa đạt số bài tối thiểu là ${u.unit.quota}.`];
  if (s.closes !== undefined) {
    const closes = formatDay(s.closes);
    const closed = dayOfInstant(today) > s.closes;
    lines.push(
      closed
        ? `Thời hạn nhận bài đã kết thúc ngày ${closes}; đề nghị đơn vị báo cáo lý do chưa gửi đủ bài về Ban Tổ chức.`
        : `Đề nghị đơn vị khẩn trương hoàn thiện và gửi bài dự thi trước ngày ${closes} (hết hạn nhận bài).`,
    );
  } else {
    lines.push("Đề nghị đơn vị khẩn trương hoàn thiện và gửi bài dự thi về Ban Tổ chức.");
  }
  lines.push("Nếu đơn vị đã gửi bài, xin liên hệ Ban Tổ chức để đối chiếu.", "Trân trọng.");
  return lines.join("\n");
}

export function reminderDrafts(units: readonly UnitSummary[], s: ContestSettings, today: number): ReminderDraft[] {
  return units.filter((u) => !u.meetsQuota).map((u) => ({ unit: u.unit.code, name: u.unit.name, email: u.unit.email, text: reminderText(u, s, today) }));
}

export function reminderSheet(units: readonly UnitSummary[], drafts: readonly ReminderDraft[]): OutputSheet {
  const byCode = new Map(units.map((u) => [u.unit.code, u]));
  return printLayout({
    name: REMINDER_SHEET,
    rows: [
      REMINDER_HEADER,
      ...drafts.map((d) => {
        const u = byCode.get(d.unit)!;
        return [d.unit, d.name, d.email, u.submitted, u.valid, u.unit.quota, d.text];
      }),
    ],
    format: { headerRow: 0, widths: [12, 36, 28, 10, 10, 12, 90], numberFormats: [undefined, undefined, undefined, "0", "0", "0", undefined], boldRows: [] },
  });
}

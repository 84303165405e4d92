import type { Cell, Grid } from "../cells/cell.js";
import { dateOfDay } from "../cells/date.js";
import { printedListSheet, provisionalBanner } from "../ledger/contest-outputs.js";
import { NUMBER_FORMAT, type OutputSheet } from "../ledger/output-sheet.js";
import { toPlainText } from "../cells/exact.js";
import { amountInWords } from "../vn/words.js";
import { type CandidateResult, type EmulationResult } from "./evaluate.js";
import { formatDay } from "../vn/format.js";
import type { Candidate, EmulationLedger } from "./model.js";
import { ENTRY_TYPE_VALUES } from "../ledger/schema.js";
import { EMULATION_OUTPUT_NAMES } from "./schema.js";

const money = (a: bigint): Cell => Number(a);
const scoreCell = (c: Candidate): Cell => (c.score === undefined ? null : Number(toPlainText(c.score)));

export function unitNameOf(ledger: EmulationLedger, c: Candidate): string {
  return ledger.units.get(c.unitKey) ?? c.unitCode;
}

export function typeLabel(c: Candidate): string {
  return c.type === undefined ? "" : ENTRY_TYPE_VALUES[c.type];
}

/** `Ghi chú` of a listed candidate: why it is pending, or that it shares its rank. */
export function listNote(r: CandidateResult): string {
  if (r.outcome === "pending") return `Chờ Hội đồng quyết định: đồng Điểm tại ranh giới chỉ tiêu (còn ${r.seatsAtStake ?? 0} suất)`;
  return r.tied ? "đồng hạng" : "";
}

export function pendingBanner(count: number): string {
  return `CHỜ HỘI ĐỒNG QUYẾT ĐỊNH: ${count} đề nghị bằng Điểm tại ranh giới chỉ tiêu chưa được xếp vào danh sách chính thức.`;
}

export const AWARD_LIST_HEADER = ["TT", "Cấp khen", "Loại", "Mã", "Tên", "Đơn vị", "Điểm", "Số tiền", "Ghi chú"];

/** Count of collectives and individuals in words a secretariat writes: "01 tập thể, 03 cá nhân". */
export function countsText(listed: readonly CandidateResult[]): string {
  const n = (t: "collective" | "individual"): number => listed.filter((r) => r.candidate.type === t).length;
  const two = (x: number): string => String(x).padStart(2, "0");
  const parts: string[] = [];
  if (n("collective") > 0) parts.push(`${two(n("collective"))} tập thể`);
  if (n("individual") > 0) parts.push(`${two(n("individual"))} cá nhân`);
  return parts.join(", ") || "không có";
}

export function awardListSheet(ledger: EmulationLedger, result: EmulationResult, errorCount: number): OutputSheet {
  const banner = errorCount > 0 ? provisionalBanner(errorCount) : result.pendingCount > 0 ? pendingBanner(result.pendingCount) : null;
  const body: Grid = [];
  let tt = 0;
  const awarded: CandidateResult[] = [];
  for (const q of result.quotas) {
    for (const r of q.listed) {
      const c = r.candidate;
      if (r.outcome === "awarded") awarded.push(r);
      body.push([
        r.outcome === "awarded" ? ++tt : null,
        q.quota.level,
        ENTRY_TYPE_VALUES[q.quota.type],
        c.code,
        c.name,
        unitNameOf(ledger, c),
        scoreCell(c),
        r.outcome === "awarded" && q.quota.amount !== undefined ? money(q.quota.amount) : null,
        listNote(r),
      ]);
    }
  }
  const closing: Grid = [["Tổng cộng", null, null, null, countsText(awarded), null, null, money(result.totalAmount), null]];
  if (result.totalAmount > 0n) closing.push(["Bằng chữ:", amountInWords(result.totalAmount, ledger.settings.thousandWord)]);
  return printedListSheet({
    name: EMULATION_OUTPUT_NAMES.awardList,
    heading: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
    contest: ledger.settings.name,
    year: ledger.settings.year,
    banner,
    header: AWARD_LIST_HEADER,
    body,
    closing,
    widths: [5, 24, 10, 8, 36, 28, 8, 14, 36],
    numberFormats: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, NUMBER_FORMAT.money, undefined],
  });
}

export const NOT_ELIGIBLE_HEADER = ["Mã", "Loại", "Tên", "Đơn vị", "Cấp khen", "Mã tiêu chí", "Tiêu chí không đạt", "Giá trị", "Yêu cầu"];

/** One row per failed criterion (or group of alternatives) of each candidate, and the candidates that could not be considered. */
export function notEligibleSheet(ledger: EmulationLedger, result: EmulationResult): OutputSheet {
  const rows: Grid = [NOT_ELIGIBLE_HEADER];
  for (const r of result.candidates) {
    const c = r.candidate;
    const lead: Cell[] = [c.code, typeLabel(c), c.name, unitNameOf(ledger, c), c.level];
    for (const f of r.failures) rows.push([...lead, f.codes, f.text, f.value, f.requirement]);
    if (r.outcome === "notConsidered") rows.push([...lead, null, r.reason ?? "", null, null]);
  }
  if (rows.length === 1) rows.push([null, null, null, null, null, null, "Mọi đề nghị đều đạt các tiêu chí.", null, null]);
  return {
    name: EMULATION_OUTPUT_NAMES.notEligible,
    rows,
    format: { headerRow: 0, widths: [8, 10, 32, 26, 22, 18, 60, 16, 24], numberFormats: [], boldRows: [] },
  };
}

export const OUTSIDE_QUOTA_HEADER = ["Mã", "Loại", "Tên", "Đơn vị", "Cấp khen", "Xếp thứ theo Điểm", "Điểm", "Chỉ tiêu", "Căn cứ"];

/** Candidates who meet every criterion and whose dossier is complete, ranked below their quota: with the quota's figure and its legal basis. */
export function outsideQuotaSheet(ledger: EmulationLedger, result: EmulationResult): OutputSheet {
  const rows: Grid = [OUTSIDE_QUOTA_HEADER];
  const byQuota = new Map(result.quotas.map((q) => [q.quota, q]));
  for (const r of result.candidates) {
    if (r.outcome !== "outsideQuota" || r.quota === undefined || r.rank === undefined) continue;
    const c = r.candidate;
    rows.push([c.code, typeLabel(c), c.name, unitNameOf(ledger, c), c.level, r.rank, scoreCell(c), byQuota.get(r.quota)?.seatsText ?? "", r.quota.basis ?? null]);
  }
  if (rows.length === 1) rows.push([null, null, null, null, null, null, null, "Không có đề nghị nào đủ tiêu chí nhưng ngoài chỉ tiêu.", null]);
  return {
    name: EMULATION_OUTPUT_NAMES.outsideQuota,
    rows,
    format: { headerRow: 0, widths: [8, 10, 32, 26, 22, 10, 8, 36, 40], numberFormats: [], boldRows: [] },
  };
}

export const DOSSIER_HEADER = ["Mã", "Loại", "Tên", "Đơn vị", "Cấp khen", "Hồ sơ còn thiếu", "Ngày nộp hồ sơ", "Hạn nộp", "Ghi chú"];

export function dossierSheet(ledger: EmulationLedger, result: EmulationResult): OutputSheet {
  const rows: Grid = [DOSSIER_HEADER];
  for (const r of result.candidates) {
    if (r.dossierMissing.length === 0 && !r.late && !r.noDate) continue;
    const c = r.candidate;
    const deadline = r.quota?.deadline;
    const notes: string[] = [];
    if (r.late && c.submitted !== undefined && deadline !== undefined) notes.push(`Nộp muộn ${c.submitted - deadline} ngày (hạn ${formatDay(deadline)})`);
    if (r.noDate) notes.push(c.submittedUnreadable ? "Ngày nộp hồ sơ không đọc được" : "Chưa có ngày nộp hồ sơ");
    rows.push([
      c.code,
      typeLabel(c),
      c.name,
      unitNameOf(ledger, c),
      c.level,
      r.dossierMissing.join(", "),
      c.submitted === undefined ? null : dateOfDay(c.submitted),
      deadline === undefined ? null : dateOfDay(deadline),
      notes.join("; "),
    ]);
  }
  if (rows.length === 1) rows.push([null, null, null, null, null, "Không có hồ sơ nào thiếu hoặc nộp muộn.", null, null, null]);
  return {
    name: EMULATION_OUTPUT_NAMES.dossier,
    rows,
    format: {
      headerRow: 0,
      widths: [8, 10, 32, 26, 22, 40, 14, 12, 36],
      numberFormats: [undefined, undefined, undefined, undefined, undefined, undefined, NUMBER_FORMAT.date, NUMBER_FORMAT.date, undefined],
      boldRows: [],
    },
  };
}

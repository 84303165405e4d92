/**
 * The emulation-review part of the workbook contract (ledger.md, "An emulation review"): sheet names,
 * headers and their English aliases. The candidates sheet also has one column per award criterion,
 * headed by the criterion's code.
 */
import type { ColumnDef, SheetDef } from "../ledger/schema.js";

function col(key: string, vi: string, kind: ColumnDef["kind"], extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, vi, en: key, kind, ...extra };
}

export const CANDIDATES_SHEET: SheetDef = {
  name: "Đề nghị khen thưởng",
  en: "Candidates",
  columns: [
    col("candidate", "Mã", "code", { required: true, width: 8, aliases: ["Mã đề nghị"] }),
    col("type", "Loại", "entryType", { required: true, width: 10 }),
    col("name", "Tên", "text", { required: true, width: 34, aliases: ["Họ tên", "Tên tập thể, cá nhân"] }),
    // Not in ledger.md: one identity across levels and forms (staff number, ID card, unit code).
    col("identity", "Mã định danh", "code", { width: 14, aliases: ["Số định danh", "Mã cán bộ"] }),
    col("unit", "Mã đơn vị", "code", { width: 12 }),
    col("level", "Cấp khen", "text", { required: true, width: 24 }),
    col("proposal", "Tờ trình", "yesno", { width: 9 }),
    col("minutes", "Biên bản họp", "yesno", { width: 10 }),
    col("report", "Báo cáo thành tích", "yesno", { width: 12 }),
    col("submitted", "Ngày nộp hồ sơ", "date", { width: 14 }),
    col("score", "Điểm", "decimal", { width: 8 }),
    col("note", "Ghi chú", "text", { width: 24 }),
  ],
};

/** The dossier items of seed 003 ("Hồ sơ đề nghị khen thưởng"), in the order they are listed. */
export const DOSSIER_ITEMS = [
  { key: "proposal", vi: "Tờ trình" },
  { key: "minutes", vi: "Biên bản họp" },
  { key: "report", vi: "Báo cáo thành tích" },
] as const;
export type DossierKey = (typeof DOSSIER_ITEMS)[number]["key"];

export const AWARD_CRITERIA_SHEET: SheetDef = {
  name: "Tiêu chí khen thưởng",
  en: "Award criteria",
  columns: [
    col("criterion", "Mã tiêu chí", "code", { required: true, width: 14 }),
    col("content", "Nội dung", "text", { required: true, width: 60 }),
    col("appliesTo", "Áp dụng cho", "entryType", { width: 12 }),
    col("kind", "Kiểu", "text", { required: true, width: 10 }),
    col("threshold", "Ngưỡng", "decimal", { width: 8 }),
    col("group", "Nhóm", "text", { width: 12 }),
    // Not in ledger.md: the criterion is the rank gained since last year on the criterion named here, read from `Thứ hạng năm trước`.
    col("gainOf", "Tăng bậc từ tiêu chí", "code", { width: 14 }),
  ],
};

/** Last year's ranks of the units, kept by `thidua new-year`: `Mã đơn vị` · `Tên đơn vị` · one column per rank criterion (its code). Not in ledger.md. */
export const LAST_RANKS_SHEET: SheetDef = {
  name: "Thứ hạng năm trước",
  en: "Last year's ranks",
  columns: [
    { key: "unit", vi: "Mã đơn vị", en: "unit", kind: "code", required: true, width: 12 },
    { key: "name", vi: "Tên đơn vị", en: "name", kind: "text", width: 40 },
  ],
};

export const QUOTAS_SHEET: SheetDef = {
  name: "Chỉ tiêu khen thưởng",
  en: "Award quotas",
  columns: [
    col("level", "Cấp khen", "text", { required: true, width: 24 }),
    col("type", "Loại", "entryType", { required: true, width: 10 }),
    // A count, or "Không giới hạn" (no limit); may be blank when `Tỷ lệ tối đa` is given.
    col("count", "Số lượng", "text", { required: true, width: 12 }),
    col("kind", "Loại khen", "text", { width: 20, aliases: ["Danh hiệu / hình thức"] }),
    // Not in ledger.md: a cap as a share of a named base, and the legal basis of each figure.
    col("share", "Tỷ lệ tối đa", "text", { width: 10, aliases: ["Tỷ lệ"] }),
    col("base", "Cơ sở tính tỷ lệ", "text", { width: 28, aliases: ["Cơ sở tính"] }),
    col("basis", "Căn cứ", "text", { width: 40, aliases: ["Căn cứ pháp lý"] }),
    col("deadline", "Hạn nộp", "date", { width: 12 }),
    // Not in ledger.md: the amount each award carries, when the secretariat wants totals in money.
    col("amount", "Mức thưởng", "money", { width: 14 }),
    // Not in ledger.md: who confers the award, when `Cấp khen` does not say it in full; documents are issued per authority.
    col("authority", "Thẩm quyền khen", "text", { width: 30, aliases: ["Thẩm quyền", "Cấp quyết định"] }),
  ],
};

export const EMULATION_SHEETS: readonly string[] = [CANDIDATES_SHEET.name, AWARD_CRITERIA_SHEET.name, QUOTAS_SHEET.name];

export const EMULATION_OUTPUT_NAMES = {
  awardList: "Danh sách khen thưởng",
  notEligible: "Không đủ điều kiện",
  outsideQuota: "Ngoài chỉ tiêu",
  dossier: "Thiếu hồ sơ",
} as const;

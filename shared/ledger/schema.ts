/**
 * The contract of ledger.md as data: sheet names, column headers and their aliases.
 * Reading, writing, templates and messages all come from this one table.
 */
import { type Aggregation, AGGREGATIONS } from "../scoring/aggregate.js";
export type ColumnKind = "code" | "text" | "decimal" | "count" | "money" | "date" | "yesno" | "status" | "entryType";

export interface ColumnDef {
  readonly key: string;
  /** The header the product writes. */
  readonly vi: string;
  /** The English key, accepted as an alias. */
  readonly en: string;
  readonly aliases?: readonly string[];
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** Column width in characters, for templates. */
  readonly width?: number;
}

export interface SheetDef {
  readonly name: string;
  readonly en: string;
  readonly columns: readonly ColumnDef[];
}

function col(key: string, vi: string, kind: ColumnKind, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, vi, en: key, kind, ...extra };
}

export const UNITS_SHEET: SheetDef = {
  name: "Đơn vị",
  en: "Units",
  columns: [
    col("unit", "Mã đơn vị", "code", { required: true, width: 12 }),
    col("name", "Tên đơn vị", "text", { required: true, width: 40 }),
    col("group", "Nhóm", "text", { width: 18 }),
    col("mandatory", "Bắt buộc", "yesno", { width: 10 }),
    col("quota", "Số bài tối thiểu", "count", { width: 10 }),
    col("staff", "Số CBCCVC", "count", { width: 10 }),
    col("email", "Email", "text", { width: 28 }),
  ],
};

export const ENTRIES_SHEET: SheetDef = {
  name: "Bài dự thi",
  en: "Entries",
  columns: [
    col("entry", "Mã bài", "code", { required: true, width: 10 }),
    col("title", "Tên bài", "text", { required: true, width: 48 }),
    col("category", "Hạng mục", "text", { width: 16 }),
    col("unit", "Mã đơn vị", "code", { required: true, width: 12 }),
    col("authors", "Tác giả", "text", { width: 28 }),
    col("type", "Loại", "entryType", { width: 10 }),
    col("received", "Ngày nhận", "date", { width: 12 }),
    col("field", "Lĩnh vực", "text", { width: 24 }),
    col("status", "Trạng thái", "status", { width: 14 }),
    col("note", "Ghi chú", "text", { width: 24 }),
  ],
};

export const JUDGES_SHEET: SheetDef = {
  name: "Giám khảo",
  en: "Judges",
  columns: [
    col("judge", "Mã GK", "code", { required: true, width: 10, aliases: ["Mã giám khảo"] }),
    col("name", "Họ tên", "text", { required: true, width: 28 }),
    col("unit", "Mã đơn vị", "code", { width: 12 }),
    col("email", "Email", "text", { width: 28 }),
    // Not in ledger.md: which categories a judge scores; empty means every category.
    col("category", "Hạng mục", "text", { width: 16 }),
  ],
};

export const CRITERIA_SHEET: SheetDef = {
  name: "Tiêu chí",
  en: "Criteria",
  columns: [
    col("criterion", "Mã tiêu chí", "code", { required: true, width: 12 }),
    col("name", "Tên tiêu chí", "text", { required: true, width: 48 }),
    col("max", "Điểm tối đa", "decimal", { required: true, width: 12 }),
    col("weight", "Hệ số", "decimal", { width: 8 }),
    col("category", "Hạng mục", "text", { width: 16 }),
  ],
};

/** Fixed columns of `Điểm`; one more column per criterion, headed by its code or name. */
export const SCORES_SHEET: SheetDef = {
  name: "Điểm",
  en: "Scores",
  columns: [
    col("entry", "Mã bài", "code", { required: true, width: 10 }),
    col("judge", "Mã GK", "code", { required: true, width: 10, aliases: ["Mã giám khảo"] }),
    col("note", "Ghi chú", "text", { width: 24 }),
  ],
};

export const PRIZES_SHEET: SheetDef = {
  name: "Cơ cấu giải",
  en: "Prizes",
  columns: [
    col("category", "Hạng mục", "text", { width: 16 }),
    col("prize", "Giải", "text", { required: true, width: 16 }),
    col("count", "Số lượng", "count", { required: true, width: 10 }),
    col("amount", "Mức thưởng", "money", { required: true, width: 16 }),
  ],
};

export const SETTINGS_SHEET_NAME = "Cuộc thi";
/** The same settings under the name an emulation movement's ledger gives them (the `thi-dua` template's). */
export const MOVEMENT_SHEET_NAME = "Phong trào";
export const SETTINGS_KEY_HEADER = col("key", "Mục", "text");
export const SETTINGS_VALUE_HEADER = col("value", "Giá trị", "text");

export type SettingKey = "name" | "organizer" | "year" | "opens" | "closes" | "aggregation" | "decimals" | "minScore" | "minJudges" | "tieBreak" | "ties" | "thousandWord" | "secretariat";

export interface SettingDef {
  readonly key: SettingKey;
  readonly vi: string;
}

export const SETTINGS: readonly SettingDef[] = [
  { key: "name", vi: "Tên cuộc thi" },
  { key: "organizer", vi: "Đơn vị tổ chức" },
  { key: "year", vi: "Năm" },
  { key: "opens", vi: "Nhận bài từ ngày" },
  { key: "closes", vi: "Nhận bài đến ngày" },
  { key: "aggregation", vi: "Cách tính điểm" },
  { key: "decimals", vi: "Số chữ số thập phân" },
  { key: "minScore", vi: "Điểm sàn" },
  { key: "minJudges", vi: "Số giám khảo tối thiểu" },
  { key: "tieBreak", vi: "Tiêu chí phụ" },
  { key: "ties", vi: "Đồng hạng" },
  { key: "thousandWord", vi: "Đọc số" },
  { key: "secretariat", vi: "Tổ thư ký" },
];

/** The labels of `Cách tính điểm`, from the one table of aggregation methods. */
export const AGGREGATION_VALUES = Object.fromEntries(Object.entries(AGGREGATIONS).map(([key, m]) => [key, m.label])) as Record<Aggregation, string>;
export type { Aggregation };

export const TIE_VALUES = {
  shared: "Đồng giải",
  council: "Hội đồng quyết định",
} as const;
export type TiePolicy = keyof typeof TIE_VALUES;

export const STATUS_VALUES = {
  valid: "Hợp lệ",
  invalid: "Không hợp lệ",
  withdrawn: "Rút",
} as const;
export type EntryStatus = keyof typeof STATUS_VALUES;

export const ENTRY_TYPE_VALUES = {
  collective: "Tập thể",
  individual: "Cá nhân",
} as const;
export type EntryType = keyof typeof ENTRY_TYPE_VALUES;

export const INPUT_SHEETS_OF_CONTEST: readonly SheetDef[] = [UNITS_SHEET, ENTRIES_SHEET, JUDGES_SHEET, CRITERIA_SHEET, SCORES_SHEET, PRIZES_SHEET];

/** Sheets the Google Sheets host keeps beside the ledger: reminder drafts and rejected form responses. */
export const INTAKE_SHEET_NAMES = {
  reminders: "Nhắc nộp bài",
  rejectedResponses: "Phản hồi bị từ chối",
} as const;

export const OUTPUT_SHEET_NAMES = {
  results: "Kết quả",
  prizeList: "Danh sách giải",
  unitSummary: "Tổng hợp đơn vị",
  problems: "Kiểm tra",
  log: "Nhật ký",
} as const;

import type { ColumnDef, SheetDef } from "../ledger/schema.js";

/** The quiz part of the ledger contract (ledger.md, "A quiz with periodic prizes"). */

function col(key: string, vi: string, kind: ColumnDef["kind"], extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, vi, en: key, kind, ...extra };
}

/** One row per attempt: the `Trắc nghiệm` sheet, or a CSV / .xlsx export of the quiz platform. */
export const ATTEMPTS_SHEET: SheetDef = {
  name: "Trắc nghiệm",
  en: "Quiz",
  columns: [
    col("participant", "Mã thí sinh", "code", { required: true, aliases: ["Mã dự thi", "Số điện thoại", "Email thí sinh", "participant id"] }),
    col("name", "Họ tên", "text", { aliases: ["Họ và tên", "full name"] }),
    col("unit", "Mã đơn vị", "code", { required: true, aliases: ["unit code"] }),
    col("period", "Tuần", "text", { required: true, aliases: ["Tuần thi", "week"] }),
    col("score", "Điểm", "decimal", { required: true, aliases: ["Điểm số", "Số câu đúng", "points"] }),
    col("duration", "Thời gian làm bài", "text", { aliases: ["Thời gian", "Thời gian thi", "time taken", "duration"] }),
    col("submitted", "Thời điểm nộp", "date", { aliases: ["Thời gian nộp", "Nộp lúc", "Ngày nộp", "submitted at"] }),
    col("prediction", "Dự đoán", "decimal", { aliases: ["Số người dự đoán", "Câu dự đoán", "guess"] }),
  ],
};

/** `Đáp án dự đoán`: the true answer to each period's prediction question. */
export const PREDICTION_SHEET: SheetDef = {
  name: "Đáp án dự đoán",
  en: "Predictions",
  columns: [col("period", "Tuần", "text", { required: true, aliases: ["week"] }), col("answer", "Số đúng", "decimal", { required: true, aliases: ["Đáp án", "answer"] })],
};

/** `Tuần thi`: the weeks by their dates; an attempt belongs to the week its `Thời điểm nộp` falls in. Not in ledger.md. */
export const WEEKS_SHEET: SheetDef = {
  name: "Tuần thi",
  en: "Quiz weeks",
  columns: [
    col("period", "Tuần", "text", { required: true, aliases: ["week"] }),
    col("from", "Từ ngày", "date", { required: true, aliases: ["from"] }),
    col("to", "Đến ngày", "date", { required: true, aliases: ["to"] }),
  ],
};

/** `Không dự thi`: people who may not win (organising committee, jury, secretariat). */
export const EXCLUDED_SHEET: SheetDef = {
  name: "Không dự thi",
  en: "Excluded",
  columns: [col("participant", "Mã thí sinh", "code", { required: true, aliases: ["participant id"] }), col("name", "Họ tên", "text"), col("reason", "Lý do", "text", { aliases: ["reason"] })],
};

export const QUIZ_SETTING_NAMES = {
  policy: "Lượt tính điểm",
  onePrize: "Mỗi người một giải",
  topVideo: "Top video",
  maxScore: "Điểm tối đa bài thi",
} as const;

export const POLICY_VALUES = {
  best: "Cao nhất",
  first: "Lần đầu",
  last: "Lần cuối",
} as const;
export type AttemptPolicy = keyof typeof POLICY_VALUES;

/** `Hạng mục` of the `Cơ cấu giải` rows that belong to the quiz, the video contest and the collective prizes. */
export const QUIZ_CATEGORY = "Trắc nghiệm";
export const VIDEO_CATEGORY = "Video";
export const COLLECTIVE_CATEGORY = "Tập thể";

export const QUIZ_OUTPUT_NAMES = {
  weekly: "Giải tuần",
  participation: "Tham gia đơn vị",
  collective: "Giải tập thể",
} as const;

/** At most this many row problems are listed per attempts source; the rest are counted in one line. */
export const MAX_LISTED_ROW_PROBLEMS = 1000;

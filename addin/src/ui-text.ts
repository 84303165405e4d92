import type { Lang } from "../../shared/i18n/messages.js";

/** Every fixed text of the task pane, Vietnamese first. Keys match `data-t` attributes in taskpane.html. */
export const UI = {
  title: { vi: "Thi đua – sổ cuộc thi", en: "Thidua – contest ledger" },
  langToggle: { vi: "English", en: "Tiếng Việt" },
  btnTemplate: { vi: "Tạo sổ cuộc thi", en: "Create ledger" },
  btnCheck: { vi: "Kiểm tra", en: "Check" },
  btnJudge: { vi: "Chấm điểm", en: "Scoring" },
  btnImport: { vi: "Nhập phiếu chấm", en: "Import scoring workbooks" },
  btnTally: { vi: "Tính kết quả", en: "Compute results" },
  btnNewYear: { vi: "Sang năm mới", en: "New year" },
  newYearHint: {
    vi: "Việc này biến sổ đang mở thành sổ năm sau. Hãy làm trên bản sao: Tệp › Lưu bản sao, mở bản sao rồi bấm “Sang năm mới”.",
    en: "This turns the open workbook into next year's ledger. Do it in a copy: File › Save a Copy, open the copy, then press “New year”.",
  },
  newYearApply: { vi: "Chuyển sổ này sang năm mới", en: "Turn this workbook into the new year's" },
  ready: { vi: "Sẵn sàng. Chọn một thao tác.", en: "Ready. Choose an action." },
  noOffice: {
    vi: "Không tải được Office.js: hãy mở ngăn này từ Excel (thẻ Trang đầu › Thi đua).",
    en: "Office.js did not load: open this pane from Excel (Home › Thidua).",
  },
  templateLabel: { vi: "Mẫu sổ", en: "Template" },
  templateSangKien: { vi: "Sáng kiến cải cách hành chính (chấm điểm)", en: "Reform initiatives (judged)" },
  templateTrucTuyen: { vi: "Thi trực tuyến, video, giải tập thể", en: "Online quiz, video, collective prizes" },
  templateThiDua: { vi: "Bình xét thi đua, khen thưởng", en: "Emulation review and awards" },
  templateCreate: { vi: "Tạo các trang", en: "Create the sheets" },
  templateExists: { vi: "Các trang sau đã có trong sổ và sẽ bị thay thế nếu ghi đè:", en: "These sheets already exist and would be replaced if overwritten:" },
  templateOverwrite: { vi: "Ghi đè", en: "Overwrite" },
  templateMissingOnly: { vi: "Chỉ tạo trang còn thiếu", en: "Create missing sheets only" },
  cancel: { vi: "Hủy", en: "Cancel" },
  cancelled: { vi: "Đã hủy, sổ không thay đổi.", en: "Cancelled; the workbook is unchanged." },
  working: { vi: "Đang xử lý…", en: "Working…" },
  reading: { vi: "Đang đọc sổ…", en: "Reading the ledger…" },
  judgeLabel: { vi: "Giám khảo", en: "Judge" },
  judgeMissing: { vi: "Chưa có điểm", en: "Not scored yet" },
  judgeInvalid: { vi: "Điểm không hợp lệ", en: "Invalid scores" },
  none: { vi: "Không có.", en: "None." },
  importLabel: { vi: "Chọn các tệp phiếu chấm (.xlsx) giám khảo gửi lại", en: "Pick the returned scoring workbooks (.xlsx)" },
  exportDocs: { vi: "Tải văn bản và giấy khen (Word)", en: "Download documents and certificates (Word)" },
  problemsHint: { vi: "Bấm vào một dòng để chọn ô đó trong sổ.", en: "Click a line to select that cell." },
} as const;

export type UiKey = keyof typeof UI;

export function ui(key: UiKey, lang: Lang): string {
  return UI[key][lang];
}

import type { Lang } from "../../shared/i18n/messages.js";
import type { TemplateKind } from "../../shared/samples/templates.js";

const quoted = (names: readonly string[]): string => names.map((n) => `“${n}”`).join(", ");

/**
 * Every fixed text of the Google Sheets host (menu, dialogs, toasts, sidebar), Vietnamese first.
 * Sheet names and what is written into the ledger stay Vietnamese: they are the ledger's contract.
 */
const TEXT = {
  menuTitle: { vi: "Thi đua", en: "Thi đua" },
  templateLabel: {
    vi: (kind: TemplateKind): string => ({ "sang-kien": "sáng kiến, giải pháp", "truc-tuyen": "thi trực tuyến theo tuần, video", "thi-dua": "phong trào thi đua, xét khen thưởng" })[kind],
    en: (kind: TemplateKind): string => ({ "sang-kien": "initiatives and solutions", "truc-tuyen": "weekly online quiz, video", "thi-dua": "emulation movement, award review" })[kind],
  },
  createLedger: { vi: "Tạo sổ cuộc thi", en: "Create ledger" },
  check: { vi: "Kiểm tra sổ", en: "Check the ledger" },
  tally: { vi: "Tính kết quả", en: "Compute results" },
  reminders: { vi: "Đơn vị chưa nộp", en: "Units yet to submit" },
  remindersMenu: { vi: "Đơn vị chưa nộp (soạn thư nhắc)", en: "Units yet to submit (draft reminders)" },
  judgeTabs: { vi: "Tạo trang chấm", en: "Create scoring tabs" },
  judgeTabsMenu: { vi: "Tạo trang chấm cho giám khảo", en: "Create scoring tabs for judges" },
  merge: { vi: "Gộp điểm", en: "Merge scores" },
  mergeMenu: { vi: "Gộp điểm từ trang chấm", en: "Merge scores from the scoring tabs" },
  connectForm: { vi: "Kết nối biểu mẫu đăng ký", en: "Connect the registration form" },
  form: { vi: "Biểu mẫu", en: "Form" },
  dashboard: { vi: "Bảng điều khiển", en: "Dashboard" },
  sidebarTitle: { vi: "Thi đua — bảng điều khiển", en: "Thi đua — dashboard" },
  otherLanguage: { vi: "English", en: "Tiếng Việt" },
  languageSet: { vi: "Đã chuyển sang tiếng Việt.", en: "Switched to English." },
  failed: {
    vi: "Đã xảy ra sự cố, thao tác chưa hoàn tất. Hãy thử lại; nếu vẫn lỗi, gửi nội dung này cho người quản trị.",
    en: "Something went wrong and the action did not finish. Try again; if it fails again, send this text to your administrator.",
  },
  detail: { vi: (d: string): string => `Chi tiết: ${d}`, en: (d: string): string => `Details: ${d}` },
  missingSheets: {
    vi: (list: readonly string[]): string => `Sổ thiếu trang bắt buộc: ${quoted(list)}. Dùng “Thi đua › Tạo sổ cuộc thi” để tạo các trang còn thiếu.`,
    en: (list: readonly string[]): string => `The ledger lacks required sheets: ${quoted(list)}. Use “Thi đua › Create ledger” to create the missing sheets.`,
  },
  more: { vi: (n: number, what: string): string => `… và ${n} ${what}.`, en: (n: number, what: string): string => `… and ${n} ${what}.` },
  moreProblems: { vi: (sheet: string): string => `vấn đề khác trong trang “${sheet}”`, en: (sheet: string): string => `more problems on the sheet “${sheet}”` },
  moreMessages: { vi: "thông báo khác", en: "more messages" },
  checkClean: { vi: "Không phát hiện lỗi hay cảnh báo nào.", en: "No error or warning found." },
  checkFound: {
    vi: (errors: number, warnings: number, sheet: string): string => `${errors} lỗi, ${warnings} cảnh báo. Xem chi tiết ở trang “${sheet}”.`,
    en: (errors: number, warnings: number, sheet: string): string => `${errors} errors, ${warnings} warnings. See the sheet “${sheet}”.`,
  },
  written: {
    vi: (sheets: readonly string[], summary: string): string => `Đã ghi ${quoted(sheets)}: ${summary}`,
    en: (sheets: readonly string[], summary: string): string => `Wrote ${quoted(sheets)}: ${summary}`,
  },
  remindersNone: { vi: "Mọi đơn vị đều đã đạt số bài tối thiểu.", en: "Every unit has reached its minimum number of entries." },
  remindersSome: {
    vi: (n: number, sheet: string): string => `${n} đơn vị chưa đạt số bài tối thiểu. Bản nháp thư nhắc ở trang “${sheet}”; chưa có thư nào được gửi.`,
    en: (n: number, sheet: string): string => `${n} units are below their minimum number of entries. Draft reminders are on the sheet “${sheet}”; no email has been sent.`,
  },
  noEmail: { vi: " (chưa có email)", en: " (no email yet)" },
  newYear: { vi: "Sang năm mới", en: "Start the new year" },
  newYearMenu: { vi: "Sang năm mới (chạy trên bản sao của sổ)", en: "Start the new year (run it in a copy of the ledger)" },
  newYearQuestion: {
    vi: (name: string, from: number, to: number, cleared: readonly string[], emptied: readonly string[]): string =>
      `Bảng tính “${name}” sẽ thành sổ năm ${to}: các ngày chuyển từ năm ${from} sang năm ${to}; xóa nội dung ${quoted(cleared)} (giữ dòng tiêu đề); để trống ${quoted(emptied)}. Các trang khác giữ nguyên.\n\nHãy chạy việc này trên bản sao của sổ (Tệp › Tạo bản sao), không trên sổ năm ${from}. Bản cũ vẫn xem lại được ở Tệp › Nhật ký phiên bản.\n\nTiếp tục?`,
    en: (name: string, from: number, to: number, cleared: readonly string[], emptied: readonly string[]): string =>
      `The spreadsheet “${name}” will become the ${to} ledger: dates move from ${from} to ${to}; ${quoted(cleared)} are cleared below their headers; ${quoted(emptied)} are emptied. Every other sheet stays as it is.\n\nRun this in a copy of the ledger (File › Make a copy), not in the ${from} ledger. Earlier versions stay in File › Version history.\n\nGo on?`,
  },
  newYearNotDone: { vi: "Không thay đổi gì.", en: "Nothing was changed." },
  upload: { vi: "Nhập tệp .xlsx", en: "Import .xlsx files" },
  uploadBad: {
    vi: (files: number, mib: number): string => `Chọn từ 1 đến ${files} tệp .xlsx, mỗi tệp không quá ${mib} MB.`,
    en: (files: number, mib: number): string => `Choose 1 to ${files} .xlsx files of at most ${mib} MB each.`,
  },
  uploadNoneRead: {
    vi: (names: readonly string[]): string => `Không đọc được tệp nào trong ${quoted(names)}: cần tệp Excel .xlsx (sổ cấp dưới, phiếu chấm hoặc bảng đăng ký).`,
    en: (names: readonly string[]): string => `None of ${quoted(names)} could be read: an Excel .xlsx file is needed (a lower level's ledger, a scoring or registration workbook).`,
  },
  uploadConflicts: {
    vi: (n: number): string =>
      `${n} ô trong các tệp khác với giá trị đang có trong sổ. Ghi đè bằng giá trị trong tệp?\n\nChọn “Không” để giữ giá trị đang có; các ô khác nhau được liệt kê để đối chiếu.`,
    en: (n: number): string =>
      `${n} cells in the files differ from the ledger's values. Replace them with the files' values?\n\nChoose “No” to keep the ledger's values; the differing cells are listed for comparison.`,
  },
  uploaded: {
    vi: (imported: number, refused: number, replaced: boolean, log: string): string =>
      `${imported > 0 ? `Đã nhập ${imported} tệp${replaced ? " (có ghi đè theo xác nhận)" : ""}` : "Không nhập tệp nào"}${refused > 0 ? `; ${refused} tệp bị từ chối (lý do ở dưới)` : ""}. Xem trang “${log}”.`,
    en: (imported: number, refused: number, replaced: boolean, log: string): string =>
      `${imported > 0 ? `Imported ${imported} files${replaced ? " (replacing, as confirmed)" : ""}` : "No file imported"}${refused > 0 ? `; ${refused} refused (why below)` : ""}. See the sheet “${log}”.`,
  },
  ledgerExists: {
    vi: (list: readonly string[]): string =>
      `Bảng tính đã có các trang ${quoted(list)}. Ghi đè bằng mẫu? Dữ liệu trong các trang này sẽ bị xóa.\n\nChọn “Không” để giữ nguyên chúng và chỉ tạo các trang còn thiếu.`,
    en: (list: readonly string[]): string =>
      `The spreadsheet already has the sheets ${quoted(list)}. Replace them with the template? Their data will be deleted.\n\nChoose “No” to keep them and create only the missing sheets.`,
  },
  created: { vi: (sheet: string): string => `Đã tạo “${sheet}”`, en: (sheet: string): string => `Created “${sheet}”` },
  keptSheet: { vi: (sheet: string): string => `Giữ nguyên “${sheet}” (đã có)`, en: (sheet: string): string => `Kept “${sheet}” (already there)` },
  ledgerCreated: {
    vi: (label: string, n: number): string => `Sổ theo mẫu ${label}: ${n} trang mới. Thay các dòng ví dụ bằng dữ liệu thật.`,
    en: (label: string, n: number): string => `Ledger from the template ${label}: ${n} new sheets. Replace the sample rows with real data.`,
  },
  noJudges: { vi: "Trang “Giám khảo” chưa có giám khảo nào.", en: "The sheet “Giám khảo” lists no judge." },
  judgeTabsExist: {
    vi: (tabs: readonly string[]): string => `Đã có ${quoted(tabs)}. Các trang này có thể đã có điểm giám khảo nhập (hãy “Gộp điểm” trước). Tạo lại sẽ xóa chúng. Tạo lại?`,
    en: (tabs: readonly string[]): string => `${quoted(tabs)} already exist and may hold scores the judges typed (merge them first). Creating them again deletes them. Create again?`,
  },
  judgeTabsKept: { vi: "Không tạo lại; các trang chấm hiện có được giữ nguyên.", en: "Not created again; the existing scoring tabs are unchanged." },
  judgeTabNoEmail: {
    vi: (tab: string, entries: number, judge: string): string => `“${tab}”: ${entries} bài — ${judge} chưa có email ở trang “Giám khảo”, chỉ chủ sổ và Tổ thư ký nhập được điểm`,
    en: (tab: string, entries: number, judge: string): string => `“${tab}”: ${entries} entries — ${judge} has no email on the sheet “Giám khảo”; only the owner and the secretariat can enter scores`,
  },
  judgeTabFor: {
    vi: (tab: string, entries: number, email: string): string => `“${tab}”: ${entries} bài — chỉ ${email} (và chủ sổ) nhập được điểm`,
    en: (tab: string, entries: number, email: string): string => `“${tab}”: ${entries} entries — only ${email} (and the owner) can enter scores`,
  },
  judgeTabsCreated: {
    vi: (n: number): string => `Đã tạo ${n} trang chấm. Chia sẻ bảng tính (quyền chỉnh sửa) cho từng giám khảo; mỗi người chỉ sửa được ô điểm của mình.`,
    en: (n: number): string => `Created ${n} scoring tabs. Share the spreadsheet (as editor) with each judge; each can change only their own score cells.`,
  },
  protectedSheets: {
    vi: (n: number, editors: readonly string[]): string => `${n} trang khác của sổ được bảo vệ: chỉ ${editors.join(", ")} sửa được.`,
    en: (n: number, editors: readonly string[]): string => `${n} other sheets of the ledger are protected: only ${editors.join(", ")} can edit them.`,
  },
  keptProtection: {
    vi: (sheet: string): string => `“${sheet}” đã có bảo vệ do người dùng đặt: giữ nguyên, hãy tự kiểm tra ai sửa được.`,
    en: (sheet: string): string => `“${sheet}” already has a protection set by a person: kept as it is; check who can edit it.`,
  },
  badSecretariat: {
    vi: (value: string): string => `Bỏ qua “${value}” ở mục “Tổ thư ký”: không phải địa chỉ email.`,
    en: (value: string): string => `Ignored “${value}” in “Tổ thư ký”: not an email address.`,
  },
  noJudgeTab: {
    vi: "Chưa có trang chấm nào (“Chấm …”). Dùng “Tạo trang chấm cho giám khảo” trước.",
    en: "There is no scoring tab (“Chấm …”) yet. Use “Create scoring tabs for judges” first.",
  },
  notOurTab: {
    vi: (tab: string): string => `“${tab}” không do thidua tạo (không có thông tin phiếu chấm): bỏ qua.`,
    en: (tab: string): string => `“${tab}” was not made by thidua (no scoring-tab record): skipped.`,
  },
  mergeConflicts: {
    vi: (n: number): string =>
      `${n} ô điểm trong trang chấm khác với điểm đang có ở trang “Điểm”. Ghi đè bằng điểm trong trang chấm?\n\nChọn “Không” để giữ điểm đang có; các ô khác nhau được liệt kê để đối chiếu.`,
    en: (n: number): string =>
      `${n} score cells in the scoring tabs differ from the scores on “Điểm”. Replace them with the tabs' scores?\n\nChoose “No” to keep the current scores; the differing cells are listed for comparison.`,
  },
  merged: {
    vi: (tabs: number, added: number, replaced: boolean, log: string): string =>
      `Đã gộp ${tabs} trang chấm: ${added} ô điểm được ghi vào “Điểm”${replaced ? " (có ghi đè theo xác nhận)" : ""}. Xem trang “${log}”.`,
    en: (tabs: number, added: number, replaced: boolean, log: string): string =>
      `Merged ${tabs} scoring tabs: ${added} score cells written to “Điểm”${replaced ? " (replacing, as confirmed)" : ""}. See the sheet “${log}”.`,
  },
  formRules: {
    vi: [
      "Câu hỏi được ghép với cột theo tiêu đề: Tên bài (bắt buộc), Mã đơn vị hoặc Đơn vị (bắt buộc: mã hoặc tên đầy đủ), Hạng mục, Tác giả, Loại (Tập thể/Cá nhân), Lĩnh vực, Ghi chú.",
      "Mã bài và Ngày nhận do hệ thống cấp; các câu hỏi khác được chép vào Ghi chú.",
    ],
    en: [
      "Questions are matched to columns by title: Tên bài (required), Mã đơn vị or Đơn vị (required: code or full name), Hạng mục, Tác giả, Loại (Tập thể/Cá nhân), Lĩnh vực, Ghi chú.",
      "Mã bài and Ngày nhận are given by the system; other questions are copied into Ghi chú.",
    ],
  },
  formRejectedSheet: {
    vi: (sheet: string): string => `Phản hồi không hợp lệ (thiếu câu trả lời, đơn vị lạ, ngoài thời hạn) được giữ ở trang “${sheet}” kèm lý do.`,
    en: (sheet: string): string => `Invalid responses (missing answers, unknown unit, out of the window) are kept on the sheet “${sheet}” with the reason.`,
  },
  formNotLinked: {
    vi: "Bảng tính chưa liên kết với biểu mẫu nào: trong Google Biểu mẫu, mở Câu trả lời › Liên kết với Trang tính và chọn bảng tính này.",
    en: "The spreadsheet is not linked to a form yet: in Google Forms, open Responses › Link to Sheets and choose this spreadsheet.",
  },
  formAlready: { vi: "Biểu mẫu đã được kết nối từ trước; không cài thêm.", en: "The form was already connected; nothing added." },
  formConnected: { vi: "Đã kết nối: mỗi phản hồi mới sẽ thành một dòng trong “Bài dự thi”.", en: "Connected: each new response becomes a row of “Bài dự thi”." },
  sidebar: {
    vi: {
      loading: "Đang tải…",
      actions: "Thao tác",
      problems: "Vấn đề cần xử lý",
      severity: "Mức độ",
      place: "Vị trí",
      text: "Nội dung",
      units: "Bài dự thi theo đơn vị",
      unit: "Đơn vị",
      submitted: "Đã nộp",
      valid: "Hợp lệ",
      quota: "Tối thiểu",
      judging: "Tiến độ chấm",
      judge: "Giám khảo",
      scored: "Đã chấm",
      expected: "Cần chấm",
      noName: "(chưa có tên cuộc thi)",
      entries: "bài",
      errors: "lỗi",
      warnings: "cảnh báo",
      missing: "thiếu trang",
      selectCell: "Chọn ô này trong sổ",
      moreProblems: "vấn đề khác trong trang “Kiểm tra” (bấm Kiểm tra sổ).",
      and: "… và",
      working: "Đang xử lý…",
      upload: "Nhập tệp .xlsx",
      uploadHint: "Sổ xét khen thưởng của cấp dưới, phiếu chấm giám khảo gửi lại, bảng đăng ký của đơn vị (như lệnh thidua import). Tệp được đọc ngay trong bảng tính này.",
      uploadButton: "Nhập các tệp đã chọn",
      uploadNone: "Chưa chọn tệp nào.",
      uploadTooBig: "Chọn từ 1 đến 20 tệp .xlsx, mỗi tệp không quá 10 MB.",
      unreadable: "Không đọc được sổ.",
      failed: "Không thực hiện được:",
    },
    en: {
      loading: "Loading…",
      actions: "Actions",
      problems: "Problems to fix",
      severity: "Severity",
      place: "Place",
      text: "Message",
      units: "Entries per unit",
      unit: "Unit",
      submitted: "Submitted",
      valid: "Valid",
      quota: "Minimum",
      judging: "Scoring progress",
      judge: "Judge",
      scored: "Scored",
      expected: "To score",
      noName: "(no contest name yet)",
      entries: "entries",
      errors: "errors",
      warnings: "warnings",
      missing: "missing sheets",
      selectCell: "Select this cell in the ledger",
      moreProblems: "more problems on the sheet “Kiểm tra” (press Check the ledger).",
      and: "… and",
      working: "Working…",
      upload: "Import .xlsx files",
      uploadHint: "A lower level's award review, judges' returned scoring workbooks, units' registration workbooks (as thidua import). The files are read inside this spreadsheet.",
      uploadButton: "Import the chosen files",
      uploadNone: "No file chosen.",
      uploadTooBig: "Choose 1 to 20 .xlsx files of at most 10 MB each.",
      unreadable: "Could not read the ledger.",
      failed: "Could not run:",
    },
  },
};

/**
 * Texts written into the spreadsheet itself (help on a cell, a protection's description): shared by
 * everyone who opens it, so they stay in the ledger's language.
 */
export const SHEET_TEXT = {
  validationHelp: (min: number, max: number): string => `Nhập một số từ ${min} đến ${max}.`,
  headerWarning: "Dòng tiêu đề do thidua đọc: đổi tên cột có thể làm mất dữ liệu khi tính.",
  judgeTab: (name: string, code: string): string => `Phiếu chấm của ${name} (${code}): chỉ chủ sổ và Tổ thư ký sửa`,
  scoreCells: (code: string): string => `Ô điểm: chỉ giám khảo ${code} nhập`,
  formBusy: "Hệ thống đang bận, chưa cấp được mã bài: hãy chép phản hồi này vào “Bài dự thi” bằng tay.",
  noSheet: (sheet: string): string => `Sổ chưa có trang “${sheet}”.`,
  /** Marks the protections thidua puts on ledger sheets, so that a rerun replaces its own and keeps a person's. */
  ledgerSheet: "thidua: chỉ chủ sổ và Tổ thư ký sửa (Tạo trang chấm)",
};

type Table = typeof TEXT;
/** Each English text has the Vietnamese one's shape: a missing or mistyped translation fails the build. */
const _sameShape: { readonly [K in keyof Table]: { readonly en: Table[K]["vi"] } } = TEXT;
void _sameShape;

/** The texts of one language: `t.check`, `t.checkFound(errors, warnings, sheet)`. */
export type UiText = { readonly [K in keyof Table]: Table[K]["vi"] };
export type SidebarText = UiText["sidebar"];

export function uiText(lang: Lang): UiText {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(TEXT) as (keyof Table)[]) out[key] = TEXT[key][lang];
  return out as UiText;
}

/** A refusal in both languages, from the table: `new Refusal(bothLanguages((text) => text.noJudges))`. */
export function bothLanguages(pick: (t: UiText) => string): { readonly vi: string; readonly en: string } {
  return { vi: pick(uiText("vi")), en: pick(uiText("en")) };
}

/** Where each person's choice of language is kept: their own user properties, never the document's. */
export const LANG_PROPERTY = "thidua.lang";

/** The person's language: Vietnamese unless they chose English (menu › English). */
export function chosenLang(): Lang {
  try {
    return PropertiesService.getUserProperties().getProperty(LANG_PROPERTY) === "en" ? "en" : "vi";
  } catch {
    return "vi"; // a simple trigger without access to properties: Vietnamese first
  }
}

/** A message in both languages; Vietnamese is what the ledger shows, English is for `--lang en`. */
export interface Msg {
  readonly vi: string;
  readonly en: string;
}

export type Lang = "vi" | "en";

export function say(msg: Msg, lang: Lang): string {
  return lang === "en" ? msg.en : msg.vi;
}

const q = (s: string | number): string => `“${s}”`;

/** Every message the core reports, in one place so both languages stay in step. */
export const M = {
  missingSheet: (sheet: string): Msg => ({
    vi: `Thiếu trang tính ${q(sheet)}. Hãy tạo trang này (có thể dùng lệnh init để lấy mẫu).`,
    en: `Sheet ${q(sheet)} is missing. Create it (the init command writes a template).`,
  }),
  missingColumn: (header: string): Msg => ({
    vi: `Thiếu cột bắt buộc ${q(header)} ở dòng tiêu đề (dòng 1).`,
    en: `Required column ${q(header)} is missing from the header row (row 1).`,
  }),
  duplicateColumn: (header: string, first: string): Msg => ({
    vi: `Cột ${q(header)} xuất hiện hai lần; chỉ dùng cột đầu tiên (${first}). Hãy xóa hoặc đổi tên cột thừa.`,
    en: `Column ${q(header)} appears twice; only the first one (${first}) is used. Remove or rename the extra one.`,
  }),
  missingValue: (header: string): Msg => ({
    vi: `Ô ${q(header)} đang trống; hãy nhập giá trị.`,
    en: `${q(header)} is empty; fill it in.`,
  }),
  notANumber: (value: string): Msg => ({
    vi: `${q(value)} không phải là số. Nhập số, ví dụ 8,5 hoặc 8.5.`,
    en: `${q(value)} is not a number. Type a number such as 8.5 or 8,5.`,
  }),
  notACount: (value: string): Msg => ({
    vi: `${q(value)} không phải là số nguyên không âm.`,
    en: `${q(value)} is not a whole number ≥ 0.`,
  }),
  notMoney: (value: string): Msg => ({
    vi: `${q(value)} không phải là số tiền hợp lệ (ví dụ 3.000.000).`,
    en: `${q(value)} is not a valid amount (e.g. 3,000,000).`,
  }),
  notADate: (value: string): Msg => ({
    vi: `${q(value)} không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 10/10/2020.`,
    en: `${q(value)} is not a valid date; use day/month/year, e.g. 10/10/2020.`,
  }),
  notYesNo: (value: string): Msg => ({
    vi: `${q(value)} không hợp lệ; chỉ nhập Có hoặc Không.`,
    en: `${q(value)} is not valid; use Có (yes) or Không (no).`,
  }),
  notOneOf: (value: string, allowed: readonly string[]): Msg => ({
    vi: `${q(value)} không hợp lệ; chỉ nhập một trong: ${allowed.join("; ")}.`,
    en: `${q(value)} is not valid; use one of: ${allowed.join("; ")}.`,
  }),
  nonPositive: (value: string): Msg => ({
    vi: `${q(value)} phải lớn hơn 0.`,
    en: `${q(value)} must be greater than 0.`,
  }),
  duplicateCode: (code: string, first: string): Msg => ({
    vi: `Mã ${q(code)} bị trùng với dòng ${first}; mỗi mã chỉ được dùng một lần. Dòng này bị bỏ qua.`,
    en: `Code ${q(code)} duplicates ${first}; each code may be used once. This row is ignored.`,
  }),
  unknownUnit: (code: string): Msg => ({
    vi: `Mã đơn vị ${q(code)} không có trong trang “Đơn vị”.`,
    en: `Unit code ${q(code)} is not in the “Đơn vị” sheet.`,
  }),
  unknownEntry: (code: string): Msg => ({
    vi: `Mã bài ${q(code)} không có trong trang “Bài dự thi”; dòng điểm này không được tính.`,
    en: `Entry ${q(code)} is not in the “Bài dự thi” sheet; this score row is not counted.`,
  }),
  unknownJudge: (code: string): Msg => ({
    vi: `Mã giám khảo ${q(code)} không có trong trang “Giám khảo”; dòng điểm này không được tính.`,
    en: `Judge ${q(code)} is not in the “Giám khảo” sheet; this score row is not counted.`,
  }),
  unknownCategory: (category: string): Msg => ({
    vi: `Hạng mục ${q(category)} không có bài dự thi nào.`,
    en: `Category ${q(category)} has no entries.`,
  }),
  unknownSetting: (key: string): Msg => ({
    vi: `Mục ${q(key)} không được phần mềm sử dụng; bỏ qua.`,
    en: `Setting ${q(key)} is not used by the software; ignored.`,
  }),
  settingMissing: (key: string): Msg => ({
    vi: `Thiếu mục bắt buộc ${q(key)} ở trang “Cuộc thi”.`,
    en: `Required setting ${q(key)} is missing from the “Cuộc thi” sheet.`,
  }),
  windowReversed: (): Msg => ({
    vi: `Ngày bắt đầu nhận bài sau ngày kết thúc; hãy kiểm tra lại.`,
    en: `The submission window opens after it closes; check the dates.`,
  }),
  unknownTieBreak: (code: string): Msg => ({
    vi: `Tiêu chí phụ ${q(code)} không có trong trang “Tiêu chí”.`,
    en: `Tie-break criterion ${q(code)} is not in the “Tiêu chí” sheet.`,
  }),
  criterionColumnMissing: (code: string): Msg => ({
    vi: `Trang “Điểm” chưa có cột cho tiêu chí ${q(code)} (tiêu đề là mã hoặc tên tiêu chí).`,
    en: `The “Điểm” sheet has no column for criterion ${q(code)} (headed by its code or name).`,
  }),
  scoreMissing: (criterion: string): Msg => ({
    vi: `Thiếu điểm tiêu chí ${q(criterion)}; giám khảo này chưa có tổng điểm cho bài.`,
    en: `Score for criterion ${q(criterion)} is missing; this judge has no total for the entry.`,
  }),
  scoreNotNumber: (value: string, criterion: string): Msg => ({
    vi: `Điểm ${q(value)} của tiêu chí ${q(criterion)} không phải là số; giám khảo này chưa có tổng điểm cho bài.`,
    en: `Score ${q(value)} for criterion ${q(criterion)} is not a number; this judge has no total for the entry.`,
  }),
  scoreOutOfRange: (value: string, criterion: string, max: string): Msg => ({
    vi: `Điểm ${value} của tiêu chí ${q(criterion)} nằm ngoài thang 0 – ${max}; giám khảo này chưa có tổng điểm cho bài.`,
    en: `Score ${value} for criterion ${q(criterion)} is outside 0 – ${max}; this judge has no total for the entry.`,
  }),
  scoreForOtherCategory: (criterion: string): Msg => ({
    vi: `Tiêu chí ${q(criterion)} không áp dụng cho hạng mục của bài này; điểm ở ô này bị bỏ qua.`,
    en: `Criterion ${q(criterion)} does not apply to this entry's category; the score here is ignored.`,
  }),
  duplicateScoreRow: (entry: string, judge: string, others: string): Msg => ({
    vi: `Giám khảo ${q(judge)} có nhiều dòng điểm cho bài ${q(entry)} (${others}); không dòng nào được tính cho tới khi xóa dòng thừa.`,
    en: `Judge ${q(judge)} has several score rows for entry ${q(entry)} (${others}); none counts until the extra rows are removed.`,
  }),
  conflictOfInterest: (judge: string, unit: string): Msg => ({
    vi: `Giám khảo ${q(judge)} cùng đơn vị ${q(unit)} với bài dự thi: điểm này không được tính (tránh xung đột lợi ích).`,
    en: `Judge ${q(judge)} belongs to the entry's unit ${q(unit)}: this score is excluded (conflict of interest).`,
  }),
  judgeNotForCategory: (judge: string, category: string): Msg => ({
    vi: `Giám khảo ${q(judge)} không chấm hạng mục ${q(category)}; điểm này không được tính.`,
    en: `Judge ${q(judge)} does not judge category ${q(category)}; this score is excluded.`,
  }),
  missingExpectedScore: (judge: string, entry: string): Msg => ({
    vi: `Giám khảo ${q(judge)} chưa chấm bài ${q(entry)}.`,
    en: `Judge ${q(judge)} has not scored entry ${q(entry)}.`,
  }),
  judgeScoredNothing: (judge: string, count: number): Msg => ({
    vi: `Giám khảo ${q(judge)} chưa chấm bài nào (${count} bài cần chấm).`,
    en: `Judge ${q(judge)} has not scored any entry yet (${count} expected).`,
  }),
  late: (received: string, closes: string): Msg => ({
    vi: `Bài nhận ngày ${received}, sau hạn ${closes}: nộp muộn, không xét giải.`,
    en: `Received on ${received}, after the deadline ${closes}: late, not ranked.`,
  }),
  early: (received: string, opens: string): Msg => ({
    vi: `Bài nhận ngày ${received}, trước ngày bắt đầu nhận bài ${opens}: không xét giải.`,
    en: `Received on ${received}, before the window opened on ${opens}: not ranked.`,
  }),
  noReceivedDate: (): Msg => ({
    vi: `Chưa có ngày nhận bài nên không kiểm tra được thời hạn; không xét giải cho tới khi nhập ngày.`,
    en: `No date received, so the deadline cannot be checked; not ranked until a date is entered.`,
  }),
  entryInvalid: (): Msg => ({
    vi: `Bài có trạng thái “Không hợp lệ”: không xét giải.`,
    en: `Entry is marked invalid: not ranked.`,
  }),
  entryWithdrawn: (): Msg => ({
    vi: `Bài đã rút: không xét giải.`,
    en: `Entry was withdrawn: not ranked.`,
  }),
  tooFewJudges: (count: number, min: number): Msg => ({
    vi: `Bài mới có ${count} giám khảo chấm hợp lệ, cần tối thiểu ${min}: chưa xếp hạng.`,
    en: `Entry has ${count} valid judge totals, at least ${min} needed: not ranked.`,
  }),
  belowMinScore: (score: string, min: string): Msg => ({
    vi: `Điểm ${score} thấp hơn điểm sàn ${min}: không xét giải.`,
    en: `Score ${score} is below the minimum ${min}: no prize.`,
  }),
  councilDecides: (entries: string, prizes: string): Msg => ({
    vi: `Các bài ${entries} bằng điểm tại ranh giới giải (${prizes}): chờ Hội đồng quyết định.`,
    en: `Entries ${entries} are tied at a prize boundary (${prizes}): the jury must decide.`,
  }),
  noPrizeRows: (category: string): Msg => ({
    vi: `Chưa có cơ cấu giải cho hạng mục ${q(category)}.`,
    en: `No prize structure for category ${q(category)}.`,
  }),
  crossedOut: (): Msg => ({
    vi: `Dòng bị bỏ qua do có lỗi.`,
    en: `Row ignored because of errors.`,
  }),
} as const;

/** Messages of `import`: merging returned workbooks into the ledger. */
export const IM = {
  notOurWorkbook: (): Msg => ({
    vi: `Tệp không phải phiếu chấm do thidua tạo, cũng không có trang “Bài dự thi”: không nhập.`,
    en: `The file is neither a thidua scoring workbook nor has a “Bài dự thi” sheet: not imported.`,
  }),
  otherContest: (theirs: string, ours: string): Msg => ({
    vi: `Phiếu chấm thuộc cuộc thi “${theirs}”, không phải “${ours}”: không nhập.`,
    en: `The workbook belongs to contest “${theirs}”, not “${ours}”: not imported.`,
  }),
  unknownJudge: (code: string): Msg => ({
    vi: `Giám khảo “${code}” của phiếu chấm không có trong trang “Giám khảo”: không nhập.`,
    en: `The workbook's judge “${code}” is not in the “Giám khảo” sheet: not imported.`,
  }),
  entriesAltered: (): Msg => ({
    vi: `Danh sách bài trong phiếu chấm đã bị thay đổi (thêm, xóa hoặc sửa mã bài): không nhập. Hãy dùng phiếu gốc hoặc tạo lại phiếu chấm.`,
    en: `The entry list in the workbook was altered (codes added, removed or changed): not imported. Use the original or make new scoring workbooks.`,
  }),
  rubricAltered: (): Msg => ({
    vi: `Tiêu chí chấm trong phiếu khác với trang “Tiêu chí” hiện tại: không nhập. Hãy tạo lại phiếu chấm cho giám khảo.`,
    en: `The workbook's criteria differ from the current “Tiêu chí” sheet: not imported. Make new scoring workbooks.`,
  }),
  entryGone: (code: string): Msg => ({
    vi: `Bài “${code}” trong phiếu chấm không còn trong trang “Bài dự thi”: không nhập phiếu này.`,
    en: `Entry “${code}” of the workbook is no longer in “Bài dự thi”: workbook not imported.`,
  }),
  valueConflict: (what: string, oldValue: string, newValue: string): Msg => ({
    vi: `${what}: sổ đang có ${oldValue}, tệp nhập có ${newValue}. Không ghi đè; nếu đúng là cần sửa, chạy lại với --replace.`,
    en: `${what}: the ledger has ${oldValue}, the file has ${newValue}. Not overwritten; run again with --replace if the change is intended.`,
  }),
  duplicateInLedger: (entry: string, judge: string): Msg => ({
    vi: `Sổ đang có nhiều dòng điểm của giám khảo “${judge}” cho bài “${entry}”; hãy xóa dòng thừa trước khi nhập.`,
    en: `The ledger has several score rows of judge “${judge}” for entry “${entry}”; remove the extra rows before importing.`,
  }),
  badScore: (value: string, max: string): Msg => ({
    vi: `Điểm “${value}” không hợp lệ (phải là số từ 0 đến ${max}); ô này không được nhập.`,
    en: `Score “${value}” is not valid (a number from 0 to ${max}); this cell is not imported.`,
  }),
  unreadable: (reason: string): Msg => ({
    vi: `Không đọc được tệp: ${reason}`,
    en: `Could not read the file: ${reason}`,
  }),
};

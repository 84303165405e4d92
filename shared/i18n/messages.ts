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
  notAnEmail: (value: string): Msg => ({
    vi: `${q(value)} không phải là địa chỉ email; bỏ qua.`,
    en: `${q(value)} is not an email address; ignored.`,
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
  duplicateScoreRow: (entry: string, judge: string, listed: readonly number[], others: number): Msg => {
    const more = others - listed.length;
    return {
      vi: `Giám khảo ${q(judge)} có nhiều dòng điểm cho bài ${q(entry)} (thêm ${others} dòng: ${listed.map((r) => `dòng ${r}`).join(", ")}${more > 0 ? ` và ${more} dòng khác` : ""}); không dòng nào được tính cho tới khi xóa dòng thừa.`,
      en: `Judge ${q(judge)} has several score rows for entry ${q(entry)} (${others} more: ${listed.map((r) => `row ${r}`).join(", ")}${more > 0 ? ` and ${more} others` : ""}); none counts until the extra rows are removed.`,
    };
  },
  duplicateScoreRowAgain: (firstRow: number): Msg => ({
    vi: `Dòng điểm trùng với dòng ${firstRow} (cùng bài, cùng giám khảo; xem thông báo ở dòng ${firstRow}); không được tính.`,
    en: `Score row duplicating row ${firstRow} (same entry and judge; see the message at row ${firstRow}); it does not count.`,
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
  codeNormalised: (raw: string, read: string): Msg => ({
    vi: `Mã ${q(raw)} có ký tự ẩn hoặc chữ toàn độ rộng; được đọc là ${q(read)}. Hãy gõ lại mã này.`,
    en: `Code ${q(raw)} holds invisible or fullwidth characters; it is read as ${q(read)}. Type the code again.`,
  }),
  prizeAfterBrokenTier: (prize: string, row: number): Msg => ({
    vi: `Giải ${q(prize)} chưa được trao: dòng ${row} phía trên (giải cao hơn) chưa đọc được, nên các giải thấp hơn không được đôn lên. Sửa dòng ${row} rồi tính lại.`,
    en: `Prize ${q(prize)} is not awarded: row ${row} above (a higher prize) cannot be read, so lower prizes are not moved up. Fix row ${row} and compute again.`,
  }),
  judgeWithoutSpread: (judge: string, category: string, method: string): Msg => ({
    vi: `Giám khảo ${q(judge)} cho mọi bài${category ? ` của hạng mục ${q(category)}` : ""} cùng một tổng điểm (hoặc chỉ chấm một bài): với ${q(method)}, điểm của giám khảo này không phân biệt được các bài, mỗi bài nhận điểm trung bình chung. Hãy kiểm tra lại phiếu chấm.`,
    en: `Judge ${q(judge)} gave every entry${category ? ` of category ${q(category)}` : ""} the same total (or scored one entry only): under ${q(method)} this judge cannot tell entries apart and each entry gets the pooled mean. Check the score sheet.`,
  }),
  noPrizeRows: (category: string): Msg =>
    category === ""
      ? {
          vi: "Chưa có cơ cấu giải (trang “Cơ cấu giải” không có dòng nào): các bài được xếp hạng nhưng chưa bài nào được trao giải.",
          en: "No prize structure (“Cơ cấu giải” has no rows): entries are ranked but none is awarded.",
        }
      : {
          vi: `Chưa có cơ cấu giải cho hạng mục ${q(category)}: các bài của hạng mục được xếp hạng nhưng chưa được trao giải.`,
          en: `No prize structure for category ${q(category)}: its entries are ranked but not awarded.`,
        },
  noCriteria: (category: string): Msg => ({
    vi: `Hạng mục ${q(category || "(chung)")} chưa có tiêu chí chấm nào đọc được trong trang “Tiêu chí”: chưa tính được điểm.`,
    en: `Category ${q(category || "(default)")} has no readable criterion in the “Tiêu chí” sheet: no score can be computed.`,
  }),
} as const;

/** Messages of `import`: merging returned workbooks into the ledger. */
export const IM = {
  reviewTakesReviews: (): Msg => ({
    vi: `Sổ đang mở là sổ xét khen thưởng: chỉ nhập được sổ xét khen thưởng của cấp dưới (có trang “Đề nghị khen thưởng”); tệp này không nhập.`,
    en: `This ledger is an award review: only a lower level's review ledger (with “Đề nghị khen thưởng”) can be imported; this file is not.`,
  }),
  notAReviewLedger: (missing: string): Msg => ({
    vi: `Tệp là sổ xét khen thưởng của cấp dưới, nhưng sổ đang mở không phải sổ xét khen thưởng (thiếu trang ${missing || "Đề nghị khen thưởng"}): không nhập.`,
    en: `The file is a lower level's award-review ledger, but this ledger is no award review (missing ${missing || "Đề nghị khen thưởng"}): not imported.`,
  }),
  notAReview: (missing: string): Msg => ({
    vi: `Tệp không phải sổ xét khen thưởng của cấp dưới (thiếu trang ${missing}): không nhập.`,
    en: `The file is not a lower level's award-review ledger (missing ${missing}): not imported.`,
  }),
  lowerHasErrors: (count: number): Msg => ({
    vi: `Sổ cấp dưới còn ${count} lỗi nên kết quả xét của sổ đó chưa chắc chắn: sửa ở sổ đó (thidua check) rồi nhập lại; không nhập gì.`,
    en: `The lower level's ledger still has ${count} errors, so its review is not final: fix them there (thidua check) and import again; nothing imported.`,
  }),
  noUnitCode: (organizer: string): Msg => ({
    vi: `Sổ cấp dưới chưa ghi “Mã đơn vị” ở trang Phong trào, và đơn vị tổ chức ${q(organizer)} không có trong trang “Đơn vị” của sổ này: không biết đề nghị của đơn vị nào; không nhập.`,
    en: `The lower level's ledger gives no “Mã đơn vị” on Phong trào, and its organiser ${q(organizer)} is not in this ledger's “Đơn vị”: whose proposals these are is unknown; not imported.`,
  }),
  lowerPending: (code: string, name: string, level: string): Msg => ({
    vi: `Đề nghị ${code} (${name}) – ${q(level)} còn chờ Hội đồng cấp dưới quyết định (bằng Điểm tại ranh giới chỉ tiêu): chưa nhập.`,
    en: `Proposal ${code} (${name}) – ${q(level)} still awaits the lower council (tied at the quota's edge): not imported.`,
  }),
  selectionConflict: (code: string, header: string, ours: string, theirs: string): Msg => ({
    vi: `Đề nghị ${code} đã có trong sổ với ${q(header)} là ${q(ours)}, sổ cấp dưới ghi ${q(theirs)}: giữ nguyên (nhập với --replace để ghi đè).`,
    en: `Proposal ${code} is already in the ledger with ${q(header)} ${q(ours)}; the lower ledger has ${q(theirs)}: kept (import with --replace to overwrite).`,
  }),
  nothingProposed: (organizer: string): Msg => ({
    vi: `Sổ của ${q(organizer)} không có đề nghị nào được chọn cho các danh hiệu, hình thức khen thưởng của sổ này (trang “Chỉ tiêu khen thưởng”).`,
    en: `The ledger of ${q(organizer)} selects no one for this ledger's awards (“Chỉ tiêu khen thưởng”).`,
  }),
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

/** Messages of an emulation review (`Đề nghị khen thưởng`, `Tiêu chí khen thưởng`, `Chỉ tiêu khen thưởng`). */
export const EM = {
  duplicateCriterion: (code: string, type: string, first: string): Msg => ({
    vi: `Tiêu chí ${q(code)} cho ${type} bị trùng với dòng ${first}; dòng này bị bỏ qua.`,
    en: `Criterion ${q(code)} for ${type} duplicates ${first}; this row is ignored.`,
  }),
  thresholdMissing: (code: string): Msg => ({
    vi: `Tiêu chí ${q(code)} là phép so sánh nhưng chưa có ${q("Ngưỡng")}; hãy nhập ngưỡng.`,
    en: `Criterion ${q(code)} is a comparison but has no threshold (“Ngưỡng”); fill it in.`,
  }),
  badKind: (value: string): Msg => ({
    vi: `Kiểu tiêu chí ${q(value)} không hợp lệ; chỉ nhập Có/Không, ≥, ≤ hoặc = (cũng nhận >=, <=).`,
    en: `Criterion kind ${q(value)} is not valid; use Có/Không, ≥, ≤ or = (>= and <= are accepted).`,
  }),
  badAppliesTo: (value: string): Msg => ({
    vi: `${q(value)} không hợp lệ ở cột “Áp dụng cho”; chỉ nhập Tập thể hoặc Cá nhân (để trống: cả hai).`,
    en: `${q(value)} is not valid in “Áp dụng cho”; use Tập thể or Cá nhân (blank: both).`,
  }),
  criterionColumnMissing: (code: string, sheet: string): Msg => ({
    vi: `Trang ${q(sheet)} chưa có cột cho tiêu chí ${q(code)} (tiêu đề cột là mã tiêu chí); mọi đề nghị cần tiêu chí này đều chưa đạt.`,
    en: `Sheet ${q(sheet)} has no column for criterion ${q(code)} (headed by its code); every candidate needing it fails it.`,
  }),
  duplicateQuota: (level: string, type: string, first: string): Msg => ({
    vi: `Chỉ tiêu ${q(level)} – ${type} bị trùng với dòng ${first}; dòng này bị bỏ qua.`,
    en: `Quota ${q(level)} – ${type} duplicates ${first}; this row is ignored.`,
  }),
  noQuota: (level: string, type: string): Msg => ({
    vi: `Chưa có chỉ tiêu cho ${q(level)} – ${type} ở trang “Chỉ tiêu khen thưởng”; đề nghị này chưa được xét.`,
    en: `No quota for ${q(level)} – ${type} in “Chỉ tiêu khen thưởng”; this candidate is not considered.`,
  }),
  quotaMissing: (): Msg => ({
    vi: `Chưa ghi “Số lượng”: nhập một số, một tỷ lệ ở cột “Tỷ lệ tối đa” (ví dụ 15%) hoặc ghi “Không giới hạn”.`,
    en: `“Số lượng” is empty: type a number, a share in “Tỷ lệ tối đa” (e.g. 15%), or “Không giới hạn” (no limit).`,
  }),
  badQuotaCount: (value: string): Msg => ({
    vi: `“Số lượng” ${q(value)} không đọc được: nhập số nguyên (ví dụ 3) hoặc “Không giới hạn”; tỷ lệ ghi ở cột “Tỷ lệ tối đa”.`,
    en: `“Số lượng” ${q(value)} cannot be read: type a whole number (e.g. 3) or “Không giới hạn”; a share goes in “Tỷ lệ tối đa”.`,
  }),
  badShare: (value: string): Msg => ({
    vi: `“Tỷ lệ tối đa” ${q(value)} không đọc được: nhập phần trăm lớn hơn 0 và không quá 100 (ví dụ 15%).`,
    en: `“Tỷ lệ tối đa” ${q(value)} cannot be read: type a percentage above 0 and at most 100 (e.g. 15%).`,
  }),
  shareNeedsBase: (): Msg => ({
    vi: `Có “Tỷ lệ tối đa” nhưng chưa ghi “Cơ sở tính tỷ lệ”: ghi tên danh hiệu, hình thức làm cơ sở (ví dụ Lao động tiên tiến), “Số CBCCVC” hoặc “Số đơn vị”.`,
    en: `“Tỷ lệ tối đa” is given without “Cơ sở tính tỷ lệ”: name the award it is a share of (e.g. Lao động tiên tiến), “Số CBCCVC” or “Số đơn vị”.`,
  }),
  baseWithoutShare: (base: string): Msg => ({
    vi: `Có “Cơ sở tính tỷ lệ” ${q(base)} nhưng không có “Tỷ lệ tối đa”; cơ sở này không được dùng.`,
    en: `“Cơ sở tính tỷ lệ” ${q(base)} is given without “Tỷ lệ tối đa”; it is not used.`,
  }),
  unknownBase: (base: string): Msg => ({
    vi: `Cơ sở tính tỷ lệ ${q(base)} không phải danh hiệu, hình thức nào ở cột “Cấp khen” của trang này, cũng không phải “Số CBCCVC” hay “Số đơn vị”; chỉ tiêu này chưa tính được (0 suất).`,
    en: `Base ${q(base)} is neither an award in “Cấp khen” of this sheet nor “Số CBCCVC” or “Số đơn vị”; this quota cannot be computed (0 places).`,
  }),
  baseCycle: (level: string): Msg => ({
    vi: `Chỉ tiêu ${q(level)} tính theo tỷ lệ của chính nó (vòng lặp qua “Cơ sở tính tỷ lệ”); chưa tính được (0 suất).`,
    en: `Quota ${q(level)} is a share of itself (a loop through “Cơ sở tính tỷ lệ”); cannot be computed (0 places).`,
  }),
  noUnits: (level: string): Msg => ({
    vi: `Chỉ tiêu ${q(level)} tính theo Số đơn vị nhưng sổ chưa có trang “Đơn vị” hoặc trang đó chưa có đơn vị nào; chưa tính được (0 suất).`,
    en: `Quota ${q(level)} is a share of the units, but the ledger lists no unit in “Đơn vị”; cannot be computed (0 places).`,
  }),
  staffPartial: (level: string, units: string): Msg => ({
    vi: `Chỉ tiêu ${q(level)} tính theo Số CBCCVC nhưng các đơn vị ${units} chưa có “Số CBCCVC”: chỉ tiêu chỉ tính trên các đơn vị đã có số.`,
    en: `Quota ${q(level)} is a share of the staff, but units ${units} give no “Số CBCCVC”: it counts only the units that do.`,
  }),
  badGainOf: (code: string, base: string): Msg => ({
    vi: `Tiêu chí ${q(code)} “Tăng bậc từ tiêu chí” ${q(base)}: cần là mã một tiêu chí so sánh khác trong trang và tiêu chí ${q(code)} phải là phép so sánh; cột này bị bỏ qua.`,
    en: `Criterion ${q(code)} “Tăng bậc từ tiêu chí” ${q(base)}: it must name another comparison criterion of this sheet, and ${q(code)} must be a comparison; ignored.`,
  }),
  noStaff: (level: string): Msg => ({
    vi: `Chỉ tiêu ${q(level)} tính theo Số CBCCVC nhưng trang “Đơn vị” chưa có cột “Số CBCCVC” có số; chưa tính được (0 suất).`,
    en: `Quota ${q(level)} is a share of the staff, but “Đơn vị” gives no “Số CBCCVC”; cannot be computed (0 places).`,
  }),
  basePending: (level: string, base: string, pending: number): Msg => ({
    vi: `Chỉ tiêu ${q(level)} tính theo số tập thể, cá nhân đạt ${q(base)}, trong đó còn ${pending} trường hợp chờ Hội đồng quyết định: chỉ tiêu có thể tăng sau khi Hội đồng quyết định.`,
    en: `Quota ${q(level)} is a share of those awarded ${q(base)}, where ${pending} cases await the council: the quota may grow once it decides.`,
  }),
  sameAwardTwice: (who: string, level: string, first: string): Msg => ({
    vi: `${who} đã được đề nghị ${q(level)} ở ${first}; một cá nhân (tập thể) chỉ được đề nghị một lần cho một danh hiệu, hình thức. Đề nghị này chưa được xét. Nếu là hai người khác nhau trùng tên, hãy ghi “Mã định danh”.`,
    en: `${who} is already proposed for ${q(level)} at ${first}; one candidate is proposed once per award. This row is not considered. If these are two people of one name, fill in “Mã định danh”.`,
  }),
  twoForms: (who: string, other: string, first: string): Msg => ({
    vi: `${who} cũng được đề nghị ${q(other)} ở ${first}: hai hình thức khen thưởng cho cùng một thành tích; Hội đồng chọn một.`,
    en: `${who} is also proposed for ${q(other)} at ${first}: two award forms for the same achievement; the council picks one.`,
  }),
  typeMissing: (): Msg => ({
    vi: `Chưa ghi “Loại” (Tập thể hoặc Cá nhân); đề nghị này chưa được xét.`,
    en: `“Loại” (Tập thể or Cá nhân) is empty; this candidate is not considered.`,
  }),
  noScoreToRank: (level: string, type: string): Msg => ({
    vi: `Số đề nghị đủ điều kiện vượt chỉ tiêu ${q(level)} – ${type} nhưng ô “Điểm” đang trống: không xếp thứ tự được; hãy nhập Điểm.`,
    en: `More candidates qualify than the quota ${q(level)} – ${type} allows, but “Điểm” is empty: cannot rank; fill it in.`,
  }),
  councilDecides: (codes: string, level: string, type: string, seats: number): Msg => ({
    vi: `Các đề nghị ${codes} bằng Điểm tại ranh giới chỉ tiêu ${q(level)} – ${type} (còn ${seats} suất): chờ Hội đồng Thi đua - Khen thưởng quyết định.`,
    en: `Candidates ${codes} are tied on Điểm at the edge of the quota ${q(level)} – ${type} (${seats} places left): the council must decide.`,
  }),
  dossierMissing: (items: string): Msg => ({
    vi: `Hồ sơ còn thiếu: ${items}; chưa xét khen thưởng cho tới khi bổ sung.`,
    en: `Dossier items missing: ${items}; not awarded until they are added.`,
  }),
  dossierLate: (submitted: string, deadline: string): Msg => ({
    vi: `Hồ sơ nộp ngày ${submitted}, sau hạn ${deadline}: nộp muộn, không xét khen thưởng.`,
    en: `Dossier submitted on ${submitted}, after the deadline ${deadline}: late, not awarded.`,
  }),
  dossierNoDate: (deadline: string): Msg => ({
    vi: `Chưa có “Ngày nộp hồ sơ” nên không kiểm tra được hạn ${deadline}; chưa xét khen thưởng cho tới khi nhập ngày.`,
    en: `No “Ngày nộp hồ sơ”, so the deadline ${deadline} cannot be checked; not awarded until a date is entered.`,
  }),
} as const;

/** Messages of the quiz with periodic prizes and of the collective prizes (seed 002). */
export const QM = {
  weekEndsBeforeStart: (week: string, from: string, to: string): Msg => ({
    vi: `${q(week)} kết thúc ngày ${to}, trước ngày bắt đầu ${from}; tuần này không được dùng.`,
    en: `${q(week)} ends on ${to}, before it starts on ${from}; this week is not used.`,
  }),
  weekClash: (week: string, other: string, first: string): Msg => ({
    vi: `${q(week)} trùng tên hoặc trùng ngày với ${q(other)} ở ${first}; tuần này không được dùng.`,
    en: `${q(week)} has the name or days of ${q(other)} at ${first}; this week is not used.`,
  }),
  outsideWeeks: (count: number, label: string, span: string): Msg => ({
    vi: `${count} lượt thi ghi ${q(label)} có Thời điểm nộp (hoặc Tuần) nằm ngoài mọi tuần thi ở trang “Tuần thi” (${span}): không được tính, không được xét giải. Ví dụ ở dòng này.`,
    en: `${count} attempts marked ${q(label)} were submitted outside every week of “Tuần thi” (${span}): not counted, never a prize. The first is on this line.`,
  }),
  weekByDate: (count: number, label: string, week: string): Msg => ({
    vi: `${count} lượt thi ghi ${q(label)} nhưng Thời điểm nộp thuộc ${q(week)} theo trang “Tuần thi”: được tính vào ${q(week)}. Ví dụ ở dòng này.`,
    en: `${count} attempts marked ${q(label)} were submitted within ${q(week)} of “Tuần thi”: counted in ${q(week)}. The first is on this line.`,
  }),
  rowNotCounted: (reason: Msg): Msg => ({
    vi: `${reason.vi} Lượt thi ở dòng này không được tính.`,
    en: `${reason.en} The attempt on this line is not counted.`,
  }),
  scoreAboveMax: (value: string, max: number): Msg => ({
    vi: `Điểm ${q(value)} cao hơn điểm tối đa của bài thi (${String(max).replace(".", ",")}, mục “Điểm tối đa bài thi” ở trang Cuộc thi).`,
    en: `Score ${q(value)} is above the quiz's maximum (${max}, “Điểm tối đa bài thi” on Cuộc thi).`,
  }),
  negativeScore: (value: string): Msg => ({
    vi: `Điểm ${q(value)} âm.`,
    en: `Score ${q(value)} is negative.`,
  }),
  tooManyDecimals: (value: string, header: string): Msg => ({
    vi: `${q(value)} ở cột ${q(header)} có quá 4 chữ số thập phân hoặc không phải là số.`,
    en: `${q(value)} in column ${q(header)} has more than 4 decimals or is not a number.`,
  }),
  badDuration: (value: string): Msg => ({
    vi: `Thời gian làm bài ${q(value)} không đọc được; nhập số giây, mm:ss hoặc hh:mm:ss (ví dụ 452, 07:32, 1:07:32).`,
    en: `Time taken ${q(value)} cannot be read; use seconds, mm:ss or hh:mm:ss (e.g. 452, 07:32, 1:07:32).`,
  }),
  badSubmitted: (value: string): Msg => ({
    vi: `Thời điểm nộp ${q(value)} không đọc được; nhập ngày/tháng/năm giờ:phút:giây, ví dụ 02/06/2023 08:15:00.`,
    en: `Submission time ${q(value)} cannot be read; use day/month/year hh:mm:ss, e.g. 02/06/2023 08:15:00.`,
  }),
  moreRowProblems: (count: number): Msg => ({
    vi: `Còn ${count} vấn đề khác ở các dòng sau của tệp này (không liệt kê hết); hãy sửa các lỗi trên rồi chạy lại.`,
    en: `${count} more problems on later lines of this file (not all listed); fix the ones above and run again.`,
  }),
  unknownUnitAttempts: (code: string, count: number): Msg => ({
    vi: `Mã đơn vị ${q(code)} không có trong trang “Đơn vị” (${count} lượt thi, đây là dòng đầu tiên). Các lượt này vẫn được xét giải cá nhân nhưng không tính vào đơn vị nào.`,
    en: `Unit code ${q(code)} is not in the “Đơn vị” sheet (${count} attempts, this is the first). They still count for individual prizes but for no unit.`,
  }),
  participantUnitChanged: (participant: string, first: string, other: string): Msg => ({
    vi: `Thí sinh ${q(participant)} đã thi với đơn vị ${q(first)}, dòng này ghi đơn vị ${q(other)}: vẫn tính cho đơn vị ${q(first)}.`,
    en: `Participant ${q(participant)} took the quiz for unit ${q(first)}; this line says ${q(other)}: still counted for ${q(first)}.`,
  }),
  noQuizPrizeRows: (category: string): Msg => ({
    vi: `Trang “Cơ cấu giải” chưa có dòng nào của hạng mục ${q(category)}: chưa trao giải tuần.`,
    en: `The “Cơ cấu giải” sheet has no row of category ${q(category)}: no weekly prize is given.`,
  }),
  weeklyCouncil: (period: string, participants: string, prizes: string): Msg => ({
    vi: `${period}: các thí sinh ${participants} vẫn bằng nhau sau mọi tiêu chí phụ tại ranh giới giải (${prizes}): chờ Hội đồng quyết định.`,
    en: `${period}: participants ${participants} are still tied after every tie-break at a prize boundary (${prizes}): the committee must decide.`,
  }),
  predictionDuplicate: (period: string, first: string): Msg => ({
    vi: `Đáp án dự đoán của ${q(period)} đã có ở ${first}; dòng này bị bỏ qua.`,
    en: `The prediction answer of ${q(period)} is already given at ${first}; this row is ignored.`,
  }),
  unterminatedQuote: (): Msg => ({
    vi: `Dấu ngoặc kép mở ở dòng này không được đóng đến hết tệp; dòng này không được tính.`,
    en: `A double quote opened on this line is never closed before the end of the file; the line is not counted.`,
  }),
  noAttemptSource: (): Msg => ({
    vi: `Không có dữ liệu trắc nghiệm để tính.`,
    en: `There is no quiz data to tally.`,
  }),
  noCollectiveCategory: (category: string): Msg => ({
    vi: `Không tìm thấy hạng mục ${q(category)} trong trang “Bài dự thi”: chưa xét được giải tập thể.`,
    en: `Category ${q(category)} is not in the “Bài dự thi” sheet: collective prizes cannot be decided.`,
  }),
  collectiveCouncil: (units: string, prizes: string): Msg => ({
    vi: `Các đơn vị ${units} bằng nhau về tỷ lệ tham gia và điểm trung bình tại ranh giới giải tập thể (${prizes}): chờ Hội đồng quyết định.`,
    en: `Units ${units} are tied on participation rate and mean score at a collective prize boundary (${prizes}): the committee must decide.`,
  }),
};

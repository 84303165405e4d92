import type { Cell } from "../cells/cell.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { CRITERIA_SHEET, ENTRIES_SHEET, JUDGES_SHEET, PRIZES_SHEET, SCORES_SHEET, SETTINGS_SHEET_NAME, MOVEMENT_SHEET_NAME, UNITS_SHEET } from "../ledger/schema.js";
import { inputSheet, keyValueSheet, plainSheet } from "./sheet-builder.js";

export type TemplateKind = "sang-kien" | "truc-tuyen" | "thi-dua";
export const TEMPLATE_KINDS: readonly TemplateKind[] = ["sang-kien", "truc-tuyen", "thi-dua"];

type Row = readonly Cell[];

/** Seed 000 has no rubric; this default follows its requirements (creative, applicable, effective, first use). */
export const DEFAULT_RUBRIC: readonly Row[] = [
  ["TC1", "Tính mới, sáng tạo của sáng kiến, giải pháp", 30, 1, null],
  ["TC2", "Khả năng áp dụng vào thực tiễn", 30, 1, null],
  ["TC3", "Hiệu quả mang lại cho cơ quan, người dân, doanh nghiệp", 30, 1, null],
  ["TC4", "Hình thức trình bày, lập luận", 10, 1, null],
];

export const SEED_000_PRIZES: readonly Row[] = [
  [null, "Nhất", 1, 3_000_000],
  [null, "Nhì", 1, 2_000_000],
  [null, "Ba", 2, 1_000_000],
  [null, "Khuyến khích", 3, 500_000],
];

function settings(pairs: readonly (readonly [string, Cell])[], name = SETTINGS_SHEET_NAME): OutputSheet {
  return keyValueSheet(name, ["Mục", "Giá trị"], pairs);
}

function scoresHeaderFor(rubric: readonly Row[]): string[] {
  return rubric.map((r) => String(r[0]));
}

/** Seed 000: Phú Riềng 2020 initiative contest. Example rows are to be replaced by the user. */
function initiativeTemplate(): OutputSheet[] {
  return [
    settings([
      ["Tên cuộc thi", "Tìm sáng kiến, giải pháp cải cách hành chính huyện Phú Riềng"],
      ["Đơn vị tổ chức", "Ủy ban nhân dân huyện Phú Riềng"],
      ["Năm", 2020],
      ["Nhận bài từ ngày", "15/08/2020"],
      ["Nhận bài đến ngày", "10/10/2020"],
      ["Cách tính điểm", "Trung bình"],
      ["Số chữ số thập phân", 2],
      ["Điểm sàn", 50],
      ["Số giám khảo tối thiểu", 3],
      ["Tiêu chí phụ", "TC3, TC1"],
      ["Đồng hạng", "Đồng giải"],
      ["Đọc số", "nghìn"],
    ]),
    inputSheet(UNITS_SHEET, [
      ["PNV", "Phòng Nội vụ", "Phòng, ban", "Có", 1, 8, ""],
      ["XLT", "UBND xã Long Tân", "Xã", "Có", 1, 22, ""],
      ["THPT", "Trường THPT Phú Riềng", "Đơn vị sự nghiệp", "Không", 0, 60, ""],
    ]),
    inputSheet(ENTRIES_SHEET, [["SK01", "Ví dụ: Số hóa hồ sơ một cửa tại xã", null, "XLT", "Nguyễn Văn A", "Cá nhân", "01/09/2020", "Hiện đại hóa hành chính", "Hợp lệ", "Dòng mẫu, hãy thay"]]),
    inputSheet(JUDGES_SHEET, [["GK1", "Ví dụ: Trần Thị B", "PNV", "", ""]]),
    inputSheet(CRITERIA_SHEET, DEFAULT_RUBRIC),
    inputSheet(SCORES_SHEET, [], scoresHeaderFor(DEFAULT_RUBRIC)),
    inputSheet(PRIZES_SHEET, SEED_000_PRIZES),
  ];
}

/** Seed 002: Thừa Thiên Huế 2023, online quiz (weekly prizes), video contest, collective prizes. */
function onlineTemplate(): OutputSheet[] {
  const videoRubric: Row[] = [
    ["ND", "Nội dung: đúng chủ đề cải cách hành chính, thông điệp rõ ràng", 50, 1, "Video"],
    ["ST", "Tính sáng tạo, hấp dẫn", 30, 1, "Video"],
    ["KT", "Kỹ thuật quay, dựng; thời lượng không quá 5 phút", 20, 1, "Video"],
  ];
  return [
    settings([
      ["Tên cuộc thi", "Tìm hiểu về cải cách hành chính tỉnh Thừa Thiên Huế"],
      ["Đơn vị tổ chức", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"],
      ["Năm", 2023],
      ["Nhận bài từ ngày", "01/06/2023"],
      ["Nhận bài đến ngày", "30/06/2023"],
      ["Cách tính điểm", "Trung bình"],
      ["Số chữ số thập phân", 2],
      ["Số giám khảo tối thiểu", 3],
      ["Đồng hạng", "Hội đồng quyết định"],
      ["Đọc số", "nghìn"],
      ["Lượt tính điểm", "Cao nhất"],
      ["Mỗi người một giải", "Không"],
      ["Top video", 20],
      ["Điểm tối đa bài thi", 20],
    ]),
    inputSheet(UNITS_SHEET, [["SNV", "Sở Nội vụ", "Sở, ngành", "Có", 1, 60, ""]]),
    inputSheet(ENTRIES_SHEET, [["V01", "Ví dụ: Một cửa thân thiện", "Video", "SNV", "Tập thể Sở Nội vụ", "Tập thể", "20/06/2023", "Truyền thông", "Hợp lệ", "Dòng mẫu, hãy thay"]]),
    inputSheet(JUDGES_SHEET, [["GK1", "Ví dụ: Lê Văn C", "", "", "Video"]]),
    inputSheet(CRITERIA_SHEET, videoRubric),
    inputSheet(SCORES_SHEET, [], scoresHeaderFor(videoRubric)),
    inputSheet(PRIZES_SHEET, [
      ["Trắc nghiệm", "Nhất", 1, 2_000_000],
      ["Trắc nghiệm", "Nhì", 1, 1_500_000],
      ["Trắc nghiệm", "Ba", 1, 1_000_000],
      ["Video", "Nhất", 1, 3_000_000],
      ["Video", "Nhì", 2, 2_000_000],
      ["Video", "Ba", 2, 1_500_000],
      ["Video", "Khuyến khích", 3, 1_000_000],
      ["Tập thể", "Nhất", 1, 5_000_000],
      ["Tập thể", "Nhì", 2, 3_500_000],
      ["Tập thể", "Ba", 2, 2_500_000],
    ]),
    plainSheet(
      "Trắc nghiệm",
      ["Mã thí sinh", "Họ tên", "Mã đơn vị", "Tuần", "Điểm", "Thời gian làm bài", "Thời điểm nộp", "Dự đoán"],
      [["0905000001", "Ví dụ: Phạm Thị D", "SNV", 1, 18, "07:45", "02/06/2023 08:15:00", 1250]],
      [16, 26, 12, 6, 7, 12, 20, 9],
    ),
    plainSheet(
      "Đáp án dự đoán",
      ["Tuần", "Số đúng"],
      [
        [1, null],
        [2, null],
        [3, null],
        [4, null],
      ],
      [8, 10],
    ),
    plainSheet("Không dự thi", ["Mã thí sinh", "Họ tên", "Lý do"], [["0905000099", "Ví dụ: Thành viên Ban Tổ chức", "Ban Tổ chức"]], [16, 26, 30]),
  ];
}

/** The candidates sheet of a review: its columns, then one per award criterion of seeds 001 and 003 (by code), then the dossier. */
export const REVIEW_CANDIDATES_HEADER: readonly string[] = [
  "Mã",
  "Loại",
  "Tên",
  "Mã đơn vị",
  "Cấp khen",
  "HT_NV",
  "KHONG_TRE_HAN",
  "BAO_CAO",
  "KHONG_KY_LUAT",
  "THU_HANG",
  "TANG_HANG",
  "CHI_SO",
  "SANG_KIEN",
  "DAO_DUC",
  "Tờ trình",
  "Biên bản họp",
  "Báo cáo thành tích",
  "Ngày nộp hồ sơ",
  "Điểm",
];

/** Seeds 001 and 003: yearly emulation review with criteria, quotas and dossiers. */
function emulationTemplate(): OutputSheet[] {
  return [
    // A movement's settings sheet says what it holds: `Phong trào` (`Cuộc thi` is read as well).
    settings(
      [
        ["Tên phong trào", "Phong trào thi đua cải cách hành chính"],
        ["Đơn vị tổ chức", "Ủy ban nhân dân huyện"],
        ["Năm", 2023],
      ],
      MOVEMENT_SHEET_NAME,
    ),
    inputSheet(UNITS_SHEET, [["XMT", "UBND xã Mỹ Thạnh", "Xã", "Có", 1, 25, ""]]),
    plainSheet(
      "Đề nghị khen thưởng",
      REVIEW_CANDIDATES_HEADER,
      [
        ["DN01", "Tập thể", "Ví dụ: Bộ phận một cửa xã Mỹ Thạnh", "XMT", "Giấy khen UBND huyện", "Có", "Có", "Có", "Có", 3, 2, null, null, null, "Có", "Có", "Có", "05/12/2023", 91.5],
        [
          "DN02",
          "Cá nhân",
          "Ví dụ: Nguyễn Văn A, công chức Văn phòng - Thống kê",
          "XMT",
          "Giấy khen UBND xã",
          "Có",
          "Có",
          null,
          null,
          null,
          null,
          91.5,
          "Có",
          "Có",
          "Có",
          "Có",
          "Có",
          "20/11/2023",
          91.5,
        ],
      ],
      [8, 10, 34, 12, 24, 8, 10, 10, 10, 10, 10, 8, 10, 9, 9, 10, 12, 14, 8],
    ),
    plainSheet(
      "Tiêu chí khen thưởng",
      ["Mã tiêu chí", "Nội dung", "Áp dụng cho", "Kiểu", "Ngưỡng", "Nhóm"],
      [
        ["HT_NV", "Hoàn thành tốt các nhiệm vụ được giao về cải cách hành chính", "Tập thể", "Có/Không", null, null],
        ["THU_HANG", "Đạt thứ hạng cao trong xếp hạng kết quả cải cách hành chính (thứ hạng)", "Tập thể", "≤", 3, "XEP_HANG"],
        ["TANG_HANG", "Có sự thay đổi vượt bậc về thứ hạng so với năm trước (số bậc tăng)", "Tập thể", "≥", 5, "XEP_HANG"],
        ["KHONG_TRE_HAN", "Không có hồ sơ trễ hẹn, tồn đọng", "Tập thể", "Có/Không", null, null],
        ["BAO_CAO", "Báo cáo đầy đủ, đúng thời gian", "Tập thể", "Có/Không", null, null],
        ["KHONG_KY_LUAT", "Không có cán bộ bị kỷ luật liên quan đến cải cách hành chính", "Tập thể", "Có/Không", null, null],
        ["HT_NV", "Hoàn thành tốt nhiệm vụ trở lên", "Cá nhân", "Có/Không", null, null],
        ["CHI_SO", "Chỉ số cải cách hành chính của đơn vị đạt bình quân từ 90% trở lên", "Cá nhân", "≥", 90, null],
        ["KHONG_TRE_HAN", "Không có hồ sơ trễ hẹn", "Cá nhân", "Có/Không", null, null],
        ["SANG_KIEN", "Có sáng kiến, giải pháp cải cách hành chính được Hội đồng sáng kiến cấp huyện công nhận", "Cá nhân", "Có/Không", null, null],
        ["DAO_DUC", "Có phẩm chất đạo đức tốt, gương mẫu chấp hành chủ trương, chính sách, pháp luật", "Cá nhân", "Có/Không", null, null],
      ],
      [14, 60, 12, 10, 8, 12],
    ),
    plainSheet(
      "Chỉ tiêu khen thưởng",
      ["Cấp khen", "Loại", "Số lượng", "Hạn nộp", "Mức thưởng"],
      [
        ["Giấy khen UBND xã", "Tập thể", 1, "25/11/2023", null],
        ["Giấy khen UBND xã", "Cá nhân", 3, "25/11/2023", null],
        ["Giấy khen UBND huyện", "Tập thể", 1, "10/12/2023", null],
        ["Giấy khen UBND huyện", "Cá nhân", 1, "10/12/2023", null],
      ],
      [24, 10, 10, 12, 14],
    ),
  ];
}

/** A template's sheets, each set up to print by its builder (the settings sheet `Cuộc thi` on one page, labels beside their values). */
export function templateSheets(kind: TemplateKind): OutputSheet[] {
  if (kind === "sang-kien") return initiativeTemplate();
  if (kind === "truc-tuyen") return onlineTemplate();
  return emulationTemplate();
}

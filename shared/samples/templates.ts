import type { Cell } from "../cells/cell.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { CRITERIA_SHEET, ENTRIES_SHEET, JUDGES_SHEET, PRIZES_SHEET, SCORES_SHEET, SETTINGS_SHEET_NAME, MOVEMENT_SHEET_NAME, UNITS_SHEET } from "../ledger/schema.js";
import { inputSheet, keyValueSheet, plainSheet } from "./sheet-builder.js";

export type TemplateKind = "sang-kien" | "truc-tuyen" | "thi-dua";

/**
 * No year and no place is written into a template: dates follow `year` (the host passes the
 * current one), and the organiser is a blank to fill. Since 1 July 2025 local government has two
 * levels (province; commune, ward, special zone); units and awards are rows the secretariat edits.
 */
export interface TemplateOptions {
  readonly year: number;
}

/** dd/mm/yyyy of day `d`, month `m` of `year`. */
const on = (d: number, m: number, year: number): string => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${year}`;
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

/** Units as the two-level structure has them: provincial departments, communes, wards, special zones (example rows to replace). */
const EXAMPLE_UNITS: readonly Row[] = [
  ["SNV", "Sở Nội vụ", "Sở, ngành", "Có", 1, 60, ""],
  ["X01", "Ví dụ: Ủy ban nhân dân xã A", "Xã", "Có", 1, 30, ""],
  ["P01", "Ví dụ: Ủy ban nhân dân phường B", "Phường", "Có", 1, 35, ""],
  ["DK01", "Ví dụ: Ủy ban nhân dân đặc khu C", "Đặc khu", "Không", 0, 20, ""],
];

/** Seed 000's plan (an initiative contest, 15/08 – 10/10). Example rows are to be replaced by the user. */
function initiativeTemplate({ year }: TemplateOptions): OutputSheet[] {
  return [
    settings([
      ["Tên cuộc thi", `Tìm sáng kiến, giải pháp cải cách hành chính năm ${year}`],
      ["Đơn vị tổ chức", "Ủy ban nhân dân … (ghi tên tỉnh, hoặc xã, phường, đặc khu)"],
      ["Năm", year],
      ["Nhận bài từ ngày", on(15, 8, year)],
      ["Nhận bài đến ngày", on(10, 10, year)],
      ["Cách tính điểm", "Trung bình"],
      ["Số chữ số thập phân", 2],
      ["Điểm sàn", 50],
      ["Số giám khảo tối thiểu", 3],
      ["Tiêu chí phụ", "TC3, TC1"],
      ["Đồng hạng", "Đồng giải"],
      ["Đọc số", "nghìn"],
    ]),
    inputSheet(UNITS_SHEET, EXAMPLE_UNITS),
    inputSheet(ENTRIES_SHEET, [["SK01", "Ví dụ: Số hóa hồ sơ một cửa tại xã", null, "X01", "Nguyễn Văn A", "Cá nhân", on(1, 9, year), "Hiện đại hóa hành chính", "Hợp lệ", "Dòng mẫu, hãy thay"]]),
    inputSheet(JUDGES_SHEET, [["GK1", "Ví dụ: Trần Thị B", "SNV", "", ""]]),
    inputSheet(CRITERIA_SHEET, DEFAULT_RUBRIC),
    inputSheet(SCORES_SHEET, [], scoresHeaderFor(DEFAULT_RUBRIC)),
    inputSheet(PRIZES_SHEET, SEED_000_PRIZES),
  ];
}

/** The quiz weeks of seed 002: four weeks from 01/06, the last one running to 30/06. */
export function quizWeeks(year: number): Row[] {
  return [
    [1, on(1, 6, year), on(7, 6, year)],
    [2, on(8, 6, year), on(14, 6, year)],
    [3, on(15, 6, year), on(21, 6, year)],
    [4, on(22, 6, year), on(30, 6, year)],
  ];
}

/** Seed 002's plan: online quiz (weekly prizes), video contest, collective prizes. */
function onlineTemplate({ year }: TemplateOptions): OutputSheet[] {
  const videoRubric: Row[] = [
    ["ND", "Nội dung: đúng chủ đề cải cách hành chính, thông điệp rõ ràng", 50, 1, "Video"],
    ["ST", "Tính sáng tạo, hấp dẫn", 30, 1, "Video"],
    ["KT", "Kỹ thuật quay, dựng; thời lượng không quá 5 phút", 20, 1, "Video"],
  ];
  return [
    settings([
      ["Tên cuộc thi", `Tìm hiểu về cải cách hành chính năm ${year}`],
      ["Đơn vị tổ chức", "Ủy ban nhân dân tỉnh …"],
      ["Năm", year],
      ["Nhận bài từ ngày", on(1, 6, year)],
      ["Nhận bài đến ngày", on(30, 6, year)],
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
    inputSheet(UNITS_SHEET, EXAMPLE_UNITS),
    inputSheet(ENTRIES_SHEET, [["V01", "Ví dụ: Một cửa thân thiện", "Video", "SNV", "Tập thể Sở Nội vụ", "Tập thể", on(20, 6, year), "Truyền thông", "Hợp lệ", "Dòng mẫu, hãy thay"]]),
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
      [["0905000001", "Ví dụ: Phạm Thị D", "SNV", 1, 18, "07:45", `${on(2, 6, year)} 08:15:00`, 1250]],
      [16, 26, 12, 6, 7, 12, 20, 9],
    ),
    plainSheet("Tuần thi", ["Tuần", "Từ ngày", "Đến ngày"], quizWeeks(year), [8, 12, 12]),
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

/** The quotas sheet of a review: the award, its kind and authority, how many (a count, a share of a base, or no limit), and why. */
export const REVIEW_QUOTAS_HEADER: readonly string[] = ["Cấp khen", "Loại", "Số lượng", "Tỷ lệ tối đa", "Cơ sở tính tỷ lệ", "Loại khen", "Thẩm quyền khen", "Hạn nộp", "Mức thưởng", "Căn cứ"];

const CHECK_IN_FORCE = "đối chiếu văn bản hướng dẫn hiện hành";

/**
 * The yearly titles (Luật Thi đua, khen thưởng 2022) and the forms of seeds 001 and 003 for a
 * commune's council: its own Giấy khen (01 tập thể, 03 cá nhân by 25/11) and the 01 + 01 it
 * proposes upward by 10/12, now to the province (Bằng khen của Chủ tịch UBND tỉnh, seed 003).
 */
function reviewQuotas(year: number): Row[] {
  const own = "Chủ tịch UBND xã";
  const province = "Chủ tịch UBND tỉnh";
  const plan = "Kế hoạch phong trào thi đua (mục Khen thưởng)";
  return [
    [
      "Danh hiệu Lao động tiên tiến",
      "Cá nhân",
      "Không giới hạn",
      null,
      null,
      "Danh hiệu thi đua",
      own,
      on(25, 11, year),
      null,
      `Luật Thi đua, khen thưởng 2022: xét theo tiêu chuẩn, không giới hạn số lượng (${CHECK_IN_FORCE})`,
    ],
    [
      "Danh hiệu Chiến sĩ thi đua cơ sở",
      "Cá nhân",
      null,
      "15%",
      "Lao động tiên tiến",
      "Danh hiệu thi đua",
      own,
      on(25, 11, year),
      null,
      `Không quá 15% số cá nhân đạt danh hiệu Lao động tiên tiến (${CHECK_IN_FORCE})`,
    ],
    ["Danh hiệu Tập thể lao động tiên tiến", "Tập thể", "Không giới hạn", null, null, "Danh hiệu thi đua", own, on(25, 11, year), null, `Luật Thi đua, khen thưởng 2022 (${CHECK_IN_FORCE})`],
    [
      "Danh hiệu Tập thể lao động xuất sắc",
      "Tập thể",
      "Không giới hạn",
      null,
      null,
      "Danh hiệu thi đua",
      province,
      on(10, 12, year),
      null,
      `Ghi tỷ lệ nếu văn bản hướng dẫn quy định (${CHECK_IN_FORCE})`,
    ],
    ["Giấy khen của Chủ tịch UBND xã", "Tập thể", 1, null, null, "Hình thức khen thưởng", own, on(25, 11, year), null, `${plan}: chọn 01 tập thể đề nghị Ủy ban nhân dân xã khen thưởng`],
    ["Giấy khen của Chủ tịch UBND xã", "Cá nhân", 3, null, null, "Hình thức khen thưởng", own, on(25, 11, year), null, `${plan}: chọn 03 cá nhân đề nghị Ủy ban nhân dân xã khen thưởng`],
    ["Bằng khen của Chủ tịch UBND tỉnh", "Tập thể", 1, null, null, "Hình thức khen thưởng", province, on(10, 12, year), null, `${plan}: Hội đồng xét chọn 01 tập thể đề nghị cấp trên`],
    ["Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", 1, null, null, "Hình thức khen thưởng", province, on(10, 12, year), null, `${plan}: Hội đồng xét chọn 01 cá nhân đề nghị cấp trên`],
  ];
}

export const REVIEW_CRITERIA_HEADER: readonly string[] = ["Mã tiêu chí", "Nội dung", "Áp dụng cho", "Kiểu", "Ngưỡng", "Nhóm", "Tăng bậc từ tiêu chí"];

/** The award criteria of seed 003, by code; criteria sharing `Nhóm` are alternatives; the jump in rank is read from last year's rank when not typed. */
export const REVIEW_CRITERIA: readonly Row[] = [
  ["HT_NV", "Hoàn thành tốt các nhiệm vụ được giao về cải cách hành chính", "Tập thể", "Có/Không", null, null, null],
  ["THU_HANG", "Đạt thứ hạng cao trong xếp hạng kết quả cải cách hành chính (thứ hạng)", "Tập thể", "≤", 3, "XEP_HANG", null],
  ["TANG_HANG", "Có sự thay đổi vượt bậc về thứ hạng so với năm trước (số bậc tăng)", "Tập thể", "≥", 5, "XEP_HANG", "THU_HANG"],
  ["KHONG_TRE_HAN", "Không có hồ sơ trễ hẹn, tồn đọng", "Tập thể", "Có/Không", null, null, null],
  ["BAO_CAO", "Báo cáo đầy đủ, đúng thời gian", "Tập thể", "Có/Không", null, null, null],
  ["KHONG_KY_LUAT", "Không có cán bộ bị kỷ luật liên quan đến cải cách hành chính", "Tập thể", "Có/Không", null, null, null],
  ["HT_NV", "Hoàn thành tốt nhiệm vụ trở lên", "Cá nhân", "Có/Không", null, null, null],
  ["CHI_SO", "Chỉ số cải cách hành chính của đơn vị đạt bình quân từ 90% trở lên", "Cá nhân", "≥", 90, null, null],
  ["KHONG_TRE_HAN", "Không có hồ sơ trễ hẹn", "Cá nhân", "Có/Không", null, null, null],
  ["SANG_KIEN", "Có sáng kiến, giải pháp cải cách hành chính được Hội đồng sáng kiến có thẩm quyền công nhận", "Cá nhân", "Có/Không", null, null, null],
  ["DAO_DUC", "Có phẩm chất đạo đức tốt, gương mẫu chấp hành chủ trương, chính sách, pháp luật", "Cá nhân", "Có/Không", null, null, null],
];

/** Seeds 001 and 003: yearly emulation review with criteria, quotas and dossiers, for the council of a commune (ward, special zone). */
function emulationTemplate({ year }: TemplateOptions): OutputSheet[] {
  return [
    // A movement's settings sheet says what it holds: `Phong trào` (`Cuộc thi` is read as well).
    settings(
      [
        ["Tên phong trào", `Phong trào thi đua đẩy mạnh cải cách hành chính năm ${year}`],
        ["Đơn vị tổ chức", "Ủy ban nhân dân xã … (hoặc phường, đặc khu)"],
        ["Năm", year],
        // The code this ledger's organiser has in the higher level's `Đơn vị`: its proposals are imported under it.
        ["Mã đơn vị", "X01"],
        ["Đọc số", "nghìn"],
      ],
      MOVEMENT_SHEET_NAME,
    ),
    inputSheet(UNITS_SHEET, [
      ["VP", "Văn phòng HĐND và UBND xã", "Phòng chuyên môn", "Có", null, 12, ""],
      ["PKT", "Phòng Kinh tế", "Phòng chuyên môn", "Có", null, 8, ""],
      ["PVHXH", "Phòng Văn hóa - Xã hội", "Phòng chuyên môn", "Có", null, 8, ""],
      ["TDP01", "Ví dụ: Thôn (tổ dân phố) 1", "Thôn, tổ dân phố", "Không", null, 3, ""],
    ]),
    plainSheet(
      "Đề nghị khen thưởng",
      [...REVIEW_CANDIDATES_HEADER, "Mã định danh"],
      [
        [
          "DN01",
          "Tập thể",
          "Ví dụ: Phòng Văn hóa - Xã hội",
          "PVHXH",
          "Giấy khen của Chủ tịch UBND xã",
          "Có",
          "Có",
          "Có",
          "Có",
          3,
          2,
          null,
          null,
          null,
          "Có",
          "Có",
          "Có",
          on(20, 11, year),
          91.5,
          "PVHXH",
        ],
        [
          "DN02",
          "Cá nhân",
          "Ví dụ: Nguyễn Văn A, công chức Văn phòng HĐND và UBND xã",
          "VP",
          "Danh hiệu Lao động tiên tiến",
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
          on(20, 11, year),
          91.5,
          "Ví dụ: số CCCD",
        ],
      ],
      [8, 10, 34, 12, 30, 8, 10, 10, 10, 10, 10, 8, 10, 9, 9, 10, 12, 14, 8, 14],
    ),
    plainSheet("Tiêu chí khen thưởng", REVIEW_CRITERIA_HEADER, REVIEW_CRITERIA, [14, 60, 12, 10, 8, 12, 14]),
    plainSheet("Chỉ tiêu khen thưởng", REVIEW_QUOTAS_HEADER, reviewQuotas(year), [34, 10, 14, 10, 20, 20, 22, 12, 12, 60]),
  ];
}

/** A template's sheets, each set up to print by its builder (the settings sheet `Cuộc thi` on one page, labels beside their values). */
export function templateSheets(kind: TemplateKind, options: TemplateOptions): OutputSheet[] {
  if (kind === "sang-kien") return initiativeTemplate(options);
  if (kind === "truc-tuyen") return onlineTemplate(options);
  return emulationTemplate(options);
}

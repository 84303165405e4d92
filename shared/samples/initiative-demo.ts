import type { Cell } from "../cells/cell.js";
import { dateOfDay, dayFromParts } from "../cells/date.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { CRITERIA_SHEET, ENTRIES_SHEET, JUDGES_SHEET, PRIZES_SHEET, SCORES_SHEET, UNITS_SHEET } from "../ledger/schema.js";
import { inputSheet } from "./sheet-builder.js";
import { DEFAULT_RUBRIC, SEED_000_PRIZES, templateSheets } from "./templates.js";

/** Invented data in the shape of seed 000 (Phú Riềng 2020): names and scores are fictitious. */
const UNITS: readonly (readonly Cell[])[] = [
  ["PNV", "Phòng Nội vụ", "Phòng, ban", "Có", 1, 9, "pnv@phurieng.example.vn"],
  ["PTP", "Phòng Tư pháp", "Phòng, ban", "Có", 1, 6, "ptp@phurieng.example.vn"],
  ["PVHTT", "Phòng Văn hóa và Thông tin", "Phòng, ban", "Có", 1, 7, "pvhtt@phurieng.example.vn"],
  ["PTCKH", "Phòng Tài chính - Kế hoạch", "Phòng, ban", "Có", 1, 10, "ptckh@phurieng.example.vn"],
  ["VP", "Văn phòng HĐND và UBND huyện", "Phòng, ban", "Có", 1, 18, "vp@phurieng.example.vn"],
  ["XLT", "UBND xã Long Tân", "Xã", "Có", 1, 21, "longtan@phurieng.example.vn"],
  ["XLH", "UBND xã Long Hưng", "Xã", "Có", 1, 20, "longhung@phurieng.example.vn"],
  ["XPR", "UBND xã Phú Riềng", "Xã", "Có", 1, 22, "phurieng@phurieng.example.vn"],
  ["XBT", "UBND xã Bình Tân", "Xã", "Có", 1, 19, "binhtan@phurieng.example.vn"],
  ["XPT", "UBND xã Phước Tân", "Xã", "Có", 1, 18, "phuoctan@phurieng.example.vn"],
  ["CAH", "Công an huyện", "Cơ quan ngành dọc", "Không", 0, 85, ""],
  ["THPT", "Trường THPT Phú Riềng", "Đơn vị sự nghiệp", "Không", 0, 64, ""],
];

const received = (d: number, m: number): Date => dateOfDay(dayFromParts(2020, m, d)!);

const ENTRIES: readonly (readonly Cell[])[] = [
  ["SK01", "Phần mềm quản lý văn bản đi – đến liên thông cấp xã", null, "PNV", "Hoàng Văn Định", "Cá nhân", received(2, 9), "Hiện đại hóa hành chính", "Hợp lệ", null],
  ["SK02", "Chuẩn hóa quy trình chứng thực bản sao điện tử", null, "PTP", "Tập thể Phòng Tư pháp", "Tập thể", received(18, 8), "Cải cách thủ tục hành chính", "Hợp lệ", null],
  ["SK03", "Tuyên truyền cải cách hành chính qua trang Zalo của huyện", null, "PVHTT", "Đỗ Thị Hạnh", "Cá nhân", received(25, 9), "Tuyên truyền cải cách hành chính", null, null],
  ["SK04", "Thanh toán không dùng tiền mặt phí, lệ phí tại Bộ phận một cửa", null, "PTCKH", "Vũ Quang Khải; Lý Thu Trang", "Cá nhân", received(30, 9), "Cải cách tài chính công", "Hợp lệ", null],
  ["SK05", "Phiếu đánh giá mức độ hài lòng bằng mã QR", null, "VP", "Tập thể Văn phòng HĐND và UBND", "Tập thể", received(5, 10), "Sự hài lòng của người dân", "Hợp lệ", null],
  ["SK06", "Sổ theo dõi hồ sơ một cửa bằng bảng tính dùng chung", null, "XLT", "Phan Văn Lộc", "Cá nhân", received(9, 10), "Cơ chế một cửa, một cửa liên thông", "Hợp lệ", null],
  ["SK07", "Tổ hỗ trợ người dân nộp hồ sơ trực tuyến mức độ 3, 4", null, "XLH", "Đoàn Thanh niên xã Long Hưng", "Tập thể", received(10, 10), "Dịch vụ công trực tuyến", "Hợp lệ", null],
  ["SK08", "Lịch tiếp công dân trực tuyến của Chủ tịch UBND xã", null, "XPR", "Trịnh Minh Quân", "Cá nhân", received(1, 10), "Văn hóa công vụ", "Hợp lệ", null],
  ["SK09", "Số hóa sổ hộ tịch từ năm 1990", null, "XBT", "Mai Thị Lan", "Cá nhân", received(20, 9), "Hiện đại hóa hành chính", "Hợp lệ", null],
  ["SK10", "Ứng dụng định danh điện tử trong đăng ký cư trú", null, "CAH", "Đội Cảnh sát quản lý hành chính", "Tập thể", received(28, 9), "Chính quyền điện tử", "Hợp lệ", null],
  ["SK11", "Bộ tiêu chí đánh giá công chức một cửa hằng tháng", null, "PNV", "Ngô Thị Bích", "Cá nhân", received(7, 10), "Nâng cao chất lượng đội ngũ", "Hợp lệ", null],
  ["SK12", "Nhắn tin kết quả giải quyết hồ sơ cho phụ huynh học sinh", null, "THPT", "Tổ Văn phòng nhà trường", "Tập thể", received(12, 10), "Khác", "Hợp lệ", "Gửi qua bưu điện"],
  ["SK13", "Hộp thư góp ý điện tử của xã", null, "XLT", "Phan Văn Lộc", "Cá nhân", received(15, 9), "Khác", "Rút", "Tác giả xin rút ngày 01/10"],
  ["SK14", "Mẫu hóa hồ sơ hòa giải ở cơ sở", null, "PTP", "Bùi Đức Nam", "Cá nhân", received(3, 10), "Cải cách thể chế", "Không hợp lệ", "Trùng sáng kiến đã công nhận năm 2019"],
];

const JUDGES: readonly (readonly Cell[])[] = [
  ["GK1", "Trần Văn Hùng", "PNV", "hung.tv@phurieng.example.vn", null],
  ["GK2", "Nguyễn Thị Mai", "", "mai.nt@phurieng.example.vn", null],
  ["GK3", "Lê Minh Tuấn", "", "tuan.lm@phurieng.example.vn", null],
];

/**
 * What each judge returns: criterion scores TC1..TC4 per entry. SK06 and SK08 tie on score and
 * on both tie-break criteria; SK02 and SK05 tie on score and are split by TC3. GK1 belongs to PNV
 * and gets no PNV entries; GK3 leaves SK07 blank.
 */
export const DEMO_RETURNED_SCORES: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  GK1: {
    SK02: [26, 26, 24, 8],
    SK03: [22, 22, 21, 8],
    SK04: [28, 27, 27, 9],
    SK05: [25, 25, 25, 9],
    SK06: [24, 25, 23, 8],
    SK07: [23, 23, 22, 8],
    SK08: [24, 24, 24, 8],
    SK09: [15, 14, 12, 6],
    SK10: [25, 25, 24, 8],
    SK12: [26, 26, 26, 9],
  },
  GK2: {
    SK01: [24, 24, 23, 8],
    SK02: [25, 27, 24, 8],
    SK03: [23, 22, 22, 8],
    SK04: [27, 26, 26, 9],
    SK05: [26, 24, 25, 9],
    SK06: [25, 24, 24, 8],
    SK07: [22, 24, 23, 8],
    SK08: [24, 25, 24, 8],
    SK09: [14, 13, 14, 6],
    SK10: [25, 24, 25, 8],
    SK11: [20, 21, 20, 7],
    SK12: [26, 26, 26, 9],
  },
  GK3: {
    SK01: [24, 24, 24, 8],
    SK02: [26, 26, 24, 8],
    SK03: [20, 21, 22, 7],
    SK04: [27, 27, 26, 7],
    SK05: [25, 25, 26, 8],
    SK06: [23, 24, 24, 9],
    SK08: [24, 24, 23, 9],
    SK09: [13, 14, 13, 7],
    SK10: [24, 25, 24, 9],
    SK11: [21, 20, 21, 7],
    SK12: [26, 26, 26, 9],
  },
};

/** Seed 000's own words where the template leaves blanks (a district before 1 July 2025), and two judges per entry. */
const SEED_000_SETTINGS: readonly Cell[][] = [
  ["Tên cuộc thi", "Tìm sáng kiến, giải pháp cải cách hành chính huyện Phú Riềng"],
  ["Đơn vị tổ chức", "Ủy ban nhân dân huyện Phú Riềng"],
  ["Số giám khảo tối thiểu", 2],
];

/** The sample ledger before judging: settings of the seed-000 template, invented units and entries. */
export function initiativeDemoSheets(): OutputSheet[] {
  const settings = templateSheets("sang-kien", { year: 2020 })[0]!;
  const rows = settings.rows.map((r) => SEED_000_SETTINGS.find(([k]) => k === r[0]) ?? r);
  return [
    { ...settings, rows },
    inputSheet(UNITS_SHEET, UNITS),
    inputSheet(ENTRIES_SHEET, ENTRIES),
    inputSheet(JUDGES_SHEET, JUDGES),
    inputSheet(CRITERIA_SHEET, DEFAULT_RUBRIC),
    // A score the secretariat typed before the judges' workbooks went out: GK1 scoring an entry of
    // GK1's own unit. It stays in the ledger and is excluded as a conflict of interest.
    inputSheet(
      SCORES_SHEET,
      [["SK01", "GK1", null, 28, 28, 28, 10]],
      DEFAULT_RUBRIC.map((r) => String(r[0])),
    ),
    inputSheet(PRIZES_SHEET, SEED_000_PRIZES),
  ];
}

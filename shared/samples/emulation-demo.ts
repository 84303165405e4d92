import type { Cell } from "../cells/cell.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { UNITS_SHEET } from "../ledger/schema.js";
import { inputSheet, keyValueSheet, plainSheet } from "./sheet-builder.js";
import { REVIEW_CANDIDATES_HEADER, REVIEW_CRITERIA } from "./templates.js";

/**
 * Invented data in the shape of seeds 001 (Mỹ Thạnh commune: 1 collective + 3 individuals at
 * commune level by 25/11, 1 + 1 proposed to the district by 10/12) and 003 (the criteria). Every
 * name is fictitious. It shows each rule: an alternative met by the jump in rank (TT02), failed
 * criteria (TT03, CN05), a tie on Điểm at the edge of the commune quota (CN03, CN04 → council),
 * a missing dossier item (CN06), a late dossier (CN07), and a collective ranked outside its quota.
 */
const UNITS: readonly (readonly Cell[])[] = [
  ["BPMC", "Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh", "Xã", "Có", null, 4, ""],
  ["VPTK", "Văn phòng - Thống kê", "Xã", "Có", null, 3, ""],
  ["TPHT", "Tư pháp - Hộ tịch", "Xã", "Có", null, 2, ""],
  ["DCXD", "Địa chính - Xây dựng", "Xã", "Có", null, 2, ""],
  ["APH", "Ban nhân dân ấp Phú Hòa", "Ấp", "Không", null, 5, ""],
  ["ATL", "Ban nhân dân ấp Thạnh Lợi", "Ấp", "Không", null, 5, ""],
];

const HEADER = [...REVIEW_CANDIDATES_HEADER, "Ghi chú"];

const XA = "Giấy khen UBND xã";
const HUYEN = "Giấy khen UBND huyện";

const CANDIDATES: readonly (readonly Cell[])[] = [
  ["TT01", "Tập thể", "Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh", "BPMC", XA, "Có", "Có", "Có", "Có", 2, 1, null, null, null, "Có", "Có", "Có", "20/11/2023", "92,4", null],
  ["TT02", "Tập thể", "Ban nhân dân ấp Phú Hòa", "APH", XA, "Có", "Có", "Có", "Có", 8, 6, null, null, null, "Có", "Có", "Có", "21/11/2023", 88, "Tăng 6 bậc so với năm trước"],
  ["TT03", "Tập thể", "Ban nhân dân ấp Thạnh Lợi", "ATL", XA, "Có", "Không", "Có", "Có", 9, 1, null, null, null, "Có", "Có", "Có", "22/11/2023", 80, null],
  ["TT04", "Tập thể", "Văn phòng - Thống kê xã Mỹ Thạnh", "VPTK", HUYEN, "Có", "Có", "Có", "Có", 1, 0, null, null, null, "Có", "Có", "Có", "05/12/2023", "93,1", "Hội đồng xã đề nghị lên huyện"],
  ["CN01", "Cá nhân", "Lê Thị Thu Hà", "TPHT", XA, "Có", "Có", null, null, null, null, "93,5", "Có", "Có", "Có", "Có", "Có", "18/11/2023", "93,5", null],
  ["CN02", "Cá nhân", "Trần Minh Khoa", "DCXD", XA, "Có", "Có", null, null, null, null, "91,2", "Có", "Có", "Có", "Có", "Có", "19/11/2023", "91,2", null],
  ["CN03", "Cá nhân", "Võ Thị Ngọc Bích", "VPTK", XA, "Có", "Có", null, null, null, null, "90,4", "Có", "Có", "Có", "Có", "Có", "20/11/2023", "90,4", null],
  ["CN04", "Cá nhân", "Huỳnh Văn Phúc", "BPMC", XA, "Có", "Có", null, null, null, null, "90,4", "Có", "Có", "Có", "Có", "Có", "24/11/2023", "90,4", null],
  ["CN05", "Cá nhân", "Đặng Quốc Bảo", "DCXD", XA, "Có", "Có", null, null, null, null, "87", "Không", "Có", "Có", "Có", "Có", "23/11/2023", 87, null],
  ["CN06", "Cá nhân", "Phạm Thị Mỹ Linh", "TPHT", XA, "Có", "Có", null, null, null, null, "92", "Có", "Có", "Có", null, "Có", "21/11/2023", 92, "Chưa gửi biên bản họp"],
  ["CN07", "Cá nhân", "Ngô Thanh Tùng", "BPMC", XA, "Có", "Có", null, null, null, null, "94", "Có", "Có", "Có", "Có", "Có", "28/11/2023", 94, null],
  ["CN08", "Cá nhân", "Nguyễn Hoàng Nam", "VPTK", HUYEN, "Có", "Có", null, null, null, null, "94", "Có", "Có", "Có", "Có", "Có", "08/12/2023", 94, "Hội đồng xã đề nghị lên huyện"],
];

/** Invented example amounts; the secretariat types the amounts of the regulation in force. */
const QUOTAS: readonly (readonly Cell[])[] = [
  [XA, "Tập thể", 1, "25/11/2023", 540_000],
  [XA, "Cá nhân", 3, "25/11/2023", 270_000],
  [HUYEN, "Tập thể", 1, "10/12/2023", 540_000],
  [HUYEN, "Cá nhân", 1, "10/12/2023", 270_000],
];

/** The sample review ledger: the `thi-dua` template's criteria with invented units and candidates. */
export function emulationDemoSheets(): OutputSheet[] {
  const criteria = plainSheet("Tiêu chí khen thưởng", ["Mã tiêu chí", "Nội dung", "Áp dụng cho", "Kiểu", "Ngưỡng", "Nhóm"], REVIEW_CRITERIA, [14, 60, 12, 10, 8, 12]);
  return [
    keyValueSheet(
      "Phong trào",
      ["Mục", "Giá trị"],
      [
        ["Tên phong trào", "Phong trào thi đua đẩy mạnh cải cách hành chính xã Mỹ Thạnh"],
        ["Đơn vị tổ chức", "Ủy ban nhân dân xã Mỹ Thạnh"],
        ["Năm", 2023],
        ["Đọc số", "nghìn"],
      ],
    ),
    inputSheet(UNITS_SHEET, UNITS),
    plainSheet("Đề nghị khen thưởng", HEADER, CANDIDATES, [8, 10, 40, 10, 22, 8, 10, 9, 10, 10, 10, 8, 10, 9, 9, 10, 12, 14, 8, 28]),
    criteria,
    plainSheet("Chỉ tiêu khen thưởng", ["Cấp khen", "Loại", "Số lượng", "Hạn nộp", "Mức thưởng"], QUOTAS, [24, 10, 10, 12, 14]),
  ];
}

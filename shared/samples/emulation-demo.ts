import type { Cell } from "../cells/cell.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { UNITS_SHEET } from "../ledger/schema.js";
import { inputSheet, keyValueSheet, plainSheet } from "./sheet-builder.js";
import { REVIEW_CANDIDATES_HEADER, REVIEW_CRITERIA, REVIEW_CRITERIA_HEADER } from "./templates.js";

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

const HEADER = [...REVIEW_CANDIDATES_HEADER, "Ghi chú", "Mã định danh"];

const XA = "Giấy khen của Chủ tịch UBND xã";
const HUYEN = "Giấy khen của Chủ tịch UBND huyện";
const TINH = "Bằng khen của Chủ tịch UBND tỉnh";

/** Mã định danh of the people the demo follows across levels (invented staff numbers). */
const NAM = "CB-XMT-008";

const CANDIDATES: readonly (readonly Cell[])[] = [
  ["TT01", "Tập thể", "Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh", "BPMC", XA, "Có", "Có", "Có", "Có", 2, 1, null, null, null, "Có", "Có", "Có", "20/11/2023", "92,4", null, null],
  ["TT02", "Tập thể", "Ban nhân dân ấp Phú Hòa", "APH", XA, "Có", "Có", "Có", "Có", 8, 6, null, null, null, "Có", "Có", "Có", "21/11/2023", 88, "Tăng 6 bậc so với năm trước", null],
  ["TT03", "Tập thể", "Ban nhân dân ấp Thạnh Lợi", "ATL", XA, "Có", "Không", "Có", "Có", 9, 1, null, null, null, "Có", "Có", "Có", "22/11/2023", 80, null, null],
  ["TT04", "Tập thể", "Văn phòng - Thống kê xã Mỹ Thạnh", "VPTK", HUYEN, "Có", "Có", "Có", "Có", 1, 0, null, null, null, "Có", "Có", "Có", "05/12/2023", "93,1", "Hội đồng xã đề nghị lên huyện", null],
  ["CN01", "Cá nhân", "Lê Thị Thu Hà", "TPHT", XA, "Có", "Có", null, null, null, null, "93,5", "Có", "Có", "Có", "Có", "Có", "18/11/2023", "93,5", null, "CB-XMT-001"],
  ["CN02", "Cá nhân", "Trần Minh Khoa", "DCXD", XA, "Có", "Có", null, null, null, null, "91,2", "Có", "Có", "Có", "Có", "Có", "19/11/2023", "91,2", null, "CB-XMT-002"],
  ["CN03", "Cá nhân", "Võ Thị Ngọc Bích", "VPTK", XA, "Có", "Có", null, null, null, null, "90,4", "Có", "Có", "Có", "Có", "Có", "20/11/2023", "90,4", null, "CB-XMT-003"],
  ["CN04", "Cá nhân", "Huỳnh Văn Phúc", "BPMC", XA, "Có", "Có", null, null, null, null, "90,4", "Có", "Có", "Có", "Có", "Có", "24/11/2023", "90,4", null, "CB-XMT-004"],
  ["CN05", "Cá nhân", "Đặng Quốc Bảo", "DCXD", XA, "Có", "Có", null, null, null, null, "87", "Không", "Có", "Có", "Có", "Có", "23/11/2023", 87, null, "CB-XMT-005"],
  ["CN06", "Cá nhân", "Phạm Thị Mỹ Linh", "TPHT", XA, "Có", "Có", null, null, null, null, "92", "Có", "Có", "Có", null, "Có", "21/11/2023", 92, "Chưa gửi biên bản họp", "CB-XMT-006"],
  ["CN07", "Cá nhân", "Ngô Thanh Tùng", "BPMC", XA, "Có", "Có", null, null, null, null, "94", "Có", "Có", "Có", "Có", "Có", "28/11/2023", 94, null, "CB-XMT-007"],
  ["CN08", "Cá nhân", "Nguyễn Hoàng Nam", "VPTK", HUYEN, "Có", "Có", null, null, null, null, "94", "Có", "Có", "Có", "Có", "Có", "08/12/2023", 94, "Hội đồng xã đề nghị lên huyện", NAM],
];

const QUOTA_HEADER = ["Cấp khen", "Loại", "Số lượng", "Hạn nộp", "Mức thưởng", "Căn cứ"] as const;
const SEED_001 = "Kế hoạch phong trào thi đua đẩy mạnh cải cách hành chính của UBND xã, mục 3. Khen thưởng";

/** Seed 001's figures; invented example amounts (the secretariat types the amounts of the regulation in force). */
const QUOTAS: readonly (readonly Cell[])[] = [
  [XA, "Tập thể", 1, "25/11/2023", 540_000, `${SEED_001}: chọn 01 tập thể`],
  [XA, "Cá nhân", 3, "25/11/2023", 270_000, `${SEED_001}: chọn 03 cá nhân`],
  [HUYEN, "Tập thể", 1, "10/12/2023", 540_000, `${SEED_001}: Hội đồng xã xét chọn 01 tập thể đề nghị huyện`],
  [HUYEN, "Cá nhân", 1, "10/12/2023", 270_000, `${SEED_001}: Hội đồng xã xét chọn 01 cá nhân đề nghị huyện`],
];

const criteriaSheet = (): OutputSheet => plainSheet("Tiêu chí khen thưởng", REVIEW_CRITERIA_HEADER, REVIEW_CRITERIA, [14, 60, 12, 10, 8, 12, 14]);

/** The sample review ledger: the `thi-dua` template's criteria with invented units and candidates. */
export function emulationDemoSheets(): OutputSheet[] {
  const criteria = criteriaSheet();
  return [
    keyValueSheet(
      "Phong trào",
      ["Mục", "Giá trị"],
      [
        ["Tên phong trào", "Phong trào thi đua đẩy mạnh cải cách hành chính xã Mỹ Thạnh"],
        ["Đơn vị tổ chức", "Ủy ban nhân dân xã Mỹ Thạnh"],
        ["Năm", 2023],
        // The commune's code in the district's `Đơn vị`: its proposals are imported there as XMT-….
        ["Mã đơn vị", "XMT"],
        ["Đọc số", "nghìn"],
      ],
    ),
    inputSheet(UNITS_SHEET, UNITS),
    plainSheet("Đề nghị khen thưởng", HEADER, CANDIDATES, [8, 10, 40, 10, 30, 8, 10, 9, 10, 10, 10, 8, 10, 9, 9, 10, 12, 14, 8, 28, 14]),
    criteria,
    plainSheet("Chỉ tiêu khen thưởng", [...QUOTA_HEADER], QUOTAS, [34, 10, 10, 12, 14, 60]),
  ];
}

const DISTRICT_UNITS: readonly (readonly Cell[])[] = [
  ["PNV", "Phòng Nội vụ", "Phòng, ban", "Có", null, 9, ""],
  ["PVH", "Phòng Văn hóa và Thông tin", "Phòng, ban", "Có", null, 7, ""],
  ["XMT", "Ủy ban nhân dân xã Mỹ Thạnh", "Xã", "Có", null, 21, ""],
  ["XMH", "Ủy ban nhân dân xã Mỹ Hòa", "Xã", "Có", null, 19, ""],
];

const SEED_003 = "Kế hoạch cải cách hành chính của UBND huyện, mục 5. Công tác khen thưởng";

/** Seed 003: the district's Giấy khen in the number Phòng Nội vụ proposes (no fixed count), and one + one proposed for the province's Bằng khen. */
const DISTRICT_QUOTAS: readonly (readonly Cell[])[] = [
  [HUYEN, "Tập thể", "Theo đề nghị của Phòng Nội vụ", "10/12/2023", 540_000, `${SEED_003}: số lượng theo đề nghị của Phòng Nội vụ`],
  [HUYEN, "Cá nhân", "Theo đề nghị của Phòng Nội vụ", "10/12/2023", 270_000, `${SEED_003}: số lượng theo đề nghị của Phòng Nội vụ`],
  [TINH, "Tập thể", 1, "10/12/2023", null, `${SEED_003}: đề nghị Chủ tịch UBND tỉnh tặng Bằng khen`],
  [TINH, "Cá nhân", 1, "10/12/2023", null, `${SEED_003}: đề nghị Chủ tịch UBND tỉnh tặng Bằng khen`],
];

/** The district's own proposals; Phòng Văn hóa also proposes the commune's CN08 (same Mã định danh) for the province's Bằng khen. */
const DISTRICT_CANDIDATES: readonly (readonly Cell[])[] = [
  ["H-TT01", "Tập thể", "Phòng Nội vụ huyện", "PNV", TINH, "Có", "Có", "Có", "Có", 1, 2, null, null, null, "Có", "Có", "Có", "06/12/2023", "95,2", null, null],
  ["H-CN01", "Cá nhân", "Trương Thị Kim Oanh", "PNV", HUYEN, "Có", "Có", null, null, null, null, "92,8", "Có", "Có", "Có", "Có", "Có", "07/12/2023", "92,8", null, "CB-PNV-003"],
  ["H-CN02", "Cá nhân", "Nguyễn Hoàng Nam", "PVH", TINH, "Có", "Có", null, null, null, null, "94", "Có", "Có", "Có", "Có", "Có", "09/12/2023", 94, "Phòng Văn hóa và Thông tin đề nghị", NAM],
];

/**
 * The district's review ledger before the commune's selection is imported (seed 003): its units
 * (departments and communes), its own proposals, the criteria, and its quotas.
 */
export function districtDemoSheets(): OutputSheet[] {
  return [
    keyValueSheet(
      "Phong trào",
      ["Mục", "Giá trị"],
      [
        ["Tên phong trào", "Phong trào thi đua cải cách hành chính huyện Mỹ An"],
        ["Đơn vị tổ chức", "Ủy ban nhân dân huyện Mỹ An"],
        ["Năm", 2023],
        ["Đọc số", "nghìn"],
      ],
    ),
    inputSheet(UNITS_SHEET, DISTRICT_UNITS),
    plainSheet("Đề nghị khen thưởng", HEADER, DISTRICT_CANDIDATES, [10, 10, 40, 10, 34, 8, 10, 9, 10, 10, 10, 8, 10, 9, 9, 10, 12, 14, 8, 40, 14]),
    criteriaSheet(),
    plainSheet("Chỉ tiêu khen thưởng", [...QUOTA_HEADER], DISTRICT_QUOTAS, [34, 10, 28, 12, 14, 60]),
  ];
}

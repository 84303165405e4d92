import type { Cell, Grid } from "../../shared/cells/cell.js";
import { dateOfDay, dayFromParts } from "../../shared/cells/date.js";
import type { FakeSpreadsheet } from "./gas-double.js";

export const JUDGE_EMAILS: Readonly<Record<string, string>> = {
  GK1: "hung.tv@phurieng.example.vn",
  GK2: "mai.nt@phurieng.example.vn",
  GK3: "tuan.lm@phurieng.example.vn",
};

/** Puts each grid in the spreadsheet as typed values (Sheets' own parsing applies). */
export function loadLedger(ss: FakeSpreadsheet, grids: ReadonlyMap<string, Grid | undefined>): void {
  for (const [name, grid] of grids) if (grid) ss.addSheet(name, grid);
}

/** A Date at Vietnamese midnight of d/m/y. */
export function vnDate(d: number, m: number, y: number): Date {
  return dateOfDay(dayFromParts(y, m, d)!);
}

/**
 * A generated contest of `n` entries, 12 units, three judges scoring four criteria; every judge
 * scores every entry except those of their own unit. Only the row count changes with `n`.
 */
export function syntheticLedger(n: number): Map<string, Grid> {
  const units: Grid = [["Mã đơn vị", "Tên đơn vị", "Nhóm", "Bắt buộc", "Số bài tối thiểu", "Số CBCCVC", "Email"]];
  for (let u = 1; u <= 12; u++) units.push([`U${u}`, `Đơn vị số ${u}`, "Xã", u <= 10 ? "Có" : "Không", u <= 10 ? 1 : 0, 20, `u${u}@example.gov.vn`]);
  // Unit 12 is mandatory-free and gets no entry; units 1..10 get entries in turn, unit 10 only when n is large.
  const entries: Grid = [["Mã bài", "Tên bài", "Hạng mục", "Mã đơn vị", "Tác giả", "Loại", "Ngày nhận", "Lĩnh vực", "Trạng thái", "Ghi chú"]];
  const scores: Grid = [["Mã bài", "Mã GK", "Ghi chú", "TC1", "TC2", "TC3", "TC4"]];
  for (let i = 1; i <= n; i++) {
    const code = `E${String(i).padStart(5, "0")}`;
    const unit = `U${((i - 1) % 9) + 1}`;
    entries.push([code, `Sáng kiến số ${i}`, null, unit, `Tác giả ${i}`, i % 2 ? "Cá nhân" : "Tập thể", vnDate(1 + (i % 28), 9, 2024), "Cải cách thủ tục hành chính", "Hợp lệ", null]);
    for (const [j, judge] of ["GK1", "GK2", "GK3"].entries()) {
      if (judge === "GK1" && unit === "U1") continue;
      const base = (i * 7 + j * 3) % 20;
      scores.push([code, judge, null, 10 + base, 10 + ((base + 5) % 20), 5 + (base % 25), (base % 10) + (j === 1 ? 0.5 : 0)] as Cell[]);
    }
  }
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      [
        ["Mục", "Giá trị"],
        ["Tên cuộc thi", "Hội thi sáng kiến cải cách hành chính"],
        ["Đơn vị tổ chức", "UBND huyện"],
        ["Năm", 2024],
        ["Nhận bài từ ngày", "01/08/2024"],
        ["Nhận bài đến ngày", "30/09/2024"],
        ["Số chữ số thập phân", 2],
      ],
    ],
    ["Đơn vị", units],
    ["Bài dự thi", entries],
    [
      "Giám khảo",
      [
        ["Mã GK", "Họ tên", "Mã đơn vị", "Email"],
        ["GK1", "Trần Văn Hùng", "U1", JUDGE_EMAILS.GK1!],
        ["GK2", "Nguyễn Thị Mai", "", JUDGE_EMAILS.GK2!],
        ["GK3", "Lê Minh Tuấn", "", JUDGE_EMAILS.GK3!],
      ],
    ],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["TC1", "Tính mới", 30, 1],
        ["TC2", "Khả năng áp dụng", 30, 1],
        ["TC3", "Hiệu quả", 30, 1],
        ["TC4", "Trình bày", 10, 1],
      ],
    ],
    ["Điểm", scores],
    [
      "Cơ cấu giải",
      [
        ["Giải", "Số lượng", "Mức thưởng"],
        ["Nhất", 1, 3_000_000],
        ["Nhì", 2, 2_000_000],
        ["Ba", 3, 1_000_000],
        ["Khuyến khích", 5, 500_000],
      ],
    ],
  ]);
}

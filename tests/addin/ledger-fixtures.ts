import type { Cell, Grid } from "../../shared/cells/cell.js";
import { serialOfDate } from "../../addin/src/excel-cells.js";
import type { Stored } from "./excel-double.js";

/** A core grid as Excel would hold it once typed in: dates as serial numbers, blanks as null. */
export function asStored(grid: Grid): (Stored | null)[][] {
  return grid.map((row) => row.map((c: Cell) => (c instanceof Date ? serialOfDate(c) : c)));
}

export function storedSheets(sheets: ReadonlyMap<string, Grid | undefined>): [string, (Stored | null)[][]][] {
  return [...sheets].flatMap(([name, grid]) => (grid ? [[name, asStored(grid)] as [string, (Stored | null)[][]]] : []));
}

/** A judged contest of `n` entries, 3 judges and 4 criteria, with every score present. */
export function syntheticLedger(n: number): Map<string, Grid> {
  const units = Array.from({ length: 20 }, (_, i) => [`U${i + 1}`, `Đơn vị số ${i + 1}`, "Xã", "Có", 1]);
  const entries: Grid = [["Mã bài", "Tên bài", "Mã đơn vị", "Trạng thái"]];
  const scores: Grid = [["Mã bài", "Mã GK", "TC1", "TC2", "TC3", "TC4"]];
  for (let i = 1; i <= n; i++) {
    const code = `B${String(i).padStart(5, "0")}`;
    entries.push([code, `Sáng kiến số ${i}`, `U${(i % 20) + 1}`, "Hợp lệ"]);
    for (const [j, judge] of ["GK1", "GK2", "GK3"].entries()) {
      const base = (i * 7 + j * 13) % 30;
      scores.push([code, judge, base, (base + 3) % 30, j % 2 === 0 ? `${base % 25},5` : (base * 2) % 30, (i + j) % 10]);
    }
  }
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      [
        ["Mục", "Giá trị"],
        ["Tên cuộc thi", "Hội thi lớn"],
        ["Năm", 2025],
      ],
    ],
    ["Đơn vị", [["Mã đơn vị", "Tên đơn vị", "Nhóm", "Bắt buộc", "Số bài tối thiểu"], ...units]],
    ["Bài dự thi", entries],
    [
      "Giám khảo",
      [
        ["Mã GK", "Họ tên"],
        ["GK1", "Một"],
        ["GK2", "Hai"],
        ["GK3", "Ba"],
      ],
    ],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa"],
        ["TC1", "A", 30],
        ["TC2", "B", 30],
        ["TC3", "C", 30],
        ["TC4", "D", 10],
      ],
    ],
    ["Điểm", scores],
    [
      "Cơ cấu giải",
      [
        ["Giải", "Số lượng", "Mức thưởng"],
        ["Nhất", 1, 5_000_000],
        ["Nhì", 3, 3_000_000],
        ["Ba", 5, 2_000_000],
        ["Khuyến khích", 10, 1_000_000],
      ],
    ],
  ]);
}

import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { columnIndex, readGrids, sheetGrid } from "./support/cli-books.js";
import { type CliRun, removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";

/** `thidua init <kind> <file>`: the seeds' settings and prize structures, and refusals. */

let dir: string;
beforeAll(() => {
  dir = tempFolder("init");
});
afterAll(() => removeFolder(dir));

/** The `Mục` → `Giá trị` pairs of a settings sheet. */
function settingsOf(grid: Grid): Map<string, Cell> {
  return new Map(grid.slice(1).map((r) => [String(r[0] ?? ""), r[1] ?? null]));
}

/** `Cơ cấu giải` as [category, prize, count, amount] rows. */
function prizesOf(grid: Grid): [string, string, Cell, Cell][] {
  const cols = ["Hạng mục", "Giải", "Số lượng", "Mức thưởng"].map((h) => columnIndex(grid, h));
  return grid.slice(1).map((r) => {
    const [cat, prize, count, amount] = cols.map((c) => r[c] ?? null);
    return [String(cat ?? ""), String(prize ?? ""), count ?? null, amount ?? null];
  });
}

async function init(kind: string, name: string, ...options: string[]): Promise<{ run: CliRun; file: string }> {
  const file = path.join(dir, name);
  return { run: await runCli(["init", kind, file, ...options]), file };
}

/** Every text cell of every sheet of a workbook. */
const allText = (grids: ReadonlyMap<string, Grid>): string => [...grids.values()].flatMap((g) => g.flat().filter((c): c is string => typeof c === "string")).join("\n");

function expectDone(run: CliRun): void {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}

describe("thidua init", () => {
  it("sang-kien writes a ledger with seed 000's settings and prize structure, ready to check", async () => {
    const { run, file } = await init("sang-kien", "sang-kien.xlsx", "--year", "2020");
    expectDone(run);
    const grids = await readGrids(file);
    expect([...grids.keys()]).toEqual(["Cuộc thi", "Đơn vị", "Bài dự thi", "Giám khảo", "Tiêu chí", "Điểm", "Cơ cấu giải"]);
    const settings = settingsOf(sheetGrid(grids, "Cuộc thi"));
    expect(settings.get("Tên cuộc thi")).toBe("Tìm sáng kiến, giải pháp cải cách hành chính năm 2020");
    expect(settings.get("Năm")).toBe(2020);
    expect(settings.get("Nhận bài từ ngày")).toBe("15/08/2020");
    expect(settings.get("Nhận bài đến ngày")).toBe("10/10/2020");
    expect(prizesOf(sheetGrid(grids, "Cơ cấu giải"))).toEqual([
      ["", "Nhất", 1, 3_000_000],
      ["", "Nhì", 1, 2_000_000],
      ["", "Ba", 2, 1_000_000],
      ["", "Khuyến khích", 3, 500_000],
    ]);
    // The rubric's criteria head the score columns, so judges' sheets and imports line up.
    const criteria = sheetGrid(grids, "Tiêu chí")
      .slice(1)
      .map((r) => r[0]);
    expect(criteria.length).toBeGreaterThan(0);
    expect(sheetGrid(grids, "Điểm")[0]).toEqual(["Mã bài", "Mã GK", "Ghi chú", ...criteria]);
    // The template is a ledger the tool itself accepts.
    const checked = await runCli(["check", file]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("0 lỗi");
  });

  it("truc-tuyen writes seed 002's weekly, video and collective prizes and the quiz sheets", async () => {
    const { run, file } = await init("truc-tuyen", "truc-tuyen.xlsx", "--nam", "2023");
    expectDone(run);
    const grids = await readGrids(file);
    const settings = settingsOf(sheetGrid(grids, "Cuộc thi"));
    expect(settings.get("Năm")).toBe(2023);
    // Four weeks from 01/06, the last running to the contest's end on 30/06.
    expect(sheetGrid(grids, "Tuần thi")).toEqual([
      ["Tuần", "Từ ngày", "Đến ngày"],
      [1, "01/06/2023", "07/06/2023"],
      [2, "08/06/2023", "14/06/2023"],
      [3, "15/06/2023", "21/06/2023"],
      [4, "22/06/2023", "30/06/2023"],
    ]);
    expect(prizesOf(sheetGrid(grids, "Cơ cấu giải"))).toEqual([
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
    ]);
    for (const sheet of ["Trắc nghiệm", "Đáp án dự đoán", "Không dự thi"]) expect(grids.has(sheet)).toBe(true);
    expect(sheetGrid(grids, "Trắc nghiệm")[0]).toEqual(["Mã thí sinh", "Họ tên", "Mã đơn vị", "Tuần", "Điểm", "Thời gian làm bài", "Thời điểm nộp", "Dự đoán"]);
  });

  it("thi-dua writes the emulation review sheets with seed 001's quotas and deadlines", async () => {
    const { run, file } = await init("thi-dua", "thi-dua.xlsx", "--year", "2026");
    expectDone(run);
    const grids = await readGrids(file);
    // A movement's settings sheet says what it holds; `Cuộc thi` is still read (tested with the review).
    expect(settingsOf(sheetGrid(grids, "Phong trào")).get("Tên phong trào")).toContain("thi đua");
    for (const sheet of ["Đơn vị", "Đề nghị khen thưởng", "Tiêu chí khen thưởng"]) expect(grids.has(sheet)).toBe(true);
    const quotas = sheetGrid(grids, "Chỉ tiêu khen thưởng");
    const cols = ["Cấp khen", "Loại", "Số lượng", "Tỷ lệ tối đa", "Cơ sở tính tỷ lệ", "Loại khen", "Thẩm quyền khen", "Hạn nộp"].map((h) => columnIndex(quotas, h));
    expect(quotas.slice(1).map((r) => cols.map((c) => r[c] ?? null))).toEqual([
      ["Danh hiệu Lao động tiên tiến", "Cá nhân", "Không giới hạn", null, null, "Danh hiệu thi đua", "Chủ tịch UBND xã", "25/11/2026"],
      ["Danh hiệu Chiến sĩ thi đua cơ sở", "Cá nhân", null, "15%", "Lao động tiên tiến", "Danh hiệu thi đua", "Chủ tịch UBND xã", "25/11/2026"],
      ["Danh hiệu Tập thể lao động tiên tiến", "Tập thể", "Không giới hạn", null, null, "Danh hiệu thi đua", "Chủ tịch UBND xã", "25/11/2026"],
      ["Danh hiệu Tập thể lao động xuất sắc", "Tập thể", "Không giới hạn", null, null, "Danh hiệu thi đua", "Chủ tịch UBND tỉnh", "10/12/2026"],
      ["Giấy khen của Chủ tịch UBND xã", "Tập thể", 1, null, null, "Hình thức khen thưởng", "Chủ tịch UBND xã", "25/11/2026"],
      ["Giấy khen của Chủ tịch UBND xã", "Cá nhân", 3, null, null, "Hình thức khen thưởng", "Chủ tịch UBND xã", "25/11/2026"],
      ["Bằng khen của Chủ tịch UBND tỉnh", "Tập thể", 1, null, null, "Hình thức khen thưởng", "Chủ tịch UBND tỉnh", "10/12/2026"],
      ["Bằng khen của Chủ tịch UBND tỉnh", "Cá nhân", 1, null, null, "Hình thức khen thưởng", "Chủ tịch UBND tỉnh", "10/12/2026"],
    ]);
    // Each figure carries its legal basis.
    const basis = columnIndex(quotas, "Căn cứ");
    expect(quotas.slice(1).every((r) => typeof r[basis] === "string" && r[basis] !== "")).toBe(true);
  });

  it("writes no year but the one asked (or this one) and no place: the organiser is a blank to fill", async () => {
    const thisYear = String(new Date(Date.now() + 7 * 3_600_000).getUTCFullYear());
    for (const kind of ["sang-kien", "truc-tuyen", "thi-dua"]) {
      const { run, file } = await init(kind, `${kind}-nam-nay.xlsx`);
      expectDone(run);
      const text = allText(await readGrids(file));
      // The law's own year names the law, not the contest.
      const years = new Set(text.replaceAll("Luật Thi đua, khen thưởng 2022", "").match(/\b(19|20)\d\d\b/g));
      expect([...years]).toEqual([thisYear]);
      for (const place of ["Phú Riềng", "Thừa Thiên Huế", "Mỹ Thạnh", "huyện"]) expect(text).not.toContain(place);
      expect(text).toMatch(/Ủy ban nhân dân (tỉnh|xã) …|Ủy ban nhân dân … /);
    }
  });

  it("refuses to overwrite an existing file: exit 2, file unchanged, reason on stderr", async () => {
    const file = path.join(dir, "co-san.xlsx");
    writeFileSync(file, "sổ của người dùng, không được ghi đè");
    const before = sha256(file);
    const run = await runCli(["init", "sang-kien", file]);
    expect(run.code).toBe(2);
    expect(sha256(file)).toBe(before);
    expect(run.stderr).toContain("không ghi đè");
    expect(run.stderr).toContain(file);
    expect(stackTraceLines(run.stderr)).toEqual([]);
  });

  it("rejects an unknown template with a Vietnamese message, exit 2, no file and no stack trace", async () => {
    const file = path.join(dir, "khong-co-mau.xlsx");
    const run = await runCli(["init", "giai-thuong", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Cần loại mẫu (sang-kien, truc-tuyen, thi-dua)");
    expect(stackTraceLines(run.stderr)).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });
});

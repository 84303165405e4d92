import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../shared/cells/cell.js";
import { OUTPUT_SHEET_NAMES } from "../shared/ledger/schema.js";
import { columnIndex, readGrids, rowByCode, sheetGrid } from "./support/cli-books.js";
import { type CliRun, leftoverTempFiles, removeFolder, runCli, stackTraceLines, tempFolder } from "./support/cli-run.js";

/** `thidua demo <dir>`: the whole flow on the built-in sample, run once and inspected from every side. */

const LEDGER = "so-cuoc-thi-sang-kien.xlsx";

let dir: string;
let demoDir: string;
let run: CliRun;
let grids: Map<string, Grid>;

beforeAll(async () => {
  dir = tempFolder("demo");
  demoDir = path.join(dir, "thu-nghiem");
  run = await runCli(["demo", demoDir]);
  grids = await readGrids(path.join(demoDir, LEDGER));
});
afterAll(() => removeFolder(dir));

/** The block of stdout that starts at the line containing `heading`, up to the next unindented line. */
function section(heading: string): string[] {
  const lines = run.stdout.split("\n");
  const start = lines.findIndex((l) => l.includes(heading));
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => !l.startsWith(" "));
  return end < 0 ? rest : rest.slice(0, end);
}

describe("thidua demo", () => {
  it("runs to exit 0 with nothing on stderr", () => {
    expect(run.stderr).toBe("");
    expect(stackTraceLines(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("prints the winners, the total in figures and in words", () => {
    const list = sheetGrid(grids, OUTPUT_SHEET_NAMES.prizeList);
    const header = list.findIndex((r) => r[0] === "TT");
    const [code, prize] = [columnIndex(list, "Mã bài", header), columnIndex(list, "Giải", header)];
    const winners = list.slice(header + 1).filter((r) => typeof r[0] === "number");
    expect(winners.length).toBe(7);
    for (const w of winners) expect(run.stdout).toMatch(new RegExp(`${String(w[prize])}\\s+${String(w[code])}\\s`));
    expect(run.stdout).toMatch(/Nhất\s+SK04\s+88,67\s+3\.000\.000 đ/);
    expect(run.stdout).toContain("8.500.000 đ");
    expect(run.stdout).toContain("Tám triệu năm trăm nghìn đồng");
  });

  it("names the unit that did not submit (XPT) among the units below quota", () => {
    const below = section("chưa đạt chỉ tiêu");
    expect(below.some((l) => /^\s+XPT\s/.test(l))).toBe(true);
    expect(rowByCode(sheetGrid(grids, OUTPUT_SHEET_NAMES.unitSummary), "XPT")[columnIndex(sheetGrid(grids, OUTPUT_SHEET_NAMES.unitSummary), "Chỉ tiêu")]).toBe("Chưa đạt");
  });

  it("lists the files it wrote, and they all exist", () => {
    const files = section("Các tệp đã ghi")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    expect(files).toContain(path.join(demoDir, LEDGER));
    expect(files.filter((f) => f.includes(`${path.sep}phieu-cham${path.sep}`))).toHaveLength(3);
    expect(files.filter((f) => f.includes(`${path.sep}phieu-da-cham${path.sep}`))).toHaveLength(3);
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(files).toContain(path.join(demoDir, "so-xet-khen-thuong-nam-sau.xlsx"));
    expect(leftoverTempFiles(demoDir)).toEqual([]);
    expect(readdirSync(demoDir)).toEqual(expect.arrayContaining([LEDGER, "phieu-cham", "phieu-da-cham"]));
  });

  it("leaves a ledger that opens and holds the outputs and the import log", () => {
    for (const name of [OUTPUT_SHEET_NAMES.results, OUTPUT_SHEET_NAMES.prizeList, OUTPUT_SHEET_NAMES.unitSummary, OUTPUT_SHEET_NAMES.problems]) {
      expect(grids.has(name), name).toBe(true);
    }
    const list = sheetGrid(grids, OUTPUT_SHEET_NAMES.prizeList);
    const header = list.findIndex((r) => r[0] === "TT");
    expect(list.find((r) => r[0] === "Tổng cộng")?.[columnIndex(list, "Số tiền", header)]).toBe(8_500_000);
    expect(list.find((r) => r[0] === "Bằng chữ:")?.[1]).toBe("Tám triệu năm trăm nghìn đồng");
    const log = sheetGrid(grids, OUTPUT_SHEET_NAMES.log)
      .slice(1)
      .filter((r) => r[0]);
    expect(log.map((r) => r[2])).toEqual(["GK1", "GK2", "GK3"]);
    expect(sheetGrid(grids, OUTPUT_SHEET_NAMES.problems).some((r) => r[0] === "Lỗi")).toBe(false);
  });

  it("carries the commune's selection into the district's review: the district's list holds XMT-TT04 and XMT-CN08", async () => {
    expect(run.stdout).toContain("so-xet-khen-thuong.xlsx (Ủy ban nhân dân xã Mỹ Thạnh (XMT)): Thêm 2 đề nghị khen thưởng");
    const district = await readGrids(path.join(demoDir, "so-xet-khen-thuong-huyen.xlsx"));
    const list = sheetGrid(district, "Danh sách khen thưởng");
    const code = columnIndex(
      list,
      "Mã",
      list.findIndex((r) => r[0] === "TT"),
    );
    expect(list.filter((r) => typeof r[0] === "number").map((r) => r[code])).toEqual(["XMT-TT04", "XMT-CN08", "H-CN01", "H-TT01", "H-CN02"]);
    expect(existsSync(path.join(demoDir, "van-ban-khen-thuong-huyen.docx"))).toBe(true);
  });
});

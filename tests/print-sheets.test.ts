import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { findSoffice } from "../cli/export-pdf.js";
import { strFromU8, unzipSync } from "fflate";
import { printLayout } from "../shared/ledger/print-layout.js";
import type { OutputSheet } from "../shared/ledger/output-sheet.js";
import { writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { REPO_ROOT, runCli } from "./support/cli-run.js";

/** Every sheet thidua writes prints: A4, fit to width, header repeated, borders, no cut text (issue 14, point 4). */

const sheet = (rows: OutputSheet["rows"], widths: number[] = []): OutputSheet => ({ name: "Kết quả", rows, format: { headerRow: 0, widths, numberFormats: [], boldRows: [] } });

describe("printLayout", () => {
  const long = "Thanh toán không dùng tiền mặt phí, lệ phí tại Bộ phận một cửa và ứng dụng định danh điện tử trong đăng ký cư trú";
  const laidOut = printLayout(sheet([["Mã bài", "Tên bài", "Số tiền (đồng)"], ["SK01", long, 3_000_000], ["SK02", "Ngắn", 500_000], [], ["Tổng cộng", null, 3_500_000]], [6, 20, 8]));

  it("sizes columns to their content within bounds, and wraps the text that would be cut", () => {
    expect(laidOut.format.widths[0]).toBe(6); // "SK01" + 2: the header wraps between its words; the total row below the blank one does not count
    expect(laidOut.format.widths[1]).toBe(48); // capped: the title wraps
    expect(laidOut.format.widths[2]).toBeGreaterThanOrEqual(12); // "3.000.000 đ" fits
    expect(laidOut.format.wrapColumns).toEqual([1]);
  });

  it("borders the table down to its first blank row, prints A4 fit to width, portrait while it fits", () => {
    expect(laidOut.format.tableRows).toEqual({ first: 0, last: 2 });
    expect(laidOut.format.print).toEqual({ paper: "A4", orientation: "portrait" });
    const wide = printLayout(sheet([Array.from({ length: 12 }, (_, i) => `Cột ${i}`), Array.from({ length: 12 }, (_, i) => `Giá trị khá dài số ${i}`)]));
    expect(wide.format.print?.orientation).toBe("landscape");
  });

  it("changes nothing when applied twice", () => {
    expect(printLayout(laidOut)).toEqual(laidOut);
  });
});

describe("the written workbook", () => {
  it("has a page setup fit to one page wide, the header row as print titles and bordered, wrapped table cells", async () => {
    const dir = path.join(REPO_ROOT, "tests", "output", "sheets");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "mot-trang.xlsx");
    await writeBook(file, [
      printLayout(
        sheet([
          ["Mã bài", "Tên bài"],
          ["SK01", "x".repeat(80)],
        ]),
      ),
    ]);
    const parts = unzipSync(readFileSync(file));
    const text = (name: string): string => strFromU8(parts[name]!);
    const sheetXml = text(Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!);
    expect(sheetXml).toMatch(/<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"\/>/);
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(text("xl/workbook.xml")).toMatch(/<definedName name="_xlnm\.Print_Titles" localSheetId="0">'Kết quả'!\$1:\$1<\/definedName>/);
    const styles = text("xl/styles.xml");
    expect(styles).toMatch(/<border><left style="thin"/);
    expect(styles).toContain('wrapText="1"');
  });
});

const soffice = findSoffice();
describe.skipIf(soffice === undefined)("the demo ledger printed by LibreOffice Calc", () => {
  const out = path.join(REPO_ROOT, "tests", "output", "sheets");
  let pages: string[];
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const ledger = path.join(out, "so-cuoc-thi.xlsx");
    await writeBook(ledger, scoredDemoSheets());
    expect((await runCli(["tally", ledger])).code).toBe(0);
    // Asynchronous: a cold LibreOffice may take longer than vitest's 60-second worker RPC timeout.
    await promisify(execFile)(soffice!, ["--headless", "--convert-to", "pdf", "--outdir", out, ledger], { timeout: 120_000 });
    pages = execFileSync("pdftotext", ["-layout", path.join(out, "so-cuoc-thi.pdf"), "-"], { encoding: "utf8" })
      .split("\f")
      .filter((p) => p.trim() !== "");
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", pages.length - 3, "-l", pages.length - 3, "-singlefile", path.join(out, "so-cuoc-thi.pdf"), path.join(out, "ket-qua")].map(String));
  }, 180_000);

  const firstLine = (p: string): string =>
    p
      .split("\n")
      .find((l) => l.trim() !== "")!
      .trim();
  const pagesOf = (start: RegExp): string[] => pages.filter((p) => start.test(firstLine(p)));

  it("prints each output sheet on one page, its columns side by side (the settings' labels beside their values)", () => {
    const bounds: [string, RegExp][] = [
      ["Cuộc thi", /^Mục\s+Giá trị/],
      ["Kết quả", /^Hạng mục\s+Hạng\s+Mã bài/],
      ["Danh sách giải", /^DANH SÁCH CÁC BÀI DỰ THI ĐẠT GIẢI/],
      ["Tổng hợp đơn vị", /^Mã đơn vị\s+Tên đơn vị\s+Bắt buộc/],
      ["Kiểm tra", /^Mức độ\s+Vị trí\s+Nội dung/],
    ];
    const counts = bounds.map(([name, start]) => [name, pagesOf(start).length]);
    console.info(`[print-sheets] Số trang mỗi trang tính: ${counts.map(([n, c]) => `${n} ${c}`).join(", ")} (tổng ${pages.length}).`);
    for (const [name, count] of counts) expect(count, String(name)).toBe(1);
  });

  it("cuts no text: every word of the longest title is on the Kết quả page", () => {
    const [page] = pagesOf(/^Hạng mục\s+Hạng\s+Mã bài/);
    for (const word of "Thanh toán không dùng tiền mặt phí, lệ phí tại Bộ phận một cửa".split(" ")) expect(page).toContain(word);
    expect(readFileSync(path.join(out, "ket-qua.png")).length).toBeGreaterThan(2000);
  });
});

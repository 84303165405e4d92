import { partsOfInstant } from "../../shared/cells/date.js";
import { existsSync, promises as fs } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";
import { templateSheets } from "../../shared/samples/templates.js";
import { runContest } from "../../shared/tasks/contest-run.js";
import { buildAddin } from "../../addin/build.mjs";
import { problemTarget } from "../../addin/src/actions.js";
import { judgeProgress } from "../../shared/tasks/judge-sheets.js";
import { strFromU8, unzipSync } from "fflate";
import { staticHandler } from "../../addin/tools/static-server.mjs";
import { demoLedgerScored, gridsOf } from "../support/grids.js";
import { normaliseGrid } from "../support/scenarios.js";
import { type CliDemo, OUTPUTS, runCliDemo } from "./cli-demo.js";
import type { DoubleSnapshot, ExcelDouble } from "./excel-double.js";
import { storedSheets } from "./ledger-fixtures.js";

/** The hosts date a new ledger by the clock: its year is this one. */
const THIS_YEAR = { year: partsOfInstant(Date.now()).y };

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SCREENSHOT = path.resolve("tests/output/addin-taskpane.png");
/** axe-core, injected into the page to find what keeps a person with a screen reader or a keyboard out. */
const AXE = path.resolve("node_modules/axe-core/axe.min.js");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Bỏ qua kiểm thử task pane trong trình duyệt: không có ${CHROMIUM} (cài gói Debian “chromium”).`);

type PageWindow = { thiduaExcel: ExcelDouble };

describe.skipIf(!hasChromium)("the task pane in headless Chromium, with the Excel double standing in for Office", () => {
  let browser: Browser;
  let page: Page;
  let server: http.Server;
  const errors: string[] = [];
  let origin: string;
  let outDir: string;
  let demo: CliDemo;
  const offline: string[] = [];

  const snapshot = (): Promise<DoubleSnapshot> => page.evaluate(() => (window as unknown as PageWindow).thiduaExcel.snapshot());
  const sheetOf = (s: DoubleSnapshot, name: string) => s.sheets.find((x) => x.name === name);
  const status = () => page.locator("#status");
  const idle = () => page.waitForFunction(() => !document.body.classList.contains("is-busy"));
  /** axe-core's serious and critical findings on the page as it is now. */
  const accessibilityProblems = async (): Promise<string[]> => {
    await page.addScriptTag({ path: AXE });
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.map((n) => n.target.join(" ")).join(", ") }));
    });
    return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.where}`);
  };

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "thidua-pane-"));
    await buildAddin({ outDir, quiet: true });
    const double = await esbuild.build({
      entryPoints: [path.resolve("tests/addin/office-double-entry.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
      target: "chrome100",
    });
    const officeDouble = double.outputFiles[0]!.text;
    demo = await runCliDemo();
    server = http.createServer(staticHandler(outDir));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      // Playwright starts Chromium with a new, empty user-data-dir of its own.
    });
    page = await browser.newPage({ viewport: { width: 380, height: 900 }, locale: "vi-VN", acceptDownloads: true });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: officeDouble });
      if (url.startsWith(origin)) return route.continue();
      offline.push(url);
      return route.abort();
    });
    await page.goto(`${origin}/taskpane.html`);
  }, 120_000);

  it("loads office.js by Microsoft's CDN tag and starts in Vietnamese", async () => {
    await expect.poll(() => status().textContent()).toBe("Sẵn sàng. Chọn một thao tác.");
    expect(await page.locator(`script[src="${OFFICE_JS}"]`).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await accessibilityProblems()).toEqual([]);
  });

  it("says so, and disables every button, when office.js cannot load", async () => {
    const blocked = await browser.newPage({ viewport: { width: 380, height: 600 }, locale: "vi-VN" });
    await blocked.route("**/*", (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await blocked.goto(`${origin}/taskpane.html`);
    await expect.poll(() => blocked.locator("#status").textContent()).toContain("Không tải được Office.js");
    const buttons = blocked.locator("button");
    expect(await buttons.count()).toBeGreaterThan(3);
    for (let i = 0; i < (await buttons.count()); i++) expect(await buttons.nth(i).isDisabled()).toBe(true);
    await blocked.close();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    for (const dir of [outDir, demo?.dir]) if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("Tạo sổ cuộc thi writes the template, and asks before overwriting", async () => {
    await page.evaluate(() => (window as unknown as PageWindow).thiduaExcel.load([["Sheet1", []]]));
    await page.getByRole("button", { name: "Tạo sổ cuộc thi", exact: true }).click();
    await page.selectOption("#template-kind", "sang-kien");
    await page.getByRole("button", { name: "Tạo các trang" }).click();
    const template = templateSheets("sang-kien", THIS_YEAR);
    await expect.poll(() => status().textContent()).toMatch(new RegExp(`^Đã tạo ${template.length} trang`));
    const created = await snapshot();
    for (const sheet of template) {
      expect(normaliseGrid(sheetOf(created, sheet.name)!.values), sheet.name).toEqual(normaliseGrid(sheet.rows));
      expect(sheetOf(created, sheet.name)!.tables).toHaveLength(1);
    }
    await page.getByRole("button", { name: "Tạo các trang" }).click();
    await expect.poll(() => page.locator("#template-confirm").isVisible()).toBe(true);
    expect(await page.locator("#template-existing li").allTextContents()).toEqual(template.map((s) => s.name));
    await page.getByRole("button", { name: "Hủy" }).click();
    await expect.poll(() => status().textContent()).toBe("Đã hủy, sổ không thay đổi.");
    expect((await snapshot()).syncs - created.syncs).toBe(1);
  }, 60_000);

  it("Nhập phiếu chấm merges the judges' returned workbooks", async () => {
    await page.evaluate((sheets) => (window as unknown as PageWindow).thiduaExcel.load(sheets), storedSheets(gridsOf(initiativeDemoSheets())));
    await page.getByRole("button", { name: "Nhập phiếu chấm" }).click();
    await page.setInputFiles(
      "#import-files",
      demo.returned.map((f) => ({ name: f.name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: f.data })),
    );
    await expect.poll(() => page.locator("#import-report li").count()).toBe(3);
    await idle();
    const lines = await page.locator("#import-report li").allTextContents();
    expect(lines[0]).toMatch(/^phieu-cham-gk1\.xlsx \(GK1\): Thêm \d+ điểm; 0 giống hệt; 0 khác/);
    const after = await snapshot();
    expect(sheetOf(after, "Nhật ký")!.values).toHaveLength(4);
  }, 60_000);

  it("Tính kết quả writes the CLI's output sheets, a chart, and a one-line summary (3 syncs, once even if clicked twice)", async () => {
    const before = await snapshot();
    const tallyButton = page.getByRole("button", { name: "Tính kết quả", exact: true });
    expect(await tallyButton.textContent()).toBe("Tính kết quả");
    await page.evaluate(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "Tính kết quả")!;
      b.click();
      b.click();
    });
    await expect.poll(() => page.locator("#summary").textContent()).toMatch(/bài đạt giải/);
    await idle();
    const after = await snapshot();
    expect(after.syncs - before.syncs).toBe(3);
    for (const name of OUTPUTS) expect(normaliseGrid(sheetOf(after, name)!.values), name).toEqual(normaliseGrid(demo.outputs.get(name)!));
    expect(sheetOf(after, "Tổng hợp đơn vị")!.charts).toHaveLength(1);
    const summary = (await page.locator("#summary").textContent())!;
    // A no-break space keeps each amount with its "đ".
    expect(summary).toMatch(/tổng tiền thưởng [\d.]+\u00a0đ \([A-ZĐ][^)]+ đồng\)/);
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await fs.stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
  }, 60_000);

  it("after Tính kết quả, downloads the documents and certificates as .docx, drafted by the CLI's renderer in the browser", async () => {
    await page.getByRole("button", { name: "Tải văn bản và giấy khen (Word)" }).click();
    await expect.poll(() => page.locator("#export-links a").count()).toBe(2);
    expect(await page.locator("#export-links a").allTextContents()).toEqual([expect.stringMatching(/^van-ban-khen-thuong\.docx \(\d+ văn bản\)$/), "giay-khen.docx (7 văn bản)"]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-links a").first().click()]);
    expect(download.suggestedFilename()).toBe("van-ban-khen-thuong.docx");
    const bytes = await fs.readFile((await download.path())!);
    const documentXml = strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]!);
    for (const text of ["QUYẾT ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Khuyến khích"]) expect(documentXml).toContain(text);
    expect(errors).toEqual([]);
  }, 60_000);

  it("Kiểm tra lists the problems; clicking one selects its cell", async () => {
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await expect.poll(() => page.locator("#check-count").textContent()).toMatch(/lỗi, \d+ cảnh báo/);
    await idle();
    // The count line is shown once in the pane, not again as the status.
    expect(await page.getByText(/\d+ lỗi, \d+ cảnh báo/).count()).toBe(1);
    const expected = runContest(demoLedgerScored());
    expect(await page.locator("#problems li").count()).toBe(expected.problems.length);
    // Only a problem with a cell to go to is a button, and it says so to a screen reader.
    expect(await page.locator("#problems button").count()).toBe(expected.problems.filter((p) => problemTarget(p) !== undefined).length);
    const firstButton = page.locator("#problems button").first();
    expect(await firstButton.textContent()).toMatch(/^(Lỗi|Cảnh báo) \S.*!\S+ \S/);
    expect(await firstButton.getAttribute("aria-describedby")).toBe("problems-hint");
    // Focus is back on the button that was pressed.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kiểm tra");
    expect(await accessibilityProblems()).toEqual([]);
    const first = page.locator("#problems button[data-address]").first();
    const address = await first.getAttribute("data-address");
    await first.click();
    await expect.poll(async () => (await snapshot()).selection).toBe(address);
  }, 60_000);

  it("Chấm điểm shows a judge's progress and what is missing", async () => {
    await page.getByRole("button", { name: "Chấm điểm", exact: true }).click();
    await expect.poll(() => page.locator("#judge option").count()).toBe(3);
    await idle();
    await page.selectOption("#judge", "GK3");
    const gk3 = judgeProgress(runContest(demoLedgerScored())).find((j) => j.judge.code === "GK3")!;
    await expect.poll(() => page.locator("#judge-count").textContent()).toContain(`Đã chấm ${gk3.scored.length}/${gk3.expected.length} bài`);
    expect(await page.locator("#judge-progress").evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([gk3.scored.length, gk3.expected.length]);
    expect(await page.locator("#judge-missing li").allTextContents()).toEqual(gk3.missing.map((e) => `${e.code} — ${e.title}`));
    expect(await accessibilityProblems()).toEqual([]);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-judge.png"), fullPage: true });
  }, 60_000);

  it("switches to English and back", async () => {
    await page.getByRole("button", { name: "Tính kết quả", exact: true }).click();
    await idle();
    await page.locator("#lang").click();
    await expect.poll(() => page.getByRole("button", { name: "Compute results", exact: true }).isVisible()).toBe(true);
    expect(await page.locator("#summary").textContent()).toMatch(/prize-winning entries; total prize money/);
    await page.locator("#lang").click();
    await expect.poll(() => page.getByRole("button", { name: "Tính kết quả", exact: true }).isVisible()).toBe(true);
  }, 60_000);

  it("Sang năm mới shows what will change, changes nothing on Hủy, and turns the open workbook into next year's on confirmation", async () => {
    const newYear = page.getByRole("button", { name: "Sang năm mới", exact: true });
    await newYear.click();
    await expect.poll(() => page.locator("#newyear-confirm").isVisible()).toBe(true);
    expect(await page.locator("#newyear-summary").textContent()).toBe("Sổ đang mở sẽ thành sổ năm 2021 (các ngày chuyển từ năm 2020):");
    expect(await page.locator("#newyear-changes li").allTextContents()).toContain("Xóa nội dung, giữ dòng tiêu đề: Bài dự thi, Điểm");
    expect(await accessibilityProblems()).toEqual([]);
    const before = await snapshot();
    await page.getByRole("button", { name: "Hủy" }).click();
    await expect.poll(() => status().textContent()).toBe("Đã hủy, sổ không thay đổi.");
    expect((await snapshot()).sheets.map((s) => [s.name, normaliseGrid(s.values)])).toEqual(before.sheets.map((s) => [s.name, normaliseGrid(s.values)]));
    await newYear.click();
    await page.getByRole("button", { name: "Chuyển sổ này sang năm mới" }).click();
    await expect.poll(() => status().textContent()).toBe("Đã chuyển sổ này sang năm 2021. Lưu sổ để giữ thay đổi.");
    const after = await snapshot();
    expect(normaliseGrid(sheetOf(after, "Cuộc thi")!.values).find((r) => r[0] === "Năm")![1]).toBe(2021);
    expect(normaliseGrid(sheetOf(after, "Bài dự thi")!.values)).toHaveLength(1);
    expect(normaliseGrid(sheetOf(after, "Kết quả")!.values)).toEqual([]);
    expect(normaliseGrid(sheetOf(after, "Đơn vị")!.values)).toEqual(normaliseGrid(sheetOf(before, "Đơn vị")!.values));
  }, 60_000);

  it("shows Vietnamese messages, never a stack trace, when something goes wrong", async () => {
    await page.evaluate(() => {
      const excel = (window as unknown as PageWindow).thiduaExcel;
      excel.workbook.sheets = excel.workbook.sheets.filter((s) => s.name !== "Cuộc thi");
    });
    await page.getByRole("button", { name: "Tính kết quả", exact: true }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Sổ thiếu trang bắt buộc: Cuộc thi/);
    await page.evaluate((sheets) => {
      const excel = (window as unknown as PageWindow).thiduaExcel;
      excel.load(sheets);
      excel.requestLimit = 1_000;
    }, storedSheets(demoLedgerScored()));
    await page.getByRole("button", { name: "Tính kết quả", exact: true }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Excel từ chối thao tác \(mã RequestPayloadSizeLimitExceeded\)/);
    const text = (await status().textContent())!;
    expect(text).not.toMatch(/\bat \w|\.ts:\d+|Error:/);
    expect(await status().getAttribute("class")).toContain("error");
    expect(await page.getByRole("button", { name: "Tính kết quả", exact: true }).isEnabled()).toBe(true);
    expect(offline).toEqual([]);
  }, 60_000);
});

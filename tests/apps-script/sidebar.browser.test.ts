import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContest } from "../../shared/tasks/contest-run.js";
import { demoLedgerScored } from "../support/grids.js";
import { type GasDouble, gasDouble } from "./gas-double.js";
import { loadLedger } from "./ledgers.js";
import { runCliDemo } from "../addin/cli-demo.js";
import { type Script, buildBundle, loadBundle } from "./load-bundle.js";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = path.resolve("tests/output/apps-script-sidebar.png");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Bỏ qua kiểm thử thanh bên trong trình duyệt: không có ${CHROMIUM} (cài gói Debian “chromium”).`);

/**
 * `google.script.run` in the page, as Apps Script provides it: each call goes to `__gas`, which runs
 * the top-level function of the built Code.js (in Node, over the double) and hands back plain data.
 */
const RUN_STUB = `
  (() => {
    const runner = (ok, fail) => new Proxy({}, {
      get: (_t, name) => {
        if (name === "withSuccessHandler") return (f) => runner(f, fail);
        if (name === "withFailureHandler") return (f) => runner(ok, f);
        return (...args) => {
          window.__gas(String(name), args).then((r) => {
            if (r.error !== undefined) { if (fail) fail(new Error(r.error)); }
            else if (ok) ok(r.value);
          });
        };
      },
    });
    window.google = { script: { run: runner(null, null) } };
  })();
`;

describe.skipIf(!hasChromium)("the sidebar in headless Chromium, calling the built script", () => {
  let browser: Browser;
  let page: Page;
  let gas: GasDouble;
  let script: Script;
  const calls: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const built = await buildBundle();
    gas = gasDouble();
    loadLedger(gas.ss, demoLedgerScored());
    script = loadBundle(built.code, gas);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: "vi-VN" });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.exposeFunction("__gas", (name: string, args: unknown[]) => {
      calls.push(name);
      try {
        return { value: JSON.parse(JSON.stringify(script.call(name, ...args) ?? null)) as unknown };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    });
    // Apps Script serves the page with google.script.run already defined: the stub goes first in <head>.
    const html = readFileSync(path.join(built.outDir, "sidebar.html"), "utf8").replace("<head>", `<head><script>${RUN_STUB}</script>`);
    await page.setContent(html);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows entries per unit against quota and each judge's progress", async () => {
    const run = runContest(demoLedgerScored());
    await expect.poll(() => page.locator("#units tr").count()).toBe(run.units.length);
    expect(await page.locator("#judges tr").count()).toBe(run.ledger.judges.size);
    const short = run.units.filter((u) => !u.meetsQuota).length;
    expect(await page.locator("#units td.short").count()).toBe(short);
    // GK3 left SK07 blank: one entry short of what they are expected to score.
    const [name, scored, expected] = await page.locator("#judges tr", { hasText: "GK3" }).locator("td").allTextContents();
    expect(name).toBe("GK3 — Lê Minh Tuấn");
    expect(Number(scored)).toBe(Number(expected) - 1);
    expect(await page.locator("#summary").textContent()).toContain(run.ledger.settings.name);
    expect(calls).toEqual(["getDashboard"]);
    // axe-core: nothing serious or critical keeps a screen reader or keyboard user out.
    await page.addScriptTag({ path: path.resolve("node_modules/axe-core/axe.min.js") });
    // Run in the page (this test compiles without DOM types): the serious and critical findings.
    const violations = (await page.evaluate(
      `axe.run(document).then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.impact + " " + v.id))`,
    )) as string[];
    expect(violations).toEqual([]);
  });

  it("hides Tạo sổ… on a ledger, and lists the first problems as a short table whose places jump to the cell", async () => {
    expect(await page.getByRole("button", { name: /^Tạo sổ cuộc thi/ }).count()).toBe(0);
    const run = runContest(demoLedgerScored());
    expect(await page.locator("#problems tr").count()).toBe(Math.min(10, run.problems.length));
    const go = page.locator("#problems button").first();
    const where = (await go.textContent())!;
    await go.click();
    await expect.poll(() => gas.ss.activeRange?.sheet).toBe(where.slice(0, where.lastIndexOf("!")));
    expect(gas.ss.activeRange).toMatchObject({ row: Number(/\d+$/.exec(where)![0]), numRows: 1, numCols: 1 });
    expect(calls).toContain("selectCell");
  });

  it("runs Tính kết quả from its button and refreshes", async () => {
    await page.getByRole("button", { name: "Tính kết quả" }).click();
    await expect.poll(() => page.locator("#message").textContent()).toContain("Đã ghi");
    expect(calls).toContain("tallyResults");
    expect(gas.ss.tab("Kết quả")).toBeDefined();
    expect(gas.ui.alerts).toHaveLength(0);
    await expect.poll(() => calls.filter((c) => c === "getDashboard").length).toBe(2);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("imports judges' returned workbooks picked with Nhập tệp .xlsx: sizes checked in the page, each file read there and merged by the script, logged", async () => {
    await page.getByRole("button", { name: "Nhập các tệp đã chọn" }).click();
    await expect.poll(() => page.locator("#message").textContent()).toBe("Chưa chọn tệp nào.");
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    await page.setInputFiles("#upload-files", { name: "qua-lon.xlsx", mimeType: xlsx, buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await page.getByRole("button", { name: "Nhập các tệp đã chọn" }).click();
    await expect.poll(() => page.locator("#message").textContent()).toBe("Chọn từ 1 đến 20 tệp .xlsx, mỗi tệp không quá 10 MB.");
    expect(calls).not.toContain("importWorkbookFiles");
    const demo = await runCliDemo();
    const picked = demo.returned.filter((f) => f.name === "phieu-cham-gk1.xlsx" || f.name === "phieu-cham-gk2.xlsx");
    await page.setInputFiles(
      "#upload-files",
      picked.map((f) => ({ name: f.name, mimeType: xlsx, buffer: f.data })),
    );
    await page.getByRole("button", { name: "Nhập các tệp đã chọn" }).click();
    await expect.poll(() => page.locator("#message").textContent()).toMatch(/^Đã nhập 1 tệp[\s\S]*\n\nĐã nhập 1 tệp/);
    const message = (await page.locator("#message").textContent())!;
    expect(message).toContain("phieu-cham-gk1.xlsx (GK1): ");
    expect(message).toContain("phieu-cham-gk2.xlsx (GK2): ");
    // One call per file: each well under what google.script.run carries.
    expect(calls.filter((c) => c === "importWorkbookFiles")).toHaveLength(2);
    expect(
      gas.ss
        .tab("Nhật ký")!
        .values()
        .map((r) => r[1]),
    ).toEqual(expect.arrayContaining(["phieu-cham-gk1.xlsx", "phieu-cham-gk2.xlsx"]));
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("turns to English with its English button, and back", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("h2").first().textContent()).toBe("Actions");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("button", { name: "Compute results" }).count()).toBe(1);
    expect(await page.locator("#summary").textContent()).toMatch(/\d+ entries; \d+ errors, \d+ warnings/);
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect.poll(() => page.locator("h2").first().textContent()).toBe("Thao tác");
    expect(gas.userProperties.store.get("thidua.lang")).toBe("vi");
    expect(pageErrors).toEqual([]);
  });
});

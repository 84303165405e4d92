import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Built, buildBundle, loadBundle } from "./load-bundle.js";
import { gasDouble } from "./gas-double.js";

let built: Built;
beforeAll(async () => {
  built = await buildBundle();
});

describe("the Apps Script bundle", () => {
  it("comes also as a paste-ready set for a clerk without a terminal: Code.gs (the same code), sidebar.html, appsscript.json", () => {
    const paste = path.join(built.outDir, "paste");
    expect(readFileSync(path.join(paste, "Code.gs"), "utf8")).toBe(built.code);
    expect(readFileSync(path.join(paste, "sidebar.html"), "utf8")).toBe(readFileSync(path.join(built.outDir, "sidebar.html"), "utf8"));
    expect(JSON.parse(readFileSync(path.join(paste, "appsscript.json"), "utf8")).timeZone).toBe("Asia/Ho_Chi_Minh");
  });

  it("is one script with no import or require", () => {
    expect(built.code).not.toMatch(/^\s*import[\s{*"']/m);
    expect(built.code).not.toMatch(/\bimport\s*\(/);
    expect(built.code).not.toMatch(/\brequire\s*\(/);
    expect(built.code).not.toMatch(/^\s*export\s/m);
  });

  it("declares a top-level function for every handler the entry exposes", () => {
    expect(built.handlers).toEqual(
      expect.arrayContaining([
        "onOpen",
        "showSidebar",
        "getDashboard",
        "checkLedger",
        "tallyResults",
        "draftReminders",
        "createJudgeTabs",
        "mergeJudgeScores",
        "connectForm",
        "onFormSubmitEntry",
        "createLedgerInitiative",
      ]),
    );
    for (const name of built.handlers) expect(built.code).toMatch(new RegExp(`^function ${name}\\(e\\) \\{ return ThiDua\\.${name}\\(e\\); \\}$`, "m"));
  });

  it("sends nothing by itself: no mail, no fetch, no Drive", () => {
    for (const service of ["MailApp", "GmailApp", "UrlFetchApp", "DriveApp"]) expect(built.code).not.toContain(service);
  });

  it("gives every menu item and every sidebar button a top-level function", () => {
    const gas = gasDouble();
    const script = loadBundle(built.code, gas);
    script.call("onOpen", {});
    const menu = gas.ui.menus.find((m) => m.title === "Thi đua");
    expect(menu).toBeDefined();
    const items = menu!.flat();
    for (const caption of ["Tạo sổ cuộc thi", "Kiểm tra", "Tính kết quả", "Đơn vị chưa nộp", "Tạo trang chấm cho giám khảo", "Gộp điểm", "Kết nối biểu mẫu đăng ký"]) {
      expect(
        items.some((i) => i.caption.includes(caption)),
        caption,
      ).toBe(true);
    }
    for (const item of items) expect(script.has(item.fn), item.fn).toBe(true);

    const html = readFileSync(path.join(built.outDir, "sidebar.html"), "utf8");
    const targets = [...html.matchAll(/data-fn="(\w+)"/g)].map((m) => m[1]!);
    targets.push(...[...html.matchAll(/google\.script\.run[\s\S]*?\.(\w+)\(\);/g)].map((m) => m[1]!));
    expect(targets).toContain("getDashboard");
    expect(targets.length).toBeGreaterThan(6);
    for (const t of targets) expect(script.has(t), t).toBe(true);
  });

  it("ships a V8 manifest in Vietnam's time zone with narrow scopes", () => {
    const manifest = JSON.parse(readFileSync(path.join(built.outDir, "appsscript.json"), "utf8")) as {
      runtimeVersion: string;
      timeZone: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/spreadsheets.currentonly");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/spreadsheets");
    expect(manifest.oauthScopes.some((s) => /\/auth\/(drive|gmail|forms|script\.send_mail|script\.external_request)/.test(s))).toBe(false);
  });
});

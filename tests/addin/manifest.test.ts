import { execFileSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseUrlOf, buildAddin } from "../../addin/build.mjs";
import { OFFICE_APP_ORDER, checkManifest, findAll, manifestUrls, parseXml } from "../../addin/tools/manifest-check.mjs";

const manifest = readFileSync(path.resolve("manifest.xml"), "utf8");
/** The highest ExcelApi set the add-in needs unconditionally (data validation); pageLayout (1.9) is feature-detected. */
const USED_EXCEL_API = "1.8";

const problemsOf = (xml: string): string[] => checkManifest(xml, { maxExcelApi: USED_EXCEL_API }).problems;

describe("manifest.xml, checked offline", () => {
  it("passes every check", () => {
    expect(problemsOf(manifest)).toEqual([]);
  });

  it("is well-formed XML (and xmllint agrees when it is installed)", () => {
    const root = parseXml(manifest);
    expect(root.name).toBe("OfficeApp");
    let xmllint = false;
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
      xmllint = true;
    } catch {
      xmllint = false;
    }
    if (xmllint) execFileSync("xmllint", ["--noout", "manifest.xml"]);
    expect(() => parseXml("<a><b></a>")).toThrow(/không hợp lệ/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/entity/);
  });

  it("has OfficeApp's children in the schema's order, a GUID id, ReadWriteDocument and the Workbook host", () => {
    const root = parseXml(manifest);
    const order = OFFICE_APP_ORDER.map(([n]) => n as string);
    const indices = root.children.map((c) => order.indexOf(c.name));
    expect(indices.every((i) => i >= 0)).toBe(true);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    expect(root.children.find((c) => c.name === "Id")!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(root.children.find((c) => c.name === "Permissions")!.text).toBe("ReadWriteDocument");
    const set = findAll(root, (e) => e.name === "Set")[0]!;
    expect(set.attrs).toEqual({ Name: "ExcelApi", MinVersion: USED_EXCEL_API });
  });

  it("puts a button in a “Thi đua” group on the Home tab", () => {
    const root = parseXml(manifest);
    const group = findAll(root, (e) => e.name === "OfficeTab" && e.attrs.id === "TabHome")[0]!.children.find((c) => c.name === "Group")!;
    const labelId = group.children.find((c) => c.name === "Label")!.attrs.resid;
    const label = findAll(root, (e) => e.name === "bt:String" && e.attrs.id === labelId)[0]!;
    expect(label.attrs.DefaultValue).toBe("Thi đua");
  });

  it("each rule catches its breakage", () => {
    const broken: [string, string, RegExp][] = [
      ["<Version>0.1.0.0</Version>\n  <Id>", "<Id>", /sai thứ tự|lặp lại/],
      ["3a826b25-db56-4d64-ad11-fe5b3e5828ba", "thidua-addin", /không phải GUID/],
      ["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>", /Permissions phải là ReadWriteDocument/],
      ['DefaultValue="https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', 'DefaultValue="http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', /URL phải là https/],
      ['<Label resid="Group.Label"/>', '<Label resid="Group.Nhan"/>', /resid “Group.Nhan”/],
      ['<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Group.Label"/>', /phải trỏ tới Urls/],
      ['MinVersion="1.8"', 'MinVersion="1.12"', /cao hơn mức add-in dùng/],
      ["</OfficeApp>", "", /never closed/],
    ];
    for (const [from, to, problem] of broken) {
      const xml = from === "<Version>0.1.0.0</Version>\n  <Id>" ? manifest.replace("<Version>0.1.0.0</Version>", "").replace("<Id>", "<Version>0.1.0.0</Version>\n  <Id>") : manifest.replace(from, to);
      expect(xml, from).not.toBe(manifest);
      expect(problemsOf(xml).join("\n"), from).toMatch(problem);
    }
  });
});

describe("the build", () => {
  const out = path.join(os.tmpdir(), `thidua-addin-build-${process.pid}`);
  afterAll(async () => {
    await fs.rm(out, { recursive: true, force: true });
  });

  it("rewrites the manifest's URLs to ADDIN_BASE_URL, and every URL is a file it built", async () => {
    await buildAddin({ outDir: out, baseUrl: "https://thidua.example.gov.vn/addin/", quiet: true });
    const built = await fs.readFile(path.join(out, "manifest.xml"), "utf8");
    expect(built).not.toContain("localhost");
    const { problems, root } = checkManifest(built, { maxExcelApi: USED_EXCEL_API });
    expect(problems).toEqual([]);
    const urls = manifestUrls(root!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith("https://thidua.example.gov.vn/addin/"), url).toBe(true);
      expect(existsSync(path.join(out, url.slice("https://thidua.example.gov.vn/addin/".length))), url).toBe(true);
    }
    const png = await fs.readFile(path.join(out, "assets", "icon-80.png"));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(80);
    const page = await fs.readFile(path.join(out, "taskpane.html"), "utf8");
    expect(page).toContain('<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });

  it("refuses a base URL that is not https", () => {
    expect(() => baseUrlOf("http://example.org")).toThrow(/https/);
    expect(baseUrlOf("https://example.org/x/")).toBe("https://example.org/x");
  });
});

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { findSoffice } from "../cli/export-pdf.js";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import type { Grid } from "../shared/cells/cell.js";
import { CONTEST_SHEETS } from "../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../shared/ledger/schema.js";
import { plainSheet, writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { REPO_ROOT, removeFolder, runCli, stackTraceLines, tempFolder } from "./support/cli-run.js";
import { BOOKKEEPING, type PackageView, changedParts, packageView, sheetParts } from "./support/packages.js";

/**
 * The ledger is the secretariat's workbook: every part thidua does not own must come out of a write
 * exactly as it went in. Real workbooks from Excel, WPS, LibreOffice and openpyxl (../shared/corpus
 * and tests/fixtures/workbooks) get the ledger's input sheets, are tallied in place twice, and
 * their packages are compared part by part with an independent zip reader.
 */

const CORPUS = path.join(REPO_ROOT, "..", "shared", "corpus");
const OWN_FIXTURES = path.join(REPO_ROOT, "tests", "fixtures", "workbooks");
const workbooksIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));
const FILES = [...(existsSync(CORPUS) ? workbooksIn(CORPUS) : []), ...workbooksIn(OWN_FIXTURES)];
const INPUT_SHEETS = scoredDemoSheets();
const INPUT_NAMES = new Set(INPUT_SHEETS.map((s) => s.name));
const OUTPUT_NAMES = new Set<string>(Object.values(OUTPUT_SHEET_NAMES));
/** openpyxl's chart makes ExcelJS 4.4 throw on load (its issue #2591): ExcelJS is no judge of that file. */
const EXCELJS_CANNOT_READ = new Set(["openpyxl-user-chart.xlsx", "openpyxl-secretariat.xlsx"]);

const dir = tempFolder("lossless");
/** LibreOffice's CSV filter: UTF-8, every sheet to its own file (sheet option -1, LibreOffice 7.2 and later). */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
afterAll(() => removeFolder(dir));

/** Each ledger once tallied, for the checks by other programs at the end. */
const tallied: { name: string; file: string; owned: string[] }[] = [];

interface Case {
  readonly source: string;
  readonly original: PackageView;
  readonly ledger: string;
  readonly beforeTally: PackageView;
  readonly userGrids: Map<string, Grid>;
}

async function userGridsOf(file: string): Promise<Map<string, Grid>> {
  const all = (await XlsxWorkbook.load(file)).readAll();
  return new Map([...all].filter(([name]) => !INPUT_NAMES.has(name) && !OUTPUT_NAMES.has(name)));
}

/** A copy of the workbook with the ledger's input sheets added by our own writer. */
async function prepare(source: string): Promise<Case> {
  const ledger = path.join(dir, `ledger-${path.basename(source)}`);
  const book = XlsxWorkbook.fromBuffer(readFileSync(source));
  for (const sheet of INPUT_SHEETS) book.replaceSheet(sheet);
  await book.save(ledger);
  return { source, original: await packageView(source), ledger, beforeTally: await packageView(ledger), userGrids: await userGridsOf(source) };
}

describe("the corpus is there", () => {
  it("holds real workbooks from other programs (../shared/corpus beside the repository, and our own fixtures)", () => {
    expect(existsSync(CORPUS), `${CORPUS} is missing: the tests need the shared reference folder beside the repository`).toBe(true);
    expect(FILES.length).toBeGreaterThanOrEqual(11);
  });
});

describe.each(FILES.map((f) => [path.basename(f), f] as const))("%s", (_name, source) => {
  let c: Case;
  let afterFirst: PackageView;
  let afterSecond: PackageView;
  let firstRun: { code: number; stderr: string };
  beforeAll(async () => {
    c = await prepare(source);
    firstRun = await runCli(["tally", c.ledger]);
    afterFirst = await packageView(c.ledger);
    const owned = new Set([...BOOKKEEPING, ...sheetParts(afterFirst, [...OUTPUT_NAMES, ...INPUT_NAMES])]);
    tallied.push({ name: path.basename(source, ".xlsx"), file: c.ledger, owned: [...owned].filter((p) => afterFirst.parts.has(p)) });
    await runCli(["tally", c.ledger]);
    afterSecond = await packageView(c.ledger);
  });

  it("adding the input sheets changes only the workbook's bookkeeping: every original part is as it was", () => {
    expect(changedParts(c.original, c.beforeTally, BOOKKEEPING)).toEqual([]);
    expect(c.beforeTally.sheets.slice(0, c.original.sheets.length)).toEqual(c.original.sheets);
  });

  it("tally in place keeps every part it does not own, byte for byte", () => {
    expect(firstRun.code, firstRun.stderr).toBeLessThan(2);
    expect(stackTraceLines(firstRun.stderr)).toEqual([]);
    const owned = new Set([...BOOKKEEPING, ...sheetParts(afterFirst, OUTPUT_NAMES), "xl/calcChain.xml"]);
    expect(changedParts(c.beforeTally, afterFirst, owned)).toEqual([]);
    expect(changedParts(c.original, afterFirst, owned)).toEqual([]);
    for (const name of OUTPUT_NAMES)
      if (name !== OUTPUT_SHEET_NAMES.log)
        expect(
          afterFirst.sheets.map((s) => s.name),
          name,
        ).toContain(name);
  });

  it("the input sheets are never modified by the computation", () => {
    const inputs = sheetParts(c.beforeTally, CONTEST_SHEETS);
    expect(inputs.size).toBe(CONTEST_SHEETS.length);
    for (const part of inputs) expect(afterFirst.parts.get(part), part).toBe(c.beforeTally.parts.get(part));
  });

  it("a second tally rewrites its sheets in the same parts, with the same ids and places; styles do not grow", () => {
    expect(afterSecond.sheets).toEqual(afterFirst.sheets);
    expect(afterSecond.parts.get("xl/styles.xml")).toBe(afterFirst.parts.get("xl/styles.xml"));
    const owned = new Set([...BOOKKEEPING, ...sheetParts(afterSecond, OUTPUT_NAMES)]);
    expect(changedParts(afterFirst, afterSecond, owned)).toEqual([]);
    expect([...afterSecond.parts.keys()].sort()).toEqual([...afterFirst.parts.keys()].sort());
  });

  it("the user's own sheets read the same before and after", async () => {
    expect(await userGridsOf(c.ledger)).toEqual(c.userGrids);
  });

  it("new-year copies the workbook: only the cleared sheets, the renewed settings and the emptied outputs change", async () => {
    const nextYear = path.join(dir, `nam-sau-${path.basename(source)}`);
    const run = await runCli(["new-year", c.ledger, "--out", nextYear]);
    expect(run.code, run.stderr).toBe(0);
    const next = await packageView(nextYear);
    const edited = ["Cuộc thi", "Bài dự thi", "Điểm"];
    const owned = new Set([...BOOKKEEPING, ...sheetParts(afterSecond, [...OUTPUT_NAMES, ...edited]), "xl/calcChain.xml"]);
    expect(changedParts(afterSecond, next, owned)).toEqual([]);
    expect(next.sheets).toEqual(afterSecond.sheets);
    expect(await userGridsOf(nextYear)).toEqual(c.userGrids);
    const grids = (await XlsxWorkbook.load(nextYear)).readAll();
    for (const name of OUTPUT_NAMES) if (grids.has(name)) expect(grids.get(name), name).toEqual([]);
    expect(
      grids
        .get("Bài dự thi")!
        .slice(1)
        .flat()
        .filter((v) => v !== null),
    ).toEqual([]);
    expect(grids.get("Cuộc thi")!.find((r) => r[0] === "Năm")?.[1]).toBe(2021);
  });

  it("opens in SheetJS and ExcelJS, with the results there", async () => {
    const sheetjs = XLSX.readFile(c.ledger);
    expect(sheetjs.SheetNames).toContain(OUTPUT_SHEET_NAMES.results);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheetjs.Sheets[OUTPUT_SHEET_NAMES.results]!, { header: 1 });
    expect(rows[0]).toContain("Mã bài");
    expect(rows.length).toBeGreaterThan(10);
    if (EXCELJS_CANNOT_READ.has(path.basename(source))) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.ledger);
    expect(wb.getWorksheet(OUTPUT_SHEET_NAMES.prizeList)?.rowCount).toBeGreaterThan(5);
  });
});

/** openpyxl writes non-ASCII text as character references. */
const decodeRefs = (xml: string): string => xml.replace(/&#(\d+);/g, (_w, n: string) => String.fromCodePoint(Number(n)));

describe("a secretariat's formulas and chart on thidua's own output sheet", () => {
  const fixture = path.join(OWN_FIXTURES, "openpyxl-secretariat.xlsx");
  let ledger: string;
  let before: PackageView;
  let after: PackageView;
  beforeAll(async () => {
    ledger = path.join(dir, "formulas.xlsx");
    copyFileSync(fixture, ledger);
    const book = await XlsxWorkbook.load(ledger);
    for (const sheet of INPUT_SHEETS) book.replaceSheet(sheet);
    await book.save(ledger);
    before = await packageView(ledger);
    await runCli(["tally", ledger]);
    after = await packageView(ledger);
  });

  it("`Kết quả` is rewritten where it was: same tab position, sheet id and part, so 'Kết quả'!C2 still points at it", () => {
    const old = before.sheets.find((s) => s.name === OUTPUT_SHEET_NAMES.results)!;
    const now = after.sheets.find((s) => s.name === OUTPUT_SHEET_NAMES.results)!;
    expect(now).toEqual(old);
    expect(after.sheets.indexOf(now)).toBe(before.sheets.indexOf(old));
    expect(after.parts.get(now.part)).not.toBe(before.parts.get(old.part));
    const report = before.sheets.find((s) => s.name === "Báo cáo")!.part;
    expect(after.parts.get(report)).toBe(before.parts.get(report));
    expect(decodeRefs(after.text(report) ?? "")).toContain("'Kết quả'!C2");
    expect(decodeRefs(after.text("xl/workbook.xml") ?? "")).toContain("'Kết quả'!$H$2");
  });

  it("the chart the user put on `Kết quả` is still attached to it, and Excel is told to recalculate the formulas that read it", () => {
    const part = after.sheets.find((s) => s.name === OUTPUT_SHEET_NAMES.results)!.part;
    expect(after.text(part)).toMatch(/<drawing\b[^>]*\br:id="[^"]+"\/>/);
    expect(after.text(part.replace("worksheets/", "worksheets/_rels/") + ".rels")).toContain("drawing");
    expect(after.text("xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });

  it("the formulas read the new results in SheetJS's view of the sheet (the values are written, not the formulas changed)", async () => {
    const grids = (await XlsxWorkbook.load(ledger)).readAll();
    const results = grids.get(OUTPUT_SHEET_NAMES.results)!;
    expect(results[1]?.[2]).toBe("SK04");
    expect(grids.get("Báo cáo")).toEqual((await XlsxWorkbook.load(fixture)).readAll().get("Báo cáo"));
  });
});

describe("import into a secretariat's workbook", () => {
  it("sets the imported cells and keeps every other part, and every untouched row of `Điểm`, byte for byte", async () => {
    const fixture = path.join(OWN_FIXTURES, "libreoffice-secretariat.xlsx");
    const ledgerFile = path.join(dir, "import.xlsx");
    const book = XlsxWorkbook.fromBuffer(readFileSync(fixture));
    for (const sheet of INPUT_SHEETS) book.replaceSheet(sheet);
    await book.save(ledgerFile);
    const registration = path.join(dir, "dang-ky.xlsx");
    await writeBook(registration, [
      plainSheet("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["SK20", "Bài mới đăng ký", "XPT"],
      ]),
    ]);
    const before = await packageView(ledgerFile);
    const run = await runCli(["import", ledgerFile, registration]);
    expect(run.code, run.stderr).toBe(0);
    const after = await packageView(ledgerFile);
    const edited = sheetParts(after, ["Bài dự thi", OUTPUT_SHEET_NAMES.log]);
    expect(changedParts(before, after, new Set([...BOOKKEEPING, ...edited]))).toEqual([]);
    const entriesPart = [...sheetParts(before, ["Bài dự thi"])][0]!;
    const rowsBefore = before.text(entriesPart)!.match(/<row [^>]*>[\s\S]*?<\/row>/g)!;
    const textAfter = after.text(entriesPart)!;
    for (const row of rowsBefore) expect(textAfter).toContain(row);
    const entries = (await XlsxWorkbook.load(ledgerFile)).readAll().get("Bài dự thi")!;
    expect(entries[entries.length - 1]?.slice(0, 2)).toEqual(["SK20", "Bài mới đăng ký"]);
  });
});

describe("other programs open what thidua wrote", () => {
  it("xmllint finds every part thidua wrote well-formed, namespaces included", async () => {
    const parts = path.join(dir, "parts");
    const files: string[] = [];
    for (const t of tallied) {
      const zip = await JSZip.loadAsync(readFileSync(t.file));
      for (const part of t.owned) {
        const out = path.join(parts, t.name, part.replace(/[[\]]/g, "_"));
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, await zip.file(part)!.async("uint8array"));
        files.push(out);
      }
    }
    expect(files.length).toBeGreaterThan(tallied.length * 10);
    const run = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
    expect(run.error, "xmllint is missing: install the Debian package libxml2-utils").toBeUndefined();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("LibreOffice Calc loads every tallied ledger and shows the results", () => {
    const soffice = findSoffice();
    expect(soffice, "LibreOffice is missing: install the Debian package libreoffice-calc").toBeDefined();
    const out = path.join(dir, "csv");
    const run = spawnSync(
      soffice!,
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--convert-to", CSV_ALL_SHEETS, "--outdir", out, ...tallied.map((t) => t.file)],
      {
        encoding: "utf8",
        timeout: 180_000,
      },
    );
    expect(run.stdout + run.stderr).not.toContain("could not be loaded");
    for (const t of tallied) {
      const results = path.join(out, `${path.basename(t.file, ".xlsx")}-${OUTPUT_SHEET_NAMES.results}.csv`);
      expect(existsSync(results), `${t.name}: ${run.stdout}${run.stderr}`).toBe(true);
      const lines = readFileSync(results, "utf8").split("\n");
      expect(lines[0]).toContain("Mã bài");
      expect(lines[1]).toContain("SK04");
    }
  }, 240_000);
});

import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { findSoffice } from "../cli/export-pdf.js";
import { initiativeDemoSheets } from "../shared/samples/initiative-demo.js";
import { readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { removeFolder, runCli, tempFolder } from "./support/cli-run.js";
import { packageView, sheetParts } from "./support/packages.js";

/**
 * The secretariat's formulas survive the new year: a column filled down beside the entries (one
 * shared formula, as Excel stores it) and a deadline computed from a date. Only typed values are
 * cleared or moved; a formula cell is never rewritten, so a shared formula keeps its group.
 */

const dir = tempFolder("new-year-formulas");
afterAll(() => removeFolder(dir));

/** Adds `=IF(A{r}="","",LEN(A{r}))` filled down Z2:Z{last} as one shared formula, an array formula over Y2:Y4, and a closing date computed from the opening one. */
async function withFormulas(file: string): Promise<{ last: number }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const view = await packageView(file);
  const [entries] = [...sheetParts(view, ["Bài dự thi"])];
  const [settings] = [...sheetParts(view, ["Cuộc thi"])];
  let xml = await zip.file(entries!)!.async("string");
  const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
  const last = Math.max(...rows);
  xml = xml.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (whole, r: string, attrs: string, body: string) => {
    const n = Number(r);
    if (n < 2) return whole;
    const f = n === 2 ? `<f t="shared" ref="Z2:Z${last}" si="0">IF(A2="","",LEN(A2))</f>` : `<f t="shared" si="0"/>`;
    // Y2:Y4 is one array formula: only Y2 holds it, Y3 and Y4 hold its values.
    const array = n === 2 ? `<c r="Y2"><f t="array" ref="Y2:Y4">LEN(A2:A4)</f><v>4</v></c>` : n <= 4 ? `<c r="Y${r}"><v>4</v></c>` : "";
    return `<row r="${r}"${attrs}>${body}${array}<c r="Z${r}">${f}<v>4</v></c></row>`;
  });
  zip.file(entries!, xml);
  let settingsXml = await zip.file(settings!)!.async("string");
  const closes = /<row r="(\d+)"[^>]*>(?:(?!<\/row>)[\s\S])*?Nhận bài đến ngày[\s\S]*?<\/row>/.exec(settingsXml)!;
  const opens = /<row r="(\d+)"[^>]*>(?:(?!<\/row>)[\s\S])*?Nhận bài từ ngày[\s\S]*?<\/row>/.exec(settingsXml)!;
  settingsXml = settingsXml.replace(
    closes[0],
    `<row r="${closes[1]}"><c r="A${closes[1]}" t="inlineStr"><is><t>Nhận bài đến ngày</t></is></c><c r="B${closes[1]}"><f>B${opens[1]}+56</f><v>44113</v></c></row>`,
  );
  zip.file(settings!, settingsXml);
  writeFileSync(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return { last };
}

describe("new-year keeps the secretariat's formulas", () => {
  it("clears the typed values around a shared formula, moves the dates beside a computed one, and leaves both formulas whole", async () => {
    const from = path.join(dir, "nam-2020.xlsx");
    const to = path.join(dir, "nam-2021.xlsx");
    const sheets = initiativeDemoSheets().map((s) => (s.name === "Cuộc thi" ? { ...s, rows: s.rows.map((r) => (r[0] === "Nhận bài từ ngày" ? [r[0], new Date(Date.UTC(2020, 7, 14, 17))] : r)) } : s));
    await writeBook(from, sheets);
    const { last } = await withFormulas(from);
    const run = await runCli(["new-year", from, "--out", to]);
    expect(run.code, run.stderr).toBe(0);

    const view = await packageView(to);
    const entriesXml = view.text([...sheetParts(view, ["Bài dự thi"])][0]!)!;
    expect(entriesXml).toContain(`<f t="shared" ref="Z2:Z${last}" si="0">IF(A2="","",LEN(A2))</f>`);
    expect(entriesXml.match(/<f t="shared" si="0"\/>/g)).toHaveLength(last - 2);
    expect(entriesXml).toContain(`<c r="Y2"><f t="array" ref="Y2:Y4">LEN(A2:A4)</f><v>4</v></c>`);
    expect(entriesXml).toContain(`<c r="Y3"><v>4</v></c>`);
    const entries = sheetGrid(await readGrids(to), "Bài dự thi");
    expect(entries.slice(1).map((r) => r.slice(0, 24).every((v) => v === null))).toEqual(Array.from({ length: last - 1 }, () => true));

    const settingsXml = view.text([...sheetParts(view, ["Cuộc thi"])][0]!)!;
    expect(settingsXml).toMatch(/<f>B\d+\+56<\/f>/);
    const settings = sheetGrid(await readGrids(to), "Cuộc thi");
    const opens = settings.find((r) => r[0] === "Nhận bài từ ngày")![1] as Date;
    expect(opens.toISOString()).toBe("2021-08-14T17:00:00.000Z");
  });

  const soffice = findSoffice();
  it.skipIf(soffice === undefined)(
    "LibreOffice opens the new year's ledger, the shared formula computed on the cleared rows",
    async () => {
      const to = path.join(dir, "nam-2021.xlsx");
      const out = path.join(dir, "csv");
      await promisify(execFile)(
        soffice!,
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=file://${path.join(dir, "lo")}`,
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          out,
          to,
        ],
        { timeout: 120_000 },
      );
      const entries = readFileSync(path.join(out, "nam-2021-Bài dự thi.csv"), "utf8")
        .split("\n")
        .slice(1)
        .filter((l) => l !== "");
      // A cleared row: every cell blank (the shared formula gives ""), the array formula 0 = LEN("").
      expect(entries.every((l) => /^[,0]*$/.test(l))).toBe(true);
      // LibreOffice keeps a plain formula's cached value on load (Excel recalculates: the file asks it to).
      expect(readFileSync(path.join(out, "nam-2021-Cuộc thi.csv"), "utf8")).toContain("\nNăm,2021\n");
    },
    150_000,
  );
});

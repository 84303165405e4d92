import { plainUtf8Bytes } from "../xlsx/utf8-text.js";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { zlibCodec } from "../cli/zlib-codec.js";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import { isDateFormatCode } from "../xlsx/styles.js";
import { XlsxBook } from "../xlsx/workbook.js";
import { ZipArchive, type ZipPart, writeZip } from "../xlsx/zip.js";
import { decodeOoxmlText, encodeOoxmlText } from "../xlsx/xml.js";
import { writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { removeFolder, runCli, tempFolder } from "./support/cli-run.js";

/** Cells as other programs write them, read the way the ledger contract says. */

const dir = tempFolder("xlsx-reading");
afterAll(() => removeFolder(dir));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A one-sheet workbook from hand-written parts, as another program might write it. */
function handMade(sheetData: string, options: { styles?: string; sharedStrings?: string; workbookPr?: string } = {}): XlsxBook {
  const parts: ZipPart[] = [
    {
      kind: "new",
      name: "[Content_Types].xml",
      data: enc(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
      ),
    },
    {
      kind: "new",
      name: "_rels/.rels",
      data: enc(`<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    },
    {
      kind: "new",
      name: "xl/workbook.xml",
      data: enc(`<workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ""}<sheets><sheet name="Trang" sheetId="1" r:id="s1"/></sheets></workbook>`),
    },
    {
      kind: "new",
      name: "xl/_rels/workbook.xml.rels",
      data: enc(
        `<Relationships xmlns="${PKG}"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/a.xml"/><Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="ss" Type="${REL}/sharedStrings" Target="../xl/strings.xml"/></Relationships>`,
      ),
    },
    { kind: "new", name: "xl/worksheets/a.xml", data: enc(`<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`) },
    {
      kind: "new",
      name: "xl/styles.xml",
      data: enc(options.styles ?? `<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`),
    },
    { kind: "new", name: "xl/strings.xml", data: enc(options.sharedStrings ?? `<sst xmlns="${MAIN}"/>`) },
  ];
  return XlsxBook.open(Buffer.concat(writeZip(parts, zlibCodec)), zlibCodec);
}

describe("cell values", () => {
  it("shared strings with rich runs and phonetic runs, inline strings, _xHHHH_ escapes, booleans, errors and cached formula results", () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>Phòng Nội vụ</t></si><si><r><t>Tám </t></r><r><rPr><b/></rPr><t xml:space="preserve">triệu</t></r><rPh><t>ファ</t></rPh></si><si><t>A_x000D_B</t></si></sst>`;
    const book = handMade(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>SK&amp;01</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="str"><f>A1</f><v>x_x005F_x0041_y</v></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2"><f>A9</f></c></row>` +
        `<row r="4"><c r="B4"><v>8.5</v></c><c r="C4"><v>1E-3</v></c></row>`,
      { sharedStrings: sst },
    );
    expect(book.readGrid("Trang")).toEqual([["Phòng Nội vụ", "Tám triệu", "A\rB"], ["SK&01", true, "#N/A", "x_x0041_y", 2], [], [null, 8.5, 0.001]]);
  });

  it("dates: by the cell's number format (built-in or custom), in the 1900 and 1904 systems, and ISO `t=\"d\"` cells, all at Vietnam's wall clock", () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0 &quot;đ&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const row = `<row r="1"><c r="A1" s="1"><v>44105</v></c><c r="B1" s="2"><v>44105.5</v></c><c r="C1" s="3"><v>3000000</v></c><c r="D1" t="d"><v>2020-10-01T08:30:00</v></c><c r="E1"><v>44105</v></c></row>`;
    const vn = (y: number, m: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, m - 1, d, h - 7, mi));
    expect(handMade(row, { styles }).readGrid("Trang")).toEqual([[vn(2020, 10, 1), vn(2020, 10, 1, 12), 3000000, vn(2020, 10, 1, 8, 30), 44105]]);
    expect(handMade(row, { styles, workbookPr: '<workbookPr date1904="1"/>' }).readGrid("Trang")![0]![0]).toEqual(vn(2024, 10, 2));
  });

  it("tells date formats from number formats", () => {
    for (const code of ["dd/mm/yyyy", "d/m/yy h:mm", "[$-42A]dd/mm/yyyy", "[h]:mm:ss", "mm:ss", "yyyy"]) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ["General", "0.00", '#,##0 "đ"', "#,##0_);[Red](#,##0)", '0 "ngày"', "@", "0%"]) expect(isDateFormatCode(code), code).toBe(false);
  });

  it("cells without references follow the one before; a cell outside any row names its own", () => {
    expect(handMade(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>`).readGrid("Trang")).toEqual([
      [1, 2],
      [null, null, 3, 4],
    ]);
  });

  it("text we write comes back as it was, characters XML cannot hold included", () => {
    for (const text of ["a_x0041_b", "tab\there", "bell\u0007", "=SUM(A1)", "  spaces  ", "\u{1F600} emoji", "lone \uD800 surrogate"]) {
      const back = decodeOoxmlText(
        encodeOoxmlText(text)
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&")
          .replace(/&quot;/g, '"'),
      );
      expect(back, JSON.stringify(text)).toBe(text.replace("\uD800", "\uD800"));
    }
  });
});

describe("workbooks written with a namespace prefix (x:worksheet …), as .NET tools write them", () => {
  it("are read, tallied in place and read again", async () => {
    const plain = path.join(dir, "thuong.xlsx");
    await writeBook(plain, scoredDemoSheets());
    const zip = new ZipArchive(readFileSync(plain), zlibCodec);
    const prefixed = (xml: string): string => xml.replace(new RegExp(`xmlns="${MAIN.replace(/[./]/g, "\\$&")}"`), `xmlns:x="${MAIN}"`).replace(/<(\/?)(?!\?)([A-Za-z]+)(?=[\s>/])/g, "<$1x:$2");
    const parts: ZipPart[] = zip.entries.map((entry) =>
      entry.name.startsWith("xl/") && entry.name.endsWith(".xml") && !entry.name.includes("_rels")
        ? { kind: "new", name: entry.name, data: enc(prefixed(zip.text(entry))) }
        : { kind: "copy", entry, raw: zip.raw(entry) },
    );
    const file = path.join(dir, "tien-to.xlsx");
    writeFileSync(file, Buffer.concat(writeZip(parts, zlibCodec)));
    expect(new ZipArchive(readFileSync(file), zlibCodec).text(new ZipArchive(readFileSync(file), zlibCodec).entry("xl/workbook.xml")!)).toContain("<x:sheets>");
    const before = (await XlsxWorkbook.load(file)).readAll();
    expect(before).toEqual((await XlsxWorkbook.load(plain)).readAll());
    const run = await runCli(["tally", file]);
    expect(run.code, run.stderr).toBeLessThan(2);
    const after = (await XlsxWorkbook.load(file)).readAll();
    expect(after.get("Kết quả")?.[1]?.[2]).toBe("SK04");
    for (const [name, grid] of before) expect(after.get(name), name).toEqual(grid);
  });
});

describe("sheet names match as Excel matches them", () => {
  it("a results sheet named `KẾT QUẢ` is the `Kết quả` thidua writes: tallied in place, not refused, not doubled", async () => {
    const file = path.join(dir, "hoa-thuong.xlsx");
    await writeBook(file, [...scoredDemoSheets(), { name: "KẾT QUẢ", rows: [["cũ"]], format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } }]);
    const run = await runCli(["tally", file]);
    expect(run.code, run.stderr).toBeLessThan(2);
    const book = await XlsxWorkbook.load(file);
    const names = await book.sheetNames();
    expect(names.filter((n) => n.toLowerCase() === "kết quả")).toEqual(["KẾT QUẢ"]);
    expect(book.readAll().get("KẾT QUẢ")?.[1]?.[2]).toBe("SK04");
  });
});

describe("UTF-8 without TextEncoder (Apps Script has none)", () => {
  it("gives TextEncoder's bytes: Vietnamese, emoji, a lone surrogate as U+FFFD", () => {
    for (const text of ["", "Ủy ban nhân dân xã Mỹ Thạnh", "Đ đ ơ ư ặ ỹ", "giải 🏆 nhất", "a\ud800b", "\udfff", "\u0000\u007f\u0080\u07ff\u0800\uffff"]) {
      expect(plainUtf8Bytes(text), JSON.stringify(text)).toEqual(new TextEncoder().encode(text));
    }
  });
});

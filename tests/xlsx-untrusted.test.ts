import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zlibCodec } from "../cli/zlib-codec.js";
import { fflateCodec } from "../xlsx/fflate-codec.js";
import { crc32 } from "../xlsx/crc32.js";
import { XlsxError } from "../xlsx/errors.js";
import { XlsxBook } from "../xlsx/workbook.js";
import { ZipArchive, type ZipPart, writeZip } from "../xlsx/zip.js";
import { writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { builtinsSnapshot } from "./support/cli-hostile.js";
import { REPO_ROOT, removeFolder, runCli, stackTraceLines, tempFolder } from "./support/cli-run.js";

/**
 * Workbook files are untrusted whatever made them: a zip that inflates past any ledger, a file that
 * is not a workbook at all, a part declaring entities, attributes named like built-in properties.
 * Each is refused with a Vietnamese message and exit 2 (or read harmlessly), never a library's text,
 * and memory stays bounded.
 */

const dir = tempFolder("xlsx-untrusted");
afterAll(() => removeFolder(dir));
/** The built probe (npm run build compiles tests/bench): writes the child's peak memory at exit. */
const RSS_PROBE = pathToFileURL(path.join(REPO_ROOT, "dist", "tests", "bench", "rss-probe.js")).href;
const GIB = 1024 * 1024 * 1024;

let ledger: string;
beforeAll(async () => {
  ledger = path.join(dir, "so.xlsx");
  await writeBook(ledger, scoredDemoSheets());
});

/** The ledger's package with one part's stored bytes replaced (declared size as given). */
function withPart(name: string, replace: (parts: ZipPart[], at: number) => ZipPart): Uint8Array[] {
  const zip = new ZipArchive(readFileSync(ledger), zlibCodec);
  const parts: ZipPart[] = zip.entries.map((entry) => ({ kind: "copy", entry, raw: zip.raw(entry) }));
  const at = zip.entries.findIndex((e) => e.name === name);
  expect(at, name).toBeGreaterThanOrEqual(0);
  parts[at] = replace(parts, at);
  return writeZip(parts, zlibCodec);
}

/**
 * Deflate data for `bytes` spaces, made without holding them: one flushed block of 1 MiB of spaces
 * repeated, then an empty final block.
 */
function spacesDeflated(bytes: number): Uint8Array {
  const mib = 1024 * 1024;
  const block = zlib.deflateRawSync(Buffer.alloc(mib, 0x20), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const n = Math.ceil(bytes / mib);
  const out = new Uint8Array(block.length * n + 2);
  for (let i = 0; i < n; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * n);
  return out;
}

function save(file: string, chunks: Uint8Array[]): string {
  const target = path.join(dir, file);
  writeFileSync(target, Buffer.concat(chunks));
  return target;
}

async function checkWithPeakMemory(file: string): Promise<{ code: number; stderr: string; peakMiB: number }> {
  const rssFile = path.join(dir, `${path.basename(file)}.rss`);
  const run = await runCli(["check", file], { nodeArgs: ["--import", RSS_PROBE], env: { THIDUA_BENCH_RSS_FILE: rssFile } });
  const peakKiB = Number(readFileSync(rssFile, "utf8").split(" ")[0]);
  return { ...run, peakMiB: peakKiB / 1024 };
}

describe("zip bombs", () => {
  it("a 1 MB file whose sheet says it inflates to 1.1 GB is refused before inflating anything", async () => {
    const data = spacesDeflated(1.1 * GIB);
    const file = save(
      "bom-khai-that.xlsx",
      withPart("xl/worksheets/sheet6.xml", (parts, at) => {
        const old = parts[at]!;
        if (old.kind !== "copy") throw new Error("copy expected");
        return { kind: "copy", entry: { ...old.entry, method: 8, size: Math.round(1.1 * GIB), compressedSize: data.length, crc: 0 }, raw: data };
      }),
    );
    expect(readFileSync(file).length).toBeLessThan(3 * 1024 * 1024);
    const run = await checkWithPeakMemory(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("vượt giới hạn");
    expect(run.stderr).toContain("tệp nén độc hại");
    expect(stackTraceLines(run.stderr)).toEqual([]);
    expect(run.peakMiB).toBeLessThan(200);
  });

  it("the same bomb under a false small size is stopped at that size: the part is called damaged", async () => {
    const data = spacesDeflated(1.1 * GIB);
    const file = save(
      "bom-khai-gian.xlsx",
      withPart("xl/worksheets/sheet6.xml", (parts, at) => {
        const old = parts[at]!;
        if (old.kind !== "copy") throw new Error("copy expected");
        return { kind: "copy", entry: { ...old.entry, method: 8, compressedSize: data.length }, raw: data };
      }),
    );
    const run = await checkWithPeakMemory(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("tệp bị hỏng");
    expect(run.stderr).toContain("lớn hơn kích thước khai báo");
    expect(stackTraceLines(run.stderr)).toEqual([]);
    expect(run.peakMiB).toBeLessThan(200);
  });

  it("in the task pane's inflater too (fflate), output past the bound stops the inflate", () => {
    const data = spacesDeflated(64 * 1024 * 1024);
    expect(() => fflateCodec.inflateRaw(data, 1024 * 1024)).toThrow(RangeError);
    expect(fflateCodec.inflateRaw(spacesDeflated(2 * 1024 * 1024), 2 * 1024 * 1024).length).toBe(2 * 1024 * 1024);
  });
});

describe("files that are not workbooks", () => {
  const refusals: [string, string | Uint8Array, string][] = [
    ["danh-sach.csv", "Mã bài,Tên bài\nSK01,Một\n", "không phải tệp Excel .xlsx"],
    ["so-cu.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]), "tệp .xls cũ hoặc tệp .xlsx có đặt mật khẩu"],
    ["rong.xlsx", new Uint8Array(0), "không phải tệp Excel .xlsx"],
  ];
  it.each(refusals)("%s: one Vietnamese line, exit 2", async (name, content, words) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const run = await runCli(["tally", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a zip without a workbook part (an .ods or any archive) is named as such", async () => {
    const file = save("khong-phai-so.xlsx", writeZip([{ kind: "new", name: "content.xml", data: new TextEncoder().encode("<office:document/>") }], zlibCodec));
    const run = await runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("không phải sổ tính Excel");
  });

  it("a truncated workbook is called damaged", async () => {
    const bytes = readFileSync(ledger);
    const file = path.join(dir, "bi-cat.xlsx");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = await runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tệp bị hỏng|không phải tệp Excel/);
    expect(stackTraceLines(run.stderr)).toEqual([]);
  });
});

describe("parts that try the parser", () => {
  const sharedStrings = (xml: string): string =>
    save(
      "doctype.xlsx",
      withPart("xl/worksheets/sheet1.xml", () => ({ kind: "new", name: "xl/worksheets/sheet1.xml", data: new TextEncoder().encode(xml) })),
    );

  it("a part that declares a DOCTYPE (entities) is refused, nothing expanded", async () => {
    const file = sharedStrings(
      '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>',
    );
    const run = await runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("DOCTYPE");
  });

  it("attributes and ids named like built-in properties are plain text: nothing reaches a prototype", () => {
    const before = builtinsSnapshot();
    const book = XlsxBook.create(zlibCodec);
    book.writeSheet({
      name: "__proto__",
      rows: [
        ["constructor", "__proto__"],
        [1, 2],
      ],
      format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] },
    });
    const chunks = book.save();
    const zip = new ZipArchive(Buffer.concat(chunks), zlibCodec);
    const sheetPart = zip.entries.find((e) => e.name.startsWith("xl/worksheets/"))!;
    const crafted = zip
      .text(sheetPart)
      .replace("<sheetData>", '<sheetData __proto__="x" constructor="y">')
      .replace(/<c r="A1"/, '<c r="A1" __proto__="1" t="inlineStr" prototype="2"');
    const parts: ZipPart[] = zip.entries.map((entry) =>
      entry === sheetPart ? { kind: "new", name: entry.name, data: new TextEncoder().encode(crafted) } : { kind: "copy", entry, raw: zip.raw(entry) },
    );
    const reread = XlsxBook.open(Buffer.concat(writeZip(parts, zlibCodec)), zlibCodec);
    expect(reread.sheets.map((s) => s.name)).toEqual(["__proto__"]);
    expect(reread.readGrid("__proto__")).toEqual([
      ["constructor", "__proto__"],
      [1, 2],
    ]);
    expect(builtinsSnapshot()).toEqual(before);
  });
});

describe("the conditional-format vector that corrupted ledgers through ExcelJS", () => {
  it.each(["string", "dataBar"])('a judge\'s workbook whose extLst holds <x14:cfRule type="%s" id="__proto__"/> imports cleanly; the saved ledger is a valid workbook', async (type) => {
    const ledgerCopy = path.join(dir, `so-cf-${type}.xlsx`);
    writeFileSync(ledgerCopy, readFileSync(ledger));
    const blanks = path.join(dir, `phieu-cf-${type}`);
    expect((await runCli(["judge-sheets", ledgerCopy, "--out", blanks])).code).toBe(0);
    const zip = new ZipArchive(readFileSync(path.join(blanks, "phieu-cham-gk1.xlsx")), zlibCodec);
    const sheet = zip.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const ext =
      `<conditionalFormatting sqref="A1"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="${type}" id="__proto__"/><xm:sqref>A1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    const crafted = zip.text(sheet).replace("</worksheet>", `${ext}</worksheet>`);
    const parts: ZipPart[] = zip.entries.map((entry) => (entry === sheet ? { kind: "new", name: entry.name, data: new TextEncoder().encode(crafted) } : { kind: "copy", entry, raw: zip.raw(entry) }));
    const judgeBook = save(`phieu-cf-${type}.xlsx`, writeZip(parts, zlibCodec));
    const before = builtinsSnapshot();
    const inProcess = XlsxBook.open(readFileSync(judgeBook), zlibCodec);
    for (const s of inProcess.sheets) inProcess.readGrid(s.name);
    expect(builtinsSnapshot()).toEqual(before);
    const run = await runCli(["import", ledgerCopy, judgeBook]);
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(run.stdout).toContain("Thêm");
    expect(stackTraceLines(run.stderr)).toEqual([]);
    const reopened = XlsxBook.open(readFileSync(ledgerCopy), zlibCodec);
    expect(reopened.sheets.map((s) => s.name)).toContain("Điểm");
    expect((await runCli(["tally", ledgerCopy])).code).toBeLessThan(2);
  });
});

describe("the zip layer itself", () => {
  it("CRC-32 of the pane's codec agrees with zlib's", () => {
    for (const text of ["", "a", "Tám triệu năm trăm nghìn đồng", "x".repeat(100_000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(crc32(bytes)).toBe(zlib.crc32(bytes));
      expect(fflateCodec.crc32(bytes)).toBe(zlibCodec.crc32(bytes));
    }
  });

  it("what one codec deflates the other inflates, and a damaged part is an XlsxError, not a library's error", () => {
    const data = new TextEncoder().encode('<row r="1"/>'.repeat(10_000));
    expect(fflateCodec.inflateRaw(zlibCodec.deflateRaw(data), data.length)).toEqual(data);
    expect(new Uint8Array(zlibCodec.inflateRaw(fflateCodec.deflateRaw(data), data.length))).toEqual(data);
    const zip = new ZipArchive(readFileSync(ledger), zlibCodec);
    const entry = zip.entries.find((e) => e.name === "xl/workbook.xml")!;
    const broken = new ZipArchive(Buffer.concat(writeZip([{ kind: "copy", entry, raw: new Uint8Array(zip.raw(entry).length).fill(0xff) }], zlibCodec)), zlibCodec);
    expect(() => broken.text(broken.entries[0]!)).toThrow(XlsxError);
  });
});

describe("a written workbook is checked before it replaces the ledger", () => {
  const concat = (chunks: readonly Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
  const outputSheet = {
    name: "Kết quả",
    rows: [
      ["Mã bài", "Điểm"],
      ["SK01", 88.5],
    ],
    format: { headerRow: 0, widths: [10, 10], numberFormats: [], boldRows: [] },
  };

  it("accepts what it wrote, and refuses bytes that lost or garbled a part (a Lỗi, never a corrupt ledger)", () => {
    const book = XlsxBook.create(zlibCodec);
    book.writeSheet(outputSheet);
    const bytes = concat(book.save());
    expect(() => book.verifyWritten(bytes)).not.toThrow();
    // The same length, the parts' bytes garbled (the directory at the end intact): the inflate or the CRC says so.
    const garbled = bytes.slice();
    for (let i = Math.floor(garbled.length / 4); i < garbled.length / 2; i++) garbled[i] = garbled[i]! ^ 0x5a;
    expect(() => book.verifyWritten(garbled)).toThrow(XlsxError);
    // Cut short: not even a zip.
    expect(() => book.verifyWritten(bytes.subarray(0, bytes.length - 30))).toThrow(XlsxError);
  });
});

import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import { plainSheet, readGrids, writeBook } from "./support/cli-books.js";
import { renameFails, writeFailsMidway } from "./support/cli-faults.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { leftoverTempFiles, removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";

/** A failure while saving never leaves a half-written ledger, nor a temporary file. */

let dir: string;
let faults: string;
let original: string;

beforeAll(async () => {
  dir = tempFolder("atomic");
  faults = path.join(dir, "faults");
  mkdirSync(faults);
  original = path.join(dir, "so-goc.xlsx");
  await writeBook(original, scoredDemoSheets());
});
afterAll(() => removeFolder(dir));

function ledgerIn(name: string): { folder: string; ledger: string } {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  const ledger = path.join(folder, "so.xlsx");
  copyFileSync(original, ledger);
  return { folder, ledger };
}

describe("atomic save of the ledger", () => {
  it("tally: the disk fills up halfway through writing; the old ledger is intact and no temporary file remains", async () => {
    const { folder, ledger } = ledgerIn("het-cho");
    const before = sha256(ledger);
    const fault = writeFailsMidway(faults);
    const run = await runCli(["tally", ledger], { nodeArgs: fault.nodeArgs, env: fault.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ENOSPC");
    expect(stackTraceLines(run.stderr)).toEqual([]);
    // The fault really struck a half-written temporary file beside the ledger…
    const [record, ...more] = fault.records();
    expect(more).toEqual([]);
    expect(path.dirname(record!.file)).toBe(folder);
    expect(record!.bytesWritten).toBeGreaterThan(0);
    // …which is gone, and the ledger is byte for byte what it was, and still opens.
    expect(existsSync(record!.file)).toBe(false);
    expect(leftoverTempFiles(folder)).toEqual([]);
    expect(readdirSync(folder)).toEqual(["so.xlsx"]);
    expect(sha256(ledger)).toBe(before);
    expect((await readGrids(ledger)).has("Kết quả")).toBe(false);
  });

  it("import: the final rename fails; the old ledger is intact and the complete temporary file is removed", async () => {
    const { folder, ledger } = ledgerIn("doi-ten-loi");
    const before = sha256(ledger);
    const fault = renameFails(faults);
    const registration = path.join(dir, "dang-ky.xlsx");
    await writeBook(registration, [
      plainSheet("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["SK20", "Bài mới", "XPT"],
      ]),
    ]);
    const run = await runCli(["import", ledger, registration], { nodeArgs: fault.nodeArgs, env: fault.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("EIO");
    expect(stackTraceLines(run.stderr)).toEqual([]);
    const [record] = fault.records();
    expect(path.dirname(record!.file)).toBe(folder);
    expect(record!.bytesWritten).toBeGreaterThan(0);
    expect(existsSync(record!.file)).toBe(false);
    expect(leftoverTempFiles(folder)).toEqual([]);
    expect(sha256(ledger)).toBe(before);
  });

  it("XlsxWorkbook.save onto a path it cannot rename over (a folder) fails cleanly, leaving no temporary file", async () => {
    const folder = path.join(dir, "dich-la-thu-muc");
    const target = path.join(folder, "so.xlsx");
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "giu-nguyen.txt"), "không được mất");
    const book = await XlsxWorkbook.load(original);
    await expect(book.save(target)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(["so.xlsx"]);
    expect(readdirSync(target)).toEqual(["giu-nguyen.txt"]);
  });

  it("a successful save replaces the ledger and leaves no temporary file", async () => {
    const { folder, ledger } = ledgerIn("binh-thuong");
    const run = await runCli(["tally", ledger]);
    expect(run.code).toBe(0);
    expect(readdirSync(folder)).toEqual(["so.xlsx"]);
    expect((await readGrids(ledger)).has("Kết quả")).toBe(true);
  });
});

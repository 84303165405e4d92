import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JUDGE_META_SHEET, JUDGE_SCORE_SHEET } from "../shared/tasks/judge-sheets.js";
import { contestOutputs } from "../shared/tasks/tally.js";
import { readContestSheets, runContest } from "../shared/tasks/contest-run.js";
import { importWorkbooks } from "../shared/tasks/import.js";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import { columnIndex, editBook, headerTexts, scoreHeaderRow, plainSheet, readGrids, rowByCode, sheetGrid, writeBook } from "./support/cli-books.js";
import { HOSTILE_ENTRIES, HOSTILE_JUDGE, HOSTILE_SHEETS, builtinsSnapshot, hostileLedgerSheets, inheritedEnumerableKeys, poisonDefinedNames } from "./support/cli-hostile.js";
import { type CliRun, removeFolder, runCli, stackTraceLines, tempFolder } from "./support/cli-run.js";

/**
 * Judges' and units' workbooks are untrusted input: crafted names (`__proto__`, `constructor`) as
 * sheets, headers, keys and codes, and defined names aimed at a `__proto__` sheet, go through
 * `check`, `tally` and `import` without a crash and without touching any built-in prototype.
 */

let dir: string;
let ledger: string;
let judgeBook: string;
let registration: string;

beforeAll(async () => {
  dir = tempFolder("untrusted");
  ledger = path.join(dir, "so-doc-hai.xlsx");
  await writeBook(ledger, hostileLedgerSheets());
  const blanks = path.join(dir, "phieu-cham");
  const made = await runCli(["judge-sheets", ledger, "--out", blanks]);
  expect(made.code).toBe(0);
  // The hostile judge's own workbook, filled in and then doctored.
  judgeBook = path.join(dir, "phieu-cham-doc-hai.xlsx");
  await editBook(path.join(blanks, "phieu-cham-proto.xlsx"), judgeBook, (wb) => {
    const ws = wb.getWorksheet(JUDGE_SCORE_SHEET)!;
    const first = headerTexts(ws).indexOf("TC1") + 1;
    const top = scoreHeaderRow(ws);
    for (let r = top + 1; ws.getCell(r, 1).text !== ""; r++) {
      [21, 22, 23, 7].forEach((v, i) => {
        ws.getCell(r, first + i).value = v;
      });
    }
    ws.getCell(top, ws.columnCount + 1).value = "__proto__";
    wb.getWorksheet(JUDGE_META_SHEET)!.addRows([
      ["__proto__", '{"polluted":"yes"}'],
      ["constructor", "polluted"],
    ]);
    for (const name of HOSTILE_SHEETS) wb.addWorksheet(name).addRow(["__proto__", "constructor"]);
  });
  registration = path.join(dir, "dang-ky-doc-hai.xlsx");
  await writeBook(registration, [
    plainSheet("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị", "__proto__", "constructor"],
      ["prototype", "Bài prototype", "__proto__", "polluted", "polluted"],
      ["__proto__", "Bài __proto__", "__proto__", "polluted", "polluted"],
    ]),
    ...HOSTILE_SHEETS.map((name) => plainSheet(name, [["__proto__"], ["constructor"]])),
  ]);
  for (const f of [ledger, judgeBook, registration]) await poisonDefinedNames(f);
});
afterAll(() => removeFolder(dir));

/** Handled as ordinary data: the crafted ledger is otherwise clean, so the run ends with 0. */
function expectHandled(run: CliRun): void {
  expect(stackTraceLines(run.stdout + run.stderr)).toEqual([]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}

describe("crafted workbooks in the Node host, in-process", () => {
  it("loading, computing, writing and importing leave every built-in prototype untouched", async () => {
    const before = builtinsSnapshot();
    const book = await XlsxWorkbook.load(ledger);
    expect(await book.sheetNames()).toEqual(expect.arrayContaining(HOSTILE_SHEETS));
    const run = runContest(await readContestSheets(book));
    await book.write(contestOutputs(run));
    await book.save(path.join(dir, "so-doc-hai-da-tinh.xlsx"));
    const returned = await Promise.all([judgeBook, registration].map(async (f) => ({ file: path.basename(f), sheets: (await XlsxWorkbook.load(f)).readAll() })));
    const ledgerGrids = (await XlsxWorkbook.load(ledger)).readAll();
    const imported = importWorkbooks(ledgerGrids, returned, { replace: false, now: Date.now() });

    expect(builtinsSnapshot()).toEqual(before);
    expect(inheritedEnumerableKeys()).toEqual([]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);

    // The hostile names were read as ordinary data.
    const codes = run.result.categories.flatMap((c) => c.entries.map((r) => r.entry.code));
    expect(codes).toEqual(expect.arrayContaining([...HOSTILE_ENTRIES]));
    expect(imported.reports.map((r) => [r.kind, r.judge ?? "", r.added])).toEqual([
      ["judge", HOSTILE_JUDGE, expect.any(Number)],
      ["entries", "", 1],
    ]);
    expect(imported.reports[0]!.added).toBeGreaterThan(0);
  });
});

describe("crafted workbooks through the binary", () => {
  it("check reports on the crafted ledger without crashing", async () => {
    const run = await runCli(["check", ledger]);
    expectHandled(run);
    expect(run.stdout).toContain(": 0 lỗi");
    // A crafted setting is an unknown setting like any other: reported, ignored.
    expect(run.stdout).toContain("Mục “__proto__” không được phần mềm sử dụng");
  });

  it("tally computes the crafted entries like any other and writes the outputs", async () => {
    const file = path.join(dir, "so-doc-hai-tally.xlsx");
    copyFileSync(ledger, file);
    const run = await runCli(["tally", file]);
    expectHandled(run);
    const grids = await readGrids(file);
    const results = sheetGrid(grids, "Kết quả");
    const scoreCol = columnIndex(results, "Điểm");
    for (const code of HOSTILE_ENTRIES) expect(typeof rowByCode(results, code, columnIndex(results, "Mã bài"))[scoreCol]).toBe("number");
    for (const name of HOSTILE_SHEETS)
      expect(grids.get(name)).toEqual([
        ["__proto__", "constructor", "prototype"],
        ["__proto__", "constructor", 1],
      ]);
  });

  it("import merges the crafted judge's scores and the crafted registration as plain data", async () => {
    const file = path.join(dir, "so-doc-hai-import.xlsx");
    copyFileSync(ledger, file);
    const run = await runCli(["import", file, judgeBook, registration]);
    expectHandled(run);
    expect(run.stdout).toContain(`phieu-cham-doc-hai.xlsx (${HOSTILE_JUDGE}): Thêm`);
    const grids = await readGrids(file);
    const scores = sheetGrid(grids, "Điểm");
    expect(scores.some((r) => r[0] === "__proto__" && r[1] === HOSTILE_JUDGE)).toBe(true);
    expect(rowByCode(sheetGrid(grids, "Bài dự thi"), "prototype")[1]).toBe("Bài prototype");
  });
});

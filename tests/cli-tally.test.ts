import { copyFileSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../shared/cells/cell.js";
import { PRIZE_LIST_HEADER, RESULTS_HEADER, UNIT_SUMMARY_HEADER } from "../shared/ledger/contest-outputs.js";
import { OUTPUT_SHEET_NAMES } from "../shared/ledger/schema.js";
import { columnIndex, loadBook, plainSheet, readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { leftoverTempFiles, removeFolder, runCli, sha256, tempFolder } from "./support/cli-run.js";
import { SCENARIOS, expectedOutputs, normaliseGrid } from "./support/scenarios.js";

/** `thidua tally`: the four output sheets, inputs untouched, idempotent, `--out`, format hints. */

const OUTPUTS = [OUTPUT_SHEET_NAMES.results, OUTPUT_SHEET_NAMES.prizeList, OUTPUT_SHEET_NAMES.unitSummary, OUTPUT_SHEET_NAMES.problems];
const USER_SHEET = "Ghi chép của tổ thư ký";

let dir: string;
/** The user's ledger before any tally (with a stale `Kết quả` from an old run). */
let pristine: string;
let inputsBefore: Map<string, Grid>;
/** The same ledger, tallied once in place. */
let ledger: string;
let afterFirst: Map<string, Grid>;

/**
 * The scored demo as a secretariat keeps it: an extra column of their own in `Bài dự thi` and
 * `Điểm` (a `Tổng` that must be ignored), an extra sheet of their own, and a stale output sheet.
 */
function usersLedger(): ReturnType<typeof scoredDemoSheets> {
  const sheets = scoredDemoSheets((rows) => {
    const entries = rows.get("Bài dự thi")!;
    entries.forEach((r, i) => r.push(i === 0 ? "Người nhập" : `Chị Hoa ${i}`));
    const scores = rows.get("Điểm")!;
    scores.forEach((r, i) => {
      while (r.length < 7) r.push(null);
      r.push(i === 0 ? "Tổng" : 999);
    });
  });
  return [
    ...sheets,
    plainSheet(USER_SHEET, [
      ["Ngày", "Việc"],
      [new Date(Date.UTC(2020, 9, 12, 3)), "Họp tổ thư ký"],
      [null, "=không phải công thức"],
    ]),
    plainSheet(
      OUTPUT_SHEET_NAMES.results,
      Array.from({ length: 60 }, (_, i) => [`kết quả cũ ${i}`, i]),
    ),
  ];
}

beforeAll(async () => {
  dir = tempFolder("tally");
  pristine = path.join(dir, "so-goc.xlsx");
  ledger = path.join(dir, "so.xlsx");
  await writeBook(pristine, usersLedger());
  inputsBefore = await readGrids(pristine);
  inputsBefore.delete(OUTPUT_SHEET_NAMES.results);
  copyFileSync(pristine, ledger);
  const run = await runCli(["tally", ledger]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  afterFirst = await readGrids(ledger);
});
afterAll(() => removeFolder(dir));

/** Same values in every input sheet (trailing empty rows, which ExcelJS may keep or drop, aside). */
function expectInputsUnchanged(grids: ReadonlyMap<string, Grid>): void {
  for (const [name, grid] of inputsBefore) expect(normaliseGrid(sheetGrid(grids, name)), name).toEqual(normaliseGrid(grid));
}

describe("thidua tally <ledger>", () => {
  it("writes the four output sheets into the ledger, replacing the stale one whole", () => {
    for (const name of OUTPUTS) expect(afterFirst.has(name), name).toBe(true);
    const results = sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.results);
    expect(results[0]).toEqual(RESULTS_HEADER);
    expect(results.flat().some((c) => typeof c === "string" && c.startsWith("kết quả cũ"))).toBe(false);
    const entries = sheetGrid(afterFirst, "Bài dự thi").length - 1;
    expect(results.length - 1).toBe(entries);
    const list = sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.prizeList);
    expect(list.find((r) => r[0] === "TT")).toEqual(PRIZE_LIST_HEADER);
    const total = list.find((r) => r[0] === "Tổng cộng")!;
    expect(
      total[
        columnIndex(
          list,
          "Số tiền",
          list.findIndex((r) => r[0] === "TT"),
        )
      ],
    ).toBe(8_500_000);
    expect(list.find((r) => r[0] === "Bằng chữ:")?.[1]).toBe("Tám triệu năm trăm nghìn đồng");
    expect(sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.unitSummary)[0]).toEqual(UNIT_SUMMARY_HEADER);
  });

  it("leaves every input sheet as it was, the user's extra columns and own sheet included", () => {
    expect(inputsBefore.has(USER_SHEET)).toBe(true);
    expectInputsUnchanged(afterFirst);
    // The user's `Tổng` column of 999s was not trusted: no entry scored 999.
    const scoreCol = columnIndex(sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.results), "Điểm");
    expect(
      sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.results)
        .slice(1)
        .some((r) => r[scoreCol] === 999),
    ).toBe(false);
  });

  it("a second tally gives the same outputs: sheets replaced whole, no duplicate sheet or row", async () => {
    const sheetsFirst = [...afterFirst.keys()];
    const run = await runCli(["tally", ledger]);
    expect(run.code).toBe(0);
    const afterSecond = await readGrids(ledger);
    expect([...afterSecond.keys()].sort()).toEqual([...sheetsFirst].sort());
    expect(new Set(afterSecond.keys()).size).toBe(afterSecond.size);
    for (const name of OUTPUTS) expect(afterSecond.get(name), name).toEqual(afterFirst.get(name));
    expectInputsUnchanged(afterSecond);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });

  it("--out writes a new file with the inputs copied and the outputs; the ledger stays byte-identical", async () => {
    const source = path.join(dir, "so-cho-out.xlsx");
    const out = path.join(dir, "ket-qua-rieng.xlsx");
    copyFileSync(pristine, source);
    const before = sha256(source);
    const run = await runCli(["tally", source, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    expect(sha256(source)).toBe(before);
    const written = await readGrids(out);
    expectInputsUnchanged(written);
    for (const name of OUTPUTS) expect(written.get(name), name).toEqual(afterFirst.get(name));
  });
});

describe("format hints applied by the Node host", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = (await loadBook(ledger)).workbook;
  });
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const frozenRows = (ws: ExcelJS.Worksheet): number | undefined => {
    const view = ws.views[0];
    return view?.state === "frozen" ? view.ySplit : undefined;
  };

  it("header rows are bold and frozen on every output sheet", () => {
    for (const [name, headerRow] of [
      [OUTPUT_SHEET_NAMES.results, 1],
      [OUTPUT_SHEET_NAMES.prizeList, 4],
      [OUTPUT_SHEET_NAMES.unitSummary, 1],
      [OUTPUT_SHEET_NAMES.problems, 1],
    ] as const) {
      const ws = sheet(name);
      expect(ws.getRow(headerRow).getCell(1).font?.bold, name).toBe(true);
      expect(frozenRows(ws), name).toBe(headerRow);
    }
  });

  it("money is formatted as đồng on Số tiền and Tiền thưởng", () => {
    const list = sheet(OUTPUT_SHEET_NAMES.prizeList);
    const grid = sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.prizeList);
    const headerRow = grid.findIndex((r) => r[0] === "TT");
    const moneyCol = columnIndex(grid, "Số tiền", headerRow) + 1;
    const winners = grid.slice(headerRow + 1).filter((r) => typeof r[0] === "number").length;
    expect(winners).toBeGreaterThan(0);
    for (let r = headerRow + 2; r <= headerRow + 1 + winners + 1; r++) {
      const cell = list.getCell(r, moneyCol);
      expect(typeof cell.value).toBe("number");
      expect(cell.numFmt).toBe('#,##0 "đ"');
    }
    const units = sheet(OUTPUT_SHEET_NAMES.unitSummary);
    const moneyColUnits = columnIndex(sheetGrid(afterFirst, OUTPUT_SHEET_NAMES.unitSummary), "Tiền thưởng") + 1;
    expect(units.getCell(2, moneyColUnits).numFmt).toBe('#,##0 "đ"');
  });

  it("the prize list prints on A4 landscape, one page wide, with its header repeated", () => {
    const setup = sheet(OUTPUT_SHEET_NAMES.prizeList).pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.orientation).toBe("landscape");
    expect(setup.fitToWidth).toBe(1);
    expect(setup.printTitlesRow).toBe("4:4");
  });
});

describe("the shared scenarios through the binary", () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s: the written outputs are the core's own", async (_name, scenario) => {
    const file = path.join(dir, `kich-ban-${scenario.name}.xlsx`);
    const sheets = scenario.sheets();
    await writeBook(
      file,
      [...sheets].map(([name, grid]) => plainSheet(name, grid)),
    );
    const run = await runCli(["tally", file]);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    const written = await readGrids(file);
    const expected = expectedOutputs(scenario.sheets());
    expect(run.code).toBe(sheetGrid(written, OUTPUT_SHEET_NAMES.problems).some((r) => r[0] === "Lỗi") ? 1 : 0);
    for (const out of expected) expect(normaliseGrid(sheetGrid(written, out.name)), out.name).toEqual(normaliseGrid(out.rows));
  });
});

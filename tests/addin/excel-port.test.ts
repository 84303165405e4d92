import { describe, expect, it } from "vitest";
import type { Grid } from "../../shared/cells/cell.js";
import { dateOfDay, dayFromParts } from "../../shared/cells/date.js";
import { planTally, tallyLedger, tallySheets } from "../../shared/tasks/ledger-tally.js";
import { NUMBER_FORMAT } from "../../shared/ledger/output-sheet.js";
import { initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";
import { readContestSheets, runContest } from "../../shared/tasks/contest-run.js";
import { contestOutputs } from "../../shared/tasks/tally.js";
import { needsTextPrefix, serialOfDate, toExcelValue } from "../../addin/src/excel-cells.js";
import { ExcelLedger, PartialWriteError, editRuns } from "../../addin/src/excel-port.js";
import { gridsOf } from "../support/grids.js";
import { quizLedger } from "../support/quiz-ledger.js";
import { SCENARIOS, expectedOutputs, normaliseGrid } from "../support/scenarios.js";
import { DoubleError, ExcelDouble, typedInput } from "./excel-double.js";
import { storedSheets, syntheticLedger } from "./ledger-fixtures.js";

const can = { pageLayout: true };

function withLedger(sheets: ReadonlyMap<string, Grid | undefined>): { excel: ExcelDouble; port: ExcelLedger } {
  const excel = new ExcelDouble();
  excel.load(storedSheets(sheets));
  return { excel, port: new ExcelLedger({ run: excel.run, capabilities: can }) };
}

describe("the Excel double behaves like Excel where the port depends on it", () => {
  it("takes typed-in text the way Excel does", () => {
    expect(typedInput("=SUM(A1)", undefined)).toEqual({ value: "#NAME?", formula: "=SUM(A1)" });
    expect(typedInput("0905000001", undefined)).toEqual({ value: 905000001 });
    // en-US reads it month first: 9 January 2020.
    expect(typedInput("01/09/2020", undefined)).toEqual({ value: 43839 });
    expect(typedInput("'=SUM(A1)", undefined)).toEqual({ value: "=SUM(A1)" });
    expect(typedInput("=x", "@")).toEqual({ value: "=x" });
    expect(typedInput(null, undefined)).toBe("unchanged");
    expect(() => typedInput(new Date(), undefined)).toThrow(DoubleError);
  });

  it("refuses to read a property that was not loaded and synced", async () => {
    const excel = new ExcelDouble();
    excel.load([["A", [["x"]]]]);
    await expect(
      excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        return sheets.items.length;
      }),
    ).rejects.toThrow(/not available/);
  });
});

describe("cell values written by the port", () => {
  it("prefixes with an apostrophe exactly the text Excel would not keep as text", () => {
    for (const t of ["=1+1", "+84 905 000 001", "-abc", "@tên", "0905000001", "01/09/2020", "12:30", "TRUE", "8,5", "3.000.000", "50%", "'quoted"]) {
      expect(needsTextPrefix(t), t).toBe(true);
      expect(toExcelValue(t)).toBe(`'${t}`);
    }
    for (const t of ["Phòng Nội vụ", "SK01", "Nhất", "Tổng cộng", "Bằng chữ:", "GK1", ""]) expect(needsTextPrefix(t), t).toBe(false);
  });

  it("writes numbers as numbers, dates as serial numbers, blanks as empty strings", () => {
    expect(toExcelValue(3_000_000)).toBe(3_000_000);
    expect(toExcelValue(80.01)).toBe(80.01);
    expect(toExcelValue(null)).toBe("");
    // 01/09/2020 in Vietnam is serial 44075.
    expect(toExcelValue(dateOfDay(dayFromParts(2020, 9, 1)!))).toBe(44075);
    expect(serialOfDate(dateOfDay(dayFromParts(1970, 1, 1)!))).toBe(25569);
  });

  it("groups cell edits into runs along a row, the last edit of a cell winning", () => {
    const runs = editRuns([
      { row: 5, col: 1, value: "GK1" },
      { row: 5, col: 0, value: "SK01" },
      { row: 5, col: 2, value: 8 },
      { row: 5, col: 2, value: 9 },
      { row: 7, col: 3, value: 1 },
    ]);
    expect(runs).toEqual([
      { row: 5, col: 0, values: ["SK01", "GK1", 9] },
      { row: 7, col: 3, values: [1] },
    ]);
  });
});

describe("the port on the shared scenarios", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: tally writes the core's output sheets, in 3 syncs`, async () => {
      const sheets = scenario.sheets();
      const { excel, port } = withLedger(sheets);
      excel.resetCounters();
      const run = await tallyLedger(port);
      expect(excel.syncs).toBe(3);
      const expected = expectedOutputs(scenario.sheets());
      const quiz = sheets.has("Trắc nghiệm") ? ["Giải tuần", "Tham gia đơn vị", "Giải tập thể"] : [];
      expect(expected.map((o) => o.name)).toEqual(["Kết quả", "Danh sách giải", "Tổng hợp đơn vị", ...quiz, "Kiểm tra"]);
      for (const out of expected) {
        const written = excel.sheet(out.name);
        expect(written, out.name).toBeDefined();
        expect(normaliseGrid(written!.grid()), out.name).toEqual(normaliseGrid(out.rows));
        expect(written!.formulas(), out.name).toEqual([]);
        expect(written!.frozenRows).toBe(out.format.headerRow + 1);
      }
      expect(run.errorCount).toBe(tallySheets(scenario.sheets(), planTally([...sheets.keys()])).errorCount);
      // Input sheets are untouched.
      for (const [name, grid] of storedSheets(scenario.sheets())) expect(normaliseGrid(excel.sheet(name)!.grid()), name).toEqual(normaliseGrid(grid));
    });
  }

  it("reads back what it wrote: the same contest, dates included", async () => {
    const { excel, port } = withLedger(new Map());
    excel.load([["Sheet1", []]]);
    const demo = initiativeDemoSheets();
    await port.write(demo);
    const entries = excel.sheet("Bài dự thi")!;
    const received = demo.find((s) => s.name === "Bài dự thi")!.rows[1]![6] as Date;
    expect(entries.cell(1, 6)).toEqual({ value: serialOfDate(received), numberFormat: NUMBER_FORMAT.date });
    excel.resetCounters();
    const grids = await readContestSheets(port);
    expect(excel.syncs).toBe(2);
    const fromExcel = contestOutputs(runContest(grids));
    const fromCore = contestOutputs(runContest(gridsOf(demo)));
    expect(fromExcel.map((o) => normaliseGrid(o.rows))).toEqual(fromCore.map((o) => normaliseGrid(o.rows)));
  });

  it("replaces an output sheet in its place, even when it is the workbook's only sheet", async () => {
    const excel = new ExcelDouble();
    excel.load([["Kết quả", [["cũ"]]]]);
    const port = new ExcelLedger({ run: excel.run });
    const sheet = (rows: Grid) => ({ name: "Kết quả", rows, format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } });
    await port.write([sheet([["mới"]])]);
    expect(excel.workbook.sheets.map((s) => [s.name, s.grid()])).toEqual([["Kết quả", [["mới"]]]]);
    excel.load([
      ["Đơn vị", [["x"]]],
      ["Điểm", [["y"]]],
    ]);
    const [results, units, scores] = excel.workbook.sheets;
    excel.workbook.sheets = [units!, results!, scores!];
    const again = new ExcelLedger({ run: excel.run });
    await again.write([sheet([["lần ba"]])]);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Đơn vị", "Kết quả", "Điểm"]);
    expect(excel.sheet("Kết quả")!.grid()).toEqual([["lần ba"]]);
  });

  it("reads a used range that does not start at A1 in its place", async () => {
    const excel = new ExcelDouble();
    excel.load([["S", [[], [null, null, "x", 1]]]]);
    const port = new ExcelLedger({ run: excel.run });
    const grids = await port.read(["S", "Không có"]);
    expect(grids.get("S")).toEqual([[], [null, null, "x", 1]]);
    expect(grids.has("Không có")).toBe(true);
    expect(grids.get("Không có")).toBeUndefined();
  });
});

describe("formula-like and number-like text stays text", () => {
  it("titles, authors and notes that look like formulas, numbers or dates come back unchanged", async () => {
    const sheets = SCENARIOS.find((s) => s.name === "z-score")!.sheets();
    const entries = sheets.get("Bài dự thi")!;
    entries[0]!.push("Tác giả");
    const tricky = ['=HYPERLINK("http://x")', "+84 905 000 001", "-Nguyễn Văn A", "@nhóm"];
    const authors = ["0905000001", "01/02/2020", "TRUE", "8,5"];
    tricky.forEach((t, i) => {
      entries[i + 1]![1] = t;
      entries[i + 1]!.push(authors[i]!);
    });
    const excel = new ExcelDouble();
    excel.load([["Sheet1", [["x"]]]]);
    // The ledger itself is written by the port (as a template would be), then tallied.
    const port = new ExcelLedger({ run: excel.run, capabilities: can });
    await port.write([...sheets].map(([name, rows]) => ({ name, rows, format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } })));
    await tallyLedger(port);
    const results = excel.sheet("Kết quả")!;
    expect(results.formulas()).toEqual([]);
    expect(excel.sheet("Bài dự thi")!.formulas()).toEqual([]);
    const titles = results
      .grid()
      .slice(1)
      .map((r) => r[3]);
    expect(titles.sort()).toEqual([...tricky].sort());
    const writtenAuthors = results
      .grid()
      .slice(1)
      .map((r) => r[5]);
    expect(writtenAuthors.sort()).toEqual([...authors].sort());
    const expected = expectedOutputs(sheets);
    for (const out of expected) expect(normaliseGrid(excel.sheet(out.name)!.grid()), out.name).toEqual(normaliseGrid(out.rows));
  });
});

describe("round trips do not grow with the data", () => {
  const measure = async (n: number): Promise<{ syncs: number; requests: number[] }> => {
    const { excel, port } = withLedger(syntheticLedger(n));
    excel.resetCounters();
    const run = (await tallyLedger(port)).contest!;
    expect(run.result.categories[0]!.entries.length).toBe(n);
    const expected = expectedOutputs(syntheticLedger(n));
    for (const out of expected) expect(normaliseGrid(excel.sheet(out.name)!.grid()), out.name).toEqual(normaliseGrid(out.rows));
    return { syncs: excel.syncs, requests: [...excel.requestSizes] };
  };

  it("tally makes 3 syncs for 10 entries and for 5,000", async () => {
    const small = await measure(10);
    const large = await measure(5_000);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
    expect(Math.max(...large.requests)).toBeLessThan(5 * 1024 * 1024);
  });

  it("a write is split into several syncs only when one request would pass the limit", async () => {
    const sheets = syntheticLedger(5_000);
    const tooSmall = withLedger(sheets);
    tooSmall.excel.requestLimit = 300_000;
    await expect(tallyLedger(new ExcelLedger({ run: tooSmall.excel.run, capabilities: can, maxRequestBytes: 50_000_000 }))).rejects.toThrow(/exceeds the limit/);

    const chunked = withLedger(sheets);
    chunked.excel.requestLimit = 300_000;
    chunked.excel.resetCounters();
    const port = new ExcelLedger({ run: chunked.excel.run, capabilities: can, maxRequestBytes: 200_000 });
    await port.sheetNames();
    await port.read(["Cuộc thi"]);
    const before = chunked.excel.syncs;
    await port.write(contestOutputs(runContest(sheets)));
    expect(chunked.excel.syncs - before).toBeGreaterThan(1);
    expect(Math.max(...chunked.excel.requestSizes)).toBeLessThanOrEqual(300_000);
    for (const out of expectedOutputs(sheets)) expect(normaliseGrid(chunked.excel.sheet(out.name)!.grid()), out.name).toEqual(normaliseGrid(out.rows));
  });
});

describe("format hints become range-level calls", () => {
  it("prize list: bold header and totals, frozen header, money format, red provisional banner, A4 landscape", async () => {
    const scenario = SCENARIOS.find((s) => s.name === "council-two-categories")!;
    const { excel, port } = withLedger(scenario.sheets());
    await tallyLedger(port);
    const out = expectedOutputs(scenario.sheets()).find((o) => o.name === "Danh sách giải")!;
    const ws = excel.sheet("Danh sách giải")!;
    expect(ws.frozenRows).toBe(out.format.headerRow + 1);
    expect(ws.pageLayout).toEqual({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$4:$4" });
    // The table (header to last row) is bordered all round and inside; long titles wrap.
    const t = out.format.tableRows!;
    const table = `A${t.first + 1}:I${t.last + 1}`;
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"])
      expect(ws.opsOf(`border:${edge}`)).toContainEqual({ op: `border:${edge}`, address: table, value: "Continuous" });
    expect(ws.opsOf("wrapText")).toHaveLength(1 + (out.format.wrapColumns?.length ?? 0));
    expect(ws.opsOf("fontColor").map((o) => o.value)).toEqual(["#C00000"]);
    const lastRow = out.rows.length - 2;
    const moneyCell = ws.cell(out.format.headerRow + 1, 8);
    expect(moneyCell?.numberFormat).toBe(NUMBER_FORMAT.money);
    expect(typeof moneyCell?.value).toBe("number");
    expect(ws.opsOf("bold").map((o) => o.address)).toContain(`A${lastRow + 1}:I${lastRow + 1}`);
    expect(ws.columnWidths.get(4)).toBeGreaterThan(ws.columnWidths.get(0)!);
  });

  it("judge-style hints: decimal validation 0..max, unlocked score cells, sheet protection", async () => {
    const excel = new ExcelDouble();
    excel.load([["Sheet1", [["x"]]]]);
    const port = new ExcelLedger({ run: excel.run, capabilities: { pageLayout: false } });
    await port.write([
      {
        name: "Phiếu chấm",
        rows: [
          ["Mã bài", "Tên bài", "TC1"],
          ["SK01", "A", null],
          ["SK02", "B", null],
        ],
        format: {
          headerRow: 0,
          widths: [10, 40, 9],
          numberFormats: [],
          boldRows: [],
          decimalRanges: [{ col: 2, min: 0, max: 30 }],
          protection: { unlockedColumns: [2] },
        },
      },
    ]);
    const ws = excel.sheet("Phiếu chấm")!;
    expect(ws.validations).toEqual([
      {
        address: "C2:C3",
        rule: { decimal: { formula1: 0, formula2: 30, operator: "Between" } },
        errorAlert: expect.objectContaining({ style: "Stop", message: "Nhập một số từ 0 đến 30." }),
      },
    ]);
    expect(ws.opsOf("locked")).toEqual([{ op: "locked", address: "C2:C3", value: false }]);
    expect(ws.protectedWith).toBeDefined();
    expect(ws.pageLayout).toEqual({});
  });
});

describe("a ledger whose sheets do not fit in one answer of Excel on the web", () => {
  const bigQuiz = () =>
    quizLedger({
      units: [
        { code: "U1", staff: 400, video: 90 },
        { code: "U2", staff: 400, video: 80 },
      ],
      attempts: Array.from({ length: 3_000 }, (_, i) => ({
        id: `TS${i % 700}`,
        unit: i % 700 < 350 ? "U1" : "U2",
        week: 1 + (i % 3),
        score: (i * 7) % 21,
        time: `0${i % 10}:${10 + (i % 50)}`,
        at: "02/06/2023 08:00:00",
      })),
    });

  it("are read again in blocks of rows, halved until each answer fits, and give the core's outputs", async () => {
    const sheets = bigQuiz();
    const { excel, port } = withLedger(sheets);
    excel.responseLimit = 60_000;
    excel.resetCounters();
    const run = await tallyLedger(port);
    const expected = tallySheets(sheets, planTally([...sheets.keys()]));
    expect(run.outputs.map((o) => o.name)).toEqual(expected.outputs.map((o) => o.name));
    for (const out of expected.outputs) expect(normaliseGrid(excel.sheet(out.name)!.grid()), out.name).toEqual(normaliseGrid(out.rows));
    expect(run.quiz!.attempts).toBe(3_000);
    // Names, the refused read, the extents, the blocks (halved from the whole sheet until they fit), the write.
    expect(excel.syncs).toBeGreaterThan(6);
  });

  it("read in one sync when they fit", async () => {
    const { excel, port } = withLedger(bigQuiz());
    excel.resetCounters();
    await tallyLedger(port);
    expect(excel.syncs).toBe(3);
  });

  it("still fail with Excel's error when not even one row fits", async () => {
    const { excel, port } = withLedger(bigQuiz());
    excel.responseLimit = 10;
    await expect(tallyLedger(port)).rejects.toThrow(/exceeds the limit/);
  });
});

describe("output sheets are updated in place, never deleted and re-created", () => {
  const plain = (name: string, rows: Grid) => ({ name, rows, format: { headerRow: 0, widths: [30, 12], numberFormats: [], boldRows: [] } });
  const rowsOf = (n: number, tag: string): Grid => [["Mã bài", "Điểm"], ...Array.from({ length: n }, (_, i) => [`${tag}${i + 1}`, i])];

  it("keeps the sheet itself, the user's formula pointing at it, their widths and what they typed beside the block", async () => {
    const excel = new ExcelDouble();
    excel.load([["Báo cáo", [["Đứng đầu", "x"]]]]);
    const port = new ExcelLedger({ run: excel.run, capabilities: can });
    await port.write([plain("Kết quả", rowsOf(10, "SK"))]);
    const results = excel.sheet("Kết quả")!;
    // The secretariat's own work: a formula reading the results, a note beside them, their width for column A.
    excel.sheet("Báo cáo")!.put(0, 1, { value: "SK1", formula: "='Kết quả'!A2" });
    results.put(2, 5, { value: "ghi chú của văn thư" });
    results.columnWidths.set(0, 222);
    await port.write([plain("Kết quả", rowsOf(4, "MỚI"))]);
    expect(excel.sheet("Kết quả")).toBe(results);
    expect(excel.sheet("Báo cáo")!.formulas()).toEqual([{ address: "B1", formula: "='Kết quả'!A2" }]);
    expect(results.columnWidths.get(0)).toBe(222);
    expect(results.cell(2, 5)?.value).toBe("ghi chú của văn thư");
    // The old block is gone below the new one; the new block is there.
    expect(results.grid().map((r) => r.slice(0, 2))).toEqual(
      [...rowsOf(4, "MỚI"), [null, null], [null, null]]
        .slice(0, 6)
        .map((r) => [...r])
        .slice(0, 5)
        .concat(
          results
            .grid()
            .slice(5)
            .map((r) => r.slice(0, 2)),
        ),
    );
    expect(
      results
        .grid()
        .slice(5)
        .flatMap((r) => r.slice(0, 2))
        .every((v) => v === null),
    ).toBe(true);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Báo cáo", "Kết quả"]);
  });

  it("clears exactly the block written last time, as recorded in the document settings", async () => {
    const excel = new ExcelDouble();
    excel.load([["Kết quả", [["cũ"]]]]);
    const settings = excel.office().context.document.settings;
    const blocks = {
      get: (s: string) => settings.get(`b:${s}`) as string | undefined,
      set: (s: string, a: string) => settings.set(`b:${s}`, a),
      save: async () => undefined,
    };
    const port = new ExcelLedger({ run: excel.run, capabilities: can, blocks });
    await port.write([plain("Kết quả", rowsOf(3, "A"))]);
    expect(blocks.get("Kết quả")).toBe("A1:B4");
    await port.write([plain("Kết quả", rowsOf(1, "B"))]);
    expect(
      excel
        .sheet("Kết quả")!
        .opsOf("clear")
        .map((o) => o.address),
    ).toEqual(["A1:A1", "A1:B4"].map((a) => (a === "A1:A1" ? "A1" : a)));
    expect(blocks.get("Kết quả")).toBe("A1:B2");
  });

  it("replaces thidua's own chart and leaves the user's", async () => {
    const { excel, port } = withLedger(gridsOf(initiativeDemoSheets()));
    const decorate = (_c: unknown, written: ReadonlyMap<string, { sheet: Excel.Worksheet }>) => {
      const ws = written.get("Kết quả")!.sheet;
      ws.charts.add("ColumnClustered", ws.getRangeByIndexes(0, 1, 2, 1), "Columns").name = "thidua-thu";
    };
    const own = new ExcelLedger({ run: excel.run, capabilities: can, decorate });
    await own.write([plain("Kết quả", rowsOf(2, "X"))]);
    excel.sheet("Kết quả")!.charts.push({ name: "Biểu đồ của văn thư", type: "Pie", source: "Kết quả!A1:B3", seriesBy: "Auto" });
    await own.write([plain("Kết quả", rowsOf(2, "Y"))]);
    expect(
      excel
        .sheet("Kết quả")!
        .charts.map((c) => c.name)
        .sort(),
    ).toEqual(["Biểu đồ của văn thư", "thidua-thu"]);
    // A write without the chart (Kiểm tra's own writes) removes thidua's chart and only it.
    await port.write([plain("Kết quả", rowsOf(2, "Z"))]);
    expect(excel.sheet("Kết quả")!.charts.map((c) => c.name)).toEqual(["Biểu đồ của văn thư"]);
  });
});

describe("a write that needs several syncs completes or is rolled back", () => {
  const big = (name: string, tag: string): { name: string; rows: Grid; format: { headerRow: number; widths: number[]; numberFormats: never[]; boldRows: never[] } } => ({
    name,
    rows: [["Mã", "Nội dung"], ...Array.from({ length: 400 }, (_, i) => [`${tag}${i}`, "x".repeat(40)])],
    format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] },
  });

  async function prepared(): Promise<{ excel: ExcelDouble; port: ExcelLedger; before: unknown }> {
    const excel = new ExcelDouble();
    excel.load([
      [
        "Điểm",
        [
          ["Mã bài", "Mã GK"],
          ["SK1", "GK1"],
        ],
      ],
    ]);
    const port = new ExcelLedger({ run: excel.run, capabilities: can, maxRequestBytes: 8_000 });
    await port.write([big("Kết quả", "CŨ"), big("Danh sách giải", "CŨ")]);
    return { excel, port, before: excel.snapshot().sheets.map((s) => [s.name, s.values]) };
  }

  it("a failure in the second sync of the write leaves the workbook as it was, with no temporary sheet", async () => {
    const { excel, port } = await prepared();
    // A text that looks like a formula (typed as '=abc): put back as text, not as a formula.
    excel.sheet("Kết quả")!.put(5, 1, { value: "=abc" });
    const before = excel.snapshot().sheets.map((s) => [s.name, s.values]);
    // Syncs of the write: the plan, the snapshot read, then the first and second of the write itself.
    excel.failSyncs.add(excel.syncs + 4);
    const failed = await port.write([big("Kết quả", "MỚI"), big("Danh sách giải", "MỚI"), big("Tổng hợp đơn vị", "MỚI")]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PartialWriteError);
    expect((failed as PartialWriteError).rolledBack).toBe(true);
    expect(excel.snapshot().sheets.map((s) => [s.name, s.values])).toEqual(before);
    expect(excel.workbook.sheets.some((s) => s.name.startsWith("thidua-tmp"))).toBe(false);
    expect(excel.sheet("Kết quả")!.formulas()).toEqual([]);
  });

  it("when the roll-back fails too, the error says so and names the sheets left half written", async () => {
    const { excel, port } = await prepared();
    for (let i = 5; i < 40; i++) excel.failSyncs.add(excel.syncs + i);
    const failed = (await port.write([big("Kết quả", "MỚI"), big("Danh sách giải", "MỚI")]).catch((e: unknown) => e)) as PartialWriteError;
    expect(failed).toBeInstanceOf(PartialWriteError);
    expect(failed.rolledBack).toBe(false);
    expect(failed.sheets).toEqual(["Kết quả", "Danh sách giải"]);
  });

  it("a write that fits one sync makes no snapshot read: the plan and the write", async () => {
    const { excel, port } = await prepared();
    excel.resetCounters();
    await port.write([{ name: "Kết quả", rows: [["Mã"], ["A"]], format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } }]);
    expect(excel.syncs).toBe(2);
  });
});

describe("reading past Excel's cells-per-read limit", () => {
  it("one stray cell at row 700,000 of `Trắc nghiệm` does not stop the read: it goes in blocks", async () => {
    const excel = new ExcelDouble();
    excel.load([
      [
        "Trắc nghiệm",
        [
          ["Mã thí sinh", "Điểm"],
          ["TS1", 9],
        ],
      ],
    ]);
    excel.sheet("Trắc nghiệm")!.put(699_999, 7, { value: "lạc" });
    const port = new ExcelLedger({ run: excel.run, capabilities: can });
    const grid = (await port.read(["Trắc nghiệm"])).get("Trắc nghiệm")!;
    expect(grid[1]).toEqual(["TS1", 9]);
    expect(grid[699_999]?.[7]).toBe("lạc");
  });
});

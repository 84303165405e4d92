import { partsOfInstant } from "../../shared/cells/date.js";
import { promises as fs } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planTally, tallySheets } from "../../shared/tasks/ledger-tally.js";
import { EMULATION_OUTPUT_NAMES, EMULATION_SHEETS } from "../../shared/emulation/schema.js";
import { problemAddress } from "../../shared/ledger/problem.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { districtDemoSheets, emulationDemoSheets } from "../../shared/samples/emulation-demo.js";
import { initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";
import { templateSheets } from "../../shared/samples/templates.js";
import { runContest } from "../../shared/tasks/contest-run.js";
import { LOG_HEADER } from "../../shared/tasks/import.js";
import { type AddinHost, Refusal, applyNewYear, applyTemplate, planNewYearRun, planTemplateRun, runCheck, runImport, runJudgeOverview, runTally, selectProblem } from "../../addin/src/actions.js";
import { CHART_TITLES } from "../../addin/src/chart.js";
import { ExcelLedger } from "../../addin/src/excel-port.js";
import { gridsOf, demoLedgerScored } from "../support/grids.js";
import { SCENARIOS, normaliseGrid } from "../support/scenarios.js";
import { type CliDemo, OUTPUTS, arrayBufferOf, runCliDemo } from "./cli-demo.js";
import { ExcelDouble } from "./excel-double.js";
import { asStored, storedSheets } from "./ledger-fixtures.js";

/** The hosts date a new ledger by the clock: its year is this one. */
const THIS_YEAR = { year: partsOfInstant(Date.now()).y };

function hostOn(excel: ExcelDouble): AddinHost {
  return { run: excel.run, capabilities: { pageLayout: true } };
}

function demoWorkbook(scored: boolean): ExcelDouble {
  const excel = new ExcelDouble();
  excel.load(storedSheets(scored ? demoLedgerScored() : gridsOf(initiativeDemoSheets())));
  excel.resetCounters();
  return excel;
}

/** Round trips of each task, measured on the double; printed so the report can quote them. */
const measured: Record<string, number> = {};

afterAll(() => {
  console.log(`Số lần context.sync() mỗi thao tác: ${JSON.stringify(measured)}`);
});

describe("port primitives", () => {
  it("sheetNames, read and write make one sync each", async () => {
    const excel = demoWorkbook(true);
    const port = new ExcelLedger({ run: excel.run });
    await port.sheetNames();
    measured.sheetNames = excel.syncs;
    excel.resetCounters();
    await port.read(["Điểm", "Bài dự thi", "Đơn vị"]);
    measured.read = excel.syncs;
    excel.resetCounters();
    await port.write([{ name: "Kết quả", rows: [["x"]], format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } }], [{ sheet: "Điểm", edits: [{ row: 99, col: 0, value: "SK01" }] }]);
    measured.write = excel.syncs;
    expect([measured.sheetNames, measured.read, measured.write]).toEqual([1, 1, 1]);
  });
});

describe("Tạo sổ cuộc thi", () => {
  it("creates the template's sheets as tables with drop-downs, in 2 syncs", async () => {
    const excel = new ExcelDouble();
    excel.load([["Sheet1", []]]);
    const plan = await planTemplateRun(hostOn(excel), "sang-kien");
    expect(plan.existing).toEqual([]);
    await applyTemplate(plan, "overwrite");
    measured.template = excel.syncs;
    expect(excel.syncs).toBe(2);
    const expected = templateSheets("sang-kien", THIS_YEAR);
    for (const sheet of expected) {
      const ws = excel.sheet(sheet.name)!;
      expect(normaliseGrid(ws.grid()), sheet.name).toEqual(normaliseGrid(sheet.rows.map((r) => r.map((c) => c))));
      expect(ws.tables, sheet.name).toHaveLength(1);
      expect(ws.frozenRows).toBe(1);
    }
    const entries = excel.sheet("Bài dự thi")!;
    const status = entries.validations.find((v) => v.address.startsWith("I2:"));
    expect(status?.rule).toEqual({ list: { inCellDropDown: true, source: "Hợp lệ,Không hợp lệ,Rút" } });
    expect(entries.validations.find((v) => v.address.startsWith("F2:"))?.rule).toEqual({ list: { inCellDropDown: true, source: "Tập thể,Cá nhân" } });
  });

  it("never overwrites an existing sheet unless asked", async () => {
    const excel = new ExcelDouble();
    excel.load([
      [
        "Đơn vị",
        [
          ["Mã đơn vị", "Tên đơn vị"],
          ["MINE", "Dữ liệu của tôi"],
        ],
      ],
    ]);
    const plan = await planTemplateRun(hostOn(excel), "sang-kien");
    expect(plan.existing).toEqual(["Đơn vị"]);
    const written = await applyTemplate(plan, "missing-only");
    expect(written).not.toContain("Đơn vị");
    expect(excel.sheet("Đơn vị")!.grid()[1]).toEqual(["MINE", "Dữ liệu của tôi"]);
    expect(excel.sheet("Cuộc thi")).toBeDefined();

    const again = await planTemplateRun(hostOn(excel), "sang-kien");
    expect(again.existing).toHaveLength(templateSheets("sang-kien", THIS_YEAR).length);
    await applyTemplate(again, "overwrite");
    expect(excel.sheet("Đơn vị")!.grid()[1]![0]).toBe("SNV");
  });
});

describe("Kiểm tra", () => {
  it("lists the core's problems in 2 syncs; a click selects the cell in 1", async () => {
    const excel = demoWorkbook(true);
    const run = await runCheck(hostOn(excel));
    measured.check = excel.syncs;
    expect(excel.syncs).toBe(2);
    const core = runContest(demoLedgerScored());
    expect(run.problems.map(problemAddress)).toEqual(core.problems.map(problemAddress));
    expect(run.problems.length).toBeGreaterThan(0);
    expect(excel.sheet("Kiểm tra")).toBeUndefined();
    const withCell = run.problems.find((p) => p.row !== undefined && p.col !== undefined)!;
    excel.resetCounters();
    expect(await selectProblem(hostOn(excel), withCell)).toBe(true);
    measured.select = excel.syncs;
    expect(excel.syncs).toBe(1);
    expect(excel.workbook.selection).toBe(problemAddress(withCell));
  });

  it("refuses with a Vietnamese reason when a required sheet is missing", async () => {
    const excel = new ExcelDouble();
    excel.load([["Sheet1", [["x"]]]]);
    const err = await runCheck(hostOn(excel)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refusal);
    expect((err as Refusal).msg.vi).toMatch(/^Sổ thiếu trang bắt buộc: Cuộc thi/);
  });
});

describe("Chấm điểm", () => {
  it("shows each judge's progress and validates score cells 0..max, in 3 syncs", async () => {
    const excel = demoWorkbook(true);
    const { judges } = await runJudgeOverview(hostOn(excel));
    measured.judge = excel.syncs;
    expect(excel.syncs).toBe(3);
    const byCode = new Map(judges.map((j) => [j.judge.code, j]));
    // GK1 belongs to PNV: its two PNV entries are not expected of it. GK3 never scored SK07.
    expect(byCode.get("GK1")!.expected.map((e) => e.code)).not.toContain("SK01");
    expect(byCode.get("GK3")!.missing.map((e) => e.code)).toEqual(["SK07"]);
    expect(byCode.get("GK3")!.scored).toHaveLength(byCode.get("GK3")!.expected.length - 1);
    expect(byCode.get("GK2")!.missing).toEqual([]);
    const rules = excel.sheet("Điểm")!.validations.map((v) => [v.address.replace(/\d+$/, ""), v.rule]);
    expect(rules).toEqual([
      ["D2:D", { decimal: { formula1: 0, formula2: 30, operator: "Between" } }],
      ["E2:E", { decimal: { formula1: 0, formula2: 30, operator: "Between" } }],
      ["F2:F", { decimal: { formula1: 0, formula2: 30, operator: "Between" } }],
      ["G2:G", { decimal: { formula1: 0, formula2: 10, operator: "Between" } }],
    ]);
    const highlights = excel.sheet("Điểm")!.conditionalFormats.map((c) => [c.address.replace(/\d+$/, ""), c.fill, c.rule]);
    expect(highlights).toEqual([
      ["D2:D", "#FFC7CE", { formula1: "0", formula2: "30", operator: "NotBetween" }],
      ["E2:E", "#FFC7CE", { formula1: "0", formula2: "30", operator: "NotBetween" }],
      ["F2:F", "#FFC7CE", { formula1: "0", formula2: "30", operator: "NotBetween" }],
      ["G2:G", "#FFC7CE", { formula1: "0", formula2: "10", operator: "NotBetween" }],
    ]);
    // Asking again replaces the rules instead of piling them up.
    await runJudgeOverview(hostOn(excel));
    expect(excel.sheet("Điểm")!.conditionalFormats).toHaveLength(4);
    expect(excel.sheet("Điểm")!.validations).toHaveLength(4);
  });

  it("highlights an invalid score of the chosen judge", async () => {
    const sheets = demoLedgerScored();
    const scores = sheets.get("Điểm")!;
    const row = scores.findIndex((r) => r[0] === "SK04" && r[1] === "GK2");
    scores[row]![3] = 31;
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    const { judges } = await runJudgeOverview(hostOn(excel));
    const gk2 = judges.find((j) => j.judge.code === "GK2")!;
    expect(gk2.invalid.map(problemAddress)).toEqual([`Điểm!D${row + 1}`]);
    expect(gk2.scored.map((e) => e.code)).not.toContain("SK04");
  });
});

describe("Nhập phiếu chấm and Tính kết quả, against the CLI", () => {
  let demo: CliDemo;
  beforeAll(async () => {
    demo = await runCliDemo();
  });
  afterAll(async () => {
    await fs.rm(demo.dir, { recursive: true, force: true });
  });

  it("imports the returned workbooks like `thidua import` (3 syncs), then tallies to the CLI's very sheets (3 syncs)", async () => {
    const excel = demoWorkbook(false);
    const host = hostOn(excel);
    const outcome = await runImport(
      host,
      demo.returned.map((f) => ({ name: f.name, data: arrayBufferOf(f.data) })),
      Date.UTC(2020, 9, 20),
    );
    measured.import = excel.syncs;
    expect(excel.syncs).toBe(3);
    expect(outcome.reports.map((r) => [r.kind, r.judge, r.conflicts])).toEqual([
      ["judge", "GK1", 0],
      ["judge", "GK2", 0],
      ["judge", "GK3", 0],
    ]);
    const log = excel.sheet("Nhật ký")!.grid();
    expect(log[0]).toEqual(LOG_HEADER);
    expect(log.slice(1).map((r) => r[1])).toEqual(demo.returned.map((f) => f.name));

    excel.resetCounters();
    const { run, summary } = await runTally(host, "vi");
    measured.tally = excel.syncs;
    expect(excel.syncs).toBe(3);
    for (const name of OUTPUTS) expect(normaliseGrid(excel.sheet(name)!.grid()), name).toEqual(normaliseGrid(demo.outputs.get(name)!));
    expect(summary).toContain(`tổng tiền thưởng`);
    expect(summary).toContain(run.errorCount === 0 ? "không còn lỗi" : `còn ${run.errorCount} lỗi`);
    const chart = excel.sheet("Tổng hợp đơn vị")!.charts[0]!;
    expect(chart).toMatchObject({ type: "ColumnClustered", source: `Tổng hợp đơn vị!H1:H13`, xAxis: `Tổng hợp đơn vị!B2:B13`, title: CHART_TITLES.money });
  });

  it("importing the same workbooks again adds nothing and overwrites nothing", async () => {
    const excel = demoWorkbook(false);
    const host = hostOn(excel);
    const files = demo.returned.map((f) => ({ name: f.name, data: arrayBufferOf(f.data) }));
    await runImport(host, files);
    const scoresBefore = excel.sheet("Điểm")!.grid();
    const second = await runImport(host, files);
    expect(second.reports.every((r) => r.added === 0 && r.conflicts === 0 && r.same > 0)).toBe(true);
    expect(excel.sheet("Điểm")!.grid()).toEqual(scoresBefore);
  });

  it("imports a commune's review ledger into the district's review as `thidua import` does: the commune's 1 + 1, under its code", async () => {
    const excel = new ExcelDouble();
    excel.load(storedSheets(gridsOf(districtDemoSheets())));
    const commune = await fs.readFile(path.join(demo.dir, "so-xet-khen-thuong.xlsx"));
    const outcome = await runImport(hostOn(excel), [{ name: "so-xet-khen-thuong.xlsx", data: arrayBufferOf(commune) }], Date.UTC(2023, 11, 11));
    expect(outcome.reports.map((r) => [r.kind, r.judge, r.added])).toEqual([["selection", "Ủy ban nhân dân xã Mỹ Thạnh (XMT)", 2]]);
    expect(
      excel
        .sheet("Đề nghị khen thưởng")!
        .grid()
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["H-TT01", "H-CN01", "H-CN02", "XMT-TT04", "XMT-CN08"]);
  });

  it("refuses files that are not workbooks, saying so in Vietnamese", async () => {
    const excel = demoWorkbook(false);
    const err = await runImport(hostOn(excel), [{ name: "ghi-chu.txt", data: arrayBufferOf(Buffer.from("không phải xlsx")) }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refusal);
    expect((err as Refusal).msg.vi).toContain("Không đọc được tệp nào");
    expect(excel.syncs).toBe(0);
  });
});

describe("Sang năm mới", () => {
  it("reads (2 syncs), shows the plan, and on confirmation makes the core's changes in the open workbook (5 syncs)", async () => {
    const sheets = gridsOf(emulationDemoSheets());
    sheets.set("Biểu đồ của Tổ thư ký", [
      ["Đơn vị", "Số đề nghị"],
      ["BPMC", 3],
    ]);
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    const host = hostOn(excel);
    await runTally(host, "vi");
    const before = new Map(excel.workbook.sheets.map((s) => [s.name, normaliseGrid(s.grid())]));
    excel.resetCounters();
    const run = await planNewYearRun(host);
    expect(excel.syncs).toBe(2);
    expect([run.plan.from, run.plan.to]).toEqual([2023, 2024]);
    expect(run.plan.untouched).toEqual(["Biểu đồ của Tổ thư ký"]);
    expect(new Map(excel.workbook.sheets.map((s) => [s.name, normaliseGrid(s.grid())]))).toEqual(before);

    excel.resetCounters();
    await applyNewYear(host);
    measured.newYear = excel.syncs;
    // Read again (names, sheets), look at the sheets to empty, then where formulas stand, write.
    expect(excel.syncs).toBe(5);
    const after = (name: string) => normaliseGrid(excel.sheet(name)!.grid());
    expect(after("Phong trào").find((r) => r[0] === "Năm")![1]).toBe(2024);
    expect(after("Đề nghị khen thưởng")).toEqual([before.get("Đề nghị khen thưởng")![0]]);
    expect(after(EMULATION_OUTPUT_NAMES.awardList)).toEqual([]);
    expect(after("Biểu đồ của Tổ thư ký")).toEqual(before.get("Biểu đồ của Tổ thư ký"));
    expect(
      after("Thứ hạng năm trước")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["BPMC", "APH", "ATL", "VPTK"]);
    expect(after("Đơn vị")).toEqual(before.get("Đơn vị"));
  });

  it("keeps a formula in a cleared sheet, and moves dates Excel hands over as serial numbers", async () => {
    const sheets = gridsOf(emulationDemoSheets());
    const quotas = sheets.get("Chỉ tiêu khen thưởng")!;
    const deadline = quotas[0]!.indexOf("Hạn nộp");
    quotas[1]![deadline] = 45255; // 25/11/2023, as range.values gives a date cell
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    const proposals = excel.sheet("Đề nghị khen thưởng")!;
    const width = proposals.grid()[0]!.length;
    proposals.put(1, width, { value: 4, formula: "=LEN(A2)" });
    await applyNewYear(hostOn(excel));
    expect(proposals.formulas()).toEqual([{ address: `${String.fromCharCode(65 + width)}2`, formula: "=LEN(A2)" }]);
    expect(proposals.grid()[1]![0]).toBeNull();
    expect(excel.sheet("Chỉ tiêu khen thưởng")!.grid()[1]![deadline]).toBe(45621); // 25/11/2024
  });

  it("clears a text that only looks like a formula, and works on a ledger whose sheets Excel answers for in blocks", async () => {
    const sheets = gridsOf(emulationDemoSheets());
    const proposals = sheets.get("Đề nghị khen thưởng")!;
    for (let i = 0; i < 3_000; i++) proposals.push(proposals[1]!.map((v, j) => (j === 0 ? `DN${i}` : v)));
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    excel.sheet("Đề nghị khen thưởng")!.put(1, proposals[0]!.length, { value: "=abc" });
    excel.responseLimit = 200_000;
    const run = await planNewYearRun(hostOn(excel));
    expect(run.plan.cleared).toEqual(["Đề nghị khen thưởng"]);
    await applyNewYear(hostOn(excel));
    expect(excel.sheet("Đề nghị khen thưởng")!.grid()).toEqual([excel.sheet("Đề nghị khen thưởng")!.grid()[0]]);
  });

  it("refuses a ledger without a year, in Vietnamese, changing nothing", async () => {
    const sheets = gridsOf(initiativeDemoSheets());
    sheets.set(
      "Cuộc thi",
      sheets.get("Cuộc thi")!.filter((r) => r[0] !== "Năm"),
    );
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    await expect(planNewYearRun(hostOn(excel))).rejects.toThrow(Refusal);
    await expect(planNewYearRun(hostOn(excel))).rejects.toMatchObject({ msg: { vi: expect.stringContaining("chưa ghi “Năm”") } });
  });
});

describe("Kiểm tra and Tính kết quả on an emulation review", () => {
  const EMULATION_OUTPUTS = [EMULATION_OUTPUT_NAMES.awardList, EMULATION_OUTPUT_NAMES.notEligible, EMULATION_OUTPUT_NAMES.outsideQuota, EMULATION_OUTPUT_NAMES.dossier, OUTPUT_SHEET_NAMES.problems];

  it("checks (2 syncs) and tallies (3 syncs) a ledger made from the thi-dua template, writing the review's sheets only", async () => {
    const excel = new ExcelDouble();
    excel.load([["Sheet1", []]]);
    const host = hostOn(excel);
    await applyTemplate(await planTemplateRun(host, "thi-dua"), "overwrite");

    excel.resetCounters();
    const checked = await runCheck(host);
    expect(excel.syncs).toBe(2);
    expect(checked.plan.parts).toEqual(["review"]);
    expect(checked.problems).toEqual([]);
    expect(excel.sheet(OUTPUT_SHEET_NAMES.problems)).toBeUndefined();

    excel.resetCounters();
    const { run, summary } = await runTally(host, "vi");
    measured.tallyEmulation = excel.syncs;
    expect(excel.syncs).toBe(3);
    const expected = tallySheets(gridsOf(templateSheets("thi-dua", THIS_YEAR)), planTally(templateSheets("thi-dua", THIS_YEAR).map((s) => s.name))).outputs;
    expect(expected.map((s) => s.name)).toEqual(EMULATION_OUTPUTS);
    expect(run.outputs.map((s) => s.name)).toEqual(EMULATION_OUTPUTS);
    for (const sheet of expected) expect(normaliseGrid(excel.sheet(sheet.name)!.grid()), sheet.name).toEqual(normaliseGrid(asStored(sheet.rows.map((r) => [...r]))));
    const listed = excel
      .sheet(EMULATION_OUTPUT_NAMES.awardList)!
      .grid()
      .filter((r) => typeof r[0] === "number")
      .map((r) => r[3]);
    expect(listed).toEqual(["DN02", "DN01"]);
    expect(excel.sheet(OUTPUT_SHEET_NAMES.results)).toBeUndefined();
    expect(excel.workbook.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(summary).toBe("Xét khen thưởng: được khen 01 tập thể, 01 cá nhân; không còn lỗi.");
  });

  it("tallies a ledger holding a judged contest and a review: both parts' sheets, one Kiểm tra, the chart (3 syncs)", async () => {
    const review = gridsOf(emulationDemoSheets().filter((s) => EMULATION_SHEETS.includes(s.name)));
    const sheets = new Map([...demoLedgerScored(), ...review]);
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    excel.resetCounters();
    const { run, summary } = await runTally(hostOn(excel), "vi");
    expect(excel.syncs).toBe(3);
    const expected = tallySheets(sheets, planTally([...sheets.keys()]));
    expect(run.plan).toEqual(expected.plan);
    expect(run.outputs.map((s) => s.name)).toEqual([...OUTPUTS.filter((n) => n !== OUTPUT_SHEET_NAMES.problems), ...EMULATION_OUTPUTS]);
    for (const sheet of expected.outputs) expect(normaliseGrid(excel.sheet(sheet.name)!.grid()), sheet.name).toEqual(normaliseGrid(asStored(sheet.rows.map((r) => [...r]))));
    expect(excel.sheet(OUTPUT_SHEET_NAMES.unitSummary)!.charts).toHaveLength(1);
    expect(summary).toContain("bài đạt giải");
    expect(summary).toContain("Xét khen thưởng: được khen");
  });
});

describe("Kiểm tra and Tính kết quả on a contest with its quiz (truc-tuyen)", () => {
  const quizLedgerSheets = () => SCENARIOS.find((x) => x.name === "quiz-weekly-collective")!.sheets();

  it("checks the attempts too, and writes the quiz's sheets with the contest's; the summary has a quiz line (3 syncs)", async () => {
    const sheets = quizLedgerSheets();
    const excel = new ExcelDouble();
    excel.load(storedSheets(sheets));
    const host = hostOn(excel);
    const checked = await runCheck(host);
    expect(checked.plan.parts).toEqual(["contest", "quiz"]);
    expect(checked.problems.map((p) => problemAddress(p))).toEqual(["Trắc nghiệm!E8", "Trắc nghiệm!C6"]);
    excel.resetCounters();
    const { run, summary } = await runTally(host, "vi");
    expect(excel.syncs).toBe(3);
    expect(run.outputs.map((o) => o.name)).toEqual(["Kết quả", "Danh sách giải", "Tổng hợp đơn vị", "Giải tuần", "Tham gia đơn vị", "Giải tập thể", "Kiểm tra"]);
    const weekly = excel
      .sheet("Giải tuần")!
      .grid()
      .filter((r) => r[0] === "Tuần 1")
      .map((r) => [r[1], r[2]]);
    // Week 1: A and B tie on 18; A's prediction is nearer 1000. BTC1 is excluded.
    expect(weekly).toEqual([
      ["Nhất", "A"],
      ["Nhì", "B"],
      ["Ba", "C"],
    ]);
    expect(summary).toContain("Trắc nghiệm: 7 lượt thi được tính (1 dòng lỗi), 5 thí sinh, 2 tuần; 6 giải tuần (9.000.000 đ); 2 giải tập thể (8.500.000 đ)");
    expect(summary).toContain("tổng tiền thưởng toàn cuộc thi 20.500.000 đ; còn 1 lỗi ở phần trắc nghiệm — kết quả tạm tính.");
    expect((await runTally(host, "en")).summary).toContain("Quiz: 7 attempts counted (1 bad rows), 5 participants, 2 periods");
  });
});

import { describe, expect, it } from "vitest";
import type { Grid } from "../shared/cells/cell.js";
import { blockAddress, blockKey, editsBlock, parseBlock } from "../shared/ledger/output-block.js";
import type { OutputSheet } from "../shared/ledger/output-sheet.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { LEDGER_PARTS } from "../shared/tasks/ledger-parts.js";
import { planTemplate, templateSheetsToWrite } from "../shared/tasks/template.js";
import { planTally, tallyLedger, tallyLedgerSync, tallySheets } from "../shared/tasks/ledger-tally.js";
import type { LedgerPort, SyncLedgerPort } from "../shared/tasks/port.js";
import { demoLedgerScored, gridsOf } from "./support/grids.js";
import { SCENARIOS } from "./support/scenarios.js";

/**
 * One runner for Tính kết quả and Kiểm tra in every host: the same steps over an asynchronous port
 * (Excel, files) and a synchronous one (Apps Script), one read and one write each.
 */

class MemoryLedger implements LedgerPort, SyncLedgerPort {
  readonly calls: string[] = [];
  written: readonly OutputSheet[] = [];
  constructor(private readonly sheets: ReadonlyMap<string, Grid>) {}
  sheetNamesSync(): string[] {
    this.calls.push("names");
    return [...this.sheets.keys()];
  }
  readSync(names: readonly string[]): Map<string, Grid | undefined> {
    this.calls.push(`read ${names.length}`);
    return new Map(names.map((n) => [n, this.sheets.get(n)]));
  }
  writeSync(outputs: readonly OutputSheet[]): void {
    this.calls.push(`write ${outputs.length}`);
    this.written = outputs;
  }
  async sheetNames(): Promise<string[]> {
    return this.sheetNamesSync();
  }
  async read(names: readonly string[]): Promise<Map<string, Grid | undefined>> {
    return this.readSync(names);
  }
  async write(outputs: readonly OutputSheet[]): Promise<void> {
    this.writeSync(outputs);
  }
}

const ledgers: [string, () => Map<string, Grid>][] = [
  ...SCENARIOS.map((s) => [s.name, s.sheets] as [string, () => Map<string, Grid>]),
  ["emulation review", () => gridsOf(emulationDemoSheets()) as Map<string, Grid>],
  [
    "contest and review in one ledger",
    () =>
      new Map([...(demoLedgerScored() as Map<string, Grid>), ...(gridsOf(emulationDemoSheets().filter((s) => s.name.startsWith("Đề nghị") || s.name.includes("khen thưởng"))) as Map<string, Grid>)]),
  ],
];

describe("the one runner", () => {
  it.each(ledgers)("%s: the asynchronous and the synchronous drive give the same outputs, in one read and one write", async (_name, sheets) => {
    const asyncPort = new MemoryLedger(sheets());
    const syncPort = new MemoryLedger(sheets());
    const a = await tallyLedger(asyncPort);
    const b = tallyLedgerSync(syncPort);
    expect(b.outputs).toEqual(a.outputs);
    expect(syncPort.written).toEqual(asyncPort.written);
    expect(asyncPort.calls).toEqual(syncPort.calls);
    expect(asyncPort.calls.map((c) => c.split(" ")[0])).toEqual(["names", "read", "write"]);
    expect(a.outputs).toEqual(tallySheets(sheets(), planTally([...sheets().keys()])).outputs);
  });

  it("Kiểm tra computes without writing", async () => {
    const port = new MemoryLedger(demoLedgerScored() as Map<string, Grid>);
    const run = await tallyLedger(port, { write: false });
    expect(port.calls.map((c) => c.split(" ")[0])).toEqual(["names", "read"]);
    expect(run.outputs.length).toBeGreaterThan(0);
  });

  it("every part is declared once, in the order it is computed, and each declares the sheets it reads", () => {
    expect(LEDGER_PARTS.map((p) => p.name)).toEqual(["contest", "quiz", "review"]);
    for (const part of LEDGER_PARTS) expect(part.reads.length, part.name).toBeGreaterThan(0);
    const plan = planTally(["Cuộc thi", "Đơn vị", "Đề nghị khen thưởng", "Tiêu chí khen thưởng", "Chỉ tiêu khen thưởng"]);
    expect(plan.parts).toEqual(["review"]);
    expect(plan.reads).toEqual(["Cuộc thi", "Đơn vị", "Đề nghị khen thưởng", "Tiêu chí khen thưởng", "Chỉ tiêu khen thưởng"]);
    // Every host reads last year's ranks and the quiz weeks when the ledger has them.
    expect(planTally(["Phong trào", "Đề nghị khen thưởng", "Tiêu chí khen thưởng", "Chỉ tiêu khen thưởng", "Thứ hạng năm trước"]).reads).toContain("Thứ hạng năm trước");
    expect(planTally(["Cuộc thi", "Đơn vị", "Bài dự thi", "Giám khảo", "Tiêu chí", "Điểm", "Cơ cấu giải", "Trắc nghiệm", "Tuần thi"]).reads).toContain("Tuần thi");
  });

  it("nothing is written when a required sheet is missing", async () => {
    const sheets = demoLedgerScored() as Map<string, Grid>;
    sheets.delete("Điểm");
    const port = new MemoryLedger(sheets);
    const run = await tallyLedger(port);
    expect(run.missingSheets).toEqual(["Điểm"]);
    expect(port.calls.map((c) => c.split(" ")[0])).toEqual(["names", "read"]);
  });
});

describe("the block thidua writes on an output sheet", () => {
  it("is one key and one address format in every host, and an address reads back as the block it names", () => {
    expect(blockKey("KẾT QUẢ")).toBe(blockKey("kết quả"));
    for (const b of [
      { r0: 0, c0: 0, rows: 1, cols: 1 },
      { r0: 0, c0: 0, rows: 5001, cols: 11 },
      { r0: 3, c0: 26, rows: 2, cols: 702 },
    ]) {
      expect(parseBlock(blockAddress(b))).toEqual(b);
    }
    expect(blockAddress({ r0: 0, c0: 0, rows: 120, cols: 11 })).toBe("A1:K120");
    for (const bad of ["", "A1", "K1:A1", "A0:B2", "Kết quả!A1:B2"]) expect(parseBlock(bad), bad).toBeUndefined();
    expect(
      editsBlock([
        { row: 4, col: 2, value: 1 },
        { row: 9, col: 0, value: "x" },
      ]),
    ).toEqual({ r0: 4, c0: 0, rows: 6, cols: 3 });
  });
});

describe("Tạo sổ cuộc thi, planned once for every host", () => {
  it("finds existing sheets as every ledger read does (case, diacritics, spaces), and overwrites them under the name they have", () => {
    const plan = planTemplate("sang-kien", ["DON VI", "  điểm ", "Biểu đồ"], Date.UTC(2026, 0, 1));
    expect([...plan.existing]).toEqual([
      ["Đơn vị", "DON VI"],
      ["Điểm", "  điểm "],
    ]);
    const missing = templateSheetsToWrite(plan, "missing-only").map((s) => s.name);
    expect(missing).not.toContain("Đơn vị");
    expect(missing).not.toContain("DON VI");
    expect(missing).toContain("Cuộc thi");
    const all = templateSheetsToWrite(plan, "overwrite").map((s) => s.name);
    expect(all).toContain("DON VI");
    expect(all).not.toContain("Đơn vị");
    expect(all).toHaveLength(plan.sheets.length);
  });
});

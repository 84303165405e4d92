import { beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../shared/cells/cell.js";
import { emulationDemoSheets } from "../../shared/samples/emulation-demo.js";
import { newYearLedger } from "../../shared/tasks/new-year.js";
import { applyEdits } from "../support/edits.js";
import { gridsOf } from "../support/grids.js";
import { normaliseGrid } from "../support/scenarios.js";
import { BUTTON, type GasDouble, gasDouble, typedIn } from "./gas-double.js";
import { loadLedger } from "./ledgers.js";
import { type Built, type Script, buildBundle, loadBundle } from "./load-bundle.js";

/** Thi đua › Sang năm mới: the spreadsheet (a copy the secretariat made) becomes next year's ledger. */

let built: Built;
beforeAll(async () => {
  built = await buildBundle();
});

const OWN_SHEET = "Biểu đồ của Tổ thư ký";

/** The commune's 2023 review, tallied, with a sheet of the secretariat's own. */
function tallied(): { gas: GasDouble; script: Script } {
  const gas = gasDouble();
  gas.ss.name = "Bản sao của Sổ thi đua xã Mỹ Thạnh năm 2023";
  loadLedger(gas.ss, gridsOf(emulationDemoSheets()));
  gas.ss.addSheet(OWN_SHEET, [
    ["Đơn vị", "Số đề nghị"],
    ["BPMC", 3],
  ]);
  const script = loadBundle(built.code, gas);
  script.call("tallyResults");
  return { gas, script };
}

const everyTab = (gas: GasDouble): Map<string, Grid> => new Map(gas.ss.sheets.map((s) => [s.name, normaliseGrid(s.values())]));
const lastAlert = (gas: GasDouble): string => {
  const a = gas.ui.alerts[gas.ui.alerts.length - 1]!;
  return `${a.title}\n${a.prompt}`;
};

describe("Sang năm mới", () => {
  it("asks first, naming the spreadsheet and what will be cleared, and changes nothing on “Không”", () => {
    const { gas, script } = tallied();
    const before = everyTab(gas);
    gas.ui.answers = [BUTTON.NO];
    script.call("startNewYear");
    const question = gas.ui.alerts.find((a) => a.buttons === "YES_NO")!.prompt;
    expect(question).toContain("“Bản sao của Sổ thi đua xã Mỹ Thạnh năm 2023” sẽ thành sổ năm 2024");
    expect(question).toContain("xóa nội dung “Đề nghị khen thưởng”");
    expect(question).toContain("Tệp › Tạo bản sao");
    expect(lastAlert(gas)).toContain("Không thay đổi gì.");
    expect(everyTab(gas)).toEqual(before);
  });

  it("on “Có”: makes the core's changes in place: dates and year moved, proposals cleared, outputs emptied, ranks kept, own sheet untouched", () => {
    const { gas, script } = tallied();
    const before = everyTab(gas);
    const plan = newYearLedger(before);
    const expected = applyEdits(before, plan.edits);
    for (const o of plan.outputs) expected.set(o.name, o.rows);
    gas.ui.answers = [BUTTON.YES];
    script.call("startNewYear");
    const after = everyTab(gas);
    for (const [name, grid] of expected) expect(after.get(name), name).toEqual(normaliseGrid(grid));
    expect(after.get(OWN_SHEET)).toEqual(before.get(OWN_SHEET));
    expect(after.get("Phong trào")!.find((r) => r[0] === "Năm")![1]).toBe(2024);
    const proposals = after.get("Đề nghị khen thưởng")!;
    expect(proposals).toEqual([before.get("Đề nghị khen thưởng")![0]]);
    expect(after.get("Danh sách khen thưởng")).toEqual([]);
    expect(
      after
        .get("Thứ hạng năm trước")!
        .slice(1)
        .map((r) => [r[0], r[2]]),
    ).toEqual([
      ["BPMC", 2],
      ["APH", 8],
      ["ATL", 9],
      ["VPTK", 1],
    ]);
    expect(lastAlert(gas)).toContain("Đã tạo sổ năm 2024 từ sổ năm 2023");
    expect(lastAlert(gas)).toContain(`Trang riêng của đơn vị, giữ nguyên: ${OWN_SHEET}`);
  });

  it("keeps the secretariat's formulas: a column beside the proposals, a deadline computed from a date", () => {
    const { gas, script } = tallied();
    const proposals = gas.ss.tab("Đề nghị khen thưởng")!;
    const width = proposals.values()[0]!.length;
    proposals.put(2, width + 1, typedIn("=LEN(A2)"));
    const quotas = gas.ss.tab("Chỉ tiêu khen thưởng")!;
    const deadline = quotas.values()[0]!.indexOf("Hạn nộp") + 1;
    quotas.put(3, deadline, typedIn(`=${String.fromCharCode(64 + deadline)}2`));
    gas.ui.answers = [BUTTON.YES];
    script.call("startNewYear");
    expect(proposals.formulaAt(2, width + 1)).toBe("=LEN(A2)");
    expect(proposals.values()[1]![0]).toBe("");
    expect(quotas.formulaAt(3, deadline)).toBe(`=${String.fromCharCode(64 + deadline)}2`);
  });

  it("refuses, in Vietnamese, a ledger that gives no year", () => {
    const gas = gasDouble();
    const grids = gridsOf(emulationDemoSheets());
    grids.set(
      "Phong trào",
      grids.get("Phong trào")!.filter((r) => r[0] !== "Năm"),
    );
    loadLedger(gas.ss, grids);
    loadBundle(built.code, gas).call("startNewYear");
    expect(lastAlert(gas)).toContain("chưa ghi “Năm”");
    expect(gas.ui.alerts.some((a) => a.buttons === "YES_NO")).toBe(false);
  });
});

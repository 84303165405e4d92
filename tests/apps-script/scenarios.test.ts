import { beforeAll, describe, expect, it } from "vitest";
import { SCENARIOS, expectedOutputs, normaliseGrid } from "../support/scenarios.js";
import { gasDouble } from "./gas-double.js";
import { loadLedger } from "./ledgers.js";
import { type Built, buildBundle, loadBundle } from "./load-bundle.js";

let built: Built;
beforeAll(async () => {
  built = await buildBundle();
});

describe("Tính kết quả in the bound script", () => {
  for (const scenario of SCENARIOS) {
    it(`writes the core's output sheets for ${scenario.name}`, () => {
      const gas = gasDouble();
      loadLedger(gas.ss, scenario.sheets());
      const script = loadBundle(built.code, gas);
      script.call("tallyResults");
      const expected = expectedOutputs(scenario.sheets());
      for (const sheet of expected) {
        const tab = gas.ss.tab(sheet.name);
        expect(tab, sheet.name).toBeDefined();
        expect(normaliseGrid(tab!.values()), sheet.name).toEqual(normaliseGrid(sheet.rows));
        expect(tab!.frozenRows).toBe(sheet.format.headerRow + 1);
      }
      expect(gas.ss.toasts).toHaveLength(1);
    });
  }

  it("writes numbers with their formats and the provisional banner in red", () => {
    const scenario = SCENARIOS.find((s) => s.name === "council-two-categories")!;
    const gas = gasDouble();
    loadLedger(gas.ss, scenario.sheets());
    loadBundle(built.code, gas).call("tallyResults");
    const prizes = gas.ss.tab("Danh sách giải")!;
    expect(prizes.numberFormats.some((f) => f.format === '#,##0 "đ"' && f.range.col === 9)).toBe(true);
    expect(prizes.styles.some((s) => s.style === "fontColor:#c00000" && s.range.row === 3)).toBe(true);
    expect(String(prizes.values()[2]![0])).toContain("KẾT QUẢ TẠM TÍNH");
    expect(gas.ss.toasts[0]!.message).toMatch(/còn \d+ lỗi/);
  });
});

import { scoreTableOf } from "../../shared/tasks/judge-sheets.js";
import { beforeAll, describe, expect, it } from "vitest";
import { BUTTON, type GasDouble, gasDouble, typedIn } from "./gas-double.js";
import { JUDGE_EMAILS, loadLedger, syntheticLedger } from "./ledgers.js";
import { type Built, type Script, buildBundle, loadBundle } from "./load-bundle.js";

let built: Built;
beforeAll(async () => {
  built = await buildBundle();
});

function ledgerOf(n: number, options: { scored: boolean }): { gas: GasDouble; script: Script } {
  const gas = gasDouble({ sharedWith: Object.values(JUDGE_EMAILS) });
  const grids = syntheticLedger(n);
  if (!options.scored) grids.set("Điểm", grids.get("Điểm")!.slice(0, 1));
  loadLedger(gas.ss, grids);
  return { gas, script: loadBundle(built.code, gas) };
}

/** Judges type a score in every cell of their tab (not counted: people, not the script, do this). */
function judgesScore(gas: GasDouble): void {
  for (const judge of Object.keys(JUDGE_EMAILS)) {
    const tab = gas.ss.tab(`Chấm ${judge}`)!;
    const table = scoreTableOf(tab.values());
    for (let r = table.first + 1; r <= table.end; r++) for (let c = 4; c <= 7; c++) tab.put(r, c, typedIn(((r + c) % 9) + 1));
  }
}

function counted(gas: GasDouble, run: () => unknown): Record<string, number> {
  gas.log.reset();
  run();
  return gas.log.snapshot();
}

const total = (calls: Record<string, number>): number => Object.values(calls).reduce((a, b) => a + b, 0);
/** Growing a sheet past the 1,000 rows a new sheet has: one call per sheet, whatever the row count. */
const GROWTH = new Set(["Sheet.insertRowsAfter", "Sheet.insertColumnsAfter"]);

const response = (gas: GasDouble) => {
  const sheet = gas.ss.addSheet("Câu trả lời biểu mẫu 1", [["Dấu thời gian", "Tên bài", "Mã đơn vị"]]);
  sheet.put(2, 1, { value: new Date(Date.UTC(2024, 8, 15, 2)) });
  sheet.put(2, 2, typedIn("Bài qua biểu mẫu"));
  sheet.put(2, 3, typedIn("U3"));
  return {
    namedValues: { "Dấu thời gian": ["15/09/2024 09:00:00"], "Tên bài": ["Bài qua biểu mẫu"], "Mã đơn vị": ["U3"] },
    values: [],
    range: sheet.getRange(2, 1, 1, 3),
  };
};

/** Each menu action and trigger, measured on a fresh spreadsheet holding a ledger of n entries. */
function measure(n: number): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const simple = ["onOpen", "showSidebar", "getDashboard", "checkLedger", "tallyResults", "draftReminders", "connectForm"];
  for (const fn of simple) {
    const { gas, script } = ledgerOf(n, { scored: true });
    out[fn] = counted(gas, () => script.call(fn));
  }
  {
    const { gas, script } = ledgerOf(n, { scored: true });
    gas.ui.answers = [BUTTON.YES];
    out.createLedgerInitiative = counted(gas, () => script.call("createLedgerInitiative"));
  }
  {
    const { gas, script } = ledgerOf(n, { scored: true });
    script.call("tallyResults");
    gas.ui.answers = [BUTTON.YES];
    out.startNewYear = counted(gas, () => script.call("startNewYear"));
    expect(
      gas.ss
        .tab("Bài dự thi")!
        .values()
        .slice(1)
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
  }
  {
    const { gas, script } = ledgerOf(n, { scored: false });
    out.createJudgeTabs = counted(gas, () => script.call("createJudgeTabs"));
    judgesScore(gas);
    out.mergeJudgeScores = counted(gas, () => script.call("mergeJudgeScores"));
    const scores = gas.ss.tab("Điểm")!.values();
    expect(scores.length).toBeGreaterThan(n * 2);
  }
  {
    const { gas, script } = ledgerOf(n, { scored: true });
    const e = response(gas);
    out.onFormSubmitEntry = counted(gas, () => script.call("onFormSubmitEntry", e));
    expect(gas.ss.tab("Bài dự thi")!.values()).toHaveLength(n + 2);
  }
  return out;
}

describe("service calls per action", () => {
  it("do not grow with the number of entries (10, 1,500 and 5,000)", () => {
    const small = measure(10);
    const medium = measure(1500);
    const large = measure(5000);
    console.log(
      "Apps Script service calls per action (10 / 1,500 / 5,000 entries)\n" +
        Object.keys(small)
          .map((k) => `  ${k.padEnd(24)} ${String(total(small[k]!)).padStart(4)} ${String(total(medium[k]!)).padStart(4)} ${String(total(large[k]!)).padStart(4)}`)
          .join("\n"),
    );
    for (const action of Object.keys(small)) {
      // Past the size of a new sheet, the count is the same call for call.
      expect(large[action], action).toEqual(medium[action]);
      // Below it, the only difference is growing a sheet once: at most one call per sheet written.
      const names = new Set([...Object.keys(small[action]!), ...Object.keys(large[action]!)]);
      for (const name of names) {
        const diff = (large[action]![name] ?? 0) - (small[action]![name] ?? 0);
        if (GROWTH.has(name)) expect(diff, `${action} ${name}`).toBeLessThanOrEqual(4);
        else expect(diff, `${action} ${name}`).toBe(0);
      }
      expect(total(large[action]!), action).toBeLessThan(400);
    }
  });
});

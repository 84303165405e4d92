import { beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../shared/cells/cell.js";
import { initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";
import { runContest } from "../../shared/tasks/contest-run.js";
import { gridsOf } from "../support/grids.js";
import { type FakeRange, type GasDouble, LockBusy, gasDouble, typedIn } from "./gas-double.js";
import { loadLedger } from "./ledgers.js";
import { type Built, type Script, buildBundle, loadBundle } from "./load-bundle.js";

let built: Built;
beforeAll(async () => {
  built = await buildBundle();
});

const RESPONSES = "Câu trả lời biểu mẫu 1";
const QUESTIONS = ["Tên bài", "Đơn vị", "Tác giả", "Loại", "Lĩnh vực", "Số điện thoại liên hệ"];

interface SubmitEvent {
  readonly namedValues: Record<string, string[]>;
  readonly values: string[];
  readonly range: FakeRange;
}

/** What Google does on a response: append it to the responses sheet, then fire the trigger's event. */
function respond(gas: GasDouble, answers: Readonly<Record<string, string>>, at: Date): SubmitEvent {
  const sheet = gas.ss.tab(RESPONSES) ?? gas.ss.addSheet(RESPONSES, [["Dấu thời gian", ...QUESTIONS]]);
  const row = sheet.lastRow() + 1;
  sheet.put(row, 1, { value: at });
  QUESTIONS.forEach((q, j) => sheet.put(row, j + 2, typedIn(`'${answers[q] ?? ""}`)));
  const stamp = at.toISOString();
  return {
    namedValues: Object.fromEntries([["Dấu thời gian", [stamp]], ...QUESTIONS.map((q) => [q, [answers[q] ?? ""]])]),
    values: [stamp, ...QUESTIONS.map((q) => answers[q] ?? "")],
    range: sheet.getRange(row, 1, 1, QUESTIONS.length + 1),
  };
}

function demo(): { gas: GasDouble; script: Script } {
  const gas = gasDouble();
  loadLedger(gas.ss, gridsOf(initiativeDemoSheets()));
  return { gas, script: loadBundle(built.code, gas) };
}

/** Inside the demo's window (15/08/2020 – 10/10/2020), Vietnam time. */
const inWindow = (minute = 0): Date => new Date(Date.UTC(2020, 8, 20, 3, minute));
const valid = (title: string): Record<string, string> => ({
  "Tên bài": title,
  "Đơn vị": "Phòng Tư pháp",
  "Tác giả": "Lê Thị Hoa",
  Loại: "Cá nhân",
  "Lĩnh vực": "Cải cách thủ tục hành chính",
  "Số điện thoại liên hệ": "0912 345 678",
});

const entriesOf = (gas: GasDouble) => gas.ss.tab("Bài dự thi")!.values().slice(1);
const rejectedOf = (gas: GasDouble) => gas.ss.tab("Phản hồi bị từ chối")?.values().slice(1) ?? [];

describe("a form response", () => {
  it("becomes a Bài dự thi row with the next code, the unit's code and the time received", () => {
    const { gas, script } = demo();
    const before = entriesOf(gas).length;
    script.call("onFormSubmitEntry", respond(gas, valid("Sổ tay thủ tục hành chính điện tử"), inWindow()));
    const rows = entriesOf(gas);
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1]!;
    expect(row[0]).toBe("SK15");
    expect(row[1]).toBe("Sổ tay thủ tục hành chính điện tử");
    expect(row[3]).toBe("PTP");
    expect(row[5]).toBe("Cá nhân");
    expect((row[6] as Date).getTime()).toBe(inWindow().getTime());
    expect(String(row[9])).toContain("Số điện thoại liên hệ: 0912 345 678");
    expect(String(row[9])).toContain(`Nhận qua biểu mẫu lúc 20/09/2020 10:00:00 (${RESPONSES}!2)`);
    // The new row is a sound ledger row: no error about it (a warning that it is not scored yet is expected).
    const grids = new Map<string, Grid>(gas.ss.sheets.map((s) => [s.name, s.values().map((r) => r.map((v) => (v === "" ? null : v)))]));
    const run = runContest(grids);
    expect(run.ledger.entries.get("SK15")?.unitKey).toBe("PTP");
    expect(run.problems.filter((p) => p.severity === "error" && p.sheet === "Bài dự thi" && p.row === rows.length)).toEqual([]);
  });

  it("accepts a unit given as “CODE - Name”", () => {
    const { gas, script } = demo();
    script.call("onFormSubmitEntry", respond(gas, { ...valid("Bài A"), "Đơn vị": "PNV - Phòng Nội vụ" }, inWindow()));
    expect(entriesOf(gas).at(-1)![3]).toBe("PNV");
  });

  it.each([
    ["an unknown unit", { "Đơn vị": "Sở Du lịch" }, inWindow(), "Đơn vị “Sở Du lịch” không có trong trang “Đơn vị”."],
    ["no title", { "Tên bài": "" }, inWindow(), "Thiếu câu trả lời bắt buộc “Tên bài”."],
    ["a late response", {}, new Date(Date.UTC(2020, 9, 10, 17, 30)), "Nộp ngày 11/10/2020, ngoài thời hạn nhận bài (15/08/2020 – 10/10/2020)."],
  ])("with %s is kept and flagged, never dropped", (_what, change, at, reason) => {
    const { gas, script } = demo();
    const before = entriesOf(gas).length;
    script.call("onFormSubmitEntry", respond(gas, { ...valid("Bài bị từ chối"), ...change }, at));
    expect(entriesOf(gas)).toHaveLength(before);
    const rejected = rejectedOf(gas);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]![1]).toBe(`${RESPONSES}!2`);
    expect(String(rejected[0]![2])).toContain(reason);
    expect(String(rejected[0]![3])).toContain("Tác giả: Lê Thị Hoa");
    expect(gas.ss.tab(RESPONSES)!.values()).toHaveLength(2);
  });
});

/**
 * Fires the events "at once": while one execution is between reading `Bài dự thi` and writing its
 * row, the next one starts. An execution that finds the script lock taken waits its turn (it has
 * done nothing before asking for the lock, so waiting is running it again once the lock is free).
 */
function burst(gas: GasDouble, script: Script, events: readonly SubmitEvent[]): void {
  const pending = [...events];
  const waiting: SubmitEvent[] = [];
  const start = (): void => {
    const e = pending.shift();
    if (!e) return;
    try {
      script.call("onFormSubmitEntry", e);
    } catch (err) {
      if (err instanceof LockBusy) waiting.push(e);
      else throw err;
    }
  };
  gas.log.hook = (name, detail) => {
    if (name === "Range.getValues" && detail === "Bài dự thi" && pending.length > 0) start();
  };
  try {
    while (pending.length > 0 || waiting.length > 0) {
      if (pending.length === 0) pending.push(...waiting.splice(0));
      start();
    }
  } finally {
    gas.log.hook = undefined;
  }
}

describe("simultaneous responses", () => {
  const N = 8;
  const events = (gas: GasDouble): SubmitEvent[] => Array.from({ length: N }, (_, i) => respond(gas, valid(`Bài gửi cùng lúc ${i + 1}`), inWindow(i)));

  it("collide without a lock (the interleaving is real)", () => {
    const { gas, script } = demo();
    gas.lock.mode = "none";
    burst(gas, script, events(gas));
    const codes = entriesOf(gas)
      .slice(14)
      .map((r) => r[0]);
    expect(codes).toHaveLength(N);
    expect(new Set(codes).size).toBeLessThan(N);
  });

  it("get distinct, consecutive codes under the script lock", () => {
    const { gas, script } = demo();
    burst(gas, script, events(gas));
    expect(gas.lock.blocked).toBeGreaterThan(0);
    expect(gas.lock.holder).toBeUndefined();
    const rows = entriesOf(gas).slice(14);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: N }, (_, i) => `SK${15 + i}`));
    expect(new Set(rows.map((r) => r[1])).size).toBe(N);
    expect(gas.log.counts.get("SpreadsheetApp.flush")).toBe(N);
  });
});

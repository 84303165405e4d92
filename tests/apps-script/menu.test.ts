import { partsOfInstant } from "../../shared/cells/date.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../shared/cells/cell.js";
import { planTally, tallySheets } from "../../shared/tasks/ledger-tally.js";
import { problemsSheet } from "../../shared/ledger/contest-outputs.js";
import { emulationDemoSheets } from "../../shared/samples/emulation-demo.js";
import { DEMO_RETURNED_SCORES, initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";
import { templateSheets } from "../../shared/samples/templates.js";
import { runContest } from "../../shared/tasks/contest-run.js";
import { contestOutputs } from "../../shared/tasks/tally.js";
import { demoLedgerScored, gridsOf } from "../support/grids.js";
import { SCENARIOS, normaliseGrid } from "../support/scenarios.js";
import { scoreTableOf } from "../../shared/tasks/judge-sheets.js";
import { BUTTON, type GasDouble, gasDouble, typedIn } from "./gas-double.js";
import { loadLedger } from "./ledgers.js";
import { type Built, type Script, buildBundle, loadBundle } from "./load-bundle.js";

/** The hosts date a new ledger by the clock: its year is this one. */
const THIS_YEAR = { year: partsOfInstant(Date.now()).y };

let built: Built;
beforeAll(async () => {
  built = await buildBundle();
});

const JUDGE_MAIL = { GK1: "hung.tv@phurieng.example.vn", GK2: "mai.nt@phurieng.example.vn", GK3: "tuan.lm@phurieng.example.vn" } as const;

function demo(alsoSharedWith: readonly string[] = []): { gas: GasDouble; script: Script } {
  const gas = gasDouble({ sharedWith: [...Object.values(JUDGE_MAIL), ...alsoSharedWith] });
  loadLedger(gas.ss, gridsOf(initiativeDemoSheets()));
  return { gas, script: loadBundle(built.code, gas) };
}

/** What the core reads from a tab, as the script would. */
function gridOf(gas: GasDouble, name: string): Grid {
  return gas.ss
    .tab(name)!
    .values()
    .map((r) => r.map((v) => (v === "" ? null : v)));
}

function lastAlert(gas: GasDouble): string {
  const a = gas.ui.alerts[gas.ui.alerts.length - 1];
  return a ? `${a.title}\n${a.prompt}` : "";
}

describe("Tạo sổ cuộc thi", () => {
  it("creates the template sheets with drop-downs, frozen headers and a header guard", () => {
    const gas = gasDouble();
    gas.ss.addSheet("Trang tính1");
    loadBundle(built.code, gas).call("createLedgerInitiative");
    for (const name of ["Cuộc thi", "Đơn vị", "Bài dự thi", "Giám khảo", "Tiêu chí", "Điểm", "Cơ cấu giải"]) {
      const tab = gas.ss.tab(name)!;
      expect(tab, name).toBeDefined();
      expect(tab.frozenRows).toBe(1);
      expect(tab.protections.some((p) => p.warningOnly && p.range?.row === 1)).toBe(true);
    }
    const entries = gas.ss.tab("Bài dự thi")!;
    const lists = entries.validations.filter((v) => v.rule.kind === "list").map((v) => v.rule.values);
    expect(lists).toContainEqual(["Hợp lệ", "Không hợp lệ", "Rút"]);
    expect(lists).toContainEqual(["Tập thể", "Cá nhân"]);
    expect(entries.validations.every((v) => v.range.numRows >= 1000)).toBe(true);
    // "01/09/2020" in the example row stays text as written; the date column is formatted as a date.
    expect(entries.values()[1]![6]).toBe(`01/09/${THIS_YEAR.year}`);
    expect(entries.numberFormats.some((f) => f.format === "dd/mm/yyyy" && f.range.col === 7)).toBe(true);
  });

  it("asks before replacing a sheet, and keeps it when told no", () => {
    const gas = gasDouble();
    gas.ss.addSheet("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị"],
      ["X1", "Bài thật của người dùng", "U1"],
    ]);
    const script = loadBundle(built.code, gas);
    gas.ui.answers = [BUTTON.NO];
    script.call("createLedgerInitiative");
    expect(gas.ui.alerts[0]!.buttons).toBe("YES_NO");
    expect(gas.ui.alerts[0]!.prompt).toContain("“Bài dự thi”");
    expect(gas.ss.tab("Bài dự thi")!.values()[1]![1]).toBe("Bài thật của người dùng");
    expect(gas.ss.tab("Cuộc thi")).toBeDefined();

    gas.ui.answers = [BUTTON.YES];
    script.call("createLedgerInitiative");
    expect(gas.ss.tab("Bài dự thi")!.values()[1]![0]).toBe("SK01");
    expect(gas.ss.sheets.filter((s) => s.name === "Bài dự thi")).toHaveLength(1);
    // Replaced, not stacked: one header guard per sheet.
    expect(gas.ss.tab("Bài dự thi")!.protections).toHaveLength(1);
  });

  it("can replace the only sheet of a spreadsheet", () => {
    const gas = gasDouble();
    gas.ss.addSheet("Cuộc thi", [
      ["Mục", "Giá trị"],
      ["Tên cuộc thi", "Cũ"],
    ]);
    gas.ui.answers = [BUTTON.YES];
    loadBundle(built.code, gas).call("createLedgerInitiative");
    expect(gas.ss.tab("Cuộc thi")!.values()[1]![1]).toBe(`Tìm sáng kiến, giải pháp cải cách hành chính năm ${THIS_YEAR.year}`);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(["Cuộc thi", "Đơn vị", "Bài dự thi", "Giám khảo", "Tiêu chí", "Điểm", "Cơ cấu giải"]);
  });
});

describe("Kiểm tra, Tính kết quả, Đơn vị chưa nộp", () => {
  it("Kiểm tra writes the core's problem sheet and summarises it", () => {
    const { gas, script } = demo();
    script.call("checkLedger");
    const expected = problemsSheet(runContest(gridsOf(initiativeDemoSheets())).problems);
    expect(normaliseGrid(gas.ss.tab("Kiểm tra")!.values())).toEqual(normaliseGrid(expected.rows));
    expect(lastAlert(gas)).toMatch(/\d+ lỗi, \d+ cảnh báo/);
  });

  it("Tính kết quả toasts winners, the total in đồng and the errors left", () => {
    const gas = gasDouble();
    loadLedger(gas.ss, demoLedgerScored());
    loadBundle(built.code, gas).call("tallyResults");
    const run = runContest(demoLedgerScored());
    const winners = run.result.categories.flatMap((c) => c.entries).filter((r) => r.award.kind === "prize").length;
    const toast = gas.ss.toasts[0]!.message;
    expect(toast).toContain(`${winners} bài đạt giải`);
    expect(toast).toContain(`${run.result.totalAmount.toLocaleString("de-DE")} đ`);
    expect(toast).toContain(run.errorCount > 0 ? `còn ${run.errorCount} lỗi` : "không còn lỗi");
    // Each output tab's table is bordered all round and inside, its text wrapped rather than cut.
    for (const name of ["Kết quả", "Danh sách giải", "Tổng hợp đơn vị", "Kiểm tra"]) {
      const styles = gas.ss.tab(name)!.styles.map((s) => s.style);
      expect(styles, name).toContain("border:111111");
      expect(styles, name).toContain("wrap:true");
    }
  });

  it("Đơn vị chưa nộp drafts one reminder per unit below quota and sends nothing", () => {
    const { gas, script } = demo();
    script.call("draftReminders");
    const short = runContest(gridsOf(initiativeDemoSheets())).units.filter((u) => !u.meetsQuota);
    expect(short.length).toBeGreaterThan(0);
    const rows = gas.ss.tab("Nhắc nộp bài")!.values().slice(1);
    expect(rows.map((r) => r[0])).toEqual(short.map((u) => u.unit.code));
    for (const [i, u] of short.entries()) {
      const text = String(rows[i]![6]);
      expect(text).toContain(`Kính gửi: ${u.unit.name}.`);
      expect(text).toContain(`số bài tối thiểu là ${u.unit.quota}`);
      expect(text).toContain("Trân trọng.");
    }
    expect(lastAlert(gas)).toContain("chưa có thư nào được gửi");
  });

  it("keeps text that looks like a formula or a number as text", () => {
    const grids = demoLedgerScored();
    const gas = gasDouble();
    loadLedger(gas.ss, grids);
    // Typed with a leading apostrophe, as a person must to keep them as text.
    const entries = gas.ss.tab("Bài dự thi")!;
    entries.put(3, 2, typedIn('\'=HYPERLINK("http://x")'));
    entries.put(3, 5, typedIn("'+84 912 345 678"));
    entries.put(4, 2, typedIn("'2020"));
    loadBundle(built.code, gas).call("tallyResults");
    const results = gas.ss.tab("Kết quả")!;
    const titles = results.values().map((r) => r[3]);
    expect(titles).toContain('=HYPERLINK("http://x")');
    expect(titles).toContain("2020");
    expect(results.values().map((r) => r[5])).toContain("+84 912 345 678");
    for (let r = 1; r <= results.values().length; r++) for (let c = 1; c <= 11; c++) expect(results.formulaAt(r, c)).toBeUndefined();
  });

  it("answers a missing sheet and an unexpected failure in Vietnamese, without a stack trace", () => {
    const gas = gasDouble();
    gas.ss.addSheet("Trang tính1");
    const script = loadBundle(built.code, gas);
    script.call("tallyResults");
    expect(lastAlert(gas)).toContain("Sổ thiếu trang bắt buộc");
    gas.ss.getSheets = () => {
      throw new Error("Exception: Service Spreadsheets timed out while accessing document\n    at readContestGrids (Code.js:1:2)");
    };
    script.call("checkLedger");
    const text = lastAlert(gas);
    expect(text).toContain("Đã xảy ra sự cố");
    expect(text).toContain("Chi tiết: Service Spreadsheets timed out");
    expect(text).not.toMatch(/\bat \w+ \(/);
  });
});

describe("Kiểm tra and Tính kết quả on an emulation review (thi-dua)", () => {
  /** What the core computes for these grids, as the CLI's `tallyLedger` would. */
  const coreTally = (grids: Map<string, Grid | undefined>) => tallySheets(grids, planTally([...grids.keys()]));

  it("tallies a ledger made from the thi-dua template into the review's output sheets", () => {
    const gas = gasDouble();
    gas.ss.addSheet("Trang tính1");
    const script = loadBundle(built.code, gas);
    script.call("createLedgerEmulation");
    script.call("tallyResults");
    const expected = coreTally(gridsOf(templateSheets("thi-dua", THIS_YEAR)));
    expect(expected.outputs.map((s) => s.name)).toEqual(["Danh sách khen thưởng", "Không đủ điều kiện", "Ngoài chỉ tiêu", "Thiếu hồ sơ", "Kiểm tra"]);
    for (const sheet of expected.outputs) {
      const tab = gas.ss.tab(sheet.name);
      expect(tab, sheet.name).toBeDefined();
      expect(normaliseGrid(tab!.values()), sheet.name).toEqual(normaliseGrid(sheet.rows));
      expect(tab!.frozenRows).toBe(sheet.format.headerRow + 1);
    }
    expect(gas.ss.tab("Kết quả")).toBeUndefined();
    // Only the template's own report: no refusal from Tính kết quả.
    expect(gas.ui.alerts.map((a) => a.title)).toEqual(["Tạo sổ cuộc thi"]);
    // The core's one summary line, as the Excel pane shows it.
    expect(gas.ss.toasts[0]!.message).toBe("Xét khen thưởng: được khen 01 tập thể, 01 cá nhân; không còn lỗi.");
  });

  it("toasts the awarded, the total and the proposals left to the council; Kiểm tra writes the core's problems", () => {
    const grids = gridsOf(emulationDemoSheets());
    const gas = gasDouble();
    loadLedger(gas.ss, grids);
    const script = loadBundle(built.code, gas);
    script.call("checkLedger");
    const expected = coreTally(grids);
    const problems = expected.outputs.find((s) => s.name === "Kiểm tra")!;
    expect(normaliseGrid(gas.ss.tab("Kiểm tra")!.values())).toEqual(normaliseGrid(problems.rows));
    expect(lastAlert(gas)).toContain(`0 lỗi, ${expected.warningCount} cảnh báo`);
    script.call("tallyResults");
    const awards = expected.outputs.find((s) => s.name === "Danh sách khen thưởng")!;
    expect(normaliseGrid(gas.ss.tab(awards.name)!.values())).toEqual(normaliseGrid(awards.rows));
    expect(gas.ss.toasts[0]!.message).toBe(
      "Xét khen thưởng: được khen 02 tập thể, 03 cá nhân; 2 đề nghị chờ Hội đồng quyết định; tổng tiền thưởng 1.890.000 đ (Một triệu tám trăm chín mươi nghìn đồng); không còn lỗi.",
    );
  });

  it("refuses a review missing one of its sheets and writes nothing", () => {
    const grids = gridsOf(emulationDemoSheets());
    grids.delete("Chỉ tiêu khen thưởng");
    const gas = gasDouble();
    loadLedger(gas.ss, grids);
    loadBundle(built.code, gas).call("tallyResults");
    expect(lastAlert(gas)).toContain("Sổ thiếu trang bắt buộc: “Chỉ tiêu khen thưởng”");
    expect(gas.ss.sheets.map((s) => s.name)).toEqual([...grids.keys()]);
  });
});

describe("Kiểm tra and Tính kết quả on a contest with its quiz (truc-tuyen)", () => {
  it("checks the attempts, writes the quiz's sheets with the contest's, and toasts the quiz", () => {
    const grids = SCENARIOS.find((x) => x.name === "quiz-weekly-collective")!.sheets();
    const gas = gasDouble();
    loadLedger(gas.ss, grids);
    const script = loadBundle(built.code, gas);
    script.call("checkLedger");
    const expected = tallySheets(grids, planTally([...grids.keys()]));
    expect(normaliseGrid(gas.ss.tab("Kiểm tra")!.values())).toEqual(normaliseGrid(expected.outputs.find((s) => s.name === "Kiểm tra")!.rows));
    expect(lastAlert(gas)).toContain("1 lỗi, 1 cảnh báo");
    script.call("tallyResults");
    for (const name of ["Giải tuần", "Tham gia đơn vị", "Giải tập thể"]) {
      expect(normaliseGrid(gas.ss.tab(name)!.values()), name).toEqual(normaliseGrid(expected.outputs.find((s) => s.name === name)!.rows));
    }
    expect(gas.ss.toasts[0]!.message).toBe(
      "1 bài đạt giải; tổng tiền thưởng 3.000.000 đ (Ba triệu đồng); không còn lỗi. Trắc nghiệm: 7 lượt thi được tính (1 dòng lỗi), 5 thí sinh, 2 tuần; 6 giải tuần (9.000.000 đ); 2 giải tập thể (8.500.000 đ); tổng tiền thưởng toàn cuộc thi 20.500.000 đ; còn 1 lỗi ở phần trắc nghiệm — kết quả tạm tính.",
    );
  });
});

describe("Trang chấm and Gộp điểm", () => {
  function typeScores(gas: GasDouble, judge: keyof typeof JUDGE_MAIL): void {
    const tab = gas.ss.tab(`Chấm ${judge}`)!;
    const grid = tab.values();
    const table = scoreTableOf(grid);
    const scores = DEMO_RETURNED_SCORES[judge]!;
    grid.forEach((row, i) => {
      const s = scores[String(row[0])];
      if (i < table.first || i >= table.end || !s) return;
      s.forEach((v, k) => {
        expect(tab.canEdit(JUDGE_MAIL[judge], i + 1, 4 + k)).toBe(true);
        tab.put(i + 1, 4 + k, typedIn(v));
      });
    });
  }

  it("gives each judge a tab only they (and the owner) can score in", () => {
    const { gas, script } = demo();
    script.call("createJudgeTabs");
    for (const judge of ["GK1", "GK2", "GK3"] as const) {
      const tab = gas.ss.tab(`Chấm ${judge}`)!;
      expect(tab).toBeDefined();
      const table = scoreTableOf(tab.values());
      expect(table.header.slice(0, 3)).toEqual(["Mã bài", "Tên bài", "Hạng mục"]);
      // Each criterion is headed by its code, name and maximum; the judge's name is on top, a signature line below.
      expect(String(table.header[3])).toMatch(/^TC1\n.+\n\(tối đa 30\)$/);
      expect(tab.values()[1]![0]).toMatch(new RegExp(`^Giám khảo: .+ \\(${judge}\\)$`));
      expect(tab.values().flat()).toContain("(Ký, ghi rõ họ tên)");
      expect(tab.formulaAt(table.first + 1, 8)).toBe(`=IF(COUNT(D${table.first + 1}:G${table.first + 1})=0,"",D${table.first + 1}+E${table.first + 1}+F${table.first + 1}+G${table.first + 1})`);
      const others = Object.entries(JUDGE_MAIL)
        .filter(([j]) => j !== judge)
        .map(([, m]) => m);
      const row = table.first + 1;
      expect(tab.canEdit(JUDGE_MAIL[judge], row, 4)).toBe(true);
      expect(tab.canEdit(JUDGE_MAIL[judge], row, 1)).toBe(false);
      expect(tab.canEdit(JUDGE_MAIL[judge], row, 8)).toBe(false); // the total adds itself up
      expect(tab.canEdit(gas.ss.owner, row, 4)).toBe(true);
      for (const other of others) expect(tab.canEdit(other, row, 4)).toBe(false);
      expect(tab.validations.some((v) => v.rule.kind === "between" && v.rule.max === 30 && !v.rule.allowInvalid)).toBe(true);
      expect(tab.notes.get("1,1")).toContain("PHIẾU CHẤM ĐIỂM");
    }
    // GK1 belongs to PNV: no PNV entry on their tab.
    expect(
      gas.ss
        .tab("Chấm GK1")!
        .values()
        .map((r) => r[0]),
    ).not.toContain("SK01");
    expect([...gas.documentProperties.store.keys()]).toHaveLength(3);
  });

  it("protects every other sheet for the owner and the secretariat listed in Cuộc thi: a judge can change neither Điểm nor Cơ cấu giải", () => {
    const SECRETARY = "lan.pt@phurieng.example.vn";
    const { gas, script } = demo([SECRETARY]);
    const settings = gas.ss.tab("Cuộc thi")!;
    const row = settings.values().length + 1;
    settings.put(row, 1, typedIn("Tổ thư ký"));
    settings.put(row, 2, typedIn(`${SECRETARY}; chị Lan`));
    const mine = gas.ss.addSheet("Biểu đồ của tôi", [["ghi chú"]]);
    mine.protect().setDescription("Của tổ thư ký");
    script.call("createJudgeTabs");
    gas.ui.answers = [BUTTON.YES];
    const res = script.call("createJudgeTabs", "sidebar") as { ok: boolean; lines: string[] };
    expect(res.ok).toBe(true);
    for (const name of ["Cuộc thi", "Đơn vị", "Bài dự thi", "Giám khảo", "Tiêu chí", "Điểm", "Cơ cấu giải"]) {
      const tab = gas.ss.tab(name)!;
      for (const judge of Object.values(JUDGE_MAIL)) expect(tab.canEdit(judge, 2, 2), `${judge} on ${name}`).toBe(false);
      expect(tab.canEdit(gas.ss.owner, 2, 2)).toBe(true);
      expect(tab.canEdit(SECRETARY, 2, 2), name).toBe(true);
      // A rerun replaces thidua's own protection instead of piling up another.
      expect(tab.protections.filter((p) => p.range === undefined)).toHaveLength(1);
    }
    // The secretariat also edits the judges' tabs outside the score cells, never a judge's scores.
    const tab = gas.ss.tab("Chấm GK2")!;
    expect(tab.canEdit(SECRETARY, 2, 1)).toBe(true);
    expect(tab.canEdit(JUDGE_MAIL.GK1, 2, 4)).toBe(false);
    // A protection a person set is theirs: kept, and said.
    expect(mine.protections).toHaveLength(1);
    expect(mine.protections[0]!.description).toBe("Của tổ thư ký");
    expect(res.lines.join("\n")).toContain("“Biểu đồ của tôi” đã có bảo vệ do người dùng đặt");
    expect(res.lines.join("\n")).toContain(`chỉ ${gas.ss.owner}, ${SECRETARY} sửa được`);
    // “chị Lan” is not an address: Kiểm tra says so at its cell.
    script.call("checkLedger");
    const problems = gas.ss
      .tab("Kiểm tra")!
      .values()
      .map((r) => r.join(" | "));
    expect(problems.some((p) => p.includes(`Cuộc thi!B${row}`) && p.includes("“chị Lan” không phải là địa chỉ email"))).toBe(true);
  });

  it("asks before recreating tabs that may hold scores", () => {
    const { gas, script } = demo();
    script.call("createJudgeTabs");
    typeScores(gas, "GK2");
    gas.ui.answers = [BUTTON.NO];
    script.call("createJudgeTabs");
    expect(gas.ui.alerts.some((a) => a.buttons === "YES_NO" && a.prompt.includes("Gộp điểm"))).toBe(true);
    const kept = gas.ss.tab("Chấm GK2")!.values();
    expect(kept[scoreTableOf(kept).first]![3]).not.toBe("");
  });

  it("merges the tabs into Điểm like thidua import, then tallies as the core does", () => {
    const { gas, script } = demo();
    script.call("createJudgeTabs");
    for (const judge of ["GK1", "GK2", "GK3"] as const) typeScores(gas, judge);
    script.call("mergeJudgeScores");
    expect(lastAlert(gas)).toContain("Đã gộp 3 trang chấm");
    expect(gas.ss.tab("Nhật ký")!.values().slice(1)).toHaveLength(3);
    script.call("tallyResults");
    // The core on the merged ledger, and on the ledger with the same scores typed in directly, agree.
    const merged = new Map(["Cuộc thi", "Đơn vị", "Bài dự thi", "Giám khảo", "Tiêu chí", "Điểm", "Cơ cấu giải"].map((n) => [n, gridOf(gas, n)]));
    const direct = contestOutputs(runContest(demoLedgerScored()));
    const mine = contestOutputs(runContest(merged));
    for (const name of ["Kết quả", "Danh sách giải", "Tổng hợp đơn vị"]) {
      const want = direct.find((s) => s.name === name)!;
      expect(normaliseGrid(gas.ss.tab(name)!.values()), name).toEqual(normaliseGrid(want.rows));
      expect(normaliseGrid(mine.find((s) => s.name === name)!.rows)).toEqual(normaliseGrid(want.rows));
    }
  });

  it("never overwrites a score silently: a changed score needs a yes", () => {
    const { gas, script } = demo();
    script.call("createJudgeTabs");
    typeScores(gas, "GK2");
    script.call("mergeJudgeScores");
    const scores = () => gas.ss.tab("Điểm")!.values();
    const rowOf = (entry: string) => scores().findIndex((r) => r[0] === entry && r[1] === "GK2");
    const before = scores()[rowOf("SK02")]![3];
    expect(before).toBe(25);
    const tab = gas.ss.tab("Chấm GK2")!;
    const tabRow = tab.values().findIndex((r) => r[0] === "SK02");
    tab.put(tabRow + 1, 4, typedIn(29));

    gas.ui.answers = [BUTTON.NO];
    script.call("mergeJudgeScores");
    expect(scores()[rowOf("SK02")]![3]).toBe(25);
    expect(lastAlert(gas)).toContain("sổ đang có 25, tệp nhập có 29");

    gas.ui.answers = [BUTTON.YES];
    script.call("mergeJudgeScores");
    expect(scores()[rowOf("SK02")]![3]).toBe(29);
    // One log row per tab per merge.
    expect(gas.ss.tab("Nhật ký")!.values().slice(1)).toHaveLength(9);
  });

  it("keeps a formula the secretariat put in Điểm when merging around it", () => {
    const { gas, script } = demo();
    const scores = gas.ss.tab("Điểm")!;
    scores.put(1, 8, typedIn("Tổng"));
    scores.put(2, 8, typedIn("=SUM(D2:G2)"));
    script.call("createJudgeTabs");
    typeScores(gas, "GK2");
    script.call("mergeJudgeScores");
    expect(scores.formulaAt(2, 8)).toBe("=SUM(D2:G2)");
  });
});

describe("English for the person who chooses it", () => {
  it("switches the menu, dialogs, the core's messages and the sidebar's texts to English, for that person only", () => {
    const { gas, script } = demo();
    script.call("onOpen");
    const captions = (i: number): string[] => gas.ui.menus[i]!.items.flatMap((m) => (typeof m === "object" && "fn" in m ? [m.caption] : []));
    expect(captions(0)).toContain("Kiểm tra sổ");
    expect(captions(0)).toContain("English");
    script.call("switchLanguage");
    expect(gas.userProperties.store.get("thidua.lang")).toBe("en");
    expect(gas.documentProperties.store.has("thidua.lang")).toBe(false);
    const english = captions(gas.ui.menus.length - 1);
    expect(english).toContain("Check the ledger");
    expect(english).toContain("Tiếng Việt");
    expect(english.join(" ")).not.toMatch(/Kiểm tra|Tính kết quả|Gộp điểm/);

    script.call("checkLedger");
    expect(lastAlert(gas)).toMatch(/^Check the ledger\n\d+ errors, \d+ warnings\. See the sheet “Kiểm tra”\./);
    // The ledger's own sheets stay Vietnamese: they are the contract.
    expect(gas.ss.tab("Kiểm tra")!.values()[0]).toContain("Mức độ");
    gas.ss.deleteSheet(gas.ss.tab("Cơ cấu giải")!);
    script.call("tallyResults");
    expect(lastAlert(gas)).toContain("The ledger lacks required sheets: “Cơ cấu giải”");

    const board = script.call("getDashboard") as { ok: boolean; text: { lang: string; problems: string; buttons: Record<string, string> } };
    expect(board.ok).toBe(true);
    expect(board.text.lang).toBe("en");
    expect(board.text.problems).toBe("Problems to fix");
    expect(board.text.buttons.tallyResults).toBe("Compute results");

    script.call("switchLanguage");
    script.call("checkLedger");
    expect(lastAlert(gas)).toMatch(/^Kiểm tra sổ\n/);
  });
});

describe("Kết nối biểu mẫu and the sidebar", () => {
  it("installs the form trigger once", () => {
    const { gas, script } = demo();
    script.call("connectForm");
    script.call("connectForm");
    expect(gas.triggers).toHaveLength(1);
    expect(gas.triggers[0]!.handler).toBe("onFormSubmitEntry");
    expect(script.has("onFormSubmitEntry")).toBe(true);
    expect(lastAlert(gas)).toContain("đã được kết nối từ trước");
  });

  it("opens the sidebar and feeds it entries per unit and scoring progress per judge", () => {
    const gas = gasDouble();
    loadLedger(gas.ss, demoLedgerScored());
    const script = loadBundle(built.code, gas);
    script.call("showSidebar");
    expect(gas.htmlFiles).toEqual(["sidebar"]);
    expect(gas.ui.sidebars).toHaveLength(1);
    const res = script.call("getDashboard") as {
      ok: boolean;
      data: { units: { code: string; valid: number; quota: number }[]; judges: { code: string; expected: number; scored: number }[] };
    };
    expect(res.ok).toBe(true);
    const run = runContest(demoLedgerScored());
    expect(res.data.units.map((u) => [u.code, u.valid, u.quota])).toEqual(run.units.map((u) => [u.unit.code, u.valid, u.unit.quota]));
    const gk3 = res.data.judges.find((j) => j.code === "GK3")!;
    // GK3 left SK07 blank: one expected entry not scored.
    expect(gk3.expected - gk3.scored).toBe(1);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it("returns plain results to the sidebar instead of opening a dialog", () => {
    const { gas, script } = demo();
    const res = script.call("checkLedger", "sidebar") as { ok: boolean; message: string; lines: string[] };
    expect(res.message).toMatch(/lỗi/);
    expect(gas.ui.alerts).toHaveLength(0);
    expect(gas.ss.tab("Kiểm tra")).toBeDefined();
  });
});

describe("Tính kết quả updates its sheets in place", () => {
  it("keeps the output tab, its protection and widths, and the user's cells beside the block; clears only what it wrote last time", () => {
    const gas = gasDouble();
    loadLedger(gas.ss, demoLedgerScored());
    const script = loadBundle(built.code, gas);
    script.call("tallyResults");
    const results = gas.ss.tab("Kết quả")!;
    const firstRows = results.values().length;
    // The secretariat's own touches: a note two columns right of the block, a wider column A, a protection.
    results.put(3, 15, typedIn("đã gửi Chủ tịch"));
    results.widths.set(1, 333);
    const guard = results.protect();
    // A shorter block next time: the old rows below it must go.
    const entries = demoLedgerScored().get("Bài dự thi")!.slice(0, 6);
    gas.ss.tab("Bài dự thi")!.clear().load(entries);
    gas.log.reset();
    script.call("tallyResults");
    expect(gas.ss.tab("Kết quả")).toBe(results);
    expect(results.protections).toContain(guard);
    expect(results.widths.get(1)).toBe(333);
    expect(results.values()[2]![14]).toBe("đã gửi Chủ tịch");
    const now = results.values().filter((r) => r.slice(0, 11).some((v) => v !== "")).length;
    expect(now).toBeLessThan(firstRows);
    expect(gas.log.counts.get("Sheet.clear") ?? 0).toBe(0);
  });
});

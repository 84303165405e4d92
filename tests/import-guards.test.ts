import { afterAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Grid } from "../shared/cells/cell.js";
import { readContest } from "../shared/ledger/read-contest.js";
import { initiativeDemoSheets } from "../shared/samples/initiative-demo.js";
import { importWorkbooks } from "../shared/tasks/import.js";
import { JUDGE_SCORE_SHEET, judgeWorkbooks, scoreTableOf } from "../shared/tasks/judge-sheets.js";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import { gridsOf } from "./support/grids.js";
import { removeFolder, runCli, sha256, tempFolder } from "./support/cli-run.js";
import { resultOf, runSpec } from "./support/contest-ledger.js";

const NOW = Date.UTC(2020, 9, 20, 3);

function demoLedger(): Map<string, Grid | undefined> {
  return gridsOf(initiativeDemoSheets());
}

/** GK2's blank scoring workbook as grids, as the judge would return it. */
function judgeBook(ledger: Map<string, Grid | undefined>, judge: string): Map<string, Grid> {
  const book = judgeWorkbooks(readContest(ledger).ledger).find((b) => b.judge.code === judge)!;
  return new Map([...book.sheets, book.meta].map((s) => [s.name, s.rows.map((r) => [...r])]));
}

describe("a judge's notes come back with the scores", () => {
  it("a note alone is imported into Điểm's Ghi chú, and a different note later is a conflict", () => {
    const ledger = demoLedger();
    const book = judgeBook(ledger, "GK2");
    const grid = book.get(JUDGE_SCORE_SHEET)!;
    const table = scoreTableOf(grid);
    const noteCol = table.header.indexOf("Ghi chú");
    grid[table.first]![noteCol] = "Cần xác minh số liệu";
    const first = importWorkbooks(ledger, [{ file: "gk2.xlsx", sheets: book }], { replace: false, now: NOW });
    const edits = first.edits.find((e) => e.sheet === "Điểm")!.edits;
    expect(edits.some((e) => e.value === "Cần xác minh số liệu")).toBe(true);
    expect(first.problems.errorCount).toBe(0);

    const merged = new Map(ledger);
    const scores = (ledger.get("Điểm") ?? []).map((r) => [...r]);
    for (const e of edits) {
      while (scores.length <= e.row) scores.push([]);
      scores[e.row]![e.col] = e.value;
    }
    merged.set("Điểm", scores);
    grid[table.first]![noteCol] = "Một ghi chú khác";
    const second = importWorkbooks(merged, [{ file: "gk2.xlsx", sheets: book }], { replace: false, now: NOW });
    expect(second.problems.errorCount).toBe(1);
    expect(second.problems.items[0]!.text.vi).toContain("ghi chú");
  });
});

describe("a unit's registration workbook", () => {
  const registration = (rows: Grid): Map<string, Grid> => new Map([["Bài dự thi", [["Mã bài", "Tên bài", "Mã đơn vị", "Trạng thái"], ...rows]]]);

  it("adds a column the ledger lacks instead of dropping the value", () => {
    const ledger = demoLedger();
    const entries = ledger.get("Bài dự thi")!.map((r) => r.filter((_, i) => i !== 8));
    ledger.set("Bài dự thi", entries); // no `Trạng thái` column in the ledger
    const result = importWorkbooks(ledger, [{ file: "don-vi.xlsx", sheets: registration([["SK03", entries[3]![1]!, "PVHTT", "Rút"]]) }], {
      replace: false,
      now: NOW,
    });
    const edits = result.edits.find((e) => e.sheet === "Bài dự thi")!.edits;
    expect(edits.some((e) => e.row === 0 && e.value === "Trạng thái")).toBe(true);
    expect(edits.some((e) => e.value === "Rút")).toBe(true);
  });

  it("does not add a code twice when the workbook repeats it", () => {
    const result = importWorkbooks(
      demoLedger(),
      [
        {
          file: "don-vi.xlsx",
          sheets: registration([
            ["SK90", "Bài mới", "XPT", null],
            ["sk90", "Bài mới", "XPT", null],
          ]),
        },
      ],
      { replace: false, now: NOW },
    );
    const codeEdits = result.edits.find((e) => e.sheet === "Bài dự thi")!.edits.filter((e) => e.col === 0);
    expect(codeEdits).toHaveLength(1);
    expect(result.reports[0]).toMatchObject({ added: 1, same: 1 });
  });
});

describe("import refuses a first file that is not a ledger", () => {
  const dir = tempFolder("import-order");
  afterAll(() => removeFolder(dir));

  it("exits 2 and leaves both files untouched when the arguments are swapped", async () => {
    const ledgerFile = path.join(dir, "so.xlsx");
    const ledger = XlsxWorkbook.empty();
    for (const s of initiativeDemoSheets()) ledger.replaceSheet(s);
    await ledger.save(ledgerFile);
    const judged = await runCli(["judge-sheets", ledgerFile, "--out", dir]);
    expect(judged.code).toBe(0);
    const judgeFile = path.join(dir, "phieu-cham-gk1.xlsx");
    const before = [sha256(judgeFile), sha256(ledgerFile)];
    const swapped = await runCli(["import", judgeFile, ledgerFile]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain("không phải sổ cuộc thi");
    expect([sha256(judgeFile), sha256(ledgerFile)]).toEqual(before);
  });
});

describe("Chuẩn hóa ignores entries that cannot be ranked", () => {
  it("marking an entry late does not change the others' normalised scores", () => {
    const spec = (lateReceived: string) =>
      runSpec({
        settings: [
          ["Cách tính điểm", "Chuẩn hóa"],
          ["Nhận bài đến ngày", "10/10/2020"],
        ],
        entries: [
          { code: "A", received: "01/10/2020" },
          { code: "B", received: "01/10/2020" },
          { code: "C", received: "01/10/2020" },
          { code: "L", received: lateReceived },
        ],
        scores: [
          ["A", "G1", 90],
          ["B", "G1", 80],
          ["C", "G1", 70],
          ["L", "G1", 20],
          ["A", "G2", 60],
          ["B", "G2", 50],
          ["C", "G2", 45],
          ["L", "G2", 99],
        ],
      });
    const withoutLate = runSpec({
      settings: [
        ["Cách tính điểm", "Chuẩn hóa"],
        ["Nhận bài đến ngày", "10/10/2020"],
      ],
      entries: [
        { code: "A", received: "01/10/2020" },
        { code: "B", received: "01/10/2020" },
        { code: "C", received: "01/10/2020" },
      ],
      scores: [
        ["A", "G1", 90],
        ["B", "G1", 80],
        ["C", "G1", 70],
        ["A", "G2", 60],
        ["B", "G2", 50],
        ["C", "G2", 45],
      ],
    });
    const late = spec("15/10/2020");
    for (const code of ["A", "B", "C"]) expect(resultOf(late, code).score).toEqual(resultOf(withoutLate, code).score);
    expect(resultOf(late, "L").rank).toBeUndefined();
  });
});

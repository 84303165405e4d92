import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { DEMO_RETURNED_SCORES } from "../shared/samples/initiative-demo.js";
import { JUDGE_SCORE_SHEET } from "../shared/tasks/judge-sheets.js";
import { columnIndex, demoSheets, editBook, fillJudgeBook, plainSheet, readGrids, rowByCode, sheetGrid, writeBook } from "./support/cli-books.js";
import { type CliRun, removeFolder, runCli, stackTraceLines, tempFolder } from "./support/cli-run.js";
import { normaliseGrid } from "./support/scenarios.js";

/**
 * `thidua import`: the whole flow a secretariat follows — ledger, judges' workbooks, a judge fills
 * theirs in, import — and every refusal that protects the ledger.
 */

const CRITERIA = ["TC1", "TC2", "TC3", "TC4"];
const GK2 = DEMO_RETURNED_SCORES["GK2"]!;
const GK3 = DEMO_RETURNED_SCORES["GK3"]!;
const countScores = (byEntry: Readonly<Record<string, readonly number[]>>): number => Object.values(byEntry).reduce((n, v) => n + v.length, 0);

let dir: string;
/** The ledger as it was when the judges' workbooks went out. */
let original: string;
let blankDir: string;
let filledGk2: string;
let filledGk3: string;
let counter = 0;

beforeAll(async () => {
  dir = tempFolder("import");
  original = path.join(dir, "so-goc.xlsx");
  blankDir = path.join(dir, "phieu-cham");
  const returned = path.join(dir, "phieu-da-cham");
  mkdirSync(returned);
  await writeBook(original, demoSheets());
  const made = await runCli(["judge-sheets", original, "--out", blankDir]);
  expect(made.code).toBe(0);
  filledGk2 = path.join(returned, "phieu-cham-gk2.xlsx");
  filledGk3 = path.join(returned, "phieu-cham-gk3.xlsx");
  await fillJudgeBook(path.join(blankDir, "phieu-cham-gk2.xlsx"), filledGk2, GK2);
  await fillJudgeBook(path.join(blankDir, "phieu-cham-gk3.xlsx"), filledGk3, GK3);
});
afterAll(() => removeFolder(dir));

/** A fresh copy of the original ledger, optionally changed (as the secretariat would in Excel). */
async function freshLedger(change?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = path.join(dir, `so-${++counter}.xlsx`);
  if (change) await editBook(original, file, change);
  else copyFileSync(original, file);
  return file;
}

/** A judge's workbook changed after filling (a slip, or a returned sheet someone edited). */
async function alteredCopy(from: string, name: string, change: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const to = path.join(dir, name);
  await editBook(from, to, (wb) => change(wb.getWorksheet(JUDGE_SCORE_SHEET)!));
  return to;
}

function rowNumberOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
  throw new Error(`no row ${code}`);
}

/** A judge's criterion scores per entry, as `Điểm` holds them. */
function scoresOf(grids: ReadonlyMap<string, Grid>, judge: string): Map<string, Cell[]> {
  const scores = sheetGrid(grids, "Điểm");
  const [entry, gk] = [columnIndex(scores, "Mã bài"), columnIndex(scores, "Mã GK")];
  const cols = CRITERIA.map((c) => columnIndex(scores, c));
  const out = new Map<string, Cell[]>();
  for (const r of scores.slice(1)) {
    if (r[gk] !== judge) continue;
    expect(out.has(String(r[entry])), `one row per entry and judge (${String(r[entry])})`).toBe(false);
    out.set(
      String(r[entry]),
      cols.map((c) => r[c] ?? null),
    );
  }
  return out;
}

function logRows(grids: ReadonlyMap<string, Grid>): Cell[][] {
  const log = sheetGrid(grids, "Nhật ký");
  expect(log[0]).toEqual(["Thời điểm", "Tệp", "Giám khảo", "Nội dung"]);
  return normaliseGrid(log).slice(1);
}

/** `dd/mm/yyyy hh:mm:ss` read as Vietnam's wall-clock time. */
function instantOfStamp(stamp: Cell): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(stamp));
  if (!m) throw new Error(`not dd/mm/yyyy hh:mm:ss: ${String(stamp)}`);
  const [d, mo, y, h, mi, s] = m.slice(1).map(Number);
  return Date.UTC(y!, mo! - 1, d!, h! - 7, mi!, s!);
}

function expectRefusedWith(run: CliRun, message: string): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(message);
  expect(stackTraceLines(run.stdout + run.stderr)).toEqual([]);
}

describe("importing judges' workbooks", () => {
  it("adds the new scores, logs the import, and a second import of the same file changes nothing", async () => {
    const ledger = await freshLedger();
    const start = Date.now() - 1000;
    const first = await runCli(["import", ledger, filledGk2]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`phieu-cham-gk2.xlsx (GK2): Thêm ${countScores(GK2)} điểm; 0 giống hệt`);
    const afterFirst = await readGrids(ledger);
    const gk2 = scoresOf(afterFirst, "GK2");
    expect(Object.fromEntries(gk2)).toEqual(GK2);

    const second = await runCli(["import", ledger, filledGk2]);
    const end = Date.now() + 1000;
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Thêm 0 điểm; ${countScores(GK2)} giống hệt; 0 khác (không ghi đè); 0 ghi đè`);
    const afterSecond = await readGrids(ledger);
    expect(normaliseGrid(sheetGrid(afterSecond, "Điểm"))).toEqual(normaliseGrid(sheetGrid(afterFirst, "Điểm")));

    const log = logRows(afterSecond);
    expect(log).toHaveLength(2);
    for (const row of log) {
      const t = instantOfStamp(row[0] ?? null);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThanOrEqual(end);
      expect(row.slice(1, 3)).toEqual(["phieu-cham-gk2.xlsx", "GK2"]);
    }
    expect(log[0]![3]).toMatch(new RegExp(`^Thêm ${countScores(GK2)} điểm`));
    expect(log[1]![3]).toMatch(/^Thêm 0 điểm/);
  });

  it("refuses a different value for an existing (entry, judge, criterion), exit 1, keeping the old one; --replace overwrites and logs it", async () => {
    const ledger = await freshLedger();
    expect((await runCli(["import", ledger, filledGk2])).code).toBe(0);
    const before = await readGrids(ledger);
    const old = GK2["SK02"]![0]!;
    const changed = await alteredCopy(filledGk2, "phieu-cham-gk2-sua.xlsx", (ws) => {
      ws.getCell(rowNumberOf(ws, "SK02"), 4).value = old - 6;
    });

    const refused = await runCli(["import", ledger, changed]);
    expectRefusedWith(refused, `Bài “SK02”, giám khảo “GK2”, tiêu chí “TC1”: sổ đang có ${old}, tệp nhập có ${old - 6}`);
    const kept = await readGrids(ledger);
    expect(normaliseGrid(sheetGrid(kept, "Điểm"))).toEqual(normaliseGrid(sheetGrid(before, "Điểm")));
    expect(logRows(kept).at(-1)?.[3]).toContain("1 khác (không ghi đè); 0 ghi đè");

    const replaced = await runCli(["import", ledger, changed, "--replace"]);
    expect(replaced.code).toBe(0);
    const after = await readGrids(ledger);
    expect(scoresOf(after, "GK2").get("SK02")).toEqual([old - 6, ...GK2["SK02"]!.slice(1)]);
    const last = logRows(after).at(-1)!;
    expect(last.slice(1, 3)).toEqual(["phieu-cham-gk2-sua.xlsx", "GK2"]);
    expect(last[3]).toContain("0 khác (không ghi đè); 1 ghi đè");
  });

  it("refuses a workbook from another contest", async () => {
    const otherName = "Hội thi ý tưởng chuyển đổi số năm 2021";
    const otherLedger = path.join(dir, "so-khac.xlsx");
    await writeBook(
      otherLedger,
      demoSheets((rows) => {
        rows.get("Cuộc thi")!.find((r) => r[0] === "Tên cuộc thi")![1] = otherName;
      }),
    );
    const otherDir = path.join(dir, "phieu-cuoc-thi-khac");
    expect((await runCli(["judge-sheets", otherLedger, "--out", otherDir])).code).toBe(0);
    const foreign = path.join(dir, "phieu-cham-gk2-cuoc-thi-khac.xlsx");
    await fillJudgeBook(path.join(otherDir, "phieu-cham-gk2.xlsx"), foreign, GK2);

    const ledger = await freshLedger();
    const before = await readGrids(ledger);
    const run = await runCli(["import", ledger, foreign]);
    expectRefusedWith(run, `Phiếu chấm thuộc cuộc thi “${otherName}”`);
    const after = await readGrids(ledger);
    expect(normaliseGrid(sheetGrid(after, "Điểm"))).toEqual(normaliseGrid(sheetGrid(before, "Điểm")));
    expect(logRows(after)).toEqual([[expect.any(String), path.basename(foreign), "GK2", expect.stringMatching(/^Từ chối/)]]);
  });

  it("refuses workbooks whose entry list was altered (row deleted, code changed), while merging a sound one given with them", async () => {
    const deleted = await alteredCopy(filledGk2, "phieu-cham-gk2-xoa-dong.xlsx", (ws) => ws.spliceRows(rowNumberOf(ws, "SK05"), 1));
    const recoded = await alteredCopy(filledGk2, "phieu-cham-gk2-doi-ma.xlsx", (ws) => {
      ws.getCell(rowNumberOf(ws, "SK03"), 1).value = "SK13";
    });
    const ledger = await freshLedger();
    const run = await runCli(["import", ledger, deleted, recoded, filledGk3]);
    expect(run.code).toBe(1);
    const altered = run.stdout.split("\n").filter((l) => l.includes("Danh sách bài trong phiếu chấm đã bị thay đổi"));
    expect(altered).toHaveLength(2);
    expect(altered[0]).toContain(path.basename(deleted));
    expect(altered[1]).toContain(path.basename(recoded));
    const after = await readGrids(ledger);
    expect(scoresOf(after, "GK2").size).toBe(0);
    expect(Object.fromEntries(scoresOf(after, "GK3"))).toEqual(GK3);
    expect(logRows(after).map((r) => [r[1], String(r[3]).split(";")[0]])).toEqual([
      [path.basename(deleted), expect.stringMatching(/^Từ chối/)],
      [path.basename(recoded), expect.stringMatching(/^Từ chối/)],
      [path.basename(filledGk3), `Thêm ${countScores(GK3)} điểm`],
    ]);
  });

  it("refuses a workbook whose rubric changed in the ledger since it was made", async () => {
    const ledger = await freshLedger((wb) => {
      const ws = wb.getWorksheet("Tiêu chí")!;
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === "TC4") ws.getCell(r, 3).value = 20;
    });
    const before = await readGrids(ledger);
    const run = await runCli(["import", ledger, filledGk2]);
    expectRefusedWith(run, "Tiêu chí chấm trong phiếu khác với trang “Tiêu chí” hiện tại");
    const after = await readGrids(ledger);
    expect(normaliseGrid(sheetGrid(after, "Điểm"))).toEqual(normaliseGrid(sheetGrid(before, "Điểm")));
    expect(sheetGrid(after, "Tiêu chí")).toEqual(sheetGrid(before, "Tiêu chí"));
  });

  it("refuses a workbook whose judge is not in the ledger", async () => {
    const ledger = await freshLedger((wb) => {
      const ws = wb.getWorksheet("Giám khảo")!;
      for (let r = ws.rowCount; r >= 2; r--) if (ws.getCell(r, 1).value === "GK3") ws.spliceRows(r, 1);
    });
    const grids = await readGrids(ledger);
    expect(sheetGrid(grids, "Giám khảo").some((r) => r[0] === "GK3")).toBe(false);
    const run = await runCli(["import", ledger, filledGk3]);
    expectRefusedWith(run, "Giám khảo “GK3” của phiếu chấm không có trong trang “Giám khảo”");
    const after = await readGrids(ledger);
    expect(normaliseGrid(sheetGrid(after, "Điểm"))).toEqual(normaliseGrid(sheetGrid(grids, "Điểm")));
    expect(logRows(after)).toEqual([[expect.any(String), "phieu-cham-gk3.xlsx", "GK3", expect.stringMatching(/^Từ chối/)]]);
  });
});

describe("importing a units' registration workbook", () => {
  it("adds new entries and refuses different values for existing codes", async () => {
    const ledger = await freshLedger();
    const before = await readGrids(ledger);
    const ledgerEntries = sheetGrid(before, "Bài dự thi");
    const sk02 = rowByCode(ledgerEntries, "SK02");
    const sk03 = rowByCode(ledgerEntries, "SK03");
    const registration = path.join(dir, "dang-ky-bai-xa-phuoc-tan.xlsx");
    await writeBook(registration, [
      plainSheet("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị", "Tác giả", "Ngày nhận"],
        ["SK15", "Bản đồ số các điểm tiếp nhận hồ sơ của xã", "XPT", "Lương Thị Yến", "05/10/2020"],
        ["SK02", sk02[1]!, sk02[3]!, sk02[4]!, null],
        ["SK03", "Tuyên truyền qua loa phát thanh", sk03[3]!, sk03[4]!, null],
      ]),
    ]);
    const run = await runCli(["import", ledger, registration]);
    expectRefusedWith(run, `Bài “SK03”, cột “Tên bài”: sổ đang có “${String(sk03[1])}”, tệp nhập có “Tuyên truyền qua loa phát thanh”`);
    const after = await readGrids(ledger);
    const entries = sheetGrid(after, "Bài dự thi");
    const added = rowByCode(entries, "SK15");
    const cols = ["Tên bài", "Mã đơn vị", "Tác giả", "Ngày nhận"].map((h) => columnIndex(entries, h));
    expect(cols.map((c) => added[c])).toEqual(["Bản đồ số các điểm tiếp nhận hồ sơ của xã", "XPT", "Lương Thị Yến", "05/10/2020"]);
    expect(rowByCode(entries, "SK03")).toEqual(sk03);
    expect(rowByCode(entries, "SK02")).toEqual(sk02);
    expect(entries.filter((r) => r[0] === "SK15")).toHaveLength(1);
    expect(logRows(after)).toEqual([[expect.any(String), path.basename(registration), null, "Thêm 1 bài dự thi; 1 giống hệt; 1 khác (không ghi đè); 0 ghi đè"]]);
  });
});

import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cell, type Grid, isBlank } from "../shared/cells/cell.js";
import { runEmulation } from "../shared/emulation/run.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { initiativeDemoSheets } from "../shared/samples/initiative-demo.js";
import { templateSheets } from "../shared/samples/templates.js";
import { quizDemoSheets } from "../shared/samples/quiz-demo.js";
import { NEW_YEAR_REFUSED, type NewYear, newYearLedger, shiftDate } from "../shared/tasks/new-year.js";
import { Refusal } from "../shared/tasks/refusal.js";
import { plainSheet, readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { removeFolder, runCli, sha256, tempFolder } from "./support/cli-run.js";
import { gridsOf } from "./support/grids.js";
import { applyEdits } from "./support/edits.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { dateOfDay, dayFromParts } from "../shared/cells/date.js";

/** `thidua new-year`: next year's ledger from this year's. */

let dir: string;
beforeAll(() => {
  dir = tempFolder("new-year");
});
afterAll(() => removeFolder(dir));

/** The workbook as the host leaves it: this year's grids with the edits made and the outputs written. */
const after = (grids: ReadonlyMap<string, Grid | undefined>, next: NewYear): Map<string, Grid> => {
  const sheets = applyEdits(grids, next.edits);
  for (const o of next.outputs) sheets.set(o.name, o.rows);
  return sheets;
};
const blankBelowHeader = (grid: Grid): boolean => grid.slice(1).every((r) => r.every(isBlank));
const valueOf = (settings: Grid, key: string): Cell | undefined => settings.find((r) => r[0] === key)?.[1];

describe("moving a date to another year", () => {
  it("keeps the day and the way it was written, and 29/02 becomes 28/02 in a year without it", () => {
    expect(shiftDate("25/11/2023", 1)).toBe("25/11/2024");
    expect(shiftDate("1/6/2023 08:15:00", 1)).toBe("1/6/2024 08:15:00");
    expect(shiftDate("29/02/2024", 1)).toBe("28/02/2025");
    expect(shiftDate(new Date(Date.UTC(2023, 11, 10)), 2)).toEqual(new Date(Date.UTC(2025, 11, 10)));
    expect(shiftDate("Tuần 1", 1)).toBe("Tuần 1");
    // Every way the ledger reads a date in text, written back the same way.
    expect(shiftDate("25.11.2023", 1)).toBe("25.11.2024");
    expect(shiftDate("25-11-2023 17:00", 1)).toBe("25-11-2024 17:00");
    expect(shiftDate("2023-11-25", 1)).toBe("2024-11-25");
    expect(shiftDate("2024-2-29T08:00", 1)).toBe("2025-2-28T08:00");
    expect(shiftDate("31/02/2023", 1)).toBe("31/02/2023");
    expect(shiftDate("12/03/2023 theo Quyết định số 15", 1)).toBe("12/03/2023 theo Quyết định số 15");
    // A date cell as read from a workbook is the Vietnam midnight of its day (17:00 UTC the day before).
    const vn = (y: number, m: number, d: number): Date => dateOfDay(dayFromParts(y, m, d)!);
    expect(shiftDate(vn(2023, 3, 1), 1)).toEqual(vn(2024, 3, 1));
    expect(shiftDate(vn(2024, 2, 29), 1)).toEqual(vn(2025, 2, 28));
    expect(shiftDate(vn(2027, 3, 1), 1)).toEqual(vn(2028, 3, 1));
    expect(shiftDate(2023, 1)).toBe(2023);
    // Excel hands a date cell to the add-in as its serial number: moved where the place holds a date.
    expect(shiftDate(45078, 1, true)).toBe(45444); // 01/06/2023 → 01/06/2024
    expect(shiftDate(45078.75, 1, true)).toBe(45444.75);
    expect(shiftDate(45351, 1, true)).toBe(45716); // 29/02/2024 → 28/02/2025
    expect(shiftDate(45078, 1)).toBe(45078);
  });
});

describe("an award review's next year", () => {
  const grids = gridsOf(emulationDemoSheets());
  grids.set("Biểu đồ của Tổ thư ký", [["Ghi chú riêng"]]);
  grids.set("Danh sách khen thưởng", [
    ["STT", "Họ và tên"],
    [1, "Nguyễn Văn A"],
  ]);
  const next = newYearLedger(grids);
  const sheets = after(grids, next);

  it("is 2024 after 2023: the year, the deadlines move; units, criteria and quotas stay", () => {
    expect([next.from, next.to]).toEqual([2023, 2024]);
    expect(valueOf(sheets.get("Phong trào")!, "Năm")).toBe(2024);
    expect(
      sheets
        .get("Chỉ tiêu khen thưởng")!
        .slice(1)
        .map((r) => [r[0], r[2], r[3]]),
    ).toEqual([
      ["Giấy khen của Chủ tịch UBND xã", 1, "25/11/2024"],
      ["Giấy khen của Chủ tịch UBND xã", 3, "25/11/2024"],
      ["Giấy khen của Chủ tịch UBND huyện", 1, "10/12/2024"],
      ["Giấy khen của Chủ tịch UBND huyện", 1, "10/12/2024"],
    ]);
    expect(sheets.get("Đơn vị")).toEqual(grids.get("Đơn vị"));
    expect(sheets.get("Tiêu chí khen thưởng")).toEqual(grids.get("Tiêu chí khen thưởng"));
  });

  it("clears the proposals below their header, empties thidua's outputs, and leaves the secretariat's own sheet alone", () => {
    const proposals = sheets.get("Đề nghị khen thưởng")!;
    expect(proposals[0]).toEqual(grids.get("Đề nghị khen thưởng")![0]);
    expect(proposals.length).toBe(grids.get("Đề nghị khen thưởng")!.length);
    expect(blankBelowHeader(proposals)).toBe(true);
    expect(next.cleared).toEqual(["Đề nghị khen thưởng"]);
    expect(sheets.get("Danh sách khen thưởng")).toEqual([]);
    expect(next.emptied).toEqual(["Danh sách khen thưởng"]);
    expect(next.untouched).toEqual(["Biểu đồ của Tổ thư ký"]);
    expect(next.edits.map((e) => e.sheet)).not.toContain("Biểu đồ của Tổ thư ký");
    expect(next.edits.map((e) => e.sheet)).not.toContain("Đơn vị");
  });

  it("changes only the cells that change: the year and the quotas' deadlines", () => {
    const edited = (sheet: string): string[] => next.edits.find((e) => e.sheet === sheet)!.edits.map((e) => `${e.row},${e.col}`);
    const settings = grids.get("Phong trào")!;
    expect(edited("Phong trào")).toContain(`${settings.findIndex((r) => r[0] === "Năm")},1`);
    expect(edited("Chỉ tiêu khen thưởng")).toEqual(["1,3", "2,3", "3,3", "4,3"]);
  });

  it("keeps each collective's rank (THU_HANG, the base of TANG_HANG) by unit in Thứ hạng năm trước", () => {
    expect(sheets.get("Thứ hạng năm trước")).toEqual([
      ["Mã đơn vị", "Tên đơn vị", "THU_HANG"],
      ["BPMC", "Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh", 2],
      ["APH", "Ban nhân dân ấp Phú Hòa", 8],
      ["ATL", "Ban nhân dân ấp Thạnh Lợi", 9],
      ["VPTK", "Văn phòng - Thống kê", 1],
    ]);
    expect(next.ranksKept).toBe(4);
  });

  it("next year, a blank TANG_HANG is last year's rank minus this year's: 9 → 4 gains 5 (met), 2 → 4 loses 2 (not met)", () => {
    const nextGrids = new Map<string, Grid | undefined>(sheets);
    const header = nextGrids.get("Đề nghị khen thưởng")![0]!;
    const row = (code: string, unit: string, rank: number): Cell[] =>
      header.map((h) => {
        const values: Record<string, Cell> = {
          Mã: code,
          Loại: "Tập thể",
          Tên: `Tập thể ${unit}`,
          "Mã đơn vị": unit,
          "Cấp khen": "Giấy khen của Chủ tịch UBND xã",
          THU_HANG: rank,
          "Ngày nộp hồ sơ": "20/11/2024",
          Điểm: 90,
        };
        for (const yes of ["HT_NV", "KHONG_TRE_HAN", "BAO_CAO", "KHONG_KY_LUAT", "Tờ trình", "Biên bản họp", "Báo cáo thành tích"]) values[yes] = "Có";
        return values[String(h)] ?? null;
      });
    nextGrids.set("Đề nghị khen thưởng", [header, row("A", "ATL", 4), row("B", "BPMC", 4)]);
    const review = runEmulation(nextGrids);
    expect(review.result.candidates.map((c) => [c.candidate.code, c.outcome])).toEqual([
      ["A", "awarded"],
      ["B", "notEligible"],
    ]);
    expect(review.result.candidates[1]!.failures[0]!.value).toBe("THU_HANG: 4; TANG_HANG: -2 (THU_HANG: năm trước 2, năm nay 4)");
  });
});

describe("Tăng bậc từ tiêu chí as typed", () => {
  it("must name another comparison criterion, on a comparison: otherwise an error at its cell, and the column is not used", () => {
    const grids = gridsOf(emulationDemoSheets());
    const criteria = grids.get("Tiêu chí khen thưởng")!;
    const gainCol = criteria[0]!.indexOf("Tăng bậc từ tiêu chí");
    criteria.find((r) => r[0] === "TANG_HANG")![gainCol] = "KHONG_CO";
    criteria.find((r) => r[0] === "BAO_CAO")![gainCol] = "THU_HANG";
    const review = runEmulation(grids);
    const errors = review.problems.filter((p) => p.severity === "error").map((p) => `${problemAddress(p)} ${p.text.vi.slice(0, 60)}`);
    expect(errors).toEqual([
      `Tiêu chí khen thưởng!G4 Tiêu chí “TANG_HANG” “Tăng bậc từ tiêu chí” “KHONG_CO”: cần `,
      `Tiêu chí khen thưởng!G6 Tiêu chí “BAO_CAO” “Tăng bậc từ tiêu chí” “THU_HANG”: cần là`,
    ]);
    expect(review.ledger.criteria.filter((c) => c.gainOf !== undefined)).toEqual([]);
  });
});

describe("a judged contest's and a quiz's next year", () => {
  it("moves the receiving dates and the year in the contest's name, empties entries and scores", () => {
    const grids = gridsOf(initiativeDemoSheets());
    const next = newYearLedger(grids);
    const sheets = after(grids, next);
    const settings = sheets.get("Cuộc thi")!;
    expect(valueOf(settings, "Năm")).toBe(2021);
    expect(valueOf(settings, "Nhận bài từ ngày")).toBe("15/08/2021");
    expect(valueOf(settings, "Nhận bài đến ngày")).toBe("10/10/2021");
    expect(next.cleared).toEqual(["Bài dự thi", "Điểm"]);
    expect(blankBelowHeader(sheets.get("Bài dự thi")!) && blankBelowHeader(sheets.get("Điểm")!)).toBe(true);
  });

  it("moves the weeks, keeps the weeks of Đáp án dự đoán without last year's answers, to the year asked", () => {
    const grids = gridsOf(quizDemoSheets());
    const next = newYearLedger(grids, 2026);
    expect(next.cleared).toContain("Đáp án dự đoán");
    expect(next.carried).not.toContain("Đáp án dự đoán");
    const sheets = after(grids, next);
    expect(sheets.get("Tuần thi")![1]).toEqual([1, "01/06/2026", "07/06/2026"]);
    expect(
      sheets
        .get("Đáp án dự đoán")!
        .slice(1)
        .map((r) => [r[0], r.slice(1).every(isBlank)]),
    ).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
    ]);
  });

  it("moves the year in the name only, never a decision's number or a school year, and only the date columns of a carried sheet", () => {
    const grids = gridsOf(initiativeDemoSheets());
    const settings = grids.get("Cuộc thi")!;
    settings.find((r) => r[0] === "Tên cuộc thi")![1] = "Hội thi sáng kiến năm 2020 (năm học 2020-2021)";
    settings.push(["Căn cứ", "Quyết định số 2020/QĐ-UBND ngày 12/03/2020"]);
    const units = grids.get("Đơn vị")!;
    units[1]![2] = "12/03/2020";
    const next = after(grids, newYearLedger(grids));
    expect(valueOf(next.get("Cuộc thi")!, "Tên cuộc thi")).toBe("Hội thi sáng kiến năm 2021 (năm học 2020-2021)");
    expect(valueOf(next.get("Cuộc thi")!, "Căn cứ")).toBe("Quyết định số 2020/QĐ-UBND ngày 12/03/2020");
    expect(next.get("Đơn vị")![1]![2]).toBe("12/03/2020");
  });

  it("needs a year when the ledger gives none, and then writes it into the settings", () => {
    const grids = gridsOf(initiativeDemoSheets());
    grids.set(
      "Cuộc thi",
      grids.get("Cuộc thi")!.filter((r) => r[0] !== "Năm"),
    );
    expect(() => newYearLedger(grids)).toThrow(new Refusal(NEW_YEAR_REFUSED.noYear));
    const next = newYearLedger(grids, 2021);
    expect([next.from, next.to]).toEqual([2020, 2021]);
    const settings = after(grids, next).get("Cuộc thi")!;
    expect(settings[settings.length - 1]).toEqual(["Năm", 2021]);
    expect(valueOf(settings, "Nhận bài từ ngày")).toBe("15/08/2021");
  });

  it("refuses a workbook that is not a ledger, and a new year that is not after the ledger's", () => {
    expect(() => newYearLedger(new Map([["Phiếu chấm GK1", [["Mã bài", "ND"]]]]), 2025)).toThrow(new Refusal(NEW_YEAR_REFUSED.notLedger));
    const grids = gridsOf(initiativeDemoSheets());
    expect(() => newYearLedger(grids, 2020)).toThrow(new Refusal(NEW_YEAR_REFUSED.notAfter(2020, 2020)));
    expect(() => newYearLedger(grids, 2019)).toThrow("The new year (2019) must come after the ledger's (2020)");
    expect(newYearLedger(grids, 2022).to).toBe(2022);
  });
});

describe("a ledger as the Excel add-in and other programs hand it over", () => {
  it("moves dates given as serial numbers in date columns and date settings, never another number", () => {
    const grids = gridsOf(templateSheets("truc-tuyen", { year: 2023 }));
    const weeks = grids.get("Tuần thi")!;
    weeks[1] = [1, 45078, 45084];
    const settings = grids.get("Cuộc thi")!;
    settings.find((r) => r[0] === "Nhận bài từ ngày")![1] = 45078;
    const sheets = after(grids, newYearLedger(grids, 2026));
    expect(sheets.get("Tuần thi")![1]).toEqual([1, 46174, 46180]);
    expect(valueOf(sheets.get("Cuộc thi")!, "Nhận bài từ ngày")).toBe(46174);
    expect(valueOf(sheets.get("Cuộc thi")!, "Số chữ số thập phân")).toBe(2);
  });

  it("knows thidua's own sheets however their names are cased", () => {
    const grids = gridsOf(emulationDemoSheets());
    grids.set("KẾT QUẢ", [["Hạng"], [1]]);
    grids.set("THỨ HẠNG NĂM TRƯỚC", [
      ["Mã đơn vị", "Tên đơn vị", "THU_HANG"],
      ["BPMC", "…", 5],
    ]);
    const next = newYearLedger(grids);
    expect(next.emptied).toEqual(["KẾT QUẢ"]);
    expect(next.untouched).toEqual([]);
    expect(next.outputs.map((o) => o.name)).toEqual(["Thứ hạng năm trước", "KẾT QUẢ"]);
  });

  it("gives an empty settings sheet its header and the year asked", () => {
    const grids = gridsOf(initiativeDemoSheets());
    grids.set("Cuộc thi", []);
    expect(after(grids, newYearLedger(grids, 2021)).get("Cuộc thi")).toEqual([
      ["Mục", "Giá trị"],
      ["Năm", 2021],
    ]);
  });
});

describe("thidua new-year", () => {
  it("writes a new ledger the tool accepts, and never overwrites a file", async () => {
    const from = path.join(dir, "nam-2023.xlsx");
    const to = path.join(dir, "nam-2024.xlsx");
    await writeBook(from, emulationDemoSheets());
    const before = sha256(from);
    const run = await runCli(["new-year", from, "--out", to]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Đã tạo sổ năm 2024 từ sổ năm 2023: ${to}`);
    expect(sha256(from)).toBe(before);
    expect(sheetGrid(await readGrids(to), "Chỉ tiêu khen thưởng")[1]![3]).toBe("25/11/2024");
    const check = await runCli(["check", to]);
    expect(check.code).toBe(0);
    const again = await runCli(["new-year", from, "--out", to]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("đã có; không ghi đè");
    expect(existsSync(to)).toBe(true);
  });

  it("a year with no ranks to keep leaves Thứ hạng năm trước with its header, and the ledger after it checks clean", async () => {
    const first = path.join(dir, "nam-2023-b.xlsx");
    const second = path.join(dir, "nam-2024-b.xlsx");
    const third = path.join(dir, "nam-2025-b.xlsx");
    await writeBook(first, emulationDemoSheets());
    expect((await runCli(["new-year", first, "--out", second])).code).toBe(0);
    const run = await runCli(["new-year", second, "--out", third]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Trang kết quả, nhật ký để trống đến lần tính sau: Thứ hạng năm trước");
    expect(sheetGrid(await readGrids(third), "Thứ hạng năm trước")).toEqual([["Mã đơn vị", "Tên đơn vị"]]);
    const check = await runCli(["check", third]);
    expect(check.code, check.stdout).toBe(0);
  });

  it("refuses, in Vietnamese and without writing, a file that is not a ledger, a year not after the ledger's, and a folder as --out", async () => {
    const notLedger = path.join(dir, "phieu-cham.xlsx");
    await writeBook(notLedger, [
      plainSheet("Phiếu chấm GK1", [
        ["Mã bài", "ND"],
        ["SK01", 8],
      ]),
    ]);
    const refused = await runCli(["new-year", notLedger, "--out", path.join(dir, "x.xlsx"), "--year", "2025"]);
    expect([refused.code, refused.stderr.trim()]).toEqual([2, NEW_YEAR_REFUSED.notLedger.vi]);
    const ledger = path.join(dir, "nam-2020.xlsx");
    await writeBook(ledger, initiativeDemoSheets());
    const back = await runCli(["new-year", ledger, "--out", path.join(dir, "y.xlsx"), "--year", "2020"]);
    expect([back.code, back.stderr.trim()]).toEqual([2, "Năm mới (2020) phải sau năm của sổ (2020); không làm gì."]);
    const folder = path.join(dir, "thu-muc.xlsx");
    mkdirSync(folder);
    const toFolder = await runCli(["new-year", ledger, "--out", folder]);
    expect(toFolder.code).toBe(2);
    expect(toFolder.stderr).toContain("là một thư mục");
    expect(existsSync(path.join(dir, "x.xlsx")) || existsSync(path.join(dir, "y.xlsx"))).toBe(false);
  });
});

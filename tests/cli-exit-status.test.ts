import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGrids, sheetGrid, textsOf, writeBook } from "./support/cli-books.js";
import { brokenDemoSheets, scoredDemoSheets } from "./support/cli-ledgers.js";
import { type CliRun, removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";

/** Exit statuses 0 / 1 / 2 of ledger.md, the reason on stderr, and never a stack trace. */

let dir: string;
let clean: string;
let broken: string;
let errorCells: string[];
let noScores: string;
let notXlsx: string;

beforeAll(async () => {
  dir = tempFolder("exit");
  clean = path.join(dir, "sach.xlsx");
  broken = path.join(dir, "co-loi.xlsx");
  noScores = path.join(dir, "thieu-trang.xlsx");
  notXlsx = path.join(dir, "van-ban.xlsx");
  await writeBook(clean, scoredDemoSheets());
  const b = brokenDemoSheets();
  errorCells = b.errorCells;
  await writeBook(broken, b.sheets);
  await writeBook(
    noScores,
    scoredDemoSheets().filter((s) => s.name !== "Điểm"),
  );
  writeFileSync(notXlsx, "Mã bài;Tên bài\nSK01;Đây là tệp văn bản đổi đuôi thành .xlsx\n");
});
afterAll(() => removeFolder(dir));

/** Exit 2: nothing done, a reason on stderr, no stack trace. */
function expectRefused(run: CliRun, reason: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(reason);
  expect(stackTraceLines(run.stderr)).toEqual([]);
  expect(stackTraceLines(run.stdout)).toEqual([]);
}

describe("exit status 0 and 1", () => {
  it("check: 0 when no Lỗi remain, and the ledger is not written", async () => {
    const before = sha256(clean);
    const run = await runCli(["check", clean]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 lỗi");
    expect(run.stdout).not.toMatch(/^\s+Lỗi\s/m);
    expect(run.stderr).toBe("");
    expect(sha256(clean)).toBe(before);
  });

  it("check: 1 when Lỗi remain, each printed with its sheet!cell, the ledger not written", async () => {
    const before = sha256(broken);
    const run = await runCli(["check", broken]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("2 lỗi");
    for (const cell of errorCells) expect(run.stdout).toMatch(new RegExp(`^\\s+Lỗi\\s+${cell}\\s`, "m"));
    expect(stackTraceLines(run.stdout + run.stderr)).toEqual([]);
    expect(sha256(broken)).toBe(before);
  });

  it("tally: 0 with no Lỗi, and the prize list is not marked provisional", async () => {
    const file = path.join(dir, "tally-sach.xlsx");
    await writeBook(file, scoredDemoSheets());
    const run = await runCli(["tally", file]);
    expect(run.code).toBe(0);
    const list = sheetGrid(await readGrids(file), "Danh sách giải");
    expect(textsOf(list).some((t) => t.includes("TẠM TÍNH"))).toBe(false);
  });

  it("tally: 1 when Lỗi remain; the outputs are still written and the prize list says KẾT QUẢ TẠM TÍNH", async () => {
    const file = path.join(dir, "tally-co-loi.xlsx");
    await writeBook(file, brokenDemoSheets().sheets);
    const run = await runCli(["tally", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("KẾT QUẢ TẠM TÍNH");
    const grids = await readGrids(file);
    for (const sheet of ["Kết quả", "Danh sách giải", "Tổng hợp đơn vị", "Kiểm tra"]) expect(grids.has(sheet)).toBe(true);
    const list = sheetGrid(grids, "Danh sách giải");
    // Above the table (the header row is `TT …`): the banner with the number of errors.
    const headerRow = list.findIndex((r) => r[0] === "TT");
    const banner = textsOf(list.slice(0, headerRow)).find((t) => t.startsWith("KẾT QUẢ TẠM TÍNH"));
    expect(banner).toContain("còn 2 lỗi");
    const problems = sheetGrid(grids, "Kiểm tra");
    expect(problems.filter((r) => r[0] === "Lỗi").map((r) => r[1])).toEqual(expect.arrayContaining(errorCells));
    expect(sheetGrid(grids, "Kết quả").length).toBeGreaterThan(1);
  });
});

describe("exit status 2: nothing could be done", () => {
  it("an unreadable file (text renamed .xlsx) is refused by check and tally, and left as it was", async () => {
    const before = sha256(notXlsx);
    const runs = await Promise.all([runCli(["check", notXlsx]), runCli(["tally", notXlsx])]);
    for (const run of runs) expectRefused(run, `Không đọc được tệp “${notXlsx}”`);
    expect(sha256(notXlsx)).toBe(before);
  });

  it("a missing file", async () => {
    const missing = path.join(dir, "khong-co.xlsx");
    const runs = await Promise.all([runCli(["check", missing]), runCli(["import", missing, clean])]);
    for (const run of runs) expectRefused(run, `Không tìm thấy tệp “${missing}”`);
  });

  it("a missing required sheet: reported by name, nothing written", async () => {
    const before = sha256(noScores);
    const runs = await Promise.all([runCli(["check", noScores]), runCli(["tally", noScores]), runCli(["judge-sheets", noScores, "--out", path.join(dir, "phieu-thieu-trang")])]);
    for (const run of runs) expectRefused(run, "Sổ thiếu trang bắt buộc: Điểm");
    expect(sha256(noScores)).toBe(before);
  });

  it("bad arguments: the reason and the usage on stderr", async () => {
    const cases: [string[], string][] = [
      [["tally"], "Cần tên tệp sổ"],
      [["check", clean, "--frob"], "Tham số không hợp lệ: --frob"],
      [["check", clean, "--lang", "fr"], "Tham số không hợp lệ: --lang"],
      [["lam-gi-do", clean], "Tham số không hợp lệ: lam-gi-do"],
      [["judge-sheets", clean], "--out <thư mục>"],
      [[], "Cách dùng:"],
    ];
    const before = sha256(clean);
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: dir })));
    runs.forEach((run, i) => expectRefused(run, cases[i]![1]));
    expect(sha256(clean)).toBe(before);
  });

  it("a usage error is one line that points at --help, not the whole usage", async () => {
    const run = await runCli(["check", clean, "--frob"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual(["Tham số không hợp lệ: --frob (xem: thidua --help)."]);
  });

  it("init onto a name that is not .xlsx, and any output into a folder that does not exist: one clear line, nothing written", async () => {
    const cases: [string[], string][] = [
      [["init", "sang-kien", path.join(dir, "so.csv")], "phải có đuôi .xlsx"],
      [["init", "sang-kien", path.join(dir, "khong-co", "so.xlsx")], "không tồn tại"],
      [["tally", clean, "--out", path.join(dir, "khong-co", "ket-qua.xlsx")], "không tồn tại"],
      [["export", clean, "--docx", path.join(dir, "khong-co", "phu-luc.docx")], "không tồn tại"],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: dir })));
    runs.forEach((run, i) => {
      expectRefused(run, cases[i]![1]);
      expect(run.stderr).not.toContain(".thidua-tmp-");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });
    expect(existsSync(path.join(dir, "so.csv"))).toBe(false);
  });

  it("--version prints the package's version; --lang en help shows English placeholders", async () => {
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^thidua \d+\.\d+\.\d+$/);
    const help = await runCli(["--help", "--lang", "en"]);
    expect(help.stdout).toContain("thidua tally <ledger.xlsx> [--out <file.xlsx>]");
    expect(help.stdout).not.toMatch(/<sổ|<tệp|<thư mục/);
  });

  it("import: when no workbook to import can be read, nothing is merged and the ledger is untouched", async () => {
    const ledger = path.join(dir, "nhap-hong.xlsx");
    await writeBook(ledger, scoredDemoSheets());
    const before = sha256(ledger);
    const run = await runCli(["import", ledger, notXlsx]);
    expectRefused(run, "Không đọc được tệp nào để nhập");
    expect(sha256(ledger)).toBe(before);
  });
});

describe("--help and --lang", () => {
  const commands = ["init", "check", "tally", "judge-sheets", "import", "demo"];

  it("general help lists every command and the exit statuses, exit 0", async () => {
    const runs = await Promise.all([runCli(["--help"]), runCli(["help"])]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      for (const c of commands) expect(run.stdout).toContain(`thidua ${c}`);
      expect(run.stdout).toContain("Mã thoát: 0");
    }
  });

  it("each command has its own help (--help, or -h), exit 0", async () => {
    const runs = await Promise.all(commands.map((c, i) => runCli([c, i % 2 === 0 ? "--help" : "-h"])));
    commands.forEach((c, i) => {
      expect(runs[i]!.code).toBe(0);
      expect(runs[i]!.stdout).toMatch(new RegExp(`^Cách dùng: thidua ${c}`));
    });
  });

  it("with --lang en the help is in English", async () => {
    const [general, command] = await Promise.all([runCli(["--help", "--lang", "en"]), runCli(["import", "--help", "--lang=en"])]);
    expect(general.code).toBe(0);
    expect(general.stdout).toContain("Usage:");
    expect(general.stdout).toContain("Exit status: 0");
    expect(command.code).toBe(0);
    expect(command.stdout).toMatch(/^Usage: thidua import/);
    for (const run of [general, command]) expect(run.stdout).not.toContain("Cách dùng");
  });

  it("--lang en gives English messages on stdout and stderr", async () => {
    const missing = path.join(dir, "missing.xlsx");
    const [notFound, checked, unknownKind] = await Promise.all([
      runCli(["check", missing, "--lang", "en"]),
      runCli(["check", "--lang=en", broken]),
      runCli(["--lang", "en", "init", "prizes", path.join(dir, "x.xlsx")]),
    ]);
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toContain(`File “${missing}” not found.`);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("2 errors");
    for (const cell of errorCells) expect(checked.stdout).toMatch(new RegExp(`^\\s+Error\\s+${cell}\\s`, "m"));
    expect(checked.stdout).not.toMatch(/lỗi|Lỗi/);
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.stderr).toContain("Give a template (sang-kien, truc-tuyen, thi-dua)");
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RETURNED_SCORES } from "../shared/samples/initiative-demo.js";
import { columnIndex, demoSheets, fillJudgeBook, readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { BIN, removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";

/**
 * The ledger file is the secretariat's: two writers never lose each other's work, a write keeps
 * the file's mode, follows a link to the real file, refuses files it must not replace, and leaves
 * no temporary file behind, not even after a killed run.
 */

let dir: string;
let ledger: string;
let judgeBooks: string[];
let counter = 0;

beforeAll(async () => {
  dir = tempFolder("file-safety");
  ledger = path.join(dir, "so-goc.xlsx");
  await writeBook(ledger, demoSheets());
  const blanks = path.join(dir, "phieu-cham");
  expect((await runCli(["judge-sheets", ledger, "--out", blanks])).code).toBe(0);
  judgeBooks = [];
  for (const judge of ["GK1", "GK2", "GK3"]) {
    const filled = path.join(dir, `phieu-${judge}.xlsx`);
    await fillJudgeBook(path.join(blanks, `phieu-cham-${judge.toLowerCase()}.xlsx`), filled, DEMO_RETURNED_SCORES[judge]!);
    judgeBooks.push(filled);
  }
});
afterAll(() => removeFolder(dir));

/** A fresh copy of the ledger in its own folder. */
function copy(label: string): { folder: string; file: string } {
  const folder = path.join(dir, `${label}-${++counter}`);
  mkdirSync(folder);
  const file = path.join(folder, "so.xlsx");
  copyFileSync(ledger, file);
  return { folder, file };
}

const judgesIn = async (file: string): Promise<string[]> => {
  const scores = sheetGrid(await readGrids(file), "Điểm");
  const col = columnIndex(scores, "Mã GK");
  return [...new Set(scores.slice(1).map((r) => String(r[col])))].sort();
};

describe("two writers at once", () => {
  it("three imports of different judges into one ledger at the same moment: every judge's scores land", async () => {
    for (let round = 0; round < 3; round++) {
      const { file } = copy("dong-thoi");
      const runs = await Promise.all(judgeBooks.map((book) => runCli(["import", file, book])));
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      expect(await judgesIn(file)).toEqual(["GK1", "GK2", "GK3"]);
    }
  });

  it("a lock held by a live process makes the second writer wait, then refuse with a clear message; nothing is written", async () => {
    const { folder, file } = copy("dang-khoa");
    const lock = path.join(folder, ".so.xlsx.thidua-lock");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), at: new Date().toISOString() }));
    const before = sha256(file);
    const run = await runCli(["import", file, judgeBooks[0]!], { env: { THIDUA_LOCK_WAIT_MS: "300" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("đang được một lệnh thidua khác ghi");
    expect(run.stderr).toContain(String(process.pid));
    expect(sha256(file)).toBe(before);
    expect(existsSync(lock)).toBe(true);
  });

  it("a lock left by a process that died is taken over", async () => {
    const { folder, file } = copy("khoa-cu");
    writeFileSync(path.join(folder, ".so.xlsx.thidua-lock"), JSON.stringify({ pid: 999_999_9, host: (await import("node:os")).hostname(), at: "2020-01-01" }));
    const run = await runCli(["tally", file]);
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(readdirSync(folder)).toEqual(["so.xlsx"]);
  });
});

describe("what the file is", () => {
  it("a 0600 ledger stays 0600 after tally", async () => {
    const { file } = copy("rieng-tu");
    chmodSync(file, 0o600);
    expect((await runCli(["tally", file])).code).toBeLessThan(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("a read-only ledger is refused, unchanged and still read-only", async () => {
    const { file } = copy("chi-doc");
    chmodSync(file, 0o444);
    const before = sha256(file);
    const run = await runCli(["tally", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("chỉ cho đọc");
    expect(sha256(file)).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("a ledger reached through a symbolic link: the link stays a link and its target gets the results", async () => {
    const { folder, file } = copy("lien-ket");
    const link = path.join(folder, "so-lien-ket.xlsx");
    symlinkSync(file, link);
    expect((await runCli(["tally", link])).code).toBeLessThan(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await readGrids(file)).has("Kết quả")).toBe(true);
  });

  it("another user's ledger is refused rather than taken over (run as root, as CI is)", async () => {
    expect(process.getuid?.(), "this test makes a file owned by another user, which needs root").toBe(0);
    const { file } = copy("nguoi-khac");
    chownSync(file, 65534, 65534);
    const run = await runCli(["import", file, judgeBooks[0]!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("thuộc người dùng khác");
    expect(statSync(file).uid).toBe(65534);
  });

  it("temporary files of a killed run are cleaned on the next write, and a killed run leaves the ledger whole", async () => {
    const { folder, file } = copy("bi-ngat");
    writeFileSync(path.join(folder, ".thidua-tmp-9999999-dead.xlsx"), "dở dang");
    expect((await runCli(["tally", file])).code).toBeLessThan(2);
    expect(readdirSync(folder)).toEqual(["so.xlsx"]);
    // Killed at several moments of a run: the ledger always opens whole; the next run leaves the folder clean.
    for (const ms of [120, 250, 400]) {
      spawnSync(process.execPath, [BIN, "tally", file], { timeout: ms, killSignal: "SIGKILL" });
      expect((await readGrids(file)).has("Kết quả"), `killed after ${ms} ms`).toBe(true);
    }
    expect((await runCli(["tally", file])).code).toBeLessThan(2);
    expect(readdirSync(folder)).toEqual(["so.xlsx"]);
  });
});

describe("an output that is an input", () => {
  it("export --docx onto the ledger itself is refused; the ledger stays a workbook", async () => {
    const { file } = copy("xuat-de");
    const before = sha256(file);
    const run = await runCli(["export", file, "--docx", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("trùng với tệp đầu vào");
    expect(sha256(file)).toBe(before);
  });

  it("import of the ledger into itself is refused", async () => {
    const { file } = copy("nhap-chinh-no");
    const run = await runCli(["import", file, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("trùng với tệp đầu vào");
  });
});

describe("a reader that goes away", () => {
  it("`thidua check … | head -1` prints one line and no stack trace", () => {
    const { file } = copy("ong-dan");
    const out = execFileSync("sh", ["-c", `node "${BIN}" check "${file}" 2>"${file}.err" | head -1`], { encoding: "utf8" });
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(stackTraceLines(readFileSync(`${file}.err`, "utf8"))).toEqual([]);
  });
});

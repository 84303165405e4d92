import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../cli/xlsx-workbook.js";
import type { Grid } from "../shared/cells/cell.js";
import { ATTEMPT_HEADER, quizLedger } from "./support/quiz-ledger.js";

/** `thidua tally ledger.xlsx --quiz a.csv --quiz b.xlsx`, run as a user would, on the built tool. */

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = path.join(ROOT, "bin", "thidua.js");

function thidua(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) return Promise.reject(new Error("run npm run build first (npm test does)"));
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function grids(file: string): Promise<Map<string, Grid>> {
  return (await XlsxWorkbook.load(file)).readAll();
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "thidua-quiz-cli-"));
  const sheets = quizLedger({
    units: [
      { code: "U1", staff: 10, video: 90 },
      { code: "U2", staff: 5, video: 80 },
    ],
    collectivePrizes: [["Nhất", 1, 5_000_000]],
    attempts: [],
  });
  sheets.delete("Trắc nghiệm");
  const wb = XlsxWorkbook.empty();
  for (const [name, rows] of sheets) wb.replaceSheet({ name, rows, format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } });
  await wb.save(path.join(dir, "so.xlsx"));
  writeFileSync(
    path.join(dir, "tuan1.csv"),
    "\uFEFF" +
      [ATTEMPT_HEADER.join(";"), "a1;Người A;U1;1;18;07:00;02/06/2023 08:00:00;", "bad;Người X;U1;1;?;07:00;02/06/2023 08:00:00;", 'b1;"Người B";U2;1;17;06:00;02/06/2023 09:00:00;'].join("\n"),
  );
  const xlsx = new ExcelJS.Workbook();
  const ws = xlsx.addWorksheet("Kết quả");
  ws.addRow(ATTEMPT_HEADER);
  ws.addRow(["b1", "Người B", "U2", 1, 19, "06:30", "03/06/2023 09:00:00", null]);
  ws.addRow(["c1", "Người C", "U2", 2, 12, 400, "09/06/2023 09:00:00", null]);
  await xlsx.xlsx.writeFile(path.join(dir, "tuan2.xlsx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tally with --quiz", () => {
  it("reads every file given, writes the quiz sheets, and reports a bad row with file and line (exit 1)", async () => {
    const r = await thidua(["tally", "so.xlsx", "--quiz", "tuan1.csv", "--quiz", "tuan2.xlsx"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("tuan1.csv:3");
    expect(r.stdout).toMatch(/Nhất\s+b1\s+19\s+06:30\s+2\.000\.000 đ/);
    expect(r.stdout).toMatch(/Nhì\s+a1\s+18/);
    const g = await grids(path.join(dir, "so.xlsx"));
    for (const name of ["Giải tuần", "Tham gia đơn vị", "Giải tập thể", "Kiểm tra"]) expect(g.has(name), name).toBe(true);
    expect(g.get("Kiểm tra")!.some((row) => row[1] === "tuan1.csv:3" && row[0] === "Lỗi")).toBe(true);
    const part = g.get("Tham gia đơn vị")!;
    expect(part.find((row) => row[0] === "U2")!.slice(0, 8)).toEqual(["U2", 5, 2, 0.4, 15.5, 0, 1, 1]);
    const weekly = g.get("Giải tuần")!;
    expect(weekly.find((row) => row[0] === "Tổng cộng")![7]).toBe(2_000_000 + 1_500_000 + 2_000_000);
  });

  it("prints the grand total of judged, weekly and collective prizes", async () => {
    const r = await thidua(["tally", "so.xlsx", "--quiz", "tuan1.csv", "--quiz", "tuan2.xlsx", "--out", "ket-qua.xlsx"], dir);
    // Video 3.000.000 (U1) + weekly 5.500.000 + collective 5.000.000 (U1: 1 of 10, no zero; U2 40 % wins).
    expect(r.stdout).toContain("Tổng tiền thưởng toàn cuộc thi: 13.500.000 đ");
    expect(r.stdout).toContain("Mười ba triệu năm trăm nghìn đồng");
  });

  it("refuses a quiz file that does not exist, before writing anything (exit 2)", async () => {
    const before = sha(path.join(dir, "so.xlsx"));
    const r = await thidua(["tally", "so.xlsx", "--quiz", "khong-co.csv"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("khong-co.csv");
    expect(sha(path.join(dir, "so.xlsx"))).toBe(before);
  });

  it("needs a value after --quiz", async () => {
    const r = await thidua(["tally", "so.xlsx", "--quiz"], dir);
    expect(r.code).toBe(2);
  });
});

describe("a ledger with its own `Trắc nghiệm` sheet", () => {
  it("is checked and tallied with its quiz, without --quiz: the same sheets as the other hosts", async () => {
    const sheets = quizLedger({
      units: [{ code: "U1", staff: 10, video: 90 }],
      attempts: [
        { id: "a1", score: 18 },
        { id: "b1", score: "?" },
        { id: "c1", score: 17 },
      ],
    });
    const wb = XlsxWorkbook.empty();
    for (const [name, rows] of sheets) wb.replaceSheet({ name, rows, format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } });
    await wb.save(path.join(dir, "co-trac-nghiem.xlsx"));
    const check = await thidua(["check", "co-trac-nghiem.xlsx"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("Trắc nghiệm!E3");
    const r = await thidua(["tally", "co-trac-nghiem.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Nhất\s+A1\s+18/i);
    const g = await grids(path.join(dir, "co-trac-nghiem.xlsx"));
    for (const name of ["Giải tuần", "Tham gia đơn vị"]) expect(g.has(name), name).toBe(true);
    expect(g.get("Kiểm tra")!.some((row) => row[1] === "Trắc nghiệm!E3" && row[0] === "Lỗi")).toBe(true);
  });
});

describe("the truc-tuyen template", () => {
  it("carries the seed's prize structure: 48.000.000 đ in all", async () => {
    const init = await thidua(["init", "truc-tuyen", "mau.xlsx"], dir);
    expect(init.code).toBe(0);
    const r = await thidua(["tally", "mau.xlsx"], dir);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Cơ cấu giải theo kế hoạch: 48.000.000 đ (giải tuần 4 × 4.500.000 đ = 18.000.000 đ; chấm bài 13.000.000 đ; tập thể 17.000.000 đ) — Bốn mươi tám triệu đồng.");
    const g = await grids(path.join(dir, "mau.xlsx"));
    expect(g.has("Giải tuần")).toBe(true);
    expect(g.has("Giải tập thể")).toBe(true);
  });
});

import { linkSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { SEVERITY_LABEL, problemAddress } from "../shared/ledger/problem.js";
import { type ContestRun, runContest } from "../shared/tasks/contest-run.js";
import type { QuizRun } from "../shared/quiz/run.js";
import { QUIZ_DEMO_HEADER, quizDemoCsv, quizDemoSheets } from "../shared/samples/quiz-demo.js";
import { readContest } from "../shared/ledger/read-contest.js";
import { initiativeDemoSheets } from "../shared/samples/initiative-demo.js";
import { importWorkbooks } from "../shared/tasks/import.js";
import { JUDGE_SCORE_SHEET, judgeWorkbooks, scoreTableOf } from "../shared/tasks/judge-sheets.js";
import { demoSheets, readGrids, writeBook } from "./support/cli-books.js";
import { demoLedgerScored, gridsOf } from "./support/grids.js";
import { runDemoQuizCsv } from "./support/quiz-ledger.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";

/** Careless input (issue 16, point 5): each gets a cell-addressed message and a sane result, never a crash. */

let dir: string;
beforeAll(() => {
  dir = tempFolder("careless");
});
afterAll(() => removeFolder(dir));

describe("a number no date can be, in a date-formatted cell", () => {
  it("is a Lỗi at its cell (Bài dự thi!G2), not “Invalid time value” for the whole ledger", async () => {
    const file = path.join(dir, "ngay-1e9.xlsx");
    await writeBook(
      file,
      scoredDemoSheets((rows) => {
        rows.get("Bài dự thi")![1]![6] = 1e9;
      }),
    );
    const run = await runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain("Invalid time value");
    expect(run.stdout).toMatch(/Lỗi\s+Bài dự thi!G2\s+“1000000000” không phải là ngày/);
    expect(stackTraceLines(run.stderr)).toEqual([]);
  });
});

describe("Cơ cấu giải with a row that cannot be read", () => {
  const ranked = (grids: Map<string, Grid | undefined>): { code: string; award: string }[] =>
    runContest(grids)
      .result.categories[0]!.entries.filter((r) => r.rank !== undefined)
      .map((r) => ({ code: r.entry.code, award: r.award.kind === "prize" ? `${r.award.prize.name} ${r.award.prize.amount}` : r.award.kind }));

  it("an unreadable amount keeps its tier (0 đ, Lỗi at the cell): nobody moves up", () => {
    const good = ranked(demoLedgerScored());
    const grids = demoLedgerScored();
    grids.get("Cơ cấu giải")![2]![3] = "abc";
    const run = runContest(grids);
    expect(problemTexts(run, "Cơ cấu giải!D3")).toEqual([expect.stringMatching(/^Lỗi .*“abc” không phải là số tiền/)]);
    expect(ranked(grids)).toEqual(good.map((r) => (r.award === "Nhì 2000000" ? { ...r, award: "Nhì 0" } : r)));
  });

  it("an unreadable count stops the structure there: lower prizes are not given, each says why", () => {
    const good = ranked(demoLedgerScored());
    const grids = demoLedgerScored();
    grids.get("Cơ cấu giải")![2]![2] = "abc";
    const run = runContest(grids);
    expect(run.errorCount).toBeGreaterThan(0);
    const awarded = ranked(grids).filter((r) => r.award !== "none");
    expect(awarded).toEqual(good.filter((r) => r.award.startsWith("Nhất")));
    for (const at of ["Cơ cấu giải!B4", "Cơ cấu giải!B5"]) expect(problemTexts(run, at)).toEqual([expect.stringMatching(/^Cảnh báo Giải “(Ba|Khuyến khích)” chưa được trao: dòng 3 phía trên/)]);
  });

  it("an empty Cơ cấu giải is a warning that says entries are ranked but none is awarded (no empty “” category)", () => {
    const grids = demoLedgerScored();
    grids.set("Cơ cấu giải", grids.get("Cơ cấu giải")!.slice(0, 1));
    const run = runContest(grids);
    const texts = run.problems.map((p) => p.text.vi).filter((t) => t.includes("cơ cấu giải"));
    expect(texts).toEqual(["Chưa có cơ cấu giải (trang “Cơ cấu giải” không có dòng nào): các bài được xếp hạng nhưng chưa bài nào được trao giải."]);
    expect(run.problems.find((p) => p.text.vi === texts[0])!.severity).toBe("warning");
  });
});

function problemTexts(run: ContestRun, address: string): string[] {
  return run.problems.filter((p) => problemAddress(p) === address).map((p) => `${SEVERITY_LABEL[p.severity].vi} ${p.text.vi}`);
}

describe("a quiz row that is rejected", () => {
  function runWith(extraCells: (header: readonly string[]) => string[]): QuizRun {
    return runDemoQuizCsv(`${quizDemoCsv()}${extraCells(QUIZ_DEMO_HEADER).join(";")}\r\n`).quiz;
  }

  it("with a score above the ledger's maximum (999 of 20) is a Lỗi at its cell and never counts, on the byte path as on the text path", () => {
    const plain = runWith(() => []);
    for (const score of ["999", '"999"']) {
      const high = runWith((header) => header.map((h) => ({ "Mã thí sinh": "0905888888", "Họ tên": "Điểm Quá Cao", "Mã đơn vị": "SNV", Tuần: "1", Điểm: score })[h] ?? ""));
      expect(high.rejected).toBe(plain.rejected + 1);
      const errors = high.problems.items.filter((p) => p.severity === "error" && p.text.vi.includes("cao hơn điểm tối đa"));
      expect(errors.map((p) => p.text.vi)).toEqual(["Điểm “999” cao hơn điểm tối đa của bài thi (20, mục “Điểm tối đa bài thi” ở trang Cuộc thi). Lượt thi ở dòng này không được tính."]);
      expect(high.periods[0]!.winners.map((w) => w.candidate.participant.code)).not.toContain("0905888888");
    }
  });

  it("does not create its week: no “Tuần 7”, no column for it, no prizes and no money planned for it", () => {
    const plain = runWith(() => []);
    const phantom = runWith((header) => header.map((h) => ({ "Mã thí sinh": "0905999999", "Mã đơn vị": "SNV", Tuần: "7", Điểm: "abc" })[h] ?? ""));
    expect(phantom.rejected).toBe(plain.rejected + 1);
    expect(phantom.periods.map((p) => p.period.label)).toEqual(["1", "2", "3", "4"]);
    expect(phantom.budget.total).toBe(plain.budget.total);
    expect(phantom.units[0]!.perPeriod).toHaveLength(plain.units[0]!.perPeriod.length);
  });
});

describe("a score with more places than a cell shows", () => {
  it("is stored with every place, so importing the same workbook again finds it equal (no false conflict)", () => {
    const ledger = gridsOf(initiativeDemoSheets());
    const book = judgeWorkbooks(readContest(ledger).ledger).find((b) => b.judge.code === "GK2")!;
    const sheets = new Map([...book.sheets, book.meta].map((s) => [s.name, s.rows.map((r) => [...r])]));
    const grid = sheets.get(JUDGE_SCORE_SHEET)!;
    const table = scoreTableOf(grid);
    grid[table.first]![table.columns.get("TC1")!] = 7.12345678901234;
    const now = Date.UTC(2020, 9, 20, 3);
    const first = importWorkbooks(ledger, [{ file: "gk2.xlsx", sheets }], { replace: false, now });
    const edit = first.edits.find((e) => e.sheet === "Điểm")!.edits.find((e) => e.value !== null && typeof e.value === "number" && !Number.isInteger(e.value))!;
    expect(edit.value).toBe(7.12345678901234);
    const scores = (ledger.get("Điểm") ?? []).map((r) => [...r]);
    for (const e of first.edits.find((x) => x.sheet === "Điểm")!.edits) {
      while (scores.length <= e.row) scores.push([]);
      scores[e.row]![e.col] = e.value;
    }
    const again = importWorkbooks(new Map([...ledger, ["Điểm", scores]]), [{ file: "gk2.xlsx", sheets }], { replace: false, now });
    expect(again.problems.errorCount).toBe(0);
    expect(again.reports[0]).toMatchObject({ added: 0, conflicts: 0 });
  });
});

describe("codes with invisible or fullwidth characters", () => {
  it("are the same code as the plain one (a duplicate, reported), and a warning shows how each was read", () => {
    const grids = demoLedgerScored();
    const entries = grids.get("Bài dự thi")!;
    const copy = (code: string): Cell[] => [code, ...entries[1]!.slice(1)];
    entries.push(copy("SK\u200b01"), copy("ＳＫ０１"));
    const run = runContest(grids);
    const at = (row: number): string[] => problemTexts(run, `Bài dự thi!A${row}`);
    const n = entries.length;
    expect(at(n - 1)).toContain("Cảnh báo Mã “SK⟨U+200B⟩01” có ký tự ẩn hoặc chữ toàn độ rộng; được đọc là “SK01”. Hãy gõ lại mã này.");
    expect(at(n)).toContain("Cảnh báo Mã “ＳＫ０１” có ký tự ẩn hoặc chữ toàn độ rộng; được đọc là “SK01”. Hãy gõ lại mã này.");
    expect(at(n - 1)).toContain("Lỗi Mã “SK⟨U+200B⟩01” bị trùng với dòng Bài dự thi!A2; mỗi mã chỉ được dùng một lần. Dòng này bị bỏ qua.");
    expect(at(n).some((t) => t.startsWith("Lỗi Mã “ＳＫ０１” bị trùng với dòng Bài dự thi!A2"))).toBe(true);
    expect(run.ledger.entries.size).toBe(demoLedgerScored().get("Bài dự thi")!.length - 1);
  });
});

describe("thousands of identical score rows", () => {
  it("describe their group once: every message stays short, so the report grows linearly (5,000 rows)", async () => {
    const file = path.join(dir, "trung-5000.xlsx");
    const copies = 5000;
    await writeBook(
      file,
      scoredDemoSheets((rows) => {
        const scores = rows.get("Điểm")!;
        const row = scores[1]!;
        for (let i = 0; i < copies; i++) scores.push([...row]);
      }),
    );
    const run = await runCli(["check", file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").filter((l) => l.includes("Điểm!"));
    expect(lines.length).toBeGreaterThanOrEqual(copies);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(300);
    expect(lines.filter((l) => l.includes("nhiều dòng điểm"))).toEqual([expect.stringMatching(/\(thêm 5000 dòng: dòng \d+, dòng \d+, dòng \d+, dòng \d+, dòng \d+ và 4995 dòng khác\)/)]);
    expect(stackTraceLines(run.stderr)).toEqual([]);
  }, 120_000);
});

describe("judges whose codes fold to one file name", () => {
  it("GK.1 and GK-1 get two workbooks, each of its own judge: none overwrites the other", async () => {
    const file = path.join(dir, "gk-trung-ten.xlsx");
    await writeBook(
      file,
      demoSheets((rows) => {
        const judges = rows.get("Giám khảo")!;
        judges[1]![0] = "GK.1";
        judges[2]![0] = "GK-1";
      }),
    );
    const out = path.join(dir, "phieu");
    const run = await runCli(["judge-sheets", file, "--out", out]);
    expect(run.code).toBe(0);
    const books = readdirSync(out).sort();
    expect(books).toEqual(["phieu-cham-gk-1-2.xlsx", "phieu-cham-gk-1.xlsx", "phieu-cham-gk3.xlsx"]);
    const judgeOf = async (name: string): Promise<string> => String((await readGrids(path.join(out, name))).get("Hướng dẫn")![1]![0]);
    expect(await judgeOf("phieu-cham-gk-1.xlsx")).toContain("(GK.1)");
    expect(await judgeOf("phieu-cham-gk-1-2.xlsx")).toContain("(GK-1)");
  });
});

describe("an output that is the ledger under another name", () => {
  it("export --docx SO.XLSX is refused (a Word file must end in .docx), and a hard link to the ledger is never an output", async () => {
    const file = path.join(dir, "so.xlsx");
    await writeBook(file, scoredDemoSheets());
    const before = sha256(file);
    const upper = await runCli(["export", file, "--docx", path.join(dir, "SO.XLSX")]);
    expect(upper.code).toBe(2);
    expect(upper.stderr).toContain("phải có đuôi .docx");
    const link = path.join(dir, "lien-ket.xlsx");
    linkSync(file, link);
    const tally = await runCli(["tally", file, "--out", link]);
    expect(tally.code).toBe(2);
    expect(tally.stderr).toContain("trùng với tệp đầu vào");
    expect(sha256(file)).toBe(before);
  });
});

describe("quiz exports in another encoding, through tally --quiz", () => {
  it("reads UTF-16BE like UTF-8, and says a Windows-1258 file is not UTF-8 at its first line instead of four missing columns", async () => {
    const ledger = path.join(dir, "so-truc-tuyen.xlsx");
    await writeBook(ledger, quizDemoSheets());
    const csv = quizDemoCsv();
    const utf8 = path.join(dir, "utf8.csv");
    const be = path.join(dir, "utf16be.csv");
    const cp = path.join(dir, "cp1258.csv");
    writeFileSync(utf8, csv);
    writeFileSync(be, Buffer.from(csv, "utf16le").swap16());
    writeFileSync(cp, Buffer.from(csv.replace("\uFEFF", "").split("\r\n").slice(0, 50).join("\r\n"), "latin1"));
    const counted = (out: string): string => /Trắc nghiệm: (\d+) lượt thi được tính/.exec(out)?.[1] ?? "none";
    const plain = await runCli(["tally", ledger, "--out", path.join(dir, "o1.xlsx"), "--quiz", utf8]);
    const swapped = await runCli(["tally", ledger, "--out", path.join(dir, "o2.xlsx"), "--quiz", be]);
    expect(counted(swapped.stdout)).toBe(counted(plain.stdout));
    expect(counted(plain.stdout)).not.toBe("none");
    const windows = await runCli(["tally", ledger, "--out", path.join(dir, "o3.xlsx"), "--quiz", cp]);
    expect(windows.stdout).toMatch(/Lỗi\s+cp1258\.csv:1\s+Tệp “cp1258\.csv” không phải UTF-8/);
    expect(windows.stdout).not.toContain("Thiếu cột bắt buộc");
    expect(stackTraceLines(windows.stderr)).toEqual([]);
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { CsvSplitter, detectSeparator } from "../cli/quiz-csv.js";
import { feedCsv, feedXlsx } from "../cli/quiz-tally.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { finishQuiz, startQuiz } from "../shared/quiz/run.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { quizLedger, winnersOf } from "./support/quiz-ledger.js";

/** Attempt files beside the ledger: a streaming CSV reader and the .xlsx export, problems at file and line. */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-quiz-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function split(text: string, pieces = 1): { records: [string[], number][]; bad: number[] } {
  const records: [string[], number][] = [];
  const bad: number[] = [];
  const s = new CsvSplitter({ onRecord: (f, line) => records.push([f, line]), onBadRecord: (line) => bad.push(line) });
  const size = Math.max(1, Math.ceil(text.length / pieces));
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size), false);
  s.push("", true);
  return { records, bad };
}

describe("the CSV splitter", () => {
  it("chooses `;`, `,` or tab from the header line, outside quotes", () => {
    expect(detectSeparator("Mã thí sinh;Họ tên;Điểm")).toBe(";");
    expect(detectSeparator("a,b,c")).toBe(",");
    expect(detectSeparator('"Họ, tên";b;c')).toBe(";");
    expect(detectSeparator("a\tb\tc")).toBe("\t");
  });

  it("drops a UTF-8 BOM, handles CRLF and skips blank lines, counting physical lines", () => {
    const { records } = split("\uFEFFa;b\r\n1;2\r\n\r\n3;4");
    expect(records).toEqual([
      [["a", "b"], 1],
      [["1", "2"], 2],
      [["3", "4"], 4],
    ]);
  });

  it("reads quoted fields with separators, doubled quotes and line breaks inside", () => {
    const text = 'id,name,score\n1,"Nguyễn Văn A, trưởng phòng",9\n2,"Trần ""Bé"" B",8\n3,"dòng một\ndòng hai",7\n4,D,6\n';
    const { records } = split(text);
    expect(records.map(([f, l]) => [f[1], l])).toEqual([
      ["name", 1],
      ["Nguyễn Văn A, trưởng phòng", 2],
      ['Trần "Bé" B', 3],
      ["dòng một\ndòng hai", 4],
      ["D", 6],
    ]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const text = 'a;b;c\r\n1;"x;""y""\r\nz";3\r\n4;5;6\r\n"7";"";9';
    const whole = split(text);
    for (const pieces of [2, 3, 5, 7, 11, text.length]) expect(split(text, pieces), String(pieces)).toEqual(whole);
  });

  it("reports a quote never closed at the line where the record starts", () => {
    const { records, bad } = split('a;b\n1;2\n3;"open\n4;5\n');
    expect(records.map(([, l]) => l)).toEqual([1, 2]);
    expect(bad).toEqual([3]);
  });
});

function reading(attempts: Parameters<typeof quizLedger>[0]["attempts"] = []) {
  const sheets = quizLedger({ attempts, truths: [[1, 1000]] });
  sheets.delete("Trắc nghiệm");
  const contest = runContest(sheets);
  return { read: startQuiz(sheets, contest), contest };
}

describe("a CSV export", () => {
  it("is read with header aliases, and bad rows are reported with the file and the line", async () => {
    const file = path.join(dir, "ket-qua.csv");
    writeFileSync(
      file,
      "\uFEFF" +
        [
          "STT;Mã dự thi;Họ và tên;Mã đơn vị;Tuần thi;Điểm số;Thời gian;Thời gian nộp;Dự đoán",
          '1;0905000001;"Phạm Thị D";U1;1;18;07:45;02/06/2023 08:15:00;990',
          "2;0905000002;Lê Văn E;U1;1;18;07:45;02/06/2023 08:15:00;1020",
          "3;0905000003;Hồ F;U2;1;mười tám;07:45;02/06/2023 08:15:00;",
          "4;0905000004;Hồ G;U2;1;17;7:99;02/06/2023 08:15:00;",
          '5;0905000005;"Ngô',
          'H";U2;1;20;05:00;03/06/2023 09:00:00;',
          "6;0905000006;Võ I;U2;1;16;05:00;2023-06-31 09:00:00;",
        ].join("\r\n"),
      "utf8",
    );
    const { read, contest } = reading();
    await feedCsv(read.accumulator, file);
    const quiz = finishQuiz(read, contest);
    const errors = quiz.problems.items.filter((p) => p.severity === "error");
    expect(errors.map(problemAddress)).toEqual(["ket-qua.csv:4", "ket-qua.csv:5", "ket-qua.csv:8"]);
    expect(errors[0]!.text.vi).toContain("“mười tám”");
    expect(errors[1]!.text.vi).toContain("“7:99”");
    expect(errors[2]!.text.vi).toContain("“2023-06-31 09:00:00”");
    // The record that spans lines 6–7 is read whole (a name with a line break in quotes).
    // Equal scores and times: the prediction (true answer 1000) puts 990 before 1020.
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:0905000005", "Nhì:0905000001", "Ba:0905000002"]);
    expect(quiz.periods[0]!.winners[0]!.candidate.participant.name).toBe("Ngô\r\nH");
    expect(quiz.attempts).toBe(3);
    expect(quiz.rejected).toBe(3);
  });

  it("without the required columns, says so at line 1 and reads nothing", async () => {
    const file = path.join(dir, "sai-cot.csv");
    writeFileSync(file, "a,b,c\n1,2,3\n", "utf8");
    const { read, contest } = reading();
    await feedCsv(read.accumulator, file);
    const quiz = finishQuiz(read, contest);
    const errors = quiz.problems.items.filter((p) => p.severity === "error");
    expect(errors.map((p) => [problemAddress(p), /Thiếu cột bắt buộc “(.+?)”/.exec(p.text.vi)?.[1]])).toEqual([
      ["sai-cot.csv:1", "Mã thí sinh"],
      ["sai-cot.csv:1", "Mã đơn vị"],
      ["sai-cot.csv:1", "Tuần"],
      ["sai-cot.csv:1", "Điểm"],
    ]);
    expect(quiz.attempts + quiz.rejected).toBe(0);
  });

  it("lists at most 1000 row problems and counts the rest in one line", async () => {
    const file = path.join(dir, "nhieu-loi.csv");
    const lines = ["Mã thí sinh,Mã đơn vị,Tuần,Điểm"];
    for (let i = 0; i < 1500; i++) lines.push(`p${i},U1,1,x`);
    writeFileSync(file, lines.join("\n"), "utf8");
    const { read, contest } = reading();
    await feedCsv(read.accumulator, file);
    const quiz = finishQuiz(read, contest);
    const errors = quiz.problems.items.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1001);
    expect(errors[999]!.sheet).toBe("nhieu-loi.csv:1001");
    expect(errors[1000]!.text.vi).toContain("Còn 500 vấn đề khác");
    expect(quiz.rejected).toBe(1500);
  });
});

describe("an .xlsx export", () => {
  it("is streamed sheet by sheet; real dates and time cells are read; notes sheets are skipped", async () => {
    const file = path.join(dir, "ket-qua.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Hướng dẫn").addRow(["Tệp xuất từ phần mềm thi"]);
    const ws = wb.addWorksheet("Tuần 1");
    ws.addRow(["Mã thí sinh", "Họ tên", "Mã đơn vị", "Tuần", "Điểm", "Thời gian làm bài", "Thời điểm nộp", "Dự đoán"]);
    // ExcelJS writes a Date's UTC fields as the wall time shown: 02/06/2023 08:15:00 and 08:15:01.
    const timeCell = (m: number, s: number): Date => new Date(Date.UTC(1899, 11, 30, 0, m, s));
    ws.addRow(["A", "Người A", "U1", 1, 18, timeCell(7, 45), new Date(Date.UTC(2023, 5, 2, 8, 15, 1)), 1000]);
    ws.addRow(["B", "Người B", "U1", 1, 18, timeCell(7, 45), new Date(Date.UTC(2023, 5, 2, 8, 15, 0)), 1000]);
    ws.addRow(["C", "Người C", "U2", 1, 18, timeCell(7, 44), "bad date", 1000]);
    ws.getColumn(6).numFmt = "mm:ss";
    ws.getColumn(7).numFmt = "dd/mm/yyyy hh:mm:ss";
    await wb.xlsx.writeFile(file);
    const { read, contest } = reading();
    await feedXlsx(read.accumulator, file);
    const quiz = finishQuiz(read, contest);
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:B", "Nhì:A"]);
    expect(quiz.periods[0]!.winners[0]!.settledBy).toBe("submitted");
    expect(quiz.periods[0]!.winners[0]!.candidate.counted.ms).toBe(465_000);
    expect(quiz.problems.items.map((p) => [p.severity, problemAddress(p)])).toEqual([["error", "[ket-qua.xlsx]Tuần 1!G4"]]);
  });
});

describe("the two ways a CSV line is read", () => {
  it("straight from the text (plain shapes) and cell by cell (everything else) give the same result", async () => {
    const rows = [
      "Mã thí sinh;Họ tên;Mã đơn vị;Tuần;Điểm;Thời gian làm bài;Thời điểm nộp;Dự đoán",
      "a1;Người A;U1;1;18;07:45;02/06/2023 08:15:00;990",
      "A1;Người A;u1;1;18,5;0:07:44;02/06/2023 09:15:00;1010",
      "b@x.vn;Người B;U1;1;8.25;452;29/06/2023 08:15:00;",
      "c1;Người C;U2;1;08;;;1.000",
      "c1;Người C;U2;2;17;75:10;2023-06-09 10:00:00;",
      "Đ1;Người Đ;U2;2;17;7:05;09/06/2023 10:00;1000",
      " e1 ;Người E;U2;2;16;  ;02/06/2023 08:15:00;0,5",
      "f1;Người F;U3;01;15;7:5;02/06/2023 08:15:00;",
      "g1;Người G;U3;2;-1;07:00;02/06/2023 08:15:00;",
      "h1;Người H;U3;2;12;7:60;02/06/2023 08:15:00;",
      "i1;Người I;U9;2;19;06:00;31/06/2023 08:15:00;",
      "j1;;U2;2;11;06:00;02/06/2023 08:15:00;",
    ];
    const file = path.join(dir, "hai-cach.csv");
    writeFileSync(file, rows.join("\n"), "utf8");
    const viaText = reading();
    await feedCsv(viaText.read.accumulator, file);
    const a = finishQuiz(viaText.read, viaText.contest);
    const viaCells = reading();
    const grid = rows.map((r) => r.split(";"));
    const { feedGrid } = await import("../shared/quiz/run.js");
    feedGrid(viaCells.read.accumulator, "lưới", grid);
    const b = finishQuiz(viaCells.read, viaCells.contest);
    const people = (acc: typeof viaText.read.accumulator) => Array.from({ length: acc.participantCount }, (_, i) => acc.participant(i));
    expect(people(viaText.read.accumulator)).toEqual(people(viaCells.read.accumulator));
    expect(a.units).toEqual(b.units);
    expect(a.periods.map((p) => p.winners.map((w) => [w.candidate.participant.code, w.award.kind, w.settledBy]))).toEqual(
      b.periods.map((p) => p.winners.map((w) => [w.candidate.participant.code, w.award.kind, w.settledBy])),
    );
    expect(a.problems.items.map((p) => [p.severity, p.text.vi])).toEqual(b.problems.items.map((p) => [p.severity, p.text.vi]));
    // Refused: a thousands-shaped "1.000", a negative score, 7:60, 31/06, and "7:5" (seconds need two digits).
    expect(a.attempts).toBe(7);
    expect(a.rejected).toBe(5);
  });
});

import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CSV_MESSAGES, CsvSplitter, MAX_FIELD_CHARS, MAX_LINE_BYTES, clipField, readCsvFile, sniffEncoding } from "../cli/quiz-csv.js";
import { feedCsv, quizFromFiles } from "../cli/quiz-tally.js";
import { isUtf8 } from "../shared/cells/utf8.js";
import type { Msg } from "../shared/i18n/messages.js";
import { hasLongField } from "../shared/quiz/byte-fields.js";
import { finishQuiz, startQuiz } from "../shared/quiz/run.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { Prng } from "./bench/prng.js";
import { ATTEMPT_HEADER, quizLedger } from "./support/quiz-ledger.js";

/**
 * Quiz CSV files that are not quiz exports, or not in UTF-8: a line of tens of megabytes, values of
 * thousands of characters, UTF-16 in either byte order with or without a BOM, Windows-1258. Each is
 * built here byte by byte and read the way `tally --quiz` reads it.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-quiz-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MiB = 1 << 20;

function ledger() {
  const sheets = quizLedger({ attempts: [], truths: [[1, 1000]], units: [{ code: "U1" }, { code: "U2" }] });
  sheets.delete("Trắc nghiệm");
  return { sheets, contest: runContest(sheets) };
}

/** The whole `tally --quiz` reading of one file. */
async function tally(file: string) {
  const { sheets, contest } = ledger();
  return quizFromFiles(sheets, contest, [file]);
}

/** One file fed to an accumulator, which stays at hand. */
async function feed(file: string) {
  const { sheets, contest } = ledger();
  const read = startQuiz(sheets, contest);
  await feedCsv(read.accumulator, file);
  const acc = read.accumulator;
  const people = Array.from({ length: acc.participantCount }, (_, i) => acc.participant(i));
  return { quiz: finishQuiz(read, contest), people };
}

/** Writes `parts` to `name` in the temp folder: strings as UTF-8, a number n as n MiB of the byte `fill`. */
function writeParts(name: string, parts: (string | Uint8Array | { mib: number; fill: string })[]): string {
  const file = path.join(dir, name);
  const fd = openSync(file, "w");
  for (const part of parts) {
    if (typeof part === "string") writeSync(fd, part);
    else if (part instanceof Uint8Array) writeSync(fd, part);
    else {
      const block = Buffer.alloc(MiB, part.fill);
      for (let i = 0; i < part.mib; i++) writeSync(fd, block);
    }
  }
  closeSync(fd);
  return file;
}

/** How far the resident set grew above its size before `run` (sampled while it runs), in MB, and the seconds it took. */
async function rssGrowth<T>(run: () => Promise<T>): Promise<{ result: T; mb: number; seconds: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, mb: (peak - before) / 1e6, seconds: (performance.now() - t0) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

const errorsOf = (quiz: { problems: { items: readonly { severity: string; sheet: string; text: Msg }[] } }) => quiz.problems.items.filter((p) => p.severity === "error");

/** The longest run of a value between quotes “…” in a message. */
const longestQuoted = (text: string): number => Math.max(0, ...Array.from(text.matchAll(/“([^”]*)”/g), (m) => m[1]!.length));

describe("a line longer than MAX_LINE_BYTES", () => {
  it("is a generous 4 MiB, and a value is cut at 200 characters", () => {
    expect(MAX_LINE_BYTES).toBe(4 * MiB);
    expect(MAX_FIELD_CHARS).toBe(200);
    expect(clipField("a".repeat(200))).toBe("a".repeat(200));
    expect(clipField("a".repeat(201))).toBe("a".repeat(200) + "…");
    // Never half of a surrogate pair.
    expect(clipField("a".repeat(199) + "𝔸".repeat(5))).toBe("a".repeat(199) + "…");
  });

  it("alone in a 40 MB file without a line break: one message at line 1, no missing columns, in bounded memory", async () => {
    const file = writeParts("mot-dong.csv", [{ mib: 40, fill: "x" }]);
    const { result: quiz, mb, seconds } = await rssGrowth(() => tally(file));
    const errors = errorsOf(quiz);
    expect(errors.map((p) => p.sheet)).toEqual(["mot-dong.csv:1"]);
    expect(errors[0]!.text.vi).toContain(CSV_MESSAGES.lineTooLong("mot-dong.csv", 1, MAX_LINE_BYTES, false).vi);
    expect(errors[0]!.text.vi).toContain("Dòng 1 của tệp “mot-dong.csv” dài hơn 4 MiB: tệp này không giống tệp xuất kết quả thi; không đọc tiếp tệp này.");
    expect(errors[0]!.text.en).toContain("Line 1 of “mot-dong.csv” is longer than 4 MiB");
    expect(quiz.problems.items.some((p) => p.text.vi.includes("Thiếu cột"))).toBe(false);
    expect(quiz.attempts + quiz.rejected).toBe(0);
    // Reading stops at the limit: a few MB of memory and a fraction of a second (loose bounds).
    expect(mb).toBeLessThan(300);
    expect(seconds).toBeLessThan(20);
  });

  it("after a header and 5000 rows: stops there, the rows before it count, nothing echoes the value", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `P${i};Người ${i};U${1 + (i % 2)};1;${i % 20};07:45;02/06/2023 08:15:00;`);
    const file = writeParts("dong-dai.csv", [
      ATTEMPT_HEADER.join(";") + "\r\n" + rows.join("\r\n") + "\r\nX1;",
      { mib: 30, fill: "9" },
      ";U1;1;20;07:45;02/06/2023 08:15:00;\r\nX2;Người sau;U1;1;20;07:45;02/06/2023 08:15:00;\r\n",
    ]);
    const { result: quiz, mb } = await rssGrowth(() => tally(file));
    const errors = errorsOf(quiz);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.sheet).toBe("dong-dai.csv:5002");
    expect(errors[0]!.text.vi).toContain("Dòng 5002 của tệp “dong-dai.csv” dài hơn 4 MiB");
    expect(errors[0]!.text.vi).toContain("(các dòng trước dòng 5002 đã được đọc)");
    // Every row before it is counted, the last batch included; none after it.
    expect(quiz.attempts).toBe(5000);
    expect(quiz.rejected).toBe(0);
    expect(quiz.participants).toBe(5000);
    for (const p of quiz.problems.items) expect(p.text.vi.length).toBeLessThan(1000);
    expect(mb).toBeLessThan(300);
  });

  it("in a quoted value spanning lines: stops at the line the record starts on", async () => {
    const file = writeParts("ngoac-kep.csv", [ATTEMPT_HEADER.join(";") + '\nA1;Người A;U1;1;9;;;\nA2;"', { mib: 5, fill: "x\n" }, '";U1;1;9;;;\nA3;Người C;U1;1;9;;;\n']);
    const records: number[] = [];
    const stops: [number, Msg][] = [];
    const stats = await readCsvFile(file, { onRecord: (_, line) => records.push(line), onBadRecord: () => undefined, onStop: (line, msg) => stops.push([line, msg]) });
    expect(records).toEqual([1, 2]);
    expect(stops).toEqual([[3, CSV_MESSAGES.lineTooLong("ngoac-kep.csv", 3, MAX_LINE_BYTES, true)]]);
    expect(stats.records).toBe(2);
  });

  it("below the limit, read in linear time: 10 quoted records of nearly 4 MiB, across chunks, each value cut", async () => {
    const near = MAX_LINE_BYTES - 100;
    const parts: (string | { mib: number; fill: string })[] = [ATTEMPT_HEADER.join(";") + "\n"];
    const body = Buffer.alloc(near, "x\n").toString("latin1");
    for (let i = 0; i < 10; i++) parts.push(`A${i};"${body}";U1;1;${i};;;\n`);
    const file = writeParts("gan-gioi-han.csv", parts);
    const { result, mb, seconds } = await rssGrowth(() => feed(file));
    expect(result.quiz.attempts).toBe(10);
    expect(result.people.map((p) => p.name)).toEqual(Array.from({ length: 10 }, () => clipField(body)));
    expect(errorsOf(result.quiz)).toEqual([]);
    expect(mb).toBeLessThan(300);
    expect(seconds).toBeLessThan(30);
  });

  it("is told to onStop without a throw; with no onStop a CsvStop is thrown after an empty record", async () => {
    const file = writeParts("nho.csv", ["a;b\n1;2\n", "3;" + "x".repeat(100) + "\n4;5\n"]);
    const seen: [string[], number][] = [];
    const opts = { onRecord: (f: string[], line: number) => seen.push([f, line]), onBadRecord: () => undefined, maxLineBytes: 50 };
    const stops: [number, Msg][] = [];
    await readCsvFile(file, { ...opts, onStop: (line, msg) => stops.push([line, msg]) });
    expect(seen).toEqual([
      [["a", "b"], 1],
      [["1", "2"], 2],
    ]);
    expect(stops[0]![0]).toBe(3);
    expect(stops[0]![1].vi).toBe("Dòng 3 của tệp “nho.csv” dài hơn 50 byte: tệp này không giống tệp xuất kết quả thi; không đọc tiếp tệp này (các dòng trước dòng 3 đã được đọc).");
    seen.length = 0;
    await expect(readCsvFile(file, opts)).rejects.toMatchObject({ name: "CsvStop", line: 3 });
    expect(seen.at(-1)).toEqual([[], 3]);
  });

  it("stops at the same line however the text is cut into pushes", () => {
    const text = 'a;b\n1;"x\nyy"\n' + "2;" + "z".repeat(40) + "\n" + '3;"' + "w\n".repeat(30) + '"\n4;5\n';
    for (const max of [20, 45, 70]) {
      const whole = splitAll(text, 1, max);
      for (const pieces of [2, 3, 7, 13, 64, text.length]) expect(splitAll(text, pieces, max), `${max}/${pieces}`).toEqual(whole);
    }
    expect(splitAll(text, 1, 20).stopped).toEqual({ reason: "tooLong", line: 4 });
    expect(splitAll(text, 1, 45).stopped).toEqual({ reason: "tooLong", line: 5 });
    expect(splitAll(text, 1, 70)).toMatchObject({ stopped: undefined, lines: [1, 2, 4, 5, 36] });
  });
});

function splitAll(text: string, pieces: number, maxLineBytes: number) {
  const lines: number[] = [];
  const s = new CsvSplitter({ onRecord: (_, line) => lines.push(line), onBadRecord: () => undefined, maxLineBytes });
  const size = Math.max(1, Math.ceil(text.length / pieces));
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size), false);
  s.push("", true);
  return { lines, stopped: s.stopped };
}

describe("a value longer than MAX_FIELD_CHARS", () => {
  it("is cut with “…” in messages and in cells, whether its line is read as bytes or as text", async () => {
    const lines = [
      ATTEMPT_HEADER.join(";"),
      `A1;Người A;U1;1;${"9".repeat(100_000)};;;`,
      `A2;${"N".repeat(50_000)};U1;1;9;;;`,
      `A3;"${"Q".repeat(300)}";U1;1;8;${"7".repeat(1000)};;`,
      `A4;Người D;U1;1;7;;;${"8".repeat(250)}`,
      `A5;${"Ổ".repeat(150)};U1;1;6;;;`,
    ];
    const file = path.join(dir, "gia-tri-dai.csv");
    writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
    const { quiz, people } = await feed(file);
    const errors = errorsOf(quiz);
    expect(errors.map((p) => p.sheet)).toEqual(["gia-tri-dai.csv:2", "gia-tri-dai.csv:4", "gia-tri-dai.csv:5"]);
    expect(errors[0]!.text.vi).toContain(`“${"9".repeat(200)}…”`);
    expect(errors[1]!.text.vi).toContain(`“${"7".repeat(200)}…”`);
    expect(errors[2]!.text.vi).toContain(`“${"8".repeat(200)}…”`);
    for (const p of quiz.problems.items) expect(longestQuoted(p.text.vi)).toBeLessThanOrEqual(MAX_FIELD_CHARS + 1);
    expect(people.map((p) => p.name)).toEqual(["N".repeat(200) + "…", "Ổ".repeat(150)]);
    expect(quiz.attempts).toBe(2);
  });

  it("a line of short fields is not taken for one with a long field", () => {
    const rnd = new Prng(5);
    for (let round = 0; round < 3000; round++) {
      const fields = Array.from({ length: rnd.int(1, 12) }, () => "a".repeat(rnd.next() < 0.1 ? rnd.int(0, 40) : rnd.int(0, 12)));
      const bytes = Buffer.from(`\n${fields.join(";")}\n`);
      const limit = rnd.int(1, 30);
      expect(hasLongField(bytes, 1, bytes.length - 1, 59, limit), `${fields.map((f) => f.length)} > ${limit}`).toBe(fields.some((f) => f.length > limit));
    }
  });
});

describe("a file in UTF-16 or not in UTF-8", () => {
  const lines = [
    ATTEMPT_HEADER.join("\t"),
    "a1\tNguyễn Thị Ánh\tU1\t1\t18\t07:45\t02/06/2023 08:15:00\t990",
    'b2\t"Người ""B"" 𝔸"\tU2\t1\t17\t07:45\t02/06/2023 08:15:00\t990',
    "c3\tĐặng Văn Ć\tU2\t1\t16\t7:60\t02/06/2023 08:15:00\t990",
    "d4\tỨng Ǹ\tU1\t1\t19\t06:00\t02/06/2023 08:10:00\t1000",
  ];
  const text = lines.join("\r\n") + "\r\n";
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.from(le).swap16();
  const variants: [string, Uint8Array][] = [
    ["utf16le-bom.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ["utf16le.csv", le],
    ["utf16be-bom.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ["utf16be.csv", be],
  ];

  it("is read as the same file in UTF-8 is: UTF-16 in either byte order, with a BOM or without", async () => {
    writeFileSync(path.join(dir, "utf8.csv"), text, "utf8");
    const as8 = await feed(path.join(dir, "utf8.csv"));
    expect(as8.people.map((p) => p.name)).toEqual(["Nguyễn Thị Ánh", 'Người "B" 𝔸', "Ứng Ǹ"]);
    expect(as8.quiz.attempts).toBe(3);
    const shown = (r: typeof as8) => r.quiz.problems.items.map((p) => [p.severity, p.sheet.replace(/^.*:/, ""), p.text.vi]);
    for (const [name, bytes] of variants) {
      writeFileSync(path.join(dir, name), bytes);
      const got = await feed(path.join(dir, name));
      expect(got.people, name).toEqual(as8.people);
      expect(shown(got), name).toEqual(shown(as8));
      expect([got.quiz.attempts, got.quiz.rejected], name).toEqual([3, 1]);
    }
  });

  it("is recognised from its first bytes", () => {
    for (const [name, bytes] of variants) expect(sniffEncoding(bytes), name).toBe(name.startsWith("utf16le") ? "utf-16le" : "utf-16be");
    expect(sniffEncoding(Buffer.from("\ufeff" + text, "utf8"))).toBe("utf-8");
    expect(sniffEncoding(Buffer.from("Mã thí sinh;Điểm\r\nẤ;ỗ", "utf8"))).toBe("utf-8");
    expect(sniffEncoding(Buffer.from("Mã thí sinh;Điểm", "utf16le"))).toBe("utf-16le");
    expect(sniffEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]))).toBe("utf-8");
    expect(sniffEncoding(Buffer.alloc(0))).toBe("utf-8");
  });

  it("in UTF-16BE across many chunks gives the records of the UTF-8 file; a dangling byte ends as U+FFFD", async () => {
    const names = ["Nguyễn Thị Ánh", "Trần Văn Đức", "𝔸 Lê", "Phạm Quốc Việt"];
    const big = ["Mã thí sinh;Họ tên;Điểm", ...Array.from({ length: 60_000 }, (_, i) => `${i};${names[i % names.length]}${"ữ".repeat(i % 3)};${i % 21}`)].join("\r\n");
    const read = async (name: string, bytes: Uint8Array) => {
      writeFileSync(path.join(dir, name), bytes);
      const records: [string[], number][] = [];
      await readCsvFile(path.join(dir, name), { onRecord: (f, line) => records.push([f, line]), onBadRecord: () => undefined });
      return records;
    };
    const expected = await read("big8.csv", Buffer.from(big, "utf8"));
    expect(expected).toHaveLength(60_001);
    const bigBe = Buffer.from(big, "utf16le").swap16();
    expect(bigBe.length).toBeGreaterThan(2 * MiB);
    expect(await read("big16be.csv", bigBe)).toEqual(expected);
    expect(await read("big16be-bom.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), bigBe]))).toEqual(expected);
    const dangling = await read("odd16be.csv", Buffer.concat([bigBe, Buffer.from([0x41])]));
    expect(dangling.at(-1)).toEqual([[...expected.at(-1)![0].slice(0, -1), expected.at(-1)![0].at(-1) + "\ufffd"], 60_001]);
  });

  it("in Windows-1258: one message at the header saying so and how to fix it, instead of missing columns", async () => {
    const cp1258 = (parts: (string | number)[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === "number" ? Buffer.from([p]) : Buffer.from(p, "latin1"))));
    // "Mã thí sinh;Họ tên;Mã đơn vị;Tuần;Điểm" and "A1;Nguyễn Văn A;U1;1;9", as Windows-1258 writes them (tones as combining marks).
    const header = cp1258(["Ma", 0xde, " th", 0xed, " sinh;Ho", 0xf2, " t", 0xea, "n;Ma", 0xde, " ", 0xf0, 0xf5, "n vi", 0xf2, ";Tu", 0xe2, 0xcc, "n;", 0xd0, "i", 0xea, 0xd2, "m\r\n"]);
    const row = cp1258(["A1;Nguy", 0xea, 0xde, "n V", 0xe3, "n A;U1;1;9\r\n"]);
    expect(new TextDecoder("windows-1258").decode(Buffer.concat([header, row])).normalize("NFC")).toBe("Mã thí sinh;Họ tên;Mã đơn vị;Tuần;Điểm\r\nA1;Nguyễn Văn A;U1;1;9\r\n");
    const file = path.join(dir, "cp1258.csv");
    writeFileSync(file, Buffer.concat([header, row]));
    const quiz = await tally(file);
    const errors = errorsOf(quiz);
    expect(errors.map((p) => p.sheet)).toEqual(["cp1258.csv:1"]);
    expect(errors[0]!.text.vi).toContain("Tệp “cp1258.csv” không phải UTF-8 (có thể là bảng mã Windows-1258/TCVN3): trong Excel chọn Tệp › Lưu Như › CSV UTF-8 rồi nhập lại.");
    expect(errors[0]!.text.en).toContain("is not in UTF-8");
    expect(quiz.problems.items.some((p) => p.text.vi.includes("Thiếu cột"))).toBe(false);
    expect(quiz.attempts + quiz.rejected).toBe(0);
    // Told at the header line, after blank lines, to onStop.
    writeFileSync(file, Buffer.concat([Buffer.from("\r\n\r\n"), header, row]));
    const stops: [number, Msg][] = [];
    const records: string[][] = [];
    await readCsvFile(file, { onRecord: (f) => records.push(f), onBadRecord: () => undefined, onStop: (line, msg) => stops.push([line, msg]) });
    expect(stops).toEqual([[3, CSV_MESSAGES.notUtf8("cp1258.csv")]]);
    expect(records).toEqual([]);
  });

  it("with bytes that are not UTF-8 in a data line only: read, those bytes shown as U+FFFD", async () => {
    const file = path.join(dir, "hong-mot-dong.csv");
    writeFileSync(file, Buffer.concat([Buffer.from(ATTEMPT_HEADER.join(";") + "\n", "utf8"), Buffer.from("A1;Nguy\xea\xden;U1;1;9;;;\n", "latin1")]));
    const { quiz, people } = await feed(file);
    expect(errorsOf(quiz)).toEqual([]);
    expect(people.map((p) => p.name)).toEqual(["Nguy\ufffd\ufffdn"]);
  });

  it("is checked exactly as a fatal TextDecoder checks UTF-8", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const rnd = new Prng(9);
    const interesting = [0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    for (let round = 0; round < 20_000; round++) {
      const bytes = new Uint8Array(rnd.int(0, 12));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rnd.next() < 0.7 ? interesting[rnd.int(0, interesting.length - 1)]! : rnd.int(0, 255);
      const padded = Uint8Array.from([0xe1, ...bytes, 0x80]);
      expect(isUtf8(padded, 1, padded.length - 1), Array.from(bytes, (b) => b.toString(16)).join(" ")).toBe(valid(bytes));
    }
    const mixed = Buffer.from("Nguyễn 𝔸 \u{10ffff}");
    expect(isUtf8(mixed, 0, mixed.length)).toBe(true);
    expect(isUtf8(mixed, 0, mixed.length - 1)).toBe(false);
  });
});

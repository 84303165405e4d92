import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CsvSplitter } from "../cli/quiz-csv.js";
import { feedCsv } from "../cli/quiz-tally.js";
import { decodeUtf8 } from "../shared/cells/utf8.js";
import { feedGrid, finishQuiz, startQuiz } from "../shared/quiz/run.js";
import { ParticipantStore } from "../shared/quiz/store.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { Prng } from "./bench/prng.js";
import { ATTEMPT_HEADER, quizLedger } from "./support/quiz-ledger.js";

/**
 * A CSV export is read as UTF-8 bytes: plain lines without decoding them, attempts counted in
 * batches. Everything here must give what decoding and splitting the text
 * and reading it cell by cell gives.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-quiz-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const textDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

describe("UTF-8 decoding without TextDecoder (the core also runs in Apps Script)", () => {
  it("gives what TextDecoder gives, invalid bytes included (one U+FFFD per maximal invalid part)", () => {
    const rnd = new Prng(7);
    const interesting = [0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    for (let round = 0; round < 5000; round++) {
      const bytes = new Uint8Array(rnd.int(0, 24));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rnd.next() < 0.7 ? interesting[rnd.int(0, interesting.length - 1)]! : rnd.int(0, 255);
      expect(decodeUtf8(bytes, 0, bytes.length), Array.from(bytes, (b) => b.toString(16)).join(" ")).toBe(textDecoder.decode(bytes));
    }
  });

  it("decodes every valid character, a slice of a longer array, and a text longer than its scratch space", () => {
    const text = "Nguyễn Thị Ánh — Đặng 𝔸 \u{10ffff} \ufeff" + "ữ".repeat(5000);
    const bytes = utf8(`;;${text};`);
    expect(decodeUtf8(bytes, 2, bytes.length - 1)).toBe(text);
  });
});

describe("a name read from bytes", () => {
  it("is blank exactly when String.prototype.trim leaves nothing of it", () => {
    const store = new ParticipantStore();
    for (let c = 1; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const code = utf8(String(c));
      const slot = store.addBytes(code, 0, code.length, 0);
      const name = utf8(` ${ch}\t`);
      store.setNameBytes(slot, name, 0, name.length);
      expect(store.namedAt(store.slotOfBytes(code, 0, code.length)), `U+${c.toString(16)}`).toBe(ch.trim() !== "");
    }
  });
});

function reading(settings: [string, string][] = []) {
  const sheets = quizLedger({ attempts: [], truths: [[1, 1000]], settings, units: [{ code: "U1" }, { code: "U2" }, { code: "TRUNG-TAM-HANH-CHINH-CONG" }] });
  sheets.delete("Trắc nghiệm");
  const contest = runContest(sheets);
  return { read: startQuiz(sheets, contest), contest };
}

type Reading = ReturnType<typeof reading>;

/** The same bytes through the CSV reader and, decoded by TextDecoder and split as text, cell by cell. */
async function bothWays(bytes: Uint8Array, settings: [string, string][] = [], file = "tep.csv") {
  const target = path.join(dir, file);
  writeFileSync(target, bytes);
  const viaBytes = reading(settings);
  await feedCsv(viaBytes.read.accumulator, target);
  const viaCells = reading(settings);
  const grid: string[][] = [];
  const splitter = new CsvSplitter({ onRecord: (fields) => grid.push(fields), onBadRecord: () => undefined });
  splitter.push(textDecoder.decode(bytes), true);
  feedGrid(viaCells.read.accumulator, file, grid);
  return { viaBytes, viaCells, a: finishQuiz(viaBytes.read, viaBytes.contest), b: finishQuiz(viaCells.read, viaCells.contest) };
}

const people = ({ read }: Reading) => Array.from({ length: read.accumulator.participantCount }, (_, i) => read.accumulator.participant(i));

describe("a CSV line read straight from its bytes", () => {
  it("gives the participants, units and warnings that reading its decoded cells gives", async () => {
    const lines = [
      ATTEMPT_HEADER.join(";"),
      "a1;Người A;U1;1;18;07:45;02/06/2023 08:15:00;990",
      "A1;\u00a0Khác tên;u1;1;17;07:45;02/06/2023 08:15:00;990",
      "a1;Người A;U2;1;19;07:45;02/06/2023 08:15:00;990",
      "rat.dai.mot.ma.thi.sinh@so-noi-vu.gov.vn;Người Dài;trung-tam-hanh-chinh-cong;1;12;05:00;02/06/2023 08:15:00;1000",
      "RAT.DAI.MOT.MA.THI.SINH@SO-NOI-VU.GOV.VN;;TRUNG-TAM-HANH-CHINH-CONG;1;13;05:00;02/06/2023 08:15:00;1000",
      "b2;\u00a0\u3000;U9;1;10;05:00;02/06/2023 08:15:00;1000",
      "b2;Người B;U9;1;9;05:00;02/06/2023 08:15:00;1000",
      "c3;Người C;U2;1;11;05:00;02/06/2023 08:15:00;",
      "d4;\ufeffNgười D;U2;1;11;05:00;02/06/2023 08:15:00;",
    ];
    const bytes = utf8("\ufeff" + lines.join("\r\n") + "\r\n");
    // A name with bytes that are not UTF-8: both ways must show the same replacement characters.
    const broken = Uint8Array.from([...utf8("e5;Ng"), 0xe1, 0xbb, 0x41, 0xff, ...utf8(";U1;1;8;05:00;02/06/2023 08:15:00;\r\n")]);
    const { viaBytes, viaCells, a, b } = await bothWays(new Uint8Array([...bytes, ...broken]));
    expect(people(viaBytes)).toEqual(people(viaCells));
    expect(people(viaBytes).map((p) => [p.code, p.name, p.unitCode])).toEqual([
      ["a1", "Người A", "U1"],
      ["rat.dai.mot.ma.thi.sinh@so-noi-vu.gov.vn", "Người Dài", "trung-tam-hanh-chinh-cong"],
      ["b2", "Người B", "U9"],
      ["c3", "Người C", "U2"],
      ["d4", "Người D", "U2"],
      ["e5", "Ng\ufffdA\ufffd", "U1"],
    ]);
    expect(a.units).toEqual(b.units);
    expect(a.problems.items.map((p) => [p.severity, p.text.vi])).toEqual(b.problems.items.map((p) => [p.severity, p.text.vi]));
    // The unit that changes (line 4) and the unit not in `Đơn vị` (line 7, its first line), at the file's lines.
    expect(a.problems.items.map((p) => p.sheet)).toEqual(["tep.csv:4", "tep.csv:7"]);
    expect(a.attempts).toBe(10);
  });

  it("in UTF-16 gives what the same file in UTF-8 gives", async () => {
    const lines = [
      ATTEMPT_HEADER.join("\t"),
      "a1\tNgười A\tU1\t1\t18\t07:45\t02/06/2023 08:15:00\t990",
      'b2\t"Người ""B"""\tU2\t1\t17\t07:45\t02/06/2023 08:15:00\t990',
      "c3\tĐặng C\tU2\t1\t16\t7:60\t02/06/2023 08:15:00\t990",
    ];
    const text = lines.join("\r\n") + "\r\n";
    const as8 = reading();
    writeFileSync(path.join(dir, "u8.csv"), text, "utf8");
    await feedCsv(as8.read.accumulator, path.join(dir, "u8.csv"));
    const as16 = reading();
    writeFileSync(path.join(dir, "u16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    await feedCsv(as16.read.accumulator, path.join(dir, "u16.csv"));
    const a = finishQuiz(as8.read, as8.contest);
    const b = finishQuiz(as16.read, as16.contest);
    expect(people(as16)).toEqual(people(as8));
    expect(people(as16).map((p) => p.name)).toEqual(["Người A", 'Người "B"']);
    expect(b.problems.items.map((p) => [p.row, p.text.vi])).toEqual(a.problems.items.map((p) => [p.row, p.text.vi]));
    expect(b.rejected).toBe(1);
  });
});

describe("attempts counted in batches", () => {
  /** 150 000 lines (past many batches and 1 MiB chunks): 3 000 people, 25 attempts a week each, all at the same second. */
  function sameSecondFile(): { bytes: Uint8Array; first: Map<string, number>; last: Map<string, number> } {
    const rnd = new Prng(11);
    const rows: string[] = [ATTEMPT_HEADER.join(";")];
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (let i = 0; i < 150_000; i++) {
      const who = `TS${rnd.int(0, 2999)}`;
      const week = rnd.int(1, 2);
      const score = rnd.int(0, 20);
      const key = `${who}|${week}`;
      if (!first.has(key)) first.set(key, score);
      last.set(key, score);
      // Some lines take the general reader (a quoted name, seconds as digits with a decimal), in between.
      const name = i % 997 === 0 ? `"Người ${who}"` : `Người ${who}`;
      const time = i % 991 === 0 ? "452,5" : "07:32";
      rows.push(`${who};${name};U1;${week};${score};${time};02/06/2023 08:15:00;`);
    }
    return { bytes: utf8(rows.join("\n") + "\n"), first, last };
  }

  it("keep, for attempts submitted at the same second, the first read under `Lần đầu` and the last read under `Lần cuối`", async () => {
    const { bytes, first, last } = sameSecondFile();
    for (const [policy, expected] of [
      ["Lần đầu", first],
      ["Lần cuối", last],
    ] as const) {
      const { viaBytes, viaCells } = await bothWays(bytes, [["Lượt tính điểm", policy]], "cung-giay.csv");
      const acc = viaBytes.read.accumulator;
      const counted = new Map<string, number>();
      for (let i = 0; i < acc.participantCount; i++) {
        for (const period of acc.periods) {
          const score = acc.scoreAt(i, period.index);
          if (score === score) counted.set(`${acc.participant(i).code}|${period.label}`, score / 10_000);
        }
      }
      expect(counted, policy).toEqual(expected);
      expect(people(viaBytes)).toEqual(people(viaCells));
    }
  });
});

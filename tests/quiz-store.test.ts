import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CsvSplitter, readCsvFile } from "../cli/quiz-csv.js";
import { ParticipantStore, packKey } from "../shared/quiz/store.js";
import { civilDays } from "../shared/cells/date.js";
import { plainInstant } from "../shared/quiz/byte-fields.js";

/** The pieces that make a million attempts fast: packed participant codes, whole-line chunks, arithmetic dates. */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-quiz-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const pack = (code: string): number => packKey(bytes(code), 0, bytes(code).length);

describe("a participant code packed into one number", () => {
  it("is different for every different code, leading zeros and length included", () => {
    const codes = new Set<string>();
    for (let len = 1; len <= 3; len++) for (let i = 0; i < 10 ** len; i++) codes.add(String(i).padStart(len, "0"));
    for (const a of "0A-_./Z9") for (const b of "1B-_./Y8") codes.add(a + b).add(`TS${a}${b}`);
    codes.add("999999999999999").add("000000000000000").add("0900000007").add("079203001234").add("ZZZZZZZZZ").add("/////////");
    const packed = new Map<number, string>();
    for (const code of codes) {
      const key = pack(code);
      expect(key, code).toBeGreaterThan(0);
      expect(Number.isSafeInteger(key), code).toBe(true);
      expect(packed.get(key), `${code} and ${packed.get(key)}`).toBeUndefined();
      packed.set(key, code);
    }
  });

  it("ignores ASCII case only", () => {
    expect(pack("ts-0012")).toBe(pack("TS-0012"));
    expect(pack("ab")).not.toBe(pack("AC"));
  });

  it("does not pack what could collide or lose precision: long codes, spaces, other characters", () => {
    expect(pack("1234567890123456")).toBe(-1); // 16 digits
    expect(pack("ABCDEFGHIJ")).toBe(-1); // 10 symbols, not all digits
    expect(pack("A B")).toBe(-1);
    expect(pack("b@x.vn")).toBe(-1);
    expect(pack("Đ1")).toBe(-1);
    expect(pack("")).toBe(-1);
  });
});

describe("the participant store", () => {
  it("finds every participant again, packed or not, across many growths of its tables, with their code and name as written", () => {
    const store = new ParticipantStore();
    const codes: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const style = i % 4;
      codes.push(style === 0 ? `09${String(i).padStart(8, "0")}` : style === 1 ? `ts-${i}` : style === 2 ? `person.${i}@unit.gov.vn` : `CCCD${String(i).padStart(12, "0")}`);
    }
    codes.forEach((code, i) => {
      const line = bytes(`x;${code};`);
      let slot: number;
      if (i % 2 === 0) {
        expect(store.slotOf(code.toUpperCase())).toBe(-1);
        slot = store.add(code, code.toUpperCase(), i % 7);
      } else {
        expect(store.slotOfBytes(line, 2, 2 + code.length)).toBe(-1);
        slot = store.addBytes(line, 2, 2 + code.length, i % 7);
      }
      expect(store.indexAt(slot)).toBe(i);
      const name = bytes(` Người ${i} `);
      if (i % 3 === 0 && i % 2 === 0) store.setName(slot, ` Người ${i} `);
      else if (i % 3 === 0) store.setNameBytes(slot, name, 0, name.length);
      else if (i % 2 === 0) store.setName(slot, " \u00a0 ");
      else store.setNameBytes(slot, bytes(" \u00a0 \t"), 0, 5);
    });
    codes.forEach((code, i) => {
      const inLine = bytes(`;${code.toLowerCase()};`);
      const slot = store.slotOfBytes(inLine, 1, inLine.length - 1);
      expect(store.indexAt(slot), code).toBe(i);
      expect(store.find(code.toUpperCase()), code).toBe(i);
      expect(store.unitOf(i)).toBe(i % 7);
      expect(store.unitAt(slot)).toBe(i % 7);
      expect(store.codeOf(i)).toBe(code);
      expect(store.namedAt(slot)).toBe(i % 3 === 0);
      expect(store.nameOf(i)).toBe(i % 3 === 0 ? ` Người ${i} ` : "");
    });
    expect(store.find("0900000001")).toBe(-1);
    expect(store.slotOfBytes(bytes("0900000001"), 0, 10)).toBe(-1);
    expect(store.size).toBe(30_000);
  });
});

describe("a CSV file read in chunks of whole lines", () => {
  const names = ["Nguyễn Thị Ánh", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Quốc Việt", "Đặng Thùy Dương"];
  const text = ["Mã thí sinh;Họ tên;Điểm", ...Array.from({ length: 70_000 }, (_, i) => `${i};${names[i % names.length]}${"ữ".repeat(i % 3)};${i % 21}`)].join("\r\n") + "\r\n";

  const split = (t: string): [string[], number][] => {
    const records: [string[], number][] = [];
    const s = new CsvSplitter({ onRecord: (f, line) => records.push([f, line]), onBadRecord: () => undefined });
    s.push(t, true);
    return records;
  };
  const read = async (file: string): Promise<[string[], number][]> => {
    const records: [string[], number][] = [];
    await readCsvFile(file, { onRecord: (f, line) => records.push([f, line]), onBadRecord: () => undefined });
    return records;
  };

  it("gives the records of the whole text in UTF-8, multi-byte letters straddling the 1 MiB chunks", async () => {
    const file = path.join(dir, "utf8.csv");
    writeFileSync(file, "\uFEFF" + text, "utf8");
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    expect(await read(file)).toEqual(split(text));
  });

  it("gives the same records in UTF-16LE with a BOM", async () => {
    const file = path.join(dir, "utf16.csv");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(await read(file)).toEqual(split(text));
  });

  it("cuts UTF-16 only at a real line break, not at a byte 0A inside another character", async () => {
    const tricky = "Mã;Tên\r\n1;Ċ\u0A41b\r\n2;y\r\n"; // Ċ is 0A 01, ੁ is 41 0A in UTF-16LE
    const file = path.join(dir, "utf16-0a.csv");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tricky, "utf16le")]));
    expect(await read(file)).toEqual(split(tricky));
  });

  it("reads a line longer than a chunk", async () => {
    const long = "a;b\r\n1;" + "x".repeat(3 * 1024 * 1024) + "\r\n2;y\r\n";
    const file = path.join(dir, "long.csv");
    writeFileSync(file, long, "utf8");
    expect(await read(file)).toEqual(split(long));
  });
});

describe("a submission time read straight from the text", () => {
  it("counts days as Date.UTC does, from 1900 to 2199", () => {
    for (let y = 1900; y < 2200; y++) for (let m = 1; m <= 12; m++) for (const d of [1, 15, 28]) expect(civilDays(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
  });

  it("writes the instant in Vietnam's time, and nothing for another shape", () => {
    const out = new Float64Array([7]);
    expect(plainInstant(bytes("x;09/06/2023 10:00:05;"), 2, 21, out, 0)).toBe(true);
    expect(out[0]).toBe(Date.UTC(2023, 5, 9, 3, 0, 5));
    out[0] = 7;
    expect(plainInstant(bytes("9/06/2023 10:00:05"), 0, 18, out, 0)).toBe(false);
    expect(plainInstant(bytes("31/06/2023 10:00:05"), 0, 19, out, 0)).toBe(false);
    expect(out[0]).toBe(7);
  });
});

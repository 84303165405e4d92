import { describe, expect, it } from "vitest";
import { type Cell, cellAddress, columnLetters, isBlank, isBlankRow } from "../shared/cells/cell.js";
import { readDay, readInstant } from "../shared/cells/date.js";
import { readCount, readDecimal, readMoney, readYesNo } from "../shared/cells/number.js";
import { cleanText, codeKey, foldKey } from "../shared/cells/text.js";
import type { Exact } from "../shared/cells/exact.js";
import { calendarDay } from "./support/reading-ledger.js";

const ex = (num: bigint, den: bigint = 1n): Exact => ({ num, den });

describe("text folding (headers, settings keys, sheet names)", () => {
  it.each([
    ["Mã bài", "ma bai"],
    ["ma bai", "ma bai"],
    ["MÃ  BÀI ", "ma bai"],
    ["  Mã\tbài\u00a0", "ma bai"],
    ["Mã bài".normalize("NFD"), "ma bai"],
    ["ĐƠN VỊ", "don vi"],
    ["Đơn vị".normalize("NFD"), "don vi"],
    ["Số chữ số thập phân", "so chu so thap phan"],
    ["Hệ   số", "he so"],
  ])("foldKey(%j) is %j", (input, folded) => {
    expect(foldKey(input)).toBe(folded);
  });

  it("keeps different words apart", () => {
    expect(foldKey("Mã bài")).not.toBe(foldKey("Mã GK"));
    expect(foldKey("Tên bài")).not.toBe(foldKey("Tên đơn vị"));
  });
});

describe("cleanText: NFC and trimmed", () => {
  it("composes decomposed Vietnamese and trims", () => {
    const decomposed = "  Hòa Bình  ".normalize("NFD");
    expect(decomposed.trim()).not.toBe("Hòa Bình");
    expect(cleanText(decomposed)).toBe("Hòa Bình");
  });

  it.each<[Cell | undefined, string]>([
    [null, ""],
    [undefined, ""],
    ["   ", ""],
    [8.5, "8.5"],
    [true, "TRUE"],
    [Number.NaN, ""],
  ])("cleanText(%j) is %j", (cell, text) => {
    expect(cleanText(cell)).toBe(text);
  });
});

describe("codeKey: codes compare NFC, trimmed, case-insensitively", () => {
  it.each([
    ["sk01", "SK01"],
    [" SK01 ", "SK01"],
    ["Sk01", "sK01"],
    ["hòa-01".normalize("NFD"), "HÒA-01"],
    ["đv1", "ĐV1"],
  ])("%j matches %j", (a, b) => {
    expect(codeKey(a)).toBe(codeKey(b));
  });

  it("does not merge different codes", () => {
    expect(codeKey("SK01")).not.toBe(codeKey("SK02"));
    expect(codeKey("HÒA")).not.toBe(codeKey("HOA"));
  });

  it("reads a number cell as its digits", () => {
    expect(codeKey(101)).toBe(codeKey("101"));
  });
});

describe("readDecimal: numbers as numbers or text, decimal comma or point", () => {
  it.each<[Cell, Exact]>([
    [8.5, ex(17n, 2n)],
    ["8,5", ex(17n, 2n)],
    ["8.5", ex(17n, 2n)],
    [" 8,5 ", ex(17n, 2n)],
    ["8,5".normalize("NFD"), ex(17n, 2n)],
    ["8 ,5", ex(17n, 2n)],
    ["10", ex(10n)],
    [0, ex(0n)],
    ["0", ex(0n)],
    [",5", ex(1n, 2n)],
    ["0,125", ex(1n, 8n)],
    ["1000", ex(1000n)],
    ["1000,5", ex(2001n, 2n)],
    ["-2,25", ex(-9n, 4n)],
    [0.1, ex(1n, 10n)],
    ["1,5", ex(3n, 2n)],
  ])("reads %j exactly", (cell, value) => {
    expect(readDecimal(cell)).toEqual(value);
  });

  it.each<[Cell]>([
    ["8,5,3"],
    ["8.5.3"],
    ["abc"],
    ["8,5đ"],
    ["1.000"],
    ["1,000"],
    ["12.500"],
    ["100,000"],
    ["8 5"],
    ["1 000"],
    [""],
    ["   "],
    [null],
    [true],
    [new Date("2020-10-10T00:00:00Z")],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ["1e3"],
    ["=8+1"],
  ])("rejects %j", (cell) => {
    expect(readDecimal(cell)).toBeUndefined();
  });
});

describe("readCount: whole numbers ≥ 0", () => {
  it.each<[Cell, number]>([
    [3, 3],
    ["3", 3],
    ["3,0", 3],
    [0, 0],
  ])("reads %j as %d", (cell, n) => {
    expect(readCount(cell)).toBe(n);
  });

  it.each<[Cell]>([["3,5"], [-1], ["-1"], ["ba"], [2.5], ["1.000"]])("rejects %j", (cell) => {
    expect(readCount(cell)).toBeUndefined();
  });
});

describe("readMoney: whole đồng with thousands separators", () => {
  it.each<[Cell]>([
    [3_000_000],
    ["3000000"],
    ["3.000.000"],
    ["3,000,000"],
    ["3 000 000"],
    ["3\u00a0000\u00a0000"],
    ["3.000.000 đ"],
    ["3.000.000đ"],
    ["3.000.000 đồng"],
    ["3.000.000 VNĐ"],
    ["3.000.000 ₫"],
    [" 3.000.000 đồng ".normalize("NFD")],
  ])("reads %j as 3 000 000 đồng", (cell) => {
    expect(readMoney(cell)).toBe(3_000_000n);
  });

  it.each<[Cell, bigint]>([
    ["500.000", 500_000n],
    ["1.500", 1500n],
    [0, 0n],
    ["0", 0n],
    ["12.345.678.901.234.567", 12_345_678_901_234_567n],
  ])("reads %j exactly", (cell, amount) => {
    expect(readMoney(cell)).toBe(amount);
  });

  it.each<[Cell]>([
    ["3.00.000"],
    ["3.0000.000"],
    ["3.000,000"],
    ["1,5"],
    ["1.5"],
    ["-3.000.000"],
    ["-3000000"],
    [-3_000_000],
    [1.5],
    ["3tr"],
    ["ba triệu"],
    [""],
    [null],
    [true],
    [Number.NaN],
    [Number.MAX_SAFE_INTEGER + 2],
  ])("rejects %j", (cell) => {
    expect(readMoney(cell)).toBeUndefined();
  });
});

describe("readYesNo: Có/Không and their usual stand-ins", () => {
  it.each<[Cell, boolean]>([
    ["Có", true],
    ["có", true],
    ["CÓ", true],
    ["Co", true],
    ["Có".normalize("NFD"), true],
    ["x", true],
    ["X", true],
    [true, true],
    ["TRUE", true],
    [1, true],
    ["Không", false],
    ["khong", false],
    ["KHÔNG", false],
    [false, false],
    ["FALSE", false],
    [0, false],
  ])("reads %j as %s", (cell, value) => {
    expect(readYesNo(cell, foldKey)).toBe(value);
  });

  it.each<[Cell]>([["Có lẽ"], ["?"], [2], [null], [""]])("leaves %j undecided", (cell) => {
    expect(readYesNo(cell, foldKey)).toBeUndefined();
  });
});

describe("dates: real dates, serial numbers and dd/mm/yyyy, in Asia/Ho_Chi_Minh", () => {
  it("reads a real Date as the calendar day it is in Vietnam", () => {
    // 17:30 UTC on 10 October is 00:30 on 11 October in Vietnam (UTC+7).
    expect(readDay(new Date("2020-10-10T17:30:00Z"))).toBe(calendarDay(2020, 10, 11));
    // 16:59 UTC is still 23:59 on 10 October in Vietnam.
    expect(readDay(new Date("2020-10-10T16:59:00Z"))).toBe(calendarDay(2020, 10, 10));
    // A date written by a host at Vietnamese midnight.
    expect(readDay(new Date("2020-10-09T17:00:00Z"))).toBe(calendarDay(2020, 10, 10));
  });

  it.each<[Cell, number]>([
    [44114, calendarDay(2020, 10, 10)],
    [44114.99, calendarDay(2020, 10, 10)],
    [43831, calendarDay(2020, 1, 1)],
    [61, calendarDay(1900, 3, 1)],
  ])("reads serial %d", (serial, day) => {
    expect(readDay(serial)).toBe(day);
  });

  it("reads the time of a serial number as Vietnamese wall time", () => {
    // 44114.75 = 10/10/2020 18:00 in Vietnam = 11:00 UTC.
    expect(readInstant(44114.75)).toBe(Date.UTC(2020, 9, 10, 11, 0, 0));
  });

  it.each<[string, number]>([
    ["10/10/2020", calendarDay(2020, 10, 10)],
    ["03/04/2020", calendarDay(2020, 4, 3)],
    ["3/4/2020", calendarDay(2020, 4, 3)],
    ["5/9/2020", calendarDay(2020, 9, 5)],
    ["12/01/2021", calendarDay(2021, 1, 12)],
    ["29/02/2020", calendarDay(2020, 2, 29)],
    ["31/12/2020", calendarDay(2020, 12, 31)],
    [" 10/10/2020 ", calendarDay(2020, 10, 10)],
    ["10/10/2020 23:59", calendarDay(2020, 10, 10)],
    ["10/10/2020 00:00:01", calendarDay(2020, 10, 10)],
    ["2020-10-10", calendarDay(2020, 10, 10)],
    ["2020-04-03", calendarDay(2020, 4, 3)],
  ])("reads text %j day-first", (text, day) => {
    expect(readDay(text)).toBe(day);
  });

  it("reads a text time as Vietnamese wall time", () => {
    expect(readInstant("10/10/2020 14:30")).toBe(Date.UTC(2020, 9, 10, 7, 30, 0));
    expect(readInstant("10/10/2020 14:30:15")).toBe(Date.UTC(2020, 9, 10, 7, 30, 15));
  });

  it("never reads month-first", () => {
    expect(readDay("03/04/2020")).not.toBe(calendarDay(2020, 3, 4));
    expect(readDay("04/03/2020")).toBe(calendarDay(2020, 3, 4));
  });

  it.each<[Cell]>([
    ["13/25/2020"],
    ["12/25/2020"],
    ["31/02/2020"],
    ["29/02/2021"],
    ["31/04/2020"],
    ["00/10/2020"],
    ["10/00/2020"],
    ["10/10/20"],
    ["10/10/2020 25:00"],
    ["10/10/2020 12:60"],
    ["2020-13-01"],
    ["2020-02-30"],
    ["mười tháng mười"],
    [""],
    [null],
    [true],
    [0],
    [-5],
    [Number.NaN],
    [new Date(Number.NaN)],
  ])("rejects %j", (cell) => {
    expect(readDay(cell)).toBeUndefined();
  });
});

describe("cell addresses", () => {
  it.each<[number, string]>([
    [0, "A"],
    [3, "D"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %d is %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });

  it("builds sheet!cell from 0-based row and column", () => {
    expect(cellAddress("Điểm", 6, 3)).toBe("Điểm!D7");
    expect(cellAddress("Cuộc thi", 0, 1)).toBe("Cuộc thi!B1");
  });
});

describe("blank cells and rows", () => {
  it.each<[Cell | undefined, boolean]>([
    [null, true],
    [undefined, true],
    ["", true],
    ["  \t ", true],
    ["\u00a0", true],
    [0, false],
    [false, false],
    ["x", false],
  ])("isBlank(%j) is %s", (cell, blank) => {
    expect(isBlank(cell)).toBe(blank);
  });

  it("treats a row of empty cells, or no row, as blank", () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(undefined)).toBe(true);
    expect(isBlankRow([null, " ", ""])).toBe(true);
    expect(isBlankRow([null, " ", 0])).toBe(false);
  });
});

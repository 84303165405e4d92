import { describe, it, expect } from "vitest";
import { amountInWords, numberInWords } from "../shared/vn/words.js";
import { formatDate, formatDateTime, formatDecimalVi, formatInteger, formatMoney } from "../shared/vn/format.js";

// Expectations written by hand from the Vietnamese reading rules (not generated).
const AMOUNTS: ReadonlyArray<readonly [bigint, string]> = [
  // units and tens
  [0n, "Không đồng"],
  [1n, "Một đồng"],
  [4n, "Bốn đồng"],
  [5n, "Năm đồng"],
  [9n, "Chín đồng"],
  [10n, "Mười đồng"],
  [11n, "Mười một đồng"],
  [14n, "Mười bốn đồng"],
  [15n, "Mười lăm đồng"],
  [19n, "Mười chín đồng"],
  [20n, "Hai mươi đồng"],
  [21n, "Hai mươi mốt đồng"],
  [24n, "Hai mươi tư đồng"],
  [25n, "Hai mươi lăm đồng"],
  [34n, "Ba mươi tư đồng"],
  [41n, "Bốn mươi mốt đồng"],
  [44n, "Bốn mươi tư đồng"],
  [51n, "Năm mươi mốt đồng"],
  [54n, "Năm mươi tư đồng"],
  [55n, "Năm mươi lăm đồng"],
  [90n, "Chín mươi đồng"],
  [99n, "Chín mươi chín đồng"],
  // hundreds
  [100n, "Một trăm đồng"],
  [104n, "Một trăm linh bốn đồng"],
  [105n, "Một trăm linh năm đồng"],
  [111n, "Một trăm mười một đồng"],
  [114n, "Một trăm mười bốn đồng"],
  [115n, "Một trăm mười lăm đồng"],
  [124n, "Một trăm hai mươi tư đồng"],
  [205n, "Hai trăm linh năm đồng"],
  [251n, "Hai trăm năm mươi mốt đồng"],
  [999n, "Chín trăm chín mươi chín đồng"],
  // thousands
  [1000n, "Một nghìn đồng"],
  [1001n, "Một nghìn không trăm linh một đồng"],
  [1011n, "Một nghìn không trăm mười một đồng"],
  [1050n, "Một nghìn không trăm năm mươi đồng"],
  [1111n, "Một nghìn một trăm mười một đồng"],
  [7000n, "Bảy nghìn đồng"],
  [10000n, "Mười nghìn đồng"],
  [15000n, "Mười lăm nghìn đồng"],
  [21000n, "Hai mươi mốt nghìn đồng"],
  [31000n, "Ba mươi mốt nghìn đồng"],
  [45000n, "Bốn mươi lăm nghìn đồng"],
  [50000n, "Năm mươi nghìn đồng"],
  [100000n, "Một trăm nghìn đồng"],
  [101000n, "Một trăm linh một nghìn đồng"],
  [110000n, "Một trăm mười nghìn đồng"],
  [250000n, "Hai trăm năm mươi nghìn đồng"],
  [500000n, "Năm trăm nghìn đồng"],
  // millions
  [1000000n, "Một triệu đồng"],
  [1000005n, "Một triệu không trăm linh năm đồng"],
  [1000010n, "Một triệu không trăm mười đồng"],
  [1000100n, "Một triệu một trăm đồng"],
  [1005000n, "Một triệu không trăm linh năm nghìn đồng"],
  [1010000n, "Một triệu không trăm mười nghìn đồng"],
  [1100000n, "Một triệu một trăm nghìn đồng"],
  [1500000n, "Một triệu năm trăm nghìn đồng"],
  [2500000n, "Hai triệu năm trăm nghìn đồng"],
  [3000000n, "Ba triệu đồng"],
  [5000000n, "Năm triệu đồng"],
  [8500000n, "Tám triệu năm trăm nghìn đồng"],
  [12345678n, "Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám đồng"],
  [13000000n, "Mười ba triệu đồng"],
  [17000000n, "Mười bảy triệu đồng"],
  [18000000n, "Mười tám triệu đồng"],
  [20000000n, "Hai mươi triệu đồng"],
  [21000000n, "Hai mươi mốt triệu đồng"],
  [48000000n, "Bốn mươi tám triệu đồng"],
  [999999999n, "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"],
  // billions and beyond
  [1000000000n, "Một tỷ đồng"],
  [1000000001n, "Một tỷ không trăm linh một đồng"],
  [1500000000n, "Một tỷ năm trăm triệu đồng"],
  [1234567890n, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng"],
  [1000000000000n, "Một nghìn tỷ đồng"],
  [1001000000000n, "Một nghìn không trăm linh một tỷ đồng"],
  [2000000000000n, "Hai nghìn tỷ đồng"],
  [2000000000005n, "Hai nghìn tỷ không trăm linh năm đồng"],
  [1000000000000000n, "Một triệu tỷ đồng"],
  [1000000000000000000n, "Một tỷ tỷ đồng"],
  [1000000000000000001n, "Một tỷ tỷ không trăm linh một đồng"],
  [9223372036854775807n, "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " + "tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy đồng"],
];

describe("amountInWords", () => {
  it("has a table of at least 40 amounts", () => {
    expect(AMOUNTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(AMOUNTS.map(([n, s]) => [n.toString(), n, s] as const))("%s (nghìn)", (_label, n, expected) => {
    expect(amountInWords(n)).toBe(expected);
    expect(amountInWords(n, "nghìn")).toBe(expected);
  });

  it.each(AMOUNTS.map(([n, s]) => [n.toString(), n, s.replaceAll("nghìn", "ngàn")] as const))("%s (ngàn)", (_label, n, expected) => {
    const got = amountInWords(n, "ngàn");
    expect(got).toBe(expected);
    expect(got).not.toContain("nghìn");
  });

  it("spells out the ngàn examples explicitly", () => {
    expect(amountInWords(8500000n, "ngàn")).toBe("Tám triệu năm trăm ngàn đồng");
    expect(amountInWords(500000n, "ngàn")).toBe("Năm trăm ngàn đồng");
    expect(amountInWords(2000000000000n, "ngàn")).toBe("Hai ngàn tỷ đồng");
    expect(amountInWords(1005000n, "ngàn")).toBe("Một triệu không trăm linh năm ngàn đồng");
  });

  it("reads negative amounts with Âm", () => {
    expect(amountInWords(-3000000n)).toBe("Âm ba triệu đồng");
    expect(amountInWords(-15n)).toBe("Âm mười lăm đồng");
    expect(amountInWords(-8500000n, "ngàn")).toBe("Âm tám triệu năm trăm ngàn đồng");
  });

  it("uses precomposed (NFC) characters", () => {
    for (const [n] of AMOUNTS) {
      const s = amountInWords(n);
      expect(s.normalize("NFC")).toBe(s);
    }
  });
});

describe("numberInWords", () => {
  it("is lower case without unit", () => {
    expect(numberInWords(0n)).toBe("không");
    expect(numberInWords(21n)).toBe("hai mươi mốt");
    expect(numberInWords(1500n, "ngàn")).toBe("một ngàn năm trăm");
    expect(numberInWords(1500n)).toBe("một nghìn năm trăm");
    expect(numberInWords(-5n)).toBe("âm năm");
  });
});

describe("formatInteger / formatMoney", () => {
  it("formats integers with dot separators", () => {
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(999)).toBe("999");
    expect(formatInteger(1000)).toBe("1.000");
    expect(formatInteger(3000000n)).toBe("3.000.000");
    expect(formatInteger(12345678)).toBe("12.345.678");
    expect(formatInteger(-1234n)).toBe("-1.234");
    expect(formatInteger(-0)).toBe("0");
    expect(formatInteger(1000000000000000000n)).toBe("1.000.000.000.000.000.000");
  });

  it("rejects non-integer numbers", () => {
    expect(() => formatInteger(1.5)).toThrow(RangeError);
    expect(() => formatInteger(Number.NaN)).toThrow(RangeError);
  });

  it("formats money with a normal space and đ", () => {
    expect(formatMoney(3000000n)).toBe("3.000.000 đ");
    expect(formatMoney(-3000n)).toBe("-3.000 đ");
    expect(formatMoney(0n)).toBe("0 đ");
    expect(formatMoney(500n)).toBe("500 đ");
    expect(formatMoney(8500000n)).toBe("8.500.000\u0020đ");
  });
});

describe("formatDate / formatDateTime", () => {
  it("formats dd/mm/yyyy", () => {
    expect(formatDate({ y: 2020, m: 9, d: 5 })).toBe("05/09/2020");
    expect(formatDate({ y: 2024, m: 12, d: 31 })).toBe("31/12/2024");
  });

  it("formats date and time, seconds only when given", () => {
    expect(formatDateTime({ y: 2020, m: 9, d: 5, hh: 8, mi: 3 })).toBe("05/09/2020 08:03");
    expect(formatDateTime({ y: 2020, m: 9, d: 5, hh: 8, mi: 3, ss: 7 })).toBe("05/09/2020 08:03:07");
    expect(formatDateTime({ y: 2021, m: 1, d: 1, hh: 23, mi: 59, ss: 0 })).toBe("01/01/2021 23:59:00");
  });
});

describe("formatDecimalVi", () => {
  it("uses a decimal comma and dot thousands", () => {
    expect(formatDecimalVi("80.01")).toBe("80,01");
    expect(formatDecimalVi("-7.5")).toBe("-7,5");
    expect(formatDecimalVi("12")).toBe("12");
    expect(formatDecimalVi("1234.5")).toBe("1.234,5");
    expect(formatDecimalVi("999.25")).toBe("999,25");
    expect(formatDecimalVi("1000")).toBe("1.000");
    expect(formatDecimalVi("-1234567.125")).toBe("-1.234.567,125");
    expect(formatDecimalVi("0.5")).toBe("0,5");
    expect(formatDecimalVi("0")).toBe("0");
  });

  it("rejects non-decimal text", () => {
    expect(() => formatDecimalVi("")).toThrow(RangeError);
    expect(() => formatDecimalVi("1,5")).toThrow(RangeError);
    expect(() => formatDecimalVi("abc")).toThrow(RangeError);
    expect(() => formatDecimalVi("1e5")).toThrow(RangeError);
  });
});

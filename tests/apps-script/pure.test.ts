import { describe, expect, it } from "vitest";
import { needsTextPrefix, toSheet } from "../../apps-script/src/cells.js";
import { mapAnswers, nextEntryCode } from "../../shared/tasks/form-intake.js";
import { typedIn } from "./gas-double.js";

describe("nextEntryCode", () => {
  it.each([
    [[], "B001"],
    [["SK01", "SK09"], "SK10"],
    [["SK1", "SK2"], "SK3"],
    [["V01", "SK07", "SK03"], "SK08"],
    [["2024-009", "2024-010"], "2024-011"],
    [["SK01", "sk02", "SK03", "SK05"], "SK06"],
    [["Ghi chú", "X"], "B001"],
  ])("after %j comes %s", (codes, next) => {
    expect(nextEntryCode(codes)).toBe(next);
  });

  it("never hands out a code already taken", () => {
    expect(nextEntryCode(["B001", "SK"])).toBe("B002");
  });
});

describe("mapAnswers", () => {
  it("matches question titles like sheet headers and keeps other answers for the note", () => {
    const m = mapAnswers([
      { title: "TÊN BÀI", text: "  Bài một " },
      { title: "don vi", text: "PTP" },
      { title: "authors", text: "A; B" },
      { title: "Dấu thời gian", text: "20/09/2020 10:00:00" },
      { title: "Mã bài", text: "SK99" },
      { title: "Số điện thoại", text: "0912" },
    ]);
    expect(m.values).toEqual({ title: "Bài một", unit: "PTP", authors: "A; B" });
    expect(m.extras).toEqual(["Số điện thoại: 0912"]);
  });
});

describe("text written to Sheets", () => {
  it.each(["=1+1", "+84 912", "-5 điểm", "@mention", "001", "8,5", "01/02/2020", "TRUE", "'quoted"])("keeps %j as text", (text) => {
    expect(needsTextPrefix(text)).toBe(true);
    expect(typedIn(toSheet(text)).value).toBe(text);
  });

  it("leaves ordinary text, numbers and dates alone", () => {
    expect(toSheet("Phòng Nội vụ")).toBe("Phòng Nội vụ");
    expect(toSheet(8.5)).toBe(8.5);
    expect(toSheet(null)).toBe("");
    const d = new Date(0);
    expect(toSheet(d)).toBe(d);
  });
});

import { describe, expect, it } from "vitest";
import { formatDuration, readDurationMs, readScaled, readSubmitted } from "../shared/quiz/fields.js";

/** Durations and submission times as quiz platforms and spreadsheets hand them over. */

const huế = (y: number, m: number, d: number, hh: number, mi: number, ss: number): number => Date.UTC(y, m - 1, d, hh - 7, mi, ss);

describe("time taken (`Thời gian làm bài`)", () => {
  it("reads seconds, as a number or as text", () => {
    expect(readDurationMs(452)).toBe(452_000);
    expect(readDurationMs("452")).toBe(452_000);
    expect(readDurationMs("452,5")).toBe(452_500);
    expect(readDurationMs(" 90 ")).toBe(90_000);
  });

  it("reads mm:ss, minutes beyond 59 included", () => {
    expect(readDurationMs("07:32")).toBe(452_000);
    expect(readDurationMs("7:32")).toBe(452_000);
    expect(readDurationMs("75:10")).toBe(4_510_000);
  });

  it("reads hh:mm:ss", () => {
    expect(readDurationMs("1:07:32")).toBe(4_052_000);
    expect(readDurationMs("00:07:32")).toBe(452_000);
  });

  it("reads a spreadsheet time: a day fraction, or a time-of-day date on 30/12/1899", () => {
    expect(readDurationMs(452 / 86_400)).toBe(452_000);
    // ExcelJS gives 00:07:32 as 1899-12-30T00:07:32Z in wall-clock fields; the port turns it into a real instant (−7 h).
    expect(readDurationMs(new Date(Date.UTC(1899, 11, 30, 0, 7, 32) - 7 * 3_600_000))).toBe(452_000);
  });

  it("refuses what is not a duration", () => {
    for (const bad of ["7:60", "1:60:00", "abc", "-5", "07:32:10:01", "7 phút"]) expect(readDurationMs(bad), bad).toBeUndefined();
    expect(readDurationMs(-3)).toBeUndefined();
    expect(readDurationMs(true)).toBeUndefined();
  });

  it("is shown as mm:ss, or h:mm:ss from an hour on", () => {
    expect(formatDuration(452_000)).toBe("07:32");
    expect(formatDuration(4_052_000)).toBe("1:07:32");
    expect(formatDuration(452_500)).toBe("07:32,5");
  });
});

describe("submission time (`Thời điểm nộp`)", () => {
  it("reads text dd/mm/yyyy hh:mm:ss in Vietnam's time zone, never month-first", () => {
    expect(readSubmitted("02/06/2023 08:15:00")).toBe(huế(2023, 6, 2, 8, 15, 0));
    expect(readSubmitted("2/6/2023 08:15:07")).toBe(huế(2023, 6, 2, 8, 15, 7));
    expect(readSubmitted("30/06/2023 23:59:59")).toBe(huế(2023, 6, 30, 23, 59, 59));
    expect(readSubmitted("13/06/2023 10:00")).toBe(huế(2023, 6, 13, 10, 0, 0));
  });

  it("reads real dates and spreadsheet serial numbers", () => {
    const d = new Date(Date.UTC(2023, 5, 2, 1, 15, 0));
    expect(readSubmitted(d)).toBe(d.getTime());
    // 45079 = 02/06/2023; .34375 = 08:15 wall time in Huế.
    expect(readSubmitted(45079.34375)).toBe(huế(2023, 6, 2, 8, 15, 0));
  });

  it("refuses impossible dates and times", () => {
    for (const bad of ["31/02/2023 10:00:00", "06/13/2023 10:00:00", "02/06/2023 24:00:00", "02/06/2023 10:61:00", "hôm qua"]) {
      expect(readSubmitted(bad), bad).toBeUndefined();
    }
  });
});

describe("scores and predictions", () => {
  it("are exact to 1/10 000, with a decimal comma or point", () => {
    expect(readScaled("8,5")).toBe(85_000);
    expect(readScaled("8.5")).toBe(85_000);
    // A number cell computed in binary (0.1 + 0.2) is taken as the 1/10 000 step it stands for.
    expect(readScaled(0.1 + 0.2)).toBe(3_000);
    expect(readScaled(0.30001)).toBeUndefined();
    expect(readScaled("1250")).toBe(12_500_000);
    expect(readScaled("0,00001")).toBeUndefined();
    expect(readScaled("1.000")).toBeUndefined();
  });
});

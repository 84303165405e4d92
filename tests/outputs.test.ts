import { describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { FLAG } from "../shared/scoring/contest-results.js";
import { toFixedText } from "../shared/cells/exact.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { contestOutputs } from "../shared/tasks/tally.js";
import { type ContestSpec, type Row, awardTable, outputSheet, panelScores, rankTable, resultOf, runSpec } from "./support/contest-ledger.js";
import { demoLedgerScored } from "./support/grids.js";

const RESULTS_COLUMNS = ["Hạng mục", "Hạng", "Mã bài", "Tên bài", "Đơn vị", "Tác giả", "Số GK", "Điểm", "Chênh lệch", "Giải", "Ghi chú"];
const PRIZE_LIST_COLUMNS = ["TT", "Hạng mục", "Giải", "Mã bài", "Tên bài", "Tác giả", "Đơn vị", "Điểm", "Số tiền"];

/** The rows of `Danh sách giải` from its header down. */
function prizeTable(rows: Grid, headerRow: number): Cell[][] {
  return rows.slice(headerRow);
}

const small: ContestSpec = {
  entries: [
    { code: "E1", title: "Một cửa điện tử", authors: "Nguyễn Văn An", unit: "U2" },
    { code: "E2", title: "Số hóa hồ sơ", authors: "Trần Thị Bình", unit: "U1" },
    { code: "E3", title: "Hộp thư góp ý", authors: "Lê Văn Cường", unit: "U3", status: "Rút" },
  ],
  scores: panelScores({ E1: [70, "75,5", 80], E2: [60, 61, 62], E3: [50, 50, 50] }),
  prizes: [
    [null, "Nhất", 1, "3.000.000"],
    [null, "Nhì", 1, 1_500_000],
  ],
};

describe("`Kết quả`", () => {
  it("has the contract's columns, in order, one row per entry, ranked first", () => {
    const sheet = outputSheet(runSpec(small), "Kết quả");
    expect(sheet.rows[0]).toEqual(RESULTS_COLUMNS);
    expect(sheet.rows.slice(1)).toEqual([
      ["", 1, "E1", "Một cửa điện tử", "Đơn vị Hai", "Nguyễn Văn An", 3, 75.17, 10, "Nhất", ""],
      ["", 2, "E2", "Số hóa hồ sơ", "Đơn vị Một", "Trần Thị Bình", 3, 61, 2, "Nhì", ""],
      ["", null, "E3", "Hộp thư góp ý", "Đơn vị Ba", "Lê Văn Cường", 3, 50, 0, "", "đã rút"],
    ]);
  });

  it("`Chênh lệch` is the highest minus the lowest counted judge total", () => {
    const run = runSpec({ entries: [{ code: "E1" }], scores: panelScores({ E1: [88.25, 70, "79,5", 71] }), settings: [["Số chữ số thập phân", 2]] });
    const [, row] = outputSheet(run, "Kết quả").rows;
    expect(row![RESULTS_COLUMNS.indexOf("Chênh lệch")]).toBe(18.25);
    expect(row![RESULTS_COLUMNS.indexOf("Số GK")]).toBe(4);
  });
});

describe("`Danh sách giải`", () => {
  it("lists the winners under the contract's columns, then `Tổng cộng` and `Bằng chữ:`", () => {
    const run = runSpec(small);
    const sheet = outputSheet(run, "Danh sách giải");
    const table = prizeTable(sheet.rows, sheet.format.headerRow);
    expect(table).toEqual([
      PRIZE_LIST_COLUMNS,
      [1, "", "Nhất", "E1", "Một cửa điện tử", "Nguyễn Văn An", "Đơn vị Hai", 75.17, 3_000_000],
      [2, "", "Nhì", "E2", "Số hóa hồ sơ", "Trần Thị Bình", "Đơn vị Một", 61, 1_500_000],
      ["Tổng cộng", null, null, null, null, null, null, null, 4_500_000],
      ["Bằng chữ:", "Bốn triệu năm trăm nghìn đồng"],
    ]);
    // No `Lỗi`: no provisional banner anywhere above the table.
    expect(
      sheet.rows
        .slice(0, sheet.format.headerRow)
        .flat()
        .some((c) => typeof c === "string" && c.includes("TẠM TÍNH")),
    ).toBe(false);
  });

  it("`Đọc số: ngàn` writes the total with `ngàn`", () => {
    const run = runSpec({ ...small, settings: [["Đọc số", "ngàn"]] });
    const rows = outputSheet(run, "Danh sách giải").rows;
    expect(rows[rows.length - 1]).toEqual(["Bằng chữ:", "Bốn triệu năm trăm ngàn đồng"]);
  });

  it("sums money exactly in đồng: 3 × 333.333 đ = 999.999 đ", () => {
    const run = runSpec({
      entries: [{ code: "E1" }, { code: "E2" }, { code: "E3" }],
      scores: panelScores({ E1: [90], E2: [80], E3: [70] }),
      prizes: [[null, "Khuyến khích", 3, "333.333"]],
    });
    expect(run.result.totalAmount).toBe(999_999n);
    const rows = outputSheet(run, "Danh sách giải").rows;
    expect(rows.slice(-2)).toEqual([
      ["Tổng cộng", null, null, null, null, null, null, null, 999_999],
      ["Bằng chữ:", "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"],
    ]);
  });

  it("says `KẾT QUẢ TẠM TÍNH` and the error count above the table only when `Lỗi` remain", () => {
    const withErrors = runSpec({
      ...small,
      judges: [{ code: "GK1" }, { code: "GK2" }, { code: "GK3" }],
      scores: [...small.scores, ["E1", "GK9", 50], ["E9", "GK1", 50]], // two unknown codes: two `Lỗi`
    });
    expect(withErrors.errorCount).toBe(2);
    const sheet = outputSheet(withErrors, "Danh sách giải");
    const above = sheet.rows
      .slice(0, sheet.format.headerRow)
      .flat()
      .filter((c): c is string => typeof c === "string");
    const banner = above.find((c) => c.includes("KẾT QUẢ TẠM TÍNH"));
    expect(banner).toBeDefined();
    expect(banner).toContain("còn 2 lỗi");
    expect(sheet.rows[sheet.format.headerRow]).toEqual(PRIZE_LIST_COLUMNS);
    // The winners are still listed: the result is provisional, not withheld.
    expect(sheet.rows[sheet.format.headerRow + 1]?.[3]).toBe("E1");

    const warningsOnly = runSpec({ ...small, scores: small.scores.slice(1) }); // a missing score is a `Cảnh báo`
    expect(warningsOnly.errorCount).toBe(0);
    expect(warningsOnly.warningCount).toBeGreaterThan(0);
    const clean = outputSheet(warningsOnly, "Danh sách giải");
    expect(clean.rows.flat().some((c) => typeof c === "string" && c.includes("TẠM TÍNH"))).toBe(false);
  });
});

describe("`Tổng hợp đơn vị`", () => {
  const units: Row[] = [
    ["M1", "Đơn vị M1", "Có", null], // mandatory, quota left blank: 1
    ["M2", "Đơn vị M2", "Có", 2],
    ["O1", "Đơn vị O1", "Không", null], // optional: quota 0
    ["M3", "Đơn vị M3", "Có", null],
    ["M4", "Đơn vị M4", "Có", null],
    ["M5", "Đơn vị M5", "Có", null],
  ];
  const run = runSpec({
    settings: [["Nhận bài đến ngày", "10/10/2024"]],
    units,
    entries: [
      { code: "A", unit: "M1", received: "01/10/2024" },
      { code: "B", unit: "M1", received: "01/10/2024" },
      { code: "C", unit: "M2", received: "01/10/2024" },
      { code: "D", unit: "M2", received: "01/10/2024", status: "Không hợp lệ" },
      { code: "E", unit: "M3", received: "01/10/2024", status: "Rút" },
      { code: "F", unit: "M4", received: "01/10/2024", status: "Không hợp lệ" },
      { code: "G", unit: "M5", received: "15/10/2024" },
    ],
    scores: panelScores({ A: [90], B: [70], C: [80], D: [95], E: [99], F: [60], G: [97] }),
    prizes: [
      [null, "Nhất", 1, 1_000_000],
      [null, "Nhì", 1, 500_000],
      [null, "Ba", 2, 250_000],
    ],
  });

  it("counts entries against each unit's quota and sums its prizes and money", () => {
    const sheet = outputSheet(run, "Tổng hợp đơn vị");
    expect(sheet.rows).toEqual([
      ["Mã đơn vị", "Tên đơn vị", "Bắt buộc", "Số bài nộp", "Số bài hợp lệ", "Chỉ tiêu", "Số giải", "Tiền thưởng"],
      ["M1", "Đơn vị M1", "Có", 2, 2, "Đạt", 2, 1_250_000],
      ["M2", "Đơn vị M2", "Có", 2, 1, "Chưa đạt", 1, 500_000], // the invalid entry is submitted, not valid
      ["O1", "Đơn vị O1", "Không", 0, 0, "Đạt", 0, 0],
      ["M3", "Đơn vị M3", "Có", 0, 0, "Chưa đạt", 0, 0], // a withdrawn entry is not submitted
      ["M4", "Đơn vị M4", "Có", 1, 0, "Chưa đạt", 0, 0],
      ["M5", "Đơn vị M5", "Có", 1, 0, "Chưa đạt", 0, 0], // received after the window
    ]);
  });

  it("the units' money adds up to the prize list total", () => {
    expect(run.units.reduce((s, u) => s + u.amount, 0n)).toBe(run.result.totalAmount);
    expect(run.result.totalAmount).toBe(1_750_000n);
  });
});

describe("`Kiểm tra`", () => {
  it("lists every problem as `Mức độ` · `Vị trí` · `Nội dung`, errors first", () => {
    const run = runSpec({
      entries: [{ code: "E1", status: "Rút" }, { code: "E2" }, { code: "E3" }],
      scores: [
        ["E2", "GK1", 70],
        ["E3", "GK1", 101], // row 3: `Lỗi` on a later sheet than the `Cảnh báo` of `Bài dự thi`
      ],
    });
    const rows = outputSheet(run, "Kiểm tra").rows;
    expect(rows[0]).toEqual(["Mức độ", "Vị trí", "Nội dung"]);
    const body = rows.slice(1);
    expect(body.map((r) => [r[0], r[1]])).toEqual([
      ["Lỗi", "Điểm!C3"],
      ["Cảnh báo", "Bài dự thi!G2"], // withdrawn
      ["Cảnh báo", "Bài dự thi!A4"], // E3 has no valid total
    ]);
    expect(body[0]![2]).toBe("Điểm 101 của tiêu chí “TC” nằm ngoài thang 0 – 100; giám khảo này chưa có tổng điểm cho bài.");
  });

  it("says so when there is nothing to report", () => {
    const run = runSpec({ entries: [{ code: "E1" }], scores: panelScores({ E1: [70] }) });
    expect(outputSheet(run, "Kiểm tra").rows).toEqual([
      ["Mức độ", "Vị trí", "Nội dung"],
      [null, null, "Không phát hiện lỗi hay cảnh báo nào."],
    ]);
  });

  it("speaks English when asked, with the same addresses", () => {
    const run = runSpec({ entries: [{ code: "E1" }], scores: [["E1", "GK1", "tám"]] });
    const en = contestOutputs(run, "en").find((s) => s.name === "Kiểm tra")!.rows;
    expect(en[1]!.slice(0, 2)).toEqual(["Error", "Điểm!C2"]);
    expect(en[1]![2]).toContain("is not a number");
  });
});

describe("the demo ledger (seed 000 structure)", () => {
  const run = runContest(demoLedgerScored());

  it("gives exactly 7 prizes totalling 8.500.000 đ, written in words", () => {
    const awarded = awardTable(run).filter(([, a]) => a !== "");
    expect(awarded).toEqual([
      ["SK04", "Nhất"],
      ["SK05", "Nhì"],
      ["SK02", "Ba"],
      ["SK10", "Ba"],
      ["SK06", "Khuyến khích"],
      ["SK08", "Khuyến khích"],
      ["SK01", "Khuyến khích"],
    ]);
    expect(run.result.totalAmount).toBe(8_500_000n);
    expect(run.errorCount).toBe(0);
    const sheet = outputSheet(run, "Danh sách giải");
    const table = prizeTable(sheet.rows, sheet.format.headerRow);
    expect(table).toHaveLength(1 + 7 + 2);
    expect(table.slice(1, 8).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(table[8]).toEqual(["Tổng cộng", null, null, null, null, null, null, null, 8_500_000]);
    expect(table[9]).toEqual(["Bằng chữ:", "Tám triệu năm trăm nghìn đồng"]);
  });

  it("ties SK06 and SK08 (both Khuyến khích) and puts SK05 ahead of SK02 by tie-break", () => {
    const [sk06, sk08, sk05, sk02] = ["SK06", "SK08", "SK05", "SK02"].map((c) => resultOf(run, c));
    expect([sk06!.rank, sk08!.rank]).toEqual([5, 5]);
    expect(sk06!.flags).toContain(FLAG.tied);
    expect(sk08!.flags).toContain(FLAG.tied);
    expect(toFixedText(sk05!.score!, 2)).toBe(toFixedText(sk02!.score!, 2));
    expect([sk05!.rank, sk02!.rank]).toEqual([2, 3]);
    expect(sk05!.tied).toBe(false);
  });

  it("does not rank SK12 (late) or SK09 (below the minimum)", () => {
    expect(resultOf(run, "SK12").flags).toContain(FLAG.late);
    expect(resultOf(run, "SK09").flags).toContain(FLAG.belowMin);
    const ranks = new Map(rankTable(run));
    expect(ranks.get("SK12")).toBeUndefined();
    expect(ranks.get("SK09")).toBeUndefined();
  });

  it("marks XPT `Chưa đạt` and every other mandatory unit with an entry `Đạt`", () => {
    const rows = outputSheet(run, "Tổng hợp đơn vị").rows.slice(1);
    const byUnit = new Map(rows.map((r) => [r[0], r[5]]));
    expect(byUnit.get("XPT")).toBe("Chưa đạt");
    expect([...byUnit.values()].filter((v) => v === "Chưa đạt")).toHaveLength(1);
  });

  it("writes `ngàn` when the ledger asks for it", () => {
    const grids = demoLedgerScored();
    const settings = grids.get("Cuộc thi")!;
    const row = settings.find((r) => r[0] === "Đọc số")!;
    row[1] = "ngàn";
    const rows = outputSheet(runContest(grids), "Danh sách giải").rows;
    expect(rows[rows.length - 1]).toEqual(["Bằng chữ:", "Tám triệu năm trăm ngàn đồng"]);
  });
});

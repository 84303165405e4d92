import { describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { problemsSheet } from "../shared/ledger/contest-outputs.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { CONTEST_SHEETS, readContest } from "../shared/ledger/read-contest.js";
import { AGGREGATIONS } from "../shared/scoring/aggregate.js";
import type { Exact } from "../shared/cells/exact.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { contestOutputs } from "../shared/tasks/tally.js";
import { VIETNAMESE_LETTER, calendarDay, cleanLedger, describeProblems, entryResult, errorAt, errorsOf, ledgerWith, problemsAt, settingsGrid, snapshot } from "./support/reading-ledger.js";

const ex = (num: bigint, den: bigint = 1n): Exact => ({ num, den });
/** SK01 and SK02 means in the clean ledger: 25.5 and 21. */
const SK01_MEAN = ex(51n, 2n);
const SK02_MEAN = ex(21n);

const CLEAN_SCORES: Grid = [
  ["SK01", "GK1", 8, 9],
  ["SK01", "GK2", 9, 8],
  ["SK02", "GK1", 6, 7],
  ["SK02", "GK2", 8, 7],
];

function withoutColumn(grid: Grid, header: string): Grid {
  const index = grid[0]!.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return grid.map((row) => row.filter((_, i) => i !== index));
}

describe("the clean ledger used as a baseline", () => {
  it("reads with no problem and gives the hand-computed means", () => {
    const run = runContest(cleanLedger());
    expect(describeProblems(run.problems)).toEqual([]);
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
    expect(entryResult(run, "SK02").score).toEqual(SK02_MEAN);
    expect(entryResult(run, "SK01").rank).toBe(1);
  });
});

describe("headers are matched by text, not position", () => {
  it.each([["Mã bài"], ["ma bai"], ["MÃ  BÀI "], ["  mã\tbài"], ["entry"], ["ENTRY"], ["Mã bài".normalize("NFD")]])("finds the entry-code column headed %j", (header) => {
    const run = runContest(
      ledgerWith("Bài dự thi", [
        [header, "Tên bài", "Mã đơn vị"],
        ["SK01", "Bài một", "U1"],
        ["SK02", "Bài hai", "U2"],
      ]),
    );
    expect(describeProblems(run.problems)).toEqual([]);
    expect(run.ledger.entries.get("SK01")?.title).toBe("Bài một");
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
  });

  it("accepts the English key of every column, in every sheet", () => {
    const sheets = new Map<string, Grid>([
      [
        "Cuộc thi",
        [
          ["key", "value"],
          ["name", "Hội thi thử"],
        ],
      ],
      [
        "Đơn vị",
        [
          ["unit", "name", "mandatory", "quota", "staff", "group", "email"],
          ["U1", "Đơn vị Một", "Có", 2, 40, "Xã", "a@b.vn"],
          ["U2", "Đơn vị Hai", "Không", null, null, null, null],
        ],
      ],
      [
        "Bài dự thi",
        [
          ["entry", "title", "unit", "category", "authors", "type", "received", "field", "status", "note"],
          ["SK01", "Bài một", "U1", null, "Nguyễn Văn A", "Cá nhân", "10/10/2020", "Tư pháp", "Hợp lệ", "ghi chú"],
          ["SK02", "Bài hai", "U2", null, null, null, null, null, null, null],
        ],
      ],
      [
        "Giám khảo",
        [
          ["judge", "name", "unit", "email"],
          ["GK1", "Giám khảo Một", null, null],
          ["GK2", "Giám khảo Hai", null, null],
        ],
      ],
      [
        "Tiêu chí",
        [
          ["criterion", "name", "max", "weight", "category"],
          ["ND", "Nội dung", 10, 1, null],
          ["HT", "Hình thức", 10, 2, null],
        ],
      ],
      ["Điểm", [["entry", "judge", "ND", "HT", "note"], ...CLEAN_SCORES]],
      [
        "Cơ cấu giải",
        [
          ["category", "prize", "count", "amount"],
          [null, "Nhất", 1, 1_000_000],
        ],
      ],
    ]);
    const run = runContest(sheets);
    expect(describeProblems(run.problems)).toEqual([]);
    const u1 = run.ledger.units.get("U1")!;
    expect([u1.mandatory, u1.quota, u1.staff, u1.group, u1.email]).toEqual([true, 2, 40, "Xã", "a@b.vn"]);
    const sk01 = run.ledger.entries.get("SK01")!;
    expect([sk01.authors, sk01.type, sk01.received, sk01.field, sk01.note]).toEqual(["Nguyễn Văn A", "individual", calendarDay(2020, 10, 10), "Tư pháp", "ghi chú"]);
    expect(run.ledger.settings.name).toBe("Hội thi thử");
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
    expect(run.result.totalAmount).toBe(1_000_000n);
  });

  it("reads columns in any order and ignores extra columns", () => {
    const sheets = cleanLedger();
    sheets.set("Đơn vị", [
      ["Người liên hệ", "Số bài tối thiểu", "Tên đơn vị", "Bắt buộc", "Mã đơn vị"],
      ["Chị Lan", 3, "Đơn vị Một", "Có", "U1"],
      ["Anh Minh", null, "Đơn vị Hai", "Không", "U2"],
    ]);
    sheets.set("Bài dự thi", [
      ["Ghi chú nội bộ", "Mã đơn vị", "Tổng", "Tên bài", "Mã bài"],
      ["đã xem", "U1", 1000, "Bài một", "SK01"],
      ["", "U2", "không đọc", "Bài hai", "SK02"],
    ]);
    sheets.set("Điểm", [["HT", "Người nhập", "ND", "Mã GK", "Mã bài"], ...CLEAN_SCORES.map(([e, j, nd, ht]) => [ht!, "thư ký", nd!, j!, e!])]);
    const run = runContest(sheets);
    expect(describeProblems(run.problems)).toEqual([]);
    expect(run.ledger.units.get("U1")).toMatchObject({ code: "U1", name: "Đơn vị Một", mandatory: true, quota: 3 });
    expect(run.ledger.entries.get("SK02")).toMatchObject({ code: "SK02", title: "Bài hai", unitCode: "U2" });
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
    expect(entryResult(run, "SK02").score).toEqual(SK02_MEAN);
  });

  it("never modifies the input sheets, extra columns included", () => {
    const sheets = cleanLedger();
    sheets.get("Bài dự thi")!.forEach((row, i) => row.push(i === 0 ? "Cột riêng" : `giữ nguyên ${i}`));
    sheets.get("Bài dự thi")!.push(["SK03", "Bài ba", "U1", new Date("2020-10-10T03:00:00Z")]);
    sheets.get("Điểm")!.push(["SK03", "GK1", "abc", " 8,5 "]);
    const before = snapshot(sheets);
    const run = runContest(sheets);
    const outputs = contestOutputs(run);
    expect(sheets).toEqual(before);
    expect(run.problems.length).toBeGreaterThan(0);
    const inputNames = new Set(CONTEST_SHEETS);
    expect(outputs.map((o) => o.name).filter((n) => inputNames.has(n))).toEqual([]);
  });

  it.each([
    ["Đơn vị", "Mã đơn vị"],
    ["Đơn vị", "Tên đơn vị"],
    ["Bài dự thi", "Mã bài"],
    ["Bài dự thi", "Tên bài"],
    ["Bài dự thi", "Mã đơn vị"],
    ["Giám khảo", "Mã GK"],
    ["Giám khảo", "Họ tên"],
    ["Tiêu chí", "Mã tiêu chí"],
    ["Tiêu chí", "Tên tiêu chí"],
    ["Tiêu chí", "Điểm tối đa"],
    ["Điểm", "Mã bài"],
    ["Điểm", "Mã GK"],
    ["Cơ cấu giải", "Giải"],
    ["Cơ cấu giải", "Số lượng"],
    ["Cơ cấu giải", "Mức thưởng"],
  ])("a missing required column %s › %s is a Lỗi at the header row naming it", (sheet, header) => {
    const sheets = cleanLedger();
    sheets.set(sheet, withoutColumn(sheets.get(sheet)!, header));
    const run = runContest(sheets);
    const p = errorAt(run, `${sheet}!1:1`);
    expect(p.text.vi).toContain(`“${header}”`);
    expect(p.text.vi).toMatch(/^Thiếu cột bắt buộc/);
    const row = problemsSheet(run.problems).rows.find((r) => r[1] === `${sheet}!1:1`);
    expect(row?.[0]).toBe("Lỗi");
  });

  it("reports the missing column under the sheet's actual name", () => {
    const run = runContest(
      ledgerWith(
        "Bài dự thi",
        [
          ["Mã bài", "Mã đơn vị"],
          ["SK01", "U1"],
        ],
        "bai du thi",
      ),
    );
    expect(errorAt(run, "bai du thi!1:1").text.vi).toContain("“Tên bài”");
  });

  it("reports a duplicated header column at the duplicate and reads the first one", () => {
    const run = runContest(
      ledgerWith("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị", "entry"],
        ["SK01", "Bài một", "U1", "ZZ99"],
        ["SK02", "Bài hai", "U2", "ZZ98"],
      ]),
    );
    const [p, ...more] = problemsAt(run, "Bài dự thi!D1");
    expect(more).toEqual([]);
    expect(p?.text.vi).toContain("“Mã bài”");
    expect(p?.text.vi).toContain("Bài dự thi!A1");
    expect([...run.ledger.entries.keys()]).toEqual(["SK01", "SK02"]);
  });

  it("reports a criterion column that appears twice in `Điểm` (by code and by name)", () => {
    const run = runContest(ledgerWith("Điểm", [["Mã bài", "Mã GK", "ND", "HT", "Nội dung"], ...CLEAN_SCORES.map((r) => [...r, 0])]));
    const [p, ...more] = problemsAt(run, "Điểm!E1");
    expect(more).toEqual([]);
    expect(p?.text.vi).toContain("Điểm!C1");
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
  });
});

describe("sheet names", () => {
  it("finds every sheet regardless of case, diacritics and spacing", () => {
    const clean = cleanLedger();
    const renamed = new Map<string, Grid>([
      ["CUỘC THI", clean.get("Cuộc thi")!],
      ["don vi", clean.get("Đơn vị")!],
      ["Bài  Dự Thi ", clean.get("Bài dự thi")!],
      ["giam khao", clean.get("Giám khảo")!],
      ["TIÊU CHÍ".normalize("NFD"), clean.get("Tiêu chí")!],
      [
        "diem",
        [
          ["Mã bài", "Mã GK", "ND", "HT"],
          ["SK01", "GK1", 8, 9],
          ["SK01", "GK2", 9, "chín"],
          ["SK02", "GK1", 6, 7],
          ["SK02", "GK2", 8, 7],
        ],
      ],
      ["Co cau giai", clean.get("Cơ cấu giải")!],
    ]);
    const run = runContest(renamed);
    expect(run.missingSheets).toEqual([]);
    expect(run.ledger.sheetNames.get("Điểm")).toBe("diem");
    // Problems point at the sheet as the workbook names it.
    expect(errorAt(run, "diem!D3").text.vi).toContain("“chín”");
    expect(entryResult(run, "SK01").score).toEqual(ex(26n));
  });

  it.each(CONTEST_SHEETS.map((s) => [s]))("a missing sheet %s is listed and reported once, and nothing is computed", (sheet) => {
    const sheets = cleanLedger();
    sheets.delete(sheet);
    const run = runContest(sheets);
    expect(run.missingSheets).toEqual([sheet]);
    const about = run.problems.filter((p) => p.sheet === sheet);
    expect(about).toHaveLength(1);
    expect(about[0]!.severity).toBe("error");
    expect(about[0]!.text.vi).toContain(`“${sheet}”`);
    expect(run.result.categories).toEqual([]);
  });

  it("treats a sheet handed over as undefined as missing, and lists several in contract order", () => {
    const sheets: Map<string, Grid | undefined> = cleanLedger();
    sheets.set("Điểm", undefined);
    sheets.delete("Đơn vị");
    const { missingSheets, problems } = readContest(sheets);
    expect(missingSheets).toEqual(["Đơn vị", "Điểm"]);
    for (const sheet of missingSheets) {
      expect(problems.items.filter((p) => p.sheet === sheet).map((p) => p.severity)).toEqual(["error"]);
    }
  });
});

describe("text is NFC-normalised and trimmed; codes compare case-insensitively", () => {
  const nfd = (s: string): string => s.normalize("NFD");

  it("matches decomposed codes of units, entries and judges with composed ones", () => {
    const sheets = cleanLedger();
    sheets.set("Đơn vị", [
      ["Mã đơn vị", "Tên đơn vị"],
      ["HÒA", "Xã Hòa Bình"],
      ["U2", "Đơn vị Hai"],
    ]);
    sheets.set("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị"],
      ["BÀI-01", "Bài một", nfd("hòa")],
      ["SK02", "Bài hai", "U2"],
    ]);
    sheets.set("Giám khảo", [
      ["Mã GK", "Họ tên"],
      ["GK-Đức", "Giám khảo Một"],
      ["GK2", "Giám khảo Hai"],
    ]);
    sheets.set("Điểm", [
      ["Mã bài", "Mã GK", "ND", "HT"],
      [nfd("bài-01"), nfd("gk-đức"), 8, 9],
      ["BÀI-01", "GK2", 9, 8],
      ["SK02", nfd("GK-Đức"), 6, 7],
      ["SK02", "GK2", 8, 7],
    ]);
    const run = runContest(sheets);
    expect(describeProblems(run.problems)).toEqual([]);
    expect(entryResult(run, "BÀI-01").score).toEqual(SK01_MEAN);
    expect(entryResult(run, "BÀI-01").judgeCount).toBe(2);
  });

  it("an entry `sk01` in `Điểm` matches `SK01`, and surrounding spaces do not matter", () => {
    const run = runContest(
      ledgerWith("Điểm", [
        ["Mã bài", "Mã GK", "ND", "HT"],
        ["sk01", " gk1 ", 8, 9],
        [" Sk01", "GK2", 9, 8],
        ["SK02 ", "Gk1", 6, 7],
        ["sK02", "gK2", 8, 7],
      ]),
    );
    expect(describeProblems(run.problems)).toEqual([]);
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
    expect(entryResult(run, "SK02").score).toEqual(SK02_MEAN);
  });

  it("trims and composes the text it keeps", () => {
    const run = runContest(
      ledgerWith("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["  SK01 ", nfd("  Cải cách hành chính  "), " U1"],
        ["SK02", "Bài hai", "U2"],
      ]),
    );
    const e = run.ledger.entries.get("SK01")!;
    expect(e.code).toBe("SK01");
    expect(e.title).toBe("Cải cách hành chính");
    expect(e.title).toBe(e.title.normalize("NFC"));
    expect(describeProblems(run.problems)).toEqual([]);
  });

  it("treats decomposed and composed categories as one, for entries, criteria and prizes", () => {
    const sheets = cleanLedger();
    sheets.set("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị", "Hạng mục"],
      ["SK01", "Bài một", "U1", "Hòa giải"],
      ["SK02", "Bài hai", "U2", nfd("hòa giải ")],
    ]);
    sheets.set("Tiêu chí", [
      ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số", "Hạng mục"],
      ["ND", "Nội dung", 10, 1, nfd("HÒA GIẢI")],
      ["HT", "Hình thức", 10, 2, null],
    ]);
    sheets.set("Cơ cấu giải", [
      ["Hạng mục", "Giải", "Số lượng", "Mức thưởng"],
      [nfd("Hòa giải"), "Nhất", 1, 2_000_000],
      ["Khác", "Nhất", 1, 5_000_000],
    ]);
    const run = runContest(sheets);
    expect(run.ledger.categories.size).toBe(1);
    expect(run.result.categories).toHaveLength(1);
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
    expect(run.result.totalAmount).toBe(2_000_000n);
  });

  it("reads decomposed settings keys and values", () => {
    const run = runContest(
      ledgerWith(
        "Cuộc thi",
        settingsGrid([
          [nfd("Tên cuộc thi"), nfd("Hội thi Cải cách")],
          [nfd("Cách tính điểm"), nfd("Bỏ cao nhất, thấp nhất")],
          [nfd("Đồng hạng"), nfd("Hội đồng quyết định")],
          [nfd("Đọc số"), nfd("ngàn")],
        ]),
      ),
    );
    expect(describeProblems(run.problems)).toEqual([]);
    expect(run.ledger.settings).toMatchObject({ name: "Hội thi Cải cách", aggregation: "trimmed", ties: "council", thousandWord: "ngàn" });
  });

  it.each([
    [nfd("Không hợp lệ"), "invalid"],
    [nfd("Rút"), "withdrawn"],
    [nfd("Hợp lệ"), "valid"],
  ])("reads the decomposed status %j", (status, expected) => {
    const run = runContest(
      ledgerWith("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị", "Trạng thái"],
        ["SK01", "Bài một", "U1", status],
        ["SK02", "Bài hai", "U2", null],
      ]),
    );
    expect(run.ledger.entries.get("SK01")?.status).toBe(expected);
    expect(errorsOf(run)).toEqual([]);
  });
});

describe("numbers", () => {
  it("reads 8,5 and 8.5 and the number 8.5 alike", () => {
    const run = runContest(
      ledgerWith("Điểm", [
        ["Mã bài", "Mã GK", "ND", "HT"],
        ["SK01", "GK1", "8,5", "9"],
        ["SK01", "GK2", "8.5", 9],
        ["SK02", "GK1", 8.5, " 9,0 "],
        ["SK02", "GK2", "\u00a08,5\u00a0", "9."],
      ]),
    );
    expect(describeProblems(run.problems)).toEqual([]);
    // 8.5 + 2 × 9 = 26.5 for every judge.
    expect(entryResult(run, "SK01").score).toEqual(ex(53n, 2n));
    expect(entryResult(run, "SK02").score).toEqual(ex(53n, 2n));
    expect(entryResult(run, "SK01").spread).toEqual(ex(0n));
  });

  it.each([["8,5,3"], ["abc"], ["1.000"], ["1,000"], ["8 5"], ["9đ"]])("rejects the score %j as a Lỗi at Điểm!D7, counting no total", (junk) => {
    const run = runContest(
      ledgerWith("Điểm", [["Mã bài", "Mã GK", "ND", "HT"], ["SK01", "GK1", 8, 9], ["SK01", "GK2", 9, 8], [], [null, "   ", null], ["SK02", "GK1", 6, 7], ["SK02", "GK2", 8, junk]]),
    );
    const p = errorAt(run, "Điểm!D7");
    expect(p.text.vi).toContain(`“${junk}”`);
    expect(p.text.vi).toContain("không phải là số");
    expect(run.problems).toHaveLength(1);
    expect(entryResult(run, "SK02").judgeCount).toBe(1);
    expect(entryResult(run, "SK02").score).toEqual(ex(20n));
  });

  it("reads a decimal comma in `Điểm tối đa` and `Hệ số` exactly", () => {
    const run = runContest(
      ledgerWith("Tiêu chí", [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", "9,5", 1],
        ["HT", "Hình thức", 10, "1,5"],
      ]),
    );
    expect(run.ledger.criteria.get("ND")?.max).toEqual(ex(19n, 2n));
    expect(run.ledger.criteria.get("HT")?.weight).toEqual(ex(3n, 2n));
    // SK01: 8 + 1.5×9 = 21.5 and 9 + 1.5×8 = 21, mean 21.25 exactly.
    expect(entryResult(run, "SK01").score).toEqual(ex(85n, 4n));
    expect(describeProblems(run.problems)).toEqual([]);
  });

  it("rejects `1.000` as a maximum score, at its cell", () => {
    const run = runContest(
      ledgerWith("Tiêu chí", [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", 10, 1],
        ["HT", "Hình thức", "1.000", 2],
      ]),
    );
    expect(errorAt(run, "Tiêu chí!C3").text.vi).toContain("“1.000”");
    expect(run.ledger.criteria.has("HT")).toBe(false);
  });
});

describe("money in `Mức thưởng`", () => {
  const prizes = (amount: Cell): Grid => [
    ["Giải", "Số lượng", "Mức thưởng"],
    ["Nhất", 1, amount],
  ];

  it.each<[Cell]>([[3_000_000], ["3000000"], ["3.000.000"], ["3,000,000"], ["3 000 000"], ["3.000.000 đ"], ["3.000.000 đồng"]])("reads %j as 3 000 000 đồng", (amount) => {
    const run = runContest(ledgerWith("Cơ cấu giải", prizes(amount)));
    expect(describeProblems(run.problems)).toEqual([]);
    expect(run.ledger.prizes.map((p) => p.amount)).toEqual([3_000_000n]);
    expect(run.result.totalAmount).toBe(3_000_000n);
  });

  it.each<[Cell]>([["3.00.000"], ["1,5"], ["-3.000.000"], [-3_000_000], ["3tr"], [2.5]])("rejects %j as a Lỗi at Cơ cấu giải!C2", (amount) => {
    const run = runContest(ledgerWith("Cơ cấu giải", prizes(amount)));
    const p = errorAt(run, "Cơ cấu giải!C2");
    expect(p.text.vi).toContain(`“${String(amount)}”`);
    expect(p.text.vi).toContain("số tiền");
    // The tier stays (0 đ until corrected) so that no lower prize moves up into its place.
    expect(run.ledger.prizes.map((prize) => [prize.name, prize.amount])).toEqual([["Nhất", 0n]]);
    expect(run.result.totalAmount).toBe(0n);
  });

  it("rejects a count that is not a whole number", () => {
    const run = runContest(
      ledgerWith("Cơ cấu giải", [
        ["Giải", "Số lượng", "Mức thưởng"],
        ["Nhất", "1,5", 1_000_000],
      ]),
    );
    expect(errorAt(run, "Cơ cấu giải!B2").text.vi).toContain("“1,5”");
  });
});

describe("dates in `Ngày nhận` and the submission window", () => {
  const window: [Cell, Cell][] = [
    ["Tên cuộc thi", "Hội thi thử"],
    ["Nhận bài từ ngày", "01/10/2020"],
    ["Nhận bài đến ngày", "10/10/2020"],
  ];
  const withReceived = (received: Cell, settings: [Cell, Cell][] = window): Map<string, Grid> => {
    const sheets = ledgerWith("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị", "Ngày nhận"],
      ["SK01", "Bài một", "U1", received],
      ["SK02", "Bài hai", "U2", "05/10/2020"],
    ]);
    sheets.set("Cuộc thi", settingsGrid(settings));
    return sheets;
  };

  it.each<[string, Cell, number, boolean]>([
    ["a Date late in the Vietnamese day", new Date("2020-10-10T16:30:00Z"), calendarDay(2020, 10, 10), true],
    ["a Date already on the next Vietnamese day", new Date("2020-10-10T17:30:00Z"), calendarDay(2020, 10, 11), false],
    ["serial 44114", 44114, calendarDay(2020, 10, 10), true],
    ["serial 44115", 44115, calendarDay(2020, 10, 11), false],
    ["text dd/mm/yyyy", "10/10/2020", calendarDay(2020, 10, 10), true],
    ["text d/m/yyyy", "1/10/2020", calendarDay(2020, 10, 1), true],
    ["text with a time", "10/10/2020 23:59", calendarDay(2020, 10, 10), true],
    ["ISO text", "2020-10-10", calendarDay(2020, 10, 10), true],
    ["day-first text, never month-first", "03/10/2020", calendarDay(2020, 10, 3), true],
  ])("reads %s and applies the inclusive window", (_, received, day, inWindow) => {
    const run = runContest(withReceived(received));
    expect(run.ledger.entries.get("SK01")?.received).toBe(day);
    expect(errorsOf(run)).toEqual([]);
    expect(entryResult(run, "SK01").eligible).toBe(inWindow);
    if (!inWindow) {
      const [late] = problemsAt(run, "Bài dự thi!D2");
      expect(late?.severity).toBe("warning");
      expect(late?.text.vi).toContain("11/10/2020");
      expect(late?.text.vi).toContain("10/10/2020");
    }
  });

  it("reads 03/04/2020 as 3 April", () => {
    const run = runContest(withReceived("03/04/2020"));
    expect(run.ledger.entries.get("SK01")?.received).toBe(calendarDay(2020, 4, 3));
  });

  it.each([["13/25/2020"], ["31/02/2020"], ["10/31/2020"], ["hôm qua"]])("rejects %j as a Lỗi at its cell", (text) => {
    const run = runContest(withReceived(text));
    const p = errorAt(run, "Bài dự thi!D2");
    expect(p.text.vi).toContain(`“${text}”`);
    expect(p.text.vi).toContain("ngày/tháng/năm");
    expect(entryResult(run, "SK01").eligible).toBe(false);
  });

  it("reads the window from real dates and serial numbers too", () => {
    const run = runContest(
      withReceived("10/10/2020", [
        ["Tên cuộc thi", "X"],
        ["Nhận bài từ ngày", new Date("2020-09-30T17:00:00Z")],
        ["Nhận bài đến ngày", 44114],
      ]),
    );
    expect(run.ledger.settings.opens).toBe(calendarDay(2020, 10, 1));
    expect(run.ledger.settings.closes).toBe(calendarDay(2020, 10, 10));
    expect(entryResult(run, "SK01").eligible).toBe(true);
  });
});

describe("every problem carries sheet, address, severity and a Vietnamese message", () => {
  it("holds for a ledger with many reading problems", () => {
    const sheets = cleanLedger();
    sheets.set(
      "Cuộc thi",
      settingsGrid([
        ["Tên cuộc thi", "Hội thi"],
        ["Cách tính điểm", "Trung vị"],
        ["Mục lạ", 1],
      ]),
    );
    sheets.set("Đơn vị", [
      ["Mã đơn vị", "Tên đơn vị", "Bắt buộc"],
      ["U1", "Một", "Có lẽ"],
      ["U2", "Hai", null],
      ["U1", "Trùng", null],
    ]);
    sheets.set("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị", "Trạng thái", "Mã bài"],
      ["SK01", "Bài một", "U1", "Đã duyệt", null],
      ["SK02", "Bài hai", "U9", null, null],
    ]);
    sheets.set("Điểm", [
      ["Mã bài", "Mã GK", "ND", "HT"],
      ["SK01", "GK1", "abc", 9],
      ["SK01", "GK2", 9, 8],
      ["SK02", "GK1", 6, 7],
      ["SK02", "GK2", 8, 7],
    ]);
    const run = runContest(sheets);
    const rows = problemsSheet(run.problems).rows.slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const [severity, address, message] of rows) {
      expect(["Lỗi", "Cảnh báo"]).toContain(severity);
      expect(String(address)).toMatch(/^(Cuộc thi|Đơn vị|Bài dự thi|Giám khảo|Tiêu chí|Điểm|Cơ cấu giải)!([A-Z]+\d+|\d+:\d+|[A-Z]+:[A-Z]+)$/);
      expect(String(message)).toMatch(VIETNAMESE_LETTER);
    }
    const at = (address: string): Cell[] | undefined => rows.find((r) => r[1] === address);
    expect(at("Cuộc thi!B3")?.[0]).toBe("Lỗi");
    expect(String(at("Cuộc thi!B3")?.[2])).toContain("“Trung vị”");
    expect(at("Cuộc thi!A4")?.[0]).toBe("Cảnh báo");
    expect(String(at("Cuộc thi!A4")?.[2])).toContain("“Mục lạ”");
    expect(String(at("Đơn vị!C2")?.[2])).toContain("“Có lẽ”");
    expect(String(at("Đơn vị!A4")?.[2])).toContain("Đơn vị!A2");
    expect(String(at("Bài dự thi!D2")?.[2])).toContain("“Đã duyệt”");
    expect(String(at("Bài dự thi!C3")?.[2])).toContain("“U9”");
    expect(at("Bài dự thi!E1")?.[0]).toBe("Cảnh báo");
    expect(String(at("Điểm!C2")?.[2])).toContain("“abc”");
  });

  it("writes messages in English only when asked", () => {
    const run = runContest(ledgerWith("Điểm", [["Mã bài", "Mã GK", "ND", "HT"], ["SK01", "GK1", "abc", 9], ...CLEAN_SCORES.slice(1)]));
    const vi = problemsSheet(run.problems).rows[1]!;
    const en = problemsSheet(run.problems, "en").rows[1]!;
    expect(vi[0]).toBe("Lỗi");
    expect(en[0]).toBe("Error");
    expect(vi[1]).toBe(en[1]);
    expect(String(vi[2])).toMatch(VIETNAMESE_LETTER);
    expect(vi[2]).not.toBe(en[2]);
  });
});

describe("settings sheet `Cuộc thi`", () => {
  it("uses the defaults of ledger.md when only the name is given", () => {
    const run = runContest(cleanLedger());
    expect(run.ledger.settings).toEqual({
      name: "Hội thi thử",
      organizer: "",
      year: "",
      aggregation: "mean",
      decimals: 2,
      minJudges: 1,
      tieBreak: [],
      ties: "shared",
      thousandWord: "nghìn",
      secretariat: [],
    });
  });

  const VALUES: [string, string, Cell][] = [
    ["Tên cuộc thi", "name", "Hội thi sáng kiến"],
    ["Đơn vị tổ chức", "organizer", "Sở Nội vụ"],
    ["Năm", "year", 2024],
    ["Nhận bài từ ngày", "opens", "01/10/2020"],
    ["Nhận bài đến ngày", "closes", "31/10/2020"],
    ["Cách tính điểm", "aggregation", "Chuẩn hóa"],
    ["Số chữ số thập phân", "decimals", 1],
    ["Điểm sàn", "minScore", "50,5"],
    ["Số giám khảo tối thiểu", "minJudges", 2],
    ["Tiêu chí phụ", "tieBreak", "HT, Nội dung"],
    ["Đồng hạng", "ties", "Hội đồng quyết định"],
    ["Đọc số", "thousandWord", "ngàn"],
    ["Tổ thư ký", "secretariat", "lan.pt@sonv.gov.vn; hung.tv@sonv.gov.vn"],
  ];
  const EXPECTED = {
    name: "Hội thi sáng kiến",
    organizer: "Sở Nội vụ",
    year: "2024",
    opens: calendarDay(2020, 10, 1),
    closes: calendarDay(2020, 10, 31),
    aggregation: "zscore",
    decimals: 1,
    minScore: ex(101n, 2n),
    minJudges: 2,
    tieBreak: ["HT", "ND"],
    ties: "council",
    thousandWord: "ngàn",
    secretariat: ["lan.pt@sonv.gov.vn", "hung.tv@sonv.gov.vn"],
  };

  it.each([
    ["Vietnamese names", (vi: string): string => vi],
    ["English keys", (_: string, en: string): string => en],
    ["folded names", (vi: string): string => ` ${vi.toUpperCase()} `.normalize("NFD").replace(/[\u0300-\u036f]/g, "")],
  ])("reads every setting by its %s", (_, label) => {
    const run = runContest(ledgerWith("Cuộc thi", settingsGrid(VALUES.map(([vi, en, v]) => [label(vi, en), v]))));
    expect(errorsOf(run)).toEqual([]);
    expect(run.problems.filter((p) => p.sheet === "Cuộc thi")).toEqual([]);
    expect(run.ledger.settings).toEqual(EXPECTED);
  });

  it.each<[string, Cell, string, unknown]>([
    ["Cách tính điểm", "Trung vị", "aggregation", "mean"],
    ["Số chữ số thập phân", "hai", "decimals", 2],
    ["Số chữ số thập phân", 7, "decimals", 2],
    ["Số chữ số thập phân", "1,5", "decimals", 2],
    ["Điểm sàn", "năm mươi", "minScore", undefined],
    ["Số giám khảo tối thiểu", 0, "minJudges", 1],
    ["Số giám khảo tối thiểu", "2,5", "minJudges", 1],
    ["Đồng hạng", "Chia đôi", "ties", "shared"],
    ["Đọc số", "ngin", "thousandWord", "nghìn"],
    ["Nhận bài từ ngày", "32/10/2020", "opens", undefined],
    ["Nhận bài đến ngày", "10/31/2020", "closes", undefined],
  ])("reports %s = %j at the value cell and keeps the default", (key, value, field, fallback) => {
    const run = runContest(
      ledgerWith(
        "Cuộc thi",
        settingsGrid([
          ["Tên cuộc thi", "Hội thi"],
          [key, value],
        ]),
      ),
    );
    const p = errorAt(run, "Cuộc thi!B3");
    expect(p.text.vi).toContain(`“${String(value)}”`);
    expect(errorsOf(run)).toHaveLength(1);
    expect((run.ledger.settings as unknown as Record<string, unknown>)[field]).toEqual(fallback);
  });

  it("reports an unknown tie-break criterion and keeps the known ones", () => {
    const run = runContest(
      ledgerWith(
        "Cuộc thi",
        settingsGrid([
          ["Tên cuộc thi", "Hội thi"],
          ["Tiêu chí phụ", "nd; XX"],
        ]),
      ),
    );
    expect(errorAt(run, "Cuộc thi!B3").text.vi).toContain("“XX”");
    expect(run.ledger.settings.tieBreak).toEqual(["ND"]);
  });

  it("requires `Tên cuộc thi`, whether the row is missing or its value blank", () => {
    const missing = runContest(ledgerWith("Cuộc thi", settingsGrid([["Năm", 2024]])));
    const [p, ...more] = errorsOf(missing);
    expect(more).toEqual([]);
    expect(p?.sheet).toBe("Cuộc thi");
    expect(p?.text.vi).toContain("“Tên cuộc thi”");
    const blank = runContest(
      ledgerWith(
        "Cuộc thi",
        settingsGrid([
          ["Năm", 2024],
          ["Tên cuộc thi", "   "],
        ]),
      ),
    );
    expect(errorAt(blank, "Cuộc thi!B3").text.vi).toContain("“Tên cuộc thi”");
  });

  it("reports a reversed window at the closing date", () => {
    const run = runContest(
      ledgerWith(
        "Cuộc thi",
        settingsGrid([
          ["Tên cuộc thi", "Hội thi"],
          ["Nhận bài từ ngày", "31/10/2020"],
          ["Nhận bài đến ngày", "01/10/2020"],
        ]),
      ),
    );
    expect(errorAt(run, "Cuộc thi!B4").text.vi).toMatch(VIETNAMESE_LETTER);
    expect(errorsOf(run)).toHaveLength(1);
  });

  it("warns about an unknown setting at its key cell, and reads a sheet without a header row", () => {
    const run = runContest(
      ledgerWith("Cuộc thi", [
        ["Tên cuộc thi", "Hội thi"],
        ["Hạn chót", "nay"],
        ["Số chữ số thập phân", 0],
      ]),
    );
    expect(run.ledger.settings.name).toBe("Hội thi");
    expect(run.ledger.settings.decimals).toBe(0);
    const [p, ...more] = problemsAt(run, "Cuộc thi!A2");
    expect(more).toEqual([]);
    expect(p?.severity).toBe("warning");
    expect(p?.text.vi).toContain("“Hạn chót”");
  });

  it("applies the number of decimals it read to the final score", () => {
    const run = runContest(
      ledgerWith(
        "Cuộc thi",
        settingsGrid([
          ["Tên cuộc thi", "Hội thi"],
          ["decimals", "0"],
        ]),
      ),
    );
    // 25.5 rounded half-up to a whole number.
    expect(entryResult(run, "SK01").score).toEqual(ex(26n));
  });
});

describe("units `Đơn vị`", () => {
  it("reads Bắt buộc as Có/Không/x/TRUE and defaults the quota from it", () => {
    const run = runContest(
      ledgerWith("Đơn vị", [
        ["Mã đơn vị", "Tên đơn vị", "Bắt buộc", "Số bài tối thiểu"],
        ["U1", "Một", "Có", null],
        ["U2", "Hai", "Không", null],
        ["U3", "Ba", "x", null],
        ["U4", "Bốn", true, null],
        ["U5", "Năm", "TRUE", null],
        ["U6", "Sáu", null, null],
        ["U7", "Bảy", "khong", 2],
        ["U8", "Tám", "có".normalize("NFD"), 3],
        ["U9", "Chín", false, null],
      ]),
    );
    expect(errorsOf(run)).toEqual([]);
    const got = [...run.ledger.units.values()].map((u) => [u.code, u.mandatory, u.quota]);
    expect(got).toEqual([
      ["U1", true, 1],
      ["U2", false, 0],
      ["U3", true, 1],
      ["U4", true, 1],
      ["U5", true, 1],
      ["U6", false, 0],
      ["U7", false, 2],
      ["U8", true, 3],
      ["U9", false, 0],
    ]);
  });

  it("reports an unreadable Bắt buộc at its cell", () => {
    const run = runContest(
      ledgerWith("Đơn vị", [
        ["Mã đơn vị", "Tên đơn vị", "Bắt buộc"],
        ["U1", "Một", "Có lẽ"],
        ["U2", "Hai", null],
      ]),
    );
    expect(errorAt(run, "Đơn vị!C2").text.vi).toContain("“Có lẽ”");
  });

  it("reports a duplicate code as a Lỗi and ignores the second row", () => {
    const run = runContest(
      ledgerWith("Đơn vị", [
        ["Mã đơn vị", "Tên đơn vị", "Bắt buộc"],
        ["U1", "Đơn vị Một", "Không"],
        ["U2", "Đơn vị Hai", null],
        ["u1 ", "Đơn vị Trùng", "Có"],
      ]),
    );
    const p = errorAt(run, "Đơn vị!A4");
    expect(p.text.vi).toContain("“u1”");
    expect(p.text.vi).toContain("Đơn vị!A2");
    expect(run.ledger.units.size).toBe(2);
    expect(run.ledger.units.get("U1")).toMatchObject({ name: "Đơn vị Một", mandatory: false, quota: 0 });
  });
});

describe("entries `Bài dự thi`", () => {
  const withStatus = (status: Cell): Map<string, Grid> =>
    ledgerWith("Bài dự thi", [
      ["Mã bài", "Tên bài", "Mã đơn vị", "Trạng thái"],
      ["SK01", "Bài một", "U1", status],
      ["SK02", "Bài hai", "U2", null],
    ]);

  it("reports an unknown unit as a Lỗi at the unit cell and does not rank the entry", () => {
    const run = runContest(
      ledgerWith("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["SK01", "Bài một", "U1"],
        ["SK02", "Bài hai", "U9"],
      ]),
    );
    expect(errorAt(run, "Bài dự thi!C3").text.vi).toContain("“U9”");
    expect(entryResult(run, "SK02").rank).toBeUndefined();
    expect(entryResult(run, "SK01").rank).toBe(1);
  });

  it.each<[Cell, string, boolean]>([
    [null, "valid", true],
    ["", "valid", true],
    ["Hợp lệ", "valid", true],
    ["hop le", "valid", true],
    ["Không hợp lệ", "invalid", false],
    ["KHONG HOP LE", "invalid", false],
    ["Rút", "withdrawn", false],
    ["rut", "withdrawn", false],
  ])("reads the status %j", (status, expected, eligible) => {
    const run = runContest(withStatus(status));
    expect(run.ledger.entries.get("SK01")?.status).toBe(expected);
    expect(errorsOf(run)).toEqual([]);
    expect(entryResult(run, "SK01").eligible).toBe(eligible);
    // A fact about an entry is a warning at its status cell, never an error.
    expect(problemsAt(run, "Bài dự thi!D2").map((p) => p.severity)).toEqual(eligible ? [] : ["warning"]);
  });

  it("reports an unreadable status as a Lỗi and does not rank the entry", () => {
    const run = runContest(withStatus("Đã duyệt"));
    const p = errorAt(run, "Bài dự thi!D2");
    expect(p.text.vi).toContain("“Đã duyệt”");
    expect(p.text.vi).toContain("Không hợp lệ");
    expect(run.ledger.entries.get("SK01")?.status).toBeUndefined();
    expect(entryResult(run, "SK01").eligible).toBe(false);
  });

  it("reports a missing required value at its cell", () => {
    const run = runContest(
      ledgerWith("Bài dự thi", [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["SK01", "  ", "U1"],
        ["SK02", "Bài hai", "U2"],
      ]),
    );
    expect(errorAt(run, "Bài dự thi!B2").text.vi).toContain("“Tên bài”");
  });
});

describe("criteria `Tiêu chí`", () => {
  it("defaults the weight to 1 when the column or the cell is empty", () => {
    const noColumn = runContest(
      ledgerWith("Tiêu chí", [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa"],
        ["ND", "Nội dung", 10],
        ["HT", "Hình thức", 10],
      ]),
    );
    const blankCell = runContest(
      ledgerWith("Tiêu chí", [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", 10, null],
        ["HT", "Hình thức", 10, " "],
      ]),
    );
    for (const run of [noColumn, blankCell]) {
      expect(errorsOf(run)).toEqual([]);
      expect(run.ledger.criteria.get("HT")?.weight).toEqual(ex(1n));
      // SK01: 8 + 9 = 17 and 9 + 8 = 17.
      expect(entryResult(run, "SK01").score).toEqual(ex(17n));
    }
  });

  it.each<[Cell]>([[0], [-5], ["-1,5"]])("rejects a maximum of %j at its cell", (max) => {
    const run = runContest(
      ledgerWith("Tiêu chí", [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", 10, 1],
        ["HT", "Hình thức", max, 2],
      ]),
    );
    const p = errorAt(run, "Tiêu chí!C3");
    expect(p.text.vi).toContain(`“${String(max)}”`);
    expect(p.text.vi).toContain("lớn hơn 0");
    expect(run.ledger.criteria.has("HT")).toBe(false);
  });

  it("rejects a weight of 0 and a maximum that is not a number", () => {
    const run = runContest(
      ledgerWith("Tiêu chí", [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", "mười", 1],
        ["HT", "Hình thức", 10, 0],
      ]),
    );
    expect(errorAt(run, "Tiêu chí!C2").text.vi).toContain("“mười”");
    expect(errorAt(run, "Tiêu chí!D3").text.vi).toContain("“0”");
    expect(run.ledger.criteria.size).toBe(0);
  });
});

describe("scores `Điểm`", () => {
  it("finds criterion columns by code or by name", () => {
    const run = runContest(ledgerWith("Điểm", [["Mã bài", "Mã GK", "nội dung", "HINH THUC"], ...CLEAN_SCORES]));
    expect(describeProblems(run.problems)).toEqual([]);
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
  });

  it("reports a criterion without a column as a Lỗi and gives no total from partial rows", () => {
    const run = runContest(ledgerWith("Điểm", [["Mã bài", "Mã GK", "ND"], ...CLEAN_SCORES.map((r) => r.slice(0, 3))]));
    expect(errorAt(run, "Điểm!1:1").text.vi).toContain("“HT”");
    expect(entryResult(run, "SK01").judgeCount).toBe(0);
    expect(entryResult(run, "SK01").score).toBeUndefined();
  });

  it("ignores a user-added `Tổng` column, even when it is wrong", () => {
    const run = runContest(
      ledgerWith("Điểm", [
        ["Tổng", "Mã bài", "Mã GK", "ND", "HT", "Ghi chú", "Tổng cộng"],
        ...CLEAN_SCORES.map(([e, j, nd, ht], i) => [i === 0 ? "không rõ" : 99, e!, j!, nd!, ht!, "đã chấm", 1_000]),
      ]),
    );
    expect(describeProblems(run.problems)).toEqual([]);
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
    expect(entryResult(run, "SK02").score).toEqual(SK02_MEAN);
    expect(run.ledger.scoreColumns.size).toBe(2);
  });
});

describe("blank rows are skipped anywhere in a table", () => {
  it("reads the same ledger with blank rows at the top, middle and bottom of every sheet", () => {
    const blanks: Grid = [[], [null, null], ["  ", "", "\t"]];
    const sheets = cleanLedger();
    for (const [name, grid] of sheets) {
      const [header, ...rows] = grid;
      const mid = Math.ceil(rows.length / 2);
      sheets.set(name, [header!, ...blanks, ...rows.slice(0, mid), ...blanks, ...rows.slice(mid), ...blanks]);
    }
    const run = runContest(sheets);
    expect(describeProblems(run.problems)).toEqual([]);
    expect(run.ledger.units.size).toBe(2);
    expect(run.ledger.entries.size).toBe(2);
    expect(run.ledger.judges.size).toBe(2);
    expect(run.ledger.criteria.size).toBe(2);
    expect(run.ledger.scores).toHaveLength(4);
    expect(run.ledger.prizes).toHaveLength(1);
    expect(run.ledger.settings.name).toBe("Hội thi thử");
    expect(entryResult(run, "SK01").score).toEqual(SK01_MEAN);
  });

  it("keeps the real row number of a record below blank rows", () => {
    const run = runContest(ledgerWith("Bài dự thi", [["Mã bài", "Tên bài", "Mã đơn vị"], [], ["SK01", "Bài một", "U1"], [null, " "], [], ["SK02", "Bài hai", "U7"]]));
    expect(errorAt(run, "Bài dự thi!C6").text.vi).toContain("“U7”");
    expect(run.ledger.entries.get("SK01")?.row).toBe(2);
  });
});

describe("the reader is safe against prototype pollution", () => {
  const NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

  it("reads hostile headers, sheet names, codes, categories and setting keys without touching Object.prototype", () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostileColumns = (grid: Grid): Grid => grid.map((row, i) => [...row, ...NAMES.map((n) => (i === 0 ? n : `{"polluted": true}`))]);
    const sheets = new Map<string, Grid | undefined>();
    sheets.set("Cuộc thi", settingsGrid([["Tên cuộc thi", "Hội thi"], ...NAMES.map((n): [Cell, Cell] => [n, "polluted"]), ["Tiêu chí phụ", "__proto__"]]));
    sheets.set(
      "Đơn vị",
      hostileColumns([
        ["Mã đơn vị", "Tên đơn vị"],
        ["__proto__", "Đơn vị proto"],
        ["constructor", "Đơn vị constructor"],
        ["__PROTO__", "Trùng"],
      ]),
    );
    sheets.set(
      "Bài dự thi",
      hostileColumns([
        ["Mã bài", "Tên bài", "Mã đơn vị", "Hạng mục"],
        ["prototype", "Bài một", "__proto__", "__proto__"],
        ["__proto__", "Bài hai", "constructor", "constructor"],
        ["toString", "Bài ba", "hasOwnProperty", "__proto__"],
      ]),
    );
    sheets.set(
      "Giám khảo",
      hostileColumns([
        ["Mã GK", "Họ tên", "Hạng mục"],
        ["__proto__", "GK proto", "__proto__, constructor"],
        ["constructor", "GK constructor", null],
      ]),
    );
    sheets.set(
      "Tiêu chí",
      hostileColumns([
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa"],
        ["__proto__", "constructor", 10],
      ]),
    );
    sheets.set(
      "Điểm",
      hostileColumns([
        ["Mã bài", "Mã GK", "__proto__"],
        ["prototype", "__proto__", 8],
        ["prototype", "constructor", 9],
        ["__proto__", "__proto__", 7],
        ["__proto__", "constructor", 6],
        ["toString", "__proto__", 5],
        ["valueOf", "constructor", 5],
      ]),
    );
    sheets.set(
      "Cơ cấu giải",
      hostileColumns([
        ["Hạng mục", "Giải", "Số lượng", "Mức thưởng"],
        ["__proto__", "Nhất", 1, 1_000_000],
        ["constructor", "__proto__", 1, 500_000],
      ]),
    );
    for (const n of NAMES)
      sheets.set(n, [
        [n, "polluted"],
        ["polluted", n],
      ]);
    sheets.set("__proto__ ", undefined);

    const run = runContest(sheets);
    const outputs = contestOutputs(run);

    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(typeof ({} as { toString: unknown }).toString).toBe("function");
    expect(typeof Object.prototype.hasOwnProperty).toBe("function");
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    // The run completed and read the hostile codes as ordinary codes.
    expect(run.missingSheets).toEqual([]);
    expect(outputs.map((o) => o.name)).toEqual(["Kết quả", "Danh sách giải", "Tổng hợp đơn vị", "Kiểm tra"]);
    expect(run.ledger.settings.name).toBe("Hội thi");
    expect(run.ledger.settings.tieBreak).toEqual(["__PROTO__"]);
    expect([...run.ledger.units.keys()]).toEqual(["__PROTO__", "CONSTRUCTOR"]);
    expect([...run.ledger.entries.keys()]).toEqual(["PROTOTYPE", "__PROTO__", "TOSTRING"]);
    expect(run.ledger.categories.size).toBe(2);
    expect(entryResult(run, "prototype").score).toEqual(ex(17n, 2n));
    expect(entryResult(run, "__proto__").score).toEqual(ex(13n, 2n));
    expect(run.result.totalAmount).toBe(1_500_000n);
    // The hostile settings keys are reported, not applied.
    for (const [i, n] of NAMES.entries()) {
      expect(problemsAt(run, `Cuộc thi!A${i + 3}`).map((p) => p.text.vi)).toEqual([`Mục “${n}” không được phần mềm sử dụng; bỏ qua.`]);
    }
    // The hostile codes that really are wrong are reported as such.
    expect(errorAt(run, "Đơn vị!A4").text.vi).toContain("“__PROTO__”");
    expect(errorAt(run, "Bài dự thi!C4").text.vi).toContain("“hasOwnProperty”");
    expect(errorAt(run, "Điểm!A7").text.vi).toContain("“valueOf”");
  });

  it("reads a settings sheet whose only rows are hostile keys, reporting the missing name", () => {
    const run = readContest(
      ledgerWith("Cuộc thi", [
        ["__proto__", "constructor"],
        ["prototype", "x"],
      ]),
    );
    expect(({} as Record<string, unknown>)["constructor"]).toBe(Object);
    expect(run.ledger.settings.name).toBe("");
    expect(run.problems.items.some((p) => p.severity === "error" && p.text.vi.includes("“Tên cuộc thi”"))).toBe(true);
  });
});

describe("problem addresses", () => {
  it("formats a row-only and a column-only problem like a spreadsheet range", () => {
    expect(problemAddress({ severity: "error", sheet: "Điểm", row: 0, text: { vi: "", en: "" } })).toBe("Điểm!1:1");
    expect(problemAddress({ severity: "error", sheet: "Cuộc thi", col: 1, text: { vi: "", en: "" } })).toBe("Cuộc thi!B:B");
    expect(problemAddress({ severity: "warning", sheet: "Điểm", row: 6, col: 3, text: { vi: "", en: "" } })).toBe("Điểm!D7");
  });
});

describe("the aggregation methods are one table", () => {
  it("every method of the table is accepted by its label and chosen; anything else is a Lỗi at its cell and nothing falls back silently", () => {
    for (const [key, method] of Object.entries(AGGREGATIONS)) {
      const sheets = cleanLedger();
      sheets.set(
        "Cuộc thi",
        settingsGrid([
          ["Tên cuộc thi", "Hội thi"],
          ["Cách tính điểm", method.label.toUpperCase()],
        ]),
      );
      const run = runContest(sheets);
      expect(run.ledger.settings.aggregation, method.label).toBe(key);
      expect(
        run.problems.filter((p) => p.severity === "error"),
        method.label,
      ).toEqual([]);
    }
    const sheets = cleanLedger();
    sheets.set(
      "Cuộc thi",
      settingsGrid([
        ["Tên cuộc thi", "Hội thi"],
        ["Cách tính điểm", "Trung vị"],
      ]),
    );
    const errors = runContest(sheets).problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => problemAddress(p))).toEqual(["Cuộc thi!B3"]);
    for (const method of Object.values(AGGREGATIONS)) expect(errors[0]!.text.vi).toContain(method.label);
  });
});

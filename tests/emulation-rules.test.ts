import { describe, expect, it } from "vitest";
import type { Cell } from "../shared/cells/cell.js";
import type { CandidateResult, Failure } from "../shared/emulation/evaluate.js";
import { type EmulationRun, emulationOutputs, runEmulation } from "../shared/emulation/run.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { type CandidateSpec, HUYEN, XA, reviewLedger } from "./support/emulation-ledger.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { gridsOf } from "./support/grids.js";

function run(criteria: readonly (readonly Cell[])[], candidates: readonly CandidateSpec[], quotas?: readonly (readonly Cell[])[], columns?: readonly string[]): EmulationRun {
  return runEmulation(reviewLedger({ criteria, candidates, ...(quotas ? { quotas } : {}), ...(columns ? { columns } : {}) }));
}

function result(r: EmulationRun, code: string): CandidateResult {
  const found = r.result.candidates.find((c) => c.candidate.code === code);
  if (!found) throw new Error(`no candidate ${code}`);
  return found;
}

const outcomes = (r: EmulationRun): Record<string, string> => Object.fromEntries(r.result.candidates.map((c) => [c.candidate.code, c.outcome]));
const failedCodes = (r: EmulationRun, code: string): string[] => result(r, code).failures.map((f: Failure) => f.codes);
const problemAt = (r: EmulationRun, address: string): string[] => r.problems.filter((p) => problemAddress(p) === address).map((p) => `${p.severity}: ${p.text.vi}`);

describe("criteria of kind Có/Không", () => {
  const criteria = [["KHONG_TRE_HAN", "Không có hồ sơ trễ hẹn", "Cá nhân", "Có/Không", null, null]];
  const r = run(criteria, [
    { code: "A", values: { KHONG_TRE_HAN: "Có" } },
    { code: "B", values: { KHONG_TRE_HAN: "Không" } },
    { code: "C", values: { KHONG_TRE_HAN: null } },
    { code: "D", values: { KHONG_TRE_HAN: "x" } },
    { code: "E", values: { KHONG_TRE_HAN: "chưa rõ" } },
  ]);

  it("passes on Có (or x), fails on Không and on a blank cell", () => {
    expect(outcomes(r)).toMatchObject({ A: "awarded", B: "notEligible", C: "notEligible", D: "awarded", E: "notEligible" });
  });

  it("says in words what failed, with the value and what was required", () => {
    expect(result(r, "B").failures).toEqual([{ codes: "KHONG_TRE_HAN", text: "Không có hồ sơ trễ hẹn", value: "Không", requirement: "Có" }]);
    expect(result(r, "C").failures[0]!.value).toBe("(trống)");
  });

  it("reports an unreadable value as Lỗi at its cell", () => {
    // Row 6 holds E; the criterion column F follows the five fixed columns.
    expect(problemAt(r, "Đề nghị khen thưởng!F6")).toEqual(["error: “chưa rõ” không hợp lệ; chỉ nhập Có hoặc Không."]);
  });
});

describe("criteria of kind ≥, ≤, = with Ngưỡng (exact decimals)", () => {
  const criteria = [
    ["CHI_SO", "Chỉ số cải cách hành chính đạt từ 90% trở lên", "Cá nhân", "≥", 90, null],
    ["THU_HANG", "Thứ hạng trong huyện", "Cá nhân", "≤", 3, null],
    ["SO_TRE", "Số hồ sơ trễ hẹn", "Cá nhân", "=", 0, null],
  ];
  const ok = { CHI_SO: 90, THU_HANG: 3, SO_TRE: 0 };
  const r = run(
    criteria,
    [
      { code: "EDGE", values: ok },
      { code: "COMMA", values: { ...ok, CHI_SO: "90,5" } },
      { code: "PCT", values: { ...ok, CHI_SO: "91,5%" } },
      { code: "JUST_BELOW", values: { ...ok, CHI_SO: "89,999999999999999999" } },
      { code: "RANK4", values: { ...ok, THU_HANG: 4 } },
      { code: "ONE_LATE", values: { ...ok, SO_TRE: "1" } },
      { code: "TEXT", values: { ...ok, CHI_SO: "chín mươi" } },
    ],
    [[XA, "Cá nhân", 10, null, null]],
  );

  it("meets a threshold exactly at its edge and with a decimal comma or a percent sign", () => {
    expect(outcomes(r)).toMatchObject({ EDGE: "awarded", COMMA: "awarded", PCT: "awarded" });
  });

  it("fails a value a hair below the threshold (no floating-point rounding)", () => {
    expect(failedCodes(r, "JUST_BELOW")).toEqual(["CHI_SO"]);
    expect(result(r, "JUST_BELOW").failures[0]!.requirement).toBe("từ 90 trở lên");
  });

  it("fails ≤ above the threshold and = off the value, in words", () => {
    expect(result(r, "RANK4").failures).toEqual([{ codes: "THU_HANG", text: "Thứ hạng trong huyện", value: "4", requirement: "không quá 3" }]);
    expect(result(r, "ONE_LATE").failures).toEqual([{ codes: "SO_TRE", text: "Số hồ sơ trễ hẹn", value: "1", requirement: "bằng 0" }]);
  });

  it("reports a non-number as Lỗi and fails the criterion", () => {
    expect(failedCodes(r, "TEXT")).toEqual(["CHI_SO"]);
    expect(problemAt(r, "Đề nghị khen thưởng!F8")[0]).toMatch(/^error: “chín mươi” không phải là số/);
  });

  it("accepts >= and <= for ≥ and ≤, and compares typed decimals exactly (0,3 = 0.3)", () => {
    const r2 = run(
      [
        ["A", "Tỷ lệ hồ sơ trực tuyến", "Cá nhân", ">=", "80", null],
        ["B", "Thứ hạng", "Cá nhân", "<=", 3, null],
        ["C", "Hệ số", "Cá nhân", "=", "0,3", null],
      ],
      [
        { code: "P", values: { A: 80, B: 3, C: 0.3 } },
        { code: "Q", values: { A: "79,9", B: 4, C: 0.1 + 0.2 } },
      ],
    );
    expect(outcomes(r2)).toMatchObject({ P: "awarded", Q: "notEligible" });
    expect(failedCodes(r2, "Q")).toEqual(["A", "B", "C"]);
  });

  it("refuses an unknown kind and a comparison without Ngưỡng, at their cells", () => {
    const r3 = run(
      [
        ["A", "Chỉ số", "Cá nhân", "lớn hơn", 90, null],
        ["B", "Thứ hạng", "Cá nhân", "≤", null, null],
      ],
      [{ code: "P", values: { A: 95, B: 1 } }],
    );
    expect(problemAt(r3, "Tiêu chí khen thưởng!D2")[0]).toMatch(/^error: Kiểu tiêu chí “lớn hơn” không hợp lệ/);
    expect(problemAt(r3, "Tiêu chí khen thưởng!E3")[0]).toMatch(/^error: Tiêu chí “B” là phép so sánh nhưng chưa có “Ngưỡng”/);
    expect(r3.ledger.criteria).toEqual([]);
  });
});

describe("alternatives by Nhóm: one criterion of the group suffices", () => {
  const criteria = [
    ["HT_NV", "Hoàn thành tốt nhiệm vụ", "Tập thể", "Có/Không", null, null],
    ["THU_HANG", "Đạt thứ hạng cao", "Tập thể", "≤", 3, "XEP_HANG"],
    ["TANG_HANG", "Tăng bậc vượt bậc", "Tập thể", "≥", 5, "XEP_HANG"],
  ];
  const r = run(
    criteria,
    [
      { code: "RANK", type: "Tập thể", values: { HT_NV: "Có", THU_HANG: 2, TANG_HANG: 0 } },
      { code: "JUMP", type: "Tập thể", values: { HT_NV: "Có", THU_HANG: 9, TANG_HANG: 6 } },
      { code: "NONE", type: "Tập thể", values: { HT_NV: "Có", THU_HANG: 9, TANG_HANG: 1 } },
    ],
    [[XA, "Tập thể", 5, null, null]],
  );

  it("passes with either the rank or the jump", () => {
    expect(outcomes(r)).toMatchObject({ RANK: "awarded", JUMP: "awarded", NONE: "notEligible" });
  });

  it("reports a group none of whose criteria is met as one failure naming every alternative", () => {
    expect(result(r, "NONE").failures).toEqual([
      {
        codes: "THU_HANG / TANG_HANG",
        text: "Không đạt tiêu chí nào trong nhóm “XEP_HANG” (chỉ cần một): Đạt thứ hạng cao hoặc Tăng bậc vượt bậc",
        value: "THU_HANG: 9; TANG_HANG: 1",
        requirement: "THU_HANG không quá 3 hoặc TANG_HANG từ 5 trở lên",
      },
    ]);
  });
});

describe("criteria apply per candidate type, identified by (type, code)", () => {
  const criteria = [
    ["HT_NV", "Đơn vị hoàn thành tốt nhiệm vụ", "Tập thể", "Có/Không", null, null],
    ["HT_NV", "Hoàn thành tốt nhiệm vụ trở lên", "Cá nhân", "Có/Không", null, null],
    ["CHI_SO", "Chỉ số của đơn vị từ 80%", "Tập thể", "≥", 80, null],
    ["CHI_SO", "Chỉ số của đơn vị tham mưu từ 90%", "Cá nhân", "≥", 90, null],
    ["SANG_KIEN", "Có sáng kiến được công nhận", "Cá nhân", "Có/Không", null, null],
  ];
  const r = run(criteria, [
    { code: "TT", type: "Tập thể", values: { HT_NV: "Có", CHI_SO: 85 } },
    { code: "CN", type: "Cá nhân", values: { HT_NV: "Có", CHI_SO: 85, SANG_KIEN: "Có" } },
  ]);

  it("uses each type's own threshold for a shared code", () => {
    expect(outcomes(r)).toEqual({ TT: "awarded", CN: "notEligible" });
    expect(result(r, "CN").failures).toEqual([{ codes: "CHI_SO", text: "Chỉ số của đơn vị tham mưu từ 90%", value: "85", requirement: "từ 90 trở lên" }]);
  });

  it("does not ask a collective for an individual-only criterion", () => {
    expect(failedCodes(r, "TT")).toEqual([]);
  });

  it("reads the same code for both types as two criteria, and the same (type, code) twice as a duplicate", () => {
    expect(r.ledger.criteria.map((c) => `${c.type}:${c.code}`)).toEqual(["collective:HT_NV", "individual:HT_NV", "collective:CHI_SO", "individual:CHI_SO", "individual:SANG_KIEN"]);
    expect(r.errorCount).toBe(0);
    const dup = run([...criteria, ["CHI_SO", "Lặp lại", "Cá nhân", "≥", 50, null]], [{ code: "CN", values: { HT_NV: "Có", CHI_SO: 95, SANG_KIEN: "Có" } }]);
    expect(problemAt(dup, "Tiêu chí khen thưởng!A7")[0]).toMatch(/^error: Tiêu chí “CHI_SO” cho Cá nhân bị trùng với dòng Tiêu chí khen thưởng!A5/);
    expect(dup.ledger.criteria.find((c) => c.type === "individual" && c.code === "CHI_SO")!.content).toBe("Chỉ số của đơn vị tham mưu từ 90%");
  });

  it("treats a blank Áp dụng cho as both types", () => {
    const both = run(
      [["DAO_DUC", "Phẩm chất đạo đức tốt", null, "Có/Không", null, null]],
      [
        { code: "TT", type: "Tập thể", values: { DAO_DUC: "Không" } },
        { code: "CN", type: "Cá nhân", values: { DAO_DUC: "Không" } },
      ],
    );
    expect(failedCodes(both, "TT")).toEqual(["DAO_DUC"]);
    expect(failedCodes(both, "CN")).toEqual(["DAO_DUC"]);
  });

  it("reports a criterion with no column in the candidates sheet, and fails it", () => {
    const r2 = run([["HT_NV", "Hoàn thành tốt nhiệm vụ", "Cá nhân", "Có/Không", null, null]], [{ code: "CN" }], undefined, []);
    expect(r2.problems.map((p) => `${problemAddress(p)} ${p.text.vi}`)).toContain(
      "Đề nghị khen thưởng!1:1 Trang “Đề nghị khen thưởng” chưa có cột cho tiêu chí “HT_NV” (tiêu đề cột là mã tiêu chí); mọi đề nghị cần tiêu chí này đều chưa đạt.",
    );
    expect(outcomes(r2)).toEqual({ CN: "notEligible" });
  });
});

describe("quotas per (Cấp khen, Loại), ranked by Điểm", () => {
  const criteria = [["HT_NV", "Hoàn thành tốt nhiệm vụ", null, "Có/Không", null, null]];
  const yes = { HT_NV: "Có" };

  it("awards the highest Điểm within the quota, whatever the row order", () => {
    const r = run(
      criteria,
      [
        { code: "C", values: yes, score: "88,5" },
        { code: "A", values: yes, score: 95 },
        { code: "D", values: yes, score: 70 },
        { code: "B", values: yes, score: "91" },
      ],
      [[XA, "Cá nhân", 2, null, null]],
    );
    expect(outcomes(r)).toEqual({ C: "outsideQuota", A: "awarded", D: "outsideQuota", B: "awarded" });
    expect(r.result.quotas[0]!.listed.map((x) => x.candidate.code)).toEqual(["A", "B"]);
    expect(result(r, "C").rank).toBe(3);
  });

  it("leaves a tie at the quota's edge to the council: nobody is cut arbitrarily", () => {
    const r = run(
      criteria,
      [
        { code: "A", values: yes, score: 95 },
        { code: "B", values: yes, score: "90,4" },
        { code: "C", values: yes, score: 90.4 },
        { code: "D", values: yes, score: 80 },
      ],
      [[XA, "Cá nhân", 2, null, null]],
    );
    expect(outcomes(r)).toEqual({ A: "awarded", B: "pending", C: "pending", D: "outsideQuota" });
    expect(result(r, "B").seatsAtStake).toBe(1);
    expect(r.result.awardedCount).toBe(1);
    expect(r.problems.map((p) => p.text.vi)).toContain("Các đề nghị B, C bằng Điểm tại ranh giới chỉ tiêu “Giấy khen UBND xã” – Cá nhân (còn 1 suất): chờ Hội đồng Thi đua - Khen thưởng quyết định.");
  });

  it("awards a tie that fits inside the quota, and gives nothing to a tie wholly below it", () => {
    const inside = run(
      criteria,
      [
        { code: "A", values: yes, score: 95 },
        { code: "B", values: yes, score: 90 },
        { code: "C", values: yes, score: 90 },
      ],
      [[XA, "Cá nhân", 3, null, null]],
    );
    expect(outcomes(inside)).toEqual({ A: "awarded", B: "awarded", C: "awarded" });
    const below = run(
      criteria,
      [
        { code: "A", values: yes, score: 95 },
        { code: "B", values: yes, score: 90 },
        { code: "C", values: yes, score: 90 },
      ],
      [[XA, "Cá nhân", 1, null, null]],
    );
    expect(outcomes(below)).toEqual({ A: "awarded", B: "outsideQuota", C: "outsideQuota" });
  });

  it("keeps each level and type apart", () => {
    const r = run(
      criteria,
      [
        { code: "X1", values: yes, score: 80 },
        { code: "H1", values: yes, score: 70, level: HUYEN },
        { code: "T1", type: "Tập thể", values: yes, score: 60 },
      ],
      [
        [XA, "Cá nhân", 1, null, null],
        [HUYEN, "Cá nhân", 1, null, null],
        [XA, "Tập thể", 1, null, null],
      ],
    );
    expect(outcomes(r)).toEqual({ X1: "awarded", H1: "awarded", T1: "awarded" });
  });

  it("needs no Điểm when the quota is not exceeded, and warns when it is", () => {
    const fits = run(
      criteria,
      [
        { code: "A", values: yes },
        { code: "B", values: yes },
      ],
      [[XA, "Cá nhân", 2, null, null]],
    );
    expect(outcomes(fits)).toEqual({ A: "awarded", B: "awarded" });
    expect(fits.problems).toEqual([]);
    const over = run(
      criteria,
      [
        { code: "A", values: yes, score: 90 },
        { code: "B", values: yes },
      ],
      [[XA, "Cá nhân", 1, null, null]],
    );
    expect(outcomes(over)).toEqual({ A: "awarded", B: "outsideQuota" });
    expect(problemAt(over, "Đề nghị khen thưởng!K3")[0]).toMatch(/^warning: Số đề nghị đủ điều kiện vượt chỉ tiêu/);
  });

  it("does not consider a level with no quota row (Lỗi at Cấp khen)", () => {
    const r = run(criteria, [{ code: "A", values: yes, level: "Bằng khen UBND tỉnh" }]);
    expect(outcomes(r)).toEqual({ A: "notConsidered" });
    expect(problemAt(r, "Đề nghị khen thưởng!E2")[0]).toMatch(/^error: Chưa có chỉ tiêu cho “Bằng khen UBND tỉnh” – Cá nhân/);
  });
});

describe("dossier completeness and deadline", () => {
  const criteria = [["HT_NV", "Hoàn thành tốt nhiệm vụ", null, "Có/Không", null, null]];
  const yes = { HT_NV: "Có" };
  const quotas = [[XA, "Cá nhân", 2, "25/11/2023", null]];

  it("holds back a candidate with a missing dossier item, and the next one takes the place", () => {
    const r = run(
      criteria,
      [
        { code: "A", values: yes, score: 99, dossier: ["Có", null, "Có"] },
        { code: "B", values: yes, score: 90 },
        { code: "C", values: yes, score: 80 },
      ],
      quotas,
    );
    expect(outcomes(r)).toEqual({ A: "incomplete", B: "awarded", C: "awarded" });
    expect(result(r, "A").dossierMissing).toEqual(["Biên bản họp"]);
    expect(problemAt(r, "Đề nghị khen thưởng!H2")).toEqual(["warning: Hồ sơ còn thiếu: Biên bản họp; chưa xét khen thưởng cho tới khi bổ sung."]);
  });

  it("takes a dossier on the deadline day, and holds back one submitted the day after", () => {
    const r = run(
      criteria,
      [
        { code: "ON", values: yes, submitted: "25/11/2023" },
        { code: "LATE", values: yes, submitted: "26/11/2023" },
        { code: "NODATE", values: yes, submitted: null },
      ],
      quotas,
    );
    expect(outcomes(r)).toEqual({ ON: "awarded", LATE: "incomplete", NODATE: "incomplete" });
    expect(result(r, "LATE").late).toBe(true);
    expect(result(r, "NODATE").noDate).toBe(true);
    expect(problemAt(r, "Đề nghị khen thưởng!J3")).toEqual(["warning: Hồ sơ nộp ngày 26/11/2023, sau hạn 25/11/2023: nộp muộn, không xét khen thưởng."]);
  });

  it("lists missing items and late dossiers in Thiếu hồ sơ, failed criteria in Không đủ điều kiện", () => {
    const r = run(
      criteria,
      [
        { code: "MISS", values: yes, dossier: [null, "Có", "Không"] },
        { code: "LATE", values: yes, submitted: "28/11/2023" },
        { code: "FAIL", values: { HT_NV: "Không" } },
        { code: "OK", values: yes },
      ],
      quotas,
    );
    const [list, notEligible, , dossier] = emulationOutputs(r);
    expect(dossier!.rows.slice(1).map((row) => [row[0], row[5], row[8]])).toEqual([
      ["MISS", "Tờ trình, Báo cáo thành tích", ""],
      ["LATE", "", "Nộp muộn 3 ngày (hạn 25/11/2023)"],
    ]);
    expect(notEligible!.rows.slice(1).map((row) => [row[0], row[5], row[6], row[7], row[8]])).toEqual([["FAIL", "HT_NV", "Hoàn thành tốt nhiệm vụ", "Không", "Có"]]);
    expect(list!.rows.filter((row) => typeof row[0] === "number").map((row) => row[3])).toEqual(["OK"]);
  });
});

describe("reading the review sheets", () => {
  it("reports each missing review sheet and computes nothing", () => {
    const grids = reviewLedger({ criteria: [], candidates: [] });
    grids.delete("Chỉ tiêu khen thưởng");
    const r = runEmulation(grids);
    expect(r.missingSheets).toEqual(["Chỉ tiêu khen thưởng"]);
    expect(r.result.candidates).toEqual([]);
  });

  it("reads a quota's deadline and amount, and refuses a duplicate (Cấp khen, Loại)", () => {
    const r = run(
      [["HT_NV", "Hoàn thành", null, "Có/Không", null, null]],
      [{ code: "A", values: { HT_NV: "Có" } }],
      [
        [XA, "Cá nhân", 1, "25/11/2023", "270.000"],
        ["giấy khen ubnd XÃ", "cá nhân", 2, null, null],
      ],
    );
    expect(r.ledger.quotas.map((q) => [q.level, q.limit.count, q.amount])).toEqual([[XA, 1, 270000n]]);
    expect(problemAt(r, "Chỉ tiêu khen thưởng!A3")[0]).toMatch(/^error: Chỉ tiêu “giấy khen ubnd XÃ” – Cá nhân bị trùng/);
    expect(r.result.totalAmount).toBe(270000n);
  });
});

describe("the settings sheet of a movement", () => {
  it("is `Phong trào` in the template, and an older ledger's `Cuộc thi` (with `Tên cuộc thi`) reads the same", () => {
    const movement = gridsOf(emulationDemoSheets());
    expect(movement.has("Phong trào")).toBe(true);
    const older = new Map([...movement].map(([name, grid]) => (name === "Phong trào" ? ["Cuộc thi", grid!.map((r) => (r[0] === "Tên phong trào" ? ["Tên cuộc thi", r[1]!] : r))] : [name, grid])));
    const a = runEmulation(movement);
    const b = runEmulation(older);
    expect(a.missingSheets).toEqual([]);
    expect(b.missingSheets).toEqual([]);
    expect(b.ledger.settings).toEqual(a.ledger.settings);
    expect(b.result.awardedCount).toBe(a.result.awardedCount);
  });
});

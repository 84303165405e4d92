import { describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { type EmulationRun, emulationOutputs, runEmulation } from "../shared/emulation/run.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { type CandidateSpec, reviewLedger } from "./support/emulation-ledger.js";
import { awardPhrase, emulationDocuments } from "../shared/documents/from-emulation.js";
import type { Paper } from "../shared/documents/paper.js";

/** Quotas (seeds 001, 003 and the yearly titles): a count, a share of a named base rounded down, or no limit; titles apart from forms. */

const QUOTA_HEADER = ["Cấp khen", "Loại", "Số lượng", "Tỷ lệ tối đa", "Cơ sở tính tỷ lệ", "Căn cứ", "Loại khen"];
const LDTT = "Danh hiệu Lao động tiên tiến";
const CSTD = "Danh hiệu Chiến sĩ thi đua cơ sở";
const GK_XA = "Giấy khen của Chủ tịch UBND xã";
const GK_TINH = "Bằng khen của Chủ tịch UBND tỉnh";
const CRITERIA = [["HT_NV", "Hoàn thành tốt nhiệm vụ", null, "Có/Không", null, null]];

interface Setup {
  readonly quotas: readonly (readonly Cell[])[];
  readonly candidates: readonly CandidateSpec[];
  /** `Số CBCCVC` of units U1 and U2. */
  readonly staff?: readonly [Cell, Cell];
  /** `Mã định danh` of each candidate, by code. */
  readonly identities?: Readonly<Record<string, string>>;
}

function review(setup: Setup): EmulationRun {
  const grids = reviewLedger({ criteria: CRITERIA, candidates: setup.candidates });
  grids.set("Chỉ tiêu khen thưởng", [QUOTA_HEADER, ...setup.quotas.map((r) => [...r])]);
  if (setup.staff) {
    grids.set("Đơn vị", [
      ["Mã đơn vị", "Tên đơn vị", "Số CBCCVC"],
      ["U1", "Văn phòng - Thống kê", setup.staff[0]],
      ["U2", "Tư pháp - Hộ tịch", setup.staff[1]],
    ]);
  }
  if (setup.identities) {
    const ids = setup.identities;
    const grid = grids.get("Đề nghị khen thưởng")!;
    grids.set(
      "Đề nghị khen thưởng",
      grid.map((row, i): Cell[] => [...row, i === 0 ? "Mã định danh" : (ids[String(row[0])] ?? null)]),
    );
  }
  return runEmulation(grids);
}

/** `n` candidates for `level`, all meeting the criterion, scores falling from 99 by 1. */
function many(prefix: string, n: number, level: string, extra: Partial<CandidateSpec> = {}): CandidateSpec[] {
  return Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i + 1}`, level, values: { HT_NV: "Có" }, score: 99 - i, name: `Người ${prefix}${i + 1}`, ...extra }));
}

const outcomesOf = (r: EmulationRun, level: string): string[] => r.result.candidates.filter((c) => c.candidate.level === level).map((c) => c.outcome);
const quotaOf = (r: EmulationRun, level: string) => r.result.quotas.find((q) => q.quota.level === level)!;
const problemAt = (r: EmulationRun, address: string): string[] => r.problems.filter((p) => problemAddress(p) === address).map((p) => `${p.severity}: ${p.text.vi}`);

describe("a quota as a share of those awarded another title", () => {
  const quotas = [
    [LDTT, "Cá nhân", "Không giới hạn", null, null, "Tiêu chuẩn Lao động tiên tiến: không hạn chế số lượng", "Danh hiệu thi đua"],
    [CSTD, "Cá nhân", null, "15%", "Lao động tiên tiến", "Không quá 15% số cá nhân đạt danh hiệu Lao động tiên tiến", null],
  ];

  it("gives 15% × 8 = 1,2 → 1 seat: the best-scored of three is awarded, the other two are outside the quota", () => {
    const r = review({ quotas, candidates: [...many("L", 8, LDTT), ...many("C", 3, CSTD)] });
    expect(outcomesOf(r, LDTT)).toEqual(Array(8).fill("awarded"));
    expect(quotaOf(r, LDTT).seatsText).toBe("Không giới hạn");
    expect(quotaOf(r, CSTD).seats).toBe(1);
    expect(quotaOf(r, CSTD).seatsText).toBe("15% × 8 (Lao động tiên tiến) = 1,2 → 1 (làm tròn xuống)");
    expect(outcomesOf(r, CSTD)).toEqual(["awarded", "outsideQuota", "outsideQuota"]);
    expect(r.errorCount).toBe(0);
  });

  it("rounds 15% × 6 = 0,9 down to no seat, and 15% × 7 = 1,05 down to one", () => {
    expect(quotaOf(review({ quotas, candidates: [...many("L", 6, LDTT), ...many("C", 2, CSTD)] }), CSTD).seats).toBe(0);
    expect(quotaOf(review({ quotas, candidates: [...many("L", 7, LDTT), ...many("C", 2, CSTD)] }), CSTD).seats).toBe(1);
  });

  it("counts only those awarded the base title: one who fails its criterion does not widen the share", () => {
    const failing: CandidateSpec = { code: "LX", level: LDTT, values: { HT_NV: "Không" }, score: 50 };
    const r = review({ quotas, candidates: [...many("L", 6, LDTT), failing, ...many("C", 2, CSTD)] });
    expect(quotaOf(r, CSTD).seats).toBe(0);
  });

  it("reads a percent-formatted cell (0,15) as 15%", () => {
    const r = review({ quotas: [quotas[0]!, [CSTD, "Cá nhân", null, 0.15, "Lao động tiên tiến", null, null]], candidates: [...many("L", 20, LDTT), ...many("C", 4, CSTD)] });
    expect(quotaOf(r, CSTD).seats).toBe(3);
  });

  it("leaves a tie at the edge of a share quota to the council", () => {
    const tied = [
      { code: "C1", level: CSTD, values: { HT_NV: "Có" }, score: 95 },
      { code: "C2", level: CSTD, values: { HT_NV: "Có" }, score: 95 },
    ];
    const r = review({ quotas, candidates: [...many("L", 8, LDTT), ...tied] });
    expect(outcomesOf(r, CSTD)).toEqual(["pending", "pending"]);
    expect(r.problems.some((p) => p.severity === "warning" && /chờ Hội đồng Thi đua - Khen thưởng quyết định/.test(p.text.vi))).toBe(true);
  });
});

describe("a quota as a share of the staff or of the units", () => {
  it("takes 10% of 12 + 11 = 23 staff: 2,3 → 2", () => {
    const r = review({ quotas: [[GK_XA, "Cá nhân", null, "10%", "Số CBCCVC", null, null]], staff: [12, 11], candidates: many("G", 4, GK_XA) });
    expect(quotaOf(r, GK_XA).seatsText).toBe("10% × 23 (Số CBCCVC) = 2,3 → 2 (làm tròn xuống)");
    expect(outcomesOf(r, GK_XA)).toEqual(["awarded", "awarded", "outsideQuota", "outsideQuota"]);
  });

  it("holds the smaller of a count and a share: at most 3, and 20% × 23 = 4,6 → 4", () => {
    const r = review({ quotas: [[GK_XA, "Cá nhân", 3, "20%", "Số CBCCVC", null, null]], staff: [12, 11], candidates: many("G", 5, GK_XA) });
    expect(quotaOf(r, GK_XA).seats).toBe(3);
    expect(quotaOf(r, GK_XA).seatsText).toBe("tối đa 3; 20% × 23 (Số CBCCVC) = 4,6 → 4 (làm tròn xuống)");
  });

  it("says 1.500 without a rounding step at 15% × 10 000, and reads the text 0,15 as 15%", () => {
    const r = review({ quotas: [[GK_XA, "Cá nhân", null, "0,15", "Số CBCCVC", null, null]], staff: [6000, 4000], candidates: many("G", 1, GK_XA) });
    expect(quotaOf(r, GK_XA).seatsText).toBe("15% × 10000 (Số CBCCVC) = 1.500");
  });

  it("warns that a unit without Số CBCCVC is left out of a share of the staff, and refuses a share of units when there is none", () => {
    const partial = review({ quotas: [[GK_XA, "Cá nhân", null, "10%", "Số CBCCVC", null, null]], staff: [20, null], candidates: many("G", 1, GK_XA) });
    expect(problemAt(partial, "Chỉ tiêu khen thưởng!E2")).toEqual([expect.stringMatching(/^warning: .*các đơn vị U2 chưa có “Số CBCCVC”/)]);
    expect(quotaOf(partial, GK_XA).seats).toBe(2);
    const grids = reviewLedger({ criteria: CRITERIA, candidates: many("T", 1, GK_XA, { type: "Tập thể" }) });
    grids.set("Chỉ tiêu khen thưởng", [QUOTA_HEADER, [GK_XA, "Tập thể", null, "50%", "Số đơn vị", null, null]]);
    grids.delete("Đơn vị");
    const none = runEmulation(grids);
    expect(problemAt(none, "Chỉ tiêu khen thưởng!E2")).toEqual([expect.stringMatching(/^error: Chỉ tiêu .* tính theo Số đơn vị nhưng sổ chưa có/)]);
  });

  it("takes 50% of the 2 units in Đơn vị for collectives", () => {
    const r = review({ quotas: [[GK_XA, "Tập thể", null, "50%", "Số đơn vị", null, null]], candidates: many("T", 2, GK_XA, { type: "Tập thể" }) });
    expect(quotaOf(r, GK_XA).seats).toBe(1);
  });

  it("reports a share of the staff when no unit gives Số CBCCVC, and awards nobody", () => {
    const r = review({ quotas: [[GK_XA, "Cá nhân", null, "10%", "Số CBCCVC", null, null]], candidates: many("G", 2, GK_XA) });
    expect(problemAt(r, "Chỉ tiêu khen thưởng!E2")[0]).toMatch(/^error: Chỉ tiêu “Giấy khen của Chủ tịch UBND xã” tính theo Số CBCCVC/);
    expect(outcomesOf(r, GK_XA)).toEqual(["outsideQuota", "outsideQuota"]);
  });
});

describe("a quota with no limit (seed 003: “theo đề nghị của Phòng Nội vụ”)", () => {
  it("awards every eligible candidate, and is no longer an error", () => {
    const r = review({
      quotas: [["Giấy khen của Chủ tịch UBND huyện", "Cá nhân", "Theo đề nghị của Phòng Nội vụ", null, null, "Kế hoạch CCHC của huyện, mục 5", null]],
      candidates: many("H", 5, "Giấy khen của Chủ tịch UBND huyện"),
    });
    expect(r.errorCount).toBe(0);
    expect(outcomesOf(r, "Giấy khen của Chủ tịch UBND huyện")).toEqual(Array(5).fill("awarded"));
  });
});

describe("a quota that does not make a limit is an error at its cell", () => {
  const cases: [string, readonly Cell[], string, RegExp][] = [
    ["blank count, no share", [GK_XA, "Cá nhân", null, null, null, null, null], "C2", /^error: Chưa ghi “Số lượng”/],
    ["a share typed in Số lượng", [GK_XA, "Cá nhân", "15%", null, null, null, null], "C2", /^error: “Số lượng” “15%” không đọc được/],
    ["a share above 100%", [GK_XA, "Cá nhân", null, "150%", "Số CBCCVC", null, null], "D2", /^error: “Tỷ lệ tối đa” “150%” không đọc được/],
    ["a share without its base", [GK_XA, "Cá nhân", null, "15%", null, null, null], "E2", /^error: Có “Tỷ lệ tối đa” nhưng chưa ghi “Cơ sở tính tỷ lệ”/],
    ["a base naming no award", [GK_XA, "Cá nhân", null, "15%", "Chiến sĩ thi đua toàn quốc", null, null], "E2", /^error: Cơ sở tính tỷ lệ “Chiến sĩ thi đua toàn quốc” không phải/],
    ["an unknown Loại khen", [GK_XA, "Cá nhân", 1, null, null, null, "Khen miệng"], "G2", /^error: .*“Khen miệng”/],
  ];
  for (const [what, row, cell, message] of cases) {
    it(what, () => {
      const r = review({ quotas: [row], staff: [10, 10], candidates: many("G", 1, GK_XA) });
      expect(problemAt(r, `Chỉ tiêu khen thưởng!${cell}`)).toEqual([expect.stringMatching(message)]);
      expect(r.result.awardedCount).toBe(0);
    });
  }

  it("a loop of shares: each is reported and gives no seat", () => {
    const r = review({
      quotas: [
        [LDTT, "Cá nhân", null, "50%", CSTD, null, null],
        [CSTD, "Cá nhân", null, "50%", LDTT, null, null],
      ],
      candidates: [...many("L", 2, LDTT), ...many("C", 2, CSTD)],
    });
    expect(r.problems.filter((p) => /vòng lặp/.test(p.text.vi))).toHaveLength(1);
    expect(r.result.awardedCount).toBe(0);
  });
});

describe("titles and forms", () => {
  it("reads Loại khen when typed, else from the award's own words", () => {
    const r = review({
      quotas: [
        [LDTT, "Cá nhân", "Không giới hạn", null, null, null, null],
        ["Tập thể lao động xuất sắc", "Tập thể", 1, null, null, null, null],
        [GK_XA, "Cá nhân", 1, null, null, null, null],
        [GK_TINH, "Cá nhân", 1, null, null, null, null],
        ["Khen thưởng chuyên đề", "Cá nhân", 1, null, null, null, "Hình thức khen thưởng"],
        ["Khen đột xuất", "Tập thể", 1, null, null, null, null],
      ],
      candidates: [],
    });
    expect(r.ledger.quotas.map((q) => q.kind)).toEqual(["title", "title", "form", "form", "form", undefined]);
  });

  it("keeps each figure's legal basis, shown beside those outside the quota in Ngoài chỉ tiêu (not in Không đủ điều kiện)", () => {
    const basis = "Kế hoạch của UBND xã, mục 3: chọn 03 cá nhân";
    const r = review({ quotas: [[GK_XA, "Cá nhân", 1, null, null, basis, null]], candidates: many("G", 2, GK_XA) });
    const sheets = new Map(emulationOutputs(r).map((s) => [s.name, s.rows]));
    expect(sheets.get("Ngoài chỉ tiêu")!.slice(1)).toEqual([["G2", "Cá nhân", "Người G2", "Văn phòng - Thống kê", GK_XA, 2, 98, "1", basis]]);
    expect((sheets.get("Không đủ điều kiện") as Grid).flat()).not.toContain("G2");
  });
});

describe("one candidate proposed twice at one level", () => {
  it("is an error for the same award again (the second row is not considered), recognised by Mã định danh across names", () => {
    const r = review({
      quotas: [[GK_XA, "Cá nhân", 3, null, null, null, null]],
      candidates: [
        { code: "A", name: "Nguyễn Văn An", level: GK_XA, values: { HT_NV: "Có" }, score: 90 },
        { code: "B", name: "Nguyễn V. An", unit: "U2", level: GK_XA, values: { HT_NV: "Có" }, score: 80 },
      ],
      identities: { A: "CB-0042", B: "cb-0042" },
    });
    expect(r.result.candidates.map((c) => c.outcome)).toEqual(["awarded", "notConsidered"]);
    expect(problemAt(r, "Đề nghị khen thưởng!E3")[0]).toMatch(/^error: Nguyễn V\. An \(B\) đã được đề nghị “Giấy khen của Chủ tịch UBND xã” ở Đề nghị khen thưởng!A2/);
  });

  it("is a warning for two award forms (the council picks one), and nothing for a title beside a form", () => {
    const r = review({
      quotas: [
        [LDTT, "Cá nhân", "Không giới hạn", null, null, null, null],
        [GK_XA, "Cá nhân", 3, null, null, null, null],
        [GK_TINH, "Cá nhân", 1, null, null, null, null],
      ],
      candidates: [
        { code: "T", name: "Lê Thị Hoa", level: LDTT, values: { HT_NV: "Có" } },
        { code: "X", name: "Lê Thị Hoa", level: GK_XA, values: { HT_NV: "Có" } },
        { code: "P", name: "Lê Thị Hoa", level: GK_TINH, values: { HT_NV: "Có" } },
      ],
    });
    expect(r.problems.map((p) => `${problemAddress(p)} ${p.severity}`)).toEqual(["Đề nghị khen thưởng!E4 warning"]);
    expect(problemAt(r, "Đề nghị khen thưởng!E4")[0]).toMatch(/cũng được đề nghị “Giấy khen của Chủ tịch UBND xã” ở Đề nghị khen thưởng!A3: hai hình thức/);
    expect(r.result.awardedCount).toBe(3);
  });

  it("tells apart two people of one name in different units when no Mã định danh is given", () => {
    const r = review({
      quotas: [[GK_XA, "Cá nhân", 3, null, null, null, null]],
      candidates: [
        { code: "A", name: "Trần Văn Bình", unit: "U1", level: GK_XA, values: { HT_NV: "Có" } },
        { code: "B", name: "Trần Văn Bình", unit: "U2", level: GK_XA, values: { HT_NV: "Có" } },
      ],
    });
    expect(r.problems).toEqual([]);
  });
});

describe("documents name a title as a title", () => {
  const words = (p: Paper): string[] => p.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : b.kind === "heading" ? [...b.lines] : []));
  const r = review({
    quotas: [
      [LDTT, "Cá nhân", "Không giới hạn", null, null, null, null],
      [GK_XA, "Cá nhân", 1, null, null, null, null],
    ],
    candidates: [...many("L", 2, LDTT), ...many("G", 1, GK_XA)],
  });
  const docs = emulationDocuments(r);

  it("“Tặng danh hiệu “Lao động tiên tiến”” in the decision, and a form by its full name", () => {
    const decisions = docs.papers.filter((p) => p.kind === "decision").flatMap(words);
    expect(decisions.some((t) => t.startsWith("Điều 1. Tặng danh hiệu “Lao động tiên tiến” cho 02 cá nhân"))).toBe(true);
    expect(decisions.some((t) => t.startsWith("Điều 1. Tặng Giấy khen của Chủ tịch UBND xã cho 01 cá nhân"))).toBe(true);
    expect(awardPhrase("Lao động tiên tiến", "title")).toBe("danh hiệu “Lao động tiên tiến”");
  });

  it("certifies a title with GIẤY CHỨNG NHẬN, saying the title reached", () => {
    const title = docs.certificates.filter((p) => words(p).includes("GIẤY CHỨNG NHẬN")).map(words);
    expect(title).toHaveLength(2);
    expect(title[0]!.some((t) => t.startsWith("Đã đạt danh hiệu “Lao động tiên tiến” trong Phong trào thi đua thử nghiệm năm 2023"))).toBe(true);
  });
});

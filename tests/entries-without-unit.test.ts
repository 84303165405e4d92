import { describe, expect, it } from "vitest";
import { problemAddress } from "../shared/ledger/problem.js";
import { unitSummarySheet } from "../shared/ledger/contest-outputs.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { demoLedgerScored } from "./support/grids.js";

/** Seed 000: citizens and businesses may enter. An entry without a unit is ranked and awarded, outside every unit's quota (issue 15, point 6). */

function withCitizenEntry(scores: readonly number[]): ReturnType<typeof runContest> {
  const grids = demoLedgerScored();
  const entries = grids.get("Bài dự thi")!;
  entries.push(["DN01", "Cổng thanh toán phí một cửa cho doanh nghiệp", null, null, "Công ty TNHH Phần mềm Bình Phước", "Tập thể", entries[1]![6]!, "Chuyển đổi số", "Hợp lệ", null]);
  for (const judge of ["GK1", "GK2", "GK3"]) grids.get("Điểm")!.push(["DN01", judge, null, ...scores]);
  return runContest(grids);
}

describe("an entry without a unit", () => {
  it("is no Lỗi: it is ranked and, with the best scores, wins the first prize", () => {
    const run = withCitizenEntry([30, 30, 30, 10]);
    expect(run.problems.filter((p) => problemAddress(p).startsWith("Bài dự thi!D"))).toEqual([]);
    const r = run.result.categories[0]!.entries.find((e) => e.entry.code === "DN01")!;
    expect(r.rank).toBe(1);
    expect(r.award.kind === "prize" && r.award.prize.name).toBe("Nhất");
  });

  it("is listed as a group of its own in Tổng hợp đơn vị, with no quota to meet, and never counts for a unit", () => {
    const plain = runContest(demoLedgerScored());
    const run = withCitizenEntry([20, 20, 20, 5]);
    const group = run.units.at(-1)!;
    expect(group.unit.name).toBe("Không thuộc đơn vị (người dân, doanh nghiệp)");
    expect(group).toMatchObject({ submitted: 1, valid: 1, meetsQuota: true });
    expect(run.units.slice(0, -1).map((u) => [u.unit.code, u.submitted, u.valid])).toEqual(plain.units.map((u) => [u.unit.code, u.submitted, u.valid]));
    expect(unitSummarySheet(run.units).rows.flat()).toContain("Không thuộc đơn vị (người dân, doanh nghiệp)");
  });

  it("still lets an unknown unit code be a Lỗi at its cell", () => {
    const grids = demoLedgerScored();
    grids.get("Bài dự thi")![1]![3] = "KHONGCO";
    expect(runContest(grids).problems.some((p) => p.severity === "error" && problemAddress(p) === "Bài dự thi!D2")).toBe(true);
  });
});

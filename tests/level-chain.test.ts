import { describe, expect, it } from "vitest";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { runEmulation } from "../shared/emulation/run.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { districtDemoSheets, emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { type ImportResult, importWorkbooks } from "../shared/tasks/import.js";
import { gridsOf } from "./support/grids.js";
import { applyEdits } from "./support/edits.js";
import { reviewLedger } from "./support/emulation-ledger.js";

/** Seed 001's chain: the commune's council selects 1 + 1 for the district; the district's ledger imports that selection. */

const NOW = Date.UTC(2023, 11, 11, 2, 0, 0);
const CANDIDATES = "Đề nghị khen thưởng";

type Sheets = ReadonlyMap<string, Grid | undefined>;

function importInto(district: Sheets, communes: readonly Sheets[], replace = false): { sheets: Map<string, Grid>; result: ImportResult } {
  const result = importWorkbooks(
    district,
    communes.map((sheets, i) => ({ file: `xa-${i + 1}.xlsx`, sheets: applyEdits(sheets, []) })),
    { replace, now: NOW },
  );
  return { sheets: applyEdits(district, result.edits), result };
}

/** Rows of the candidates sheet by `Mã`, as header → cell. */
function rowsByCode(grid: Grid): Map<string, Map<string, Cell>> {
  const header = (grid[0] ?? []).map((h) => String(h ?? ""));
  return new Map(grid.slice(1).map((r) => [String(r[0]), new Map(header.map((h, i) => [h, r[i] ?? null]))]));
}

describe("a commune's selection imported into the district's ledger", () => {
  const commune = gridsOf(emulationDemoSheets());
  const district = gridsOf(districtDemoSheets());
  const { sheets, result } = importInto(district, [commune]);
  const rows = rowsByCode(sheets.get(CANDIDATES)!);

  it("takes only those the commune awarded an award of the district (its 1 + 1 for the Giấy khen of the district), under the commune's code", () => {
    expect([...rows.keys()]).toEqual(["H-TT01", "H-CN01", "H-CN02", "XMT-TT04", "XMT-CN08"]);
    expect(result.reports).toEqual([{ file: "xa-1.xlsx", kind: "selection", judge: "Ủy ban nhân dân xã Mỹ Thạnh (XMT)", added: 2, same: 0, conflicts: 0, replaced: 0, invalid: 0 }]);
  });

  it("carries who, for what, the criteria both ledgers judge, the dossier, the date, Điểm and Mã định danh", () => {
    const cn08 = rows.get("XMT-CN08")!;
    expect(cn08.get("Tên")).toBe("Nguyễn Hoàng Nam");
    expect(cn08.get("Loại")).toBe("Cá nhân");
    expect(cn08.get("Mã đơn vị")).toBe("XMT");
    expect(cn08.get("Cấp khen")).toBe("Giấy khen của Chủ tịch UBND huyện");
    expect(cn08.get("CHI_SO")).toBe("94");
    expect(cn08.get("SANG_KIEN")).toBe("Có");
    expect(cn08.get("Biên bản họp")).toBe("Có");
    expect(cn08.get("Ngày nộp hồ sơ")).toBe("08/12/2023");
    expect(cn08.get("Điểm")).toBe(94);
    expect(cn08.get("Mã định danh")).toBe("CB-XMT-008");
    expect(cn08.get("Ghi chú")).toBe("Đề nghị của Ủy ban nhân dân xã Mỹ Thạnh (mã CN08 ở sổ cấp dưới)");
    expect(rows.get("XMT-TT04")!.get("THU_HANG")).toBe(1);
  });

  it("logs the import, and the district's review then sees one person proposed for two forms", () => {
    expect(sheets.get("Nhật ký")!.at(-1)!.slice(1)).toEqual(["xa-1.xlsx", "Ủy ban nhân dân xã Mỹ Thạnh (XMT)", "Thêm 2 đề nghị khen thưởng; 0 giống hệt; 0 khác (không ghi đè); 0 ghi đè"]);
    const review = runEmulation(sheets);
    expect(review.errorCount).toBe(0);
    expect(Object.fromEntries(review.result.candidates.map((c) => [c.candidate.code, c.outcome]))).toEqual({
      "H-TT01": "awarded",
      "H-CN01": "awarded",
      "H-CN02": "awarded",
      "XMT-TT04": "awarded",
      "XMT-CN08": "awarded",
    });
    expect(review.problems.map((p) => `${problemAddress(p)} ${p.severity}`)).toEqual([`${CANDIDATES}!E6 warning`]);
    expect(review.problems[0]!.text.vi).toMatch(/^Nguyễn Hoàng Nam \(XMT-CN08\) cũng được đề nghị “Bằng khen của Chủ tịch UBND tỉnh” ở Đề nghị khen thưởng!A4/);
  });

  it("changes nothing when the same file comes again, and keeps a proposal changed since unless told to replace", () => {
    const again = importInto(sheets, [commune]);
    expect(again.result.reports[0]).toMatchObject({ added: 0, same: 2, conflicts: 0 });
    expect(again.result.edits.filter((e) => e.sheet === CANDIDATES)).toEqual([]);

    const changed = gridsOf(emulationDemoSheets());
    const cn08 = changed.get(CANDIDATES)!.find((r) => r[0] === "CN08")!;
    cn08[18] = 95;
    const kept = importInto(sheets, [changed]);
    expect(kept.result.reports[0]).toMatchObject({ added: 0, same: 1, conflicts: 1 });
    expect(kept.result.problems.items.map((p) => `${problemAddress(p)} ${p.text.vi}`)).toEqual([
      `${CANDIDATES}!S6 Đề nghị XMT-CN08 đã có trong sổ với “Điểm” là “94”, sổ cấp dưới ghi “95”: giữ nguyên (nhập với --replace để ghi đè).`,
    ]);
    const replaced = importInto(sheets, [changed], true);
    expect(replaced.result.reports[0]).toMatchObject({ same: 1, replaced: 1 });
    expect(rowsByCode(replaced.sheets.get(CANDIDATES)!).get("XMT-CN08")!.get("Điểm")).toBe(95);
  });
});

describe("a rank gain the commune read from its last year's ranks", () => {
  it("travels as the figure it computed, not as a blank the district would compute from other ranks", () => {
    const commune = gridsOf(emulationDemoSheets());
    const grid = commune.get(CANDIDATES)!;
    const col = grid[0]!.indexOf("TANG_HANG");
    grid.find((r) => r[0] === "TT04")![col] = null;
    commune.set("Thứ hạng năm trước", [
      ["Mã đơn vị", "Tên đơn vị", "THU_HANG"],
      ["VPTK", "Văn phòng - Thống kê", 7],
    ]);
    const { sheets } = importInto(gridsOf(districtDemoSheets()), [commune]);
    // TT04 was 7th last year and is 1st now: a gain of 6.
    expect(rowsByCode(sheets.get(CANDIDATES)!).get("XMT-TT04")!.get("TANG_HANG")).toBe(6);
  });
});

describe("what is not imported", () => {
  const district = gridsOf(districtDemoSheets());

  it("a proposal the commune's council has still to decide (a tie at the edge of the commune's quota for the district)", () => {
    const commune = gridsOf(emulationDemoSheets());
    const grid = commune.get(CANDIDATES)!;
    const cn02 = grid.find((r) => r[0] === "CN02")!;
    const cn08 = grid.find((r) => r[0] === "CN08")!;
    cn02[4] = cn08[4]!;
    cn02[17] = "05/12/2023";
    cn02[18] = cn08[18]!;
    const { result } = importInto(district, [commune]);
    expect(result.reports[0]).toMatchObject({ added: 1 });
    expect(result.problems.items.filter((p) => p.severity === "warning").map((p) => p.text.vi)).toEqual([
      "Đề nghị CN02 (Trần Minh Khoa) – “Giấy khen của Chủ tịch UBND huyện” còn chờ Hội đồng cấp dưới quyết định (bằng Điểm tại ranh giới chỉ tiêu): chưa nhập.",
      "Đề nghị CN08 (Nguyễn Hoàng Nam) – “Giấy khen của Chủ tịch UBND huyện” còn chờ Hội đồng cấp dưới quyết định (bằng Điểm tại ranh giới chỉ tiêu): chưa nhập.",
    ]);
  });

  it("a commune ledger that still has errors: refused whole", () => {
    const commune = gridsOf(emulationDemoSheets());
    commune.get(CANDIDATES)!.find((r) => r[0] === "CN08")![1] = "Cán bộ";
    const { result } = importInto(district, [commune]);
    expect(result.reports[0]!.kind).toBe("refused");
    expect(result.edits.filter((e) => e.sheet === CANDIDATES)).toEqual([]);
    expect(result.problems.items[0]!.text.vi).toMatch(/^Sổ cấp dưới còn 1 lỗi/);
  });

  it("a commune without Mã đơn vị whose name is not among the district's units; with its name there, the unit's code is used", () => {
    const nameless = gridsOf(emulationDemoSheets());
    const settings = nameless.get("Phong trào")!;
    settings.splice(
      settings.findIndex((r) => r[0] === "Mã đơn vị"),
      1,
    );
    settings.find((r) => r[0] === "Đơn vị tổ chức")![1] = "Ủy ban nhân dân xã Không Có";
    expect(importInto(district, [nameless]).result.problems.items[0]!.text.vi).toMatch(/chưa ghi “Mã đơn vị” ở trang Phong trào, và đơn vị tổ chức “Ủy ban nhân dân xã Không Có”/);
    settings.find((r) => r[0] === "Đơn vị tổ chức")![1] = "Ủy ban nhân dân xã Mỹ Hòa";
    const { sheets } = importInto(district, [nameless]);
    expect([...rowsByCode(sheets.get(CANDIDATES)!).keys()]).toContain("XMH-CN08");
  });

  it("a judge's or entries workbook into a review that has no contest: refused, nothing made", () => {
    const entries = new Map<string, Grid>([
      [
        "Bài dự thi",
        [
          ["Mã bài", "Tên bài"],
          ["SK01", "Bài A"],
        ],
      ],
    ]);
    const { result } = importInto(district, [entries]);
    expect(result.reports[0]!.kind).toBe("refused");
    expect(result.edits.filter((e) => e.sheet !== "Nhật ký")).toEqual([]);
    expect(result.problems.items[0]!.text.vi).toMatch(/^Sổ đang mở là sổ xét khen thưởng: chỉ nhập được sổ xét khen thưởng của cấp dưới/);
  });

  it("a review into a ledger that is no review (a judged contest): refused", () => {
    const contest = reviewLedger({ criteria: [], candidates: [] });
    contest.delete(CANDIDATES);
    const { result } = importInto(contest, [gridsOf(emulationDemoSheets())]);
    expect(result.reports[0]!.kind).toBe("refused");
    expect(result.problems.items[0]!.text.vi).toMatch(/sổ đang mở không phải sổ xét khen thưởng/);
  });
});

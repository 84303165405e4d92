import path from "node:path";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../shared/cells/cell.js";
import { planTally } from "../shared/tasks/ledger-tally.js";
import { runEmulation } from "../shared/emulation/run.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { templateSheets } from "../shared/samples/templates.js";
import { plainSheet, readGrids, sheetGrid, writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { removeFolder, runCli, sha256, stackTraceLines, tempFolder } from "./support/cli-run.js";
import { gridsOf } from "./support/grids.js";

/** `tally` and `check` choose what to compute from the sheets present; a judged contest behaves as before. */

let dir: string;
beforeAll(() => {
  dir = tempFolder("emulation");
});
afterAll(() => removeFolder(dir));

const numbered = (grid: Grid): string[] => grid.filter((r) => typeof r[0] === "number").map((r) => String(r[3]));

describe("choosing what to compute", () => {
  it("sees a review in the thi-dua template, a judged contest in the others, and a quiz where the contest has `Trắc nghiệm`", () => {
    const names = (kind: "thi-dua" | "sang-kien" | "truc-tuyen") => templateSheets(kind, { year: 2026 }).map((s) => s.name);
    expect(planTally(names("thi-dua")).parts).toEqual(["review"]);
    expect(planTally(names("sang-kien")).parts).toEqual(["contest"]);
    expect(planTally(names("truc-tuyen")).parts).toEqual(["contest", "quiz"]);
    expect(planTally(["Cuộc thi", "Đơn vị"]).parts).toEqual(["contest"]);
    expect(planTally([...names("sang-kien"), "Đề nghị khen thưởng"]).parts).toEqual(["contest", "review"]);
    expect(planTally([...names("thi-dua"), "trac nghiem"]).parts).toEqual(["review"]);
  });

  it("computes the thi-dua template as shipped with no problem", () => {
    const run = runEmulation(gridsOf(templateSheets("thi-dua", { year: 2026 })));
    expect(run.problems).toEqual([]);
    expect(run.result.candidates.map((c) => [c.candidate.code, c.outcome])).toEqual([
      ["DN01", "awarded"],
      ["DN02", "awarded"],
    ]);
  });

  it("shows every rule in the demo review (seeds 001/003, invented names)", () => {
    const run = runEmulation(gridsOf(emulationDemoSheets()));
    expect(Object.fromEntries(run.result.candidates.map((c) => [c.candidate.code, c.outcome]))).toEqual({
      TT01: "awarded",
      TT02: "outsideQuota",
      TT03: "notEligible",
      TT04: "awarded",
      CN01: "awarded",
      CN02: "awarded",
      CN03: "pending",
      CN04: "pending",
      CN05: "notEligible",
      CN06: "incomplete",
      CN07: "incomplete",
      CN08: "awarded",
    });
    expect(run.errorCount).toBe(0);
    // 540.000 (TT01) + 2 × 270.000 (CN01, CN02) + 540.000 (TT04) + 270.000 (CN08).
    expect(run.result.totalAmount).toBe(1_890_000n);
  });
});

describe("thidua tally and check on a review ledger", () => {
  it("init thi-dua then tally writes the review's outputs (exit 0)", async () => {
    const file = path.join(dir, "thi-dua.xlsx");
    expect((await runCli(["init", "thi-dua", file])).code).toBe(0);
    const tally = await runCli(["tally", file]);
    expect(tally.stderr).toBe("");
    expect(tally.code).toBe(0);
    expect(tally.stdout).toContain("Được khen thưởng: 01 tập thể, 01 cá nhân.");
    const grids = await readGrids(file);
    expect(numbered(sheetGrid(grids, "Danh sách khen thưởng"))).toEqual(["DN02", "DN01"]);
    expect(sheetGrid(grids, "Không đủ điều kiện")[1]![6]).toBe("Mọi đề nghị đều đạt các tiêu chí.");
    expect(sheetGrid(grids, "Thiếu hồ sơ")[1]![5]).toBe("Không có hồ sơ nào thiếu hoặc nộp muộn.");
    expect(sheetGrid(grids, "Kiểm tra")[1]![2]).toBe("Không phát hiện lỗi hay cảnh báo nào.");
    expect(grids.has("Kết quả")).toBe(false);
  });

  it("writes the demo review's three lists, with each failed criterion in words", async () => {
    const file = path.join(dir, "demo.xlsx");
    await writeBook(file, emulationDemoSheets());
    const tally = await runCli(["tally", file]);
    expect(tally.code).toBe(0);
    const grids = await readGrids(file);
    const list = sheetGrid(grids, "Danh sách khen thưởng");
    expect(numbered(list)).toEqual(["TT01", "CN01", "CN02", "TT04", "CN08"]);
    expect(list[2]![0]).toMatch(/^CHỜ HỘI ĐỒNG QUYẾT ĐỊNH: 2 đề nghị/);
    expect(list.filter((r) => String(r[8] ?? "").startsWith("Chờ Hội đồng quyết định")).map((r) => r[3])).toEqual(["CN03", "CN04"]);
    expect(list.find((r) => r[0] === "Bằng chữ:")![1]).toBe("Một triệu tám trăm chín mươi nghìn đồng");
    const failed = sheetGrid(grids, "Không đủ điều kiện")
      .slice(1)
      .map((r) => `${r[0]} ${r[5] ?? ""} ${r[6]} | ${r[7] ?? ""} | ${r[8] ?? ""}`);
    expect(failed).toContain("CN05 CHI_SO Chỉ số cải cách hành chính của đơn vị đạt bình quân từ 90% trở lên | 87 | từ 90 trở lên");
    expect(failed).toContain("CN05 SANG_KIEN Có sáng kiến, giải pháp cải cách hành chính được Hội đồng sáng kiến có thẩm quyền công nhận | Không | Có");
    expect(failed).toContain("TT03 KHONG_TRE_HAN Không có hồ sơ trễ hẹn, tồn đọng | Không | Có");
    expect(failed.some((l) => l.startsWith("TT03 THU_HANG / TANG_HANG Không đạt tiêu chí nào trong nhóm “XEP_HANG”"))).toBe(true);
    expect(failed.some((l) => l.startsWith("TT02"))).toBe(false);
    // Eligible but ranked below the quota: its own list, with the quota's figure.
    expect(sheetGrid(grids, "Ngoài chỉ tiêu").slice(1)).toEqual([
      [
        "TT02",
        "Tập thể",
        "Ban nhân dân ấp Phú Hòa",
        "Ban nhân dân ấp Phú Hòa",
        "Giấy khen của Chủ tịch UBND xã",
        2,
        88,
        "1",
        "Kế hoạch phong trào thi đua đẩy mạnh cải cách hành chính của UBND xã, mục 3. Khen thưởng: chọn 01 tập thể",
      ],
    ]);
    const dossier = sheetGrid(grids, "Thiếu hồ sơ")
      .slice(1)
      .map((r) => `${r[0]} ${r[5] ?? ""} ${r[8] ?? ""}`.trim());
    expect(dossier).toEqual(["CN06 Biên bản họp", "CN07  Nộp muộn 3 ngày (hạn 25/11/2023)"]);
  });

  it("check prints the review's problems and writes nothing", async () => {
    const file = path.join(dir, "check.xlsx");
    await writeBook(file, emulationDemoSheets());
    const before = sha256(file);
    const check = await runCli(["check", file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("0 lỗi, 3 cảnh báo");
    expect(check.stdout).toContain("Đề nghị khen thưởng!R12");
    expect(sha256(file)).toBe(before);
  });

  it("exits 1 with a provisional list when a Lỗi remains", async () => {
    const file = path.join(dir, "loi.xlsx");
    const sheets = emulationDemoSheets().map((s) => (s.name === "Tiêu chí khen thưởng" ? { ...s, rows: s.rows.map((r, i) => (i === 1 ? [r[0]!, r[1]!, r[2]!, "lớn hơn", r[4]!, r[5]!] : r)) } : s));
    await writeBook(file, sheets);
    const tally = await runCli(["tally", file]);
    expect(tally.code).toBe(1);
    const list = sheetGrid(await readGrids(file), "Danh sách khen thưởng");
    expect(list[2]![0]).toMatch(/^KẾT QUẢ TẠM TÍNH: còn 1 lỗi/);
    expect(sheetGrid(await readGrids(file), "Kiểm tra")[1]!.slice(0, 2)).toEqual(["Lỗi", "Tiêu chí khen thưởng!D2"]);
  });

  it("exits 2 and writes nothing when a review sheet is missing", async () => {
    const file = path.join(dir, "thieu.xlsx");
    await writeBook(
      file,
      emulationDemoSheets().filter((s) => s.name !== "Chỉ tiêu khen thưởng"),
    );
    const before = sha256(file);
    const tally = await runCli(["tally", file]);
    expect(tally.code).toBe(2);
    expect(tally.stderr).toContain("Sổ thiếu trang bắt buộc: Chỉ tiêu khen thưởng.");
    expect(stackTraceLines(tally.stderr)).toEqual([]);
    expect(sha256(file)).toBe(before);
  });
});

describe("a judged contest keeps its behaviour", () => {
  it("tally of a contest ledger writes its four sheets and no review sheet (exit 0)", async () => {
    const file = path.join(dir, "cuoc-thi.xlsx");
    await writeBook(file, scoredDemoSheets());
    const tally = await runCli(["tally", file]);
    expect(tally.code).toBe(0);
    const grids = await readGrids(file);
    expect(["Kết quả", "Danh sách giải", "Tổng hợp đơn vị", "Kiểm tra"].every((n) => grids.has(n))).toBe(true);
    expect(grids.has("Danh sách khen thưởng")).toBe(false);
  });

  it("a ledger with only its settings (Phong trào) and Đơn vị is still refused as a contest missing its sheets (exit 2)", async () => {
    const file = path.join(dir, "hai-trang.xlsx");
    await writeBook(
      file,
      templateSheets("thi-dua", { year: 2026 })
        .filter((s) => s.name === "Phong trào" || s.name === "Đơn vị")
        .map((s) => plainSheet(s.name, s.rows)),
    );
    const tally = await runCli(["tally", file]);
    expect(tally.code).toBe(2);
    expect(tally.stderr).toContain("Sổ thiếu trang bắt buộc: Bài dự thi, Giám khảo, Tiêu chí, Điểm, Cơ cấu giải.");
    expect(existsSync(file)).toBe(true);
  });
});

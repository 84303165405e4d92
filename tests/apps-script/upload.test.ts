import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../shared/cells/cell.js";
import { districtDemoSheets, emulationDemoSheets } from "../../shared/samples/emulation-demo.js";
import { importWorkbooks } from "../../shared/tasks/import.js";
import { plainSheet, writeBook } from "../support/cli-books.js";
import { REPO_ROOT, removeFolder, tempFolder } from "../support/cli-run.js";
import { applyEdits } from "../support/edits.js";
import { gridsOf } from "../support/grids.js";
import { normaliseGrid } from "../support/scenarios.js";
import { type GasDouble, gasDouble } from "./gas-double.js";
import { loadLedger } from "./ledgers.js";
import { type Built, type Script, buildBundle, loadBundle } from "./load-bundle.js";

/**
 * The sidebar's “Nhập tệp .xlsx”: a commune's review ledger, picked on the secretary's computer,
 * read by the built script itself (no TextDecoder there, no Drive) and imported into the district's
 * spreadsheet with the rules of `thidua import`.
 */

let built: Built;
const dir = tempFolder("upload");
let communeFile: { name: string; data: string };
beforeAll(async () => {
  built = await buildBundle();
  const file = path.join(dir, "so-xet-khen-thuong-xa-my-thanh.xlsx");
  // A sheet of the commune's own, with the characters XML escapes (&, <, "): read like any other.
  await writeBook(file, [...emulationDemoSheets(), plainSheet("Ghi chú", [["Văn hóa & Thông tin <xã>", '"Mỹ Thạnh"']])]);
  communeFile = { name: path.basename(file), data: readFileSync(file).toString("base64") };
});
afterAll(() => removeFolder(dir));

function district(): { gas: GasDouble; script: Script } {
  const gas = gasDouble();
  loadLedger(gas.ss, gridsOf(districtDemoSheets()));
  return { gas, script: loadBundle(built.code, gas) };
}

const tabGrid = (gas: GasDouble, name: string): Grid => normaliseGrid(gas.ss.tab(name)!.values());

describe("Nhập tệp .xlsx in the bound script", () => {
  it("imports a commune's selection into the district's proposals as the core does, and logs it", () => {
    const { gas, script } = district();
    const before = new Map(gas.ss.sheets.map((s) => [s.name, normaliseGrid(s.values())]));
    const res = script.call("importWorkbookFiles", [communeFile]) as { ok: boolean; message: string; lines: string[] };
    const expected = importWorkbooks(before, [{ file: communeFile.name, sheets: applyEdits(gridsOf(emulationDemoSheets()), []) }], { replace: false, now: Date.now() });
    const proposals = applyEdits(before, expected.edits).get("Đề nghị khen thưởng")!;
    expect(tabGrid(gas, "Đề nghị khen thưởng")).toEqual(normaliseGrid(proposals));
    expect(tabGrid(gas, "Đề nghị khen thưởng").map((r) => r[0])).toEqual(["Mã", "H-TT01", "H-CN01", "H-CN02", "XMT-TT04", "XMT-CN08"]);
    expect(res.message).toBe("Đã nhập 1 tệp. Xem trang “Nhật ký”.");
    expect(res.lines[0]).toMatch(/^so-xet-khen-thuong-xa-my-thanh\.xlsx \(Ủy ban nhân dân xã Mỹ Thạnh \(XMT\)\): /);
    expect(
      tabGrid(gas, "Nhật ký")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual([communeFile.name]);
  });

  it("imported twice, adds nothing the second time", () => {
    const { gas, script } = district();
    script.call("importWorkbookFiles", [communeFile]);
    const once = tabGrid(gas, "Đề nghị khen thưởng");
    script.call("importWorkbookFiles", [communeFile]);
    expect(tabGrid(gas, "Đề nghị khen thưởng")).toEqual(once);
  });

  it("reads every corpus workbook (Excel, WPS, LibreOffice, openpyxl) in the script's runtime: each is understood, and refused only as not a lower level's review", () => {
    const corpus = path.join(REPO_ROOT, "..", "shared", "corpus");
    const files = [corpus, path.join(REPO_ROOT, "tests", "fixtures", "workbooks")].flatMap((d) =>
      existsSync(d)
        ? readdirSync(d)
            .filter((f) => f.endsWith(".xlsx"))
            .map((f) => path.join(d, f))
        : [],
    );
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const { script } = district();
      const res = script.call("importWorkbookFiles", [{ name: path.basename(file), data: readFileSync(file).toString("base64") }]) as { message: string; lines: string[] };
      const said = [res.message, ...res.lines].join("\n");
      expect(said, file).not.toContain("Không đọc được");
      expect(said, file).toContain("Không nhập tệp nào; 1 tệp bị từ chối (lý do ở dưới).");
      expect(said, file).toContain("chỉ nhập được sổ xét khen thưởng của cấp dưới");
    }
  });

  it("says which file could not be read, and refuses what the sidebar could not have sent, changing nothing", () => {
    const { gas, script } = district();
    const text = { name: "ghi-chu.xlsx", data: Buffer.from("không phải tệp Excel").toString("base64") };
    const mixed = script.call("importWorkbookFiles", [text, communeFile]) as { ok: boolean; lines: string[] };
    expect(mixed.ok).toBe(false);
    expect(mixed.lines.some((l) => l.startsWith("Lỗi ghi-chu.xlsx: Không đọc được tệp:"))).toBe(true);
    const before = new Map(gas.ss.sheets.map((s) => [s.name, normaliseGrid(s.values())]));
    const none = script.call("importWorkbookFiles", [text]) as { ok: boolean; message: string };
    expect(none.message).toContain("Không đọc được tệp nào trong “ghi-chu.xlsx”");
    for (const bad of [undefined, [], "x", [{ name: "a.xlsx" }], [{ name: "a.xlsx", data: 5 }], Array.from({ length: 21 }, () => communeFile)]) {
      const res = script.call("importWorkbookFiles", bad) as { ok: boolean; message: string };
      expect(res.ok).toBe(false);
      expect(res.message).toBe("Chọn từ 1 đến 20 tệp .xlsx, mỗi tệp không quá 10 MB.");
    }
    const polluted = JSON.parse('[{"name":"a.xlsx","__proto__":{"data":"QUJD"}}]') as unknown;
    expect((script.call("importWorkbookFiles", polluted) as { message: string }).message).toBe("Chọn từ 1 đến 20 tệp .xlsx, mỗi tệp không quá 10 MB.");
    expect(new Map(gas.ss.sheets.map((s) => [s.name, normaliseGrid(s.values())]))).toEqual(before);
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findSoffice, writerInstalled } from "../cli/export-pdf.js";
import { main } from "../cli/main.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { writeBook } from "./support/cli-books.js";
import { REPO_ROOT, onPath } from "./support/cli-run.js";
import { inkRatio, readPng } from "./support/png.js";

/**
 * The printable PDF, rendered back to a PNG of its first page. Runs only where LibreOffice Writer
 * and poppler's pdftoppm are installed (CI installs libreoffice-writer and poppler-utils); elsewhere
 * the test is skipped and says why. The PNG stays in tests/output/ (git-ignored) for a person to look at.
 */

const OUT = path.join(REPO_ROOT, "tests", "output", "export-pdf");
const PNG = path.join(OUT, "phu-luc-khen-thuong-trang-1.png");

function skipReason(): string | undefined {
  const soffice = findSoffice();
  if (soffice === undefined) return "LibreOffice chưa được cài (cần gói Debian libreoffice-writer)";
  if (writerInstalled(soffice) === false) return `LibreOffice (${soffice}) thiếu thành phần Writer (cần gói Debian libreoffice-writer)`;
  if (!onPath("pdftoppm")) return "thiếu pdftoppm (cần gói Debian poppler-utils)";
  return undefined;
}

const reason = skipReason();
if (reason !== undefined) console.warn(`[export-pdf] Bỏ qua kiểm thử PDF: ${reason}.`);

describe("thidua export --pdf", () => {
  it.skipIf(reason !== undefined)(
    `renders the first page of the PDF to a PNG${reason ? ` (bỏ qua: ${reason})` : ""}`,
    async () => {
      rmSync(OUT, { recursive: true, force: true });
      mkdirSync(OUT, { recursive: true });
      const ledger = path.join(OUT, "so-xet-khen-thuong.xlsx");
      const docx = path.join(OUT, "phu-luc-khen-thuong.docx");
      const pdf = path.join(OUT, "phu-luc-khen-thuong.pdf");
      await writeBook(ledger, emulationDemoSheets());
      // In-process: LibreOffice may take longer on its first start than a child-process helper allows.
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(["export", ledger, "--docx", docx, "--pdf", pdf], { lang: "vi", out: (l) => out.push(l), err: (l) => err.push(l) });
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out).toContain(`Đã ghi bản PDF ${pdf}.`);
      expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, PNG.replace(/\.png$/, "")]);
      expect(existsSync(PNG)).toBe(true);
      // A4 portrait at 60 dpi is 496 × 702 pixels.
      const img = readPng(PNG);
      expect(Math.abs(img.width - 496)).toBeLessThanOrEqual(2);
      expect(Math.abs(img.height - 702)).toBeLessThanOrEqual(2);
      // Text, rules and table borders: some ink, but not a page blacked out by a rendering fault.
      const ink = inkRatio(img);
      expect(ink).toBeGreaterThan(0.005);
      expect(ink).toBeLessThan(0.4);
      console.info(`[export-pdf] Trang 1 của bản PDF: ${PNG}`);
    },
    180_000,
  );
});

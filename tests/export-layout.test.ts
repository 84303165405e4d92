import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findSoffice, writerInstalled } from "../cli/export-pdf.js";
import { main } from "../cli/main.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { REPO_ROOT } from "./support/cli-run.js";

/**
 * The demo's documents as a person would print them: rendered to PDF by LibreOffice, read back with
 * `pdftotext -layout`, one string per page. Each rule of Decree 30's layout that broke once is a test.
 * The first page of each PDF is kept as a PNG in tests/output/documents/ for a person to look at.
 */

const OUT = path.join(REPO_ROOT, "tests", "output", "documents");

function onPath(program: string): boolean {
  try {
    execFileSync("which", [program], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const soffice = findSoffice();
const ready = soffice !== undefined && writerInstalled(soffice) !== false && onPath("pdftotext") && onPath("pdftoppm");
if (!ready) console.warn("[export-layout] Bỏ qua: cần LibreOffice Writer và poppler-utils (pdftotext, pdftoppm).");

/** Exports `sheets` to .docx and .pdf through the CLI, returns the PDF's pages as laid-out text. */
async function exportPages(name: string, sheets: Parameters<typeof writeBook>[1]): Promise<string[]> {
  const ledger = path.join(OUT, `${name}.xlsx`);
  const pdf = path.join(OUT, `${name}.pdf`);
  await writeBook(ledger, sheets);
  const err: string[] = [];
  const code = await main(["export", ledger, "--docx", path.join(OUT, `${name}.docx`), "--pdf", pdf], { lang: "vi", out: () => undefined, err: (l) => err.push(l) });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(OUT, `${name}-trang-1`)]);
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim() !== "");
}

describe.skipIf(!ready)("documents as printed (LibreOffice → PDF → text)", () => {
  let contest: string[];
  let review: string[];
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    contest = await exportPages("phu-luc-giai-sang-kien", scoredDemoSheets());
    review = await exportPages("phu-luc-khen-thuong", emulationDemoSheets());
  }, 180_000);

  it("puts the national title on one line and the motto under it, beside the issuing body", () => {
    for (const pages of [contest, review]) {
      const first = pages[0]!;
      expect(first).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
      expect(first).toMatch(/\n\s+(HUYỆN|XÃ) [^\n]+Độc lập - Tự do - Hạnh phúc\n/);
    }
  });

  it("never breaks a word inside a table cell (“Khuyến khích” stays whole)", () => {
    const text = contest.join("\n");
    expect(text.match(/Khuyến khích/g)?.length).toBe(3);
    expect(text).not.toMatch(/Khuyế\s*\n|(^|\s)n\s+khích/m);
  });

  it("keeps the signature block on the page where the list ends", () => {
    for (const pages of [contest, review]) {
      const ending = pages.findIndex((p) => p.includes("Tổng số tiền:"));
      expect(ending).toBeGreaterThanOrEqual(0);
      expect(pages[ending]).toMatch(/Nơi nhận:\s+CHỦ TỊCH/);
    }
  });

  it("numbers pages from the second on, never the first", () => {
    expect(contest[0]!.trim().split("\n")[0]).not.toMatch(/^\s*1\s*$/);
    if (contest.length > 1) expect(contest[1]!.trim().split("\n")[0]!.trim()).toBe("2");
  });

  it("keeps a PNG of each first page", () => {
    for (const name of ["phu-luc-giai-sang-kien", "phu-luc-khen-thuong"]) expect(readFileSync(path.join(OUT, `${name}-trang-1.png`)).length).toBeGreaterThan(5000);
  });
});

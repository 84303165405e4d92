import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findSoffice, writerInstalled } from "../cli/export-pdf.js";
import { main } from "../cli/main.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { REPO_ROOT, onPath } from "./support/cli-run.js";

/**
 * The demo's documents as a person would print them: rendered to PDF by LibreOffice, read back with
 * `pdftotext -layout`, one string per page. Each rule of Decree 30's layout that broke once is a test.
 * The first page of each PDF is kept as a PNG in tests/output/documents/ for a person to look at.
 */

const OUT = path.join(REPO_ROOT, "tests", "output", "documents");

const soffice = findSoffice();
const ready = soffice !== undefined && writerInstalled(soffice) !== false && onPath("pdftotext") && onPath("pdftoppm");
if (!ready) console.warn("[export-layout] Bỏ qua: cần LibreOffice Writer và poppler-utils (pdftotext, pdftoppm).");

function pagesOf(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim() !== "");
}

/** Exports `sheets` (documents and certificates, .docx and .pdf) through the CLI; returns each PDF's pages as laid-out text. */
async function exportPages(name: string, sheets: Parameters<typeof writeBook>[1]): Promise<{ pages: string[]; certificates: string[]; landscape: boolean }> {
  const ledger = path.join(OUT, `${name}.xlsx`);
  const pdf = path.join(OUT, `${name}.pdf`);
  const certificates = path.join(OUT, `giay-khen-${name}.pdf`);
  await writeBook(ledger, sheets);
  const err: string[] = [];
  const code = await main(["export", ledger, "--docx", path.join(OUT, `${name}.docx`), "--pdf", pdf, "--certificates", certificates], { lang: "vi", out: () => undefined, err: (l) => err.push(l) });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(OUT, `${name}-trang-1`)]);
  execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", certificates, path.join(OUT, `giay-khen-${name}-trang-1`)]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync("pdfinfo", [certificates], { encoding: "utf8" }))!;
  return { pages: pagesOf(pdf), certificates: pagesOf(certificates), landscape: Number(size[1]) > Number(size[2]) };
}

describe.skipIf(!ready)("documents as printed (LibreOffice → PDF → text)", () => {
  let contest: string[];
  let review: string[];
  let contestCertificates: Awaited<ReturnType<typeof exportPages>>;
  let reviewCertificates: Awaited<ReturnType<typeof exportPages>>;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    contestCertificates = await exportPages("van-ban-giai-sang-kien", scoredDemoSheets());
    reviewCertificates = await exportPages("van-ban-khen-thuong", emulationDemoSheets());
    contest = contestCertificates.pages;
    review = reviewCertificates.pages;
    console.info(
      `[export-layout] Số trang: sáng kiến ${contest.length} (giấy khen ${contestCertificates.certificates.length}), khen thưởng ${review.length} (giấy khen ${reviewCertificates.certificates.length}).`,
    );
  }, 240_000);

  it("puts the national title on one line and the motto under it, beside the issuing body, on every document", () => {
    const starts = [...contest, ...review].filter((p) => p.includes("CỘNG HÒA XÃ HỘI"));
    expect(starts.length).toBe(2 + 6);
    for (const first of starts) {
      expect(first).toMatch(/(ỦY BAN NHÂN DÂN|UBND [^\n]+?)\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
      expect(first).toMatch(/\n[^\n]+Độc lập - Tự do - Hạnh phúc\n/);
    }
  });

  it("never breaks a word inside a table cell (“Khuyến khích” stays whole)", () => {
    const text = contest.join("\n");
    expect(text.match(/Khuyến khích/g)?.length).toBe(4);
    expect(text).not.toMatch(/Khuyế\s*\n|(^|\s)n\s+khích/m);
  });

  it("keeps the signature block on the page where each list ends", () => {
    for (const pages of [contest, review]) {
      const endings = pages.filter((p) => p.includes("Tổng số tiền:"));
      expect(endings.length).toBeGreaterThanOrEqual(1);
      for (const page of endings) expect(page).toMatch(/Nơi nhận:\s+CHỦ TỊCH/);
    }
  });

  it("issues one document per authority: the commune's decision, the submission to the district, the council's minutes and list", () => {
    const text = review.join("\f");
    const docs = ["BIÊN BẢN", "DANH SÁCH TRÌNH HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "QUYẾT ĐỊNH", "TỜ TRÌNH", "DANH SÁCH ĐỀ NGHỊ"];
    for (const title of docs) expect(text).toMatch(new RegExp(`\\n\\s*${title}\\n`));
    expect(text).toMatch(/Kính gửi: Chủ tịch Ủy ban nhân dân huyện …\./);
    expect(text).toMatch(/Điều 1\. Tặng Giấy khen của Chủ tịch UBND xã cho 01 tập thể, 02 cá nhân/);
    for (const voteHeader of ["phiếu", "đồng ý", "Tỷ lệ"]) expect(text).toContain(voteHeader);
    // The council's cases are in its list and its vote table, never in the list of the awarded.
    const awarded = review.find((p) => /\n\s*DANH SÁCH\n/.test(p) && p.includes("được tặng"))!;
    expect(awarded).not.toContain("Võ Thị Ngọc Bích");
  });

  it("leaves number, date and signer as visible blanks", () => {
    const decision = review.find((p) => /\n\s*QUYẾT ĐỊNH\n/.test(p))!;
    expect(decision).toContain("Số: …/QĐ-UBND");
    expect(decision).toContain("Mỹ Thạnh, ngày … tháng … năm …");
    expect(decision).toContain("……………");
  });

  it("prints one certificate per awardee on an A4 landscape page", () => {
    expect(contestCertificates.landscape).toBe(true);
    expect(contestCertificates.certificates).toHaveLength(7);
    expect(reviewCertificates.certificates).toHaveLength(3);
    for (const page of contestCertificates.certificates) expect(page).toMatch(/GIẤY KHEN[\s\S]*Đã đạt giải (Nhất|Nhì|Ba|Khuyến khích) Cuộc thi Tìm sáng kiến/);
  });

  it("numbers pages from the second page of each document on, never its first", () => {
    for (const page of [...contest, ...review]) {
      const top = page.trim().split("\n")[0]!.trim();
      if (page.includes("CỘNG HÒA XÃ HỘI")) expect(top).not.toMatch(/^\d+$/);
      else expect(Number(top)).toBeGreaterThanOrEqual(2);
    }
    expect(review.some((p) => !p.includes("CỘNG HÒA XÃ HỘI"))).toBe(true);
  });

  it("keeps a PNG of each first page", () => {
    for (const name of ["van-ban-giai-sang-kien", "van-ban-khen-thuong", "giay-khen-van-ban-giai-sang-kien"]) expect(readFileSync(path.join(OUT, `${name}-trang-1.png`)).length).toBeGreaterThan(5000);
  });
});

/**
 * `thidua export <ledger.xlsx> --docx <file> [--pdf <file>] [--certificates <file.docx|.pdf>]`: the
 * documents of every competition the ledger holds (decisions and submissions with their lists, the
 * council's minutes and list of ties) as a Word draft and, when LibreOffice is installed, a PDF; the
 * certificates in a file of their own.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Msg, say } from "../shared/i18n/messages.js";
import type { Paper } from "../shared/documents/paper.js";
import { readAnnexes } from "../shared/documents/sources.js";
import { loadWorkbook, refuseMissingSheets } from "./commands.js";
import { EXIT, type Io, Refusal } from "./outcome.js";
import { papersDocxBuffer } from "./word-file.js";
import { convertDocxToPdf } from "./export-pdf.js";
import { refuseMissingFolder, refuseOverwritingInput, writeFileAtomic } from "./write-file-atomic.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

export interface ExportIo extends Io {
  err?(line: string): void;
}

export interface ExportFiles {
  readonly docx?: string | undefined;
  readonly pdf?: string | undefined;
  readonly certificates?: string | undefined;
}

/** Every output is checked before anything is read: its folder exists, it is not the ledger, its extension says what it holds. */
async function checkOutputs(file: string, files: ExportFiles): Promise<void> {
  const certificateExt = files.certificates && path.extname(files.certificates).toLowerCase() === ".pdf" ? ".pdf" : ".docx";
  for (const [output, ext] of [
    [files.docx, ".docx"],
    [files.pdf, ".pdf"],
    [files.certificates, certificateExt],
  ] as const) {
    if (output === undefined) continue;
    await refuseMissingFolder(output);
    await refuseOverwritingInput(output, [file]);
    if (path.extname(output).toLowerCase() !== ext) {
      throw new Refusal(t(`Tệp ghi ra “${output}” phải có đuôi ${ext}.`, `The output “${output}” must end in ${ext}.`));
    }
  }
}

/**
 * Writes `papers` as a Word file and/or a PDF (through a Word file in a scratch folder when only the
 * PDF is asked for). Returns false when the PDF could not be made (the reason is said).
 */
async function writePapers(papers: readonly Paper[], docx: string | undefined, pdf: string | undefined, what: Msg, io: ExportIo): Promise<boolean> {
  const data = await papersDocxBuffer(papers);
  const scratch = docx ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), "thidua-docx-"));
  const docxFile = docx ?? path.join(scratch!, `${path.basename(pdf!, path.extname(pdf!))}.docx`);
  try {
    await writeFileAtomic(docxFile, (tmp) => fs.writeFile(tmp, data));
    if (docx) io.out(say(t(`Đã ghi ${what.vi} ${docx} (${papers.length} văn bản).`, `Wrote ${what.en} ${docx} (${papers.length} documents).`), io.lang));
    if (!pdf) return true;
    const outcome = await convertDocxToPdf(docxFile, pdf);
    if (outcome.ok) io.out(say(t(`Đã ghi bản PDF ${pdf}.`, `PDF written to ${pdf}.`), io.lang));
    else (io.err ?? io.out)(say(outcome.reason, io.lang));
    return outcome.ok;
  } finally {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** Exit 0 done; 1 written but `Lỗi` remain (marked provisional), or nothing to export yet; 2 nothing written, or a PDF could not be made. */
export async function exportCommand(file: string | undefined, files: ExportFiles, io: ExportIo): Promise<number> {
  if (!file || (!files.docx && !files.pdf && !files.certificates)) {
    throw new Refusal(
      t(
        "Cần tên tệp sổ và --docx <tệp.docx> (có thể thêm --pdf <tệp.pdf>, --certificates <giấy-khen.docx>).",
        "Give the ledger file and --docx <file.docx> (optionally --pdf <file.pdf>, --certificates <file.docx>).",
      ),
    );
  }
  await checkOutputs(file, files);
  const built = await readAnnexes(await loadWorkbook(file));
  refuseMissingSheets(built.missingSheets);
  if (built.annexes.length === 0) {
    // The ledger is readable but its results are not there yet: like a Lỗi left to fix (exit 1), nothing written.
    (io.err ?? io.out)(
      say(
        t(
          "Chưa có bài đạt giải hay tập thể, cá nhân được khen thưởng nào (hãy nhập điểm rồi chạy lệnh tally): không có gì để xuất, không ghi tệp nào.",
          "No prize winner and no award yet (enter the scores, then run tally): nothing to export, no file written.",
        ),
        io.lang,
      ),
    );
    return EXIT.errorsRemain;
  }
  let pdfFailed = false;
  if (files.docx || files.pdf) pdfFailed = !(await writePapers(built.papers, files.docx, files.pdf, t("bản Word", "the Word draft"), io));
  if (files.certificates) {
    const asPdf = path.extname(files.certificates).toLowerCase() === ".pdf";
    const ok = await writePapers(built.certificates, asPdf ? undefined : files.certificates, asPdf ? files.certificates : undefined, t("giấy khen", "the certificates"), io);
    pdfFailed ||= !ok;
  }
  if (built.errorCount > 0) {
    io.out(
      say(
        t(
          `Lưu ý: sổ còn ${built.errorCount} lỗi, văn bản được đánh dấu KẾT QUẢ TẠM TÍNH (xem lệnh check).`,
          `Note: ${built.errorCount} errors remain; the document is marked provisional (see the check command).`,
        ),
        io.lang,
      ),
    );
  }
  if (pdfFailed) return EXIT.nothing;
  return built.errorCount > 0 ? EXIT.errorsRemain : EXIT.done;
}

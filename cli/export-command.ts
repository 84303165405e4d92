/**
 * `thidua export <ledger.xlsx> --docx <file> [--pdf <file>]`: the award-decision annexes of every
 * competition the ledger holds, as a Word draft and, when LibreOffice is installed, a PDF.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Msg, say } from "../shared/i18n/messages.js";
import { readAnnexes } from "../shared/documents/sources.js";
import { loadWorkbook, refuseMissingSheets } from "./commands.js";
import { EXIT, type Io, Refusal } from "./outcome.js";
import { annexDocxBuffer } from "./export-docx.js";
import { convertDocxToPdf } from "./export-pdf.js";
import { refuseMissingFolder, refuseOverwritingInput, writeFileAtomic } from "./write-file-atomic.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

export interface ExportIo extends Io {
  err?(line: string): void;
}

/** Exit 0 done; 1 written but `Lỗi` remain (marked provisional); 2 nothing written, or the PDF part could not be done. */
export async function exportCommand(file: string | undefined, docx: string | undefined, pdf: string | undefined, io: ExportIo): Promise<number> {
  if (!file || (!docx && !pdf)) {
    throw new Refusal(t("Cần tên tệp sổ và --docx <tệp.docx> (có thể thêm --pdf <tệp.pdf>).", "Give the ledger file and --docx <file.docx> (optionally --pdf <file.pdf>)."));
  }
  for (const [output, ext] of [
    [docx, ".docx"],
    [pdf, ".pdf"],
  ] as const) {
    if (output === undefined) continue;
    await refuseMissingFolder(output);
    await refuseOverwritingInput(output, [file]);
    if (path.extname(output).toLowerCase() !== ext) {
      throw new Refusal(t(`Tệp ghi ra “${output}” phải có đuôi ${ext}.`, `The output “${output}” must end in ${ext}.`));
    }
  }
  const wb = await loadWorkbook(file);
  const built = await readAnnexes(wb);
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
  const data = await annexDocxBuffer(built.annexes);
  const scratch = docx ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), "thidua-docx-"));
  const docxFile = docx ?? path.join(scratch!, `${path.basename(pdf!, path.extname(pdf!))}.docx`);
  try {
    await writeFileAtomic(docxFile, (tmp) => fs.writeFile(tmp, data));
    if (docx) io.out(say(t(`Đã ghi bản Word ${docx} (${built.annexes.length} văn bản).`, `Word draft written to ${docx} (${built.annexes.length} documents).`), io.lang));
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
    let status: number = built.errorCount > 0 ? EXIT.errorsRemain : EXIT.done;
    if (pdf) {
      const outcome = await convertDocxToPdf(docxFile, pdf);
      if (outcome.ok) io.out(say(t(`Đã ghi bản PDF ${pdf}.`, `PDF written to ${pdf}.`), io.lang));
      else {
        (io.err ?? io.out)(say(outcome.reason, io.lang));
        status = EXIT.nothing;
      }
    }
    return status;
  } finally {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  }
}

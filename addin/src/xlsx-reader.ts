import type { ReturnedWorkbook } from "../../shared/tasks/import.js";
import { fflateCodec } from "../../xlsx/fflate-codec.js";
import { XlsxBook } from "../../xlsx/workbook.js";

/** A returned .xlsx, parsed in the task pane: every sheet (hidden ones included) as a grid. Loaded only when a judge's workbook is imported. */
export function readReturnedWorkbook(file: string, data: ArrayBuffer): ReturnedWorkbook {
  const book = XlsxBook.open(new Uint8Array(data), fflateCodec);
  return { file, sheets: new Map(book.sheets.map((s) => [s.name, book.readGrid(s.name) ?? []])) };
}

import { promises as fs } from "node:fs";
import type { Cell } from "../shared/cells/cell.js";
import { XlsxBook } from "../xlsx/workbook.js";
import { zlibCodec } from "./zlib-codec.js";

export interface SheetRows {
  /** Called once per worksheet with its name and header row; returns the sink for its rows, or undefined to skip the sheet. */
  readonly onSheet: (name: string, header: Cell[]) => ((cells: Cell[], row: number) => void) | undefined;
  /** Called when a sheet's rows are done. */
  readonly onSheetEnd?: (name: string) => void;
}

/** Every worksheet of an .xlsx export, row by row: each sheet's rows go to its sink as they are parsed, never all held. */
export async function readXlsxRows(file: string, sink: SheetRows): Promise<void> {
  const book = XlsxBook.open(await fs.readFile(file), zlibCodec);
  for (const sheet of book.sheets) {
    let onRow: ((cells: Cell[], row: number) => void) | undefined;
    let headerSeen = false;
    book.scanRows(sheet.name, (cells, rowNumber) => {
      if (!headerSeen) {
        headerSeen = true;
        onRow = sink.onSheet(sheet.name, cells);
        return;
      }
      onRow?.(cells, rowNumber);
    });
    if (headerSeen && onRow !== undefined) sink.onSheetEnd?.(sheet.name);
  }
}

import ExcelJS from "exceljs";
import type { Cell } from "../shared/cells/cell.js";
import { fromExcel } from "./exceljs-cells.js";

export interface SheetRows {
  /** Called once per worksheet with its name and header row; returns the sink for its rows, or undefined to skip the sheet. */
  readonly onSheet: (name: string, header: Cell[]) => ((cells: Cell[], row: number) => void) | undefined;
  /** Called when a sheet's rows are done. */
  readonly onSheetEnd?: (name: string) => void;
}

/** Streams every worksheet of an .xlsx file row by row (ExcelJS's streaming reader): rows are never all held. */
export async function readXlsxRows(file: string, sink: SheetRows): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    let onRow: ((cells: Cell[], row: number) => void) | undefined;
    let headerSeen = false;
    for await (const row of ws) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(fromExcel(values[c]));
      if (!headerSeen) {
        headerSeen = true;
        onRow = sink.onSheet(ws.name, cells);
        continue;
      }
      onRow?.(cells, row.number);
    }
    if (headerSeen && onRow !== undefined) sink.onSheetEnd?.(ws.name);
  }
}

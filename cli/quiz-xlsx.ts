import ExcelJS from "exceljs";
import type { Cell } from "../shared/cells/cell.js";
import { VIETNAM_OFFSET_MS } from "../shared/cells/date.js";

/** ExcelJS's value → a core cell (dates carry Vietnam's wall time in UTC fields; formulas give their result). */
function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return new Date(value.getTime() - VIETNAM_OFFSET_MS);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("result" in value) {
      const result = (value as { result?: unknown }).result;
      if (result instanceof Date) return new Date(result.getTime() - VIETNAM_OFFSET_MS);
      return typeof result === "string" || typeof result === "number" || typeof result === "boolean" ? result : null;
    }
    if ("text" in value && typeof value.text === "string") return value.text;
  }
  return null;
}

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
      for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c]));
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

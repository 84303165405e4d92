import ExcelJS from "exceljs";
import type { Cell, Grid } from "../../shared/cells/cell.js";
import { VIETNAM_OFFSET_MS } from "../../shared/cells/date.js";
import type { ReturnedWorkbook } from "../../shared/tasks/import.js";

/** ExcelJS gives dates as UTC instants carrying Vietnam's wall-clock time; the core wants real instants (as the CLI does). */
function fromExcelJs(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return new Date(value.getTime() - VIETNAM_OFFSET_MS);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result instanceof Date) return new Date(result.getTime() - VIETNAM_OFFSET_MS);
      if (typeof result === "string" || typeof result === "number" || typeof result === "boolean") return result;
      return null;
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  return null;
}

function gridOf(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(fromExcelJs(row.getCell(c).value));
    grid.push(cells);
  }
  return grid;
}

/** A returned .xlsx, parsed in the task pane: every sheet (hidden ones included) as a grid. */
export async function readReturnedWorkbook(file: string, data: ArrayBuffer): Promise<ReturnedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return { file, sheets: new Map(wb.worksheets.map((w) => [w.name, gridOf(w)])) };
}

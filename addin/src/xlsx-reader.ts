import { gridOf, guardedWorkbook } from "../../cli/exceljs-cells.js";
import type { ReturnedWorkbook } from "../../shared/tasks/import.js";

/** A returned .xlsx, parsed in the task pane: every sheet (hidden ones included) as a grid. */
export async function readReturnedWorkbook(file: string, data: ArrayBuffer): Promise<ReturnedWorkbook> {
  // Returned workbooks are untrusted: the guarded workbook drops defined names that would pollute prototypes.
  const wb = guardedWorkbook();
  await wb.xlsx.load(data);
  return { file, sheets: new Map(wb.worksheets.map((w) => [w.name, gridOf(w)])) };
}

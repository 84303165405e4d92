import type { Grid } from "../../shared/cells/cell.js";
import type { SheetEdits } from "../../shared/tasks/port.js";

/** The grids after a task's cell edits, as a host would write them (the input grids are left as they were). */
export function applyEdits(sheets: ReadonlyMap<string, Grid | undefined>, edits: readonly SheetEdits[]): Map<string, Grid> {
  const out = new Map<string, Grid>();
  for (const [name, grid] of sheets)
    if (grid !== undefined)
      out.set(
        name,
        grid.map((row) => [...row]),
      );
  for (const { sheet, edits: cells } of edits) {
    const grid = out.get(sheet) ?? [];
    out.set(sheet, grid);
    for (const { row, col, value } of cells) {
      while (grid.length <= row) grid.push([]);
      const r = grid[row]!;
      while (r.length <= col) r.push(null);
      r[col] = value;
    }
  }
  return out;
}

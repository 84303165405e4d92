import type { Cell, Grid } from "../../shared/cells/cell.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { DEMO_RETURNED_SCORES, initiativeDemoSheets } from "../../shared/samples/initiative-demo.js";

export function gridsOf(sheets: readonly OutputSheet[]): Map<string, Grid | undefined> {
  return new Map(sheets.map((s) => [s.name, s.rows.map((r) => [...r])]));
}

/** The demo ledger with every judge's returned scores typed straight into `Điểm`. */
export function demoLedgerScored(): Map<string, Grid | undefined> {
  const grids = gridsOf(initiativeDemoSheets());
  const scores = grids.get("Điểm")!;
  for (const [judge, byEntry] of Object.entries(DEMO_RETURNED_SCORES)) {
    for (const [entry, values] of Object.entries(byEntry)) scores.push([entry, judge, null, ...values]);
  }
  return grids;
}

export function setCell(grid: Grid, row: number, col: number, value: Cell): void {
  while (grid.length <= row) grid.push([]);
  const r = grid[row]!;
  while (r.length <= col) r.push(null);
  r[col] = value;
}

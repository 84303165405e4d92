import { type Cell, type Grid, isBlankRow } from "../cells/cell.js";
import type { CellEdit } from "./port.js";

/** A sheet being edited: its current grid with edits applied, and the edits made. */
export class EditableSheet {
  readonly edits: CellEdit[] = [];
  constructor(
    readonly name: string,
    readonly grid: Grid,
  ) {}

  get(row: number, col: number): Cell {
    return this.grid[row]?.[col] ?? null;
  }

  set(row: number, col: number, value: Cell): void {
    while (this.grid.length <= row) this.grid.push([]);
    const r = this.grid[row]!;
    while (r.length <= col) r.push(null);
    r[col] = value;
    this.edits.push({ row, col, value });
  }

  /** Writes `header` in a new column after the header row, at column `min` or later; returns its index. */
  appendHeader(header: string, min: number): number {
    const col = Math.max(this.grid[0]?.length ?? 0, min);
    this.set(0, col, header);
    return col;
  }

  /** The row after the last non-blank one. */
  nextRow(): number {
    let n = this.grid.length;
    while (n > 1 && isBlankRow(this.grid[n - 1])) n--;
    return Math.max(n, 1);
  }
}

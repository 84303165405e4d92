import type { Cell, Grid } from "../cells/cell.js";
import type { OutputSheet } from "../ledger/output-sheet.js";

/** A change to one cell of an input sheet (0-based), made by an import, never by a computation. */
export interface CellEdit {
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

export interface SheetEdits {
  readonly sheet: string;
  readonly edits: readonly CellEdit[];
  /**
   * An edit leaves a cell holding a formula as it is: only typed values change. The new year clears
   * last year's values and moves its dates, and the secretariat's formulas (a column filled down
   * beside the data, a deadline computed from a date) go on working on the new ones.
   */
  readonly keepFormulas?: boolean;
}

/**
 * What a host must offer the core. Each task calls `sheetNames` and `read` once and writes once,
 * so the number of round trips to Excel or Google does not grow with the data.
 */
export interface LedgerPort {
  sheetNames(): Promise<string[]>;
  /** The used values of each named sheet (undefined for a sheet that does not exist). */
  read(names: readonly string[]): Promise<Map<string, Grid | undefined>>;
  /** Replaces each output sheet whole (creating it when absent) and applies cell edits to input sheets. */
  write(outputs: readonly OutputSheet[], edits?: readonly SheetEdits[]): Promise<void>;
}

/** The same port for a host whose calls return at once (Apps Script): the tasks run the same steps over it. */
export interface SyncLedgerPort {
  sheetNamesSync(): string[];
  readSync(names: readonly string[]): Map<string, Grid | undefined>;
  writeSync(outputs: readonly OutputSheet[], edits?: readonly SheetEdits[]): unknown;
}

import { type Cell, type Grid, cellAddress, isBlankRow } from "../cells/cell.js";
import { cleanText, foldKey } from "../cells/text.js";
import { M } from "../i18n/messages.js";
import type { ProblemList } from "./problem.js";
import type { ColumnDef, SheetDef } from "./schema.js";

/** One record of a table sheet: its 0-based row index and cells, read by column key. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

export interface Table {
  readonly sheet: string;
  readonly header: readonly Cell[];
  /** Column key → 0-based column index, for the columns found. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly TableRow[];
  /** True when every required column was found. */
  readonly complete: boolean;
}

export function headerKeys(def: ColumnDef): string[] {
  return [def.vi, def.en, ...(def.aliases ?? [])].map(foldKey);
}

/** Finds columns by header text: case, diacritics and spacing do not matter; the English key is an alias. */
export function matchHeader(sheet: string, header: readonly Cell[], defs: readonly ColumnDef[], problems: ProblemList): Map<string, number> {
  const byFolded = new Map<string, ColumnDef>();
  for (const def of defs) for (const k of headerKeys(def)) if (!byFolded.has(k)) byFolded.set(k, def);
  const found = new Map<string, number>();
  header.forEach((cell, index) => {
    const def = byFolded.get(foldKey(cleanText(cell)));
    if (!def) return;
    const first = found.get(def.key);
    if (first === undefined) found.set(def.key, index);
    else problems.warning(sheet, 0, index, M.duplicateColumn(def.vi, cellAddress(sheet, 0, first)));
  });
  return found;
}

/**
 * The columns past a sheet's fixed ones, found by folded header text through `keyOf`; of a repeated
 * header the first is used and the others are warned of.
 */
export function extraColumns(table: Table, def: SheetDef, keyOf: (folded: string) => string | undefined, problems: ProblemList): Map<string, number> {
  const fixed = new Set(def.columns.flatMap(headerKeys));
  const found = new Map<string, number>();
  table.header.forEach((cell, index) => {
    const folded = foldKey(cleanText(cell));
    if (folded === "" || fixed.has(folded)) return;
    const key = keyOf(folded);
    if (key === undefined) return;
    const first = found.get(key);
    if (first === undefined) found.set(key, index);
    else problems.warning(table.sheet, 0, index, M.duplicateColumn(cleanText(cell), cellAddress(table.sheet, 0, first)));
  });
  return found;
}

export function readTable(sheet: string, grid: Grid, def: SheetDef, problems: ProblemList): Table {
  const header = grid[0] ?? [];
  const columns = matchHeader(sheet, header, def.columns, problems);
  let complete = true;
  for (const c of def.columns) {
    if (c.required && !columns.has(c.key)) {
      problems.error(sheet, 0, undefined, M.missingColumn(c.vi));
      complete = false;
    }
  }
  const rows: TableRow[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (cells === undefined || isBlankRow(cells)) continue;
    rows.push({ row: r, cells });
  }
  return { sheet, header, columns, rows, complete };
}

export function cellOf(table: Table, row: TableRow, key: string): Cell | undefined {
  const index = table.columns.get(key);
  return index === undefined ? undefined : row.cells[index];
}

export function colOf(table: Table, key: string): number | undefined {
  return table.columns.get(key);
}

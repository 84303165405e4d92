import { printLayout } from "../ledger/print-layout.js";
import type { Cell, Grid } from "../cells/cell.js";
import { NUMBER_FORMAT, type OutputSheet } from "../ledger/output-sheet.js";
import { ENTRY_TYPE_VALUES, type SheetDef, STATUS_VALUES } from "../ledger/schema.js";

const YES_NO = ["Có", "Không"];

/** Drop-downs a data-entry sheet offers, by column key. */
const LISTS_BY_KIND: Record<string, readonly string[] | undefined> = {
  yesno: YES_NO,
  status: Object.values(STATUS_VALUES),
  entryType: Object.values(ENTRY_TYPE_VALUES),
};

const FORMAT_BY_KIND: Record<string, string | undefined> = {
  date: NUMBER_FORMAT.date,
  money: NUMBER_FORMAT.integer,
  code: NUMBER_FORMAT.text,
};

/** An input sheet of the contract with its header, example rows, widths and drop-downs. */
export function inputSheet(def: SheetDef, rows: readonly (readonly Cell[])[], extraHeaders: readonly string[] = []): OutputSheet {
  const header: Cell[] = [...def.columns.map((c) => c.vi), ...extraHeaders];
  const grid: Grid = [header, ...rows.map((r) => [...r])];
  const lists = def.columns.flatMap((c, col) => {
    const values = LISTS_BY_KIND[c.kind];
    return values ? [{ col, values }] : [];
  });
  return printLayout({
    name: def.name,
    rows: grid,
    format: {
      headerRow: 0,
      widths: [...def.columns.map((c) => c.width ?? 14), ...extraHeaders.map(() => 10)],
      numberFormats: def.columns.map((c) => FORMAT_BY_KIND[c.kind]),
      boldRows: [],
      lists,
    },
  });
}

export function keyValueSheet(name: string, headers: readonly [string, string], pairs: readonly (readonly [string, Cell])[]): OutputSheet {
  return printLayout({
    name,
    rows: [[...headers], ...pairs.map(([k, v]) => [k, v])],
    format: { headerRow: 0, widths: [28, 40], numberFormats: [], boldRows: [] },
  });
}

export function plainSheet(name: string, header: readonly string[], rows: readonly (readonly Cell[])[], widths: readonly number[]): OutputSheet {
  return printLayout({
    name,
    rows: [[...header], ...rows.map((r) => [...r])],
    format: { headerRow: 0, widths, numberFormats: [], boldRows: [] },
  });
}

import { type Cell, isBlankRow } from "../cells/cell.js";
import type { OutputSheet } from "./output-sheet.js";

/** Column widths, in characters, a printed sheet keeps between: a wider text wraps instead of being cut. */
const MIN_WIDTH = 4;
const MAX_WIDTH = 48;
/** Beyond this many characters across, a sheet prints landscape. */
const PORTRAIT_CHARACTERS = 100;

/** How many characters a cell shows: its longest line, a number with its group separators. */
function shownLength(cell: Cell | undefined, header: boolean): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === "string") {
    // A header wraps between words: its longest word is what must fit.
    const pieces = header ? cell.split(/\s+/) : cell.split("\n");
    return Math.max(0, ...pieces.map((p) => [...p].length));
  }
  if (typeof cell === "number") return String(Math.trunc(Math.abs(cell))).length * 1.34 + 3;
  if (typeof cell === "boolean") return 5;
  return 10;
}

/**
 * Every output sheet prints (issue of paper, Decree 30 or not): A4, fit to the page width, the
 * header row repeated on each page, thin borders on the table, columns as wide as their content
 * (within bounds) and long text wrapped rather than cut. Portrait unless the table is too wide.
 * Applying it twice changes nothing.
 */
export function printLayout(sheet: OutputSheet): OutputSheet {
  const f = sheet.format;
  const rows = sheet.rows;
  const columns = rows.reduce((n, r) => Math.max(n, r.length), f.widths.length);
  let last = f.headerRow;
  while (last + 1 < rows.length && !isBlankRow(rows[last + 1])) last++;
  const content = new Array<number>(columns).fill(0);
  for (let r = f.headerRow; r <= last; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) content[c] = Math.max(content[c]!, shownLength(row[c], r === f.headerRow));
  }
  const widths = content.map((n, c) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, f.widths[c] ?? 0, Math.ceil(n) + 2)));
  const wrapColumns = content.flatMap((n, c) => (Math.ceil(n) + 2 > widths[c]! ? [c] : []));
  const across = widths.reduce((a, b) => a + b, 0);
  const orientation = f.print?.orientation ?? (across > PORTRAIT_CHARACTERS ? "landscape" : "portrait");
  return { ...sheet, format: { ...f, widths, wrapColumns, tableRows: { first: f.headerRow, last }, print: { paper: "A4", orientation } } };
}

import { columnLetters } from "../cells/cell.js";
import type { CellEdit } from "../tasks/port.js";

/**
 * The block of cells thidua writes on an output sheet, remembered by the hosts that update sheets
 * in place (the add-in in its document settings, Apps Script in document properties) so the next
 * write clears exactly that block. Rows and columns are 0-based.
 */
export interface Block {
  readonly r0: number;
  readonly c0: number;
  readonly rows: number;
  readonly cols: number;
}

/** The setting or property that holds a sheet's last block (the same key in every host). */
export function blockKey(sheet: string): string {
  return `thidua.block:${sheet.toLowerCase()}`;
}

/** "A1:K120" of a block. */
export function blockAddress(b: Block): string {
  return `${columnLetters(b.c0)}${b.r0 + 1}:${columnLetters(b.c0 + b.cols - 1)}${b.r0 + b.rows}`;
}

/** The block an "A1:K120" address names; undefined for anything else. */
export function parseBlock(address: string): Block | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
  if (!m) return undefined;
  const col = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c0, r0, c1, r1] = [col(m[1]!), Number(m[2]) - 1, col(m[3]!), Number(m[4]) - 1];
  return r0 < 0 || c1 < c0 || r1 < r0 ? undefined : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** The smallest block holding every edit. */
export function editsBlock(edits: readonly CellEdit[]): Block {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const e of edits) {
    r0 = Math.min(r0, e.row);
    c0 = Math.min(c0, e.col);
    r1 = Math.max(r1, e.row);
    c1 = Math.max(c1, e.col);
  }
  return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

import type { Cell, Grid } from "../shared/cells/cell.js";
import { MAX_COLS, MAX_ROWS, columnOf, dateOfIso, dateOfSerial, richText, rowOf } from "./cells.js";
import { XE } from "./errors.js";
import { decodeOoxmlText, unescapeXml } from "./xml.js";

export interface CellContext {
  readonly sharedStrings: readonly string[];
  /** Per cell format index: does it show a date? */
  readonly dateXf: readonly boolean[];
  readonly date1904: boolean;
}

/** One cell's value from its attributes and its inner XML, as the core's cell. */
function cellValue(type: string | undefined, style: number, inner: string, ctx: CellContext): Cell {
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is>([\s\S]*)<\/(?:\w+:)?is>/.exec(inner);
    return is ? richText(is[1]!) : null;
  }
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(inner);
  if (!v) return null;
  const raw = v[1]!;
  switch (type) {
    case "s": {
      const i = Number(raw);
      return Number.isInteger(i) && i >= 0 && i < ctx.sharedStrings.length ? ctx.sharedStrings[i]! : null;
    }
    case "str":
      return decodeOoxmlText(unescapeXml(raw));
    case "e":
      return unescapeXml(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "d":
      return dateOfIso(raw) ?? unescapeXml(raw);
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) return unescapeXml(raw);
      return ctx.dateXf[style] === true ? dateOfSerial(n, ctx.date1904) : n;
    }
  }
}

const ATTR = /\s([\w:]+)\s*=\s*"([^"]*)"/g;

/**
 * A worksheet's values as a grid (row i, column j 0-based), from its XML in one pass over
 * `<sheetData>`. Rows are as long as their last cell; rows without values are empty. Formulas give
 * their cached result; merged cells, styles and the rest are not the core's concern.
 */
export function readSheetXml(xml: string, sheet: string, ctx: CellContext): Grid {
  const grid: Grid = [];
  scanSheetXml(xml, sheet, ctx, (cells, rowNumber) => {
    while (grid.length < rowNumber) grid.push([]);
    grid[rowNumber - 1] = cells;
  });
  return grid;
}

/**
 * Calls `onRow` with each row that holds a value (1-based row number), in the order of the file:
 * the sheet's rows are never all held (a large export of quiz attempts streams through).
 */
export function scanSheetXml(xml: string, sheet: string, ctx: CellContext, onRow: (cells: Cell[], rowNumber: number) => void): void {
  const start = xml.search(/<(?:\w+:)?sheetData[\s>/]/);
  if (start < 0) return;
  const re = /<(?:\w+:)?(row|c)(\s[^>]*?)?(\/?)>/g;
  re.lastIndex = start;
  let row: Cell[] = [];
  let rowNumber = 0;
  let col = -1;
  const flush = (): void => {
    if (row.length > 0) onRow(row, rowNumber);
    row = [];
  };
  let m: RegExpExecArray | null;
  const endOfData = xml.lastIndexOf("sheetData>");
  const limit = endOfData < 0 ? xml.length : endOfData;
  while ((m = re.exec(xml)) !== null && m.index < limit) {
    let r: string | undefined;
    let t: string | undefined;
    let s = 0;
    const attrs = m[2];
    if (attrs) {
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(attrs)) !== null) {
        const name = a[1]!;
        if (name === "r") r = a[2];
        else if (name === "t") t = a[2];
        else if (name === "s") s = Number(a[2]);
      }
    }
    if (m[1] === "row") {
      flush();
      const next = r !== undefined ? Number(r) : rowNumber + 1;
      if (!Number.isInteger(next) || next < 1) throw XE.damaged(`số dòng “${r ?? next}” trên trang ${sheet}`);
      if (next > MAX_ROWS) throw XE.tooManyRows(sheet);
      rowNumber = next;
      col = -1;
      continue;
    }
    // A cell: its reference names its column (and its row, when it stands outside a <row>).
    if (r !== undefined) {
      col = columnOf(r);
      const rr = rowOf(r);
      if (Number.isInteger(rr) && rr !== rowNumber) {
        if (rr < 1 || rr > MAX_ROWS) throw XE.damaged(`ô “${r}” trên trang ${sheet}`);
        flush();
        rowNumber = rr;
      }
    } else col++;
    if (col < 0 || col >= MAX_COLS || rowNumber < 1) throw XE.damaged(`ô “${r ?? ""}” trên trang ${sheet}`);
    let inner = "";
    if (m[3] !== "/") {
      const end = closingOfCell(xml, re.lastIndex, xml.indexOf("</", re.lastIndex));
      inner = xml.slice(re.lastIndex, end);
      re.lastIndex = xml.indexOf(">", end) + 1;
    }
    const value = cellValue(t, s, inner, ctx);
    if (value === null) continue;
    while (row.length < col) row.push(null);
    row[col] = value;
  }
  flush();
}

/** Where a cell's `</c>` starts, from the first `</` after its start tag. */
function closingOfCell(xml: string, from: number, firstClose: number): number {
  let at = firstClose;
  while (at >= 0) {
    // `</c>` or `</x:c>`: the name ends in "c" right before ">".
    const gt = xml.indexOf(">", at);
    const name = xml.slice(at + 2, gt);
    if (name === "c" || name.endsWith(":c")) return at;
    at = xml.indexOf("</", gt);
  }
  throw XE.damaged(`ô không đóng sau vị trí ${from}`);
}

/** Shared strings: the text of each `<si>`, in order. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(m[1] === undefined ? "" : richText(m[1]));
  return out;
}

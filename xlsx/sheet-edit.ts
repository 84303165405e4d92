import type { Cell } from "../shared/cells/cell.js";
import type { CellEdit } from "../shared/tasks/port.js";
import { columnLetters, columnOf, rowOf } from "./cells.js";
import { cellXml } from "./sheet-write.js";
import { XE } from "./errors.js";

export interface EditStyles {
  /** The style for a value written into a cell that had style `old` (dates need a date format). */
  styleFor(value: Cell, old: number): number;
  /** Leave a cell that holds a formula as it is (its edit is dropped): a shared formula's cells keep their group. */
  readonly keepFormulas?: boolean;
}

export interface EditedSheet {
  readonly xml: string;
  /** Whether a cell that held a formula was overwritten (the calculation chain must then go). */
  readonly replacedFormula: boolean;
}

interface RowEdits {
  readonly row: number;
  readonly cells: Map<number, Cell>;
}

function groupByRow(edits: readonly CellEdit[]): RowEdits[] {
  const rows = new Map<number, Map<number, Cell>>();
  for (const e of edits) {
    let cells = rows.get(e.row + 1);
    if (!cells) rows.set(e.row + 1, (cells = new Map()));
    cells.set(e.col, e.value);
  }
  return [...rows].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, cells }));
}

const CELL = /<(\w+:)?c(\s[^>]*?)?(\/>|>)/g;

/** A row element rewritten with its edited cells; every other cell is kept as written. */
function editRow(rowXml: string, rowNumber: number, p: string, edits: Map<number, Cell>, styles: EditStyles, date1904: boolean): { xml: string; formula: boolean } {
  const open = /^<(\w+:)?row(\s[^>]*?)?(\/?)>/.exec(rowXml)!;
  const attrs = (open[2] ?? "").replace(/\sspans="[^"]*"/, "");
  const body = open[3] === "/" ? "" : rowXml.slice(open[0].length, rowXml.lastIndexOf("</"));
  const cells: { col: number; xml: string }[] = [];
  let formula = false;
  CELL.lastIndex = 0;
  let col = -1;
  let m: RegExpExecArray | null;
  while ((m = CELL.exec(body)) !== null) {
    const start = m.index;
    let end = CELL.lastIndex;
    if (m[3] === ">") {
      const close = body.indexOf(`</${m[1] ?? ""}c>`, end);
      if (close < 0) throw XE.damaged(`ô không đóng ở dòng ${rowNumber}`);
      end = close + `</${m[1] ?? ""}c>`.length;
    }
    const ref = /\sr="([^"]*)"/.exec(m[2] ?? "")?.[1];
    col = ref !== undefined ? columnOf(ref) : col + 1;
    const xml = body.slice(start, end);
    if (edits.has(col) && styles.keepFormulas === true && /<(\w+:)?f[\s>/]/.test(xml)) edits.delete(col);
    if (edits.has(col)) {
      if (/<(\w+:)?f[\s>/]/.test(xml)) formula = true;
      const old = Number(/\ss="(\d+)"/.exec(m[2] ?? "")?.[1] ?? 0);
      const value = edits.get(col)!;
      cells.push({
        col,
        xml: cellXml(`${columnLetters(col)}${rowNumber}`, value, styles.styleFor(value, old), date1904) || `<c r="${columnLetters(col)}${rowNumber}"/>`,
      });
      edits.delete(col);
    } else cells.push({ col, xml: ref === undefined ? xml.replace(/^<(\w+:)?c/, `$&` + ` r="${columnLetters(col)}${rowNumber}"`) : xml });
    CELL.lastIndex = end;
  }
  for (const [c, value] of edits) cells.push({ col: c, xml: cellXml(`${columnLetters(c)}${rowNumber}`, value, styles.styleFor(value, 0), date1904) });
  cells.sort((a, b) => a.col - b.col);
  const q = `${p}row`;
  const inner = cells.map((c) => (p && c.xml.startsWith("<c") ? prefixCell(c.xml, p) : c.xml)).join("");
  return { xml: `<${q}${attrs.includes(' r="') ? attrs : ` r="${rowNumber}"${attrs}`}>${inner}</${q}>`, formula };
}

/** Our cell XML, prefixed like the rest of a prefixed sheet. */
function prefixCell(xml: string, p: string): string {
  return xml.replace(/<(\/?)(c|is|t|v)([\s>/])/g, `<$1${p}$2$3`);
}

/**
 * A worksheet's XML with cells set (an import's edits). Rows and cells not edited stay byte for
 * byte; an edited cell keeps its style unless a date needs a date format; new rows go in order.
 */
export function editSheetXml(xml: string, edits: readonly CellEdit[], styles: EditStyles, date1904: boolean): EditedSheet {
  const byRow = groupByRow(styles.keepFormulas === true ? outsideArrayFormulas(xml, edits) : edits);
  if (byRow.length === 0) return { xml, replacedFormula: false };
  const dataOpen = /<(\w+:)?sheetData(\s[^>]*?)?(\/?)>/.exec(xml);
  if (!dataOpen) throw XE.damaged("trang không có sheetData");
  const p = dataOpen[1] ?? "";
  const dataStart = dataOpen.index + dataOpen[0].length;
  const dataEnd = dataOpen[3] === "/" ? dataStart : xml.indexOf(`</${p}sheetData>`, dataStart);
  if (dataEnd < 0) throw XE.damaged("sheetData không đóng");
  const data = xml.slice(dataStart, dataEnd);
  const out: string[] = [];
  let formula = false;
  let next = 0;
  const pending = (before: number): void => {
    while (next < byRow.length && byRow[next]!.row < before) {
      const e = byRow[next++]!;
      const edited = editRow(`<${p}row r="${e.row}">`, e.row, p, e.cells, styles, date1904);
      out.push(edited.xml);
    }
  };
  const ROW = new RegExp(`<${p}row(\\s[^>]*?)?(/>|>)`, "g");
  let copied = 0;
  let rowNumber = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW.exec(data)) !== null) {
    const start = m.index;
    let end = ROW.lastIndex;
    if (m[2] === ">") {
      const close = data.indexOf(`</${p}row>`, end);
      if (close < 0) throw XE.damaged("dòng không đóng");
      end = close + `</${p}row>`.length;
    }
    const r = /\sr="(\d+)"/.exec(m[1] ?? "")?.[1];
    rowNumber = r !== undefined ? Number(r) : rowNumber + 1;
    ROW.lastIndex = end;
    const e = byRow[next];
    if (e === undefined) break;
    if (e.row < rowNumber) {
      out.push(data.slice(copied, start));
      copied = start;
      pending(rowNumber);
    }
    const current = byRow[next];
    if (current !== undefined && current.row === rowNumber) {
      out.push(data.slice(copied, start));
      const edited = editRow(data.slice(start, end), rowNumber, p, current.cells, styles, date1904);
      formula ||= edited.formula;
      out.push(edited.xml);
      copied = end;
      next++;
    }
  }
  out.push(data.slice(copied));
  pending(Number.POSITIVE_INFINITY);
  const newData = out.join("");
  const opened = dataOpen[3] === "/" ? `<${p}sheetData${dataOpen[2] ?? ""}>` : xml.slice(dataOpen.index, dataStart);
  const closing = dataOpen[3] === "/" ? `</${p}sheetData>` : "";
  const head = withDimension(xml.slice(0, dataOpen.index), byRow, edits);
  return { xml: head + opened + newData + closing + xml.slice(dataEnd), replacedFormula: formula };
}

/**
 * The edits outside every array formula's range: the cells an array formula fills hold only its
 * values (no `<f>` of their own), and a value typed over one breaks the formula (#SPILL!).
 */
function outsideArrayFormulas(xml: string, edits: readonly CellEdit[]): readonly CellEdit[] {
  const ranges = [...xml.matchAll(/<(?:\w+:)?f\s[^>]*\bt="array"[^>]*>/g)].flatMap((m) => {
    const ref = /\sref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/.exec(m[0]);
    if (!ref) return [];
    const [from, to = from] = [ref[1]!, ref[2]];
    return [{ r0: rowOf(from) - 1, c0: columnOf(from), r1: rowOf(to) - 1, c1: columnOf(to) }];
  });
  if (ranges.length === 0) return edits;
  return edits.filter((e) => !ranges.some((b) => e.row >= b.r0 && e.row <= b.r1 && e.col >= b.c0 && e.col <= b.c1));
}

/** The `<dimension>` widened to hold the edited cells. */
function withDimension(head: string, byRow: readonly RowEdits[], edits: readonly CellEdit[]): string {
  return head.replace(/(<(?:\w+:)?dimension\s+ref=")([^"]*)(")/, (_w, a: string, ref: string, b: string) => {
    const [from, to = from] = ref.split(":") as [string, string?];
    const lastRow = Math.max(rowOf(to), byRow[byRow.length - 1]!.row);
    const lastCol = edits.reduce((c, e) => Math.max(c, e.col), columnOf(to));
    if (!Number.isFinite(lastRow) || lastCol < 0) return `${a}${ref}${b}`;
    return `${a}${from}:${columnLetters(lastCol)}${lastRow}${b}`;
  });
}

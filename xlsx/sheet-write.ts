import type { Cell } from "../shared/cells/cell.js";
import { NUMBER_FORMAT, type OutputSheet, type SheetFormat, rowSumFormula } from "../shared/ledger/output-sheet.js";
import { columnLetters, serialOfDate } from "./cells.js";
import type { CellLook, StyleBook } from "./styles.js";
import { encodeOoxmlText, escapeXml } from "./xml.js";

export const HEADER_FILL = "FFDDEBF7";
export const ALERT_COLOR = "FFC00000";
/** Rows below the data that still get drop-down lists, for typing new records. */
export const LIST_ROWS = 1000;

export interface SheetXmlOptions {
  readonly mainNs: string;
  readonly relNs: string;
  readonly date1904: boolean;
  /** Protect the sheet (judges' sheets): only the unlocked columns' data rows can be typed in. */
  readonly protect?: boolean;
  /** Elements kept from the sheet this one replaces (drawings, notes, tables), already in schema order. */
  readonly keptTail?: string;
}

/** One cell as XML: text inline (never a formula, whatever it starts with), numbers, booleans, dates as serials. */
export function cellXml(ref: string, value: Cell, style: number, date1904: boolean): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (value === null) return style > 0 ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${encodeOoxmlText(value)}</t></is></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const n = value instanceof Date ? serialOfDate(value, date1904) : value;
  return Number.isFinite(n) ? `<c r="${ref}"${s}><v>${n}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
}

/** The look of each cell of an output sheet, by the format hints of the core. */
class Looks {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly styles: StyleBook,
    private readonly f: SheetFormat,
    private readonly rowCount: number,
  ) {}

  private rowLook(r: number): CellLook {
    const f = this.f;
    if (r === f.headerRow) return { bold: true, fill: HEADER_FILL, wrap: true, vcenter: true, borderBottom: true };
    if (f.alertRows?.includes(r)) return { bold: true, color: ALERT_COLOR };
    if (f.boldRows.includes(r)) return { bold: true };
    return {};
  }

  style(r: number, c: number, value: Cell): number {
    const f = this.f;
    const data = r > f.headerRow && r < this.rowCount;
    const columnFormat = data ? f.numberFormats[c] : undefined;
    const numFmt = columnFormat ?? (value instanceof Date ? NUMBER_FORMAT.date : undefined);
    const unlocked = data && f.protection?.unlockedColumns.includes(c) === true;
    const boxed = inTable(f, r);
    const wrap = data && boxed && f.wrapColumns?.includes(c) === true;
    const key = `${r === f.headerRow ? "h" : f.alertRows?.includes(r) ? "a" : f.boldRows.includes(r) ? "b" : ""}|${numFmt ?? ""}|${unlocked ? 1 : 0}|${boxed ? 1 : 0}|${wrap ? 1 : 0}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const look: CellLook = {
      ...this.rowLook(r),
      ...(numFmt !== undefined ? { numFmt } : {}),
      ...(unlocked ? { unlocked } : {}),
      ...(boxed ? { borderAll: true } : {}),
      ...(wrap ? { wrap: true, vcenter: true } : {}),
    };
    const id = Object.keys(look).length === 0 ? 0 : this.styles.xf(look);
    this.cache.set(key, id);
    return id;
  }
}

/** Points per line of 11 pt text. */
const LINE_HEIGHT_PT = 15;

/**
 * How many lines the tallest wrapped cell of row `r` takes at its column's width: neither Excel nor
 * LibreOffice grows a row for wrapped text when a file opens, so the height is written.
 */
function wrappedLines(f: SheetFormat, r: number, row: readonly Cell[]): number {
  const header = r === f.headerRow;
  if (!header && !(inTable(f, r) && (f.wrapColumns?.length ?? 0) > 0)) return 1;
  let most = 1;
  row.forEach((cell, c) => {
    if (typeof cell !== "string" || (!header && !f.wrapColumns?.includes(c))) return;
    const perLine = Math.max(1, (f.widths[c] ?? 10) - 1);
    const lines = cell.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
    most = Math.max(most, lines);
  });
  return most;
}

/** Whether row `r` is in the table a printed sheet borders. */
function inTable(f: SheetFormat, r: number): boolean {
  return f.tableRows !== undefined && r >= f.tableRows.first && r <= f.tableRows.last;
}

function sqref(col: number, first: number, last: number): string {
  const letters = columnLetters(col);
  return `${letters}${first}:${letters}${last}`;
}

/** The worksheet XML of an output sheet: values, styles, widths, frozen header, print setup, validations, protection. */
export function outputSheetXml(sheet: OutputSheet, styles: StyleBook, o: SheetXmlOptions): string {
  const f = sheet.format;
  const rows = sheet.rows;
  const width = rows.reduce((w, r) => Math.max(w, r.length), Math.max(1, f.widths.length));
  const looks = new Looks(styles, f, rows.length);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${o.mainNs}" xmlns:r="${o.relNs}">`];
  if (f.print) parts.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  parts.push(`<dimension ref="A1:${columnLetters(width - 1)}${Math.max(1, rows.length)}"/>`);
  const split = f.headerRow + 1;
  parts.push(
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${split}" topLeftCell="A${split + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${split + 1}" sqref="A${split + 1}"/></sheetView></sheetViews>`,
  );
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (f.widths.length > 0) parts.push(`<cols>${f.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  parts.push("<sheetData>");
  // Empty cells are written only where they have a look: header and bold rows, number formats, unlocked input cells.
  const formatsEmpty = f.numberFormats.some((x) => x !== undefined) || (f.protection?.unlockedColumns.length ?? 0) > 0;
  rows.forEach((row, r) => {
    const styledRow = r <= f.headerRow || f.boldRows.includes(r) || f.alertRows?.includes(r) === true || inTable(f, r);
    const cells: string[] = [];
    const n = styledRow || formatsEmpty ? width : row.length;
    for (let c = 0; c < n; c++) {
      const value = row[c] ?? null;
      const ref = `${columnLetters(c)}${r + 1}`;
      if (f.rowSums && c === f.rowSums.col && r > f.headerRow && r <= f.rowSums.lastRow) {
        const formula = rowSumFormula(f.rowSums, r + 1, columnLetters).slice(1);
        const style = looks.style(r, c, null);
        cells.push(`<c r="${ref}"${style > 0 ? ` s="${style}"` : ""}><f>${escapeXml(formula)}</f></c>`);
        continue;
      }
      cells.push(cellXml(ref, value, looks.style(r, c, value), o.date1904));
    }
    const lines = wrappedLines(f, r, row);
    parts.push(lines > 1 ? `<row r="${r + 1}" ht="${lines * LINE_HEIGHT_PT}" customHeight="1">${cells.join("")}</row>` : `<row r="${r + 1}">${cells.join("")}</row>`);
  });
  parts.push("</sheetData>");
  if (o.protect) parts.push(`<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0"/>`);
  const validations = dataValidations(f, rows.length);
  if (validations.length > 0) parts.push(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
  parts.push(`<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`);
  if (f.print) parts.push(`<pageSetup paperSize="9" orientation="${f.print.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  if (o.keptTail) parts.push(o.keptTail);
  parts.push("</worksheet>");
  return parts.join("");
}

function dataValidations(f: SheetFormat, rowCount: number): string[] {
  const out: string[] = [];
  const first = f.headerRow + 2;
  const listLast = Math.max(rowCount, f.headerRow + 1) + LIST_ROWS;
  for (const list of f.lists ?? []) {
    out.push(
      `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref(list.col, first, listLast)}"><formula1>${escapeXml(`"${list.values.join(",")}"`)}</formula1></dataValidation>`,
    );
  }
  if (rowCount >= first) {
    for (const v of f.decimalRanges ?? []) {
      const error = escapeXml(`Nhập một số từ ${v.min} đến ${v.max}.`);
      out.push(
        `<dataValidation type="decimal" operator="between" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Điểm không hợp lệ" error="${error}" sqref="${sqref(v.col, first, rowCount)}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`,
      );
    }
  }
  return out;
}

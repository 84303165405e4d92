import { NUMBER_FORMAT, type SheetFormat } from "../../shared/ledger/output-sheet.js";

/** What a host can do beyond the manifest's minimum (ExcelApi 1.8). */
export interface FormatCapabilities {
  /** `worksheet.pageLayout` (ExcelApi 1.9). */
  readonly pageLayout: boolean;
}

export const HEADER_FILL = "#DDEBF7";
export const ALERT_COLOR = "#C00000";
/** Rows below the data that still get drop-down lists, for typing new records. */
export const LIST_ROWS = 1000;

/** Excel column width in characters → points (Calibri 11: 7 px per character plus 5 px padding; 0.75 pt per px). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function column(n: number, value: string): string[][] {
  return Array.from({ length: n }, () => [value]);
}

const TABLE_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

/** Thin borders on a printed sheet's table, and its long text wrapped (two ranges, whatever the size). */
function queueTableBorders(ws: Excel.Worksheet, f: SheetFormat, cols: number): void {
  if (!f.tableRows) return;
  const rows = f.tableRows.last - f.tableRows.first + 1;
  const table = ws.getRangeByIndexes(f.tableRows.first, 0, rows, cols);
  for (const edge of TABLE_EDGES) table.format.borders.getItem(edge).style = "Continuous";
  if (rows > 1) for (const col of f.wrapColumns ?? []) ws.getRangeByIndexes(f.tableRows.first + 1, col, rows - 1, 1).format.wrapText = true;
  // Excel does not grow a row for wrapped text by itself.
  table.format.autofitRows();
}

/**
 * Queues the format hints of an output sheet on a worksheet: range-level calls only, no sync.
 * `rowCount` and `width` are the size of the values written.
 */
export function queueSheetFormat(ws: Excel.Worksheet, f: SheetFormat, rowCount: number, width: number, can: FormatCapabilities, options: { widths: boolean } = { widths: true }): void {
  const cols = Math.max(width, f.widths.length, 1);
  // Column widths are set when the sheet is made; later the user's own widths stay.
  if (options.widths) {
    f.widths.forEach((w, i) => {
      ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
    });
  }
  const dataRows = rowCount - f.headerRow - 1;
  if (dataRows > 0) {
    f.numberFormats.forEach((fmt, i) => {
      if (fmt === undefined) return;
      ws.getRangeByIndexes(f.headerRow + 1, i, dataRows, 1).numberFormat = column(dataRows, fmt);
    });
  }
  const header = ws.getRangeByIndexes(f.headerRow, 0, 1, cols);
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  for (const r of f.boldRows) ws.getRangeByIndexes(r, 0, 1, cols).format.font.bold = true;
  for (const r of f.alertRows ?? []) {
    const row = ws.getRangeByIndexes(r, 0, 1, cols);
    row.format.font.bold = true;
    row.format.font.color = ALERT_COLOR;
  }
  ws.freezePanes.freezeRows(f.headerRow + 1);
  queueTableBorders(ws, f, cols);
  if (f.print && can.pageLayout) {
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.orientation = f.print.orientation === "landscape" ? "Landscape" : "Portrait";
    ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    ws.pageLayout.setPrintTitleRows(`$${f.headerRow + 1}:$${f.headerRow + 1}`);
  }
  const listRows = Math.max(rowCount, f.headerRow + 1) + LIST_ROWS - f.headerRow - 1;
  for (const list of f.lists ?? []) {
    ws.getRangeByIndexes(f.headerRow + 1, list.col, listRows, 1).dataValidation.rule = {
      list: { inCellDropDown: true, source: list.values.join(",") },
    };
  }
  if (dataRows > 0) {
    for (const v of f.decimalRanges ?? []) queueDecimalValidation(ws.getRangeByIndexes(f.headerRow + 1, v.col, dataRows, 1), v, false);
  }
  if (f.protection) {
    if (dataRows > 0) {
      for (const col of f.protection.unlockedColumns) {
        ws.getRangeByIndexes(f.headerRow + 1, col, dataRows, 1).format.protection.locked = false;
      }
    }
    ws.protection.protect({ allowFormatColumns: true, allowAutoFilter: true });
  }
}

/** Cells holding a date where the column has no date format get dd/mm/yyyy one by one. */
export function columnHasDateFormat(f: SheetFormat, col: number): boolean {
  return f.numberFormats[col] === NUMBER_FORMAT.date;
}

export interface DecimalRange {
  readonly min: number;
  readonly max: number;
}

/** Score cells accept only a number in min..max (the message is the one the CLI's judge workbooks show). */
export function queueDecimalValidation(cells: Excel.Range, v: DecimalRange, replaceExisting: boolean): void {
  if (replaceExisting) cells.dataValidation.clear();
  cells.dataValidation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
  cells.dataValidation.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: "Điểm không hợp lệ",
    message: `Nhập một số từ ${v.min} đến ${v.max}.`,
  };
}

export const INVALID_FILL = "#FFC7CE";

/** Highlights, as the user types, a score outside min..max (text counts as outside); values are untouched. */
export function queueInvalidHighlight(cells: Excel.Range, v: DecimalRange): void {
  cells.conditionalFormats.clearAll();
  const cf = cells.conditionalFormats.add("CellValue");
  cf.cellValue.format.fill.color = INVALID_FILL;
  cf.cellValue.rule = { formula1: String(v.min), formula2: String(v.max), operator: "NotBetween" };
}

import ExcelJS from "exceljs";
import type { Grid } from "../shared/cells/cell.js";
import type { OutputSheet, SheetFormat } from "../shared/ledger/output-sheet.js";
import type { LedgerPort, SheetEdits } from "../shared/tasks/port.js";
import { gridOf, guardedWorkbook, toExcel } from "./exceljs-cells.js";
import { writeFileAtomic } from "./write-file-atomic.js";
import { withSharedStyles } from "./xlsx-shared-styles.js";

/**
 * A workbook file as the core's port. The whole file is read once into memory; `write` changes the
 * in-memory workbook; `save` writes it atomically (temporary file in the same folder, then rename).
 */
export class XlsxWorkbook implements LedgerPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static empty(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "thidua";
    return new XlsxWorkbook(wb);
  }

  static async load(file: string): Promise<XlsxWorkbook> {
    const wb = guardedWorkbook();
    await wb.xlsx.readFile(file);
    return new XlsxWorkbook(wb);
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = guardedWorkbook();
    await wb.xlsx.load(data instanceof Uint8Array ? toArrayBuffer(data) : data);
    return new XlsxWorkbook(wb);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async read(names: readonly string[]): Promise<Map<string, Grid | undefined>> {
    const out = new Map<string, Grid | undefined>();
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      out.set(name, ws ? gridOf(ws) : undefined);
    }
    return out;
  }

  /** Every sheet, hidden ones included, as grids (for returned judges' workbooks). */
  readAll(): Map<string, Grid> {
    return new Map(this.workbook.worksheets.map((w) => [w.name, gridOf(w)]));
  }

  /** A hidden sheet's state, for metadata checks. */
  isHidden(name: string): boolean {
    const ws = this.workbook.getWorksheet(name);
    return ws !== undefined && ws.state !== "visible";
  }

  async write(outputs: readonly OutputSheet[], edits: readonly SheetEdits[] = []): Promise<void> {
    for (const sheet of outputs) this.replaceSheet(sheet);
    for (const e of edits) {
      const ws = this.workbook.getWorksheet(e.sheet) ?? this.workbook.addWorksheet(e.sheet);
      for (const edit of e.edits) ws.getCell(edit.row + 1, edit.col + 1).value = toExcel(edit.value);
    }
  }

  replaceSheet(sheet: OutputSheet, options: { hidden?: boolean } = {}): ExcelJS.Worksheet {
    const existing = this.workbook.getWorksheet(sheet.name);
    if (existing) this.workbook.removeWorksheet(existing.id);
    const ws = this.workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map(toExcel));
    applyFormat(ws, sheet.format, sheet.rows.length);
    if (options.hidden) ws.state = "veryHidden";
    return ws;
  }

  async save(file: string): Promise<void> {
    await writeFileAtomic(file, (tmp) => withSharedStyles(this.workbook, () => this.workbook.xlsx.writeFile(tmp)));
  }
}

function toArrayBuffer(u: Uint8Array): ArrayBuffer {
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const VALIDATION_ROWS = 1000;

export function applyFormat(ws: ExcelJS.Worksheet, f: SheetFormat, rowCount: number): void {
  f.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  f.numberFormats.forEach((fmt, i) => {
    if (fmt === undefined) return;
    for (let r = f.headerRow + 2; r <= rowCount; r++) ws.getCell(r, i + 1).numFmt = fmt;
  });
  const header = ws.getRow(f.headerRow + 1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const r of f.boldRows) ws.getRow(r + 1).font = { bold: true };
  for (const r of f.alertRows ?? []) ws.getRow(r + 1).font = { bold: true, color: { argb: "FFC00000" } };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: f.headerRow + 1 }];
  if (f.print) {
    ws.pageSetup = {
      paperSize: 9,
      orientation: f.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${f.headerRow + 1}:${f.headerRow + 1}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
  }
  const lastValidationRow = Math.max(rowCount, f.headerRow + 1) + VALIDATION_ROWS;
  for (const list of f.lists ?? []) {
    const formula = `"${list.values.join(",")}"`;
    for (let r = f.headerRow + 2; r <= lastValidationRow; r++) {
      ws.getCell(r, list.col + 1).dataValidation = { type: "list", allowBlank: true, formulae: [formula] };
    }
  }
  for (const v of f.decimalRanges ?? []) {
    for (let r = f.headerRow + 2; r <= rowCount; r++) {
      ws.getCell(r, v.col + 1).dataValidation = {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Điểm không hợp lệ",
        error: `Nhập một số từ ${v.min} đến ${v.max}.`,
        formulae: [v.min, v.max],
      };
    }
  }
  if (f.protection) {
    for (const col of f.protection.unlockedColumns) {
      for (let r = f.headerRow + 2; r <= rowCount; r++) ws.getCell(r, col + 1).protection = { locked: false };
    }
  }
}

/** Protects the sheet (no password: it guards against slips, not against the judge). */
export async function protectSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { VIETNAM_OFFSET_MS } from "../shared/cells/date.js";
import type { OutputSheet, SheetFormat } from "../shared/ledger/output-sheet.js";
import type { LedgerPort, SheetEdits } from "../shared/tasks/port.js";
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
    const dir = path.dirname(path.resolve(file));
    const tmp = path.join(dir, `.thidua-tmp-${process.pid}-${randomBytes(4).toString("hex")}.xlsx`);
    try {
      await withSharedStyles(this.workbook, () => this.workbook.xlsx.writeFile(tmp));
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }
}

/** A defined name's sheet, as ExcelJS's `colCache.decodeEx` finds it (quoted or bare, before `!`). */
const DEFINED_NAME_SHEET = /^(?:'((?:[^']|'')*)'|([^'^ !]*))!/;
const isInheritedKey = (key: string | undefined): boolean => key !== undefined && key in Object.prototype;

function isSafeDefinedName(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { name, ranges } = value as { name?: unknown; ranges?: unknown };
  if (typeof name !== "string" || isInheritedKey(name) || !Array.isArray(ranges)) return false;
  return ranges.every((r) => {
    if (typeof r !== "string") return false;
    const m = DEFINED_NAME_SHEET.exec(r);
    return !isInheritedKey(m?.[1] ?? m?.[2]);
  });
}

/**
 * An ExcelJS workbook safe to fill from an untrusted file. ExcelJS 4.4 files defined names in
 * plain objects keyed by name and by sheet name, so a crafted name such as `'__proto__'!$C$3`
 * writes into `Object.prototype` while the file is read. Names whose name or sheet is an inherited
 * property are dropped before ExcelJS files them; every other defined name is kept.
 */
function guardedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const names: object = wb.definedNames;
  const inherited = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names) as object, "model");
  const { get, set } = inherited ?? {};
  if (!get || !set) throw new Error("ExcelJS: defined names cannot be guarded (unexpected version)");
  Object.defineProperty(names, "model", {
    configurable: true,
    get(this: object): unknown {
      return get.call(this);
    },
    set(this: object, value: unknown): void {
      set.call(this, Array.isArray(value) ? value.filter(isSafeDefinedName) : []);
    },
  });
  return wb;
}

function toArrayBuffer(u: Uint8Array): ArrayBuffer {
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}

/** ExcelJS hands dates back as UTC instants that carry Vietnam's wall-clock time; the core wants real instants. */
function fromExcel(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return new Date(value.getTime() - VIETNAM_OFFSET_MS);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || typeof result === "object") {
        return result instanceof Date ? new Date(result.getTime() - VIETNAM_OFFSET_MS) : null;
      }
      return result as Cell;
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  return null;
}

function toExcel(cell: Cell): ExcelJS.CellValue {
  if (cell instanceof Date) return new Date(cell.getTime() + VIETNAM_OFFSET_MS);
  // Strings are stored as shared strings, never as formulas, whatever they start with.
  return cell;
}

/**
 * The sheet's values, row by row, each row as long as ExcelJS's row. Only the cells that hold a
 * value are visited: `getRow`/`getCell` would create every missing row and cell in the workbook,
 * which then costs time again when it is saved.
 */
function gridOf(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  const rows = ws.rowCount;
  for (let r = 1; r <= rows; r++) {
    const row = ws.findRow(r);
    const cells: Cell[] = new Array<Cell>(row?.cellCount ?? 0).fill(null);
    row?.eachCell((cell, c) => {
      cells[c - 1] = fromExcel(cell.value);
    });
    grid.push(cells);
  }
  return grid;
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

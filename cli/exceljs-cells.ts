import ExcelJS from "exceljs";
import type { Cell, Grid } from "../shared/cells/cell.js";
import { VIETNAM_OFFSET_MS } from "../shared/cells/date.js";

// ExcelJS values to and from the core's cells. No Node API here: the Excel task pane bundles it too.

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
export function guardedWorkbook(): ExcelJS.Workbook {
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

/** ExcelJS hands dates back as UTC instants that carry Vietnam's wall-clock time; the core wants real instants. */
export function fromExcel(value: ExcelJS.CellValue | undefined): Cell {
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

export function toExcel(cell: Cell): ExcelJS.CellValue {
  if (cell instanceof Date) return new Date(cell.getTime() + VIETNAM_OFFSET_MS);
  // Strings are stored as shared strings, never as formulas, whatever they start with.
  return cell;
}

/**
 * The sheet's values, row by row, each row as long as ExcelJS's row. Only the cells that hold a
 * value are visited: `getRow`/`getCell` would create every missing row and cell in the workbook,
 * which then costs time again when it is saved.
 */
export function gridOf(ws: ExcelJS.Worksheet): Grid {
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

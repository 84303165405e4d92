import type { Cell } from "../../shared/cells/cell.js";
import { serialOfInstant } from "../../shared/cells/date.js";
import { looksLikeFormula } from "../../shared/cells/text.js";

/** What `range.values` accepts and returns for one cell. */
export type ExcelValue = string | number | boolean;

/** A Date (a real instant) as the serial number Excel stores for Vietnam's wall-clock time. */
export function serialOfDate(date: Date): number {
  return serialOfInstant(date.getTime());
}

/**
 * Text Excel would not keep as typed when assigned to `range.values`: formulas (`=`, `+`, `-`, `@`),
 * numbers, percentages, dates, times, booleans, and text that itself starts with an apostrophe.
 * Such text is written with a leading apostrophe, which Excel stores as "text" and never shows.
 */
const NUMBER_LIKE = /^[\s+\-$€£¥₫(]*\.?\d[\d\s.,]*(e[+-]?\d+)?[\s%đ₫)]*$/i;
const DATE_OR_TIME_LIKE = /^\s*\d{1,4}\s*([/.-]\s*\d{1,4}|:\s*\d{1,2})/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;

export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  return looksLikeFormula(text) || text.startsWith("'") || NUMBER_LIKE.test(text) || DATE_OR_TIME_LIKE.test(text) || BOOLEAN_LIKE.test(text);
}

/** One core cell as a value for `range.values`. Empty cells are "" (null would leave the cell unchanged). */
export function toExcelValue(cell: Cell): ExcelValue {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  if (cell instanceof Date) {
    const t = cell.getTime();
    return Number.isFinite(t) ? serialOfDate(cell) : "";
  }
  return needsTextPrefix(cell) ? `'${cell}` : cell;
}

/** One value read from `range.values` as a core cell: "" is empty; dates arrive as serial numbers, which the core reads. */
export function fromExcelValue(value: unknown): Cell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return String(value);
}

/** Rough size in bytes of a JSON payload, for Excel on the web's 5 MB request limit. */
export function payloadBytes(values: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of values) {
    n += 3;
    for (const v of row) {
      if (typeof v === "string") n += v.length * 3 + 3;
      else n += 12;
    }
  }
  return n;
}

import type { Cell } from "../../shared/cells/cell.js";
import { looksLikeFormula } from "../../shared/cells/text.js";

/** What `Range.getValues()` hands back for one cell. */
export type SheetValue = string | number | boolean | Date;

/** A Sheets value as the core sees it: empty text is an empty cell; a Date is kept as the instant it is. */
export function fromSheet(value: unknown): Cell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  // Some runtimes hand Dates from another realm; anything with getTime is a date.
  if (typeof value === "object" && typeof (value as { getTime?: unknown }).getTime === "function") {
    return new Date((value as Date).getTime());
  }
  return String(value);
}

/**
 * Text Sheets would not keep as typed: a formula (= + - @), a leading apostrophe, or something it
 * would turn into a number, date or boolean ("001", "8,5", "01/02/2020", "TRUE").
 */
export function needsTextPrefix(text: string): boolean {
  if (looksLikeFormula(text) || text.startsWith("'")) return true;
  const t = text.trim();
  return /^[\d.,(%$₫€]/.test(t) || /^(true|false)$/i.test(t);
}

/** A core cell as a value for `setValues`: strings are always literal text, never formulas. */
export function toSheet(cell: Cell): SheetValue {
  if (cell === null) return "";
  if (typeof cell === "string") return needsTextPrefix(cell) ? `'${cell}` : cell;
  return cell;
}

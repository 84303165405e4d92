import type { Cell } from "./cell.js";

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

/** NFC, trimmed, inner runs of whitespace kept as they are. */
export function cleanText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.normalize("NFC").trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return Number.isFinite(cell.getTime()) ? cell.toISOString() : "";
}

/** A key for matching headers and settings: no case, no diacritics, single spaces. */
export function foldKey(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(SPACES, " ").trim();
}

/** A key for comparing codes (entry, unit, judge, criterion): NFC, trimmed, case-insensitive. */
export function codeKey(cell: Cell | undefined): string {
  return cleanText(cell).replace(SPACES, " ").toUpperCase();
}

/** Text that a spreadsheet would take as a formula if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

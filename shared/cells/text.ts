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

/** Characters that print as nothing (zero-width spaces and joiners, soft hyphen, direction marks, BOM). */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** A code as it is compared: compatibility forms folded (fullwidth `ＳＫ０１` is `SK01`), invisible characters removed. */
export function codeText(text: string): string {
  return PLAIN_ASCII.test(text) ? text : text.normalize("NFKC").replace(INVISIBLE, "").trim();
}

/** A key for comparing codes (entry, unit, judge, criterion): NFKC, invisible characters removed, trimmed, case-insensitive. */
export function codeKey(cell: Cell | undefined): string {
  return codeText(cleanText(cell)).replace(SPACES, " ").toUpperCase();
}

/** A code with its invisible characters made visible, for a message: `SK⟨U+200B⟩01`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** Text that a spreadsheet would take as a formula if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

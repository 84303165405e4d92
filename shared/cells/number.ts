import type { Cell } from "./cell.js";
import { type Exact, fromNumber, parseExact } from "./exact.js";

/**
 * Text shaped like a thousands group ("1.000", "12,500"): 1000 to a Vietnamese eye, 1 to an English
 * one. Which was meant cannot be known, so such text is refused rather than guessed.
 */
const THOUSANDS_SHAPED = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * A decimal as typed by a Vietnamese user: a number cell, or text with a decimal comma or point
 * ("8,5", "8.5"). Thousands separators are not accepted here: "1.000" would be ambiguous.
 */
export function readDecimal(cell: Cell | undefined): Exact | undefined {
  if (typeof cell === "number") return fromNumber(cell);
  if (typeof cell !== "string") return undefined;
  // Spaces around a sign or separator are slips ("8 ,5"); between digits ("8 5") they are not.
  const text = cell
    .normalize("NFC")
    .trim()
    .replace(/\s*([.,+-])\s*/g, "$1");
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return undefined;
  if (THOUSANDS_SHAPED.test(text)) return undefined;
  return parseExact(text.replace(",", "."));
}

/** A whole count such as "Số lượng": 3, "3", "3,0". */
export function readCount(cell: Cell | undefined): number | undefined {
  const d = readDecimal(cell);
  if (!d || d.den !== 1n || d.num < 0n || d.num > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(d.num);
}

/**
 * Money in whole đồng: 3000000, "3.000.000", "3,000,000", "3 000 000", "3.000.000 đ", "3tr" is not accepted.
 * A group separator must split the digits into groups of three.
 */
export function readMoney(cell: Cell | undefined): bigint | undefined {
  if (typeof cell === "number") {
    return Number.isSafeInteger(cell) && cell >= 0 ? BigInt(cell) : undefined;
  }
  if (typeof cell !== "string") return undefined;
  const text = cell
    .normalize("NFC")
    .trim()
    .replace(/\s*(đồng|đ|vnđ|vnd|₫)$/i, "")
    .trim();
  if (/^\d+$/.test(text)) return BigInt(text);
  const grouped = /^\d{1,3}(?:([.,\s\u00a0])\d{3})(?:\1\d{3})*$/.exec(text);
  if (grouped) return BigInt(text.replace(/[.,\s\u00a0]/g, ""));
  return undefined;
}

export type YesNo = boolean;

const YES = new Set(["co", "x", "yes", "y", "true", "1", "bat buoc"]);
const NO = new Set(["khong", "no", "n", "false", "0"]);

/** Có/Không (also x, yes/no, TRUE/FALSE). undefined when blank or unreadable: the caller decides. */
export function readYesNo(cell: Cell | undefined, fold: (s: string) => string): YesNo | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== "string") return undefined;
  const key = fold(cell);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

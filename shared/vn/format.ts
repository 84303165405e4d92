/**
 * Vietnamese display formats: "3.000.000 đ", "05/09/2020", "80,01".
 * Pure module: no Node imports.
 */
import { type DayNumber, partsOfDay } from "../cells/date.js";

/** Inserts "." every three digits from the right into a string of digits. */
function groupDigits(digits: string): string {
  const head = digits.length % 3;
  const parts: string[] = [];
  if (head !== 0) parts.push(digits.slice(0, head));
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(".");
}

/** 3000000 → "3.000.000"; -3000 → "-3.000". Numbers must be integers. */
export function formatInteger(n: bigint | number): string {
  let value: bigint;
  if (typeof n === "bigint") {
    value = n;
  } else {
    if (!Number.isInteger(n)) throw new RangeError(`formatInteger: not an integer: ${n}`);
    value = BigInt(n);
  }
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  return `${negative ? "-" : ""}${groupDigits(digits)}`;
}

/** 3000000n → "3.000.000 đ"; -3000n → "-3.000 đ"; 0n → "0 đ". */
export function formatMoney(amount: bigint): string {
  return `${formatInteger(amount)} đ`;
}

function pad(n: number, width: number, what: string): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid ${what}: ${n}`);
  return String(n).padStart(width, "0");
}

/** { y: 2020, m: 9, d: 5 } → "05/09/2020". */
export function formatDate(day: { y: number; m: number; d: number }): string {
  return `${pad(day.d, 2, "day")}/${pad(day.m, 2, "month")}/${pad(day.y, 4, "year")}`;
}

/** A day number (days since 01/01/1970) → "05/09/2020". */
export function formatDay(day: DayNumber): string {
  return formatDate(partsOfDay(day));
}

/** → "05/09/2020 08:03", or "05/09/2020 08:03:07" when ss is given. */
export function formatDateTime(t: { y: number; m: number; d: number; hh: number; mi: number; ss?: number }): string {
  const time = `${pad(t.hh, 2, "hour")}:${pad(t.mi, 2, "minute")}`;
  const seconds = t.ss === undefined ? "" : `:${pad(t.ss, 2, "second")}`;
  return `${formatDate(t)} ${time}${seconds}`;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d+))?$/;

/**
 * Plain decimal string → Vietnamese display: "80.01" → "80,01",
 * "-7.5" → "-7,5", "1234.5" → "1.234,5", "12" → "12".
 * The fraction digits are kept as given; leading zeros of the integer part
 * are dropped. Throws RangeError on anything that is not a plain decimal.
 */
export function formatDecimalVi(text: string): string {
  const m = DECIMAL_RE.exec(text.trim());
  const sign = m?.[1] ?? "";
  const intRaw = m?.[2] ?? "";
  const frac = m?.[3];
  if (m === null || (intRaw === "" && frac === undefined)) {
    throw new RangeError(`formatDecimalVi: not a plain decimal: ${JSON.stringify(text)}`);
  }
  const intDigits = intRaw.replace(/^0+(?=\d)/, "") || "0";
  const head = `${sign === "-" ? "-" : ""}${groupDigits(intDigits)}`;
  return frac === undefined ? head : `${head},${frac}`;
}

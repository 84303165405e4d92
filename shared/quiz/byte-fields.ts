import { MS_PER_DAY, VIETNAM_OFFSET_MS, civilDays } from "../cells/date.js";
import { SCALE } from "./fields.js";

/**
 * Readers over a slice [s, e) of a line of UTF-8 bytes, for the shapes a quiz platform writes: they
 * decode nothing. Each returns FALLBACK when the bytes are not in their plain shape; the caller then
 * reads the row as text with the general readers of `fields.ts`, so both paths agree.
 */
export const FALLBACK = -1;

const ZERO = 48;
const COLON = 58;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether line[s, e) is a code of printable ASCII without spaces (as `fastCode` takes it as it is). */
export function plainCode(line: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  for (let i = s; i < e; i++) {
    const c = line[i]!;
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** The digits line[s, e) as a number; FALLBACK when another byte comes. */
function digits(line: Uint8Array, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = line[i]!;
    if (!isDigit(c)) return FALLBACK;
    v = v * 10 + (c - ZERO);
  }
  return v;
}

/** Digits only, 1 to 9 of them, no leading zero unless alone; FALLBACK otherwise. */
export function plainInt(line: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n < 1 || n > 9 || (n > 1 && line[s]! === ZERO)) return FALLBACK;
  return digits(line, s, e);
}

/**
 * A decimal in 1/10 000: digits, then optionally `,` or `.` and 1, 2 or 4 digits. Three decimals
 * ("1.000") are left to the general reader, which refuses the thousands-shaped ones.
 */
export function plainScaled(line: Uint8Array, s: number, e: number): number {
  let i = s;
  let v = 0;
  while (i < e && isDigit(line[i]!)) v = v * 10 + (line[i++]! - ZERO);
  const intDigits = i - s;
  if (intDigits < 1 || intDigits > 9) return FALLBACK;
  if (i === e) return v * SCALE;
  const sep = line[i]!;
  if (sep !== 44 && sep !== 46) return FALLBACK;
  i++;
  const fracStart = i;
  let f = 0;
  while (i < e && isDigit(line[i]!)) f = f * 10 + (line[i++]! - ZERO);
  const fracDigits = i - fracStart;
  if (i !== e || fracDigits < 1 || fracDigits > 4 || fracDigits === 3) return FALLBACK;
  return v * SCALE + f * 10 ** (4 - fracDigits);
}

function twoDigits(line: Uint8Array, i: number): number {
  const a = line[i]! - ZERO;
  const b = line[i + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : FALLBACK;
}

/** The first `:` in line[s, e), or −1. */
function colon(line: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) if (line[i] === COLON) return i;
  return -1;
}

/** Time taken in ms: seconds (digits), m:ss or h:mm:ss; FALLBACK for any other shape. */
export function plainDuration(line: Uint8Array, s: number, e: number): number {
  const c1 = colon(line, s, e);
  if (c1 < 0) {
    const secs = plainInt(line, s, e);
    return secs === FALLBACK ? FALLBACK : secs * 1000;
  }
  const c2 = colon(line, c1 + 1, e);
  if (c2 < 0) {
    if (e - c1 !== 3 || c1 - s < 1 || c1 - s > 4) return FALLBACK;
    const m = digits(line, s, c1);
    const sec = twoDigits(line, c1 + 1);
    return m === FALLBACK || sec === FALLBACK || sec >= 60 ? FALLBACK : (m * 60 + sec) * 1000;
  }
  if (e - c2 !== 3 || c2 - c1 !== 3 || c1 - s < 1 || c1 - s > 3) return FALLBACK;
  const h = digits(line, s, c1);
  const mi = twoDigits(line, c1 + 1);
  const sec = twoDigits(line, c2 + 1);
  if (h === FALLBACK || mi === FALLBACK || sec === FALLBACK || mi >= 60 || sec >= 60) return FALLBACK;
  return ((h * 60 + mi) * 60 + sec) * 1000;
}

/**
 * "dd/mm/yyyy hh:mm:ss" (two-digit day, month, hour) in Vietnam's time, written to out[at] as ms
 * since 1970 (a typed array: the number exceeds 2^31 and would be boxed as a return value). False,
 * writing nothing, for any other shape or a day past the 28th.
 */
export function plainInstant(line: Uint8Array, s: number, e: number, out: Float64Array, at: number): boolean {
  if (e - s !== 19 || line[s + 2]! !== 47 || line[s + 5]! !== 47 || line[s + 10]! !== 32 || line[s + 13]! !== 58 || line[s + 16]! !== 58) return false;
  const d = twoDigits(line, s);
  const m = twoDigits(line, s + 3);
  const y1 = twoDigits(line, s + 6);
  const y2 = twoDigits(line, s + 8);
  const hh = twoDigits(line, s + 11);
  const mi = twoDigits(line, s + 14);
  const ss = twoDigits(line, s + 17);
  if (d < 1 || d > 28 || m < 1 || m > 12 || y1 < 19 || y2 === FALLBACK || hh === FALLBACK || hh >= 24 || mi === FALLBACK || mi >= 60 || ss === FALLBACK || ss >= 60) return false;
  out[at] = civilDays(y1 * 100 + y2, m, d) * MS_PER_DAY + ((hh * 60 + mi) * 60 + ss) * 1000 - VIETNAM_OFFSET_MS;
  return true;
}

/**
 * Whether a field of line[s, e), fields separated by the byte `sep`, is longer than `limit` bytes.
 * From each field start it looks back from `limit` bytes on for a separator, so a line of short
 * fields is mostly skipped over, not read byte by byte.
 */
export function hasLongField(line: Uint8Array, s: number, e: number, sep: number, limit: number): boolean {
  let p = s;
  while (e - p > limit) {
    let k = p + limit;
    while (k >= p && line[k] !== sep) k--;
    if (k < p) return true;
    p = k + 1;
  }
  return false;
}

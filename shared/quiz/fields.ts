import type { Cell } from "../cells/cell.js";
import { MS_PER_DAY, VIETNAM_OFFSET_MS, readInstant, type Instant } from "../cells/date.js";
import { readDecimal } from "../cells/number.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";

/**
 * Readers for one quiz attempt's cells. They run once per attempt (millions of times on a national
 * export), so each has a fast path for the shapes a quiz platform writes and falls back to the
 * general readers of `cells/` for everything else.
 */

/** Scores and predictions are kept as integers of 1/10 000: exact sums, means and distances. */
export const SCALE = 10_000;

const ASCII_PRINTABLE = /^[\x21-\x7e]*$/;
const PLAIN_INT = /^\d{1,9}$/;

/** A participant or unit code: as `codeKey` (NFC, trimmed, upper case), fast for plain ASCII text. */
export function fastCode(cell: Cell | undefined): string {
  if (typeof cell === "string" && ASCII_PRINTABLE.test(cell)) return cell.toUpperCase();
  return codeKey(cell);
}

/** A decimal as an integer count of 1/10 000; undefined when unreadable or finer than that. */
export function readScaled(cell: Cell | undefined): number | undefined {
  if (typeof cell === "string" && PLAIN_INT.test(cell)) return Number(cell) * SCALE;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return undefined;
    const scaled = Math.round(cell * SCALE);
    return Math.abs(scaled - cell * SCALE) < 1e-6 && Number.isSafeInteger(scaled) ? scaled : undefined;
  }
  const d = readDecimal(cell);
  if (d === undefined) return undefined;
  const n = d.num * BigInt(SCALE);
  if (n % d.den !== 0n) return undefined;
  const scaled = n / d.den;
  return scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(scaled);
}

/** 1/10 000 units back to a JS number for a cell (exact for the values readScaled accepts). */
export function unscale(scaled: number): number {
  return scaled / SCALE;
}

const HMS = /^(?:(\d{1,3}):)?(\d{1,4}):(\d{2})(?:[.,](\d{1,3}))?$/;
/** 30/12/1899 00:00 wall time, the zero of spreadsheet times. */
const SPREADSHEET_ZERO_WALL_MS = Date.UTC(1899, 11, 30);

/**
 * Time taken, in milliseconds: seconds (452, "452", "452,5"), "mm:ss" ("07:32", minutes may pass
 * 59), "hh:mm:ss" ("1:07:32"); a spreadsheet time (a number cell below 1, or a time-of-day Date
 * on 30/12/1899) is a fraction of a day. undefined when unreadable or negative.
 */
export function readDurationMs(cell: Cell | undefined): number | undefined {
  if (cell instanceof Date) {
    const wall = cell.getTime() + VIETNAM_OFFSET_MS - SPREADSHEET_ZERO_WALL_MS;
    return Number.isFinite(wall) && wall >= 0 && wall < MS_PER_DAY ? Math.round(wall) : undefined;
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0) return undefined;
    return cell > 0 && cell < 1 ? Math.round(cell * MS_PER_DAY) : Math.round(cell * 1000);
  }
  if (typeof cell !== "string") return undefined;
  const text = cell.trim();
  if (PLAIN_INT.test(text)) return Number(text) * 1000;
  const m = HMS.exec(text);
  if (m) {
    const h = m[1] === undefined ? 0 : Number(m[1]);
    const mi = Number(m[2]);
    const s = Number(m[3]);
    if (s >= 60 || (m[1] !== undefined && mi >= 60)) return undefined;
    const frac = m[4] === undefined ? 0 : Number(m[4].padEnd(3, "0"));
    return ((h * 60 + mi) * 60 + s) * 1000 + frac;
  }
  const d = readDecimal(text);
  if (d === undefined || d.num < 0n) return undefined;
  return Math.round((Number(d.num) * 1000) / Number(d.den));
}

/** "07:32", or "1:07:32" from an hour on; tenths shown only when present. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const rest = ms - totalSeconds * 1000;
  const h = Math.floor(totalSeconds / 3600);
  const mi = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const two = (n: number): string => String(n).padStart(2, "0");
  const frac = rest === 0 ? "" : "," + String(rest).padStart(3, "0").replace(/0+$/, "");
  return (h > 0 ? `${h}:${two(mi)}` : two(mi)) + `:${two(s)}${frac}`;
}

const DMY_HMS = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/;

/**
 * Submission time: the platform's "dd/mm/yyyy hh:mm:ss" on a fast path, otherwise everything
 * `readInstant` accepts (real dates, serial numbers, dd/mm/yyyy [hh:mm[:ss]], yyyy-mm-dd).
 */
export function readSubmitted(cell: Cell | undefined): Instant | undefined {
  if (typeof cell === "string") {
    const m = DMY_HMS.exec(cell);
    if (m) {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const y = Number(m[3]);
      const hh = Number(m[4]);
      const mi = Number(m[5]);
      const ss = Number(m[6]);
      if (d >= 1 && d <= 28 && mo >= 1 && mo <= 12 && y >= 1900 && hh < 24 && mi < 60 && ss < 60) {
        return Date.UTC(y, mo - 1, d, hh, mi, ss) - VIETNAM_OFFSET_MS;
      }
    }
  }
  return readInstant(cell);
}

/** How a period is shown: "Tuần 3" for a bare number, the label as written otherwise. */
export function periodDisplay(label: string): string {
  return /^\d+$/.test(label) ? `Tuần ${label}` : label;
}

/** How periods are compared: "Tuần 1", "tuan 1", 1 and " 1 " are the same week (a platform writes one, the ledger the other). */
export function periodKey(label: string): string {
  return foldKey(label).replace(/^tuan\s*(?=\d)/, "");
}

/** A period (`Tuần`) as written, and its key: 1, "1" and " 1 " are the same week. */
export function periodLabel(cell: Cell | undefined): string {
  return cleanText(cell).replace(/\s+/g, " ");
}

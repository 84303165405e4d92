import type { Cell } from "./cell.js";

/** A calendar day in Asia/Ho_Chi_Minh, as days since 1970-01-01. */
export type DayNumber = number;

export interface DateParts {
  y: number;
  m: number;
  d: number;
}

export interface DateTimeParts extends DateParts {
  hh: number;
  mi: number;
  ss: number;
}

export const MS_PER_DAY = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Spreadsheet serial day 0 (1899-12-30) in days since 1970-01-01. */
const SERIAL_EPOCH_DAYS = -25569;

/** The instant a spreadsheet serial number names (1900 date system, Vietnam's wall-clock time), to the millisecond. */
export function instantOfSerial(serial: number): Instant {
  return Math.round((serial + SERIAL_EPOCH_DAYS) * MS_PER_DAY) - VIETNAM_OFFSET_MS;
}

/** An instant as the spreadsheet serial number of its Vietnam wall-clock time (1900 date system). */
export function serialOfInstant(t: Instant): number {
  return (t + VIETNAM_OFFSET_MS) / MS_PER_DAY - SERIAL_EPOCH_DAYS;
}

/** Days from 01/01/1970 to a date of the proleptic Gregorian calendar (as Date.UTC counts them, without its cost). */
export function civilDays(y: number, m: number, d: number): number {
  const ya = m <= 2 ? y - 1 : y;
  const era = Math.floor(ya / 400);
  const yoe = ya - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function dayFromParts(y: number, m: number, d: number): DayNumber | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const first = civilDays(y, m, 1);
  const next = m === 12 ? civilDays(y + 1, 1, 1) : civilDays(y, m + 1, 1);
  return d <= next - first ? first + d - 1 : undefined;
}

export function partsOfDay(day: DayNumber): DateParts {
  const date = new Date(day * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Milliseconds since the epoch of a Vietnam wall-clock time, as a sortable number. */
export type Instant = number;

export function instantOfDate(date: Date): Instant {
  return date.getTime();
}

export function dayOfInstant(t: Instant): DayNumber {
  return Math.floor((t + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

export function partsOfInstant(t: Instant): DateTimeParts {
  const wall = new Date(t + VIETNAM_OFFSET_MS);
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    hh: wall.getUTCHours(),
    mi: wall.getUTCMinutes(),
    ss: wall.getUTCSeconds(),
  };
}

export function instantFromParts(p: DateTimeParts): Instant {
  return Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mi, p.ss) - VIETNAM_OFFSET_MS;
}

/** A Date that shows day `day` at 00:00 in Vietnam: what hosts write for a date cell. */
export function dateOfDay(day: DayNumber): Date {
  return new Date(day * MS_PER_DAY - VIETNAM_OFFSET_MS);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function timeOk(hh: number, mi: number, ss: number): boolean {
  return hh >= 0 && hh < 24 && mi >= 0 && mi < 60 && ss >= 0 && ss < 60;
}

/**
 * A point in time from a real date, a spreadsheet serial number (days since 30/12/1899, wall time
 * in Vietnam), or text dd/mm/yyyy [hh:mm[:ss]] (never month-first) or yyyy-mm-dd.
 */
export function readInstant(cell: Cell | undefined): Instant | undefined {
  if (cell instanceof Date) {
    const t = cell.getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2958466) return undefined;
    return instantOfSerial(cell);
  }
  if (typeof cell !== "string") return undefined;
  const text = cell.normalize("NFC").trim();
  let y: number,
    m: number,
    d: number,
    hh = 0,
    mi = 0,
    ss = 0;
  let match = DMY.exec(text);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
    hh = Number(match[4] ?? 0);
    mi = Number(match[5] ?? 0);
    ss = Number(match[6] ?? 0);
  } else if ((match = YMD.exec(text))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
    hh = Number(match[4] ?? 0);
    mi = Number(match[5] ?? 0);
    ss = Number(match[6] ?? 0);
  } else {
    return undefined;
  }
  if (dayFromParts(y, m, d) === undefined || !timeOk(hh, mi, ss)) return undefined;
  return instantFromParts({ y, m, d, hh, mi, ss });
}

export function readDay(cell: Cell | undefined): DayNumber | undefined {
  const t = readInstant(cell);
  return t === undefined ? undefined : dayOfInstant(t);
}

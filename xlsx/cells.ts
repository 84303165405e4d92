import { MS_PER_DAY, VIETNAM_OFFSET_MS, civilDays, instantOfSerial, serialOfInstant } from "../shared/cells/date.js";
import { decodeOoxmlText, unescapeXml } from "./xml.js";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based column of a cell reference's letters (`A1` → 0, `AA7` → 26); -1 when there are none. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

/** 1-based row of a cell reference (`B12` → 12); NaN when it has none. */
export function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  return i < ref.length ? Number(ref.slice(i)) : Number.NaN;
}

export { columnLetters } from "../shared/cells/cell.js";

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
export function richText(xml: string): string {
  if (xml.indexOf("<") < 0) return "";
  const body = xml.indexOf("rPh") >= 0 ? xml.replace(/<(\w+:)?rPh[\s>][\s\S]*?<\/(\w+:)?rPh>/g, "") : xml;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out += m[1] ?? "";
  return decodeOoxmlText(unescapeXml(out));
}

/** Days from the 1900 system's serial 0 (1899-12-30) to the 1904 system's (1904-01-01). Excel's phantom 29/02/1900 is ignored, as everyone does. */
const DAYS_1900_TO_1904 = 1462;

/** The serials Excel can show as dates: 00/01/1900 to 31/12/9999. */
const LAST_DATE_SERIAL = 2958465;

/**
 * A serial in a date-formatted cell (Vietnam wall-clock time) as the instant it names, in the
 * workbook's date system; a number no date can be (1e9, negative) stays the number, so that the
 * reader reports it at its cell as "not a date" instead of failing on an invalid Date.
 */
export function dateOfSerial(serial: number, date1904: boolean): Date | number {
  const days = date1904 ? serial + DAYS_1900_TO_1904 : serial;
  if (!(days >= 0 && days < LAST_DATE_SERIAL + 1)) return serial;
  return new Date(instantOfSerial(days));
}

/** An instant as a serial date of Vietnam's wall-clock time, in the workbook's date system. */
export function serialOfDate(date: Date, date1904: boolean): number {
  return serialOfInstant(date.getTime()) - (date1904 ? DAYS_1900_TO_1904 : 0);
}

/** An ISO date-time of a `t="d"` cell (no zone: Vietnam's wall clock), or undefined. */
export function dateOfIso(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z)?$/.exec(text.trim());
  if (!m) return undefined;
  const ms =
    civilDays(Number(m[1]), Number(m[2]), Number(m[3])) * MS_PER_DAY + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) * 1000 + Math.round(Number(`0.${m[7] ?? "0"}`) * 1000);
  return new Date(m[8] ? ms : ms - VIETNAM_OFFSET_MS);
}

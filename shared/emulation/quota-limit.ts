/**
 * The figures of `Chỉ tiêu khen thưởng`: what kind of award a row is (title or form), how many may
 * be awarded (a count, a share of a named base rounded down, or no limit), and the seats that
 * gives once the base is known.
 */
import type { Cell } from "../cells/cell.js";
import { type Exact, exact, fromNumber, parseExact, toPlainText } from "../cells/exact.js";
import { readCount } from "../cells/number.js";
import { cleanText, foldKey } from "../cells/text.js";
import { formatDecimalVi } from "../vn/format.js";
import type { AwardKind, QuotaLimit } from "./model.js";

export const AWARD_KIND_VALUES: Readonly<Record<AwardKind, string>> = { title: "Danh hiệu thi đua", form: "Hình thức khen thưởng" };

/** `Loại khen` as typed: "Danh hiệu thi đua" / "Danh hiệu", "Hình thức khen thưởng" / "Hình thức". */
export function readAwardKind(text: string): AwardKind | undefined {
  const f = foldKey(text);
  if (f === "danh hieu" || f === "danh hieu thi dua") return "title";
  if (f === "hinh thuc" || f === "hinh thuc khen thuong") return "form";
  return undefined;
}

const FORM_WORDS = ["giay khen", "bang khen", "huan chuong", "huy chuong", "ky niem chuong", "giai thuong"];
const TITLE_WORDS = ["lao dong tien tien", "chien si thi dua", "chien si tien tien", "tap the lao dong", "co thi dua", "don vi quyet thang", "don vi tien tien"];

/** The kind an award's own name says: "Danh hiệu …" and the yearly titles, or "Giấy khen …", "Bằng khen …"; undefined when it says neither. */
export function awardKindOf(name: string): AwardKind | undefined {
  const f = foldKey(name);
  if (f.startsWith("danh hieu")) return "title";
  if (FORM_WORDS.some((w) => f.includes(w))) return "form";
  if (TITLE_WORDS.some((w) => f.includes(w))) return "title";
  return undefined;
}

const NO_LIMIT = ["khong gioi han", "khong han che", "khong quy dinh", "khong co chi tieu", "theo de nghi"];

/** `Số lượng`: a whole number, or words saying there is no limit; "bad" for anything else. */
export function readQuotaCount(cell: Cell | undefined): number | "none" | "bad" | undefined {
  const text = cleanText(cell);
  if (text === "") return undefined;
  const n = readCount(cell ?? null);
  if (n !== undefined) return n;
  const f = foldKey(text);
  return NO_LIMIT.some((w) => f.startsWith(w)) ? "none" : "bad";
}

/**
 * `Tỷ lệ tối đa` as a fraction: "15%", "15", or a number up to 1 (how Excel and Sheets store a
 * percent-formatted 15% and 100%; typed as text "0,15" it reads the same). "bad" unless it is above
 * 0 and at most 100%.
 */
export function readShare(cell: Cell | undefined): Exact | "bad" | undefined {
  const text = cleanText(cell);
  if (text === "") return undefined;
  let value: Exact | undefined;
  if (typeof cell === "number") {
    const n = fromNumber(cell);
    value = n === undefined ? undefined : cell <= 1 ? n : exact(n.num, n.den * 100n);
  } else {
    // Without its sign, a share reads as the same number in a cell would: up to 1 is a fraction.
    const m = /^(\d+(?:[.,]\d+)?)\s*(%?)$/.exec(text);
    const n = m ? parseExact(m[1]!.replace(",", ".")) : undefined;
    value = n === undefined ? undefined : m![2] === "" && n.num <= n.den ? n : exact(n.num, n.den * 100n);
  }
  return value !== undefined && value.num > 0n && value.num <= value.den ? value : "bad";
}

/** The share as a secretariat writes it: "15%", "12,5%". */
export function shareText(fraction: Exact): string {
  return `${formatDecimalVi(toPlainText(exact(fraction.num * 100n, fraction.den)))}%`;
}

const STAFF_BASES = ["so cbccvc", "tong so cbccvc", "so ca nhan", "tong so ca nhan", "so nguoi", "tong so nguoi", "so can bo, cong chuc, vien chuc"];
const UNIT_BASES = ["so don vi", "tong so don vi", "so tap the", "tong so tap the"];

/** A base given in words (the staff or the units of `Đơn vị`); undefined when it names something else (another award). */
export function readPlainBase(text: string): "staff" | "units" | undefined {
  const f = foldKey(text);
  if (STAFF_BASES.includes(f)) return "staff";
  if (UNIT_BASES.includes(f)) return "units";
  return undefined;
}

/** The seats a limit gives, with how they were counted; undefined seats when there is no limit. */
export function seatsOf(limit: QuotaLimit, base: number | undefined): { seats: number | undefined; text: string } {
  if (limit.share !== undefined && base === undefined) return { seats: 0, text: "chưa tính được: thiếu cơ sở tính tỷ lệ (xem Kiểm tra)" };
  const parts: string[] = [];
  let seats = limit.count;
  if (limit.share !== undefined && base !== undefined) {
    const { fraction, baseText } = limit.share;
    const whole = (fraction.num * BigInt(base)) % fraction.den === 0n;
    const floor = Number((fraction.num * BigInt(base)) / fraction.den);
    const product = formatDecimalVi(toPlainText(exact(fraction.num * BigInt(base), fraction.den), 4));
    parts.push(`${shareText(fraction)} × ${base} (${baseText}) = ${product}${whole ? "" : ` → ${floor} (làm tròn xuống)`}`);
    seats = seats === undefined ? floor : Math.min(seats, floor);
  }
  if (limit.count !== undefined) parts.unshift(limit.share === undefined ? String(limit.count) : `tối đa ${limit.count}`);
  if (seats === undefined && limit.share === undefined) return { seats: undefined, text: "Không giới hạn" };
  return { seats, text: parts.join("; ") };
}

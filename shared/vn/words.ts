/**
 * Vietnamese number / amount reading ("đọc số thành chữ") as written on
 * official award decisions, e.g. "Tám triệu năm trăm nghìn đồng".
 *
 * Pure module: no Node imports.
 *
 * Reading rules (per three-digit group h t u):
 *  - hundreds: "<h> trăm"; a non-leading nonzero group with h = 0 reads "không trăm";
 *  - tens: t = 0 with u ≠ 0 after a hundreds word → "linh"; t = 1 → "mười";
 *    t ≥ 2 → "<t> mươi";
 *  - units: u = 1 after "mươi" (t ≥ 2) → "mốt"; u = 5 after t ≥ 1 → "lăm";
 *    u = 4 after t ≥ 2 → "tư"; otherwise the plain digit word;
 *  - an all-zero group is skipped entirely (with its scale word).
 *
 * Scales: "", nghìn/ngàn, triệu inside a block of nine digits; blocks are
 * joined by "tỷ", so 10^12 = "một nghìn tỷ", 10^15 = "một triệu tỷ",
 * 10^18 = "một tỷ tỷ". The part in front of "tỷ" is read as a number on its
 * own (1 001 000 000 000 = "một nghìn không trăm linh một tỷ").
 */

export type ThousandWord = "nghìn" | "ngàn";

const DIGITS: readonly string[] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

const BILLION = 1_000_000_000n;

function digitWord(d: number): string {
  const w = DIGITS[d];
  if (w === undefined) throw new RangeError(`not a digit: ${d}`);
  return w;
}

/**
 * Words for one group 1..999. `full` = the group is not the leading group of
 * the whole number, so a zero hundreds digit is read "không trăm".
 */
function readGroup(group: number, full: boolean): string[] {
  const h = Math.floor(group / 100);
  const t = Math.floor(group / 10) % 10;
  const u = group % 10;
  const out: string[] = [];

  const hasHundreds = h !== 0 || full;
  if (hasHundreds) out.push(digitWord(h), "trăm");

  if (t === 0) {
    if (u !== 0 && hasHundreds) out.push("linh");
  } else if (t === 1) {
    out.push("mười");
  } else {
    out.push(digitWord(t), "mươi");
  }

  if (u !== 0) {
    if (u === 1 && t >= 2) out.push("mốt");
    else if (u === 5 && t >= 1) out.push("lăm");
    else if (u === 4 && t >= 2) out.push("tư");
    else out.push(digitWord(u));
  }
  return out;
}

/**
 * Words for 1 ≤ n < 10^9. `leading` = n is the most significant part of the
 * whole number (its first nonzero group is read without "không trăm").
 */
function readBelowBillion(n: number, leading: boolean, thousandWord: ThousandWord): string[] {
  const groups: Array<[number, string | null]> = [
    [Math.floor(n / 1_000_000), "triệu"],
    [Math.floor(n / 1000) % 1000, thousandWord],
    [n % 1000, null],
  ];
  const out: string[] = [];
  let seenNonZero = !leading;
  for (const [value, scale] of groups) {
    if (value === 0) continue;
    out.push(...readGroup(value, seenNonZero));
    if (scale !== null) out.push(scale);
    seenNonZero = true;
  }
  return out;
}

/** Words for n ≥ 1. */
function readPositive(n: bigint, leading: boolean, thousandWord: ThousandWord): string[] {
  if (n < BILLION) return readBelowBillion(Number(n), leading, thousandWord);
  const high = n / BILLION;
  const low = Number(n % BILLION);
  const out = readPositive(high, leading, thousandWord);
  out.push("tỷ");
  if (low !== 0) out.push(...readBelowBillion(low, false, thousandWord));
  return out;
}

/**
 * The number in Vietnamese words, lower case, without unit.
 * 0n → "không"; negative → "âm …".
 */
export function numberInWords(n: bigint, thousandWord: ThousandWord = "nghìn"): string {
  if (n === 0n) return "không";
  if (n < 0n) return `âm ${numberInWords(-n, thousandWord)}`;
  return readPositive(n, true, thousandWord).join(" ");
}

/**
 * An amount of đồng in words, first letter capitalised, ending in " đồng".
 * 8500000n → "Tám triệu năm trăm nghìn đồng".
 */
export function amountInWords(amount: bigint, thousandWord: ThousandWord = "nghìn"): string {
  const words = numberInWords(amount, thousandWord);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}

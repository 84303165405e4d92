/**
 * Exact rational numbers over bigint. Scores and weights are decimals typed by people;
 * sums, means and half-up rounding must never suffer binary floating-point error.
 */
export interface Exact {
  readonly num: bigint;
  readonly den: bigint; // always > 0
}
// Every Exact is in lowest terms: only this module builds them, through `exact` or with den 1.
// The shortcuts below rely on it and give the same lowest-terms result as the general formulas.

const ZERO: Exact = { num: 0n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function exact(num: bigint, den: bigint = 1n): Exact {
  if (den === 0n) throw new RangeError("division by zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const exactZero = ZERO;

export function fromInt(n: number | bigint): Exact {
  return { num: BigInt(n), den: 1n };
}

/** Parses a plain decimal "12", "-0.5", "8.25", "1e-7", "1.5E3"; undefined when it is not one. */
export function parseExact(text: string): Exact | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, sign, intPart = "", fracPart = "", expPart] = m;
  if (intPart === "" && fracPart === "") return undefined;
  let num = BigInt((intPart || "0") + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  const e = expPart ? Number(expPart) : 0;
  if (Math.abs(e) > 400) return undefined;
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  return exact(sign === "-" ? -num : num, den);
}

/** Scores repeat (a few dozen values over thousands of cells): each number is parsed once. */
const FROM_NUMBER = new Map<number, Exact>();
const FROM_NUMBER_LIMIT = 4096;

/** The exact decimal that a JS number was typed as (its shortest round-trip form). */
export function fromNumber(n: number): Exact | undefined {
  if (!Number.isFinite(n)) return undefined;
  const known = FROM_NUMBER.get(n);
  if (known !== undefined) return known;
  const value = parseExact(String(n));
  if (value !== undefined) {
    if (FROM_NUMBER.size >= FROM_NUMBER_LIMIT) FROM_NUMBER.clear();
    FROM_NUMBER.set(n, value);
  }
  return value;
}

export function add(a: Exact, b: Exact): Exact {
  if (a.den === b.den) return a.den === 1n ? { num: a.num + b.num, den: 1n } : exact(a.num + b.num, a.den);
  // With one whole operand the sum keeps the other's denominator and stays in lowest terms.
  if (a.den === 1n) return { num: a.num * b.den + b.num, den: b.den };
  if (b.den === 1n) return { num: a.num + b.num * a.den, den: a.den };
  return exact(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Exact, b: Exact): Exact {
  return exact(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Exact, b: Exact): Exact {
  if (b.num === 1n && b.den === 1n) return a;
  if (a.num === 1n && a.den === 1n) return b;
  return exact(a.num * b.num, a.den * b.den);
}

export function divInt(a: Exact, n: number): Exact {
  return exact(a.num, a.den * BigInt(n));
}

export function compare(a: Exact, b: Exact): number {
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function sum(values: readonly Exact[]): Exact {
  // Judges' totals usually share one denominator: add the numerators and reduce once.
  const den = values[0]?.den;
  if (den !== undefined && values.every((v) => v.den === den)) {
    let num = 0n;
    for (const v of values) num += v.num;
    return exact(num, den);
  }
  let s = ZERO;
  for (const v of values) s = add(s, v);
  return s;
}

export function mean(values: readonly Exact[]): Exact {
  return values.length === 0 ? ZERO : divInt(sum(values), values.length);
}

export function toNumber(a: Exact): number {
  return Number(a.num) / Number(a.den);
}

/**
 * Rounds half away from zero to `decimals` places ("half-up" as a secretariat means it:
 * 80.005 → 80.01, -2.5 → -3) and returns the scaled integer: value ≈ scaled / 10^decimals.
 */
export function roundScaled(a: Exact, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  const n = a.num * scale;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / a.den;
  const r = abs % a.den;
  const rounded = r * 2n >= a.den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

export function roundHalfUp(a: Exact, decimals: number): Exact {
  return exact(roundScaled(a, decimals), 10n ** BigInt(decimals));
}

/** Plain decimal text with exactly `decimals` places after rounding half-up: "80.01". */
export function toFixedText(a: Exact, decimals: number): string {
  const scaled = roundScaled(a, decimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? "." + digits.slice(digits.length - decimals) : "";
  return (negative ? "-" : "") + intPart + frac;
}

/**
 * Shortest exact decimal text when the denominator is a power of 2 and 5 with at most `maxPlaces`
 * places, else rounded to 6 places. A value that must survive a round trip through a cell (an
 * imported score) passes `Infinity`: every place it has is kept.
 */
export function toPlainText(a: Exact, maxPlaces = 12): string {
  let den = a.den;
  let places = 0;
  while (den % 10n === 0n) {
    den /= 10n;
    places++;
  }
  while (den % 2n === 0n || den % 5n === 0n) {
    if (den % 2n === 0n) den /= 2n;
    else den /= 5n;
    places++;
  }
  if (den !== 1n || places > maxPlaces) return trimZeros(toFixedText(a, 6));
  return trimZeros(toFixedText(a, places));
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

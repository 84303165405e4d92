import { type Exact, compare, mean, parseExact, sub, toNumber } from "../cells/exact.js";

/** Highest minus lowest judge total; undefined with no totals. */
export function spread(totals: readonly Exact[]): Exact | undefined {
  if (totals.length === 0) return undefined;
  let lo = totals[0]!;
  let hi = totals[0]!;
  for (const t of totals) {
    if (compare(t, lo) < 0) lo = t;
    if (compare(t, hi) > 0) hi = t;
  }
  return sub(hi, lo);
}

/** `Bỏ cao nhất, thấp nhất`: with 5 or more judges drop one highest and one lowest total, then the mean. */
export function trimmedMean(totals: readonly Exact[]): Exact {
  if (totals.length < 5) return mean(totals);
  const sorted = [...totals].sort(compare);
  return mean(sorted.slice(1, -1));
}

export interface JudgedValue {
  readonly judgeKey: string;
  readonly total: Exact;
}

/**
 * `Chuẩn hóa`: each judge's totals become z-scores against that judge's own mean and spread,
 * rescaled to the pooled mean and spread of all totals in the category, then averaged per entry.
 * A judge whose totals do not vary contributes the pooled mean. Square roots are irrational, so this
 * one method works in binary floating point and is cut to 9 decimals before the exact half-up rounding.
 */
export function zScoreMeans(byEntry: ReadonlyMap<string, readonly JudgedValue[]>): Map<string, Exact> {
  const perJudge = new Map<string, number[]>();
  const pooled: number[] = [];
  for (const values of byEntry.values()) {
    for (const v of values) {
      const x = toNumber(v.total);
      pooled.push(x);
      const list = perJudge.get(v.judgeKey);
      if (list) list.push(x);
      else perJudge.set(v.judgeKey, [x]);
    }
  }
  const pooledStats = stats(pooled);
  const judgeStats = new Map([...perJudge].map(([k, xs]) => [k, stats(xs)]));
  const out = new Map<string, Exact>();
  for (const [entryKey, values] of byEntry) {
    if (values.length === 0) continue;
    let s = 0;
    for (const v of values) {
      const js = judgeStats.get(v.judgeKey)!;
      const z = js.sd > 0 ? (toNumber(v.total) - js.mean) / js.sd : 0;
      s += pooledStats.mean + pooledStats.sd * z;
    }
    out.set(entryKey, parseExact((s / values.length).toFixed(9))!);
  }
  return out;
}

function stats(xs: readonly number[]): { mean: number; sd: number } {
  if (xs.length === 0) return { mean: 0, sd: 0 };
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) * (b - m), 0) / xs.length;
  return { mean: m, sd: Math.sqrt(v) };
}

/**
 * Judges whose totals in the pool do not vary (one entry, or the same total for every entry): under
 * `Chuẩn hóa` they cannot tell entries apart and contribute the pooled mean to each.
 */
export function judgesWithoutSpread(byEntry: ReadonlyMap<string, readonly JudgedValue[]>): string[] {
  const firstTotal = new Map<string, Exact>();
  const varies = new Set<string>();
  for (const values of byEntry.values()) {
    for (const v of values) {
      const first = firstTotal.get(v.judgeKey);
      if (first === undefined) firstTotal.set(v.judgeKey, v.total);
      else if (compare(first, v.total) !== 0) varies.add(v.judgeKey);
    }
  }
  return [...firstTotal.keys()].filter((k) => !varies.has(k));
}

/** A method that reduces each entry's judge totals on its own. */
function perEntry(reduce: (totals: readonly Exact[]) => Exact): (byEntry: ReadonlyMap<string, readonly JudgedValue[]>) => Map<string, Exact> {
  return (byEntry) => {
    const out = new Map<string, Exact>();
    for (const [entryKey, values] of byEntry) if (values.length > 0) out.set(entryKey, reduce(values.map((v) => v.total)));
    return out;
  };
}

/** How the judges' totals of a category become each entry's unrounded final score. */
export interface AggregationMethod {
  /** What `Cách tính điểm` says to choose it. */
  readonly label: string;
  /** Whose totals it pools: every entry's, or only those admitted to ranking (a late or withdrawn entry must not move the others). */
  readonly pools: "all" | "admitted";
  readonly run: (byEntry: ReadonlyMap<string, readonly JudgedValue[]>) => Map<string, Exact>;
  /** Judges the method cannot use as they scored (reported as warnings); absent when every total counts as given. */
  readonly unusedJudges?: (byEntry: ReadonlyMap<string, readonly JudgedValue[]>) => string[];
}

/**
 * Every aggregation, declared once: the settings reader offers exactly these labels (anything else
 * is a `Lỗi` at its cell), the contest computes with `run` over the entries `pools` names. A new
 * method is one entry here and its test.
 */
export const AGGREGATIONS = {
  mean: { label: "Trung bình", pools: "all", run: perEntry(mean) },
  trimmed: { label: "Bỏ cao nhất, thấp nhất", pools: "all", run: perEntry(trimmedMean) },
  zscore: { label: "Chuẩn hóa", pools: "admitted", run: zScoreMeans, unusedJudges: judgesWithoutSpread },
} as const satisfies Record<string, AggregationMethod>;

const METHODS: Readonly<Record<Aggregation, AggregationMethod>> = AGGREGATIONS;

export type Aggregation = keyof typeof AGGREGATIONS;

/** The method `Cách tính điểm` names, seen through the common shape (its optional parts included). */
export function aggregationMethod(method: Aggregation): AggregationMethod {
  return METHODS[method];
}

/** The unrounded final score of each entry of one category. */
export function aggregate(method: Aggregation, byEntry: ReadonlyMap<string, readonly JudgedValue[]>): Map<string, Exact> {
  return AGGREGATIONS[method].run(byEntry);
}

import { type Exact, compare } from "../cells/exact.js";

/**
 * Ranking as a declared precedence of metrics (after Tabbycat's standings): the first metric that
 * differs decides; items equal on every metric share a rank.
 */
export interface Metric<T> {
  readonly name: string;
  readonly order: "desc" | "asc";
  /** undefined sorts after every value, in either order. */
  readonly value: (item: T) => Exact | number | undefined;
}

export interface Ranked<T> {
  readonly item: T;
  /** Standard competition rank: 1, 2, 2, 4. */
  readonly rank: number;
  readonly tied: boolean;
  /** 0-based index of the tie group. */
  readonly group: number;
}

function compareValues(a: Exact | number | undefined, b: Exact | number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a !== "number" && typeof b !== "number") return compare(a, b);
  throw new TypeError("metric mixes number and exact values");
}

export function precedence<T>(metrics: readonly Metric<T>[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const m of metrics) {
      const va = m.value(a);
      const vb = m.value(b);
      const missing = va === undefined || vb === undefined;
      const c = compareValues(va, vb);
      if (c !== 0) return m.order === "desc" && !missing ? -c : c;
    }
    return 0;
  };
}

/** Sorts by precedence (stable, so input order settles display only) and assigns 1, 2, 2, 4 ranks. */
export function rankBy<T>(items: readonly T[], metrics: readonly Metric<T>[]): Ranked<T>[] {
  const cmp = precedence(metrics);
  const sorted = [...items].sort(cmp);
  const out: Ranked<T>[] = [];
  let group = -1;
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i]!;
    const samePrev = i > 0 && cmp(sorted[i - 1]!, item) === 0;
    const sameNext = i + 1 < sorted.length && cmp(item, sorted[i + 1]!) === 0;
    if (!samePrev) {
      rank = i + 1;
      group++;
    }
    out.push({ item, rank, tied: samePrev || sameNext, group });
  }
  return out;
}

/** Splits a ranking into its tie groups, in order. */
export function tieGroups<T>(ranked: readonly Ranked<T>[]): Ranked<T>[][] {
  const groups: Ranked<T>[][] = [];
  for (const r of ranked) {
    const g = groups[r.group];
    if (g) g.push(r);
    else groups[r.group] = [r];
  }
  return groups;
}

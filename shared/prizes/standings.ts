import type { TiePolicy } from "../ledger/schema.js";
import { type Metric, type Ranked, rankBy, tieGroups } from "../ranking/rank.js";
import { type Award, type PrizeLevel, allocatePrizes } from "./allocate.js";

/** Ranked items, their tie groups and each group's award: what every part (contest, quiz, collective, review) hands out. */
export interface Standings<T> {
  readonly ranked: readonly Ranked<T>[];
  readonly groups: readonly (readonly Ranked<T>[])[];
  /** One award per group, in group order. */
  readonly awards: readonly Award[];
}

/**
 * The one way items are ranked and prizes handed out: by the declared precedence of metrics
 * (standard competition ranking, ties marked), then prizes to tie groups by `Đồng giải` or
 * `Hội đồng quyết định` (ledger.md, "Prizes").
 */
export function standings<T>(items: readonly T[], metrics: readonly Metric<T>[], levels: readonly PrizeLevel[], ties: TiePolicy): Standings<T> {
  const ranked = rankBy(items, metrics);
  const groups = tieGroups(ranked);
  return {
    ranked,
    groups,
    awards: allocatePrizes(
      groups.map((g) => g.length),
      levels,
      ties,
    ),
  };
}

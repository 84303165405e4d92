import type { TiePolicy } from "../ledger/schema.js";

export interface PrizeLevel {
  readonly name: string;
  readonly count: number;
  readonly amount: bigint;
}

export type Award =
  | { readonly kind: "prize"; readonly prize: PrizeLevel }
  /** Tied across a prize boundary under `Hội đồng quyết định`: the council picks among `atStake`. */
  | { readonly kind: "pending"; readonly atStake: readonly PrizeLevel[]; readonly mayGetNothing: boolean }
  | { readonly kind: "none" };

const NONE: Award = { kind: "none" };

/** Position p (1-based) belongs to the first prize whose cumulative count reaches p. */
export function prizeAtPosition(levels: readonly PrizeLevel[], p: number): PrizeLevel | undefined {
  let cumulative = 0;
  for (const level of levels) {
    cumulative += level.count;
    if (p <= cumulative) return level;
  }
  return undefined;
}

/**
 * Hands out prizes to tie groups in ranking order (ledger.md, "Prizes"). Returns one award per
 * group, in the same order.
 */
export function allocatePrizes(groupSizes: readonly number[], levels: readonly PrizeLevel[], policy: TiePolicy): Award[] {
  const k = levels.reduce((n, l) => n + l.count, 0);
  const awards: Award[] = [];
  let p = 1;
  for (const g of groupSizes) {
    const last = p + g - 1;
    const first = prizeAtPosition(levels, p);
    if (first === undefined) {
      awards.push(NONE);
    } else if (policy === "shared" || (last <= k && prizeAtPosition(levels, last) === first)) {
      awards.push({ kind: "prize", prize: first });
    } else {
      const atStake: PrizeLevel[] = [];
      for (let q = p; q <= Math.min(last, k); q++) {
        const level = prizeAtPosition(levels, q);
        if (level && !atStake.includes(level)) atStake.push(level);
      }
      awards.push({ kind: "pending", atStake, mayGetNothing: last > k });
    }
    p += g;
  }
  return awards;
}

import { type Exact, exact } from "../cells/exact.js";
import type { PeriodInfo, QuizAccumulator } from "./accumulate.js";
import { SCALE } from "./fields.js";
import type { QuizSetup } from "./setup.js";

/** `Tham gia đơn vị`: one unit's figures in the quiz. */
export interface UnitParticipation {
  readonly unitKey: string;
  readonly code: string;
  readonly name: string;
  /** False for a unit code found only in the attempts, not in `Đơn vị`. */
  readonly known: boolean;
  readonly staff: number | undefined;
  /** Distinct participants (a person counts for the unit of their first attempt). */
  readonly participants: number;
  /** participants / Số CBCCVC, when the staff count is given and positive. */
  readonly rate: Exact | undefined;
  /** Mean of the counted scores over the unit's participant-periods. */
  readonly mean: Exact | undefined;
  /** Attempts that scored 0, whichever attempt counts (seed 002's collective rule). */
  readonly zeros: number;
  /** Distinct participants per period, in the order of `periods`. */
  readonly perPeriod: readonly number[];
}

interface Tally {
  participants: number;
  scoreSum: number;
  scored: number;
  zeros: number;
  perPeriod: number[];
}

/**
 * Per-unit participation figures, in the order of the `Đơn vị` sheet, then unit codes found only
 * in the attempts. `periods` fixes the order of the per-period counts. People on `Không dự thi`
 * count in none of them: not as participants, nor in the rate, the mean or the zeros.
 */
export function unitParticipation(setup: QuizSetup, periods: readonly PeriodInfo[], acc: QuizAccumulator): UnitParticipation[] {
  const tallies = new Map<string, Tally>();
  const codes = new Map<string, string>();
  const fresh = (): Tally => ({ participants: 0, scoreSum: 0, scored: 0, zeros: 0, perPeriod: periods.map(() => 0) });
  for (const key of setup.units.keys()) tallies.set(key, fresh());
  const met = acc.unitsMet;
  const byIndex: (Tally | undefined)[] = met.keys.map((key) => tallies.get(key));
  const position = periods.map((p) => p.index);
  // People who may not win (organisers, judges, the secretariat) are not participants of their unit either.
  const excluded = new Set<number>();
  for (const key of setup.excluded.keys()) {
    const i = acc.indexOf(key);
    if (i >= 0) excluded.add(i);
  }
  for (let i = 0; i < acc.participantCount; i++) {
    if (excluded.has(i)) continue;
    const u = acc.unitIndexOf(i);
    let t = byIndex[u];
    if (t === undefined) {
      // A unit code found only in the attempts: listed after the units of `Đơn vị`.
      t = byIndex[u] = fresh();
      tallies.set(met.keys[u]!, t);
      codes.set(met.keys[u]!, met.codes[u]!);
    }
    t.participants++;
    t.zeros += acc.zeroAttempts.get(i) ?? 0;
    for (let j = 0; j < position.length; j++) {
      const score = acc.scoreAt(i, position[j]!);
      if (score !== score) continue;
      t.perPeriod[j]!++;
      t.scored++;
      t.scoreSum += score;
    }
  }
  const out: UnitParticipation[] = [];
  for (const [key, t] of tallies) {
    const unit = setup.units.get(key);
    const staff = unit?.staff;
    out.push({
      unitKey: key,
      code: unit?.code ?? codes.get(key) ?? key,
      name: unit?.name ?? "",
      known: unit !== undefined,
      staff,
      participants: t.participants,
      rate: staff !== undefined && staff > 0 ? exact(BigInt(t.participants), BigInt(staff)) : undefined,
      mean: t.scored > 0 ? exact(BigInt(t.scoreSum), BigInt(t.scored) * BigInt(SCALE)) : undefined,
      zeros: t.zeros,
      perPeriod: t.perPeriod,
    });
  }
  return out;
}

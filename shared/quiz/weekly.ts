import type { Award } from "../prizes/allocate.js";
import { standings } from "../prizes/standings.js";
import { type Metric, type Ranked, precedence } from "../ranking/rank.js";
import type { Counted, ParticipantRecord, PeriodInfo, QuizAccumulator } from "./accumulate.js";
import type { QuizSetup } from "./setup.js";

/** One participant's counted attempt in one period, as a candidate for that period's prizes. */
export interface Candidate {
  /** The participant's index in the accumulator. */
  readonly index: number;
  readonly participant: ParticipantRecord;
  readonly counted: Counted;
  /** |prediction − true answer| in 1/10 000 units, when the answer is known and a prediction was made. */
  readonly distance: number | undefined;
}

/** The tie-break level that put a winner apart from a neighbour with the same score. */
export type TieLevel = "prediction" | "duration" | "submitted" | "none";

export interface WeeklyWinner {
  readonly candidate: Candidate;
  readonly rank: number;
  readonly tied: boolean;
  readonly award: Award;
  /** Set when a neighbour in the ranking had the same score: the level that separated them ("none": still tied). */
  readonly settledBy: TieLevel | undefined;
}

export interface PeriodOutcome {
  readonly period: PeriodInfo;
  /** The true prediction answer (1/10 000 units), when given. */
  readonly truth: number | undefined;
  /** Participants with a counted attempt in the period. */
  readonly participants: number;
  /** Of those, how many may not win: `Không dự thi`, or a winner of an earlier period under `Mỗi người một giải`. */
  readonly excluded: number;
  readonly earlierWinners: number;
  readonly winners: readonly WeeklyWinner[];
  readonly amount: bigint;
}

/** Numeric order of periods ("Tuần 2" before "Tuần 10"), then order of first appearance. */
export function periodOrder(periods: readonly PeriodInfo[]): PeriodInfo[] {
  const num = (p: PeriodInfo): number => {
    const m = /(\d+)\s*$/.exec(p.label);
    return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
  };
  return [...periods].sort((a, b) => num(a) - num(b) || a.index - b.index);
}

const LEVELS: readonly TieLevel[] = ["prediction", "duration", "submitted"];

function metricsFor(truth: number | undefined): { metrics: Metric<Draft>[]; names: (TieLevel | "score")[] } {
  const metrics: Metric<Draft>[] = [{ name: "score", order: "desc", value: (c) => c.counted.score }];
  const names: (TieLevel | "score")[] = ["score"];
  if (truth !== undefined) {
    metrics.push({ name: "prediction", order: "asc", value: (c) => c.distance });
    names.push("prediction");
  }
  metrics.push({ name: "duration", order: "asc", value: (c) => c.counted.ms });
  names.push("duration");
  metrics.push({ name: "submitted", order: "asc", value: (c) => c.counted.submitted });
  names.push("submitted");
  return { metrics, names };
}

/** Index of the first metric on which a and b differ, or metrics.length when they tie on all. */
function firstDifference(a: Draft, b: Draft, metrics: readonly Metric<Draft>[]): number {
  for (let i = 0; i < metrics.length; i++) if (metrics[i]!.value(a) !== metrics[i]!.value(b)) return i;
  return metrics.length;
}

/**
 * The candidates that can still reach a prize: the K best by the whole precedence (K = number of
 * prizes) and every candidate equal to the K-th on all metrics. Anyone else ranks after position K.
 * Built while scanning, so only a handful of candidates are ever kept and sorted.
 */
type Draft = Omit<Candidate, "participant">;

class Contenders {
  readonly items: Draft[] = [];
  /** Score of the K-th item once K are held: a lower score cannot enter. */
  private floorScore = -Infinity;

  constructor(
    private readonly k: number,
    private readonly cmp: (a: Draft, b: Draft) => number,
  ) {}

  /** False when a candidate with this score cannot enter (cheap test before building the candidate). */
  admits(score: number): boolean {
    return this.k > 0 && score >= this.floorScore;
  }

  offer(c: Draft): void {
    const items = this.items;
    if (items.length >= this.k && this.cmp(c, items[this.k - 1]!) > 0) return;
    let i = items.length;
    while (i > 0 && this.cmp(c, items[i - 1]!) < 0) i--;
    items.splice(i, 0, c);
    if (items.length > this.k) {
      const kth = items[this.k - 1]!;
      let keep = this.k;
      while (keep < items.length && this.cmp(items[keep]!, kth) === 0) keep++;
      items.length = keep;
    }
    if (items.length >= this.k) this.floorScore = items[this.k - 1]!.counted.score;
  }
}

/**
 * Ranks every period and hands out its prizes (ledger.md, "A quiz with periodic prizes"): score,
 * then prediction distance (when the answer is given), then time taken, then submission time; what
 * is still tied follows `Đồng hạng`. Under `Mỗi người một giải`, periods are settled in order and
 * a winner of an earlier period is not a candidate again (a `Chờ quyết định` mark is not a win).
 */
export function rankPeriods(setup: QuizSetup, acc: QuizAccumulator): PeriodOutcome[] {
  const k = setup.quizLevels.reduce((n, l) => n + l.count, 0);
  const size = acc.participantCount;
  const excludedIndex = new Set<number>();
  for (const key of setup.excluded.keys()) {
    const i = acc.indexOf(key);
    if (i >= 0) excludedIndex.add(i);
  }
  const won = new Set<number>();
  const records = new Map<number, ParticipantRecord>();
  const recordOf = (i: number): ParticipantRecord => {
    let r = records.get(i);
    if (r === undefined) records.set(i, (r = acc.participant(i)));
    return r;
  };
  const out: PeriodOutcome[] = [];
  for (const period of periodOrder(acc.heldPeriods)) {
    const truth = setup.truths.get(period.key)?.answer;
    let count = 0;
    let excluded = 0;
    let earlier = 0;
    const { metrics, names } = metricsFor(truth);
    const contenders = new Contenders(k, precedence<Draft>(metrics));
    for (let i = 0; i < size; i++) {
      const score = acc.scoreAt(i, period.index);
      if (score !== score) continue;
      count++;
      if (excludedIndex.has(i)) {
        excluded++;
        continue;
      }
      if (setup.onePrize && won.has(i)) {
        earlier++;
        continue;
      }
      if (!contenders.admits(score)) continue;
      const counted = acc.countedAt(i, period.index)!;
      const distance = truth === undefined || counted.prediction === undefined ? undefined : Math.abs(counted.prediction - truth);
      contenders.offer({ index: i, counted, distance });
    }
    const candidates: Candidate[] = contenders.items.map((d) => ({ ...d, participant: recordOf(d.index) }));
    const { ranked, groups, awards } = standings(candidates, metrics, setup.quizLevels, setup.ties);
    const winners: WeeklyWinner[] = [];
    let amount = 0n;
    groups.forEach((group, gi) => {
      const award = awards[gi] ?? { kind: "none" };
      if (award.kind === "none") return;
      for (const r of group) {
        winners.push({ candidate: r.item, rank: r.rank, tied: r.tied, award, settledBy: settledBy(ranked, r, metrics, names) });
        if (award.kind === "prize") {
          amount += award.prize.amount;
          won.add(r.item.index);
        }
      }
    });
    out.push({ period, truth, participants: count, excluded, earlierWinners: earlier, winners, amount });
  }
  return out;
}

function settledBy(ranked: readonly Ranked<Candidate>[], r: Ranked<Candidate>, metrics: readonly Metric<Draft>[], names: readonly (TieLevel | "score")[]): TieLevel | undefined {
  const i = ranked.indexOf(r);
  let deepest = 0;
  for (const j of [i - 1, i + 1]) {
    const other = ranked[j];
    if (other === undefined) continue;
    deepest = Math.max(deepest, firstDifference(r.item, other.item, metrics));
  }
  if (deepest === 0) return undefined;
  if (deepest >= metrics.length) return "none";
  const name = names[deepest];
  return name === "score" || name === undefined ? undefined : name;
}

export { LEVELS as TIE_LEVELS };

import { foldKey } from "../cells/text.js";
import type { Award, PrizeLevel } from "../prizes/allocate.js";
import { standings } from "../prizes/standings.js";
import { type Metric, rankBy } from "../ranking/rank.js";
import type { ContestResult } from "../scoring/contest-results.js";
import { type Exact, compare, exactZero } from "../cells/exact.js";
import type { TiePolicy } from "../ledger/schema.js";
import type { Unit } from "../ledger/model.js";
import type { UnitParticipation } from "./participation.js";

/** Why a unit cannot receive a collective prize. */
export type Ineligibility =
  | { readonly kind: "noVideo" }
  | { readonly kind: "videoOutsideTop"; readonly videoRank: number; readonly top: number }
  | { readonly kind: "zeroScores"; readonly zeros: number }
  | { readonly kind: "noParticipants" }
  | { readonly kind: "noStaff" };

export interface CollectiveRow {
  readonly unit: Unit;
  /** Rank of the unit's best video among units (standard competition ranking), when it has a ranked video. */
  readonly videoRank: number | undefined;
  readonly videoScore: Exact | undefined;
  readonly participation: UnitParticipation | undefined;
  readonly reasons: readonly Ineligibility[];
  /** Rank among eligible units. */
  readonly rank: number | undefined;
  readonly tied: boolean;
  /** A neighbour in the ranking had the same participation rate: the mean score put them apart. */
  readonly settledByMean: boolean;
  readonly award: Award;
}

export interface CollectiveResult {
  /** Eligible units in rank order, then the others in the order of `Đơn vị`. */
  readonly rows: readonly CollectiveRow[];
  readonly totalAmount: bigint;
  readonly levels: readonly PrizeLevel[];
  /** False when the judged contest has no category named as the video category. */
  readonly videoCategoryFound: boolean;
}

export interface CollectiveInput {
  readonly units: ReadonlyMap<string, Unit>;
  readonly contest: ContestResult;
  readonly videoCategory: string;
  readonly participation: readonly UnitParticipation[];
  /** N of "the top N units by video score". */
  readonly top: number;
  readonly levels: readonly PrizeLevel[];
  readonly ties: TiePolicy;
}

/**
 * Each unit's best ranked video score, and the units' standard competition rank by it (1, 2, 2, 4).
 * A unit whose rank is ≤ N is "among the top N": units tied at the N-th place are all in.
 */
export function videoRanks(contest: ContestResult, videoCategory: string): { found: boolean; ranks: Map<string, { rank: number; score: Exact }> } {
  const key = foldKey(videoCategory);
  const category = contest.categories.find((c) => foldKey(c.name) === key) ?? (contest.categories.length === 1 ? contest.categories[0] : undefined);
  const ranks = new Map<string, { rank: number; score: Exact }>();
  if (category === undefined) return { found: false, ranks };
  const best = new Map<string, Exact>();
  for (const r of category.entries) {
    if (r.rank === undefined || r.score === undefined) continue;
    const prev = best.get(r.entry.unitKey);
    if (prev === undefined || compare(r.score, prev) > 0) best.set(r.entry.unitKey, r.score);
  }
  const ranked = rankBy([...best.entries()], [{ name: "video", order: "desc", value: ([, s]) => s }]);
  for (const r of ranked) ranks.set(r.item[0], { rank: r.rank, score: r.item[1] });
  return { found: true, ranks };
}

/**
 * Collective prizes (ledger.md, "Collective prizes"): a unit is eligible when its best video ranks
 * among the top N units and none of its participants scored 0 in any period; it also needs quiz
 * participants and a staff count, or no participation rate exists. Eligible units are ranked by
 * participation rate, then mean quiz score (both higher first); remaining ties follow `Đồng hạng`.
 */
export function computeCollective(input: CollectiveInput): CollectiveResult {
  const { found, ranks } = videoRanks(input.contest, input.videoCategory);
  const byUnit = new Map(input.participation.map((p) => [p.unitKey, p]));
  const drafts = [...input.units.values()].map((unit) => {
    const video = ranks.get(unit.key);
    const participation = byUnit.get(unit.key);
    const reasons: Ineligibility[] = [];
    if (video === undefined) reasons.push({ kind: "noVideo" });
    else if (video.rank > input.top) reasons.push({ kind: "videoOutsideTop", videoRank: video.rank, top: input.top });
    if (participation === undefined || participation.participants === 0) reasons.push({ kind: "noParticipants" });
    else if (participation.zeros > 0) reasons.push({ kind: "zeroScores", zeros: participation.zeros });
    if (unit.staff === undefined || unit.staff === 0) reasons.push({ kind: "noStaff" });
    return { unit, video, participation, reasons };
  });
  type Draft = (typeof drafts)[number];
  const metrics: Metric<Draft>[] = [
    { name: "rate", order: "desc", value: (d) => d.participation?.rate ?? exactZero },
    { name: "mean", order: "desc", value: (d) => d.participation?.mean ?? exactZero },
  ];
  const { ranked, awards } = standings(
    drafts.filter((d) => d.reasons.length === 0),
    metrics,
    input.levels,
    input.ties,
  );
  const rows: CollectiveRow[] = [];
  let totalAmount = 0n;
  const sameRate = (i: number): boolean => {
    const rate = (j: number): Exact | undefined => ranked[j]?.item.participation?.rate;
    const here = rate(i)!;
    return [i - 1, i + 1].some((j) => {
      const other = rate(j);
      return other !== undefined && compare(other, here) === 0 && !ranked[j]!.tied;
    });
  };
  const row = (d: Draft, rank: number | undefined, tied: boolean, award: Award, settledByMean = false): CollectiveRow => ({
    unit: d.unit,
    videoRank: d.video?.rank,
    videoScore: d.video?.score,
    participation: d.participation,
    reasons: d.reasons,
    rank,
    tied,
    settledByMean,
    award,
  });
  ranked.forEach((r, i) => {
    const award = awards[r.group] ?? { kind: "none" };
    if (award.kind === "prize") totalAmount += award.prize.amount;
    rows.push(row(r.item, r.rank, r.tied, award, !r.tied && sameRate(i)));
  });
  for (const d of drafts) if (d.reasons.length > 0) rows.push(row(d, undefined, false, { kind: "none" }));
  return { rows, totalAmount, levels: input.levels, videoCategoryFound: found };
}

/** The reason in the words of the `Ghi chú` column. */
export function reasonText(r: Ineligibility): string {
  switch (r.kind) {
    case "noVideo":
      return "không có video được xếp hạng";
    case "videoOutsideTop":
      return `video xếp thứ ${r.videoRank} trong các đơn vị, ngoài nhóm ${r.top} đơn vị cao nhất`;
    case "zeroScores":
      return `có ${r.zeros} lượt thi trắc nghiệm đạt điểm 0`;
    case "noParticipants":
      return "không có người dự thi trắc nghiệm";
    case "noStaff":
      return "chưa có Số CBCCVC nên không tính được tỷ lệ tham gia";
  }
}

import { M, type Msg } from "../i18n/messages.js";
import type { ContestLedger, Entry, PrizeRow } from "../ledger/model.js";
import type { ProblemList } from "../ledger/problem.js";
import type { Award, PrizeLevel } from "../prizes/allocate.js";
import { standings } from "../prizes/standings.js";
import type { Metric } from "../ranking/rank.js";
import { formatDay, formatDecimalVi } from "../vn/format.js";
import { aggregationMethod, spread } from "./aggregate.js";
import { type Exact, compare, mean, roundHalfUp, toFixedText } from "../cells/exact.js";
import { type JudgeTotal, isConflict, judgeScoresCategory, judgeTotals } from "./judge-totals.js";

/** Short flags shown in `Ghi chú` of `Kết quả`. */
export const FLAG = {
  tied: "đồng hạng",
  missingScores: "thiếu điểm",
  late: "nộp muộn",
  early: "nộp trước thời hạn nhận bài",
  noDate: "chưa có ngày nhận",
  invalid: "không hợp lệ",
  withdrawn: "đã rút",
  statusUnreadable: "trạng thái không đọc được",
  unknownUnit: "đơn vị không có trong danh sách",
  tooFewJudges: "chưa đủ giám khảo",
  belowMin: "dưới điểm sàn",
  conflict: "có giám khảo cùng đơn vị (không tính)",
  pending: "chờ Hội đồng quyết định",
} as const;

export interface EntryResult {
  readonly entry: Entry;
  readonly judgeCount: number;
  /** Final score, rounded half-up to the configured decimals. */
  readonly score?: Exact;
  readonly spread?: Exact;
  readonly rank?: number;
  readonly tied: boolean;
  readonly award: Award;
  readonly eligible: boolean;
  /** Why the entry is not ranked, then other notes. */
  readonly flags: readonly string[];
}

export interface CategoryResult {
  readonly key: string;
  readonly name: string;
  /** Ranked entries in rank order, then ineligible ones in sheet order. */
  readonly entries: readonly EntryResult[];
  readonly levels: readonly PrizeLevel[];
}

export interface ContestResult {
  readonly categories: readonly CategoryResult[];
  readonly totalAmount: bigint;
  /** Every entry's valid judge totals, computed once for the ranking and reused (judges' progress). */
  readonly totals: ReadonlyMap<string, readonly JudgeTotal[]>;
}

export function awardAmount(a: Award): bigint {
  return a.kind === "prize" ? a.prize.amount : 0n;
}

function levelsFor(prizes: readonly PrizeRow[], categoryKey: string): PrizeLevel[] {
  const own = prizes.filter((p) => p.categoryKey === categoryKey);
  const rows = own.length > 0 ? own : prizes.filter((p) => p.categoryKey === undefined);
  return rows.map((p) => ({ name: p.name, count: p.count, amount: p.amount }));
}

/** Reasons an entry cannot be ranked that do not depend on its scores. */
function admissionFlags(ledger: ContestLedger, entry: Entry, sheet: string, problems: ProblemList): string[] {
  const flags: string[] = [];
  const s = ledger.settings;
  const warn = (column: string, msg: Msg): void => problems.warning(sheet, entry.row, ledger.entryColumns.get(column), msg);
  if (entry.status === undefined) flags.push(FLAG.statusUnreadable);
  else if (entry.status === "invalid") {
    flags.push(FLAG.invalid);
    warn("status", M.entryInvalid());
  } else if (entry.status === "withdrawn") {
    flags.push(FLAG.withdrawn);
    warn("status", M.entryWithdrawn());
  }
  if (entry.unitKey !== "" && !ledger.units.has(entry.unitKey)) flags.push(FLAG.unknownUnit);
  if (s.opens !== undefined || s.closes !== undefined) {
    if (entry.received === undefined) {
      flags.push(FLAG.noDate);
      if (!entry.receivedUnreadable) warn("received", M.noReceivedDate());
    } else if (s.closes !== undefined && entry.received > s.closes) {
      flags.push(FLAG.late);
      warn("received", M.late(formatDay(entry.received), formatDay(s.closes)));
    } else if (s.opens !== undefined && entry.received < s.opens) {
      flags.push(FLAG.early);
      warn("received", M.early(formatDay(entry.received), formatDay(s.opens)));
    }
  }
  return flags;
}

/** Scores, ranks and awards every entry, category by category, exactly as ledger.md states. */
export function computeContest(ledger: ContestLedger, problems: ProblemList): ContestResult {
  const totals = judgeTotals(ledger, problems);
  const categories = [...ledger.categories].map(([key, name]) => computeCategory(ledger, key, name, totals, problems));
  const totalAmount = categories.reduce((sum, c) => c.entries.reduce((n, r) => n + awardAmount(r.award), sum), 0n);
  return { categories, totalAmount, totals };
}

/** An entry of a category on its way to a result: its score, whether it may be ranked, its flags and tie-break values. */
interface Draft {
  readonly entry: Entry;
  readonly list: readonly JudgeTotal[];
  readonly score: Exact | undefined;
  readonly eligible: boolean;
  readonly flags: readonly string[];
  readonly notes: readonly string[];
  readonly tieValues: readonly (Exact | undefined)[];
}

/** One category: the aggregation the settings name over the entries it pools, then drafts, standings and results. */
function computeCategory(ledger: ContestLedger, categoryKey: string, categoryName: string, totals: ReadonlyMap<string, JudgeTotal[]>, problems: ProblemList): CategoryResult {
  const s = ledger.settings;
  const entriesSheet = ledger.sheetNames.get("Bài dự thi") ?? "Bài dự thi";
  const entries = [...ledger.entries.values()].filter((e) => e.categoryKey === categoryKey);
  const byEntry = new Map<string, JudgeTotal[]>(entries.map((e) => [e.key, totals.get(e.key) ?? []]));
  const admission = new Map(entries.map((e) => [e.key, admissionFlags(ledger, e, entriesSheet, problems)]));
  const method = aggregationMethod(s.aggregation);
  const pooled = method.pools === "admitted" ? new Map([...byEntry].filter(([key]) => admission.get(key)?.length === 0)) : byEntry;
  const raw = method.run(pooled);
  for (const judgeKey of method.unusedJudges?.(pooled) ?? []) {
    const judge = ledger.judges.get(judgeKey);
    if (judge) problems.warning(ledger.sheetNames.get("Giám khảo") ?? "Giám khảo", judge.row, ledger.judgeColumns.get("judge"), M.judgeWithoutSpread(judge.code, categoryName, method.label));
  }
  const drafts = entries.map((entry) => draftOf(ledger, entry, byEntry.get(entry.key) ?? [], admission.get(entry.key) ?? [], raw.get(entry.key), entriesSheet, problems));
  const metrics: Metric<Draft>[] = [
    { name: "score", order: "desc", value: (d) => d.score },
    ...s.tieBreak.map((key, i): Metric<Draft> => ({ name: key, order: "desc", value: (d) => d.tieValues[i] })),
  ];
  const levels = levelsFor(ledger.prizes, categoryKey);
  const { ranked, groups, awards } = standings(
    drafts.filter((d) => d.eligible),
    metrics,
    levels,
    s.ties,
  );
  if (levels.length === 0 && ranked.length > 0) {
    problems.warning(ledger.sheetNames.get("Cơ cấu giải") ?? "Cơ cấu giải", undefined, undefined, M.noPrizeRows(categoryName));
  }
  const results: EntryResult[] = [];
  groups.forEach((group, gi) => {
    const award = awards[gi] ?? { kind: "none" };
    if (award.kind === "pending") {
      const names = award.atStake.map((l) => l.name).concat(award.mayGetNothing ? ["không giải"] : []);
      problems.warning(entriesSheet, group[0]!.item.entry.row, ledger.entryColumns.get("entry"), M.councilDecides(group.map((r) => r.item.entry.code).join(", "), names.join(" / ")));
    }
    for (const r of group) {
      const flags = [...(r.tied ? [FLAG.tied] : []), ...(award.kind === "pending" ? [FLAG.pending] : []), ...r.item.notes];
      results.push(result(r.item, r.rank, r.tied, award, flags));
    }
  });
  for (const d of drafts) if (!d.eligible) results.push(result(d, undefined, false, { kind: "none" }, [...d.flags, ...d.notes]));
  return { key: categoryKey, name: categoryName, entries: results, levels };
}

/** One entry's draft: its rounded score, the conditions it fails (each reported), its notes and tie-break means. */
function draftOf(ledger: ContestLedger, entry: Entry, list: readonly JudgeTotal[], notAdmitted: readonly string[], unrounded: Exact | undefined, entriesSheet: string, problems: ProblemList): Draft {
  const s = ledger.settings;
  const flags = [...notAdmitted];
  const codeCol = ledger.entryColumns.get("entry");
  const score = unrounded === undefined ? undefined : roundHalfUp(unrounded, s.decimals);
  // Each failed condition is reported; scores are not expected of withdrawn or invalid entries.
  const scoreExpected = entry.status === "valid";
  if (list.length < s.minJudges && scoreExpected) {
    flags.push(FLAG.tooFewJudges);
    problems.warning(entriesSheet, entry.row, codeCol, M.tooFewJudges(list.length, s.minJudges));
  }
  if (score !== undefined && s.minScore !== undefined && compare(score, s.minScore) < 0 && scoreExpected) {
    flags.push(FLAG.belowMin);
    problems.warning(entriesSheet, entry.row, codeCol, M.belowMinScore(formatDecimalVi(toFixedText(score, s.decimals)), formatDecimalVi(toFixedText(s.minScore, s.decimals))));
  }
  const notes: string[] = [];
  if (entry.status === "valid" && hasMissingScores(ledger, entry, list)) notes.push(FLAG.missingScores);
  if (hasConflict(ledger, entry)) notes.push(FLAG.conflict);
  const tieValues = s.tieBreak.map((key) => {
    const xs = list.map((t) => t.byCriterion.get(key)).filter((x): x is Exact => x !== undefined);
    return xs.length > 0 ? mean(xs) : undefined;
  });
  return { entry, list, score, eligible: flags.length === 0 && score !== undefined, flags, notes, tieValues };
}

function result(d: { entry: Entry; list: readonly JudgeTotal[]; score: Exact | undefined; eligible: boolean }, rank: number | undefined, tied: boolean, award: Award, flags: string[]): EntryResult {
  const sp = spread(d.list.map((t) => t.total));
  return {
    entry: d.entry,
    judgeCount: d.list.length,
    tied,
    award,
    eligible: d.eligible,
    flags,
    ...(d.score !== undefined ? { score: d.score } : {}),
    ...(sp !== undefined ? { spread: sp } : {}),
    ...(rank !== undefined ? { rank } : {}),
  };
}

function hasMissingScores(ledger: ContestLedger, entry: Entry, list: readonly JudgeTotal[]): boolean {
  const scored = new Set(list.map((t) => t.judgeKey));
  for (const judge of ledger.judges.values()) {
    if (!judgeScoresCategory(judge, entry.categoryKey) || isConflict(judge, entry)) continue;
    if (!scored.has(judge.key)) return true;
  }
  return false;
}

function hasConflict(ledger: ContestLedger, entry: Entry): boolean {
  for (const judge of ledger.judges.values()) if (isConflict(judge, entry)) return true;
  return false;
}

import { type Cell, cellAddress, isBlank } from "../cells/cell.js";
import { readYesNo } from "../cells/number.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { EM, M } from "../i18n/messages.js";
import type { ProblemList } from "../ledger/problem.js";
import { ENTRY_TYPE_VALUES } from "../ledger/schema.js";
import { standings } from "../prizes/standings.js";
import { type Exact, compare, sub, toPlainText } from "../cells/exact.js";
import { formatDay, formatDecimalVi } from "../vn/format.js";
import { type AwardCriterion, type Candidate, type Comparison, type EmulationLedger, type Quota, quotaKey } from "./model.js";
import { readMeasure } from "./read-emulation.js";
import { CANDIDATES_SHEET, DOSSIER_ITEMS, QUOTAS_SHEET } from "./schema.js";
import { seatsOf } from "./quota-limit.js";

/** One failed criterion, or one group of alternatives none of which was met, in words. */
export interface Failure {
  /** Criterion code, or the codes of a group joined by " / ". */
  readonly codes: string;
  readonly text: string;
  /** What the candidate has, as typed ("85,5", "Không", "(trống)"). */
  readonly value: string;
  /** What the criterion asks for ("từ 90 trở lên", "Có"). */
  readonly requirement: string;
}

export type Outcome =
  /** Within the quota. */
  | "awarded"
  /** Tied on `Điểm` across the quota's edge: the council decides. */
  | "pending"
  /** Eligible, but ranked below the quota. */
  | "outsideQuota"
  /** Fails one or more criteria. */
  | "notEligible"
  /** Meets the criteria, but the dossier is incomplete or late. */
  | "incomplete"
  /** Cannot be considered: no type, or no quota for its level and type. */
  | "notConsidered";

export interface CandidateResult {
  readonly candidate: Candidate;
  readonly quota?: Quota;
  readonly failures: readonly Failure[];
  readonly dossierMissing: readonly string[];
  /** Submitted after the quota's `Hạn nộp`. */
  readonly late: boolean;
  /** A deadline applies but `Ngày nộp hồ sơ` is empty or unreadable. */
  readonly noDate: boolean;
  readonly outcome: Outcome;
  /** Rank by `Điểm` among the eligible candidates of its quota. */
  readonly rank?: number;
  readonly tied: boolean;
  /** Places left in the quota when this candidate's tie group crosses its edge. */
  readonly seatsAtStake?: number;
  /** Why it could not be considered (outcome `notConsidered`). */
  readonly reason?: string;
}

export interface QuotaResult {
  readonly quota: Quota;
  /** How many may be awarded; undefined when there is no limit. */
  readonly seats: number | undefined;
  /** How `seats` was counted: "3", "15% × 23 (Lao động tiên tiến) = 3,45 → 3 (làm tròn xuống)", "Không giới hạn". */
  readonly seatsText: string;
  readonly eligible: number;
  /** Awarded then pending, in rank order. */
  readonly listed: readonly CandidateResult[];
}

export interface EmulationResult {
  /** One per candidate, in sheet order. */
  readonly candidates: readonly CandidateResult[];
  /** One per quota row, in sheet order. */
  readonly quotas: readonly QuotaResult[];
  readonly awardedCount: number;
  readonly pendingCount: number;
  /** Sum of `Mức thưởng` of the awarded candidates. */
  readonly totalAmount: bigint;
}

const OP_WORDS: Record<Comparison, (x: string) => string> = {
  ge: (x) => `từ ${x} trở lên`,
  le: (x) => `không quá ${x}`,
  eq: (x) => `bằng ${x}`,
};

export const decimalText = (x: Exact): string => formatDecimalVi(toPlainText(x));

export function requirementText(c: AwardCriterion): string {
  return c.test.kind === "yesno" ? "Có" : OP_WORDS[c.test.op](decimalText(c.test.threshold));
}

function meets(op: Comparison, value: Exact, threshold: Exact): boolean {
  const c = compare(value, threshold);
  return op === "ge" ? c >= 0 : op === "le" ? c <= 0 : c === 0;
}

interface Check {
  readonly criterion: AwardCriterion;
  readonly passed: boolean;
  readonly value: string;
}

/**
 * The rank a candidate's unit gained since last year on criterion `code`: last year's value in
 * `Thứ hạng năm trước` minus this year's (rank 9 → 3 is a gain of 6); undefined when either is missing.
 */
export function rankGain(ledger: EmulationLedger, candidate: Candidate, code: string): { value: Exact; text: string } | undefined {
  const last = ledger.lastRanks.get(candidate.unitKey)?.get(codeKey(code));
  const col = ledger.criterionColumns.get(codeKey(code));
  const now = col === undefined ? undefined : readMeasure(candidate.cells[col]);
  if (last === undefined || now === undefined) return undefined;
  const value = sub(last, now);
  return { value, text: `${decimalText(value)} (${code}: năm trước ${decimalText(last)}, năm nay ${decimalText(now)})` };
}

/** Evaluates one criterion on one candidate; an unreadable value is reported and fails. */
function check(ledger: EmulationLedger, candidate: Candidate, c: AwardCriterion, sheet: string, problems: ProblemList): Check {
  const col = ledger.criterionColumns.get(c.codeKey);
  const cell: Cell | undefined = col === undefined ? undefined : candidate.cells[col];
  if (isBlank(cell)) {
    const { test } = c;
    const gain = c.gainOf === undefined ? undefined : rankGain(ledger, candidate, c.gainOf);
    if (gain !== undefined && test.kind === "compare") return { criterion: c, passed: meets(test.op, gain.value, test.threshold), value: gain.text };
    return { criterion: c, passed: false, value: "(trống)" };
  }
  const raw = cleanText(cell);
  if (c.test.kind === "yesno") {
    const v = readYesNo(cell ?? null, foldKey);
    if (v === undefined) problems.error(sheet, candidate.row, col, M.notYesNo(raw));
    return { criterion: c, passed: v === true, value: v === undefined ? raw : v ? "Có" : "Không" };
  }
  const v = readMeasure(cell);
  if (v === undefined) {
    problems.error(sheet, candidate.row, col, M.notANumber(raw));
    return { criterion: c, passed: false, value: raw };
  }
  return { criterion: c, passed: meets(c.test.op, v, c.test.threshold), value: decimalText(v) };
}

/** Ungrouped criteria must each be met; of a group, one suffices. */
export function criteriaFailures(ledger: EmulationLedger, candidate: Candidate, sheet: string, problems: ProblemList): Failure[] {
  const failures: Failure[] = [];
  const applicable = ledger.criteria.filter((c) => c.type === candidate.type);
  const groups = new Map<string, Check[]>();
  const order: (Check | string)[] = [];
  for (const c of applicable) {
    const result = check(ledger, candidate, c, sheet, problems);
    if (c.groupKey === undefined) order.push(result);
    else {
      const g = groups.get(c.groupKey);
      if (g) g.push(result);
      else {
        groups.set(c.groupKey, [result]);
        order.push(c.groupKey);
      }
    }
  }
  for (const item of order) {
    if (typeof item !== "string") {
      if (!item.passed) failures.push({ codes: item.criterion.code, text: item.criterion.content, value: item.value, requirement: requirementText(item.criterion) });
      continue;
    }
    const checks = groups.get(item)!;
    if (checks.some((x) => x.passed)) continue;
    if (checks.length === 1) {
      const only = checks[0]!;
      failures.push({ codes: only.criterion.code, text: only.criterion.content, value: only.value, requirement: requirementText(only.criterion) });
      continue;
    }
    failures.push({
      codes: checks.map((x) => x.criterion.code).join(" / "),
      text: `Không đạt tiêu chí nào trong nhóm “${checks[0]!.criterion.group}” (chỉ cần một): ${checks.map((x) => x.criterion.content).join(" hoặc ")}`,
      value: checks.map((x) => `${x.criterion.code}: ${x.value}`).join("; "),
      requirement: checks.map((x) => `${x.criterion.code} ${requirementText(x.criterion)}`).join(" hoặc "),
    });
  }
  return failures;
}

/** Where the review's problems are reported: the candidates' sheet and its columns. */
interface ReviewSheet {
  readonly sheet: string;
  readonly at: (key: string) => number | undefined;
}

/** Scores every candidate against its criteria, dossier, deadline and quota (ledger.md, "An emulation review"). */
export function computeEmulation(ledger: EmulationLedger, problems: ProblemList): EmulationResult {
  const sheet = ledger.sheetNames.get(CANDIDATES_SHEET.name) ?? CANDIDATES_SHEET.name;
  const where: ReviewSheet = { sheet, at: (key) => ledger.candidateColumns.get(key) };
  const quotaOf = new Map(ledger.quotas.map((q) => [quotaKey(q.levelKey, q.type), q]));
  const repeated = repeatedProposals(ledger.candidates, quotaOf, where, problems);
  const drafts = ledger.candidates.map((candidate) => candidateDraft(ledger, candidate, quotaOf, repeated, where, problems));
  const byCandidate = new Map<string, CandidateResult>(drafts.map((d) => [d.candidate.key, d]));
  const filled = new Map<Quota, QuotaResult>();
  /** Quotas being filled: one met again through its base is a loop. */
  const filling = new Set<Quota>();
  const fill = (quota: Quota): QuotaResult => {
    const done = filled.get(quota);
    if (done !== undefined) return done;
    filling.add(quota);
    const { seats, text } = seatsOf(quota.limit, quotaBase(ledger, quota, quotaOf, filling, fill, problems));
    const result = fillQuota(quota, seats, text, drafts, byCandidate, where, problems);
    filled.set(quota, result);
    filling.delete(quota);
    return result;
  };
  const quotas = ledger.quotas.map(fill);
  const candidates = ledger.candidates.map((c) => byCandidate.get(c.key)!);
  return {
    candidates,
    quotas,
    awardedCount: candidates.filter((c) => c.outcome === "awarded").length,
    pendingCount: candidates.filter((c) => c.outcome === "pending").length,
    totalAmount: quotas.reduce((sum, q) => sum + BigInt(q.listed.filter((d) => d.outcome === "awarded").length) * (q.quota.amount ?? 0n), 0n),
  };
}

/** The figure a share is taken of: the staff or units of `Đơn vị`, or those awarded the base award (filled first); undefined (reported) when it cannot be had. */
function quotaBase(
  ledger: EmulationLedger,
  quota: Quota,
  quotaOf: ReadonlyMap<string, Quota>,
  filling: ReadonlySet<Quota>,
  fill: (q: Quota) => QuotaResult,
  problems: ProblemList,
): number | undefined {
  const base = quota.limit.share?.base;
  const sheet = ledger.sheetNames.get(QUOTAS_SHEET.name) ?? QUOTAS_SHEET.name;
  if (base === undefined) return undefined;
  const at = ledger.quotaColumns.get("base");
  if (base.kind === "units") {
    if (ledger.units.size === 0) problems.error(sheet, quota.row, at, EM.noUnits(quota.level));
    return ledger.units.size === 0 ? undefined : ledger.units.size;
  }
  if (base.kind === "staff") {
    if (ledger.staff === undefined) problems.error(sheet, quota.row, at, EM.noStaff(quota.level));
    else if (ledger.staffMissing.length > 0) problems.warning(sheet, quota.row, at, EM.staffPartial(quota.level, ledger.staffMissing.join(", ")));
    return ledger.staff;
  }
  const target = quotaOf.get(quotaKey(base.levelKey, base.type));
  if (target === undefined) return undefined;
  if (filling.has(target)) {
    problems.error(sheet, quota.row, at, EM.baseCycle(quota.level));
    return undefined;
  }
  const result = fill(target);
  const awarded = result.listed.filter((d) => d.outcome === "awarded").length;
  const pending = result.listed.length - awarded;
  if (pending > 0) problems.warning(sheet, quota.row, at, EM.basePending(quota.level, target.level, pending));
  return awarded;
}

/** Who a candidate is across rows: `Mã định danh` when given, else type, name and unit. */
function identityOf(c: Candidate): string {
  return c.identity !== "" ? `id|${codeKey(c.identity)}` : `name|${c.type ?? ""}|${foldKey(c.name)}|${c.unitKey}`;
}

/**
 * Rows proposing a candidate a second time for the same award (not considered: candidate key →
 * reason), and candidates proposed for two award forms at this level (a warning: the council picks).
 */
function repeatedProposals(candidates: readonly Candidate[], quotaOf: ReadonlyMap<string, Quota>, { sheet, at }: ReviewSheet, problems: ProblemList): Map<string, string> {
  const repeated = new Map<string, string>();
  const seen = new Map<string, Candidate[]>();
  const place = (c: Candidate, key: string): string => cellAddress(sheet, c.row, at(key) ?? 0);
  for (const c of candidates) {
    if (c.type === undefined || c.name === "") continue;
    const who = `${c.name} (${c.code})`;
    const earlier = seen.get(identityOf(c)) ?? [];
    const same = earlier.find((e) => e.levelKey === c.levelKey);
    if (same !== undefined) {
      problems.error(sheet, c.row, at("level"), EM.sameAwardTwice(who, c.level, place(same, "candidate")));
      repeated.set(c.key, `Đã đề nghị ${c.level} ở ${place(same, "candidate")}`);
      continue;
    }
    const form = quotaOf.get(quotaKey(c.levelKey, c.type))?.kind === "form";
    const otherForm = form ? earlier.find((e) => quotaOf.get(quotaKey(e.levelKey, e.type))?.kind === "form") : undefined;
    if (otherForm !== undefined) problems.warning(sheet, c.row, at("level"), EM.twoForms(who, otherForm.level, place(otherForm, "candidate")));
    seen.set(identityOf(c), [...earlier, c]);
  }
  return repeated;
}

/** One candidate before the quotas: considered or not, its failed criteria, missing dossier items, lateness. */
function candidateDraft(
  ledger: EmulationLedger,
  candidate: Candidate,
  quotaOf: ReadonlyMap<string, Quota>,
  repeated: ReadonlyMap<string, string>,
  { sheet, at }: ReviewSheet,
  problems: ProblemList,
): CandidateResult {
  const base = { candidate, failures: [] as Failure[], dossierMissing: [] as string[], late: false, noDate: false, tied: false };
  if (candidate.type === undefined) return { ...base, outcome: "notConsidered", reason: "Chưa ghi Loại (Tập thể / Cá nhân)" };
  const again = repeated.get(candidate.key);
  if (again !== undefined) return { ...base, outcome: "notConsidered", reason: again };
  const quota = quotaOf.get(quotaKey(candidate.levelKey, candidate.type));
  if (quota === undefined) {
    if (candidate.level !== "") problems.error(sheet, candidate.row, at("level"), EM.noQuota(candidate.level, ENTRY_TYPE_VALUES[candidate.type]));
    return { ...base, outcome: "notConsidered", reason: `Chưa có chỉ tiêu cho “${candidate.level}” – ${ENTRY_TYPE_VALUES[candidate.type]}` };
  }
  const failures = criteriaFailures(ledger, candidate, sheet, problems);
  const dossierMissing = DOSSIER_ITEMS.filter((i) => !candidate.dossier[i.key]).map((i) => i.vi);
  if (dossierMissing.length > 0) problems.warning(sheet, candidate.row, at(DOSSIER_ITEMS.find((i) => !candidate.dossier[i.key])!.key), EM.dossierMissing(dossierMissing.join(", ")));
  let late = false;
  let noDate = false;
  if (quota.deadline !== undefined) {
    if (candidate.submitted === undefined) {
      noDate = true;
      if (!candidate.submittedUnreadable) problems.warning(sheet, candidate.row, at("submitted"), EM.dossierNoDate(formatDay(quota.deadline)));
    } else if (candidate.submitted > quota.deadline) {
      late = true;
      problems.warning(sheet, candidate.row, at("submitted"), EM.dossierLate(formatDay(candidate.submitted), formatDay(quota.deadline)));
    }
  }
  const outcome: Outcome = failures.length > 0 ? "notEligible" : dossierMissing.length > 0 || late || noDate ? "incomplete" : "outsideQuota";
  return { ...base, quota, failures, dossierMissing, late, noDate, outcome };
}

/** One quota: its eligible candidates ranked by `Điểm`, the seats handed out, ties at the edge left to the council. */
function fillQuota(
  quota: Quota,
  seats: number | undefined,
  seatsText: string,
  drafts: readonly CandidateResult[],
  byCandidate: Map<string, CandidateResult>,
  { sheet, at }: ReviewSheet,
  problems: ProblemList,
): QuotaResult {
  const eligible = drafts.filter((d) => d.quota === quota && d.outcome === "outsideQuota");
  const count = seats ?? eligible.length;
  // A quota is one prize level whose ties at the edge are always the council's.
  const { groups, awards } = standings(eligible, [{ name: "Điểm", order: "desc", value: (d) => d.candidate.score }], [{ name: quota.level, count, amount: quota.amount ?? 0n }], "council");
  if (count > 0 && eligible.length > count) {
    for (const d of eligible) {
      if (d.candidate.score === undefined) problems.warning(sheet, d.candidate.row, at("score"), EM.noScoreToRank(quota.level, ENTRY_TYPE_VALUES[quota.type]));
    }
  }
  const listed: CandidateResult[] = [];
  groups.forEach((group, gi) => {
    const award = awards[gi] ?? { kind: "none" };
    // A competition rank (1, 2, 2, 4): the group's rank is its first place in the quota.
    const seatsAtStake = award.kind === "pending" ? count - group[0]!.rank + 1 : undefined;
    if (seatsAtStake !== undefined) {
      problems.warning(
        sheet,
        group[0]!.item.candidate.row,
        at("candidate"),
        EM.councilDecides(group.map((r) => r.item.candidate.code).join(", "), quota.level, ENTRY_TYPE_VALUES[quota.type], seatsAtStake),
      );
    }
    for (const r of group) {
      const outcome: Outcome = award.kind === "pending" ? "pending" : award.kind === "prize" ? "awarded" : "outsideQuota";
      const d: CandidateResult = { ...r.item, outcome, rank: r.rank, tied: r.tied, ...(seatsAtStake !== undefined ? { seatsAtStake } : {}) };
      byCandidate.set(r.item.candidate.key, d);
      if (outcome !== "outsideQuota") listed.push(d);
    }
  });
  return { quota, seats, seatsText, eligible: eligible.length, listed };
}

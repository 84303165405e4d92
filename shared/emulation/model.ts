import type { Cell } from "../cells/cell.js";
import type { DayNumber } from "../cells/date.js";
import type { EntryType } from "../ledger/schema.js";
import type { Exact } from "../cells/exact.js";
import type { ThousandWord } from "../vn/words.js";
import type { DossierKey } from "./schema.js";

export type CandidateType = EntryType;

/** `≥`, `≤`, `=` of `Kiểu` (also typed `>=`, `<=`). */
export type Comparison = "ge" | "le" | "eq";

export type CriterionTest = { readonly kind: "yesno" } | { readonly kind: "compare"; readonly op: Comparison; readonly threshold: Exact };

/** A criterion is identified by (type, code): the template reuses codes across types. */
export interface AwardCriterion {
  readonly type: CandidateType;
  readonly code: string;
  /** `codeKey` of the code: how the candidates sheet's column is found. */
  readonly codeKey: string;
  readonly content: string;
  readonly test: CriterionTest;
  /** `Tăng bậc từ tiêu chí`: this criterion is the gain in rank of that one (its code) since last year, when its own cell is blank. */
  readonly gainOf?: string;
  /** Folded `Nhóm`; criteria of one type sharing a group are alternatives. */
  readonly groupKey?: string;
  readonly group?: string;
  readonly row: number;
}

/** What a share of a quota is taken of (`Cơ sở tính tỷ lệ`). */
export type QuotaBase =
  /** Those awarded another award of this review ("Lao động tiên tiến" for "Chiến sĩ thi đua cơ sở"). */
  | { readonly kind: "award"; readonly levelKey: string; readonly type: CandidateType; readonly name: string }
  /** The staff of every unit in `Đơn vị` (`Số CBCCVC`). */
  | { readonly kind: "staff" }
  /** The units listed in `Đơn vị`. */
  | { readonly kind: "units" };

/**
 * How many may be awarded: a fixed count and/or a share of a base (rounded down), or no limit
 * ("theo đề nghị của Phòng Nội vụ"). With both, the smaller figure holds.
 */
export interface QuotaLimit {
  readonly count?: number;
  /** The share as a fraction (15% is 15/100). */
  readonly share?: { readonly fraction: Exact; readonly base: QuotaBase; readonly baseText: string };
}

/** Danh hiệu thi đua (a title: Lao động tiên tiến…) or hình thức khen thưởng (a form: Giấy khen, Bằng khen…). */
export type AwardKind = "title" | "form";

export interface Quota {
  readonly level: string;
  /** Folded `Cấp khen`. */
  readonly levelKey: string;
  readonly type: CandidateType;
  readonly limit: QuotaLimit;
  /** `Loại khen`, or read from the words of `Cấp khen`; undefined when neither says. */
  readonly kind?: AwardKind;
  /** `Căn cứ`: the legal basis of the figure, as typed. */
  readonly basis?: string;
  readonly deadline?: DayNumber;
  readonly amount?: bigint;
  /** `Thẩm quyền khen`: who confers it ("Chủ tịch UBND huyện Phú Riềng"); when absent, read from `Cấp khen`. */
  readonly authority?: string;
  readonly row: number;
}

export interface Candidate {
  readonly key: string;
  readonly code: string;
  /** `Mã định danh` (a person's staff number or ID card, a unit's code): one identity across levels and forms. */
  readonly identity: string;
  /** undefined when `Loại` is blank or unreadable (reported). */
  readonly type?: CandidateType;
  readonly name: string;
  readonly unitKey: string;
  readonly unitCode: string;
  readonly level: string;
  readonly levelKey: string;
  /** Each dossier item: true when marked present; blank counts as missing. */
  readonly dossier: Readonly<Record<DossierKey, boolean>>;
  readonly submitted?: DayNumber;
  readonly submittedUnreadable: boolean;
  readonly score?: Exact;
  readonly note: string;
  readonly cells: readonly Cell[];
  readonly row: number;
}

export interface EmulationSettings {
  readonly name: string;
  readonly organizer: string;
  readonly year: string;
  readonly thousandWord: ThousandWord;
  /** `Mã đơn vị`: the organiser's code in the higher level's `Đơn vị`, under which its proposals are imported there. */
  readonly unitCode: string;
}

export interface EmulationLedger {
  readonly settings: EmulationSettings;
  /** Unit key → name; empty when the ledger has no `Đơn vị` sheet. */
  readonly units: ReadonlyMap<string, string>;
  /** `Thứ hạng năm trước`: unit key → criterion code key → last year's value (a rank). */
  readonly lastRanks: ReadonlyMap<string, ReadonlyMap<string, Exact>>;
  /** Sum of `Số CBCCVC` of `Đơn vị`, undefined when no unit gives it. */
  readonly staff?: number;
  /** Codes of the units of `Đơn vị` without `Số CBCCVC` (a share of the staff leaves them out). */
  readonly staffMissing: readonly string[];
  readonly criteria: readonly AwardCriterion[];
  readonly quotas: readonly Quota[];
  readonly candidates: readonly Candidate[];
  /** Column key → 0-based column of the candidates sheet. */
  readonly candidateColumns: ReadonlyMap<string, number>;
  /** Column key → 0-based column of the quotas sheet. */
  readonly quotaColumns: ReadonlyMap<string, number>;
  /** Criterion code key → 0-based column of the candidates sheet. */
  readonly criterionColumns: ReadonlyMap<string, number>;
  /** Actual sheet names, keyed by the contract's names. */
  readonly sheetNames: ReadonlyMap<string, string>;
}

/** A quota is one award (`Cấp khen`, folded) for one type: how quotas, candidates and bases find each other (a candidate without a type finds none). */
export function quotaKey(levelKey: string, type: CandidateType | undefined): string {
  return `${levelKey}|${type}`;
}

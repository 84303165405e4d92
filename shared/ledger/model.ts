import type { Cell } from "../cells/cell.js";
import type { DayNumber } from "../cells/date.js";
import type { Exact } from "../cells/exact.js";
import type { ThousandWord } from "../vn/words.js";
import type { Aggregation, EntryStatus, EntryType, TiePolicy } from "./schema.js";

/** Codes are compared by `codeKey`; categories by `foldKey` ("" is the single default category). */
export interface ContestSettings {
  readonly name: string;
  readonly organizer: string;
  readonly year: string;
  readonly opens?: DayNumber;
  readonly closes?: DayNumber;
  readonly aggregation: Aggregation;
  readonly decimals: number;
  readonly minScore?: Exact;
  readonly minJudges: number;
  /** Criterion keys, in the order they break ties. */
  readonly tieBreak: readonly string[];
  readonly ties: TiePolicy;
  readonly thousandWord: ThousandWord;
  /** Emails of the secretariat: besides the owner, the only editors of a shared ledger's sheets (Google Sheets). */
  readonly secretariat: readonly string[];
}

export interface Unit {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly group: string;
  readonly mandatory: boolean;
  readonly quota: number;
  readonly staff?: number;
  readonly email: string;
  readonly row: number;
}

export interface Entry {
  readonly key: string;
  readonly code: string;
  readonly title: string;
  readonly category: string;
  readonly categoryKey: string;
  readonly unitKey: string;
  readonly unitCode: string;
  readonly authors: string;
  readonly type?: EntryType;
  readonly received?: DayNumber;
  /** True when `Ngày nhận` holds something that is not a date. */
  readonly receivedUnreadable: boolean;
  readonly field: string;
  /** undefined when the status cell could not be read. */
  readonly status: EntryStatus | undefined;
  readonly note: string;
  readonly row: number;
}

export interface Judge {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly unitKey: string;
  readonly email: string;
  /** Category keys this judge scores; undefined means every category. */
  readonly categories?: ReadonlySet<string>;
  readonly row: number;
}

export interface Criterion {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly max: Exact;
  readonly weight: Exact;
  /** undefined: applies to every category. */
  readonly categoryKey?: string;
  readonly row: number;
}

export interface ScoreRow {
  readonly row: number;
  readonly entryKey: string;
  readonly judgeKey: string;
  readonly entryCode: string;
  readonly judgeCode: string;
  readonly cells: readonly Cell[];
}

export interface PrizeRow {
  /** undefined: applies to every category that has no rows of its own. */
  readonly categoryKey?: string;
  readonly category: string;
  readonly name: string;
  readonly count: number;
  readonly amount: bigint;
  readonly row: number;
}

export interface ContestLedger {
  readonly settings: ContestSettings;
  readonly units: ReadonlyMap<string, Unit>;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly judges: ReadonlyMap<string, Judge>;
  readonly criteria: ReadonlyMap<string, Criterion>;
  readonly scores: readonly ScoreRow[];
  /** Criterion key → 0-based column index in `Điểm`. */
  readonly scoreColumns: ReadonlyMap<string, number>;
  /** Column key → 0-based column index in `Bài dự thi`, to point at the cell a warning is about. */
  readonly entryColumns: ReadonlyMap<string, number>;
  /** Column index of each `Giám khảo` header key, for problems that point at a judge's cell. */
  readonly judgeColumns: ReadonlyMap<string, number>;
  /** 0-based columns of `Mã bài` and `Mã GK` in `Điểm`. */
  readonly scoreKeyColumns: { readonly entry: number; readonly judge: number };
  readonly prizes: readonly PrizeRow[];
  /** Display name of each category key, in order of first appearance among entries. */
  readonly categories: ReadonlyMap<string, string>;
  /** The actual sheet names found, keyed by the contract's names. */
  readonly sheetNames: ReadonlyMap<string, string>;
}

import { type Instant, dayOfInstant } from "../cells/date.js";
import { formatDay } from "../vn/format.js";
import { type Cell, isBlank } from "../cells/cell.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { M, type Msg, QM } from "../i18n/messages.js";
import type { ProblemList } from "../ledger/problem.js";
import { headerKeys } from "../ledger/table.js";
import { fastCode, periodDisplay, periodKey, periodLabel, readDurationMs, readScaled, readSubmitted, unscale } from "./fields.js";
import { ATTEMPTS_SHEET, type AttemptPolicy, MAX_LISTED_ROW_PROBLEMS } from "./schema.js";
import { F_MS, F_PREDICTION, F_SCORE, F_SUBMITTED, ParticipantStore, STRIDE, packKey } from "./store.js";
import { FALLBACK, plainCode, plainDuration, plainInstant, plainInt, plainScaled } from "./byte-fields.js";
import { decodeUtf8 } from "../cells/utf8.js";

/** The attempt that counts for one participant in one period: only these are kept, never every row. */
export interface Counted {
  /** Score in 1/10 000 points. */
  readonly score: number;
  /** Prediction in 1/10 000 units. */
  readonly prediction: number | undefined;
  /** Time taken in milliseconds. */
  readonly ms: number | undefined;
  /** Submission instant. */
  readonly submitted: number | undefined;
}

export interface ParticipantRecord {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  /** The unit of the participant's first attempt. */
  readonly unitKey: string;
  readonly unitCode: string;
  /** Indexed by period index (order of first appearance). */
  readonly periods: (Counted | undefined)[];
}

export interface PeriodInfo {
  readonly key: string;
  readonly label: string;
  readonly index: number;
}

/** Where a problem of an attempts source is shown: a sheet cell, a file line. */
export interface Place {
  readonly sheet: string;
  readonly row?: number;
  readonly col?: number;
}
/** Maps a 1-based line (row) number and a 0-based column to a place. */
export type Locator = (line: number, col: number | undefined) => Place;

export interface AccumulatorSetup {
  readonly policy: AttemptPolicy;
  /** The highest score an attempt may have, in 1/10 000 units (`Điểm tối đa bài thi`); Infinity when the ledger sets none. */
  readonly maxScore: number;
  /** True prediction answer per period key, in 1/10 000 units. */
  readonly truths: ReadonlyMap<string, number>;
  /** Unit keys of the `Đơn vị` sheet. */
  readonly unitKeys: ReadonlySet<string>;
  /** `Tuần thi`: each week's label and its instants [from, until); none when weeks are not defined by dates. */
  readonly weeks?: readonly { readonly label: string; readonly from: Instant; readonly until: Instant }[];
}

const NONE = Number.NaN;
/** Lines of a CSV counted together (see AttemptSource.batchLine): their table slots fit in cache. */
const BATCH = 4096;
/** Ints kept per batched line: participant code start and end, unit, period, name start and end, line number. */
const B_PS = 0;
const B_PE = 1;
const B_UNIT = 2;
const B_PERIOD = 3;
const B_NS = 4;
const B_NE = 5;
const B_LINE = 6;
const B_INTS = 7;
const orInf = (x: number): number => (x === x ? x : Infinity);
const orMinusInf = (x: number): number => (x === x ? x : -Infinity);

/**
 * Whether a new attempt (at[a + F_SCORE …]; NaN for what is not given) replaces the one held at
 * slot[o …] under the policy. Best: the one that ranks highest (score, prediction distance, time,
 * submission), earlier reading first on a full tie; first / last: by submission time, then reading order.
 */
function replaces(policy: AttemptPolicy, slot: Float64Array, o: number, at: Float64Array, a: number, truth: number | undefined): boolean {
  const submitted = at[a + F_SUBMITTED]!;
  if (policy === "best") {
    const score = at[a + F_SCORE]!;
    const prediction = at[a + F_PREDICTION]!;
    const ms = at[a + F_MS]!;
    const held = slot[o + F_SCORE]!;
    if (score !== held) return score > held;
    if (truth !== undefined) {
      const da = prediction === prediction ? Math.abs(prediction - truth) : Infinity;
      const hp = slot[o + F_PREDICTION]!;
      const db = hp === hp ? Math.abs(hp - truth) : Infinity;
      if (da !== db) return da < db;
    }
    const ma = orInf(ms);
    const mb = orInf(slot[o + F_MS]!);
    if (ma !== mb) return ma < mb;
    return orInf(submitted) < orInf(slot[o + F_SUBMITTED]!);
  }
  if (policy === "first") return orInf(submitted) < orInf(slot[o + F_SUBMITTED]!);
  return orMinusInf(submitted) >= orMinusInf(slot[o + F_SUBMITTED]!);
}

interface ColumnMap {
  readonly participant: number;
  readonly name: number;
  readonly unit: number;
  readonly period: number;
  readonly score: number;
  readonly duration: number;
  readonly submitted: number;
  readonly prediction: number;
}

const HEADER_OF: Record<keyof ColumnMap, string> = Object.fromEntries(ATTEMPTS_SHEET.columns.map((c) => [c.key, c.vi])) as Record<keyof ColumnMap, string>;

/**
 * Reads attempts row by row from any number of sources (the `Trắc nghiệm` sheet, CSV or .xlsx
 * exports) and keeps, per participant and period, only the attempt that counts under the policy.
 * Memory grows with participant-periods, not with attempts.
 */
export class QuizAccumulator {
  private readonly store = new ParticipantStore();
  /** Per unit index of the store: the unit is in `Đơn vị`. */
  private readonly unitKnown: boolean[] = [];
  readonly periods: PeriodInfo[] = [];
  /** Attempts read and counted (whether or not they became the counted one). */
  attempts = 0;
  /** See AccumulatorSetup.maxScore: read once per line on the fast path. */
  readonly maxScore: number;
  /** Rows refused because of an error. */
  rejected = 0;
  private readonly periodByKey = new Map<string, PeriodInfo>();
  private readonly periodHeld: boolean[] = [];
  /**
   * Attempts that scored 0, by participant index, whichever attempt counts: seed 002's collective
   * rule (“không có cá nhân nào đạt điểm 0”) is read as any attempt of any week.
   */
  readonly zeroAttempts = new Map<number, number>();
  private readonly periodCache = new Map<string, PeriodInfo>();
  private readonly unknownUnits = new Map<string, { code: string; count: number; place: Place }>();
  private readonly unitWarned = new Set<number>();
  private readonly truthByIndex: (number | undefined)[] = [];
  private readonly periodByNumber: (PeriodInfo | undefined)[] = [];
  /** What `touch` read; kept so that the reads are not optimised away. */
  touched = 0;
  /** Period indices of the weeks of `Tuần thi`, in date order, with their instants [from, until). */
  private readonly weekIndex: number[] = [];
  private readonly weekFrom: number[] = [];
  private readonly weekUntil: number[] = [];
  /** Per period index: it is a week of `Tuần thi`. */
  private readonly isWeek: boolean[] = [];
  /** Attempts outside every week, by their period label; and attempts whose date moved them to another week, by "label → week". */
  private readonly outside = new Map<string, { label: string; count: number; place: Place }>();
  private readonly movedByDate = new Map<string, { label: string; week: string; count: number; place: Place }>();
  private readonly weeksSpan: string;

  constructor(
    private readonly setup: AccumulatorSetup,
    readonly problems: ProblemList,
  ) {
    this.maxScore = setup.maxScore;
    for (const w of setup.weeks ?? []) {
      const info = this.declarePeriod(w.label)!;
      this.weekIndex.push(info.index);
      this.weekFrom.push(w.from);
      this.weekUntil.push(w.until);
      this.isWeek[info.index] = true;
    }
    const weeks = setup.weeks ?? [];
    this.weeksSpan = weeks.length === 0 ? "" : `từ ${formatDay(dayOfInstant(weeks[0]!.from))} đến ${formatDay(dayOfInstant(weeks[weeks.length - 1]!.until - 1))}`;
  }

  /**
   * @internal The period index an attempt counts in, or −1 when it is outside every week: with
   * `Tuần thi`, its `Thời điểm nộp` decides (its `Tuần` when it has none); without, its `Tuần`.
   */
  weekOf(period: number, submitted: number, source: AttemptSource, line: number): number {
    if (this.weekIndex.length === 0) return period;
    if (submitted !== submitted) return this.isWeek[period] === true ? period : this.outsideWeeks(period, source, line, "period");
    for (let w = 0; w < this.weekIndex.length; w++) {
      if (submitted < this.weekFrom[w]! || submitted >= this.weekUntil[w]!) continue;
      const week = this.weekIndex[w]!;
      if (week !== period) this.moved(period, week, source, line);
      return week;
    }
    return this.outsideWeeks(period, source, line, "submitted");
  }

  private outsideWeeks(period: number, source: AttemptSource, line: number, column: "period" | "submitted"): number {
    const label = this.periods[period]!.label;
    const found = this.outside.get(label);
    if (found === undefined) this.outside.set(label, { label, count: 1, place: source.place(line, column) });
    else found.count++;
    return -1;
  }

  private moved(period: number, week: number, source: AttemptSource, line: number): void {
    const key = `${period}|${week}`;
    const found = this.movedByDate.get(key);
    if (found === undefined) this.movedByDate.set(key, { label: this.periods[period]!.label, week: this.periods[week]!.label, count: 1, place: source.place(line, "submitted") });
    else found.count++;
  }

  /** Distinct participants read so far. */
  get participantCount(): number {
    return this.store.size;
  }

  /** Score (1/10 000) that counts for participant `i` in period index `p`; NaN when none. */
  scoreAt(i: number, p: number): number {
    const a = this.store.periods[p];
    return a === undefined ? Number.NaN : a[i * STRIDE + F_SCORE]!;
  }

  /** The attempt that counts for participant `i` in period index `p`. */
  countedAt(i: number, p: number): Counted | undefined {
    const a = this.store.periods[p];
    const o = i * STRIDE;
    if (a === undefined || a[o + F_SCORE]! !== a[o + F_SCORE]!) return undefined;
    const given = (x: number): number | undefined => (x === x ? x : undefined);
    return { score: a[o + F_SCORE]!, prediction: given(a[o + F_PREDICTION]!), ms: given(a[o + F_MS]!), submitted: given(a[o + F_SUBMITTED]!) };
  }

  /** Participant `i` as a record, with every period's counted attempt (built on demand: winners only). */
  participant(i: number): ParticipantRecord {
    const st = this.store;
    const u = st.unitOf(i);
    const periods = this.periods.map((p) => this.countedAt(i, p.index));
    const code = st.codeOf(i);
    return { key: codeKey(code), code, name: cleanText(st.nameOf(i)), unitKey: st.unitKeys[u]!, unitCode: st.unitCodes[u]!, periods };
  }

  /** Index of the participant with this key (as `fastCode` gives it), or −1. */
  indexOf(key: string): number {
    return this.store.find(key);
  }

  /** Unit index (of the units met in the attempts) of participant `i`. */
  unitIndexOf(i: number): number {
    return this.store.unitOf(i);
  }

  /** Units met in the attempts, by index: their key and code as first written. */
  get unitsMet(): { readonly keys: readonly string[]; readonly codes: readonly string[] } {
    return { keys: this.store.unitKeys, codes: this.store.unitCodes };
  }

  /**
   * Periods that hold an attempt or were declared before any (`Đáp án dự đoán`): a period named only
   * by rejected rows (a “Tuần 7” whose one row has a bad score) has no week, no prizes, no budget.
   */
  get heldPeriods(): PeriodInfo[] {
    return this.periods.filter((p) => this.periodHeld[p.index] === true);
  }

  /** A period known before any attempt (from `Đáp án dự đoán`): it keeps its place and is held. */
  declarePeriod(cell: Cell): PeriodInfo | undefined {
    const info = this.period(cell);
    if (info !== undefined) this.periodHeld[info.index] = true;
    return info;
  }

  /** Registers a period on first sight, so it keeps its place in reading order. */
  period(cell: Cell): PeriodInfo | undefined {
    const label = periodLabel(cell);
    if (label === "") return undefined;
    const key = periodKey(label);
    let info = this.periodByKey.get(key);
    if (info === undefined) {
      info = { key, label, index: this.periods.length };
      this.periods.push(info);
      this.periodByKey.set(key, info);
      this.truthByIndex.push(this.setup.truths.get(key));
    }
    return info;
  }

  private periodOf(cell: Cell | undefined): PeriodInfo | undefined {
    const raw = typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : undefined;
    if (raw !== undefined) {
      const hit = this.periodCache.get(raw);
      if (hit !== undefined) return hit;
    }
    const info = this.period(cell ?? null);
    if (raw !== undefined && info !== undefined && this.periodCache.size < 10_000) this.periodCache.set(raw, info);
    return info;
  }

  /** True when the header names at least one attempt column (a sheet of notes or instructions names none). */
  looksLikeAttempts(header: readonly Cell[]): boolean {
    const keys = new Set(ATTEMPTS_SHEET.columns.flatMap(headerKeys));
    return header.some((cell) => keys.has(foldKey(cleanText(cell))));
  }

  /**
   * Starts a source from its header row. Returns undefined (with an error at the header) when a
   * required column is missing: nothing of that source can be read.
   */
  source(header: readonly Cell[], locate: Locator): AttemptSource | undefined {
    const byFolded = new Map<string, string>();
    for (const def of ATTEMPTS_SHEET.columns) for (const k of headerKeys(def)) if (!byFolded.has(k)) byFolded.set(k, def.key);
    const found = new Map<string, number>();
    header.forEach((cell, index) => {
      const key = byFolded.get(foldKey(cleanText(cell)));
      if (key === undefined) return;
      if (!found.has(key)) found.set(key, index);
      else {
        const p = locate(1, index);
        this.problems.warning(p.sheet, p.row, p.col, M.duplicateColumn(HEADER_OF[key as keyof ColumnMap], `cột ${found.get(key)! + 1}`));
      }
    });
    let complete = true;
    for (const def of ATTEMPTS_SHEET.columns) {
      if (def.required && !found.has(def.key)) {
        const p = locate(1, undefined);
        this.problems.error(p.sheet, p.row, p.col, M.missingColumn(def.vi));
        complete = false;
      }
    }
    if (!complete) return undefined;
    const at = (k: keyof ColumnMap): number => found.get(k) ?? -1;
    const columns: ColumnMap = {
      participant: at("participant"),
      name: at("name"),
      unit: at("unit"),
      period: at("period"),
      score: at("score"),
      duration: at("duration"),
      submitted: at("submitted"),
      prediction: at("prediction"),
    };
    return new AttemptSource(this, columns, locate);
  }

  /**
   * Records one attempt of participant `index` in period index `period`, its numbers laid out as a
   * record at at[a …] (see F_SCORE). Numbers travel in typed arrays because submission instants
   * exceed 2^31, and V8 would box each such number passed to a call that does not inline.
   */
  private record(index: number, period: number, at: Float64Array, a: number): void {
    this.attempts++;
    this.periodHeld[period] = true;
    if (at[a + F_SCORE] === 0) this.zeroAttempts.set(index, (this.zeroAttempts.get(index) ?? 0) + 1);
    const slot = this.store.period(period);
    const o = index * STRIDE;
    const held = slot[o + F_SCORE]!;
    if (held !== held || replaces(this.setup.policy, slot, o, at, a, this.truthByIndex[period])) {
      slot[o + F_SCORE] = at[a + F_SCORE]!;
      slot[o + F_PREDICTION] = at[a + F_PREDICTION]!;
      slot[o + F_MS] = at[a + F_MS]!;
      slot[o + F_SUBMITTED] = at[a + F_SUBMITTED]!;
    }
  }

  /**
   * @internal Records a batch of attempts in reading order: participant indices[k], period
   * periods[k] and numbers at at[k * STRIDE …]. Their records are read first, all together, so their
   * cache misses overlap instead of coming one after another.
   */
  recordBatch(indices: Int32Array, periods: Int32Array, at: Float64Array, n: number): void {
    const arrays = this.store.periods;
    for (let p = 0; p < this.periods.length; p++) this.store.period(p);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += arrays[periods[k]!]![indices[k]! * STRIDE]!;
    this.touched = sum;
    for (let k = 0; k < n; k++) this.record(indices[k]!, periods[k]!, at, k * STRIDE);
  }

  /** The index of a unit of the store, registering it (and whether `Đơn vị` lists it) when new. */
  private unitIndex(unitKey: string, unitCode: string): number {
    const u = this.store.unit(unitKey, unitCode);
    if (u === this.unitKnown.length) this.unitKnown.push(this.setup.unitKeys.has(unitKey));
    return u;
  }

  /** Checks a row's unit `u` against the participant's at `slot` (the one just found); counts attempts of units not in `Đơn vị`. */
  private unitRow(slot: number, u: number, source: AttemptSource, line: number): void {
    const own = this.store.unitAt(slot);
    if (u !== own) {
      const index = this.store.indexAt(slot);
      if (!this.unitWarned.has(index)) {
        this.unitWarned.add(index);
        source.report("warning", source.place(line, "unit"), QM.participantUnitChanged(this.store.codeOf(index), this.store.unitCodes[own]!, this.store.unitCodes[u]!));
      }
      return;
    }
    if (!this.unitKnown[u]) {
      const key = this.store.unitKeys[u]!;
      const found = this.unknownUnits.get(key);
      if (found === undefined) this.unknownUnits.set(key, { code: this.store.unitCodes[u]!, count: 1, place: source.place(line, "unit") });
      else found.count++;
    }
  }

  /** @internal An attempt whose cells were read as cells, its numbers at at[a …]; returns the participant's slot (see ParticipantStore.slotOf). */
  countKey(key: string, code: string, unitKey: string, unitCode: string, period: number, at: Float64Array, a: number, source: AttemptSource, line: number): number {
    const u = this.unitIndex(unitKey, unitCode);
    let slot = this.store.slotOf(key);
    if (slot < 0) slot = this.store.add(code, key, u);
    this.unitRow(slot, u, source, line);
    this.record(this.store.indexAt(slot), period, at, a);
    return slot;
  }

  /** @internal The index of the unit whose code is the ASCII bytes line[s, e), registered when new. */
  unitOfBytes(line: Uint8Array, s: number, e: number): number {
    const u = this.store.findUnitBytes(line, s, e);
    if (u >= 0) return u;
    const unitCode = decodeUtf8(line, s, e);
    return this.unitIndex(unitCode.toUpperCase(), unitCode);
  }

  /** @internal Brings the table slots of the packed participant codes keys[0, n) into cache. */
  touch(keys: Float64Array, n: number): void {
    this.touched = this.store.touch(keys, n);
  }

  /**
   * @internal An attempt read straight from a line of UTF-8 bytes, its numbers at at[a …]: the
   * participant's code is line[ps, pe), printable ASCII, which packs to `packed` (or −1 when it does
   * not), and `u` is its unit. Returns the participant's slot, for `recordBatch` to record the
   * attempt. Nothing is decoded for a participant seen before.
   */
  participantOfBytes(packed: number, line: Uint8Array, ps: number, pe: number, u: number, source: AttemptSource, lineNumber: number): number {
    let slot = packed < 0 ? this.store.slotOfBytes(line, ps, pe) : this.store.slotOfPacked(packed);
    if (slot < 0) slot = this.store.addBytes(line, ps, pe, u);
    this.unitRow(slot, u, source, lineNumber);
    return slot;
  }

  /** @internal The index of the participant at `slot`. */
  indexAt(slot: number): number {
    return this.store.indexAt(slot);
  }

  /** @internal Whether the participant at `slot` has no name yet: the first row that gives one names them. */
  nameless(slot: number): boolean {
    return !this.store.namedAt(slot);
  }

  /** @internal Names the participant at `slot`, unless the name is blank. */
  setName(slot: number, name: string): void {
    this.store.setName(slot, name);
  }

  /** @internal Names the participant at `slot` the UTF-8 bytes line[s, e), unless they are blank. */
  setNameBytes(slot: number, line: Uint8Array, s: number, e: number): void {
    this.store.setNameBytes(slot, line, s, e);
  }

  /** @internal The period of a plain number written without leading zeros (the fast path of text rows). */
  periodOfNumber(n: number): PeriodInfo | undefined {
    const hit = this.periodByNumber[n];
    if (hit !== undefined) return hit;
    const info = this.period(String(n));
    if (info !== undefined && n < 1000) this.periodByNumber[n] = info;
    return info;
  }

  /** Adds the warnings that summarise the whole reading (unknown unit codes). Call once, after every source. */
  finish(): void {
    for (const u of this.unknownUnits.values()) this.problems.warning(u.place.sheet, u.place.row, u.place.col, QM.unknownUnitAttempts(u.code, u.count));
    for (const o of this.outside.values()) this.problems.warning(o.place.sheet, o.place.row, o.place.col, QM.outsideWeeks(o.count, periodDisplay(o.label), this.weeksSpan));
    for (const m of this.movedByDate.values()) this.problems.warning(m.place.sheet, m.place.row, m.place.col, QM.weekByDate(m.count, periodDisplay(m.label), periodDisplay(m.week)));
  }

  /** @internal */
  periodFor(cell: Cell | undefined): PeriodInfo | undefined {
    return this.periodOf(cell);
  }
}

/** One source of attempts: feed it rows in order, then close it. */
export class AttemptSource {
  private listed = 0;
  private unlisted = 0;
  private lastLine = 1;

  /** The rightmost column read: a line with fewer fields is read by `add`. */
  private readonly widest: number;
  /**
   * Lines read by `addBytes` but not counted yet, all from `batchLine`: their participant codes
   * packed, then per line its ints (see B_*) and numbers (as a record). Counting a batch first
   * touches every participant's table slot, so their cache misses overlap.
   */
  private batchLine: Uint8Array | undefined;
  private readonly batchKeys = new Float64Array(BATCH);
  private readonly batchInts = new Int32Array(BATCH * B_INTS);
  private readonly batchNumbers = new Float64Array(BATCH * STRIDE);
  /** Per batched line once its participant is found: their index, and the period's. */
  private readonly batchIndex = new Int32Array(BATCH);
  private readonly batchPeriod = new Int32Array(BATCH);
  private batchCount = 0;
  /** The numbers of a row read by `add`, as a record. */
  private readonly cellNumbers = new Float64Array(STRIDE);

  constructor(
    private readonly acc: QuizAccumulator,
    private readonly cols: ColumnMap,
    private readonly locate: Locator,
  ) {
    this.widest = Math.max(cols.participant, cols.unit, cols.period, cols.score, cols.duration, cols.submitted, cols.prediction, cols.name);
  }

  /** @internal */
  report(severity: "error" | "warning", place: Place, msg: Msg): void {
    if (this.listed >= MAX_LISTED_ROW_PROBLEMS) {
      this.unlisted++;
      return;
    }
    this.listed++;
    if (severity === "error") this.acc.problems.error(place.sheet, place.row, place.col, msg);
    else this.acc.problems.warning(place.sheet, place.row, place.col, msg);
  }

  /** @internal Where a problem about column `key` of `line` is shown. */
  place(line: number, key: keyof ColumnMap): Place {
    const col = this.cols[key];
    return this.locate(line, col < 0 ? undefined : col);
  }

  private reject(line: number, col: number, msg: Msg): void {
    this.report("error", this.locate(line, col), QM.rowNotCounted(msg));
  }

  /** Reports a line that could not even be split into cells (a quote never closed). */
  rejectLine(line: number, msg: Msg): void {
    this.acc.rejected++;
    this.report("error", this.locate(line, undefined), msg);
  }

  /** One attempt row; `line` is its 1-based line (CSV) or row (sheet) number. Blank rows are skipped. */
  add(cells: readonly Cell[], line: number): void {
    if (this.batchCount > 0) this.countBatch();
    this.lastLine = line;
    const c = this.cols;
    const pCell = cells[c.participant];
    const uCell = cells[c.unit];
    const participant = fastCode(pCell);
    const unit = fastCode(uCell);
    const period = this.acc.periodFor(cells[c.period]);
    const sCell = cells[c.score];
    const score = readScaled(sCell);
    if (participant === "" || unit === "" || period === undefined || score === undefined || score < 0) {
      if (cells.every((x) => isBlank(x))) return;
      this.acc.rejected++;
      if (participant === "") this.reject(line, c.participant, M.missingValue(HEADER_OF.participant));
      else if (unit === "") this.reject(line, c.unit, M.missingValue(HEADER_OF.unit));
      else if (period === undefined) this.reject(line, c.period, M.missingValue(HEADER_OF.period));
      else if (isBlank(sCell)) this.reject(line, c.score, M.missingValue(HEADER_OF.score));
      else if (score === undefined) this.reject(line, c.score, QM.tooManyDecimals(cleanText(sCell), HEADER_OF.score));
      else this.reject(line, c.score, QM.negativeScore(cleanText(sCell)));
      return;
    }
    if (score > this.acc.maxScore) {
      this.acc.rejected++;
      this.reject(line, c.score, QM.scoreAboveMax(cleanText(sCell), unscale(this.acc.maxScore)));
      return;
    }
    const dCell = c.duration < 0 ? undefined : cells[c.duration];
    const ms = isBlank(dCell) ? undefined : readDurationMs(dCell);
    if (ms === undefined && !isBlank(dCell)) {
      this.acc.rejected++;
      this.reject(line, c.duration, QM.badDuration(cleanText(dCell)));
      return;
    }
    const tCell = c.submitted < 0 ? undefined : cells[c.submitted];
    const submitted = isBlank(tCell) ? undefined : readSubmitted(tCell);
    if (submitted === undefined && !isBlank(tCell)) {
      this.acc.rejected++;
      this.reject(line, c.submitted, QM.badSubmitted(cleanText(tCell)));
      return;
    }
    const gCell = c.prediction < 0 ? undefined : cells[c.prediction];
    const prediction = isBlank(gCell) ? undefined : readScaled(gCell);
    if (prediction === undefined && !isBlank(gCell)) {
      this.acc.rejected++;
      this.reject(line, c.prediction, QM.tooManyDecimals(cleanText(gCell), HEADER_OF.prediction));
      return;
    }
    const at = this.cellNumbers;
    at[F_SCORE] = score;
    at[F_PREDICTION] = prediction ?? NONE;
    at[F_MS] = ms ?? NONE;
    at[F_SUBMITTED] = submitted ?? NONE;
    const week = this.acc.weekOf(period.index, at[F_SUBMITTED], this, line);
    if (week < 0) return;
    const slot = this.acc.countKey(participant, cleanText(pCell), unit, cleanText(uCell), week, at, 0, this, line);
    if (c.name >= 0 && this.acc.nameless(slot)) {
      this.acc.setName(slot, cleanText(cells[c.name]));
    }
  }

  private readonly bounds = new Int32Array(128);

  /**
   * One attempt given as the UTF-8 bytes of a CSV line without quotes (line[start, end), fields
   * separated by the byte `sep`). Plain shapes are read straight from the bytes; any other row is
   * decoded, split and read by `add`, so the result is the same as splitting the decoded line.
   */
  addBytes(line: Uint8Array, start: number, end: number, sep: number, lineNumber: number): void {
    const b = this.bounds;
    let n = 0;
    b[0] = start;
    for (let i = start; i < end; i++) {
      if (line[i] !== sep) continue;
      b[2 * n + 1] = i;
      n++;
      if (n === 63) return this.addDecoded(line, start, end, sep, lineNumber);
      b[2 * n] = i + 1;
    }
    b[2 * n + 1] = end;
    n++;
    const c = this.cols;
    if (this.widest >= n) return this.addDecoded(line, start, end, sep, lineNumber);
    const ps = b[2 * c.participant]!;
    const pe = b[2 * c.participant + 1]!;
    const us = b[2 * c.unit]!;
    const ue = b[2 * c.unit + 1]!;
    if (!plainCode(line, ps, pe) || !plainCode(line, us, ue)) return this.addDecoded(line, start, end, sep, lineNumber);
    const week = plainInt(line, b[2 * c.period]!, b[2 * c.period + 1]!);
    const score = plainScaled(line, b[2 * c.score]!, b[2 * c.score + 1]!);
    // A score above the maximum takes the general path, which reports it at its cell.
    if (week === FALLBACK || score === FALLBACK || score > this.acc.maxScore) return this.addDecoded(line, start, end, sep, lineNumber);
    if (line !== this.batchLine) {
      if (this.batchCount > 0) this.countBatch();
      this.batchLine = line;
    }
    // The numbers go straight to the next batch record; a line that falls back leaves it unclaimed.
    const k = this.batchCount;
    const at = this.batchNumbers;
    const o = k * STRIDE;
    at[o + F_SCORE] = score;
    at[o + F_MS] = NONE;
    if (c.duration >= 0 && b[2 * c.duration]! < b[2 * c.duration + 1]!) {
      const ms = plainDuration(line, b[2 * c.duration]!, b[2 * c.duration + 1]!);
      if (ms === FALLBACK) return this.addDecoded(line, start, end, sep, lineNumber);
      at[o + F_MS] = ms;
    }
    at[o + F_SUBMITTED] = NONE;
    if (c.submitted >= 0 && b[2 * c.submitted]! < b[2 * c.submitted + 1]! && !plainInstant(line, b[2 * c.submitted]!, b[2 * c.submitted + 1]!, at, o + F_SUBMITTED)) {
      return this.addDecoded(line, start, end, sep, lineNumber);
    }
    at[o + F_PREDICTION] = NONE;
    if (c.prediction >= 0 && b[2 * c.prediction]! < b[2 * c.prediction + 1]!) {
      const prediction = plainScaled(line, b[2 * c.prediction]!, b[2 * c.prediction + 1]!);
      if (prediction === FALLBACK) return this.addDecoded(line, start, end, sep, lineNumber);
      at[o + F_PREDICTION] = prediction;
    }
    const period = this.acc.periodOfNumber(week);
    if (period === undefined) return this.addDecoded(line, start, end, sep, lineNumber);
    const counted = this.acc.weekOf(period.index, at[o + F_SUBMITTED]!, this, lineNumber);
    if (counted < 0) return;
    this.lastLine = lineNumber;
    this.batchKeys[k] = packKey(line, ps, pe);
    const ints = this.batchInts;
    const i = k * B_INTS;
    ints[i + B_PS] = ps;
    ints[i + B_PE] = pe;
    ints[i + B_UNIT] = this.acc.unitOfBytes(line, us, ue);
    ints[i + B_PERIOD] = counted;
    ints[i + B_NS] = c.name >= 0 ? b[2 * c.name]! : 0;
    ints[i + B_NE] = c.name >= 0 ? b[2 * c.name + 1]! : -1;
    ints[i + B_LINE] = lineNumber;
    if (++this.batchCount === BATCH) this.countBatch();
  }

  /** Counts the batched lines, in reading order. */
  private countBatch(): void {
    const n = this.batchCount;
    const line = this.batchLine!;
    this.batchCount = 0;
    this.acc.touch(this.batchKeys, n);
    const ints = this.batchInts;
    for (let k = 0; k < n; k++) {
      const i = k * B_INTS;
      const slot = this.acc.participantOfBytes(this.batchKeys[k]!, line, ints[i + B_PS]!, ints[i + B_PE]!, ints[i + B_UNIT]!, this, ints[i + B_LINE]!);
      const ne = ints[i + B_NE]!;
      if (ne >= 0 && this.acc.nameless(slot)) this.acc.setNameBytes(slot, line, ints[i + B_NS]!, ne);
      this.batchIndex[k] = this.acc.indexAt(slot);
      this.batchPeriod[k] = ints[i + B_PERIOD]!;
    }
    this.acc.recordBatch(this.batchIndex, this.batchPeriod, this.batchNumbers, n);
  }

  private addDecoded(line: Uint8Array, start: number, end: number, sep: number, lineNumber: number): void {
    this.add(decodeUtf8(line, start, end).split(String.fromCharCode(sep)), lineNumber);
  }

  /** Ends the source: problems beyond the listed ones are counted in one line. */
  close(): void {
    if (this.batchCount > 0) this.countBatch();
    if (this.unlisted > 0) {
      const p = this.locate(this.lastLine, undefined);
      this.acc.problems.error(p.sheet, p.row, p.col, QM.moreRowProblems(this.unlisted));
    }
  }
}

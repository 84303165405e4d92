import { type Cell, isBlank } from "../cells/cell.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import { M, type Msg, QM } from "../i18n/messages.js";
import type { ProblemList } from "../ledger/problem.js";
import { headerKeys } from "../ledger/table.js";
import { fastCode, readDurationMs, readScaled, readSubmitted, periodLabel } from "./fields.js";
import { ATTEMPTS_SHEET, type AttemptPolicy, MAX_LISTED_ROW_PROBLEMS } from "./schema.js";
import { F_MS, F_PREDICTION, F_SCORE, F_SUBMITTED, ParticipantStore, STRIDE } from "./store.js";
import { FALLBACK, plainCode, plainDuration, plainInstant, plainInt, plainScaled } from "./text-fields.js";

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
  /** True prediction answer per period key, in 1/10 000 units. */
  readonly truths: ReadonlyMap<string, number>;
  /** Unit keys of the `Đơn vị` sheet. */
  readonly unitKeys: ReadonlySet<string>;
}

const NONE = Number.NaN;
const orInf = (x: number): number => (x === x ? x : Infinity);
const orMinusInf = (x: number): number => (x === x ? x : -Infinity);

/**
 * Whether a new attempt (at[F_SCORE …]; NaN for what is not given) replaces the one held at
 * slot[o …] under the policy. Best: the one that ranks highest (score, prediction distance, time,
 * submission), earlier reading first on a full tie; first / last: by submission time, then reading order.
 */
function replaces(policy: AttemptPolicy, slot: Float64Array, o: number, at: Float64Array, truth: number | undefined): boolean {
  const submitted = at[F_SUBMITTED]!;
  if (policy === "best") {
    const score = at[F_SCORE]!;
    const prediction = at[F_PREDICTION]!;
    const ms = at[F_MS]!;
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
  /** Rows refused because of an error. */
  rejected = 0;
  private readonly periodByKey = new Map<string, PeriodInfo>();
  private readonly periodCache = new Map<string, PeriodInfo>();
  private readonly unknownUnits = new Map<string, { code: string; count: number; place: Place }>();
  private readonly unitWarned = new Set<number>();
  private readonly truthByIndex: (number | undefined)[] = [];
  private readonly periodByNumber: (PeriodInfo | undefined)[] = [];
  /**
   * @internal The attempt that countKey / countText record, laid out as a record (F_SCORE …). A
   * typed array because submission instants exceed 2^31, and V8 would box each such number on
   * every call that does not inline.
   */
  readonly attempt = new Float64Array(STRIDE);

  constructor(
    private readonly setup: AccumulatorSetup,
    readonly problems: ProblemList,
  ) {}

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
    return this.store.find(key, 0, key.length);
  }

  /** Unit index (of the units met in the attempts) of participant `i`. */
  unitIndexOf(i: number): number {
    return this.store.unitOf(i);
  }

  /** Units met in the attempts, by index: their key and code as first written. */
  get unitsMet(): { readonly keys: readonly string[]; readonly codes: readonly string[] } {
    return { keys: this.store.unitKeys, codes: this.store.unitCodes };
  }

  /** Registers a period known before any attempt (from `Đáp án dự đoán`), so it keeps its place. */
  period(cell: Cell): PeriodInfo | undefined {
    const label = periodLabel(cell);
    if (label === "") return undefined;
    const key = foldKey(label);
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

  /** Records one attempt of participant `index` (see countKey / countText). */
  private record(index: number, period: PeriodInfo): void {
    this.attempts++;
    const slot = this.store.period(period.index);
    const o = index * STRIDE;
    const held = slot[o + F_SCORE]!;
    const at = this.attempt;
    if (held !== held || replaces(this.setup.policy, slot, o, at, this.truthByIndex[period.index])) {
      slot.set(at, o);
    }
  }

  /** The index of a unit of the store, registering it (and whether `Đơn vị` lists it) when new. */
  private unitIndex(unitKey: string, unitCode: string): number {
    const u = this.store.unit(unitKey, unitCode);
    if (u === this.unitKnown.length) this.unitKnown.push(this.setup.unitKeys.has(unitKey));
    return u;
  }

  /** Checks a row's unit `u` against participant `index`'s (the one just found); counts attempts of units not in `Đơn vị`. */
  private unitRow(index: number, u: number, source: AttemptSource, line: number): void {
    const own = this.store.unitOf(index);
    if (u !== own) {
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

  /** @internal An attempt whose cells were read as cells, its numbers in `attempt`; returns the participant's index. */
  countKey(key: string, code: string, unitKey: string, unitCode: string, period: PeriodInfo, source: AttemptSource, line: number): number {
    const u = this.unitIndex(unitKey, unitCode);
    let index = this.store.find(key, 0, key.length);
    if (index < 0) index = this.store.add(code, 0, code.length, u, key);
    this.unitRow(index, u, source, line);
    this.record(index, period);
    return index;
  }

  /**
   * @internal An attempt read straight from a line of text, its numbers in `attempt`: the
   * participant's code is text[ps, pe) and the unit's text[us, ue), both printable ASCII. Nothing
   * is copied for a participant or unit seen before.
   */
  countText(text: string, ps: number, pe: number, us: number, ue: number, period: PeriodInfo, source: AttemptSource, line: number): number {
    let u = this.store.findUnitText(text, us, ue);
    if (u < 0) {
      const unitCode = text.slice(us, ue);
      u = this.unitIndex(unitCode.toUpperCase(), unitCode);
    }
    let index = this.store.find(text, ps, pe);
    if (index < 0) index = this.store.add(text, ps, pe, u);
    this.unitRow(index, u, source, line);
    this.record(index, period);
    return index;
  }

  /** @internal Whether participant `index` has no name yet: the first row that gives one names them. */
  nameless(index: number): boolean {
    return this.store.nameless(index);
  }

  /** @internal Names participant `index` text[s, e), unless it is blank. */
  setName(index: number, text: string, s: number, e: number): void {
    this.store.setName(index, text, s, e);
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

  constructor(
    private readonly acc: QuizAccumulator,
    private readonly cols: ColumnMap,
    private readonly locate: Locator,
  ) {}

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
    const at = this.acc.attempt;
    at[F_SCORE] = score;
    at[F_PREDICTION] = prediction ?? NONE;
    at[F_MS] = ms ?? NONE;
    at[F_SUBMITTED] = submitted ?? NONE;
    const index = this.acc.countKey(participant, cleanText(pCell), unit, cleanText(uCell), period, this, line);
    if (c.name >= 0 && this.acc.nameless(index)) {
      const name = cleanText(cells[c.name]);
      this.acc.setName(index, name, 0, name.length);
    }
  }

  private readonly bounds = new Int32Array(128);

  /**
   * One attempt given as the text of a CSV line without quotes (text[start, end), fields separated
   * by `sep`). Plain shapes are read straight from the text; any other row goes through `add`, so
   * the result is the same as splitting the line first.
   */
  addText(text: string, start: number, end: number, sep: string, line: number): void {
    const b = this.bounds;
    let n = 0;
    let s = start;
    for (;;) {
      const i = text.indexOf(sep, s);
      b[2 * n] = s;
      if (i < 0 || i >= end) {
        b[2 * n + 1] = end;
        n++;
        break;
      }
      b[2 * n + 1] = i;
      n++;
      s = i + 1;
      if (n === 63) return this.add(text.slice(start, end).split(sep), line);
    }
    const c = this.cols;
    const need = Math.max(c.participant, c.unit, c.period, c.score, c.duration, c.submitted, c.prediction, c.name);
    if (need >= n) return this.add(text.slice(start, end).split(sep), line);
    const ps = b[2 * c.participant]!;
    const pe = b[2 * c.participant + 1]!;
    const us = b[2 * c.unit]!;
    const ue = b[2 * c.unit + 1]!;
    if (!plainCode(text, ps, pe) || !plainCode(text, us, ue)) return this.add(text.slice(start, end).split(sep), line);
    const week = plainInt(text, b[2 * c.period]!, b[2 * c.period + 1]!);
    const score = plainScaled(text, b[2 * c.score]!, b[2 * c.score + 1]!);
    if (week === FALLBACK || score === FALLBACK) return this.add(text.slice(start, end).split(sep), line);
    const at = this.acc.attempt;
    at[F_SCORE] = score;
    at[F_MS] = NONE;
    if (c.duration >= 0 && b[2 * c.duration]! < b[2 * c.duration + 1]!) {
      const ms = plainDuration(text, b[2 * c.duration]!, b[2 * c.duration + 1]!);
      if (ms === FALLBACK) return this.add(text.slice(start, end).split(sep), line);
      at[F_MS] = ms;
    }
    at[F_SUBMITTED] = NONE;
    if (c.submitted >= 0 && b[2 * c.submitted]! < b[2 * c.submitted + 1]! && !plainInstant(text, b[2 * c.submitted]!, b[2 * c.submitted + 1]!, at, F_SUBMITTED)) {
      return this.add(text.slice(start, end).split(sep), line);
    }
    at[F_PREDICTION] = NONE;
    if (c.prediction >= 0 && b[2 * c.prediction]! < b[2 * c.prediction + 1]!) {
      const prediction = plainScaled(text, b[2 * c.prediction]!, b[2 * c.prediction + 1]!);
      if (prediction === FALLBACK) return this.add(text.slice(start, end).split(sep), line);
      at[F_PREDICTION] = prediction;
    }
    const period = this.acc.periodOfNumber(week);
    if (period === undefined) return this.add(text.slice(start, end).split(sep), line);
    this.lastLine = line;
    const index = this.acc.countText(text, ps, pe, us, ue, period, this, line);
    if (c.name >= 0 && this.acc.nameless(index)) this.acc.setName(index, text, b[2 * c.name]!, b[2 * c.name + 1]!);
  }

  /** Ends the source: problems beyond the listed ones are counted in one line. */
  close(): void {
    if (this.unlisted > 0) {
      const p = this.locate(this.lastLine, undefined);
      this.acc.problems.error(p.sheet, p.row, p.col, QM.moreRowProblems(this.unlisted));
    }
  }
}

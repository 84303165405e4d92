import { F_MS, F_PREDICTION, F_SCORE, F_SUBMITTED, STRIDE } from "./store.js";

/** By default at most this many attempts wait before they are recorded in one sweep (about 80 MB with their sorted copy). */
const MOST = 1 << 20;
/** Participants per bucket of the sort: their records of a few periods stay in the L2 cache while a bucket is recorded. */
const BUCKET_SHIFT = 8;

/** Attempts in the order they were read, or sorted: participant index, period index, numbers (as a record, see F_SCORE). */
export interface AttemptList {
  readonly index: Int32Array;
  readonly period: Int32Array;
  readonly numbers: Float64Array;
  readonly count: number;
}

/**
 * Attempts read but not yet recorded. Recording each at once would touch a random place in a
 * period array per attempt: on hundreds of thousands of participants, a cache and TLB miss each.
 * Held here and sorted by participant (keeping reading order for each one), they are recorded in
 * sweeps through those arrays. Memory stays bounded: the list grows up to `most` attempts.
 */
export class PendingAttempts {
  private index = new Int32Array(1024);
  private period = new Int32Array(1024);
  private numbers = new Float64Array(1024 * STRIDE);
  private sortedIndex = new Int32Array(0);
  private sortedPeriod = new Int32Array(0);
  private sortedNumbers = new Float64Array(0);
  private starts = new Int32Array(0);
  count = 0;

  constructor(private readonly most = MOST) {}

  /** Adds an attempt (its numbers at at[a …]); returns true when the list is full and must be recorded. */
  push(index: number, period: number, at: Float64Array, a: number): boolean {
    if (this.count === this.index.length) this.grow();
    const k = this.count++;
    this.index[k] = index;
    this.period[k] = period;
    const o = k * STRIDE;
    const numbers = this.numbers;
    numbers[o + F_SCORE] = at[a + F_SCORE]!;
    numbers[o + F_PREDICTION] = at[a + F_PREDICTION]!;
    numbers[o + F_MS] = at[a + F_MS]!;
    numbers[o + F_SUBMITTED] = at[a + F_SUBMITTED]!;
    return this.count >= this.most;
  }

  private grow(): void {
    const size = this.index.length * 2;
    const index = new Int32Array(size);
    const period = new Int32Array(size);
    const numbers = new Float64Array(size * STRIDE);
    index.set(this.index);
    period.set(this.period);
    numbers.set(this.numbers);
    this.index = index;
    this.period = period;
    this.numbers = numbers;
  }

  /**
   * Takes every pending attempt, sorted by bucket of participants (indices below `participants`),
   * reading order kept within a bucket: a stable counting sort. The list is empty afterwards; the
   * result is valid until the next call.
   */
  take(participants: number): AttemptList {
    const n = this.count;
    this.count = 0;
    if (this.sortedIndex.length < n) {
      this.sortedIndex = new Int32Array(this.index.length);
      this.sortedPeriod = new Int32Array(this.index.length);
      this.sortedNumbers = new Float64Array(this.index.length * STRIDE);
    }
    const buckets = (participants >>> BUCKET_SHIFT) + 1;
    if (this.starts.length < buckets + 1) this.starts = new Int32Array(2 * buckets + 1);
    const starts = this.starts;
    starts.fill(0, 0, buckets + 1);
    const index = this.index;
    for (let k = 0; k < n; k++) {
      const b = (index[k]! >>> BUCKET_SHIFT) + 1;
      starts[b] = starts[b]! + 1;
    }
    for (let b = 1; b <= buckets; b++) starts[b] = starts[b]! + starts[b - 1]!;
    const period = this.period;
    const numbers = this.numbers;
    const sortedIndex = this.sortedIndex;
    const sortedPeriod = this.sortedPeriod;
    const sorted = this.sortedNumbers;
    for (let k = 0; k < n; k++) {
      const b = index[k]! >>> BUCKET_SHIFT;
      const j = starts[b]!;
      starts[b] = j + 1;
      sortedIndex[j] = index[k]!;
      sortedPeriod[j] = period[k]!;
      const o = k * STRIDE;
      const s = j * STRIDE;
      sorted[s + F_SCORE] = numbers[o + F_SCORE]!;
      sorted[s + F_PREDICTION] = numbers[o + F_PREDICTION]!;
      sorted[s + F_MS] = numbers[o + F_MS]!;
      sorted[s + F_SUBMITTED] = numbers[o + F_SUBMITTED]!;
    }
    return { index: sortedIndex, period: sortedPeriod, numbers: sorted, count: n };
  }
}

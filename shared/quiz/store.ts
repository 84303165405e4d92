/**
 * The attempts that count, one per participant and period, kept in typed arrays: participants by
 * code (compared without ASCII case) in an open-addressing table, units in a small one, and per
 * period one Float64Array with four numbers per participant.
 *
 * Most codes (phone numbers, citizen ID numbers, short codes such as "TS-0012") pack into one exact
 * integer, kept in a table of 16-byte slots. Each row costs a random memory access into that table
 * and one into its period's array; on a million attempts those accesses dominate, and a table a
 * quarter the size of one holding the characters misses the cache and the TLB much less often.
 * Codes that do not pack go to a table that keeps their characters.
 */

/** Field offsets within a participant's record of a period. */
export const F_SCORE = 0;
export const F_PREDICTION = 1;
export const F_MS = 2;
export const F_SUBMITTED = 3;
export const STRIDE = 4;

const EMPTY = 0;

function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/**
 * FNV-1a over the upper-cased char codes of text[s, e), as a signed 32-bit integer: V8 passes
 * those around untagged, where an unsigned one above 2^31 would be boxed on every call.
 */
function hashText(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ upper(text.charCodeAt(i)), 0x01000193);
  return h;
}

/** Digits only: up to 15 of them, base 11 (a digit d is d + 1, so leading zeros count). */
const MAX_DIGITS = 15;
/** Otherwise up to 9 symbols of 0-9 A-Z - _ . / (letters without case), base 41. */
const MAX_SYMBOLS = 9;

/** A code symbol's value 1 … 40, or 0 when the char is not one. */
function symbol(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  const u = upper(c);
  if (u >= 65 && u <= 90) return u - 54;
  return c === 45 ? 37 : c === 95 ? 38 : c === 46 ? 39 : c === 47 ? 40 : 0;
}

/**
 * text[s, e) as one exact integer below 2^53, the same for codes equal without ASCII case and
 * different for different codes: even for digits only, odd otherwise. −1 when it does not pack.
 */
export function packKey(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 1 || len > MAX_DIGITS) return -1;
  let v = 0;
  let digits = true;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      digits = false;
      break;
    }
    v = v * 11 + (c - 47);
  }
  if (digits) return v * 2;
  if (len > MAX_SYMBOLS) return -1;
  v = 0;
  for (let i = s; i < e; i++) {
    const d = symbol(text.charCodeAt(i));
    if (d === 0) return -1;
    v = v * 41 + d;
  }
  return v * 2 + 1;
}

function mixPacked(key: number): number {
  const hi = Math.floor(key / 4294967296);
  const h = Math.imul((key - hi * 4294967296) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Packed keys to values: slots of [key, value + 1] in one Float64Array (0 = empty). */
class PackedKeyTable {
  private slots = new Float64Array(2048);
  private mask = 1023;
  private size = 0;

  find(key: number): number {
    const slots = this.slots;
    for (let slot = mixPacked(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = slots[2 * slot + 1]!;
      if (v === EMPTY) return -1;
      if (slots[2 * slot] === key) return v - 1;
    }
  }

  /** Adds a key not present yet. */
  add(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.slots.length / 2) this.rehash();
    this.size++;
    this.put(this.slots, this.mask, key, value + 1);
  }

  private put(slots: Float64Array, mask: number, key: number, stored: number): void {
    let slot = mixPacked(key) & mask;
    while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
    slots[2 * slot] = key;
    slots[2 * slot + 1] = stored;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== EMPTY) this.put(slots, mask, old[i]!, old[i + 1]!);
    this.slots = slots;
    this.mask = mask;
  }
}

/** Ints per slot: value + 1 (0: empty), key length, hash, then the key's chars. */
const W = 16;
/** Keys up to this many chars sit in their slot, two per int; longer ones in a pool. */
const INLINE = (W - 3) * 2;

/** Upper-case text keys to values, compared without ASCII case; a 64-byte slot holds a short key itself. */
class KeyTable {
  private slots = new Int32Array(64 * W);
  private mask = 63;
  private pool = new Uint16Array(1 << 10);
  private poolUsed = 0;
  private size = 0;

  find(text: string, s: number, e: number, hash: number): number {
    const len = e - s;
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const base = slot * W;
      const v = slots[base]!;
      if (v === EMPTY) return -1;
      if (slots[base + 2] === hash && slots[base + 1] === len && this.same(base, text, s, len)) return v - 1;
    }
  }

  private same(base: number, text: string, s: number, len: number): boolean {
    const slots = this.slots;
    if (len <= INLINE) {
      for (let i = 0; i < len; i += 2) {
        const packed = slots[base + 3 + (i >> 1)]!;
        if ((packed & 0xffff) !== upper(text.charCodeAt(s + i))) return false;
        if (i + 1 < len && packed >>> 16 !== upper(text.charCodeAt(s + i + 1))) return false;
      }
      return true;
    }
    const off = slots[base + 3]!;
    for (let i = 0; i < len; i++) if (this.pool[off + i] !== upper(text.charCodeAt(s + i))) return false;
    return true;
  }

  /** Adds an upper-case key not present yet. */
  add(key: string, hash: number, value: number): void {
    if ((this.size + 1) * 2 > this.slots.length / W) this.rehash();
    this.size++;
    let slot = hash & this.mask;
    while (this.slots[slot * W] !== EMPTY) slot = (slot + 1) & this.mask;
    const base = slot * W;
    const slots = this.slots;
    slots[base] = value + 1;
    slots[base + 1] = key.length;
    slots[base + 2] = hash;
    if (key.length <= INLINE) {
      for (let i = 0; i < key.length; i += 2) {
        const lo = key.charCodeAt(i);
        const hi = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
        slots[base + 3 + (i >> 1)] = lo | (hi << 16);
      }
      return;
    }
    if (this.poolUsed + key.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + key.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    slots[base + 3] = this.poolUsed;
    for (let i = 0; i < key.length; i++) this.pool[this.poolUsed++] = key.charCodeAt(i);
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / W - 1;
    for (let base = 0; base < old.length; base += W) {
      if (old[base] === EMPTY) continue;
      let slot = old[base + 2]! & mask;
      while (slots[slot * W] !== EMPTY) slot = (slot + 1) & mask;
      slots.set(old.subarray(base, base + W), slot * W);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * One text per index, kept as UTF-16 code units in one growing array. A tally meets hundreds of
 * thousands of participants; as JS strings their codes and names would each be copied by the
 * garbage collector on the way to the old generation, which cost more than reading their rows.
 */
class TextColumn {
  private chars = new Uint16Array(1 << 12);
  private used = 0;
  /** Per index: start and length; length −1 for none. */
  private spans = new Int32Array(2048).fill(-1);

  has(index: number): boolean {
    return 2 * index + 1 < this.spans.length && this.spans[2 * index + 1]! >= 0;
  }

  /** Sets the text of `index` to text[s, e). */
  set(index: number, text: string, s: number, e: number): void {
    const len = e - s;
    if (this.used + len > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + len));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    while (2 * index + 1 >= this.spans.length) {
      const spans = new Int32Array(this.spans.length * 2).fill(-1);
      spans.set(this.spans);
      this.spans = spans;
    }
    for (let i = 0; i < len; i++) this.chars[this.used + i] = text.charCodeAt(s + i);
    this.spans[2 * index] = this.used;
    this.spans[2 * index + 1] = len;
    this.used += len;
  }

  /** The text of `index`, or "" when none was set. */
  get(index: number): string {
    if (!this.has(index)) return "";
    const start = this.spans[2 * index]!;
    const end = start + this.spans[2 * index + 1]!;
    let out = "";
    for (let i = start; i < end; i += 4096) out += String.fromCharCode(...this.chars.subarray(i, Math.min(end, i + 4096)));
    return out;
  }
}

/** Whether text[s, e) holds a character that String.prototype.trim keeps. */
function hasText(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 127) return text.slice(i, e).trim() !== "";
    if (c !== 32 && (c < 9 || c > 13)) return true;
  }
  return false;
}

export class ParticipantStore {
  /** Participants by packed code; a code that does not pack is first numbered by `unpacked`: the n-th is key −n. */
  private readonly packed = new PackedKeyTable();
  private readonly unpacked = new KeyTable();
  private unpackedCount = 0;
  private readonly unitTable = new KeyTable();
  private count = 0;
  /** Per participant: the code as first written, and the name (raw, as the row gave it). */
  private readonly codeColumn = new TextColumn();
  private readonly nameColumn = new TextColumn();
  /** Per unit (in order of first appearance). */
  readonly unitKeys: string[] = [];
  readonly unitCodes: string[] = [];
  private capacity = 1024;
  /** Per participant: the unit index of their first attempt. */
  private unitOfIndex = new Int32Array(this.capacity);
  /** Per period: STRIDE numbers per participant; NaN score = no attempt; NaN elsewhere = not given. */
  readonly periods: Float64Array[] = [];

  get size(): number {
    return this.count;
  }

  /** Index of the participant whose key equals text[s, e) (ASCII compared without case), or −1. */
  find(text: string, s: number, e: number): number {
    let key = packKey(text, s, e);
    if (key < 0) {
      const n = this.unpacked.find(text, s, e, hashText(text, s, e));
      if (n < 0) return -1;
      key = -(n + 1);
    }
    return this.packed.find(key);
  }

  /** Index of the unit text[s, e), or −1 when not seen yet. */
  findUnitText(text: string, s: number, e: number): number {
    return this.unitTable.find(text, s, e, hashText(text, s, e));
  }

  /** Index of a unit by its (upper-case) key, added when new. */
  unit(unitKey: string, unitCode: string): number {
    const hash = hashText(unitKey, 0, unitKey.length);
    const found = this.unitTable.find(unitKey, 0, unitKey.length, hash);
    if (found >= 0) return found;
    const index = this.unitKeys.length;
    this.unitKeys.push(unitKey);
    this.unitCodes.push(unitCode);
    this.unitTable.add(unitKey, hash, index);
    return index;
  }

  /** The unit index of participant `index` (of their first attempt). */
  unitOf(index: number): number {
    return this.unitOfIndex[index]!;
  }

  /** Participant `index`'s code as first written. */
  codeOf(index: number): string {
    return this.codeColumn.get(index);
  }

  /** Participant `index`'s name as given (not cleaned), "" when none. */
  nameOf(index: number): string {
    return this.nameColumn.get(index);
  }

  /** Whether participant `index` still has no name. */
  nameless(index: number): boolean {
    return !this.nameColumn.has(index);
  }

  /** Names participant `index` text[s, e), unless it is blank. */
  setName(index: number, text: string, s: number, e: number): void {
    if (hasText(text, s, e)) this.nameColumn.set(index, text, s, e);
  }

  /**
   * Adds a participant not present yet whose code is code[s, e) as written; `key` is its form as
   * `codeKey` gives it, when it may differ from the code in more than ASCII case. Returns their index.
   */
  add(code: string, s: number, e: number, unitIndex: number, key?: string): number {
    const index = this.count++;
    let packed = key === undefined ? packKey(code, s, e) : packKey(key, 0, key.length);
    if (packed < 0) {
      const k = key ?? code.slice(s, e).toUpperCase();
      this.unpacked.add(k, hashText(k, 0, k.length), this.unpackedCount++);
      packed = -this.unpackedCount;
    }
    this.packed.add(packed, index);
    this.codeColumn.set(index, code, s, e);
    if (index >= this.capacity) this.grow();
    this.unitOfIndex[index] = unitIndex;
    return index;
  }

  /** The record array of period `p`, created on first use. */
  period(p: number): Float64Array {
    while (this.periods.length <= p) this.periods.push(new Float64Array(this.capacity * STRIDE).fill(Number.NaN));
    return this.periods[p]!;
  }

  private grow(): void {
    this.capacity *= 2;
    const units = new Int32Array(this.capacity);
    units.set(this.unitOfIndex);
    this.unitOfIndex = units;
    for (let p = 0; p < this.periods.length; p++) {
      const next = new Float64Array(this.capacity * STRIDE).fill(Number.NaN);
      next.set(this.periods[p]!);
      this.periods[p] = next;
    }
  }
}

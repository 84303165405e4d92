import { decodeUtf8, decodeUtf8Into } from "../cells/utf8.js";

/**
 * The attempts that count, one per participant and period, kept in typed arrays: participants by
 * code (compared without ASCII case) in an open-addressing table, units in a small one, and per
 * period one Float64Array with four numbers per participant.
 *
 * Most codes (phone numbers, citizen ID numbers, short codes such as "TS-0012") pack into one exact
 * integer, kept in a table of 16-byte slots that also hold the participant's index, unit and
 * whether they are named: one cache line answers everything a row asks of its participant. On a
 * million attempts those random accesses dominate. Codes that do not pack go to a table that keeps
 * their characters and numbers them first.
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
 * The code in line[s, e) (ASCII bytes) as one exact integer below 2^53, the same for codes equal
 * without ASCII case and different for different codes: even for digits only, odd otherwise. −1
 * when it does not pack.
 */
export function packKey(line: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 1 || len > MAX_DIGITS) return -1;
  let v = 0;
  let digits = true;
  for (let i = s; i < e; i++) {
    const c = line[i]!;
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
    const d = symbol(line[i]!);
    if (d === 0) return -1;
    v = v * 41 + d;
  }
  return v * 2 + 1;
}

const packScratch = new Uint8Array(MAX_DIGITS);

/** packKey of a code given as text. */
function packText(text: string): number {
  if (text.length > MAX_DIGITS) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    packScratch[i] = c;
  }
  return packKey(packScratch, 0, text.length);
}

function mixPacked(key: number): number {
  const hi = Math.floor(key / 4294967296);
  const h = Math.imul((key - hi * 4294967296) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * Packed keys to values, with a small number (`meta`) beside each: 16-byte slots of the key (a
 * float), value + 1 (an int, 0 = empty) and meta (an int), so one cache line answers a lookup and
 * what the caller checks next.
 */
class PackedKeyTable {
  private keys = new Float64Array(2048);
  private ints = new Int32Array(this.keys.buffer);
  private mask = 1023;
  private size = 0;

  /** The slot holding `key`, or −1. A slot stays valid until the next `add`. */
  slotOf(key: number): number {
    const keys = this.keys;
    const ints = this.ints;
    for (let slot = mixPacked(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      if (ints[4 * slot + 2] === EMPTY) return -1;
      if (keys[2 * slot] === key) return slot;
    }
  }

  valueAt(slot: number): number {
    return this.ints[4 * slot + 2]! - 1;
  }

  /**
   * Reads the first slot of each of keys[0, n) and returns a sum of what it read. The reads do not
   * depend on each other, so the processor overlaps their cache misses; the lookups that follow
   * then find their slots in cache.
   */
  touch(keys: Float64Array, n: number): number {
    const ints = this.ints;
    const mask = this.mask;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += ints[4 * (mixPacked(keys[k]!) & mask) + 2]!;
    return sum;
  }

  metaAt(slot: number): number {
    return this.ints[4 * slot + 3]!;
  }

  setMeta(slot: number, meta: number): void {
    this.ints[4 * slot + 3] = meta;
  }

  /** Adds a key not present yet; returns its slot. */
  add(key: number, value: number, meta: number): number {
    if ((this.size + 1) * 4 > this.keys.length) this.rehash();
    this.size++;
    return this.put(this.keys, this.ints, this.mask, key, value + 1, meta);
  }

  private put(keys: Float64Array, ints: Int32Array, mask: number, key: number, stored: number, meta: number): number {
    let slot = mixPacked(key) & mask;
    while (ints[4 * slot + 2] !== EMPTY) slot = (slot + 1) & mask;
    keys[2 * slot] = key;
    ints[4 * slot + 2] = stored;
    ints[4 * slot + 3] = meta;
    return slot;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldInts = this.ints;
    const keys = new Float64Array(oldKeys.length * 2);
    const ints = new Int32Array(keys.buffer);
    const mask = keys.length / 2 - 1;
    for (let slot = 0; 2 * slot < oldKeys.length; slot++) {
      if (oldInts[4 * slot + 2] !== EMPTY) this.put(keys, ints, mask, oldKeys[2 * slot]!, oldInts[4 * slot + 2]!, oldInts[4 * slot + 3]!);
    }
    this.keys = keys;
    this.ints = ints;
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

  /** Room for `len` more units after the ones used, and for the span of `index`. */
  private reserve(index: number, len: number): void {
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
  }

  /** Makes the `len` units after the ones used the text of `index`. */
  private commit(index: number, len: number): void {
    this.spans[2 * index] = this.used;
    this.spans[2 * index + 1] = len;
    this.used += len;
  }

  /** Sets the text of `index`. */
  set(index: number, text: string): void {
    this.reserve(index, text.length);
    for (let i = 0; i < text.length; i++) this.chars[this.used + i] = text.charCodeAt(i);
    this.commit(index, text.length);
  }

  /** Sets the text of `index` to the UTF-8 bytes line[s, e), unless they are blank (as String.prototype.trim sees it); returns whether it did. */
  setUtf8(index: number, line: Uint8Array, s: number, e: number): boolean {
    this.reserve(index, e - s);
    const len = decodeUtf8Into(line, s, e, this.chars, this.used);
    for (let i = this.used; i < this.used + len; i++) {
      if (!isTrimmedSpace(this.chars[i]!)) {
        this.commit(index, len);
        return true;
      }
    }
    return false;
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

/** Whether text holds a character that String.prototype.trim keeps. */
const hasText = (text: string): boolean => text.trim() !== "";

/** Whether String.prototype.trim removes this UTF-16 code unit (white space and line terminators). */
function isTrimmedSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A code of printable ASCII bytes as text. */
const asciiText = (line: Uint8Array, s: number, e: number): string => decodeUtf8(line, s, e);

export class ParticipantStore {
  /** Participants by packed code; a code that does not pack is first numbered by `unpacked`: the n-th is key −n. */
  private readonly packed = new PackedKeyTable();
  private readonly unpacked = new KeyTable();
  private unpackedCount = 0;
  /** Units by packed code, and all of them by their key. */
  private readonly unitPacked = new PackedKeyTable();
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

  /** The packed table's key of an unpacked code (−n for the n-th), or 0 when it is not numbered yet. */
  private unpackedKey(upperKey: string): number {
    const n = this.unpacked.find(upperKey, 0, upperKey.length, hashText(upperKey, 0, upperKey.length));
    return n < 0 ? 0 : -(n + 1);
  }

  /**
   * The slot of the participant with this key (as `codeKey` gives it), or −1. A slot holds the
   * participant's index, unit and whether they are named; it stays valid until the next `add`.
   */
  slotOf(key: string): number {
    let packed = packText(key);
    if (packed < 0) packed = this.unpackedKey(key);
    return packed === 0 ? -1 : this.packed.slotOf(packed);
  }

  /** The slot of the participant whose code is the ASCII bytes line[s, e) (compared without case), or −1. */
  slotOfBytes(line: Uint8Array, s: number, e: number): number {
    let packed = packKey(line, s, e);
    if (packed < 0) packed = this.unpackedKey(asciiText(line, s, e).toUpperCase());
    return packed === 0 ? -1 : this.packed.slotOf(packed);
  }

  /** The slot of the participant whose code packs to `packed` (see packKey), or −1. */
  slotOfPacked(packed: number): number {
    return this.packed.slotOf(packed);
  }

  /** Brings the slots of the packed codes keys[0, n) into cache (see PackedKeyTable.touch). */
  touch(keys: Float64Array, n: number): number {
    return this.packed.touch(keys, n);
  }

  /** Index (in order of first appearance) of the participant with this key, or −1. */
  find(key: string): number {
    const slot = this.slotOf(key);
    return slot < 0 ? -1 : this.packed.valueAt(slot);
  }

  indexAt(slot: number): number {
    return this.packed.valueAt(slot);
  }

  /** The unit index of the participant at `slot` (of their first attempt). */
  unitAt(slot: number): number {
    return this.packed.metaAt(slot) >> 1;
  }

  /** Whether the participant at `slot` has a name. */
  namedAt(slot: number): boolean {
    return (this.packed.metaAt(slot) & 1) === 1;
  }

  /** Index of the unit whose code is the ASCII bytes line[s, e) (compared without case), or −1 when not seen yet. */
  findUnitBytes(line: Uint8Array, s: number, e: number): number {
    const packed = packKey(line, s, e);
    if (packed >= 0) {
      const slot = this.unitPacked.slotOf(packed);
      return slot < 0 ? -1 : this.unitPacked.valueAt(slot);
    }
    const key = asciiText(line, s, e).toUpperCase();
    return this.unitTable.find(key, 0, key.length, hashText(key, 0, key.length));
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
    const packed = packText(unitKey);
    if (packed >= 0) this.unitPacked.add(packed, index, 0);
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

  /** Names the participant at `slot`, unless the name is blank. */
  setName(slot: number, name: string): void {
    if (!hasText(name)) return;
    this.nameColumn.set(this.indexAt(slot), name);
    this.packed.setMeta(slot, this.packed.metaAt(slot) | 1);
  }

  /** Names the participant at `slot` the UTF-8 bytes line[s, e), unless they are blank. */
  setNameBytes(slot: number, line: Uint8Array, s: number, e: number): void {
    if (this.nameColumn.setUtf8(this.indexAt(slot), line, s, e)) this.packed.setMeta(slot, this.packed.metaAt(slot) | 1);
  }

  /** Adds a participant not present yet: `code` as written, `key` as `codeKey` gives it. Returns their slot. */
  add(code: string, key: string, unitIndex: number): number {
    let packed = packText(key);
    if (packed < 0) packed = this.number(key);
    const slot = this.enter(packed, unitIndex);
    this.codeColumn.set(this.indexAt(slot), code);
    return slot;
  }

  /** Adds a participant not present yet whose code is the ASCII bytes line[s, e). Returns their slot. */
  addBytes(line: Uint8Array, s: number, e: number, unitIndex: number): number {
    let packed = packKey(line, s, e);
    if (packed < 0) packed = this.number(asciiText(line, s, e).toUpperCase());
    const slot = this.enter(packed, unitIndex);
    this.codeColumn.setUtf8(this.indexAt(slot), line, s, e);
    return slot;
  }

  /** Numbers an unpacked key not present yet; returns its packed table key. */
  private number(upperKey: string): number {
    this.unpacked.add(upperKey, hashText(upperKey, 0, upperKey.length), this.unpackedCount++);
    return -this.unpackedCount;
  }

  private enter(packed: number, unitIndex: number): number {
    const index = this.count++;
    if (index >= this.capacity) this.grow();
    this.unitOfIndex[index] = unitIndex;
    return this.packed.add(packed, index, unitIndex << 1);
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

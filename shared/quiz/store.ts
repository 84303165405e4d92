/**
 * The attempts that count, one per participant and period, kept in typed arrays: an open-addressing
 * hash table keyed by the participant's code (upper-case) whose characters sit in one pool, a small
 * table of units, and per period one Float64Array with five numbers per participant. Reading a row
 * of a participant seen before touches four cache lines and allocates nothing, which is what lets a
 * million attempts stream in little more time than it takes to split them.
 */

/** Field offsets within a participant's slot of a period. */
export const F_SCORE = 0;
export const F_PREDICTION = 1;
export const F_MS = 2;
export const F_SUBMITTED = 3;
export const F_SEQ = 4;
export const STRIDE = 5;

const EMPTY = 0;

function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** FNV-1a over the upper-cased char codes of text[s, e). */
export function hashText(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ upper(text.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

/** Ints per slot: index + 1 (0: empty), key length, extra (caller's), hash, then the key's chars. */
const W = 16;
/** Keys up to this many chars sit in their slot, two per int; longer ones in a pool. */
const INLINE = (W - 4) * 2;

/**
 * An open-addressing table of keys (upper-case text) to indices, comparing without ASCII case. A
 * slot is 64 bytes holding the key itself, so finding a key costs one cache line in most cases.
 */
class KeyTable {
  private slots = new Int32Array(1024 * W);
  private mask = 1023;
  private pool = new Uint16Array(1 << 12);
  private poolUsed = 0;
  private slotOfIndex = new Int32Array(1024);
  /** Start (in ints) of the slot last found or added. */
  private found = -1;
  size = 0;

  find(text: string, s: number, e: number, hash: number): number {
    const len = e - s;
    const slots = this.slots;
    const h = hash | 0;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const base = slot * W;
      const v = slots[base]!;
      if (v === EMPTY) return -1;
      if (slots[base + 3] === h && slots[base + 1] === len && this.same(base, text, s, len)) {
        this.found = base;
        return v - 1;
      }
    }
  }

  private same(base: number, text: string, s: number, len: number): boolean {
    const slots = this.slots;
    if (len <= INLINE) {
      for (let i = 0; i < len; i += 2) {
        const packed = slots[base + 4 + (i >> 1)]!;
        if ((packed & 0xffff) !== upper(text.charCodeAt(s + i))) return false;
        if (i + 1 < len && packed >>> 16 !== upper(text.charCodeAt(s + i + 1))) return false;
      }
      return true;
    }
    const off = slots[base + 4]!;
    for (let i = 0; i < len; i++) if (this.pool[off + i] !== upper(text.charCodeAt(s + i))) return false;
    return true;
  }

  /** The extra int of the key last found or added. */
  foundExtra(): number {
    return this.slots[this.found + 2]!;
  }

  extra(index: number): number {
    return this.slots[this.slotOfIndex[index]! * W + 2]!;
  }

  /** Adds an upper-case key not present yet; returns its index. */
  add(key: string, hash: number, extra: number): number {
    if ((this.size + 1) * 2 > this.slots.length / W) this.rehash();
    const index = this.size++;
    if (index >= this.slotOfIndex.length) {
      const next = new Int32Array(this.slotOfIndex.length * 2);
      next.set(this.slotOfIndex);
      this.slotOfIndex = next;
    }
    let slot = hash & this.mask;
    while (this.slots[slot * W] !== EMPTY) slot = (slot + 1) & this.mask;
    const base = slot * W;
    const slots = this.slots;
    slots[base] = index + 1;
    slots[base + 1] = key.length;
    slots[base + 2] = extra;
    slots[base + 3] = hash | 0;
    if (key.length <= INLINE) {
      for (let i = 0; i < key.length; i += 2) {
        const lo = key.charCodeAt(i);
        const hi = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
        slots[base + 4 + (i >> 1)] = lo | (hi << 16);
      }
    } else {
      if (this.poolUsed + key.length > this.pool.length) {
        const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + key.length));
        pool.set(this.pool);
        this.pool = pool;
      }
      slots[base + 4] = this.poolUsed;
      for (let i = 0; i < key.length; i++) this.pool[this.poolUsed++] = key.charCodeAt(i);
    }
    this.slotOfIndex[index] = slot;
    this.found = base;
    return index;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / W - 1;
    for (let base = 0; base < old.length; base += W) {
      const v = old[base]!;
      if (v === EMPTY) continue;
      let slot = (old[base + 3]! >>> 0) & mask;
      while (slots[slot * W] !== EMPTY) slot = (slot + 1) & mask;
      const to = slot * W;
      for (let j = 0; j < W; j++) slots[to + j] = old[base + j]!;
      this.slotOfIndex[v - 1] = slot;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

export class ParticipantStore {
  private readonly people = new KeyTable();
  private readonly unitTable = new KeyTable();
  /** Per participant. */
  readonly keys: string[] = [];
  readonly codes: string[] = [];
  readonly names: string[] = [];
  /** Per unit (in order of first appearance). */
  readonly unitKeys: string[] = [];
  readonly unitCodes: string[] = [];
  private capacity = 1024;
  /** Per period: STRIDE numbers per participant; NaN score = no attempt; NaN elsewhere = not given. */
  readonly periods: Float64Array[] = [];

  get size(): number {
    return this.people.size;
  }

  /** Index of the participant whose key equals text[s, e) (ASCII compared without case), or −1. */
  findText(text: string, s: number, e: number, hash: number): number {
    return this.people.find(text, s, e, hash);
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
    this.unitKeys.push(unitKey);
    this.unitCodes.push(unitCode);
    return this.unitTable.add(unitKey, hash, 0);
  }

  /** The unit index of participant `index`. */
  unitOf(index: number): number {
    return this.people.extra(index);
  }

  /** The unit index of the participant last found or added (no second lookup). */
  unitOfFound(): number {
    return this.people.foundExtra();
  }

  add(key: string, code: string, unitIndex: number, hash: number): number {
    const index = this.people.add(key, hash, unitIndex);
    this.keys.push(key);
    this.codes.push(code);
    this.names.push("");
    if (this.people.size > this.capacity) this.grow();
    return index;
  }

  /** The slot array of period `p`, created on first use. */
  period(p: number): Float64Array {
    while (this.periods.length <= p) this.periods.push(new Float64Array(this.capacity * STRIDE).fill(Number.NaN));
    return this.periods[p]!;
  }

  private grow(): void {
    this.capacity *= 2;
    for (let p = 0; p < this.periods.length; p++) {
      const next = new Float64Array(this.capacity * STRIDE).fill(Number.NaN);
      next.set(this.periods[p]!);
      this.periods[p] = next;
    }
  }
}

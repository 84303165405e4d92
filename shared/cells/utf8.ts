/**
 * UTF-8 bytes to text, exactly as the Encoding Standard's decoder (and so TextDecoder) does it:
 * each maximal invalid subpart becomes one U+FFFD. Apps Script has no TextDecoder, and the core
 * runs there too; the quiz reader decodes only the few slices it keeps (names, odd lines).
 */

const REPLACEMENT = 0xfffd;
const CHUNK = 4096;

/**
 * Decodes bytes[s, e) into out[at …] as UTF-16 code units and returns how many it wrote: never
 * more than e − s, so that much room is enough. A byte order mark is kept (TextDecoder's ignoreBOM).
 */
export function decodeUtf8Into(bytes: Uint8Array, s: number, e: number, out: Uint16Array, at: number): number {
  let o = at;
  let needed = 0;
  let seen = 0;
  let point = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = s; i < e; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b <= 0x7f) out[o++] = b;
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        point = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        point = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        point = b & 0x07;
      } else out[o++] = REPLACEMENT;
      continue;
    }
    if (b < lower || b > upper) {
      needed = seen = point = 0;
      lower = 0x80;
      upper = 0xbf;
      out[o++] = REPLACEMENT;
      i--; // the byte starts over
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    point = (point << 6) | (b & 0x3f);
    if (++seen < needed) continue;
    if (point > 0xffff) {
      point -= 0x10000;
      out[o++] = 0xd800 + (point >> 10);
      out[o++] = 0xdc00 + (point & 0x3ff);
    } else out[o++] = point;
    needed = seen = point = 0;
  }
  if (needed !== 0) out[o++] = REPLACEMENT;
  return o - at;
}

let scratch = new Uint16Array(256);

/** The text of bytes[s, e). */
export function decodeUtf8(bytes: Uint8Array, s: number, e: number): string {
  if (scratch.length < e - s) scratch = new Uint16Array(Math.max(e - s, 2 * scratch.length));
  const n = decodeUtf8Into(bytes, s, e, scratch, 0);
  let out = "";
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...scratch.subarray(i, Math.min(n, i + CHUNK)));
  return out;
}

/**
 * Whether bytes[s, e) is well-formed UTF-8 (what a fatal TextDecoder accepts): no byte that cannot
 * start a character, no character cut short, no overlong form, surrogate or code point past U+10FFFF.
 */
export function isUtf8(bytes: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const b = bytes[i]!;
    if (b <= 0x7f) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) needed = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return false;
    if (i + needed >= e) return false;
    const c = bytes[i + 1]!;
    if (c < lower || c > upper) return false;
    for (let k = 2; k <= needed; k++) {
      const d = bytes[i + k]!;
      if (d < 0x80 || d > 0xbf) return false;
    }
    i += needed + 1;
  }
  return true;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/**
 * FNV-1a 64 over the UTF-16 code units of the parts, each ended by a separator. It detects an
 * edited entry list or rubric in a returned workbook; it is not a defence against forgery.
 */
export function fingerprint(parts: readonly string[]): string {
  let h = FNV_OFFSET;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= BigInt(part.charCodeAt(i));
      h = (h * FNV_PRIME) & MASK;
    }
    h ^= 0x1fn;
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0");
}

/**
 * Who confers an award, and whether the organizer's own head does. Places and levels are data: the
 * tier is read from the words of the text (`xã`, `phường`, `huyện`, `tỉnh`…), never from a list of
 * places, so that the two-level government since 1 July 2025 (province, commune) and the seeds'
 * district ledgers both work.
 */
import { foldKey } from "../cells/text.js";
import { BLANK } from "./annex.js";

export type Tier = "central" | "province" | "district" | "commune";

/** Folded words naming each tier, longer phrases first so that “thị xã” is a district, not a commune. */
const TIER_WORDS: readonly (readonly [string, Tier])[] = [
  ["thu tuong", "central"],
  ["chinh phu", "central"],
  ["chu tich nuoc", "central"],
  ["thanh pho truc thuoc trung uong", "province"],
  ["thi xa", "district"],
  ["thi tran", "commune"],
  ["dac khu", "commune"],
  ["tinh", "province"],
  ["thanh pho", "province"],
  ["huyen", "district"],
  ["quan", "district"],
  ["xa", "commune"],
  ["phuong", "commune"],
];

/** The first tier word of `text`: its tier, and the rest of the text after it (the place it names). */
function firstTierWord(text: string): { readonly tier: Tier; readonly after: string } | undefined {
  const source = text.normalize("NFC");
  const tokens = [...source.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ folded: foldKey(m[0]), end: m.index + m[0].length }));
  for (let i = 0; i < tokens.length; i++) {
    for (const [phrase, tier] of TIER_WORDS) {
      const words = phrase.split(" ");
      if (words.every((w, k) => tokens[i + k]?.folded === w)) return { tier, after: source.slice(tokens[i + words.length - 1]!.end).trim() };
    }
  }
  return undefined;
}

/** The tier a body or an award level names, or undefined when it names none ("Lao động tiên tiến"). */
export function tierOf(text: string): Tier | undefined {
  return firstTierWord(text)?.tier;
}

/** "Ủy ban nhân dân xã Mỹ Thạnh" → "Mỹ Thạnh": the place after the tier word; a blank when the name has none. */
export function placeOf(organizer: string): string {
  return firstTierWord(organizer.replace(/\s+/g, " "))?.after || BLANK;
}

const TIER_NAME: Record<Tier, string> = { central: "", province: "tỉnh", district: "huyện", commune: "xã" };

/** The authority of a list: the organizer's own head, or a higher one the organizer proposes to. */
export type Authority = { readonly kind: "own" } | { readonly kind: "higher"; readonly name: string; readonly tier: Tier | undefined };

/**
 * The authority conferring `level` for a ledger run by `organizer`: an explicit `Thẩm quyền khen`
 * wins; otherwise the tier `Cấp khen` names. Same tier as the organizer, or no tier named: its own
 * head decides. Another tier: a proposal to that authority.
 */
export function authorityOf(level: string, organizer: string, explicit?: string): Authority {
  const named = explicit?.trim() || undefined;
  const tier = tierOf(named ?? level);
  if (tier === undefined || tier === tierOf(organizer)) return { kind: "own" };
  if (named !== undefined) return { kind: "higher", name: named, tier };
  const word = TIER_NAME[tier];
  return { kind: "higher", name: word === "" ? `${BLANK} (cấp trên)` : `Chủ tịch Ủy ban nhân dân ${word} ${BLANK}`, tier };
}

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { unescapeXml } from "./cli-xml.js";

/**
 * A workbook file's package parts, read with an independent zip library (JSZip): each part's
 * inflated bytes as a digest, and the workbook's sheet list with the part each sheet lives in.
 */
export interface PackageView {
  readonly parts: Map<string, string>;
  readonly text: (part: string) => string | undefined;
  /** name → { sheetId, rId, part } in tab order. */
  readonly sheets: { name: string; sheetId: string; rId: string; part: string }[];
}

const attr = (tag: string, name: string): string => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";

export async function packageView(file: string): Promise<PackageView> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const bytes = await entry.async("uint8array");
    parts.set(name, createHash("sha256").update(bytes).digest("hex"));
    if (/\.(xml|rels)$/.test(name)) texts.set(name, new TextDecoder().decode(bytes));
  }
  const workbook = texts.get("xl/workbook.xml") ?? "";
  const rels = texts.get("xl/_rels/workbook.xml.rels") ?? "";
  const sheets = (workbook.match(/<(?:\w+:)?sheet\s[^>]*\/>/g) ?? []).map((tag) => {
    const rId = attr(tag, "r:id");
    const rel = (rels.match(/<Relationship\s[^>]*\/>/g) ?? []).find((r) => attr(r, "Id") === rId) ?? "";
    const target = attr(rel, "Target");
    return { name: unescapeXml(attr(tag, "name")), sheetId: attr(tag, "sheetId"), rId, part: target.startsWith("/") ? target.slice(1) : `xl/${target}` };
  });
  return { parts, text: (p) => texts.get(p), sheets };
}

/** The package bookkeeping thidua may change when it adds or rewrites sheets. */
export const BOOKKEEPING = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

/** Parts present in `before` that are missing or differ in `after`, leaving out the parts named in `owned`. */
export function changedParts(before: PackageView, after: PackageView, owned: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [name, digest] of before.parts) {
    if (owned.has(name)) continue;
    const now = after.parts.get(name);
    if (now === undefined) out.push(`${name} (removed)`);
    else if (now !== digest) out.push(`${name} (changed)`);
  }
  return out;
}

/** The parts of the named sheets. */
export function sheetParts(view: PackageView, names: Iterable<string>): Set<string> {
  const wanted = new Set(names);
  return new Set(view.sheets.filter((s) => wanted.has(s.name)).map((s) => s.part));
}

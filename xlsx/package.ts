import { XE } from "./errors.js";
import { attributes, hasDoctype, tagsNamed, rootPrefix } from "./xml.js";
import { type DeflateCodec, ZipArchive, type ZipPart, writeZip } from "./zip.js";
import { utf8Bytes, utf8Text } from "./utf8-text.js";

export const CONTENT_TYPES = "[Content_Types].xml";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as a part name (no leading "/"), or the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

/** Folder of a part name ("xl/workbook.xml" → "xl/"). */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folderOf(source) + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/**
 * An OPC package (the zip of an .xlsx) with parts replaced, added or removed. Reading inflates only
 * the parts asked for; saving copies every part that was not changed as it was stored.
 */
export class OpcPackage {
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];

  constructor(
    readonly zip: ZipArchive | undefined,
    private readonly codec: DeflateCodec,
  ) {}

  static open(data: Uint8Array, codec: DeflateCodec): OpcPackage {
    return new OpcPackage(new ZipArchive(data, codec), codec);
  }

  private key(part: string): string {
    return part.toLowerCase();
  }

  has(part: string): boolean {
    const k = this.key(part);
    if (this.removed.has(k)) return false;
    return this.changed.has(k) || this.zip?.entry(part) !== undefined;
  }

  /** A part's text; undefined when the package has no such part. Parts that declare a DTD are refused. */
  text(part: string): string | undefined {
    const k = this.key(part);
    if (this.removed.has(k)) return undefined;
    const mine = this.changed.get(k);
    let text: string;
    if (mine) text = utf8Text(mine);
    else {
      const e = this.zip?.entry(part);
      if (!e) return undefined;
      text = this.zip!.text(e);
    }
    if (hasDoctype(text)) throw XE.doctype(part);
    return text;
  }

  set(part: string, text: string): void {
    const k = this.key(part);
    this.removed.delete(k);
    if (!this.changed.has(k) && this.zip?.entry(part) === undefined) this.added.push(part);
    this.changed.set(k, utf8Bytes(text));
  }

  remove(part: string): void {
    this.removed.add(this.key(part));
    this.changed.delete(this.key(part));
  }

  relationships(source: string): Relationship[] {
    const xml = this.text(relsPartOf(source));
    if (xml === undefined) return [];
    const p = rootPrefix(xml, "Relationships");
    return tagsNamed(xml, p, "Relationship").map((tag) => {
      const a = attributes(tag);
      const external = a.get("TargetMode") === "External";
      const raw = a.get("Target") ?? "";
      return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: external ? raw : resolveTarget(source, raw), external };
    });
  }

  /** What `save` writes anew: each changed or added part and its bytes (every other part is copied as stored). */
  changedParts(): { readonly name: string; readonly data: Uint8Array }[] {
    const out: { name: string; data: Uint8Array }[] = [];
    for (const entry of this.zip?.entries ?? []) {
      const data = this.changed.get(this.key(entry.name));
      if (data) out.push({ name: entry.name, data });
    }
    for (const name of this.added) {
      const data = this.changed.get(this.key(name));
      if (data && !this.removed.has(this.key(name))) out.push({ name, data });
    }
    return out;
  }

  /**
   * Checks bytes written from `save` before they replace a ledger: the zip's directory reads, every
   * part is there, and each part written anew inflates to exactly what was meant (CRC and bytes).
   */
  verifyWritten(written: Uint8Array): void {
    const zip = new ZipArchive(written, this.codec);
    const expected = this.changedParts();
    for (const entry of this.zip?.entries ?? []) {
      if (!this.removed.has(this.key(entry.name)) && zip.entry(entry.name) === undefined) throw XE.damaged(`ghi thiếu phần ${entry.name}`);
    }
    for (const part of expected) {
      const e = zip.entry(part.name);
      if (e === undefined) throw XE.damaged(`ghi thiếu phần ${part.name}`);
      const data = zip.bytes(e);
      if (this.codec.crc32(data) >>> 0 !== e.crc >>> 0 || data.length !== part.data.length || !data.every((b, i) => b === part.data[i])) throw XE.damaged(`phần ${part.name} ghi ra không đúng`);
    }
  }

  /** The zip of the package as it is now, as chunks to write in order. */
  save(): Uint8Array[] {
    const parts: ZipPart[] = [];
    for (const entry of this.zip?.entries ?? []) {
      const k = this.key(entry.name);
      if (this.removed.has(k)) continue;
      const mine = this.changed.get(k);
      parts.push(mine ? { kind: "new", name: entry.name, data: mine } : { kind: "copy", entry, raw: this.zip!.raw(entry) });
    }
    for (const name of this.added) {
      const mine = this.changed.get(this.key(name));
      if (mine && !this.removed.has(this.key(name))) parts.push({ kind: "new", name, data: mine });
    }
    return writeZip(parts, this.codec);
  }
}

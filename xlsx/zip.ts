import { LIMITS, XE } from "./errors.js";
import { utf8Bytes, utf8Text } from "./utf8-text.js";

/**
 * The zip container of an .xlsx: the central directory read once, a part inflated only when asked
 * (within a size bound), and a writer that copies the parts it is not given anew as they were
 * stored (compressed bytes, CRC and sizes untouched), so what thidua does not own is not even
 * recompressed. Compression itself is the host's (`DeflateCodec`): zlib in Node, fflate in a browser.
 */
export interface DeflateCodec {
  /** Inflates raw deflate data; throws when the result would be longer than `maxBytes`. */
  inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

export interface ZipEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const STORED = 0;
const DEFLATED = 8;

function isCompoundFile(data: Uint8Array): boolean {
  return data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
}

function findEnd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === SIG_END) return i;
  }
  return -1;
}

/** The zip64 end record's count, size and offset, when the plain end record points there. */
function zip64End(view: DataView, end: number): { count: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIG_END64_LOCATOR) throw XE.damaged("thiếu bản ghi zip64");
  const at = Number(view.getBigUint64(locator + 8, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== SIG_END64) throw XE.damaged("bản ghi zip64 sai");
  return { count: Number(view.getBigUint64(at + 32, true)), offset: Number(view.getBigUint64(at + 48, true)) };
}

/** Sizes and offset from a zip64 extra field, for the fields the header marks 0xFFFFFFFF. */
function zip64Extra(view: DataView, start: number, length: number, fields: { size: number; compressedSize: number; localOffset: number }): void {
  for (let p = start; p + 4 <= start + length;) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (fields.size === 0xffffffff) fields.size = take();
      if (fields.compressedSize === 0xffffffff) fields.compressedSize = take();
      if (fields.localOffset === 0xffffffff) fields.localOffset = take();
      return;
    }
    p += 4 + len;
  }
}

export class ZipArchive {
  private readonly view: DataView;
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    readonly data: Uint8Array,
    private readonly codec: DeflateCodec,
  ) {
    if (isCompoundFile(data)) throw XE.legacyOrEncrypted();
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (data.length < 22 || this.view.getUint32(0, true) !== SIG_LOCAL) throw XE.notZip();
    this.entries = this.readDirectory();
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  private readDirectory(): ZipEntry[] {
    const view = this.view;
    const end = findEnd(view);
    if (end < 0) throw XE.damaged("không thấy mục lục tệp nén");
    let count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = zip64End(view, end));
    if (count > LIMITS.entries) throw XE.damaged(`${count} phần`);
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > view.byteLength || view.getUint32(p, true) !== SIG_CENTRAL) throw XE.damaged("mục lục tệp nén sai");
      const flags = view.getUint16(p + 8, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const nameBytes = this.data.subarray(p + 46, p + 46 + nameLength);
      const fields = { compressedSize: view.getUint32(p + 20, true), size: view.getUint32(p + 24, true), localOffset: view.getUint32(p + 42, true) };
      zip64Extra(view, p + 46 + nameLength, extraLength, fields);
      entries.push({
        name: utf8Text(nameBytes),
        nameBytes,
        flags,
        method: view.getUint16(p + 10, true),
        time: view.getUint16(p + 12, true),
        date: view.getUint16(p + 14, true),
        crc: view.getUint32(p + 16, true),
        ...fields,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** The entry of a part name (OPC part names ignore case; a leading "/" is allowed). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get((name.startsWith("/") ? name.slice(1) : name).toLowerCase());
  }

  /** The compressed bytes of an entry, as stored. */
  raw(e: ZipEntry): Uint8Array {
    const view = this.view;
    if (e.localOffset + 30 > view.byteLength || view.getUint32(e.localOffset, true) !== SIG_LOCAL) throw XE.damaged(`phần ${e.name}`);
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    if (start + e.compressedSize > view.byteLength) throw XE.damaged(`phần ${e.name} bị cắt`);
    return this.data.subarray(start, start + e.compressedSize);
  }

  /** A part's bytes, inflated; refused past the size limits before any work where the directory says so. */
  bytes(e: ZipEntry): Uint8Array {
    if (e.flags & FLAG_ENCRYPTED) throw XE.encrypted();
    if (e.size > LIMITS.partBytes) throw XE.tooLarge(e.name, e.size, LIMITS.partBytes);
    if (this.inflated + e.size > LIMITS.totalBytes) throw XE.tooLarge(e.name, this.inflated + e.size, LIMITS.totalBytes);
    const raw = this.raw(e);
    let out: Uint8Array;
    if (e.method === STORED) out = raw;
    else if (e.method === DEFLATED) {
      try {
        out = this.codec.inflateRaw(raw, e.size);
      } catch {
        throw XE.damaged(`phần ${e.name} không giải nén được hoặc lớn hơn kích thước khai báo`);
      }
    } else throw XE.damaged(`phần ${e.name} nén theo kiểu ${e.method}`);
    if (out.length !== e.size) throw XE.damaged(`phần ${e.name} sai kích thước`);
    this.inflated += out.length;
    return out;
  }

  text(e: ZipEntry): string {
    return utf8Text(this.bytes(e));
  }
}

/** A part of the zip to write: copied as stored from an archive, or new bytes to compress. */
export type ZipPart = { readonly kind: "copy"; readonly entry: ZipEntry; readonly raw: Uint8Array } | { readonly kind: "new"; readonly name: string; readonly data: Uint8Array };

/** DOS time and date of a moment (zip's own format), in local wall-clock time as zip tools expect. */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: (Math.max(0, at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * The zip of `parts`, in their order, as chunks to write one after another. New parts are deflated
 * unless that does not make them smaller; copied parts keep their compressed bytes and CRC.
 */
export function writeZip(parts: readonly ZipPart[], codec: DeflateCodec, now = new Date()): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const stamp = dosTime(now);
  let offset = 0;
  for (const part of parts) {
    let e: Omit<ZipEntry, "localOffset" | "name">;
    let body: Uint8Array;
    if (part.kind === "copy") {
      e = { ...part.entry, flags: part.entry.flags & ~FLAG_DATA_DESCRIPTOR };
      body = part.raw;
    } else {
      const deflated = codec.deflateRaw(part.data);
      const stored = deflated.length >= part.data.length;
      body = stored ? part.data : deflated;
      e = {
        nameBytes: utf8Bytes(part.name),
        flags: FLAG_UTF8,
        method: stored ? STORED : DEFLATED,
        ...stamp,
        crc: codec.crc32(part.data),
        compressedSize: body.length,
        size: part.data.length,
      };
    }
    if (offset > 0xfffffffe || e.size > 0xfffffffe || e.compressedSize > 0xfffffffe) throw XE.damaged("tệp ghi ra vượt 4 GiB");
    const local = new Uint8Array(30 + e.nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    writeCommon(lv, 6, e);
    local.set(e.nameBytes, 30);
    const head = new Uint8Array(46 + e.nameBytes.length);
    const cv = new DataView(head.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    writeCommon(cv, 8, e);
    cv.setUint32(42, offset, true);
    head.set(e.nameBytes, 46);
    chunks.push(local, body);
    central.push(head);
    offset += local.length + body.length;
  }
  if (parts.length > 0xfffe) throw XE.damaged("quá nhiều phần");
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_END, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  chunks.push(...central, end);
  return chunks;
}

/** Flags, method, time, date, CRC, sizes and name length: laid out alike in local and central headers. */
function writeCommon(v: DataView, at: number, e: Omit<ZipEntry, "localOffset" | "name">): void {
  v.setUint16(at, e.flags, true);
  v.setUint16(at + 2, e.method, true);
  v.setUint16(at + 4, e.time, true);
  v.setUint16(at + 6, e.date, true);
  v.setUint32(at + 8, e.crc >>> 0, true);
  v.setUint32(at + 12, e.compressedSize, true);
  v.setUint32(at + 16, e.size, true);
  v.setUint16(at + 20, e.nameBytes.length, true);
  v.setUint16(at + 22, 0, true);
}

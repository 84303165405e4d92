import { createReadStream } from "node:fs";
import path from "node:path";
import { TextDecoder } from "node:util";
import { isUtf8 } from "../shared/cells/utf8.js";
import type { Msg } from "../shared/i18n/messages.js";
import { hasLongField } from "../shared/quiz/byte-fields.js";

/**
 * A streaming CSV reader for quiz exports: UTF-8 (with or without BOM) or UTF-16 (either byte order,
 * with a BOM or recognised by its NUL bytes), `;`, `,` or tab separated (chosen from the header line),
 * RFC 4180 quotes ("" inside a quoted field, separators and line breaks inside quotes). Records are
 * handed over one at a time with the number of the physical line they start on; nothing of the file
 * is kept but the line being read.
 *
 * It is meant for hostile files too. A line (or a quoted record spanning lines) longer than
 * MAX_LINE_BYTES stops the reading of the file, so time stays linear in the file and memory bounded
 * by a few lines; a field longer than MAX_FIELD_CHARS is cut (see clipField), so no message or cell
 * echoes more of it; a header line that is not UTF-8 stops the reading with a hint on the encoding.
 */
export type RecordSink = (fields: string[], line: number) => void;

/**
 * The longest line read: 4 MiB, counted in UTF-8 bytes before its line break (a quoted record spanning
 * lines is measured whole, in UTF-16 characters, never more than its bytes). A quiz export's line is a
 * few hundred bytes; a longer one is not an export, and reading on would hold it whole in memory.
 * (Not 1 MiB: a line longer than the 1 MiB chunks of the reader is still read, see quiz-store.test.)
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * The longest field handed over whole, in UTF-16 characters: a longer one is cut to this many and an
 * ellipsis. No value of a quiz export (a code, a name, a number, a date) comes near it, and whatever
 * is read may be echoed in a message or a cell.
 */
export const MAX_FIELD_CHARS = 200;

/** A record longer than this (in bytes or characters) has its first COPIED_FIELDS fields copied (see CsvSplitter.emit). */
const LONG_RECORD = 64 * 1024;
const COPIED_FIELDS = 256;
/** Bytes read from the file at a time. */
const CHUNK = 1 << 20;
/** Bytes looked at to recognise UTF-16 without a BOM. */
const SNIFF_BYTES = 4096;

const q = (s: string | number): string => `“${s}”`;
const size = (bytes: number): string => (bytes % (1 << 20) === 0 ? `${bytes / (1 << 20)} MiB` : `${bytes} byte`);

/** The messages of a reading stopped early (see CsvStop). */
export const CSV_MESSAGES = {
  lineTooLong: (file: string, line: number, limit: number, readBefore: boolean): Msg => ({
    vi: `Dòng ${line} của tệp ${q(file)} dài hơn ${size(limit)}: tệp này không giống tệp xuất kết quả thi; không đọc tiếp tệp này${readBefore ? ` (các dòng trước dòng ${line} đã được đọc)` : ""}.`,
    en: `Line ${line} of ${q(file)} is longer than ${size(limit)}: this file does not look like a quiz results export; the rest of it is not read${readBefore ? ` (the lines before line ${line} were read)` : ""}.`,
  }),
  notUtf8: (file: string): Msg => ({
    vi: `Tệp ${q(file)} không phải UTF-8 (có thể là bảng mã Windows-1258/TCVN3): trong Excel chọn Tệp › Lưu Như › CSV UTF-8 rồi nhập lại.`,
    en: `File ${q(file)} is not in UTF-8 (perhaps Windows-1258 or TCVN3): in Excel choose File › Save As › CSV UTF-8, then import it again.`,
  }),
};

/**
 * Thrown by readCsvFile when the reading of a file stops early and no `onStop` is given. Its message
 * holds both languages, for a caller that shows only the message; `msg` is the message itself.
 */
export class CsvStop extends Error {
  constructor(
    readonly line: number,
    readonly msg: Msg,
  ) {
    super(`${msg.vi} (${msg.en})`);
    this.name = "CsvStop";
  }
}

export interface CsvOptions {
  /**
   * Called for each record, the header included (line 1 unless blank lines come first). When reading
   * stops early and there is no `onStop`, an empty record (no field) is handed over first, at the line
   * where it stops, once the header is read: a reader takes it as a blank line, and one that holds
   * rows back (AttemptSource counts them in batches) counts them before readCsvFile throws.
   */
  readonly onRecord: RecordSink;
  /** A record that cannot be split (a quote never closed). */
  readonly onBadRecord: (line: number) => void;
  /**
   * When given, every record after the first whose line has no quote is handed over unsplit and
   * undecoded, as the UTF-8 bytes bytes[start, end) of its line, with the separator's byte: the
   * reader can take its fields without building a string. (A line with a field longer than
   * MAX_FIELD_CHARS bytes, or longer than 64 KiB, is handed over as a record instead, its long
   * fields cut.)
   */
  readonly onBytes?: (bytes: Uint8Array, start: number, end: number, separator: number, line: number) => void;
  /**
   * The reading stopped before the end of the file, at `line`: a line longer than the limit (nothing
   * from that line on is read), or a header line that is not UTF-8 (nothing is read). `msg` says why
   * and what to do. Without it, readCsvFile throws a CsvStop.
   */
  readonly onStop?: (line: number, msg: Msg) => void;
  /** The longest line read, in bytes: MAX_LINE_BYTES unless given. */
  readonly maxLineBytes?: number;
}

export interface CsvStats {
  readonly records: number;
  readonly lines: number;
  readonly separator: string;
}

/** Why a CsvSplitter stopped: a line longer than the limit, or a header line that is not UTF-8. */
export interface CsvStopped {
  readonly reason: "tooLong" | "notUtf8";
  readonly line: number;
}

const QUOTE = 34; // "

/**
 * `value`, or when longer than MAX_FIELD_CHARS its first MAX_FIELD_CHARS characters (one fewer rather
 * than half a surrogate pair) and "…". The result is a copy, never a slice that keeps `value` alive.
 */
export function clipField(value: string): string {
  if (value.length <= MAX_FIELD_CHARS) return value;
  let cut = MAX_FIELD_CHARS;
  const last = value.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return copyText(value.slice(0, cut) + "…");
}

/** A fresh copy of `text` (V8 keeps a slice's whole parent string alive). */
function copyText(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

/** The separator the header uses most, outside quotes: `;`, `,` or tab (`,` when none). */
export function detectSeparator(headerLine: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  let best = ",";
  for (const s of [";", "\t"]) if (counts[s]! > counts[best]!) best = s;
  return best;
}

/** A record with a quote that the text pushed so far leaves unfinished: what is read of it. */
interface PartialRecord {
  readonly fields: string[];
  readonly field: string;
  readonly inQuotes: boolean;
  /** Line breaks read inside it. */
  readonly lines: number;
  /** Its characters read. */
  readonly length: number;
}

/**
 * Splits decoded text into records incrementally; `push` may be called with any slicing of the text.
 * A record with a quote left unfinished by a push is resumed where it stopped, never parsed again.
 * A line or record longer than the limit (CsvOptions.maxLineBytes) stops the splitter: `stopped`
 * says where, and nothing more is split.
 */
export class CsvSplitter {
  /** Text pushed but not split yet: the start of a line, or the unread rest of `partial`. */
  private carry = "";
  private partial: PartialRecord | undefined;
  private line = 1;
  private sep: string | undefined;
  private started = false;
  private readonly max: number;
  records = 0;
  /** Set when the splitter stopped early; it then reads nothing more. */
  stopped: CsvStopped | undefined;

  constructor(private readonly opts: CsvOptions) {
    this.max = opts.maxLineBytes ?? MAX_LINE_BYTES;
  }

  get separator(): string {
    return this.sep ?? ",";
  }

  get lines(): number {
    return this.line - 1;
  }

  /** The physical line that the text pushed so far ends on (the one an unfinished line continues). */
  get nextLine(): number {
    let line = this.line + (this.partial?.lines ?? 0);
    for (let i = this.carry.indexOf("\n"); i >= 0; i = this.carry.indexOf("\n", i + 1)) line++;
    return line;
  }

  /** Stops the splitting (the first reason given is kept). */
  stop(reason: CsvStopped["reason"], line: number): void {
    this.stopped ??= { reason, line };
    this.carry = "";
    this.partial = undefined;
  }

  /**
   * Splits `chunk`, the text that follows what was pushed before; `final` when nothing follows. A
   * line cut by a push is searched again from its start by the next (readCsvFile pushes whole lines;
   * the limit bounds the cost for other callers).
   */
  push(chunk: string, final: boolean): void {
    if (this.stopped !== undefined) return;
    const text = this.carry.length === 0 ? chunk : this.carry + chunk;
    let pos = 0;
    if (!this.started && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) pos = 1;
      this.started = true;
    }
    const n = text.length;
    let nextQuote = -2;
    while (pos < n || (final && this.partial !== undefined)) {
      if (this.partial === undefined) {
        let nl = text.indexOf("\n", pos);
        if (nl < 0) {
          if (!final) break;
          nl = n;
        }
        // `pos` starts a record: a physical line this long makes the record too long.
        if (nl - pos > this.max) return this.stop("tooLong", this.line);
        if (this.sep === undefined) {
          const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          this.sep = detectSeparator(text.slice(pos, end));
        }
        if (nextQuote !== -1 && nextQuote < pos) {
          nextQuote = text.indexOf('"', pos);
        }
        if (nextQuote === -1 || nextQuote >= nl) {
          const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          if (end > pos) this.emit(text.slice(pos, end).split(this.sep), this.line, end - pos);
          this.line++;
          pos = nl + 1;
          continue;
        }
      }
      pos = this.quoted(text, pos, final);
      if (this.stopped !== undefined) return;
      if (this.partial !== undefined) break; // needs more text
      nextQuote = -2;
    }
    this.carry = pos < n ? text.slice(pos) : "";
    // What is kept of an unfinished line or record is bounded by the limit.
    if (this.carry.length + (this.partial?.length ?? 0) > this.max) this.stop("tooLong", this.line);
  }

  /** Whether the text pushed so far ends inside a record. */
  private get midRecord(): boolean {
    return this.carry !== "" || this.partial !== undefined;
  }

  /**
   * Splits whole lines given as UTF-8 bytes (bytes ending with a line break, or, when `final`, with
   * the end of the file). Each record after the header whose line has no quote goes to `onBytes`;
   * from the first line that must be read as text (a quote, the rest of an unfinished record)
   * everything left is decoded with `decode` and pushed as text. The header, and any line with a
   * field longer than MAX_FIELD_CHARS bytes, is decoded and pushed alone. A header line that is not
   * UTF-8 stops the splitter (`notUtf8`).
   */
  pushBytes(bytes: Uint8Array, decode: (bytes: Uint8Array) => string, final = false): void {
    const onBytes = this.opts.onBytes;
    const n = bytes.length;
    let pos = 0;
    let nextQuote = -2;
    while (pos < n && !this.midRecord && this.stopped === undefined) {
      let nl = bytes.indexOf(10, pos);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      if (nl - pos > this.max) return this.stop("tooLong", this.line);
      const next = Math.min(nl + 1, n);
      if (this.records === 0) {
        // Until the header: blank lines, then the header, each checked and pushed alone.
        if (!isUtf8(bytes, pos, nl)) return this.stop("notUtf8", this.line);
        this.push(decode(bytes.subarray(pos, next)), final && next === n);
        pos = next;
        continue;
      }
      if (onBytes === undefined) break;
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = bytes.indexOf(QUOTE, pos);
      if (nextQuote !== -1 && nextQuote < nl) break;
      const end = nl > pos && bytes[nl - 1] === 13 ? nl - 1 : nl;
      if (end - pos > MAX_FIELD_CHARS && (end - pos > LONG_RECORD || hasLongField(bytes, pos, end, this.separator.charCodeAt(0), MAX_FIELD_CHARS))) {
        this.push(decode(bytes.subarray(pos, next)), final && next === n);
        pos = next;
        continue;
      }
      if (end > pos) {
        this.records++;
        onBytes(bytes, pos, end, this.separator.charCodeAt(0), this.line);
      }
      this.line++;
      pos = next;
    }
    if (this.stopped !== undefined) return;
    if (pos < n) this.push(decode(bytes.subarray(pos)), final);
    else if (final) this.push("", true);
  }

  /**
   * Hands a record over, its long fields cut. In a long record the first COPIED_FIELDS fields are
   * also copied off the line (V8 gives short strings their own copy already), so that a value kept
   * in a message or a cell does not keep megabytes of line alive; a reader of quiz attempts never
   * reads further columns.
   */
  private emit(fields: string[], line: number, length: number): void {
    if (length > MAX_FIELD_CHARS) {
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k]!;
        if (f.length > MAX_FIELD_CHARS) fields[k] = clipField(f);
        else if (length > LONG_RECORD && k < COPIED_FIELDS && f.length > 12) fields[k] = copyText(f);
      }
    }
    this.records++;
    this.opts.onRecord(fields, line);
  }

  /**
   * Parses a record that contains a quote, from `start` (or resumes `partial` there). Returns the
   * position after it; when the text ends inside it and more may come, keeps what is read in
   * `partial` and returns where reading must resume.
   */
  private quoted(text: string, start: number, final: boolean): number {
    const sep = this.sep!.charCodeAt(0);
    const resumed = this.partial;
    this.partial = undefined;
    const fields = resumed?.fields ?? [];
    let field = resumed?.field ?? "";
    let inQuotes = resumed?.inQuotes ?? false;
    let lines = resumed?.lines ?? 0;
    const before = resumed?.length ?? 0;
    let i = start;
    let segStart = i;
    const n = text.length;
    const unfinished = (): number => {
      this.partial = { fields, field: field + text.slice(segStart, i), inQuotes, lines, length: before + i - start };
      return i;
    };
    while (i < n) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
            field += text.slice(segStart, i + 1);
            i += 2;
            segStart = i;
            continue;
          }
          if (i + 1 >= n && !final) return unfinished(); // "" may straddle pushes: resumed at this quote
          field += text.slice(segStart, i);
          inQuotes = false;
          i++;
          segStart = i;
          continue;
        }
        if (c === 10) lines++;
        i++;
        continue;
      }
      if (c === QUOTE) {
        field += text.slice(segStart, i);
        inQuotes = true;
        i++;
        segStart = i;
        continue;
      }
      if (c === sep) {
        fields.push(field + text.slice(segStart, i));
        field = "";
        i++;
        segStart = i;
        continue;
      }
      if (c === 10) break;
      i++;
    }
    const length = before + i - start;
    if (length > this.max) {
      this.stop("tooLong", this.line);
      return n;
    }
    if ((inQuotes || i >= n) && !final) return unfinished();
    if (inQuotes) {
      this.opts.onBadRecord(this.line);
      this.line += lines + 1;
      return n;
    }
    let last = field + text.slice(segStart, i);
    if (last.endsWith("\r")) last = last.slice(0, -1);
    fields.push(last);
    this.emit(fields, this.line, length);
    this.line += lines + 1;
    return i + 1;
  }
}

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be";

/**
 * The encoding of a file from its first bytes: a UTF-16 BOM (FF FE, FE FF) says it; without one, a
 * text whose every other byte is mostly NUL is UTF-16 (little-endian when the NULs are at odd
 * offsets: the high bytes of ASCII letters, digits and separators), since UTF-8 text has no NUL.
 * Anything else is read as UTF-8.
 */
export function sniffEncoding(head: Uint8Array): CsvEncoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const n = Math.min(head.length, SNIFF_BYTES) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const units = n / 2;
  if (units >= 2 && odd >= units / 4 && even * 8 <= odd) return "utf-16le";
  if (units >= 2 && even >= units / 4 && odd * 8 <= even) return "utf-16be";
  return "utf-8";
}

/**
 * The file's bytes, chunk by chunk, as UTF-8: as they are for UTF-8 (a BOM dropped); decoded and
 * re-encoded for UTF-16 (its BOM dropped, a code unit or surrogate pair cut by a chunk carried over).
 * Call with `final` once, after the last chunk, for what is carried.
 */
function utf8Chunks(encoding: CsvEncoding): (chunk: Buffer, final: boolean) => Buffer {
  if (encoding === "utf-8") {
    let first = true;
    return (chunk) => {
      if (!first) return chunk;
      first = false;
      return chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
    };
  }
  const decoder = new TextDecoder("utf-16le");
  let odd: Buffer | undefined;
  return (chunk, final) => {
    let units = chunk;
    if (encoding === "utf-16be") {
      // Swapped into little-endian: the byte order mark FE FF becomes FF FE, which the decoder drops.
      units = odd === undefined ? Buffer.from(chunk) : Buffer.concat([odd, chunk]);
      odd = undefined;
      const even = units.length & ~1;
      if (even < units.length) {
        odd = Buffer.from(units.subarray(even));
        units = units.subarray(0, even);
      }
      units.swap16();
      if (final && odd !== undefined) units = Buffer.concat([units, odd]);
    }
    return Buffer.from(decoder.decode(units, { stream: !final }), "utf8");
  };
}

/**
 * Streams a CSV file through a CsvSplitter, which receives whole lines of UTF-8 bytes that it may hand
 * over undecoded (a UTF-16 file is re-encoded chunk by chunk). The part of a line that a chunk cuts is
 * kept as the chunks' pieces and joined once its line break comes: each byte is copied once, and a line
 * that grows past the limit stops the reading at once (memory stays within a few lines; time linear).
 *
 * When the reading stops early (a line too long; a header line not in UTF-8, the hint for a file saved
 * in Windows-1258 or TCVN3), `onStop` is told, or without it, a CsvStop is thrown. The records before
 * the line stay read: an accumulator cannot take rows back, and refusing the whole file would mean
 * reading it twice.
 */
export async function readCsvFile(file: string, opts: CsvOptions): Promise<CsvStats> {
  const max = opts.maxLineBytes ?? MAX_LINE_BYTES;
  const splitter = new CsvSplitter(opts);
  // Whole lines only: nothing is cut inside a character, and a U+FEFF inside the text is kept.
  const text = new TextDecoder("utf-8", { ignoreBOM: true });
  const decode = (b: Uint8Array): string => text.decode(b);
  let toUtf8: ((chunk: Buffer, final: boolean) => Buffer) | undefined;
  /** The start of the line that the last chunk cut, in pieces. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  for await (const raw of stream as AsyncIterable<Buffer>) {
    toUtf8 ??= utf8Chunks(sniffEncoding(raw));
    const chunk = toUtf8(raw, false);
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
    } else {
      let from = 0;
      if (pending.length > 0) {
        from = chunk.indexOf(10) + 1;
        pending.push(chunk.subarray(0, from));
        splitter.pushBytes(Buffer.concat(pending), decode);
      }
      if (from <= last && splitter.stopped === undefined) splitter.pushBytes(chunk.subarray(from, last + 1), decode);
      pending = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
      pendingBytes = chunk.length - last - 1;
    }
    if (splitter.stopped === undefined && pendingBytes > max) splitter.stop("tooLong", splitter.nextLine);
    if (splitter.stopped !== undefined) break;
  }
  if (splitter.stopped === undefined) {
    if (toUtf8 !== undefined) pending.push(toUtf8(Buffer.alloc(0), true));
    splitter.pushBytes(Buffer.concat(pending), decode, true);
  }
  const stopped = splitter.stopped;
  if (stopped !== undefined) {
    const label = clipField(path.basename(file));
    const msg = stopped.reason === "tooLong" ? CSV_MESSAGES.lineTooLong(label, stopped.line, max, splitter.records > 1) : CSV_MESSAGES.notUtf8(label);
    if (opts.onStop !== undefined) opts.onStop(stopped.line, msg);
    else {
      if (splitter.records > 0) opts.onRecord([], stopped.line);
      throw new CsvStop(stopped.line, msg);
    }
  }
  return { records: splitter.records, lines: splitter.lines, separator: splitter.separator };
}

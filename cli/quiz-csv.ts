import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";

/**
 * A streaming CSV reader for quiz exports: UTF-8 (with or without BOM) or UTF-16LE with BOM,
 * `;`, `,` or tab separated (chosen from the header line), RFC 4180 quotes ("" inside a quoted
 * field, separators and line breaks inside quotes). Records are handed over one at a time with
 * the number of the physical line they start on; nothing of the file is kept.
 */
export type RecordSink = (fields: string[], line: number) => void;

export interface CsvOptions {
  /** Called for each record, the header included (line 1 unless blank lines come first). */
  readonly onRecord: RecordSink;
  /** A record that cannot be split (a quote never closed). */
  readonly onBadRecord: (line: number) => void;
  /**
   * When given, every record after the first whose line has no quote is handed over unsplit and
   * undecoded, as the UTF-8 bytes bytes[start, end) of its line, with the separator's byte: the
   * reader can take its fields without building a string.
   */
  readonly onBytes?: (bytes: Uint8Array, start: number, end: number, separator: number, line: number) => void;
}

export interface CsvStats {
  readonly records: number;
  readonly lines: number;
  readonly separator: string;
}

const QUOTE = 34; // "

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

/** Splits decoded text into records incrementally; `push` may be called with any slicing of the text. */
export class CsvSplitter {
  private carry = "";
  private line = 1;
  private sep: string | undefined;
  private started = false;
  records = 0;

  constructor(private readonly opts: CsvOptions) {}

  get separator(): string {
    return this.sep ?? ",";
  }

  get lines(): number {
    return this.line - 1;
  }

  push(chunk: string, final: boolean): void {
    const text = this.carry.length === 0 ? chunk : this.carry + chunk;
    let pos = 0;
    if (!this.started && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) pos = 1;
      this.started = true;
    }
    const n = text.length;
    let nextQuote = -2;
    while (pos < n) {
      let nl = text.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      if (this.sep === undefined) {
        const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        this.sep = detectSeparator(text.slice(pos, end));
      }
      if (nextQuote !== -1 && nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
      }
      if (nextQuote === -1 || nextQuote >= nl) {
        const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end > pos) {
          this.records++;
          this.opts.onRecord(text.slice(pos, end).split(this.sep), this.line);
        }
        this.line++;
        pos = nl + 1;
        continue;
      }
      const parsed = this.quoted(text, pos, final);
      if (parsed === undefined) break; // needs more text
      pos = parsed;
      nextQuote = -2;
    }
    this.carry = pos < n ? text.slice(pos) : "";
  }

  /**
   * Splits whole lines given as UTF-8 bytes (bytes ending with a line break, or with the part of a
   * line that a final push ends). Each record after the header whose line has no quote goes to
   * `onBytes`; from the first line that must be read as text (the header, a quote, the rest of an
   * unfinished record) everything left is decoded with `decode` and pushed as text.
   */
  pushBytes(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): void {
    const onBytes = this.opts.onBytes;
    const n = bytes.length;
    let pos = 0;
    let nextQuote = -2;
    while (pos < n && onBytes !== undefined && this.carry === "") {
      const nl = bytes.indexOf(10, pos);
      if (nl < 0) break;
      if (this.records === 0) {
        this.push(decode(bytes.subarray(pos, nl + 1)), false);
        pos = nl + 1;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = bytes.indexOf(QUOTE, pos);
      if (nextQuote !== -1 && nextQuote < nl) break;
      const end = nl > pos && bytes[nl - 1] === 13 ? nl - 1 : nl;
      if (end > pos) {
        this.records++;
        onBytes(bytes, pos, end, this.separator.charCodeAt(0), this.line);
      }
      this.line++;
      pos = nl + 1;
    }
    if (pos < n) this.push(decode(bytes.subarray(pos)), false);
  }

  /** Parses one record that contains a quote, starting at `start`. Returns the position after it, or undefined when the text ends inside quotes and more may come. */
  private quoted(text: string, start: number, final: boolean): number | undefined {
    const sep = this.sep!.charCodeAt(0);
    const fields: string[] = [];
    let field = "";
    let i = start;
    let lines = 0;
    let segStart = i;
    let inQuotes = false;
    const n = text.length;
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
          if (i + 1 >= n && !final) return undefined; // "" may straddle chunks
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
    if (inQuotes) {
      if (!final) return undefined;
      this.opts.onBadRecord(this.line);
      this.line += lines + 1;
      return n;
    }
    if (i >= n && !final) return undefined;
    let last = field + text.slice(segStart, i);
    if (last.endsWith("\r")) last = last.slice(0, -1);
    fields.push(last);
    this.records++;
    this.opts.onRecord(fields, this.line);
    this.line += lines + 1;
    return i + 1;
  }
}

/**
 * The end (exclusive) of the last line break in `bytes`, or 0 when there is none. In UTF-16LE a
 * break is the code unit 0A 00 at an even offset; in UTF-8 the byte 0A is never part of another character.
 */
export function lastLineEnd(bytes: Uint8Array, utf16: boolean): number {
  if (!utf16) return bytes.lastIndexOf(10) + 1;
  for (let i = (bytes.length - 2) & ~1; i >= 0; i -= 2) if (bytes[i] === 10 && bytes[i + 1] === 0) return i + 2;
  return 0;
}

/**
 * Streams a CSV file through a CsvSplitter. Each chunk is cut after its last line break and the
 * remainder carried as bytes, so the splitter receives whole lines: as UTF-8 bytes that it may hand
 * over undecoded (a UTF-16 file is re-encoded chunk by chunk), or as one flat decoded string.
 */
export async function readCsvFile(file: string, opts: CsvOptions): Promise<CsvStats> {
  const splitter = new CsvSplitter(opts);
  let decoder: TextDecoder | undefined;
  const reencoded = new TextDecoder("utf-8", { ignoreBOM: true });
  let utf16 = false;
  let rest: Buffer | undefined;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (decoder === undefined) {
      utf16 = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
      decoder = new TextDecoder(utf16 ? "utf-16le" : "utf-8");
    }
    const bytes = rest === undefined ? chunk : Buffer.concat([rest, chunk]);
    const cut = lastLineEnd(bytes, utf16);
    rest = cut < bytes.length ? bytes.subarray(cut) : undefined;
    const file = decoder;
    if (cut === 0) {
      // No break at all (one enormous line): decoded whole; the decoder keeps a split character.
      splitter.push(file.decode(bytes, { stream: true }), false);
      rest = undefined;
    } else if (utf16) splitter.pushBytes(Buffer.from(file.decode(bytes.subarray(0, cut), { stream: true }), "utf8"), (b) => reencoded.decode(b));
    else splitter.pushBytes(bytes.subarray(0, cut), (b) => file.decode(b, { stream: true }));
  }
  splitter.push(decoder ? decoder.decode(rest ?? new Uint8Array(0)) : "", true);
  return { records: splitter.records, lines: splitter.lines, separator: splitter.separator };
}

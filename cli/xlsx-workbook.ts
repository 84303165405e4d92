import nodeFs, { promises as fs } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Grid } from "../shared/cells/cell.js";
import type { OutputSheet } from "../shared/ledger/output-sheet.js";
import type { LedgerPort, SheetEdits } from "../shared/tasks/port.js";
import { XlsxBook } from "../xlsx/workbook.js";
import { writeFileAtomic } from "./write-file-atomic.js";
import { zlibCodec } from "./zlib-codec.js";

/**
 * A workbook file as the core's port. The file is read once; only the sheets asked for are
 * inflated and parsed; `write` replaces output sheets and sets imported cells; `save` writes the
 * package atomically with every other part copied as it was stored.
 */
export class XlsxWorkbook implements LedgerPort {
  private constructor(readonly book: XlsxBook) {}

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(XlsxBook.create(zlibCodec));
  }

  /** A new workbook holding these sheets, in this order, saved as `file` (templates, the demo's ledgers). */
  static async create(file: string, sheets: Iterable<OutputSheet>): Promise<void> {
    const book = XlsxWorkbook.empty();
    for (const sheet of sheets) book.replaceSheet(sheet);
    await book.save(file);
  }

  static async load(file: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await fs.readFile(file));
  }

  static fromBuffer(data: Uint8Array): XlsxWorkbook {
    return new XlsxWorkbook(XlsxBook.open(data, zlibCodec));
  }

  async sheetNames(): Promise<string[]> {
    return this.book.sheets.map((s) => s.name);
  }

  async read(names: readonly string[]): Promise<Map<string, Grid | undefined>> {
    return new Map(names.map((name) => [name, this.book.readGrid(name)]));
  }

  /** Every sheet, hidden ones included, as grids (for returned judges' workbooks). */
  readAll(): Map<string, Grid> {
    return new Map(this.book.sheets.map((s) => [s.name, this.book.readGrid(s.name) ?? []]));
  }

  isHidden(name: string): boolean {
    const s = this.book.sheet(name);
    return s !== undefined && s.state !== "visible";
  }

  async write(outputs: readonly OutputSheet[], edits: readonly SheetEdits[] = []): Promise<void> {
    for (const sheet of outputs) this.book.writeSheet(sheet);
    for (const e of edits) this.book.editCells(e.sheet, e.edits, { keepFormulas: e.keepFormulas === true });
  }

  /** Writes a sheet whole (templates, judges' workbooks): hidden, or protected with only its score cells open. */
  replaceSheet(sheet: OutputSheet, options: { hidden?: boolean; protect?: boolean } = {}): void {
    this.book.writeSheet(sheet, options);
  }

  /** Written beside the file, read back and checked (a valid package holding what was meant), only then renamed over it. */
  async save(file: string): Promise<void> {
    const chunks = this.book.save();
    await writeFileAtomic(file, async (tmp) => {
      await pipeline(Readable.from(chunks, { objectMode: false }), nodeFs.createWriteStream(tmp, { flags: "wx" }));
      this.book.verifyWritten(await fs.readFile(tmp));
    });
  }
}

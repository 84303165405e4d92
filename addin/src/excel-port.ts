import type { Cell, Grid } from "../../shared/cells/cell.js";
import { NUMBER_FORMAT, type OutputSheet } from "../../shared/ledger/output-sheet.js";
import type { CellEdit, LedgerPort, SheetEdits } from "../../shared/tasks/port.js";
import { type ExcelValue, fromExcelValue, payloadBytes, toExcelValue } from "./excel-cells.js";
import { type DecimalRange, type FormatCapabilities, columnHasDateFormat, queueDecimalValidation, queueInvalidHighlight, queueSheetFormat } from "./sheet-format.js";

/** `Excel.run` or a stand-in with the same shape. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Called once the values and formats of a write are queued, before its final sync. */
export type WriteDecorator = (context: Excel.RequestContext, written: ReadonlyMap<string, { sheet: Excel.Worksheet; output: OutputSheet }>) => void;

export interface ExcelPortOptions {
  readonly run?: ExcelRunner;
  readonly capabilities?: FormatCapabilities;
  /** Excel on the web refuses requests over 5 MB; a write is split into several syncs only beyond this. */
  readonly maxRequestBytes?: number;
  /** Templates: make each written sheet an Excel table. */
  readonly asTables?: boolean;
  readonly decorate?: WriteDecorator;
}

export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Cells per block when a read must be split: well under 5 MB for the text a ledger holds. */
const CELLS_PER_BLOCK = 100_000;

/** Whether Excel refused a request or its answer for its size. */
function isPayloadLimit(err: unknown): boolean {
  const code = typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "";
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

function defaultRunner(): ExcelRunner {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);
}

/** Rows padded to one width, as `range.values` wants a rectangle. */
function rectangle(rows: Grid, width: number): ExcelValue[][] {
  return rows.map((r) => {
    const out: ExcelValue[] = new Array<ExcelValue>(width).fill("");
    r.forEach((c, i) => {
      out[i] = toExcelValue(c);
    });
    return out;
  });
}

function gridOf(values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number): Grid {
  const grid: Grid = [];
  for (let r = 0; r < rowIndex; r++) grid.push([]);
  for (const row of values) {
    const cells: Cell[] = new Array<Cell>(columnIndex).fill(null);
    for (const v of row) cells.push(fromExcelValue(v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    grid.push(cells);
  }
  return grid;
}

/** Runs of edits in one row with consecutive columns: one range write each. Later edits of a cell win. */
export function editRuns(edits: readonly CellEdit[]): { row: number; col: number; values: Cell[] }[] {
  const last = new Map<string, CellEdit>();
  for (const e of edits) last.set(`${e.row}:${e.col}`, e);
  const sorted = [...last.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; values: Cell[] }[] = [];
  for (const e of sorted) {
    const run = runs[runs.length - 1];
    if (run && run.row === e.row && run.col + run.values.length === e.col) run.values.push(e.value);
    else runs.push({ row: e.row, col: e.col, values: [e.value] });
  }
  return runs;
}

/** A sheet name not in use, for the moment between adding a replacement and deleting the old sheet. */
function temporaryName(names: readonly string[]): string {
  let n = 1;
  while (names.some((x) => x.toLowerCase() === `thidua-tmp-${n}`)) n++;
  return `thidua-tmp-${n}`;
}

/** The number formats of a sheet travel as one string per cell, like values. */
function formatBytes(f: OutputSheet["format"], rowCount: number): number {
  const dataRows = Math.max(0, rowCount - f.headerRow - 1);
  let n = 2_000;
  for (const fmt of f.numberFormats) if (fmt !== undefined) n += dataRows * (fmt.length * 3 + 6);
  return n;
}

/** Counts bytes queued since the last sync and syncs first when the next payload would pass the limit. */
class Batch {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.limit) {
      await this.context.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
}

/**
 * The open workbook as the core's port. Every method is one `Excel.run`: `sheetNames` and `read` make
 * one `context.sync()` each, `write` one (more only when a payload would pass Excel on the web's 5 MB).
 */
export class ExcelLedger implements LedgerPort {
  private readonly run: ExcelRunner;
  private readonly can: FormatCapabilities;
  private readonly limit: number;
  private known: string[] | undefined;

  constructor(private readonly options: ExcelPortOptions = {}) {
    this.run = options.run ?? defaultRunner();
    this.can = options.capabilities ?? { pageLayout: false };
    this.limit = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => [...(await this.loadNames(context))]);
  }

  private async loadNames(context: Excel.RequestContext): Promise<string[]> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    this.known = sheets.items.map((s) => s.name);
    return this.known;
  }

  private async names(context: Excel.RequestContext): Promise<string[]> {
    return this.known ?? (await this.loadNames(context));
  }

  private static actual(names: readonly string[], wanted: string): string | undefined {
    return names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  }

  /**
   * One sync for the values of every wanted sheet. Excel on the web answers at most 5 MB at once: a
   * ledger past that (a big `Trắc nghiệm` sheet) is read again in blocks of rows, one sync each.
   */
  async read(wanted: readonly string[]): Promise<Map<string, Grid | undefined>> {
    try {
      return await this.readAtOnce(wanted);
    } catch (err) {
      if (!isPayloadLimit(err)) throw err;
      return this.readInBlocks(wanted);
    }
  }

  private readAtOnce(wanted: readonly string[]): Promise<Map<string, Grid | undefined>> {
    return this.readUsed(wanted, "values,rowIndex,columnIndex", async (_context, _sheet, used) => gridOf(used.values, used.rowIndex, used.columnIndex));
  }

  /** The wanted sheets' extents in one sync, then blocks of rows; a block still too large is halved. */
  private readInBlocks(wanted: readonly string[]): Promise<Map<string, Grid | undefined>> {
    return this.readUsed(wanted, "rowIndex,columnIndex,rowCount,columnCount", (context, sheet, used) =>
      this.readRows(context, sheet, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount),
    );
  }

  /**
   * Loads `props` of each wanted sheet's used range in one sync, then makes its grid with `grid`: [] for
   * an empty sheet, undefined for a sheet the workbook lacks.
   */
  private async readUsed(
    wanted: readonly string[],
    props: string,
    grid: (context: Excel.RequestContext, sheet: string, used: Excel.Range) => Promise<Grid>,
  ): Promise<Map<string, Grid | undefined>> {
    return this.run(async (context) => {
      const names = await this.names(context);
      const ranges = new Map<string, { sheet: string; used: Excel.Range } | undefined>();
      for (const name of wanted) {
        const sheet = ExcelLedger.actual(names, name);
        const used = sheet === undefined ? undefined : context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
        used?.load(props);
        ranges.set(name, sheet === undefined || used === undefined ? undefined : { sheet, used });
      }
      await context.sync();
      const out = new Map<string, Grid | undefined>();
      for (const [name, found] of ranges) {
        if (found === undefined) out.set(name, undefined);
        else if (found.used.isNullObject) out.set(name, []);
        else out.set(name, await grid(context, found.sheet, found.used));
      }
      return out;
    });
  }

  private async readRows(context: Excel.RequestContext, sheet: string, r0: number, c0: number, rows: number, cols: number): Promise<Grid> {
    const grid = gridOf([], r0, c0);
    let block = Math.max(1, Math.floor(CELLS_PER_BLOCK / cols));
    for (let r = 0; r < rows; ) {
      const n = Math.min(block, rows - r);
      const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(r0 + r, c0, n, cols);
      range.load("values");
      try {
        await context.sync();
      } catch (err) {
        if (!isPayloadLimit(err) || n === 1) throw err;
        block = Math.max(1, Math.floor(n / 2));
        continue;
      }
      grid.push(...gridOf(range.values, 0, c0));
      r += n;
    }
    return grid;
  }

  async write(outputs: readonly OutputSheet[], edits: readonly SheetEdits[] = []): Promise<void> {
    await this.run(async (context) => {
      const names = [...(await this.names(context))];
      const batch = new Batch(context, this.limit);
      const sheets = context.workbook.worksheets;
      const written = new Map<string, { sheet: Excel.Worksheet; output: OutputSheet }>();
      for (const output of outputs) {
        const existing = ExcelLedger.actual(names, output.name);
        let ws: Excel.Worksheet;
        if (existing === undefined) {
          ws = sheets.add(output.name);
          names.push(output.name);
        } else {
          // Added under a temporary name first: the old sheet may be the workbook's only one. The new
          // sheet takes the old one's place in the tab order.
          const position = names.indexOf(existing);
          ws = sheets.add(temporaryName(names));
          sheets.getItem(existing).delete();
          ws.name = output.name;
          ws.position = position;
          names.splice(position, 1, output.name);
        }
        await this.writeSheet(ws, output, batch);
        written.set(output.name, { sheet: ws, output });
      }
      for (const e of edits) {
        const existing = ExcelLedger.actual(names, e.sheet);
        const ws = existing === undefined ? sheets.add(e.sheet) : sheets.getItem(existing);
        if (existing === undefined) names.push(e.sheet);
        for (const run of editRuns(e.edits)) {
          const values = [run.values.map(toExcelValue)];
          await batch.reserve(payloadBytes(values));
          ws.getRangeByIndexes(run.row, run.col, 1, run.values.length).values = values;
          run.values.forEach((v, i) => {
            if (v instanceof Date) ws.getCell(run.row, run.col + i).numberFormat = [[NUMBER_FORMAT.date]];
          });
        }
      }
      this.options.decorate?.(context, written);
      await context.sync();
      this.known = names;
    });
  }

  /**
   * Guards score columns of an input sheet: data validation min..max, and out-of-range or non-numeric
   * scores highlighted. Only validation and formats change, never a value. One sync.
   */
  async guardColumns(sheet: string, firstRow: number, rowCount: number, ranges: readonly (DecimalRange & { readonly col: number })[]): Promise<void> {
    if (ranges.length === 0 || rowCount < 1) return;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const v of ranges) {
        const cells = ws.getRangeByIndexes(firstRow, v.col, rowCount, 1);
        queueDecimalValidation(cells, v, true);
        queueInvalidHighlight(cells, v);
      }
      await context.sync();
    });
  }

  /** Selects a cell (or a whole row/column/sheet address) so the user sees it. One sync. */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  private async writeSheet(ws: Excel.Worksheet, output: OutputSheet, batch: Batch): Promise<void> {
    const rows = output.rows;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const f = output.format;
    if (rows.length > 0) {
      const values = rectangle(rows, width);
      // Chunks of rows, each within the request limit (one chunk unless the sheet is huge).
      let start = 0;
      while (start < values.length) {
        let end = start;
        let bytes = 0;
        while (end < values.length) {
          const b = payloadBytes([values[end]!]);
          if (end > start && bytes + b > this.limit) break;
          bytes += b;
          end++;
        }
        await batch.reserve(bytes);
        ws.getRangeByIndexes(start, 0, end - start, width).values = values.slice(start, end);
        start = end;
      }
      rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (cell instanceof Date && !(r > f.headerRow && columnHasDateFormat(f, c))) {
            ws.getCell(r, c).numberFormat = [[NUMBER_FORMAT.date]];
          }
        });
      });
    }
    await batch.reserve(formatBytes(f, rows.length));
    queueSheetFormat(ws, f, rows.length, width, this.can);
    if (this.options.asTables && rows.length > f.headerRow) {
      const bodyRows = Math.max(rows.length - f.headerRow, 2);
      const table = ws.tables.add(ws.getRangeByIndexes(f.headerRow, 0, bodyRows, width), true);
      table.style = "TableStyleLight9";
    }
  }
}

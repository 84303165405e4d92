import type { Cell, Grid } from "../../shared/cells/cell.js";
import { type Block, blockAddress, blockKey, editsBlock, parseBlock } from "../../shared/ledger/output-block.js";
import { NUMBER_FORMAT, type OutputSheet } from "../../shared/ledger/output-sheet.js";
import type { CellEdit, LedgerPort, SheetEdits } from "../../shared/tasks/port.js";
import { type ExcelValue, fromExcelValue, payloadBytes, toExcelValue } from "./excel-cells.js";
import { type DecimalRange, type FormatCapabilities, columnHasDateFormat, queueDecimalValidation, queueInvalidHighlight, queueSheetFormat } from "./sheet-format.js";

/** `Excel.run` or a stand-in with the same shape. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Called once the values and formats of a write are queued, before its final sync. */
export type WriteDecorator = (context: Excel.RequestContext, written: ReadonlyMap<string, { sheet: Excel.Worksheet; output: OutputSheet }>) => void;

/** Charts thidua adds are named with this prefix, so a later write replaces them and leaves the user's alone. */
export const OWN_CHART_PREFIX = "thidua-";

/**
 * Where the port remembers the block of cells it wrote on each output sheet, so that the next write
 * clears exactly that block and nothing the user put beside it. In Excel: the add-in's document
 * settings, saved in the workbook.
 */
export interface BlockStore {
  get(sheet: string): string | undefined;
  set(sheet: string, address: string): void;
  save(): Promise<void>;
}

const paneMemory = new Map<string, string>();

/** The document settings of the add-in when Office offers them, else a store that lives as long as the pane. */
export function documentBlockStore(): BlockStore {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) return { get: (s) => paneMemory.get(blockKey(s)), set: (s, a) => void paneMemory.set(blockKey(s), a), save: async () => undefined };
  return {
    get: (s) => {
      const v: unknown = settings.get(blockKey(s));
      return typeof v === "string" ? v : undefined;
    },
    set: (s, a) => settings.set(blockKey(s), a),
    save: () => new Promise((resolve) => settings.saveAsync(() => resolve())),
  };
}

/**
 * A write that needed several syncs failed part-way. `rolledBack` says whether the workbook was put
 * back as it was; otherwise `sheets` were left half written.
 */
export class PartialWriteError extends Error {
  constructor(
    readonly rolledBack: boolean,
    readonly sheets: readonly string[],
    override readonly cause: unknown,
  ) {
    super(rolledBack ? "write failed and was rolled back" : `write failed part-way: ${sheets.join(", ")}`);
  }
}

export interface ExcelPortOptions {
  readonly run?: ExcelRunner;
  readonly capabilities?: FormatCapabilities;
  /** Excel on the web refuses requests over 5 MB; a write is split into several syncs only beyond this. */
  readonly maxRequestBytes?: number;
  /** Templates: make each written sheet an Excel table. */
  readonly asTables?: boolean;
  readonly decorate?: WriteDecorator;
  readonly blocks?: BlockStore;
}

export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Cells per block when a read must be split: well under 5 MB for the text a ledger holds. */
const CELLS_PER_BLOCK = 100_000;

/** Whether Excel refused a request or its answer for its size (bytes, or cells in one range). */
function isPayloadLimit(err: unknown): boolean {
  const code = typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "";
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
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

interface PlannedOutput {
  readonly output: OutputSheet;
  /** The sheet's actual name when it exists. */
  readonly existing: string | undefined;
  /** The block thidua wrote there last time (or the used range when none is on record). */
  old: Block | undefined;
  ownCharts?: Excel.Chart[];
}

interface WritePlan {
  readonly outputs: PlannedOutput[];
  readonly edits: readonly SheetEdits[];
  /** Whether the payload needs more than one sync. */
  readonly split: boolean;
}

/** The width of the block an output sheet takes. */
function widthOf(output: OutputSheet): number {
  return output.rows.reduce((w, r) => Math.max(w, r.length), 1);
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

/** The number formats of a sheet travel as one string per cell, like values. */
function formatBytes(f: OutputSheet["format"], rowCount: number): number {
  const dataRows = Math.max(0, rowCount - f.headerRow - 1);
  let n = 2_000;
  for (const fmt of f.numberFormats) if (fmt !== undefined) n += dataRows * (fmt.length * 3 + 6);
  return n;
}

/** The rows of a block, `block` rows to a sync, halved while Excel finds an answer too large; `take` gets each loaded range, in order. */
async function readRowsHalving(
  context: Excel.RequestContext,
  at: { readonly sheet: string; readonly r0: number; readonly c0: number; readonly rows: number; readonly cols: number },
  block: number,
  props: string,
  take: (range: Excel.Range) => void,
): Promise<void> {
  let size = Math.max(1, block);
  for (let r = 0; r < at.rows;) {
    const n = Math.min(size, at.rows - r);
    const range = context.workbook.worksheets
      .getItem(at.sheet)
      .getRangeByIndexes(at.r0 + r, at.c0, n, at.cols)
      .load(props);
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadLimit(err) || n === 1) throw err;
      size = Math.max(1, Math.floor(n / 2));
      continue;
    }
    take(range);
    r += n;
  }
}

/** A block of cells as `formulas` and `values` give it, read in row blocks small enough for one answer each. */
interface CellsRead {
  /** Whether the cell holds a formula: Office.js gives a text typed as '=abc as "=abc" in `formulas` too, so the value must differ. */
  isFormula(r: number, c: number): boolean;
  /** What `range.formulas = …` takes to put each cell back: formulas as formulas, text that looks like one behind an apostrophe. */
  readonly restorable: unknown[][];
}

/**
 * Blocks of cells as `formulas` and `values` give them: in one sync while they fit a block (half
 * the cells of a values-only read: two properties per cell), in row blocks beyond, halved when
 * Excel still finds an answer too large.
 */
async function readCellsInBlocks(context: Excel.RequestContext, requests: readonly { sheet: string; box: Block }[]): Promise<CellsRead[]> {
  const budget = CELLS_PER_BLOCK / 2;
  const parts = requests.map(() => ({ formulas: [] as unknown[][], values: [] as unknown[][] }));
  type Chunk = { i: number; sheet: string; r0: number; c0: number; rows: number; cols: number };
  const load = (c: Chunk, r: number, n: number): Excel.Range =>
    context.workbook.worksheets
      .getItem(c.sheet)
      .getRangeByIndexes(c.r0 + r, c.c0, n, c.cols)
      .load("formulas,values");
  const take = (i: number, range: Excel.Range): void => {
    parts[i]!.formulas.push(...(range.formulas as unknown[][]));
    parts[i]!.values.push(...(range.values as unknown[][]));
  };
  /** One chunk on its own, its rows halved until each answer fits. */
  const halving = (c: Chunk): Promise<void> => readRowsHalving(context, c, Math.floor(c.rows / 2), "formulas,values", (range) => take(c.i, range));
  let pending: { chunk: Chunk; range: Excel.Range }[] = [];
  let queued = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    queued = 0;
    try {
      await context.sync();
      for (const { chunk, range } of batch) take(chunk.i, range);
    } catch (err) {
      if (!isPayloadLimit(err)) throw err;
      for (const { chunk } of batch) await halving(chunk);
    }
  };
  for (const [i, { sheet, box }] of requests.entries()) {
    const step = Math.max(1, Math.floor(budget / box.cols));
    for (let r = 0; r < box.rows; r += step) {
      const chunk = { i, sheet, r0: box.r0 + r, c0: box.c0, rows: Math.min(step, box.rows - r), cols: box.cols };
      if (queued > 0 && queued + chunk.rows * chunk.cols > budget) await flush();
      pending.push({ chunk, range: load(chunk, 0, chunk.rows) });
      queued += chunk.rows * chunk.cols;
    }
  }
  await flush();
  return parts.map(({ formulas, values }) => {
    const isFormula = (r: number, c: number): boolean => {
      const f = formulas[r]?.[c];
      return typeof f === "string" && f.startsWith("=") && f !== values[r]?.[c];
    };
    const restorable = formulas.map((row, r) => row.map((f, c) => (typeof f === "string" && /^[=+\-@]/.test(f) && !isFormula(r, c) ? `'${f}` : f)));
    return { isFormula, restorable };
  });
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
  private readonly blocks: BlockStore;
  private known: string[] | undefined;

  constructor(private readonly options: ExcelPortOptions = {}) {
    this.run = options.run ?? defaultRunner();
    this.can = options.capabilities ?? { pageLayout: false };
    this.limit = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.blocks = options.blocks ?? documentBlockStore();
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
  private async readUsed(wanted: readonly string[], props: string, grid: (context: Excel.RequestContext, sheet: string, used: Excel.Range) => Promise<Grid>): Promise<Map<string, Grid | undefined>> {
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
    await readRowsHalving(context, { sheet, r0, c0, rows, cols }, Math.floor(CELLS_PER_BLOCK / cols), "values", (range) => grid.push(...gridOf(range.values, 0, c0)));
    return grid;
  }

  /**
   * Writes output sheets in place and applies cell edits, in one sync when the payload allows. An
   * output sheet that exists keeps its place, its name (so formulas and charts pointing at it still
   * resolve), its column widths and everything outside thidua's block; only the block written last
   * time is cleared. A write needing several syncs first reads what it will overwrite, and puts it
   * back if a later sync fails.
   */
  async write(outputs: readonly OutputSheet[], edits: readonly SheetEdits[] = []): Promise<void> {
    const written = new Map<string, string>();
    await this.run(async (context) => {
      const names = [...(await this.names(context))];
      const plan = await this.planWrite(context, names, outputs, edits);
      const batch = new Batch(context, this.limit);
      const saved = plan.split ? await this.snapshot(context, plan) : undefined;
      try {
        await this.queueWrite(context, names, plan, batch, written);
        await context.sync();
      } catch (err) {
        // One sync: Excel applied all of it or none. Several: put back what the earlier ones wrote.
        if (saved === undefined) throw err;
        const rolledBack = await this.restore(context, plan, saved);
        throw new PartialWriteError(
          rolledBack,
          plan.outputs.map((o) => o.output.name),
          err,
        );
      }
      this.known = names;
    });
    for (const [sheet, address] of written) this.blocks.set(sheet, address);
    if (written.size > 0) await this.blocks.save();
  }

  /**
   * One sync, only when needed: the extent of existing output sheets whose last block is not on
   * record and thidua's own charts on them (replaced, not piled up); then, for edits that keep
   * formulas, where the formulas are (read in blocks; those edits are dropped).
   */
  private async planWrite(context: Excel.RequestContext, names: readonly string[], outputs: readonly OutputSheet[], edits: readonly SheetEdits[]): Promise<WritePlan> {
    const sheets = context.workbook.worksheets;
    const planned: PlannedOutput[] = outputs.map((output) => {
      const existing = ExcelLedger.actual(names, output.name);
      const recorded = existing === undefined ? undefined : this.blocks.get(existing);
      return { output, existing, old: recorded === undefined ? undefined : parseBlock(recorded) };
    });
    const loads: { p: PlannedOutput; used: Excel.Range | undefined; charts: Excel.ChartCollection }[] = [];
    for (const p of planned) {
      if (p.existing === undefined) continue;
      const ws = sheets.getItem(p.existing);
      const used = p.old === undefined ? ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") : undefined;
      loads.push({ p, used, charts: ws.charts.load("items/name") });
    }
    if (loads.length > 0) await context.sync();
    for (const { p, used, charts } of loads) {
      if (used !== undefined && !used.isNullObject) p.old = { r0: 0, c0: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
      p.ownCharts = charts.items.filter((c) => c.name.startsWith(OWN_CHART_PREFIX));
    }
    const keeping = edits.flatMap((e) => {
      const existing = ExcelLedger.actual(names, e.sheet);
      return e.keepFormulas === true && existing !== undefined && e.edits.length > 0 ? [{ e, sheet: existing, box: editsBlock(e.edits) }] : [];
    });
    const found = await readCellsInBlocks(context, keeping);
    const writable = edits.map((e) => {
      const i = keeping.findIndex((k) => k.e === e);
      if (i < 0) return e;
      const { box } = keeping[i]!;
      return { ...e, edits: e.edits.filter((c) => !found[i]!.isFormula(c.row - box.r0, c.col - box.c0)) };
    });
    const editBytes = writable.reduce((n, e) => n + editRuns(e.edits).reduce((m, r) => m + payloadBytes([r.values.map(toExcelValue)]), 0), 0);
    const outputBytes = outputs.reduce((n, o) => n + payloadBytes(rectangle(o.rows, widthOf(o))) + formatBytes(o.format, o.rows.length), 0);
    return { outputs: planned, edits: writable, split: editBytes + outputBytes > this.limit };
  }

  /** Before a write of several syncs: every block it will overwrite, as it can be put back, read in blocks as needed. */
  private async snapshot(context: Excel.RequestContext, plan: WritePlan): Promise<Map<string, { box: Block; formulas: unknown[][] }[]>> {
    const boxes = new Map<string, Block[]>();
    for (const p of plan.outputs) if (p.existing !== undefined && p.old !== undefined) boxes.set(p.existing, [p.old]);
    for (const e of plan.edits) {
      if (e.edits.length === 0) continue;
      const box = editsBlock(e.edits);
      boxes.set(e.sheet, [...(boxes.get(e.sheet) ?? []), box]);
    }
    const requests = [...boxes].flatMap(([sheet, list]) => list.map((box) => ({ sheet, box })));
    const read = await readCellsInBlocks(context, requests);
    const out = new Map<string, { box: Block; formulas: unknown[][] }[]>();
    requests.forEach(({ sheet, box }, i) => out.set(sheet, [...(out.get(sheet) ?? []), { box, formulas: read[i]!.restorable }]));
    return out;
  }

  /** Puts back what a failed write overwrote; false when that failed too. */
  private async restore(context: Excel.RequestContext, plan: WritePlan, saved: Map<string, { box: Block; formulas: unknown[][] }[]>): Promise<boolean> {
    try {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const present = sheets.items.map((ws) => ws.name);
      const batch = new Batch(context, this.limit);
      for (const p of plan.outputs) {
        if (p.existing === undefined) {
          const added = ExcelLedger.actual(present, p.output.name);
          if (added !== undefined) sheets.getItem(added).delete();
          continue;
        }
        sheets.getItem(p.existing).getRangeByIndexes(0, 0, Math.max(p.output.rows.length, 1), widthOf(p.output)).clear("All");
      }
      for (const [sheet, blocks] of saved) {
        for (const { box, formulas } of blocks) {
          const step = Math.max(1, Math.floor(CELLS_PER_BLOCK / box.cols));
          for (let r = 0; r < box.rows; r += step) {
            const rows = formulas.slice(r, r + step);
            await batch.reserve(payloadBytes(rows));
            sheets.getItem(sheet).getRangeByIndexes(box.r0 + r, box.c0, rows.length, box.cols).formulas = rows as string[][];
          }
        }
      }
      await context.sync();
      return true;
    } catch {
      return false;
    }
  }

  private async queueWrite(context: Excel.RequestContext, names: string[], plan: WritePlan, batch: Batch, written: Map<string, string>): Promise<void> {
    const sheets = context.workbook.worksheets;
    const decorated = new Map<string, { sheet: Excel.Worksheet; output: OutputSheet }>();
    for (const p of plan.outputs) {
      const { output } = p;
      let ws: Excel.Worksheet;
      if (p.existing === undefined) {
        ws = sheets.add(output.name);
        names.push(output.name);
      } else {
        ws = sheets.getItem(p.existing);
        if (p.old !== undefined) ws.getRangeByIndexes(p.old.r0, p.old.c0, p.old.rows, p.old.cols).clear("All");
        for (const chart of p.ownCharts ?? []) chart.delete();
      }
      await this.writeSheet(ws, output, batch, p.existing === undefined);
      decorated.set(output.name, { sheet: ws, output });
      written.set(p.existing ?? output.name, blockAddress({ r0: 0, c0: 0, rows: Math.max(1, output.rows.length), cols: widthOf(output) }));
    }
    for (const e of plan.edits) {
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
    this.options.decorate?.(context, decorated);
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

  private async writeSheet(ws: Excel.Worksheet, output: OutputSheet, batch: Batch, created: boolean): Promise<void> {
    const rows = output.rows;
    const width = widthOf(output);
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
    queueSheetFormat(ws, f, rows.length, width, this.can, { widths: created });
    if (created && this.options.asTables && rows.length > f.headerRow) {
      const bodyRows = Math.max(rows.length - f.headerRow, 2);
      const table = ws.tables.add(ws.getRangeByIndexes(f.headerRow, 0, bodyRows, width), true);
      table.style = "TableStyleLight9";
    }
  }
}

/**
 * A small in-memory Excel for the add-in's tests: the few Office.js APIs the add-in uses, with the
 * semantics that matter. Commands are queued and run at `context.sync()` (which is counted); loaded
 * properties are readable only after a sync; a value assigned to `range.values` is taken as if typed
 * (text starting with `=`, `+`, `-`, `@` becomes a formula, number- and date-like text becomes a
 * number, `'` keeps text as text, `null` leaves a cell unchanged); requests over 5 MB are refused.
 * Used by vitest (through `run`) and, bundled, by the browser test as `Office` and `Excel`.
 */

export type Stored = string | number | boolean;

export interface DoubleCell {
  value: Stored;
  formula?: string;
  numberFormat?: string;
}

export interface Box {
  readonly r0: number;
  readonly c0: number;
  readonly rows: number;
  readonly cols: number;
}

export interface FormatOp {
  readonly op: string;
  readonly address: string;
  readonly value: unknown;
}

export interface ChartModel {
  name?: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  xAxis?: string;
  position?: readonly string[];
}

export interface ConditionalFormatModel {
  address: string;
  readonly type: string;
  fill?: string;
  rule?: unknown;
}

export interface ValidationModel {
  readonly address: string;
  rule?: unknown;
  errorAlert?: unknown;
}

export class DoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const REQUEST_LIMIT = 5 * 1024 * 1024;

export function columnName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function boxAddress(b: Box): string {
  const tl = `${columnName(b.c0)}${b.r0 + 1}`;
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${columnName(b.c0 + b.cols - 1)}${b.r0 + b.rows}`;
}

function parseCell(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new DoubleError("InvalidArgument", `Bad address ${ref}`);
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

export function parseAddress(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const whole = /^(\$?[A-Z]+):(\$?[A-Z]+)$/i.exec(local) ?? /^(\$?\d+):(\$?\d+)$/.exec(local);
  if (whole) {
    const isRows = /\d/.test(whole[1]!);
    const p = isRows ? parseCell(`A${whole[1]!.replace("$", "")}`) : parseCell(`${whole[1]!.replace("$", "")}1`);
    const q = isRows ? parseCell(`A${whole[2]!.replace("$", "")}`) : parseCell(`${whole[2]!.replace("$", "")}1`);
    return isRows ? { r0: p.r, c0: 0, rows: q.r - p.r + 1, cols: 16_384 } : { r0: 0, c0: p.c, rows: 1_048_576, cols: q.c - p.c + 1 };
  }
  const [a, b] = local.split(":");
  const p = parseCell(a!);
  const q = b === undefined ? p : parseCell(b);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), rows: Math.abs(q.r - p.r) + 1, cols: Math.abs(q.c - p.c) + 1 };
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const PLAIN_NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?(e[+-]?\d+)?$/i;

/** What Excel (en-US) stores for a value assigned through `range.values`. */
export function typedInput(value: unknown, numberFormat: string | undefined): DoubleCell | "unchanged" {
  if (value === null) return "unchanged";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new DoubleError("InvalidArgument", "Non-finite number");
    return { value };
  }
  if (typeof value === "boolean") return { value };
  if (typeof value !== "string") throw new DoubleError("InvalidArgument", `Unsupported value type ${Object.prototype.toString.call(value)}`);
  if (value === "") return { value: "" };
  if (numberFormat === "@") return { value };
  if (value.startsWith("'")) return { value: value.slice(1) };
  const t = value.trim();
  if (PLAIN_NUMBER.test(t)) return { value: Number(t.replace(/,/g, "")) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  const d = US_DATE.exec(t);
  if (d) {
    const ms = Date.UTC(Number(d[3]), Number(d[1]) - 1, Number(d[2]));
    const check = new Date(ms);
    if (check.getUTCMonth() === Number(d[1]) - 1) return { value: ms / 86_400_000 + 25569 };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if (/^[=+\-@]/.test(value) && value.length > 1) return { value: "#NAME?", formula: value };
  return { value };
}

export class SheetModel {
  readonly cells = new Map<number, Map<number, DoubleCell>>();
  readonly ops: FormatOp[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly validations: ValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly tables: { address: string; style?: string }[] = [];
  readonly pageLayout: { paperSize?: string; orientation?: string; printTitleRows?: string; zoom?: unknown } = {};
  frozenRows = 0;
  protectedWith: unknown = undefined;

  constructor(public name: string) {}

  cell(r: number, c: number): DoubleCell | undefined {
    return this.cells.get(r)?.get(c);
  }

  put(r: number, c: number, cell: DoubleCell): void {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    const old = row.get(c);
    row.set(c, { ...cell, ...(old?.numberFormat !== undefined ? { numberFormat: old.numberFormat } : {}) });
  }

  setFormat(r: number, c: number, numberFormat: string): void {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    const old = row.get(c) ?? { value: "" };
    row.set(c, { ...old, numberFormat });
  }

  /** The used range counting values only, as `getUsedRangeOrNullObject(true)` sees it. */
  usedBox(): Box | undefined {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        if (cell.value === "") continue;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
    }
    return r1 < 0 ? undefined : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  formulasOf(b: Box): Stored[][] {
    return Array.from({ length: b.rows }, (_, i) =>
      Array.from({ length: b.cols }, (_, j) => {
        const cell = this.cell(b.r0 + i, b.c0 + j);
        // As Office.js does (office-js#6687): a text typed as '=abc comes back as =abc, without its apostrophe.
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
  }

  valuesOf(b: Box): Stored[][] {
    return Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.cols }, (_, j) => this.cell(b.r0 + i, b.c0 + j)?.value ?? ""));
  }

  /** Values from A1 to the last used cell; "" becomes null, so grids compare with the core's. */
  grid(): (Stored | null)[][] {
    const used = this.usedBox();
    if (!used) return [];
    const all = { r0: 0, c0: 0, rows: used.r0 + used.rows, cols: used.c0 + used.cols };
    return this.valuesOf(all).map((row) => row.map((v) => (v === "" ? null : v)));
  }

  formulas(): { address: string; formula: string }[] {
    const out: { address: string; formula: string }[] = [];
    for (const [r, row] of this.cells) for (const [c, cell] of row) if (cell.formula) out.push({ address: boxAddress({ r0: r, c0: c, rows: 1, cols: 1 }), formula: cell.formula });
    return out;
  }

  opsOf(op: string): FormatOp[] {
    return this.ops.filter((o) => o.op === op);
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  selection: string | undefined;
  active: string | undefined;

  find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

type Command = () => void;

function sizeOf(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/** One `Excel.run`'s request context. */
export class DoubleContext {
  private queue: Command[] = [];
  private loads: Command[] = [];
  private bytes = 0;
  readonly workbook: DoubleWorkbook;

  constructor(readonly excel: ExcelDouble) {
    this.workbook = new DoubleWorkbook(this);
  }

  enqueue(command: Command, bytes = 40): void {
    this.queue.push(command);
    this.bytes += bytes + 40;
  }

  onLoad(command: Command): void {
    this.loads.push(command);
    this.bytes += 40;
  }

  get pending(): number {
    return this.queue.length + this.loads.length;
  }

  async sync(): Promise<void> {
    this.excel.syncs++;
    if (this.excel.failSyncs.has(this.excel.syncs)) {
      this.queue = [];
      this.loads = [];
      this.bytes = 0;
      throw new DoubleError("GeneralException", "The connection to Excel was lost (injected failure)");
    }
    this.excel.requestSizes.push(this.bytes);
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const bytes = this.bytes;
    this.bytes = 0;
    if (bytes > this.excel.requestLimit) throw new DoubleError("RequestPayloadSizeLimitExceeded", `Request of ${bytes} bytes exceeds the limit`);
    for (const c of queue) c();
    this.responseBytes = 0;
    for (const c of loads) c();
    if (this.responseBytes > this.excel.responseLimit) throw new DoubleError("ResponsePayloadSizeLimitExceeded", `Response of ${this.responseBytes} bytes exceeds the limit`);
  }

  /** Bytes of the values loaded by the sync running now: one response carries them all. */
  responseBytes = 0;
}

class DoubleWorkbook {
  readonly worksheets: DoubleWorksheets;
  constructor(readonly context: DoubleContext) {
    this.worksheets = new DoubleWorksheets(context);
  }
}

function notLoaded(what: string): never {
  throw new DoubleError("PropertyNotLoaded", `The property '${what}' is not available. Load it and call context.sync() first.`);
}

class DoubleWorksheets {
  private loadedItems: DoubleWorksheet[] | undefined;
  constructor(private readonly context: DoubleContext) {}

  private get model(): WorkbookModel {
    return this.context.excel.workbook;
  }

  load(props?: string): this {
    this.context.onLoad(() => {
      this.loadedItems = this.model.sheets.map((s) => DoubleWorksheet.loaded(this.context, s, props ?? ""));
    });
    return this;
  }

  get items(): DoubleWorksheet[] {
    return this.loadedItems ?? notLoaded("items");
  }

  getItem(name: string): DoubleWorksheet {
    return new DoubleWorksheet(this.context, () => {
      const s = this.model.find(name);
      if (!s) throw new DoubleError("ItemNotFound", `Worksheet ${name} not found`);
      return s;
    });
  }

  getActiveWorksheet(): DoubleWorksheet {
    return new DoubleWorksheet(this.context, () => {
      const s = this.model.find(this.model.active ?? "") ?? this.model.sheets[0];
      if (!s) throw new DoubleError("ItemNotFound", "No worksheet");
      return s;
    });
  }

  add(name: string): DoubleWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue(() => {
      if (this.model.find(name)) throw new DoubleError("ItemAlreadyExists", `Worksheet ${name} already exists`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new DoubleError("InvalidArgument", `Bad sheet name ${name}`);
      created = new SheetModel(name);
      this.model.sheets.push(created);
    });
    return new DoubleWorksheet(this.context, () => created ?? notLoaded("worksheet not yet added"));
  }
}

class DoubleWorksheet {
  private loadedName: string | undefined;
  readonly freezePanes: { freezeRows: (n?: number) => void };
  readonly protection: { protect: (options?: unknown) => void };
  readonly pageLayout: { paperSize: string; orientation: string; zoom: unknown; setPrintTitleRows: (rows: string) => void };
  readonly charts: {
    add: (type: string, range: DoubleRange, seriesBy?: string) => DoubleChart;
    load: (props?: string) => DoubleWorksheet["charts"];
    readonly items: { name: string; delete: () => void }[];
  };
  readonly tables: { add: (address: DoubleRange | string, hasHeaders: boolean) => { style: string } };

  constructor(
    readonly context: DoubleContext,
    private readonly resolver: () => SheetModel,
  ) {
    const q = (f: (s: SheetModel) => void): void => context.enqueue(() => f(this.sheet()));
    this.freezePanes = { freezeRows: (n = 1) => q((s) => (s.frozenRows = n)) };
    this.protection = { protect: (options?: unknown) => q((s) => (s.protectedWith = options ?? {})) };
    const layout: { paperSize: string; orientation: string; zoom: unknown } = { paperSize: "", orientation: "", zoom: undefined };
    this.pageLayout = {
      get paperSize() {
        return layout.paperSize;
      },
      set paperSize(v: string) {
        layout.paperSize = v;
        q((s) => (s.pageLayout.paperSize = v));
      },
      get orientation() {
        return layout.orientation;
      },
      set orientation(v: string) {
        layout.orientation = v;
        q((s) => (s.pageLayout.orientation = v));
      },
      get zoom() {
        return layout.zoom;
      },
      set zoom(v: unknown) {
        layout.zoom = v;
        q((s) => (s.pageLayout.zoom = v));
      },
      setPrintTitleRows: (rows: string) => q((s) => (s.pageLayout.printTitleRows = rows)),
    };
    let chartItems: { name: string; delete: () => void }[] | undefined;
    const charts: DoubleWorksheet["charts"] = {
      add: (type: string, range: DoubleRange, seriesBy = "Auto") => {
        const chart: ChartModel = { type, source: "", seriesBy };
        q((s) => {
          chart.source = range.addressNow();
          s.charts.push(chart);
        });
        return new DoubleChart(context, chart);
      },
      load: () => {
        context.onLoad(() => {
          const s = this.sheet();
          chartItems = s.charts.map((model) => ({
            name: model.name ?? "",
            delete: () =>
              q((sheet) => {
                const i = sheet.charts.indexOf(model);
                if (i >= 0) sheet.charts.splice(i, 1);
              }),
          }));
        });
        return charts;
      },
      get items() {
        return chartItems ?? notLoaded("charts/items");
      },
    };
    this.charts = charts;
    this.tables = {
      add: (address: DoubleRange | string, hasHeaders: boolean) => {
        const table: { address: string; style?: string } = { address: "" };
        q((s) => {
          if (!hasHeaders) throw new DoubleError("InvalidArgument", "thidua tables always have headers");
          table.address = typeof address === "string" ? address : address.addressNow();
          s.tables.push(table);
        });
        return {
          set style(v: string) {
            q(() => (table.style = v));
          },
          get style(): string {
            return table.style ?? "";
          },
        };
      },
    };
  }

  static loaded(context: DoubleContext, s: SheetModel, props: string): DoubleWorksheet {
    const ws = new DoubleWorksheet(context, () => s);
    if (props.includes("name")) ws.loadedName = s.name;
    return ws;
  }

  private cached: SheetModel | undefined;
  sheet(): SheetModel {
    return (this.cached ??= this.resolver());
  }

  get name(): string {
    return this.loadedName ?? notLoaded("name");
  }

  set name(value: string) {
    this.context.enqueue(() => {
      const s = this.sheet();
      const clash = this.context.excel.workbook.find(value);
      if (clash && clash !== s) throw new DoubleError("ItemAlreadyExists", `Worksheet ${value} already exists`);
      s.name = value;
    });
  }

  set position(value: number) {
    this.context.enqueue(() => {
      const wb = this.context.excel.workbook;
      const s = this.sheet();
      if (value < 0 || value >= wb.sheets.length) throw new DoubleError("InvalidArgument", `Bad position ${value}`);
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.sheets.splice(value, 0, s);
    });
  }

  load(props?: string): this {
    this.context.onLoad(() => {
      if ((props ?? "name").includes("name")) this.loadedName = this.sheet().name;
    });
    return this;
  }

  delete(): void {
    this.context.enqueue(() => {
      const s = this.sheet();
      const wb = this.context.excel.workbook;
      if (wb.sheets.length === 1) throw new DoubleError("InvalidOperation", "A workbook must keep one sheet");
      wb.sheets = wb.sheets.filter((x) => x !== s);
    });
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.excel.workbook.active = this.sheet().name;
    });
  }

  getRange(address?: string): DoubleRange {
    return new DoubleRange(this, () => (address ? parseAddress(address) : { r0: 0, c0: 0, rows: 1_048_576, cols: 16_384 }));
  }

  getRangeByIndexes(r0: number, c0: number, rows: number, cols: number): DoubleRange {
    if (rows < 1 || cols < 1 || r0 < 0 || c0 < 0) throw new DoubleError("InvalidArgument", `Bad range ${r0},${c0},${rows},${cols}`);
    return new DoubleRange(this, () => ({ r0, c0, rows, cols }));
  }

  getCell(r: number, c: number): DoubleRange {
    return this.getRangeByIndexes(r, c, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): DoubleRange {
    if (valuesOnly !== true) throw new DoubleError("InvalidArgument", "the double models valuesOnly=true only");
    return new DoubleRange(this, () => this.sheet().usedBox() ?? null);
  }
}

class DoubleChart {
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => { setXAxisValues: (r: DoubleRange) => void; name: string } };
  constructor(
    private readonly context: DoubleContext,
    private readonly chart: ChartModel,
  ) {
    this.title = {
      get text() {
        return chart.title ?? "";
      },
      set text(v: string) {
        context.enqueue(() => (chart.title = v));
      },
    };
    this.series = {
      getItemAt: () => ({
        setXAxisValues: (r: DoubleRange) => context.enqueue(() => (chart.xAxis = r.addressNow())),
        name: "",
      }),
    };
  }

  setPosition(start: string, end?: string): void {
    this.context.enqueue(() => (this.chart.position = end ? [start, end] : [start]));
  }

  get name(): string {
    return this.chart.name ?? "";
  }

  set name(v: string) {
    this.context.enqueue(() => (this.chart.name = v));
  }
}

function shapeOf(values: unknown): { rows: number; cols: number } {
  if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) throw new DoubleError("InvalidArgument", "Expected a 2-D array");
  const rows = values.length;
  const cols = rows === 0 ? 0 : (values[0] as unknown[]).length;
  if (!(values as unknown[][]).every((r) => r.length === cols)) throw new DoubleError("InvalidArgument", "Ragged 2-D array");
  return { rows, cols };
}

class DoubleRange {
  private loaded:
    | {
        values?: Stored[][];
        formulas?: Stored[][];
        rowIndex?: number;
        columnIndex?: number;
        rowCount?: number;
        columnCount?: number;
        address?: string;
        isNull?: boolean;
      }
    | undefined;
  readonly format: {
    font: { bold: boolean; color: string };
    fill: { color: string };
    protection: { locked: boolean };
    wrapText: boolean;
    verticalAlignment: string;
    columnWidth: number;
    borders: { getItem: (edge: string) => { style: string } };
    autofitRows: () => void;
  };
  readonly dataValidation: { rule: unknown; errorAlert: unknown; clear: () => void };
  readonly conditionalFormats: { add: (type: string) => { cellValue: { format: { fill: { color: string } }; rule: unknown } }; clearAll: () => void };

  constructor(
    private readonly ws: DoubleWorksheet,
    private readonly box: () => Box | null,
  ) {
    const op = (name: string) => (value: unknown) =>
      ws.context.enqueue(() => {
        const b = this.boxNow();
        const s = ws.sheet();
        s.ops.push({ op: name, address: boxAddress(b), value });
        if (name === "columnWidth") for (let c = b.c0; c < b.c0 + b.cols; c++) s.columnWidths.set(c, value as number);
      }, sizeOf(value));
    const prop = <T>(name: string, initial: T) => {
      let v = initial;
      const set = op(name);
      return {
        get: () => v,
        set: (x: T) => {
          v = x;
          set(x);
        },
      };
    };
    const bold = prop("bold", false),
      color = prop("fontColor", ""),
      fill = prop("fill", ""),
      locked = prop("locked", true);
    const wrap = prop("wrapText", false),
      valign = prop("verticalAlignment", ""),
      width = prop("columnWidth", 0);
    this.format = {
      font: {
        get bold() {
          return bold.get();
        },
        set bold(v) {
          bold.set(v);
        },
        get color() {
          return color.get();
        },
        set color(v) {
          color.set(v);
        },
      },
      fill: {
        get color() {
          return fill.get();
        },
        set color(v) {
          fill.set(v);
        },
      },
      protection: {
        get locked() {
          return locked.get();
        },
        set locked(v) {
          locked.set(v);
        },
      },
      get wrapText() {
        return wrap.get();
      },
      set wrapText(v) {
        wrap.set(v);
      },
      get verticalAlignment() {
        return valign.get();
      },
      set verticalAlignment(v) {
        valign.set(v);
      },
      get columnWidth() {
        return width.get();
      },
      set columnWidth(v) {
        width.set(v);
      },
      autofitRows: () => op("autofitRows")(true),
      borders: {
        getItem: (edge: string) => {
          const style = prop(`border:${edge}`, "None");
          return {
            get style() {
              return style.get();
            },
            set style(v: string) {
              style.set(v);
            },
          };
        },
      },
    };
    let model: ValidationModel | undefined;
    const validation = (): ValidationModel => {
      if (!model) {
        model = { address: boxAddress(this.boxNow()) };
        ws.sheet().validations.push(model);
      }
      return model;
    };
    this.conditionalFormats = this.conditionalFormatsOf(ws);
    this.dataValidation = {
      get rule() {
        return model?.rule;
      },
      set rule(v: unknown) {
        ws.context.enqueue(() => (validation().rule = v), sizeOf(v));
      },
      get errorAlert() {
        return model?.errorAlert;
      },
      set errorAlert(v: unknown) {
        ws.context.enqueue(() => (validation().errorAlert = v), sizeOf(v));
      },
      clear: () =>
        ws.context.enqueue(() => {
          const address = boxAddress(this.boxNow());
          const s = ws.sheet();
          for (let i = s.validations.length - 1; i >= 0; i--) if (s.validations[i]!.address === address) s.validations.splice(i, 1);
          model = undefined;
        }),
    };
  }

  private conditionalFormatsOf(ws: DoubleWorksheet): DoubleRange["conditionalFormats"] {
    const context = ws.context;
    return {
      add: (type: string) => {
        const model: ConditionalFormatModel = { address: "", type };
        context.enqueue(() => {
          model.address = boxAddress(this.boxNow());
          ws.sheet().conditionalFormats.push(model);
        });
        return {
          cellValue: {
            format: {
              fill: {
                get color() {
                  return model.fill ?? "";
                },
                set color(v: string) {
                  context.enqueue(() => (model.fill = v));
                },
              },
            },
            get rule() {
              return model.rule;
            },
            set rule(v: unknown) {
              context.enqueue(() => (model.rule = v));
            },
          },
        };
      },
      clearAll: () =>
        context.enqueue(() => {
          const address = boxAddress(this.boxNow());
          const s = ws.sheet();
          s.conditionalFormats = s.conditionalFormats.filter((c) => c.address !== address);
        }),
    };
  }

  boxNow(): Box {
    const b = this.box();
    if (!b) throw new DoubleError("InvalidObjectPath", "The range is a null object");
    return b;
  }

  addressNow(): string {
    return `${this.ws.sheet().name}!${boxAddress(this.boxNow())}`;
  }

  set values(values: unknown) {
    this.ws.context.enqueue(() => {
      const b = this.boxNow();
      const shape = shapeOf(values);
      if (shape.rows !== b.rows || shape.cols !== b.cols) throw new DoubleError("InvalidArgument", `values are ${shape.rows}x${shape.cols}, range ${boxAddress(b)} is ${b.rows}x${b.cols}`);
      const s = this.ws.sheet();
      (values as unknown[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          const typed = typedInput(v, s.cell(b.r0 + i, b.c0 + j)?.numberFormat);
          if (typed !== "unchanged") s.put(b.r0 + i, b.c0 + j, typed);
        }),
      );
    }, sizeOf(values));
  }

  get values(): Stored[][] {
    return this.loaded?.values ?? notLoaded("values");
  }

  /** Formulas where a cell has one, else its value (what `range.formulas` gives). */
  get formulas(): Stored[][] {
    return this.loaded?.formulas ?? notLoaded("formulas");
  }

  /** Written as typed, like values (a formula stays a formula). */
  set formulas(values: unknown) {
    this.values = values;
  }

  /** Removes values and formats of the range (Office.js `clear`, "All" being the default). */
  clear(applyTo = "All"): void {
    this.ws.context.enqueue(() => {
      const b = this.boxNow();
      const s = this.ws.sheet();
      s.ops.push({ op: "clear", address: boxAddress(b), value: applyTo });
      for (let r = b.r0; r < b.r0 + b.rows; r++) {
        const row = s.cells.get(r);
        if (!row) continue;
        for (let c = b.c0; c < b.c0 + b.cols; c++) row.delete(c);
      }
    });
  }

  set numberFormat(formats: unknown) {
    this.ws.context.enqueue(() => {
      const b = this.boxNow();
      const shape = shapeOf(formats);
      if (shape.rows !== b.rows || shape.cols !== b.cols) throw new DoubleError("InvalidArgument", "numberFormat shape differs from the range");
      const s = this.ws.sheet();
      (formats as unknown[][]).forEach((row, i) => row.forEach((f, j) => s.setFormat(b.r0 + i, b.c0 + j, String(f))));
    }, sizeOf(formats));
  }

  get rowIndex(): number {
    return this.loaded?.rowIndex ?? notLoaded("rowIndex");
  }

  get columnIndex(): number {
    return this.loaded?.columnIndex ?? notLoaded("columnIndex");
  }

  get rowCount(): number {
    return this.loaded?.rowCount ?? notLoaded("rowCount");
  }

  get columnCount(): number {
    return this.loaded?.columnCount ?? notLoaded("columnCount");
  }

  get address(): string {
    return this.loaded?.address ?? notLoaded("address");
  }

  get isNullObject(): boolean {
    if (this.loaded?.isNull === undefined) notLoaded("isNullObject");
    return this.loaded.isNull;
  }

  load(props?: string): this {
    const wanted = (props ?? "values,rowIndex,columnIndex,address").split(",").map((p) => p.trim());
    this.ws.context.onLoad(() => {
      const b = this.box();
      if (!b) {
        this.loaded = { isNull: true };
        return;
      }
      const s = this.ws.sheet();
      const cellsAsked = (wanted.includes("values") || wanted.includes("formulas")) && b.rows * b.cols > this.ws.context.excel.cellLimit;
      if (cellsAsked) throw new DoubleError("RangeExceedsLimit", `The range ${boxAddress(b)} has more than ${this.ws.context.excel.cellLimit} cells`);
      const values = wanted.includes("values") ? s.valuesOf(b) : undefined;
      const formulas = wanted.includes("formulas") ? s.formulasOf(b) : undefined;
      for (const loaded of [values, formulas]) {
        if (loaded === undefined) continue;
        this.ws.context.excel.responseSizes.push(sizeOf(loaded));
        this.ws.context.responseBytes += sizeOf(loaded);
      }
      this.loaded = {
        isNull: false,
        ...(values !== undefined ? { values } : {}),
        ...(formulas !== undefined ? { formulas } : {}),
        ...(wanted.includes("rowIndex") ? { rowIndex: b.r0 } : {}),
        ...(wanted.includes("columnIndex") ? { columnIndex: b.c0 } : {}),
        ...(wanted.includes("rowCount") ? { rowCount: b.rows } : {}),
        ...(wanted.includes("columnCount") ? { columnCount: b.cols } : {}),
        ...(wanted.includes("address") ? { address: `${s.name}!${boxAddress(b)}` } : {}),
      };
    });
    return this;
  }

  select(): void {
    this.ws.context.enqueue(() => {
      const wb = this.ws.context.excel.workbook;
      wb.active = this.ws.sheet().name;
      wb.selection = this.addressNow();
    });
  }
}

export interface DoubleSheetSnapshot {
  readonly name: string;
  readonly values: (Stored | null)[][];
  readonly formulas: { address: string; formula: string }[];
  readonly frozenRows: number;
  readonly charts: ChartModel[];
  readonly tables: { address: string; style?: string }[];
  readonly validations: ValidationModel[];
  readonly protected: boolean;
}

export interface DoubleSnapshot {
  readonly sheets: DoubleSheetSnapshot[];
  readonly selection: string | undefined;
  readonly syncs: number;
}

/** The whole double: a workbook, a sync counter, and `run` standing in for `Excel.run`. */
export class ExcelDouble {
  workbook = new WorkbookModel();
  syncs = 0;
  runs = 0;
  requestLimit = REQUEST_LIMIT;
  responseLimit = REQUEST_LIMIT;
  readonly requestSizes: number[] = [];
  readonly responseSizes: number[] = [];
  /** The highest ExcelApi version this "Excel" supports. */
  apiVersion = 1.9;
  /** Cells one range read may hold before Excel answers RangeExceedsLimit. */
  cellLimit = 5_000_000;
  /** Sync numbers (counted from the start) that fail, as a lost connection would: for roll-back tests. */
  readonly failSyncs = new Set<number>();
  /** The add-in's document settings (saved with the workbook in real Excel). */
  readonly settings = new Map<string, unknown>();

  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new DoubleContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) throw new DoubleError("UnsyncedCommands", "Excel.run ended with queued commands never synced");
    return result;
  };

  sheet(name: string): SheetModel | undefined {
    return this.workbook.find(name);
  }

  /** Puts grids straight into the workbook, as a user's typing would leave them (no syncs counted). */
  load(sheets: Iterable<readonly [string, readonly (readonly Stored[] | readonly (Stored | null)[])[]]>): void {
    for (const [name, rows] of sheets) {
      const s = this.workbook.find(name) ?? new SheetModel(name);
      if (!this.workbook.sheets.includes(s)) this.workbook.sheets.push(s);
      s.cells.clear();
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== "") s.put(r, c, { value: v });
        }),
      );
    }
  }

  snapshot(): DoubleSnapshot {
    return {
      sheets: this.workbook.sheets.map((s) => ({
        name: s.name,
        values: s.grid(),
        formulas: s.formulas(),
        frozenRows: s.frozenRows,
        charts: s.charts,
        tables: s.tables,
        validations: s.validations,
        protected: s.protectedWith !== undefined,
      })),
      selection: this.workbook.selection,
      syncs: this.syncs,
    };
  }

  resetCounters(): void {
    this.syncs = 0;
    this.runs = 0;
    this.requestSizes.length = 0;
    this.responseSizes.length = 0;
  }

  /** What the browser test installs as the global `Office`. */
  office(): {
    onReady: (cb?: (info: { host: string; platform: string }) => void) => Promise<{ host: string; platform: string }>;
    HostType: { Excel: string };
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => boolean };
      document: { settings: { get: (k: string) => unknown; set: (k: string, v: unknown) => void; saveAsync: (cb?: () => void) => void } };
    };
  } {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return {
      onReady: (cb) => {
        cb?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: "Excel" },
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number(version ?? "1.1") <= this.apiVersion,
        },
        document: {
          settings: {
            get: (k: string) => this.settings.get(k) ?? null,
            set: (k: string, v: unknown) => void this.settings.set(k, v),
            saveAsync: (cb?: () => void) => cb?.(),
          },
        },
      },
    };
  }
}

/**
 * An in-memory stand-in for the Google services the bound script uses: SpreadsheetApp (Spreadsheet,
 * Sheet, Range, RangeList, Protection, data validation), Ui, HtmlService, LockService,
 * PropertiesService, ScriptApp and Session. Every method call on a service object is counted, so a
 * test can assert how many round trips an action makes. Values typed into cells follow what Sheets
 * does with text: a leading apostrophe keeps text as typed, `=`/`+`/`-`/`@` start a formula, and
 * text that reads as a number, date or boolean becomes one.
 */

export type Value = string | number | boolean | Date;

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function isDate(v: unknown): v is Date {
  return v instanceof Date || (typeof v === "object" && v !== null && typeof (v as Date).getTime === "function" && typeof (v as Date).toISOString === "function");
}

/** Counts service calls by "Class.method". */
export class CallLog {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Called after each counted call: lets a test interleave executions at a chosen call. */
  hook: ((name: string, detail: string) => void) | undefined;

  hit(name: string, detail = ""): void {
    this.total++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.hook?.(name, detail);
  }

  reset(): void {
    this.total = 0;
    this.counts.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

interface Stored {
  value: Value;
  formula?: string;
}

/** What Sheets keeps when a value is typed or written by setValues/appendRow. */
export function typedIn(input: unknown): Stored {
  if (input === null || input === undefined) return { value: "" };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: "#NAME?", formula: text };
  const t = text.trim();
  if (/^[+-]?\d+([.,]\d+)?$/.test(t)) return { value: Number(t.replace(",", ".")) };
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (dmy) return { value: new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1])) - VIETNAM_OFFSET_MS) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if (/^[+\-@]/.test(text)) return { value: "#ERROR!", formula: `=${text}` };
  return { value: text };
}

function a1ToBox(a1: string): { row: number; col: number; numRows: number; numCols: number } {
  const single = /^([A-Z]+)(\d+)$/.exec(a1);
  if (single) return a1ToBox(`${a1}:${a1}`);
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`unsupported A1 notation: ${a1}`);
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!),
    r1 = Number(m[2]),
    c2 = col(m[3]!),
    r2 = Number(m[4]);
  return { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 };
}

export interface ValidationRule {
  readonly kind: "list" | "between";
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

class FakeValidationBuilder {
  private rule: { -readonly [K in keyof ValidationRule]: ValidationRule[K] } = { kind: "list", allowInvalid: true, helpText: "" };
  constructor(private readonly log: CallLog) {}
  requireValueInList(values: string[], _showDropdown?: boolean): this {
    this.log.hit("DataValidationBuilder.requireValueInList");
    this.rule.kind = "list";
    this.rule.values = [...values];
    return this;
  }
  requireNumberBetween(min: number, max: number): this {
    this.log.hit("DataValidationBuilder.requireNumberBetween");
    this.rule.kind = "between";
    this.rule.min = min;
    this.rule.max = max;
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.log.hit("DataValidationBuilder.setAllowInvalid");
    this.rule.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.log.hit("DataValidationBuilder.setHelpText");
    this.rule.helpText = text;
    return this;
  }
  build(): ValidationRule {
    this.log.hit("DataValidationBuilder.build");
    return { ...this.rule };
  }
}

class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class FakeProtection {
  description = "";
  warningOnly = false;
  domainEdit = true;
  readonly editors: Set<string>;
  unprotected: FakeRange[] = [];
  constructor(
    private readonly log: CallLog,
    readonly sheet: FakeSheet,
    readonly range: FakeRange | undefined,
    spreadsheetEditors: readonly string[],
  ) {
    this.editors = new Set(spreadsheetEditors);
  }
  setDescription(d: string): this {
    this.log.hit("Protection.setDescription");
    this.description = d;
    return this;
  }
  getDescription(): string {
    this.log.hit("Protection.getDescription");
    return this.description;
  }
  setWarningOnly(w: boolean): this {
    this.log.hit("Protection.setWarningOnly");
    this.warningOnly = w;
    return this;
  }
  getEditors(): FakeUser[] {
    this.log.hit("Protection.getEditors");
    return [...this.editors].map((e) => new FakeUser(e));
  }
  removeEditors(users: (FakeUser | string)[]): this {
    this.log.hit("Protection.removeEditors");
    for (const u of users) {
      const email = typeof u === "string" ? u : u.getEmail();
      // The owner and the person running the script stay editors, as in Sheets.
      if (email !== this.sheet.ss.owner) this.editors.delete(email);
    }
    return this;
  }
  addEditor(email: string): this {
    this.log.hit("Protection.addEditor");
    this.editors.add(email);
    return this;
  }
  addEditors(emails: string[]): this {
    this.log.hit("Protection.addEditors");
    for (const e of emails) this.editors.add(e);
    return this;
  }
  canDomainEdit(): boolean {
    this.log.hit("Protection.canDomainEdit");
    return this.domainEdit;
  }
  setDomainEdit(v: boolean): this {
    this.log.hit("Protection.setDomainEdit");
    this.domainEdit = v;
    return this;
  }
  setUnprotectedRanges(ranges: FakeRange[]): this {
    this.log.hit("Protection.setUnprotectedRanges");
    this.unprotected = [...ranges];
    return this;
  }
  covers(row: number, col: number): boolean {
    if (this.range) return this.range.contains(row, col);
    return !this.unprotected.some((r) => r.contains(row, col));
  }
}

export class FakeRange {
  constructor(
    private readonly log: CallLog,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    if (row < 1 || col < 1 || numRows < 1 || numCols < 1)
      throw new Error("Exception: The starting row and column of the range must be at least 1, and the range must have at least one row and column.");
    if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
      throw new Error("Exception: The coordinates of the range are outside the dimensions of the sheet.");
    }
  }
  private hit(method: string): void {
    this.log.hit(`Range.${method}`, this.sheet.name);
  }
  contains(r: number, c: number): boolean {
    return r >= this.row && r < this.row + this.numRows && c >= this.col && c < this.col + this.numCols;
  }
  getRow(): number {
    this.hit("getRow");
    return this.row;
  }
  getSheet(): FakeSheet {
    this.hit("getSheet");
    return this.sheet;
  }
  /** Shows the range to the person: the spreadsheet remembers what is active. */
  activate(): this {
    this.hit("activate");
    this.sheet.ss.activeRange = { sheet: this.sheet.name, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
    return this;
  }
  getValues(): Value[][] {
    this.hit("getValues");
    return this.sheet.block(this.row, this.col, this.numRows, this.numCols).map((r) => r.map((s) => (isDate(s.value) ? new Date(s.value.getTime()) : s.value)));
  }
  getFormulas(): string[][] {
    this.hit("getFormulas");
    return this.sheet.block(this.row, this.col, this.numRows, this.numCols).map((r) => r.map((s) => s.formula ?? ""));
  }
  setValues(values: unknown[][]): this {
    this.hit("setValues");
    if (values.length !== this.numRows)
      throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    values.forEach((row, i) => {
      if (row.length !== this.numCols)
        throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numCols}.`);
      row.forEach((v, j) => this.sheet.put(this.row + i, this.col + j, typedIn(v)));
    });
    return this;
  }
  setNumberFormat(format: string): this {
    this.hit("setNumberFormat");
    this.sheet.numberFormats.push({ range: this, format });
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.hit("setNumberFormats");
    formats.forEach((r, i) => r.forEach((f, j) => this.sheet.numberFormats.push({ range: new FakeRange(new CallLog(), this.sheet, this.row + i, this.col + j, 1, 1), format: f })));
    return this;
  }
  /** Formulas are kept; the double computes nothing, so the cell shows blank. */
  setFormulas(formulas: string[][]): this {
    this.hit("setFormulas");
    formulas.forEach((r, i) => r.forEach((f, j) => this.sheet.put(this.row + i, this.col + j, { value: "", formula: f })));
    return this;
  }
  setFontWeight(w: string): this {
    this.hit("setFontWeight");
    this.sheet.styles.push({ range: this, style: `fontWeight:${w}` });
    return this;
  }
  setFontColor(c: string): this {
    this.hit("setFontColor");
    this.sheet.styles.push({ range: this, style: `fontColor:${c}` });
    return this;
  }
  setBackground(c: string): this {
    this.hit("setBackground");
    this.sheet.styles.push({ range: this, style: `background:${c}` });
    return this;
  }
  setBorder(top: boolean, left: boolean, bottom: boolean, right: boolean, vertical: boolean, horizontal: boolean): this {
    this.hit("setBorder");
    this.sheet.styles.push({ range: this, style: `border:${[top, left, bottom, right, vertical, horizontal].map(Number).join("")}` });
    return this;
  }
  setWrap(wrap: boolean): this {
    this.hit("setWrap");
    this.sheet.styles.push({ range: this, style: `wrap:${wrap}` });
    return this;
  }
  setDataValidation(rule: ValidationRule): this {
    this.hit("setDataValidation");
    this.sheet.validations.push({ range: this, rule });
    return this;
  }
  /** Contents and formats of the range (values, number formats, styles, notes); validation stays, as in Sheets. */
  clear(): this {
    this.hit("clear");
    this.sheet.clearBox(this);
    return this;
  }
  clearDataValidations(): this {
    this.hit("clearDataValidations");
    this.sheet.validations = this.sheet.validations.filter((v) => !(v.range.row >= this.row && v.range.col >= this.col));
    return this;
  }
  setNote(note: string): this {
    this.hit("setNote");
    this.sheet.notes.set(`${this.row},${this.col}`, note);
    return this;
  }
  protect(): FakeProtection {
    this.hit("protect");
    const p = new FakeProtection(this.log, this.sheet, this, this.sheet.ss.editors);
    this.sheet.protections.push(p);
    return p;
  }
}

class FakeRangeList {
  constructor(
    private readonly log: CallLog,
    readonly ranges: FakeRange[],
  ) {}
  setFontWeight(w: string): this {
    this.log.hit("RangeList.setFontWeight");
    for (const r of this.ranges) r.sheet.styles.push({ range: r, style: `fontWeight:${w}` });
    return this;
  }
  setFontColor(c: string): this {
    this.log.hit("RangeList.setFontColor");
    for (const r of this.ranges) r.sheet.styles.push({ range: r, style: `fontColor:${c}` });
    return this;
  }
}

export class FakeSheet {
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  private cells: Stored[][] = [];
  readonly widths = new Map<number, number>();
  numberFormats: { range: FakeRange; format: string }[] = [];
  styles: { range: FakeRange; style: string }[] = [];
  validations: { range: FakeRange; rule: ValidationRule }[] = [];
  protections: FakeProtection[] = [];
  readonly notes = new Map<string, string>();

  constructor(
    private readonly log: CallLog,
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {}

  private hit(method: string): void {
    this.log.hit(`Sheet.${method}`, this.name);
  }

  // ---- test helpers (not counted) ----
  clearBox(box: FakeRange): void {
    for (let i = 0; i < box.numRows; i++) {
      const r = this.cells[box.row - 1 + i];
      if (!r) continue;
      for (let j = 0; j < box.numCols; j++) if (r[box.col - 1 + j]) r[box.col - 1 + j] = { value: "" };
    }
    const inside = (r: FakeRange): boolean => r.row >= box.row && r.col >= box.col && r.row + r.numRows <= box.row + box.numRows && r.col + r.numCols <= box.col + box.numCols;
    this.numberFormats = this.numberFormats.filter((f) => !inside(f.range));
    this.styles = this.styles.filter((f) => !inside(f.range));
    for (const key of [...this.notes.keys()]) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (box.contains(r, c)) this.notes.delete(key);
    }
  }
  put(row: number, col: number, s: Stored): void {
    while (this.cells.length < row) this.cells.push([]);
    const r = this.cells[row - 1]!;
    while (r.length < col) r.push({ value: "" });
    r[col - 1] = s;
  }
  block(row: number, col: number, numRows: number, numCols: number): Stored[][] {
    const out: Stored[][] = [];
    for (let i = 0; i < numRows; i++) {
      const r: Stored[] = [];
      for (let j = 0; j < numCols; j++) r.push(this.cells[row - 1 + i]?.[col - 1 + j] ?? { value: "" });
      out.push(r);
    }
    return out;
  }
  lastRow(): number {
    for (let i = this.cells.length; i > 0; i--) if (this.cells[i - 1]!.some((s) => s.value !== "" || s.formula)) return i;
    return 0;
  }
  lastColumn(): number {
    let n = 0;
    for (const r of this.cells)
      for (let j = r.length; j > n; j--)
        if (r[j - 1]!.value !== "" || r[j - 1]!.formula) {
          n = j;
          break;
        }
    return n;
  }
  /** Values as the user sees them (what getValues gives), trailing blanks included. */
  values(): Value[][] {
    const rows = Math.max(this.lastRow(), 1);
    const cols = Math.max(this.lastColumn(), 1);
    return this.block(1, 1, rows, cols).map((r) => r.map((s) => s.value));
  }
  formulaAt(row: number, col: number): string | undefined {
    return this.cells[row - 1]?.[col - 1]?.formula;
  }
  /** Writes values as a person typing them would (through the same parsing as setValues). */
  load(grid: readonly (readonly unknown[])[]): this {
    grid.forEach((r, i) => r.forEach((v, j) => this.put(i + 1, j + 1, typedIn(v))));
    this.maxRows = Math.max(this.maxRows, grid.length);
    this.maxCols = grid.reduce((w, r) => Math.max(w, r.length), this.maxCols);
    return this;
  }
  /** Whether `email` may edit the cell (1-based), given every non-warning protection. */
  canEdit(email: string, row: number, col: number): boolean {
    if (email === this.ss.owner) return true;
    if (!this.ss.editors.includes(email)) return false;
    return this.protections.filter((p) => !p.warningOnly && p.covers(row, col)).every((p) => p.editors.has(email));
  }

  // ---- Apps Script API (counted) ----
  getName(): string {
    this.hit("getName");
    return this.name;
  }
  setName(name: string): this {
    this.hit("setName");
    if (this.ss.sheets.some((s) => s !== this && s.name === name)) throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  getDataRange(): FakeRange {
    this.hit("getDataRange");
    return new FakeRange(this.log, this, 1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastColumn(), 1));
  }
  getRange(row: number | string, col = 1, numRows = 1, numCols = 1): FakeRange {
    this.hit("getRange");
    if (typeof row === "string") {
      const b = a1ToBox(row);
      return new FakeRange(this.log, this, b.row, b.col, b.numRows, b.numCols);
    }
    return new FakeRange(this.log, this, row, col, numRows, numCols);
  }
  getRangeList(a1s: string[]): FakeRangeList {
    this.hit("getRangeList");
    return new FakeRangeList(
      this.log,
      a1s.map((a) => {
        const b = a1ToBox(a);
        return new FakeRange(this.log, this, b.row, b.col, b.numRows, b.numCols);
      }),
    );
  }
  getMaxRows(): number {
    this.hit("getMaxRows");
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.hit("getMaxColumns");
    return this.maxCols;
  }
  getLastRow(): number {
    this.hit("getLastRow");
    return this.lastRow();
  }
  insertRowsAfter(after: number, howMany: number): this {
    this.hit("insertRowsAfter");
    if (after !== this.maxRows) throw new Error("double: only appending rows is modelled");
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    this.hit("insertColumnsAfter");
    if (after !== this.maxCols) throw new Error("double: only appending columns is modelled");
    this.maxCols += howMany;
    return this;
  }
  clear(): this {
    this.hit("clear");
    this.cells = [];
    this.numberFormats = [];
    this.styles = [];
    this.notes.clear();
    return this;
  }
  setFrozenRows(n: number): void {
    this.hit("setFrozenRows");
    this.frozenRows = n;
  }
  getFrozenRows(): number {
    this.hit("getFrozenRows");
    return this.frozenRows;
  }
  setColumnWidth(col: number, px: number): this {
    this.hit("setColumnWidth");
    this.widths.set(col, px);
    return this;
  }
  getProtections(type: string): FakeProtection[] {
    this.hit("getProtections");
    return this.protections.filter((p) => (type === "SHEET") === (p.range === undefined));
  }
  protect(): FakeProtection {
    this.hit("protect");
    const p = new FakeProtection(this.log, this, undefined, this.ss.editors);
    this.protections.push(p);
    return p;
  }
  appendRow(row: unknown[]): this {
    this.hit("appendRow");
    const at = this.lastRow() + 1;
    if (at > this.maxRows) this.maxRows = at;
    if (row.length > this.maxCols) this.maxCols = row.length;
    row.forEach((v, j) => this.put(at, j + 1, typedIn(v)));
    return this;
  }
}

export class FakeSpreadsheet {
  /** What `Range.activate` last showed. */
  activeRange: { sheet: string; row: number; col: number; numRows: number; numCols: number } | undefined;
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { message: string; title: string }[] = [];
  formUrl: string | null = null;
  /** The spreadsheet's title in Drive. */
  name = "Sổ thi đua";
  /** People the spreadsheet is shared with for editing, owner first. */
  editors: string[];
  constructor(
    private readonly log: CallLog,
    readonly owner: string,
    sharedWith: readonly string[] = [],
  ) {
    this.editors = [owner, ...sharedWith];
  }
  private hit(method: string, detail = ""): void {
    this.log.hit(`Spreadsheet.${method}`, detail);
  }
  /** Test helper: a sheet by name, not counted. */
  tab(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** Test helper: adds a sheet holding `grid`, not counted. */
  addSheet(name: string, grid: readonly (readonly unknown[])[] = []): FakeSheet {
    const s = new FakeSheet(this.log, this, name).load(grid);
    this.sheets.push(s);
    return s;
  }
  getSheets(): FakeSheet[] {
    this.hit("getSheets");
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.hit("getSheetByName", name);
    return this.tab(name) ?? null;
  }
  getNumSheets(): number {
    this.hit("getNumSheets");
    return this.sheets.length;
  }
  insertSheet(name?: string): FakeSheet {
    this.hit("insertSheet", name ?? "");
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.tab(`Trang tính${n}`)) n++;
      name = `Trang tính${n}`;
    }
    if (this.tab(name)) throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    const s = new FakeSheet(this.log, this, name);
    this.sheets.push(s);
    return s;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.hit("deleteSheet", sheet.name);
    if (this.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
  }
  toast(message: string, title = "", _timeout?: number): void {
    this.hit("toast");
    this.toasts.push({ message, title });
  }
  getName(): string {
    this.hit("getName");
    return this.name;
  }
  getFormUrl(): string | null {
    this.hit("getFormUrl");
    return this.formUrl;
  }
}

// ---------------------------------------------------------------- Ui and HtmlService

export interface MenuItem {
  readonly caption: string;
  readonly fn: string;
}

class FakeMenu {
  readonly items: (MenuItem | "separator" | { caption: string; sub: FakeMenu })[] = [];
  constructor(
    private readonly log: CallLog,
    private readonly ui: FakeUi,
    readonly title: string,
  ) {}
  addItem(caption: string, fn: string): this {
    this.log.hit("Menu.addItem");
    this.items.push({ caption, fn });
    return this;
  }
  addSeparator(): this {
    this.log.hit("Menu.addSeparator");
    this.items.push("separator");
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.log.hit("Menu.addSubMenu");
    this.items.push({ caption: menu.title, sub: menu });
    return this;
  }
  addToUi(): void {
    this.log.hit("Menu.addToUi");
    this.ui.menus.push(this);
  }
  /** Every item, submenus flattened. */
  flat(): MenuItem[] {
    return this.items.flatMap((i) => (i === "separator" ? [] : "sub" in i ? i.sub.flat() : [i]));
  }
}

export const BUTTON = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
export type ButtonName = (typeof BUTTON)[keyof typeof BUTTON];

export class FakeUi {
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" } as const;
  readonly Button = BUTTON;
  readonly menus: FakeMenu[] = [];
  readonly alerts: { title: string; prompt: string; buttons: string }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  /** Answers to YES_NO questions, in order; a question with no answer left gets NO. */
  answers: ButtonName[] = [];
  constructor(private readonly log: CallLog) {}
  createMenu(title: string): FakeMenu {
    this.log.hit("Ui.createMenu");
    return new FakeMenu(this.log, this, title);
  }
  alert(a: string, b?: string, c?: string): ButtonName {
    this.log.hit("Ui.alert");
    const [title, prompt, buttons] = b === undefined ? ["", a, "OK"] : c === undefined ? ["", a, b] : [a, b, c];
    this.alerts.push({ title, prompt, buttons });
    if (buttons === "OK") return BUTTON.OK;
    return this.answers.shift() ?? BUTTON.NO;
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.log.hit("Ui.showSidebar");
    this.sidebars.push(html);
  }
}

export class FakeHtmlOutput {
  title = "";
  constructor(
    private readonly log: CallLog,
    readonly file: string,
  ) {}
  setTitle(t: string): this {
    this.log.hit("HtmlOutput.setTitle");
    this.title = t;
    return this;
  }
}

// ---------------------------------------------------------------- Lock, properties, triggers, session

/** Thrown when an execution asks for the script lock while another holds it: it must wait its turn. */
export class LockBusy extends Error {
  constructor() {
    super("script lock is held by another execution");
  }
}

export class LockState {
  holder: FakeLock | undefined;
  /** "real" serialises executions; "none" grants every request (what a script without a lock would get). */
  mode: "real" | "none" = "real";
  acquisitions = 0;
  blocked = 0;
}

class FakeLock {
  constructor(
    private readonly log: CallLog,
    private readonly state: LockState,
  ) {}
  private take(): boolean {
    if (this.state.mode === "none") return true;
    if (this.state.holder !== undefined && this.state.holder !== this) {
      this.state.blocked++;
      throw new LockBusy();
    }
    this.state.holder = this;
    this.state.acquisitions++;
    return true;
  }
  tryLock(_ms: number): boolean {
    this.log.hit("Lock.tryLock");
    return this.take();
  }
  waitLock(_ms: number): void {
    this.log.hit("Lock.waitLock");
    this.take();
  }
  hasLock(): boolean {
    this.log.hit("Lock.hasLock");
    return this.state.holder === this;
  }
  releaseLock(): void {
    this.log.hit("Lock.releaseLock");
    if (this.state.holder === this) this.state.holder = undefined;
  }
}

class FakeProperties {
  readonly store = new Map<string, string>();
  constructor(private readonly log: CallLog) {}
  getProperty(k: string): string | null {
    this.log.hit("Properties.getProperty");
    return this.store.get(k) ?? null;
  }
  setProperty(k: string, v: string): this {
    this.log.hit("Properties.setProperty");
    this.store.set(k, String(v));
    return this;
  }
  setProperties(obj: Record<string, string>): this {
    this.log.hit("Properties.setProperties");
    for (const [k, v] of Object.entries(obj)) this.store.set(k, String(v));
    return this;
  }
  getProperties(): Record<string, string> {
    this.log.hit("Properties.getProperties");
    return Object.fromEntries(this.store);
  }
  deleteProperty(k: string): this {
    this.log.hit("Properties.deleteProperty");
    this.store.delete(k);
    return this;
  }
}

export class FakeTrigger {
  constructor(
    private readonly log: CallLog,
    readonly handler: string,
    readonly eventType: string,
    readonly source: FakeSpreadsheet,
  ) {}
  getHandlerFunction(): string {
    this.log.hit("Trigger.getHandlerFunction");
    return this.handler;
  }
  getEventType(): string {
    this.log.hit("Trigger.getEventType");
    return this.eventType;
  }
}

// ---------------------------------------------------------------- the services, wired together

export interface GasDouble {
  readonly log: CallLog;
  readonly ss: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly lock: LockState;
  readonly documentProperties: FakeProperties;
  /** The person's own properties (their language). */
  readonly userProperties: FakeProperties;
  readonly triggers: FakeTrigger[];
  readonly htmlFiles: string[];
  /** The globals to put in the script's context. */
  readonly globals: Record<string, unknown>;
}

export function gasDouble(options: { owner?: string; sharedWith?: readonly string[] } = {}): GasDouble {
  const log = new CallLog();
  const owner = options.owner ?? "thuky@example.gov.vn";
  const ss = new FakeSpreadsheet(log, owner, options.sharedWith ?? []);
  const ui = new FakeUi(log);
  const lock = new LockState();
  const documentProperties = new FakeProperties(log);
  const scriptProperties = new FakeProperties(log);
  const userProperties = new FakeProperties(log);
  const triggers: FakeTrigger[] = [];
  const htmlFiles: string[] = [];

  const SpreadsheetApp = {
    getActiveSpreadsheet: () => (log.hit("SpreadsheetApp.getActiveSpreadsheet"), ss),
    getActive: () => (log.hit("SpreadsheetApp.getActive"), ss),
    getUi: () => (log.hit("SpreadsheetApp.getUi"), ui),
    newDataValidation: () => (log.hit("SpreadsheetApp.newDataValidation"), new FakeValidationBuilder(log)),
    flush: () => log.hit("SpreadsheetApp.flush"),
    ProtectionType: { RANGE: "RANGE", SHEET: "SHEET" },
  };
  const HtmlService = {
    createHtmlOutputFromFile: (file: string) => {
      log.hit("HtmlService.createHtmlOutputFromFile");
      htmlFiles.push(file);
      return new FakeHtmlOutput(log, file);
    },
  };
  const LockService = {
    getScriptLock: () => (log.hit("LockService.getScriptLock"), new FakeLock(log, lock)),
    getDocumentLock: () => (log.hit("LockService.getDocumentLock"), new FakeLock(log, lock)),
  };
  const PropertiesService = {
    getDocumentProperties: () => (log.hit("PropertiesService.getDocumentProperties"), documentProperties),
    getScriptProperties: () => (log.hit("PropertiesService.getScriptProperties"), scriptProperties),
    getUserProperties: () => (log.hit("PropertiesService.getUserProperties"), userProperties),
  };
  const EventType = { ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT", CLOCK: "CLOCK" } as const;
  const ScriptApp = {
    EventType,
    getProjectTriggers: () => (log.hit("ScriptApp.getProjectTriggers"), [...triggers]),
    newTrigger: (handler: string) => {
      log.hit("ScriptApp.newTrigger");
      return {
        forSpreadsheet: (source: FakeSpreadsheet) => {
          log.hit("TriggerBuilder.forSpreadsheet");
          return {
            onFormSubmit: () => {
              log.hit("SpreadsheetTriggerBuilder.onFormSubmit");
              return {
                create: () => {
                  log.hit("SpreadsheetTriggerBuilder.create");
                  const t = new FakeTrigger(log, handler, EventType.ON_FORM_SUBMIT, source);
                  triggers.push(t);
                  return t;
                },
              };
            },
          };
        },
      };
    },
  };
  const Session = {
    getEffectiveUser: () => (log.hit("Session.getEffectiveUser"), new FakeUser(owner)),
    getActiveUser: () => (log.hit("Session.getActiveUser"), new FakeUser(owner)),
    getScriptTimeZone: () => (log.hit("Session.getScriptTimeZone"), "Asia/Ho_Chi_Minh"),
  };
  const Utilities = {
    /** As Apps Script: Java bytes (-128 to 127); text that is not base64 is refused. */
    base64Decode: (encoded: string): number[] => {
      log.hit("Utilities.base64Decode");
      if (encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw new Error("Exception: Could not decode string.");
      return Array.from(Buffer.from(encoded, "base64"), (b) => (b > 127 ? b - 256 : b));
    },
  };
  const globals = { SpreadsheetApp, HtmlService, LockService, PropertiesService, ScriptApp, Session, Utilities };
  return { log, ss, ui, lock, documentProperties, userProperties, triggers, htmlFiles, globals };
}

import { type Cell, type Grid, columnLetters } from "../../shared/cells/cell.js";
import { blockAddress, blockKey, editsBlock, parseBlock } from "../../shared/ledger/output-block.js";
import { type OutputSheet, type SheetFormat, rowSumFormula } from "../../shared/ledger/output-sheet.js";
import type { LedgerPort, SheetEdits } from "../../shared/tasks/port.js";
import { type SheetValue, fromSheet, toSheet } from "./cells.js";
import { SHEET_TEXT } from "./ui-text.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How an output sheet is put in place. */
export interface WriteOptions {
  /**
   * Delete the sheet and insert it anew (templates, judges' tabs: no old protection or validation
   * survives) instead of clearing it (output sheets: the sheet keeps its id, so links to it survive).
   */
  readonly fresh?: boolean;
  /** A data-entry sheet: number formats and drop-downs reach this many rows below the data. */
  readonly inputRows?: number;
  /** Protect the header rows with a warning (editors may still change them after confirming). */
  readonly warnOnHeader?: boolean;
}

const HEADER_BACKGROUND = "#ddebf7";
const ALERT_COLOUR = "#c00000";
/** Sheets measures columns in pixels; the core in characters. */
const PIXELS_PER_CHAR = 7;
const MIN_WIDTH_PX = 40;

/**
 * The core's port over the bound spreadsheet. Each sheet is read with one `getDataRange().getValues()`
 * and written with one `setValues` of the whole block, formats by range: the number of service
 * calls depends on the number of sheets and columns, never on the number of rows.
 */
export class SheetsPort implements LedgerPort {
  private byName: Map<string, Sheet> | undefined;

  constructor(readonly ss: Spreadsheet) {}

  async sheetNames(): Promise<string[]> {
    return this.sheetNamesSync();
  }

  async read(names: readonly string[]): Promise<Map<string, Grid | undefined>> {
    return this.readSync(names);
  }

  async write(outputs: readonly OutputSheet[], edits: readonly SheetEdits[] = []): Promise<void> {
    this.writeSync(outputs, edits);
  }

  sheetNamesSync(): string[] {
    this.byName = new Map(this.ss.getSheets().map((s) => [s.getName(), s]));
    return [...this.byName.keys()];
  }

  sheet(name: string): Sheet | undefined {
    const known = this.byName?.get(name);
    if (known) return known;
    return this.ss.getSheetByName(name) ?? undefined;
  }

  readSync(names: readonly string[]): Map<string, Grid | undefined> {
    const out = new Map<string, Grid | undefined>();
    for (const name of names) {
      const sheet = this.sheet(name);
      out.set(name, sheet ? readGrid(sheet) : undefined);
    }
    return out;
  }

  writeSync(outputs: readonly OutputSheet[], edits: readonly SheetEdits[] = [], options: WriteOptions = {}): Sheet[] {
    // The blocks written last time, one read and one write of the document's properties per write.
    const props = outputs.length > 0 && !options.fresh ? PropertiesService.getDocumentProperties() : undefined;
    const recorded = props?.getProperties() ?? {};
    const blocks: Record<string, string> = {};
    const written = outputs.map((o) => this.writeSheet(o, options, recorded, blocks));
    if (props) props.setProperties(blocks);
    for (const e of edits) this.applyEdits(e);
    return written;
  }

  /**
   * Writes one output sheet: one `setValues`, then formats by range. An existing sheet is kept (its
   * id, so links and formulas pointing at it survive, its protection, filters, charts and column
   * widths); only the block thidua wrote there last time is cleared, so what the user put beside it
   * stays. Templates and judges' tabs (`fresh`) are made anew instead.
   */
  writeSheet(out: OutputSheet, options: WriteOptions = {}, recorded: Readonly<Record<string, string>> = {}, blocks: Record<string, string> = {}): Sheet {
    let sheet = this.sheet(out.name);
    const created = sheet === undefined || options.fresh === true;
    if (sheet && options.fresh) {
      // Insert the replacement before deleting: a spreadsheet may not lose its last sheet.
      const replacement = this.ss.insertSheet();
      this.ss.deleteSheet(sheet);
      sheet = replacement.setName(out.name);
    } else if (sheet) {
      const last = recorded[blockKey(out.name)];
      const box = last === undefined ? undefined : parseBlock(last);
      (box ? sheet.getRange(box.r0 + 1, box.c0 + 1, box.rows, box.cols) : sheet.getDataRange()).clear();
    } else sheet = this.ss.insertSheet(out.name);
    this.byName?.set(out.name, sheet);
    const width = out.rows.reduce((w, r) => Math.max(w, r.length), Math.max(1, out.format.widths.length));
    const height = Math.max(1, out.rows.length);
    const extent = Math.max(height, out.format.headerRow + 1) + (options.inputRows ?? 0);
    ensureSize(sheet, extent, width);
    const block: SheetValue[][] = [];
    for (let r = 0; r < height; r++) block.push(padRow(out.rows[r] ?? [], width).map(toSheet));
    sheet.getRange(1, 1, height, width).setValues(block);
    applyFormat(sheet, out.format, { width, height, extent, warnOnHeader: options.warnOnHeader === true, widths: created });
    blocks[blockKey(out.name)] = blockAddress({ r0: 0, c0: 0, rows: height, cols: width });
    return sheet;
  }

  /**
   * Cell edits of an import, written as one block: the smallest rectangle holding every edit, filled
   * with what the sheet holds now (formulas kept as formulas) and the edited values.
   */
  applyEdits(e: SheetEdits): void {
    if (e.edits.length === 0) return;
    const sheet = this.sheet(e.sheet) ?? this.ss.insertSheet(e.sheet);
    this.byName?.set(e.sheet, sheet);
    const box = editsBlock(e.edits);
    ensureSize(sheet, box.r0 + box.rows, box.c0 + box.cols);
    const range = sheet.getRange(box.r0 + 1, box.c0 + 1, box.rows, box.cols);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const block: SheetValue[][] = values.map((row, r) =>
      row.map((value, c) => {
        const formula = formulas[r]?.[c] ?? "";
        return formula !== "" ? formula : toSheet(fromSheet(value));
      }),
    );
    for (const edit of e.edits) {
      if (e.keepFormulas === true && (formulas[edit.row - box.r0]?.[edit.col - box.c0] ?? "") !== "") continue;
      block[edit.row - box.r0]![edit.col - box.c0] = toSheet(edit.value);
    }
    range.setValues(block);
  }
}

export function readGrid(sheet: Sheet): Grid {
  return sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map(fromSheet));
}

function padRow(row: readonly Cell[], width: number): Cell[] {
  const out = [...row];
  while (out.length < width) out.push(null);
  return out;
}

/** `getRange` outside the grid throws: grow the sheet first (two reads, at most two inserts). */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

function rowA1(row0: number, width: number): string {
  return `A${row0 + 1}:${columnLetters(width - 1)}${row0 + 1}`;
}

interface Extent {
  readonly width: number;
  readonly height: number;
  /** Last row (1-based) that number formats and drop-downs reach. */
  readonly extent: number;
  readonly warnOnHeader: boolean;
  /** Set column widths (a sheet just made); later the user's own widths stay. */
  readonly widths: boolean;
}

/** The format hints of the core, applied by range. */
export function applyFormat(sheet: Sheet, f: SheetFormat, x: Extent): void {
  const firstData = f.headerRow + 2;
  const dataRows = x.extent - firstData + 1;
  if (dataRows > 0) {
    f.numberFormats.forEach((fmt, col) => {
      if (fmt !== undefined) sheet.getRange(firstData, col + 1, dataRows, 1).setNumberFormat(fmt);
    });
  }
  sheet
    .getRange(f.headerRow + 1, 1, 1, x.width)
    .setFontWeight("bold")
    .setBackground(HEADER_BACKGROUND);
  if (f.boldRows.length > 0) sheet.getRangeList(f.boldRows.map((r) => rowA1(r, x.width))).setFontWeight("bold");
  const alerts = f.alertRows ?? [];
  if (alerts.length > 0)
    sheet
      .getRangeList(alerts.map((r) => rowA1(r, x.width)))
      .setFontWeight("bold")
      .setFontColor(ALERT_COLOUR);
  sheet.setFrozenRows(f.headerRow + 1);
  // A printed sheet's table: thin borders all round and inside, text wrapped rather than cut (the
  // widths fit the content, so only the long titles wrap). One call each, whatever the size. Apps
  // Script has no page-setup API: paper, orientation and fit-to-width are chosen in File › Print.
  if (f.rowSums) {
    const sums = f.rowSums;
    const n = sums.lastRow - f.headerRow;
    if (n > 0) sheet.getRange(f.headerRow + 2, sums.col + 1, n, 1).setFormulas(Array.from({ length: n }, (_, i) => [rowSumFormula(sums, f.headerRow + 2 + i, columnLetters)]));
  }
  if (f.tableRows) {
    const rows = f.tableRows.last - f.tableRows.first + 1;
    const table = sheet.getRange(f.tableRows.first + 1, 1, rows, x.width);
    table.setBorder(true, true, true, true, true, true);
    table.setWrap(true);
  }
  if (x.widths) f.widths.forEach((w, col) => sheet.setColumnWidth(col + 1, Math.max(MIN_WIDTH_PX, Math.round(w * PIXELS_PER_CHAR))));
  if (dataRows > 0) {
    for (const list of f.lists ?? []) {
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...list.values], true)
        .setAllowInvalid(false)
        .build();
      sheet.getRange(firstData, list.col + 1, dataRows, 1).setDataValidation(rule);
    }
  }
  const scoreRows = x.height - firstData + 1;
  if (scoreRows > 0) {
    for (const v of f.decimalRanges ?? []) {
      const rule = SpreadsheetApp.newDataValidation().requireNumberBetween(v.min, v.max).setAllowInvalid(false).setHelpText(SHEET_TEXT.validationHelp(v.min, v.max)).build();
      sheet.getRange(firstData, v.col + 1, scoreRows, 1).setDataValidation(rule);
    }
  }
  if (x.warnOnHeader) {
    sheet
      .getRange(1, 1, f.headerRow + 1, x.width)
      .protect()
      .setDescription(SHEET_TEXT.headerWarning)
      .setWarningOnly(true);
  }
}

import type { Cell, Grid } from "../shared/cells/cell.js";
import { NUMBER_FORMAT, type OutputSheet } from "../shared/ledger/output-sheet.js";
import type { CellEdit } from "../shared/tasks/port.js";
import { XE } from "./errors.js";
import { CONTENT_TYPES, OpcPackage, folderOf, relsPartOf } from "./package.js";
import { editSheetXml } from "./sheet-edit.js";
import { type CellContext, readSharedStrings, readSheetXml, scanSheetXml } from "./sheet-read.js";
import { outputSheetXml } from "./sheet-write.js";
import { StyleBook } from "./styles.js";
import { attributes, escapeXml, prefixOf, qualified, rootPrefix, rootTag, tagsNamed } from "./xml.js";
import type { DeflateCodec } from "./zip.js";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** Elements of a replaced sheet that point at the user's own parts (drawings, charts, notes, controls): kept. */
const KEPT_TAIL = ["drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls"] as const;
/** Children of `<workbook>` that come after `<definedNames>` (schema order). */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  readonly name: string;
  readonly part: string;
  readonly state: SheetState;
}

const sameName = (a: string, b: string): boolean => a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();

/**
 * A workbook file as thidua sees it: named sheets to read as grids, output sheets to write, cells
 * to set, and every other part of the package left exactly as it came. An output sheet that exists
 * is rewritten in its own part, so its place, its id and whatever points at it stay.
 */
export class XlsxBook {
  private readonly workbookPart: string;
  private workbookXml: string;
  private readonly p: string;
  private readonly relPrefix: string;
  /** A declaration of the relationships prefix for tags we add, where the root does not declare it (openpyxl declares it on each tag). */
  private readonly relDecl: string;
  private readonly relNs: string;
  private readonly mainNs: string;
  readonly date1904: boolean;
  private sheetList: SheetEntry[];
  private styleBook: StyleBook | undefined;
  private sharedStrings: string[] | undefined;
  private dropCalcChain = false;
  private changed = false;

  private constructor(private readonly pkg: OpcPackage) {
    const office = pkg.relationships("").find((r) => r.type.endsWith("/officeDocument") && !r.external);
    const workbookPart = office?.target ?? (pkg.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
    const xml = workbookPart === undefined ? undefined : pkg.text(workbookPart);
    if (workbookPart === undefined || xml === undefined) throw XE.notWorkbook();
    this.workbookPart = workbookPart;
    this.workbookXml = xml;
    this.p = rootPrefix(xml, "workbook");
    const root = rootTag(xml, "workbook") ?? "";
    this.mainNs = attributes(root).get(this.p ? `xmlns:${this.p}` : "xmlns") ?? NS.main;
    this.relNs = root.includes(STRICT_REL) ? STRICT_REL : NS.rel;
    const declared = prefixOf(root, this.relNs);
    this.relPrefix = declared ?? "r";
    this.relDecl = declared === undefined ? ` xmlns:r="${this.relNs}"` : "";
    const pr = tagsNamed(xml, this.p, "workbookPr")[0];
    const d = pr === undefined ? undefined : attributes(pr).get("date1904");
    this.date1904 = d === "1" || d === "true";
    this.sheetList = this.readSheetList();
  }

  static open(data: Uint8Array, codec: DeflateCodec): XlsxBook {
    return new XlsxBook(OpcPackage.open(data, codec));
  }

  /** A new, empty workbook (its sheets come from `writeSheet`). */
  static create(codec: DeflateCodec): XlsxBook {
    const pkg = new OpcPackage(undefined, codec);
    const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    pkg.set(
      CONTENT_TYPES,
      `${decl}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/></Types>`,
    );
    pkg.set("_rels/.rels", `${decl}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    pkg.set("xl/workbook.xml", `${decl}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`);
    pkg.set("xl/_rels/workbook.xml.rels", `${decl}<Relationships xmlns="${NS.pkgRel}"></Relationships>`);
    return new XlsxBook(pkg);
  }

  private readSheetList(): SheetEntry[] {
    const rels = this.pkg.relationships(this.workbookPart);
    return tagsNamed(this.workbookXml, this.p, "sheet").map((tag) => {
      const a = attributes(tag);
      const id = a.get(`${this.relPrefix}:id`) ?? [...a].find(([k]) => k.endsWith(":id"))?.[1];
      const rel = rels.find((r) => r.id === id);
      const state = a.get("state");
      return { name: a.get("name") ?? "", part: rel?.target ?? "", state: state === "hidden" || state === "veryHidden" ? state : "visible" };
    });
  }

  get sheets(): readonly SheetEntry[] {
    return this.sheetList;
  }

  /** The sheet of that name: exactly, or else ignoring case as Excel does. */
  sheet(name: string): SheetEntry | undefined {
    return this.sheetList.find((s) => s.name === name) ?? this.sheetList.find((s) => sameName(s.name, name));
  }

  private styles(): StyleBook {
    if (!this.styleBook) {
      const part = this.stylesPart();
      this.styleBook = new StyleBook(part === undefined ? undefined : this.pkg.text(part), this.mainNs);
    }
    return this.styleBook;
  }

  private stylesPart(): string | undefined {
    return this.pkg.relationships(this.workbookPart).find((r) => r.type.endsWith("/styles"))?.target;
  }

  private strings(): string[] {
    if (!this.sharedStrings) {
      const part = this.pkg.relationships(this.workbookPart).find((r) => r.type.endsWith("/sharedStrings"))?.target;
      const xml = part === undefined ? undefined : this.pkg.text(part);
      this.sharedStrings = xml === undefined ? [] : readSharedStrings(xml);
    }
    return this.sharedStrings;
  }

  /** A sheet's values; undefined when there is no such sheet. A chart sheet has no cells: empty. */
  readGrid(name: string): Grid | undefined {
    const entry = this.sheet(name);
    if (!entry) return undefined;
    const xml = this.pkg.text(entry.part);
    if (xml === undefined) return entry.part === "" ? [] : undefined;
    return readSheetXml(xml, entry.name, this.cellContext());
  }

  /** Each row of a sheet that holds a value, in file order, without holding the sheet's grid. */
  scanRows(name: string, onRow: (cells: Cell[], rowNumber: number) => void): void {
    const entry = this.sheet(name);
    const xml = entry === undefined ? undefined : this.pkg.text(entry.part);
    if (entry === undefined || xml === undefined) return;
    scanSheetXml(xml, entry.name, this.cellContext(), onRow);
  }

  private cellContext(): CellContext {
    return { sharedStrings: this.strings(), dateXf: this.styles().dateXf, date1904: this.date1904 };
  }

  /** Writes an output sheet: in the part of the sheet of that name when there is one, else as a new last sheet. */
  writeSheet(sheet: OutputSheet, options: { hidden?: boolean; protect?: boolean } = {}): void {
    this.changed = true;
    const existing = this.sheet(sheet.name);
    const base = { mainNs: this.mainNs, relNs: this.relNs, date1904: this.date1904, protect: options.protect === true };
    if (existing && existing.part !== "" && this.pkg.has(existing.part)) {
      const old = this.pkg.text(existing.part) ?? "";
      if (/<(\w+:)?f[\s>/]/.test(old)) this.dropCalcChain = true;
      this.pkg.set(existing.part, outputSheetXml(sheet, this.styles(), { ...base, keptTail: keptTail(old) }));
      this.setPrintTitles(this.sheetList.indexOf(existing), existing.name, sheet);
      return;
    }
    if (existing) throw XE.damaged(`trang “${existing.name}” không có phần dữ liệu`);
    const part = this.newSheet(sheet.name, options.hidden ? "veryHidden" : "visible");
    this.pkg.set(part, outputSheetXml(sheet, this.styles(), base));
    this.setPrintTitles(this.sheetList.length - 1, sheet.name, sheet);
  }

  /** Sets cells of a sheet (an import's edits); a sheet that does not exist is added with them. With `keepFormulas`, a cell holding a formula is left as it is. */
  editCells(name: string, edits: readonly CellEdit[], options: { keepFormulas?: boolean } = {}): void {
    if (edits.length === 0) return;
    this.changed = true;
    const existing = this.sheet(name);
    const part = existing?.part ?? this.newSheet(name, "visible");
    const xml = this.pkg.text(part) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${this.mainNs}" xmlns:r="${this.relNs}"><sheetData/></worksheet>`;
    const styles = this.styles();
    const edited = editSheetXml(
      xml,
      edits,
      {
        styleFor: (value: Cell, old: number) => (value instanceof Date && styles.dateXf[old] !== true ? styles.xf({ numFmt: NUMBER_FORMAT.date }) : old),
        keepFormulas: options.keepFormulas === true,
      },
      this.date1904,
    );
    if (edited.replacedFormula) this.dropCalcChain = true;
    this.pkg.set(part, edited.xml);
  }

  /** Adds a sheet to the workbook (list, relationship, content type); returns its part name. */
  private newSheet(name: string, state: SheetState): string {
    const folder = folderOf(this.workbookPart);
    let n = this.sheetList.length + 1;
    while (this.pkg.has(`${folder}worksheets/sheet${n}.xml`)) n++;
    const part = `${folder}worksheets/sheet${n}.xml`;
    const rId = this.addRelationship(this.workbookPart, `${this.relTypeBase()}/worksheet`, `worksheets/sheet${n}.xml`);
    this.addOverride(part, CT.worksheet);
    const ids = tagsNamed(this.workbookXml, this.p, "sheet").map((t) => Number(attributes(t).get("sheetId")) || 0);
    const sheetId = Math.max(0, ...ids) + 1;
    const stateAttr = state === "visible" ? "" : ` state="${state}"`;
    const tag = `<${qualified(this.p, "sheet")} name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr}${this.relDecl} ${this.relPrefix}:id="${rId}"/>`;
    const close = `</${qualified(this.p, "sheets")}>`;
    const at = this.workbookXml.indexOf(close);
    if (at >= 0) this.workbookXml = this.workbookXml.slice(0, at) + tag + this.workbookXml.slice(at);
    else this.workbookXml = this.workbookXml.replace(new RegExp(`<${qualified(this.p, "sheets")}\\s*/>`), `<${qualified(this.p, "sheets")}>${tag}${close}`);
    this.sheetList = [...this.sheetList, { name, part, state }];
    return part;
  }

  /** The relationship type prefix the workbook already uses (transitional or strict). */
  private relTypeBase(): string {
    const any = this.pkg.relationships(this.workbookPart).find((r) => r.type.endsWith("/worksheet") || r.type.endsWith("/styles"));
    return any ? any.type.slice(0, any.type.lastIndexOf("/")) : this.relNs;
  }

  private addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    const xml = this.pkg.text(relsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const p = rootPrefix(xml, "Relationships");
    const ids = new Set(tagsNamed(xml, p, "Relationship").map((t) => attributes(t).get("Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const tag = `<${qualified(p, "Relationship")} Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    this.pkg.set(relsPart, insertBeforeClose(xml, qualified(p, "Relationships"), tag));
    return id;
  }

  private addOverride(part: string, contentType: string): void {
    const xml = this.pkg.text(CONTENT_TYPES);
    if (xml === undefined) throw XE.missingPart(CONTENT_TYPES);
    const p = rootPrefix(xml, "Types");
    const tag = `<${qualified(p, "Override")} PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
    this.pkg.set(CONTENT_TYPES, insertBeforeClose(xml, qualified(p, "Types"), tag));
  }

  /** Print titles (the header row repeated on every page) of a printed output sheet, as Excel keeps them. */
  private setPrintTitles(index: number, name: string, sheet: OutputSheet): void {
    const dn = qualified(this.p, "definedName");
    const mine = new RegExp(
      `<${dn}\\s[^>]*name="_xlnm\\.Print_Titles"[^>]*localSheetId="${index}"[^>]*>[^<]*</${dn}>|<${dn}\\s[^>]*localSheetId="${index}"[^>]*name="_xlnm\\.Print_Titles"[^>]*>[^<]*</${dn}>`,
    );
    const without = this.workbookXml.replace(mine, "");
    if (!sheet.format.print) {
      this.workbookXml = without;
      return;
    }
    const row = sheet.format.headerRow + 1;
    const tag = `<${dn} name="_xlnm.Print_Titles" localSheetId="${index}">'${escapeXml(name.replace(/'/g, "''"))}'!$${row}:$${row}</${dn}>`;
    const names = qualified(this.p, "definedNames");
    if (new RegExp(`</${names}>`).test(without)) this.workbookXml = insertBeforeClose(without, names, tag);
    else this.workbookXml = insertBeforeFirst(without, this.p, AFTER_DEFINED_NAMES, `<${names}>${tag}</${names}>`, "workbook");
  }

  /** Formulas elsewhere may read what was written: Excel recalculates them when the file opens. */
  private markFullCalc(): void {
    const calc = tagsNamed(this.workbookXml, this.p, "calcPr")[0];
    if (calc === undefined) {
      this.workbookXml = insertBeforeFirst(this.workbookXml, this.p, AFTER_CALC_PR, `<${qualified(this.p, "calcPr")} fullCalcOnLoad="1"/>`, "workbook");
    } else if (!/fullCalcOnLoad="(1|true)"/.test(calc)) {
      const next = calc.replace(/\sfullCalcOnLoad="[^"]*"/, "").replace(/^(<[\w:]+)/, '$1 fullCalcOnLoad="1"');
      this.workbookXml = this.workbookXml.replace(calc, next);
    }
  }

  /** The file's bytes, as chunks to write in order. Parts nobody changed are copied as stored. */
  save(): Uint8Array[] {
    if (this.changed) {
      if (this.pkg.zip) this.markFullCalc();
      const styles = this.styleBook;
      if (styles?.isChanged) {
        let part = this.stylesPart();
        if (part === undefined) {
          part = `${folderOf(this.workbookPart)}styles.xml`;
          this.addRelationship(this.workbookPart, `${this.relTypeBase()}/styles`, "styles.xml");
          this.addOverride(part, CT.styles);
        }
        this.pkg.set(part, styles.text);
      }
      if (this.dropCalcChain) this.removeCalcChain();
      this.pkg.set(this.workbookPart, this.workbookXml);
    }
    return this.pkg.save();
  }

  /** Checks the bytes `save` produced, as written to disk, before they replace anything (see OpcPackage.verifyWritten). */
  verifyWritten(written: Uint8Array): void {
    this.pkg.verifyWritten(written);
  }

  /** The calculation chain lists formula cells; one that lost its formula must not be listed, so it goes (Excel rebuilds it). */
  private removeCalcChain(): void {
    const rel = this.pkg.relationships(this.workbookPart).find((r) => r.type.endsWith("/calcChain"));
    if (!rel) return;
    this.pkg.remove(rel.target);
    const relsPart = relsPartOf(this.workbookPart);
    const rels = this.pkg.text(relsPart)!;
    this.pkg.set(relsPart, rels.replace(new RegExp(`<(\\w+:)?Relationship\\s[^>]*Id="${rel.id}"[^>]*/>`), ""));
    const types = this.pkg.text(CONTENT_TYPES)!;
    this.pkg.set(CONTENT_TYPES, types.replace(new RegExp(`<(\\w+:)?Override\\s[^>]*PartName="/${rel.target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`, "i"), ""));
  }
}

/** The elements of an old sheet that must follow into its replacement, in schema order. */
function keptTail(xml: string): string {
  return KEPT_TAIL.map((name) => xml.match(new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`))?.[0] ?? "")
    .map((el) => el.replace(/^<\w+:/, "<").replace(/<\/\w+:/g, "</"))
    .join("");
}

function insertBeforeClose(xml: string, qname: string, tag: string): string {
  const close = `</${qname}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return xml.slice(0, at) + tag + xml.slice(at);
  const selfClosing = new RegExp(`<${qname}((?:\\s[^>]*?)?)/>`);
  if (selfClosing.test(xml)) return xml.replace(selfClosing, `<${qname}$1>${tag}${close}`);
  throw XE.damaged(`thiếu phần tử ${qname}`);
}

/** Inserts before the first of `following` present, or before the root's end. */
function insertBeforeFirst(xml: string, p: string, following: readonly string[], tag: string, root: string): string {
  for (const name of following) {
    const at = xml.search(new RegExp(`<${qualified(p, name)}[\\s>/]`));
    if (at >= 0) return xml.slice(0, at) + tag + xml.slice(at);
  }
  return insertBeforeClose(xml, qualified(p, root), tag);
}

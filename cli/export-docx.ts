/**
 * Renders annex models (shared/documents) as a Word document with the `docx` package, in the layout
 * of Decree 30/2020/NĐ-CP: A4 portrait, Times New Roman, body 14 pt and tables 12 pt (the decree
 * allows smaller type in tables: long titles wrap less), margins top/bottom 20 mm, left 30 mm,
 * right 15 mm; issuing body and national motto side by side.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  type TableVerticalAlign,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Align, AnnexDocument, AnnexRow } from "../shared/documents/annex.js";

const MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * MM);

export const PAGE = {
  width: twips(210),
  height: twips(297),
  margin: { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15) },
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const FONT = "Times New Roman";
/** Sizes in half-points. */
const SIZE = { body: 28, table: 24, issuer: 26, mottoTop: 24, mottoBottom: 26, small: 24, recipients: 22 } as const;

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: text.normalize("NFC"),
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: {} } : {}),
  });
}

type ParaStyle = RunStyle & { align?: Align; before?: number; after?: number; keepNext?: boolean };

function para(text: string, style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? "center"],
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    ...(style.keepNext ? { keepNext: true, keepLines: true } : {}),
    children: [run(text, style)],
  });
}

/** A short centred rule under the issuing body / the motto, as the decree draws it. */
function rule(indentEach: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indentEach, right: indentEach },
    spacing: { before: 0, after: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

const NO_BORDERS = TableBorders.NONE;

function cell(children: Paragraph[], width: number, verticalAlign: TableVerticalAlign = VerticalAlignTable.TOP, tight = false): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign, ...(tight ? { margins: { left: 0, right: 0, top: 0, bottom: 0 } } : {}) });
}

/**
 * Issuing body on the left, national title and motto on the right (Decree 30, Appendix I, items 1–2):
 * the title in 12 pt bold capitals on one line, the motto in 13 pt bold, underlined; cells without
 * inner margins so that the title has the whole column.
 */
function headerBlock(doc: AnnexDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.37);
  const right = TEXT_WIDTH - left;
  // The issuing body's name is bold in full, however many lines it takes.
  const issuer = doc.issuer.map((line) => para(line, { bold: true, size: SIZE.issuer }));
  const motto = [para(doc.motto[0], { bold: true, size: SIZE.mottoTop }), para(doc.motto[1], { bold: true, underline: true, size: SIZE.mottoBottom, after: 120 })];
  return new Table({
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    rows: [
      new TableRow({
        children: [cell([...issuer, rule(Math.round(left * 0.3))], left, VerticalAlignTable.TOP, true), cell(motto, right, VerticalAlignTable.TOP, true)],
      }),
    ],
  });
}

function cellParagraphs(text: string, align: Align, style: RunStyle & { keepNext?: boolean }): Paragraph[] {
  const lines = text === "" ? [""] : text.split("\n");
  return lines.map((line) => para(line, { ...style, align, size: SIZE.table }));
}

/** Advance widths of Times New Roman, in thousandths of an em, close enough to size columns (diacritics take no width). */
function charWidth(ch: string): number {
  if (ch === " ") return 250;
  if ("iljtfr.,;:'!|()[]-/".includes(ch)) return 320;
  if (ch === "m" || ch === "w") return 740;
  if (ch === "M" || ch === "W") return 900;
  if (ch >= "0" && ch <= "9") return 500;
  return ch !== ch.toLowerCase() ? 720 : 500;
}

/** The width of `text` on one line, in twips. */
export function textWidth(text: string, halfPoints: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")) em += charWidth(ch);
  return Math.ceil((em / 1000) * halfPoints * 10 * (bold ? 1.08 : 1));
}

/** Left and right inner margins of a table cell, as Word and LibreOffice draw them by default. */
const CELL_MARGINS = 240;

/** What a column's cells must fit without breaking: each word, or the whole text of a column that never wraps. */
function columnMinimum(doc: AnnexDocument, i: number): number {
  const c = doc.columns[i]!;
  const texts = doc.rows.flatMap((r) => (r.kind === "section" ? [] : [{ text: r.cells[i] ?? "", bold: r.kind === "total" }]));
  const pieces = texts.flatMap(({ text, bold }) =>
    text
      .split("\n")
      .flatMap((line) => (c.nowrap ? [line] : line.split(/\s+/)))
      .map((t) => textWidth(t, SIZE.table, bold)),
  );
  const header = c.header.split(/\s+/).map((t) => textWidth(t, SIZE.table, true));
  return Math.max(0, ...pieces, ...header) + CELL_MARGINS;
}

/**
 * Column widths: the declared shares of the text width, each raised to what its cells need so that
 * no word is ever broken (“Khuyến khích” stays whole), the extra taken from columns with room to spare.
 */
export function columnWidths(doc: AnnexDocument): number[] {
  const sum = doc.columns.reduce((n, c) => n + c.width, 0);
  const minimum = doc.columns.map((_, i) => columnMinimum(doc, i));
  const widths = doc.columns.map((c, i) => Math.max(minimum[i]!, Math.floor((TEXT_WIDTH * c.width) / sum)));
  const total = (): number => widths.reduce((a, b) => a + b, 0);
  const slack = widths.map((w, i) => w - minimum[i]!);
  const room = slack.reduce((a, b) => a + b, 0);
  const excess = total() - TEXT_WIDTH;
  if (excess > 0 && room > 0) {
    const take = Math.min(excess, room);
    widths.forEach((w, i) => (widths[i] = w - Math.floor((take * slack[i]!) / room)));
    // Rounding leaves a few twips: the column with the most room gives them.
    const roomiest = slack.indexOf(Math.max(...slack));
    widths[roomiest] = widths[roomiest]! - Math.max(0, total() - TEXT_WIDTH);
  }
  if (total() < TEXT_WIDTH) widths[widths.length - 1]! += TEXT_WIDTH - total();
  return widths;
}

/** `keepNext`: the table's last rows travel with what follows (totals, signature) to the next page rather than leave it alone. */
function bodyRow(row: AnnexRow, doc: AnnexDocument, widths: readonly number[], keepNext = false): TableRow {
  if (row.kind === "section") {
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          columnSpan: doc.columns.length,
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          children: cellParagraphs(row.text, "left", { bold: true, keepNext: true }),
        }),
      ],
    });
  }
  const bold = row.kind === "total";
  return new TableRow({
    cantSplit: true,
    children: doc.columns.map((c, i) => cell(cellParagraphs(row.cells[i] ?? "", bold && i === 1 ? "center" : c.align, { bold, keepNext }), widths[i]!, VerticalAlignTable.CENTER)),
  });
}

function dataTable(doc: AnnexDocument): Table {
  const widths = columnWidths(doc);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: doc.columns.map((c, i) => cell(cellParagraphs(c.header, "center", { bold: true }), widths[i]!, VerticalAlignTable.CENTER)),
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...doc.rows.map((r, i) => bodyRow(r, doc, widths, i >= doc.rows.length - 2))],
  });
}

/** "Nơi nhận" on the left, the signer on the right (Decree 30, items 7–9). */
function signatureBlock(doc: AnnexDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const sig = doc.signature;
  const signer = [
    ...(sig.authority ? [para(sig.authority, { bold: true })] : []),
    para(sig.position, { bold: true }),
    para(sig.note, { italics: true, size: SIZE.small, after: 1400 }),
    para(sig.name, { bold: true }),
  ];
  const recipients =
    doc.recipients.length === 0
      ? [para("", { align: "left" })]
      : [para("Nơi nhận:", { bold: true, italics: true, size: SIZE.small, align: "left" }), ...doc.recipients.map((r) => para(r, { size: SIZE.recipients, align: "left" }))];
  return new Table({
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(signer, right)] })],
  });
}

function annexChildren(doc: AnnexDocument): (Paragraph | Table)[] {
  return [
    headerBlock(doc),
    para(doc.title, { bold: true, before: 240 }),
    ...doc.subtitle.map((line) => para(line, { bold: true })),
    para(doc.decisionRef, { italics: true, after: 120 }),
    rule(Math.round(TEXT_WIDTH * 0.4)),
    ...(doc.banner ? [para(doc.banner, { bold: true, after: 120 })] : []),
    dataTable(doc),
    ...doc.totals.map((line, i) => para(line, { align: "left", before: i === 0 ? 160 : 40, keepNext: true })),
    para("", { after: 120, keepNext: true }),
    signatureBlock(doc),
  ];
}

/** Page numbers centred in the top margin from the second page on, as the decree asks. */
function pageNumberHeaders(): { default: Header; first: Header } {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.table })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({ children: [] })] }) };
}

/** One section per annex (each starts on a new page), all with the decree's page setup. */
export function annexDocx(annexes: readonly AnnexDocument[], title = "Phụ lục kèm theo quyết định khen thưởng"): Document {
  return new Document({
    creator: "thidua",
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: annexes.map((doc) => ({
      headers: pageNumberHeaders(),
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { ...PAGE.margin, header: twips(10), footer: twips(10), gutter: 0 },
        },
      },
      children: annexChildren(doc),
    })),
  });
}

export async function annexDocxBuffer(annexes: readonly AnnexDocument[]): Promise<Buffer> {
  return Packer.toBuffer(annexDocx(annexes));
}

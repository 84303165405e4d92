/**
 * Renders papers (shared/documents) as a Word document with the `docx` package, in the layout of
 * Decree 30/2020/NĐ-CP: A4, Times New Roman, body 14 pt and tables 12 pt (the decree allows smaller
 * type in tables: long titles wrap less), margins top/bottom 20 mm, left 30 mm, right 15 mm; issuing
 * body and national title side by side. Each paper is a section of its own: it starts on a new page
 * and numbers its pages from the second.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  PageOrientation,
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
import type { Align, AnnexColumn, AnnexRow, SignatureBlock } from "../shared/documents/annex.js";
import type { Paper, PaperBlock, PaperHeader } from "../shared/documents/paper.js";

const MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * MM);

export const PAGE = {
  width: twips(210),
  height: twips(297),
  margin: { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15) },
} as const;
const PORTRAIT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** A certificate: A4 landscape with even 20 mm margins. */
const LANDSCAPE_MARGIN = twips(20);
const LANDSCAPE_WIDTH = PAGE.height - 2 * LANDSCAPE_MARGIN;

export const FONT = "Times New Roman";
/** Sizes in half-points. */
const SIZE = { body: 28, table: 24, issuer: 26, mottoTop: 24, mottoBottom: 26, small: 24, recipients: 22, large: 32, display: 44 } as const;

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
}

const ALIGN: Record<Align | "justify", (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
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

type ParaStyle = RunStyle & { align?: Align | "justify"; before?: number; after?: number; keepNext?: boolean; firstLine?: number };

function para(text: string, style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? "center"],
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    ...(style.firstLine ? { indent: { firstLine: style.firstLine } } : {}),
    ...(style.keepNext ? { keepNext: true, keepLines: true } : {}),
    children: [run(text, style)],
  });
}

/** A short centred rule under the issuing body or a title, as the decree draws it. */
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

/** Two borderless columns side by side. */
function sideBySide(left: Paragraph[], right: Paragraph[], share: number, width: number, tight = false): Table {
  const l = Math.round(width * share);
  return new Table({
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: [l, width - l],
    rows: [new TableRow({ cantSplit: true, children: [cell(left, l, VerticalAlignTable.TOP, tight), cell(right, width - l, VerticalAlignTable.TOP, tight)] })],
  });
}

/**
 * Issuing body on the left, national title and motto on the right (Decree 30, Appendix I, items 1–4):
 * the title in 12 pt bold capitals on one line, the motto in 13 pt bold, underlined; the number under
 * the issuing body, place and date in italics under the motto; cells without inner margins so that
 * the title has the whole column.
 */
function headerBlock(h: PaperHeader, width: number): Table {
  const left = [...h.issuer.map((line) => para(line, { bold: true, size: SIZE.issuer })), rule(Math.round(width * 0.37 * 0.3)), ...(h.number ? [para(h.number, { size: SIZE.issuer })] : [])];
  const right = [
    para(h.motto[0], { bold: true, size: SIZE.mottoTop }),
    para(h.motto[1], { bold: true, underline: true, size: SIZE.mottoBottom, after: 120 }),
    ...(h.placeDate ? [para(h.placeDate, { italics: true, size: SIZE.issuer, before: 120 })] : []),
  ];
  return sideBySide(left, right, 0.37, width, true);
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
function columnMinimum(columns: readonly AnnexColumn[], rows: readonly AnnexRow[], i: number): number {
  const c = columns[i]!;
  const texts = rows.flatMap((r) => (r.kind === "section" ? [] : [{ text: r.cells[i] ?? "", bold: r.kind === "total" }]));
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
export function columnWidths(columns: readonly AnnexColumn[], rows: readonly AnnexRow[], width = PORTRAIT_WIDTH): number[] {
  const sum = columns.reduce((n, c) => n + c.width, 0);
  const minimum = columns.map((_, i) => columnMinimum(columns, rows, i));
  const widths = columns.map((c, i) => Math.max(minimum[i]!, Math.floor((width * c.width) / sum)));
  const total = (): number => widths.reduce((a, b) => a + b, 0);
  const slack = widths.map((w, i) => w - minimum[i]!);
  const room = slack.reduce((a, b) => a + b, 0);
  const excess = total() - width;
  if (excess > 0 && room > 0) {
    const take = Math.min(excess, room);
    widths.forEach((w, i) => (widths[i] = w - Math.floor((take * slack[i]!) / room)));
    // Rounding leaves a few twips: the column with the most room gives them.
    const roomiest = slack.indexOf(Math.max(...slack));
    widths[roomiest] = widths[roomiest]! - Math.max(0, total() - width);
  }
  if (total() < width) widths[widths.length - 1]! += width - total();
  return widths;
}

/** `keepNext`: the table's last rows travel with what follows (totals, signature) to the next page rather than leave it alone. */
function bodyRow(row: AnnexRow, columns: readonly AnnexColumn[], widths: readonly number[], keepNext: boolean): TableRow {
  if (row.kind === "section") {
    const span = widths.reduce((a, b) => a + b, 0);
    return new TableRow({
      cantSplit: true,
      children: [new TableCell({ columnSpan: columns.length, width: { size: span, type: WidthType.DXA }, children: cellParagraphs(row.text, "left", { bold: true, keepNext: true }) })],
    });
  }
  const bold = row.kind === "total";
  return new TableRow({
    cantSplit: true,
    children: columns.map((c, i) => cell(cellParagraphs(row.cells[i] ?? "", bold && i === 1 ? "center" : c.align, { bold, keepNext }), widths[i]!, VerticalAlignTable.CENTER)),
  });
}

function dataTable(columns: readonly AnnexColumn[], rows: readonly AnnexRow[], width: number): Table {
  const widths = columnWidths(columns, rows, width);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(cellParagraphs(c.header, "center", { bold: true }), widths[i]!, VerticalAlignTable.CENTER)),
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows.map((r, i) => bodyRow(r, columns, widths, i >= rows.length - 2))],
  });
}

function signerParagraphs(sig: SignatureBlock): Paragraph[] {
  return [
    ...(sig.authority ? [para(sig.authority, { bold: true })] : []),
    para(sig.position, { bold: true }),
    para(sig.note, { italics: true, size: SIZE.small, after: 1400 }),
    para(sig.name, { bold: true }),
  ];
}

/** "Nơi nhận" on the left, the signer on the right (Decree 30, items 7–9); two signers side by side for minutes. */
function signatureBlock(recipients: readonly string[], signers: readonly SignatureBlock[], width: number): Table {
  if (signers.length >= 2) return sideBySide(signerParagraphs(signers[0]!), signerParagraphs(signers[1]!), 0.5, width);
  const left =
    recipients.length === 0
      ? [para("", { align: "left" })]
      : [para("Nơi nhận:", { bold: true, italics: true, size: SIZE.small, align: "left" }), ...recipients.map((r) => para(r, { size: SIZE.recipients, align: "left" }))];
  return sideBySide(left, signerParagraphs(signers[0]!), 0.45, width);
}

const TEXT_SIZE = { body: SIZE.body, small: SIZE.small, large: SIZE.large, display: SIZE.display } as const;

function blockChildren(block: PaperBlock, width: number, afterTable: boolean): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return block.lines.map((line, i) => para(line, { bold: true, size: block.size === "display" ? SIZE.display : SIZE.body, before: i === 0 ? 240 : 0, after: block.size === "display" ? 240 : 0 }));
    case "text":
      return [
        para(block.text, {
          align: block.indent ? "justify" : (block.align ?? "center"),
          bold: block.bold ?? false,
          italics: block.italic ?? false,
          size: TEXT_SIZE[block.size ?? "body"],
          before: afterTable ? 120 : block.indent ? 60 : 0,
          after: block.indent ? 60 : 0,
          keepNext: afterTable,
          ...(block.indent ? { firstLine: twips(10) } : {}),
        }),
      ];
    case "rule":
      return [rule(Math.round(width * 0.4))];
    case "table":
      return [dataTable(block.columns, block.rows, width)];
    case "signature":
      return [para("", { after: 120, keepNext: afterTable }), signatureBlock(block.recipients, block.signers, width)];
  }
}

function paperChildren(paper: Paper, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = paper.header ? [headerBlock(paper.header, width)] : [];
  let afterTable = false;
  for (const block of paper.blocks) {
    out.push(...blockChildren(block, width, afterTable));
    if (block.kind === "table") afterTable = true;
    else if (block.kind === "signature") afterTable = false;
  }
  return out;
}

/** Page numbers centred in the top margin from the second page on, as the decree asks. */
function pageNumberHeaders(): { default: Header; first: Header } {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.table })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({ children: [] })] }) };
}

function section(paper: Paper): ConstructorParameters<typeof Document>[0]["sections"][number] {
  const landscape = paper.orientation === "landscape";
  const margin = landscape ? { top: LANDSCAPE_MARGIN, bottom: LANDSCAPE_MARGIN, left: LANDSCAPE_MARGIN, right: LANDSCAPE_MARGIN } : PAGE.margin;
  return {
    headers: pageNumberHeaders(),
    properties: {
      titlePage: true,
      page: {
        // `docx` swaps width and height itself for a landscape page.
        size: { width: PAGE.width, height: PAGE.height, ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
        margin: { ...margin, header: twips(10), footer: twips(10), gutter: 0 },
        pageNumbers: { start: 1 },
      },
    },
    children: paperChildren(paper, landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH),
  };
}

/** One section per paper (each starts on a new page and numbers its own pages), all with the decree's page setup. */
export function papersDocx(papers: readonly Paper[], title = "Văn bản khen thưởng"): Document {
  return new Document({
    creator: "thidua",
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: papers.map(section),
  });
}

/**
 * What a host prints: a sequence of documents, each a header (issuing body beside the national
 * title, as Decree 30/2020/NĐ-CP lays it out) and blocks of text, tables and signatures. Decisions,
 * submissions, minutes, lists and certificates are all built as papers, so one renderer per host
 * prints them all. Text only, in Vietnamese and NFC; blanks (`…`) where the secretariat writes by hand.
 */
import type { Align, AnnexColumn, AnnexDocument, AnnexRow, SignatureBlock } from "./annex.js";

export interface PaperHeader {
  readonly issuer: readonly string[];
  readonly motto: readonly [string, string];
  /** "Số: …/QĐ-UBND", under the issuing body; absent on a list attached to another document. */
  readonly number?: string;
  /** "Mỹ Thạnh, ngày … tháng … năm …", under the motto. */
  readonly placeDate?: string;
}

export type PaperBlock =
  /** Centred bold lines: a title ("QUYẾT ĐỊNH") and what it is about. `size` "display" is a certificate's. */
  | { readonly kind: "heading"; readonly lines: readonly string[]; readonly size?: "body" | "title" | "display" }
  /** A line or paragraph of text; `indent` is the first-line indent of body text, justified. */
  | {
      readonly kind: "text";
      readonly text: string;
      readonly align?: Align;
      readonly bold?: boolean;
      readonly italic?: boolean;
      readonly indent?: boolean;
      readonly size?: "body" | "small" | "large" | "display";
    }
  /** A short centred rule under a heading. */
  | { readonly kind: "rule" }
  | { readonly kind: "table"; readonly columns: readonly AnnexColumn[]; readonly rows: readonly AnnexRow[] }
  /** `Nơi nhận` on the left (when any) and one signer, or two signers side by side (minutes). */
  | { readonly kind: "signature"; readonly recipients: readonly string[]; readonly signers: readonly SignatureBlock[] };

export interface Paper {
  /** "decision", "submission", "minutes", "list", "certificate"… */
  readonly kind: string;
  readonly orientation: "portrait" | "landscape";
  readonly header?: PaperHeader;
  readonly blocks: readonly PaperBlock[];
}

/** What one competition of a ledger gives to print, computed once from its run. */
export interface DocumentSet {
  /** The lists (awarded, proposed, left to the council), as models. */
  readonly annexes: readonly AnnexDocument[];
  /** Everything to print, in filing order: decisions and submissions with their lists, minutes, the council's lists. */
  readonly papers: readonly Paper[];
  /** One certificate per awardee the organizer confers. */
  readonly certificates: readonly Paper[];
}

/** A list (annex) as a paper: its title, the reference to its decision, the table, totals and signature. */
export function listPaper(doc: AnnexDocument): Paper {
  const blocks: PaperBlock[] = [
    { kind: "heading", lines: [doc.title, ...doc.subtitle] },
    { kind: "text", text: doc.decisionRef, italic: true },
    { kind: "rule" },
    ...(doc.banner ? [{ kind: "text", text: doc.banner, bold: true } as const] : []),
    { kind: "table", columns: doc.columns, rows: doc.rows },
    ...doc.totals.map((line): PaperBlock => ({ kind: "text", text: line, align: "left" })),
    { kind: "signature", recipients: doc.recipients, signers: [doc.signature] },
  ];
  return { kind: "list", orientation: "portrait", header: { issuer: doc.issuer, motto: doc.motto }, blocks };
}

/**
 * A pure model of an official annex ("Phụ lục" / "Danh sách kèm theo Quyết định") in the format of
 * Decree 30/2020/NĐ-CP on administrative documents: issuing body and national motto side by side,
 * title, reference to the decision it is attached to, a numbered table, totals with the amount in
 * words, and a signature block with placeholders. Hosts render it (the CLI to .docx); the model holds
 * text only, already in Vietnamese and NFC.
 */
import { foldKey } from "../cells/text.js";
import { formatInteger } from "../vn/format.js";
import { type ThousandWord, amountInWords } from "../vn/words.js";

export const NATIONAL_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] as const;

/** What a secretariat fills in by hand once the decision is numbered and signed. */
export const BLANK = "…";

export type Align = "left" | "center" | "right";

export interface AnnexColumn {
  readonly header: string;
  /** Relative width; the renderer scales the columns to the text width. */
  readonly width: number;
  readonly align: Align;
  /** Cells too short to wrap well (a prize, a score, an amount): the column is made wide enough for the whole text. */
  readonly nowrap?: boolean;
}

export type AnnexRow =
  /** A heading inside the table spanning every column ("I. TẬP THỂ (01)"). */
  | { readonly kind: "section"; readonly text: string }
  | { readonly kind: "item"; readonly cells: readonly string[] }
  /** The `Tổng cộng` row, in bold. */
  | { readonly kind: "total"; readonly cells: readonly string[] };

export interface SignatureBlock {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; empty when the head signs in person. */
  readonly authority: string;
  readonly position: string;
  /** "(Ký, ghi rõ họ tên, đóng dấu)". */
  readonly note: string;
  /** The signer's name, a placeholder until the decision is signed. */
  readonly name: string;
}

export interface AnnexDocument {
  /** Which competition kind produced it: "judged", "emulation", later "quiz", "collective". */
  readonly kind: string;
  /** The issuing body in capitals, its name split over one or two lines (all bold). */
  readonly issuer: readonly string[];
  readonly motto: readonly [string, string];
  readonly title: string;
  readonly subtitle: readonly string[];
  /** "(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của …)". */
  readonly decisionRef: string;
  /** A warning printed above the table (provisional result, decisions pending). */
  readonly banner?: string;
  readonly columns: readonly AnnexColumn[];
  readonly rows: readonly AnnexRow[];
  /** Lines under the table: totals and the amount in words. */
  readonly totals: readonly string[];
  readonly recipients: readonly string[];
  readonly signature: SignatureBlock;
}

const UBND = "uy ban nhan dan";

/** "Ủy ban nhân dân huyện Phú Riềng" → ["ỦY BAN NHÂN DÂN", "HUYỆN PHÚ RIỀNG"]; an empty organizer gives a placeholder. */
export function issuerLines(organizer: string): string[] {
  const text = organizer.normalize("NFC").trim().replace(/\s+/g, " ");
  if (text === "") return [`${BLANK}${BLANK}${BLANK}`];
  const folded = foldKey(text);
  if (folded.startsWith(UBND) && folded.length > UBND.length) {
    return ["ỦY BAN NHÂN DÂN", text.slice(UBND.length).trim().toLocaleUpperCase("vi")];
  }
  if (folded.startsWith("ubnd ")) return ["ỦY BAN NHÂN DÂN", text.slice(5).trim().toLocaleUpperCase("vi")];
  return [text.toLocaleUpperCase("vi")];
}

export function isPeoplesCommittee(organizer: string): boolean {
  const f = foldKey(organizer);
  return f.startsWith(UBND) || f.startsWith("ubnd ");
}

/** Who issues the decision: the chairman of a People's Committee, otherwise the organizer's head. */
export function decisionAuthor(organizer: string): string {
  const text = organizer.normalize("NFC").trim();
  if (text === "") return BLANK;
  if (isPeoplesCommittee(text)) return `Chủ tịch ${text.replace(/^ubnd\s+/i, "Ủy ban nhân dân ")}`;
  return `Thủ trưởng ${text}`;
}

/** The line under a proposal's title: the Tờ trình of the organizer it goes with. */
export function proposalReference(organizer: string): string {
  const body = organizer.normalize("NFC").trim() || BLANK;
  return `(Kèm theo Tờ trình số ${BLANK}/TTr-${isPeoplesCommittee(organizer) ? "UBND" : BLANK} ngày ${BLANK} tháng ${BLANK} năm ${BLANK} của ${body})`;
}

/** The line under a list for a council's meeting: the emulation council's, or a contest's jury. */
export function councilReference(council = "Hội đồng Thi đua - Khen thưởng"): string {
  return `(Trình ${council} xem xét tại cuộc họp ngày ${BLANK} tháng ${BLANK} năm ${BLANK})`;
}

export const COUNCIL_SIGNATURE: SignatureBlock = {
  authority: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
  position: "CHỦ TỊCH",
  note: "(Ký, ghi rõ họ tên)",
  name: `${BLANK}${BLANK}${BLANK}${BLANK}${BLANK}`,
};

/** The line under the title that ties the annex to its decision, with blanks to fill in. */
export function decisionReference(organizer: string): string {
  return `(Kèm theo Quyết định số ${BLANK}/QĐ-${isPeoplesCommittee(organizer) ? "UBND" : BLANK} ngày ${BLANK} tháng ${BLANK} năm ${BLANK} của ${decisionAuthor(organizer)})`;
}

export function signatureFor(organizer: string): SignatureBlock {
  return {
    authority: "",
    position: isPeoplesCommittee(organizer) ? "CHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN",
    note: "(Ký, ghi rõ họ tên, đóng dấu)",
    name: `${BLANK}${BLANK}${BLANK}${BLANK}${BLANK}`,
  };
}

export const DEFAULT_RECIPIENTS: readonly string[] = ["- Như Điều 3 của Quyết định;", "- Lưu: VT."];
/** A proposal goes to the authority named in its Tờ trình. */
export const PROPOSAL_RECIPIENTS: readonly string[] = ["- Như trên;", "- Lưu: VT."];

/** Two-digit counts as official lists write them: 1 → "01". */
export function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
export function roman(i: number): string {
  return ROMAN[i] ?? String(i + 1);
}

/** "Hội thi … năm 2023", without a second "năm 2023" when the name already holds the year. */
export function nameWithYear(name: string, year: string): string {
  if (year === "" || name.includes(year)) return name;
  return `${name} năm ${year}`;
}

/** A contest's name as the object of “trao giải …”: “Cuộc thi …” unless the name already says what it is. */
export function contestTitle(name: string, year: string): string {
  const full = nameWithYear(name, year);
  if (full === "") return BLANK;
  return /^(cuoc thi|hoi thi|giai thuong|giai)\b/.test(foldKey(full)) ? full : `Cuộc thi ${full}`;
}

/** The money line under the table: "Tổng số tiền: 1.000.000 đồng (Bằng chữ: Một triệu đồng)." */
export function totalAmountLine(total: bigint, thousandWord: ThousandWord): string {
  return `Tổng số tiền: ${formatInteger(total)} đồng (Bằng chữ: ${amountInWords(total, thousandWord)}).`;
}

/** What each source decides; `officialAnnex` adds the frame every decision annex shares. */
export interface AnnexContent {
  readonly kind: string;
  readonly subtitle: readonly string[];
  readonly columns: readonly AnnexColumn[];
  readonly rows: readonly AnnexRow[];
  readonly totals: readonly string[];
  readonly banner: string | undefined;
  /** "DANH SÁCH" unless said otherwise ("DANH SÁCH ĐỀ NGHỊ"). */
  readonly title?: string;
  /** The line tying the list to its decision, unless said otherwise (a proposal's Tờ trình, the council's meeting). */
  readonly reference?: string;
  readonly signature?: SignatureBlock;
  /** `Nơi nhận`, unless said otherwise; empty for a list that goes nowhere but the meeting. */
  readonly recipients?: readonly string[];
}

/** A "DANH SÁCH" annex issued by `organizer`: issuer, motto, decision reference, recipients and signature. */
export function officialAnnex(organizer: string, content: AnnexContent): AnnexDocument {
  return {
    kind: content.kind,
    issuer: issuerLines(organizer),
    motto: NATIONAL_MOTTO,
    title: content.title ?? "DANH SÁCH",
    subtitle: content.subtitle,
    decisionRef: content.reference ?? decisionReference(organizer),
    columns: content.columns,
    rows: content.rows,
    totals: content.totals,
    recipients: content.recipients ?? DEFAULT_RECIPIENTS,
    signature: content.signature ?? signatureFor(organizer),
    ...(content.banner !== undefined ? { banner: content.banner } : {}),
  };
}

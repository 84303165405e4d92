/**
 * The documents a secretariat files around its lists, in Decree 30's layout: the award decision
 * (Quyết định) with its articles, the submission (Tờ trình) of a proposal to a higher authority, and
 * the minutes (Biên bản) of the council's meeting with its vote table. Whatever only the signer can
 * know (number, date, legal bases beyond the law, names) is a visible blank.
 */
import {
  type AnnexColumn,
  type AnnexRow,
  BLANK,
  DEFAULT_RECIPIENTS,
  NATIONAL_MOTTO,
  PROPOSAL_RECIPIENTS,
  type SignatureBlock,
  decisionAuthor,
  issuerLines,
  isPeoplesCommittee,
  signatureFor,
} from "./annex.js";
import { placeOf } from "./authority.js";
import type { Paper, PaperBlock, PaperHeader } from "./paper.js";

const LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
const DATE_BLANKS = `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;

function header(organizer: string, symbol: string, office = isPeoplesCommittee(organizer) ? "UBND" : BLANK): PaperHeader {
  return { issuer: issuerLines(organizer), motto: NATIONAL_MOTTO, number: `Số: ${BLANK}/${symbol}-${office}`, placeDate: `${placeOf(organizer)}, ${DATE_BLANKS}` };
}

const indent = (text: string): PaperBlock => ({ kind: "text", text, indent: true });

export interface DecisionFacts {
  readonly organizer: string;
  /** "Về việc tặng Giấy khen cho các tập thể, cá nhân …". */
  readonly subject: string;
  /** Điều 1, Điều 2 (money, when any): the rest is the same in every decision. */
  readonly articles: readonly string[];
}

/** Quyết định: issued by the organizer's head, its articles, the execution clause, recipients and signature. */
export function decisionPaper(f: DecisionFacts): Paper {
  const n = f.articles.length;
  const blocks: PaperBlock[] = [
    { kind: "heading", lines: ["QUYẾT ĐỊNH", f.subject] },
    { kind: "rule" },
    { kind: "heading", lines: [decisionAuthor(f.organizer).toLocaleUpperCase("vi")] },
    indent(LAW),
    indent(`Căn cứ ${BLANK};`),
    indent(`Xét đề nghị của ${BLANK}.`),
    { kind: "heading", lines: ["QUYẾT ĐỊNH:"] },
    ...f.articles.map((a, i) => indent(`Điều ${i + 1}. ${a}`)),
    indent(
      `Điều ${n + 1}. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${BLANK}, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ),
    { kind: "signature", recipients: DEFAULT_RECIPIENTS.map((r) => r.replace("Điều 3", `Điều ${n + 1}`)), signers: [signatureFor(f.organizer)] },
  ];
  return { kind: "decision", orientation: "portrait", header: header(f.organizer, "QĐ"), blocks };
}

export interface SubmissionFacts {
  readonly organizer: string;
  readonly authority: string;
  /** "Về việc đề nghị tặng … cho các tập thể, cá nhân …". */
  readonly subject: string;
  /** The body: what was done, what is asked. */
  readonly paragraphs: readonly string[];
}

/** Tờ trình: from the organizer to the authority that confers what it proposes. */
export function submissionPaper(f: SubmissionFacts): Paper {
  const signer: SignatureBlock = isPeoplesCommittee(f.organizer) ? { ...signatureFor(f.organizer), authority: "TM. ỦY BAN NHÂN DÂN" } : signatureFor(f.organizer);
  const blocks: PaperBlock[] = [
    { kind: "heading", lines: ["TỜ TRÌNH", f.subject] },
    { kind: "rule" },
    { kind: "text", text: `Kính gửi: ${f.authority}.` },
    ...f.paragraphs.map(indent),
    indent(`Kính trình ${f.authority} xem xét, quyết định./.`),
    { kind: "signature", recipients: PROPOSAL_RECIPIENTS, signers: [signer] },
  ];
  return { kind: "submission", orientation: "portrait", header: header(f.organizer, "TTr"), blocks };
}

export interface MinutesFacts {
  readonly organizer: string;
  /** "xét khen thưởng Phong trào thi đua … năm 2023". */
  readonly purpose: string;
  /** Every case the council votes on, with blank columns for the votes. */
  readonly columns: readonly AnnexColumn[];
  readonly rows: readonly AnnexRow[];
}

/** Biên bản họp Hội đồng Thi đua - Khen thưởng: who met, the vote table, the secretary and the chair sign. */
export function minutesPaper(f: MinutesFacts): Paper {
  const sign = (position: string): SignatureBlock => ({ authority: "", position, note: "(Ký, ghi rõ họ tên)", name: `${BLANK}${BLANK}${BLANK}${BLANK}${BLANK}` });
  const blocks: PaperBlock[] = [
    { kind: "heading", lines: ["BIÊN BẢN", "Họp Hội đồng Thi đua - Khen thưởng", f.purpose] },
    { kind: "rule" },
    indent(`Thời gian: ${BLANK} giờ ${BLANK} phút, ${DATE_BLANKS}.`),
    indent(`Địa điểm: ${BLANK}.`),
    indent(`Chủ trì: ${BLANK}, Chủ tịch Hội đồng. Thư ký: ${BLANK}.`),
    indent(`Thành viên Hội đồng có mặt: ${BLANK}/${BLANK}; vắng mặt: ${BLANK} (lý do: ${BLANK}).`),
    indent("Hội đồng đã xem xét hồ sơ, thành tích của các tập thể, cá nhân được đề nghị và biểu quyết như sau:"),
    { kind: "table", columns: f.columns, rows: f.rows },
    indent(`Kết luận: ${BLANK}.`),
    indent(`Cuộc họp kết thúc lúc ${BLANK} giờ ${BLANK} phút cùng ngày. Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất./.`),
    { kind: "signature", recipients: [], signers: [sign("THƯ KÝ"), sign("CHỦ TỊCH HỘI ĐỒNG")] },
  ];
  // The council under its body: "UBND XÃ MỸ THẠNH" / "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG".
  const body = issuerLines(f.organizer);
  const parent = body.length > 1 && body[0] === "ỦY BAN NHÂN DÂN" ? `UBND ${body.slice(1).join(" ")}` : body.join(" ");
  return { kind: "minutes", orientation: "portrait", header: { ...header(f.organizer, "BB", "HĐTĐKT"), issuer: [parent, "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"] }, blocks };
}

/** The vote columns of the minutes' table, after the case's own columns. */
export const VOTE_COLUMNS: readonly AnnexColumn[] = [
  { header: "Số phiếu đồng ý", width: 11, align: "center" },
  { header: "Tỷ lệ (%)", width: 9, align: "center" },
];

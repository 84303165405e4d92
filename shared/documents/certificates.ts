/**
 * Certificates (seed 002: “Tổ chức, cá nhân đạt Giải thưởng được nhận Giấy khen và tiền thưởng”): one
 * A4 landscape page per awardee, a whole list in one file, for the organizer's head to sign. Only
 * awards the organizer itself confers get one: a higher authority prints its own.
 */
import { foldKey } from "../cells/text.js";
import { BLANK, NATIONAL_MOTTO, decisionAuthor, isPeoplesCommittee, signatureFor } from "./annex.js";
import { placeOf } from "./authority.js";
import type { Paper } from "./paper.js";

export interface CertificateFacts {
  readonly organizer: string;
  /** The award form (`Cấp khen`, or “Giấy khen” for a contest's prize): it names the certificate. */
  readonly form: string;
  readonly recipient: string;
  readonly unit: string;
  /** “Đã đạt giải Nhất Cuộc thi …”, “Đã có thành tích xuất sắc trong …”. */
  readonly achievement: string;
}

/** “Bằng khen …” → BẰNG KHEN, “Giấy khen …” → GIẤY KHEN, a title (“Lao động tiên tiến”) → GIẤY CHỨNG NHẬN. */
export function certificateTitle(form: string): string {
  const f = foldKey(form);
  if (f.includes("bang khen")) return "BẰNG KHEN";
  if (f.includes("giay khen")) return "GIẤY KHEN";
  return "GIẤY CHỨNG NHẬN";
}

export function certificatePaper(f: CertificateFacts): Paper {
  const office = isPeoplesCommittee(f.organizer) ? "UBND" : BLANK;
  return {
    kind: "certificate",
    orientation: "landscape",
    blocks: [
      { kind: "text", text: NATIONAL_MOTTO[0], bold: true, size: "small" },
      { kind: "text", text: NATIONAL_MOTTO[1], bold: true, size: "small" },
      { kind: "heading", lines: [decisionAuthor(f.organizer).toLocaleUpperCase("vi"), "TẶNG"] },
      { kind: "heading", lines: [certificateTitle(f.form)], size: "display" },
      { kind: "text", text: f.recipient, bold: true, size: "display" },
      ...(f.unit !== "" ? [{ kind: "text", text: f.unit, size: "large" } as const] : []),
      { kind: "text", text: f.achievement, italic: true, size: "large" },
      { kind: "text", text: `Quyết định số ${BLANK}/QĐ-${office} ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`, size: "small", align: "left" },
      { kind: "text", text: `${placeOf(f.organizer)}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`, italic: true, align: "right" },
      { kind: "signature", recipients: [], signers: [signatureFor(f.organizer)] },
    ],
  };
}

import { Refusal } from "../shared/tasks/refusal.js";

/** A workbook file that cannot be read or written safely, with the reason for a person (never a library's text). */
export class XlsxError extends Refusal {}

const MiB = 1024 * 1024;
const mib = (bytes: number): string => `${Math.round(bytes / MiB)} MiB`;

export const LIMITS = {
  /** The most one part (a sheet's XML) may inflate to: a sheet past it is far beyond any ledger. */
  partBytes: 400 * MiB,
  /** The most all the parts read from one file may inflate to together. */
  totalBytes: 1024 * MiB,
  entries: 100_000,
} as const;

export const XE = {
  notZip: (): XlsxError =>
    new XlsxError({
      vi: "không phải tệp Excel .xlsx (có thể là .csv, .xls cũ hoặc tệp khác); hãy mở bằng Excel và lưu lại dạng .xlsx",
      en: "not an Excel .xlsx file (perhaps .csv, an old .xls or another kind); open it in Excel and save it as .xlsx",
    }),
  legacyOrEncrypted: (): XlsxError =>
    new XlsxError({
      vi: "tệp .xls cũ hoặc tệp .xlsx có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx",
      en: "an old .xls file or a password-protected .xlsx; open it in Excel, remove the password and save it as .xlsx",
    }),
  damaged: (what: string): XlsxError => new XlsxError({ vi: `tệp bị hỏng (${what}); hãy mở bằng Excel và lưu lại`, en: `the file is damaged (${what}); open it in Excel and save it again` }),
  notWorkbook: (): XlsxError =>
    new XlsxError({
      vi: "tệp nén này không phải sổ tính Excel (thiếu phần sổ tính); nếu là .ods, hãy lưu lại dạng .xlsx",
      en: "this archive is not an Excel workbook (no workbook part); if it is .ods, save it as .xlsx",
    }),
  encrypted: (): XlsxError => new XlsxError({ vi: "tệp có phần được mã hóa; hãy bỏ mật khẩu rồi lưu lại", en: "the file has encrypted parts; remove the password and save again" }),
  tooLarge: (part: string, bytes: number, limit: number): XlsxError =>
    new XlsxError({
      vi: `phần “${part}” giải nén ra ${mib(bytes)}, vượt giới hạn ${mib(limit)}: tệp quá lớn hoặc là tệp nén độc hại; không đọc`,
      en: `part “${part}” inflates to ${mib(bytes)}, over the ${mib(limit)} limit: the file is too large or a zip bomb; not read`,
    }),
  doctype: (part: string): XlsxError =>
    new XlsxError({
      vi: `phần “${part}” khai báo DOCTYPE, sổ tính Excel không có; không đọc`,
      en: `part “${part}” declares a DOCTYPE, which no workbook has; not read`,
    }),
  missingPart: (part: string): XlsxError => XE.damaged(`thiếu phần ${part}`),
  tooManyRows: (sheet: string): XlsxError => new XlsxError({ vi: `trang “${sheet}” vượt quá 1.048.576 dòng của Excel`, en: `sheet “${sheet}” has more than Excel's 1,048,576 rows` }),
} as const;

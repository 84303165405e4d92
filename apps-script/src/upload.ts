import type { Grid } from "../../shared/cells/cell.js";
import { IM } from "../../shared/i18n/messages.js";
import { ProblemList } from "../../shared/ledger/problem.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { type ImportResult, type ReturnedWorkbook, importWorkbooks, logText } from "../../shared/tasks/import.js";
import { fflateCodec } from "../../xlsx/fflate-codec.js";
import { XlsxBook } from "../../xlsx/workbook.js";
import { problemLines } from "./contest.js";
import { type ActionResult, type Host, Refusal, result } from "./host.js";
import { bothLanguages } from "./ui-text.js";

/** At most this many files, each at most this large, in one upload: a ledger is far smaller. */
export const UPLOAD_LIMITS = { files: 20, bytes: 10 * 1024 * 1024 } as const;

interface UploadedFile {
  readonly name: string;
  /** The file's bytes in base64, as the sidebar's FileReader gives them. */
  readonly data: string;
}

/** What the sidebar sent, checked field by field: it crosses from the browser and is not trusted. */
function uploadedFiles(input: unknown): UploadedFile[] {
  const files = Array.isArray(input) ? (input as unknown[]) : [];
  const refuse = (): never => {
    throw new Refusal(bothLanguages((text) => text.uploadBad(UPLOAD_LIMITS.files, UPLOAD_LIMITS.bytes / 1024 / 1024)));
  };
  if (files.length === 0 || files.length > UPLOAD_LIMITS.files) return refuse();
  const own = (f: unknown, key: string): unknown => (typeof f === "object" && f !== null && Object.prototype.hasOwnProperty.call(f, key) ? (f as Record<string, unknown>)[key] : undefined);
  return files.map((f) => {
    const name = own(f, "name");
    const data = own(f, "data");
    if (typeof name !== "string" || typeof data !== "string" || name.length > 255 || data.length > (UPLOAD_LIMITS.bytes * 4) / 3 + 4) return refuse();
    return { name: [...name].filter((c) => c >= " ").join(""), data };
  });
}

/**
 * The core's import, written once: values that differ from the ledger's are replaced only when the
 * person says so after seeing how many there are (`ask`).
 */
export function importAsked(
  host: Host,
  ledgerSheets: ReadonlyMap<string, Grid | undefined>,
  workbooks: readonly ReturnedWorkbook[],
  ask: (conflicts: number) => boolean,
): { merged: ImportResult; replaced: boolean } {
  let merged = importWorkbooks(ledgerSheets, workbooks, { replace: false, now: host.now });
  const conflicts = merged.reports.reduce((n, r) => n + r.conflicts, 0);
  const replaced = conflicts > 0 && ask(conflicts);
  if (replaced) merged = importWorkbooks(ledgerSheets, workbooks, { replace: true, now: host.now });
  host.port.writeSync([], merged.edits);
  return { merged, replaced };
}

function bytesOf(base64: string): Uint8Array {
  // Apps Script gives Java bytes, -128 to 127.
  return Uint8Array.from(Utilities.base64Decode(base64), (b) => b & 0xff);
}

/**
 * `Nhập tệp .xlsx` (sidebar): workbooks picked on the person's computer go through the core's
 * `importWorkbooks`, the rules of `thidua import`: a lower level's award review, judges' returned
 * scoring workbooks, units' registration workbooks. The files are read in the script with the
 * project's own reader, so the script needs no access to Drive: only to this spreadsheet.
 */
export function uploadAction(host: Host, input: unknown): ActionResult {
  const t = host.t;
  const files = uploadedFiles(input);
  const unreadable = new ProblemList();
  const workbooks: ReturnedWorkbook[] = [];
  for (const file of files) {
    try {
      const book = XlsxBook.open(bytesOf(file.data), fflateCodec);
      workbooks.push({ file: file.name, sheets: new Map<string, Grid>(book.sheets.map((s) => [s.name, book.readGrid(s.name) ?? []])) });
    } catch (err) {
      const reason = err instanceof Refusal ? err.msg.vi : err instanceof Error ? err.message : String(err);
      unreadable.error(file.name, undefined, undefined, IM.unreadable(reason));
    }
  }
  if (workbooks.length === 0) throw new Refusal(bothLanguages((text) => text.uploadNoneRead(files.map((f) => f.name))));
  const names = host.port.sheetNamesSync();
  const ledgerSheets = host.port.readSync(names);
  const { merged, replaced } = importAsked(host, ledgerSheets, workbooks, (conflicts) => host.confirm(t.upload, t.uploadConflicts(conflicts)));
  const problems = [...unreadable.items, ...merged.problems.items];
  const imported = merged.reports.filter((r) => r.kind !== "refused").length;
  // Refused: read but not a workbook the ledger takes, or not readable at all.
  const refused = files.length - imported;
  return result(!problems.some((p) => p.severity === "error"), t.upload, t.uploaded(imported, refused, replaced, OUTPUT_SHEET_NAMES.log), [
    ...merged.reports.map((r) => `${r.file}${r.judge ? ` (${r.judge})` : ""}: ${logText(r, host.lang)}`),
    ...problemLines(problems, t.moreMessages, host.lang),
  ]);
}

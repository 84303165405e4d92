import { existsSync, promises as fs, statSync } from "node:fs";
import path from "node:path";
import type { Grid } from "../shared/cells/cell.js";
import { partsOfInstant } from "../shared/cells/date.js";
import { type Lang, type Msg, say } from "../shared/i18n/messages.js";
import { IM } from "../shared/i18n/messages.js";
import { ProblemList } from "../shared/ledger/problem.js";
import { CONTEST_SHEETS, readContest, resolveSheetNames } from "../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../shared/ledger/schema.js";
import { TEMPLATE_KINDS, type TemplateKind, templateSheets } from "../shared/samples/templates.js";
import { readContestSheets } from "../shared/tasks/contest-run.js";
import { type ImportReport, type ReturnedWorkbook, importWorkbooks, logText } from "../shared/tasks/import.js";
import { judgeWorkbooks } from "../shared/tasks/judge-sheets.js";
import { newYearChanges, newYearDone, newYearOf, newYearReads } from "../shared/tasks/new-year.js";
import { EXIT, type Io, Refusal, errorText } from "./outcome.js";
import { problemLines } from "../shared/tasks/tally-report.js";
import { refuseMissingFolder, refuseOverwritingInput, refuseUnwritable, withFileLock } from "./write-file-atomic.js";
import { XlsxWorkbook } from "./xlsx-workbook.js";
import { XlsxError } from "../xlsx/errors.js";
import { EMULATION_SHEETS } from "../shared/emulation/schema.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

export async function loadWorkbook(file: string): Promise<XlsxWorkbook> {
  if (!existsSync(file)) throw new Refusal(t(`Không tìm thấy tệp “${file}”.`, `File “${file}” not found.`));
  try {
    return await XlsxWorkbook.load(file);
  } catch (err) {
    throw new Refusal(unreadableFile(file, err));
  }
}

/** Why a workbook file could not be read, for a person: the file layer's own words, or the system's for a file error. */
export function unreadableFile(file: string, err: unknown): Msg {
  if (err instanceof XlsxError) return t(`Không đọc được tệp “${file}”: ${err.msg.vi}.`, `Cannot read “${file}”: ${err.msg.en}.`);
  const code = typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "";
  if (code === "EISDIR") return t(`“${file}” là một thư mục, không phải tệp.`, `“${file}” is a folder, not a file.`);
  if (code === "EACCES" || code === "EPERM") return t(`Không có quyền đọc tệp “${file}”.`, `No permission to read “${file}”.`);
  return t(`Không đọc được tệp “${file}” (không phải tệp Excel .xlsx hợp lệ).`, `Cannot read “${file}” (not a valid .xlsx workbook).`);
}

/** A new ledger never replaces anything: a file already there is kept, and a folder is not a file name. */
function refuseExisting(file: string): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory())
    throw new Refusal(
      t(
        `“${file}” là một thư mục; hãy ghi tên tệp sổ mới, ví dụ ${path.join(file, "so-nam-moi.xlsx")}.`,
        `“${file}” is a folder; give the new ledger's file name, e.g. ${path.join(file, "so-nam-moi.xlsx")}.`,
      ),
    );
  throw new Refusal(t(`Tệp “${file}” đã có; không ghi đè.`, `“${file}” already exists; not overwritten.`));
}

export function refuseMissingSheets(missingSheets: readonly string[]): void {
  if (missingSheets.length > 0) {
    throw new Refusal(t(`Sổ thiếu trang bắt buộc: ${missingSheets.join(", ")}.`, `The ledger lacks required sheets: ${missingSheets.join(", ")}.`));
  }
}

export async function initCommand(kind: string | undefined, file: string | undefined, io: Io, year?: number): Promise<number> {
  if (!kind || !file || !(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
    throw new Refusal(t(`Cần loại mẫu (${TEMPLATE_KINDS.join(", ")}) và tên tệp.`, `Give a template (${TEMPLATE_KINDS.join(", ")}) and a file name.`));
  }
  if (!/\.xlsx$/i.test(file)) throw new Refusal(t(`Tên tệp sổ phải có đuôi .xlsx (không phải “${file}”).`, `The ledger's file name must end in .xlsx (not “${file}”).`));
  refuseExisting(file);
  await refuseMissingFolder(file);
  await XlsxWorkbook.create(file, templateSheets(kind as TemplateKind, { year: year ?? partsOfInstant(Date.now()).y }));
  io.out(say(t(`Đã tạo sổ ${file} theo mẫu “${kind}”. Thay các dòng ví dụ bằng dữ liệu thật.`, `Wrote ${file} from template “${kind}”. Replace the example rows with real data.`), io.lang));
  return EXIT.done;
}

export async function judgeSheetsCommand(file: string | undefined, outDir: string | undefined, io: Io): Promise<string[]> {
  if (!file || !outDir) throw new Refusal(t("Cần tên tệp sổ và --out <thư mục>.", "Give the ledger file and --out <folder>."));
  const wb = await loadWorkbook(file);
  const { ledger, missingSheets } = readContest(await readContestSheets(wb));
  refuseMissingSheets(missingSheets);
  const books = judgeWorkbooks(ledger);
  if (books.length === 0) throw new Refusal(t("Trang “Giám khảo” chưa có giám khảo nào.", "The “Giám khảo” sheet lists no judge."));
  await fs.mkdir(outDir, { recursive: true });
  const paths = books.map((b) => path.join(outDir, b.fileName));
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length > 0) throw new Refusal(t(`Đã có tệp ${taken.join(", ")}; không ghi đè (có thể là phiếu giám khảo đã gửi lại).`, `${taken.join(", ")} already exist; not overwritten.`));
  for (const [i, book] of books.entries()) {
    const out = XlsxWorkbook.empty();
    for (const sheet of book.sheets) out.replaceSheet(sheet, { protect: sheet.format.protection !== undefined });
    out.replaceSheet(book.meta, { hidden: true });
    await out.save(paths[i]!);
    io.out(say(t(`Phiếu chấm của ${book.judge.name} (${book.judge.code}): ${paths[i]}`, `Scoring workbook for ${book.judge.name} (${book.judge.code}): ${paths[i]}`), io.lang));
  }
  return paths;
}

export async function importCommand(file: string | undefined, inputs: readonly string[], replace: boolean, io: Io, now = Date.now()): Promise<number> {
  if (!file || inputs.length === 0) throw new Refusal(t("Cần tên tệp sổ và ít nhất một tệp để nhập.", "Give the ledger file and at least one workbook to import."));
  await refuseOverwritingInput(file, inputs);
  await refuseUnwritable(file);
  // Read, merge and save under the ledger's lock: two imports at once both land, one after the other.
  const { result, unreadable } = await withFileLock(file, () => importInto(file, inputs, replace, now));
  for (const r of result.reports) io.out(reportLine(r, io.lang));
  const problems = [...unreadable.items, ...result.problems.items];
  for (const line of problemLines(problems, io.lang, Number.POSITIVE_INFINITY)) io.out(line);
  io.out(say(t(`Đã cập nhật ${file} (xem trang “${OUTPUT_SHEET_NAMES.log}”).`, `Updated ${file} (see the “${OUTPUT_SHEET_NAMES.log}” sheet).`), io.lang));
  return problems.some((p) => p.severity === "error") ? EXIT.errorsRemain : EXIT.done;
}

async function importInto(file: string, inputs: readonly string[], replace: boolean, now: number): Promise<{ result: ReturnType<typeof importWorkbooks>; unreadable: ProblemList }> {
  const wb = await loadWorkbook(file);
  const names = await wb.sheetNames();
  const ledgerSheets = await wb.read(names);
  // The first file must be the ledger: a judge's workbook given first would otherwise be changed.
  const contestSheets = resolveSheetNames(names, CONTEST_SHEETS);
  const missingSheets = CONTEST_SHEETS.filter((s) => !contestSheets.has(s));
  const review = resolveSheetNames(names, EMULATION_SHEETS).size === EMULATION_SHEETS.length;
  if (missingSheets.length > 0 && !review) {
    throw new Refusal(
      t(
        `“${file}” không phải sổ cuộc thi (thiếu trang ${missingSheets.join(", ")}) cũng không phải sổ xét khen thưởng; không nhập gì. Tệp sổ phải đứng trước các tệp cần nhập.`,
        `“${file}” is neither a contest ledger (missing ${missingSheets.join(", ")}) nor an award review; nothing imported. The ledger comes before the files to import.`,
      ),
    );
  }
  const unreadable = new ProblemList();
  const returned: ReturnedWorkbook[] = [];
  for (const input of inputs) {
    try {
      const book = await XlsxWorkbook.load(input);
      returned.push({ file: path.basename(input), sheets: book.readAll() });
    } catch (err) {
      unreadable.error(path.basename(input), undefined, undefined, IM.unreadable(errorText(err)));
    }
  }
  if (returned.length === 0) {
    throw new Refusal(t(`Không đọc được tệp nào để nhập: ${inputs.join(", ")}.`, `None of the files could be read: ${inputs.join(", ")}.`));
  }
  const result = importWorkbooks(ledgerSheets as Map<string, Grid | undefined>, returned, { replace, now });
  await wb.write([], result.edits);
  await wb.save(file);
  return { result, unreadable };
}

function reportLine(r: ImportReport, lang: Lang): string {
  const who = r.judge ? ` (${r.judge})` : "";
  return `${r.file}${who}: ${logText(r, lang)}`;
}

export async function newYearCommand(file: string | undefined, out: string | undefined, io: Io, year?: number): Promise<number> {
  if (!file || !out) throw new Refusal(t("Cần tên tệp sổ năm nay và --out <tệp sổ năm mới.xlsx>.", "Give this year's ledger and --out <next year's ledger.xlsx>."));
  if (!/\.xlsx$/i.test(out)) throw new Refusal(t(`Tên tệp sổ phải có đuôi .xlsx (không phải “${out}”).`, `The ledger's file name must end in .xlsx (not “${out}”).`));
  refuseExisting(out);
  await refuseMissingFolder(out);
  const wb = await loadWorkbook(file);
  const names = await wb.sheetNames();
  const next = newYearOf(names, await wb.read(newYearReads(names)), year);
  // A copy of this year's file with the changes: the secretariat's sheets, charts and formatting go on.
  await wb.write(next.outputs, next.edits);
  await wb.save(out);
  io.out(say(newYearDone(next, out), io.lang));
  for (const line of newYearChanges(next)) io.out(`  ${say(line, io.lang)}`);
  return EXIT.done;
}

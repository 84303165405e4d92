import { type LedgerTally, tallyLedger } from "../../shared/tasks/ledger-tally.js";
import type { Lang } from "../../shared/i18n/messages.js";
import { IM } from "../../shared/i18n/messages.js";
import { type Problem, ProblemList, problemAddress } from "../../shared/ledger/problem.js";
import { SCORES_SHEET } from "../../shared/ledger/schema.js";
import type { TemplateKind } from "../../shared/samples/templates.js";
import { type TemplatePlan, planTemplate, templateSheetsToWrite } from "../../shared/tasks/template.js";
import { toPlainText } from "../../shared/cells/exact.js";
import { type ContestRun, readContestSheets, runContest } from "../../shared/tasks/contest-run.js";
import { type ImportReport, type ReturnedWorkbook, importWorkbooks } from "../../shared/tasks/import.js";
import { unitChart } from "./chart.js";
import { ExcelLedger, type ExcelRunner } from "./excel-port.js";
import { type JudgeProgress, judgeProgress } from "../../shared/tasks/judge-sheets.js";
import type { FormatCapabilities } from "./sheet-format.js";
import { ledgerSummaryLine } from "../../shared/tasks/tally-line.js";
import { Refusal } from "../../shared/tasks/refusal.js";
import { type AnnexCollection, readAnnexes } from "../../shared/documents/sources.js";
import { type NewYear, newYearOf, newYearReads } from "../../shared/tasks/new-year.js";

/**
 * What the task pane's buttons do, without the page: each action builds a port and calls the core's
 * task. Kept apart from the DOM so vitest can run every action against the Excel double.
 */
export interface AddinHost {
  readonly run: ExcelRunner;
  readonly capabilities: FormatCapabilities;
}

/** A task stopped before doing anything (a missing sheet…): the core's one refusal type, shown as it is. */
export { Refusal };

function refuseMissing(run: { readonly missingSheets: readonly string[] }): void {
  if (run.missingSheets.length > 0) {
    const list = run.missingSheets.join(", ");
    throw new Refusal({
      vi: `Sổ thiếu trang bắt buộc: ${list}. Hãy dùng “Tạo sổ cuộc thi” hoặc thêm các trang này.`,
      en: `The ledger lacks required sheets: ${list}. Use “Create ledger” or add them.`,
    });
  }
}

// ---- Văn bản (Word) ----

/** One read of the sheets the documents need; the papers and certificates to render. Nothing is written to the workbook. */
export async function runExport(host: AddinHost): Promise<AnnexCollection> {
  const built = await readAnnexes(new ExcelLedger(host));
  refuseMissing(built);
  return built;
}

// ---- Tạo sổ cuộc thi ----

export interface TemplateRun {
  readonly port: ExcelLedger;
  readonly plan: TemplatePlan;
  /** The existing sheets (as named in the workbook) the template would replace: never without asking. */
  readonly existing: readonly string[];
}

/** One sync: which template sheets already exist (matched as every ledger read matches them). */
export async function planTemplateRun(host: AddinHost, kind: TemplateKind): Promise<TemplateRun> {
  const port = new ExcelLedger({ ...host, asTables: true });
  const plan = planTemplate(kind, await port.sheetNames(), Date.now());
  return { port, plan, existing: [...plan.existing.values()] };
}

/** One sync: writes the template, all of it (after the user agreed) or only the sheets that are missing. */
export async function applyTemplate(run: TemplateRun, mode: "overwrite" | "missing-only"): Promise<string[]> {
  const sheets = templateSheetsToWrite(run.plan, mode);
  if (sheets.length > 0) await run.port.write(sheets);
  return sheets.map((s) => s.name);
}

// ---- Sang năm mới ----

export interface NewYearRun {
  readonly port: ExcelLedger;
  readonly plan: NewYear;
}

/**
 * Two syncs: sheet names, then one read of the sheets the plan needs. Nothing is written: the pane
 * shows what will change and asks. The add-in reaches only the open workbook, so the secretariat
 * saves a copy first (File › Save a Copy) and runs this in the copy, as in Google Sheets.
 */
export async function planNewYearRun(host: AddinHost): Promise<NewYearRun> {
  const port = new ExcelLedger(host);
  const names = await port.sheetNames();
  const plan = newYearOf(names, await port.read(newYearReads(names)));
  return { port, plan };
}

/**
 * On confirmation: the workbook is read again (what was typed while the plan was shown is cleared
 * too) and the changes written. Five syncs on a small ledger: names, read, a look at the sheets to
 * empty, where formulas stand (more syncs when Excel's answers must be split), write.
 */
export async function applyNewYear(host: AddinHost): Promise<NewYear> {
  const { port, plan } = await planNewYearRun(host);
  await port.write(plan.outputs, plan.edits);
  return plan;
}

// ---- Kiểm tra ----

/** What `Kiểm tra` found, in whatever parts the ledger holds (judged contest and its quiz, emulation review): `problems` in the order of the `Kiểm tra` sheet. */
export type LedgerCheck = LedgerTally;

/** Two syncs: sheet names, one read. Nothing is written. */
export async function runCheck(host: AddinHost): Promise<LedgerCheck> {
  const run = await tallyLedger(new ExcelLedger(host), { write: false });
  refuseMissing(run);
  return run;
}

/** Where a problem can be shown in the workbook, if it points into one of its sheets. */
export function problemTarget(p: Problem): { sheet: string; address: string } | undefined {
  if (p.row === undefined && p.col === undefined) return undefined;
  const full = problemAddress(p);
  const bang = full.lastIndexOf("!");
  if (bang < 0 || p.sheet.startsWith("[")) return undefined;
  return { sheet: p.sheet, address: full.slice(bang + 1) };
}

/** One sync: selects the problem's cell. */
export async function selectProblem(host: AddinHost, p: Problem): Promise<boolean> {
  const target = problemTarget(p);
  if (!target) return false;
  await new ExcelLedger(host).select(target.sheet, target.address);
  return true;
}

// ---- Tính kết quả ----

export interface TallyOutcome {
  readonly run: LedgerTally;
  readonly summary: string;
}

/**
 * Three syncs: names, read, one write of every output sheet the ledger calls for (a judged contest's
 * four and the chart beside `Tổng hợp đơn vị`, its quiz's weekly, participation and collective
 * sheets, a review's three, and one `Kiểm tra`).
 */
export async function runTally(host: AddinHost, lang: Lang): Promise<TallyOutcome> {
  const run = await tallyLedger(new ExcelLedger({ ...host, decorate: unitChart }));
  refuseMissing(run);
  return { run, summary: ledgerSummaryLine(run, lang) };
}

// ---- Chấm điểm ----

export interface JudgeOverview {
  readonly run: ContestRun;
  readonly judges: readonly JudgeProgress[];
}

/** Three syncs: names, read, then score cells of `Điểm` validated 0..max and highlighted when invalid. */
export async function runJudgeOverview(host: AddinHost): Promise<JudgeOverview> {
  const port = new ExcelLedger(host);
  const run = runContest(await readContestSheets(port));
  refuseMissing(run);
  const ledger = run.ledger;
  const sheet = ledger.sheetNames.get(SCORES_SHEET.name) ?? SCORES_SHEET.name;
  const lastRow = Math.max(0, ...ledger.scores.map((s) => s.row));
  const expectedRows = ledger.judges.size * ledger.entries.size;
  const ranges = [...ledger.scoreColumns].flatMap(([key, col]) => {
    const c = ledger.criteria.get(key);
    return c ? [{ col, min: 0, max: Number(toPlainText(c.max)) }] : [];
  });
  await port.guardColumns(sheet, 1, Math.max(lastRow, expectedRows) + 50, ranges);
  return { run, judges: judgeProgress(run) };
}

// ---- Nhập phiếu chấm ----

export interface PickedFile {
  readonly name: string;
  readonly data: ArrayBuffer;
}

export interface ImportOutcome {
  readonly reports: readonly ImportReport[];
  readonly problems: readonly Problem[];
}

/**
 * Parses the returned workbooks in the pane, then the core's `importWorkbooks` (the rules of `thidua
 * import`: nothing overwritten silently, conflicts listed, `Nhật ký` rows) and one write. Three syncs.
 */
export async function runImport(host: AddinHost, files: readonly PickedFile[], now: number = Date.now()): Promise<ImportOutcome> {
  const unreadable = new ProblemList();
  const returned: ReturnedWorkbook[] = [];
  // The workbook reader is its own chunk: the pane loads it only now.
  const { readReturnedWorkbook } = await import("./xlsx-reader.js");
  for (const f of files) {
    try {
      returned.push(readReturnedWorkbook(f.name, f.data));
    } catch (err) {
      unreadable.error(f.name, undefined, undefined, IM.unreadable(err instanceof Refusal ? err.msg.vi : err instanceof Error ? err.message : String(err)));
    }
  }
  if (returned.length === 0) {
    throw new Refusal({
      vi: "Không đọc được tệp nào (cần tệp Excel .xlsx là phiếu chấm đã gửi lại).",
      en: "None of the files could be read (returned .xlsx scoring workbooks are expected).",
    });
  }
  const port = new ExcelLedger(host);
  const names = await port.sheetNames();
  const sheets = await port.read(names);
  const result = importWorkbooks(sheets, returned, { replace: false, now });
  await port.write([], result.edits);
  return { reports: result.reports, problems: [...unreadable.items, ...result.problems.items] };
}

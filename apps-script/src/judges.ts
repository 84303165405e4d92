import { type Grid } from "../../shared/cells/cell.js";
import { cleanText } from "../../shared/cells/text.js";
import { CONTEST_SHEETS, readContest, resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { type ReturnedWorkbook, logText } from "../../shared/tasks/import.js";
import { JUDGE_META_SHEET, JUDGE_SCORE_SHEET, type JudgeWorkbook, judgeWorkbooks } from "../../shared/tasks/judge-sheets.js";
import { problemLines, readContestGrids, refuseMissing } from "./contest.js";
import { type ActionResult, type Host, Refusal, result } from "./host.js";
import { SHEET_TEXT, bothLanguages } from "./ui-text.js";
import { importAsked } from "./upload.js";

/** Each judge's tab is `Chấm <code>`; its link to the ledger is kept in the document properties, out of the judge's reach. */
export const JUDGE_TAB_PREFIX = "Chấm ";
export const META_PROPERTY_PREFIX = "thidua.phieu-cham.";

export const judgeTabName = (code: string): string => `${JUDGE_TAB_PREFIX}${code}`;

/** The guide sheet of a judge's workbook, as a note on the tab's first cell. */
function guideNote(book: JudgeWorkbook): string {
  const guide = book.sheets.find((s) => s.name !== JUDGE_SCORE_SHEET);
  if (!guide) return "";
  return guide.rows
    .map((r) =>
      r
        .map((c) => cleanText(c))
        .filter((t) => t !== "")
        .join(" · "),
    )
    .filter((t) => t !== "")
    .join("\n");
}

function ownerEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Leaves exactly `editors` able to edit what the protection covers (not the whole domain). */
function onlyEditors(protection: Protection, editors: readonly string[]): void {
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  protection.addEditors([...new Set(editors)]);
}

/**
 * Only the judge (and the owner) may type in the score cells; nobody but the owner and the
 * secretariat may edit the rest of the tab. The sheet is protected with the score block left out,
 * and the score block gets its own protection naming the judge.
 */
function protectTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, book: JudgeWorkbook, staff: readonly string[]): void {
  const scores = book.sheets.find((s) => s.name === JUDGE_SCORE_SHEET)!;
  const f = scores.format;
  const dataRows = (f.tableRows?.last ?? scores.rows.length - 1) - f.headerRow;
  const whole = sheet.protect().setDescription(SHEET_TEXT.judgeTab(book.judge.name, book.judge.code));
  const blocks = dataRows > 0 ? columnRuns(f.protection?.unlockedColumns ?? []).map(([first, last]) => sheet.getRange(f.headerRow + 2, first + 1, dataRows, last - first + 1)) : [];
  if (blocks.length > 0) {
    whole.setUnprotectedRanges(blocks);
    for (const block of blocks) onlyEditors(block.protect().setDescription(SHEET_TEXT.scoreCells(book.judge.code)), book.judge.email === "" ? staff : [staff[0]!, book.judge.email]);
  }
  onlyEditors(whole, staff);
}

/** Unlocked columns as runs of neighbours: [[3, 6], [8, 8]] — the judge's total between them stays locked. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * Every sheet that is not a judge's tab is protected for the owner and the secretariat, so that a
 * judge, who must be an editor of the spreadsheet to score, cannot change `Điểm`, `Cơ cấu giải` or
 * anything else. thidua's own protection is replaced on a rerun; one a person set is kept, and said.
 */
function protectLedgerSheets(host: Host, staff: readonly string[]): string[] {
  const notes: string[] = [];
  let protectedCount = 0;
  for (const sheet of host.ss.getSheets()) {
    if (sheet.getName().startsWith(JUDGE_TAB_PREFIX)) continue;
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    const ours = existing.filter((p) => p.getDescription() === SHEET_TEXT.ledgerSheet);
    if (existing.length > ours.length) {
      notes.push(host.t.keptProtection(sheet.getName()));
      continue;
    }
    const protection = ours[0] ?? sheet.protect().setDescription(SHEET_TEXT.ledgerSheet);
    onlyEditors(protection, staff);
    protectedCount++;
  }
  return [host.t.protectedSheets(protectedCount, staff), ...notes];
}

/** `Tạo trang chấm cho giám khảo`: one protected tab per judge, from the core's scoring workbooks. */
export function createJudgeTabsAction(host: Host): ActionResult {
  const t = host.t;
  const contest = readContest(readContestGrids(host.port));
  refuseMissing(contest);
  const books = judgeWorkbooks(contest.ledger);
  if (books.length === 0) throw new Refusal(bothLanguages((text) => text.noJudges));
  const names = new Set(host.port.sheetNamesSync());
  const taken = books.map((b) => judgeTabName(b.judge.code)).filter((n) => names.has(n));
  if (taken.length > 0 && !host.confirm(t.judgeTabs, t.judgeTabsExist(taken))) return result(false, t.judgeTabs, t.judgeTabsKept);
  const staff = [ownerEmail(), ...contest.ledger.settings.secretariat];
  const meta: Record<string, string> = {};
  const lines: string[] = [];
  for (const book of books) {
    const tab = judgeTabName(book.judge.code);
    const scores = book.sheets.find((s) => s.name === JUDGE_SCORE_SHEET)!;
    const [sheet] = host.port.writeSync([{ ...scores, name: tab }], [], { fresh: true });
    sheet!.getRange(1, 1).setNote(guideNote(book));
    protectTab(sheet!, book, staff);
    meta[META_PROPERTY_PREFIX + tab] = JSON.stringify(book.meta.rows);
    const entries = scores.rows.length - 1;
    lines.push(book.judge.email === "" ? t.judgeTabNoEmail(tab, entries, book.judge.code) : t.judgeTabFor(tab, entries, book.judge.email));
  }
  PropertiesService.getDocumentProperties().setProperties(meta);
  lines.push(...protectLedgerSheets(host, staff));
  return result(true, t.judgeTabs, t.judgeTabsCreated(books.length), lines);
}

/** The metadata grid kept for a tab, or undefined when it is missing or not what this script wrote. */
export function metaGrid(text: string | undefined): Grid | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return undefined;
    const rows = parsed.filter((r): r is unknown[] => Array.isArray(r));
    if (rows.length !== parsed.length) return undefined;
    return rows.map((r) => r.map((c) => (typeof c === "string" ? c : null)));
  } catch {
    return undefined;
  }
}

/**
 * `Gộp điểm`: the judges' tabs go through the core's `importWorkbooks`, like `thidua import`: new
 * scores are added, equal ones change nothing, a different one is overwritten only when the person
 * says so after seeing how many there are. Every tab gets a `Nhật ký` row.
 */
export function mergeScoresAction(host: Host): ActionResult {
  const names = host.port.sheetNamesSync();
  const tabs = names.filter((n) => n.startsWith(JUDGE_TAB_PREFIX));
  const t = host.t;
  if (tabs.length === 0) throw new Refusal(bothLanguages((text) => text.noJudgeTab));
  const props = PropertiesService.getDocumentProperties().getProperties();
  const ledgerNames = resolveSheetNames(names, [...CONTEST_SHEETS, OUTPUT_SHEET_NAMES.log]);
  const grids = host.port.readSync([...ledgerNames.values(), ...tabs]);
  const ledgerSheets = new Map([...ledgerNames.values()].map((n) => [n, grids.get(n)]));
  const skipped: string[] = [];
  const workbooks: ReturnedWorkbook[] = [];
  for (const tab of tabs) {
    const meta = metaGrid(props[META_PROPERTY_PREFIX + tab]);
    const grid = grids.get(tab);
    if (!meta || !grid) {
      skipped.push(t.notOurTab(tab));
      continue;
    }
    workbooks.push({
      file: tab,
      sheets: new Map([
        [JUDGE_SCORE_SHEET, grid],
        [JUDGE_META_SHEET, meta],
      ]),
    });
  }
  const { merged, replaced } = importAsked(host, ledgerSheets, workbooks, (conflicts) => host.confirm(t.merge, t.mergeConflicts(conflicts)));
  const reportLines = merged.reports.map((r) => `${r.file}: ${logText(r, host.lang)}`);
  const added = merged.reports.reduce((n, r) => n + r.added + r.replaced, 0);
  return result(merged.problems.errorCount === 0, t.merge, t.merged(workbooks.length, added, replaced, OUTPUT_SHEET_NAMES.log), [
    ...reportLines,
    ...skipped,
    ...problemLines(merged.problems.items, t.moreMessages, host.lang),
  ]);
}

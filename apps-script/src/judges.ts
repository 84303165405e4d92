import { type Grid } from "../../shared/cells/cell.js";
import { cleanText } from "../../shared/cells/text.js";
import { CONTEST_SHEETS, readContest, resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { type ReturnedWorkbook, importWorkbooks, logText } from "../../shared/tasks/import.js";
import { JUDGE_META_SHEET, JUDGE_SCORE_SHEET, type JudgeWorkbook, judgeWorkbooks } from "../../shared/tasks/judge-sheets.js";
import { problemLines, readContestGrids, refuseMissing } from "./contest.js";
import { type ActionResult, type Host, Refusal, result } from "./host.js";

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

/**
 * Only the judge (and the owner) may type in the score cells; nobody but the owner may edit the rest
 * of the tab. The sheet is protected with the score block left out, and the score block gets its
 * own protection naming the judge.
 */
function protectTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, book: JudgeWorkbook, owner: string): void {
  const scores = book.sheets.find((s) => s.name === JUDGE_SCORE_SHEET)!;
  const unlocked = scores.format.protection?.unlockedColumns ?? [];
  const dataRows = scores.rows.length - 1;
  const whole = sheet.protect().setDescription(`Phiếu chấm của ${book.judge.name} (${book.judge.code}): chỉ Tổ thư ký sửa`);
  if (dataRows > 0 && unlocked.length > 0) {
    const first = Math.min(...unlocked);
    const last = Math.max(...unlocked);
    const block = sheet.getRange(scores.format.headerRow + 2, first + 1, dataRows, last - first + 1);
    whole.setUnprotectedRanges([block]);
    const own = block.protect().setDescription(`Ô điểm: chỉ giám khảo ${book.judge.code} nhập`);
    own.removeEditors(own.getEditors());
    if (own.canDomainEdit()) own.setDomainEdit(false);
    own.addEditors(book.judge.email === "" ? [owner] : [owner, book.judge.email]);
  }
  whole.removeEditors(whole.getEditors());
  if (whole.canDomainEdit()) whole.setDomainEdit(false);
  whole.addEditor(owner);
}

/** `Tạo trang chấm cho giám khảo`: one protected tab per judge, from the core's scoring workbooks. */
export function createJudgeTabsAction(host: Host): ActionResult {
  const contest = readContest(readContestGrids(host.port));
  refuseMissing(contest);
  const books = judgeWorkbooks(contest.ledger);
  if (books.length === 0) throw new Refusal({ vi: "Trang “Giám khảo” chưa có giám khảo nào.", en: "No judge listed." });
  const names = new Set(host.port.sheetNamesSync());
  const taken = books.map((b) => judgeTabName(b.judge.code)).filter((n) => names.has(n));
  if (taken.length > 0) {
    const again = host.confirm(
      "Tạo trang chấm",
      `Đã có ${taken.map((n) => `“${n}”`).join(", ")}. Các trang này có thể đã có điểm giám khảo nhập (hãy “Gộp điểm” trước). Tạo lại sẽ xóa chúng. Tạo lại?`,
    );
    if (!again) return result(false, "Tạo trang chấm", "Không tạo lại; các trang chấm hiện có được giữ nguyên.");
  }
  const owner = ownerEmail();
  const meta: Record<string, string> = {};
  const lines: string[] = [];
  for (const book of books) {
    const tab = judgeTabName(book.judge.code);
    const scores = book.sheets.find((s) => s.name === JUDGE_SCORE_SHEET)!;
    const [sheet] = host.port.writeSync([{ ...scores, name: tab }], [], { fresh: true });
    sheet!.getRange(1, 1).setNote(guideNote(book));
    protectTab(sheet!, book, owner);
    meta[META_PROPERTY_PREFIX + tab] = JSON.stringify(book.meta.rows);
    const entries = scores.rows.length - 1;
    lines.push(
      book.judge.email === ""
        ? `“${tab}”: ${entries} bài — ${book.judge.code} chưa có email ở trang “Giám khảo”, chỉ chủ sổ nhập được điểm`
        : `“${tab}”: ${entries} bài — chỉ ${book.judge.email} (và chủ sổ) nhập được điểm`,
    );
  }
  PropertiesService.getDocumentProperties().setProperties(meta);
  return result(true, "Tạo trang chấm", `Đã tạo ${books.length} trang chấm. Chia sẻ bảng tính (quyền chỉnh sửa) cho từng giám khảo; mỗi người chỉ sửa được ô điểm của mình.`, lines);
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
  if (tabs.length === 0) throw new Refusal({ vi: "Chưa có trang chấm nào (“Chấm …”). Dùng “Tạo trang chấm cho giám khảo” trước.", en: "No judge tab." });
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
      skipped.push(`“${tab}” không do thidua tạo (không có thông tin phiếu chấm): bỏ qua.`);
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
  let merged = importWorkbooks(ledgerSheets, workbooks, { replace: false, now: host.now });
  const conflicts = merged.reports.reduce((n, r) => n + r.conflicts, 0);
  let replaced = false;
  if (conflicts > 0) {
    replaced = host.confirm(
      "Gộp điểm",
      `${conflicts} ô điểm trong trang chấm khác với điểm đang có ở trang “Điểm”. Ghi đè bằng điểm trong trang chấm?\n\nChọn “Không” để giữ điểm đang có; các ô khác nhau được liệt kê để đối chiếu.`,
    );
    if (replaced) merged = importWorkbooks(ledgerSheets, workbooks, { replace: true, now: host.now });
  }
  host.port.writeSync([], merged.edits);
  const reportLines = merged.reports.map((r) => `${r.file}: ${logText(r)}`);
  const added = merged.reports.reduce((n, r) => n + r.added + r.replaced, 0);
  return result(
    merged.problems.errorCount === 0,
    "Gộp điểm",
    `Đã gộp ${workbooks.length} trang chấm: ${added} ô điểm được ghi vào “Điểm”${replaced ? " (có ghi đè theo xác nhận)" : ""}. Xem trang “${OUTPUT_SHEET_NAMES.log}”.`,
    [...reportLines, ...skipped, ...problemLines(merged.problems.items, "thông báo khác")],
  );
}

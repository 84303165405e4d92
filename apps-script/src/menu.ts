import type { TemplateKind } from "../../shared/samples/templates.js";
import { checkAction, tallyAction } from "./contest.js";
import { type Dashboard, dashboard } from "./dashboard.js";
import { connectFormAction } from "./form.js";
import { type ActionResult, type Host, activeHost, errorResult, result } from "./host.js";
import { createJudgeTabsAction, mergeScoresAction } from "./judges.js";
import { remindersAction } from "./reminders.js";
import { TEMPLATE_LABEL, createLedgerAction } from "./templates.js";

export const MENU_TITLE = "Thi đua";
/** What the sidebar passes so that a handler answers with data instead of a dialog. */
export const FROM_SIDEBAR = "sidebar";

/** Menu captions and the top-level function each calls, in menu order; `null` is a separator. */
export const MENU: readonly ({ readonly caption: string; readonly fn: string } | null)[] = [
  { caption: `Tạo sổ cuộc thi: ${TEMPLATE_LABEL["sang-kien"]}`, fn: "createLedgerInitiative" },
  { caption: `Tạo sổ cuộc thi: ${TEMPLATE_LABEL["truc-tuyen"]}`, fn: "createLedgerOnline" },
  { caption: `Tạo sổ cuộc thi: ${TEMPLATE_LABEL["thi-dua"]}`, fn: "createLedgerEmulation" },
  null,
  { caption: "Kiểm tra sổ", fn: "checkLedger" },
  { caption: "Tính kết quả", fn: "tallyResults" },
  { caption: "Đơn vị chưa nộp (soạn thư nhắc)", fn: "draftReminders" },
  null,
  { caption: "Tạo trang chấm cho giám khảo", fn: "createJudgeTabs" },
  { caption: "Gộp điểm từ trang chấm", fn: "mergeJudgeScores" },
  null,
  { caption: "Kết nối biểu mẫu đăng ký", fn: "connectForm" },
  { caption: "Bảng điều khiển", fn: "showSidebar" },
];

/** A simple trigger: builds the menu and nothing else (it runs without authorisation). */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.fn);
  }
  menu.addToUi();
}

function show(host: Host, res: ActionResult & { readonly toast?: string }): void {
  if (res.toast !== undefined) {
    host.ss.toast(res.toast, res.title, 10);
    return;
  }
  const body = [res.message, ...res.lines].join("\n");
  const ui = SpreadsheetApp.getUi();
  ui.alert(res.title, body, ui.ButtonSet.OK);
}

/**
 * Runs one action for the menu (a dialog or toast at the end) or for the sidebar (`FROM_SIDEBAR`:
 * the result is returned, the sidebar shows it). Errors become Vietnamese messages, never traces.
 */
function run(title: string, action: (host: Host) => ActionResult, caller: unknown): ActionResult {
  let res: ActionResult;
  let host: Host | undefined;
  try {
    host = activeHost();
    res = action(host);
  } catch (err) {
    res = errorResult(title, err);
  }
  if (caller !== FROM_SIDEBAR && host) show(host, res);
  else if (caller !== FROM_SIDEBAR) SpreadsheetApp.getUi().alert(res.title, res.message, SpreadsheetApp.getUi().ButtonSet.OK);
  // Only plain data crosses to the sidebar.
  return { ok: res.ok, title: res.title, message: res.message, lines: [...res.lines] };
}

const ledgerFrom =
  (kind: TemplateKind) =>
  (caller?: unknown): ActionResult =>
    run("Tạo sổ cuộc thi", (h) => createLedgerAction(h, kind), caller);

export const createLedgerInitiative = ledgerFrom("sang-kien");
export const createLedgerOnline = ledgerFrom("truc-tuyen");
export const createLedgerEmulation = ledgerFrom("thi-dua");
export const checkLedger = (caller?: unknown): ActionResult => run("Kiểm tra sổ", checkAction, caller);
export const tallyResults = (caller?: unknown): ActionResult => run("Tính kết quả", tallyAction, caller);
export const draftReminders = (caller?: unknown): ActionResult => run("Đơn vị chưa nộp", remindersAction, caller);
export const createJudgeTabs = (caller?: unknown): ActionResult => run("Tạo trang chấm", createJudgeTabsAction, caller);
export const mergeJudgeScores = (caller?: unknown): ActionResult => run("Gộp điểm", mergeScoresAction, caller);
export const connectForm = (caller?: unknown): ActionResult => run("Kết nối biểu mẫu đăng ký", connectFormAction, caller);

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle("Thi đua — bảng điều khiển");
  SpreadsheetApp.getUi().showSidebar(html);
}

/** From the sidebar's problem table: shows the cell a problem points at. */
export function selectCell(target: { readonly sheet?: unknown; readonly address?: unknown }): void {
  if (typeof target?.sheet !== "string" || typeof target.address !== "string") return;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(target.sheet);
  sheet?.getRange(target.address).activate();
}

/** The sidebar's data; on failure, the Vietnamese message instead. */
export function getDashboard(): { readonly ok: true; readonly data: Dashboard } | ActionResult {
  try {
    return { ok: true, data: dashboard(activeHost()) };
  } catch (err) {
    const res = errorResult("Bảng điều khiển", err);
    return result(false, res.title, res.message, res.lines);
  }
}

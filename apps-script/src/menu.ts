import type { TemplateKind } from "../../shared/samples/templates.js";
import { checkAction, tallyAction } from "./contest.js";
import { type Dashboard, dashboard } from "./dashboard.js";
import { connectFormAction } from "./form.js";
import { type ActionResult, type Host, activeHost, errorResult, result } from "./host.js";
import { createJudgeTabsAction, mergeScoresAction } from "./judges.js";
import { newYearAction } from "./new-year.js";
import { remindersAction } from "./reminders.js";
import { uploadAction } from "./upload.js";
import { createLedgerAction } from "./templates.js";
import { LANG_PROPERTY, type SidebarText, type UiText, chosenLang, uiText } from "./ui-text.js";
import type { Lang } from "../../shared/i18n/messages.js";

/** What the sidebar passes so that a handler answers with data instead of a dialog. */
export const FROM_SIDEBAR = "sidebar";

type MenuItem = { readonly caption: string; readonly fn: string } | null;

/** Menu captions and the top-level function each calls, in menu order; `null` is a separator. */
export function menuItems(t: UiText): readonly MenuItem[] {
  return [
    { caption: `${t.createLedger}: ${t.templateLabel("sang-kien")}`, fn: "createLedgerInitiative" },
    { caption: `${t.createLedger}: ${t.templateLabel("truc-tuyen")}`, fn: "createLedgerOnline" },
    { caption: `${t.createLedger}: ${t.templateLabel("thi-dua")}`, fn: "createLedgerEmulation" },
    null,
    { caption: t.check, fn: "checkLedger" },
    { caption: t.tally, fn: "tallyResults" },
    { caption: t.remindersMenu, fn: "draftReminders" },
    null,
    { caption: t.judgeTabsMenu, fn: "createJudgeTabs" },
    { caption: t.mergeMenu, fn: "mergeJudgeScores" },
    null,
    { caption: t.connectForm, fn: "connectForm" },
    { caption: t.newYearMenu, fn: "startNewYear" },
    { caption: t.dashboard, fn: "showSidebar" },
    null,
    { caption: t.otherLanguage, fn: "switchLanguage" },
  ];
}

/** A simple trigger: builds the menu, in the person's language, and nothing else (it runs without authorisation). */
export function onOpen(): void {
  const t = uiText(chosenLang());
  const menu = SpreadsheetApp.getUi().createMenu(t.menuTitle);
  for (const item of menuItems(t)) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.fn);
  }
  menu.addToUi();
}

/** Menu › English / Tiếng Việt: the choice is the person's own (user properties); the menu is rebuilt in it. */
export function switchLanguage(caller?: unknown): ActionResult {
  const next: Lang = chosenLang() === "vi" ? "en" : "vi";
  PropertiesService.getUserProperties().setProperty(LANG_PROPERTY, next);
  const t = uiText(next);
  onOpen();
  if (caller !== FROM_SIDEBAR) SpreadsheetApp.getActiveSpreadsheet().toast(t.languageSet, t.menuTitle, 5);
  return result(true, t.menuTitle, t.languageSet);
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
function run(title: (t: UiText) => string, action: (host: Host) => ActionResult, caller: unknown): ActionResult {
  let res: ActionResult;
  let host: Host | undefined;
  try {
    host = activeHost();
    res = action(host);
  } catch (err) {
    const lang = host?.lang ?? chosenLang();
    res = errorResult(title(uiText(lang)), err, lang);
  }
  if (caller !== FROM_SIDEBAR && host) show(host, res);
  else if (caller !== FROM_SIDEBAR) SpreadsheetApp.getUi().alert(res.title, res.message, SpreadsheetApp.getUi().ButtonSet.OK);
  // Only plain data crosses to the sidebar.
  return { ok: res.ok, title: res.title, message: res.message, lines: [...res.lines] };
}

const ledgerFrom =
  (kind: TemplateKind) =>
  (caller?: unknown): ActionResult =>
    run(
      (t) => t.createLedger,
      (h) => createLedgerAction(h, kind),
      caller,
    );

export const createLedgerInitiative = ledgerFrom("sang-kien");
export const createLedgerOnline = ledgerFrom("truc-tuyen");
export const createLedgerEmulation = ledgerFrom("thi-dua");
export const checkLedger = (caller?: unknown): ActionResult => run((t) => t.check, checkAction, caller);
export const tallyResults = (caller?: unknown): ActionResult => run((t) => t.tally, tallyAction, caller);
export const draftReminders = (caller?: unknown): ActionResult => run((t) => t.reminders, remindersAction, caller);
export const createJudgeTabs = (caller?: unknown): ActionResult => run((t) => t.judgeTabs, createJudgeTabsAction, caller);
export const mergeJudgeScores = (caller?: unknown): ActionResult => run((t) => t.merge, mergeScoresAction, caller);
export const connectForm = (caller?: unknown): ActionResult => run((t) => t.connectForm, connectFormAction, caller);
export const startNewYear = (caller?: unknown): ActionResult => run((t) => t.newYear, newYearAction, caller);
/** From the sidebar only: the files it read on the person's computer. */
export const importWorkbookFiles = (files?: unknown): ActionResult =>
  run(
    (t) => t.upload,
    (h) => uploadAction(h, files),
    FROM_SIDEBAR,
  );

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle(uiText(chosenLang()).sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** From the sidebar's problem table: shows the cell a problem points at. */
export function selectCell(target: { readonly sheet?: unknown; readonly address?: unknown }): void {
  if (typeof target?.sheet !== "string" || typeof target.address !== "string") return;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(target.sheet);
  sheet?.getRange(target.address).activate();
}

/** The sidebar's data and texts in the person's language; on failure, the message instead. */
export function getDashboard(): { readonly ok: true; readonly data: Dashboard; readonly text: SidebarLabels } | ActionResult {
  const lang = chosenLang();
  try {
    const host = activeHost();
    return { ok: true, data: dashboard(host), text: sidebarLabels(host.lang) };
  } catch (err) {
    const res = errorResult(uiText(lang).dashboard, err, lang);
    return result(false, res.title, res.message, res.lines);
  }
}

/** The sidebar's fixed texts, and each action button's caption by the function it calls. */
export type SidebarLabels = SidebarText & { readonly buttons: Readonly<Record<string, string>>; readonly lang: Lang };

function sidebarLabels(lang: Lang): SidebarLabels {
  const t = uiText(lang);
  const buttons: Record<string, string> = {};
  for (const item of menuItems(t)) if (item !== null) buttons[item.fn] = item.caption;
  return { ...t.sidebar, buttons, lang };
}

import { resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { ENTRIES_SHEET, SETTINGS_SHEET_NAME, UNITS_SHEET } from "../../shared/ledger/schema.js";
import { fromSheet, toSheet } from "./cells.js";
import { type Answer, REJECTED_HEADER, REJECTED_SHEET, intake, rejectedRow } from "../../shared/tasks/form-intake.js";
import { type ActionResult, type Host, errorResult, result } from "./host.js";
import { SheetsPort } from "./sheets-port.js";
import { SHEET_TEXT, uiText } from "./ui-text.js";

/** The function the installable trigger calls; kept in one place so the trigger and the bundle agree. */
export const FORM_HANDLER = "onFormSubmitEntry";
/** How long a response waits for another one being coded. */
export const LOCK_WAIT_MS = 30_000;

/** `Kết nối biểu mẫu đăng ký`: installs the spreadsheet's form-submit trigger once. */
export function connectFormAction(host: Host): ActionResult {
  const installed = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === FORM_HANDLER && t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT);
  if (!installed) ScriptApp.newTrigger(FORM_HANDLER).forSpreadsheet(host.ss).onFormSubmit().create();
  const linked = host.ss.getFormUrl() !== null;
  const t = host.t;
  const lines = [...t.formRules, t.formRejectedSheet(REJECTED_SHEET)];
  if (!linked) lines.unshift(t.formNotLinked);
  return result(true, t.connectForm, installed ? t.formAlready : t.formConnected, lines);
}

export function answersOf(e: GoogleAppsScript.Events.SheetsOnFormSubmit): Answer[] {
  return Object.entries(e.namedValues ?? {}).map(([title, values]) => ({ title, text: (values ?? []).filter((v) => v !== "").join(", ") }));
}

function appendRejected(host: Host, submittedAt: number, where: string, reasons: readonly string[], answers: readonly Answer[]): void {
  let sheet = host.ss.getSheetByName(REJECTED_SHEET);
  if (!sheet) {
    sheet = host.ss.insertSheet(REJECTED_SHEET);
    sheet.appendRow(REJECTED_HEADER);
    sheet.setFrozenRows(1);
  }
  sheet.appendRow(rejectedRow(submittedAt, where, reasons, answers).map(toSheet));
}

/**
 * The form-submit trigger. The script lock is taken before anything else (not inside the error
 * handling: a runtime whose lock waits never throws here) and held until the new row is flushed, so
 * two responses never read the same last code. A response that cannot be accepted is appended to
 * `Phản hồi bị từ chối` with the reasons; it also stays in the form's own responses sheet.
 */
export function onFormSubmitEntry(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const lock = LockService.getScriptLock();
  const locked = lock.tryLock(LOCK_WAIT_MS);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // Nobody is at the keyboard: what is written goes into the ledger, in the ledger's language.
  const host: Host = { ss, port: new SheetsPort(ss), confirm: () => false, now: Date.now(), lang: "vi", t: uiText("vi") };
  const answers = answersOf(e);
  let where = "";
  let submittedAt = host.now;
  try {
    const first = e.range ? e.range.getValues()[0]?.[0] : undefined;
    const when = fromSheet(first);
    if (when instanceof Date) submittedAt = when.getTime();
    where = e.range ? `${e.range.getSheet().getName()}!${e.range.getRow()}` : "";
    if (!locked) {
      appendRejected(host, submittedAt, where, [SHEET_TEXT.formBusy], answers);
      return;
    }
    const names = resolveSheetNames(host.port.sheetNamesSync(), [SETTINGS_SHEET_NAME, UNITS_SHEET.name, ENTRIES_SHEET.name]);
    const entriesName = names.get(ENTRIES_SHEET.name);
    if (entriesName === undefined) {
      appendRejected(host, submittedAt, where, [SHEET_TEXT.noSheet(ENTRIES_SHEET.name)], answers);
      return;
    }
    const grids = host.port.readSync([...names.values()]);
    const decision = intake(grids, entriesName, answers, submittedAt, where);
    if (decision.accepted) host.port.sheet(entriesName)!.appendRow(decision.row.map(toSheet));
    else appendRejected(host, submittedAt, where, decision.reasons, answers);
  } catch (err) {
    const failure = errorResult(host.t.form, err, host.lang);
    appendRejected(host, submittedAt, where, [failure.message, ...failure.lines], answers);
  } finally {
    if (locked) {
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
  }
}

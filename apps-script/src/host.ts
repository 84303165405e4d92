import { Refusal } from "../../shared/tasks/refusal.js";
import type { Lang } from "../../shared/i18n/messages.js";
import { SheetsPort } from "./sheets-port.js";
import { type UiText, chosenLang, uiText } from "./ui-text.js";

/** What every action returns: shown in a dialog from the menu, rendered by the sidebar. Plain data only. */
export interface ActionResult {
  readonly ok: boolean;
  readonly title: string;
  readonly message: string;
  readonly lines: readonly string[];
}

/** A question put to the person at the keyboard; absent (always "no") when a trigger runs the code. */
export type Confirm = (title: string, question: string) => boolean;

export interface Host {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly port: SheetsPort;
  readonly confirm: Confirm;
  readonly now: number;
  readonly lang: Lang;
  /** The fixed texts in the person's language. */
  readonly t: UiText;
}

/** A refusal the person can act on: shown as it is, in the person's language (the core's one refusal type). */
export { Refusal };

export function result(ok: boolean, title: string, message: string, lines: readonly string[] = []): ActionResult {
  return { ok, title, message, lines };
}

/** The bound spreadsheet and a dialog for questions. */
export function activeHost(): Host {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const confirm: Confirm = (title, question) => {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title, question, ui.ButtonSet.YES_NO) === ui.Button.YES;
  };
  const lang = chosenLang();
  const t = uiText(lang);
  return { ss, port: new SheetsPort(ss), confirm, now: Date.now(), lang, t };
}

/** Never a stack trace: a refusal as written, anything else as one sentence and the first line of the cause. */
export function errorResult(title: string, err: unknown, lang: Lang): ActionResult {
  const t = uiText(lang);
  if (err instanceof Refusal) return result(false, title, err.msg[lang]);
  const message = typeof err === "object" && err !== null ? (err as { message?: unknown }).message : undefined;
  const raw = typeof message === "string" ? message : String(err);
  const firstLine =
    raw
      .split("\n")[0]
      ?.replace(/^Exception:\s*/, "")
      .trim() ?? "";
  const detail = firstLine === "" ? [] : [t.detail(firstLine)];
  return result(false, title, t.failed, detail);
}

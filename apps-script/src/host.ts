import { Refusal } from "../../shared/tasks/refusal.js";
import { SheetsPort } from "./sheets-port.js";

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
}

/** A refusal the person can act on: shown as it is, in Vietnamese (the core's one refusal type). */
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
  return { ss, port: new SheetsPort(ss), confirm, now: Date.now() };
}

/** Never a stack trace: a refusal as written, anything else as one Vietnamese sentence and the first line of the cause. */
export function errorResult(title: string, err: unknown): ActionResult {
  if (err instanceof Refusal) return result(false, title, err.msg.vi);
  const message = typeof err === "object" && err !== null ? (err as { message?: unknown }).message : undefined;
  const raw = typeof message === "string" ? message : String(err);
  const firstLine =
    raw
      .split("\n")[0]
      ?.replace(/^Exception:\s*/, "")
      .trim() ?? "";
  const detail = firstLine === "" ? [] : [`Chi tiết: ${firstLine}`];
  return result(false, title, "Đã xảy ra sự cố, thao tác chưa hoàn tất. Hãy thử lại; nếu vẫn lỗi, gửi nội dung này cho người quản trị.", detail);
}

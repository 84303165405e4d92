import { runContest } from "../../shared/tasks/contest-run.js";
import { REMINDER_SHEET, type ReminderDraft, reminderDrafts, reminderSheet } from "../../shared/tasks/reminders.js";
import { readContestGrids, refuseMissing } from "./contest.js";
import { type ActionResult, type Host, result } from "./host.js";

/** `Đơn vị chưa nộp`: the units below quota, each with a draft reminder, written to `Nhắc nộp bài`. */
export function remindersAction(host: Host): ActionResult & { readonly drafts: readonly ReminderDraft[] } {
  const run = runContest(readContestGrids(host.port));
  refuseMissing(run);
  const drafts = reminderDrafts(run.units, run.ledger.settings, host.now);
  host.port.writeSync([reminderSheet(run.units, drafts)]);
  const t = host.t;
  const message = drafts.length === 0 ? t.remindersNone : t.remindersSome(drafts.length, REMINDER_SHEET);
  return {
    ...result(
      true,
      t.reminders,
      message,
      drafts.map((d) => `${d.unit} — ${d.name}${d.email ? ` <${d.email}>` : t.noEmail}`),
    ),
    drafts,
  };
}

import { newYearChanges, newYearDone, newYearOf, newYearReads } from "../../shared/tasks/new-year.js";
import { type ActionResult, type Host, result } from "./host.js";

/**
 * `Sang năm mới`: this spreadsheet becomes next year's ledger, the same change `thidua new-year`
 * makes to its copy. The script may reach only the spreadsheet it is bound to (the
 * `spreadsheets.currentonly` scope), so it cannot make the copy itself: the secretariat makes it
 * (File › Make a copy, which copies this script too) and runs this in the copy, after a question
 * that names the spreadsheet and what will be cleared. Earlier versions stay in the version history.
 */
export function newYearAction(host: Host): ActionResult {
  const t = host.t;
  const names = host.port.sheetNamesSync();
  const next = newYearOf(names, host.port.readSync(newYearReads(names)));
  if (!host.confirm(t.newYear, t.newYearQuestion(host.ss.getName(), next.from, next.to, next.cleared, next.emptied))) return result(false, t.newYear, t.newYearNotDone);
  host.port.writeSync(next.outputs, next.edits);
  const said = newYearDone(next, host.ss.getName())[host.lang];
  return result(
    true,
    t.newYear,
    said,
    newYearChanges(next).map((m) => m[host.lang]),
  );
}

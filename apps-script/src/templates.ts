import { resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { type TemplateKind, templateSheets } from "../../shared/samples/templates.js";
import { type ActionResult, type Host, result } from "./host.js";

/** Rows below the data that get the template's drop-downs and number formats. */
export const TEMPLATE_INPUT_ROWS = 1000;

/**
 * `Tạo sổ cuộc thi`: writes the template's sheets with drop-downs, frozen header rows and a warning
 * on header edits. An existing sheet is replaced only after the person says so; otherwise only the
 * missing sheets are created.
 */
export function createLedgerAction(host: Host, kind: TemplateKind): ActionResult {
  const t = host.t;
  const sheets = templateSheets(kind);
  const actual = resolveSheetNames(
    host.port.sheetNamesSync(),
    sheets.map((s) => s.name),
  );
  const existing = sheets.filter((s) => actual.has(s.name));
  let overwrite = false;
  if (existing.length > 0) {
    const list = existing.map((s) => actual.get(s.name)!);
    overwrite = host.confirm(t.createLedger, t.ledgerExists(list));
  }
  const toWrite = sheets.filter((s) => overwrite || !actual.has(s.name)).map((s) => ({ ...s, name: actual.get(s.name) ?? s.name }));
  host.port.writeSync(toWrite, [], { fresh: true, inputRows: TEMPLATE_INPUT_ROWS, warnOnHeader: true });
  const kept = overwrite ? [] : existing.map((s) => actual.get(s.name)!);
  const lines = [...toWrite.map((s) => t.created(s.name)), ...kept.map((n) => t.keptSheet(n))];
  return result(true, t.createLedger, t.ledgerCreated(t.templateLabel(kind), toWrite.length), lines);
}

import type { TemplateKind } from "../../shared/samples/templates.js";
import { planTemplate, templateSheetsToWrite } from "../../shared/tasks/template.js";
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
  const plan = planTemplate(kind, host.port.sheetNamesSync(), Date.now());
  const existing = [...plan.existing.values()];
  const overwrite = existing.length > 0 && host.confirm(t.createLedger, t.ledgerExists(existing));
  const toWrite = templateSheetsToWrite(plan, overwrite ? "overwrite" : "missing-only");
  host.port.writeSync(toWrite, [], { fresh: true, inputRows: TEMPLATE_INPUT_ROWS, warnOnHeader: true });
  const kept = overwrite ? [] : existing;
  const lines = [...toWrite.map((s) => t.created(s.name)), ...kept.map((n) => t.keptSheet(n))];
  return result(true, t.createLedger, t.ledgerCreated(t.templateLabel(kind), toWrite.length), lines);
}

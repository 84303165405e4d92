import { type Instant, partsOfInstant } from "../cells/date.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import { type TemplateKind, templateSheets } from "../samples/templates.js";

/** `Tạo sổ cuộc thi`, planned: the template's sheets, and those the workbook already has (by the name they have there). */
export interface TemplatePlan {
  readonly kind: TemplateKind;
  readonly sheets: readonly OutputSheet[];
  /** Template sheet name → the existing sheet it matches (the same folding as every ledger read: case, diacritics, spaces). */
  readonly existing: ReadonlyMap<string, string>;
}

/** `now` dates the template: its year and every date in it follow the year it is made in (Vietnam time). */
export function planTemplate(kind: TemplateKind, sheetNames: readonly string[], now: Instant): TemplatePlan {
  const sheets = templateSheets(kind, { year: partsOfInstant(now).y });
  const existing = resolveSheetNames(
    sheetNames,
    sheets.map((s) => s.name),
  );
  return { kind, sheets, existing };
}

/**
 * What to write: every sheet (after the person agreed to overwrite) or only the missing ones. An
 * overwritten sheet keeps the name it has in the workbook, so no second sheet appears beside it.
 */
export function templateSheetsToWrite(plan: TemplatePlan, mode: "overwrite" | "missing-only"): OutputSheet[] {
  return plan.sheets.filter((s) => mode === "overwrite" || !plan.existing.has(s.name)).map((s) => ({ ...s, name: plan.existing.get(s.name) ?? s.name }));
}

/**
 * The chain between levels: a lower level's review (a commune's ledger) selects candidates for
 * awards of the higher level; the higher level's ledger imports that selection into its
 * `Đề nghị khen thưởng`. A proposal keeps one identity across levels: its code is the lower unit's
 * code and the lower code ("X01-CN08"), its `Mã định danh` travels with it, and importing the same
 * file again changes nothing.
 */
import { type Cell, isBlank } from "../cells/cell.js";
import { cleanText, codeKey } from "../cells/text.js";
import { IM } from "../i18n/messages.js";
import type { ProblemList } from "../ledger/problem.js";
import { ENTRY_TYPE_VALUES } from "../ledger/schema.js";
import { type Candidate, type EmulationLedger, type Quota, quotaKey } from "../emulation/model.js";
import { type EmulationRun, runEmulation } from "../emulation/run.js";
import { CANDIDATES_SHEET, DOSSIER_ITEMS } from "../emulation/schema.js";
import type { EditableSheet } from "./editable-sheet.js";
import { rankGain } from "../emulation/evaluate.js";
import { toPlainText } from "../cells/exact.js";
import type { ImportReport, ReturnedWorkbook } from "./import.js";

/** One candidate the lower level selected for an award of this ledger: its cells by column of this ledger's candidates sheet. */
interface Proposal {
  readonly code: string;
  readonly values: ReadonlyMap<number, Cell>;
}

const IDENTITY_HEADER = CANDIDATES_SHEET.columns.find((c) => c.key === "identity")!.vi;

/** Merges the selection of one lower-level review ledger `wb` into `sheet` (this ledger's `Đề nghị khen thưởng`). */
export function importSelection(higher: EmulationLedger, wb: ReturnedWorkbook, sheet: EditableSheet, replace: boolean, problems: ProblemList): ImportReport {
  const none = { added: 0, same: 0, conflicts: 0, replaced: 0, invalid: 0 };
  const lower = lowerReview(wb, problems);
  if (lower === undefined) return { file: wb.file, kind: "refused", ...none };
  const organizer = lower.ledger.settings.organizer || wb.file;
  const unitCode = unitCodeOf(lower.ledger, higher);
  if (unitCode === undefined) {
    problems.error(wb.file, undefined, undefined, IM.noUnitCode(organizer));
    return { file: wb.file, kind: "refused", judge: organizer, ...none };
  }
  const proposals = proposalsOf(lower, higher, unitCode, sheet, wb.file, problems);
  if (proposals.length === 0) problems.warning(wb.file, undefined, undefined, IM.nothingProposed(organizer));
  const counts = mergeProposals(proposals, higher, sheet, replace, problems);
  return { file: wb.file, kind: "selection", judge: `${organizer} (${unitCode})`, ...none, ...counts };
}

/** The lower ledger's own review; undefined (reported) when it is not a review or still has errors. */
function lowerReview(wb: ReturnedWorkbook, problems: ProblemList): EmulationRun | undefined {
  const run = runEmulation(wb.sheets);
  if (run.missingSheets.length > 0) {
    problems.error(wb.file, undefined, undefined, IM.notAReview(run.missingSheets.join(", ")));
    return undefined;
  }
  if (run.errorCount > 0) {
    problems.error(wb.file, undefined, undefined, IM.lowerHasErrors(run.errorCount));
    return undefined;
  }
  return run;
}

/** The lower organiser's code here: its own `Mã đơn vị`, else the unit of this ledger's `Đơn vị` bearing its name. */
function unitCodeOf(lower: EmulationLedger, higher: EmulationLedger): string | undefined {
  if (lower.settings.unitCode !== "") return lower.settings.unitCode;
  const wanted = codeKey(lower.settings.organizer);
  for (const [key, name] of higher.units) if (wanted !== "" && codeKey(name) === wanted) return key;
  return undefined;
}

/** The lower review's candidates awarded an award this ledger has a quota for; those still before the lower council are reported, not taken. */
function proposalsOf(lower: EmulationRun, higher: EmulationLedger, unitCode: string, sheet: EditableSheet, file: string, problems: ProblemList): Proposal[] {
  const quotaHere = new Map(higher.quotas.map((q) => [quotaKey(q.levelKey, q.type), q]));
  const out: Proposal[] = [];
  for (const q of lower.result.quotas) {
    const here = quotaHere.get(quotaKey(q.quota.levelKey, q.quota.type));
    if (here === undefined) continue;
    for (const r of q.listed) {
      const c = r.candidate;
      if (r.outcome === "pending") problems.warning(file, undefined, undefined, IM.lowerPending(c.code, c.name, q.quota.level));
      else out.push({ code: `${unitCode}-${c.code}`, values: proposalCells(lower.ledger, higher, here, c, unitCode, sheet) });
    }
  }
  return out;
}

/** A proposal's cells in this ledger's columns: who, for what, the criteria both ledgers judge, the dossier, the date and `Điểm`. */
function proposalCells(lower: EmulationLedger, higher: EmulationLedger, quota: Quota, c: Candidate, unitCode: string, sheet: EditableSheet): Map<number, Cell> {
  const values = new Map<number, Cell>();
  const put = (col: number | undefined, value: Cell | undefined): void => {
    if (col !== undefined && value !== undefined && !isBlank(value)) values.set(col, value);
  };
  const here = (key: string): number | undefined => higher.candidateColumns.get(key);
  const there = (key: string): Cell | undefined => {
    const col = lower.candidateColumns.get(key);
    return col === undefined ? undefined : c.cells[col];
  };
  put(here("candidate"), `${unitCode}-${c.code}`);
  put(here("type"), ENTRY_TYPE_VALUES[quota.type]);
  put(here("name"), c.name);
  put(here("unit"), unitCode);
  put(here("level"), quota.level);
  if (c.identity !== "") put(here("identity") ?? identityColumn(sheet), c.identity);
  for (const [key, col] of higher.criterionColumns) {
    const from = lower.criterionColumns.get(key);
    const typed = from === undefined ? undefined : c.cells[from];
    // A rank gain the lower level read from its own last year's ranks travels as the figure it computed.
    const gainOf = lower.criteria.find((k) => k.codeKey === key && k.type === c.type)?.gainOf;
    const gain = isBlank(typed) && gainOf !== undefined ? rankGain(lower, c, gainOf) : undefined;
    put(col, gain === undefined ? typed : Number(toPlainText(gain.value)));
  }
  for (const item of DOSSIER_ITEMS) put(here(item.key), c.dossier[item.key] ? "Có" : "Không");
  put(here("submitted"), there("submitted"));
  put(here("score"), there("score"));
  put(here("note"), `Đề nghị của ${lower.settings.organizer || unitCode} (mã ${c.code} ở sổ cấp dưới)`);
  return values;
}

/** The `Mã định danh` column of the candidates sheet, added after the last header when it has none. */
function identityColumn(sheet: EditableSheet): number {
  const header = sheet.grid[0] ?? [];
  const found = header.findIndex((h) => codeKey(cleanText(h)) === codeKey(IDENTITY_HEADER));
  return found >= 0 ? found : sheet.appendHeader(IDENTITY_HEADER, 0);
}

const sameCell = (a: Cell | undefined, b: Cell | undefined): boolean => cleanText(a) === cleanText(b);

/** Adds new proposals, leaves equal ones, and reports (or with `replace` overwrites) a proposal already here with other values. */
function mergeProposals(
  proposals: readonly Proposal[],
  higher: EmulationLedger,
  sheet: EditableSheet,
  replace: boolean,
  problems: ProblemList,
): { added: number; same: number; conflicts: number; replaced: number } {
  const counts = { added: 0, same: 0, conflicts: 0, replaced: 0 };
  const codeCol = higher.candidateColumns.get("candidate") ?? 0;
  const rowOf = new Map<string, number>();
  sheet.grid.forEach((row, r) => {
    const code = codeKey(cleanText(row[codeCol]));
    if (r > 0 && code !== "" && !rowOf.has(code)) rowOf.set(code, r);
  });
  for (const p of proposals) {
    const at = rowOf.get(codeKey(p.code));
    if (at === undefined) {
      const r = sheet.nextRow();
      for (const [col, value] of p.values) sheet.set(r, col, value);
      rowOf.set(codeKey(p.code), r);
      counts.added++;
      continue;
    }
    const differing = [...p.values].filter(([col, value]) => !sameCell(sheet.get(at, col), value));
    if (differing.length === 0) counts.same++;
    else if (replace) {
      for (const [col, value] of differing) sheet.set(at, col, value);
      counts.replaced++;
    } else {
      const [col, value] = differing[0]!;
      problems.warning(sheet.name, at, col, IM.selectionConflict(p.code, cleanText(sheet.get(0, col)), cleanText(sheet.get(at, col)), cleanText(value)));
      counts.conflicts++;
    }
  }
  return counts;
}

import { cellAddress, columnLetters } from "../cells/cell.js";
import type { Msg } from "../i18n/messages.js";

export type Severity = "error" | "warning";

export const SEVERITY_LABEL: Record<Severity, Msg> = {
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
};

/** Something a person must look at, pinned to a sheet and (when known) a cell; row and col are 0-based. */
export interface Problem {
  readonly severity: Severity;
  readonly sheet: string;
  readonly row?: number;
  readonly col?: number;
  readonly text: Msg;
}

export function problemAddress(p: Problem): string {
  if (p.row !== undefined && p.col !== undefined) return cellAddress(p.sheet, p.row, p.col);
  if (p.row !== undefined) return `${p.sheet}!${p.row + 1}:${p.row + 1}`;
  if (p.col !== undefined) return `${p.sheet}!${columnLetters(p.col)}:${columnLetters(p.col)}`;
  return p.sheet;
}

export class ProblemList {
  readonly items: Problem[] = [];

  error(sheet: string, row: number | undefined, col: number | undefined, text: Msg): void {
    this.items.push({ severity: "error", sheet, row, col, text });
  }

  warning(sheet: string, row: number | undefined, col: number | undefined, text: Msg): void {
    this.items.push({ severity: "warning", sheet, row, col, text });
  }

  get errorCount(): number {
    return this.items.filter((p) => p.severity === "error").length;
  }
}

/** Errors first, then by sheet order of appearance, row and column: the order a secretariat fixes them in. */
export function sortProblems(problems: readonly Problem[], sheetOrder: readonly string[]): Problem[] {
  const order = new Map(sheetOrder.map((s, i) => [s, i]));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.severity !== b.p.severity) return a.p.severity === "error" ? -1 : 1;
      const sa = order.get(a.p.sheet) ?? sheetOrder.length;
      const sb = order.get(b.p.sheet) ?? sheetOrder.length;
      if (sa !== sb) return sa - sb;
      const ra = a.p.row ?? -1;
      const rb = b.p.row ?? -1;
      if (ra !== rb) return ra - rb;
      const ca = a.p.col ?? -1;
      const cb = b.p.col ?? -1;
      return ca !== cb ? ca - cb : a.i - b.i;
    })
    .map((x) => x.p);
}

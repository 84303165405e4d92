import type { Grid } from "../cells/cell.js";

/** Invariant number format codes; each host applies them natively, the locale shows the separators. */
export const NUMBER_FORMAT = {
  text: "@",
  integer: "#,##0",
  money: '#,##0 "đ"',
  date: "dd/mm/yyyy",
  decimals: (n: number): string => (n === 0 ? "0" : "0." + "0".repeat(n)),
} as const;

export interface SheetFormat {
  /** 0-based row of the table header (bold, frozen with everything above it). */
  readonly headerRow: number;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** Number format code per column, where one applies. */
  readonly numberFormats: readonly (string | undefined)[];
  /** Further 0-based rows to set in bold: titles and totals. */
  readonly boldRows: readonly number[];
  /** A row shown in red bold (the provisional-result banner). */
  readonly alertRows?: readonly number[];
  readonly print?: { readonly paper: "A4"; readonly orientation: "portrait" | "landscape" };
  /** The table a printed sheet borders: its header row through its last row (0-based, inclusive). */
  readonly tableRows?: { readonly first: number; readonly last: number };
  /**
   * A column each data row of which holds the weighted sum of other columns of its row, as a formula
   * the host writes (a judge's total adds itself up as they type); blank while nothing is typed.
   * Rows from the header's next to `lastRow` (0-based, inclusive). Never read back.
   */
  readonly rowSums?: { readonly col: number; readonly terms: readonly { readonly col: number; readonly weight: string }[]; readonly lastRow: number };
  /** Columns whose long text wraps inside the cell instead of being cut at print. */
  readonly wrapColumns?: readonly number[];
  /** Drop-down lists for data entry (templates): 0-based column and allowed values, for rows below the header. */
  readonly lists?: readonly { readonly col: number; readonly values: readonly string[] }[];
  /** Decimal validation min..max on the data rows of a column (judges' score cells). */
  readonly decimalRanges?: readonly { readonly col: number; readonly min: number; readonly max: number }[];
  /** Protect the sheet, leaving only these columns' data rows editable. */
  readonly protection?: { readonly unlockedColumns: readonly number[] };
}

/** An output sheet: replaced whole on every run. Strings are literal text, never formulas. */
export interface OutputSheet {
  readonly name: string;
  readonly rows: Grid;
  readonly format: SheetFormat;
}

/**
 * The formula of a row-sum cell on 1-based sheet row `row`, in the invariant (en-US) syntax every host
 * API takes: `=IF(COUNT(D5:G5)=0,"",D5+E5*1.5+…)`.
 */
export function rowSumFormula(sums: NonNullable<SheetFormat["rowSums"]>, row: number, letters: (col: number) => string): string {
  const cols = sums.terms.map((t) => t.col);
  const range = `${letters(Math.min(...cols))}${row}:${letters(Math.max(...cols))}${row}`;
  const sum = sums.terms.map((t) => `${letters(t.col)}${row}${t.weight === "1" ? "" : `*${t.weight}`}`).join("+");
  return `=IF(COUNT(${range})=0,"",${sum})`;
}

/** One spreadsheet value as every host sees it. A Date is a real instant; the core reads it in Asia/Ho_Chi_Minh. */
export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.trim() === "";
  return false;
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return row === undefined || row.every((c) => isBlank(c));
}

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sheet!A1 address from a 0-based row and column. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${sheet}!${columnLetters(col)}${row + 1}`;
}

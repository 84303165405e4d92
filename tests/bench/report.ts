/** Plain-text figures for the benchmark, Vietnamese style: decimal comma, dot between thousands. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function decimal(x: number, places: number): string {
  if (!Number.isFinite(x)) return "—";
  const [int = "0", frac] = x.toFixed(places).split(".");
  const negative = int.startsWith("-");
  const digits = negative ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (negative ? "-" : "") + grouped + (frac ? "," + frac : "");
}

export const count = (n: number): string => decimal(n, 0);
export const seconds = (ms: number): string => `${decimal(ms / 1000, 2)} s`;
export const mebibytes = (kib: number | undefined): string => (kib === undefined ? "—" : `${decimal(kib / 1024, 0)} MiB`);

/** Left-aligned first column, right-aligned figures. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("   ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("   "), ...rows.map(line)];
}

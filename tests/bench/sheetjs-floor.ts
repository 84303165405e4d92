import { createRequire } from "node:module";

/** SheetJS (npm `xlsx` 0.18.5), the bench's yardstick only: never used by the product. */
const XLSX = createRequire(import.meta.url)("xlsx") as typeof import("xlsx");

/** The floor: what SheetJS alone needs to read a workbook and write it back (compressed, as every spreadsheet program saves), nothing computed. */
export async function sheetjsRoundTrip(input: string, output: string): Promise<void> {
  const wb = XLSX.readFile(input);
  XLSX.writeFile(wb, output, { compression: true });
}

import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Grid } from "../../shared/cells/cell.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { demoCommand } from "../../cli/demo.js";
import { XlsxWorkbook } from "../../cli/xlsx-workbook.js";

export interface CliDemo {
  readonly dir: string;
  /** The judges' returned workbooks the CLI demo wrote, in the order it imported them. */
  readonly returned: readonly { name: string; data: Buffer }[];
  /** The output sheets the CLI wrote into its ledger after importing them and tallying. */
  readonly outputs: ReadonlyMap<string, Grid>;
}

export const OUTPUTS = [OUTPUT_SHEET_NAMES.results, OUTPUT_SHEET_NAMES.prizeList, OUTPUT_SHEET_NAMES.unitSummary, OUTPUT_SHEET_NAMES.problems];

/** Runs `thidua demo` in-process: returned judges' workbooks and the CLI's own results for them. */
export async function runCliDemo(): Promise<CliDemo> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "thidua-addin-demo-"));
  await demoCommand(dir, { lang: "vi", out: () => undefined });
  const returnedDir = path.join(dir, "phieu-da-cham");
  const names = (await fs.readdir(returnedDir)).filter((f) => f.endsWith(".xlsx")).sort();
  const returned = await Promise.all(names.map(async (name) => ({ name, data: await fs.readFile(path.join(returnedDir, name)) })));
  const ledgerFile = (await fs.readdir(dir)).find((f) => f.endsWith(".xlsx"))!;
  const ledger = await XlsxWorkbook.load(path.join(dir, ledgerFile));
  const grids = await ledger.read(OUTPUTS);
  const outputs = new Map<string, Grid>();
  for (const name of OUTPUTS) outputs.set(name, grids.get(name) ?? []);
  return { dir, returned, outputs };
}

export function arrayBufferOf(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

import type { Grid } from "../../shared/cells/cell.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { DEMO_RETURNED_SCORES } from "../../shared/samples/initiative-demo.js";
import { demoSheets } from "./cli-books.js";

/** Ledgers the command-line tests start from, all shaped like the built-in demo (seed 000). */

/** The demo ledger with every judge's returned scores already typed into `Điểm`: no `Lỗi`. */
export function scoredDemoSheets(change: (rows: Map<string, Grid>) => void = () => undefined): OutputSheet[] {
  return demoSheets((rows) => {
    const scores = rows.get("Điểm")!;
    for (const [judge, byEntry] of Object.entries(DEMO_RETURNED_SCORES)) {
      for (const [entry, values] of Object.entries(byEntry)) scores.push([entry, judge, null, ...values]);
    }
    change(rows);
  });
}

/** Row index (0-based, in `Điểm`) of a judge's score row for an entry. */
export function scoreRowIndex(scores: Grid, entry: string, judge: string): number {
  const i = scores.findIndex((r) => r[0] === entry && r[1] === judge);
  if (i < 0) throw new Error(`no score row ${entry}/${judge}`);
  return i;
}

/**
 * The scored demo with two `Lỗi`: a criterion score above its maximum and a score that is not a
 * number. Returns where they are, as the tool must report them.
 */
export function brokenDemoSheets(): { sheets: OutputSheet[]; errorCells: string[] } {
  const errorCells: string[] = [];
  const sheets = scoredDemoSheets((rows) => {
    const scores = rows.get("Điểm")!;
    const tooHigh = scoreRowIndex(scores, "SK04", "GK2");
    scores[tooHigh]![3] = 35; // TC1, max 30
    const notANumber = scoreRowIndex(scores, "SK09", "GK3");
    scores[notANumber]![4] = "mười ba"; // TC2
    errorCells.push(`Điểm!D${tooHigh + 1}`, `Điểm!E${notANumber + 1}`);
  });
  return { sheets, errorCells };
}

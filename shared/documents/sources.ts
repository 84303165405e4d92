/**
 * Where the documents come from: one source per competition kind. The export reads the sheets of
 * every applicable source in one batch and concatenates their lists, papers and certificates.
 *
 * Extension point: the quiz and its collective prizes (`shared/quiz/`) would add an `AnnexSource`
 * to `ANNEX_SOURCES`, with `applies` looking for their own sheets (`Trắc nghiệm`, `Giải tập thể`…)
 * and `build` turning their run into a `DocumentSet` with the helpers of `annex.ts`, `letters.ts`
 * and `certificates.ts`. Nothing else changes: every host renders every paper.
 */
import type { Grid } from "../cells/cell.js";
import { resolveSheetNames } from "../ledger/read-contest.js";
import { CONTEST_PART, REVIEW_PART } from "../tasks/ledger-parts.js";
import { planTally } from "../tasks/ledger-tally.js";
import { runEmulation } from "../emulation/run.js";
import { runContest } from "../tasks/contest-run.js";
import type { LedgerPort } from "../tasks/port.js";
import type { AnnexDocument } from "./annex.js";
import { contestDocuments } from "./from-contest.js";
import { emulationDocuments } from "./from-emulation.js";
import type { DocumentSet, Paper } from "./paper.js";

export interface AnnexBuild extends DocumentSet {
  readonly errorCount: number;
  /** Required sheets that are absent: this source produced nothing. */
  readonly missingSheets: readonly string[];
}

export interface AnnexSource {
  readonly kind: string;
  /** Whether the workbook holds this kind of competition. */
  applies(sheetNames: readonly string[]): boolean;
  /** The workbook's sheets this source reads. */
  sheets(sheetNames: readonly string[]): readonly string[];
  build(sheets: ReadonlyMap<string, Grid | undefined>): AnnexBuild;
}

/** A source's result from its run: nothing when required sheets are absent, else its lists, papers and certificates. */
function annexBuild<R extends { readonly errorCount: number; readonly missingSheets: readonly string[] }>(run: R, documents: (run: R) => DocumentSet): AnnexBuild {
  if (run.missingSheets.length > 0) return { annexes: [], papers: [], certificates: [], errorCount: run.errorCount, missingSheets: run.missingSheets };
  return { ...documents(run), errorCount: run.errorCount, missingSheets: [] };
}

export const JUDGED_SOURCE: AnnexSource = {
  kind: "judged",
  applies: (names) => planTally(names).parts.includes("contest"),
  sheets: (names) => [...resolveSheetNames(names, CONTEST_PART.reads).values()],
  build: (sheets) => annexBuild(runContest(sheets), contestDocuments),
};

export const EMULATION_SOURCE: AnnexSource = {
  kind: "emulation",
  applies: (names) => planTally(names).parts.includes("review"),
  sheets: (names) => [...resolveSheetNames(names, REVIEW_PART.reads).values()],
  build: (sheets) => annexBuild(runEmulation(sheets), emulationDocuments),
};

/** Every source known today, in the order their annexes appear in the document. */
export const ANNEX_SOURCES: readonly AnnexSource[] = [JUDGED_SOURCE, EMULATION_SOURCE];

export interface AnnexCollection extends AnnexBuild {
  readonly kinds: readonly string[];
}

/** Pure: builds the annexes of every applicable source from grids already read. */
export function buildAnnexes(sheets: ReadonlyMap<string, Grid | undefined>, sources: readonly AnnexSource[] = ANNEX_SOURCES): AnnexCollection {
  const names = [...sheets.keys()].filter((k) => sheets.get(k) !== undefined);
  const annexes: AnnexDocument[] = [];
  const papers: Paper[] = [];
  const certificates: Paper[] = [];
  const missingSheets: string[] = [];
  const kinds: string[] = [];
  let errorCount = 0;
  for (const source of sources) {
    if (!source.applies(names)) continue;
    const b = source.build(sheets);
    kinds.push(source.kind);
    annexes.push(...b.annexes);
    papers.push(...b.papers);
    certificates.push(...b.certificates);
    missingSheets.push(...b.missingSheets);
    errorCount += b.errorCount;
  }
  return { annexes, papers, certificates, errorCount, missingSheets, kinds };
}

/** One batched read of every sheet the applicable sources need, then `buildAnnexes`. */
export async function readAnnexes(port: LedgerPort, sources: readonly AnnexSource[] = ANNEX_SOURCES): Promise<AnnexCollection> {
  const names = await port.sheetNames();
  const wanted = new Set(sources.filter((s) => s.applies(names)).flatMap((s) => s.sheets(names)));
  return buildAnnexes(await port.read([...wanted]), sources);
}

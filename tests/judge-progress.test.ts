import { describe, expect, it } from "vitest";
import type { Grid } from "../shared/cells/cell.js";
import { ProblemList } from "../shared/ledger/problem.js";
import { SCORES_SHEET } from "../shared/ledger/schema.js";
import { judgeTotals } from "../shared/scoring/judge-totals.js";
import { type ContestRun, runContest } from "../shared/tasks/contest-run.js";
import { type JudgeProgress, entriesForJudge, judgeProgress } from "../shared/tasks/judge-sheets.js";
import { type ContestSpec, contestSheets, runSpec } from "./support/contest-ledger.js";
import { demoLedgerScored } from "./support/grids.js";

/** The per-judge filtering the hosts did before `judgeProgress`, kept as the oracle. */
function filteredPerJudge(run: ContestRun): JudgeProgress[] {
  const ledger = run.ledger;
  const totals = judgeTotals(ledger, new ProblemList());
  const scoresSheet = ledger.sheetNames.get(SCORES_SHEET.name) ?? SCORES_SHEET.name;
  return [...ledger.judges.values()].map((judge) => {
    const expected = entriesForJudge(ledger, judge);
    const rows = ledger.scores.filter((s) => s.judgeKey === judge.key);
    const withRow = new Set(rows.map((s) => s.entryKey));
    const rowNumbers = new Set(rows.map((s) => s.row));
    return {
      judge,
      expected,
      scored: expected.filter((e) => (totals.get(e.key) ?? []).some((t) => t.judgeKey === judge.key)),
      missing: expected.filter((e) => !withRow.has(e.key)),
      invalid: run.problems.filter((p) => p.severity === "error" && p.sheet === scoresSheet && p.row !== undefined && rowNumbers.has(p.row)),
    };
  });
}

const codes = (entries: readonly { readonly code: string }[]): string[] => entries.map((e) => e.code);

// GK1 scores everything; GK2 is of U2 and only scores category A; GK3 has a bad cell, a duplicate and
// a row for an unknown entry; GK4 scores nothing; GKX is not in `Giám khảo`.
const mixed: ContestSpec = {
  entries: [
    { code: "E1", category: "A", unit: "U1" },
    { code: "E2", category: "A", unit: "U2" },
    { code: "E3", category: "B", unit: "U3" },
    { code: "E4", category: "A", unit: "U1", status: "Không hợp lệ" },
  ],
  judges: [{ code: "GK1" }, { code: "GK2", unit: "U2", categories: "A" }, { code: "GK3" }, { code: "GK4" }],
  scores: [
    ["E1", "GK1", 80],
    ["E2", "GK1", 70],
    ["E3", "GK1", 60],
    ["E1", "GK2", 75],
    ["E2", "GK2", 90], // own unit: a warning, no total
    ["E3", "GK2", 50], // not their category
    ["E1", "GK3", 101], // out of range
    ["E2", "GK3", 40],
    ["E2", "GK3", 45], // duplicate
    ["E9", "GK3", 10], // unknown entry
    ["E3", "GKX", 30], // unknown judge
  ],
};

describe("judgeProgress", () => {
  it("gives each judge's expected, scored, missing entries and the errors on their rows", () => {
    const run = runSpec(mixed);
    const progress = judgeProgress(run);
    expect(progress.map((p) => [p.judge.code, codes(p.expected), codes(p.scored), codes(p.missing), p.invalid.map((i) => i.row)])).toEqual([
      ["GK1", ["E1", "E2", "E3"], ["E1", "E2", "E3"], [], []],
      ["GK2", ["E1"], ["E1"], [], []],
      ["GK3", ["E1", "E2", "E3"], [], ["E3"], [7, 8, 9, 10]],
      ["GK4", ["E1", "E2", "E3"], [], ["E1", "E2", "E3"], []],
    ]);
  });

  it("matches filtering the rows and problems judge by judge", () => {
    const renamed = contestSheets(mixed);
    renamed.set("ĐIỂM", renamed.get("Điểm")!);
    renamed.delete("Điểm");
    expect(runContest(renamed).ledger.sheetNames.get("Điểm")).toBe("ĐIỂM");
    const noScores = contestSheets({ ...mixed, scores: [] });
    const missingSheet: Map<string, Grid | undefined> = contestSheets(mixed);
    missingSheet.delete("Tiêu chí");
    for (const sheets of [contestSheets(mixed), renamed, noScores, missingSheet, demoLedgerScored()]) {
      const run = runContest(sheets);
      expect(judgeProgress(run)).toEqual(filteredPerJudge(run));
    }
  });
});

import { describe, expect, it } from "vitest";
import { PLANTED, quizDemoAttempts, quizDemoCsv } from "../shared/samples/quiz-demo.js";
import { runDemoQuizCsv, winnersOf } from "./support/quiz-ledger.js";

/** The demo's second sample: a few thousand attempts over 4 weeks, each week settled at a different tie-break level. */

function runSample() {
  return runDemoQuizCsv(quizDemoCsv(), { strict: true });
}

describe("the quiz demo sample", () => {
  const { contest, quiz } = runSample();

  it("is a few thousand attempts over 4 weeks, generated the same every time, read without a problem", () => {
    expect(quiz.attempts).toBeGreaterThan(3000);
    expect(quiz.attempts).toBeLessThan(10_000);
    expect(quiz.periods.map((p) => p.period.label)).toEqual(["1", "2", "3", "4"]);
    expect(quizDemoAttempts()).toEqual(quizDemoAttempts());
    expect(contest.errorCount).toBe(0);
    expect(quiz.problems.errorCount).toBe(0);
  });

  it("week 1 is settled by the prediction, and the excluded committee member wins nothing", () => {
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:0905111001", "Nhì:0905111002", "Ba:0905111003"]);
    expect(quiz.periods[0]!.winners[0]!.settledBy).toBe("prediction");
    expect(quiz.periods[0]!.excluded).toBe(1);
  });

  it("week 2 by the time taken, with week 1's winner kept out by `Mỗi người một giải`", () => {
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:0905111004", "Nhì:dung.em@thuathienhue.example.vn", "Ba:0905111006"]);
    expect(quiz.periods[1]!.winners[0]!.settledBy).toBe("duration");
    expect(quiz.periods[1]!.earlierWinners).toBeGreaterThanOrEqual(1);
  });

  it("week 3 by the submission time", () => {
    expect(winnersOf(quiz, 3)).toEqual(["Nhất:0905111007", "Nhì:0905111008", "Ba:0905111009"]);
    expect(quiz.periods[2]!.winners[0]!.settledBy).toBe("submitted");
  });

  it("week 4 stays tied at the Nhì/Ba boundary and waits for the committee", () => {
    expect(winnersOf(quiz, 4)).toEqual(["Nhất:0905111010", "pending:0905111011", "pending:0905111012"]);
    expect(quiz.periods[3]!.winners[1]!.settledBy).toBe("none");
  });

  it("has collective prizes with units out for a 0, for a video outside the top 10, and for no video", () => {
    const c = quiz.collective!;
    const reasons = (code: string): string[] => c.rows.find((r) => r.unit.code === code)!.reasons.map((x) => x.kind);
    expect(reasons("SNV")).toEqual(["zeroScores"]);
    expect(reasons("PL")).toEqual(["videoOutsideTop"]);
    expect(reasons("PDN")).toEqual(["noVideo"]);
    // PD and QD tie at the 10th video place: both are in.
    expect(reasons("PD")).toEqual([]);
    expect(reasons("QD")).toEqual([]);
    expect(c.rows.filter((r) => r.award.kind === "prize")).toHaveLength(5);
    expect(quiz.budget.total).toBe(48_000_000n);
    expect(PLANTED.length).toBeGreaterThan(10);
  });
});

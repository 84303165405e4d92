import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { feedCsv } from "../cli/quiz-tally.js";
import type { Grid } from "../shared/cells/cell.js";
import { problemAddress } from "../shared/ledger/problem.js";
import { finishQuiz, startQuiz } from "../shared/quiz/run.js";
import { quizWeeks } from "../shared/samples/templates.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { ATTEMPT_HEADER, type Attempt, quizLedger, runBoth, winnersOf } from "./support/quiz-ledger.js";

/** Seed 002: four weeks from 01/06/2023 defined by their dates in `Tuần thi`; an attempt outside every week is never a prize. */

const dir = mkdtempSync(path.join(os.tmpdir(), "thidua-quiz-weeks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WEEKS: Grid = [["Tuần", "Từ ngày", "Đến ngày"], ...quizWeeks(2023).map((r) => [...r])];

/** One prize a week, so the winner of each week is plain to see. */
function ledger(attempts: readonly Attempt[], weeks: Grid | null = WEEKS): Map<string, Grid> {
  const sheets = quizLedger({ attempts, quizPrizes: [["Nhất", 1, 500_000]] });
  if (weeks !== null) sheets.set("Tuần thi", weeks);
  return sheets;
}

const weekLabels = (sheets: Map<string, Grid>): string[] => runBoth(sheets).quiz.periods.map((p) => p.period.label);

describe("weeks defined by dates", () => {
  const attempts: Attempt[] = [
    { id: "a", week: 1, score: 15, at: "03/06/2023 09:00:00" },
    { id: "b", week: 4, score: 18, at: "30/06/2023 23:59:59" }, // the last second of week 4
    { id: "late", week: 5, score: 20, at: "05/07/2023 08:00:00" }, // the seed's “Tuần 5” in July: no week
    { id: "early", week: 1, score: 20, at: "31/05/2023 23:59:59" }, // the evening before week 1
    { id: "c", week: 2, score: 19, at: "15/06/2023 00:00:00" }, // marked 2, but 15/06 is in week 3
  ];

  it("gives the four weeks of the template, and no prize to an attempt outside them (05/07 in a “Tuần 5”, 31/05)", () => {
    const { quiz } = runBoth(ledger(attempts));
    expect(quiz.periods.map((p) => p.period.label)).toEqual(["1", "2", "3", "4"]);
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:a"]);
    expect(winnersOf(quiz, 2)).toEqual([]);
    expect(winnersOf(quiz, 3)).toEqual(["Nhất:c"]);
    expect(winnersOf(quiz, 4)).toEqual(["Nhất:b"]);
    const everyWinner = quiz.periods.flatMap((p) => p.winners.map((w) => w.candidate.participant.code));
    expect(everyWinner).not.toContain("late");
    expect(everyWinner).not.toContain("early");
  });

  it("warns once per label about attempts outside every week, and about an attempt the date moved, at the first such row", () => {
    const { quiz } = runBoth(ledger(attempts));
    const warnings = quiz.problems.items.filter((p) => p.severity === "warning").map((p) => `${problemAddress(p)} ${p.text.vi}`);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^Trắc nghiệm!G4 1 lượt thi ghi “Tuần 5” có Thời điểm nộp \(hoặc Tuần\) nằm ngoài mọi tuần thi ở trang “Tuần thi” \(từ 01\/06\/2023 đến 30\/06\/2023\): không được tính/),
    );
    expect(warnings).toContainEqual(expect.stringMatching(/^Trắc nghiệm!G5 1 lượt thi ghi “Tuần 1” có Thời điểm nộp/));
    expect(warnings).toContainEqual(expect.stringMatching(/^Trắc nghiệm!G6 1 lượt thi ghi “Tuần 2” nhưng Thời điểm nộp thuộc “Tuần 3”/));
    expect(quiz.problems.items.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("counts an attempt outside every week in no participation either", () => {
    const { quiz } = runBoth(ledger([{ id: "late", week: 5, score: 20, at: "05/07/2023 08:00:00" }]));
    expect(quiz.units.find((u) => u.code === "U1")!.participants).toBe(0);
  });

  it("places an attempt without a submission time by its Tuần, and one whose Tuần is no week outside", () => {
    const { quiz } = runBoth(
      ledger([
        { id: "a", week: 2, score: 12 },
        { id: "x", week: 7, score: 20 },
      ]),
    );
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:a"]);
    expect(quiz.periods.map((p) => p.period.label)).toEqual(["1", "2", "3", "4"]);
    expect(quiz.problems.items.some((p) => problemAddress(p) === "Trắc nghiệm!D3" && /“Tuần 7”/.test(p.text.vi))).toBe(true);
  });

  it("reads “Tuần 2” of a platform export as week 2 of the ledger: no warning, one week", () => {
    const { quiz } = runBoth(ledger([{ id: "a", week: "Tuần 2", score: 12, at: "09/06/2023 10:00:00" }]));
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:a"]);
    expect(quiz.problems.items).toEqual([]);
  });

  it("without `Tuần thi`, weeks are the labels as before: the July attempt makes a fifth week", () => {
    expect(weekLabels(ledger(attempts, null))).toEqual(["1", "2", "4", "5"]);
  });

  it("reads a CSV export through its bytes the same way", async () => {
    const file = path.join(dir, "luot-thi.csv");
    const line = (a: Attempt): string => [a.id, `Thí sinh ${a.id}`, "U1", a.week, a.score, "", a.at, ""].join(";");
    writeFileSync(file, [ATTEMPT_HEADER.join(";"), ...attempts.map(line)].join("\r\n") + "\r\n");
    const sheets = ledger([]);
    sheets.delete("Trắc nghiệm");
    const contest = runContest(sheets);
    const reading = startQuiz(sheets, contest);
    await feedCsv(reading.accumulator, file);
    const quiz = finishQuiz(reading, contest);
    expect([1, 2, 3, 4].map((w) => winnersOf(quiz, w))).toEqual([["Nhất:a"], [], ["Nhất:c"], ["Nhất:b"]]);
    expect(quiz.problems.items.some((p) => problemAddress(p) === "luot-thi.csv:4" && /“Tuần 5”/.test(p.text.vi))).toBe(true);
  });
});

describe("`Tuần thi` as typed", () => {
  it("reports a week without dates, ending before it starts, or overlapping another, at its cell, and leaves it out", () => {
    const weeks: Grid = [
      ["Tuần", "Từ ngày", "Đến ngày"],
      [1, "01/06/2023", "07/06/2023"],
      [2, "14/06/2023", "08/06/2023"],
      [3, "07/06/2023", "21/06/2023"],
      [4, null, "30/06/2023"],
    ];
    const { quiz } = runBoth(ledger([{ id: "a", week: 1, score: 10, at: "02/06/2023 10:00:00" }], weeks));
    const errors = quiz.problems.items.filter((p) => p.severity === "error").map((p) => `${problemAddress(p)} ${p.text.vi}`);
    expect(errors).toEqual([
      "Tuần thi!C3 “2” kết thúc ngày 08/06/2023, trước ngày bắt đầu 14/06/2023; tuần này không được dùng.",
      "Tuần thi!B4 “3” trùng tên hoặc trùng ngày với “1” ở Tuần thi!A2; tuần này không được dùng.",
      "Tuần thi!B5 Ô “Từ ngày” đang trống; hãy nhập giá trị.",
    ]);
    expect(quiz.periods.map((p) => p.period.label)).toEqual(["1"]);
  });
});

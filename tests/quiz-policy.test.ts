import { describe, expect, it } from "vitest";
import { type Attempt, quizLedger, runBoth, winnersOf } from "./support/quiz-ledger.js";

/** `Lượt tính điểm`, `Không dự thi` and `Mỗi người một giải` (ledger.md, "A quiz with periodic prizes"). */

const P_ATTEMPTS: Attempt[] = [
  { id: "P", score: 12, time: "05:00", at: "01/06/2023 08:00:00" },
  { id: "P", score: 18, time: "09:00", at: "02/06/2023 08:00:00" },
  { id: "P", score: 15, time: "04:00", at: "03/06/2023 08:00:00" },
  { id: "Q", score: 16, time: "05:00", at: "02/06/2023 09:00:00" },
];

function countedScoreOfP(policy: string | undefined): number {
  const settings: [string, string][] = policy === undefined ? [] : [["Lượt tính điểm", policy]];
  const { quiz } = runBoth(quizLedger({ attempts: P_ATTEMPTS, settings }));
  const p = quiz.periods[0]!.winners.find((w) => w.candidate.participant.code === "P")!;
  return p.candidate.counted.score / 10_000;
}

describe("attempt policy", () => {
  it("`Cao nhất` (the default) counts the best attempt", () => {
    expect(countedScoreOfP(undefined)).toBe(18);
    expect(countedScoreOfP("Cao nhất")).toBe(18);
    const { quiz } = runBoth(quizLedger({ attempts: P_ATTEMPTS }));
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:P", "Nhì:Q"]);
  });

  it("`Lần đầu` counts the earliest submitted attempt, whatever the order of the rows", () => {
    expect(countedScoreOfP("Lần đầu")).toBe(12);
    const { quiz } = runBoth(quizLedger({ attempts: [...P_ATTEMPTS].reverse(), settings: [["Lượt tính điểm", "lan dau"]] }));
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:Q", "Nhì:P"]);
    expect(quiz.periods[0]!.winners[1]!.candidate.counted.score).toBe(120_000);
  });

  it("`Lần cuối` counts the latest submitted attempt", () => {
    expect(countedScoreOfP("Lần cuối")).toBe(15);
  });

  it("attempts submitted at the same second are taken in the order they were read", () => {
    const same: Attempt[] = [
      { id: "P", score: 10, at: "01/06/2023 08:00:00" },
      { id: "P", score: 14, at: "01/06/2023 08:00:00" },
    ];
    const first = runBoth(quizLedger({ attempts: same, settings: [["Lượt tính điểm", "Lần đầu"]] })).quiz;
    const last = runBoth(quizLedger({ attempts: same, settings: [["Lượt tính điểm", "Lần cuối"]] })).quiz;
    expect(first.periods[0]!.winners[0]!.candidate.counted.score).toBe(100_000);
    expect(last.periods[0]!.winners[0]!.candidate.counted.score).toBe(140_000);
  });

  it("`Cao nhất` between equal scores keeps the attempt that ranks best (the faster one)", () => {
    const { quiz } = runBoth(
      quizLedger({
        attempts: [
          { id: "P", score: 18, time: "09:00", at: "01/06/2023 08:00:00" },
          { id: "P", score: 18, time: "06:00", at: "02/06/2023 08:00:00" },
          { id: "R", score: 18, time: "07:00", at: "01/06/2023 07:00:00" },
        ],
      }),
    );
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:P", "Nhì:R"]);
    expect(quiz.periods[0]!.winners[0]!.candidate.counted.ms).toBe(360_000);
  });

  it("an unknown policy is an error at its cell and the default applies", () => {
    const { quiz } = runBoth(quizLedger({ attempts: P_ATTEMPTS, settings: [["Lượt tính điểm", "Trung bình"]] }));
    const problem = quiz.problems.items.find((p) => p.sheet === "Cuộc thi");
    expect(problem?.severity).toBe("error");
    expect(problem?.row).toBe(3);
    expect(problem?.text.vi).toContain("Cao nhất; Lần đầu; Lần cuối");
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:P", "Nhì:Q"]);
  });
});

describe("`Không dự thi`", () => {
  const attempts: Attempt[] = [
    { id: "btc@hue.example.vn", score: 20 },
    { id: "GK-01", score: 19 },
    { id: "A", score: 18 },
    { id: "B", score: 17 },
    { id: "C", score: 16 },
  ];

  it("keeps the listed people out of the prizes (codes compared without case) and out of their unit's participation, not out of the week's count", () => {
    const { quiz } = runBoth(
      quizLedger({
        attempts,
        excluded: [
          ["BTC@HUE.EXAMPLE.VN", "Ban Tổ chức"],
          ["gk-01", "Ban Giám khảo"],
        ],
      }),
    );
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:A", "Nhì:B", "Ba:C"]);
    expect(quiz.periods[0]!.excluded).toBe(2);
    expect(quiz.periods[0]!.participants).toBe(5);
    // Organisers and judges are not their unit's participants: 5 took part, 2 of them on `Không dự thi`.
    expect(quiz.units.find((u) => u.code === "U1")!.participants).toBe(3);
  });

  it("without the sheet, everybody may win", () => {
    const { quiz } = runBoth(quizLedger({ attempts }));
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:btc@hue.example.vn", "Nhì:GK-01", "Ba:A"]);
  });
});

describe("`Mỗi người một giải`", () => {
  const attempts: Attempt[] = [
    { id: "A", week: 1, score: 20 },
    { id: "B", week: 1, score: 15 },
    { id: "A", week: 2, score: 20 },
    { id: "B", week: 2, score: 19 },
    { id: "C", week: 2, score: 18 },
    { id: "D", week: 2, score: 10 },
    { id: "A", week: 3, score: 20 },
    { id: "E", week: 3, score: 5 },
  ];

  it("`Có`: a winner of an earlier period is not a candidate again", () => {
    const { quiz } = runBoth(quizLedger({ attempts, settings: [["Mỗi người một giải", "Có"]] }));
    expect(winnersOf(quiz, 1)).toEqual(["Nhất:A", "Nhì:B"]);
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:C", "Nhì:D"]);
    expect(winnersOf(quiz, 3)).toEqual(["Nhất:E"]);
    expect(quiz.periods[1]!.earlierWinners).toBe(2);
  });

  it("`Không` (the default): the same person may win every period", () => {
    const { quiz } = runBoth(quizLedger({ attempts }));
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:A", "Nhì:B", "Ba:C"]);
    expect(winnersOf(quiz, 3)).toEqual(["Nhất:A", "Nhì:E"]);
  });

  it("periods are settled in their numeric order, not in the order rows arrive", () => {
    const reordered: Attempt[] = [
      { id: "A", week: 10, score: 20 },
      { id: "A", week: 2, score: 20 },
      { id: "B", week: 10, score: 1 },
    ];
    const { quiz } = runBoth(quizLedger({ attempts: reordered, settings: [["Mỗi người một giải", "Có"]] }));
    expect(quiz.periods.map((p) => p.period.label)).toEqual(["2", "10"]);
    expect(winnersOf(quiz, 2)).toEqual(["Nhất:A"]);
    expect(winnersOf(quiz, 10)).toEqual(["Nhất:B"]);
  });
});

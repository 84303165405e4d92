import type { Cell, Grid } from "../../shared/cells/cell.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { planTally, tallySheets } from "../../shared/tasks/ledger-tally.js";
import { demoLedgerScored } from "./grids.js";
import { quizLedger } from "./quiz-ledger.js";

/**
 * Ledger scenarios every host must compute identically. Each is a map of input sheets as grids,
 * with the kinds of cell a host may hand over (numbers, text with a decimal comma, dates).
 */
export interface Scenario {
  readonly name: string;
  readonly sheets: () => Map<string, Grid>;
}

const settings = (pairs: [string, Cell][]): Grid => [["Mục", "Giá trị"], ...pairs];

/** Two categories, trimmed mean with five judges, a council tie at a prize boundary, a bad score. */
function councilScenario(): Map<string, Grid> {
  const judges = ["GK1", "GK2", "GK3", "GK4", "GK5"];
  const entries: [string, string, string][] = [
    ["A1", "Bài viết", "U1"],
    ["A2", "Bài viết", "U2"],
    ["A3", "Bài viết", "U3"],
    ["A4", "Bài viết", "U1"],
    ["V1", "Video", "U2"],
    ["V2", "Video", "U3"],
    ["V3", "Video", "U1"],
  ];
  // Per entry, the five judges' ND scores; HT is 8 for everybody except where noted.
  const nd: Record<string, number[]> = {
    A1: [80, 82, 90, 70, 81],
    A2: [79, 81, 83, 60, 82],
    A3: [79, 81, 83, 60, 82],
    A4: [50, 55, 52, 51, 53],
    V1: [70, 72, 71, 73, 74],
    V2: [70, 72, 71, 73, 74],
    V3: [60, 61, 62, 63, 64],
  };
  const scores: Grid = [["Mã bài", "Mã GK", "ND", "HT", "Ghi chú", "Tổng"]];
  for (const [code] of entries) {
    judges.forEach((j, i) => scores.push([code, j, nd[code]![i]!, "8,0", null, 999]));
  }
  scores.push(["A4", "GK9", 10, 5, null, null]);
  scores.push(["V3", "GK1", "mười", 5, null, null]);
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      settings([
        ["Tên cuộc thi", "Hội thi có hai hạng mục"],
        ["Năm", 2024],
        ["Cách tính điểm", "Bỏ cao nhất, thấp nhất"],
        ["Số chữ số thập phân", 1],
        ["Đồng hạng", "Hội đồng quyết định"],
        ["Đọc số", "ngàn"],
      ]),
    ],
    [
      "Đơn vị",
      [
        ["Mã đơn vị", "Tên đơn vị", "Bắt buộc", "Số bài tối thiểu"],
        ["U1", "Đơn vị Một", "Có", 2],
        ["U2", "Đơn vị Hai", "Có", null],
        ["U3", "Đơn vị Ba", "Không", null],
        ["U4", "Đơn vị Bốn", "Có", 1],
      ],
    ],
    ["Bài dự thi", [["Mã bài", "Tên bài", "Hạng mục", "Mã đơn vị"], ...entries.map(([c, cat, u]) => [c, `Bài ${c}`, cat, u])]],
    ["Giám khảo", [["Mã GK", "Họ tên"], ...judges.map((j) => [j, `Giám khảo ${j}`])]],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", 90, 1],
        ["HT", "Hình thức", 10, "1,5"],
      ],
    ],
    ["Điểm", scores],
    [
      "Cơ cấu giải",
      [
        ["Hạng mục", "Giải", "Số lượng", "Mức thưởng"],
        ["Bài viết", "Nhất", 1, "3.000.000"],
        ["Bài viết", "Nhì", 1, 2_000_000],
        ["Video", "Nhất", 1, 1_500_000],
        ["Video", "Nhì", 1, "1,000,000"],
      ],
    ],
  ]);
}

/** Per-judge normalisation with a lenient and a strict judge. */
function zScoreScenario(): Map<string, Grid> {
  const lenient = [90, 85, 80, 95];
  const strict = [60, 50, 40, 70];
  const scores: Grid = [["Mã bài", "Mã GK", "TC"]];
  ["E1", "E2", "E3", "E4"].forEach((e, i) => {
    scores.push([e, "L", lenient[i]!]);
    scores.push([e, "S", strict[i]!]);
  });
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      settings([
        ["Tên cuộc thi", "Chuẩn hóa điểm"],
        ["Cách tính điểm", "Chuẩn hóa"],
      ]),
    ],
    [
      "Đơn vị",
      [
        ["Mã đơn vị", "Tên đơn vị"],
        ["U", "Đơn vị"],
      ],
    ],
    [
      "Bài dự thi",
      [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["E1", "Một", "U"],
        ["E2", "Hai", "U"],
        ["E3", "Ba", "U"],
        ["E4", "Bốn", "U"],
      ],
    ],
    [
      "Giám khảo",
      [
        ["Mã GK", "Họ tên"],
        ["L", "Dễ tính"],
        ["S", "Khó tính"],
      ],
    ],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa"],
        ["TC", "Tổng thể", 100],
      ],
    ],
    ["Điểm", scores],
    [
      "Cơ cấu giải",
      [
        ["Giải", "Số lượng", "Mức thưởng"],
        ["Nhất", 1, 1_000_000],
        ["Nhì", 2, 500_000],
      ],
    ],
  ]);
}

/**
 * A quiz over two weeks beside a judged video contest (seed 002): a tie settled by the prediction,
 * an excluded organiser, a bad row, a participant changing unit, and collective prizes.
 */
function quizScenario(): Map<string, Grid> {
  return quizLedger({
    units: [
      { code: "U1", staff: 4, video: 90 },
      { code: "U2", staff: 3, video: 80 },
      { code: "U3", staff: 5, video: 70 },
    ],
    truths: [
      [1, 1000],
      [2, 2000],
    ],
    excluded: [["BTC1", "Ban Tổ chức"]],
    collectivePrizes: [
      ["Nhất", 1, 5_000_000],
      ["Nhì", 1, 3_500_000],
    ],
    settings: [["Lượt tính điểm", "Cao nhất"]],
    attempts: [
      { id: "A", unit: "U1", week: 1, score: 18, time: "07:45", at: "02/06/2023 08:15:00", guess: 990 },
      { id: "B", unit: "U2", week: 1, score: 18, time: "06:30", at: "02/06/2023 09:00:00", guess: 1200 },
      { id: "C", unit: "U3", week: 1, score: "17,5", time: 452, at: "03/06/2023 10:00:00" },
      { id: "BTC1", unit: "U1", week: 1, score: 20, time: "05:00", at: "02/06/2023 07:00:00" },
      { id: "A", unit: "U2", week: 2, score: 16, time: "08:00", at: "09/06/2023 08:00:00", guess: 2100 },
      { id: "B", unit: "U2", week: 2, score: 19, time: "1:02:03", at: "10/06/2023 08:00:00", guess: 1999 },
      { id: "D", unit: "U3", week: 2, score: "abc", time: "07:00", at: "10/06/2023 08:00:00" },
      { id: "E", unit: "U1", week: 2, score: 12, time: "09:00", at: "11/06/2023 08:00:00", guess: 2000 },
    ],
  });
}

export const SCENARIOS: readonly Scenario[] = [
  { name: "demo-scored", sheets: () => demoLedgerScored() as Map<string, Grid> },
  { name: "council-two-categories", sheets: councilScenario },
  { name: "z-score", sheets: zScoreScenario },
  { name: "quiz-weekly-collective", sheets: quizScenario },
];

/** What every host must write for a scenario: the core's own output sheets for what the ledger holds. */
export function expectedOutputs(sheets: Map<string, Grid>): OutputSheet[] {
  return [...tallySheets(sheets, planTally([...sheets.keys()])).outputs];
}

/** Trailing blanks differ between hosts' used ranges; values must not. */
export function normaliseGrid(grid: Grid): Cell[][] {
  const rows = grid.map((r) => {
    const out = r.map((c) => (c === undefined || c === "" ? null : c));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

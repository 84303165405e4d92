import type { Grid } from "../cells/cell.js";
import { awardLabel, provisionalBanner, totalRows } from "../ledger/contest-outputs.js";
import { NUMBER_FORMAT, type OutputSheet } from "../ledger/output-sheet.js";
import { toFixedText } from "../scoring/exact.js";
import { meanCell, rateCell } from "../quiz/outputs.js";
import { QUIZ_OUTPUT_NAMES } from "../quiz/schema.js";
import type { QuizSetup } from "../quiz/setup.js";
import { type CollectiveResult, reasonText } from "./collective.js";

export const COLLECTIVE_HEADER = ["Hạng", "Mã đơn vị", "Tên đơn vị", "Hạng video", "Điểm video", "Tỷ lệ tham gia", "Điểm trung bình", "Số lượt điểm 0", "Giải", "Số tiền", "Ghi chú"];

/** `Giải tập thể`: eligible units in rank order with their prizes, then every other unit and why. */
export function collectiveSheet(setup: QuizSetup, result: CollectiveResult, errorCount: number): OutputSheet {
  const title = [setup.contestName, setup.year ? `năm ${setup.year}` : ""].filter((x) => x !== "").join(" ");
  const rows: Grid = [["DANH SÁCH GIẢI TẬP THỂ"], [title], [errorCount > 0 ? provisionalBanner(errorCount) : null], COLLECTIVE_HEADER];
  const headerRow = 3;
  for (const r of result.rows) {
    const notes = r.reasons.length > 0 ? ["không đủ điều kiện: " + r.reasons.map(reasonText).join("; ")] : [];
    if (r.settledByMean) notes.push("bằng tỷ lệ tham gia, phân định bằng điểm trung bình");
    if (r.tied) notes.push("đồng hạng");
    if (r.award.kind === "pending") notes.push("chờ Hội đồng quyết định");
    rows.push([
      r.rank ?? null,
      r.unit.code,
      r.unit.name,
      r.videoRank ?? null,
      r.videoScore === undefined ? null : Number(toFixedText(r.videoScore, setup.decimals)),
      r.participation ? rateCell(r.participation) : null,
      r.participation ? meanCell(r.participation, setup.decimals) : null,
      r.participation?.zeros ?? 0,
      awardLabel(r.award),
      r.award.kind === "prize" ? Number(r.award.prize.amount) : null,
      notes.join("; "),
    ]);
  }
  const totalRow = rows.length;
  rows.push(...totalRows(result.totalAmount, 9, setup.thousandWord));
  const d = NUMBER_FORMAT.decimals(setup.decimals);
  return {
    name: QUIZ_OUTPUT_NAMES.collective,
    rows,
    format: {
      headerRow,
      widths: [6, 12, 36, 8, 9, 10, 10, 9, 14, 14, 60],
      numberFormats: [undefined, NUMBER_FORMAT.text, undefined, "0", d, "0.00%", d, NUMBER_FORMAT.integer, undefined, NUMBER_FORMAT.money, undefined],
      boldRows: [0, 1, totalRow, totalRow + 1],
      alertRows: errorCount > 0 ? [2] : [],
      print: { paper: "A4", orientation: "landscape" },
    },
  };
}

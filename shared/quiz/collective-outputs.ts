import type { Grid } from "../cells/cell.js";
import { awardLabel, printedListSheet, provisionalBanner, totalRows } from "../ledger/contest-outputs.js";
import { NUMBER_FORMAT, type OutputSheet } from "../ledger/output-sheet.js";
import { toFixedText } from "../cells/exact.js";
import { meanCell, rateCell } from "./outputs.js";
import { QUIZ_OUTPUT_NAMES } from "./schema.js";
import type { QuizSetup } from "./setup.js";
import { type CollectiveResult, reasonText } from "./collective.js";

export const COLLECTIVE_HEADER = ["Hạng", "Mã đơn vị", "Tên đơn vị", "Hạng video", "Điểm video", "Tỷ lệ tham gia", "Điểm trung bình", "Số lượt điểm 0", "Giải", "Số tiền", "Ghi chú"];

/** `Giải tập thể`: eligible units in rank order with their prizes, then every other unit and why. */
export function collectiveSheet(setup: QuizSetup, result: CollectiveResult, errorCount: number): OutputSheet {
  const body: Grid = [];
  for (const r of result.rows) {
    const notes = r.reasons.length > 0 ? ["không đủ điều kiện: " + r.reasons.map(reasonText).join("; ")] : [];
    if (r.settledByMean) notes.push("bằng tỷ lệ tham gia, phân định bằng điểm trung bình");
    if (r.tied) notes.push("đồng hạng");
    if (r.award.kind === "pending") notes.push("chờ Hội đồng quyết định");
    body.push([
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
  const d = NUMBER_FORMAT.decimals(setup.decimals);
  return printedListSheet({
    name: QUIZ_OUTPUT_NAMES.collective,
    heading: "DANH SÁCH GIẢI TẬP THỂ",
    contest: setup.contestName,
    year: setup.year,
    banner: errorCount > 0 ? provisionalBanner(errorCount) : null,
    header: COLLECTIVE_HEADER,
    body,
    closing: totalRows(result.totalAmount, 9, setup.thousandWord),
    widths: [6, 12, 36, 8, 9, 10, 10, 9, 14, 14, 60],
    numberFormats: [undefined, NUMBER_FORMAT.text, undefined, "0", d, "0.00%", d, NUMBER_FORMAT.integer, undefined, NUMBER_FORMAT.money, undefined],
  });
}

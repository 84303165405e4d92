import { provisionalBanner, awardLabel } from "../ledger/contest-outputs.js";
import { awardAmount } from "../scoring/contest-results.js";
import { toFixedText } from "../cells/exact.js";
import type { ContestRun } from "../tasks/contest-run.js";
import { formatDecimalVi, formatInteger } from "../vn/format.js";
import { type AnnexDocument, type AnnexRow, officialAnnex, roman, totalAmountLine, twoDigits } from "./annex.js";

/** The prize list of a judged contest as the annex of its award decision. */
export function annexFromContest(run: ContestRun): AnnexDocument {
  const s = run.ledger.settings;
  const rows: AnnexRow[] = [];
  const named = run.result.categories.filter((c) => c.name !== "");
  let prizes = 0;
  let pending = 0;
  run.result.categories.forEach((c, ci) => {
    const winners = c.entries.filter((r) => r.award.kind !== "none");
    if (winners.length === 0) return;
    if (named.length > 0) rows.push({ kind: "section", text: `${roman(ci)}. HẠNG MỤC ${(c.name || "CHUNG").toLocaleUpperCase("vi")}` });
    const ordered = winners
      .map((r, i) => ({ r, i, level: r.award.kind === "prize" ? c.levels.indexOf(r.award.prize) : c.levels.length }))
      .sort((a, b) => a.level - b.level || a.i - b.i)
      .map((x) => x.r);
    ordered.forEach((r, i) => {
      if (r.award.kind === "prize") prizes++;
      else pending++;
      const unit = run.ledger.units.get(r.entry.unitKey)?.name ?? r.entry.unitCode;
      rows.push({
        kind: "item",
        cells: [
          String(i + 1),
          awardLabel(r.award),
          r.entry.title,
          r.entry.authors,
          unit,
          r.score === undefined ? "" : formatDecimalVi(toFixedText(r.score, s.decimals)),
          r.award.kind === "prize" ? formatInteger(awardAmount(r.award)) : "",
        ],
      });
    });
  });
  const total = run.result.totalAmount;
  rows.push({ kind: "total", cells: ["", "Tổng cộng", "", "", "", "", formatInteger(total)] });
  const totals = [`Tổng số: ${twoDigits(prizes)} giải${pending > 0 ? ` (chưa kể ${twoDigits(pending)} bài chờ Hội đồng quyết định)` : ""}.`, totalAmountLine(total, s.thousandWord)];
  const banner = run.errorCount > 0 ? provisionalBanner(run.errorCount) : pending > 0 ? `Còn ${pending} bài bằng điểm tại ranh giới giải chờ Hội đồng quyết định.` : undefined;
  return officialAnnex(s.organizer, {
    kind: "judged",
    subtitle: [`Các bài dự thi đạt giải ${s.name}${s.year ? ` năm ${s.year}` : ""}`],
    columns: [
      { header: "TT", width: 7, align: "center", nowrap: true },
      { header: "Giải", width: 12, align: "center", nowrap: true },
      { header: "Tên bài dự thi", width: 32, align: "left" },
      { header: "Tác giả", width: 19, align: "left" },
      { header: "Đơn vị", width: 19, align: "left" },
      { header: "Điểm", width: 11, align: "center", nowrap: true },
      { header: "Số tiền (đồng)", width: 16, align: "right", nowrap: true },
    ],
    rows,
    totals,
    banner,
  });
}

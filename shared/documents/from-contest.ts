import { provisionalBanner, awardLabel } from "../ledger/contest-outputs.js";
import { awardAmount } from "../scoring/contest-results.js";
import { toFixedText } from "../cells/exact.js";
import type { ContestRun } from "../tasks/contest-run.js";
import { formatDecimalVi, formatInteger } from "../vn/format.js";
import { type AnnexDocument, type AnnexRow, COUNCIL_REFERENCE, COUNCIL_SIGNATURE, nameWithYear, officialAnnex, roman, totalAmountLine, twoDigits } from "./annex.js";

/**
 * The prize list of a judged contest as the annex of its award decision, and the entries tied at a
 * prize boundary as a list for the council (never in the prize list). Nothing awarded and nothing
 * pending: no document.
 */
export function annexesFromContest(run: ContestRun): AnnexDocument[] {
  const prizes = prizeList(run);
  const council = councilList(run);
  return [...(prizes ? [prizes] : []), ...(council ? [council] : [])];
}

function prizeList(run: ContestRun): AnnexDocument | undefined {
  const s = run.ledger.settings;
  const rows: AnnexRow[] = [];
  const named = run.result.categories.filter((c) => c.name !== "");
  let prizes = 0;
  const pending = run.result.categories.reduce((n, c) => n + c.entries.filter((r) => r.award.kind === "pending").length, 0);
  run.result.categories.forEach((c, ci) => {
    const winners = c.entries.filter((r) => r.award.kind === "prize");
    if (winners.length === 0) return;
    if (named.length > 0) rows.push({ kind: "section", text: `${roman(ci)}. HẠNG MỤC ${(c.name || "CHUNG").toLocaleUpperCase("vi")}` });
    const ordered = winners
      .map((r, i) => ({ r, i, level: r.award.kind === "prize" ? c.levels.indexOf(r.award.prize) : c.levels.length }))
      .sort((a, b) => a.level - b.level || a.i - b.i)
      .map((x) => x.r);
    ordered.forEach((r, i) => {
      prizes++;
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
  if (prizes === 0) return undefined;
  const total = run.result.totalAmount;
  rows.push({ kind: "total", cells: ["", "Tổng cộng", "", "", "", "", formatInteger(total)] });
  const totals = [`Tổng số: ${twoDigits(prizes)} giải${pending > 0 ? ` (chưa kể ${twoDigits(pending)} bài chờ Hội đồng quyết định)` : ""}.`, totalAmountLine(total, s.thousandWord)];
  const banner = run.errorCount > 0 ? provisionalBanner(run.errorCount) : undefined;
  return officialAnnex(s.organizer, {
    kind: "judged",
    subtitle: [`Các bài dự thi đạt giải ${nameWithYear(s.name, s.year)}`],
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

/** Entries tied across a prize boundary under `Hội đồng quyết định`: what is at stake, and a column for the council's choice. */
function councilList(run: ContestRun): AnnexDocument | undefined {
  const s = run.ledger.settings;
  const rows: AnnexRow[] = [];
  for (const c of run.result.categories) {
    for (const r of c.entries) {
      if (r.award.kind !== "pending") continue;
      const stakes = r.award.atStake.map((l) => l.name).concat(r.award.mayGetNothing ? ["không giải"] : []);
      const unit = run.ledger.units.get(r.entry.unitKey)?.name ?? r.entry.unitCode;
      rows.push({ kind: "item", cells: [String(rows.length + 1), r.entry.title, unit, r.score === undefined ? "" : formatDecimalVi(toFixedText(r.score, s.decimals)), stakes.join(" / "), ""] });
    }
  }
  if (rows.length === 0) return undefined;
  return officialAnnex(s.organizer, {
    kind: "council",
    title: "DANH SÁCH TRÌNH HỘI ĐỒNG",
    reference: COUNCIL_REFERENCE.replace("Hội đồng Thi đua - Khen thưởng", "Hội đồng giám khảo"),
    subtitle: [`Các bài dự thi bằng điểm tại ranh giới giải ${nameWithYear(s.name, s.year)}`],
    columns: [
      { header: "TT", width: 6, align: "center", nowrap: true },
      { header: "Tên bài dự thi", width: 34, align: "left" },
      { header: "Đơn vị", width: 20, align: "left" },
      { header: "Điểm", width: 10, align: "center", nowrap: true },
      { header: "Giải có thể trao", width: 14, align: "center" },
      { header: "Quyết định của Hội đồng", width: 16, align: "left" },
    ],
    rows,
    totals: [`Tổng số: ${twoDigits(rows.length)} bài chờ Hội đồng quyết định.`],
    banner: undefined,
    signature: { ...COUNCIL_SIGNATURE, authority: "TM. HỘI ĐỒNG GIÁM KHẢO" },
    recipients: [],
  });
}

import { provisionalBanner, awardLabel } from "../ledger/contest-outputs.js";
import { awardAmount } from "../scoring/contest-results.js";
import { toFixedText } from "../cells/exact.js";
import type { ContestRun } from "../tasks/contest-run.js";
import { formatDecimalVi, formatInteger } from "../vn/format.js";
import { amountInWords } from "../vn/words.js";
import { certificatePaper } from "./certificates.js";
import { decisionPaper } from "./letters.js";
import { type DocumentSet, type Paper, listPaper } from "./paper.js";
import { type AnnexDocument, type AnnexRow, BLANK, COUNCIL_SIGNATURE, councilReference, contestTitle, nameWithYear, officialAnnex, roman, totalAmountLine, twoDigits } from "./annex.js";

/**
 * The prize list of a judged contest as the annex of its award decision, and the entries tied at a
 * prize boundary as a list for the council (never in the prize list). Nothing awarded and nothing
 * pending: no document. The lists are computed once.
 */
export function contestDocuments(run: ContestRun): DocumentSet {
  const list = prizeList(run);
  const council = councilList(run);
  return { annexes: [...(list ? [list] : []), ...(council ? [council] : [])], papers: papersOf(run, list, council), certificates: certificatesOf(run) };
}

/** The decision awarding the prizes and its list, then the council's list of ties (when any). */
function papersOf(run: ContestRun, list: AnnexDocument | undefined, council: AnnexDocument | undefined): Paper[] {
  const s = run.ledger.settings;
  const papers: Paper[] = [];
  if (list) {
    const contest = contestTitle(s.name, s.year);
    const counts = prizeCounts(run);
    const total = run.result.totalAmount;
    const articles = [
      `Trao giải ${contest} cho ${twoDigits(counts.total)} bài dự thi (có danh sách kèm theo), gồm: ${counts.text}.`,
      `Tổng số tiền thưởng: ${formatInteger(total)} đồng (Bằng chữ: ${amountInWords(total, s.thousandWord)}), từ nguồn kinh phí ${BLANK}.`,
    ];
    papers.push(decisionPaper({ organizer: s.organizer, subject: `Về việc trao giải ${contest}`, articles }), listPaper(list));
  }
  if (council) papers.push(listPaper(council));
  return papers;
}

/** “01 giải Nhất, 01 giải Nhì, 02 giải Ba”: prizes in the order of `Cơ cấu giải`. */
function prizeCounts(run: ContestRun): { total: number; text: string } {
  const byName = new Map<string, number>();
  for (const c of run.result.categories) for (const r of c.entries) if (r.award.kind === "prize") byName.set(r.award.prize.name, (byName.get(r.award.prize.name) ?? 0) + 1);
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  return { total, text: [...byName].map(([name, n]) => `${twoDigits(n)} giải ${name}`).join(", ") };
}

/** A Giấy khen per prize-winning entry, to its authors, for the organizer's head to sign. */
function certificatesOf(run: ContestRun): Paper[] {
  const s = run.ledger.settings;
  const contest = contestTitle(s.name, s.year);
  return run.result.categories.flatMap((c) =>
    c.entries.flatMap((r) => {
      if (r.award.kind !== "prize") return [];
      const unit = run.ledger.units.get(r.entry.unitKey)?.name ?? r.entry.unitCode;
      const achievement = `Đã đạt giải ${r.award.prize.name}${c.name ? ` (hạng mục ${c.name})` : ""} ${contest} với bài dự thi “${r.entry.title}”`;
      return [certificatePaper({ organizer: s.organizer, form: "Giấy khen", recipient: r.entry.authors || unit, unit: r.entry.authors ? unit : "", achievement })];
    }),
  );
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
    reference: councilReference("Hội đồng giám khảo"),
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

import { countsText, unitNameOf } from "../emulation/outputs.js";
import type { CandidateResult } from "../emulation/evaluate.js";
import type { EmulationRun } from "../emulation/run.js";
import { provisionalBanner } from "../ledger/contest-outputs.js";
import { toPlainText } from "../cells/exact.js";
import { formatDecimalVi, formatInteger } from "../vn/format.js";
import {
  type AnnexColumn,
  type AnnexDocument,
  type AnnexRow,
  COUNCIL_REFERENCE,
  COUNCIL_SIGNATURE,
  nameWithYear,
  PROPOSAL_RECIPIENTS,
  officialAnnex,
  proposalReference,
  roman,
  totalAmountLine,
  twoDigits,
} from "./annex.js";
import { authorityOf } from "./authority.js";

const SECTION: Record<"collective" | "individual", string> = { collective: "TẬP THỂ", individual: "CÁ NHÂN" };

/**
 * The review's documents, one per issuing authority and level: the organizer's own awards as the
 * annex of its decision, awards of a higher level as a proposal (“DANH SÁCH ĐỀ NGHỊ”) to that
 * authority, and every case left to the council in one list for its meeting, never in an awarded
 * list. Levels with nobody awarded or proposed are left out.
 */
export function annexesFromEmulation(run: EmulationRun): AnnexDocument[] {
  const levels = new Map<string, { level: string; authority: string | undefined }>();
  for (const q of run.result.quotas) if (!levels.has(q.quota.levelKey)) levels.set(q.quota.levelKey, { level: q.quota.level, authority: q.quota.authority });
  const lists = [...levels].flatMap(([levelKey, { level, authority }]) => {
    const annex = levelAnnex(run, levelKey, level, authority);
    return annex === undefined ? [] : [annex];
  });
  const council = councilList(run);
  return council === undefined ? lists : [...lists, council];
}

type Listed = { readonly r: CandidateResult; readonly amount: bigint | undefined };

function levelColumns(withMoney: boolean): AnnexColumn[] {
  return [
    { header: "TT", width: 7, align: "center", nowrap: true },
    { header: "Tên tập thể, cá nhân", width: 34, align: "left" },
    { header: "Đơn vị", width: 28, align: "left" },
    { header: "Điểm", width: 10, align: "center", nowrap: true },
    ...(withMoney ? [{ header: "Số tiền (đồng)", width: 16, align: "right" as const, nowrap: true }] : []),
    { header: "Ghi chú", width: withMoney ? 12 : 20, align: "left" },
  ];
}

/** One level's awardees: a section per type (collectives, then individuals), numbered, with totals. */
function levelAnnex(run: EmulationRun, levelKey: string, level: string, explicitAuthority: string | undefined): AnnexDocument | undefined {
  const { ledger, result } = run;
  const s = ledger.settings;
  const quotas = result.quotas.filter((q) => q.quota.levelKey === levelKey);
  const awarded: Listed[] = quotas.flatMap((q) => q.listed.filter((r) => r.outcome === "awarded").map((r) => ({ r, amount: q.quota.amount })));
  if (awarded.length === 0) return undefined;
  const withMoney = quotas.some((q) => q.quota.amount !== undefined);
  const rows: AnnexRow[] = [];
  let section = 0;
  for (const type of ["collective", "individual"] as const) {
    const ofType = awarded.filter((x) => x.r.candidate.type === type);
    if (ofType.length === 0) continue;
    rows.push({ kind: "section", text: `${roman(section++)}. ${SECTION[type]} (${twoDigits(ofType.length)})` });
    ofType.forEach(({ r, amount }, i) => {
      const c = r.candidate;
      const money = withMoney ? [amount !== undefined ? formatInteger(amount) : ""] : [];
      rows.push({ kind: "item", cells: [String(i + 1), c.name, unitNameOf(ledger, c), c.score === undefined ? "" : formatDecimalVi(toPlainText(c.score)), ...money, r.tied ? "đồng hạng" : ""] });
    });
  }
  const total = awarded.reduce((sum, x) => sum + (x.amount ?? 0n), 0n);
  const totals = [`Tổng số: ${countsText(awarded.map((x) => x.r))}.`];
  if (withMoney) {
    rows.push({ kind: "total", cells: ["", "Tổng cộng", "", "", formatInteger(total), ""] });
    totals.push(totalAmountLine(total, s.thousandWord));
  }
  const banner = run.errorCount > 0 ? provisionalBanner(run.errorCount) : undefined;
  const movement = s.name ? [nameWithYear(s.name, s.year)] : [];
  const authority = authorityOf(level, s.organizer, explicitAuthority);
  const form = level.trim() || "…";
  if (authority.kind === "higher") {
    const subtitle = [`Tập thể, cá nhân đề nghị ${authority.name} tặng ${form}`, ...movement];
    return officialAnnex(s.organizer, {
      kind: "emulation",
      title: "DANH SÁCH ĐỀ NGHỊ",
      reference: proposalReference(s.organizer),
      recipients: PROPOSAL_RECIPIENTS,
      subtitle,
      columns: levelColumns(withMoney),
      rows,
      totals,
      banner,
    });
  }
  return officialAnnex(s.organizer, { kind: "emulation", subtitle: [`Tập thể, cá nhân được tặng ${form}`, ...movement], columns: levelColumns(withMoney), rows, totals, banner });
}

/** Every case tied at a quota's edge, for the council's meeting: no number in an awarded list, a column for its decision. */
function councilList(run: EmulationRun): AnnexDocument | undefined {
  const { ledger, result } = run;
  const s = ledger.settings;
  const pending = result.quotas.flatMap((q) => q.listed.filter((r) => r.outcome === "pending").map((r) => ({ r, level: q.quota.level })));
  if (pending.length === 0) return undefined;
  const rows: AnnexRow[] = pending.map(({ r, level }, i) => ({
    kind: "item",
    cells: [
      String(i + 1),
      r.candidate.name,
      unitNameOf(ledger, r.candidate),
      level,
      r.candidate.score === undefined ? "" : formatDecimalVi(toPlainText(r.candidate.score)),
      `Còn ${r.seatsAtStake ?? 0} suất`,
      "",
    ],
  }));
  return officialAnnex(s.organizer, {
    kind: "council",
    title: "DANH SÁCH TRÌNH HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    reference: COUNCIL_REFERENCE,
    subtitle: ["Tập thể, cá nhân bằng điểm tại ranh giới chỉ tiêu", ...(s.name ? [nameWithYear(s.name, s.year)] : [])],
    columns: [
      { header: "TT", width: 6, align: "center", nowrap: true },
      { header: "Tên tập thể, cá nhân", width: 26, align: "left" },
      { header: "Đơn vị", width: 20, align: "left" },
      { header: "Đề nghị", width: 18, align: "left" },
      { header: "Điểm", width: 9, align: "center", nowrap: true },
      { header: "Chỉ tiêu", width: 10, align: "center" },
      { header: "Ý kiến Hội đồng", width: 16, align: "left" },
    ],
    rows,
    totals: [`Tổng số: ${countsText(pending.map((x) => x.r))} chờ Hội đồng quyết định.`],
    banner: undefined,
    signature: COUNCIL_SIGNATURE,
    recipients: [],
  });
}

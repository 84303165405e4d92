import { countsText, listNote, pendingBanner, unitNameOf } from "../emulation/outputs.js";
import type { CandidateResult } from "../emulation/evaluate.js";
import type { EmulationRun } from "../emulation/run.js";
import { provisionalBanner } from "../ledger/contest-outputs.js";
import { toPlainText } from "../cells/exact.js";
import { formatDecimalVi, formatInteger } from "../vn/format.js";
import { type AnnexColumn, type AnnexDocument, type AnnexRow, officialAnnex, roman, totalAmountLine, twoDigits } from "./annex.js";

const SECTION: Record<"collective" | "individual", string> = { collective: "TẬP THỂ", individual: "CÁ NHÂN" };

/** One annex per award level (`Cấp khen`): each level is its own decision. Levels with nobody listed are left out. */
export function annexesFromEmulation(run: EmulationRun): AnnexDocument[] {
  const levels = new Map<string, string>();
  for (const q of run.result.quotas) if (!levels.has(q.quota.levelKey)) levels.set(q.quota.levelKey, q.quota.level);
  return [...levels].flatMap(([levelKey, level]) => {
    const annex = levelAnnex(run, levelKey, level);
    return annex === undefined ? [] : [annex];
  });
}

type Listed = { readonly r: CandidateResult; readonly amount: bigint | undefined };

function levelColumns(withMoney: boolean): AnnexColumn[] {
  return [
    { header: "TT", width: 7, align: "center", nowrap: true },
    { header: "Tên tập thể, cá nhân", width: 32, align: "left" },
    { header: "Đơn vị", width: 24, align: "left" },
    { header: "Điểm", width: 11, align: "center", nowrap: true },
    ...(withMoney ? [{ header: "Số tiền (đồng)", width: 16, align: "right" as const, nowrap: true }] : []),
    { header: "Ghi chú", width: withMoney ? 17 : 24, align: "left" },
  ];
}

/** The annex of one level: a section per type (collectives, then individuals), numbered awardees, totals and banner. */
function levelAnnex(run: EmulationRun, levelKey: string, level: string): AnnexDocument | undefined {
  const { ledger, result } = run;
  const s = ledger.settings;
  const quotas = result.quotas.filter((q) => q.quota.levelKey === levelKey);
  const listed: Listed[] = quotas.flatMap((q) => q.listed.map((r) => ({ r, amount: q.quota.amount })));
  if (listed.length === 0) return undefined;
  const withMoney = quotas.some((q) => q.quota.amount !== undefined);
  const rows: AnnexRow[] = [];
  let section = 0;
  for (const type of ["collective", "individual"] as const) {
    const ofType = listed.filter((x) => x.r.candidate.type === type);
    if (ofType.length === 0) continue;
    const count = ofType.filter((x) => x.r.outcome === "awarded").length;
    rows.push({ kind: "section", text: `${roman(section++)}. ${SECTION[type]} (${twoDigits(count)})` });
    let tt = 0;
    for (const { r, amount } of ofType) {
      const isAwarded = r.outcome === "awarded";
      const c = r.candidate;
      const money = withMoney ? [isAwarded && amount !== undefined ? formatInteger(amount) : ""] : [];
      rows.push({
        kind: "item",
        cells: [isAwarded ? String(++tt) : "", c.name, unitNameOf(ledger, c), c.score === undefined ? "" : formatDecimalVi(toPlainText(c.score)), ...money, listNote(r)],
      });
    }
  }
  const awarded = listed.filter((x) => x.r.outcome === "awarded" && (x.r.candidate.type === "collective" || x.r.candidate.type === "individual"));
  const total = awarded.reduce((sum, x) => sum + (x.amount ?? 0n), 0n);
  const totals = [`Tổng số: ${countsText(awarded.map((x) => x.r))}.`];
  if (withMoney) {
    rows.push({ kind: "total", cells: ["", "Tổng cộng", "", "", formatInteger(total), ""] });
    totals.push(totalAmountLine(total, s.thousandWord));
  }
  const pending = listed.filter((x) => x.r.outcome === "pending").length;
  const banner = run.errorCount > 0 ? provisionalBanner(run.errorCount) : pending > 0 ? pendingBanner(pending) : undefined;
  const subtitle = [`Tập thể, cá nhân được tặng ${level.trim() || "…"}`, ...(s.name ? [`${s.name}${s.year ? ` năm ${s.year}` : ""}`] : [])];
  return officialAnnex(s.organizer, { kind: "emulation", subtitle, columns: levelColumns(withMoney), rows, totals, banner });
}

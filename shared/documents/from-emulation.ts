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
  const { ledger, result } = run;
  const s = ledger.settings;
  const levels = new Map<string, string>();
  for (const q of result.quotas) if (!levels.has(q.quota.levelKey)) levels.set(q.quota.levelKey, q.quota.level);
  const annexes: AnnexDocument[] = [];
  for (const [levelKey, level] of levels) {
    const quotas = result.quotas.filter((q) => q.quota.levelKey === levelKey);
    const listed = quotas.flatMap((q) => q.listed.map((r) => ({ r, amount: q.quota.amount })));
    if (listed.length === 0) continue;
    const withMoney = quotas.some((q) => q.quota.amount !== undefined);
    const columns: AnnexColumn[] = [
      { header: "TT", width: 7, align: "center" },
      { header: "Tên tập thể, cá nhân", width: 32, align: "left" },
      { header: "Đơn vị", width: 24, align: "left" },
      { header: "Điểm", width: 11, align: "center" },
      ...(withMoney ? [{ header: "Số tiền (đồng)", width: 16, align: "right" as const }] : []),
      { header: "Ghi chú", width: withMoney ? 17 : 24, align: "left" },
    ];
    const rows: AnnexRow[] = [];
    let total = 0n;
    const awarded: CandidateResult[] = [];
    let section = 0;
    for (const type of ["collective", "individual"] as const) {
      const ofType = listed.filter((x) => x.r.candidate.type === type);
      if (ofType.length === 0) continue;
      const count = ofType.filter((x) => x.r.outcome === "awarded").length;
      rows.push({ kind: "section", text: `${roman(section++)}. ${SECTION[type]} (${twoDigits(count)})` });
      let tt = 0;
      for (const { r, amount } of ofType) {
        const isAwarded = r.outcome === "awarded";
        if (isAwarded) {
          awarded.push(r);
          total += amount ?? 0n;
        }
        const c = r.candidate;
        rows.push({
          kind: "item",
          cells: [
            isAwarded ? String(++tt) : "",
            c.name,
            unitNameOf(ledger, c),
            c.score === undefined ? "" : formatDecimalVi(toPlainText(c.score)),
            ...(withMoney ? [isAwarded && amount !== undefined ? formatInteger(amount) : ""] : []),
            listNote(r),
          ],
        });
      }
    }
    const totals = [`Tổng số: ${countsText(awarded)}.`];
    if (withMoney) {
      rows.push({ kind: "total", cells: ["", "Tổng cộng", "", "", formatInteger(total), ""] });
      totals.push(totalAmountLine(total, s.thousandWord));
    }
    const pending = listed.filter((x) => x.r.outcome === "pending").length;
    const banner = run.errorCount > 0 ? provisionalBanner(run.errorCount) : pending > 0 ? pendingBanner(pending) : undefined;
    annexes.push(
      officialAnnex(s.organizer, {
        kind: "emulation",
        subtitle: [`Tập thể, cá nhân được tặng ${level.trim() || "…"}`, ...(s.name ? [`${s.name}${s.year ? ` năm ${s.year}` : ""}`] : [])],
        columns,
        rows,
        totals,
        banner,
      }),
    );
  }
  return annexes;
}


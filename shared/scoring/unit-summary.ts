import type { ContestLedger, Unit } from "../ledger/model.js";
import { awardAmount, type ContestResult } from "./contest-results.js";

export interface UnitSummary {
  readonly unit: Unit;
  /** Entries on the list, withdrawn ones excepted. */
  readonly submitted: number;
  /** Entries with a valid status received inside the window. */
  readonly valid: number;
  readonly meetsQuota: boolean;
  readonly prizes: number;
  readonly amount: bigint;
}

/** The group of entries that belong to no unit (citizens, businesses): listed last, with no quota. */
export const NO_UNIT: Unit = { key: "", code: "", name: "Không thuộc đơn vị (người dân, doanh nghiệp)", group: "", mandatory: false, quota: 0, email: "", row: 0 };

/** Compliance of each unit against its quota, and what it won; entries without a unit as a group of their own, last. */
export function summariseUnits(ledger: ContestLedger, result: ContestResult): UnitSummary[] {
  const { opens, closes } = ledger.settings;
  const counts = new Map<string, { submitted: number; valid: number; prizes: number; amount: bigint }>();
  const units = [...ledger.units.values()];
  if ([...ledger.entries.values()].some((e) => e.unitKey === "")) units.push(NO_UNIT);
  for (const unit of units) counts.set(unit.key, { submitted: 0, valid: 0, prizes: 0, amount: 0n });
  for (const entry of ledger.entries.values()) {
    const c = counts.get(entry.unitKey);
    if (c === undefined || entry.status === "withdrawn") continue;
    c.submitted++;
    const inWindow =
      (opens === undefined && closes === undefined) || (entry.received !== undefined && (opens === undefined || entry.received >= opens) && (closes === undefined || entry.received <= closes));
    if (entry.status === "valid" && inWindow) c.valid++;
  }
  for (const category of result.categories) {
    for (const r of category.entries) {
      const c = counts.get(r.entry.unitKey);
      if (c === undefined || r.award.kind !== "prize") continue;
      c.prizes++;
      c.amount += awardAmount(r.award);
    }
  }
  return units.map((unit) => {
    const c = counts.get(unit.key)!;
    return { unit, submitted: c.submitted, valid: c.valid, meetsQuota: c.valid >= unit.quota, prizes: c.prizes, amount: c.amount };
  });
}

import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { plainSheet } from "./cli-books.js";
import { scoredDemoSheets } from "./cli-ledgers.js";
import { addDefinedNames } from "./cli-xml.js";

/**
 * Untrusted workbooks: property names of `Object.prototype` used as sheet names, headers, setting
 * keys, codes and categories, and defined names aimed at a sheet called `__proto__`.
 */

export const HOSTILE_ENTRIES = ["__proto__", "constructor"] as const;
export const HOSTILE_JUDGE = "__proto__";
export const HOSTILE_SHEETS = ["__proto__", "constructor"];

const extraHeaders = ["__proto__", "constructor"];
const scoresOf = (base: number): number[] => [base, base, base, 8];

/** The scored demo ledger, with hostile names wherever a user's text can go. */
export function hostileLedgerSheets(): OutputSheet[] {
  const sheets = scoredDemoSheets((rows) => {
    rows.get("Cuộc thi")!.push(["__proto__", '{"polluted":"yes"}'], ["constructor", "prototype"], ["hasOwnProperty", 1]);
    const units = rows.get("Đơn vị")!;
    units[0]!.push("__proto__");
    units.push(["__proto__", "Đơn vị __proto__", "Xã", "Có", 1, 5, "", "polluted"], ["constructor", "Đơn vị constructor", "Xã", "Không", 0, 5, "", "polluted"]);
    const entries = rows.get("Bài dự thi")!;
    entries[0]!.push(...extraHeaders);
    entries.push(
      ["__proto__", "Bài __proto__", "__proto__", "__proto__", "Tác giả __proto__", "Cá nhân", "01/10/2020", "Khác", "Hợp lệ", null, "polluted", "polluted"],
      ["constructor", "Bài constructor", "__proto__", "constructor", "Tác giả constructor", "Tập thể", "02/10/2020", "Khác", "Hợp lệ", null, "polluted", "polluted"],
    );
    rows.get("Giám khảo")!.push([HOSTILE_JUDGE, "Giám khảo __proto__", "constructor", "", null]);
    const scores = rows.get("Điểm")!;
    scores[0]!.push(...extraHeaders);
    for (const judge of ["GK1", "GK2", "GK3"]) {
      HOSTILE_ENTRIES.forEach((entry, i) => scores.push([entry, judge, null, ...scoresOf(20 + i), "polluted", "polluted"]));
    }
    rows.get("Cơ cấu giải")!.push(["__proto__", "Nhất", 1, 1_000_000]);
  });
  return [
    ...sheets,
    ...HOSTILE_SHEETS.map((name) =>
      plainSheet(name, [
        ["__proto__", "constructor", "prototype"],
        ["__proto__", "constructor", 1],
      ]),
    ),
  ];
}

/** Defined names that made ExcelJS 4.4 write into `Object.prototype` (and into `Object`) on load. */
export async function poisonDefinedNames(file: string): Promise<void> {
  await addDefinedNames(file, [
    { name: "o_nguy_hiem", ref: "'__proto__'!$C$3" },
    { name: "o_constructor", ref: "constructor!$B$2:$C$4" },
    { name: "__proto__", ref: "'Cuộc thi'!$A$1" },
    { name: "constructor", ref: "'Cuộc thi'!$A$2" },
  ]);
}

/** Own keys of the built-ins a pollution would touch, to compare before and after. */
export function builtinsSnapshot(): Record<string, string[]> {
  const targets: Record<string, object> = {
    "Object.prototype": Object.prototype,
    Object,
    "Array.prototype": Array.prototype,
    "Function.prototype": Function.prototype,
    "Map.prototype": Map.prototype,
    "String.prototype": String.prototype,
    "Object.prototype.toString": Object.prototype.toString,
  };
  return Object.fromEntries(Object.entries(targets).map(([name, o]) => [name, Reflect.ownKeys(o).map(String).sort()]));
}

/** Properties a fresh empty object appears to have (none, unless something was polluted). */
export function inheritedEnumerableKeys(): string[] {
  const keys: string[] = [];
  const empty: Record<string, unknown> = {};
  for (const k in empty) keys.push(k);
  return keys;
}

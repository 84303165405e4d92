import type { Cell, Grid } from "../../shared/cells/cell.js";
import { type Problem, SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import type { EntryResult } from "../../shared/scoring/contest-results.js";
import type { ContestRun } from "../../shared/tasks/contest-run.js";

/**
 * A small, clean judged contest for the reading tests: two units, two entries, two judges, two
 * criteria (ND max 10 weight 1, HT max 10 weight 2), every score present, one prize.
 * With these scores SK01 totals 8+2·9 = 26 and 9+2·8 = 25 (mean 25.5); SK02 totals 20 and 22 (mean 21).
 */
export function cleanLedger(): Map<string, Grid> {
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      [
        ["Mục", "Giá trị"],
        ["Tên cuộc thi", "Hội thi thử"],
      ],
    ],
    [
      "Đơn vị",
      [
        ["Mã đơn vị", "Tên đơn vị"],
        ["U1", "Đơn vị Một"],
        ["U2", "Đơn vị Hai"],
      ],
    ],
    [
      "Bài dự thi",
      [
        ["Mã bài", "Tên bài", "Mã đơn vị"],
        ["SK01", "Bài một", "U1"],
        ["SK02", "Bài hai", "U2"],
      ],
    ],
    [
      "Giám khảo",
      [
        ["Mã GK", "Họ tên"],
        ["GK1", "Giám khảo Một"],
        ["GK2", "Giám khảo Hai"],
      ],
    ],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Hệ số"],
        ["ND", "Nội dung", 10, 1],
        ["HT", "Hình thức", 10, 2],
      ],
    ],
    [
      "Điểm",
      [
        ["Mã bài", "Mã GK", "ND", "HT"],
        ["SK01", "GK1", 8, 9],
        ["SK01", "GK2", 9, 8],
        ["SK02", "GK1", 6, 7],
        ["SK02", "GK2", 8, 7],
      ],
    ],
    [
      "Cơ cấu giải",
      [
        ["Giải", "Số lượng", "Mức thưởng"],
        ["Nhất", 1, 1_000_000],
      ],
    ],
  ]);
}

/** The clean ledger with one sheet replaced (under the same name unless `as` renames it). */
export function ledgerWith(sheet: string, grid: Grid, as: string = sheet): Map<string, Grid> {
  const sheets = cleanLedger();
  sheets.delete(sheet);
  sheets.set(as, grid);
  return sheets;
}

/** The settings sheet from key/value pairs under the standard header. */
export function settingsGrid(pairs: readonly (readonly [Cell, Cell])[]): Grid {
  return [["Mục", "Giá trị"], ...pairs.map(([k, v]) => [k, v])];
}

/** Every problem reported at an address such as `Điểm!D7`. */
export function problemsAt(run: { problems: readonly Problem[] }, address: string): Problem[] {
  return run.problems.filter((p) => problemAddress(p) === address);
}

/** The single error at an address; fails loudly when there is none or several. */
export function errorAt(run: { problems: readonly Problem[] }, address: string): Problem {
  const found = problemsAt(run, address).filter((p) => p.severity === "error");
  if (found.length !== 1) {
    const all = run.problems.map((p) => `${problemAddress(p)} ${p.severity} ${p.text.vi}`).join("\n");
    throw new Error(`expected exactly one error at ${address}, found ${found.length}; all problems:\n${all}`);
  }
  return found[0]!;
}

export function errorsOf(run: { problems: readonly Problem[] }): Problem[] {
  return run.problems.filter((p) => p.severity === "error");
}

/** Problems as a secretariat reads them: `Lỗi|Cảnh báo  sheet!cell  message`. */
export function describeProblems(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${SEVERITY_LABEL[p.severity].vi}  ${problemAddress(p)}  ${p.text.vi}`);
}

export function entryResult(run: ContestRun, code: string): EntryResult {
  const found = run.result.categories.flatMap((c) => c.entries).find((r) => r.entry.code === code);
  if (found === undefined) throw new Error(`no result for entry ${code}`);
  return found;
}

/** Days since 1970-01-01 of a calendar date, computed independently of the code under test. */
export function calendarDay(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** A copy of a sheet map that keeps Dates as Dates, to prove the input was not modified. */
export function snapshot(sheets: ReadonlyMap<string, Grid | undefined>): Map<string, Grid | undefined> {
  return structuredClone(new Map(sheets));
}

/** Letters that only Vietnamese text carries: a message in Vietnamese has at least one. */
export const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

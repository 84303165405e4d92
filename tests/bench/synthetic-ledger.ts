import type { Cell } from "../../shared/cells/cell.js";
import { dateOfDay, dayFromParts } from "../../shared/cells/date.js";
import type { OutputSheet } from "../../shared/ledger/output-sheet.js";
import { CRITERIA_SHEET, ENTRIES_SHEET, JUDGES_SHEET, PRIZES_SHEET, SCORES_SHEET, UNITS_SHEET } from "../../shared/ledger/schema.js";
import { inputSheet } from "../../shared/samples/sheet-builder.js";
import { SEED_000_PRIZES, templateSheets } from "../../shared/samples/templates.js";
import { Prng } from "./prng.js";

export interface LedgerSize {
  readonly units: number;
  readonly entries: number;
  readonly judges: number;
}

/** The benchmark's ledger: 200 units, 5,000 entries, 9 judges; with the 5 criteria, 45,000 score rows (one per entry and judge). */
export const BENCH_SIZE: LedgerSize = { units: 200, entries: 5000, judges: 9 };

export interface SyntheticLedger {
  readonly sheets: OutputSheet[];
  readonly criteria: number;
  readonly scoreRows: number;
  /** Entry codes made to tie exactly on every criterion, in pairs. */
  readonly twins: readonly (readonly [string, string])[];
  /** Score cells deliberately left blank, out of range or not a number. */
  readonly badCells: number;
}

type Row = Cell[];

/** Five criteria; the last one weighs 0,5 so the weighted maximum is 100 and totals are not whole numbers. */
const CRITERIA: readonly Row[] = [
  ["TC1", "Tính mới, sáng tạo của sáng kiến, giải pháp", 30, 1, null],
  ["TC2", "Khả năng áp dụng vào thực tiễn", 25, 1, null],
  ["TC3", "Hiệu quả mang lại cho cơ quan, người dân, doanh nghiệp", 25, 1, null],
  ["TC4", "Hình thức trình bày, lập luận", 10, 1, null],
  ["TC5", "Phạm vi ảnh hưởng, khả năng nhân rộng", 20, "0,5", null],
];
const MAXES: readonly number[] = CRITERIA.map((r) => r[2] as number);

const UNIT_KINDS: readonly (readonly [string, string])[] = [
  ["UBND xã", "Xã"],
  ["UBND phường", "Xã"],
  ["Phòng", "Phòng, ban"],
  ["Trường THCS", "Đơn vị sự nghiệp"],
  ["Trạm Y tế", "Đơn vị sự nghiệp"],
];
const PLACES = ["Long Tân", "Long Hưng", "Phú Riềng", "Bình Tân", "Phước Tân", "Bù Nho", "Phú Trung", "Long Bình", "Long Hà", "Đồng Xoài"];
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"];
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Thảo", "Trang", "Tuấn"];
const ACTIONS = ["Số hóa", "Chuẩn hóa", "Rút ngắn thời gian giải quyết", "Công khai", "Tin học hóa", "Liên thông", "Đơn giản hóa", "Tuyên truyền"];
const OBJECTS = ["hồ sơ một cửa", "thủ tục chứng thực", "sổ hộ tịch", "thủ tục đăng ký cư trú", "quy trình tiếp công dân", "báo cáo định kỳ", "thủ tục đất đai", "phiếu đánh giá sự hài lòng"];
const FIELDS = ["Hiện đại hóa hành chính", "Cải cách thủ tục hành chính", "Cải cách tài chính công", "Chính quyền điện tử", "Văn hóa công vụ", "Khác"];

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const unitCode = (i: number): string => `DV${pad(i + 1, 3)}`;
const entryCode = (i: number): string => `SK${pad(i + 1, 4)}`;
const judgeCode = (j: number): string => `GK${j + 1}`;
const day2020 = (m: number, d: number): Date => dateOfDay(dayFromParts(2020, m, d)!);
const halfSteps = (x: number): number => Math.round(x * 2) / 2;

function personName(rng: Prng): string {
  return `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}

const isMandatory = (i: number, units: number): boolean => i < Math.floor(units * 0.75);
/** Mandatory units that submit nothing: they show up below quota in `Tổng hợp đơn vị`. */
const isSilent = (i: number, units: number): boolean => i % 40 === 10 && isMandatory(i, units);

function unitRows(count: number, rng: Prng): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, group] = UNIT_KINDS[i % UNIT_KINDS.length]!;
    const place = PLACES[Math.floor(i / UNIT_KINDS.length) % PLACES.length]!;
    const round = Math.floor(i / (UNIT_KINDS.length * PLACES.length));
    const mandatory = isMandatory(i, count);
    rows.push([
      unitCode(i),
      `${kind} ${place}${round > 0 ? ` ${round + 1}` : ""}`,
      group,
      mandatory ? "Có" : "Không",
      mandatory ? rng.int(1, 2) : 0,
      rng.int(6, 90),
      `dv${pad(i + 1, 3)}@thidua.example.vn`,
    ]);
  }
  return rows;
}

/** Receipt date: mostly inside seed 000's window (15/08–10/10/2020), a few late, a few missing. */
function receivedDate(rng: Prng): Date | null {
  const r = rng.next();
  if (r < 0.002) return null;
  if (r < 0.006) return day2020(10, rng.int(11, 20));
  const offset = rng.int(0, 56);
  return offset <= 16 ? day2020(8, 15 + offset) : offset <= 46 ? day2020(9, offset - 16) : day2020(10, offset - 46);
}

function statusText(rng: Prng): string | null {
  const r = rng.next();
  if (r < 0.01) return "Rút";
  if (r < 0.02) return "Không hợp lệ";
  if (r < 0.025) return null;
  return "Hợp lệ";
}

/** Cells a secretariat would have to fix: blank, out of range, not a number (0-based entry, judge, criterion). */
interface BadCell {
  readonly entry: number;
  readonly judge: number;
  readonly criterion: number;
  readonly value: Cell;
}
const BAD_CELLS: readonly BadCell[] = [
  { entry: 99, judge: 4, criterion: 1, value: null },
  { entry: 1999, judge: 6, criterion: 0, value: 31 },
  { entry: 3499, judge: 1, criterion: 3, value: "tám" },
];

/** Judges 1–3 work in units 1–3: they are sent their own units' entries too, which the tally excludes. */
const HOME_JUDGES = 3;

function judgeRows(count: number): Row[] {
  return Array.from({ length: count }, (_, j) => {
    const name = `${FAMILY[j % FAMILY.length]} ${MIDDLE[(j * 3) % MIDDLE.length]} ${GIVEN[(j * 5) % GIVEN.length]}`;
    return [judgeCode(j), name, j < HOME_JUDGES ? unitCode(j) : "", `gk${j + 1}@thidua.example.vn`, null];
  });
}

interface EntryRows {
  readonly rows: Row[];
  /** 0-based unit of each entry. */
  readonly unitOf: number[];
}

function entryRows(size: LedgerSize, rng: Prng): EntryRows {
  const submitting = Array.from({ length: size.units }, (_, i) => i).filter((i) => !isSilent(i, size.units));
  const unitOf: number[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < size.entries; i++) {
    const unit = rng.pick(submitting);
    unitOf.push(unit);
    const individual = rng.chance(0.7);
    rows.push([
      entryCode(i),
      `${rng.pick(ACTIONS)} ${rng.pick(OBJECTS)} (${i + 1})`,
      null,
      unitCode(unit),
      individual ? personName(rng) : `Tập thể ${unitCode(unit)}`,
      individual ? "Cá nhân" : "Tập thể",
      receivedDate(rng),
      rng.pick(FIELDS),
      statusText(rng),
      rng.chance(0.03) ? "Nộp bản giấy" : null,
    ]);
  }
  return { rows, unitOf };
}

/** Criterion scores per entry and judge: a latent quality, a per-judge leniency and noise, in half points. */
function scoreMatrix(size: LedgerSize, rng: Prng): number[][][] {
  const bias = Array.from({ length: size.judges }, () => rng.between(-0.06, 0.06));
  const matrix: number[][][] = [];
  for (let i = 0; i < size.entries; i++) {
    const quality = rng.between(0.3, 0.9);
    matrix.push(bias.map((b) => MAXES.map((max) => Math.min(max, Math.max(0, halfSteps(max * (quality + b + rng.between(-0.08, 0.08))))))));
  }
  return matrix;
}

/**
 * Exact ties: a pair at the top (sharing the first prize) and pairs further down, among valid,
 * in-time entries that no judge has a conflict with and that hold no deliberate bad cell.
 */
function plantTwins(matrix: number[][][], entries: EntryRows, bad: readonly BadCell[]): [string, string][] {
  const closes = day2020(10, 10).getTime();
  const free = (i: number): boolean => {
    const row = entries.rows[i]!;
    const received = row[6];
    return (entries.unitOf[i] ?? 0) >= HOME_JUDGES && row[8] === "Hợp lệ" && received instanceof Date && received.getTime() <= closes && !bad.some((b) => b.entry === i);
  };
  const candidates = entries.rows.map((_, i) => i).filter(free);
  const twins: [string, string][] = [];
  for (let k = 0; k + 1 < candidates.length && twins.length < 4; k += Math.max(2, Math.floor(candidates.length / 5))) {
    const a = candidates[k]!;
    const b = candidates[k + 1]!;
    if (twins.length === 0) matrix[a] = matrix[a]!.map(() => MAXES.map((max) => halfSteps(max * 0.97)));
    matrix[b] = matrix[a]!.map((row) => [...row]);
    twins.push([entryCode(a), entryCode(b)]);
  }
  return twins;
}

/** `Điểm`, judge by judge as imports append it, with the bad cells and a few scores typed as text ("17,5"). */
function scoreRows(matrix: readonly number[][][], judges: number, bad: readonly BadCell[]): Row[] {
  const cells: Cell[][][] = matrix.map((byJudge) => byJudge.map((row) => [...row]));
  const cellAt = (entry: number, judge: number): Cell[] | undefined => cells[entry]?.[judge % judges];
  for (const b of bad) {
    const row = cellAt(b.entry, b.judge);
    if (row) row[b.criterion] = b.value;
  }
  for (let e = 17; e < cells.length; e += 997) {
    const row = cellAt(e, e);
    if (row) row[2] = String(row[2]).replace(".", ",");
  }
  const rows: Row[] = [];
  for (let j = 0; j < judges; j++) {
    cells.forEach((byJudge, i) => rows.push([entryCode(i), judgeCode(j), null, ...byJudge[j]!]));
  }
  return rows;
}

/** Builds the ledger's input sheets, the same for the same size and seed. */
export function syntheticLedger(size: LedgerSize = BENCH_SIZE, seed = 20201010): SyntheticLedger {
  const rng = new Prng(seed);
  const settingsTemplate = templateSheets("sang-kien", { year: 2020 })[0]!;
  const settings: OutputSheet = {
    ...settingsTemplate,
    rows: settingsTemplate.rows.map((r) => (r[0] === "Tên cuộc thi" ? [r[0], "Hội thi sáng kiến cải cách hành chính (sổ tổng hợp để đo hiệu năng)"] : r)),
  };
  const entries = entryRows(size, rng);
  const matrix = scoreMatrix(size, rng);
  const bad = BAD_CELLS.filter((b) => b.entry < size.entries);
  const twins = plantTwins(matrix, entries, bad);
  const scores = scoreRows(matrix, size.judges, bad);
  return {
    sheets: [
      settings,
      inputSheet(UNITS_SHEET, unitRows(size.units, rng)),
      inputSheet(ENTRIES_SHEET, entries.rows),
      inputSheet(JUDGES_SHEET, judgeRows(size.judges)),
      inputSheet(CRITERIA_SHEET, CRITERIA),
      inputSheet(
        SCORES_SHEET,
        scores,
        CRITERIA.map((r) => String(r[0])),
      ),
      inputSheet(PRIZES_SHEET, SEED_000_PRIZES),
    ],
    criteria: CRITERIA.length,
    scoreRows: scores.length,
    twins,
    badCells: bad.length,
  };
}

/**
 * `npm run bench`: `thidua tally` on a large synthetic judged contest against the floor, the time
 * SheetJS alone needs to read the same file and write it back, side by side in one run; then a
 * ledger eight times larger, once each. It prints figures and asserts none.
 * THIDUA_BENCH_RUNS (default 3) sets the number of runs; THIDUA_BENCH_KEEP=1 keeps the temp folder;
 * THIDUA_BENCH_RSS=probe reads peak memory from the children themselves instead of /usr/bin/time.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XlsxWorkbook } from "../../cli/xlsx-workbook.js";
import { type ChildRun, type RssMethod, rssMethod, runNode } from "./child-process.js";
import { count, decimal, mebibytes, median, seconds, table } from "./report.js";
import { type BenchRuns, collectRuns, measured } from "./runs.js";
import { BENCH_SIZE, type SyntheticLedger, syntheticLedger } from "./synthetic-ledger.js";
import { PHASE_NAMES, type TallyPhases, outputsFingerprint } from "./tally-phases.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");
const PROGRAMS = { root: ROOT, cli: path.join(ROOT, "bin", "thidua.js"), floorChild: path.join(HERE, "floor-child.js") };
const RUNS = Math.max(1, Number(process.env.THIDUA_BENCH_RUNS ?? 3) || 3);
/** In place and with --out, against the SheetJS floor (issue: the ledger is the secretariat's own workbook). */
const TARGET_IN_PLACE = 0.8;
const TARGET_OUT = 1.0;
const LARGE_SIZE = { units: 400, entries: 40_000, judges: 9 };
const TARGET_COMPUTE_MS = 1000;

const PHASE_LABELS: Record<keyof TallyPhases, string> = {
  load: "  nạp tệp (load: XlsxWorkbook.load)",
  read: "  đọc các trang (read grids)",
  runContest: "  tính: runContest (compute)",
  contestOutputs: "  tính: contestOutputs (compute)",
  write: "  ghi trang kết quả (write outputs)",
  save: "  lưu tệp (save)",
};

const out = (line = ""): void => {
  process.stdout.write(line + "\n");
};
const load = (): string => decimal(os.loadavg()[0] ?? 0, 2);
const mark = (ok: boolean): string => (ok ? "đạt (met)" : "CHƯA ĐẠT (missed)");

/** Builds the synthetic ledger and writes it with the project's own port. */
async function writeLedger(file: string, size = BENCH_SIZE): Promise<SyntheticLedger> {
  const generated = await measured(async () => syntheticLedger(size));
  const written = await measured(async () => {
    const wb = XlsxWorkbook.empty();
    for (const sheet of generated.value.sheets) wb.replaceSheet(sheet);
    await wb.save(file);
  });
  const built = generated.value;
  const bytes = (await fs.stat(file)).size;
  out(
    `Sổ tổng hợp (synthetic ledger): ${count(size.units)} đơn vị, ${count(size.entries)} bài, ${count(size.judges)} giám khảo, ` +
      `${built.criteria} tiêu chí → ${count(built.scoreRows)} dòng điểm (score rows); tệp ${decimal(bytes / 1048576, 1)} MiB, ` +
      `tạo ${seconds(generated.ms)} + ghi ${seconds(written.ms)} (generate + write)`,
  );
  out(`  đồng điểm cố ý (planted ties): ${built.twins.map(([a, b]) => `${a}=${b}`).join(", ")}; ô điểm lỗi cố ý (planted bad cells): ${built.badCells}`);
  return built;
}

function printTimes(runs: BenchRuns): void {
  const perRun = (values: readonly number[]): string[] => [...values.map(seconds), seconds(median(values))];
  const wall = (xs: readonly { ms: number }[]): number[] => xs.map((x) => x.ms);
  const cpu = (xs: readonly { cpuMs: number | undefined }[]): number[] => xs.map((x) => x.cpuMs ?? Number.NaN);
  const phase = (name: keyof TallyPhases): number[] => runs.phased.map((p) => p.phases[name]);
  const phaseTotals = runs.phased.map((p) => PHASE_NAMES.reduce((s, n) => s + p.phases[n], 0));
  const compute = runs.phased.map((p) => p.phases.runContest + p.phases.contestOutputs);
  const header = ["Phép đo (measure)", ...runs.phased.map((_, i) => `lần ${i + 1}`), "trung vị (median)"];
  const rows: string[][] = [
    ["Nền: SheetJS đọc + ghi, tiến trình riêng (floor, child)", ...perRun(wall(runs.floorChild))],
    ["thidua tally tại chỗ, tiến trình riêng (in place, child)", ...perRun(wall(runs.tallyChild))],
    ["thidua tally --out, tiến trình riêng (--out, child)", ...perRun(wall(runs.tallyOutChild))],
    ["  CPU nền (floor child, user+sys)", ...perRun(cpu(runs.floorChild))],
    ["  CPU tally (tally child, user+sys)", ...perRun(cpu(runs.tallyChild))],
    ["Nền trong tiến trình (floor, in-process)", ...perRun(wall(runs.floorInProcess))],
    ["tally trong tiến trình (in-process), tổng (total)", ...perRun(phaseTotals)],
    ["  CPU nền trong tiến trình (floor in-process)", ...perRun(cpu(runs.floorInProcess))],
    ["  CPU tally trong tiến trình (tally in-process)", ...perRun(cpu(runs.tallyInProcess))],
    ...PHASE_NAMES.map((n) => [PHASE_LABELS[n], ...perRun(phase(n))]),
    ["  tính lõi (core compute = runContest + contestOutputs)", ...perRun(compute)],
  ];
  for (const line of table(header, rows)) out(line);
  out();

  const ratio = (a: readonly number[], b: readonly number[]): number => median(a) / median(b);
  const ratios: [string, number, number][] = [
    ["tại chỗ, tiến trình riêng, thời gian thực (in place, child, wall)", ratio(wall(runs.tallyChild), wall(runs.floorChild)), TARGET_IN_PLACE],
    ["tại chỗ, tiến trình riêng, CPU (in place, child, CPU)", ratio(cpu(runs.tallyChild), cpu(runs.floorChild)), TARGET_IN_PLACE],
    ["--out, tiến trình riêng, thời gian thực (--out, child, wall)", ratio(wall(runs.tallyOutChild), wall(runs.floorChild)), TARGET_OUT],
    ["--out, tiến trình riêng, CPU (--out, child, CPU)", ratio(cpu(runs.tallyOutChild), cpu(runs.floorChild)), TARGET_OUT],
    ["trong tiến trình, thời gian thực (in-process, wall)", ratio(phaseTotals, wall(runs.floorInProcess)), TARGET_IN_PLACE],
    ["trong tiến trình, CPU (in-process, CPU)", ratio(cpu(runs.tallyInProcess), cpu(runs.floorInProcess)), TARGET_IN_PLACE],
  ];
  out(`Tỉ lệ tally / nền SheetJS (ratio tally/floor; mục tiêu target: tại chỗ ≤ ${decimal(TARGET_IN_PLACE, 1)}, --out ≤ ${decimal(TARGET_OUT, 1)}):`);
  const width = Math.max(...ratios.map(([label]) => label.length));
  for (const [label, r, target] of ratios) out(`  ${(label + ":").padEnd(width + 1)} ${decimal(r, 2)}  ${mark(r <= target)}`);
  const computeMs = median(compute);
  out(`Tính lõi (core compute, mục tiêu target < 1 s): ${seconds(computeMs)}  ${mark(computeMs < TARGET_COMPUTE_MS)}`);
}

function printMemory(runs: BenchRuns, method: RssMethod): void {
  const peak = (xs: readonly ChildRun[]): number | undefined => {
    const known = xs.map((r) => r.maxRssKiB).filter((x): x is number => x !== undefined);
    return known.length > 0 ? Math.max(...known) : undefined;
  };
  const how = method === "time-v" ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS";
  out(`Bộ nhớ đỉnh (peak RSS, cao nhất trong các lần; đo bằng ${how}):`);
  out(`  thidua tally tại chỗ (in place): ${mebibytes(peak(runs.tallyChild))}`);
  out(`  thidua tally --out:               ${mebibytes(peak(runs.tallyOutChild))}`);
  out(`  nền SheetJS (floor):              ${mebibytes(peak(runs.floorChild))}`);
  const [tally, floor] = [peak(runs.tallyChild), peak(runs.floorChild)];
  if (tally !== undefined && floor !== undefined) out(`  tally ≤ nền (tally at most the floor): ${mark(tally <= floor)}`);
}

function printResults(runs: BenchRuns): void {
  const last = runs.phased[runs.phased.length - 1];
  if (last === undefined) return;
  const fingerprints = new Set(runs.phased.map((p) => outputsFingerprint(p.outputs)));
  const entries = last.run.result.categories.flatMap((c) => c.entries);
  const ranked = entries.filter((r) => r.rank !== undefined).length;
  const tied = entries.filter((r) => r.tied).length;
  const prizes = entries.filter((r) => r.award.kind === "prize").length;
  out(
    `Kết quả (results): ${count(ranked)}/${count(entries.length)} bài xếp hạng (ranked), ${count(tied)} bài đồng hạng (tied), ${prizes} giải (prizes), ` +
      `tổng ${count(Number(last.run.result.totalAmount))} đ; ${count(last.run.errorCount)} lỗi (errors), ${count(last.run.warningCount)} cảnh báo (warnings)`,
  );
  const differs = fingerprints.size > 1 ? "  KHÁC NHAU GIỮA CÁC LẦN (differs between runs)" : "";
  out(`Dấu kết quả (outputs fingerprint): ${[...fingerprints].join(" ≠ ")}${differs}`);
}

/**
 * A ledger eight times larger, once each: the tally must finish within Node's default heap (no
 * --max-old-space-size) and its peak memory is set beside the floor's. THIDUA_BENCH_LARGE=0 skips it.
 */
async function largeLedger(dir: string, method: RssMethod): Promise<void> {
  if (process.env.THIDUA_BENCH_LARGE === "0") return;
  out();
  const file = path.join(dir, "so-lon.xlsx");
  await writeLedger(file, LARGE_SIZE);
  const floor = await runNode([PROGRAMS.floorChild, file, path.join(dir, "so-lon-nen.xlsx")], PROGRAMS.root, method);
  const tally = await runNode([PROGRAMS.cli, "tally", file], PROGRAMS.root, method);
  const status = (r: ChildRun): string => (r.status === 0 || r.status === 1 ? `xong (done, exit ${r.status})` : `LỖI (failed, exit ${r.status}): ${r.stderr.split("\n")[0] ?? ""}`);
  out(`  thidua tally tại chỗ, heap mặc định (in place, default heap): ${seconds(tally.ms)}, ${mebibytes(tally.maxRssKiB)}, ${status(tally)}`);
  out(`  nền SheetJS (floor):                                        ${seconds(floor.ms)}, ${mebibytes(floor.maxRssKiB)}, ${status(floor)}`);
  out(`  tỉ lệ (ratio) thời gian ${decimal(tally.ms / floor.ms, 2)}, bộ nhớ ${tally.maxRssKiB && floor.maxRssKiB ? decimal(tally.maxRssKiB / floor.maxRssKiB, 2) : "?"}`);
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "thidua-bench-"));
  const ledgerFile = path.join(dir, "so-tong-hop.xlsx");
  try {
    out("thidua — đo hiệu năng (benchmark)");
    out(`Node ${process.version}, ${os.cpus().length} lõi (cores), ${os.platform()} ${os.arch()}; ${RUNS} lần đo mỗi phép (runs each)`);
    out(`Tải máy lúc bắt đầu (load average, 1 phút): ${load()}`);
    await writeLedger(ledgerFile);
    out();
    const method = rssMethod();
    const runs = await collectRuns(ledgerFile, dir, RUNS, PROGRAMS, method);
    printTimes(runs);
    printMemory(runs, method);
    out();
    out(`Tải máy lúc kết thúc (load average, 1 phút): ${load()} — trên máy bận, số CPU ổn định hơn thời gian thực (on a busy machine CPU figures are steadier than wall time)`);
    out();
    printResults(runs);
    await largeLedger(dir, method);
  } finally {
    if (process.env.THIDUA_BENCH_KEEP === "1") out(`Giữ thư mục tạm (kept): ${dir}`);
    else await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * `npm run bench:quiz`: the quiz tally on 1,000,000 attempts (4 weeks, 300 units) in a CSV, against
 * the floor (the time to read the file and split it into lines and fields, nothing else) and against
 * a straightforward pandas script doing the same ranking on the same file. Prints figures, asserts
 * nothing. THIDUA_BENCH_ATTEMPTS changes the size; THIDUA_BENCH_KEEP=1 keeps the temp folder.
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, promises as fs, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCsvFile } from "../../cli/quiz-csv.js";
import { feedCsv } from "../../cli/quiz-tally.js";
import { XlsxWorkbook } from "../../cli/xlsx-workbook.js";
import type { Cell, Grid } from "../../shared/cells/cell.js";
import { finishQuiz, quizOutputs, startQuiz } from "../../shared/quiz/run.js";
import { runContest } from "../../shared/tasks/contest-run.js";
import { rssMethod, runNode } from "./child-process.js";
import { Prng } from "./prng.js";
import { count, decimal, mebibytes, seconds } from "./report.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");
const CLI = path.join(ROOT, "bin", "thidua.js");
const PYTHON = "/usr/bin/python3";

/** Alternating runs of the floor and of the tally; the best of each is kept. */
const RUNS = 5;
const ATTEMPTS = Math.max(1000, Number(process.env.THIDUA_BENCH_ATTEMPTS ?? 1_000_000) || 1_000_000);
const UNITS = 300;
const WEEKS = 4;
const PARTICIPANTS = Math.round(ATTEMPTS / 4);
const TRUTHS = [1250, 980, 1500, 2100];
const EXCLUDED = ["0900000007", "0900000011", "0900000013"];

const unitCode = (i: number): string => `DV${String(i + 1).padStart(3, "0")}`;
const pid = (i: number): string => `09${String(i).padStart(8, "0")}`;
const two = (n: number): string => String(n).padStart(2, "0");
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng"];
const GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hương", "Khoa", "Lan", "Long", "Mai", "Nam", "Yến"];

/** Writes the attempts CSV in blocks; returns its size in bytes. */
function writeAttempts(file: string): number {
  const rnd = new Prng(2023);
  const fd = openSync(file, "w");
  let bytes = 0;
  const put = (text: string): void => {
    bytes += writeSync(fd, text);
  };
  put("\uFEFFMã thí sinh;Họ tên;Mã đơn vị;Tuần;Điểm;Thời gian làm bài;Thời điểm nộp;Dự đoán\r\n");
  let block: string[] = [];
  for (let i = 0; i < ATTEMPTS; i++) {
    const p = rnd.int(0, PARTICIPANTS - 1);
    const week = rnd.int(1, WEEKS);
    const score = Math.min(20, Math.max(0, Math.round(rnd.between(4, 22))));
    const secs = rnd.int(60, 1800);
    const style = rnd.next();
    const duration = style < 0.1 ? String(secs) : style < 0.15 ? `0:${two(Math.floor(secs / 60))}:${two(secs % 60)}` : `${two(Math.floor(secs / 60))}:${two(secs % 60)}`;
    const day = (week - 1) * 7 + rnd.int(1, 7);
    const at = `${two(day)}/06/2023 ${two(rnd.int(6, 23))}:${two(rnd.int(0, 59))}:${two(rnd.int(0, 59))}`;
    const guess = rnd.int(500, 3000);
    const name = `${FAMILY[p % FAMILY.length]} Văn ${GIVEN[p % GIVEN.length]}`;
    block.push(`${pid(p)};${name};${unitCode(p % UNITS)};${week};${score};${duration};${at};${guess}`);
    if (block.length === 10_000) {
      put(block.join("\r\n") + "\r\n");
      block = [];
    }
  }
  if (block.length > 0) put(block.join("\r\n") + "\r\n");
  closeSync(fd);
  return bytes;
}

/** The ledger beside the attempts: 300 units, 30 judged videos, the seed's prize structure. */
function ledgerSheets(): Map<string, Grid> {
  const units: Grid = [["Mã đơn vị", "Tên đơn vị", "Số CBCCVC"]];
  for (let i = 0; i < UNITS; i++) units.push([unitCode(i), `Đơn vị số ${i + 1}`, Math.ceil(PARTICIPANTS / UNITS) + 50 + (i % 40)]);
  const entries: Grid = [["Mã bài", "Tên bài", "Hạng mục", "Mã đơn vị"]];
  const scores: Grid = [["Mã bài", "Mã GK", "ND"]];
  for (let i = 0; i < 30; i++) {
    entries.push([`V${i + 1}`, `Video ${i + 1}`, "Video", unitCode(i * 7)]);
    scores.push([`V${i + 1}`, "GK1", 95 - i]);
  }
  const prize = (c: string, n: string, k: number, a: number): Cell[] => [c, n, k, a];
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      [
        ["Mục", "Giá trị"],
        ["Tên cuộc thi", "Hội thi trực tuyến (đo hiệu năng)"],
        ["Năm", 2023],
        ["Lượt tính điểm", "Cao nhất"],
      ],
    ],
    ["Đơn vị", units],
    ["Bài dự thi", entries],
    [
      "Giám khảo",
      [
        ["Mã GK", "Họ tên"],
        ["GK1", "Giám khảo"],
      ],
    ],
    [
      "Tiêu chí",
      [
        ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa"],
        ["ND", "Nội dung", 100],
      ],
    ],
    ["Điểm", scores],
    [
      "Cơ cấu giải",
      [
        ["Hạng mục", "Giải", "Số lượng", "Mức thưởng"],
        prize("Trắc nghiệm", "Nhất", 1, 2_000_000),
        prize("Trắc nghiệm", "Nhì", 1, 1_500_000),
        prize("Trắc nghiệm", "Ba", 1, 1_000_000),
        prize("Video", "Nhất", 1, 3_000_000),
        prize("Video", "Nhì", 2, 2_000_000),
        prize("Video", "Ba", 2, 1_500_000),
        prize("Video", "Khuyến khích", 3, 1_000_000),
        prize("Tập thể", "Nhất", 1, 5_000_000),
        prize("Tập thể", "Nhì", 2, 3_500_000),
        prize("Tập thể", "Ba", 2, 2_500_000),
      ],
    ],
    ["Đáp án dự đoán", [["Tuần", "Số đúng"], ...TRUTHS.map((t, i) => [i + 1, t])]],
    ["Không dự thi", [["Mã thí sinh", "Họ tên", "Lý do"], ...EXCLUDED.map((id) => [id, "Thành viên Ban Tổ chức", "Ban Tổ chức"])]],
  ]);
}

/** The peer: read the CSV, keep each participant's best attempt per week, rank each week, top 3; unit participation. */
const PANDAS_SCRIPT = String.raw`
import json, sys, time
t0 = time.perf_counter()
import pandas as pd
path, truths, excluded = sys.argv[1], json.loads(sys.argv[2]), set(json.loads(sys.argv[3]))
df = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype={0: str, 1: str, 2: str, 5: str, 6: str})
df.columns = ["id", "name", "unit", "week", "score", "dur", "at", "guess"]
t_read = time.perf_counter() - t0
colons = df["dur"].str.count(":")
parts = df["dur"].str.split(":", expand=True).astype(float)
df["secs"] = parts[0].where(colons == 0, parts[0] * 60 + parts[1]).where(colons < 2, parts[0] * 3600 + parts[1] * 60 + parts.get(2, 0))
df["ts"] = pd.to_datetime(df["at"], format="%d/%m/%Y %H:%M:%S")
df["dist"] = (df["guess"] - df["week"].map({int(k): v for k, v in truths.items()})).abs()
keys = ["score", "dist", "secs", "ts"]
asc = [False, True, True, True]
best = df.sort_values(["id", "week"] + keys, ascending=[True, True] + asc, kind="stable").drop_duplicates(["id", "week"], keep="first")
units = best.groupby("unit").agg(participants=("id", "nunique"), mean=("score", "mean"), zeros=("score", lambda s: int((s == 0).sum())))
eligible = best[~best["id"].isin(excluded)]
ranked = eligible.sort_values(["week"] + keys, ascending=[True] + asc, kind="stable")
top = {str(w): list(g["id"].head(3)) for w, g in ranked.groupby("week")}
t_total = time.perf_counter() - t0
print(json.dumps({"read": t_read, "total": t_total, "top": top, "units": int(len(units)), "rows": int(len(df))}))
`;

function elapsed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  return fn().then((v) => [v, Number(process.hrtime.bigint() - t) / 1e6]);
}

/** Wall-clock and CPU (user + system) milliseconds of one step of this process. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const [value, wall] = await elapsed(fn);
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

async function main(): Promise<void> {
  const out = (line = ""): void => void process.stdout.write(line + "\n");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "thidua-quiz-bench-"));
  try {
    out("thidua — đo hiệu năng phần thi trắc nghiệm (quiz benchmark)");
    out(`Node ${process.version}, ${os.cpus().length} lõi (cores), ${os.platform()} ${os.arch()}`);
    const csv = path.join(dir, "luot-thi.csv");
    const ledgerFile = path.join(dir, "so.xlsx");
    const [bytes, genMs] = await elapsed(async () => writeAttempts(csv));
    const wb = XlsxWorkbook.empty();
    const sheets = ledgerSheets();
    for (const [name, rows] of sheets) wb.replaceSheet({ name, rows, format: { headerRow: 0, widths: [], numberFormats: [], boldRows: [] } });
    await wb.save(ledgerFile);
    out(`Dữ liệu (data): ${count(ATTEMPTS)} lượt thi, ${WEEKS} tuần, ${UNITS} đơn vị, ~${count(PARTICIPANTS)} thí sinh; CSV ${decimal(bytes / 1048576, 1)} MiB, tạo trong ${seconds(genMs)} — ${dir}`);
    out("");

    // In-process, alternating, best of RUNS each: the floor, then the whole quiz tally. The machine may
    // be shared, so CPU time (user + system) is shown beside wall time; the ratio is given for both.
    const contest = runContest(sheets);
    const floors: { wall: number; cpu: number }[] = [];
    const tallies: { wall: number; cpu: number }[] = [];
    let winners: string[][] = [];
    let records = 0;
    for (let run = 0; run < RUNS; run++) {
      const floor = await measured(() => readCsvFile(csv, { onRecord: () => undefined, onBadRecord: () => undefined }));
      records = floor.value.records;
      floors.push(floor);
      const tally = await measured(async () => {
        const reading = startQuiz(sheets, contest);
        await feedCsv(reading.accumulator, csv);
        const q = finishQuiz(reading, contest);
        quizOutputs(q, contest.errorCount);
        return q;
      });
      tallies.push(tally);
      const quiz = tally.value;
      winners = quiz.periods.map((p) => p.winners.map((w) => w.candidate.participant.code));
      if (run === 0) out(`  (${quiz.attempts} lượt được tính, ${quiz.rejected} dòng lỗi, ${quiz.participants} thí sinh, ${quiz.units.length} đơn vị)`);
    }
    const best = (xs: { wall: number; cpu: number }[]): { wall: number; cpu: number } => ({
      wall: Math.min(...xs.map((x) => x.wall)),
      cpu: Math.min(...xs.map((x) => x.cpu)),
    });
    const floor = best(floors);
    const tally = best(tallies);
    const runs = (xs: { wall: number }[]): string => xs.map((x) => decimal(x.wall / 1000, 2)).join(" / ");
    out(
      `Sàn: chỉ đọc CSV (đọc + tách dòng + tách trường), trong tiến trình — parse floor, in-process: ${seconds(floor.wall)} (CPU ${seconds(floor.cpu)}); ${count(records)} bản ghi; ${RUNS} lần: ${runs(floors)}`,
    );
    out(
      `Toàn bộ tính trắc nghiệm (đọc luồng + gộp + xếp hạng + trang kết quả), trong tiến trình — quiz tally, in-process: ${seconds(tally.wall)} (CPU ${seconds(tally.cpu)}); ${RUNS} lần: ${runs(tallies)}`,
    );
    // Each tally run right after its floor run: the pair's ratio cancels a slow spell of the machine.
    const pairs = floors.map((f, i) => tallies[i]!.wall / f.wall).sort((a, b) => a - b);
    const median = pairs[Math.floor(pairs.length / 2)]!;
    out(
      `Tỷ lệ (ratio) tally / floor: ${decimal(tally.wall / floor.wall, 2)}× theo thời gian thực (wall), ${decimal(tally.cpu / floor.cpu, 2)}× theo CPU; trung vị từng cặp (median of pairs, wall) ${decimal(median, 2)}×   (mục tiêu / target ≤ 2×)`,
    );

    // The built CLI as a user runs it: node start, ledger load, stream, compute, save.
    const cli = await runNode([CLI, "tally", ledgerFile, "--quiz", csv, "--out", path.join(dir, "ket-qua.xlsx")], dir);
    out(
      `thidua tally --quiz (tiến trình con / child process, cả nạp và lưu sổ .xlsx): ${seconds(cli.ms)}, exit ${cli.status}; bộ nhớ đỉnh (peak RSS, ${rssMethod() === "time-v" ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS"}): ${mebibytes(cli.maxRssKiB)}   (mục tiêu / target < 1,5 GB)`,
    );

    // The peer, on the same file, in the same run.
    const script = path.join(dir, "peer.py");
    await fs.writeFile(script, PANDAS_SCRIPT, "utf8");
    const probe = spawnSync(PYTHON, ["-c", "import pandas"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0) {
      out(`pandas: không có (pandas unavailable: ${probe.error ? probe.error.message : probe.stderr.trim().split("\n").pop()}) — bỏ qua phép so sánh.`);
    } else {
      const truths = JSON.stringify(Object.fromEntries(TRUTHS.map((t, i) => [String(i + 1), t])));
      const started = process.hrtime.bigint();
      const py = spawnSync(PYTHON, [script, csv, truths, JSON.stringify(EXCLUDED)], { encoding: "utf8", maxBuffer: 1 << 24 });
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (py.status !== 0) {
        out(`pandas: lỗi khi chạy (failed): ${py.stderr.trim().split("\n").slice(-3).join(" | ")}`);
      } else {
        const r = JSON.parse(py.stdout) as { read: number; total: number; top: Record<string, string[]>; rows: number };
        const same = winners.every((w, i) => JSON.stringify(w.slice(0, 3)) === JSON.stringify(r.top[String(i + 1)] ?? []));
        out(`pandas (python3, cùng cách xếp hạng / same ranking): ${seconds(r.total * 1000)} trong script (read_csv ${seconds(r.read * 1000)}), ${seconds(wallMs)} cả khởi động (wall)`);
        out(
          `So với pandas (vs pandas): thidua trong tiến trình nhanh hơn ${decimal((r.total * 1000) / tally.wall, 2)}× (script vs in-process); CLI cả nạp/lưu sổ nhanh hơn ${decimal(wallMs / cli.ms, 2)}× (wall vs wall)`,
        );
        out(`Người thắng mỗi tuần trùng với pandas (same weekly winners): ${same ? "có (yes)" : "KHÔNG (no)"}`);
      }
    }
  } finally {
    if (process.env.THIDUA_BENCH_KEEP === "1") out(`(giữ thư mục / kept: ${dir})`);
    else await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();

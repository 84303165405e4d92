import type { Cell } from "../cells/cell.js";
import { instantFromParts, partsOfInstant } from "../cells/date.js";
import type { OutputSheet } from "../ledger/output-sheet.js";
import { CRITERIA_SHEET, ENTRIES_SHEET, JUDGES_SHEET, PRIZES_SHEET, SCORES_SHEET, UNITS_SHEET } from "../ledger/schema.js";
import { formatDateTime } from "../vn/format.js";
import { inputSheet, plainSheet } from "./sheet-builder.js";
import { quizWeeks, templateSheets } from "./templates.js";

/**
 * The second demo sample, in the shape of seed 002 (Thừa Thiên Huế 2023): 16 units, a judged video
 * contest and a four-week online quiz of a few thousand attempts. Everything is invented and
 * generated deterministically. A few planted attempts settle each week at a different level of the
 * tie-break (see PLANTED); random attempts score at most 18 of 20 so they never reach them.
 */

type Row = readonly Cell[];

/** mulberry32, so the sample is the same on every run and every host. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Code, name, staff (Số CBCCVC), participants in the quiz, video total (mean of judges), a participant scoring 0. */
const UNITS: readonly { code: string; name: string; staff: number; participants: number; video?: number; zero?: boolean }[] = [
  { code: "SNV", name: "Sở Nội vụ", staff: 60, participants: 57, video: 92, zero: true },
  { code: "STP", name: "Sở Tư pháp", staff: 55, participants: 50, video: 90 },
  { code: "STC", name: "Sở Tài chính", staff: 80, participants: 60, video: 88 },
  { code: "STTTT", name: "Sở Thông tin và Truyền thông", staff: 40, participants: 36, video: 87 },
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", staff: 45, participants: 30, video: 85, zero: true },
  { code: "VPUB", name: "Văn phòng UBND tỉnh", staff: 90, participants: 72, video: 83 },
  { code: "HUE", name: "UBND thành phố Huế", staff: 220, participants: 160, video: 81 },
  { code: "HT", name: "UBND thị xã Hương Thủy", staff: 150, participants: 120, video: 80 },
  { code: "HTR", name: "UBND thị xã Hương Trà", staff: 140, participants: 84, video: 78 },
  // The next two tie at the 10th place of the video ranking: with `Top video` 10 both are in.
  { code: "PD", name: "UBND huyện Phú Vang", staff: 160, participants: 120, video: 76 },
  { code: "QD", name: "UBND huyện Quảng Điền", staff: 120, participants: 90, video: 76 },
  { code: "PL", name: "UBND huyện Phú Lộc", staff: 170, participants: 150, video: 70 },
  { code: "PDN", name: "UBND huyện Phong Điền", staff: 150, participants: 100 },
  { code: "AL", name: "UBND huyện A Lưới", staff: 130, participants: 65, zero: true },
  { code: "NDG", name: "UBND huyện Nam Đông", staff: 90, participants: 45 },
  { code: "BQL", name: "Ban Quản lý Khu kinh tế, công nghiệp tỉnh", staff: 50, participants: 20 },
];

/** The true answer to each week's prediction question ("how many people will answer every question right?"). */
export const QUIZ_DEMO_TRUTHS: readonly (readonly [number, number])[] = [
  [1, 1250],
  [2, 980],
  [3, 1500],
  [4, 2100],
];

interface Planted {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly week: number;
  readonly score: number;
  readonly duration: string;
  readonly submitted: string;
  readonly prediction: number;
}

/**
 * Attempts that decide the prizes. Week 1: A and B tie on score, the prediction settles it; X is
 * on `Không dự thi`. Week 2: D and E tie on score and prediction distance, time taken settles it;
 * A (week 1's winner) scores best but `Mỗi người một giải` keeps A out; D's first attempt is weaker
 * and the best one counts. Week 3: G and H tie down to the submission time. Week 4: K and L tie on
 * everything at the Nhì/Ba boundary, so the committee decides (`Đồng hạng`: Hội đồng quyết định).
 */
export const PLANTED: readonly Planted[] = [
  { id: "0905111001", name: "Hoàng Thị An", unit: "STP", week: 1, score: 20, duration: "09:40", submitted: "02/06/2023 20:15:03", prediction: 1240 },
  { id: "0905111002", name: "Trần Quốc Bảo", unit: "HUE", week: 1, score: 20, duration: "08:05", submitted: "03/06/2023 07:02:44", prediction: 1300 },
  { id: "0905111003", name: "Lê Thị Cúc", unit: "HT", week: 1, score: 19, duration: "06:30", submitted: "04/06/2023 21:40:10", prediction: 1250 },
  { id: "0905999001", name: "Nguyễn Văn Xuân", unit: "SNV", week: 1, score: 20, duration: "05:00", submitted: "01/06/2023 09:00:00", prediction: 1250 },
  { id: "0905111001", name: "Hoàng Thị An", unit: "STP", week: 2, score: 20, duration: "05:10", submitted: "09/06/2023 19:00:00", prediction: 980 },
  { id: "0905111004", name: "Phan Đức Dũng", unit: "VPUB", week: 2, score: 17, duration: "11:20", submitted: "08/06/2023 08:30:00", prediction: 900 },
  { id: "0905111004", name: "Phan Đức Dũng", unit: "VPUB", week: 2, score: 20, duration: "06:10", submitted: "10/06/2023 22:05:31", prediction: 1000 },
  {
    id: "dung.em@thuathienhue.example.vn",
    name: "Võ Thị Em",
    unit: "STC",
    week: 2,
    score: 20,
    duration: "07:30",
    submitted: "09/06/2023 06:12:09",
    prediction: 960,
  },
  { id: "0905111006", name: "Đặng Văn Phúc", unit: "PD", week: 2, score: 19, duration: "04:50", submitted: "12/06/2023 15:33:00", prediction: 700 },
  { id: "0905111007", name: "Bùi Thị Giang", unit: "QD", week: 3, score: 20, duration: "05:00", submitted: "16/06/2023 09:00:00", prediction: 1510 },
  { id: "0905111008", name: "Ngô Minh Hải", unit: "PL", week: 3, score: 20, duration: "300", submitted: "16/06/2023 10:00:00", prediction: 1490 },
  { id: "0905111009", name: "Trương Thị Ích", unit: "STTTT", week: 3, score: 19, duration: "0:06:45", submitted: "18/06/2023 14:14:14", prediction: 1800 },
  { id: "0905111010", name: "Lý Văn Kiên", unit: "HTR", week: 4, score: 20, duration: "07:07", submitted: "23/06/2023 11:11:11", prediction: 2000 },
  { id: "0905111011", name: "Mai Thị Khánh", unit: "HUE", week: 4, score: 19, duration: "08:00", submitted: "24/06/2023 08:00:00", prediction: 2000 },
  { id: "0905111012", name: "Tôn Thất Long", unit: "PD", week: 4, score: 19, duration: "08:00", submitted: "24/06/2023 08:00:00", prediction: 2200 },
];

export const QUIZ_DEMO_EXCLUDED: readonly Row[] = [
  ["0905999001", "Nguyễn Văn Xuân", "Thành viên Tổ chuyên viên giúp việc Ban Tổ chức"],
  ["0905999002", "Lê Thị Yến", "Thành viên Ban Giám khảo"],
];

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Tôn Nữ", "Tôn Thất"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Hữu", "Thu", "Kim"];
const GIVEN = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Hà",
  "Hạnh",
  "Hiếu",
  "Hoa",
  "Hùng",
  "Hương",
  "Khoa",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phong",
  "Phương",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vân",
  "Vy",
  "Yến",
];

const WEEK_START_DAY = [1, 8, 15, 22];
const WEEK_DAYS = [7, 7, 7, 9];

const two = (n: number): string => String(n).padStart(2, "0");

function durationText(seconds: number, style: number): string {
  if (style < 0.15) return String(seconds);
  if (style < 0.2) return `0:${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
  return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}

function csvField(text: string): string {
  return /[;"\n]/.test(text) || /\s/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const QUIZ_DEMO_HEADER = ["Mã thí sinh", "Họ tên", "Mã đơn vị", "Tuần", "Điểm", "Thời gian làm bài", "Thời điểm nộp", "Dự đoán"];

/** Every attempt of the sample as cells (text, as a platform export gives them), sorted by submission time. */
export function quizDemoAttempts(): string[][] {
  const random = prng(2023);
  const rows: { at: number; cells: string[] }[] = [];
  let serial = 0;
  for (const unit of UNITS) {
    for (let i = 0; i < unit.participants; i++) {
      serial++;
      const id = serial % 7 === 0 ? `cbccvc${serial}@thuathienhue.example.vn` : `09${String(14_000_000 + serial * 37).padStart(8, "0")}`;
      const name = `${FAMILY[Math.floor(random() * FAMILY.length)]} ${MIDDLE[Math.floor(random() * MIDDLE.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      const skill = 4 + Math.floor(random() * 12);
      let attempted = false;
      const zeroPerson = unit.zero === true && i === 0;
      for (let week = 1; week <= 4; week++) {
        const last = week === 4 && !attempted;
        const skip = random() > 0.75;
        if (!last && skip && !(zeroPerson && week === 2)) continue;
        attempted = true;
        const tries = random() < 0.35 ? 2 : 1;
        for (let t = 0; t < tries; t++) {
          const zero = zeroPerson && week === 2;
          const score = zero ? 0 : Math.max(1, Math.min(18, skill + Math.floor(random() * 7) - 2));
          const day = WEEK_START_DAY[week - 1]! + Math.floor(random() * WEEK_DAYS[week - 1]!);
          const at = instantFromParts({
            y: 2023,
            m: 6,
            d: day,
            hh: 6 + Math.floor(random() * 16),
            mi: Math.floor(random() * 60),
            ss: Math.floor(random() * 60),
          });
          const seconds = 120 + Math.floor(random() * 1000);
          const truth = QUIZ_DEMO_TRUTHS[week - 1]![1];
          const prediction = Math.round(truth * (0.5 + random()));
          rows.push({
            at,
            cells: [id, name, unit.code, String(week), String(score), durationText(seconds, random()), formatDateTime(partsOfInstant(at)), String(prediction)],
          });
          if (zero) break;
        }
      }
    }
  }
  for (const p of PLANTED) {
    const [d, m, rest] = p.submitted.split("/");
    const [y, time] = rest!.split(" ");
    const [hh, mi, ss] = time!.split(":").map(Number);
    const at = instantFromParts({ y: Number(y), m: Number(m), d: Number(d), hh: hh!, mi: mi!, ss: ss! });
    rows.push({ at, cells: [p.id, p.name, p.unit, String(p.week), String(p.score), p.duration, p.submitted, String(p.prediction)] });
  }
  rows.sort((a, b) => a.at - b.at);
  return rows.map((r) => r.cells);
}

/** The attempts as the platform's CSV export: UTF-8 with BOM, `;` separated, names quoted. */
export function quizDemoCsv(): string {
  const lines = [QUIZ_DEMO_HEADER.join(";")];
  for (const cells of quizDemoAttempts()) lines.push(cells.map(csvField).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

const JUDGES: readonly Row[] = [
  ["GK1", "Trần Thị Hồng Nhung", "", "", "Video"],
  ["GK2", "Lê Văn Thắng", "", "", "Video"],
  ["GK3", "Nguyễn Hữu Tài", "", "", "Video"],
];

/** Splits a video total into the rubric (ND ≤ 50, ST ≤ 30, KT ≤ 20) and gives each judge a spread around it. */
function videoScores(code: string, total: number): Row[] {
  const nd = Math.round(total / 2);
  const st = Math.min(30, Math.round((total - nd) * 0.6));
  const kt = total - nd - st;
  return [
    [code, "GK1", null, nd, st, kt],
    [code, "GK2", null, nd + 1, st, kt],
    [code, "GK3", null, nd - 1, st, kt],
  ];
}

/** Seed 002's own words where the template leaves blanks, and the sample's choices. */
const SEED_002_SETTINGS: readonly Cell[][] = [
  ["Tên cuộc thi", "Tìm hiểu về cải cách hành chính tỉnh Thừa Thiên Huế"],
  ["Đơn vị tổ chức", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"],
  ["Mỗi người một giải", "Có"],
  ["Top video", 10],
];

/** The ledger of the second sample (without its attempts, which come as a CSV file beside it). */
export function quizDemoSheets(): OutputSheet[] {
  const template = templateSheets("truc-tuyen", { year: 2023 });
  const settings = template[0]!;
  const settingRows = settings.rows.map((r) => SEED_002_SETTINGS.find(([k]) => k === r[0]) ?? r);
  const videoUnits = UNITS.filter((u) => u.video !== undefined);
  const entries: Row[] = videoUnits.map((u, i) => [
    `V${two(i + 1)}`,
    `Video tuyên truyền cải cách hành chính của ${u.name}`,
    "Video",
    u.code,
    `Tập thể ${u.name}`,
    "Tập thể",
    `${two(20 + (i % 10))}/06/2023`,
    "Truyền thông",
    "Hợp lệ",
    null,
  ]);
  const scores: Row[] = videoUnits.flatMap((u, i) => videoScores(`V${two(i + 1)}`, u.video!));
  const criteria = template.find((s) => s.name === CRITERIA_SHEET.name)!.rows.slice(1);
  const prizes = template.find((s) => s.name === PRIZES_SHEET.name)!.rows.slice(1);
  return [
    { ...settings, rows: settingRows },
    // The video part is encouraged, not mandatory: no unit has an entry quota.
    inputSheet(
      UNITS_SHEET,
      UNITS.map((u) => [u.code, u.name, u.name.startsWith("UBND") ? "Huyện, thị xã, thành phố" : "Sở, ban, ngành", "Không", 0, u.staff, ""]),
    ),
    inputSheet(ENTRIES_SHEET, entries),
    inputSheet(JUDGES_SHEET, JUDGES),
    inputSheet(CRITERIA_SHEET, criteria),
    inputSheet(
      SCORES_SHEET,
      scores,
      criteria.map((r) => String(r[0])),
    ),
    inputSheet(PRIZES_SHEET, prizes),
    plainSheet("Tuần thi", ["Tuần", "Từ ngày", "Đến ngày"], quizWeeks(2023), [8, 12, 12]),
    plainSheet(
      "Đáp án dự đoán",
      ["Tuần", "Số đúng"],
      QUIZ_DEMO_TRUTHS.map(([w, a]) => [w, a]),
      [8, 10],
    ),
    plainSheet("Không dự thi", ["Mã thí sinh", "Họ tên", "Lý do"], QUIZ_DEMO_EXCLUDED, [16, 26, 40]),
  ];
}

import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { type Msg, say } from "../shared/i18n/messages.js";
import { DEMO_RETURNED_SCORES, initiativeDemoSheets } from "../shared/samples/initiative-demo.js";
import { scoreTableOf, JUDGE_SCORE_SHEET } from "../shared/tasks/judge-sheets.js";
import type { CellEdit } from "../shared/tasks/port.js";
import { importCommand, judgeSheetsCommand } from "./commands.js";
import { EXIT, type Io } from "./outcome.js";
import { tallyCommand } from "./ledger-commands.js";
import { quizDemo } from "./quiz-demo.js";
import { emulationDemo } from "./emulation-demo.js";
import { XlsxWorkbook } from "./xlsx-workbook.js";

const t = (vi: string, en: string): Msg => ({ vi, en });

export const DEMO_LEDGER = "so-cuoc-thi-sang-kien.xlsx";

/**
 * The whole flow on invented data shaped like seed 000: ledger, judges' workbooks, their return,
 * import, tally. Re-running replaces only the files the demo itself writes.
 */
export async function demoCommand(dir: string | undefined, io: Io): Promise<number> {
  const root = path.resolve(dir ?? "thidua-demo");
  const blank = path.join(root, "phieu-cham");
  const returned = path.join(root, "phieu-da-cham");
  const ledger = path.join(root, DEMO_LEDGER);
  await fs.mkdir(root, { recursive: true });
  await fs.rm(blank, { recursive: true, force: true });
  await fs.rm(returned, { recursive: true, force: true });
  await fs.rm(ledger, { force: true });
  await fs.mkdir(returned, { recursive: true });
  const step = (vi: string, en: string): void => io.out(say(t(`\n== ${vi}`, `\n== ${en}`), io.lang));

  step("1. Tạo sổ cuộc thi mẫu (12 đơn vị, 14 bài dự thi, 3 giám khảo)", "1. Sample ledger (12 units, 14 entries, 3 judges)");
  await XlsxWorkbook.create(ledger, initiativeDemoSheets());
  io.out(ledger);

  step("2. Tạo phiếu chấm cho từng giám khảo", "2. One scoring workbook per judge");
  const blanks = await judgeSheetsCommand(ledger, blank, io);

  step("3. Giám khảo chấm và gửi lại phiếu (mô phỏng)", "3. Judges score and return their workbooks (simulated)");
  const filled: string[] = [];
  for (const file of blanks) {
    const wb = await XlsxWorkbook.load(file);
    const grid = (await wb.read([JUDGE_SCORE_SHEET])).get(JUDGE_SCORE_SHEET) ?? [];
    const judge = path
      .basename(file, ".xlsx")
      .replace(/^phieu-cham-/, "")
      .toUpperCase();
    const scores = DEMO_RETURNED_SCORES[judge] ?? {};
    const table = scoreTableOf(grid);
    const firstCriterion = table.columns.get("TC1") ?? 3;
    const edits: CellEdit[] = [];
    for (let r = table.first; r < table.end; r++) {
      const code = String(grid[r]?.[0] ?? "");
      const values = Object.hasOwn(scores, code) ? scores[code] : undefined;
      values?.forEach((value, i) => edits.push({ row: r, col: firstCriterion + i, value }));
    }
    await wb.write([], [{ sheet: JUDGE_SCORE_SHEET, edits }]);
    const out = path.join(returned, path.basename(file));
    await wb.save(out);
    filled.push(out);
    io.out(out);
  }

  step("4. Nhập phiếu chấm vào sổ", "4. Import the returned workbooks");
  await importCommand(ledger, filled, false, io);

  step("5. Tính kết quả", "5. Tally");
  const status = await tallyCommand(ledger, undefined, io);

  const quiz = await quizDemo(root, io, step);
  const emulation = await emulationDemo(root, io, step, ledger);

  step("Các tệp đã ghi", "Files written");
  for (const f of [ledger, ...blanks, ...filled, ...quiz.files, ...emulation.files]) if (existsSync(f)) io.out(`  ${f}`);
  return [status, quiz.status, emulation.status].find((s) => s !== EXIT.done) ?? EXIT.done;
}

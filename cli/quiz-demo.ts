import { promises as fs } from "node:fs";
import path from "node:path";
import { PLANTED, quizDemoCsv, quizDemoSheets } from "../shared/samples/quiz-demo.js";
import type { Io } from "./outcome.js";
import { tallyCommand } from "./ledger-commands.js";
import { XlsxWorkbook } from "./xlsx-workbook.js";

export const QUIZ_DEMO_LEDGER = "so-hoi-thi-truc-tuyen.xlsx";
export const QUIZ_DEMO_CSV = "ket-qua-trac-nghiem.csv";

/**
 * The demo's second sample (seed 002): a ledger with the video contest already scored, the quiz
 * attempts as a CSV export beside it, and `tally --quiz`. Returns the exit status and the files written.
 */
export async function quizDemo(root: string, io: Io, step: (vi: string, en: string) => void): Promise<{ status: number; files: string[] }> {
  const ledger = path.join(root, QUIZ_DEMO_LEDGER);
  const csv = path.join(root, QUIZ_DEMO_CSV);
  await fs.rm(ledger, { force: true });
  const text = quizDemoCsv();
  const attempts = text.split("\r\n").length - 2;
  step(
    `6. Mẫu thứ hai: hội thi trực tuyến (16 đơn vị, 12 video đã chấm, ${attempts} lượt thi trắc nghiệm trong 4 tuần)`,
    `6. Second sample: online contest (16 units, 12 scored videos, ${attempts} quiz attempts over 4 weeks)`,
  );
  await XlsxWorkbook.create(ledger, quizDemoSheets());
  await fs.writeFile(csv, text, "utf8");
  io.out(ledger);
  io.out(csv);
  io.out(
    io.lang === "en"
      ? `Planted ties: week 1 settled by the prediction, week 2 by time taken, week 3 by submission time, week 4 still tied (the committee decides); ${PLANTED.length} planted attempts.`
      : `Các trường hợp bằng điểm cài sẵn: tuần 1 phân định bằng dự đoán, tuần 2 bằng thời gian làm bài, tuần 3 bằng thời điểm nộp, tuần 4 vẫn bằng nhau (Hội đồng quyết định); ${PLANTED.length} lượt thi cài sẵn.`,
  );
  step(`7. Tính kết quả: thidua tally ${QUIZ_DEMO_LEDGER} --quiz ${QUIZ_DEMO_CSV}`, `7. Tally: thidua tally ${QUIZ_DEMO_LEDGER} --quiz ${QUIZ_DEMO_CSV}`);
  const status = await tallyCommand(ledger, undefined, io, [csv]);
  return { status, files: [ledger, csv] };
}

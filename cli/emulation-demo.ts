import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { districtDemoSheets, emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { importCommand, newYearCommand } from "./commands.js";
import { EXIT, type Io } from "./outcome.js";
import { exportCommand } from "./export-command.js";
import { tallyCommand } from "./ledger-commands.js";
import { XlsxWorkbook } from "./xlsx-workbook.js";

export const EMULATION_DEMO_LEDGER = "so-xet-khen-thuong.xlsx";
export const DISTRICT_DEMO_LEDGER = "so-xet-khen-thuong-huyen.xlsx";
export const DISTRICT_DEMO_DOCX = "van-ban-khen-thuong-huyen.docx";
export const EMULATION_DEMO_DOCX = "van-ban-khen-thuong.docx";
export const CONTEST_DEMO_DOCX = "van-ban-giai-sang-kien.docx";
export const EMULATION_DEMO_CERTIFICATES = "giay-khen-khen-thuong.docx";
export const CONTEST_DEMO_CERTIFICATES = "giay-khen-sang-kien.docx";
export const NEXT_YEAR_DEMO_LEDGER = "so-xet-khen-thuong-nam-sau.xlsx";

/**
 * The demo's emulation part (seeds 001/003, invented names): review ledger, tally, and the Word
 * drafts of the award-decision annexes (of the review, and of the judged contest when given).
 */
export async function emulationDemo(root: string, io: Io, step: (vi: string, en: string) => void, contestLedger?: string): Promise<{ status: number; files: string[] }> {
  const ledger = path.join(root, EMULATION_DEMO_LEDGER);
  const docx = path.join(root, EMULATION_DEMO_DOCX);
  const contestDocx = path.join(root, CONTEST_DEMO_DOCX);
  const certificates = path.join(root, EMULATION_DEMO_CERTIFICATES);
  const contestCertificates = path.join(root, CONTEST_DEMO_CERTIFICATES);
  const district = path.join(root, DISTRICT_DEMO_LEDGER);
  const districtDocx = path.join(root, DISTRICT_DEMO_DOCX);
  const nextYear = path.join(root, NEXT_YEAR_DEMO_LEDGER);
  const written = [ledger, docx, certificates, contestDocx, contestCertificates, district, districtDocx, nextYear];
  for (const f of written) await fs.rm(f, { force: true });

  step(
    "Xét khen thưởng phong trào thi đua mẫu (4 tập thể, 8 cá nhân, chỉ tiêu và hạn nộp theo kế hoạch Mỹ Thạnh)",
    "Sample emulation review (4 collectives, 8 individuals, quotas and deadlines of the Mỹ Thạnh plan)",
  );
  await XlsxWorkbook.create(ledger, emulationDemoSheets());
  io.out(ledger);
  const status = await tallyCommand(ledger, undefined, io);

  step(
    "Hội đồng huyện nhận đề nghị của xã: nhập danh sách xã chọn (01 tập thể, 01 cá nhân) vào sổ huyện, rồi xét",
    "The district council receives the commune's selection: import it (1 collective, 1 individual) into the district's ledger, then review",
  );
  await XlsxWorkbook.create(district, districtDemoSheets());
  io.out(district);
  const imported = await importCommand(district, [ledger], false, io);
  const districtStatus = await tallyCommand(district, undefined, io);

  step("Xuất dự thảo văn bản (quyết định, tờ trình, biên bản, danh sách) và giấy khen (Word)", "Draft documents (decisions, submissions, minutes, lists) and certificates (Word)");
  const statuses = [status, imported, districtStatus, await exportCommand(ledger, { docx, certificates }, io), await exportCommand(district, { docx: districtDocx }, io)];
  if (contestLedger !== undefined && existsSync(contestLedger)) statuses.push(await exportCommand(contestLedger, { docx: contestDocx, certificates: contestCertificates }, io));
  io.out(`  thidua export ${ledger} --docx ${docx} --pdf ${docx.replace(/\.docx$/, ".pdf")}`);

  step(
    "Chuẩn bị sổ năm sau: giữ đơn vị, tiêu chí, chỉ tiêu (ngày chuyển sang năm mới), xóa đề nghị năm nay, giữ thứ hạng để tính số bậc tăng",
    "Next year's ledger: units, criteria, quotas kept (dates moved), this year's proposals cleared, ranks kept for the rank gain",
  );
  statuses.push(await newYearCommand(ledger, nextYear, io));
  return { status: statuses.find((s) => s !== EXIT.done) ?? EXIT.done, files: written };
}

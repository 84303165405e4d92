import { resolveSheetNames } from "../../shared/ledger/read-contest.js";
import { type TemplateKind, templateSheets } from "../../shared/samples/templates.js";
import { type ActionResult, type Host, result } from "./host.js";

/** Rows below the data that get the template's drop-downs and number formats. */
export const TEMPLATE_INPUT_ROWS = 1000;

export const TEMPLATE_LABEL: Record<TemplateKind, string> = {
  "sang-kien": "sáng kiến, giải pháp (mẫu Phú Riềng 2020)",
  "truc-tuyen": "thi trực tuyến, video (mẫu Thừa Thiên Huế 2023)",
  "thi-dua": "phong trào thi đua, khen thưởng",
};

/**
 * `Tạo sổ cuộc thi`: writes the template's sheets with drop-downs, frozen header rows and a warning
 * on header edits. An existing sheet is replaced only after the person says so; otherwise only the
 * missing sheets are created.
 */
export function createLedgerAction(host: Host, kind: TemplateKind): ActionResult {
  const sheets = templateSheets(kind);
  const actual = resolveSheetNames(
    host.port.sheetNamesSync(),
    sheets.map((s) => s.name),
  );
  const existing = sheets.filter((s) => actual.has(s.name));
  let overwrite = false;
  if (existing.length > 0) {
    const list = existing.map((s) => `“${actual.get(s.name)}”`).join(", ");
    overwrite = host.confirm(
      "Tạo sổ cuộc thi",
      `Bảng tính đã có các trang ${list}. Ghi đè bằng mẫu? Dữ liệu trong các trang này sẽ bị xóa.\n\nChọn “Không” để giữ nguyên chúng và chỉ tạo các trang còn thiếu.`,
    );
  }
  const toWrite = sheets.filter((s) => overwrite || !actual.has(s.name)).map((s) => ({ ...s, name: actual.get(s.name) ?? s.name }));
  host.port.writeSync(toWrite, [], { fresh: true, inputRows: TEMPLATE_INPUT_ROWS, warnOnHeader: true });
  const kept = overwrite ? [] : existing.map((s) => actual.get(s.name)!);
  const lines = [...toWrite.map((s) => `Đã tạo “${s.name}”`), ...kept.map((n) => `Giữ nguyên “${n}” (đã có)`)];
  return result(true, "Tạo sổ cuộc thi", `Sổ theo mẫu ${TEMPLATE_LABEL[kind]}: ${toWrite.length} trang mới. Thay các dòng ví dụ bằng dữ liệu thật.`, lines);
}

import type { Cell, Grid } from "../cells/cell.js";
import { dayOfInstant, partsOfInstant } from "../cells/date.js";
import { cleanText, codeKey, foldKey } from "../cells/text.js";
import type { ContestLedger, Unit } from "../ledger/model.js";
import { ProblemList } from "../ledger/problem.js";
import { readContest } from "../ledger/read-contest.js";
import { ENTRIES_SHEET, INTAKE_SHEET_NAMES } from "../ledger/schema.js";
import { headerKeys, readTable } from "../ledger/table.js";
import { formatDateTime, formatDay } from "../vn/format.js";

/**
 * A form response becoming a `Bài dự thi` row. Questions are matched to columns by title, the way
 * sheet headers are: case, diacritics and spacing do not matter and the English key is an alias.
 */
export interface Answer {
  readonly title: string;
  readonly text: string;
}

/** Column keys a form may fill; the code, date received and status are the secretariat's. */
const FILLED_BY_FORM = ["title", "category", "unit", "authors", "type", "field", "note"] as const;
type FormKey = (typeof FILLED_BY_FORM)[number];
/** Titles a form naturally uses for the unit question, beside `Mã đơn vị` and `unit`. */
const UNIT_TITLES = ["Đơn vị", "Tên đơn vị", "Đơn vị dự thi"];
/** Answers kept out of `Ghi chú`: Google's timestamp and what the script sets itself. */
const IGNORED_TITLES = ["Dấu thời gian", "Timestamp", "Mã bài", "entry", "Ngày nhận", "received", "Trạng thái", "status"];

const REQUIRED: readonly FormKey[] = ["title", "unit"];

export const DEFAULT_CODE = "B001";

function titleIndex(): Map<string, FormKey> {
  const out = new Map<string, FormKey>();
  for (const def of ENTRIES_SHEET.columns) {
    if (!(FILLED_BY_FORM as readonly string[]).includes(def.key)) continue;
    for (const k of headerKeys(def)) out.set(k, def.key as FormKey);
  }
  for (const t of UNIT_TITLES) out.set(foldKey(t), "unit");
  return out;
}

export interface Mapped {
  readonly values: Partial<Record<FormKey, string>>;
  /** Other answered questions, "Question: answer", kept in `Ghi chú`. */
  readonly extras: readonly string[];
}

export function mapAnswers(answers: readonly Answer[]): Mapped {
  const index = titleIndex();
  const ignored = new Set(IGNORED_TITLES.map(foldKey));
  const values: Partial<Record<FormKey, string>> = {};
  const extras: string[] = [];
  for (const a of answers) {
    const text = cleanText(a.text);
    const folded = foldKey(cleanText(a.title));
    const key = index.get(folded);
    if (key !== undefined && values[key] === undefined) values[key] = text;
    else if (!ignored.has(folded) && text !== "") extras.push(`${cleanText(a.title)}: ${text}`);
  }
  return { values, extras };
}

/** A unit answer: its code, its full name, or "CODE - Name" as a drop-down often shows it. */
export function findUnit(ledger: ContestLedger, answer: string): Unit | undefined {
  const byCode = ledger.units.get(codeKey(answer));
  if (byCode) return byCode;
  const folded = foldKey(answer);
  for (const u of ledger.units.values()) if (foldKey(u.name) === folded) return u;
  const head = answer.split(/\s+[-–—:]\s+|\s*[|(]\s*/)[0] ?? "";
  return head === answer ? undefined : ledger.units.get(codeKey(head));
}

/**
 * The next entry code after the existing ones: the prefix of the last coded row, one more than the
 * highest number with that prefix, same zero padding (SK07 → SK08). Never a code already taken.
 */
export function nextEntryCode(codes: readonly string[]): string {
  const taken = new Set(codes.map((c) => codeKey(c)));
  const parsed = codes.map((c) => /^(.*?)(\d+)$/.exec(cleanText(c))).filter((m): m is RegExpExecArray => m !== null);
  const last = parsed[parsed.length - 1];
  if (!last) return taken.has(DEFAULT_CODE) ? nextEntryCode([...codes, DEFAULT_CODE]) : DEFAULT_CODE;
  const prefix = last[1]!;
  const same = parsed.filter((m) => codeKey(m[1]!) === codeKey(prefix));
  const width = same.reduce((w, m) => Math.max(w, m[2]!.length), 1);
  let n = same.reduce((max, m) => Math.max(max, Number(m[2])), 0) + 1;
  let code = `${prefix}${String(n).padStart(width, "0")}`;
  while (taken.has(codeKey(code))) code = `${prefix}${String(++n).padStart(width, "0")}`;
  return code;
}

export type Intake = { readonly accepted: true; readonly code: string; readonly row: Cell[] } | { readonly accepted: false; readonly reasons: readonly string[] };

const LABEL: Record<FormKey, string> = {
  title: "Tên bài",
  category: "Hạng mục",
  unit: "Mã đơn vị",
  authors: "Tác giả",
  type: "Loại",
  field: "Lĩnh vực",
  note: "Ghi chú",
};

/**
 * Checks a response against the ledger (unit known, inside the window, required answers present)
 * and, when it passes, builds its `Bài dự thi` row with the next code, laid out by the sheet's header.
 */
export function intake(grids: ReadonlyMap<string, Grid | undefined>, entriesSheet: string, answers: readonly Answer[], submittedAt: number, where: string): Intake {
  const { ledger } = readContest(grids);
  const grid = grids.get(entriesSheet) ?? [];
  const table = readTable(entriesSheet, grid, ENTRIES_SHEET, new ProblemList());
  if (!table.complete) return { accepted: false, reasons: [`Trang “${ENTRIES_SHEET.name}” chưa có đủ cột bắt buộc (Mã bài, Tên bài, Mã đơn vị).`] };
  const { values, extras } = mapAnswers(answers);
  const reasons: string[] = [];
  for (const key of REQUIRED) if ((values[key] ?? "") === "") reasons.push(`Thiếu câu trả lời bắt buộc “${LABEL[key]}”.`);
  const unitAnswer = values.unit ?? "";
  const unit = unitAnswer === "" ? undefined : findUnit(ledger, unitAnswer);
  if (unitAnswer !== "" && !unit) reasons.push(`Đơn vị “${unitAnswer}” không có trong trang “Đơn vị”.`);
  const day = dayOfInstant(submittedAt);
  const { opens, closes } = ledger.settings;
  if ((opens !== undefined && day < opens) || (closes !== undefined && day > closes)) {
    const window = [opens, closes].map((d) => (d === undefined ? "…" : formatDay(d))).join(" – ");
    reasons.push(`Nộp ngày ${formatDay(day)}, ngoài thời hạn nhận bài (${window}).`);
  }
  if (reasons.length > 0 || !unit) return { accepted: false, reasons };

  const codeCol = table.columns.get("entry")!;
  const codes = table.rows.map((r) => cleanText(r.cells[codeCol])).filter((c) => c !== "");
  const code = nextEntryCode(codes);
  const width = Math.max(grid[0]?.length ?? 0, 1);
  const row: Cell[] = new Array<Cell>(width).fill(null);
  const put = (key: string, value: Cell): void => {
    const col = table.columns.get(key);
    if (col !== undefined && value !== "" && value !== null) row[col] = value;
  };
  put("entry", code);
  put("title", values.title ?? "");
  put("category", values.category ?? "");
  put("unit", unit.code);
  put("authors", values.authors ?? "");
  put("type", values.type ?? "");
  put("received", new Date(submittedAt));
  put("field", values.field ?? "");
  const stamp = formatDateTime({ ...partsOfInstant(submittedAt) });
  put("note", [values.note ?? "", ...extras, `Nhận qua biểu mẫu lúc ${stamp} (${where}).`].filter((t) => t !== "").join("\n"));
  return { accepted: true, code, row };
}

export const REJECTED_SHEET = INTAKE_SHEET_NAMES.rejectedResponses;
export const REJECTED_HEADER = ["Thời điểm nộp", "Vị trí phản hồi", "Lý do", "Nội dung phản hồi"];

export function rejectedRow(submittedAt: number, where: string, reasons: readonly string[], answers: readonly Answer[]): Cell[] {
  const content = answers.map((a) => `${cleanText(a.title)}: ${cleanText(a.text)}`).join("\n");
  return [new Date(submittedAt), where, reasons.join("\n"), content];
}

import type { Lang } from "../shared/i18n/messages.js";

interface CommandHelp {
  /** Vietnamese placeholders; `usageIn` gives the English ones. */
  readonly usage: string;
  readonly vi: string;
  readonly en: string;
}

export const COMMANDS: Readonly<Record<string, CommandHelp>> = {
  init: {
    usage: "thidua init <sang-kien|truc-tuyen|thi-dua> <tệp.xlsx> [--year <năm>]",
    vi: "Tạo sổ mới theo mẫu: sang-kien (cuộc thi sáng kiến), truc-tuyen (thi trắc nghiệm trực tuyến theo tuần và video), thi-dua (phong trào thi đua, xét khen thưởng của xã, phường, đặc khu). Các ngày trong mẫu theo năm hiện tại, hoặc năm ghi ở --year; tên cơ quan tổ chức để trống cho người dùng ghi. Không ghi đè tệp đã có.",
    en: "Write a new ledger from a template: sang-kien (initiative contest), truc-tuyen (weekly online quiz and video), thi-dua (emulation review of a commune, ward or special zone). Dates follow the current year, or --year; the organiser is left for you to fill. Never overwrites a file.",
  },
  check: {
    usage: "thidua check <sổ.xlsx>",
    vi: "Kiểm tra sổ và in mọi lỗi, cảnh báo kèm vị trí ô. Không ghi gì vào sổ.",
    en: "Check the ledger and print every problem with its cell. Writes nothing.",
  },
  tally: {
    usage: "thidua tally <sổ.xlsx> [--out <tệp.xlsx>] [--quiz <lượt-thi.csv|.xlsx>]…",
    vi: "Tính kết quả và ghi các trang Kết quả, Danh sách giải, Tổng hợp đơn vị, Kiểm tra (vào sổ, hoặc vào tệp mới kèm bản sao dữ liệu khi có --out). Khi sổ có trang Trắc nghiệm hoặc có --quiz (lặp lại được, tệp CSV hoặc .xlsx xuất từ phần mềm thi, đọc lần lượt từng dòng), ghi thêm Giải tuần, Tham gia đơn vị và Giải tập thể, và in tổng tiền thưởng toàn cuộc thi. Sổ xét khen thưởng (mẫu thi-dua: có trang Đề nghị khen thưởng, Tiêu chí khen thưởng, Chỉ tiêu khen thưởng) được tính theo tiêu chí, chỉ tiêu, hồ sơ và ghi Danh sách khen thưởng, Không đủ điều kiện, Thiếu hồ sơ, Kiểm tra.",
    en: "Compute and write the output sheets (into the ledger, or into a new file with the inputs copied when --out is given). When the ledger has a Trắc nghiệm sheet or --quiz files are given (repeatable; CSV or .xlsx exports of the quiz platform, streamed row by row), also write Giải tuần, Tham gia đơn vị and Giải tập thể, and print the grand total of prize money. An award-review ledger (template thi-dua: sheets Đề nghị khen thưởng, Tiêu chí khen thưởng, Chỉ tiêu khen thưởng) is computed against criteria, quotas and dossiers, writing Danh sách khen thưởng, Không đủ điều kiện, Thiếu hồ sơ and Kiểm tra.",
  },
  "judge-sheets": {
    usage: "thidua judge-sheets <sổ.xlsx> --out <thư mục>",
    vi: "Tạo cho mỗi giám khảo một tệp phiếu chấm (chỉ mở khóa ô điểm, kiểm tra điểm 0 – tối đa).",
    en: "Write one scoring workbook per judge (only score cells unlocked, scores validated 0..max).",
  },
  import: {
    usage: "thidua import <sổ.xlsx> <tệp.xlsx>… [--replace]",
    vi: "Nhập phiếu chấm giám khảo gửi lại (và tệp đăng ký bài của đơn vị) vào sổ. Với sổ xét khen thưởng: nhập sổ của cấp dưới (xã, phường, đặc khu), lấy những người, tập thể Hội đồng cấp dưới đã chọn cho các danh hiệu, hình thức của sổ này, mã ghi là <Mã đơn vị>-<mã ở sổ cấp dưới>. Không bao giờ ghi đè giá trị khác nhau nếu không có --replace; mỗi lần nhập ghi vào trang Nhật ký.",
    en: "Merge returned judges' workbooks (and units' entry workbooks) into the ledger. Into an award-review ledger: import a lower level's review ledger, taking those its council selected for this ledger's awards, coded <unit code>-<lower code>. Different values are never overwritten without --replace; each import is logged in Nhật ký.",
  },
  export: {
    usage: "thidua export <sổ.xlsx> --docx <tệp.docx> [--pdf <tệp.pdf>] [--certificates <giấy-khen.docx|.pdf>]",
    vi: "Xuất dự thảo văn bản theo thể thức Nghị định 30/2020/NĐ-CP, mỗi cơ quan có thẩm quyền một văn bản: quyết định khen thưởng (trao giải) kèm danh sách; tờ trình kèm danh sách đề nghị cấp trên; biên bản họp Hội đồng Thi đua - Khen thưởng có bảng biểu quyết; danh sách trình Hội đồng các trường hợp bằng điểm. --pdf tạo thêm bản PDF khi máy có LibreOffice (Writer); --certificates ghi giấy khen, mỗi người một trang A4 ngang. Số, ngày, người ký để trống cho văn thư điền.",
    en: "Write draft documents in the format of Decree 30/2020/NĐ-CP, one per issuing authority: the award decision with its list; the submission with the list proposed to a higher level; the council's minutes with a vote table; the list of ties for the council. --pdf also writes a PDF when LibreOffice (Writer) is installed; --certificates writes the certificates, one A4 landscape page per awardee. Number, date and signer are left blank.",
  },
  "new-year": {
    usage: "thidua new-year <sổ.xlsx> --out <tệp.xlsx> [--year <năm>]",
    vi: "Tạo sổ cho năm sau từ sổ năm nay: giữ đơn vị, giám khảo, tiêu chí, cơ cấu giải, chỉ tiêu (các ngày chuyển sang năm mới); xóa nội dung bài dự thi, điểm, lượt thi, đề nghị khen thưởng (giữ dòng tiêu đề, định dạng và công thức); để trống trang kết quả và nhật ký; giữ nguyên trang riêng, biểu đồ, định dạng của Tổ thư ký; giữ thứ hạng năm nay của các đơn vị ở trang Thứ hạng năm trước (để tính số bậc tăng). Không ghi đè tệp đã có.",
    en: "Write next year's ledger from this year's: units, judges, criteria, prize structure and quotas kept (dates moved to the new year); entries, scores, attempts and proposals cleared (headers, formatting and formulas kept); outputs and logs emptied; the secretariat's own sheets, charts and formatting kept as they were; this year's unit ranks kept in Thứ hạng năm trước (for the rank-gain criterion). Never overwrites a file.",
  },
  demo: {
    usage: "thidua demo [thư mục]",
    vi: "Chạy toàn bộ quy trình trên dữ liệu mẫu (mặc định vào thư mục thidua-demo).",
    en: "Run the whole flow on built-in sample data (into ./thidua-demo by default).",
  },
};

const PLACEHOLDERS_EN: readonly [string, string][] = [
  ["<sổ.xlsx>", "<ledger.xlsx>"],
  ["<tệp.xlsx>", "<file.xlsx>"],
  ["<tệp.docx>", "<file.docx>"],
  ["<tệp.pdf>", "<file.pdf>"],
  ["<giấy-khen.docx|.pdf>", "<certificates.docx|.pdf>"],
  ["<thư mục>", "<folder>"],
  ["<năm>", "<year>"],
  ["[thư mục]", "[folder]"],
  ["<lượt-thi.csv|.xlsx>", "<attempts.csv|.xlsx>"],
];

/** A command's usage line with its placeholders in the reader's language. */
export function usageIn(c: CommandHelp, lang: Lang): string {
  return lang === "vi" ? c.usage : PLACEHOLDERS_EN.reduce((u, [vi, en]) => u.split(vi).join(en), c.usage);
}

export function generalHelp(lang: Lang): string {
  const lines = [
    lang === "vi" ? "thidua — sổ cái cuộc thi, phong trào thi đua cải cách hành chính" : "thidua — the competition ledger for administrative-reform contests",
    "",
    lang === "vi" ? "Cách dùng:" : "Usage:",
    ...Object.values(COMMANDS).map((c) => `  ${usageIn(c, lang)}\n      ${lang === "vi" ? c.vi : c.en}`),
    "",
    lang === "vi" ? "Tùy chọn chung: --lang en (thông báo tiếng Anh), --help, --version" : "Common options: --lang vi|en, --help, --version",
    lang === "vi"
      ? "Mã thoát: 0 xong, không còn lỗi; 1 xong nhưng còn lỗi (kết quả tạm tính); 2 không làm được gì (tệp không đọc được, thiếu trang bắt buộc, sai tham số)."
      : "Exit status: 0 done, no errors; 1 done but errors remain (provisional); 2 nothing could be done (unreadable file, missing sheet, bad arguments).",
  ];
  return lines.join("\n");
}

export function commandHelp(command: string, lang: Lang): string | undefined {
  if (!Object.hasOwn(COMMANDS, command)) return undefined;
  const c = COMMANDS[command]!;
  return `${lang === "vi" ? "Cách dùng" : "Usage"}: ${usageIn(c, lang)}\n\n${lang === "vi" ? c.vi : c.en}`;
}

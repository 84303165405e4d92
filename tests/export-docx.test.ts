import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annexDocxBuffer } from "../cli/word-file.js";
import type { AnnexDocument } from "../shared/documents/annex.js";
import { contestDocuments } from "../shared/documents/from-contest.js";
import { authorityOf, placeOf, tierOf } from "../shared/documents/authority.js";
import { emulationDocuments } from "../shared/documents/from-emulation.js";
import { buildAnnexes } from "../shared/documents/sources.js";
import { runEmulation } from "../shared/emulation/run.js";
import { prizeListSheet } from "../shared/ledger/contest-outputs.js";
import { emulationDemoSheets } from "../shared/samples/emulation-demo.js";
import { runContest } from "../shared/tasks/contest-run.js";
import { amountInWords } from "../shared/vn/words.js";
import { demoSheets, writeBook } from "./support/cli-books.js";
import { scoredDemoSheets } from "./support/cli-ledgers.js";
import { removeFolder, runCli, stackTraceLines, tempFolder } from "./support/cli-run.js";
import { type DocxText, attribute, readDocx } from "./support/docx-read.js";
import { demoLedgerScored, gridsOf } from "./support/grids.js";

const MOTTO_TOP = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO_BOTTOM = "Độc lập - Tự do - Hạnh phúc";
const REF_XA = "(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân xã Mỹ Thạnh)";

describe("the annex model (Decree 30/2020/NĐ-CP layout)", () => {
  const review = emulationDocuments(runEmulation(gridsOf(emulationDemoSheets()))).annexes;

  it("makes one document per authority and level: the commune's own decision, a proposal to the district, the council's list", () => {
    expect(review.map((a) => [a.title, a.subtitle[0]])).toEqual([
      ["DANH SÁCH", "Tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND xã"],
      ["DANH SÁCH ĐỀ NGHỊ", "Tập thể, cá nhân đề nghị Chủ tịch Ủy ban nhân dân huyện … tặng Giấy khen của Chủ tịch UBND huyện"],
      ["DANH SÁCH TRÌNH HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "Tập thể, cá nhân bằng điểm tại ranh giới chỉ tiêu"],
    ]);
    // The movement's name already holds its year: said once.
    expect(review[0]!.subtitle[1]).toBe("Phong trào thi đua đẩy mạnh cải cách hành chính xã Mỹ Thạnh năm 2023");
    expect(review[1]!.decisionRef).toBe("(Kèm theo Tờ trình số …/TTr-UBND ngày … tháng … năm … của Ủy ban nhân dân xã Mỹ Thạnh)");
    expect(review[2]!.signature).toMatchObject({ authority: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", position: "CHỦ TỊCH" });
    const [xa] = review as [AnnexDocument];
    expect(xa.issuer).toEqual(["ỦY BAN NHÂN DÂN", "XÃ MỸ THẠNH"]);
    expect(xa.motto).toEqual([MOTTO_TOP, MOTTO_BOTTOM]);
    expect(xa.title).toBe("DANH SÁCH");
    expect(xa.decisionRef).toBe(REF_XA);
    expect(xa.signature).toMatchObject({ position: "CHỦ TỊCH", note: "(Ký, ghi rõ họ tên, đóng dấu)" });
  });

  it("numbers the awarded per section; the council's cases are only in the council's list, with a column for its decision", () => {
    const xa = review[0]!;
    expect(xa.rows.map((r) => (r.kind === "section" ? r.text : r.cells.slice(0, 2).join(" ")))).toEqual([
      "I. TẬP THỂ (01)",
      "1 Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh",
      "II. CÁ NHÂN (02)",
      "1 Lê Thị Thu Hà",
      "2 Trần Minh Khoa",
      " Tổng cộng",
    ]);
    expect(xa.totals).toEqual(["Tổng số: 01 tập thể, 02 cá nhân.", "Tổng số tiền: 1.080.000 đồng (Bằng chữ: Một triệu không trăm tám mươi nghìn đồng)."]);
    expect(xa.banner).toBeUndefined();
    const council = review[2]!;
    expect(council.rows.map((r) => (r.kind === "item" ? r.cells : []))).toEqual([
      ["1", "Võ Thị Ngọc Bích", "Văn phòng - Thống kê", "Giấy khen của Chủ tịch UBND xã", "90,4", "Còn 1 suất", ""],
      ["2", "Huỳnh Văn Phúc", "Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh", "Giấy khen của Chủ tịch UBND xã", "90,4", "Còn 1 suất", ""],
    ]);
    expect(council.columns.at(-1)!.header).toBe("Ý kiến Hội đồng");
  });

  it("turns a judged contest's prize list into the same annex, row for row with `Danh sách giải`", () => {
    const run = runContest(demoLedgerScored());
    const [annex] = contestDocuments(run).annexes as [AnnexDocument];
    const sheet = prizeListSheet(run.ledger, run.result, run.errorCount);
    const sheetRows = sheet.rows.filter((r) => typeof r[0] === "number").map((r) => [r[2], r[4]]);
    const annexRows = annex.rows.flatMap((r) => (r.kind === "item" ? [[r.cells[1], r.cells[2]]] : []));
    expect(annexRows).toEqual(sheetRows);
    expect(annex.totals[1]).toBe(`Tổng số tiền: ${new Intl.NumberFormat("de-DE").format(Number(run.result.totalAmount))} đồng (Bằng chữ: ${amountInWords(run.result.totalAmount)}).`);
    expect(annex.subtitle[0]).toBe("Các bài dự thi đạt giải Tìm sáng kiến, giải pháp cải cách hành chính huyện Phú Riềng năm 2020");
  });

  it("builds every applicable kind from one workbook and leaves the others out", () => {
    const both = new Map([...demoLedgerScored(), ...gridsOf(emulationDemoSheets()).entries()].filter(([name]) => name !== "Cuộc thi"));
    both.set("Cuộc thi", demoLedgerScored().get("Cuộc thi"));
    expect(buildAnnexes(both).kinds).toEqual(["judged", "emulation"]);
    expect(buildAnnexes(gridsOf(emulationDemoSheets())).kinds).toEqual(["emulation"]);
    expect(buildAnnexes(demoLedgerScored()).kinds).toEqual(["judged"]);
  });
});

describe("who issues each document: the tier named in the text, never a list of places", () => {
  it("reads the tier from the words of a body or an award level", () => {
    expect(tierOf("Giấy khen của Chủ tịch UBND xã")).toBe("commune");
    expect(tierOf("Ủy ban nhân dân phường Thuận Hóa")).toBe("commune");
    expect(tierOf("UBND đặc khu Phú Quốc")).toBe("commune");
    expect(tierOf("Ủy ban nhân dân thị xã Phú Mỹ")).toBe("district");
    expect(tierOf("Giấy khen UBND huyện")).toBe("district");
    expect(tierOf("Bằng khen của Chủ tịch UBND tỉnh")).toBe("province");
    expect(tierOf("Bằng khen của Thủ tướng Chính phủ")).toBe("central");
    expect(tierOf("Lao động tiên tiến")).toBeUndefined();
    expect(tierOf("Giấy khen (UBND-xã)")).toBe("commune");
  });

  it("dates a document at the place the organizer's name gives after its tier word", () => {
    expect(placeOf("Ủy ban nhân dân xã Mỹ Thạnh")).toBe("Mỹ Thạnh");
    expect(placeOf("UBND  thị xã Phú Mỹ")).toBe("Phú Mỹ");
    expect(placeOf("Ủy ban nhân dân thành phố Huế")).toBe("Huế");
    expect(placeOf("Sở Nội vụ")).toBe("…");
  });

  it("lets the organizer's head decide its own tier, and proposes the others (an explicit Thẩm quyền khen wins)", () => {
    const xa = "Ủy ban nhân dân xã Mỹ Thạnh";
    expect(authorityOf("Giấy khen của Chủ tịch UBND xã", xa)).toEqual({ kind: "own" });
    expect(authorityOf("Lao động tiên tiến", xa)).toEqual({ kind: "own" });
    expect(authorityOf("Bằng khen của Chủ tịch UBND tỉnh", xa)).toEqual({ kind: "higher", name: "Chủ tịch Ủy ban nhân dân tỉnh …", tier: "province" });
    expect(authorityOf("Bằng khen", xa, "Chủ tịch UBND tỉnh Đồng Tháp")).toEqual({ kind: "higher", name: "Chủ tịch UBND tỉnh Đồng Tháp", tier: "province" });
    expect(authorityOf("Giấy khen UBND huyện", "UBND huyện Phú Riềng")).toEqual({ kind: "own" });
  });
});

describe("the Word draft read back from its XML", () => {
  let review: DocxText;
  let contest: DocxText;
  beforeAll(async () => {
    review = await readDocx(await annexDocxBuffer(emulationDocuments(runEmulation(gridsOf(emulationDemoSheets()))).annexes));
    contest = await readDocx(await annexDocxBuffer(contestDocuments(runContest(demoLedgerScored())).annexes));
  });

  it("has the national motto, the issuer, the title and the decision reference, with correct diacritics", () => {
    for (const text of [MOTTO_TOP, MOTTO_BOTTOM, "ỦY BAN NHÂN DÂN", "XÃ MỸ THẠNH", "DANH SÁCH", "Tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND xã", REF_XA]) {
      expect(review.paragraphs).toContain(text);
    }
    expect(review.documentXml).toBe(review.documentXml.normalize("NFC"));
    expect(/[\u0300-\u036f]/.test(review.documentXml)).toBe(false);
  });

  it("has the numbered table rows, the total row and the amounts in words", () => {
    expect(review.rows).toContainEqual(["TT", "Tên tập thể, cá nhân", "Đơn vị", "Điểm", "Số tiền (đồng)", "Ghi chú"]);
    expect(review.rows).toContainEqual(["I. TẬP THỂ (01)"]);
    expect(review.rows).toContainEqual(["1", "Lê Thị Thu Hà", "Tư pháp - Hộ tịch", "93,5", "270.000", ""]);
    expect(review.rows).toContainEqual(["2", "Huỳnh Văn Phúc", "Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh", "Giấy khen của Chủ tịch UBND xã", "90,4", "Còn 1 suất", ""]);
    expect(review.rows).toContainEqual(["1", "Nguyễn Hoàng Nam", "Văn phòng - Thống kê", "94", "270.000", ""]);
    expect(review.rows).toContainEqual(["", "Tổng cộng", "", "", "1.080.000", ""]);
    expect(review.paragraphs).toContain("Tổng số tiền: 1.080.000 đồng (Bằng chữ: Một triệu không trăm tám mươi nghìn đồng).");
    expect(review.paragraphs).toContain("Tổng số tiền: 810.000 đồng (Bằng chữ: Tám trăm mười nghìn đồng).");
    expect(contest.paragraphs.some((p) => p.startsWith("Tổng số tiền:") && p.includes("Bằng chữ:"))).toBe(true);
    expect(contest.rows[2]![1]).toBe("Nhất");
  });

  it("has the signature block with placeholders and the list of recipients", () => {
    for (const text of ["CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)", "……………", "Nơi nhận:", "- Lưu: VT."]) expect(review.paragraphs).toContain(text);
  });

  it("is A4 with the decree's margins, in Times New Roman 14 pt (tables 12 pt), one section per document", () => {
    const x = review.documentXml;
    expect([attribute(x, "w:pgSz", "w:w"), attribute(x, "w:pgSz", "w:h")]).toEqual(["11906", "16838"]);
    expect(["w:top", "w:bottom", "w:left", "w:right"].map((a) => attribute(x, "w:pgMar", a))).toEqual(["1134", "1134", "1701", "850"]);
    expect((x.match(/<w:sectPr/g) ?? []).length).toBe(3);
    expect(attribute(review.stylesXml, "w:rFonts", "w:ascii")).toBe("Times New Roman");
    expect(x).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    expect(x).toMatch(/<w:sz w:val="28"\/>/);
    expect(x).toMatch(/<w:sz w:val="26"\/>/);
  });
});

describe("thidua export", () => {
  let dir: string;
  let review: string;
  beforeAll(async () => {
    dir = tempFolder("export");
    review = path.join(dir, "xet-khen-thuong.xlsx");
    await writeBook(review, emulationDemoSheets());
  });
  afterAll(() => removeFolder(dir));

  it("writes the Word draft (exit 0)", async () => {
    const docx = path.join(dir, "phu-luc.docx");
    const run = await runCli(["export", review, "--docx", docx]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(6 văn bản)");
    expect((await readDocx(docx)).paragraphs).toContain(REF_XA);
  });

  it("writes a contest's prize list and marks it provisional when Lỗi remain (exit 1)", async () => {
    const ledger = path.join(dir, "cuoc-thi-loi.xlsx");
    await writeBook(
      ledger,
      scoredDemoSheets((rows) => rows.get("Điểm")!.push(["SK02", "GK9", null, 20, 20, 20, 5])),
    );
    const docx = path.join(dir, "giai.docx");
    const run = await runCli(["export", ledger, "--docx", docx]);
    expect(run.code).toBe(1);
    expect((await readDocx(docx)).paragraphs.some((p) => p.startsWith("KẾT QUẢ TẠM TÍNH: còn 1 lỗi"))).toBe(true);
  });

  it("with nothing awarded yet, writes nothing and says so (exit 1), never a list headed “Tổng số: 00 giải”", async () => {
    const ledger = path.join(dir, "chua-cham.xlsx");
    await writeBook(ledger, demoSheets());
    const docx = path.join(dir, "rong.docx");
    const run = await runCli(["export", ledger, "--docx", docx]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Chưa có bài đạt giải hay tập thể, cá nhân được khen thưởng nào");
    expect(existsSync(docx)).toBe(false);
    expect(stackTraceLines(run.stderr)).toEqual([]);
  });

  it("refuses without --docx or --pdf, and on a ledger missing sheets (exit 2)", async () => {
    const none = await runCli(["export", review]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Cần tên tệp sổ và --docx <tệp.docx>");
    const partial = path.join(dir, "thieu.xlsx");
    await writeBook(
      partial,
      emulationDemoSheets().filter((s) => s.name !== "Tiêu chí khen thưởng"),
    );
    const missing = await runCli(["export", partial, "--docx", path.join(dir, "x.docx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Sổ thiếu trang bắt buộc: Tiêu chí khen thưởng.");
    expect(existsSync(path.join(dir, "x.docx"))).toBe(false);
    expect(stackTraceLines(missing.stderr)).toEqual([]);
  });

  it("says in Vietnamese that LibreOffice is missing and exits 2 for the PDF, keeping the Word file", async () => {
    const docx = path.join(dir, "co-word.docx");
    const pdf = path.join(dir, "khong-pdf.pdf");
    const run = await runCli(["export", review, "--docx", docx, "--pdf", pdf], { env: { THIDUA_SOFFICE: path.join(dir, "khong-co-soffice") } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Không tạo được bản PDF: máy chưa cài LibreOffice");
    expect(run.stderr).toContain("libreoffice-writer");
    expect(existsSync(docx)).toBe(true);
    expect(existsSync(pdf)).toBe(false);
  });
});

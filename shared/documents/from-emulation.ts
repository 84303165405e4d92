import { countsText, unitNameOf } from "../emulation/outputs.js";
import type { CandidateResult } from "../emulation/evaluate.js";
import type { EmulationRun } from "../emulation/run.js";
import { provisionalBanner } from "../ledger/contest-outputs.js";
import { toPlainText } from "../cells/exact.js";
import { formatDecimalVi, formatInteger } from "../vn/format.js";
import {
  type AnnexColumn,
  type AnnexDocument,
  type AnnexRow,
  BLANK,
  councilReference,
  COUNCIL_SIGNATURE,
  nameWithYear,
  PROPOSAL_RECIPIENTS,
  officialAnnex,
  proposalReference,
  roman,
  totalAmountLine,
  twoDigits,
} from "./annex.js";
import { type Authority, authorityOf } from "./authority.js";
import { certificatePaper } from "./certificates.js";
import { VOTE_COLUMNS, decisionPaper, minutesPaper, submissionPaper } from "./letters.js";
import { type DocumentSet, type Paper, listPaper } from "./paper.js";
import { amountInWords } from "../vn/words.js";
import type { AwardKind } from "../emulation/model.js";

const SECTION: Record<"collective" | "individual", string> = { collective: "TẬP THỂ", individual: "CÁ NHÂN" };

/** How a decision names an award: a form by its name (“Giấy khen của Chủ tịch UBND xã”), a title as danh hiệu “Lao động tiên tiến”. */
export function awardPhrase(level: string, kind: AwardKind | undefined): string {
  const name = level.trim() || "…";
  if (kind !== "title") return name;
  return `danh hiệu “${name.replace(/^danh hiệu\s*/iu, "").replace(/^[“"]|[”"]$/gu, "")}”`;
}

/**
 * The review's documents, one per issuing authority and level: the organizer's own awards as the
 * annex of its decision, awards of a higher level as a proposal (“DANH SÁCH ĐỀ NGHỊ”) to that
 * authority, and every case left to the council in one list for its meeting, never in an awarded
 * list. Levels with nobody awarded or proposed are left out. The lists are computed once.
 */
export function emulationDocuments(run: EmulationRun): DocumentSet {
  const lists = levelLists(run);
  const council = councilList(run);
  return { annexes: [...lists.map((l) => l.annex), ...(council ? [council] : [])], papers: papersOf(run, lists, council), certificates: certificatesOf(run, lists) };
}

/**
 * Everything the secretariat files: the council's minutes with its vote table (and its list of
 * ties, when any), then per level the decision and its list, or the Tờ trình and its proposal list.
 */
function papersOf(run: EmulationRun, lists: readonly LevelList[], council: AnnexDocument | undefined): Paper[] {
  const s = run.ledger.settings;
  const movement = nameWithYear(s.name, s.year) || BLANK;
  const papers: Paper[] = [minutes(run, movement), ...(council ? [listPaper(council)] : [])];
  for (const l of lists) {
    const counts = countsText(l.awarded.map((x) => x.r));
    if (l.authority.kind === "higher") {
      const paragraphs = [
        `Thực hiện ${movement}; căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng tại cuộc họp ngày ${BLANK} tháng ${BLANK} năm ${BLANK},`,
        `${s.organizer || BLANK} kính đề nghị ${l.authority.name} xem xét, tặng ${l.form} cho ${counts} (có danh sách kèm theo).`,
      ];
      papers.push(
        submissionPaper({ organizer: s.organizer, authority: l.authority.name, subject: `Về việc đề nghị tặng ${l.form} cho các tập thể, cá nhân có thành tích trong ${movement}`, paragraphs }),
      );
    } else {
      const articles = [
        `Tặng ${l.form} cho ${counts} (có danh sách kèm theo) đã có thành tích xuất sắc trong ${movement}.`,
        ...(l.withMoney ? [`Kèm theo ${l.form} là tiền thưởng; tổng số tiền ${formatInteger(l.total)} đồng (Bằng chữ: ${amountInWords(l.total, s.thousandWord)}), từ nguồn kinh phí ${BLANK}.`] : []),
      ];
      papers.push(decisionPaper({ organizer: s.organizer, subject: `Về việc tặng ${l.form} cho các tập thể, cá nhân có thành tích trong ${movement}`, articles }));
    }
    papers.push(listPaper(l.annex));
  }
  return papers;
}

/** One certificate per awardee of the organizer's own levels (a higher authority prints its own). */
function certificatesOf(run: EmulationRun, lists: readonly LevelList[]): Paper[] {
  const s = run.ledger.settings;
  const movement = nameWithYear(s.name, s.year) || BLANK;
  return lists
    .filter((l) => l.authority.kind === "own")
    .flatMap((l) =>
      l.awarded.map(({ r }) =>
        certificatePaper({
          organizer: s.organizer,
          form: l.form,
          recipient: r.candidate.name,
          unit: r.candidate.type === "individual" ? unitNameOf(run.ledger, r.candidate) : "",
          achievement: l.kind === "title" ? `Đã đạt ${l.form} trong ${movement}` : `Đã có thành tích xuất sắc trong ${movement}`,
        }),
      ),
    );
}

type Listed = { readonly r: CandidateResult; readonly amount: bigint | undefined };

interface LevelList {
  readonly annex: AnnexDocument;
  /** The award as the documents name it (see awardPhrase). */
  readonly form: string;
  readonly kind: AwardKind | undefined;
  readonly authority: Authority;
  readonly awarded: readonly Listed[];
  readonly withMoney: boolean;
  readonly total: bigint;
}

function levelLists(run: EmulationRun): LevelList[] {
  const levels = new Map<string, { level: string; authority: string | undefined }>();
  for (const q of run.result.quotas) if (!levels.has(q.quota.levelKey)) levels.set(q.quota.levelKey, { level: q.quota.level, authority: q.quota.authority });
  return [...levels].flatMap(([levelKey, { level, authority }]) => {
    const list = levelAnnex(run, levelKey, level, authority);
    return list === undefined ? [] : [list];
  });
}

function levelColumns(withMoney: boolean): AnnexColumn[] {
  return [
    { header: "TT", width: 7, align: "center", nowrap: true },
    { header: "Tên tập thể, cá nhân", width: 34, align: "left" },
    { header: "Đơn vị", width: 28, align: "left" },
    { header: "Điểm", width: 10, align: "center", nowrap: true },
    ...(withMoney ? [{ header: "Số tiền (đồng)", width: 16, align: "right" as const, nowrap: true }] : []),
    { header: "Ghi chú", width: withMoney ? 12 : 20, align: "left" },
  ];
}

/** One level's awardees: a section per type (collectives, then individuals), numbered, with totals. */
function levelAnnex(run: EmulationRun, levelKey: string, level: string, explicitAuthority: string | undefined): LevelList | undefined {
  const { ledger, result } = run;
  const s = ledger.settings;
  const quotas = result.quotas.filter((q) => q.quota.levelKey === levelKey);
  const awarded: Listed[] = quotas.flatMap((q) => q.listed.filter((r) => r.outcome === "awarded").map((r) => ({ r, amount: q.quota.amount })));
  if (awarded.length === 0) return undefined;
  const withMoney = quotas.some((q) => q.quota.amount !== undefined);
  const rows: AnnexRow[] = [];
  let section = 0;
  for (const type of ["collective", "individual"] as const) {
    const ofType = awarded.filter((x) => x.r.candidate.type === type);
    if (ofType.length === 0) continue;
    rows.push({ kind: "section", text: `${roman(section++)}. ${SECTION[type]} (${twoDigits(ofType.length)})` });
    ofType.forEach(({ r, amount }, i) => {
      const c = r.candidate;
      const money = withMoney ? [amount !== undefined ? formatInteger(amount) : ""] : [];
      rows.push({ kind: "item", cells: [String(i + 1), c.name, unitNameOf(ledger, c), c.score === undefined ? "" : formatDecimalVi(toPlainText(c.score)), ...money, r.tied ? "đồng hạng" : ""] });
    });
  }
  const total = awarded.reduce((sum, x) => sum + (x.amount ?? 0n), 0n);
  const totals = [`Tổng số: ${countsText(awarded.map((x) => x.r))}.`];
  if (withMoney) {
    rows.push({ kind: "total", cells: ["", "Tổng cộng", "", "", formatInteger(total), ""] });
    totals.push(totalAmountLine(total, s.thousandWord));
  }
  const banner = run.errorCount > 0 ? provisionalBanner(run.errorCount) : undefined;
  const movement = s.name ? [nameWithYear(s.name, s.year)] : [];
  const authority = authorityOf(level, s.organizer, explicitAuthority);
  const kind = quotas[0]?.quota.kind;
  const form = awardPhrase(level, kind);
  const list = { form, kind, authority, awarded, withMoney, total };
  if (authority.kind === "higher") {
    const subtitle = [`Tập thể, cá nhân đề nghị ${authority.name} tặng ${form}`, ...movement];
    const annex = officialAnnex(s.organizer, {
      kind: "emulation",
      title: "DANH SÁCH ĐỀ NGHỊ",
      reference: proposalReference(s.organizer),
      recipients: PROPOSAL_RECIPIENTS,
      subtitle,
      columns: levelColumns(withMoney),
      rows,
      totals,
      banner,
    });
    return { ...list, annex };
  }
  return { ...list, annex: officialAnnex(s.organizer, { kind: "emulation", subtitle: [`Tập thể, cá nhân được tặng ${form}`, ...movement], columns: levelColumns(withMoney), rows, totals, banner }) };
}

/** The minutes' vote table: every case the council votes on (awarded, proposed, tied), blank vote columns. */
function minutes(run: EmulationRun, movement: string): Paper {
  const { ledger, result } = run;
  const cases = result.quotas.flatMap((q) => q.listed.filter((r) => r.outcome === "awarded" || r.outcome === "pending").map((r) => ({ r, level: q.quota.level })));
  const rows: AnnexRow[] = cases.map(({ r, level }, i) => ({
    kind: "item",
    cells: [String(i + 1), r.candidate.name, unitNameOf(ledger, r.candidate), level, r.candidate.score === undefined ? "" : formatDecimalVi(toPlainText(r.candidate.score)), "", ""],
  }));
  const columns: AnnexColumn[] = [
    { header: "TT", width: 6, align: "center", nowrap: true },
    { header: "Tên tập thể, cá nhân", width: 26, align: "left" },
    { header: "Đơn vị", width: 20, align: "left" },
    { header: "Hình thức đề nghị", width: 18, align: "left" },
    { header: "Điểm", width: 9, align: "center", nowrap: true },
    ...VOTE_COLUMNS,
  ];
  return minutesPaper({ organizer: ledger.settings.organizer, purpose: `xét khen thưởng ${movement}`, columns, rows });
}

/** Every case tied at a quota's edge, for the council's meeting: no number in an awarded list, a column for its decision. */
function councilList(run: EmulationRun): AnnexDocument | undefined {
  const { ledger, result } = run;
  const s = ledger.settings;
  const pending = result.quotas.flatMap((q) => q.listed.filter((r) => r.outcome === "pending").map((r) => ({ r, level: q.quota.level })));
  if (pending.length === 0) return undefined;
  const rows: AnnexRow[] = pending.map(({ r, level }, i) => ({
    kind: "item",
    cells: [
      String(i + 1),
      r.candidate.name,
      unitNameOf(ledger, r.candidate),
      level,
      r.candidate.score === undefined ? "" : formatDecimalVi(toPlainText(r.candidate.score)),
      `Còn ${r.seatsAtStake ?? 0} suất`,
      "",
    ],
  }));
  return officialAnnex(s.organizer, {
    kind: "council",
    title: "DANH SÁCH TRÌNH HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    reference: councilReference(),
    subtitle: ["Tập thể, cá nhân bằng điểm tại ranh giới chỉ tiêu", ...(s.name ? [nameWithYear(s.name, s.year)] : [])],
    columns: [
      { header: "TT", width: 6, align: "center", nowrap: true },
      { header: "Tên tập thể, cá nhân", width: 26, align: "left" },
      { header: "Đơn vị", width: 20, align: "left" },
      { header: "Đề nghị", width: 18, align: "left" },
      { header: "Điểm", width: 9, align: "center", nowrap: true },
      { header: "Chỉ tiêu", width: 10, align: "center" },
      { header: "Ý kiến Hội đồng", width: 16, align: "left" },
    ],
    rows,
    totals: [`Tổng số: ${countsText(pending.map((x) => x.r))} chờ Hội đồng quyết định.`],
    banner: undefined,
    signature: COUNCIL_SIGNATURE,
    recipients: [],
  });
}

import { type Lang, type Msg, say } from "../i18n/messages.js";
import { awardLabel } from "../ledger/contest-outputs.js";
import { SEVERITY_LABEL, problemAddress, type Problem } from "../ledger/problem.js";
import { awardAmount } from "../scoring/contest-results.js";
import { toFixedText } from "../cells/exact.js";
import type { ContestRun } from "./contest-run.js";
import { formatDecimalVi, formatMoney } from "../vn/format.js";
import { amountInWords } from "../vn/words.js";
import type { EmulationRun } from "../emulation/run.js";
import { countsText, listNote } from "../emulation/outputs.js";
import { ENTRY_TYPE_VALUES } from "../ledger/schema.js";
import { sortProblems } from "../ledger/problem.js";
import { formatDuration, periodDisplay, unscale } from "../quiz/fields.js";
import type { QuizRun } from "../quiz/run.js";
import { QUIZ_OUTPUT_NAMES } from "../quiz/schema.js";
import type { LedgerTally } from "./ledger-tally.js";

const t = (lang: Lang, vi: string, en: string): string => say({ vi, en } satisfies Msg, lang);

export function problemLines(problems: readonly Problem[], lang: Lang, limit = 40): string[] {
  const lines = problems.slice(0, limit).map((p) => `  ${say(SEVERITY_LABEL[p.severity], lang).padEnd(9)} ${problemAddress(p).padEnd(20)} ${say(p.text, lang)}`);
  if (problems.length > limit) lines.push(t(lang, `  … và ${problems.length - limit} vấn đề khác (xem trang “Kiểm tra”).`, `  … and ${problems.length - limit} more (see the “Kiểm tra” sheet).`));
  return lines;
}

export function problemCountLine(run: ContestRun, lang: Lang): string {
  return t(lang, `Kiểm tra: ${run.errorCount} lỗi, ${run.warningCount} cảnh báo.`, `Check: ${run.errorCount} errors, ${run.warningCount} warnings.`);
}

/** The readable summary `tally` and `demo` print: winners, total in figures and words, units below quota, problems. */
export function contestReport(run: ContestRun, lang: Lang): string[] {
  const s = run.ledger.settings;
  const lines: string[] = [];
  lines.push(t(lang, `Cuộc thi: ${s.name}${s.year ? ` năm ${s.year}` : ""}`, `Contest: ${s.name}${s.year ? ` ${s.year}` : ""}`));
  if (run.errorCount > 0) lines.push(t(lang, `KẾT QUẢ TẠM TÍNH: còn ${run.errorCount} lỗi cần xử lý.`, `PROVISIONAL RESULT: ${run.errorCount} errors remain.`));
  let prizes = 0;
  for (const c of run.result.categories) {
    const ranked = c.entries.filter((r) => r.rank !== undefined).length;
    const heading = c.name ? `[${c.name}] ` : "";
    lines.push(t(lang, `${heading}${ranked} bài được xếp hạng / ${c.entries.length} bài.`, `${heading}${ranked} of ${c.entries.length} entries ranked.`));
    for (const r of c.entries) {
      if (r.award.kind === "none") continue;
      prizes++;
      const score = r.score === undefined ? "" : formatDecimalVi(toFixedText(r.score, s.decimals));
      const money = r.award.kind === "prize" ? formatMoney(awardAmount(r.award)) : t(lang, "chưa tính tiền", "no amount yet");
      lines.push(`  ${String(r.rank ?? "").padStart(2)}. ${awardLabel(r.award).padEnd(14)} ${r.entry.code.padEnd(6)} ${score.padStart(6)}  ${money.padStart(13)}  ${r.entry.title}`);
    }
  }
  lines.push(
    t(
      lang,
      `Tổng tiền thưởng (${prizes} giải): ${formatMoney(run.result.totalAmount)} — ${amountInWords(run.result.totalAmount, s.thousandWord)}.`,
      `Total prize money (${prizes} prizes): ${formatMoney(run.result.totalAmount)} — ${amountInWords(run.result.totalAmount, s.thousandWord)}.`,
    ),
  );
  const below = run.units.filter((u) => !u.meetsQuota);
  if (below.length > 0) {
    lines.push(t(lang, `Đơn vị chưa đạt chỉ tiêu số bài (${below.length}):`, `Units below their entry quota (${below.length}):`));
    for (const u of below) lines.push(`  ${u.unit.code.padEnd(8)} ${u.unit.name} (${u.valid}/${u.unit.quota})`);
  } else {
    lines.push(t(lang, "Mọi đơn vị đã đạt chỉ tiêu số bài.", "Every unit met its entry quota."));
  }
  lines.push(problemCountLine(run, lang));
  lines.push(...problemLines(run.problems, lang));
  return lines;
}

/** What `tally` prints for a review: who is listed per level and type, who is not and why, dossiers to chase. */
export function reviewReport(run: EmulationRun, lang: Lang): string[] {
  const l = (vi: string, en: string): string => say({ vi, en }, lang);
  const s = run.ledger.settings;
  const lines = [l(`Xét khen thưởng: ${s.name}${s.year ? ` năm ${s.year}` : ""}`, `Award review: ${s.name}${s.year ? ` ${s.year}` : ""}`)];
  if (run.errorCount > 0) lines.push(l(`KẾT QUẢ TẠM TÍNH: còn ${run.errorCount} lỗi cần xử lý.`, `PROVISIONAL RESULT: ${run.errorCount} errors remain.`));
  for (const q of run.result.quotas) {
    const awarded = q.listed.filter((r) => r.outcome === "awarded").length;
    lines.push(
      l(
        `[${q.quota.level} – ${ENTRY_TYPE_VALUES[q.quota.type]}] chỉ tiêu ${q.seatsText}, đủ điều kiện ${q.eligible}, được khen ${awarded}:`,
        `[${q.quota.level} – ${ENTRY_TYPE_VALUES[q.quota.type]}] quota ${q.seats ?? "no limit"}, eligible ${q.eligible}, awarded ${awarded}:`,
      ),
    );
    for (const r of q.listed) {
      const note = listNote(r);
      lines.push(`  ${String(r.rank ?? "").padStart(2)}. ${r.candidate.code.padEnd(6)} ${r.candidate.name}${note ? ` — ${note}` : ""}`);
    }
  }
  const awarded = run.result.candidates.filter((r) => r.outcome === "awarded");
  const money = run.result.totalAmount > 0n ? `; ${formatMoney(run.result.totalAmount)} — ${amountInWords(run.result.totalAmount, s.thousandWord)}` : "";
  lines.push(l(`Được khen thưởng: ${countsText(awarded)}${money}.`, `Awarded: ${countsText(awarded)}${money}.`));
  const failed = run.result.candidates.filter((r) => r.failures.length > 0 || r.outcome === "notConsidered");
  if (failed.length > 0) {
    lines.push(l(`Không đủ điều kiện (${failed.length}):`, `Not eligible (${failed.length}):`));
    for (const r of failed) lines.push(`  ${r.candidate.code.padEnd(6)} ${r.reason ?? r.failures.map((f) => `${f.text} (${f.value}; yêu cầu ${f.requirement})`).join("; ")}`);
  }
  const dossier = run.result.candidates.filter((r) => r.dossierMissing.length > 0 || r.late || r.noDate);
  if (dossier.length > 0) {
    lines.push(l(`Thiếu hồ sơ hoặc nộp muộn (${dossier.length}):`, `Dossier incomplete or late (${dossier.length}):`));
    for (const r of dossier) {
      const parts = [...(r.dossierMissing.length > 0 ? [`thiếu ${r.dossierMissing.join(", ")}`] : []), ...(r.late ? ["nộp muộn"] : []), ...(r.noDate ? ["chưa có ngày nộp"] : [])];
      lines.push(`  ${r.candidate.code.padEnd(6)} ${parts.join("; ")}`);
    }
  }
  lines.push(l(`Kiểm tra: ${run.errorCount} lỗi, ${run.warningCount} cảnh báo.`, `Check: ${run.errorCount} errors, ${run.warningCount} warnings.`));
  lines.push(...problemLines(run.problems, lang));
  return lines;
}

/** What `tally` prints about the quiz: each period's winners, the collective prizes, the grand total. */
export function quizReport(run: QuizRun, lang: Lang): string[] {
  const s = (vi: string, en: string): string => say({ vi, en }, lang);
  const lines: string[] = [];
  lines.push(
    s(
      `Trắc nghiệm: ${run.attempts} lượt thi được tính, ${run.rejected} dòng lỗi không tính; ${run.participants} thí sinh; ${run.periods.length} tuần.`,
      `Quiz: ${run.attempts} attempts counted, ${run.rejected} bad rows not counted; ${run.participants} participants; ${run.periods.length} periods.`,
    ),
  );
  for (const p of run.periods) {
    const label = periodDisplay(p.period.label);
    lines.push(
      s(`[${label}] ${p.participants} thí sinh, ${p.winners.length} giải`, `[${label}] ${p.participants} participants, ${p.winners.length} prizes`) +
        (p.excluded + p.earlierWinners > 0
          ? s(` (không xét: ${p.excluded} Không dự thi, ${p.earlierWinners} đã đoạt giải tuần trước)`, ` (not considered: ${p.excluded} excluded, ${p.earlierWinners} earlier winners)`)
          : ""),
    );
    for (const w of p.winners) {
      const c = w.candidate.counted;
      const money = w.award.kind === "prize" ? formatMoney(w.award.prize.amount) : s("chưa tính tiền", "no amount yet");
      const time = c.ms === undefined ? "" : formatDuration(c.ms);
      lines.push(
        `  ${awardLabel(w.award).padEnd(14)} ${w.candidate.participant.code.padEnd(12)} ${formatDecimalVi(String(unscale(c.score))).padStart(6)} ${time.padStart(8)}  ${money.padStart(13)}  ${w.candidate.participant.name}`,
      );
    }
  }
  if (run.collective) {
    const eligible = run.collective.rows.filter((r) => r.rank !== undefined).length;
    lines.push(
      s(
        `[${QUIZ_OUTPUT_NAMES.collective}] ${eligible} đơn vị đủ điều kiện / ${run.collective.rows.length} đơn vị.`,
        `[${QUIZ_OUTPUT_NAMES.collective}] ${eligible} of ${run.collective.rows.length} units eligible.`,
      ),
    );
    for (const r of run.collective.rows) {
      if (r.award.kind === "none") continue;
      const money = r.award.kind === "prize" ? formatMoney(r.award.prize.amount) : s("chưa tính tiền", "no amount yet");
      lines.push(`  ${String(r.rank ?? "").padStart(2)}. ${awardLabel(r.award).padEnd(14)} ${r.unit.code.padEnd(8)} ${money.padStart(13)}  ${r.unit.name}`);
    }
  }
  lines.push(...quizMoneyLines(run, lang));
  const errors = run.problems.errorCount;
  if (run.problems.items.length > 0) {
    const warnings = run.problems.items.length - errors;
    lines.push(s(`Kiểm tra phần trắc nghiệm: ${errors} lỗi, ${warnings} cảnh báo.`, `Quiz check: ${errors} errors, ${warnings} warnings.`));
    lines.push(...problemLines(sortProblems(run.problems.items, []), lang));
  }
  return lines;
}

/** The quiz's money: what was awarded, and what the prize structure planned. */
function quizMoneyLines(run: QuizRun, lang: Lang): string[] {
  const s = (vi: string, en: string): string => say({ vi, en }, lang);
  const lines: string[] = [];
  const w = run.setup.thousandWord;
  const a = run.awarded;
  const b = run.budget;
  lines.push(
    s(
      `Tổng tiền thưởng toàn cuộc thi: ${formatMoney(a.total)} (chấm bài ${formatMoney(a.judged)}; giải tuần ${formatMoney(a.quiz)}; tập thể ${formatMoney(a.collective)}) — ${amountInWords(a.total, w)}.`,
      `Grand total of prize money: ${formatMoney(a.total)} (judged ${formatMoney(a.judged)}; weekly ${formatMoney(a.quiz)}; collective ${formatMoney(a.collective)}) — ${amountInWords(a.total, w)}.`,
    ),
  );
  lines.push(
    s(
      `Cơ cấu giải theo kế hoạch: ${formatMoney(b.total)} (giải tuần ${b.periods} × ${formatMoney(b.quizPerPeriod)} = ${formatMoney(b.quiz)}; chấm bài ${formatMoney(b.judged)}; tập thể ${formatMoney(b.collective)}) — ${amountInWords(b.total, w)}.`,
      `Planned prize structure: ${formatMoney(b.total)} (weekly ${b.periods} × ${formatMoney(b.quizPerPeriod)} = ${formatMoney(b.quiz)}; judged ${formatMoney(b.judged)}; collective ${formatMoney(b.collective)}).`,
    ),
  );
  return lines;
}

/** What `tally` prints for any ledger: each part's report, in the order the parts are computed. */
export function tallyReport(run: LedgerTally, lang: Lang): string[] {
  return [...(run.contest ? contestReport(run.contest, lang) : []), ...(run.review ? reviewReport(run.review, lang) : []), ...(run.quiz ? quizReport(run.quiz, lang) : [])];
}

import { type Lang, type Msg, say } from "../shared/i18n/messages.js";
import { awardLabel } from "../shared/ledger/contest-outputs.js";
import { SEVERITY_LABEL, problemAddress, type Problem } from "../shared/ledger/problem.js";
import { awardAmount } from "../shared/scoring/contest-results.js";
import { toFixedText } from "../shared/cells/exact.js";
import type { ContestRun } from "../shared/tasks/contest-run.js";
import { formatDecimalVi, formatMoney } from "../shared/vn/format.js";
import { amountInWords } from "../shared/vn/words.js";

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
export function tallySummary(run: ContestRun, lang: Lang): string[] {
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

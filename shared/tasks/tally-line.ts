import type { CandidateResult } from "../emulation/evaluate.js";
import { countsText } from "../emulation/outputs.js";
import type { EmulationRun } from "../emulation/run.js";
import type { LedgerTally } from "./ledger-tally.js";
import { type Lang, say } from "../i18n/messages.js";
import { quizSummaryLine } from "../quiz/outputs.js";
import type { ContestRun } from "./contest-run.js";
import { formatMoney } from "../vn/format.js";
import { amountInWords } from "../vn/words.js";

function errorsLeft(errors: number): { vi: string; en: string } {
  return {
    vi: errors === 0 ? "không còn lỗi" : `còn ${errors} lỗi — kết quả tạm tính`,
    en: errors === 0 ? "no errors remain" : `${errors} errors remain — provisional result`,
  };
}

/** The one line the pane shows after `Tính kết quả`: winners, total in figures and words, errors remaining. */
export function tallySummaryLine(run: ContestRun, lang: Lang): string {
  const winners = run.result.categories.reduce((n, c) => n + c.entries.filter((r) => r.award.kind !== "none").length, 0);
  const total = run.result.totalAmount;
  const money = formatMoney(total);
  const words = amountInWords(total, run.ledger.settings.thousandWord);
  const errors = errorsLeft(run.errorCount);
  return say(
    {
      vi: `${winners} bài đạt giải; tổng tiền thưởng ${money} (${words}); ${errors.vi}.`,
      en: `${winners} prize-winning entries; total prize money ${money} (${words}); ${errors.en}.`,
    },
    lang,
  );
}

function countsInEnglish(listed: readonly CandidateResult[]): string {
  const collectives = listed.filter((r) => r.candidate.type === "collective").length;
  const individuals = listed.filter((r) => r.candidate.type === "individual").length;
  const parts = [...(collectives > 0 ? [`${collectives} collective(s)`] : []), ...(individuals > 0 ? [`${individuals} individual(s)`] : [])];
  return parts.join(", ") || "none";
}

/** The same line for an emulation review: who is awarded, ties left to the council, money when awards carry any. */
export function emulationSummaryLine(run: EmulationRun, lang: Lang): string {
  const awarded = run.result.candidates.filter((r) => r.outcome === "awarded");
  const pending = run.result.pendingCount;
  const total = run.result.totalAmount;
  const amount = total > 0n ? `${formatMoney(total)} (${amountInWords(total, run.ledger.settings.thousandWord)})` : undefined;
  const errors = errorsLeft(run.errorCount);
  return say(
    {
      vi: `Xét khen thưởng: được khen ${countsText(awarded)}${pending > 0 ? `; ${pending} đề nghị chờ Hội đồng quyết định` : ""}${amount ? `; tổng tiền thưởng ${amount}` : ""}; ${errors.vi}.`,
      en: `Award review: awarded ${countsInEnglish(awarded)}${pending > 0 ? `; ${pending} proposals await the council's decision` : ""}${amount ? `; total award money ${amount}` : ""}; ${errors.en}.`,
    },
    lang,
  );
}

/** The summary of every part the ledger holds: the contest's line, its quiz's, the review's. */
export function ledgerSummaryLine(run: LedgerTally, lang: Lang): string {
  return [...(run.contest ? [tallySummaryLine(run.contest, lang)] : []), ...(run.quiz ? [quizSummaryLine(run.quiz, lang)] : []), ...(run.review ? [emulationSummaryLine(run.review, lang)] : [])].join(
    " ",
  );
}

import { type Lang, say } from "../../shared/i18n/messages.js";
import type { ContestRun } from "../../shared/tasks/contest-run.js";
import { formatMoney } from "../../shared/vn/format.js";
import { amountInWords } from "../../shared/vn/words.js";

/** The one line the pane shows after `Tính kết quả`: winners, total in figures and words, errors remaining. */
export function tallySummaryLine(run: ContestRun, lang: Lang): string {
  const winners = run.result.categories.reduce((n, c) => n + c.entries.filter((r) => r.award.kind !== "none").length, 0);
  const total = run.result.totalAmount;
  const money = formatMoney(total);
  const words = amountInWords(total, run.ledger.settings.thousandWord);
  const errors = run.errorCount;
  return say(
    {
      vi: `${winners} bài đạt giải; tổng tiền thưởng ${money} (${words}); ${errors === 0 ? "không còn lỗi" : `còn ${errors} lỗi — kết quả tạm tính`}.`,
      en: `${winners} prize-winning entries; total prize money ${money} (${words}); ${errors === 0 ? "no errors remain" : `${errors} errors remain — provisional result`}.`,
    },
    lang,
  );
}

import { type Lang, say } from "../../shared/i18n/messages.js";
import { type Problem, SEVERITY_LABEL, problemAddress } from "../../shared/ledger/problem.js";
import type { TemplateKind } from "../../shared/samples/templates.js";
import { type ImportReport, logText } from "../../shared/tasks/import.js";
import { newYearChanges } from "../../shared/tasks/new-year.js";
import {
  type AddinHost,
  type ImportOutcome,
  type JudgeOverview,
  type LedgerCheck,
  Refusal,
  type TallyOutcome,
  type NewYearRun,
  type TemplateRun,
  applyNewYear,
  applyTemplate,
  planNewYearRun,
  planTemplateRun,
  problemTarget,
  runCheck,
  runExport,
  runImport,
  runJudgeOverview,
  runTally,
  selectProblem,
} from "./actions.js";
import { PartialWriteError } from "./excel-port.js";
import { ledgerSummaryLine } from "../../shared/tasks/tally-line.js";
import { type UiKey, UI, ui } from "./ui-text.js";

type Panel = "template" | "check" | "judge" | "import" | "tally" | "newyear";

interface PaneState {
  lang: Lang;
  busy: boolean;
  panel: Panel | undefined;
  /** Re-draws what the last action showed, e.g. after a language switch. */
  redraw: (() => void) | undefined;
}

const state: PaneState = { lang: "vi", busy: false, panel: undefined, redraw: undefined };

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

const t = (key: UiKey): string => ui(key, state.lang);
const tt = (vi: string, en: string): string => say({ vi, en }, state.lang);

function setStatus(text: string, isError = false): void {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
  status.removeAttribute("data-t");
}

function showPanel(panel: Panel): void {
  state.panel = panel;
  for (const p of ["template", "check", "judge", "import", "tally", "newyear"] as const) $(`panel-${p}`).hidden = p !== panel;
}

function applyLanguage(): void {
  document.documentElement.lang = state.lang;
  document.querySelectorAll<HTMLElement>("[data-t]").forEach((el) => {
    const key = el.dataset.t as UiKey;
    if (key in UI) el.textContent = t(key);
  });
  $("lang").setAttribute("lang", state.lang === "vi" ? "en" : "vi");
  state.redraw?.();
}

/** A message for the user, in their language, never a stack trace. */
export function errorMessage(err: unknown, lang: Lang): string {
  if (err instanceof Refusal) return say(err.msg, lang);
  if (err instanceof PartialWriteError) {
    return err.rolledBack
      ? say(
          {
            vi: "Excel ngắt giữa chừng khi ghi kết quả; sổ đã được trả lại như trước khi bấm. Hãy thử lại.",
            en: "Excel stopped part-way through writing; the workbook was put back as it was. Please try again.",
          },
          lang,
        )
      : say(
          {
            vi: `Excel ngắt giữa chừng khi ghi kết quả và không trả lại được: các trang ${err.sheets.join(", ")} có thể chỉ được ghi một phần. Hãy bấm lại để ghi đủ.`,
            en: `Excel stopped part-way through writing and the workbook could not be put back: sheets ${err.sheets.join(", ")} may be half written. Run it again to complete them.`,
          },
          lang,
        );
  }
  const code = typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : undefined;
  const detail = err instanceof Error ? err.message.split("\n")[0]!.slice(0, 160) : String(err).slice(0, 160);
  if (code) {
    return say(
      {
        vi: `Excel từ chối thao tác (mã ${code}): ${detail}. Hãy thoát khỏi ô đang nhập (nếu có) rồi thử lại.`,
        en: `Excel refused the operation (code ${code}): ${detail}. Leave any cell being edited and try again.`,
      },
      lang,
    );
  }
  return say({ vi: `Có lỗi không mong muốn: ${detail}. Sổ không bị thay đổi dở dang; hãy thử lại.`, en: `Unexpected error: ${detail}. Please try again.` }, lang);
}

/** Runs a long operation: buttons disabled (it can't be started twice), progress shown, errors explained. */
async function busy(label: string, work: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  // Focus goes back where the person was (the button they pressed) once the work is done.
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  document.body.classList.add("is-busy");
  document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("button, input, select").forEach((el) => (el.disabled = true));
  $("busy").hidden = false;
  setStatus(label);
  try {
    await work();
  } catch (err) {
    setStatus(errorMessage(err, state.lang), true);
  } finally {
    document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("button, input, select").forEach((el) => (el.disabled = false));
    $("busy").hidden = true;
    state.busy = false;
    document.body.classList.remove("is-busy");
    if (returnTo?.isConnected) returnTo.focus();
  }
}

/** A problem in a list: a button that selects its cell when it has one, plain text otherwise. */
function problemItem(host: AddinHost, p: Problem): HTMLLIElement {
  const li = document.createElement("li");
  const target = problemTarget(p);
  const button = document.createElement(target ? "button" : "span");
  if (button instanceof HTMLButtonElement) button.type = "button";
  const sev = document.createElement("span");
  sev.className = `sev sev-${p.severity}`;
  sev.textContent = say(SEVERITY_LABEL[p.severity], state.lang);
  const addr = document.createElement("span");
  addr.className = "addr";
  addr.textContent = problemAddress(p);
  const text = document.createElement("span");
  text.textContent = say(p.text, state.lang);
  // Spaces between the parts: the accessible name reads "Lỗi Điểm!D7 …", not one run-on word.
  button.append(sev, " ", addr, " ", text);
  if (target) {
    button.dataset.address = problemAddress(p);
    button.setAttribute("aria-describedby", "problems-hint");
    button.addEventListener(
      "click",
      () =>
        void busy(t("working"), async () => {
          await selectProblem(host, p);
          setStatus(tt(`Đã chọn ${problemAddress(p)}.`, `Selected ${problemAddress(p)}.`));
        }),
    );
  } else button.classList.add("no-target");
  li.append(button);
  return li;
}

function fillList(list: HTMLElement, items: readonly HTMLElement[], emptyText = t("none")): void {
  list.replaceChildren(...items);
  if (items.length === 0) {
    const li = document.createElement("li");
    li.textContent = emptyText;
    list.append(li);
  }
}

function countLine(run: { readonly errorCount: number; readonly warningCount: number }): string {
  return tt(`${run.errorCount} lỗi, ${run.warningCount} cảnh báo.`, `${run.errorCount} errors, ${run.warningCount} warnings.`);
}

// ---- actions ----

function renderTally(outcome: TallyOutcome): void {
  // A no-break space keeps an amount and its "đ" on one line in the narrow pane.
  $("summary").textContent = outcome.summary.replace(/(\d) đ/g, "$1\u00a0đ");
  const written = outcome.run.outputs.map((s) => s.name).join(", ");
  // A judged contest's `Tổng hợp đơn vị` gets the chart.
  const chart = outcome.run.plan.parts.includes("contest");
  setStatus(tt(`Đã ghi: ${written}${chart ? " và biểu đồ" : ""}.`, `Written: ${written}${chart ? " and the chart" : ""}.`));
}

async function tallyAction(host: AddinHost): Promise<void> {
  showPanel("tally");
  await busy(tt("Đang tính kết quả…", "Computing results…"), async () => {
    const outcome = await runTally(host, state.lang);
    // The summary is computed text: a language switch recomputes the line from the same run.
    state.redraw = () => renderTally({ run: outcome.run, summary: ledgerSummaryLine(outcome.run, state.lang) });
    renderTally(outcome);
  });
}

/**
 * Văn bản: the decisions, submissions, minutes and lists of `thidua export`, and the certificates, as
 * .docx files to download (links, so that the person chooses when and where to save them).
 */
async function exportAction(host: AddinHost): Promise<void> {
  await busy(tt("Đang soạn văn bản…", "Drafting the documents…"), async () => {
    const built = await runExport(host);
    const links = $("export-links");
    links.replaceChildren();
    if (built.annexes.length === 0) {
      setStatus(tt("Chưa có bài đạt giải hay tập thể, cá nhân được khen thưởng nào: không có gì để xuất.", "No prize winner and no award yet: nothing to export."));
      return;
    }
    const { documentFiles } = await import("./word-download.js");
    for (const file of await documentFiles(built)) {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(file.blob);
      a.download = file.name;
      a.textContent = `${file.name} (${file.documents} ${tt("văn bản", "documents")})`;
      const li = document.createElement("li");
      li.append(a);
      links.append(li);
    }
    setStatus(
      tt(
        "Văn bản đã sẵn sàng: bấm tên tệp để tải về. Số, ngày và người ký để trống cho văn thư điền.",
        "The documents are ready: click a file name to download it. Number, date and signer are left blank.",
      ),
    );
    (links.querySelector("a") as HTMLElement | null)?.focus();
  });
}

function renderCheck(run: LedgerCheck, host: AddinHost): void {
  $("check-count").textContent = countLine(run);
  fillList(
    $("problems"),
    run.problems.map((p) => problemItem(host, p)),
    tt("Không phát hiện lỗi hay cảnh báo nào.", "No errors or warnings found."),
  );
  // The counts are shown once, above the list; the status only says the check is done.
  setStatus(tt("Đã kiểm tra xong sổ.", "The ledger has been checked."));
}

async function checkAction(host: AddinHost): Promise<void> {
  showPanel("check");
  await busy(t("reading"), async () => {
    const run = await runCheck(host);
    state.redraw = () => renderCheck(run, host);
    renderCheck(run, host);
  });
}

function renderJudge(overview: JudgeOverview, host: AddinHost): void {
  const select = $("judge") as HTMLSelectElement;
  const chosen = select.value;
  select.replaceChildren(
    ...overview.judges.map((j) => {
      const o = document.createElement("option");
      o.value = j.judge.code;
      o.textContent = `${j.judge.code} — ${j.judge.name}`;
      return o;
    }),
  );
  if (overview.judges.some((j) => j.judge.code === chosen)) select.value = chosen;
  const progress = overview.judges.find((j) => j.judge.code === select.value) ?? overview.judges[0];
  const bar = $("judge-progress") as HTMLProgressElement;
  if (!progress) {
    bar.max = 1;
    bar.value = 0;
    $("judge-count").textContent = tt("Trang “Giám khảo” chưa có giám khảo nào.", "The “Giám khảo” sheet lists no judge.");
    fillList($("judge-missing"), []);
    fillList($("judge-invalid"), []);
    return;
  }
  bar.max = Math.max(progress.expected.length, 1);
  bar.value = progress.scored.length;
  $("judge-count").textContent = tt(
    `Đã chấm ${progress.scored.length}/${progress.expected.length} bài; ${progress.missing.length} bài chưa có điểm; ${progress.invalid.length} ô điểm không hợp lệ.`,
    `Scored ${progress.scored.length}/${progress.expected.length} entries; ${progress.missing.length} not scored; ${progress.invalid.length} invalid score cells.`,
  );
  fillList(
    $("judge-missing"),
    progress.missing.map((e) => {
      const li = document.createElement("li");
      li.textContent = `${e.code} — ${e.title}`;
      return li;
    }),
  );
  fillList(
    $("judge-invalid"),
    progress.invalid.map((p) => problemItem(host, p)),
  );
}

async function judgeAction(host: AddinHost): Promise<void> {
  showPanel("judge");
  await busy(t("reading"), async () => {
    const overview = await runJudgeOverview(host);
    state.redraw = () => renderJudge(overview, host);
    ($("judge") as HTMLSelectElement).onchange = () => renderJudge(overview, host);
    renderJudge(overview, host);
    setStatus(tt("Ô điểm trong trang “Điểm” chỉ nhận số từ 0 đến điểm tối đa.", "Score cells in “Điểm” now accept only 0..max."));
  });
}

function reportLine(r: ImportReport): string {
  const who = r.judge ? ` (${r.judge})` : "";
  return `${r.file}${who}: ${logText(r, state.lang)}`;
}

function renderImport(outcome: ImportOutcome, host: AddinHost): void {
  fillList(
    $("import-report"),
    outcome.reports.map((r) => {
      const li = document.createElement("li");
      li.textContent = reportLine(r);
      return li;
    }),
  );
  fillList(
    $("import-problems"),
    outcome.problems.map((p) => problemItem(host, p)),
    "",
  );
  const errors = outcome.problems.filter((p) => p.severity === "error").length;
  setStatus(tt(`Đã nhập ${outcome.reports.length} tệp; ${errors} lỗi (xem trang “Nhật ký”).`, `Imported ${outcome.reports.length} files; ${errors} errors (see the “Nhật ký” sheet).`));
}

async function importFiles(host: AddinHost, input: HTMLInputElement): Promise<void> {
  const files = [...(input.files ?? [])];
  if (files.length === 0) return;
  await busy(tt(`Đang đọc ${files.length} tệp…`, `Reading ${files.length} files…`), async () => {
    const picked = [];
    for (const [i, f] of files.entries()) {
      setStatus(tt(`Đang đọc tệp ${i + 1}/${files.length}: ${f.name}…`, `Reading file ${i + 1}/${files.length}: ${f.name}…`));
      picked.push({ name: f.name, data: await f.arrayBuffer() });
    }
    setStatus(tt("Đang gộp điểm vào sổ…", "Merging scores into the ledger…"));
    const outcome = await runImport(host, picked);
    state.redraw = () => renderImport(outcome, host);
    renderImport(outcome, host);
  });
  input.value = "";
}

function templateNames(): Record<TemplateKind, string> {
  return { "sang-kien": t("templateSangKien"), "truc-tuyen": t("templateTrucTuyen"), "thi-dua": t("templateThiDua") };
}

async function createTemplate(host: AddinHost): Promise<void> {
  const kind = ($("template-kind") as HTMLSelectElement).value as TemplateKind;
  let plan: TemplateRun | undefined;
  await busy(t("reading"), async () => {
    plan = await planTemplateRun(host, kind);
    if (plan.existing.length === 0) {
      const written = await applyTemplate(plan, "overwrite");
      setStatus(
        tt(
          `Đã tạo ${written.length} trang theo mẫu “${templateNames()[kind]}”. Thay các dòng ví dụ bằng dữ liệu thật.`,
          `Created ${written.length} sheets from “${templateNames()[kind]}”. Replace the example rows with real data.`,
        ),
      );
      plan = undefined;
    }
  });
  if (!plan) return;
  const asked = plan;
  $("template-confirm").hidden = false;
  fillList(
    $("template-existing"),
    asked.existing.map((name) => {
      const li = document.createElement("li");
      li.textContent = name;
      return li;
    }),
  );
  setStatus(tt("Một số trang đã có: hãy chọn ghi đè, chỉ tạo trang còn thiếu, hoặc hủy.", "Some sheets exist: overwrite, create only the missing ones, or cancel."));
  const decide = (mode: "overwrite" | "missing-only" | "cancel"): void => {
    $("template-confirm").hidden = true;
    if (mode === "cancel") {
      setStatus(t("cancelled"));
      return;
    }
    void busy(t("working"), async () => {
      const written = await applyTemplate(asked, mode);
      setStatus(tt(`Đã tạo ${written.length} trang: ${written.join(", ") || "không có"}.`, `Created ${written.length} sheets: ${written.join(", ") || "none"}.`));
    });
  };
  $("template-overwrite").onclick = () => decide("overwrite");
  $("template-missing").onclick = () => decide("missing-only");
  $("template-cancel").onclick = () => decide("cancel");
}

/** Reads the plan, shows what will change, and changes the workbook only when the person confirms. */
async function newYearAction(host: AddinHost): Promise<void> {
  showPanel("newyear");
  $("newyear-confirm").hidden = true;
  let asked: NewYearRun | undefined;
  await busy(t("reading"), async () => {
    asked = await planNewYearRun(host);
  });
  if (!asked) return;
  const run = asked;
  const draw = (): void => {
    $("newyear-summary").textContent = tt(
      `Sổ đang mở sẽ thành sổ năm ${run.plan.to} (các ngày chuyển từ năm ${run.plan.from}):`,
      `The open workbook will become the ${run.plan.to} ledger (dates moved from ${run.plan.from}):`,
    );
    fillList(
      $("newyear-changes"),
      newYearChanges(run.plan).map((line) => {
        const li = document.createElement("li");
        li.textContent = say(line, state.lang);
        return li;
      }),
    );
  };
  state.redraw = draw;
  draw();
  $("newyear-confirm").hidden = false;
  setStatus(tt("Xem các thay đổi rồi bấm “Chuyển sổ này sang năm mới”, hoặc Hủy.", "Review the changes, then confirm or cancel."));
  const decide = (apply: boolean): void => {
    $("newyear-confirm").hidden = true;
    state.redraw = undefined;
    if (!apply) {
      setStatus(t("cancelled"));
      return;
    }
    void busy(t("working"), async () => {
      const done = await applyNewYear(host);
      setStatus(tt(`Đã chuyển sổ này sang năm ${done.to}. Lưu sổ để giữ thay đổi.`, `This workbook is now the ${done.to} ledger. Save it to keep the change.`));
    });
  };
  $("newyear-apply").onclick = () => decide(true);
  $("newyear-cancel").onclick = () => decide(false);
}

export function start(host: AddinHost): void {
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    applyLanguage();
  });
  document.querySelectorAll<HTMLButtonElement>("[data-action]").forEach((button) => {
    button.addEventListener("click", () => {
      state.redraw = undefined;
      switch (button.dataset.action) {
        case "template":
          showPanel("template");
          $("template-confirm").hidden = true;
          setStatus(tt("Chọn mẫu rồi bấm “Tạo các trang”.", "Pick a template, then “Create the sheets”."));
          break;
        case "check":
          void checkAction(host);
          break;
        case "judge":
          void judgeAction(host);
          break;
        case "import":
          showPanel("import");
          setStatus(t("importLabel"));
          break;
        case "tally":
          void tallyAction(host);
          break;
        case "newyear":
          void newYearAction(host);
          break;
      }
    });
  });
  $("template-create").addEventListener("click", () => void createTemplate(host));
  $("export-docs").addEventListener("click", () => void exportAction(host));
  const input = $("import-files") as HTMLInputElement;
  input.addEventListener("change", () => void importFiles(host, input));
  setStatus(t("ready"));
}

function officeHost(): AddinHost {
  return {
    run: (batch) => Excel.run(batch),
    capabilities: { pageLayout: Office.context.requirements.isSetSupported("ExcelApi", "1.9") },
  };
}

/** Without office.js (blocked, offline, opened outside Excel) nothing can work: say so, and offer no button. */
function officeMissing(): void {
  setStatus(ui("noOffice", "vi"), true);
  document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("button, input, select").forEach((el) => (el.disabled = true));
}

if (typeof Office === "undefined") {
  if (document.readyState === "loading") window.addEventListener("DOMContentLoaded", officeMissing);
  else officeMissing();
} else {
  void Office.onReady(() => start(officeHost()));
}

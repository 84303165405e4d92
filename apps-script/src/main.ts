/**
 * The bundle's entry: puts every function Apps Script may call on one global object. The build
 * (apps-script/build.mjs) appends a top-level `function name(e) { return ThiDua.name(e); }` for each
 * key, because Apps Script only sees top-level function declarations (menus, triggers,
 * google.script.run).
 */
import { onFormSubmitEntry } from "./form.js";
import {
  checkLedger,
  connectForm,
  createJudgeTabs,
  createLedgerEmulation,
  createLedgerInitiative,
  createLedgerOnline,
  draftReminders,
  getDashboard,
  importWorkbookFiles,
  mergeJudgeScores,
  onOpen,
  selectCell,
  switchLanguage,
  showSidebar,
  startNewYear,
  tallyResults,
} from "./menu.js";

const handlers = {
  onOpen,
  showSidebar,
  getDashboard,
  createLedgerInitiative,
  createLedgerOnline,
  createLedgerEmulation,
  checkLedger,
  tallyResults,
  draftReminders,
  createJudgeTabs,
  mergeJudgeScores,
  importWorkbookFiles,
  connectForm,
  startNewYear,
  selectCell,
  switchLanguage,
  onFormSubmitEntry,
};

export type Handlers = typeof handlers;

(globalThis as unknown as { ThiDua: Handlers }).ThiDua = handlers;

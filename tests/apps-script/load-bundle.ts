import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { buildAppsScript } from "../../apps-script/build.mjs";
import type { GasDouble } from "./gas-double.js";

export interface Built {
  readonly outDir: string;
  readonly code: string;
  readonly handlers: readonly string[];
}

/** Builds the very bundle `clasp push` would upload, into a temporary folder. */
export async function buildBundle(): Promise<Built> {
  return buildAppsScript(mkdtempSync(path.join(tmpdir(), "thidua-gas-")));
}

export type TopLevel = (...args: unknown[]) => unknown;

/** The built Code.js run in a fresh context whose only globals are the double's services. */
export interface Script {
  readonly context: vm.Context;
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
}

const NEWER_THAN_ES2020 = `
  delete Object.hasOwn;
  delete Array.prototype.at;
  delete String.prototype.at;
  delete Array.prototype.findLast;
  delete Array.prototype.findLastIndex;
  delete String.prototype.replaceAll;
  delete Array.prototype.toSorted;
  delete Array.prototype.toReversed;
`;

export function loadBundle(code: string, double: GasDouble): Script {
  // Date is shared so that a Date from the double is a Date to the script, as in one Apps Script runtime.
  const context = vm.createContext({ ...double.globals, Date, console });
  // Built-ins newer than ES2020 are taken away: the bundle targets ES2020 and must not count on
  // Apps Script's V8 having them (TextDecoder and TextEncoder are absent from the context already).
  vm.runInContext(NEWER_THAN_ES2020, context);
  vm.runInContext(code, context, { filename: "Code.js" });
  const fn = (name: string): TopLevel | undefined => {
    const f: unknown = context[name];
    return typeof f === "function" ? (f as TopLevel) : undefined;
  };
  return {
    context,
    has: (name) => fn(name) !== undefined,
    call: (name, ...args) => {
      const f = fn(name);
      if (!f) throw new Error(`no top-level function ${name} in Code.js`);
      return f(...args);
    },
  };
}

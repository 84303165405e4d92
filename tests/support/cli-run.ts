import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Runs the built command-line tool as a user would: `node bin/thidua.js …` in a child process. */

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = path.join(REPO_ROOT, "bin", "thidua.js");
const BUILT_MAIN = path.join(REPO_ROOT, "dist", "cli", "main.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Options for node itself, before the script (e.g. `--import` of a fault-injecting module). */
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  if (!existsSync(BUILT_MAIN)) {
    return Promise.reject(new Error(`${BUILT_MAIN} is missing: run "npm run build" before these tests (npm test does).`));
  }
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env["NODE_OPTIONS"];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      { cwd: options.cwd ?? os.tmpdir(), env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(new Error(`thidua ${args.join(" ")} did not run to an exit status: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Lines of a Node stack trace (`    at fn (file:line)`): a user must never see one. */
export function stackTraceLines(text: string): string[] {
  return text.split("\n").filter((line) => /^\s+at\s/.test(line));
}

/** A fresh folder under the system's temporary folder. */
export function tempFolder(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `thidua-cli-${label}-`));
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Temporary files `XlsxWorkbook.save` leaves behind when it fails to clean up. */
export function leftoverTempFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(".thidua-tmp-"));
}

/** Whether a program is on PATH (LibreOffice, poppler's pdftotext…): tests that need it say why they skip. */
export function onPath(program: string): boolean {
  try {
    execFileSync("which", [program], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

import type { Lang } from "../shared/i18n/messages.js";

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positional: readonly string[];
  readonly out?: string;
  readonly lang: Lang;
  readonly replace: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** Quiz attempt files (`--quiz`, repeatable), in the order given. */
  readonly quiz: readonly string[];
  /** `export`: the Word draft to write. */
  readonly docx?: string;
  /** `export`: the PDF to write (needs LibreOffice). */
  readonly pdf?: string;
  /** `export`: the certificates to write, one page per awardee (.docx, or .pdf through LibreOffice). */
  readonly certificates?: string;
  /** `init`, `new-year`: the year the new ledger is for (`--year`, `--nam`); by default the current one (init) or the next (new-year). */
  readonly year?: number;
}

export class UsageError extends Error {}

const FLAGS_WITH_VALUE = new Set(["--out", "--lang", "--quiz", "--docx", "--pdf", "--certificates", "--year", "--nam"]);
const BOOLEAN_FLAGS = new Set(["--replace", "--help", "-h", "--version", "-v"]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  let out: string | undefined;
  let lang: Lang = "vi";
  let replace = false;
  let help = false;
  let version = false;
  const quiz: string[] = [];
  const files: { docx?: string; pdf?: string; certificates?: string } = {};
  let year: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (FLAGS_WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError(flag);
      if (flag === "--docx" || flag === "--pdf" || flag === "--certificates") files[flag.slice(2) as keyof typeof files] = value;
      else if (flag === "--quiz") quiz.push(value);
      else if (flag === "--out") out = value;
      else if (flag === "--year" || flag === "--nam") {
        if (!/^\d{4}$/.test(value) || Number(value) < 1990 || Number(value) > 2200) throw new UsageError(flag);
        year = Number(value);
      } else if (value === "vi" || value === "en") lang = value;
      else throw new UsageError(flag);
    } else if (BOOLEAN_FLAGS.has(flag)) {
      if (flag === "--replace") replace = true;
      else if (flag === "--version" || flag === "-v") version = true;
      else help = true;
    } else if (a.startsWith("-") && a !== "-") {
      throw new UsageError(a);
    } else {
      positional.push(a);
    }
  }
  const [command, ...rest] = positional;
  return { command, positional: rest, lang, replace, help, version, quiz, ...(out !== undefined ? { out } : {}), ...(year !== undefined ? { year } : {}), ...files };
}

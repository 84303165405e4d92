import type { Lang } from "../shared/i18n/messages.js";
import { say } from "../shared/i18n/messages.js";
import { UsageError, parseArgs } from "./args.js";
import { commandHelp, generalHelp } from "./help.js";
import { VERSION } from "./version.js";
import { EXIT, type Io, Refusal, errorText } from "./outcome.js";

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const v = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return v === "en" ? "en" : "vi";
}

/** Runs one command; returns the exit status. Never lets a stack trace reach the user. */
export async function main(argv: readonly string[], io: Io & { err(line: string): void }): Promise<number> {
  let lang = langOf(argv);
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    const ctx: Io = { lang, out: (l) => io.out(l) };
    if (args.version) {
      io.out(`thidua ${VERSION}`);
      return EXIT.done;
    }
    if (!args.command) {
      // Asked for: help on stdout, exit 0. Called with nothing to do: usage on stderr, exit 2.
      if (args.help) io.out(generalHelp(lang));
      else io.err(generalHelp(lang));
      return args.help ? EXIT.done : EXIT.nothing;
    }
    if (args.help || args.command === "help") {
      const text = args.command === "help" ? generalHelp(lang) : commandHelp(args.command, lang);
      if (text === undefined) throw new UsageError(args.command);
      io.out(text);
      return EXIT.done;
    }
    const [a, b] = args.positional;
    // Each command loads its own modules: help and usage errors start without the workbook or Word code.
    switch (args.command) {
      case "init":
        return await (await import("./commands.js")).initCommand(a, b, ctx, args.year);
      case "check":
        return await (await import("./ledger-commands.js")).checkCommand(a, ctx);
      case "tally":
        return await (await import("./ledger-commands.js")).tallyCommand(a, args.out, ctx, args.quiz);
      case "judge-sheets":
        await (await import("./commands.js")).judgeSheetsCommand(a, args.out, ctx);
        return EXIT.done;
      case "import":
        return await (await import("./commands.js")).importCommand(a, args.positional.slice(1), args.replace, ctx);
      case "export":
        return await (await import("./export-command.js")).exportCommand(a, { docx: args.docx, pdf: args.pdf, certificates: args.certificates }, { ...ctx, err: (l) => io.err(l) });
      case "new-year":
        return await (await import("./commands.js")).newYearCommand(a, args.out, ctx, args.year);
      case "demo":
        return await (await import("./demo.js")).demoCommand(a, ctx);
      default:
        throw new UsageError(args.command);
    }
  } catch (err) {
    if (err instanceof Refusal) io.err(say(err.msg, lang));
    else if (err instanceof UsageError) {
      io.err(say({ vi: `Tham số không hợp lệ: ${err.message} (xem: thidua --help).`, en: `Invalid argument: ${err.message} (see: thidua --help).` }, lang));
    } else {
      io.err(say({ vi: `Không thực hiện được: ${errorText(err)}`, en: `Could not complete: ${errorText(err)}` }, lang));
    }
    return EXIT.nothing;
  }
}

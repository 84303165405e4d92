import { readFileSync } from "node:fs";

/** The package's version, read from its package.json (beside dist/ when built, beside cli/ in the sources). */
function packageVersion(): string {
  for (const rel of ["../../package.json", "../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "thidua" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not at this level
    }
  }
  return "?";
}

export const VERSION = packageVersion();

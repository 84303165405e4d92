import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The static import graph of the project's TypeScript: `import … from "x"` and `export … from "x"`
 * (not `import("x")`, which loads on demand). Relative specifiers are resolved to files; bare ones
 * (packages, `node:` modules) are kept as written.
 */
export interface ImportGraph {
  /** file (relative to the root) → its static imports (relative files, or bare specifiers). */
  readonly edges: Map<string, string[]>;
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolve(root: string, from: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  const base = path.resolve(root, path.dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), base, `${base}.ts`]) {
    if (existsSync(candidate)) return path.relative(root, candidate);
  }
  return path.relative(root, base);
}

/** The graph reachable from `entries` (type-only imports left out: they vanish when compiled). */
export function importGraph(root: string, entries: readonly string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (edges.has(file) || !/\.(ts|mts|js|mjs)$/.test(file) || !existsSync(path.join(root, file))) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    const out: string[] = [];
    for (const m of text.matchAll(STATIC_IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      const target = resolve(root, file, m[1]!);
      out.push(target);
      if (target.startsWith(".") || target.includes("/") || target.endsWith(".ts")) queue.push(target);
    }
    edges.set(file, out);
  }
  return { edges };
}

/** Every file or package reachable from `entry`. */
export function reachable(graph: ImportGraph, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of graph.edges.get(file) ?? []) queue.push(next);
  }
  return seen;
}

import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/cli-run.js";
import { importGraph, reachable } from "./support/import-graph.js";

/**
 * The import graph, read from the sources: arrows point inward (hosts import the core, the core
 * imports no host and no Node module, no host imports another), and what starts fast stays light.
 */

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(REPO_ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(REPO_ROOT, rel)).isDirectory()) out.push(...sourcesUnder(rel));
    else if (/\.ts$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const FOLDERS = ["shared", "xlsx", "word", "cli", "addin/src", "apps-script/src"] as const;
const graph = importGraph(REPO_ROOT, FOLDERS.flatMap(sourcesUnder));
const folderOf = (file: string): string | undefined => FOLDERS.find((f) => file.startsWith(`${f}/`));
const importsOf = (folder: string): [string, string][] =>
  [...graph.edges].filter(([file]) => folderOf(file) === folder).flatMap(([file, targets]) => targets.map((t) => [file, t] as [string, string]));

describe("layering", () => {
  it("the graph is read: every source file, and a command that does load the workbook code is seen to", () => {
    expect(graph.edges.size).toBeGreaterThan(100);
    expect(reachable(graph, "cli/commands.ts").has("xlsx/workbook.ts")).toBe(true);
    expect(reachable(graph, "addin/src/xlsx-reader.ts").has("fflate")).toBe(true);
  });

  it("the core (shared/) imports nothing but itself: no host, no Node module, no package", () => {
    expect(importsOf("shared").filter(([, t]) => folderOf(t) !== "shared")).toEqual([]);
  });

  it("the workbook file layer (xlsx/), shared by the CLI and the task pane, imports only the core and fflate", () => {
    expect(importsOf("xlsx").filter(([, t]) => !["shared", "xlsx"].includes(folderOf(t) ?? "") && t !== "fflate")).toEqual([]);
  });

  it("the Word renderer (word/), shared by the CLI and the task pane, imports only the core and docx", () => {
    expect(importsOf("word").filter(([, t]) => !["shared", "word"].includes(folderOf(t) ?? "") && t !== "docx")).toEqual([]);
  });

  it("no host imports another", () => {
    const hosts = ["cli", "addin/src", "apps-script/src"];
    for (const host of hosts) {
      const foreign = importsOf(host).filter(([, t]) => hosts.includes(folderOf(t) ?? "") && folderOf(t) !== host);
      expect(foreign, host).toEqual([]);
    }
  });
});

/** shared/<sub> for the core, the top folder for the rest. */
function unitOf(file: string): string | undefined {
  const parts = file.split("/");
  if (parts[0] === "shared") return parts.length > 2 ? `shared/${parts[1]}` : "shared";
  return folderOf(file);
}

/** Folders that reach themselves through the imports of `edges`. */
function folderCycles(edges: ReadonlyMap<string, readonly string[]> = graph.edges): string[] {
  const next = new Map<string, Set<string>>();
  for (const [file, targets] of edges) {
    const from = unitOf(file);
    if (from === undefined) continue;
    for (const t of targets) {
      const to = unitOf(t);
      if (to === undefined || to === from) continue;
      if (!next.has(from)) next.set(from, new Set());
      next.get(from)!.add(to);
    }
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const queue = [...(next.get(start) ?? [])];
    while (queue.length > 0) {
      const u = queue.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      queue.push(...(next.get(u) ?? []));
    }
    return seen;
  };
  return [...next.keys()].filter((u) => reach(u).has(u)).sort();
}

describe("no import cycles between folders", () => {
  it("no folder of the core, nor any host, reaches itself through another", () => {
    expect(folderCycles()).toEqual([]);
  });

  it("a cycle would be seen (the quiz and its collective prizes, before they shared a folder)", () => {
    const before = new Map([
      ["shared/quiz/run.ts", ["shared/collective/collective.ts"]],
      ["shared/collective/outputs.ts", ["shared/quiz/outputs.ts"]],
      ["shared/cells/number.ts", ["shared/scoring/exact.ts"]],
    ]);
    expect(folderCycles(before)).toEqual(["shared/collective", "shared/quiz"]);
  });
});

describe("what starts fast stays light", () => {
  it("`thidua --help` loads neither the workbook code nor the Word library", () => {
    const loaded = reachable(graph, "cli/main.ts");
    for (const heavy of ["docx", "xlsx/zip.ts", "xlsx/workbook.ts", "cli/xlsx-workbook.ts", "word/render.ts", "cli/word-file.ts"]) expect(loaded.has(heavy), heavy).toBe(false);
  });

  it("the task pane loads the workbook reader only when a judge's workbook is imported, and the Word library only when documents are asked for", () => {
    const loaded = reachable(graph, "addin/src/taskpane.ts");
    for (const heavy of ["fflate", "xlsx/zip.ts", "xlsx/workbook.ts", "addin/src/xlsx-reader.ts", "docx", "word/render.ts", "addin/src/word-download.ts"]) expect(loaded.has(heavy), heavy).toBe(false);
  });
});

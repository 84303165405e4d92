// Builds the task pane into dist/addin/: bundles (esbuild), pages, icons, and the manifest with its
// URLs rewritten from https://localhost:3000 to $ADDIN_BASE_URL. Usage: node addin/build.mjs [outDir]
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { ICON_SIZES, iconPng } from "./tools/icons.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
export const DEV_BASE_URL = "https://localhost:3000";

/** @param {string | undefined} value */
export function baseUrlOf(value) {
  const url = (value ?? DEV_BASE_URL).trim().replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) throw new Error(`ADDIN_BASE_URL phải là một địa chỉ https://…, không phải “${url}”.`);
  return url;
}

/**
 * @param {{ outDir?: string, baseUrl?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ outDir: string, baseUrl: string }>}
 */
export async function buildAddin(options = {}) {
  const outDir = path.resolve(options.outDir ?? path.join(root, "dist", "addin"));
  const baseUrl = baseUrlOf(options.baseUrl ?? process.env.ADDIN_BASE_URL);
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(path.join(outDir, "assets"), { recursive: true });
  const built = await esbuild.build({
    entryPoints: { taskpane: path.join(here, "src", "taskpane.ts"), commands: path.join(here, "src", "commands.ts") },
    outdir: outDir,
    bundle: true,
    // ES modules with shared chunks: the workbook reader is a chunk of its own, fetched only when a
    // judge's workbook is imported.
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "browser",
    target: ["chrome100", "edge100", "safari15", "firefox100"],
    charset: "utf8",
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: options.quiet ? "error" : "warning",
    metafile: true,
  });
  for (const page of ["taskpane.html", "taskpane.css", "commands.html", "help.html"]) {
    await fs.copyFile(path.join(here, "src", page), path.join(outDir, page));
  }
  for (const size of ICON_SIZES) await fs.writeFile(path.join(outDir, "assets", `icon-${size}.png`), iconPng(size));
  const manifest = await fs.readFile(path.join(root, "manifest.xml"), "utf8");
  await fs.writeFile(path.join(outDir, "manifest.xml"), manifest.split(DEV_BASE_URL).join(baseUrl));
  if (!options.quiet) {
    for (const [file, out] of Object.entries(built.metafile.outputs)) console.log(`  ${path.relative(outDir, path.resolve(root, file))}: ${(out.bytes / 1024).toFixed(1)} KiB`);
  }
  if (!options.quiet) console.log(`Đã dựng add-in vào ${path.relative(process.cwd(), outDir) || "."} (URL gốc: ${baseUrl}).`);
  return { outDir, baseUrl };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAddin({ outDir: process.argv[2] }).catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}

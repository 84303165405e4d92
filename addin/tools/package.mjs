// Builds the add-in for an organisation's HTTPS address and zips it with its manifest, ready for
// the IT officer's web server. Usage: node addin/tools/package.mjs https://host/path [out.zip]
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { baseUrlOf, buildAddin } from "../build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {Promise<Record<string, Uint8Array>>}
 */
async function filesUnder(dir, prefix = "") {
  /** @type {Record<string, Uint8Array>} */
  const out = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, await filesUnder(path.join(dir, entry.name), rel));
    else out[rel] = new Uint8Array(await fs.readFile(path.join(dir, entry.name)));
  }
  return out;
}

/**
 * Builds into dist/addin-package/ for `baseUrl` and writes the zip; returns its path and the files in it.
 * @param {string} baseUrl
 * @param {string} [zipFile]
 */
export async function packageAddin(baseUrl, zipFile) {
  const url = baseUrlOf(baseUrl);
  const { version } = JSON.parse(await fs.readFile(path.join(root, "package.json"), "utf8"));
  const outDir = path.join(root, "dist", "addin-package");
  await buildAddin({ outDir, baseUrl: url, quiet: true });
  const files = await filesUnder(outDir);
  const target = path.resolve(zipFile ?? path.join(root, "dist", `thidua-addin-${version}.zip`));
  await fs.writeFile(target, zipSync(files, { level: 6 }));
  return { zip: target, baseUrl: url, files: Object.keys(files).sort() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [baseUrl, zipFile] = process.argv.slice(2);
  if (!baseUrl) {
    console.error("Cách dùng: npm run package:addin -- https://ten-mien.gov.vn/thidua [tệp.zip]");
    process.exit(2);
  }
  packageAddin(baseUrl, zipFile).then(
    (r) => console.log(`Đã đóng gói add-in cho ${r.baseUrl}: ${path.relative(process.cwd(), r.zip)} (${r.files.length} tệp, gồm manifest.xml). Giải nén vào thư mục web tại địa chỉ đó.`),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(2);
    },
  );
}

// `npm run validate`: offline checks of manifest.xml (and of dist/addin when it was built).
// Microsoft's own validator, `npx office-addin-manifest validate manifest.xml`, posts the manifest to
// an online service: run it where the network is available, before publishing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkManifest, manifestUrls } from "./manifest-check.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const file = path.resolve(process.argv[2] ?? path.join(root, "manifest.xml"));
const { problems, root: xml } = checkManifest(readFileSync(file, "utf8"), { maxExcelApi: "1.8" });

const dist = path.join(root, "dist", "addin");
const builtManifest = path.join(dist, "manifest.xml");
if (problems.length === 0 && existsSync(builtManifest)) {
  const built = checkManifest(readFileSync(builtManifest, "utf8"), { maxExcelApi: "1.8" });
  problems.push(...built.problems.map((p) => `dist/addin/manifest.xml: ${p}`));
  const base = (process.env.ADDIN_BASE_URL ?? "https://localhost:3000").replace(/\/+$/, "");
  for (const url of built.root ? manifestUrls(built.root) : []) {
    if (url.startsWith(base + "/") && !existsSync(path.join(dist, url.slice(base.length + 1)))) problems.push(`dist/addin thiếu tệp cho ${url}`);
  }
}

if (problems.length > 0) {
  console.error(`${path.relative(process.cwd(), file)}: ${problems.length} vấn đề`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${path.relative(process.cwd(), file)}: hợp lệ (kiểm tra ngoại tuyến: XML, thứ tự phần tử, GUID, https, resid, quyền, ExcelApi ≤ 1.8; ${xml ? manifestUrls(xml).length : 0} URL).`);
console.log("Lưu ý: trình kiểm tra của Microsoft (npx office-addin-manifest validate manifest.xml) cần mạng; hãy chạy thêm trước khi phát hành.");

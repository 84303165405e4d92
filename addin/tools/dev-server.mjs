// `npm run dev-server`: HTTPS on https://localhost:3000 serving dist/addin, with the certificates of
// office-addin-dev-certs (first time: `npx office-addin-dev-certs install`, which trusts a local CA).
// ADDIN_CERT / ADDIN_KEY (PEM files) override them; PORT overrides 3000.
import { existsSync, promises as fs } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { staticHandler } from "./static-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = path.join(root, "dist", "addin");
const port = Number(process.env.PORT ?? 3000);

/** @returns {Promise<{ key: string | Buffer, cert: string | Buffer, ca?: string | Buffer }>} */
async function certificates() {
  if (process.env.ADDIN_CERT && process.env.ADDIN_KEY) {
    return { cert: await fs.readFile(process.env.ADDIN_CERT), key: await fs.readFile(process.env.ADDIN_KEY) };
  }
  const folder = path.join(os.homedir(), ".office-addin-dev-certs");
  if (existsSync(path.join(folder, "localhost.crt")) && existsSync(path.join(folder, "localhost.key"))) {
    return {
      cert: await fs.readFile(path.join(folder, "localhost.crt")),
      key: await fs.readFile(path.join(folder, "localhost.key")),
      ca: await fs.readFile(path.join(folder, "ca.crt")).catch(() => ""),
    };
  }
  try {
    const devCerts = await import("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    throw new Error(
      "Chưa có chứng chỉ HTTPS cho localhost. Chạy: npx office-addin-dev-certs install (Windows, macOS), " +
        "hoặc đặt ADDIN_CERT và ADDIN_KEY trỏ tới tệp PEM. Chi tiết: " +
        (err instanceof Error ? err.message : String(err)),
    );
  }
}

async function main() {
  if (!existsSync(path.join(dist, "taskpane.html"))) {
    console.error("Chưa dựng add-in: chạy npm run build:addin trước.");
    process.exit(2);
  }
  const server = https.createServer(await certificates(), staticHandler(dist));
  server.listen(port, () => console.log(`Add-in đang phục vụ tại https://localhost:${port}/taskpane.html (Ctrl+C để dừng).`));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

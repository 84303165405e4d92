// Serves a built folder: used by `npm run dev-server` (HTTPS) and by the browser test (HTTP on 127.0.0.1).
import { promises as fs } from "node:fs";
import path from "node:path";

const TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
});

/**
 * A request handler for files under `root` (never outside it).
 * @param {string} root
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void}
 */
export function staticHandler(root) {
  const base = path.resolve(root);
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const rel = decodeURIComponent(url.pathname) === "/" ? "/taskpane.html" : decodeURIComponent(url.pathname);
    const file = path.resolve(base, "." + rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (body) => {
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
        res.end(body);
      },
      () => res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Không tìm thấy"),
    );
  };
}

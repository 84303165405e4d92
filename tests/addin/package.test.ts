import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { packageAddin } from "../../addin/tools/package.mjs";

describe("the add-in for an organisation", () => {
  it("is one zip for its HTTPS address: the pages, the lazily loaded reader, icons, and the manifest pointing there only", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "thidua-addin-zip-"));
    try {
      const zip = path.join(dir, "addin.zip");
      const r = await packageAddin("https://sonoivu.example.gov.vn/thidua/", zip);
      expect(r.baseUrl).toBe("https://sonoivu.example.gov.vn/thidua");
      const files = unzipSync(new Uint8Array(await fs.readFile(zip)));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(["manifest.xml", "taskpane.html", "taskpane.js", "commands.html", "assets/icon-32.png"]));
      expect(Object.keys(files).some((f) => /^chunks\/xlsx-reader-.*\.js$/.test(f))).toBe(true);
      const manifest = new TextDecoder().decode(files["manifest.xml"]);
      expect(manifest).toContain("https://sonoivu.example.gov.vn/thidua/taskpane.html");
      expect(manifest).not.toContain("localhost");
      await expect(packageAddin("http://khong-an-toan.example", zip)).rejects.toThrow(/https/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

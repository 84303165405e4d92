import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, removeFolder, tempFolder } from "./support/cli-run.js";

/**
 * The CLI as a package: `npm pack` gives a tarball that installs on a machine without the
 * repository (its dependencies from the registry), with no engine warning on the Node here, and
 * `thidua demo` runs from it.
 */

const dir = tempFolder("package");
afterAll(() => removeFolder(dir));

describe("npm pack → npm install -g → thidua", () => {
  it("installs without the repository and runs the demo", () => {
    execFileSync("npm", ["pack", "--pack-destination", dir], { cwd: REPO_ROOT, stdio: "pipe" });
    const tarball = readdirSync(dir).find((f) => /^thidua-\d+\.\d+\.\d+\.tgz$/.test(f));
    expect(tarball).toBeDefined();
    const prefix = path.join(dir, "g");
    const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "-g", "--prefix", prefix, path.join(dir, tarball!)], { cwd: dir, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toContain("EBADENGINE");
    const bin = path.join(prefix, "bin", "thidua");
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toMatch(/^thidua \d+\.\d+\.\d+$/);
    const out = execFileSync(bin, ["demo", path.join(dir, "demo")], { cwd: dir, encoding: "utf8" });
    expect(out).toContain("Tám triệu năm trăm nghìn đồng");
    expect(existsSync(path.join(dir, "demo", "so-cuoc-thi-sang-kien.xlsx"))).toBe(true);
  }, 240_000);
});

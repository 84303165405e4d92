import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, removeFolder, tempFolder } from "./support/cli-run.js";

/**
 * The CLI as a package: `npm pack` gives a tarball that installs on a machine without the
 * repository (its dependencies from the registry), with no engine warning on the Node here, and
 * `thidua demo` runs from it.
 *
 * The commands run asynchronously: a minute of synchronous `npm install` blocks the test worker's
 * event loop past vitest's 60-second RPC timeout ("Timeout calling onTaskUpdate"), which fails
 * the run even though every test passed.
 */

const run = promisify(execFile);

const dir = tempFolder("package");
afterAll(() => removeFolder(dir));

describe("npm pack → npm install -g → thidua", () => {
  it("installs without the repository and runs the demo", async () => {
    await run("npm", ["pack", "--pack-destination", dir], { cwd: REPO_ROOT });
    const tarball = readdirSync(dir).find((f) => /^thidua-\d+\.\d+\.\d+\.tgz$/.test(f));
    expect(tarball).toBeDefined();
    const prefix = path.join(dir, "g");
    const install = await run("npm", ["install", "--no-audit", "--no-fund", "-g", "--prefix", prefix, path.join(dir, tarball!)], { cwd: dir });
    expect(install.stdout + install.stderr).not.toContain("EBADENGINE");
    const bin = path.join(prefix, "bin", "thidua");
    expect((await run(bin, ["--version"])).stdout.trim()).toMatch(/^thidua \d+\.\d+\.\d+$/);
    const { stdout: out } = await run(bin, ["demo", path.join(dir, "demo")], { cwd: dir });
    expect(out).toContain("Tám triệu năm trăm nghìn đồng");
    expect(existsSync(path.join(dir, "demo", "so-cuoc-thi-sang-kien.xlsx"))).toBe(true);
  }, 240_000);
});

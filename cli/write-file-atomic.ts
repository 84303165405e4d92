import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * Writes `file` all or nothing: `fill` writes a temporary file in the same folder (so the rename
 * stays on one file system), which then replaces `file`. On any failure the temporary file is
 * removed and `file` is left as it was.
 */
export async function writeFileAtomic(file: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.thidua-tmp-${process.pid}-${randomBytes(4).toString("hex")}${path.extname(file)}`);
  try {
    await fill(tmp);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Msg } from "../shared/i18n/messages.js";
import { Refusal } from "./outcome.js";

const t = (vi: string, en: string): Msg => ({ vi, en });
const TEMP_PREFIX = ".thidua-tmp-";
const code = (err: unknown): string => (typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "");

/** Whether a process of this machine is alive (a lock or temporary file of a dead one is stale). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return code(err) === "EPERM";
  }
}

/** The file a path names, through symbolic links (a ledger reached by a link is written where it really is). */
export async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (err) {
    if (code(err) !== "ENOENT") throw err;
    return path.resolve(file);
  }
}

/**
 * Refuses, before any work, to replace a file the user has not let us write: read-only, or owned
 * by another user (replacing it would change its owner).
 */
export async function refuseUnwritable(file: string): Promise<void> {
  const target = await realTarget(file);
  let st;
  try {
    st = await fs.stat(target);
  } catch (err) {
    if (code(err) === "ENOENT") return;
    throw err;
  }
  if ((st.mode & 0o222) === 0) {
    throw new Refusal(
      t(
        `Tệp “${file}” chỉ cho đọc; thidua không ghi đè. Hãy bỏ thuộc tính chỉ đọc, hoặc dùng --out để ghi ra tệp khác.`,
        `“${file}” is read-only; thidua does not overwrite it. Make it writable, or use --out to write another file.`,
      ),
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new Refusal(
      t(
        `Tệp “${file}” thuộc người dùng khác; ghi đè sẽ đổi chủ sở hữu của nó. Hãy chép ra tệp của mình, hoặc dùng --out.`,
        `“${file}” belongs to another user; replacing it would change its owner. Copy it, or use --out.`,
      ),
    );
  }
}

/** Temporary files left in `dir` by a thidua process that no longer runs (killed mid-write). */
async function removeStaleTemporaries(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.thidua-tmp-(\d+)-/.exec(name);
    if (m && !alive(Number(m[1]))) await fs.rm(path.join(dir, name), { force: true });
  }
}

/**
 * Writes `file` all or nothing: `fill` writes a temporary file beside the real target (so the
 * rename stays on one file system), which takes the old file's mode and then replaces it. A
 * symbolic link stays a link: its target gets the new content. On any failure the temporary file
 * is removed and `file` is left as it was; temporary files of dead runs are removed first.
 */
export async function writeFileAtomic(file: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const target = await realTarget(file);
  const dir = path.dirname(target);
  await removeStaleTemporaries(dir);
  const old = await fs.stat(target).catch(() => undefined);
  const tmp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}${path.extname(target)}`);
  try {
    await fill(tmp);
    if (old) await fs.chmod(tmp, old.mode & 0o7777);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly at: string;
}

/**
 * Runs `work` holding an exclusive lock on `file` (a lock file beside it, as office programs keep
 * one): a second thidua that wants to write the same ledger waits for it, up to `waitMs`, then
 * refuses. `work` must read the ledger itself, under the lock, so no update is lost. A lock left by
 * a process that died is taken over.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>, waitMs = Number(process.env["THIDUA_LOCK_WAIT_MS"] ?? 20_000)): Promise<T> {
  const target = await realTarget(file);
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.thidua-lock`);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), at: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await fs.writeFile(lock, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (err) {
      if (code(err) !== "EEXIST") throw err;
    }
    const owner = await fs
      .readFile(lock, "utf8")
      .then((text) => JSON.parse(text) as Partial<LockOwner>)
      .catch(() => undefined);
    if (owner && owner.host === me.host && !alive(Number(owner.pid))) {
      await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = owner?.pid ? ` (tiến trình ${owner.pid}${owner.host && owner.host !== me.host ? ` trên máy ${owner.host}` : ""})` : "";
      throw new Refusal(
        t(
          `Sổ “${file}” đang được một lệnh thidua khác ghi${who}; hãy đợi lệnh đó xong rồi chạy lại. Nếu chắc không còn lệnh nào, xóa tệp ${lock}.`,
          `Ledger “${file}” is being written by another thidua run${who.replace("tiến trình", "process").replace("trên máy", "on")}; wait for it and run again. If none is running, delete ${lock}.`,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

/** Refuses, before any work, an output whose folder does not exist (instead of a system error naming a temporary file). */
export async function refuseMissingFolder(output: string): Promise<void> {
  const dir = path.dirname(path.resolve(output));
  const st = await fs.stat(dir).catch(() => undefined);
  if (st === undefined || !st.isDirectory()) {
    throw new Refusal(
      t(
        `Thư mục “${path.dirname(output)}” để ghi “${path.basename(output)}” không tồn tại; hãy tạo thư mục hoặc chọn chỗ khác.`,
        `Folder “${path.dirname(output)}” for “${path.basename(output)}” does not exist; create it or choose another place.`,
      ),
    );
  }
}

/** Refuses an output path that is one of the inputs (it would destroy what is being read). */
async function fileId(file: string): Promise<string | undefined> {
  try {
    const st = await fs.stat(file, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

export async function refuseOverwritingInput(output: string, inputs: readonly string[]): Promise<void> {
  const out = await realTarget(output);
  // The same file under another spelling (`SO.XLSX` for `so.xlsx` on a case-insensitive disk, a hard link) has the same inode.
  const outId = await fileId(out);
  for (const input of inputs) {
    const inPath = await realTarget(input);
    if (inPath === out || (outId !== undefined && outId === (await fileId(inPath)))) {
      throw new Refusal(
        t(
          `Tệp ghi ra “${output}” trùng với tệp đầu vào “${input}”; hãy chọn tên khác để không ghi đè dữ liệu.`,
          `Output “${output}” is the input “${input}”; choose another name so nothing is overwritten.`,
        ),
      );
    }
  }
}

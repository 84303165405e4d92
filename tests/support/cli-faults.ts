import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Faults injected into a real run of the binary with `node --import <module>`: the module patches
 * Node's `fs` before the tool starts, so the tool's own code path meets a disk that fails.
 * Each fault records what it did in a log file (one JSON object per line).
 */

export interface FaultRecord {
  readonly fault: string;
  readonly file: string;
  readonly bytesWritten?: number;
}

export interface Fault {
  /** Arguments for node, before the script. */
  readonly nodeArgs: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  records(): FaultRecord[];
}

/** The temporary file of an atomic save fills half its first chunk, then the disk is full. */
const WRITE_FAILS_MIDWAY = `
import fs from "node:fs";
const log = (r) => fs.appendFileSync(process.env.THIDUA_FAULT_LOG, JSON.stringify(r) + "\\n");
const realCreateWriteStream = fs.createWriteStream;
fs.createWriteStream = function (file, ...rest) {
  const stream = realCreateWriteStream.call(fs, file, ...rest);
  if (!String(file).includes(".thidua-tmp-")) return stream;
  const write = stream.write.bind(stream);
  let failed = false;
  stream.write = (chunk) => {
    if (failed) return false;
    failed = true;
    const buf = Buffer.from(chunk);
    const half = buf.subarray(0, Math.ceil(buf.length / 2));
    write(half, () => {
      log({ fault: "write", file: String(file), bytesWritten: fs.statSync(file).size });
      stream.destroy(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
    });
    return false;
  };
  return stream;
};
`;

/** The final rename of an atomic save fails (e.g. the file is locked by another program). */
const RENAME_FAILS = `
import fs from "node:fs";
const log = (r) => fs.appendFileSync(process.env.THIDUA_FAULT_LOG, JSON.stringify(r) + "\\n");
fs.promises.rename = async (from, to) => {
  log({ fault: "rename", file: String(from), bytesWritten: fs.statSync(from).size });
  throw Object.assign(new Error("EIO: i/o error, rename '" + from + "' -> '" + to + "'"), { code: "EIO" });
};
`;

function fault(dir: string, name: string, source: string): Fault {
  const module = path.join(dir, `${name}.mjs`);
  const log = path.join(dir, `${name}.log`);
  writeFileSync(module, source);
  return {
    nodeArgs: ["--import", pathToFileURL(module).href],
    env: { THIDUA_FAULT_LOG: log },
    records: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .split("\n")
            .filter((l) => l !== "")
            .map((l) => JSON.parse(l) as FaultRecord)
        : [],
  };
}

export const writeFailsMidway = (dir: string): Fault => fault(dir, "write-fails-midway", WRITE_FAILS_MIDWAY);
export const renameFails = (dir: string): Fault => fault(dir, "rename-fails", RENAME_FAILS);

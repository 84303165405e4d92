import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * How the peak memory of a child is read: GNU time's `-v` report when /usr/bin/time exists,
 * otherwise a preloaded module that writes `process.resourceUsage().maxRSS` when the child exits.
 * Both read the kernel's getrusage maximum RSS. THIDUA_BENCH_RSS=probe forces the second way.
 */
export type RssMethod = "time-v" | "resource-usage";

const GNU_TIME = "/usr/bin/time";
/** Read by rss-probe.ts. */
const RSS_FILE_ENV = "THIDUA_BENCH_RSS_FILE";

export function rssMethod(): RssMethod {
  return process.env.THIDUA_BENCH_RSS !== "probe" && existsSync(GNU_TIME) ? "time-v" : "resource-usage";
}

export interface ChildRun {
  /** Wall-clock milliseconds from spawn to exit, as the parent saw them. */
  readonly ms: number;
  readonly status: number | null;
  /** Peak resident set size in KiB, when it could be read. */
  readonly maxRssKiB: number | undefined;
  /** CPU milliseconds (user + system) of the child, when they could be read: steadier than wall time on a busy machine. */
  readonly cpuMs: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

const probeModule = (): string => pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "rss-probe.js")).href;

/** Runs `node <args>` in `cwd` and measures its wall time and peak memory. */
export async function runNode(args: readonly string[], cwd: string, method: RssMethod = rssMethod()): Promise<ChildRun> {
  const rssFile = path.join(os.tmpdir(), `thidua-bench-rss-${process.pid}-${Date.now()}.txt`);
  const [command, argv, env] =
    method === "time-v" ? [GNU_TIME, ["-v", process.execPath, ...args], process.env] : [process.execPath, ["--import", probeModule(), ...args], { ...process.env, [RSS_FILE_ENV]: rssFile }];
  const started = process.hrtime.bigint();
  const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let maxRssKiB: number | undefined;
  let cpuMs: number | undefined;
  if (method === "time-v") {
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    maxRssKiB = rss ? Number(rss[1]) : undefined;
    cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
  } else {
    // rss-probe.js writes "maxRSS userMicroseconds systemMicroseconds".
    const text = await fs.readFile(rssFile, "utf8").catch(() => "");
    await fs.rm(rssFile, { force: true });
    const m = /^(\d+) (\d+) (\d+)$/.exec(text.trim());
    maxRssKiB = m ? Number(m[1]) : undefined;
    cpuMs = m ? (Number(m[2]) + Number(m[3])) / 1000 : undefined;
  }
  return { ms, status, maxRssKiB, cpuMs, stdout, stderr };
}

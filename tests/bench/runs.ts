import { promises as fs } from "node:fs";
import path from "node:path";
import { type ChildRun, type RssMethod, runNode } from "./child-process.js";
import { sheetjsRoundTrip } from "./sheetjs-floor.js";
import { type PhasedTally, tallyInPhases } from "./tally-phases.js";

/** Where the programs the benchmark runs are. */
export interface BenchPrograms {
  /** The repository root, the children's working folder. */
  readonly root: string;
  /** `bin/thidua.js`. */
  readonly cli: string;
  /** The floor as its own process: `floor-child.js <in> <out>`. */
  readonly floorChild: string;
}

/** Every measurement of every run, in run order. */
export interface BenchRuns {
  readonly floorChild: ChildRun[];
  readonly tallyChild: ChildRun[];
  /** `thidua tally <ledger> --out <new file>`. */
  readonly tallyOutChild: ChildRun[];
  readonly floorInProcess: Timed[];
  readonly tallyInProcess: Timed[];
  readonly phased: PhasedTally[];
}

export interface Timed {
  readonly ms: number;
  /** User + system CPU of this whole process (every thread) during the step. */
  readonly cpuMs: number;
}

/** Wall and CPU milliseconds of a step run in this process. */
export async function measured<T>(step: () => Promise<T>): Promise<Timed & { value: T }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = await step();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function checkChild(what: string, run: ChildRun, allowed: readonly number[]): void {
  if (run.status === null || !allowed.includes(run.status)) {
    throw new Error(`${what} exited with ${run.status}:\n${run.stderr}\n${run.stdout}`);
  }
}

/**
 * Runs the floor, the tally in place and the tally with `--out`, each as its own process (and the
 * floor and the tally in this process too), `runs` times,
 * interleaved so that a change in the machine's load falls on both alike. The tally always gets a
 * fresh copy of the ledger; it exits 1 because the ledger holds a few deliberate errors.
 */
export async function collectRuns(ledgerFile: string, dir: string, runs: number, programs: BenchPrograms, method: RssMethod): Promise<BenchRuns> {
  const result: BenchRuns = { floorChild: [], tallyChild: [], tallyOutChild: [], floorInProcess: [], tallyInProcess: [], phased: [] };
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`  lần ${i + 1}/${runs}…\n`);
    const floorOut = path.join(dir, `nen-${i}.xlsx`);
    const copy = path.join(dir, `tally-${i}.xlsx`);

    const floorRun = await runNode([programs.floorChild, ledgerFile, floorOut], programs.root, method);
    checkChild("floor", floorRun, [0]);
    result.floorChild.push(floorRun);
    await fs.rm(floorOut, { force: true });

    await fs.copyFile(ledgerFile, copy);
    const tallyRun = await runNode([programs.cli, "tally", copy], programs.root, method);
    checkChild("thidua tally", tallyRun, [0, 1]);
    result.tallyChild.push(tallyRun);
    await fs.rm(copy, { force: true });

    const outFile = path.join(dir, `tally-out-${i}.xlsx`);
    const outRun = await runNode([programs.cli, "tally", ledgerFile, "--out", outFile], programs.root, method);
    checkChild("thidua tally --out", outRun, [0, 1]);
    result.tallyOutChild.push(outRun);
    await fs.rm(outFile, { force: true });

    result.floorInProcess.push(await measured(() => sheetjsRoundTrip(ledgerFile, floorOut)));
    await fs.rm(floorOut, { force: true });

    await fs.copyFile(ledgerFile, copy);
    const { value, ms, cpuMs } = await measured(() => tallyInPhases(copy));
    result.phased.push(value);
    result.tallyInProcess.push({ ms, cpuMs });
    await fs.rm(copy, { force: true });
  }
  return result;
}

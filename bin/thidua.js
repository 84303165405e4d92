#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// `thidua check … | head -1`: the reader went away; stop quietly instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const status = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
});
process.exitCode = status;

#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

const status = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
});
process.exitCode = status;

import { sheetjsRoundTrip } from "./sheetjs-floor.js";

/** `node dist/tests/bench/floor-child.js <in.xlsx> <out.xlsx>`: the floor as its own process, like `thidua tally`. */
const [input, output] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  process.stderr.write("usage: floor-child.js <in.xlsx> <out.xlsx>\n");
  process.exitCode = 2;
} else {
  await sheetjsRoundTrip(input, output);
}

/**
 * npm run bench: speed is measured here, never asserted in tests. Prints a table and writes
 * bench/results.json for the notes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchCellFunctions } from "./cell-functions";
import { benchBundleLoad, benchChecks } from "./checks";

interface BenchRow {
  name: string;
  rows: number;
  ms: number;
  detail?: string;
}

const results: BenchRow[] = [benchBundleLoad(), ...benchCellFunctions(), ...benchChecks()];
const width = Math.max(...results.map((row) => row.name.length));
for (const row of results) {
  console.log(
    `${row.name.padEnd(width)}  ${String(row.rows).padStart(6)} rows  ${row.ms.toFixed(1).padStart(9)} ms${row.detail ? `  ${row.detail}` : ""}`,
  );
}
writeFileSync(join(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

/**
 * npm run bench: service calls against the naive add-on and the floor, the estimated time on
 * Google against the 6-minute limit, start-up against a zod baseline, and the pure compute, as
 * one table, and bench/results.json. Speed is measured here, never asserted in tests.
 *
 *   npm run bench                 full sizes (100, 10,000 and 50,000 collaborations)
 *   npm run bench -- --smoke      small sizes and few runs (also BENCH_SMOKE=1); writes no results
 *   BENCH_RESULTS=path            where the results go (default bench/results.json, none for smoke)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchOptions, runBench } from "./bench";
import { formatTable } from "./table";

const smoke = process.argv.includes("--smoke") || process.env.BENCH_SMOKE === "1";
const results = await runBench(benchOptions(smoke), (line) => console.error(`bench: ${line}`));
console.log(formatTable(results));
const target = process.env.BENCH_RESULTS || (smoke ? "" : join(import.meta.dirname, "results.json"));
if (target) writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);

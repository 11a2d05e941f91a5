/**
 * The whole bench as a function, so that `npm run bench` (bench/run.ts) and the smoke test
 * (test/bench) run the same code: service calls against the naive baseline and the floor, an
 * estimate of the time on Google against the 6-minute limit, start-up against a zod baseline,
 * and the pure compute. Timings are measured, never asserted.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { benchCellFunctions } from "./cell-functions";
import { type ComputeResult, dailyCompute } from "./checks";
import { benchSellerImport, type ImportBenchResult } from "./seller-import";
import { type OperationCalls, serviceCalls } from "./service-calls";
import { type StartupResult, startup } from "./startup";
import { benchBrief, NOW, TIME_ZONE } from "./workbook";

/**
 * What one service call costs on Google, for the time estimate: a round trip from the script to
 * the Sheets backend. Google's best-practices guide gives no figure, only the rule (calls to
 * Sheets are far slower than JavaScript: batch them); the figure is the one measured in the
 * Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?": 400 row writes, each
 * followed by a flush, took almost 12 s, so about 30 ms a round trip. The same answer measured
 * the 400 writes without the flushes in 164 ms: Apps Script caches consecutive writes, so a call
 * can cost far less. The table therefore also gives, for each run that fails, the per-call cost
 * at which it would just fit in the limit.
 */
export const PER_CALL_MS = 30;
export const PER_CALL_SOURCE =
  "Google's Apps Script best practices (https://developers.google.com/apps-script/guides/support/best-practices: minimize calls to services, batch reads and writes) and the Stack Overflow answer 'What is faster: ScriptDb or SpreadsheetApp?' (mirrored at https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp): 400 row writes, each flushed, took almost 12 s (about 30 ms a round trip); unflushed, 164 ms, because consecutive writes are cached";
/** An Apps Script execution (a trigger run, a menu item, a google.script.run call) has 6 minutes. */
export const RUN_LIMIT_MS = 360_000;
/** A custom function has 30 seconds. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;

export interface BenchOptions {
  smoke: boolean;
  /** Collaborations in the workbooks of the service-call bench. */
  serviceSizes: number[];
  /** Collaborations for the daily run's compute. */
  computeSizes: number[];
  computeRuns: number;
  /** Rows of each custom function's range. */
  cellRows: number;
  cellRuns: number;
  /** Fresh-context loads of each bundle. */
  loadRuns: number;
  /** Export rows of the Seller Center import. */
  importSizes: number[];
}

export function benchOptions(smoke: boolean): BenchOptions {
  return smoke
    ? {
        smoke,
        serviceSizes: [100, 1_000],
        computeSizes: [100, 1_000],
        computeRuns: 3,
        cellRows: 1_000,
        cellRuns: 3,
        loadRuns: 5,
        importSizes: [100, 1_000],
      }
    : {
        smoke,
        serviceSizes: [100, 10_000, 50_000],
        computeSizes: [1_000, 10_000, 50_000],
        computeRuns: 5,
        cellRows: 10_000,
        cellRuns: 7,
        loadRuns: 41,
        importSizes: [1_000, 10_000, 50_000],
      };
}

export interface Estimate {
  /** calls × PER_CALL_MS + the run's time on the emulator. */
  ms: number;
  passes: boolean;
  /** The per-call cost at which the run would take exactly the limit. */
  breakEvenMsPerCall: number;
}

export interface OperationResult extends OperationCalls {
  estimate: { ours: Estimate; naive: Estimate; limitMs: number };
}

export interface BenchResults {
  generatedAt: string;
  node: string;
  cpus: string;
  smoke: boolean;
  options: BenchOptions;
  assumptions: {
    perCallMs: number;
    perCallSource: string;
    runLimitMs: number;
    customFunctionLimitMs: number;
  };
  serviceCalls: OperationResult[];
  startup: StartupResult;
  compute: { daily: ComputeResult[]; cellFunctions: ComputeResult[] };
  sellerImport: ImportBenchResult[];
  /** Wall time of the bench itself. */
  benchSeconds: number;
}

function estimate(calls: number, computeMs: number): Estimate {
  const ms = calls * PER_CALL_MS + computeMs;
  return {
    ms,
    passes: ms <= RUN_LIMIT_MS,
    breakEvenMsPerCall: Math.max(0, RUN_LIMIT_MS - computeMs) / Math.max(calls, 1),
  };
}

export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchResults> {
  const started = performance.now();
  const code = readFileSync(join(import.meta.dirname, "../build/Code.js"), "utf8");
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations: 100 });

  log(`start-up: ${options.loadRuns} loads of each bundle`);
  const startupResult = await startup(options.loadRuns, benchBrief(tabs));

  log(
    `compute: daily run at ${options.computeSizes.join(", ")}; custom functions on ${options.cellRows} rows`,
  );
  const daily = options.computeSizes.map((size) =>
    dailyCompute(size, size >= 50_000 ? 3 : options.computeRuns),
  );
  const cellFunctions = benchCellFunctions(options.cellRows, options.cellRuns);

  const operations: OperationResult[] = [];
  for (const size of options.serviceSizes) {
    log(`service calls: ${size} collaborations`);
    for (const result of serviceCalls(size, code)) {
      operations.push({
        ...result,
        estimate: {
          ours: estimate(result.ours.calls, result.ours.ms),
          naive: estimate(result.naive.calls, result.naive.ms),
          limitMs: RUN_LIMIT_MS,
        },
      });
    }
  }

  log(`Seller Center import: ${options.importSizes.join(", ")} export rows`);
  const sellerImport = benchSellerImport(options.importSizes, code);

  const cpu = cpus();
  return {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown"}`,
    smoke: options.smoke,
    options,
    assumptions: {
      perCallMs: PER_CALL_MS,
      perCallSource: PER_CALL_SOURCE,
      runLimitMs: RUN_LIMIT_MS,
      customFunctionLimitMs: CUSTOM_FUNCTION_LIMIT_MS,
    },
    serviceCalls: operations,
    startup: startupResult,
    compute: { daily, cellFunctions },
    sellerImport,
    benchSeconds: (performance.now() - started) / 1000,
  };
}

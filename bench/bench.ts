/**
 * The whole bench as a function, so that `npm run bench` (bench/run.ts) and the smoke test
 * (test/bench) run the same code: service calls and cells against the naive baseline and the
 * floor, an estimate of the time on Google against the 6-minute limit, start-up against a zod
 * baseline, the pure compute against a single pass, the check's peak memory and the sidebar's
 * load. Every time is a median with its CPU time beside it, and the machine's load average is
 * recorded as each section starts: timings are measured, never asserted.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { benchCellFunctions } from "./cell-functions";
import { type ComputeResult, type DailyComputeResult, dailyCompute } from "./checks";
import { type DigestSize, digestSize } from "./digest-size";
import { checkMemory, type MemoryResult } from "./memory";
import { benchSellerImport, type ImportBenchResult } from "./seller-import";
import { type OperationCalls, serviceCalls } from "./service-calls";
import { type SidebarLoadResult, sidebarLoad } from "./sidebar-load";
import { type StartupResult, startup } from "./startup";
import type { Timing } from "./stats";
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

/** The targets of issue 17, shown beside the figures they judge. */
export const TARGETS = {
  /** The daily check's compute at most this many times the single pass. */
  computeRatio: 8,
  /** Peak heap of the check at 50,000 collaborations. */
  peakHeapMb: 250,
  /** The sidebar's first load at 50,000 collaborations. */
  sidebarFirstLoadBytes: 1_000_000,
} as const;

export interface BenchOptions {
  smoke: boolean;
  /** Collaborations in the workbooks of the service-call bench. */
  serviceSizes: number[];
  /** Times the whole sequence of operations runs per size (times are medians). */
  serviceRuns: number;
  /** Collaborations for the daily run's compute. */
  computeSizes: number[];
  computeRuns: number;
  /** Collaborations for the peak-memory check and the sidebar's load. */
  memorySize: number;
  sidebarSize: number;
  /** Rows of each custom function's range. */
  cellRows: number;
  cellRuns: number;
  /** Fresh-context loads of each bundle. */
  loadRuns: number;
  /** Export rows of the Seller Center import. */
  importSizes: number[];
  /** Imports per size, each on a fresh workbook (times are medians). */
  importRuns: number;
}

export function benchOptions(smoke: boolean): BenchOptions {
  return smoke
    ? {
        smoke,
        serviceSizes: [100, 1_000],
        serviceRuns: 2,
        computeSizes: [100, 1_000],
        computeRuns: 3,
        memorySize: 1_000,
        sidebarSize: 1_000,
        cellRows: 1_000,
        cellRuns: 3,
        loadRuns: 5,
        importSizes: [100, 1_000],
        importRuns: 3,
      }
    : {
        smoke,
        serviceSizes: [1_000, 10_000, 50_000],
        serviceRuns: 5,
        computeSizes: [1_000, 10_000, 50_000],
        computeRuns: 5,
        memorySize: 50_000,
        sidebarSize: 50_000,
        cellRows: 10_000,
        cellRuns: 7,
        loadRuns: 41,
        importSizes: [1_000, 10_000, 50_000],
        importRuns: 5,
      };
}

export interface Estimate {
  /** calls × PER_CALL_MS + computeMs. */
  ms: number;
  /** The compute added: the check measured outside node:vm for a daily run, else the emulator's median. */
  computeMs: number;
  computeSource: "outside vm" | "emulator";
  passes: boolean;
  /** The per-call cost at which the run would take exactly the limit. */
  breakEvenMsPerCall: number;
}

export interface OperationResult extends OperationCalls {
  estimate: { ours: Estimate; naive: Estimate; limitMs: number };
}

export interface MachineSample {
  /** What the bench was about to measure. */
  section: string;
  /** os.loadavg(): 1, 5 and 15 minutes. */
  loadAverage: number[];
  /** Seconds since the bench started. */
  atSeconds: number;
}

export interface BenchResults {
  generatedAt: string;
  node: string;
  cpus: string;
  /** The load average as each section started and at the end, and the bench's CPU time. */
  machine: { samples: MachineSample[]; cpuSeconds: number };
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
  compute: { daily: DailyComputeResult[]; cellFunctions: ComputeResult[] };
  memory: MemoryResult;
  sidebar: SidebarLoadResult;
  targets: typeof TARGETS;
  /** The largest digest email of a daily run, per size. */
  digest: DigestSize[];
  sellerImport: ImportBenchResult[];
  /** Wall time of the bench itself. */
  benchSeconds: number;
}

/** Every time the results hold, each a median of its runs (for the table and the smoke test). */
export function timingsOf(results: BenchResults): Timing[] {
  return [
    ...results.serviceCalls.flatMap((result) => [result.ours, result.naive]),
    results.startup.load.ours,
    results.startup.load.baseline,
    ...results.compute.daily.flatMap((result) => [result.check, result.singlePass]),
    ...results.compute.cellFunctions,
    ...results.sellerImport.flatMap((result) => [result.preview, result.confirm, result.plan]),
  ];
}

function estimate(calls: number, computeMs: number, computeSource: Estimate["computeSource"]): Estimate {
  const ms = calls * PER_CALL_MS + computeMs;
  return {
    ms,
    computeMs,
    computeSource,
    passes: ms <= RUN_LIMIT_MS,
    breakEvenMsPerCall: Math.max(0, RUN_LIMIT_MS - computeMs) / Math.max(calls, 1),
  };
}

const DAILY = new Set(["daily run", "same-day re-run", "next-day run"]);

export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchResults> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const samples: MachineSample[] = [];
  const section = (name: string) => {
    samples.push({
      section: name,
      loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
      atSeconds: Math.round(performance.now() - started) / 1000,
    });
    log(name);
  };
  const code = readFileSync(join(import.meta.dirname, "../build/Code.js"), "utf8");
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations: 100 });

  section(`start-up: ${options.loadRuns} loads of each bundle`);
  const startupResult = await startup(options.loadRuns, benchBrief(tabs));

  section(`compute: daily check and single pass at ${options.computeSizes.join(", ")}`);
  const daily = options.computeSizes.map((size) => dailyCompute(size, options.computeRuns));
  section(`compute: custom functions on ${options.cellRows} rows`);
  const cellFunctions = benchCellFunctions(options.cellRows, options.cellRuns);

  section(`memory: the check at ${options.memorySize}, in a process of its own`);
  const memory = checkMemory(options.memorySize);
  section(`sidebar: its load at ${options.sidebarSize}`);
  const sidebar = sidebarLoad(options.sidebarSize, code);

  const operations: OperationResult[] = [];
  for (const size of options.serviceSizes) {
    section(`service calls: ${size} collaborations, ${options.serviceRuns} runs of every operation`);
    const outside = daily.find((result) => result.rows === size)?.check.ms;
    for (const result of serviceCalls(size, code, options.serviceRuns)) {
      const useOutside = DAILY.has(result.operation) && outside !== undefined;
      const ours = useOutside ? (outside as number) : result.ours.ms;
      operations.push({
        ...result,
        estimate: {
          ours: estimate(result.ours.calls, ours, useOutside ? "outside vm" : "emulator"),
          naive: estimate(
            result.naive.calls,
            useOutside ? (outside as number) : result.naive.ms,
            useOutside ? "outside vm" : "emulator",
          ),
          limitMs: RUN_LIMIT_MS,
        },
      });
    }
  }
  section(`digest size: ${options.computeSizes.join(", ")} collaborations`);
  const digest = options.computeSizes.map((size) => digestSize(size, code));
  section(
    `Seller Center import: ${options.importSizes.join(", ")} export rows, ${options.importRuns} runs of each`,
  );
  const sellerImport = benchSellerImport(options.importSizes, code, options.importRuns);
  section("end");

  const cpu = cpus();
  const used = process.cpuUsage(cpuAtStart);
  return {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown"}`,
    machine: { samples, cpuSeconds: (used.user + used.system) / 1e6 },
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
    memory,
    sidebar,
    targets: TARGETS,
    digest,
    sellerImport,
    benchSeconds: (performance.now() - started) / 1000,
  };
}

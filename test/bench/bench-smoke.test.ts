/**
 * `npm run bench` on small sizes, in process, so the bench cannot rot: its structure and the
 * facts that do not depend on the machine (service-call counts, sizes, identical results).
 * No timing is asserted. Nothing is written (bench/results.json is left alone). Needs
 * build/Code.js and build/sidebar.html (`npm test` builds first).
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type BenchResults,
  benchOptions,
  PER_CALL_MS,
  RUN_LIMIT_MS,
  runBench,
  timingsOf,
} from "../../bench/bench";
import { units } from "../../bench/floors";
import { OPERATIONS } from "../../bench/service-calls";
import { median } from "../../bench/stats";
import { formatTable } from "../../bench/table";
import { cellFunctions } from "../../src/features/cell-functions/catalog";

const BUILD = join(import.meta.dirname, "../../build");
const options = benchOptions(true);
let results: BenchResults;
let table: string;

// About 8 s idle; a loaded CI machine may take many times that: the budget is generous, and
// nothing below depends on time.
beforeAll(async () => {
  results = await runBench(options);
  table = formatTable(results);
}, 300_000);

const operation = (name: (typeof OPERATIONS)[number], rows: number) => {
  const found = results.serviceCalls.find((result) => result.operation === name && result.rows === rows);
  if (!found) throw new Error(`no ${name} at ${rows}`);
  return found;
};

describe("the smoke bench", () => {
  it("runs every operation at every smoke size, on small sizes only", () => {
    expect(results.smoke).toBe(true);
    expect(Math.max(...options.serviceSizes, ...options.computeSizes, options.cellRows)).toBeLessThanOrEqual(
      1_000,
    );
    expect(results.serviceCalls.map((result) => `${result.operation} ${result.rows}`).sort()).toEqual(
      OPERATIONS.flatMap((name) => options.serviceSizes.map((rows) => `${name} ${rows}`)).sort(),
    );
  });

  it("leaves the same values from ours and from the naive baseline", () => {
    for (const result of results.serviceCalls) {
      expect(result.difference, `${result.operation} at ${result.rows}`).toBeUndefined();
      expect(result.sameResult).toBe(true);
    }
  });

  it("makes fewer calls than the naive baseline, and no fewer calls or written cells than the floor", () => {
    for (const result of results.serviceCalls) {
      const what = `${result.operation} at ${result.rows}`;
      expect(result.ours.calls, what).toBeLessThan(result.naive.calls);
      expect(result.ours.calls, what).toBeGreaterThanOrEqual(result.floor.calls);
      expect(result.ours.cellsWritten, what).toBeGreaterThanOrEqual(result.floor.cellsWritten);
      expect(result.floor.parts.length, what).toBeGreaterThan(0);
    }
  });

  it("counts the floor's units on the emulator, as ours are counted", () => {
    // A tab read is getSheetByName, getDataRange, getValues; the lock is get, try and release.
    expect(units()).toMatchObject({ readTab: 3, writeBlock: 2, lock: 3, open: 2 });
    const first = operation("daily run", 100).floor;
    const steady = operation("same-day re-run", 100).floor;
    // A same-day re-run changes nothing: the floor reads every tab and writes no cell.
    expect(steady.cellsWritten).toBe(0);
    expect(steady.cellsRead).toBe(first.cellsRead);
    expect(steady.calls).toBeLessThan(first.calls);
  });

  it("counts cells read and written beside the calls, the same in every run", () => {
    for (const result of results.serviceCalls) {
      for (const side of [result.ours, result.naive]) {
        expect(side.samplesMs).toHaveLength(options.serviceRuns);
        expect(Object.values(side.cellsByMethod).reduce((sum, cells) => sum + cells.written, 0)).toBe(
          side.cellsWritten,
        );
      }
    }
    // The naive daily run writes each owned cell with its own setValue: one cell a call.
    const naive = operation("daily run", 1_000).naive;
    expect(naive.cellsByMethod["Range.setValue"]?.written).toBe(naive.byMethod["Range.setValue"]);
    // Each run reads every cell of the tabs it needs at least once.
    expect(operation("daily run", 1_000).ours.cellsRead).toBeGreaterThanOrEqual(
      operation("daily run", 1_000).floor.cellsRead,
    );
  });

  it("records the machine's load and CPU time beside the figures", () => {
    expect(results.machine.samples.map((sample) => sample.section)).toContain("end");
    for (const sample of results.machine.samples) expect(sample.loadAverage).toHaveLength(3);
    expect(results.machine.cpuSeconds).toBeGreaterThan(0);
  });

  it("keeps the daily run's calls flat while the naive run's grow with the rows", () => {
    const [small = 0, large = 0] = options.serviceSizes;
    const withoutMail = (byMethod: Record<string, number>) =>
      Object.entries(byMethod).filter(([method]) => method !== "MailApp.sendEmail");
    expect(withoutMail(operation("daily run", large).ours.byMethod)).toEqual(
      withoutMail(operation("daily run", small).ours.byMethod),
    );
    expect(operation("daily run", large).naive.calls).toBeGreaterThan(
      5 * operation("daily run", small).naive.calls,
    );
    // Calls alone, at the documented cost: ours well inside the limit, the naive run already past it.
    expect(operation("daily run", large).ours.calls * PER_CALL_MS).toBeLessThan(RUN_LIMIT_MS / 10);
    expect(operation("daily run", large).naive.calls * PER_CALL_MS).toBeGreaterThan(RUN_LIMIT_MS);
  });

  it("measures the shipped files and a larger zod baseline built the same way", () => {
    const { code, sidebar } = results.startup;
    expect(code.ours.bytes).toBe(statSync(join(BUILD, "Code.js")).size);
    expect(sidebar.ours.bytes).toBe(statSync(join(BUILD, "sidebar.html")).size);
    expect(code.exact && sidebar.exact).toBe(true);
    for (const sizes of [code.ours, code.baseline, sidebar.ours, sidebar.baseline]) {
      expect(sizes.gzipBytes).toBeGreaterThan(0);
      expect(sizes.gzipBytes).toBeLessThan(sizes.bytes);
    }
    expect(code.ours.bytes).toBeLessThan(code.baseline.bytes);
    expect(sidebar.ours.bytes).toBeLessThan(sidebar.baseline.bytes);
    expect(code.budgetBytes).toBeGreaterThanOrEqual(code.ours.bytes);
    expect(results.startup.load.runs).toBe(options.loadRuns);
  });

  it("times the daily compute beside a single pass over the same cells, and every custom function", () => {
    expect(results.compute.daily.map((result) => result.rows)).toEqual(options.computeSizes);
    for (const result of results.compute.daily) {
      expect(result.check.runs).toBe(options.computeRuns);
      expect(result.singlePass.runs).toBe(options.computeRuns);
      expect(result.cells).toBeGreaterThan(result.rows);
    }
    expect(results.compute.cellFunctions.map((result) => result.name)).toEqual(
      cellFunctions.map((fn) => fn.name),
    );
  });

  it("measures the check's peak memory in its own process, and the sidebar's load", () => {
    expect(results.memory.rows).toBe(options.memorySize);
    expect(results.memory.peakHeapMb).toBeGreaterThan(results.memory.workbookHeapMb);
    expect(results.sidebar.rows).toBe(options.sidebarSize);
    expect(results.sidebar.firstLoadBytes).toBeGreaterThan(0);
  });

  it("measures the largest digest email at every compute size, beside the 200 KB limit", () => {
    expect(results.digest.map((result) => result.rows)).toEqual(options.computeSizes);
    for (const result of results.digest) {
      expect(result.emails).toBeGreaterThan(0);
      expect(result.largestBytes).toBeLessThan(100_000);
    }
    expect(table).toMatch(/largest digest bytes +1,000 +[\d,]+ +200,000 limit/);
  });

  it("reports every time as the median of the runs it keeps, with their count", () => {
    const times = timingsOf(results);
    // Two service-call sides per operation and size, start-up's two loads, the check and the
    // single pass per size, each custom function, and three per import size.
    expect(times).toHaveLength(
      2 * results.serviceCalls.length +
        2 +
        2 * options.computeSizes.length +
        cellFunctions.length +
        3 * options.importSizes.length,
    );
    for (const time of times) {
      expect(time.samplesMs).toHaveLength(time.runs);
      expect(time.ms).toBe(median(time.samplesMs));
      expect(time.cpuMs).toBeGreaterThanOrEqual(0);
    }
    for (const result of results.sellerImport) {
      for (const time of [result.preview, result.confirm, result.plan]) {
        expect(time.runs).toBe(options.importRuns);
      }
    }
    expect(results.startup.load.ours.runs).toBe(options.loadRuns);
    const counts = [...new Set(times.map((time) => time.runs))].sort((a, b) => a - b);
    expect(table).toContain(`Every time is a median, of ${counts.join(", ")} runs`);
  });

  it("takes every time of the full bench as a median of at least 5 runs", () => {
    const full = benchOptions(false);
    for (const runs of [full.serviceRuns, full.computeRuns, full.cellRuns, full.loadRuns, full.importRuns]) {
      expect(runs).toBeGreaterThanOrEqual(5);
    }
  });

  it("imports Seller Center exports with the same calls at every size, and more cells", () => {
    const [small, large] = results.sellerImport;
    expect(results.sellerImport.map((result) => result.rows)).toEqual(options.importSizes);
    expect(large?.confirm.calls).toBe(small?.confirm.calls);
    expect(large?.preview.calls).toBe(small?.preview.calls);
    expect(large?.confirm.cellsWritten ?? 0).toBeGreaterThan(small?.confirm.cellsWritten ?? 0);
    expect(table).toContain("SELLER CENTER IMPORT");
  });

  it("prints one table with every section, operation and custom function", () => {
    for (const section of [
      "SERVICE CALLS",
      "CELLS WRITTEN",
      "CELLS READ",
      "TIME ON GOOGLE",
      "START-UP",
      "COMPUTE",
      "MEMORY",
      "SIDEBAR",
      "load average",
    ])
      expect(table).toContain(section);
    for (const name of [...OPERATIONS, ...cellFunctions.map((fn) => fn.name)]) expect(table).toContain(name);
    expect(table).toContain(`${PER_CALL_MS} ms`);
    expect(table).toContain("SMOKE");
    expect(table).not.toContain("DIFFER");
  });
});

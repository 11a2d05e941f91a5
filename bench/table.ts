/** The one table `npm run bench` prints: every figure beside its baseline and floor or limit. */
import { type BenchResults, timingsOf } from "./bench";
import { OPERATIONS } from "./service-calls";

const WIDTHS = [38, 7, 11, 11, 10, 13] as const;

const count = (value: number): string => Math.round(value).toLocaleString("en-US");

export function duration(ms: number): string {
  if (ms >= 1_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1_000 && ms % 1_000 === 0) return `${ms / 1_000} s`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1_000) return `${ms.toFixed(1)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** How many times the baseline's figure is ours: above 1, ours is smaller or faster. */
export function ratio(baseline: number, ours: number): string {
  const times = baseline / ours;
  if (!Number.isFinite(times)) return "-";
  if (times < 0.01) return "<0.01×";
  return `${times >= 100 ? count(times) : times.toFixed(times >= 10 ? 1 : 2)}×`;
}

const share = (ms: number, limitMs: number): string => {
  const percent = (100 * ms) / limitMs;
  return `${percent < 0.01 ? "<0.01" : percent.toFixed(percent < 1 ? 2 : 1)}% of the limit`;
};

function line(cells: readonly string[], note = ""): string {
  const [label = "", ...rest] = cells;
  const padded = [
    label.padEnd(WIDTHS[0]),
    ...rest.map((cell, index) => cell.padStart(WIDTHS[index + 1] ?? 10)),
  ].join(" ");
  return `${padded}${note ? `  ${note}` : ""}`.trimEnd();
}

const megabytes = (mb: number) => `${mb.toFixed(0)} MB`;
const load = (values: readonly number[] | undefined) =>
  (values ?? []).map((value) => value.toFixed(2)).join(" / ");

/** The distinct run counts behind the medians of the table, fewest first. */
function runsOf(results: BenchResults): number[] {
  return [...new Set(timingsOf(results).map((time) => time.runs))].sort((a, b) => a - b);
}

export function formatTable(results: BenchResults): string {
  const { assumptions, startup, compute, memory, sidebar, targets, machine } = results;
  const perCall = `${assumptions.perCallMs} ms`;
  const limit = duration(assumptions.runLimitMs);
  const first = machine.samples[0];
  const last = machine.samples.at(-1);
  const out: string[] = [];
  out.push(
    `Campaign Desk bench${results.smoke ? " (SMOKE: small sizes, few runs)" : ""}, ${results.generatedAt}, node ${results.node}, ${results.cpus}`,
    `Machine: load average (1 / 5 / 15 min) ${load(first?.loadAverage)} at the start, ${load(last?.loadAverage)} at the end; the bench used ${machine.cpuSeconds.toFixed(1)} s of CPU in ${results.benchSeconds.toFixed(1)} s.`,
    "Every baseline is built and measured in this same run. base÷ours above 1: ours is smaller, fewer or faster.",
    `Every time is a median, of ${runsOf(results).join(", ")} runs (each section says which; bench/results.json keeps every run's time).`,
    "",
    line(["", "rows", "ours", "baseline", "base÷ours", "floor/limit"], "note"),
    `SERVICE CALLS per operation, counted by the emulator [1]; baseline: the naive add-on, bench/naive [2]; floor [3]`,
  );
  const byOperation = OPERATIONS.flatMap((operation) =>
    results.serviceCalls.filter((result) => result.operation === operation),
  );
  for (const result of byOperation) {
    out.push(
      line(
        [
          `  ${result.operation}`,
          count(result.rows),
          count(result.ours.calls),
          count(result.naive.calls),
          ratio(result.naive.calls, result.ours.calls),
          `${count(result.floor.calls)} floor`,
        ],
        result.sameResult ? "same result" : `RESULTS DIFFER: ${result.difference ?? ""}`,
      ),
    );
  }
  out.push("CELLS WRITTEN per operation, counted by the emulator [1]");
  for (const result of byOperation) {
    out.push(
      line(
        [
          `  ${result.operation}`,
          count(result.rows),
          count(result.ours.cellsWritten),
          count(result.naive.cellsWritten),
          ratio(result.naive.cellsWritten, result.ours.cellsWritten),
          `${count(result.floor.cellsWritten)} floor`,
        ],
        `${(result.ours.cellsWritten / result.rows).toFixed(result.ours.cellsWritten < result.rows ? 3 : 1)} a collaboration`,
      ),
    );
  }
  out.push("CELLS READ per operation, counted by the emulator [1]");
  for (const result of byOperation) {
    out.push(
      line([
        `  ${result.operation}`,
        count(result.rows),
        count(result.ours.cellsRead),
        count(result.naive.cellsRead),
        ratio(result.naive.cellsRead, result.ours.cellsRead),
        `${count(result.floor.cellsRead)} floor`,
      ]),
    );
  }
  out.push(
    `TIME ON GOOGLE, estimated: calls × ${perCall} + compute [4]; limit ${limit} a run; medians of ${results.options.serviceRuns} runs`,
  );
  for (const result of byOperation) {
    const { ours, naive, limitMs } = result.estimate;
    const verdict = (estimate: typeof ours, who: string) =>
      estimate.passes
        ? `${who} pass`
        : `${who} FAIL (would need ≤ ${estimate.breakEvenMsPerCall.toFixed(2)} ms a call)`;
    out.push(
      line(
        [
          `  ${result.operation}`,
          count(result.rows),
          duration(ours.ms),
          duration(naive.ms),
          ratio(naive.ms, ours.ms),
          duration(limitMs),
        ],
        `${verdict(ours, "ours")}, ${verdict(naive, "naive")}; compute ${duration(ours.computeMs)} (${ours.computeSource}); emulator ${duration(result.ours.ms)}, CPU ${duration(result.ours.cpuMs)}`,
      ),
    );
  }
  out.push("START-UP, paid on every custom-function call and trigger run; baseline: + zod brief schema [5]");
  const sized = (label: string, ours: number, baseline: number, limitText = "", note = "") =>
    out.push(line([`  ${label}`, "", count(ours), count(baseline), ratio(baseline, ours), limitText], note));
  const budget = startup.code.budgetBytes;
  sized(
    "build/Code.js bytes",
    startup.code.ours.bytes,
    startup.code.baseline.bytes,
    budget === null ? "" : `${count(budget)} cap`,
    budget === null
      ? ""
      : `${((100 * startup.code.ours.bytes) / budget).toFixed(0)}% of the build's byte cap`,
  );
  sized("build/Code.js gzip bytes", startup.code.ours.gzipBytes, startup.code.baseline.gzipBytes);
  out.push(
    line(
      [
        `  build/Code.js load, median of ${startup.load.runs}`,
        "",
        duration(startup.load.ours.ms),
        duration(startup.load.baseline.ms),
        ratio(startup.load.baseline.ms, startup.load.ours.ms),
        "",
      ],
      `CPU ${duration(startup.load.ours.cpuMs)} vs ${duration(startup.load.baseline.cpuMs)}`,
    ),
  );
  sized("build/sidebar.html bytes", startup.sidebar.ours.bytes, startup.sidebar.baseline.bytes);
  sized("build/sidebar.html gzip bytes", startup.sidebar.ours.gzipBytes, startup.sidebar.baseline.gzipBytes);
  out.push(
    `SELLER CENTER IMPORT of an affiliate orders export, on 1,000 collaborations: calls flat in rows; medians of ${results.options.importRuns} runs [9]`,
  );
  for (const result of results.sellerImport ?? []) {
    out.push(
      line(
        [
          "  import preview + confirm",
          count(result.rows),
          `${count(result.preview.calls + result.confirm.calls)} calls`,
          "",
          "",
          limit,
        ],
        `${count(result.confirm.cellsWritten)} cells written (${count(result.added)} orders added) in ${count(result.confirm.writes)} write calls; preview ${duration(result.preview.ms)}, confirm ${duration(result.confirm.ms)}, plan alone ${duration(result.plan.ms)}; CPU ${duration(result.preview.cpuMs)}, ${duration(result.confirm.cpuMs)}, ${duration(result.plan.cpuMs)}`,
      ),
    );
  }
  out.push(
    `COMPUTE outside node:vm, medians of ${results.options.computeRuns} runs (custom functions: ${results.options.cellRuns}); baseline: a single pass over every cell [6]`,
  );
  for (const result of compute.daily) {
    const times = result.check.ms / Math.max(result.singlePass.ms, 1e-6);
    out.push(
      line(
        [
          "  daily check (ours) vs single pass",
          count(result.rows),
          duration(result.check.ms),
          duration(result.singlePass.ms),
          `${times.toFixed(1)}×`,
          `≤ ${targets.computeRatio}× target`,
        ],
        `${times <= targets.computeRatio ? "meets" : "MISSES"} the target; CPU ${duration(result.check.cpuMs)} vs ${duration(result.singlePass.cpuMs)} (${(result.check.cpuMs / Math.max(result.singlePass.cpuMs, 1e-6)).toFixed(1)}×); ${count(result.cells)} cells; ${share(result.check.ms, assumptions.runLimitMs)}`,
      ),
    );
  }
  for (const result of compute.cellFunctions) {
    out.push(
      line(
        [
          `  =${result.name}(range)`,
          count(result.rows),
          duration(result.ms),
          "",
          "",
          duration(assumptions.customFunctionLimitMs),
        ],
        `CPU ${duration(result.cpuMs)}; ${share(result.ms, assumptions.customFunctionLimitMs)}`,
      ),
    );
  }
  out.push("MEMORY of the daily check, in a process of its own [7]");
  out.push(
    line(
      [
        "  peak heap of the check",
        count(memory.rows),
        megabytes(memory.peakHeapMb),
        "",
        "",
        `< ${targets.peakHeapMb} MB target`,
      ],
      `${memory.peakHeapMb < targets.peakHeapMb ? "meets" : "MISSES"} the target; the workbook's values ${megabytes(memory.workbookHeapMb)}; process peak RSS ${megabytes(memory.peakMb)}; ${memory.collections} collections`,
    ),
  );
  out.push("SIDEBAR, JSON bytes through google.script.run [8]");
  out.push(
    line(
      [
        "  first load",
        count(sidebar.rows),
        count(sidebar.firstLoadBytes),
        "",
        "",
        `${count(targets.sidebarFirstLoadBytes)} target`,
      ],
      `${sidebar.firstLoadBytes <= targets.sidebarFirstLoadBytes ? "meets" : "MISSES"} the target; ${sidebar.firstLoadCalls} service calls`,
    ),
  );
  for (const call of sidebar.onDemand) {
    out.push(
      line(
        [`  on demand: ${call.name}`, count(sidebar.rows), count(call.bytes), "", "", ""],
        `the busiest campaign; ${call.calls} service calls`,
      ),
    );
  }

  out.push(
    "DIGEST EMAIL, the largest one a daily run sends (text + HTML bytes); limit: MailApp's body limit",
  );
  for (const result of results.digest ?? []) {
    out.push(
      line(
        [
          `  largest digest bytes`,
          count(result.rows),
          count(result.largestBytes),
          "",
          "",
          `${count(result.limitBytes)} limit`,
        ],
        `${((100 * result.largestBytes) / result.limitBytes).toFixed(0)}% of the limit, ${result.emails} emails`,
      ),
    );
  }

  const checked = new Map(results.serviceCalls.map((result) => [result.operation, result.verified]));
  const floors = new Map(results.serviceCalls.map((result) => [result.operation, result.floor.parts]));
  const allSame = results.serviceCalls.every((result) => result.sameResult);
  out.push(
    "",
    "[1] Every method called on a Google service object counts one call (getRange and rule builders too), the same for ours, the baseline and the floor. Cells: read = the cells a call returned (a grid getter its grid), written = the cells of each range written (setValue on a range writes all of it), appendRow its row, a sheet-wide clear its used area.",
    `[2] Same operation, same seeded workbook, values from the same src/ functions; only the service calls differ (bench/naive/README.md). Measured at every size, not extrapolated. Results compared after each operation: ${allSame ? "identical" : "SOME DIFFER (see the notes)"} (${[...checked.entries()].map(([operation, what]) => `${operation}: ${what}`).join("; ")}).`,
    `[3] Floor (bench/floors.ts): the fewest calls the operation could make, each unit (a tab read, a block write, the lock, a rule built, a mail) counted by running it on the emulator; it reads every cell it needs and writes only the cells that change. ${[...floors.entries()].map(([operation, parts]) => `${operation}: ${parts.join(", ")}`).join("; ")}.`,
    `[4] ${perCall} a call is an assumption: ${assumptions.perCallSource}. Cached writes can cost far less, so a FAIL shows the per-call cost the run would need to fit in ${limit}. Compute: for a daily run, the check measured outside node:vm at the same size (COMPUTE); otherwise the operation's median time on the emulator, which over-states it (the emulator's own work, and node:vm, are in it).`,
    `[5] The baseline is the same entry points plus bench/baseline/zod-brief.ts (the brief's schema with \`import { z } from "zod"\`), built with the esbuild options of scripts/build.mjs${startup.code.exact && startup.sidebar.exact ? "" : " (APPROXIMATE: the bench's own build did not match build/ byte for byte)"}. Load: compile and run the top level in a fresh node:vm context, a new file name each time.`,
    `[6] computeChecks over the seeded workbook in plain Node, and a single pass that reads every cell once into the value a rule uses (a date as its day, a text trimmed) and gives every owned cell a value once; interleaved run by run, after one uncounted run of each. Custom functions: one array call over realistic columns, medians of ${results.options.cellRuns} runs.`,
    "[7] The largest heap V8 held while the check ran (from its GC trace: the workbook's values plus everything the check allocated, garbage included); the process's peak resident set also holds Node, tsx and the generator's freed pages.",
    "[8] JSON.stringify of each reply, as it crosses google.script.run: the first load is what the sidebar needs to paint; the rest it asks for when a view needs it.",
    `[9] bench/seller-import.ts: build/Code.js on the emulator, ${results.options.importRuns} runs per size, each on a fresh workbook (the same seeded workbook and export, set up) in a fresh node:vm context, with the same counts in every run (checked); calls are sidebarImportPreview plus sidebarImportConfirm (reads, confirmations before each write, writes); cells written are the planned blocks (new Orders rows, changed columns, collaborations' GMV, Ads GMV and First sale). Times include the emulator's own work.`,
    "",
    `bench took ${results.benchSeconds.toFixed(1)} s`,
  );
  return out.join("\n");
}

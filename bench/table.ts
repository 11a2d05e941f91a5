/** The one table `npm run bench` prints: every figure beside its baseline and floor or limit. */
import type { BenchResults } from "./bench";
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

export function formatTable(results: BenchResults): string {
  const { assumptions, startup, compute } = results;
  const perCall = `${assumptions.perCallMs} ms`;
  const limit = duration(assumptions.runLimitMs);
  const out: string[] = [];
  out.push(
    `Campaign Desk bench${results.smoke ? " (SMOKE: small sizes, few runs)" : ""}, ${results.generatedAt}, node ${results.node}, ${results.cpus}`,
    "Every baseline is built and measured in this same run. base÷ours above 1: ours is smaller, fewer or faster.",
    "",
    line(["", "rows", "ours", "baseline", "base÷ours", "floor/limit"], "note"),
    `SERVICE CALLS per operation, counted by the emulator [1]; baseline: the naive add-on, bench/naive [2]`,
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
          `${count(result.floor.total)} floor`,
        ],
        result.sameResult ? "same result" : `RESULTS DIFFER: ${result.difference ?? ""}`,
      ),
    );
  }
  out.push(`TIME ON GOOGLE, estimated: calls × ${perCall} + time on the emulator [4]; limit ${limit} a run`);
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
        `${verdict(ours, "ours")}, ${verdict(naive, "naive")}`,
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
    line([
      `  build/Code.js load, median of ${startup.load.runs}`,
      "",
      duration(startup.load.oursMs),
      duration(startup.load.baselineMs),
      ratio(startup.load.baselineMs, startup.load.oursMs),
      "",
    ]),
  );
  sized("build/sidebar.html bytes", startup.sidebar.ours.bytes, startup.sidebar.baseline.bytes);
  sized("build/sidebar.html gzip bytes", startup.sidebar.ours.gzipBytes, startup.sidebar.baseline.gzipBytes);
  out.push(
    "SELLER CENTER IMPORT of an affiliate orders export, on 1,000 collaborations: calls flat in rows [7]",
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
        `${count(result.confirm.cellsWritten)} cells written (${count(result.added)} orders added) in ${count(result.confirm.writes)} write calls; preview ${duration(result.preview.ms)}, confirm ${duration(result.confirm.ms)}, plan alone ${duration(result.planMs)}`,
      ),
    );
  }
  out.push("COMPUTE, pure (no service calls): median of several runs [6]");
  for (const result of compute.daily) {
    out.push(
      line(
        [`  ${result.name}`, count(result.rows), duration(result.ms), "", "", limit],
        share(result.ms, assumptions.runLimitMs),
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
        share(result.ms, assumptions.customFunctionLimitMs),
      ),
    );
  }

  const floors = new Map(results.serviceCalls.map((result) => [result.operation, result.floor.rule]));
  const checked = new Map(results.serviceCalls.map((result) => [result.operation, result.verified]));
  const allSame = results.serviceCalls.every((result) => result.sameResult);
  out.push(
    "",
    "[1] Every method called on a Google service object counts one call (getRange and rule builders too), the same for ours and the baseline.",
    `[2] Same operation, same seeded workbook, values from the same src/ functions; only the service calls differ (bench/naive/README.md). Measured at every size, not extrapolated. Results compared after each operation: ${allSame ? "identical" : "SOME DIFFER (see the notes)"} (${[...checked.entries()].map(([operation, what]) => `${operation}: ${what}`).join("; ")}).`,
    `[3] Floor: ${[...floors.entries()].map(([operation, rule]) => `${operation}: ${rule}`).join("; ")}.`,
    `[4] ${perCall} a call is an assumption: ${assumptions.perCallSource}. Cached writes can cost far less, so a FAIL shows the per-call cost the run would need to fit in ${limit}. Time on the emulator over-states compute (it includes the emulator's own work).`,
    `[5] The baseline is the same entry points plus bench/baseline/zod-brief.ts (the brief's schema with \`import { z } from "zod"\`), built with the esbuild options of scripts/build.mjs${startup.code.exact && startup.sidebar.exact ? "" : " (APPROXIMATE: the bench's own build did not match build/ byte for byte)"}. Load: compile and run the top level in a fresh node:vm context, a new file name each time.`,
    `[6] Daily run compute: computeChecks over the seeded workbook, ${results.options.computeRuns} runs${results.options.computeSizes.some((size) => size >= 50_000) ? " (3 at 50,000)" : ""}. Custom functions: one array call over realistic columns, ${results.options.cellRuns} runs.`,
    "[7] bench/seller-import.ts: build/Code.js on the emulator, one run per size; calls are sidebarImportPreview plus sidebarImportConfirm (reads, confirmations before each write, writes); cells written are the planned blocks (new Orders rows, changed columns, collaborations' GMV, Ads GMV and First sale). Times include the emulator's own work.",
    "",
    `bench took ${results.benchSeconds.toFixed(1)} s`,
  );
  return out.join("\n");
}

/**
 * Start-up: Apps Script loads the whole project again for every custom-function call and every
 * trigger run, so the bundle's size is start-up time. Measured: bytes and gzip bytes of
 * build/Code.js and build/sidebar.html, and the time to compile and run Code.js in a fresh
 * node:vm context, each beside a baseline built in the same run: the same code plus the brief
 * schema written with `import { z } from "zod"` (bench/baseline). Baselines go to memory only,
 * never to build/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import {
  codeBundleOptions,
  dropHelpTexts,
  GLOBAL,
  sidebarBundleOptions,
} from "../scripts/bundle-options.mjs";
import { type Sample, type Timing, timed, timing } from "./stats";

const ROOT = join(import.meta.dirname, "..");
const BUILD = join(ROOT, "build");

export interface Sizes {
  bytes: number;
  gzipBytes: number;
}

export interface StartupResult {
  code: {
    ours: Sizes;
    baseline: Sizes;
    /** CODE_BUDGET_BYTES of scripts/build.mjs. */
    budgetBytes: number | null;
    /** False when the bench's own build of the entry did not match build/Code.js byte for byte. */
    exact: boolean;
  };
  sidebar: { ours: Sizes; baseline: Sizes; exact: boolean };
  /** Compile and run the top level in a fresh context: medians of `runs` loads of each. */
  load: { runs: number; ours: Timing; baseline: Timing };
}

/** Code.js's bundle of `entry`, built as scripts/build.mjs builds it. */
async function bundleCode(entry: string): Promise<string> {
  const result = await esbuild.build({ ...codeBundleOptions(entry, [dropHelpTexts]), logLevel: "silent" });
  return result.outputFiles[0]?.text.trim() ?? "";
}

/** The sidebar's script built as scripts/build.mjs builds it, escaped as it inlines it. */
async function bundleSidebar(entry: string): Promise<string> {
  const result = await esbuild.build({ ...sidebarBundleOptions(entry), logLevel: "silent" });
  return (result.outputFiles[0]?.text ?? "").replace(/<\/script/gi, "<\\/script");
}

/** `text` with `ours` swapped for `theirs`; or, when `ours` is not found, the same size change. */
function swapped(text: string, ours: string, theirs: string): { text: string; exact: boolean } {
  const at = text.indexOf(ours);
  if (at >= 0) return { text: text.slice(0, at) + theirs + text.slice(at + ours.length), exact: true };
  return { text: theirs + text.slice(Math.min(ours.length, text.length)), exact: false };
}

function sizes(text: string): Sizes {
  return { bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
}

/** Compile and run the script's top level in a fresh context, under a new file name so V8 caches nothing. */
function loadOnce(code: string, filename: string): Sample & { context: vm.Context } {
  const context = vm.createContext({});
  return { ...timed(() => new vm.Script(code, { filename }).runInContext(context)), context };
}

export async function startup(runs: number, brief: unknown): Promise<StartupResult> {
  const code = readFileSync(join(BUILD, "Code.js"), "utf8");
  const [oursBundle, zodBundle] = await Promise.all([
    bundleCode(join(ROOT, "src/gas/main.ts")),
    bundleCode(join(import.meta.dirname, "baseline/code-entry.ts")),
  ]);
  const baselineCode = swapped(code, oursBundle, zodBundle);

  const sidebarHtml = readFileSync(join(BUILD, "sidebar.html"), "utf8");
  const [oursScript, zodScript] = await Promise.all([
    bundleSidebar(join(ROOT, "sidebar/main.ts")),
    bundleSidebar(join(import.meta.dirname, "baseline/sidebar-entry.ts")),
  ]);
  const baselineSidebar = swapped(sidebarHtml, oursScript, zodScript);

  // The baseline really carries a working zod schema, reachable from the bundle's global.
  const probe = loadOnce(baselineCode.text, "baseline-probe.js").context;
  const parsed = vm.runInContext(`${GLOBAL}.parseBriefWithZod(${JSON.stringify(brief)}).success`, probe);
  if (parsed !== true) throw new Error("bench: the zod baseline bundle does not parse the bench brief");

  const oursTimes: Sample[] = [];
  const baselineTimes: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    // Interleaved, so both see the same machine.
    const { ms, cpuMs } = loadOnce(code, `Code-${run}.js`);
    oursTimes.push({ ms, cpuMs });
    const baseline = loadOnce(baselineCode.text, `Baseline-${run}.js`);
    baselineTimes.push({ ms: baseline.ms, cpuMs: baseline.cpuMs });
  }

  const budget = /CODE_BUDGET_BYTES\s*=\s*([\d_]+)/.exec(
    readFileSync(join(ROOT, "scripts/build.mjs"), "utf8"),
  )?.[1];
  return {
    code: {
      ours: sizes(code),
      baseline: sizes(baselineCode.text),
      budgetBytes: budget ? Number(budget.replace(/_/g, "")) : null,
      exact: baselineCode.exact,
    },
    sidebar: {
      ours: sizes(sidebarHtml),
      baseline: sizes(baselineSidebar.text),
      exact: baselineSidebar.exact,
    },
    load: { runs, ours: timing(oursTimes), baseline: timing(baselineTimes) },
  };
}

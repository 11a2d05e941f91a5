/**
 * The daily check at 1,000, 10,000 and 50,000 collaborations: the pure compute (what Apps Script
 * spends its 6 minutes on besides service calls) and a whole run of build/Code.js on the emulator.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { zoneCalendar } from "../src/domain/day";
import { computeChecks } from "../src/features/checks";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { createEmulator } from "../src/local/index";
import type { TabName } from "../src/workbook/schema";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function benchChecks(): { name: string; rows: number; ms: number; detail?: string }[] {
  const code = readFileSync(join(import.meta.dirname, "../build/Code.js"), "utf8");
  const calendar = zoneCalendar(timeZone);
  const today = calendar.dayOf(now) ?? 0;
  const results: { name: string; rows: number; ms: number; detail?: string }[] = [];
  for (const collaborations of [1_000, 10_000, 50_000]) {
    const { tabs } = scaledWorkbook({ today: now, timeZone, collaborations });
    const input = { tabs: tabs as Partial<Record<TabName, unknown[][]>>, today, calendar };
    const samples = [1, 2, 3].map(() => {
      const start = performance.now();
      computeChecks(input);
      return performance.now() - start;
    });
    results.push({ name: "daily check, compute only", rows: collaborations, ms: median(samples) });

    const emulator = createEmulator({ timeZone, now });
    for (const [tab, rows] of Object.entries(tabs)) emulator.seed(tab, rows);
    const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
    vm.runInContext(code, context);
    const call = (name: string) => (context as Record<string, () => void>)[name]?.();
    call("setUpWorkbookFromMenu");
    emulator.calls.reset();
    const start = performance.now();
    emulator.withContext("trigger", () => call("runDailyChecks"));
    results.push({
      name: "daily check, whole run on the emulator",
      rows: collaborations,
      ms: performance.now() - start,
      detail: `${emulator.calls.count()} service calls`,
    });
  }
  return results;
}

/** What the byte budget stands for: compiling and running Code.js in a fresh V8 context. */
export function benchBundleLoad(): { name: string; rows: number; ms: number; detail?: string } {
  const code = readFileSync(join(import.meta.dirname, "../build/Code.js"), "utf8");
  const samples = Array.from({ length: 41 }, (_, run) => {
    const context = vm.createContext({});
    const start = performance.now();
    // A new file name each run, so V8 cannot reuse a cached compile.
    new vm.Script(code, { filename: `Code-${run}.js` }).runInContext(context);
    return performance.now() - start;
  });
  return {
    name: "Code.js load (compile + top level)",
    rows: 0,
    ms: median(samples),
    detail: `${code.length} bytes`,
  };
}

/**
 * What a daily run moves, counted by the emulator at 100 and 10,000 collaborations: a same-day
 * re-run writes no cell, and the operating view, bounded by Settings' Operations rows, writes
 * the same number of cells at any size. Counts, never times.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS_HEADERS, TIMELINE_DAYS } from "../../src/features/operations";
import { scaledWorkbook } from "../../src/local/demo/demo-workbook";
import { TABS } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
const SIZES = [100, 10_000] as const;

interface Moved {
  calls: number;
  read: number;
  written: number;
  checkedCells: number;
}

function moved(bundle: LoadedBundle, run: () => void): Moved {
  bundle.emulator.calls.reset();
  run();
  return {
    calls: bundle.emulator.calls.count(),
    read: bundle.emulator.calls.cells().read,
    written: bundle.emulator.calls.cells().written,
    checkedCells: TABS.filter((tab) => !tab.generated).reduce(
      (sum, tab) => sum + bundle.emulator.values(tab.name).reduce((width, row) => width + row.length, 0),
      0,
    ),
  };
}

const runs = new Map<number, { first: Moved; again: Moved; viewRows: number }>();

beforeAll(() => {
  for (const collaborations of SIZES) {
    const bundle = loadBundle({ timeZone, now });
    for (const [tab, rows] of Object.entries(scaledWorkbook({ today: now, timeZone, collaborations }).tabs))
      bundle.emulator.seed(tab, rows);
    bundle.call("setUpWorkbookFromMenu");
    const daily = () => bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
    const first = moved(bundle, daily);
    const again = moved(bundle, daily);
    runs.set(collaborations, { first, again, viewRows: bundle.emulator.values("Operations").length });
  }
}, 240_000);

describe("cells a daily run moves", () => {
  it("writes no cell on a same-day re-run, at 100 and at 10,000 collaborations, in the same calls", () => {
    for (const size of SIZES) {
      const { again } = runs.get(size) as { again: Moved };
      expect(again.written, `${size}`).toBe(0);
      // It still reads every cell of every tab it checks, once.
      expect(again.read, `${size}`).toBe(again.checkedCells);
    }
    expect(runs.get(100)?.again.calls).toBe(runs.get(10_000)?.again.calls);
    // See checks-run.test.ts for what the 40 calls are.
    expect(runs.get(100)?.again.calls).toBe(40);
  });

  it("bounds the operating view: at 10,000 collaborations it is 500 rows, a note and a legend", () => {
    const large = runs.get(10_000);
    expect(large?.viewRows).toBe(503);
    // The first run writes the whole view once: its room, the limit's rows.
    const width = OPERATIONS_HEADERS.length + TIMELINE_DAYS;
    const { first } = large as { first: Moved };
    expect(first.written).toBeGreaterThanOrEqual(503 * width);
    expect(runs.get(100)?.viewRows).toBeLessThan(503);
  });
});

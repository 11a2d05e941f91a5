/** The bench's medians and its check that repeated runs counted the same. */
import { describe, expect, it } from "vitest";
import { median, sameInEveryRun, timing } from "../../bench/stats";

describe("the bench's statistics", () => {
  it("takes the middle sample, the upper middle for an even count, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBe(0);
  });

  it("keeps the runs' count and every wall time, in run order, beside the medians", () => {
    const samples = [
      { ms: 30, cpuMs: 3 },
      { ms: 10, cpuMs: 9 },
      { ms: 20, cpuMs: 1 },
      { ms: 50, cpuMs: 5 },
      { ms: 40, cpuMs: 4 },
    ];
    expect(timing(samples)).toEqual({ ms: 30, cpuMs: 4, runs: 5, samplesMs: [30, 10, 20, 50, 40] });
  });

  it("returns the counts when every run counted the same, and names the first run that did not", () => {
    const calls = { preview: 25, confirm: 79, byMethod: { "Range.setValues": 6 } };
    expect(sameInEveryRun("import", [calls, { ...calls }, structuredClone(calls)])).toEqual(calls);
    expect(() =>
      sameInEveryRun("import of 1000 rows", [
        calls,
        calls,
        { ...calls, confirm: 80 },
        { ...calls, confirm: 81 },
      ]),
    ).toThrow(/import of 1000 rows: the counts changed from run 1 to run 3/);
    expect(() => sameInEveryRun("import", [])).toThrow(/no runs/);
  });
});

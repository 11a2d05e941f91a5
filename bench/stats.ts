/**
 * How the bench turns repeated runs into one figure: every time it reports is the median of its
 * runs, kept beside the runs' count and every sample, and the counts of repeated runs must agree.
 */

/** The middle sample (the upper middle for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Wall and CPU time (user + system) of one run, in milliseconds. */
export interface Sample {
  ms: number;
  cpuMs: number;
}

/** A time as the bench reports it: medians, with how many runs and every run's wall time. */
export interface Timing {
  /** Median wall time of the runs. */
  ms: number;
  /** Median CPU time (user + system) of the same runs. */
  cpuMs: number;
  runs: number;
  /** Every run's wall time, in run order. */
  samplesMs: number[];
}

/** Wall and CPU time of one call of `run`. */
export function timed(run: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export function timing(samples: readonly Sample[]): Timing {
  return {
    ms: median(samples.map((sample) => sample.ms)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
    runs: samples.length,
    samplesMs: samples.map((sample) => sample.ms),
  };
}

/**
 * The counts of repeated runs (calls, cells), which must be identical: a run that counted
 * differently measured something else, so its time cannot join the median. Returns the first.
 */
export function sameInEveryRun<T>(what: string, counts: readonly T[]): T {
  const first = counts[0];
  if (first === undefined) throw new Error(`bench: ${what}: no runs`);
  const expected = JSON.stringify(first);
  counts.forEach((count, index) => {
    const got = JSON.stringify(count);
    if (got !== expected) {
      throw new Error(
        `bench: ${what}: the counts changed from run 1 to run ${index + 1}: ${expected} then ${got}`,
      );
    }
  });
  return first;
}

/**
 * The runs' record as pure functions: a run's entry added, what a digest listed reported, and the
 * entries of runs that found the lock busy folded in by whoever reads.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  boundedEntry,
  type Problem,
  RUNS_NOTE_PREFIX,
  RUNS_PROPERTY,
  type RunsEntry,
  type RunsRecord,
  readRuns,
  withEntries,
} from "../../src/features/daily-alerts";

const empty: RunsRecord = { pending: [], pendingMore: 0 };
const withEntry = (runs: RunsRecord, entry: RunsEntry) => withEntries(runs, [entry]);
const problem = (minute: number, text = `problem ${minute}`): Problem => ({
  at: `2026-11-25T17:${String(minute).padStart(2, "0")}:00.000Z`,
  text,
});

describe("a run's entry", () => {
  it("keeps its problems for the next digest and the latest as the last problem, bounded at 10", () => {
    const problems = Array.from({ length: 12 }, (_, minute) => problem(minute));
    const runs = withEntry(empty, { problems });
    expect(runs.pending).toEqual(problems.slice(2));
    expect(runs.pendingMore).toBe(2);
    expect(runs.lastProblem).toEqual(problem(11));
    // An older problem recorded later is kept, but is not the last one.
    expect(withEntry(runs, { problems: [problem(5, "late")] }).lastProblem).toEqual(problem(11));
  });

  it("reports only what the digest listed: a problem recorded meanwhile stays pending", () => {
    const listed = withEntry(empty, { problems: [problem(1), problem(2)] });
    const meanwhile = withEntry(listed, { problems: [problem(3, "busy")] });
    const lastRun = { at: problem(4).at, alerts: 5, sent: 2, missed: 0 };
    const runs = withEntry(meanwhile, {
      lastRun,
      problems: [],
      reported: { problems: listed.pending, more: listed.pendingMore },
    });
    expect(runs.pending).toEqual([problem(3, "busy")]);
    expect(runs.lastRun).toEqual(lastRun);
    expect(runs.lastProblem).toEqual(problem(3, "busy"));
  });

  it("does not keep pending its own problem that its digest listed already", () => {
    const own = problem(7, "An earlier run stopped while mailing");
    const runs = withEntry(withEntry(empty, { problems: [problem(1)] }), {
      problems: [own, problem(8, "Digest to a@example.com refused: quota")],
      reported: { problems: [problem(1), own], more: 0 },
    });
    expect(runs.pending).toEqual([problem(8, "Digest to a@example.com refused: quota")]);
    expect(runs.lastProblem?.text).toMatch(/refused/);
  });
});

describe("entries waiting under keys of their own", () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 9 }), fc.nat(9)])(
    "are all seen by every reader, in whatever order they were written, and their keys listed",
    (minutes, inRecord) => {
      const problems = minutes.map((minute, index) => problem(minute, `problem #${index}`));
      const record = withEntry(empty, { problems: problems.slice(0, inRecord) });
      const properties: Record<string, string> = { [RUNS_PROPERTY]: JSON.stringify(record) };
      const notes = problems.slice(inRecord).map((entry, index) => {
        const key = `${RUNS_NOTE_PREFIX}${entry.at}.n${index}`;
        properties[key] = JSON.stringify({ problems: [entry] });
        return key;
      });
      const { runs, notes: found } = readRuns(properties);
      expect(found.sort()).toEqual(notes.sort());
      expect(runs.pending.map((entry) => entry.text).sort()).toEqual(
        problems.map((entry) => entry.text).sort(),
      );
      if (problems.length > 0)
        expect(runs.lastProblem?.at).toBe(
          problems
            .map((entry) => entry.at)
            .sort()
            .at(-1),
        );
    },
  );

  it("keep their latest problems and count the rest, so a run with many refused digests stays small", () => {
    const problems = Array.from({ length: 300 }, (_, index) =>
      problem(index % 60, `Digest refused ${"x".repeat(400)} ${index}`),
    );
    const entry = boundedEntry({ problems });
    expect(JSON.stringify(entry).length).toBeLessThan(4_000);
    const runs = withEntry(withEntry(empty, { problems: [problem(1)] }), entry);
    expect(runs.pending).toHaveLength(10);
    expect(runs.pendingMore).toBe(291);
  });

  it("whatever order they are folded in, a problem one entry's digest reported is gone", () => {
    const busy = problem(1, "busy");
    const later = { problems: [problem(2, "stayed busy")], reported: { problems: [busy], more: 0 } };
    for (const [first, second] of [
      ["a", "b"],
      ["b", "a"],
    ]) {
      const { runs } = readRuns({
        [`${RUNS_NOTE_PREFIX}x.${first}`]: JSON.stringify({ problems: [busy] }),
        [`${RUNS_NOTE_PREFIX}x.${second}`]: JSON.stringify(later),
      });
      expect(runs.pending).toEqual([problem(2, "stayed busy")]);
      expect(runs.lastProblem).toEqual(problem(2, "stayed busy"));
    }
  });

  it("an unreadable entry is skipped, never a reason to lose the record", () => {
    const record = withEntry(empty, { problems: [problem(1)] });
    const { runs } = readRuns({
      [RUNS_PROPERTY]: JSON.stringify(record),
      [`${RUNS_NOTE_PREFIX}x`]: "{not json",
    });
    expect(runs).toEqual(record);
  });
});

/**
 * The runs' record (last run, last problem, problems for the next digest) through build/Code.js on
 * the emulator, with a second execution put between any two of a run's service calls: a menu run
 * that finds the workbook busy while the daily run is checking, mailing or settling, or while a
 * failed daily run records its failure. No run's entry is ever lost, and each problem reaches the
 * managers' digests exactly once.
 */
import { describe, expect, it } from "vitest";
import { RUNS_NOTE_PREFIX, RUNS_PROPERTY } from "../../src/features/daily-alerts";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import type { CallInfo } from "../../src/local/index";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z"); // 09:00 in Los Angeles
const MANAGER = "ops-lead@example.com";
const BUSY = "The workbook was busy";
const FAILED = "The daily run failed: Error: Service Spreadsheets timed out";

function setUp(): LoadedBundle {
  const bundle = loadBundle({ timeZone, now, userEmail: "maya@example.com" });
  for (const [tab, rows] of Object.entries(demoWorkbook({ today: now, timeZone }).tabs))
    bundle.emulator.seed(tab, rows);
  bundle.call("setUpWorkbookFromMenu");
  return bundle;
}

const runDaily = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
const runFromMenu = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("user", () => bundle.call("runChecksFromMenu"));
const lastDialog = (bundle: LoadedBundle) => bundle.emulator.ui.alerts.at(-1)?.message ?? "";

/** The daily run fails the way a Sheets timeout makes it fail (before anyone is mailed). */
function failingSheets(bundle: LoadedBundle): () => void {
  return bundle.emulator.hooks.afterCall((call) => {
    if (call.method === "getUrl") throw new Error("Service Spreadsheets timed out");
  });
}

/** The calls of a run whose neighbourhood matters to the record: properties, lock and mail. */
const touchesRecord = (call: CallInfo) =>
  /^(Properties|PropertiesService|Lock|LockService|MailApp)$/.test(call.service);

/** Indices (1-based) of a run's calls that `pick` selects, from a dry run on a fresh workbook. */
function pointsOf(run: (bundle: LoadedBundle) => void, pick: (call: CallInfo) => boolean): number[] {
  const bundle = setUp();
  const points: number[] = [];
  let index = 0;
  const stop = bundle.emulator.hooks.afterCall((call) => {
    index += 1;
    if (pick(call)) points.push(index);
  });
  run(bundle);
  stop();
  return points;
}

/** True when no other execution holds the document lock (asked without counting). */
function lockFree(bundle: LoadedBundle): boolean {
  return bundle.emulator.uncounted(() => {
    const probe = bundle.emulator.globals.LockService.getDocumentLock();
    const free = probe.tryLock(0);
    if (free) probe.releaseLock();
    return free;
  });
}

/**
 * Runs `run` with a menu run started right after its `at`-th call, as a second execution that
 * finds the workbook busy: the first run's lock, or (between its locks) a third execution's.
 */
function withBusyMenuRunAfter(bundle: LoadedBundle, at: number, run: (bundle: LoadedBundle) => void): void {
  let index = 0;
  let started = false;
  const stop = bundle.emulator.hooks.afterCall(() => {
    index += 1;
    if (started || index !== at) return;
    started = true;
    const release = lockFree(bundle) ? bundle.emulator.holdLock("document") : () => undefined;
    runFromMenu(bundle);
    release();
    expect(lastDialog(bundle)).toMatch(/The workbook is busy/);
  });
  try {
    run(bundle);
  } finally {
    stop();
  }
  expect(started).toBe(true);
}

/** How often each text appears in the problems of the managers' digests so far. */
function reportedTimes(bundle: LoadedBundle, text: string): number {
  return bundle.emulator.outbox
    .filter((mail) => mail.to[0] === MANAGER)
    .map((mail) => mail.body.split("Problems with the daily run:\n")[1]?.split("\n\n")[0] ?? "")
    .reduce((sum, problems) => sum + problems.split(text).length - 1, 0);
}

function alertsCaption(bundle: LoadedBundle): string {
  bundle.emulator.withContext("user", () => bundle.call("onOpen"));
  const items = bundle.emulator.ui.menus.at(-1)?.items ?? [];
  return (
    items
      .flatMap((item) => (item.kind === "item" ? [item.caption] : []))
      .find((c) => c.startsWith("Daily alerts")) ?? ""
  );
}

function statusDialog(bundle: LoadedBundle): string {
  bundle.emulator.withContext("user", () => bundle.call("showAlertsStatus"));
  return lastDialog(bundle);
}

describe("the runs' record when two executions overlap", () => {
  it("keeps a busy menu run's problem wherever it falls in a mailing daily run, and reports it once", {
    timeout: 240_000,
  }, () => {
    const points = pointsOf(runDaily, touchesRecord);
    // The daily run asks the properties, takes the lock twice and mails: plenty of places to land.
    expect(points.length).toBeGreaterThan(15);
    for (const at of points) {
      const bundle = setUp();
      withBusyMenuRunAfter(bundle, at, runDaily);
      const sent = bundle.emulator.outbox.length;
      expect(sent, `after call ${at}`).toBeGreaterThan(2);
      // The daily run's own entry is kept too.
      expect(statusDialog(bundle).split("\n").slice(1), `after call ${at}`).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Last check: 2026-11-25 09:00 \\(America/Los_Angeles\\), \\d+ alerts, ${sent} digests sent, 0 not sent\\.$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^Last problem: 2026-11-25 09:00 \\(America/Los_Angeles\\): ${BUSY}`),
        ),
      ]);
      expect(alertsCaption(bundle), `after call ${at}`).toMatch(
        new RegExp(`last run 2026-11-25 09:00, last problem 2026-11-25 09:00: ${BUSY}`),
      );
      // Told in today's managers' digest, or else in tomorrow's: once.
      bundle.emulator.clock.advanceDays(1);
      runDaily(bundle);
      expect(reportedTimes(bundle, BUSY), `after call ${at}`).toBe(1);
      expect(statusDialog(bundle)).toMatch(/^Last check: 2026-11-26 09:00 /m);
      // Folded into the record by the runs that had the lock: no entry waits under a key of its own.
      const keys = Object.keys(bundle.emulator.properties.document.getProperties());
      expect(keys.filter((key) => key.startsWith(RUNS_NOTE_PREFIX))).toEqual([]);
    }
  });

  it("keeps both a failed daily run's problem and a busy menu run's, wherever the menu run falls", {
    timeout: 240_000,
  }, () => {
    const failingDaily = (bundle: LoadedBundle) => {
      const stop = failingSheets(bundle);
      try {
        runDaily(bundle);
      } finally {
        stop();
      }
    };
    const points = pointsOf(failingDaily, touchesRecord);
    expect(points.length).toBeGreaterThan(5);
    for (const at of points) {
      const bundle = setUp();
      withBusyMenuRunAfter(bundle, at, failingDaily);
      expect(bundle.emulator.outbox).toHaveLength(0);
      expect(alertsCaption(bundle), `after call ${at}`).toMatch(
        /last problem 2026-11-25 09:00: The (daily run failed|workbook was busy)/,
      );
      bundle.emulator.clock.advanceDays(1);
      runDaily(bundle);
      expect(reportedTimes(bundle, BUSY), `after call ${at}`).toBe(1);
      expect(reportedTimes(bundle, FAILED), `after call ${at}`).toBe(1);
    }
  });

  it("a run that cannot settle after mailing keeps its whole entry apart: its last run, its problem, what its digests reported", () => {
    const bundle = setUp();
    const { emulator } = bundle;
    const release = emulator.holdLock("document");
    runFromMenu(bundle);
    release();
    emulator.clock.set(new Date(now.getTime() + 60_000));
    // Another execution takes the lock while the daily run mails, and keeps it past the run's end.
    let held: (() => void) | undefined;
    const stop = emulator.hooks.afterCall((call) => {
      if (!held && call.method === "sendEmail") held = emulator.holdLock("document");
    });
    runDaily(bundle);
    stop();
    held?.();
    const sent = emulator.outbox.length;
    expect(reportedTimes(bundle, BUSY)).toBe(1);
    expect(statusDialog(bundle).split("\n").slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Last check: 2026-11-25 09:01 \\(America/Los_Angeles\\), \\d+ alerts, ${sent} digests sent, 0 not sent\\.$`,
        ),
      ),
      "Last problem: 2026-11-25 09:01 (America/Los_Angeles): The workbook stayed busy after mailing: 0 failed digest(s) were not recorded.",
    ]);
    emulator.clock.advanceDays(1);
    runDaily(bundle);
    // The busy run was reported by the first digest: not again; the settling problem is, once.
    expect(reportedTimes(bundle, BUSY)).toBe(1);
    expect(reportedTimes(bundle, "The workbook stayed busy after mailing")).toBe(1);
  });

  it("records a problem under a key of its own while another execution holds the lock, and folds it in at the next run", () => {
    const bundle = setUp();
    const { emulator } = bundle;
    const release = emulator.holdLock("document");
    runFromMenu(bundle);
    emulator.setAuthorized(false);
    runDaily(bundle);
    emulator.setAuthorized(true);
    release();
    const waiting = () =>
      Object.keys(emulator.properties.document.getProperties()).filter((key) =>
        key.startsWith(RUNS_NOTE_PREFIX),
      );
    // Two entries, neither read nor rewritten by the other; the record itself was not touched.
    expect(waiting()).toHaveLength(2);
    expect(emulator.properties.document.getProperty(RUNS_PROPERTY)).toBeNull();
    expect(alertsCaption(bundle)).toMatch(
      /last problem 2026-11-25 09:00: (The workbook was busy|Daily alerts lost)/,
    );
    runDaily(bundle);
    expect(waiting()).toEqual([]);
    expect(reportedTimes(bundle, BUSY)).toBe(1);
    expect(reportedTimes(bundle, "Daily alerts lost their authorization")).toBe(1);
    expect(statusDialog(bundle)).toMatch(/^Last check: 2026-11-25 09:00 /m);
  });
});

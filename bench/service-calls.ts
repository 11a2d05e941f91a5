/**
 * Service calls and cells of setup, a first daily run, a same-day re-run, a next-day run, a brief
 * save and a recruit of 20 creators: ours (build/Code.js in a node:vm context on the emulator)
 * beside the naive baseline of bench/naive (the same operations on their own emulator, seeded
 * with the same workbook), the results of both compared, and the floor of each operation
 * (bench/floors.ts). The whole sequence runs `runs` times on fresh emulators: counts must agree
 * run to run, times are medians.
 */
import vm from "node:vm";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { createEmulator, type Emulator } from "../src/local/index";
import { headerKey, TABS, type TabName } from "../src/workbook/schema";
import { type DailyState, dailyFloor, type Floor, rowsFloor, setupFloor } from "./floors";
import { naiveDailyRun } from "./naive/daily-run";
import { naiveSetup } from "./naive/setup";
import { naiveRecruit, naiveSaveBrief } from "./naive/sidebar";
import { sameInEveryRun, type Timing, timing } from "./stats";
import { benchBrief, benchRecruit, NOW, type Tabs, TIME_ZONE } from "./workbook";

export const OPERATIONS = [
  "setup",
  "daily run",
  "same-day re-run",
  "next-day run",
  "brief save",
  "recruit 20",
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The operating view's limit in the bench workbook: Settings' Operations rows, left at its default. */
export const BENCH_OPERATIONS_ROWS = 500;

/** Counts of one run (the same in every run) and the medians of every run's time on the emulator
 * (its compute plus the emulator's own work; node:vm for ours). */
export interface CallCount extends Timing {
  calls: number;
  /** Calls that change the document (the emulator's isWriteCall). */
  writes: number;
  cellsRead: number;
  cellsWritten: number;
  byMethod: Record<string, number>;
  cellsByMethod: Record<string, { read: number; written: number }>;
}

export interface OperationCalls {
  operation: Operation;
  rows: number;
  ours: CallCount;
  naive: CallCount;
  floor: Floor;
  /** Ours and the naive baseline left the same values (see `verified`). */
  sameResult: boolean;
  verified: string;
  difference?: string;
}

interface Loaded {
  emulator: Emulator;
  call(name: string, ...args: unknown[]): unknown;
}

function seeded(tabs: Tabs): Emulator {
  const emulator = createEmulator({ timeZone: TIME_ZONE, now: NOW, spreadsheetName: "Bench" });
  for (const [tab, rows] of Object.entries(tabs)) emulator.seed(tab, rows);
  return emulator;
}

/** build/Code.js in a fresh vm context whose globals are the emulator, as Apps Script runs it. */
function ours(tabs: Tabs, code: string): Loaded {
  const emulator = seeded(tabs);
  const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
  vm.runInContext(code, context, { filename: "Code.js" });
  return {
    emulator,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`build/Code.js has no top-level function ${name}`);
      return fn(...args);
    },
  };
}

interface Measured {
  count: Omit<CallCount, keyof Timing>;
  ms: number;
  cpuMs: number;
}

function counted<T>(emulator: Emulator, run: () => T): { result: T; measured: Measured } {
  emulator.calls.reset();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    result,
    measured: {
      ms,
      cpuMs: (used.user + used.system) / 1000,
      count: {
        calls: emulator.calls.count(),
        writes: emulator.calls.writes(),
        cellsRead: emulator.calls.cells().read,
        cellsWritten: emulator.calls.cells().written,
        byMethod: emulator.calls.byMethod(),
        cellsByMethod: emulator.calls.cellsByMethod(),
      },
    },
  };
}

// ---- comparing what the two runs left ----

const cellText = (value: unknown): string =>
  value instanceof Date ? `date ${value.toISOString()}` : JSON.stringify(value ?? "");

function firstDifference(
  label: string,
  a: readonly unknown[][],
  b: readonly unknown[][],
): string | undefined {
  const height = Math.max(a.length, b.length);
  for (let row = 0; row < height; row++) {
    const width = Math.max(a[row]?.length ?? 0, b[row]?.length ?? 0);
    for (let column = 0; column < width; column++) {
      const left = cellText(a[row]?.[column]);
      const right = cellText(b[row]?.[column]);
      if (left !== right) return `${label} row ${row + 1} column ${column + 1}: ours ${left}, naive ${right}`;
    }
  }
  return undefined;
}

function headerOf(emulator: Emulator, tab: string): unknown[] {
  return emulator.values(tab)[0] ?? [];
}

/** The columns of a tab under the given headers, all rows. */
function columnsOf(emulator: Emulator, tab: string, headers: readonly string[]): unknown[][] {
  const values = emulator.values(tab);
  const positions = headers.map((header) => (values[0] ?? []).map(headerKey).indexOf(headerKey(header)));
  return values.map((row) => positions.map((position) => (position < 0 ? "<missing>" : row[position])));
}

function rowWithKey(emulator: Emulator, tab: string, keyHeader: string, key: string): unknown[] {
  const values = emulator.values(tab);
  const keyAt = (values[0] ?? []).map(headerKey).indexOf(headerKey(keyHeader));
  return values.find((row) => String(row[keyAt]) === key) ?? [];
}

function headerNotes(emulator: Emulator, tab: string): string[][] {
  const sheet = emulator.spreadsheet.getSheetByName(tab);
  if (!sheet || sheet.getLastColumn() === 0) return [];
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getNotes();
}

function compareSetup(a: Emulator, b: Emulator): string | undefined {
  for (const tab of TABS) {
    const difference =
      firstDifference(`${tab.name} header`, [headerOf(a, tab.name)], [headerOf(b, tab.name)]) ??
      firstDifference(`${tab.name} header note`, headerNotes(a, tab.name), headerNotes(b, tab.name));
    if (difference) return difference;
  }
  return undefined;
}

function compareDaily(a: Emulator, b: Emulator): string | undefined {
  for (const tab of TABS) {
    const owned = tab.columns.filter((column) => column.owned).map((column) => column.header);
    if (owned.length === 0) continue;
    const difference = firstDifference(
      tab.name,
      columnsOf(a, tab.name, owned),
      columnsOf(b, tab.name, owned),
    );
    if (difference) return difference;
  }
  const recipients = (emulator: Emulator) => [emulator.outbox.map((mail) => mail.to).sort()];
  return (
    firstDifference("Operations", a.values("Operations"), b.values("Operations")) ??
    firstDifference("digest recipients", recipients(a), recipients(b))
  );
}

// ---- the run ----

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench: ${message}`);
}

/** The workbook as it is now, uncounted, as the floors read it. */
function snapshot(emulator: Emulator): Tabs {
  const tabs: Tabs = {};
  for (const tab of TABS) {
    if (emulator.spreadsheet.getSheetByName(tab.name)) tabs[tab.name] = emulator.values(tab.name);
  }
  return tabs;
}

/** Per tab, the cells whose value differs between two snapshots: what an operation had to write. */
function changedCells(before: Tabs, after: Tabs): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const [tab, rows] of Object.entries(after)) {
    const was = before[tab] ?? [];
    let count = 0;
    rows.forEach((row, index) => {
      row.forEach((cell, column) => {
        if (cellText(cell) !== cellText(was[index]?.[column])) count += 1;
      });
    });
    changed[tab] = count;
  }
  return changed;
}

interface Step {
  operation: Operation;
  ours: Measured;
  naive: Measured;
  floor: Floor;
  verified: string;
  difference: string | undefined;
}

const sent = (measured: Measured) => measured.count.byMethod["MailApp.sendEmail"] ?? 0;

/** One pass of every operation on fresh emulators; each pair starts from the same state. */
function sequence(tabs: Tabs, code: string): Step[] {
  const a = ours(tabs, code);
  const b = seeded(tabs);
  const steps: Step[] = [];

  const before = snapshot(b);
  const maxRows = Object.fromEntries(
    Object.keys(before).map((tab) => [tab, b.spreadsheet.getSheetByName(tab)?.getMaxRows() ?? 0]),
  );
  const setup = {
    ours: counted(a.emulator, () => a.call("setUpWorkbookFromMenu")).measured,
    naive: counted(b, () => naiveSetup(b.globals)).measured,
  };
  steps.push({
    operation: "setup",
    ...setup,
    floor: setupFloor(before, maxRows),
    verified: "headers and header notes of every tab",
    difference: compareSetup(a.emulator, b),
  });

  const daily: DailyState = { highlighted: new Set<TabName>() };
  const runDaily = (operation: Operation, verified: string) => {
    const state = snapshot(b);
    const now = b.clock.now();
    const pair = {
      ours: counted(a.emulator, () => a.emulator.withContext("trigger", () => a.call("runDailyChecks")))
        .measured,
      naive: counted(b, () => b.withContext("trigger", () => naiveDailyRun(b.globals, now))).measured,
    };
    steps.push({
      operation,
      ...pair,
      floor: dailyFloor(state, now, TIME_ZONE, sent(pair.naive), daily, BENCH_OPERATIONS_ROWS),
      verified,
      difference: compareDaily(a.emulator, b),
    });
  };
  const what = "every owned column, the Operations tab, the digest recipients";
  runDaily("daily run", what);
  runDaily("same-day re-run", what);
  for (const emulator of [a.emulator, b]) emulator.clock.advanceDays(1);
  runDaily("next-day run", what);

  const brief = benchBrief(tabs);
  const briefState = snapshot(b);
  const savedOurs = counted(a.emulator, () => a.call("sidebarSaveBrief", brief, true));
  const savedNaive = counted(b, () => naiveSaveBrief(b.globals, brief, true));
  check(
    (savedOurs.result as { ok?: boolean }).ok === true,
    `our brief save was refused: ${JSON.stringify(savedOurs.result)}`,
  );
  steps.push({
    operation: "brief save",
    ours: savedOurs.measured,
    naive: savedNaive.measured,
    floor: rowsFloor(briefState, ["Products", "Campaigns"], changedCells(briefState, snapshot(b))),
    verified: "the saved Campaigns row",
    difference: firstDifference(
      "Campaigns row of C-BENCH",
      [rowWithKey(a.emulator, "Campaigns", "Campaign ID", brief.campaignId)],
      [rowWithKey(b, "Campaigns", "Campaign ID", brief.campaignId)],
    ),
  });

  const request = benchRecruit(tabs);
  const recruitState = snapshot(b);
  const recruitedOurs = counted(a.emulator, () => a.call("sidebarRecruit", request));
  const recruitedNaive = counted(b, () => naiveRecruit(b.globals, request, b.clock.now()));
  const invited = (reply: unknown) =>
    ((reply as { invited?: { collabId: string; creator: string }[] }).invited ?? []).map((item) => [
      item.collabId,
      item.creator,
    ]);
  check(invited(recruitedOurs.result).length === request.creators.length, "our recruit skipped creators");
  const recruitColumns = ["Collab ID", "Campaign ID", "Creator", "SKU", "Invited", "Content due"];
  const newRows = (emulator: Emulator) =>
    columnsOf(emulator, "Collaborations", recruitColumns).filter((row) => row[1] === request.campaignId);
  const invitedIds = new Set(invited(recruitedOurs.result).map(([collabId]) => collabId));
  const newSamples = (emulator: Emulator) =>
    columnsOf(emulator, "Samples", ["Sample ID", "Collab ID", "SKU", "Policy", "Cost"]).filter((row) =>
      invitedIds.has(String(row[1])),
    );
  steps.push({
    operation: "recruit 20",
    ours: recruitedOurs.measured,
    naive: recruitedNaive.measured,
    // The campaign's brief and its SKUs, the creators, the seats taken, the samples; two tabs get rows.
    floor: rowsFloor(
      recruitState,
      ["Products", "Campaigns", "Creators", "Collaborations", "Samples"],
      changedCells(recruitState, snapshot(b)),
    ),
    verified:
      "the invitations, the new Collaborations rows (Collab ID to Content due) and their Samples rows",
    difference:
      firstDifference("invited", invited(recruitedOurs.result), invited(recruitedNaive.result)) ??
      firstDifference("new Collaborations rows", newRows(a.emulator), newRows(b)) ??
      firstDifference("new Samples rows", newSamples(a.emulator), newSamples(b)),
  });
  return steps;
}

function summary(runs: readonly Measured[]): CallCount {
  const first = runs[0] as Measured;
  return { ...first.count, ...timing(runs) };
}

/** Every operation on one workbook size, `runs` times; counts are checked to agree run to run. */
export function serviceCalls(collaborations: number, code: string, runs: number): OperationCalls[] {
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations });
  const passes = Array.from({ length: runs }, () => sequence(tabs, code));
  const first = passes[0] ?? [];
  return first.map((step, index) => {
    const all = passes.map((pass) => pass[index] as Step);
    sameInEveryRun(
      `${step.operation} at ${collaborations}`,
      all.map((run) => ({ ours: run.ours.count, naive: run.naive.count })),
    );
    return {
      operation: step.operation,
      rows: collaborations,
      ours: summary(all.map((run) => run.ours)),
      naive: summary(all.map((run) => run.naive)),
      floor: step.floor,
      sameResult: step.difference === undefined,
      verified: step.verified,
      ...(step.difference === undefined ? {} : { difference: step.difference }),
    };
  });
}

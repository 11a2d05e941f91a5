/**
 * Service calls of setup, a full daily run, a brief save and a recruit of 20 creators: ours
 * (build/Code.js in a node:vm context on the emulator) beside the naive baseline of bench/naive
 * (the same operation on its own emulator, seeded with the same workbook), the results of both
 * compared, and the floor of each operation.
 */
import vm from "node:vm";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { createEmulator, type Emulator } from "../src/local/index";
import { headerKey, TABS, type TabName } from "../src/workbook/schema";
import { naiveDailyRun } from "./naive/daily-run";
import { naiveSetup } from "./naive/setup";
import { naiveRecruit, naiveSaveBrief } from "./naive/sidebar";
import { benchBrief, benchRecruit, NOW, type Tabs, TIME_ZONE } from "./workbook";

export const OPERATIONS = ["setup", "daily run", "brief save", "recruit 20"] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface CallCount {
  calls: number;
  /** Calls that change the document (the emulator's isWriteCall). */
  writes: number;
  /** The operation's time on the emulator: its compute plus the emulator's own work. */
  ms: number;
  byMethod: Record<string, number>;
}

export interface OperationCalls {
  operation: Operation;
  rows: number;
  ours: CallCount;
  naive: CallCount;
  /** One read per tab the operation needs plus one write per column (or block of new rows) it fills. */
  floor: { reads: number; writes: number; total: number; rule: string };
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

function counted<T>(emulator: Emulator, run: () => T): { result: T; count: CallCount } {
  emulator.calls.reset();
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  return {
    result,
    count: {
      calls: emulator.calls.count(),
      writes: emulator.calls.writes(),
      ms,
      byMethod: emulator.calls.byMethod(),
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

// ---- floors ----

const NEEDS: Record<Exclude<Operation, "setup" | "daily run">, TabName[]> = {
  // The brief is checked against Products; Campaigns holds the duplicate and the last row.
  "brief save": ["Products", "Campaigns"],
  // The campaign's brief (and its SKUs' Products), the creators, the seats already taken, the samples.
  "recruit 20": ["Products", "Campaigns", "Creators", "Collaborations", "Samples"],
};

function floorOf(operation: Operation, tabs: Tabs): OperationCalls["floor"] {
  if (operation === "setup") {
    // Every tab of the contract is looked at; each tab created and each header added is written.
    let writes = 0;
    for (const tab of TABS) {
      const header = (tabs[tab.name]?.[0] ?? []).map(headerKey);
      if (!tabs[tab.name]) writes += 1;
      writes += tab.columns.filter((column) => !header.includes(headerKey(column.header))).length;
    }
    return {
      reads: TABS.length,
      writes,
      total: TABS.length + writes,
      rule: "one read per tab, one write per tab created and per column added",
    };
  }
  if (operation === "daily run") {
    const read = TABS.filter((tab) => !tab.generated);
    const owned = read.reduce((sum, tab) => sum + tab.columns.filter((column) => column.owned).length, 0);
    return {
      reads: read.length,
      writes: owned + 1,
      total: read.length + owned + 1,
      rule: "one read per tab, one write per owned column, one for the Operations tab",
    };
  }
  const reads = NEEDS[operation].length;
  // The bench campaign sends free samples: a recruit adds rows to Collaborations and Samples.
  const writes = operation === "recruit 20" ? 2 : 1;
  return {
    reads,
    writes,
    total: reads + writes,
    rule: "one read per tab needed, one write per tab given new rows",
  };
}

// ---- the run ----

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench: ${message}`);
}

/** All four operations on one workbook size; each pair starts from the same state. */
export function serviceCalls(collaborations: number, code: string): OperationCalls[] {
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations });
  const a = ours(tabs, code);
  const b = seeded(tabs);
  const results: OperationCalls[] = [];
  const push = (
    operation: Operation,
    pair: { ours: CallCount; naive: CallCount },
    verified: string,
    difference: string | undefined,
  ) => {
    results.push({
      operation,
      rows: collaborations,
      ...pair,
      floor: floorOf(operation, tabs),
      sameResult: difference === undefined,
      verified,
      ...(difference === undefined ? {} : { difference }),
    });
  };

  const setup = {
    ours: counted(a.emulator, () => a.call("setUpWorkbookFromMenu")).count,
    naive: counted(b, () => naiveSetup(b.globals)).count,
  };
  push("setup", setup, "headers and header notes of every tab", compareSetup(a.emulator, b));

  const daily = {
    ours: counted(a.emulator, () => a.emulator.withContext("trigger", () => a.call("runDailyChecks"))).count,
    naive: counted(b, () => b.withContext("trigger", () => naiveDailyRun(b.globals, NOW))).count,
  };
  push(
    "daily run",
    daily,
    "every owned column, the Operations tab, the digest recipients",
    compareDaily(a.emulator, b),
  );

  const brief = benchBrief(tabs);
  const savedOurs = counted(a.emulator, () => a.call("sidebarSaveBrief", brief, true));
  const savedNaive = counted(b, () => naiveSaveBrief(b.globals, brief, true));
  check(
    (savedOurs.result as { ok?: boolean }).ok === true,
    `our brief save was refused: ${JSON.stringify(savedOurs.result)}`,
  );
  push(
    "brief save",
    { ours: savedOurs.count, naive: savedNaive.count },
    "the saved Campaigns row",
    firstDifference(
      "Campaigns row of C-BENCH",
      [rowWithKey(a.emulator, "Campaigns", "Campaign ID", brief.campaignId)],
      [rowWithKey(b, "Campaigns", "Campaign ID", brief.campaignId)],
    ),
  );

  const request = benchRecruit(tabs);
  const recruitedOurs = counted(a.emulator, () => a.call("sidebarRecruit", request));
  const recruitedNaive = counted(b, () => naiveRecruit(b.globals, request, NOW));
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
  push(
    "recruit 20",
    { ours: recruitedOurs.count, naive: recruitedNaive.count },
    "the invitations, the new Collaborations rows (Collab ID to Content due) and their Samples rows",
    firstDifference("invited", invited(recruitedOurs.result), invited(recruitedNaive.result)) ??
      firstDifference("new Collaborations rows", newRows(a.emulator), newRows(b)) ??
      firstDifference("new Samples rows", newSamples(a.emulator), newSamples(b)),
  );
  return results;
}

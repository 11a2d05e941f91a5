/**
 * What the sidebar moves through google.script.run at 50,000 collaborations: its first load
 * (all it needs to paint) and what it asks for later, on demand, in JSON bytes as they cross.
 * Ours runs in build/Code.js on the emulator, on the seeded workbook set up and checked once
 * (so the owned columns the sidebar shows, like Suggested pool, are filled).
 */
import vm from "node:vm";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { createEmulator } from "../src/local/index";
import { NOW, TIME_ZONE } from "./workbook";

export interface SidebarLoadResult {
  rows: number;
  /** JSON bytes of sidebarLoad's reply. */
  firstLoadBytes: number;
  /** Service calls of the first load. */
  firstLoadCalls: number;
  /** JSON bytes of each on-demand call, for the busiest campaign. */
  onDemand: { name: string; bytes: number; calls: number }[];
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "");

export function sidebarLoad(collaborations: number, code: string): SidebarLoadResult {
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations });
  const emulator = createEmulator({ timeZone: TIME_ZONE, now: NOW });
  for (const [tab, rows] of Object.entries(tabs)) emulator.seed(tab, rows);
  const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
  vm.runInContext(code, context, { filename: "Code.js" });
  const run = (name: string) => (context as Record<string, () => unknown>)[name]?.();
  run("setUpWorkbookFromMenu");
  emulator.withContext("trigger", () => run("runDailyChecks"));
  const call = (name: string, ...args: unknown[]) => {
    emulator.calls.reset();
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`build/Code.js has no top-level function ${name}`);
    const reply = (fn as (...values: unknown[]) => unknown)(...args);
    return { reply, bytes: bytesOf(reply), calls: emulator.calls.count() };
  };
  const first = call("sidebarLoad");
  // The campaign with the most collaborations: the largest on-demand answer.
  const [header = [], ...rows] = tabs.Collaborations ?? [];
  const at = header.indexOf("Campaign ID");
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row[at]), (counts.get(String(row[at])) ?? 0) + 1);
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const onDemand = ON_DEMAND.filter(
    (name) => typeof (context as Record<string, unknown>)[name] === "function",
  ).map((name) => {
    const { bytes, calls } = call(name, busiest);
    return { name, bytes, calls };
  });
  return { rows: collaborations, firstLoadBytes: first.bytes, firstLoadCalls: first.calls, onDemand };
}

/** The sidebar's on-demand calls, each given a Campaign ID. */
const ON_DEMAND = ["sidebarCampaignSeats"] as const;

/**
 * Peak memory of the daily check, in a process of its own so nothing else the bench holds counts:
 * `node --expose-gc --trace-gc --import tsx bench/memory.ts 50000` builds the seeded workbook,
 * collects garbage, runs computeChecks once and prints JSON. The peak is the largest heap V8
 * held during the check, read from its own GC trace (the heap just before each collection, and
 * at the end): the workbook's values, as Apps Script holds them after reading the tabs, plus
 * everything the check allocated, garbage included. The process's maximum resident set is
 * recorded beside it (it also holds Node, tsx and the generator's freed pages).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { zoneCalendar } from "../src/domain/day";
import { computeChecks } from "../src/features/checks";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import type { TabName } from "../src/workbook/schema";
import { NOW, TIME_ZONE } from "./workbook";

export interface MemoryResult {
  rows: number;
  /** The largest heap during the check (values + the check's live data and garbage). */
  peakHeapMb: number;
  /** Collections V8 made during the check. */
  collections: number;
  /** Resident set after the workbook was built and garbage collected, before the check. */
  beforeMb: number;
  /** The process's maximum resident set, the check included (Node and tsx too). */
  peakMb: number;
  /** peakMb - beforeMb: what the check itself added at its worst. */
  checkMb: number;
  /** Heap in use by the workbook's values (after a collection, before the check). */
  workbookHeapMb: number;
}

const MB = 1024 * 1024;

const START = "campaign-desk-check-start";
const END = "campaign-desk-check-end";

/** Runs this file in a child process and returns what it measured. */
export function checkMemory(collaborations: number): MemoryResult {
  const output = execFileSync(
    process.execPath,
    [
      "--expose-gc",
      "--trace-gc",
      "--import",
      "tsx",
      join(import.meta.dirname, "memory.ts"),
      String(collaborations),
    ],
    { encoding: "utf8", cwd: join(import.meta.dirname, ".."), maxBuffer: 64 * MB },
  );
  const lines = output.split("\n");
  const during = lines.slice(lines.indexOf(START) + 1, lines.indexOf(END));
  // "Scavenge 120.5 (140.2) -> 110.3 (141.0) MB": the heap used before the collection comes first.
  const beforeCollections = during.flatMap((line) => {
    const used = /\s(\d+(?:\.\d+)?) \((\d+(?:\.\d+)?)\) -> /.exec(line)?.[1];
    return used === undefined ? [] : [Number(used)];
  });
  const measured = JSON.parse(lines.find((line) => line.startsWith("{")) ?? "{}") as MemoryResult & {
    endHeapMb: number;
  };
  const { endHeapMb, ...rest } = measured;
  return {
    ...rest,
    peakHeapMb: Math.max(endHeapMb, ...beforeCollections),
    collections: beforeCollections.length,
  };
}

function measure(collaborations: number): Omit<MemoryResult, "peakHeapMb" | "collections"> & {
  endHeapMb: number;
} {
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  collect();
  const emptyHeap = process.memoryUsage().heapUsed;
  const calendar = zoneCalendar(TIME_ZONE);
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations });
  collect();
  const before = process.memoryUsage();
  console.log(START);
  const result = computeChecks({
    tabs: tabs as Partial<Record<TabName, unknown[][]>>,
    today: calendar.dayOf(NOW) ?? 0,
    calendar,
  });
  const endHeap = process.memoryUsage().heapUsed;
  console.log(END);
  const peak = (process.resourceUsage().maxRSS * 1024) / MB;
  if (result.owned.size === 0) throw new Error("bench: the check computed nothing");
  return {
    rows: collaborations,
    beforeMb: before.rss / MB,
    peakMb: peak,
    checkMb: peak - before.rss / MB,
    workbookHeapMb: (before.heapUsed - emptyHeap) / MB,
    endHeapMb: endHeap / MB,
  };
}

if (process.argv[1] === import.meta.filename) {
  console.log(JSON.stringify(measure(Number(process.argv[2] ?? 50_000))));
}

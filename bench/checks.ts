/**
 * The daily run's pure compute (what Apps Script spends its 6 minutes on besides service calls):
 * computeChecks over the seeded workbook, median of several runs.
 */
import { zoneCalendar } from "../src/domain/day";
import { computeChecks } from "../src/features/checks";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import type { TabName } from "../src/workbook/schema";
import { median } from "./stats";
import { NOW, TIME_ZONE } from "./workbook";

export interface ComputeResult {
  name: string;
  rows: number;
  /** Median of `runs`. */
  ms: number;
  runs: number;
}

export function dailyCompute(collaborations: number, runs: number): ComputeResult {
  const calendar = zoneCalendar(TIME_ZONE);
  const today = calendar.dayOf(NOW) ?? 0;
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations });
  const input = { tabs: tabs as Partial<Record<TabName, unknown[][]>>, today, calendar };
  const samples = Array.from({ length: runs }, () => {
    const started = performance.now();
    computeChecks(input);
    return performance.now() - started;
  });
  return { name: "daily run compute", rows: collaborations, ms: median(samples), runs };
}

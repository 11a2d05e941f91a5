import { teamHeaders } from "../../src/local/demo/demo-workbook";
import type { TabName } from "../../src/workbook/schema";

/** A tab of the contract's team columns in setup's order, rows given by header (blank when absent). */
export function teamTab(name: TabName, rows: readonly Record<string, unknown>[]): unknown[][] {
  const headers = teamHeaders(name);
  return [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ""))];
}

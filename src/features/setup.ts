/**
 * "Set up workbook": create or adopt every tab of the workbook contract. All reads happen
 * first, then the plan is applied, so a workbook that is already set up costs reads only.
 */

import { parseSettings } from "../domain/settings";
import { TABS, type TabName } from "../workbook/schema";
import { planTabSetup, type SetupStep, type TabSnapshot } from "../workbook/setup-plan";

export interface SetupPort {
  /** The tab as it is now, or null when there is no tab of that name. */
  readTab(name: TabName): TabSnapshot | null;
  apply(step: SetupStep): void;
}

export interface SetupReport {
  tabsCreated: TabName[];
  columnsAdded: { tab: TabName; headers: string[] }[];
  settingsAdded: string[];
  stepCount: number;
}

export function setUpWorkbook(
  port: SetupPort,
  settingDefaults: readonly (readonly [string, string])[],
): SetupReport {
  const snapshots = TABS.map((tab) => ({ tab, snapshot: port.readTab(tab.name) }));
  // The Currency setting as the checks read it: a bad value means the default.
  const settingRows = snapshots.find(({ tab }) => tab.name === "Settings")?.snapshot?.settings ?? [];
  const { currency } = parseSettings(settingRows).settings;

  const report: SetupReport = { tabsCreated: [], columnsAdded: [], settingsAdded: [], stepCount: 0 };
  for (const { tab, snapshot } of snapshots) {
    for (const step of planTabSetup(tab, snapshot, { currency, settingDefaults })) {
      port.apply(step);
      report.stepCount += 1;
      if (step.kind === "createTab") report.tabsCreated.push(step.tab);
      if (step.kind === "writeHeaders") {
        report.columnsAdded.push({ tab: step.tab, headers: step.columns.map((column) => column.header) });
      }
      if (step.kind === "appendSettings") report.settingsAdded.push(...step.rows.map(([key]) => key));
    }
  }
  return report;
}

/** What the user is told after setup. */
export function describeSetup(report: SetupReport): string {
  if (report.stepCount === 0) return "Campaign Desk was already set up: nothing needed to change.";
  const lines = ["Campaign Desk is set up."];
  if (report.tabsCreated.length > 0) lines.push(`Tabs created: ${report.tabsCreated.join(", ")}.`);
  const adopted = report.columnsAdded.filter(({ tab }) => !report.tabsCreated.includes(tab));
  for (const { tab, headers } of adopted) {
    lines.push(`${tab}: added ${headers.join(", ")} after your columns.`);
  }
  if (report.settingsAdded.length > 0)
    lines.push(`Settings added with defaults: ${report.settingsAdded.join(", ")}.`);
  lines.push("Nothing of yours was changed or removed.");
  return lines.join("\n");
}

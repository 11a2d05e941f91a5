/**
 * The one list of Apps Script entry points. The build turns each key into a top-level
 * `function` in build/Code.js (custom functions come from the cell-function catalog), so
 * nothing here is ever declared twice by hand.
 */
import { zoneCalendar } from "../domain/day";
import { settingDefaultRows } from "../domain/settings";
import { describeSetup, setUpWorkbook } from "../features/setup";
import { disturbanceText } from "../workbook/add-on-record";
import { TODAY_RANGE_NAME } from "../workbook/today-cell";
import { DAILY_HANDLER, dailyTriggers, turnOffDailyAlerts, turnOnDailyAlerts } from "./daily-trigger";
import { withDocumentLock } from "./document-lock";
import { importEntryPoints } from "./import-api";
import { buildMenu } from "./menu";
import {
  disturbedRuns,
  LAST_RUN_PROPERTY,
  LEDGER_PROPERTY,
  type RunSummary,
  readLedger,
  runChecks,
} from "./run-checks";
import { readSettings } from "./settings-tab";
import { spreadsheetSetupPort } from "./setup-port";
import { sidebarEntryPoints } from "./sidebar-api";
import { ensureTodayCell } from "./today-cell";

function tell(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("Campaign Desk", message, ui.ButtonSet.OK);
}

/** The digest hour from Settings (read in one call; default 8). */
function digestHour(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  return readSettings(spreadsheet).digestHour;
}

function hourText(hour: number): string {
  return `${hour < 10 ? "0" : ""}${hour}:00`;
}

/** `on at 08:00`, `off`; null when this authorization mode cannot tell. */
function alertsState(): string | null {
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    const on = dailyTriggers(spreadsheet).length > 0;
    const stored = PropertiesService.getUserProperties().getProperty("campaignDesk.alertsHour");
    const unsent =
      readLedger(PropertiesService.getDocumentProperties().getProperty(LEDGER_PROPERTY))?.unsent.length ?? 0;
    const state = on ? `on${stored ? ` at ${hourText(Number(stored))}` : ""}` : "off";
    const parts = [state];
    if (unsent > 0) parts.push(`${unsent} digest${unsent === 1 ? "" : "s"} not sent`);
    // Runs people kept disturbing say so here too, not only in the reply of a menu run.
    if (disturbedRuns()) parts.push("last check disturbed");
    return parts.join(", ");
  } catch {
    return null;
  }
}

function describeRun(summary: RunSummary): string {
  const lines = [
    `Checks done for ${summary.today}: ${summary.alerts} alert${summary.alerts === 1 ? "" : "s"}.`,
  ];
  const counts = Object.entries(summary.bySeverity).map(
    ([severity, count]) => `${count} ${severity.toLowerCase()}`,
  );
  if (counts.length > 0) lines.push(counts.join(", "));
  if (summary.sent.length > 0) lines.push(`Digest sent to ${summary.sent.join(", ")}.`);
  if (summary.alreadySent.length > 0) lines.push(`Already sent today: ${summary.alreadySent.join(", ")}.`);
  if (summary.unsent.length > 0)
    lines.push(`Not sent: ${summary.unsent.map((miss) => `${miss.to} (${miss.reason})`).join(", ")}.`);
  for (const { tab, headers } of summary.missingHeaders) {
    lines.push(`${tab} lacks ${headers.join(", ")}: run Set up workbook to add them.`);
  }
  if (summary.unsettledTabs.length > 0) {
    lines.push(
      `Rows or columns of ${summary.unsettledTabs.join(", ")} kept moving while the check wrote: nothing was written where it could not be placed; run it again.`,
    );
  }
  lines.push(...summary.notices);
  if (summary.viewTab !== "Operations") lines.push(`The operating view is in the tab ${summary.viewTab}.`);
  return lines.join("\n");
}

export const entryPoints = {
  onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
    const limited = event?.authMode === ScriptApp.AuthMode.NONE;
    buildMenu(SpreadsheetApp.getUi(), limited ? null : alertsState());
  },

  onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
    entryPoints.onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
  },

  setUpWorkbookFromMenu(): void {
    const spreadsheet = SpreadsheetApp.getActive();
    const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
    const { report, named } = withDocumentLock(() => {
      const report = setUpWorkbook(spreadsheetSetupPort(spreadsheet), settingDefaultRows());
      return { report, named: ensureTodayCell(spreadsheet, calendar.dayOf(new Date()) ?? 0, calendar) };
    });
    const today = named
      ? `\nFormulas can use ${TODAY_RANGE_NAME} for today's date (Settings, key Today; every check keeps it current).`
      : "";
    tell(describeSetup(report) + today);
  },

  runChecksFromMenu(): void {
    tell(describeRun(runChecks({ sendDigest: true })));
  },

  refreshOperatingViewFromMenu(): void {
    const summary = runChecks({ sendDigest: false, rebuildView: true });
    SpreadsheetApp.getActive().toast(`Operating view rebuilt: ${summary.alerts} alerts.`, "Campaign Desk");
  },

  turnOnDailyAlertsFromMenu(): void {
    const spreadsheet = SpreadsheetApp.getActive();
    const hour = digestHour(spreadsheet);
    turnOnDailyAlerts(spreadsheet, hour);
    PropertiesService.getUserProperties().setProperty("campaignDesk.alertsHour", String(hour));
    entryPoints.onOpen();
    tell(
      `Daily alerts are on: checks run and the digest goes out every day between ${hourText(hour)} and ${hourText((hour + 1) % 24)} (${spreadsheet.getSpreadsheetTimeZone()}).`,
    );
  },

  turnOffDailyAlertsFromMenu(): void {
    const removed = turnOffDailyAlerts(SpreadsheetApp.getActive());
    PropertiesService.getUserProperties().deleteProperty("campaignDesk.alertsHour");
    entryPoints.onOpen();
    tell(removed > 0 ? "Daily alerts are off." : "Daily alerts were already off.");
  },

  showAlertsStatus(): void {
    const state = alertsState() ?? "unknown";
    const last = PropertiesService.getDocumentProperties().getProperty(LAST_RUN_PROPERTY);
    const run = last ? (JSON.parse(last) as { at: string; alerts: number }) : null;
    const disturbed = disturbedRuns();
    // The instant is stored in UTC; people read it in the spreadsheet's zone, like its dates.
    const zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
    const at = run ? `${Utilities.formatDate(new Date(run.at), zone, "yyyy-MM-dd HH:mm")} (${zone})` : "";
    tell(
      [
        `Daily alerts: ${state}.`,
        run ? `Last check: ${at} with ${run.alerts} alerts.` : "No check has run yet.",
        ...(disturbed ? [`Note: ${disturbanceText(disturbed)}.`] : []),
      ].join("\n"),
    );
  },

  ...sidebarEntryPoints,

  ...importEntryPoints,

  /** The time-driven trigger: no UI here, ever. */
  [DAILY_HANDLER](_event?: GoogleAppsScript.Events.TimeDriven): void {
    runChecks({ sendDigest: true });
  },
};

export type EntryPointName = keyof typeof entryPoints;

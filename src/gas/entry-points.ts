/**
 * The one list of Apps Script entry points. The build turns each key into a top-level
 * `function` in build/Code.js (custom functions come from the cell-function catalog), so
 * nothing here is ever declared twice by hand.
 */
import { zoneCalendar } from "../domain/day";
import { settingDefaultRows } from "../domain/settings";
import { alertsStateText, alertsStatusLines, hourText } from "../features/daily-alerts";
import { describeSetup, setUpWorkbook } from "../features/setup";
import { disturbanceText } from "../workbook/add-on-record";
import { TODAY_RANGE_NAME } from "../workbook/today-cell";
import {
  DAILY_HANDLER,
  readAlerts,
  runDailyTrigger,
  turnOffDailyAlerts,
  turnOnDailyAlerts,
} from "./daily-trigger";
import { withDocumentLock } from "./document-lock";
import { importEntryPoints } from "./import-api";
import { buildMenu } from "./menu";
import { disturbedRuns, type RunSummary, runChecks } from "./run-checks";
import { currentRuns } from "./runs-record";
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

/** Instants are stored in UTC; people read them in the spreadsheet's zone, like its dates. */
function localTime(withZone: boolean): (iso: string) => string {
  const zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  return (iso) =>
    `${Utilities.formatDate(new Date(iso), zone, "yyyy-MM-dd HH:mm")}${withZone ? ` (${zone})` : ""}`;
}

/** `on at 08:00, set up by x, last run ..., last problem ...` from document properties (every editor sees it). */
function alertsState(): string | null {
  try {
    const state = alertsStateText(readAlerts(), currentRuns(), localTime(false));
    // Runs people kept disturbing say so here too, not only in the reply of a menu run.
    return disturbedRuns() ? `${state}, last check disturbed` : state;
  } catch {
    return null;
  }
}

const REASONS: Record<RunSummary["missed"][number]["reason"], string> = {
  quota: "daily email quota used up",
  limit: "over the daily digest limit",
  refused: "refused",
};

function describeRun(summary: RunSummary): string {
  if (summary.busy) {
    return "The workbook is busy: another run or a save is holding it. Nothing was checked or sent; try again in a minute.";
  }
  const lines = [
    `Checks done for ${summary.today}: ${summary.alerts} alert${summary.alerts === 1 ? "" : "s"}.`,
  ];
  const counts = Object.entries(summary.bySeverity).map(
    ([severity, count]) => `${count} ${severity.toLowerCase()}`,
  );
  if (counts.length > 0) lines.push(counts.join(", "));
  const list = (addresses: string[]) =>
    `${addresses.slice(0, 10).join(", ")}${addresses.length > 10 ? ` and ${addresses.length - 10} more` : ""}`;
  if (summary.sent.length > 0) lines.push(`Digest sent to ${list(summary.sent)}.`);
  if (summary.alreadySent.length > 0) lines.push(`Already sent today: ${list(summary.alreadySent)}.`);
  const missed = [
    ...summary.missed.map((miss) => `${miss.to} (${REASONS[miss.reason]})`),
    ...summary.failed.map((failure) => `${failure.to} (${failure.error})`),
  ];
  if (missed.length > 0) lines.push(`Not sent: ${list(missed)}.`);
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
      const port = spreadsheetSetupPort(spreadsheet);
      const report = setUpWorkbook(port, settingDefaultRows());
      // The cell the name is on goes in the record, so runs notice when a sort moves the Today row.
      const named = ensureTodayCell(spreadsheet, calendar.dayOf(new Date()) ?? 0, calendar, port.record);
      port.saveRecord();
      return { report, named };
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
    const { replaced } = turnOnDailyAlerts(spreadsheet, hour);
    entryPoints.onOpen();
    tell(
      [
        `Daily alerts are on: checks run and the digest goes out from your account every day between ${hourText(hour)} and ${hourText((hour + 1) % 24)} (${spreadsheet.getSpreadsheetTimeZone()}).`,
        replaced
          ? `They replace the daily alerts ${replaced} set up; that trigger removes itself at its next run.`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
  },

  turnOffDailyAlertsFromMenu(): void {
    const { wasOn, removed, otherOwner } = turnOffDailyAlerts();
    entryPoints.onOpen();
    tell(
      otherOwner
        ? `Daily alerts are off. The trigger belongs to ${otherOwner}: it removes itself at its next run and sends nothing.`
        : removed > 0 || wasOn
          ? "Daily alerts are off."
          : "Daily alerts were already off.",
    );
  },

  showAlertsStatus(): void {
    const disturbed = disturbedRuns();
    tell(
      [
        ...alertsStatusLines(readAlerts(), currentRuns(), localTime(true)),
        ...(disturbed ? [`Note: ${disturbanceText(disturbed)}.`] : []),
      ].join("\n"),
    );
  },

  ...sidebarEntryPoints,

  ...importEntryPoints,

  /** The time-driven trigger: no UI here, ever. */
  [DAILY_HANDLER](event?: GoogleAppsScript.Events.TimeDriven): void {
    runDailyTrigger(event);
  },
};

export type EntryPointName = keyof typeof entryPoints;

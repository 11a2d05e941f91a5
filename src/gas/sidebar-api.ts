/**
 * The functions the sidebar calls through google.script.run, and the menu item that opens it;
 * every key becomes a top-level function of build/Code.js. They read the sidebar's tabs once
 * and apply what src/features/campaign-sidebar.ts plans; bad input comes back as
 * `{ ok: false, errors }`. Kept tiny: Apps Script reloads Code.js for every custom-function call.
 */
import { type Day, isoFromDay, type ZoneCalendar, zoneCalendar } from "../domain/day";
import {
  asStored,
  daysAsIso,
  planBriefSave,
  planRecruit,
  type Refusal,
  type RowWrites,
  SIDEBAR_TABS,
  type SidebarTabs,
} from "../features/campaign-sidebar";
import { withDocumentLock } from "./document-lock";

function readTabs() {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const tabs: SidebarTabs = {};
  for (const name of SIDEBAR_TABS) tabs[name] = spreadsheet.getSheetByName(name)?.getDataRange().getValues();
  return [spreadsheet, tabs, calendar, calendar.dayOf(new Date()) ?? 0] as const;
}

/** Plans and writes under the document lock, so two people cannot take the same ID. */
function write<Reply>(
  tab: "Campaigns" | "Collaborations",
  plan: (tabs: SidebarTabs, calendar: ZoneCalendar, today: Day) => RowWrites<Reply> | Refusal,
): Reply | Refusal {
  return withDocumentLock(() => {
    const [spreadsheet, ...read] = readTabs();
    const planned = plan(...read);
    if (!planned.ok) return planned;
    const sheet = spreadsheet.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    for (const { column, values } of planned.runs) {
      // New rows go after the last one; a full sheet grows first.
      const lacking = planned.row + values.length - 1 - sheet.getMaxRows();
      if (lacking > 0) sheet.insertRowsAfter(sheet.getMaxRows(), lacking);
      const range = sheet.getRange(planned.row, column, values.length, (values[0] as unknown[]).length);
      range.setValues(asStored(values, range.getNumberFormats()));
    }
    return planned.reply;
  });
}

export const sidebarEntryPoints = {
  openCampaignSidebar(): void {
    SpreadsheetApp.getUi().showSidebar(
      HtmlService.createHtmlOutputFromFile("sidebar").setTitle("Campaign Desk"),
    );
  },

  /** The tabs with their date cells as ISO days: no Date may reach google.script.run. */
  sidebarLoad() {
    const [, tabs, calendar, today] = readTabs();
    const sent: SidebarTabs = {};
    for (const name of SIDEBAR_TABS) {
      const grid = tabs[name];
      if (grid) sent[name] = daysAsIso(grid, calendar);
    }
    return { ok: true, timeZone: calendar.timeZone, today: isoFromDay(today), tabs: sent };
  },

  /** `isNew` is true from the "New campaign" form: an ID already on the tab is then refused. */
  sidebarSaveBrief: (brief: unknown, isNew?: unknown) =>
    write("Campaigns", (tabs, calendar) => planBriefSave(brief, isNew === true, tabs, calendar)),

  sidebarRecruit: (request: unknown) => write("Collaborations", (...read) => planRecruit(request, ...read)),
};

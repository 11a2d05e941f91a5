/**
 * The functions the sidebar calls through google.script.run (and the menu item that opens it).
 * Every key becomes a top-level function of build/Code.js. They only read tabs and apply the
 * writes src/features/campaign-sidebar.ts plans; bad input comes back as `{ ok: false, errors }`.
 * Kept small on purpose: Apps Script reloads this bundle for every custom-function call.
 */
import { zoneCalendar } from "../domain/day";
import { planBriefSave, planRecruit, type SidebarTabs, sidebarState } from "../features/campaign-sidebar";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function open() {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const sheets: Partial<Record<string, Sheet | null>> = {};
  const tabs: SidebarTabs = {};
  for (const name of ["Products", "Campaigns", "Creators", "Collaborations"] as const) {
    const sheet = spreadsheet.getSheetByName(name);
    sheets[name] = sheet;
    tabs[name] = sheet ? sheet.getDataRange().getValues() : null;
  }
  const now = new Date();
  return { calendar, sheets, tabs, today: calendar.dayOf(now) ?? Math.floor(now.getTime() / 864e5) };
}

/** Reads and writes under the document lock, so two people cannot take the same ID. */
function locked<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  lock.waitLock(30_000);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** New rows after the last one; the sheet grows first when it is full. */
function makeRoom(sheet: Sheet, lastRow: number): void {
  if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
}

export const sidebarEntryPoints = {
  openCampaignSidebar(): void {
    SpreadsheetApp.getUi().showSidebar(
      HtmlService.createHtmlOutputFromFile("sidebar").setTitle("Campaign Desk"),
    );
  },

  sidebarLoad() {
    const { tabs, calendar, today } = open();
    return sidebarState(tabs, calendar, today);
  },

  /** `isNew` is true from "New campaign": an ID already on the tab is then refused. */
  sidebarSaveBrief(brief: unknown, isNew?: unknown) {
    return locked(() => {
      const { tabs, calendar, sheets } = open();
      const plan = planBriefSave(brief, isNew === true, tabs, calendar);
      const sheet = sheets.Campaigns;
      if (!plan.ok || !sheet) return plan;
      makeRoom(sheet, plan.row);
      for (const run of plan.runs)
        sheet.getRange(plan.row, run.column, 1, run.values.length).setValues([run.values]);
      return {
        ok: true,
        campaignId: plan.brief.campaignId,
        row: plan.row,
        created: plan.created,
        warnings: plan.warnings,
      };
    });
  },

  sidebarRecruit(request: unknown) {
    return locked(() => {
      const { tabs, calendar, sheets, today } = open();
      const plan = planRecruit(request, tabs, calendar, today);
      const sheet = sheets.Collaborations;
      if (!plan.ok || !sheet) return plan;
      const count = plan.values.length;
      if (count > 0) {
        makeRoom(sheet, plan.row + count - 1);
        sheet.getRange(plan.row, plan.column, count, plan.values[0]?.length ?? 1).setValues(plan.values);
      }
      return { ok: true, invited: plan.invited, skipped: plan.skipped };
    });
  },
};

/**
 * The functions the sidebar calls through google.script.run, and the menu items that open it;
 * every key becomes a top-level function of build/Code.js. They read the tabs they need once
 * and apply what src/features/campaign-sidebar.ts plans; bad input comes back as
 * `{ ok: false, errors }`. Kept tiny: Apps Script reloads Code.js for every custom-function call.
 */
import { type Day, isoFromDay, type ZoneCalendar, zoneCalendar } from "../domain/day";
import {
  asStored,
  type CampaignSeats,
  campaignCreators,
  daysAsIso,
  FIRST_LOAD_TABS,
  type Planned,
  packGrid,
  pickColumns,
  planBriefSave,
  planRecruit,
  type Refusal,
  SIDEBAR_COLUMNS,
  type SidebarLoad,
  type SidebarStart,
  type SidebarTabs,
  startScript,
} from "../features/campaign-sidebar";
import { headerKey, type TabName } from "../workbook/schema";
import { withDocumentLockOr } from "./document-lock";
import { readSettings } from "./settings-tab";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function readTabs(names: readonly TabName[]) {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const tabs: SidebarTabs = {};
  const sheets = new Map<TabName, Sheet>();
  for (const name of names) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) sheets.set(name, sheet);
    tabs[name] = sheet?.getDataRange().getValues() ?? null;
  }
  return { sheets, tabs, calendar, today: calendar.dayOf(new Date()) ?? 0 };
}

/**
 * Reads, plans and writes under the document lock, so two saves never take the same row or ID.
 * A lock still busy after 30 s (a long daily check) is a refusal that says so: nothing written.
 */
function write<Reply>(
  names: readonly TabName[],
  plan: (tabs: SidebarTabs, calendar: ZoneCalendar, today: Day) => Planned<Reply> | Refusal,
): Reply | Refusal {
  return withDocumentLockOr(
    () => {
      const { sheets, tabs, calendar, today } = readTabs(names);
      const planned = plan(tabs, calendar, today);
      if (!planned.ok) return planned;
      for (const { tab, row, runs } of planned.writes) {
        const sheet = sheets.get(tab) as Sheet;
        for (const { column, values } of runs) {
          // New rows go after the last one; a full sheet grows first.
          const lacking = row + values.length - 1 - sheet.getMaxRows();
          if (lacking > 0) sheet.insertRowsAfter(sheet.getMaxRows(), lacking);
          const range = sheet.getRange(row, column, values.length, (values[0] as unknown[]).length);
          range.setValues(asStored(values, range.getNumberFormats()));
        }
      }
      return planned.reply;
    },
    (): Refusal => ({
      ok: false,
      errors: [
        {
          message:
            "Someone else is saving to this workbook, or the daily check is running. Nothing was saved: try again in a moment.",
        },
      ],
    }),
  );
}

/** The Campaign ID of the selected row, on Campaigns or Collaborations; "" when there is none. */
function selectedCampaignId(): string {
  const range = SpreadsheetApp.getActiveRange();
  const sheet = range?.getSheet();
  const name = sheet?.getName();
  const row = range?.getRow() ?? 0;
  if (!sheet || row < 2 || (name !== "Campaigns" && name !== "Collaborations")) return "";
  const width = sheet.getLastColumn();
  if (width < 1) return "";
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const column = header.map(headerKey).indexOf(headerKey("Campaign ID")) + 1;
  return column < 1 ? "" : String(sheet.getRange(row, column).getValue()).trim();
}

export function showSidebar(start: SidebarStart): void {
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutputFromFile("sidebar").setTitle("Campaign Desk").append(startScript(start)),
  );
}

const notSelected =
  "Select a campaign's row on the Campaigns tab (or a collaboration's row) first, or pick the campaign here.";

export const sidebarEntryPoints = {
  openNewCampaignBrief(): void {
    showSidebar({ view: "brief", campaignId: "" });
  },

  /** The brief of the campaign on the selected row. */
  openSelectedCampaignBrief(): void {
    const campaignId = selectedCampaignId();
    showSidebar({ view: "brief", campaignId, ...(campaignId ? {} : { notice: notSelected }) });
  },

  /** Recruiting for the campaign on the selected row. */
  openRecruitForSelectedCampaign(): void {
    const campaignId = selectedCampaignId();
    showSidebar({ view: "recruit", campaignId, ...(campaignId ? {} : { notice: notSelected }) });
  },

  /**
   * What the sidebar paints first: the columns it needs (`SIDEBAR_COLUMNS`) of Products,
   * Campaigns and Creators, packed, date cells as ISO days (no Date may reach
   * google.script.run); of Collaborations only the header, read alone.
   */
  sidebarLoad(): SidebarLoad {
    const { tabs, calendar, today } = readTabs(FIRST_LOAD_TABS);
    const sent: SidebarLoad["tabs"] = {};
    for (const name of FIRST_LOAD_TABS) {
      const grid = tabs[name];
      if (grid) sent[name] = packGrid(daysAsIso(pickColumns(grid, SIDEBAR_COLUMNS[name]), calendar));
    }
    const spreadsheet = SpreadsheetApp.getActive();
    const collaborations = spreadsheet.getSheetByName("Collaborations");
    const width = collaborations?.getLastColumn() ?? 0;
    if (collaborations) {
      const header = width > 0 ? collaborations.getRange(1, 1, 1, width).getValues() : [[]];
      sent.Collaborations = packGrid(pickColumns(header, SIDEBAR_COLUMNS.Collaborations));
    }
    const money = {
      currency: readSettings(spreadsheet).currency,
      locale: spreadsheet.getSpreadsheetLocale(),
    };
    return { ok: true, timeZone: calendar.timeZone, today: isoFromDay(today), tabs: sent, money };
  },

  /** The creators already in a campaign, asked for when the sidebar recruits for it. */
  sidebarCampaignSeats(campaignId: unknown): CampaignSeats {
    const id = typeof campaignId === "string" ? campaignId : "";
    const { tabs } = readTabs(["Collaborations"]);
    return { ok: true, campaignId: id, creators: campaignCreators(tabs.Collaborations, id) };
  },

  /**
   * `isNew` is true from the "New campaign" form: an ID already on the tab is then refused. An
   * edit sends the brief as it was `loaded`, so only the fields the user changed are written.
   */
  sidebarSaveBrief: (brief: unknown, isNew?: unknown, loaded?: unknown) =>
    write(["Products", "Campaigns"], (tabs, calendar) =>
      planBriefSave(brief, isNew === true, tabs, calendar, loaded),
    ),

  sidebarRecruit: (request: unknown) =>
    write(["Products", "Campaigns", "Creators", "Collaborations", "Samples"], (...read) =>
      planRecruit(request, ...read),
    ),
};

/** What the sidebar may call, for its typed google.script.run wrapper. */
export type SidebarApi = typeof sidebarEntryPoints;

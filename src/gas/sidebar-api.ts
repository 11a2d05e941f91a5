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
  confirmingColumns,
  daysAsIso,
  FIRST_LOAD_TABS,
  type Grid,
  isRefusal,
  type Planned,
  packGrid,
  pickColumns,
  placeAgain,
  placementHolds,
  planBriefSave,
  planRecruit,
  type Refusal,
  refuse,
  SIDEBAR_COLUMNS,
  type SidebarLoad,
  type SidebarStart,
  type SidebarTabs,
  startScript,
  type TabWrite,
} from "../features/campaign-sidebar";
import { headerKey, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { withDocumentLockOr } from "./document-lock";
import { readMoneyStyle } from "./settings-tab";

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
 * People editing meanwhile are not locked out: each tab's write is confirmed right before it.
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
      for (const [index, rows] of planned.writes.entries()) {
        const sheet = sheets.get(rows.tab) as Sheet;
        const placed = writeConfirmed(sheet, rows, tabs[rows.tab] ?? []);
        if (isRefusal(placed)) {
          // What was written before stays written; say what was not.
          const done = planned.writes.slice(0, index).map((written) => written.tab);
          return done.length > 0
            ? {
                ok: false as const,
                errors: [...placed.errors, { message: `Already saved: the new rows of ${done.join(", ")}.` }],
              }
            : placed;
        }
        // The reply names the row the brief landed on, wherever it was found again.
        if (index === 0 && typeof (planned.reply as { row?: unknown }).row === "number")
          (planned.reply as { row: number }).row = placed.row;
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

/** Places tried when people keep moving rows or columns while a save writes. */
const MAX_PLACEMENTS = 3;

/**
 * One tab's write: its ranges made and their formats read, then one read of the headers above
 * its columns and the key column and of its rows, and the write only when that read shows what
 * it was placed against (an edited row's key, or empty rows for new ones). Otherwise the tab is
 * read again and the write placed again by header and key.
 */
function writeConfirmed(sheet: Sheet, planned: TabWrite, grid: Grid): TabWrite | Refusal {
  let write = planned;
  let header = grid[0] ?? [];
  for (let attempt = 1; attempt <= MAX_PLACEMENTS; attempt++) {
    const keyColumn = locateColumns(header).get(headerKey(tabSchema(write.tab).key)) ?? 1;
    const height = write.records.length;
    const lacking = write.row + height - 1 - sheet.getMaxRows();
    if (lacking > 0) sheet.insertRowsAfter(sheet.getMaxRows(), lacking);
    const ranges = write.runs.map((run) =>
      sheet.getRange(write.row, run.column, height, run.values[0]?.length ?? 1),
    );
    const formats = ranges.map((range) => range.getNumberFormats());
    const { first, width } = confirmingColumns(write, keyColumn);
    let box: unknown[][] = [];
    try {
      box = sheet.getRange(1, first, write.row + height - 1, width).getValues();
    } catch {
      // Columns deleted meanwhile put the read outside the tab: it moved.
    }
    if (box.length > 0 && placementHolds(box, header, write, first, keyColumn)) {
      try {
        ranges.forEach((range, index) => {
          range.setValues(asStored(write.runs[index]?.values ?? [], formats[index] ?? []));
        });
      } catch (error) {
        return {
          ok: false,
          errors: [
            {
              message: `Sheets refused the save (${String(error).slice(0, 160)}): nothing of it was written.`,
            },
          ],
        };
      }
      return write;
    }
    const now = sheet.getDataRange().getValues();
    header = now[0] ?? [];
    const again = placeAgain(write, now);
    if (isRefusal(again)) return again;
    write = again;
  }
  return refuse(
    `${planned.tab} kept changing while saving (rows or columns moving): nothing more was saved; try again.`,
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
    const money = readMoneyStyle(spreadsheet);
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
    write(["Products", "Campaigns"], (tabs, calendar) => planBriefSave(brief, isNew, tabs, calendar, loaded)),

  sidebarRecruit: (request: unknown) =>
    write(["Products", "Campaigns", "Creators", "Collaborations", "Samples"], (...read) =>
      planRecruit(request, ...read),
    ),
};

/** What the sidebar may call, for its typed google.script.run wrapper. */
export type SidebarApi = typeof sidebarEntryPoints;

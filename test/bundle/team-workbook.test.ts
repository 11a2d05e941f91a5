/**
 * Installing on a workbook a team already runs, through build/Code.js: their own Operations tab,
 * columns of theirs that carry an owned header, odd headers (double spaces, non-breaking spaces,
 * a title row), a tab with only its header row, a tab setup cannot finish, runs people keep
 * disturbing, and sidebar saves and recruits while people edit.
 */
import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import { RECORD_PROPERTY, readRecord } from "../../src/workbook/add-on-record";
import { headerKey, TABS, tabSchema } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";
import { keepTypingNewRows } from "../support/person-edits";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");

function seeded(
  tabs: Record<string, unknown[][]> = demoWorkbook({ today: now, timeZone }).tabs,
): LoadedBundle {
  const bundle = loadBundle({ timeZone, now });
  for (const [tab, rows] of Object.entries(tabs)) bundle.emulator.seed(tab, rows);
  return bundle;
}

const runDaily = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
const lastAlert = (bundle: LoadedBundle) => bundle.emulator.ui.alerts.at(-1)?.message ?? "";
const record = (bundle: LoadedBundle) =>
  readRecord(bundle.emulator.properties.document.getProperty(RECORD_PROPERTY));
const columnOf = (bundle: LoadedBundle, tab: string, header: string) =>
  (bundle.emulator.values(tab)[0] ?? []).findIndex((cell) => headerKey(cell) === headerKey(header));

describe("the team's own Operations tab", () => {
  const teamOperations = [
    ["Task", "Who"],
    ["Book the studio", "Maya"],
  ];

  it("is never written: the view goes to a tab of its own, and setup says which", () => {
    const bundle = seeded({ ...demoWorkbook({ today: now, timeZone }).tabs, Operations: teamOperations });
    bundle.call("setUpWorkbookFromMenu");
    expect(lastAlert(bundle)).toContain("Your Operations tab is yours and is never written");
    expect(lastAlert(bundle)).toContain("“Operations (Campaign Desk)”");
    runDaily(bundle);
    runDaily(bundle);
    expect(bundle.emulator.values("Operations")).toEqual(teamOperations);
    expect(bundle.emulator.values("Operations (Campaign Desk)")[0]?.slice(0, 3)).toEqual([
      "Campaign",
      "Collab ID",
      "Creator",
    ]);
    const view = bundle.emulator.spreadsheet.getSheetByName("Operations (Campaign Desk)");
    expect(record(bundle).view).toEqual({ id: view?.getSheetId(), name: "Operations (Campaign Desk)" });
  });

  it("is not written by a check run before setup either, and a renamed view tab is found by its ID", () => {
    const bundle = seeded({ ...demoWorkbook({ today: now, timeZone }).tabs, Operations: teamOperations });
    bundle.call("runChecksFromMenu");
    expect(bundle.emulator.values("Operations")).toEqual(teamOperations);
    expect(lastAlert(bundle)).toContain("The operating view is in the tab Operations (Campaign Desk).");
    bundle.emulator.spreadsheet.getSheetByName("Operations (Campaign Desk)")?.setName("Live view");
    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    expect(bundle.emulator.values("Live view").length).toBeGreaterThan(2);
    expect(bundle.emulator.spreadsheet.getSheetByName("Operations (Campaign Desk)")).toBeNull();
    expect(bundle.emulator.values("Operations")).toEqual(teamOperations);
  });

  it("is rebuilt only when its content changed, not on a same-day re-run", () => {
    const bundle = seeded();
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    bundle.emulator.calls.reset();
    runDaily(bundle);
    expect(bundle.emulator.calls.cells().writtenBySheet.Operations).toBeUndefined();
  });
});

describe("highlight rules a person removed", () => {
  it("come back with the next setup, or the weekly full check, and are not read back in between", () => {
    const bundle = seeded();
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    const sheet = bundle.emulator.spreadsheet.getSheetByName("Collaborations");
    const ours = () => sheet?.getConditionalFormatRules().length ?? 0;
    const count = ours();
    expect(count).toBeGreaterThan(2);
    sheet?.clearConditionalFormatRules();
    bundle.emulator.calls.reset();
    runDaily(bundle);
    expect(bundle.emulator.calls.count("Sheet.getConditionalFormatRules")).toBe(0);
    expect(ours()).toBe(0);
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    expect(ours()).toBe(count);
    sheet?.clearConditionalFormatRules();
    for (let day = 1; day <= 7; day++) {
      bundle.emulator.clock.advanceDays(1);
      runDaily(bundle);
      expect(ours(), `day ${day}`).toBe(day < 7 ? 0 : count);
    }
  });

  it("and a view a person edited is rebuilt by Refresh operating view", () => {
    const bundle = seeded();
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    bundle.emulator.spreadsheet.getSheetByName("Operations")?.getRange("A3").setValue("my note");
    runDaily(bundle);
    expect(bundle.emulator.values("Operations")[2]?.[0]).toBe("my note");
    bundle.call("refreshOperatingViewFromMenu");
    expect(bundle.emulator.values("Operations")[2]?.[0]).not.toBe("my note");
  });
});

describe("a team column with an owned header", () => {
  function withTeamColumns() {
    const tabs = demoWorkbook({ today: now, timeZone }).tabs;
    const add = (tab: string, header: string, value: (row: number) => unknown) => {
      const rows = tabs[tab] as unknown[][];
      for (const [index, row] of rows.entries()) row.push(index === 0 ? header : value(index));
    };
    add("Campaigns", "Creators", (row) => `shortlist ${row}`);
    add("Products", "Available", () => "ask Sam");
    add("Settings", "Check", () => "reviewed");
    return seeded(tabs);
  }

  it("is asked about once; No leaves it the team's, never written, and says how to rename it", () => {
    const bundle = withTeamColumns();
    for (let answer = 0; answer < 3; answer++) bundle.emulator.ui.respond("NO");
    bundle.call("setUpWorkbookFromMenu");
    const questions = bundle.emulator.ui.alerts.filter((alert) => alert.buttons === "YES_NO");
    expect(questions.map((question) => question.title)).toEqual([
      "Campaign Desk: Settings",
      "Campaign Desk: Products",
      "Campaign Desk: Campaigns",
    ]);
    expect(questions[2]?.message).toContain("Campaigns already has a column “Creators” with your data in it");
    const told = lastAlert(bundle);
    expect(told).toContain(
      "Campaigns: your column “Creators” stays yours and Campaign Desk writes nothing there. To get Campaign Desk's Creators column too, rename yours (for example to “Creators (team)”)",
    );
    const before = ["Campaigns", "Products", "Settings"].map((tab) => bundle.emulator.values(tab));
    runDaily(bundle);
    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    const creators = columnOf(bundle, "Campaigns", "Creators");
    expect(bundle.emulator.values("Campaigns").map((row) => row[creators])).toEqual(
      (before[0] ?? []).map((row) => row[creators]),
    );
    for (const [index, [tab, header]] of (
      [
        ["Products", "Available"],
        ["Settings", "Check"],
      ] as const
    ).entries()) {
      const at = columnOf(bundle, tab, header);
      expect(bundle.emulator.values(tab).map((row) => row[at])).toEqual(
        (before[index + 1] ?? []).map((row) => row[at]),
      );
    }
    // The answer is kept: a second setup asks nothing.
    const asked = bundle.emulator.ui.alerts.length;
    bundle.call("setUpWorkbookFromMenu");
    expect(bundle.emulator.ui.alerts.slice(asked).filter((alert) => alert.buttons === "YES_NO")).toEqual([]);
    expect(record(bundle).declined).toMatchObject({
      Campaigns: ["creators"],
      Products: ["available"],
      Settings: ["check"],
    });
  });

  it("is told from the add-on's own column of a workbook set up before the record by its note", () => {
    const bundle = seeded();
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    // As an earlier version left it: the add-on's columns filled, no record of them.
    bundle.emulator.properties.document.deleteProperty(RECORD_PROPERTY);
    bundle.emulator.clock.advanceDays(1);
    bundle.call("runChecksFromMenu");
    expect(lastAlert(bundle)).not.toContain("left alone");
    expect(record(bundle).owned.Collaborations).toContain("payout status");
  });

  it("Yes makes it the add-on's from then on", () => {
    const bundle = withTeamColumns();
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    const available = columnOf(bundle, "Products", "Available");
    expect(
      bundle.emulator
        .values("Products")
        .slice(1)
        .every((row) => typeof row[available] === "number"),
    ).toBe(true);
    expect(record(bundle).owned.Products).toContain("available");
  });

  it("is not written by a check while nobody has answered, and the reply says why", () => {
    const bundle = withTeamColumns();
    const before = bundle.emulator.values("Campaigns");
    bundle.call("runChecksFromMenu");
    const creators = columnOf(bundle, "Campaigns", "Creators");
    expect(bundle.emulator.values("Campaigns").map((row) => row[creators])).toEqual(
      before.map((row) => row[creators]),
    );
    expect(lastAlert(bundle)).toContain(
      "Campaigns: your column “Creators” holds data and has a name Campaign Desk uses; it is left alone until you answer in Set up workbook.",
    );
  });
});

describe("odd headers", () => {
  it("match with double spaces and non-breaking spaces: no second column, the checks fill theirs", () => {
    const tabs = demoWorkbook({ today: now, timeZone }).tabs;
    const collaborations = tabs.Collaborations as unknown[][];
    const header = collaborations[0] as unknown[];
    header[header.indexOf("Collab ID")] = "Collab  ID";
    header[header.indexOf("Campaign ID")] = "Campaign\u00a0ID";
    header[header.indexOf("Creator")] = " creator\u00a0 ";
    const bundle = seeded(tabs);
    bundle.call("setUpWorkbookFromMenu");
    const after = bundle.emulator.values("Collaborations")[0] ?? [];
    expect(after.filter((cell) => headerKey(cell) === "collab id")).toHaveLength(1);
    expect(after.filter((cell) => headerKey(cell) === "campaign id")).toHaveLength(1);
    expect(after.filter((cell) => headerKey(cell) === "creator")).toHaveLength(1);
    expect(after.slice(0, header.length)).toEqual(header);
    runDaily(bundle);
    const payout = columnOf(bundle, "Collaborations", "Payout status");
    expect(
      bundle.emulator
        .values("Collaborations")
        .slice(1)
        .every((row) => row[payout] !== ""),
    ).toBe(true);
  });

  it("under a title row are reported, never duplicated", () => {
    const tabs = demoWorkbook({ today: now, timeZone }).tabs;
    const campaigns = [["Spring campaigns 2026"], ...(tabs.Campaigns as unknown[][])];
    const bundle = seeded({ ...tabs, Campaigns: campaigns });
    const before = bundle.emulator.values("Campaigns");
    bundle.call("setUpWorkbookFromMenu");
    expect(lastAlert(bundle)).toContain(
      "Campaign Desk reads headers from row 1 of Campaigns, and yours are on row 2",
    );
    expect(bundle.emulator.values("Campaigns")).toEqual(before);
    bundle.call("runChecksFromMenu");
    expect(lastAlert(bundle)).toContain("Campaign Desk reads headers from row 1 of Campaigns");
    expect(bundle.emulator.values("Campaigns")).toEqual(before);
  });
});

describe("setup finishes or explains", () => {
  it("gives a tab with only its header row rows before freezing it", () => {
    const bundle = loadBundle({ timeZone, now });
    const sheet = bundle.emulator.seed("Products", [
      tabSchema("Products").columns.map((column) => column.header),
    ]);
    sheet.deleteRows(2, sheet.getMaxRows() - 1);
    expect(sheet.getMaxRows()).toBe(1);
    bundle.call("setUpWorkbookFromMenu");
    expect(lastAlert(bundle)).toContain("Campaign Desk is set up.");
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getMaxRows()).toBe(100);
    for (const tab of TABS) expect(bundle.emulator.spreadsheet.getSheetByName(tab.name)).not.toBeNull();
  });

  it("sets up the other tabs when one fails, and says how to finish, with no raw exception", () => {
    const bundle = seeded();
    let failed = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (failed || call.method !== "setDataValidations" || call.sheet !== "Products") return;
      failed = true;
      throw new Error("Service Spreadsheets timed out while accessing document");
    });
    expect(() => bundle.call("setUpWorkbookFromMenu")).not.toThrow();
    stop();
    expect(failed).toBe(true);
    const told = lastAlert(bundle);
    expect(told).toContain("Campaign Desk set up what it could.");
    expect(told).toContain(
      "Products: Service Spreadsheets timed out while accessing document. The other tabs were set up; run Set up workbook again to finish Products.",
    );
    expect(columnOf(bundle, "Authorizations", "Auth status")).toBeGreaterThan(0);
    bundle.call("setUpWorkbookFromMenu");
    expect(lastAlert(bundle)).not.toContain("could");
  });

  it("takes 218 calls on the demo workbook, about 20 a tab, and a second setup writes nothing", () => {
    const bundle = seeded();
    bundle.emulator.calls.reset();
    bundle.call("setUpWorkbookFromMenu");
    // Eight contract tabs at 18 to 22 calls each (a tab's row count is read only where no data
    // row or validation read tells it; Settings has 4 more for its missing keys), 26 rule-builder
    // calls (a rule is two: its require* and build), the view's tab (4), the lock, the record,
    // CampaignDeskToday (10: its one range is written, formatted and named), the record written
    // once more with the cell the name is on (so runs notice a sort of Settings without asking
    // for the name) and the message.
    expect(bundle.emulator.calls.count()).toBe(218);
    // A tab's row count is read only for Orders (a header row and nothing under it) and Settings.
    expect(bundle.emulator.calls.count("Sheet.getMaxRows")).toBe(2);
    // One validation write per tab that has typed team columns, each kind of rule built once.
    expect(bundle.emulator.calls.count("Range.setDataValidations")).toBe(7);
    expect(bundle.emulator.calls.count("Range.getNotes")).toBe(8);
    bundle.emulator.calls.reset();
    bundle.call("setUpWorkbookFromMenu");
    expect(bundle.emulator.calls.writes()).toBe(0);
  });
});

describe("runs people keep disturbing", () => {
  it("are recorded for the menu's alerts state until a calm run", () => {
    const bundle = seeded();
    bundle.call("setUpWorkbookFromMenu");
    const stop = keepTypingNewRows(bundle.emulator);
    runDaily(bundle);
    runDaily(bundle);
    stop();
    expect(record(bundle).disturbed).toMatchObject({ runs: 2, tabs: ["Collaborations"] });
    bundle.call("onOpen");
    const captions = (bundle.emulator.ui.menus.at(-1)?.items ?? []).flatMap((item) =>
      item.kind === "item" ? [item.caption] : [],
    );
    expect(captions.find((caption) => caption.startsWith("Daily alerts:"))).toContain("last check disturbed");
    bundle.call("showAlertsStatus");
    expect(lastAlert(bundle)).toContain("people were editing Collaborations while the last 2 checks wrote");
    runDaily(bundle);
    expect(record(bundle).disturbed).toBeUndefined();
  });
});

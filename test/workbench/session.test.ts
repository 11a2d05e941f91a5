import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_SCENARIOS } from "../../src/local/demo/demo-workbook";
import { CorruptStateError, readState, writeStateAtomically } from "../../workbench/persistence";
import { Session } from "../../workbench/session";
import { tabView } from "../../workbench/view";

const BUILD = join(import.meta.dirname, "../../build");
const NOW = new Date("2026-11-25T19:00:00Z");
let dir: string;
let statePath: string;

function open(reset = false): Session {
  return new Session({ statePath, buildDir: BUILD, now: NOW, timeZone: "America/Los_Angeles", reset });
}

function column(session: Session, tab: string, header: string): number {
  const headers = session.emulator.values(tab)[0] ?? [];
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`${tab} has no ${header}`);
  return index + 1;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "workbench-"));
  statePath = join(dir, ".workbench-state.json");
});

afterEach(() => {
  // Nothing but the state file is left behind: the temp file is renamed over it.
  expect(readdirSync(dir).filter((name) => name !== ".workbench-state.json")).toEqual([]);
});

describe("a session", () => {
  it("starts from the demo, without setup, with the add-on menu built by onOpen", () => {
    const session = open();
    expect(session.fromDemo).toBe(true);
    expect(existsSync(statePath)).toBe(true);
    const names = session.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName());
    expect(names).toEqual([
      "Products",
      "Campaigns",
      "Creators",
      "Collaborations",
      "Samples",
      "Authorizations",
      "Orders",
      "Settings",
    ]);
    expect(session.menuFunctions()).toContain("setUpWorkbookFromMenu");
    expect(session.today()).toBe("2026-11-25");
  });

  it("runs menu items in user context and reports the add-on's alerts", () => {
    const session = open();
    const setup = session.runMenuItem("setUpWorkbookFromMenu");
    expect(setup.ok).toBe(true);
    expect(setup.alerts[0]?.message).toContain("Campaign Desk is set up");
    const checks = session.runMenuItem("runChecksFromMenu");
    expect(checks.alerts[0]?.message).toMatch(/Checks done for 2026-11-25/);
    expect(session.emulator.outbox.length).toBeGreaterThan(0);
    expect(() => session.runMenuItem("sendAllTheMoney")).toThrow(/menu has no item/);
  });

  it("paints the overdue flat fee row from the add-on's highlight rules", () => {
    const session = open();
    session.runMenuItem("setUpWorkbookFromMenu");
    session.runMenuItem("runChecksFromMenu");
    const view = tabView(session, "Collaborations");
    const row = view.cells.find((line) => line[0]?.text === DEMO_SCENARIOS.overdueFlatFee);
    expect(row?.[0]?.background).toBe("#f8d7da");
    expect(view.frozenRows).toBe(1);
    expect(view.cells.flat().some((cell) => cell.choices?.includes("Yes"))).toBe(true);
  });

  it("stores what a user types as Sheets would, formulas of ours evaluated and spilled", () => {
    const session = open();
    // Samples has spare columns; its Shipped..Delivered days make a window for WINDOW_STATUS.
    const campaigns = "Samples";
    const start = column(session, campaigns, "Shipped");
    const end = column(session, campaigns, "Delivered");
    const free = session.emulator.values(campaigns)[0]?.length ?? 0;
    const letter = (n: number) => String.fromCharCode(64 + n);
    session.editCell(
      campaigns,
      2,
      free + 1,
      `=window_status(${letter(start)}2:${letter(start)}, ${letter(end)}2:${letter(end)}, TODAY())`,
    );
    const values = session.emulator.values(campaigns);
    expect(String(values[1]?.[free])).not.toMatch(/^#/);
    const view = tabView(session, campaigns);
    const below = view.cells.slice(2, values.length).map((line) => line[free]);
    expect(below.every((cell) => cell?.spilled)).toBe(true);
    expect(below.some((cell) => /^Ended \d+ days? ago$/.test(cell?.text ?? ""))).toBe(true);
    expect(view.cells[1]?.[free]?.input).toMatch(/^=window_status/);

    session.editCell(campaigns, 20, 1, '=HYPERLINK("http://evil.example","x")');
    session.editCell(campaigns, 21, 1, "@everyone");
    session.editCell(campaigns, 22, 1, "-12.5");
    const sheet = session.sheet(campaigns);
    expect(sheet.getRange(20, 1).getFormula()).toBe("");
    expect(sheet.getRange(20, 1).getValue()).toBe('=HYPERLINK("http://evil.example","x")');
    expect(sheet.getRange(21, 1).getValue()).toBe("@everyone");
    expect(sheet.getRange(22, 1).getValue()).toBe(-12.5);
  });

  it("evaluates CampaignDeskToday, the named today setup creates, and names an unknown range", () => {
    const session = open();
    // Far below the keys (a free cell of Settings' own Check column), out of setup's way.
    const formula = '=WINDOW_STATUS("2026-12-01", "2026-12-31", CampaignDeskToday)';
    session.editCell("Settings", 40, 3, formula);
    expect(tabView(session, "Settings").cells[39]?.[2]?.error).toBe(
      "Unknown range name: 'CampaignDeskToday'.",
    );
    session.runMenuItem("setUpWorkbookFromMenu");
    expect(tabView(session, "Settings").cells[39]?.[2]?.text).toBe("Upcoming, starts in 6 days");
  });

  it("shows a custom function's error as #ERROR! with its message", () => {
    const session = open();
    session.editCell("Settings", 20, 1, '=AUTH_STATUS("not a date", 30, "Yes", "", TODAY())');
    const view = tabView(session, "Settings");
    expect(view.cells[19]?.[0]?.text).toBe("#ERROR!");
    expect(view.cells[19]?.[0]?.error).toBeTruthy();
  });

  it("moves the clock and fires the daily trigger in trigger context", () => {
    const session = open();
    session.runMenuItem("setUpWorkbookFromMenu");
    session.runMenuItem("turnOnDailyAlertsFromMenu");
    expect(session.emulator.triggers.list()).toHaveLength(1);
    const before = session.emulator.outbox.length;
    const { today, runs } = session.advanceClock(1);
    expect(today).toBe("2026-11-26");
    expect(runs).toHaveLength(1);
    expect(runs[0]?.error).toBeUndefined();
    expect(session.emulator.outbox.length).toBeGreaterThan(before);
    expect(() => session.advanceClock(0)).toThrow();
  });

  it("runs google.script.run calls and passes errors back as messages", () => {
    const session = open();
    expect(session.runScript("noSuchFunction", [])).toEqual({
      ok: false,
      error: "Script function not found: noSuchFunction",
    });
    expect(session.callableFunctions()).toContain("runChecksFromMenu");
    expect(session.callableFunctions()).not.toContain("SpreadsheetApp");
  });
});

describe("the state file", () => {
  it("keeps every change across a restart, and --reset starts from the demo", () => {
    const first = open();
    first.editCell("Creators", 2, 1, "@renamed");
    first.advanceClock(2);
    const second = open();
    expect(second.fromDemo).toBe(false);
    expect(second.sheet("Creators").getRange(2, 1).getValue()).toBe("@renamed");
    expect(second.today()).toBe("2026-11-27");
    const reset = open(true);
    expect(reset.fromDemo).toBe(true);
    expect(reset.sheet("Creators").getRange(2, 1).getValue()).not.toBe("@renamed");
  });

  it("refuses a corrupt file and leaves it untouched", () => {
    writeFileSync(statePath, '{"version": 1, "now": "yesterday"');
    expect(() => open()).toThrow(CorruptStateError);
    expect(() => open()).toThrow(statePath);
    expect(readFileSync(statePath, "utf8")).toBe('{"version": 1, "now": "yesterday"');
    writeFileSync(statePath, JSON.stringify({ version: 7 }));
    expect(() => readState(statePath)).toThrow(/not a workbench state/);
    expect(readFileSync(statePath, "utf8")).toBe(JSON.stringify({ version: 7 }));
  });

  it("is replaced whole, never half-written", () => {
    const session = open();
    const state = session.emulator.toJSON();
    writeStateAtomically(statePath, state);
    expect(readState(statePath)?.spreadsheet.name).toBe("Campaign Desk demo");
    expect(readState(join(dir, "missing.json"))).toBeNull();
  });
});

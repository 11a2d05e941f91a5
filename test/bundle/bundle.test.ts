/**
 * build/Code.js, exactly as clasp pushes it, loaded into node:vm with the emulator as globals.
 * `npm test` builds before running the tests.
 */
import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import { TABS } from "../../src/workbook/schema";
import { builtCode, loadBundle } from "../support/bundle";

const code = builtCode();
const topLevelFunctions = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(([^)]*)\)/gm)].map((match) => ({
  name: match[1] ?? "",
  params: (match[2] ?? "")
    .split(",")
    .map((param) => param.trim())
    .filter(Boolean),
}));
/** The menu's items (captions and functions), leaving separators out. */
function menuItems(bundle: ReturnType<typeof loadBundle>) {
  return (bundle.emulator.ui.menus.at(-1)?.items ?? []).flatMap((item) =>
    item.kind === "item" ? [item] : [],
  );
}

const CELL_FUNCTIONS = [
  "APPLIED_RATE",
  "EFFECTIVE_COMMISSION",
  "PAYOUT_STATUS",
  "SAMPLE_STATUS",
  "AD_USABLE_UNTIL",
  "AUTH_STATUS",
  "WINDOW_STATUS",
];

describe("the bundle contract", () => {
  it("declares every entry point and cell function once, as a top-level function", () => {
    const names = topLevelFunctions.map((fn) => fn.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      "onOpen",
      "onInstall",
      "setUpWorkbookFromMenu",
      "runChecksFromMenu",
      "runDailyChecks",
      ...CELL_FUNCTIONS,
    ]) {
      expect(names).toContain(name);
    }
    const bundle = loadBundle();
    for (const name of names) expect(bundle.has(name)).toBe(true);
  });

  it("keeps each custom function's JSDoc, with its parameters declared by name", () => {
    for (const name of CELL_FUNCTIONS) {
      const at = code.indexOf(`\nfunction ${name}(`);
      const jsdoc = code.slice(code.lastIndexOf("/**", at), at);
      const params = topLevelFunctions.find((fn) => fn.name === name)?.params ?? [];
      expect(params.length).toBeGreaterThan(0);
      expect(jsdoc).toContain("@customfunction");
      expect(jsdoc).toMatch(/Example: =/);
      expect(jsdoc).toContain("@return");
      for (const param of params) expect(jsdoc).toContain(`@param {*} ${param} `);
    }
  });

  it("ships the help texts only once, in the JSDoc", () => {
    const summary = "The one commission rate a creator earns";
    expect(code.split(summary).length - 1).toBe(1);
  });

  it("references no Apps Script service outside those the manifest's scopes allow", () => {
    expect(code).not.toMatch(/\b(UrlFetchApp|DriveApp|GmailApp|DocumentApp|CalendarApp)\b/);
  });
});

describe("the menu", () => {
  it("builds in AuthMode.NONE, and every item names a top-level function", () => {
    const bundle = loadBundle();
    bundle.emulator.context = "open-none";
    const { AuthMode } = bundle.emulator.globals.ScriptApp;
    bundle.call("onOpen", { authMode: AuthMode.NONE });
    expect(bundle.emulator.ui.menus.at(-1)?.addon).toBe(true);
    const items = menuItems(bundle);
    expect(items.map((item) => item.caption)).toContain("Set up workbook");
    expect(items.map((item) => item.caption)).toContain("Daily alerts status");
    for (const item of items) expect(bundle.has(item.functionName)).toBe(true);
  });

  it("shows whether daily alerts are on once it may read triggers", () => {
    const bundle = loadBundle();
    bundle.call("onOpen");
    expect(menuItems(bundle).map((item) => item.caption)).toContain("Daily alerts: off");
    bundle.call("turnOnDailyAlertsFromMenu");
    bundle.call("turnOnDailyAlertsFromMenu");
    expect(
      bundle.emulator.triggers.list().filter((trigger) => trigger.handler === "runDailyChecks"),
    ).toHaveLength(1);
    expect(menuItems(bundle).map((item) => item.caption)).toContain(
      "Daily alerts: on at 08:00, set up by owner@example.com",
    );
    bundle.call("turnOffDailyAlertsFromMenu");
    expect(bundle.emulator.triggers.list()).toHaveLength(0);
    expect(menuItems(bundle).map((item) => item.caption)).toContain(
      "Daily alerts: off (turned off by owner@example.com)",
    );
  });
});

describe("Set up workbook through the menu handler", () => {
  it("creates every tab with its headers, then a second run writes nothing", () => {
    const bundle = loadBundle();
    bundle.call("setUpWorkbookFromMenu");
    for (const tab of TABS) {
      const sheet = bundle.emulator.spreadsheet.getSheetByName(tab.name);
      expect(sheet, tab.name).not.toBeNull();
      const headers = bundle.emulator.values(tab.name)[0] ?? [];
      expect(headers).toEqual(tab.columns.map((column) => column.header));
      if (tab.columns.length > 0) expect(sheet?.getFrozenRows()).toBe(1);
    }
    expect(bundle.emulator.ui.alerts.at(-1)?.message).toMatch(/^Campaign Desk is set up/);
    const settings = bundle.emulator.values("Settings");
    expect(settings.map((row) => row[0])).toContain("Alert lead days");

    bundle.emulator.calls.reset();
    bundle.call("setUpWorkbookFromMenu");
    expect(bundle.emulator.calls.writes()).toBe(0);
    expect(bundle.emulator.ui.alerts.at(-1)?.message).toMatch(/already set up/);
  });

  it("adopts a team's tabs in a few calls per tab: notes in one write, each kind of rule built once", () => {
    const bundle = loadBundle();
    // The team's own tabs: their headers only, no notes, no validation.
    for (const tab of TABS.filter((candidate) => !candidate.generated)) {
      bundle.emulator.seed(tab.name, [
        tab.columns.filter((column) => !column.owned).map((column) => column.header),
      ]);
    }
    bundle.emulator.calls.reset();
    bundle.call("setUpWorkbookFromMenu");
    const calls = bundle.emulator.calls.byMethod();
    const adopted = TABS.filter((tab) => !tab.generated).length;
    expect(calls["Range.setNote"]).toBeUndefined();
    expect(calls["Range.setNotes"]).toBe(adopted);
    // One rule per kind of column (a list per set of choices, dates, emails, numbers), not per column.
    const kinds = new Set(
      TABS.flatMap((tab) => tab.columns)
        .filter((column) => !column.owned)
        .map((column) => (column.choices ? `list:${column.choices.join()}` : column.kind)),
    );
    expect(calls["DataValidationBuilder.build"]).toBeLessThanOrEqual(kinds.size);
    expect(bundle.emulator.spreadsheet.getSheetByName("Campaigns")?.getRange(1, 1).getNote()).toBe(
      TABS.find((tab) => tab.name === "Campaigns")?.columns[0]?.note,
    );
  });

  it("formats new money columns in the Settings currency, and in USD when that value is bad", () => {
    for (const [currency, format] of [
      ["EUR", "€#,##0.00"],
      ["dollars", "$#,##0.00"],
    ]) {
      const bundle = loadBundle();
      bundle.emulator.seed("Settings", [
        ["Key", "Value"],
        ["Currency", currency],
      ]);
      bundle.call("setUpWorkbookFromMenu");
      const price = (bundle.emulator.values("Products")[0] ?? []).indexOf("Price") + 1;
      expect(
        bundle.emulator.spreadsheet.getSheetByName("Products")?.getRange(2, price).getNumberFormat(),
      ).toBe(format);
    }
  });

  it("waits for the document lock and says so when another run holds it", () => {
    const bundle = loadBundle();
    bundle.emulator.holdLock("document");
    expect(() => bundle.call("setUpWorkbookFromMenu")).toThrow(/Lock timeout/);
    expect(bundle.emulator.spreadsheet.getSheetByName("Campaigns")).toBeNull();
  });
});

describe("custom functions as top-level globals", () => {
  it("compute from single cells and whole columns in the custom-function context", () => {
    const bundle = loadBundle({ timeZone: "America/Los_Angeles", now: new Date("2026-11-25T18:00:00Z") });
    bundle.emulator.context = "custom-function";
    expect(bundle.call("APPLIED_RATE", 0.1, 0.15)).toBe(0.1);
    expect(bundle.call("PAYOUT_STATUS", "Flat fee + commission", "2026-11-22", "", "")).toBe(
      "Content overdue by 3 days",
    );
    expect(
      bundle.call(
        "WINDOW_STATUS",
        [["2026-11-20"], ["2026-12-01"], [""]],
        [["2026-11-30"], ["2026-12-20"], [""]],
      ),
    ).toEqual([["Ending in 5 days"], ["Upcoming, starts in 6 days"], [""]]);
    expect(() => bundle.call("APPLIED_RATE", "lots", 0.15)).toThrow(/target_rate/);
    expect(bundle.emulator.calls.writes()).toBe(0);
  });
});

describe("a daily run through the top-level trigger function", () => {
  const today = new Date("2026-11-25T17:00:00Z");
  function demoBundle() {
    const bundle = loadBundle({ timeZone: "America/Los_Angeles", now: today });
    for (const [tab, rows] of Object.entries(demoWorkbook({ today, timeZone: "America/Los_Angeles" }).tabs)) {
      bundle.emulator.seed(tab, rows);
    }
    bundle.call("setUpWorkbookFromMenu");
    return bundle;
  }

  it("fills the owned columns, rebuilds the operating view and mails the digest once a day", () => {
    const bundle = demoBundle();
    bundle.emulator.context = "trigger";
    bundle.call("runDailyChecks", { authMode: bundle.emulator.globals.ScriptApp.AuthMode.FULL });
    const collabs = bundle.emulator.values("Collaborations");
    const header = collabs[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    const overdue = collabs.find((row) => row[at("Collab ID")] === "K-0014");
    expect(String(overdue?.[at("Payout status")])).toMatch(/^Content overdue by 3 days/);
    expect(String(overdue?.[at("Alerts")])).toMatch(/^High: /);
    expect(bundle.emulator.values("Operations").length).toBeGreaterThan(2);

    const sent = bundle.emulator.outbox.length;
    expect(sent).toBeGreaterThan(0);
    expect(bundle.emulator.outbox.flatMap((mail) => mail.to)).toEqual(
      expect.arrayContaining(["ops-lead@example.com", "finance@example.com"]),
    );
    bundle.call("runDailyChecks");
    expect(bundle.emulator.outbox.length).toBe(sent);
  });
});

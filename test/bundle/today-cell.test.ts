/**
 * CampaignDeskToday: the non-volatile today that custom functions reference instead of TODAY()
 * (Sheets refuses volatile functions as custom-function arguments). Setup creates it; each
 * check run refreshes it only when the day changed, with one write.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import { BUILD_DIR, type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z"); // 09:00 in Los Angeles

function setUp(): LoadedBundle {
  const bundle = loadBundle({ timeZone, now });
  for (const [name, rows] of Object.entries(demoWorkbook({ today: now, timeZone }).tabs)) {
    bundle.emulator.seed(name, rows);
  }
  bundle.call("setUpWorkbookFromMenu");
  return bundle;
}

function todayCell(bundle: LoadedBundle) {
  const range = bundle.emulator.spreadsheet.getRangeByName("CampaignDeskToday");
  if (!range) throw new Error("no CampaignDeskToday");
  return range;
}

function runDaily(bundle: LoadedBundle) {
  bundle.emulator.calls.reset();
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
  return { calls: bundle.emulator.calls.count(), writes: bundle.emulator.calls.writeList() };
}

describe("CampaignDeskToday", () => {
  it("is created by setup: the Settings row Today holds today as a date cell, under the name", () => {
    const bundle = setUp();
    const cell = todayCell(bundle);
    expect(cell.getSheet().getName()).toBe("Settings");
    const row = cell.getSheet().getRange(cell.getRow(), 1, 1, 2).getValues()[0];
    expect(row?.[0]).toBe("Today");
    expect(cell.getDisplayValue()).toBe("2026-11-25");
    expect(cell.getNumberFormat()).toBe("yyyy-mm-dd");
    expect(bundle.emulator.ui.alerts.at(-1)?.message).toContain("Formulas can use CampaignDeskToday");
    // Its Check cell stays empty: Today is a key Campaign Desk knows.
    runDaily(bundle);
    const settings = bundle.emulator.values("Settings");
    const check = (settings[0] ?? []).indexOf("Check");
    expect(settings[cell.getRow() - 1]?.[check]).toBe("");
  });

  it("keeps setup idempotent: a second setup writes nothing", () => {
    const bundle = setUp();
    bundle.emulator.calls.reset();
    bundle.call("setUpWorkbookFromMenu");
    expect(bundle.emulator.calls.writeList().filter((call) => !call.startsWith("Ui."))).toEqual([]);
    expect(bundle.emulator.ui.alerts.at(-1)?.message).not.toContain("CampaignDeskToday");
  });

  it("costs a run nothing on the same day, and one write (plus a confirming read) the next day", () => {
    const bundle = setUp();
    const sameDay = runDaily(bundle);
    expect(sameDay.writes.filter((call) => call === "Range.setValue")).toEqual([]);
    // The calls made on the Settings tab (other tabs' owned columns change with the day too).
    const settingsCalls = () => {
      const seen: string[] = [];
      const stop = bundle.emulator.hooks.afterCall((call) => {
        if (call.sheet === "Settings") seen.push(`${call.service}.${call.method}`);
      });
      bundle.call("refreshOperatingViewFromMenu");
      stop();
      return seen;
    };
    const again = settingsCalls();
    bundle.emulator.clock.advanceDays(1);
    const nextDay = settingsCalls();
    expect(todayCell(bundle).getDisplayValue()).toBe("2026-11-26");
    // One confirming read (the Key and Value headers and the Today key) right before the one write
    // of its value.
    const extra = [...nextDay];
    for (const call of again) extra.splice(extra.indexOf(call), 1);
    expect(extra).toEqual(["Sheet.getRange", "Sheet.getRange", "Range.getValues", "Range.setValue"]);
    expect(nextDay.length).toBe(again.length + 4);
  });

  it("rebinds the name when setup finds the Today row elsewhere, and adds the row to an older workbook", () => {
    const bundle = setUp();
    const settings = bundle.emulator.spreadsheet.getSheetByName("Settings");
    if (!settings) throw new Error("no Settings");
    const row = todayCell(bundle).getRow();
    settings.deleteRow(row);
    // The name still points at the old place; the next setup appends Today again and moves the name.
    bundle.call("setUpWorkbookFromMenu");
    const moved = todayCell(bundle);
    expect(settings.getRange(moved.getRow(), 1).getValue()).toBe("Today");
    expect(moved.getDisplayValue()).toBe("2026-11-25");
  });

  it("never writes a moved row: a person sorting Settings during the run leaves it for the next run", () => {
    const bundle = setUp();
    bundle.emulator.clock.advanceDays(1);
    let done = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (done || call.method !== "getValues" || call.sheet !== "Settings") return;
      done = true;
      bundle.emulator.uncounted(() => {
        const sheet = bundle.emulator.spreadsheet.getSheetByName("Settings");
        sheet?.insertRowBefore(2);
      });
    });
    const { writes } = runDaily(bundle);
    stop();
    expect(done).toBe(true);
    expect(writes.filter((call) => call === "Range.setValue")).toEqual([]);
    // Nothing was written over the row that moved into the Today row's place.
    const values = bundle.emulator.values("Settings");
    expect(values.filter((line) => line[0] === "Today").length).toBe(1);
  });

  describe("after someone sorts Settings (a sort moves values, the name stays on its cell)", () => {
    /** Sorts Settings' rows under the header as a person does, by Key or by Value (uncounted). */
    function sortSettings(bundle: LoadedBundle, column: number, ascending: boolean) {
      bundle.emulator.uncounted(() => {
        const sheet = bundle.emulator.spreadsheet.getSheetByName("Settings");
        if (!sheet) throw new Error("no Settings");
        sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column, ascending });
      });
    }
    const keyOf = (bundle: LoadedBundle, row: number) => bundle.emulator.values("Settings")[row - 1]?.[0];
    const namedKey = (bundle: LoadedBundle) => keyOf(bundle, todayCell(bundle).getRow());
    /** Settings as a person sees it, without the Today row (its value may change). */
    const otherRows = (bundle: LoadedBundle) =>
      bundle.emulator
        .values("Settings")
        .filter((row) => row[0] !== "Today")
        .map((row) => JSON.stringify(row));

    for (const [label, column, ascending] of [
      ["by Key, Z to A", 1, false],
      ["by Value, A to Z", 2, true],
      ["by Value, Z to A", 2, false],
    ] as const) {
      it(`${label}: the next run moves the name to the Today row, and the run after asks nothing`, () => {
        const bundle = setUp();
        runDaily(bundle);
        const before = todayCell(bundle).getA1Notation();
        sortSettings(bundle, column, ascending);
        // The name now points at another key's value, as in Sheets.
        expect(todayCell(bundle).getA1Notation()).toBe(before);
        expect(namedKey(bundle)).not.toBe("Today");
        const others = otherRows(bundle);
        const moved = runDaily(bundle);
        expect(namedKey(bundle)).toBe("Today");
        expect(todayCell(bundle).getDisplayValue()).toBe("2026-11-25");
        expect(moved.writes.filter((call) => call === "Spreadsheet.setNamedRange")).toHaveLength(1);
        // Today still held today: nothing written on Settings, no other key's value touched.
        expect(moved.writes.filter((call) => call === "Range.setValue")).toEqual([]);
        expect(otherRows(bundle)).toEqual(others);
        // In place now: the same-day run asks nothing of the name or of Settings beyond its read.
        const again = runDaily(bundle);
        expect(again.writes.filter((call) => call === "Spreadsheet.setNamedRange")).toEqual([]);
        // The one run that moved it: the Today range, its confirming read (range, read), the name.
        expect(moved.calls - again.calls).toBe(4);
      });
    }

    it("on a new day: today is written in the Today row, never in the cell the name was on", () => {
      const bundle = setUp();
      sortSettings(bundle, 1, false);
      expect(namedKey(bundle)).not.toBe("Today");
      const others = otherRows(bundle);
      bundle.emulator.clock.advanceDays(1);
      const { writes } = runDaily(bundle);
      expect(namedKey(bundle)).toBe("Today");
      expect(todayCell(bundle).getDisplayValue()).toBe("2026-11-26");
      expect(todayCell(bundle).getNumberFormat()).toBe("yyyy-mm-dd");
      expect(writes.filter((call) => call === "Range.setValue")).toHaveLength(1);
      expect(otherRows(bundle)).toEqual(others);
      // A formula reading the name sees today.
      expect(bundle.call("WINDOW_STATUS", "2026-12-01", "2026-12-31", todayCell(bundle).getValue())).toBe(
        "Upcoming, starts in 5 days",
      );
    });

    it("a sort during the run leaves the name alone; the next run moves it", () => {
      const bundle = setUp();
      let done = false;
      const stop = bundle.emulator.hooks.afterCall((call) => {
        if (done || call.method !== "getValues" || call.sheet !== "Settings") return;
        done = true;
        sortSettings(bundle, 1, false);
      });
      runDaily(bundle);
      stop();
      expect(done).toBe(true);
      expect(namedKey(bundle)).not.toBe("Today");
      runDaily(bundle);
      expect(namedKey(bundle)).toBe("Today");
    });

    it("setup run after the sort moves the name too, and the runs after it ask nothing", () => {
      const bundle = setUp();
      sortSettings(bundle, 2, true);
      expect(namedKey(bundle)).not.toBe("Today");
      bundle.call("setUpWorkbookFromMenu");
      expect(namedKey(bundle)).toBe("Today");
      expect(runDaily(bundle).writes.filter((call) => call === "Spreadsheet.setNamedRange")).toEqual([]);
    });
  });

  it("works as a custom-function argument where TODAY() is refused", () => {
    const bundle = setUp();
    const today = todayCell(bundle).getValue() as Date;
    expect(bundle.call("WINDOW_STATUS", "2026-12-01", "2026-12-31", today)).toBe(
      "Upcoming, starts in 6 days",
    );
  });
});

describe("the custom functions' help", () => {
  it("tells people to pass CampaignDeskToday, never the volatile TODAY(), in the bundle's stubs", () => {
    const code = readFileSync(join(BUILD_DIR, "Code.js"), "utf8");
    const todayParams = code.match(/^ \* @param \{\*\} today .*$/gm) ?? [];
    const examples = code.match(/^ \* Example: .*$/gm) ?? [];
    expect(todayParams.length).toBe(3);
    for (const line of todayParams) {
      expect(line).toContain("pass CampaignDeskToday");
      expect(line).not.toMatch(/usually TODAY\(\)/);
    }
    expect(examples.length).toBe(8);
    for (const line of examples) expect(line).not.toContain("TODAY()");
    expect(examples.filter((line) => line.includes("CampaignDeskToday"))).toHaveLength(3);
  });
});

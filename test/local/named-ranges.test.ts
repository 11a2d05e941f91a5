/**
 * Named ranges and the spreadsheet locale, as Apps Script offers them (typed through the
 * @types/google-apps-script globals, so a signature the add-on could not call fails to compile).
 */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/local/index";

function settingsTab() {
  const emulator = createEmulator({ timeZone: "Europe/Berlin" });
  emulator.seed("Settings", [
    ["Key", "Value"],
    ["Currency", "EUR"],
    ["Today", ""],
  ]);
  const ss = emulator.globals.SpreadsheetApp.getActive();
  return { emulator, ss, sheet: ss.getSheetByName("Settings") as GoogleAppsScript.Spreadsheet.Sheet };
}

describe("named ranges", () => {
  it("binds a name to a block, finds it case-insensitively, and counts each call", () => {
    const { emulator, ss, sheet } = settingsTab();
    emulator.calls.reset();
    ss.setNamedRange("CampaignDeskToday", sheet.getRange("B3"));
    const found = ss.getRangeByName("campaigndesktoday");
    expect(found?.getA1Notation()).toBe("B3");
    expect(found?.getSheet().getName()).toBe("Settings");
    expect(ss.getRangeByName("Nothing")).toBeNull();
    expect(emulator.calls.byMethod()).toMatchObject({
      "Spreadsheet.setNamedRange": 1,
      "Spreadsheet.getRangeByName": 2,
    });
    expect(emulator.calls.writeList()).toEqual(["Spreadsheet.setNamedRange"]);
  });

  it("rebinds an existing name instead of adding a second one", () => {
    const { ss, sheet } = settingsTab();
    ss.setNamedRange("Today_cell", sheet.getRange("B2"));
    ss.setNamedRange("TODAY_CELL", sheet.getRange("B3:B4"));
    expect(ss.getNamedRanges().map((named) => named.getName())).toEqual(["Today_cell"]);
    expect(ss.getRangeByName("Today_cell")?.getA1Notation()).toBe("B3:B4");
  });

  it("refuses names Sheets refuses", () => {
    const { ss, sheet } = settingsTab();
    const cell = sheet.getRange("B3");
    for (const bad of [
      "",
      "1st",
      "two words",
      "A1",
      "ab12",
      "R1C1",
      "rc",
      "TRUE",
      "false",
      "a-b",
      "x".repeat(251),
    ]) {
      expect(() => ss.setNamedRange(bad, cell), bad).toThrow("Invalid argument: name");
    }
    for (const good of ["_today", "Today2026x", "CampaignDeskToday", "ABCD1"]) {
      expect(() => ss.setNamedRange(good, cell), good).not.toThrow();
    }
  });

  it("renames, moves and removes through NamedRange, and drops the names of a deleted tab", () => {
    const { ss, sheet } = settingsTab();
    ss.setNamedRange("One", sheet.getRange("A1"));
    ss.setNamedRange("Two", sheet.getRange("A2"));
    const [one, two] = ss.getNamedRanges();
    expect(() => one?.setName("two")).toThrow('A named range with the name "two" already exists.');
    one?.setName("First").setRange(sheet.getRange("C5"));
    expect(ss.getRangeByName("First")?.getA1Notation()).toBe("C5");
    two?.remove();
    expect(ss.getNamedRanges().map((named) => named.getName())).toEqual(["First"]);
    expect(() => ss.removeNamedRange("Two")).toThrow('The named range "Two" does not exist.');
    const other = ss.insertSheet("Other");
    ss.setNamedRange("OnOther", other.getRange("A1"));
    ss.deleteSheet(other);
    expect(ss.getRangeByName("OnOther")).toBeNull();
    ss.removeNamedRange("first");
    expect(ss.getNamedRanges()).toEqual([]);
  });

  it("stay on their cells when a sort moves the values, as in Sheets (a sort moves cells' contents, never names)", () => {
    const { ss, sheet } = settingsTab();
    ss.setNamedRange("CampaignDeskToday", sheet.getRange("B3"));
    sheet.getRange("B3").setNumberFormat("yyyy-mm-dd");
    // By Key, descending: Today (row 3) comes first, Currency after it.
    sheet.getRange(2, 1, 2, 2).sort({ column: 1, ascending: false });
    expect(sheet.getRange("A2:B3").getValues()).toEqual([
      ["Today", ""],
      ["Currency", "EUR"],
    ]);
    const named = ss.getRangeByName("CampaignDeskToday");
    expect(named?.getA1Notation()).toBe("B3");
    expect(named?.getValue()).toBe("EUR");
    // The value's format went with it.
    expect(sheet.getRange("B2").getNumberFormat()).toBe("yyyy-mm-dd");
  });

  it("survive saving and restoring the emulator", () => {
    const { emulator, ss, sheet } = settingsTab();
    ss.setNamedRange("CampaignDeskToday", sheet.getRange("B3"));
    const restored = createEmulator({ state: JSON.parse(JSON.stringify(emulator.toJSON())) });
    expect(restored.spreadsheet.getRangeByName("CampaignDeskToday")?.getA1Notation()).toBe("B3");
  });
});

describe("the spreadsheet locale", () => {
  it("is en_US by default, set by an option or setSpreadsheetLocale, and saved", () => {
    expect(createEmulator().spreadsheet.getSpreadsheetLocale()).toBe("en_US");
    const german = createEmulator({ locale: "de_DE" });
    expect(german.globals.SpreadsheetApp.getActive().getSpreadsheetLocale()).toBe("de_DE");
    german.globals.SpreadsheetApp.getActive().setSpreadsheetLocale("pt_BR");
    expect(german.calls.writeList()).toEqual(["Spreadsheet.setSpreadsheetLocale"]);
    const restored = createEmulator({ state: JSON.parse(JSON.stringify(german.toJSON())) });
    expect(restored.spreadsheet.getSpreadsheetLocale()).toBe("pt_BR");
    expect(() => german.spreadsheet.setSpreadsheetLocale("German")).toThrow("Invalid argument: locale");
    // Sheets has region codes too (Spanish for Latin America).
    german.spreadsheet.setSpreadsheetLocale("es_419");
    expect(german.spreadsheet.getSpreadsheetLocale()).toBe("es_419");
  });
});

import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createEmulator, type EmulatorState } from "../../src/local/index";

describe("call counting", () => {
  it("counts each method called through globals once, by Class.method", () => {
    const emulator = createEmulator();
    const { SpreadsheetApp } = emulator.globals;
    const sheet = SpreadsheetApp.getActive().insertSheet("Tab");
    const range = sheet.getRange(1, 1, 2, 2);
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).build();
    expect(emulator.calls.byMethod()).toEqual({
      "DataValidationBuilder.build": 1,
      "DataValidationBuilder.requireDate": 1,
      "DataValidationBuilder.setAllowInvalid": 1,
      "Range.getValues": 2,
      "Range.setValues": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.insertSheet": 1,
      "SpreadsheetApp.getActive": 1,
      "SpreadsheetApp.newDataValidation": 1,
    });
    expect(emulator.calls.count()).toBe(10);
    expect(emulator.calls.count("Range.getValues")).toBe(2);
    expect(emulator.calls.count("Range.clear")).toBe(0);
    // insertSheet and setValues change the document; builder setters do not.
    expect(emulator.calls.writes()).toBe(2);
    expect(emulator.calls.writeList()).toEqual(["Spreadsheet.insertSheet", "Range.setValues"]);
    emulator.calls.reset();
    expect([emulator.calls.count(), emulator.calls.writes()]).toEqual([0, 0]);
  });

  it("does not count the direct spreadsheet handle, seed, values or uncounted()", () => {
    const emulator = createEmulator();
    emulator.seed("Products", [
      ["SKU", "Price"],
      ["A-1", "12.50"],
    ]);
    emulator.spreadsheet.getSheetByName("Products")?.getRange("A3").setValue("B-2");
    expect(emulator.values("Products")).toEqual([
      ["SKU", "Price"],
      ["A-1", 12.5],
      ["B-2", ""],
    ]);
    emulator.uncounted(() => emulator.globals.SpreadsheetApp.getActive().getSheets());
    expect(emulator.calls.count()).toBe(0);
  });

  it("keeps object identity through the proxies and accepts them back", () => {
    const emulator = createEmulator();
    const ss = emulator.globals.SpreadsheetApp.getActive();
    expect(emulator.globals.SpreadsheetApp.getActive()).toBe(ss);
    const tab = ss.insertSheet("T");
    ss.setActiveSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
    expect(ss.getActiveSheet().getName()).toBe("Sheet1");
    ss.deleteSheet(tab);
    expect(ss.getSheets().length).toBe(1);
  });

  it("counts calls made by code in a vm context the same way", () => {
    const emulator = createEmulator();
    const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
    vm.runInContext(
      `function f(){ var s = SpreadsheetApp.getActive().insertSheet("X"); s.getRange(1,1).setValue("a"); return s.getRange("A1").getValue(); }`,
      context,
    );
    expect(vm.runInContext("f()", context)).toBe("a");
    expect(emulator.calls.count("Sheet.getRange")).toBe(2);
    expect(emulator.calls.count()).toBe(6);
    expect(emulator.calls.writes()).toBe(2);
  });
});

describe("cells moved per call", () => {
  it("counts the cells each read returned and each write covered, by Class.method", () => {
    const emulator = createEmulator();
    const { SpreadsheetApp } = emulator.globals;
    const sheet = SpreadsheetApp.getActive().insertSheet("Tab");
    sheet.getRange(1, 1, 3, 2).setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.getRange(1, 1, 2, 4).setBackground("#ffffff");
    sheet.appendRow(["a", "b", "c"]);
    sheet.getDataRange().getValues();
    sheet.getRange("B2").getValue();
    sheet.getRange(1, 1, 1, 2).getNotes();
    sheet.getRange(1, 1).getRow();
    expect(emulator.calls.cellsByMethod()).toEqual({
      "Range.getNotes": { read: 2, written: 0 },
      "Range.getValue": { read: 1, written: 0 },
      "Range.getValues": { read: 12, written: 0 },
      "Range.setBackground": { read: 0, written: 8 },
      "Range.setValues": { read: 0, written: 6 },
      "Sheet.appendRow": { read: 0, written: 3 },
    });
    expect([emulator.calls.cells().read, emulator.calls.cells().written]).toEqual([15, 17]);
    emulator.calls.reset();
    expect([emulator.calls.cells().read, emulator.calls.cells().written]).toEqual([0, 0]);
    expect(emulator.calls.cellsByMethod()).toEqual({});
  });

  it("counts a sheet-wide clear as the used area it emptied, structure as no cell", () => {
    const emulator = createEmulator();
    emulator.seed("Tab", [
      ["a", "b", "c"],
      [1, 2, 3],
    ]);
    const sheet = emulator.globals.SpreadsheetApp.getActive().getSheetByName("Tab");
    sheet?.insertRowsAfter(2, 5);
    sheet?.setFrozenRows(1);
    sheet?.setConditionalFormatRules([]);
    sheet?.clear();
    sheet?.clear();
    expect(emulator.calls.cellsByMethod()).toEqual({ "Sheet.clear": { read: 0, written: 6 } });
    expect(emulator.calls.count("Sheet.clear")).toBe(2);
  });

  it("counts a call that threw, but no cells for it", () => {
    const emulator = createEmulator();
    const sheet = emulator.globals.SpreadsheetApp.getActive().insertSheet("Tab");
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1]])).toThrow();
    expect(emulator.calls.count("Range.setValues")).toBe(1);
    expect(emulator.calls.cells().written).toBe(0);
  });
});

describe("hooks", () => {
  it("runs afterCall between service calls, so a test can edit mid-run", () => {
    const emulator = createEmulator();
    const sheet = emulator.seed("Data", [["a"], ["b"]]);
    const seen: string[] = [];
    const stop = emulator.hooks.afterCall((call) => {
      seen.push(`${call.service}.${call.method}@${call.sheet ?? "-"}`);
      if (call.method === "getValues") sheet.insertRowBefore(1);
    });
    const tab = emulator.globals.SpreadsheetApp.getActive().getSheetByName("Data");
    const before = tab?.getRange("A1:A2").getValues();
    const after = tab?.getRange("A1:A3").getValues();
    stop();
    tab?.getLastRow();
    expect(before).toEqual([["a"], ["b"]]);
    expect(after).toEqual([[""], ["a"], ["b"]]);
    expect(seen).toEqual([
      "SpreadsheetApp.getActive@-",
      "Spreadsheet.getSheetByName@-",
      "Sheet.getRange@Data",
      "Range.getValues@Data",
      "Sheet.getRange@Data",
      "Range.getValues@Data",
    ]);
  });
});

describe("clock and DateClass", () => {
  it("makes new Date() and Date.now() read the emulator clock, and instanceof Date hold both ways", () => {
    const emulator = createEmulator({
      now: new Date("2026-03-07T16:00:00Z"),
      timeZone: "America/Los_Angeles",
    });
    const context = vm.createContext({
      ...emulator.globals,
      Date: emulator.DateClass,
      hostDate: new Date(0),
    });
    expect(vm.runInContext("new Date().toISOString()", context)).toBe("2026-03-07T16:00:00.000Z");
    expect(vm.runInContext("Date.now()", context)).toBe(Date.parse("2026-03-07T16:00:00Z"));
    expect(vm.runInContext("new Date(2020, 0, 1).getFullYear()", context)).toBe(2020);
    expect(vm.runInContext("typeof Date()", context)).toBe("string");
    expect(vm.runInContext("hostDate instanceof Date", context)).toBe(true);
    expect(vm.runInContext("new Date() instanceof Date", context)).toBe(true);
    expect(vm.runInContext("new Date()", context)).toBeInstanceOf(Date);
    expect(vm.runInContext("Date.UTC(2026, 0, 1)", context)).toBe(Date.UTC(2026, 0, 1));
    // Calendar days in the zone: 08:00 PST stays 08:00 PDT across the March 8 switch.
    emulator.clock.advanceDays(2);
    expect(emulator.clock.now().toISOString()).toBe("2026-03-09T15:00:00.000Z");
    expect(vm.runInContext("new Date().toISOString()", context)).toBe("2026-03-09T15:00:00.000Z");
  });
});

describe("toJSON and restore", () => {
  it("round-trips the workbook, properties, triggers, mail and ui through JSON", () => {
    const emulator = createEmulator({ timeZone: "Europe/Paris", now: new Date("2026-03-10T09:00:00Z") });
    const { SpreadsheetApp, PropertiesService, ScriptApp, MailApp } = emulator.globals;
    const sheet = SpreadsheetApp.getActive().insertSheet("Campaigns");
    sheet.getRange("A1:C2").setValues([
      ["Name", "Start", "Rate"],
      ["Spring", "2026-04-01", "15%"],
    ]);
    sheet.getRange("A1").setNote("The campaign name");
    sheet.getRange("D2").setFormula("=B2+1");
    sheet.setFrozenRows(1);
    sheet.hideColumns(3);
    const list = SpreadsheetApp.newDataValidation()
      .requireValueInList(["Spring", "Fall"])
      .setHelpText("Pick")
      .build();
    sheet.getRange("A2:A5").setDataValidation(list);
    sheet
      .getRange("E2")
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange("A2:A5")).build(),
      );
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground("#eeeeee")
        .setRanges([sheet.getRange("B2:B9")])
        .build(),
    ]);
    PropertiesService.getDocumentProperties().setProperty("schema", "3");
    ScriptApp.newTrigger("daily").timeBased().atHour(7).everyDays(1).create();
    MailApp.sendEmail("a@example.com", "Digest", "Body");
    SpreadsheetApp.getUi().createAddonMenu().addItem("Set up", "setup").addToUi();

    const state = JSON.parse(JSON.stringify(emulator.toJSON())) as EmulatorState;
    const restored = createEmulator({ state });
    const tab = restored.spreadsheet.getSheetByName("Campaigns");
    expect(tab?.getSheetId()).toBe(sheet.getSheetId());
    const start = tab?.getRange("B2").getValue();
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(tab?.getRange("C2").getValue()).toBe(0.15);
    expect(tab?.getRange("C2").getNumberFormat()).toBe("0%");
    expect(tab?.getRange("A1").getNote()).toBe("The campaign name");
    expect(tab?.getRange("D2").getFormula()).toBe("=B2+1");
    expect([tab?.getFrozenRows(), tab?.isColumnHiddenByUser(3)]).toEqual([1, true]);
    const validation = tab?.getRange("A3").getDataValidation();
    expect(validation?.getCriteriaType()).toBe(
      restored.globals.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
    );
    expect([validation?.getCriteriaValues(), validation?.getHelpText()]).toEqual([
      [["Spring", "Fall"], true],
      "Pick",
    ]);
    const inRange = tab
      ?.getRange("E2")
      .getDataValidation()
      ?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(inRange.getA1Notation()).toBe("A2:A5");
    const rules = tab?.getConditionalFormatRules() ?? [];
    expect(rules[0]?.getBooleanCondition()?.getCriteriaType()).toBe(
      restored.globals.SpreadsheetApp.BooleanCriteria.CELL_EMPTY,
    );
    expect(rules[0]?.getRanges()[0]?.getA1Notation()).toBe("B2:B9");
    expect(restored.globals.PropertiesService.getDocumentProperties().getProperty("schema")).toBe("3");
    expect(restored.triggers.list().map((trigger) => [trigger.handler, trigger.atHour])).toEqual([
      ["daily", 7],
    ]);
    expect(restored.outbox[0]?.sentAt).toBeInstanceOf(Date);
    expect(restored.remainingMailQuota()).toBe(99);
    expect(restored.ui.menus[0]?.items).toEqual([{ kind: "item", caption: "Set up", functionName: "setup" }]);
    expect(restored.clock.now().toISOString()).toBe("2026-03-10T09:00:00.000Z");
    expect(restored.spreadsheet.getSpreadsheetTimeZone()).toBe("Europe/Paris");
    expect(restored.spreadsheet.getId()).toBe(emulator.spreadsheet.getId());
    // Sheet ids keep increasing after a restore.
    const next = restored.spreadsheet.insertSheet("Later");
    expect(next.getSheetId()).toBeGreaterThan(sheet.getSheetId());
    expect(JSON.stringify(restored.toJSON())).toContain('"$date"');
  });
});

describe("limits Google enforces", () => {
  it("refuses a cell over 50,000 characters and writes nothing of that call", () => {
    const emulator = createEmulator();
    emulator.seed("Data", [["keep", "keep"]]);
    const tab = emulator.globals.SpreadsheetApp.getActive().getSheetByName("Data");
    const long = "x".repeat(50_001);
    expect(() => tab?.getRange("A1:B1").setValues([["new", long]])).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(() => tab?.getRange("A1").setValue(long)).toThrow(/50000 characters/);
    expect(() => tab?.appendRow([long])).toThrow(/50000 characters/);
    expect(emulator.values("Data")).toEqual([["keep", "keep"]]);
    tab?.getRange("A1").setValue("x".repeat(50_000));
    expect(String(emulator.values("Data")[0]?.[0]).length).toBe(50_000);
  });
});

describe("cells moved", () => {
  it("counts the cells each grid read and write moved, per tab written", () => {
    const emulator = createEmulator();
    emulator.seed("Data", [
      ["a", "b", "c"],
      [1, 2, 3],
    ]);
    const tab = emulator.globals.SpreadsheetApp.getActive().getSheetByName("Data");
    tab?.getRange("A1:C2").getValues();
    tab?.getRange("A1:C2").getNumRows();
    tab?.getRange("B1:B2").setValues([["x"], ["y"]]);
    tab?.getRange("A3:C3").setBackground("#ff0000");
    tab?.appendRow([4, 5]);
    expect(emulator.calls.cells()).toEqual({ read: 6, written: 7, writtenBySheet: { Data: 7 } });
    emulator.calls.reset();
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 0, writtenBySheet: {} });
  });
});

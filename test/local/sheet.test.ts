import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/local/index";

function setup() {
  const emulator = createEmulator({ now: new Date("2026-03-10T15:00:00Z") });
  const SpreadsheetApp = emulator.globals.SpreadsheetApp;
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.insertSheet("Data");
  sheet.getRange("A1:C3").setValues([
    ["a1", "b1", "c1"],
    ["a2", "b2", "c2"],
    ["a3", "b3", "c3"],
  ]);
  sheet.getRange("B1").setNote("note B1");
  sheet.getRange("B2").setNote("note B2");
  const list = SpreadsheetApp.newDataValidation().requireValueInList(["x", "y"]).build();
  sheet.getRange("B2:B3").setDataValidation(list);
  sheet.getRange("C1").setBackground("#FF0000");
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo("b2")
    .setBackground("#00ff00")
    .setRanges([sheet.getRange("B2:B3")])
    .build();
  sheet.setConditionalFormatRules([rule]);
  return { emulator, SpreadsheetApp, ss, sheet };
}

const ruleRanges = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
  sheet.getConditionalFormatRules().map((rule) => rule.getRanges().map((range) => range.getA1Notation()));

describe("inserting and deleting", () => {
  it("shifts values, notes, validations, backgrounds and rule ranges when columns are inserted", () => {
    const { sheet } = setup();
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([["a1", "", "", "b1", "c1"]]);
    expect(sheet.getRange("D1:D2").getNotes()).toEqual([["note B1"], ["note B2"]]);
    expect(sheet.getRange("D2").getDataValidation()?.getCriteriaValues()).toEqual([["x", "y"], true]);
    expect(sheet.getRange("B2").getDataValidation()).toBeNull();
    expect(sheet.getRange("E1").getBackground()).toBe("#ff0000");
    expect(ruleRanges(sheet)).toEqual([["D2:D3"]]);
  });

  it("new columns copy the formats and validation of the column before, not values or notes", () => {
    const { sheet } = setup();
    sheet.insertColumnAfter(2);
    expect(sheet.getRange("C2").getDataValidation()).not.toBeNull();
    expect(sheet.getRange("C1:C3").getValues()).toEqual([[""], [""], [""]]);
    expect(sheet.getRange("C1:C2").getNotes()).toEqual([[""], [""]]);
    expect(sheet.getRange("D1").getValue()).toBe("c1");
  });

  it("shifts when rows are inserted and grows a rule range inserted into", () => {
    const { sheet } = setup();
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[""], ["a1"], ["a2"], ["a3"]]);
    expect(sheet.getRange("B3").getNote()).toBe("note B2");
    expect(ruleRanges(sheet)).toEqual([["B3:B4"]]);
    sheet.insertRowAfter(3);
    expect(ruleRanges(sheet)).toEqual([["B3:B5"]]);
    expect(sheet.getRange("A5").getValue()).toBe("a3");
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.insertRowAfter(5);
    expect(ruleRanges(sheet)).toEqual([["B3:B5"]]);
  });

  it("deletes columns and rows, shrinking and dropping rule ranges", () => {
    const { sheet } = setup();
    sheet.deleteColumn(1);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["b1", "c1"]]);
    expect(sheet.getRange("A2").getNote()).toBe("note B2");
    expect(ruleRanges(sheet)).toEqual([["A2:A3"]]);
    sheet.deleteRow(2);
    expect(sheet.getRange("A1:A2").getValues()).toEqual([["b1"], ["b3"]]);
    expect(ruleRanges(sheet)).toEqual([["A2"]]);
    expect(sheet.getRange("A2").getDataValidation()).not.toBeNull();
    sheet.deleteRows(2, 1);
    expect(ruleRanges(sheet)).toEqual([]);
    expect(sheet.getMaxRows()).toBe(998);
  });

  it("rejects out-of-bounds positions", () => {
    const { sheet } = setup();
    expect(() => sheet.insertColumnsAfter(27, 1)).toThrow("out of bounds");
    expect(() => sheet.deleteRows(999, 5)).toThrow("out of bounds");
    expect(() => sheet.deleteColumns(1, 26)).toThrow("You can't delete all the columns");
  });

  it("appends rows after the last row, interpreting input", () => {
    const { sheet } = setup();
    sheet.appendRow(["a4", "12", "'=x"]);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getRange("A4:C4").getValues()).toEqual([["a4", 12, "=x"]]);
  });
});

describe("the selection", () => {
  it("is A1 of the active sheet until a range is activated, then that range on its own sheet", () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    expect(SpreadsheetApp.getActiveRange()?.getA1Notation()).toBe("A1");
    expect(SpreadsheetApp.getActiveRange()?.getSheet().getName()).toBe("Data");
    sheet.getRange("B2:C3").activate();
    expect(SpreadsheetApp.getActiveRange()?.getA1Notation()).toBe("B2:C3");
    expect(ss.getActiveRange()?.getRow()).toBe(2);
    // Moving to another tab leaves that tab's selection behind.
    const other = ss.insertSheet("Other");
    other.activate();
    expect(SpreadsheetApp.getActiveRange()?.getSheet().getName()).toBe("Other");
    expect(SpreadsheetApp.getActiveRange()?.getA1Notation()).toBe("A1");
    ss.setActiveRange(sheet.getRange("C1"));
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe("Data");
    expect(SpreadsheetApp.getActiveRange()?.getA1Notation()).toBe("C1");
  });
});

describe("sheets", () => {
  it("inserts, finds, orders and deletes tabs", () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((tab) => tab.getName())).toEqual(["Sheet1", "Data"]);
    expect(() => ss.insertSheet("Data")).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet("data")).toThrow("already exists");
    const first = ss.insertSheet("First", 0);
    expect(first.getIndex()).toBe(1);
    expect(sheet.getIndex()).toBe(3);
    expect(ss.getSheetByName("Data")?.getSheetId()).toBe(sheet.getSheetId());
    expect(ss.getSheetByName("Nope")).toBeNull();
    expect(ss.getSheets()[1]?.getSheetId()).toBe(0);
    ss.deleteSheet(first);
    expect(ss.getSheets().length).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe("Sheet1");
    sheet.activate();
    expect(ss.getActiveSheet().getName()).toBe("Data");
  });

  it("has a url with its id and a zone", () => {
    const { ss } = setup();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe("Etc/UTC");
    ss.setSpreadsheetTimeZone("Europe/Paris");
    expect(ss.getSpreadsheetTimeZone()).toBe("Europe/Paris");
    expect(() => ss.setSpreadsheetTimeZone("Mars/Olympus")).toThrow("Invalid argument");
  });

  it("freezes, sizes, hides and colours", () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(3, 240);
    sheet.hideColumns(2);
    sheet.setTabColor("#AABBCC");
    expect([
      sheet.getFrozenRows(),
      sheet.getFrozenColumns(),
      sheet.getColumnWidth(3),
      sheet.getColumnWidth(4),
    ]).toEqual([1, 2, 240, 100]);
    expect([sheet.isColumnHiddenByUser(2), sheet.isColumnHiddenByUser(3), sheet.getTabColor()]).toEqual([
      true,
      false,
      "#aabbcc",
    ]);
    sheet.showColumns(2);
    expect(sheet.isColumnHiddenByUser(2)).toBe(false);
    sheet.insertColumnBefore(1);
    expect(sheet.getColumnWidth(4)).toBe(240);
    expect(sheet.getFrozenColumns()).toBe(3);
  });

  it("sorts the rows below the frozen ones, moving notes and formats with them", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A4").setValues([["Name"], ["pear"], ["Apple"], ["fig"]]);
    sheet.getRange("D1:D4").setValues([["n"], [3], [""], [1]]);
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([["Name"], ["Apple"], ["fig"], ["pear"]]);
    expect(sheet.getRange("B4").getNote()).toBe("note B2");
    sheet.sort(4, false);
    expect(sheet.getRange("D2:D4").getValues()).toEqual([[3], [1], [""]]);
    expect(sheet.getRange("A2:A4").getValues()).toEqual([["pear"], ["fig"], ["Apple"]]);
  });

  it("clears contents, formats and notes separately", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C3").clearContent();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange("B1").getNote()).toBe("note B1");
    expect(sheet.getRange("C1").getBackground()).toBe("#ff0000");
    sheet.clear();
    expect(sheet.getRange("C1").getBackground()).toBe("#ffffff");
    sheet.clearNotes();
    expect(sheet.getRange("B1").getNote()).toBe("");
  });

  it("inserts checkboxes as a checkbox rule with false values", () => {
    const { emulator, sheet } = setup();
    sheet.getRange("E1:E2").setValue("x");
    sheet.getRange("E1:E2").insertCheckboxes();
    expect(sheet.getRange("E1:E2").getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange("E1").getDataValidation()?.getCriteriaType()).toBe(
      emulator.globals.SpreadsheetApp.DataValidationCriteria.CHECKBOX,
    );
    sheet.getRange("E1").check();
    expect(sheet.getRange("E1").isChecked()).toBe(true);
    expect(sheet.getRange("E1:E2").isChecked()).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/local/index";

function setup() {
  const emulator = createEmulator({ now: new Date("2026-03-10T15:00:00Z") });
  const SpreadsheetApp = emulator.globals.SpreadsheetApp;
  const sheet = SpreadsheetApp.getActive().getActiveSheet();
  return { emulator, SpreadsheetApp, sheet };
}

describe("data validation", () => {
  it("round-trips criteria, values, help text and allowInvalid", () => {
    const { SpreadsheetApp, sheet } = setup();
    const Criteria = SpreadsheetApp.DataValidationCriteria;
    const cases: [GoogleAppsScript.Spreadsheet.DataValidation, unknown, unknown[]][] = [
      [
        SpreadsheetApp.newDataValidation().requireValueInList(["A", "B"], false).build(),
        Criteria.VALUE_IN_LIST,
        [["A", "B"], false],
      ],
      [SpreadsheetApp.newDataValidation().requireCheckbox().build(), Criteria.CHECKBOX, []],
      [SpreadsheetApp.newDataValidation().requireDate().build(), Criteria.DATE_IS_VALID_DATE, []],
      [
        SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1).build(),
        Criteria.NUMBER_BETWEEN,
        [0, 1],
      ],
      [
        SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build(),
        Criteria.NUMBER_GREATER_THAN_OR_EQUAL_TO,
        [0],
      ],
      [SpreadsheetApp.newDataValidation().requireTextIsEmail().build(), Criteria.TEXT_IS_VALID_EMAIL, []],
    ];
    for (const [rule, type, values] of cases) {
      sheet.getRange("A2").setDataValidation(rule);
      const read = sheet.getRange("A2").getDataValidation();
      expect(read?.getCriteriaType()).toBe(type);
      expect(read?.getCriteriaValues()).toEqual(values);
    }
    const strict = SpreadsheetApp.newDataValidation()
      .requireValueInList(["x"])
      .setAllowInvalid(false)
      .setHelpText("Pick x")
      .build();
    expect([strict.getAllowInvalid(), strict.getHelpText()]).toEqual([false, "Pick x"]);
    const loose = strict.copy().setAllowInvalid(true).build();
    expect([loose.getAllowInvalid(), strict.getAllowInvalid(), loose.getCriteriaValues()]).toEqual([
      true,
      false,
      [["x"], true],
    ]);
    expect(String(Criteria.VALUE_IN_LIST)).toBe("VALUE_IN_LIST");
  });

  it("setting validation leaves values alone, and null removes it", () => {
    const { SpreadsheetApp, sheet } = setup();
    sheet.getRange("A1:A2").setValues([["keep"], [5]]);
    sheet
      .getRange("A1:A3")
      .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["x"]).build());
    expect(sheet.getRange("A1:A2").getValues()).toEqual([["keep"], [5]]);
    expect(
      sheet
        .getRange("A1:A4")
        .getDataValidations()
        .map((row) => row[0] !== null),
    ).toEqual([true, true, true, false]);
    sheet.getRange("A2").setDataValidation(null);
    expect(sheet.getRange("A2").getDataValidation()).toBeNull();
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow();
  });

  it("sets a grid of validations with shape checks", () => {
    const { SpreadsheetApp, sheet } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireDate().build();
    sheet.getRange("B1:B2").setDataValidations([[rule], [null]]);
    expect(
      sheet
        .getRange("B1:B2")
        .getDataValidations()
        .map((row) => row[0]?.getCriteriaType() ?? null),
    ).toEqual([SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE, null]);
    expect(() => sheet.getRange("B1:B2").setDataValidations([[rule]])).toThrow(
      "The data has 1 but the range has 2",
    );
  });
});

describe("conditional formats", () => {
  it("builds rules that read back, and copies them", () => {
    const { SpreadsheetApp, sheet } = setup();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=REGEXMATCH($C2, "^(Overdue|Expired)")')
      .setBackground("#F4CCCC")
      .setFontColor("#990000")
      .setBold(true)
      .setRanges([sheet.getRange("A2:D100")])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [read] = sheet.getConditionalFormatRules();
    const condition = read?.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect(condition?.getCriteriaValues()).toEqual(['=REGEXMATCH($C2, "^(Overdue|Expired)")']);
    expect([
      condition?.getBackground(),
      condition?.getFontColor(),
      condition?.getBold(),
      condition?.getItalic(),
    ]).toEqual(["#f4cccc", "#990000", true, null]);
    expect(read?.getRanges().map((range) => range.getA1Notation())).toEqual(["A2:D100"]);
    const copy = read
      ?.copy()
      .setRanges([sheet.getRange("A1")])
      .build();
    expect(copy?.getRanges().map((range) => range.getA1Notation())).toEqual(["A1"]);
    expect(read?.getRanges().map((range) => range.getA1Notation())).toEqual(["A2:D100"]);
    const simple = SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith("Due").build();
    expect(simple.getBooleanCondition()?.getCriteriaType()).toBe(
      SpreadsheetApp.BooleanCriteria.TEXT_STARTS_WITH,
    );
    expect(simple.getBooleanCondition()?.getCriteriaValues()).toEqual(["Due"]);
  });

  it("refuses ranges of another sheet", () => {
    const { SpreadsheetApp, sheet } = setup();
    const other = SpreadsheetApp.getActive().insertSheet("Other");
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([other.getRange("A1")])
      .build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow("different sheet");
  });

  it("paints the effective format: first matching rule wins, formulas move with the row", () => {
    const { emulator, SpreadsheetApp, sheet } = setup();
    sheet.getRange("A1:C4").setValues([
      ["Name", "Fee", "Status"],
      ["one", 5, "Overdue: content"],
      ["two", 50, "Expired"],
      ["three", 500, "On track"],
    ]);
    sheet.getRange("A4").setBackground("#cfe2f3");
    const rows = sheet.getRange("A2:C4");
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=LEFT($C2, 7)="Overdue"')
        .setBackground("#f4cccc")
        .setRanges([rows])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=REGEXMATCH($C2, "^(Overdue|Expired)")')
        .setBackground("#fce5cd")
        .setBold(true)
        .setRanges([rows])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberGreaterThan(100)
        .setFontColor("#38761d")
        .setRanges([sheet.getRange("B2:B4")])
        .build(),
    ]);
    expect(emulator.effectiveFormat("Sheet1", 2, 1)).toMatchObject({ background: "#f4cccc", bold: false });
    expect(emulator.effectiveFormat("Sheet1", 3, 2)).toMatchObject({ background: "#fce5cd", bold: true });
    expect(emulator.effectiveFormat("Sheet1", 4, 1)).toMatchObject({
      background: "#cfe2f3",
      fontColor: "#000000",
    });
    expect(emulator.effectiveFormat("Sheet1", 4, 2)).toMatchObject({
      background: "#ffffff",
      fontColor: "#38761d",
    });
    expect(emulator.effectiveFormat("Sheet1", 1, 1)).toMatchObject({ background: "#ffffff", bold: false });
  });

  it("compares text case-insensitively like Sheets and asks a formula evaluator first", () => {
    const { emulator, SpreadsheetApp, sheet } = setup();
    sheet.getRange("A1:A2").setValues([["PAID"], ["due"]]);
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=$A1="paid"')
        .setBackground("#00ff00")
        .setRanges([sheet.getRange("A1:A2")])
        .build(),
    ]);
    expect(emulator.effectiveFormat("Sheet1", 1, 1).background).toBe("#00ff00");
    expect(emulator.effectiveFormat("Sheet1", 2, 1).background).toBe("#ffffff");
    const seen: string[] = [];
    emulator.setFormulaEvaluator((formula) => {
      seen.push(formula);
      return true;
    });
    expect(emulator.effectiveFormat("Sheet1", 2, 1).background).toBe("#00ff00");
    expect(seen).toEqual(['=$A2="paid"']);
  });
});

describe("a builder reused for several rules (as setup builds them)", () => {
  it("gives each build() a rule of its own: a later require* does not change an earlier rule", () => {
    const { SpreadsheetApp } = setup();
    const Criteria = SpreadsheetApp.DataValidationCriteria;
    const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
    const list = builder.requireValueInList(["Open", "Target"], true).build();
    const date = builder.requireDate().build();
    expect(list.getCriteriaType()).toBe(Criteria.VALUE_IN_LIST);
    expect(list.getCriteriaValues()).toEqual([["Open", "Target"], true]);
    expect(date.getCriteriaType()).toBe(Criteria.DATE_IS_VALID_DATE);
    expect([list.getAllowInvalid(), date.getAllowInvalid()]).toEqual([true, true]);
  });
});

describe("a range open to the last row", () => {
  it("runs from its first row to the tab's last when made, and keeps that size", () => {
    const { sheet } = setup();
    const rows = sheet.getMaxRows();
    const range = sheet.getRange("B2:C");
    expect([range.getRow(), range.getNumRows(), range.getColumn(), range.getNumColumns()]).toEqual([
      2,
      rows - 1,
      2,
      2,
    ]);
    expect(range.getDataValidations()).toHaveLength(rows - 1);
    sheet.insertRowsAfter(rows, 5);
    expect(range.getNumRows()).toBe(rows - 1);
  });
});

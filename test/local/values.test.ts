import { describe, expect, it } from "vitest";
import { columnLetters, columnNumber, formatA1, parseA1 } from "../../src/local/a1";
import { createEmulator } from "../../src/local/index";
import { displayValue, interpretInput } from "../../src/local/values";

function fresh(timeZone = "Etc/UTC") {
  const emulator = createEmulator({ timeZone, now: new Date("2026-03-10T15:00:00Z") });
  const sheet = emulator.globals.SpreadsheetApp.getActive().getSheets()[0];
  if (!sheet) throw new Error("no sheet");
  return { emulator, sheet };
}

describe("A1 notation", () => {
  it("converts column letters both ways", () => {
    expect(columnLetters(1)).toBe("A");
    expect(columnLetters(26)).toBe("Z");
    expect(columnLetters(27)).toBe("AA");
    expect(columnLetters(703)).toBe("AAA");
    expect(columnNumber("AB")).toBe(28);
    for (const column of [1, 25, 26, 52, 701, 702, 703, 16384])
      expect(columnNumber(columnLetters(column))).toBe(column);
  });

  it("parses cells, boxes and open ranges against the sheet size", () => {
    expect(parseA1("B2", 1000, 26)).toEqual({ row: 2, column: 2, numRows: 1, numColumns: 1 });
    expect(parseA1("A1:C3", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 3, numColumns: 3 });
    expect(parseA1("$C$3:a1", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 3, numColumns: 3 });
    expect(parseA1("A2:A", 1000, 26)).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 1 });
    expect(parseA1("B:D", 50, 26)).toEqual({ row: 1, column: 2, numRows: 50, numColumns: 3 });
    expect(parseA1("3:4", 50, 10)).toEqual({ row: 3, column: 1, numRows: 2, numColumns: 10 });
    expect(formatA1({ row: 5, column: 1, numRows: 1, numColumns: 1 })).toBe("A5");
    expect(formatA1({ row: 2, column: 27, numRows: 3, numColumns: 2 })).toBe("AA2:AB4");
    expect(() => parseA1("1A", 10, 10)).toThrow("Range not found");
  });

  it("gives ranges by A1 and by numbers", () => {
    const { sheet } = fresh();
    expect(sheet.getRange("B2:C5").getA1Notation()).toBe("B2:C5");
    const open = sheet.getRange("A2:A");
    expect([open.getRow(), open.getNumRows(), open.getLastRow()]).toEqual([2, 999, 1000]);
    const numbered = sheet.getRange(3, 2, 4, 2);
    expect([numbered.getA1Notation(), numbered.getLastColumn(), numbered.getNumColumns()]).toEqual([
      "B3:C6",
      3,
      2,
    ]);
    expect(sheet.getRange(1, 1).offset(2, 1).getA1Notation()).toBe("B3");
  });
});

describe("values", () => {
  it("reads empty cells as empty strings, also past the last row", () => {
    const { sheet } = fresh();
    sheet.getRange(1, 1, 1, 2).setValues([["a", 1]]);
    expect(sheet.getRange(1, 1, 3, 3).getValues()).toEqual([
      ["a", 1, ""],
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getLastColumn()).toBe(2);
  });

  it("reports 0 for the last row and column of an empty sheet, and a 1000x26 grid", () => {
    const { emulator } = fresh();
    const sheet = emulator.globals.SpreadsheetApp.getActive().insertSheet("Empty");
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([
      0, 0, 1000, 26,
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
  });

  it("stores dates as copies both ways", () => {
    const { sheet } = fresh();
    const date = new Date("2026-05-01T00:00:00Z");
    sheet.getRange("A1").setValue(date);
    date.setUTCFullYear(2000);
    const read = sheet.getRange("A1").getValue() as Date;
    expect(read).toBeInstanceOf(Date);
    expect(read.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    read.setUTCFullYear(1999);
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("keeps numbers and booleans as given and clears on empty input", () => {
    const { sheet } = fresh();
    sheet.getRange("A1:D1").setValues([[1.5, true, false, 0]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[1.5, true, false, 0]]);
    sheet.getRange("A1:D1").setValues([["", null, undefined, ""]]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it("setValue fills every cell of the range", () => {
    const { sheet } = fresh();
    sheet.getRange("A1:B2").setValue(7);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("throws Google's errors for wrong shapes and outside coordinates", () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([["a"], ["b"]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
    );
    expect(() => sheet.getRange(1, 1, 1, 3).setValues([["a", "b"]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
    );
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([["a", "b"], ["c"]])).toThrow(
      "The data has 1 but the range has 2",
    );
    expect(() => sheet.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 27)).toThrow("outside the dimensions");
    expect(() => sheet.getRange(0, 1)).toThrow("outside the dimensions");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange("A1:A1001")).toThrow("outside the dimensions");
    expect(() => sheet.getRange(Number.NaN, 1)).toThrow("don't match the method signature");
    try {
      sheet.getRange(2000, 1);
    } catch (error) {
      expect(String(error)).toBe(
        "Exception: The coordinates of the range are outside the dimensions of the sheet.",
      );
    }
  });
});

describe("typed input", () => {
  it("treats =... as a formula, evaluated only when an evaluator is set", () => {
    const { emulator, sheet } = fresh();
    sheet.getRange("A1").setValue('=HYPERLINK("http://x", "y")');
    expect(sheet.getRange("A1").getFormula()).toBe('=HYPERLINK("http://x", "y")');
    expect(sheet.getRange("A1").getValue()).toBe("");
    emulator.setFormulaEvaluator(
      (formula, sheetName, row, column) => `${formula}@${sheetName}!${row},${column}`,
    );
    expect(sheet.getRange("A1").getValue()).toBe('=HYPERLINK("http://x", "y")@Sheet1!1,1');
    sheet.getRange("A1").setValue("plain");
    expect(sheet.getRange("A1").getFormulas()).toEqual([[""]]);
    expect(sheet.getRange("A1").getValue()).toBe("plain");
  });

  it("stores apostrophe text without the apostrophe", () => {
    const { sheet } = fresh();
    sheet.getRange("A1:C1").setValues([["'=1+1", "'0012", "'TRUE"]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["=1+1", "0012", "TRUE"]]);
    expect(sheet.getRange("A1").getFormula()).toBe("");
  });

  it("stores anything verbatim on a plain-text (@) cell", () => {
    const { sheet } = fresh();
    sheet.getRange("A1:A3").setNumberFormat("@");
    sheet.getRange("A1:A3").setValues([["=SUM(1)"], ["0012"], ["2026-12-01"]]);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([["=SUM(1)"], ["0012"], ["2026-12-01"]]);
    expect(sheet.getRange("A1").getFormula()).toBe("");
  });

  it("turns numeric, percent, currency and boolean text into values", () => {
    const { sheet } = fresh();
    sheet.getRange("A1:H1").setValues([["12", "1,200.50", "15%", "TRUE", "false", "-3.5", "$12.50", "1e3"]]);
    expect(sheet.getRange("A1:H1").getValues()).toEqual([[12, 1200.5, 0.15, true, false, -3.5, 12.5, 1000]]);
    expect(sheet.getRange("C1").getNumberFormat()).toBe("0%");
    expect(sheet.getRange("C1").getDisplayValue()).toBe("15%");
    expect(sheet.getRange("G1").getDisplayValue()).toBe("$12.50");
  });

  it("keeps text that only looks like a number in part", () => {
    const { sheet } = fresh();
    sheet.getRange("A1:D1").setValues([["12abc", "1,2,3.4.5", "SKU-001", "$"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["12abc", "1,2,3.4.5", "SKU-001", "$"]]);
  });

  it("reads ISO dates as midnight in the spreadsheet zone", () => {
    const { sheet } = fresh("America/Los_Angeles");
    sheet.getRange("A1:C1").setValues([["2026-12-01", "2026-07-04", "2026-02-30"]]);
    const [winter, summer, bad] = sheet.getRange("A1:C1").getValues()[0] ?? [];
    expect((winter as Date).toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect((summer as Date).toISOString()).toBe("2026-07-04T07:00:00.000Z");
    expect(bad).toBe("2026-02-30");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2026-12-01");
  });

  it("reads ISO dates in a zone east of UTC", () => {
    const { sheet } = fresh("Pacific/Auckland");
    sheet.getRange("A1").setValue("2026-01-15");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-01-14T11:00:00.000Z");
  });

  it("interprets through the pure helper the same way", () => {
    expect(interpretInput("=A1", undefined, "Etc/UTC")).toEqual({ value: null, formula: "=A1" });
    expect(interpretInput("1.15%", undefined, "Etc/UTC")).toEqual({ value: 0.0115, format: "0.00%" });
    expect(interpretInput(" 42 ", undefined, "Etc/UTC")).toEqual({ value: 42 });
    expect(interpretInput("12/1/2026", undefined, "Etc/UTC").value).toEqual(new Date("2026-12-01T00:00:00Z"));
  });
});

describe("display values", () => {
  it("formats numbers, percents, currency and dates", () => {
    const zone = "Etc/UTC";
    expect(displayValue(0.155, "0%", zone)).toBe("16%");
    expect(displayValue(0.155, "0.0%", zone)).toBe("15.5%");
    expect(displayValue(1234.5, "$#,##0.00", zone)).toBe("$1,234.50");
    expect(displayValue(-1234.5, "$#,##0.00", zone)).toBe("-$1,234.50");
    expect(displayValue(1234.567, "#,##0", zone)).toBe("1,235");
    expect(displayValue(2.5, "0.###", zone)).toBe("2.5");
    expect(displayValue(0.1 + 0.2, undefined, zone)).toBe("0.3");
    expect(displayValue(true, undefined, zone)).toBe("TRUE");
    const date = new Date("2026-12-01T00:00:00Z");
    expect(displayValue(date, undefined, zone)).toBe("2026-12-01");
    expect(displayValue(date, "dd mmm yyyy", zone)).toBe("01 Dec 2026");
    expect(displayValue(new Date("2026-12-01T13:05:09Z"), "yyyy-mm-dd hh:mm:ss", zone)).toBe(
      "2026-12-01 13:05:09",
    );
    expect(displayValue(new Date("2026-12-01T13:05:09Z"), "m/d/yyyy h:mm am/pm", zone)).toBe(
      "12/1/2026 1:05 PM",
    );
  });

  it("shows dates in the spreadsheet zone", () => {
    const { sheet } = fresh("Pacific/Auckland");
    sheet.getRange("A1").setValue(new Date("2026-06-30T23:30:00Z"));
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd");
    expect(sheet.getRange("A1").getDisplayValues()).toEqual([["2026-07-01"]]);
  });
});

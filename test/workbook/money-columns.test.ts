import { describe, expect, it } from "vitest";
import { zoneCalendar } from "../../src/domain/day";
import {
  isGeneralFormat,
  moneyColumns,
  moneyStyleKey,
  parseMoneyStyleKey,
  replaceableFormats,
  teamColumnFormats,
} from "../../src/workbook/money-columns";
import { tabSchema } from "../../src/workbook/schema";
import { findTodayCell, holdsToday } from "../../src/workbook/today-cell";

describe("money columns", () => {
  it("are found by header wherever the team put them, owned ones marked", () => {
    const header = ["Notes", "GMV total", "Creator", " gmv TOTAL "];
    expect(moneyColumns(tabSchema("Creators"), header)).toEqual([
      { column: 2, header: "GMV total", owned: true },
    ]);
    expect(moneyColumns(tabSchema("Products"), ["SKU", "Sample cost", "Price"])).toEqual([
      { column: 3, header: "Price", owned: false },
      { column: 2, header: "Sample cost", owned: false },
    ]);
  });

  it("replace General and the add-on's previous format, never a team's own", () => {
    const euro = { currency: "EUR", locale: "de_DE" };
    const replaceable = replaceableFormats({ currency: "USD", locale: "en_US" }, euro);
    expect(isGeneralFormat("0.###############")).toBe(true);
    expect(replaceable("$#,##0.00")).toBe(true);
    expect(replaceable("0.###############")).toBe(true);
    expect(replaceable("0.0")).toBe(false);
    expect(replaceable('"£"#,##0.00')).toBe(false);
    expect(teamColumnFormats([["$#,##0.00"], ["0.0"], [""]], "#,##0.00 €", replaceable)).toEqual([
      ["#,##0.00 €"],
      ["0.0"],
      ["#,##0.00 €"],
    ]);
    expect(teamColumnFormats([["#,##0.00 €"], ["0.0"]], "#,##0.00 €", replaceable)).toBeNull();
  });

  it("remember the applied style in a short key", () => {
    expect(moneyStyleKey({ currency: "BRL", locale: "pt_BR" })).toBe("BRL pt_BR");
    expect(parseMoneyStyleKey("BRL pt_BR")).toEqual({ currency: "BRL", locale: "pt_BR" });
    expect(parseMoneyStyleKey(null)).toBeNull();
    expect(parseMoneyStyleKey("garbage")).toBeNull();
  });
});

describe("the Today cell", () => {
  const calendar = zoneCalendar("America/Los_Angeles");

  it("is the Value of the first row keyed Today, wherever Key and Value are", () => {
    const values = [
      ["Value", "Notes", "Key"],
      [7, "", "Alert lead days"],
      ["x", "", " today "],
      ["y", "", "Today"],
    ];
    expect(findTodayCell(values)).toEqual({ row: 3, keyColumn: 3, valueColumn: 1, value: "x" });
    expect(findTodayCell([["Key", "Value"]])).toBeNull();
    expect(findTodayCell([["Key"], ["Today"]])).toBeNull();
  });

  it("holds today only as a date of today in the spreadsheet's zone", () => {
    const today = calendar.dayOf(new Date("2026-11-25T20:00:00Z")) ?? 0;
    expect(holdsToday(calendar.midnightOf(today), today, calendar)).toBe(true);
    expect(holdsToday(calendar.midnightOf(today - 1), today, calendar)).toBe(false);
    expect(holdsToday("2026-11-25", today, calendar)).toBe(false);
    expect(holdsToday("", today, calendar)).toBe(false);
  });
});

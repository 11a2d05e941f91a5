import { describe, expect, it } from "vitest";
import { parseCustomCall, storedInput } from "../../workbench/formulas";

describe("parseCustomCall", () => {
  it("reads our functions with ranges, cells, numbers, strings, booleans and TODAY()", () => {
    expect(parseCustomCall('=auth_status(F2:F, G2, 5%, "Yes", TRUE, TODAY(), -3)')).toEqual({
      name: "AUTH_STATUS",
      args: [
        { kind: "range", row: 2, column: 6, lastRow: null, lastColumn: 6, single: false },
        { kind: "range", row: 2, column: 7, lastRow: 2, lastColumn: 7, single: true },
        { kind: "value", value: 0.05 },
        { kind: "value", value: "Yes" },
        { kind: "value", value: true },
        { kind: "today" },
        { kind: "value", value: -3 },
      ],
    });
  });

  it("reads a named range such as CampaignDeskToday as a name, not a cell", () => {
    expect(parseCustomCall("=WINDOW_STATUS(B2:B, C2:C, CampaignDeskToday)")?.args[2]).toEqual({
      kind: "name",
      name: "CampaignDeskToday",
    });
    expect(storedInput("=WINDOW_STATUS(B2, C2, CampaignDeskToday)")).toBe(
      "=WINDOW_STATUS(B2, C2, CampaignDeskToday)",
    );
    expect(parseCustomCall("=WINDOW_STATUS(B2, C2, Campaign Desk)")).toBeNull();
  });

  it("keeps commas and quotes inside strings", () => {
    expect(parseCustomCall('=WINDOW_STATUS("a, ""b""", B2:C9)')?.args).toEqual([
      { kind: "value", value: 'a, "b"' },
      { kind: "range", row: 2, column: 2, lastRow: 9, lastColumn: 3, single: false },
    ]);
  });

  it("refuses other functions and anything it does not understand", () => {
    expect(parseCustomCall('=HYPERLINK("http://evil.example","x")')).toBeNull();
    expect(parseCustomCall("=APPLIED_RATE(A1)+1")).toBeNull();
    expect(parseCustomCall("=APPLIED_RATE(Other!A1)")).toBeNull();
    expect(parseCustomCall("=APPLIED_RATE(IMPORTXML(A1))")).toBeNull();
    expect(parseCustomCall("=APPLIED_RATE(B9:B2)")).toBeNull();
    expect(parseCustomCall("APPLIED_RATE(A1)")).toBeNull();
  });
});

describe("storedInput: what a user types becomes what setValue gets", () => {
  it("keeps our custom functions as formulas", () => {
    expect(storedInput("=AD_USABLE_UNTIL(D2:D, E2:E)")).toBe("=AD_USABLE_UNTIL(D2:D, E2:E)");
  });

  it.each([
    '=HYPERLINK("http://evil.example","x")',
    "=1+1",
    "+1 555 0100",
    "-cmd|' /C calc'!A0",
    "@SUM(A1)",
    "=APPLIED_RATE(A1)&IMPORTXML(A2)",
  ])("stores %s as text", (typed) => {
    expect(storedInput(typed)).toBe(`'${typed}`);
  });

  it("keeps signed numbers numbers and leaves plain text alone", () => {
    expect(storedInput("-12.5")).toBe("-12.5");
    expect(storedInput("+3")).toBe("+3");
    expect(storedInput("-15%")).toBe("-15%");
    expect(storedInput("hello")).toBe("hello");
    expect(storedInput("2026-12-01")).toBe("2026-12-01");
    expect(storedInput("")).toBe("");
  });
});

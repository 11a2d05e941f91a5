import { describe, expect, it } from "vitest";
import { headerKey, TABS, tabSchema } from "../../src/workbook/schema";
import { locateColumns, planTabSetup, type TabSnapshot } from "../../src/workbook/setup-plan";

const options = {
  currency: "USD",
  settingDefaults: [["Alert lead days", "7"] as const, ["Currency", "USD"] as const],
};

function snapshotOf(
  name: TabSnapshot["name"],
  headers: string[],
  extra: Partial<TabSnapshot> = {},
): TabSnapshot {
  return {
    name,
    lastColumn: headers.length,
    maxColumns: 26,
    maxRows: 1000,
    frozenRows: 1,
    headers,
    headerNotes: headers.map(() => "a note"),
    ...extra,
  };
}

describe("the column contract", () => {
  it("has unique headers and a key column on every tab but Operations", () => {
    for (const tab of TABS) {
      const keys = tab.columns.map((column) => headerKey(column.header));
      expect(new Set(keys).size).toBe(keys.length);
      if (!tab.generated) expect(keys).toContain(headerKey(tab.key));
    }
  });

  it("lists the add-on owned columns of DESIGN.md", () => {
    const owned = (name: TabSnapshot["name"]) =>
      tabSchema(name)
        .columns.filter((column) => column.owned)
        .map((column) => column.header);
    expect(owned("Collaborations")).toEqual([
      "Applied rate",
      "Payout status",
      "Window status",
      "Effective commission",
      "Next action",
      "Alerts",
    ]);
    expect(owned("Authorizations")).toEqual(["Ad usable until", "Auth status", "Alerts"]);
    expect(owned("Settings")).toEqual(["Check"]);
  });
});

describe("planTabSetup", () => {
  it("creates a missing tab with every header, adding columns past the default 26", () => {
    const steps = planTabSetup(tabSchema("Campaigns"), null, options);
    expect(steps[0]).toEqual({ kind: "createTab", tab: "Campaigns" });
    // 33 columns since Spend and Budget used joined the contract (issue 15): 7 past the default 26.
    expect(steps[1]).toEqual({ kind: "addColumns", tab: "Campaigns", after: 26, count: 7 });
    const headers = steps.find((step) => step.kind === "writeColumns");
    expect(headers?.kind === "writeColumns" && headers.columns.length).toBe(33);
    expect(steps.at(-1)).toEqual({ kind: "freezeHeader", tab: "Campaigns" });
  });

  it("matches headers trimmed and case-insensitively and appends only what is missing", () => {
    const headers = ["  sku ", "My notes", "PRODUCT", "Price", "Stock on hand", "Open rate", "Sample cost"];
    const steps = planTabSetup(tabSchema("Products"), snapshotOf("Products", headers), options);
    expect(steps).toHaveLength(2);
    // Open ads rate (issue 15) is missing too, and goes after the team's columns, not between them.
    expect(steps[0]).toEqual({ kind: "addColumns", tab: "Products", after: 7, count: 3 });
    const write = steps[1];
    expect(write).toMatchObject({ kind: "writeColumns", firstColumn: 8, notes: [] });
    expect(write?.kind === "writeColumns" && write.columns.map((column) => column.header)).toEqual([
      "Open ads rate",
      "Reserved",
      "Available",
    ]);
  });

  it("marks owned columns and types team columns", () => {
    const steps = planTabSetup(tabSchema("Products"), null, options);
    const write = steps.find((step) => step.kind === "writeColumns");
    if (write?.kind !== "writeColumns") throw new Error("no headers written");
    const byHeader = new Map(write.columns.map((column) => [column.header, column]));
    expect(byHeader.get("Reserved")).toMatchObject({ owned: true, validation: null });
    expect(byHeader.get("Reserved")?.note).toContain("Campaign Desk fills this column");
    expect(byHeader.get("Open rate")).toMatchObject({
      owned: false,
      numberFormat: "0.0%",
      validation: { type: "number", min: 0, max: 1 },
    });
    expect(byHeader.get("Price")?.numberFormat).toBe("$#,##0.00");
  });

  it("adds a note only where the header has none, and asks for validation of every typed column", () => {
    const schema = tabSchema("Creators");
    const headers = schema.columns.map((column) => column.header);
    const snapshot = snapshotOf("Creators", headers, {
      headerNotes: headers.map((_, index) => (index === 2 ? "" : "user note")),
    });
    const steps = planTabSetup(schema, snapshot, options);
    expect(steps).toEqual([
      {
        kind: "writeColumns",
        tab: "Creators",
        firstColumn: headers.length + 1,
        columns: [],
        notes: [{ column: 3, note: schema.columns[2]?.note }],
        // Whether a cell lacks its rule is read right before the one validation write of the tab.
        validated: [
          { header: "Email", validation: { type: "email" } },
          { header: "LIVE capable", validation: { type: "list", values: ["Yes", "No"] } },
          { header: "Pool", validation: expect.objectContaining({ type: "list" }) },
        ],
      },
    ]);
  });

  it("gives a column the team kept no note, and a tab with only its header row rows before freezing", () => {
    const schema = tabSchema("Campaigns");
    const headers = schema.columns.map((column) => column.header);
    const snapshot = snapshotOf("Campaigns", headers, {
      maxRows: 1,
      frozenRows: 0,
      headerNotes: headers.map((header) => (header === "Creators" || header === "Name" ? "" : "a note")),
    });
    const steps = planTabSetup(schema, snapshot, options, new Set(["creators"]));
    expect(steps[0]).toEqual({ kind: "addRows", tab: "Campaigns", after: 1, count: 99 });
    const write = steps.find((step) => step.kind === "writeColumns");
    expect(write?.kind === "writeColumns" && write.notes.map(({ column }) => column)).toEqual([
      headers.indexOf("Name") + 1,
    ]);
    expect(steps.at(-1)).toEqual({ kind: "freezeHeader", tab: "Campaigns" });
  });

  it("plans only the validation check for a tab that is already set up", () => {
    for (const schema of TABS) {
      const headers = schema.columns.map((column) => column.header);
      const settings = options.settingDefaults.map(([key, value]) => [key, value] as const);
      const snapshot = snapshotOf(schema.name, headers, schema.name === "Settings" ? { settings } : {});
      expect(
        planTabSetup(schema, snapshot, options).filter(
          (step) => step.kind !== "writeColumns" || step.columns.length > 0 || step.notes.length > 0,
        ),
      ).toEqual([]);
    }
  });

  it("appends missing settings below the last row in the Key and Value columns wherever they are", () => {
    const snapshot = snapshotOf("Settings", ["Value", "Owner's memo", "Key", "Check"], {
      lastRow: 4,
      settings: [["currency", "EUR"]],
    });
    expect(planTabSetup(tabSchema("Settings"), snapshot, options).at(-1)).toEqual({
      kind: "appendSettings",
      firstRow: 5,
      keyColumn: 3,
      valueColumn: 1,
      rows: [["Alert lead days", "7"]],
    });
  });

  it("locates the first of duplicate headers", () => {
    expect(locateColumns(["SKU", "sku", "", "Price"]).get("sku")).toBe(1);
    expect(locateColumns(["SKU", "sku", "", "Price"]).get("price")).toBe(4);
  });
});

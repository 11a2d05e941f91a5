/**
 * Orders in the daily check: one alert per collaboration whose orders' platform commission
 * differs from the rules, a typed GMV or First sale that differs from the orders, the Alerts cell
 * merged with the row's other alerts, and the operating view's reconciliation block.
 */
import { describe, expect, it } from "vitest";
import { ALERT_KINDS, type Alert } from "../../src/domain/alerts";
import { dayFromIso, zoneCalendar } from "../../src/domain/day";
import type { CheckResult } from "../../src/features/checks";
import { digestReaders, groupAlerts } from "../../src/features/digest";
import { buildOperationsView } from "../../src/features/operations";
import { checkOrders, withOrderAlerts } from "../../src/features/order-checks";
import { TABS, type TabName } from "../../src/workbook/schema";

const calendar = zoneCalendar("UTC");
const usd = { currency: "USD", locale: "en_US" };
const date = (iso: string) => calendar.midnightOf(dayFromIso(iso) as number);

function grid(tab: TabName, records: Record<string, unknown>[]): unknown[][] {
  const headers = (TABS.find((candidate) => candidate.name === tab)?.columns ?? []).map(
    (column) => column.header,
  );
  return [headers, ...records.map((record) => headers.map((header) => record[header] ?? ""))];
}

const tabs = {
  Products: grid("Products", [{ SKU: "SKU-1", "Open rate": 0.1 }]),
  Campaigns: grid("Campaigns", [
    {
      "Campaign ID": "C-1",
      Name: "Glow",
      Lane: "Target",
      SKUs: "SKU-1",
      Start: date("2026-11-01"),
      End: date("2026-11-30"),
      "Commission rate": 0.2,
    },
  ]),
  Collaborations: grid("Collaborations", [
    { "Collab ID": "K-1", "Campaign ID": "C-1", Creator: "@amy", GMV: 100, "First sale": date("2026-11-02") },
    { "Collab ID": "K-2", "Campaign ID": "C-1", Creator: "ben" },
  ]),
  Orders: grid("Orders", [
    {
      "Order ID": "1",
      SKU: "SKU-1",
      Created: date("2026-11-03"),
      Creator: "amy",
      Amount: 40,
      Status: "Settled",
      "Platform commission": 8,
    },
    {
      "Order ID": "2",
      SKU: "SKU-1",
      Created: date("2026-11-04"),
      Creator: "amy",
      Amount: 10,
      Status: "Settled",
      "Platform commission": 5,
    },
    {
      "Order ID": "3",
      SKU: "SKU-1",
      Created: date("2026-11-05"),
      Creator: "ben",
      Amount: 10,
      Status: "Settled",
      "Platform commission": 2,
    },
  ]),
};

describe("orders in the daily check", () => {
  it("raises one alert per collaboration whose commission differs, and one for typed sales that differ", () => {
    const { alerts, reconciliation } = checkOrders(tabs, calendar, usd);
    expect(alerts.map((alert) => [alert.kind, alert.key, alert.severity, alert.message])).toEqual([
      [
        "commissionDiffers",
        "K-1",
        ALERT_KINDS.commissionDiffers,
        "1 order credited a commission the rules do not give (platform $13.00, expected $10.00): 2 (SKU-1)",
      ],
      [
        "salesDifferFromOrders",
        "K-1",
        ALERT_KINDS.salesDifferFromOrders,
        "GMV $100.00 typed, $50.00 from orders; First sale 2026-11-02 typed, 2026-11-03 from orders",
      ],
    ]);
    expect(alerts[0]?.campaignName).toBe("Glow");
    expect(reconciliation.byCampaign).toEqual([
      {
        id: "C-1",
        campaignId: "C-1",
        orders: 3,
        expected: 12,
        platform: 15,
        gap: 3,
        differing: 1,
        examples: ["2 (SKU-1)"],
      },
    ]);
  });

  it("says amounts in the workbook's Currency and locale", () => {
    const messages = checkOrders(tabs, calendar, { currency: "EUR", locale: "de_DE" }).alerts.map(
      (alert) => alert.message,
    );
    expect(messages[0]).toContain("(platform 13,00 €, expected 10,00 €)");
    expect(messages[1]).toContain("GMV 100,00 € typed, 50,00 € from orders");
  });

  // The digest finds an owner's alerts by the Campaigns row's ID exactly (digestReaders).
  it("puts the campaign as its row spells it on the alert, however the collaboration typed it", () => {
    const typedLower = {
      ...tabs,
      Collaborations: grid("Collaborations", [
        { "Collab ID": "K-1", "Campaign ID": " c-1 ", Creator: "@amy" },
      ]),
    };
    const { alerts } = checkOrders(typedLower, calendar, usd);
    expect(alerts.map((alert) => [alert.kind, alert.campaignId, alert.campaignName])).toEqual([
      ["commissionDiffers", "C-1", "Glow"],
    ]);
    const readers = digestReaders({
      alerts,
      managers: [],
      owners: new Map([["C-1", "ana@shop.example"]]),
      allowed: new Set(["shop.example"]),
    });
    expect(readers.map((reader) => [reader.address, reader.alerts.map((alert) => alert.kind)])).toEqual([
      ["ana@shop.example", ["commissionDiffers"]],
    ]);
    expect(
      groupAlerts(readers[0]?.alerts ?? []).flatMap((group) => group.campaigns.map(([id]) => id)),
    ).toEqual(["C-1"]);
  });

  it("says nothing when there are no orders", () => {
    expect(checkOrders({ ...tabs, Orders: grid("Orders", []) }, calendar, usd)).toEqual({
      alerts: [],
      reconciliation: { byCampaign: [], byCollaboration: [] },
    });
  });

  it("merges the alerts into the row's Alerts cell, worst first", () => {
    const existing: Alert = {
      kind: "contentOverdue",
      severity: "High",
      tab: "Collaborations",
      key: "K-1",
      sheetRow: 2,
      campaignId: "C-1",
      campaignName: "Glow",
      message: "Content overdue by 2 days",
    };
    const result = {
      alerts: [existing],
      owned: new Map([["Collaborations", new Map([["K-1", { Alerts: "High: Content overdue by 2 days" }]])]]),
    } as unknown as CheckResult;
    withOrderAlerts(result, checkOrders(tabs, calendar, usd).alerts);
    expect(result.alerts).toHaveLength(3);
    expect(result.owned.get("Collaborations")?.get("K-1")?.Alerts).toMatch(
      /^High: Content overdue by 2 days; Medium: 1 order credited .*; Low: GMV \$100.00 typed/,
    );
  });

  it("puts the reconciliation under the operating view, bounded and rectangular", () => {
    const view = buildOperationsView(
      { rows: [], total: 0, flagged: 0 },
      dayFromIso("2026-11-25") as number,
      { dateOf: (day) => calendar.midnightOf(day), isoOf: String },
      "now",
      500,
      checkOrders(tabs, calendar, usd).reconciliation,
    );
    const width = view.values[0]?.length;
    expect(view.values.every((row) => row.length === width)).toBe(true);
    // Text cells carry the apostrophe that stores them as text.
    const texts = view.values.map((row) =>
      row
        .slice(0, 7)
        .map((cell) => String(cell).replace(/^'/, ""))
        .join("|"),
    );
    expect(texts).toContain(
      "Campaign|Collab ID|Orders|Platform commission|Expected commission|Gap|Orders that differ",
    );
    expect(texts).toContain("C-1||3|15|12|3|1");
    expect(texts).toContain("C-1|K-1|2|13|10|3|1: 2 (SKU-1)");
    // Its header row is coloured by one of the view's rules, never cell by cell.
    const heading = texts.findIndex((text) => text.startsWith("Campaign|Collab ID|Orders"));
    expect(heading).toBeGreaterThan(0);
    expect(view.rules.at(-1)).toMatchObject({
      formula: '=AND($A2="Campaign",$B2="Collab ID")',
      numColumns: 7,
    });
    expect(view.layoutRows).toBeGreaterThanOrEqual(view.values.length - 1);
  });
});

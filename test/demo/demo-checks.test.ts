/**
 * Issue 15's cases, as the workbench's demo shows them after `npm start -- --reset`: the daily
 * check run on the demo workbook gives the right value for each.
 */
import { describe, expect, it } from "vitest";
import { zoneCalendar } from "../../src/domain/day";
import { computeChecks } from "../../src/features/checks";
import { DEMO_SCENARIOS, demoWorkbook } from "../../src/local/demo/demo-workbook";
import type { TabName } from "../../src/workbook/schema";

const TODAY = new Date("2026-06-15T17:30:00Z");
const ZONE = "America/Los_Angeles";
const calendar = zoneCalendar(ZONE);
const { tabs } = demoWorkbook({ today: TODAY, timeZone: ZONE });
const result = computeChecks({
  tabs: tabs as Partial<Record<TabName, unknown[][]>>,
  today: calendar.dayOf(TODAY) ?? 0,
  calendar,
});
const owned = (tab: TabName, key: string) => result.owned.get(tab)?.get(key) ?? {};
const alertsOn = (tab: string, key: string) =>
  result.alerts.filter((alert) => alert.tab === tab && alert.key === key);
const rowsOf = (tab: string) => {
  const [headers = [], ...body] = tabs[tab] ?? [];
  return body.map((cells) => Object.fromEntries(headers.map((header, i) => [String(header), cells[i]])));
};

describe("the demo after --reset, case by case (issue 15)", () => {
  it("pays the reused creator the Target rate covering today, on every lane, and the cost follows", () => {
    const { ended, current, openLane } = DEMO_SCENARIOS.reusedCreator;
    expect(owned("Collaborations", ended)["Applied rate"]).toBe(0.1);
    // 800 x 20% + 200 ads GMV x 10% (C-007's ads rate) + 120 fee, approved: 300 over 1000.
    expect(owned("Collaborations", current)).toMatchObject({
      "Applied rate": 0.2,
      "Effective commission": 0.3,
    });
    // The Target campaign's other SKU, sold on an Open-plan row.
    expect(owned("Collaborations", openLane)["Applied rate"]).toBe(0.2);
  });

  it("reserves inventory per SKU: the multi-SKU campaigns hold units of each SKU, and over-reserving alerts everywhere", () => {
    const products = new Map(rowsOf("Products").map((row) => [row.SKU, row]));
    // C-003 holds 150 of each of its two SKUs; C-007 holds 40 of the serum.
    expect(owned("Products", "GLW-SER-30").Reserved).toBe(190);
    expect(owned("Products", "GLW-LIP-RSW").Reserved).toBe(150);
    expect(owned("Products", "GLW-CLN-BLM").Reserved).toBe(60);
    expect(owned("Products", "GLW-SER-30").Available).toBe(
      Number(products.get("GLW-SER-30")?.["Stock on hand"]) - 190,
    );
    const sku = DEMO_SCENARIOS.overReservedProduct;
    const over = result.alerts.filter(
      (alert) => alert.kind === "inventoryOverStock" && alert.message.startsWith(sku),
    );
    expect(over.map((alert) => `${alert.tab} ${alert.key}`).sort()).toEqual([
      "Campaigns C-002",
      "Campaigns C-004",
      `Products ${sku}`,
    ]);
  });

  it("asks to ship the unshipped sample and does not chase the creator", () => {
    const { collab, sample } = DEMO_SCENARIOS.unshippedSample;
    expect(owned("Collaborations", collab)).toMatchObject({
      "Payout status": "Awaiting sample",
      "Next action": "Ship the sample",
      Alerts: "",
    });
    expect(alertsOn("Samples", sample).map((alert) => alert.kind)).toEqual(["sampleNotShipped"]);
  });

  it("owes nothing on an unaccepted invitation", () => {
    const flatFee = new Set(
      rowsOf("Campaigns")
        .filter((row) => row["Payment model"] === "Flat fee + commission")
        .map((row) => row["Campaign ID"]),
    );
    const invited = rowsOf("Collaborations").filter(
      (row) => flatFee.has(row["Campaign ID"]) && row.Accepted === "" && row.Cancelled === "No",
    );
    expect(invited.length).toBeGreaterThan(0);
    for (const row of invited) {
      expect(owned("Collaborations", String(row["Collab ID"]))["Payout status"]).toBe("Awaiting acceptance");
    }
    expect(
      result.alerts.filter((alert) => alert.kind === "contentOverdue").map((alert) => alert.key),
    ).toEqual([DEMO_SCENARIOS.overdueFlatFee]);
  });

  it("shows the review round, and flags the third round without a decision", () => {
    expect(owned("Collaborations", DEMO_SCENARIOS.revisionRound)["Payout status"]).toBe(
      "Changes requested, round 2 of 3",
    );
    expect(alertsOn("Collaborations", DEMO_SCENARIOS.revisionsUsed).map((alert) => alert.kind)).toEqual([
      "reviewRoundsUsed",
    ]);
  });

  it("pays the Partner campaign's rates, and adds up its spend against the budget", () => {
    const { campaign, collab } = DEMO_SCENARIOS.partnerCampaign;
    // 600 x 12% + 400 ads GMV x 8% = 104 over 1000.
    expect(owned("Collaborations", collab)).toMatchObject({
      "Applied rate": 0.12,
      "Effective commission": 0.104,
    });
    expect(owned("Campaigns", campaign)).toMatchObject({ Spend: 104, "Budget used": 104 / 120 });
    expect(alertsOn("Campaigns", campaign).map((alert) => alert.message)).toEqual([
      "Budget nearly used: $104.00 spent of $120.00 (87%)",
    ]);
  });

  it("clears next actions that owe nothing, and says each problem once per row", () => {
    const commissionOnly = new Set(
      rowsOf("Campaigns")
        .filter((row) => row["Payment model"] === "Commission only" || row.Status === "Wrapped")
        .map((row) => row["Campaign ID"]),
    );
    const reviewing = rowsOf("Collaborations").filter(
      (row) =>
        commissionOnly.has(row["Campaign ID"]) &&
        owned("Collaborations", String(row["Collab ID"]))["Next action"] === "Review the submitted content",
    );
    expect(reviewing).toEqual([]);
    for (const alert of result.alerts) {
      const same = alertsOn(alert.tab, alert.key).filter(
        (other) => other.kind === alert.kind && other.message === alert.message,
      );
      expect(same, `${alert.tab} ${alert.key}`).toHaveLength(1);
      const high = alertsOn(alert.tab, alert.key).filter((other) => other.severity === "High");
      if (alert.tab === "Authorizations") expect(high.length, alert.key).toBeLessThanOrEqual(1);
    }
  });
});

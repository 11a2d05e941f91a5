/**
 * Issue 15's rules through build/Code.js on the emulator: a creator reused across campaigns and
 * lanes, campaigns over several SKUs, a Partner campaign, a budget, an unshipped sample and
 * review rounds, checked by the daily run and by the custom functions.
 */
import { describe, expect, it } from "vitest";
import type { TabName } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";
import { teamTab } from "../support/team-tabs";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
/** A date `offset` days from today (2026-11-25) as text the sheet reads as a date. */
const on = (offset: number) => new Date(Date.UTC(2026, 10, 25 + offset, 8));

type Row = Record<string, unknown>;
const tab = teamTab;

const campaign = (row: Row): Row => ({
  Objective: "Organic test",
  "Content types": "Short video",
  "Payment model": "Commission only",
  "Sample policy": "No sample",
  Amplification: "None",
  Owner: "maya@example.com",
  Status: "Live",
  Start: on(-10),
  End: on(20),
  ...row,
});

function workbook(): LoadedBundle {
  const bundle = loadBundle({ timeZone, now });
  const seeds: [TabName, Row[]][] = [
    [
      "Products",
      [
        {
          SKU: "SKU-1",
          Product: "Serum",
          Price: 30,
          "Stock on hand": 100,
          "Open rate": 0.12,
          "Sample cost": 8,
        },
        {
          SKU: "SKU-2",
          Product: "Mask",
          Price: 20,
          "Stock on hand": 100,
          "Open rate": 0.1,
          "Open ads rate": 0.05,
        },
        { SKU: "SKU-3", Product: "Mist", Price: 15, "Stock on hand": 500, "Open rate": 0.15 },
      ],
    ],
    [
      "Campaigns",
      [
        campaign({
          "Campaign ID": "C-OPEN",
          Name: "Open plan",
          Lane: "Open",
          SKUs: "SKU-1, SKU-2, SKU-3",
          "Commission rate": 0.12,
        }),
        campaign({
          "Campaign ID": "C-OLD",
          Name: "Spring Target",
          Lane: "Target",
          SKUs: "SKU-1",
          "Commission rate": 0.1,
          Start: on(-90),
          End: on(-40),
          Status: "Wrapped",
        }),
        campaign({
          "Campaign ID": "C-DUO",
          Name: "Duo Target",
          Lane: "Target",
          SKUs: "SKU-1, SKU-2",
          "Commission rate": 0.2,
          "Ads rate": 0.1,
          "Reserved inventory": 150,
          "Payment model": "Flat fee + commission",
          "Flat fee": 100,
          "Content due days": 10,
          "Sample policy": "Free sample",
          Budget: 400,
        }),
        campaign({
          "Campaign ID": "C-PART",
          Name: "Agency week",
          Lane: "Partner",
          SKUs: "SKU-3",
          "Commission rate": 0.15,
          "Ads rate": 0.08,
          "Reserved inventory": "SKU-3: 50",
        }),
        campaign({
          "Campaign ID": "c-open ",
          Name: "A second row with the same ID",
          Lane: "Open",
          SKUs: "SKU-3",
          "Commission rate": 0.1,
        }),
      ],
    ],
    [
      "Creators",
      [
        { Creator: "@mia", "LIVE capable": "Yes" },
        { Creator: "@noah", "LIVE capable": "Yes" },
        { Creator: "@ava", "LIVE capable": "No" },
      ],
    ],
    [
      "Collaborations",
      [
        // @mia: the Open plan first in row order, then an old Target, then the live two-SKU Target.
        {
          "Collab ID": "K-1",
          "Campaign ID": "c-open",
          Creator: "@Mia",
          SKU: "sku-2",
          Accepted: on(-9),
          Posted: on(-2),
          GMV: 1000,
          "Ads GMV": 500,
        },
        {
          "Collab ID": "K-2",
          "Campaign ID": "C-OLD",
          Creator: "@mia",
          SKU: "SKU-1",
          Accepted: on(-88),
          Posted: on(-70),
          GMV: 400,
        },
        {
          "Collab ID": "K-3",
          "Campaign ID": "C-DUO",
          Creator: "@mia",
          Accepted: on(-9),
          Submitted: on(-3),
          Approved: on(-1),
          Posted: on(-1),
          GMV: 1000,
          "Ads GMV": 500,
        },
        { "Collab ID": "K-4", "Campaign ID": "C-DUO", Creator: "@noah", SKU: "SKU-2", Accepted: on(-12) },
        {
          "Collab ID": "K-5",
          "Campaign ID": "C-DUO",
          Creator: "@ava",
          SKU: "SKU-1",
          Accepted: on(-5),
          Submitted: on(-1),
          Revisions: 2,
        },
        {
          "Collab ID": "K-6",
          "Campaign ID": "C-PART",
          Creator: "@mia",
          SKU: "SKU-3",
          Accepted: on(-5),
          Posted: on(-1),
          GMV: 200,
          "Ads GMV": 100,
        },
        { "Collab ID": "K-7", "Campaign ID": "C-DUO", Creator: "@noah", SKU: "SKU-1", Invited: on(-8) },
      ],
    ],
    ["Samples", [{ "Sample ID": "S-1", "Collab ID": "k-4", SKU: "SKU-2", Policy: "Free sample", Cost: 8 }]],
    ["Authorizations", []],
    ["Settings", []],
  ];
  for (const [name, rows] of seeds) bundle.emulator.seed(name, tab(name, rows));
  bundle.call("setUpWorkbookFromMenu");
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
  return bundle;
}

function records(bundle: LoadedBundle, name: string): Map<string, Row> {
  const [header = [], ...rows] = bundle.emulator.values(name);
  return new Map(
    rows.map((row) => {
      const record = Object.fromEntries(header.map((title, index) => [String(title), row[index]]));
      return [String(row[0]).trim(), record];
    }),
  );
}

describe("money and timing rules through build/Code.js", () => {
  const bundle = workbook();
  const collabs = records(bundle, "Collaborations");
  const campaigns = records(bundle, "Campaigns");
  const products = records(bundle, "Products");

  it("pays a reused creator the Target rate covering today, on every SKU and lane, whatever the row order", () => {
    // The Open-plan row of SKU-2 sits first, yet C-DUO (started later than C-OLD, covering SKU-2) sets its rate.
    expect(collabs.get("K-1")?.["Applied rate"]).toBe(0.2);
    // The ended Target row is read on its own last day.
    expect(collabs.get("K-2")?.["Applied rate"]).toBe(0.1);
    // 1000 x 20% + 500 ads GMV x 10% (C-DUO's ads rate) + 100 fee (approved) = 350 over 1500.
    expect(collabs.get("K-3")?.["Applied rate"]).toBe(0.2);
    expect(collabs.get("K-3")?.["Effective commission"]).toBeCloseTo(350 / 1500, 10);
    // A Partner campaign pays its own rate and ads rate: 200 x 15% + 100 x 8% = 38 over 300.
    expect(collabs.get("K-6")?.["Applied rate"]).toBe(0.15);
    expect(collabs.get("K-6")?.["Effective commission"]).toBeCloseTo(38 / 300, 10);
  });

  it("reserves per SKU and alerts on the product and every campaign reserving it", () => {
    // C-DUO holds 150 of each of its two SKUs: 50 more than each has in stock.
    expect(products.get("SKU-1")).toMatchObject({ Reserved: 150, Available: -50 });
    expect(products.get("SKU-2")).toMatchObject({ Reserved: 150, Available: -50 });
    expect(products.get("SKU-3")).toMatchObject({ Reserved: 50, Available: 450 });
    expect(String(campaigns.get("C-DUO")?.Checks)).toContain(
      "High: Reserved inventory of SKU-1 (150) is more than its stock on hand (100)",
    );
  });

  it("adds up spend against the budget", () => {
    // K-3 costs 350; the others owe nothing yet (no sales, no fee, the sample not shipped).
    expect(campaigns.get("C-DUO")).toMatchObject({ Spend: 350, "Budget used": 0.875 });
    expect(String(campaigns.get("C-DUO")?.Checks)).toContain(
      "Medium: Budget nearly used: $350.00 spent of $400.00 (88%)",
    );
  });

  it("puts timing on whoever owes it: the seller's sample, the invitation, the review round", () => {
    expect(collabs.get("K-4")).toMatchObject({
      "Payout status": "Awaiting sample",
      "Next action": "Ship the sample",
      Alerts: "",
    });
    expect(records(bundle, "Samples").get("S-1")?.Alerts).toBe(
      "High: Ship the sample: the creator's content was due 2 days ago and the sample has not shipped",
    );
    expect(collabs.get("K-5")?.["Payout status"]).toBe("Changes requested, round 2 of 3");
    expect(collabs.get("K-7")).toMatchObject({
      "Payout status": "Awaiting acceptance",
      Alerts: "Medium: Invitation sent 8 days ago, not accepted: follow it up",
    });
  });

  it("flags c-open and C-OPEN as one ID used twice", () => {
    expect(campaigns.get("c-open")?.Checks).toContain(
      "High: Campaign ID c-open is also on row 2 (as C-OPEN): give each row its own",
    );
  });

  it("computes the ladder and the review round in cells", () => {
    const cell = (name: string, ...args: unknown[]) => bundle.call(name, ...args);
    expect(cell("SHOP_ADS_RATE", [[0.08], [""], [""]], [[0.1], [0.1], [""]], 0.05, 0.2)).toEqual([
      [0.08],
      [0.1],
      [""],
    ]);
    expect(cell("PAYOUT_STATUS", "Flat fee + commission", "", on(-1), "", "", "", 3)).toBe(
      "Changes requested, round 3 of 3",
    );
  });
});

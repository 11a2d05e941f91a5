import { describe, expect, it } from "vitest";
import { ALERT_KINDS, type AlertKind } from "../../src/domain/alerts";
import { type Day, dayFromIso, zoneCalendar } from "../../src/domain/day";
import { type CheckInput, computeChecks } from "../../src/features/checks";
import type { TabName } from "../../src/workbook/schema";
import { teamTab } from "../support/team-tabs";

const calendar = zoneCalendar("America/Los_Angeles");
const today = dayFromIso("2026-11-25") as Day;
/** A date cell `offset` days from today, as Sheets hands it over: local midnight. */
const on = (offset: number) => calendar.midnightOf(today + offset);

type Rows = Record<string, unknown>[];

const tab = teamTab;

const baseCampaign = {
  "Campaign ID": "C-1",
  Name: "Holiday Glow",
  Objective: "Organic test",
  Lane: "Open",
  SKUs: "SKU-1",
  Start: on(-10),
  End: on(20),
  "Content types": "Short video",
  "Payment model": "Flat fee + commission",
  "Commission rate": 0.15,
  "Flat fee": 200,
  "Content due days": 10,
  "Sample policy": "Free sample",
  Amplification: "None",
  Owner: "maya@example.com",
  Status: "Live",
};
const baseProduct = {
  SKU: "SKU-1",
  Product: "Glow serum",
  Price: 30,
  "Stock on hand": 500,
  "Open rate": 0.12,
  "Sample cost": 8,
};
const baseCollab = {
  "Collab ID": "K-1",
  "Campaign ID": "C-1",
  Creator: "@mia",
  SKU: "SKU-1",
  Invited: on(-12),
  Accepted: on(-9),
  "Link kept": "Yes",
};

function run(parts: {
  campaigns?: Rows;
  products?: Rows;
  creators?: Rows;
  collabs?: Rows;
  samples?: Rows;
  auths?: Rows;
  settings?: Rows;
}) {
  const input: CheckInput = {
    today,
    calendar,
    tabs: {
      Products: tab("Products", parts.products ?? [baseProduct]),
      Campaigns: tab("Campaigns", parts.campaigns ?? [baseCampaign]),
      Creators: tab("Creators", parts.creators ?? [{ Creator: "@mia", "LIVE capable": "Yes" }]),
      Collaborations: tab("Collaborations", parts.collabs ?? [baseCollab]),
      Samples: tab("Samples", parts.samples ?? []),
      Authorizations: tab("Authorizations", parts.auths ?? []),
      Settings: tab("Settings", parts.settings ?? []),
    },
  };
  return computeChecks(input);
}

const kinds = (result: ReturnType<typeof run>) => result.alerts.map((alert) => alert.kind);
const owned = (result: ReturnType<typeof run>, tabName: TabName, key: string) =>
  result.owned.get(tabName)?.get(key);

describe("computeChecks: one alert kind at a time", () => {
  it("flags content due within the lead days, and overdue content", () => {
    const soon = run({ collabs: [{ ...baseCollab, "Content due": on(3) }] });
    expect(kinds(soon)).toEqual(["contentDueSoon"]);
    const overdue = run({ collabs: [{ ...baseCollab, "Content due": on(-3) }] });
    expect(kinds(overdue)).toEqual(["contentOverdue"]);
    expect(owned(overdue, "Collaborations", "K-1")).toMatchObject({
      "Payout status": "Content overdue by 3 days",
      Alerts: "High: Content overdue by 3 days",
    });
  });

  it("asks to follow up an invitation unanswered after the nudge days, instead of chasing content it does not owe", () => {
    // Recruited from the sidebar: invited 12 days ago, never accepted, its old due date passed.
    const invitation = { ...baseCollab, Accepted: "", "Content due": on(-3) };
    const lapsed = run({ collabs: [invitation] });
    expect(kinds(lapsed)).toEqual(["invitationNotAccepted"]);
    expect(owned(lapsed, "Collaborations", "K-1")).toMatchObject({
      "Payout status": "Awaiting acceptance",
      "Next action": "Follow up the invitation, or cancel it",
      Alerts: "Medium: Invitation sent 12 days ago, not accepted: follow it up",
    });
    // Within the nudge days (5) an open invitation raises nothing, whatever its due date says.
    const fresh = run({ collabs: [{ ...invitation, Invited: on(-2) }] });
    expect(kinds(fresh)).toEqual([]);
    expect(owned(fresh, "Collaborations", "K-1")?.["Next action"]).toBe("Wait for the creator to accept");
    expect(kinds(run({ collabs: [{ ...invitation, Invited: on(-5) }] }))).toEqual(["invitationNotAccepted"]);
    // Once accepted, content is owed.
    expect(kinds(run({ collabs: [{ ...invitation, Accepted: on(-5) }] }))).toEqual(["contentOverdue"]);
    // Without an Invited date the team does not track invitations: content is chased as before.
    expect(kinds(run({ collabs: [{ ...invitation, Invited: "" }] }))).toEqual(["contentOverdue"]);
  });

  it("counts a post as delivered content when no submission was logged", () => {
    const posted = run({ collabs: [{ ...baseCollab, "Content due": on(-3), Posted: on(-2) }] });
    expect(kinds(posted)).toEqual([]);
    expect(owned(posted, "Collaborations", "K-1")?.["Payout status"]).toBe("In review for 2 days");
  });

  it("computes Content due from Accepted + Content due days when it is blank", () => {
    // Accepted 9 days ago + 10 days: due tomorrow.
    const result = run({});
    expect(owned(result, "Collaborations", "K-1")?.["Payout status"]).toBe("Awaiting content, due tomorrow");
  });

  it("flags content in review for longer than the review days, and an approved unpaid fee", () => {
    const review = run({ collabs: [{ ...baseCollab, Submitted: on(-5) }] });
    expect(kinds(review)).toEqual(["reviewTooLong"]);
    const payable = run({ collabs: [{ ...baseCollab, Submitted: on(-5), Approved: on(-2) }] });
    expect(kinds(payable)).toEqual(["feeUnpaid"]);
    const paid = run({
      collabs: [{ ...baseCollab, Submitted: on(-5), Approved: on(-2), "Fee paid": on(-1) }],
    });
    expect(kinds(paid)).toEqual([]);
  });

  it("flags a delivered sample with no content by the due date, and a refund due", () => {
    const late = run({
      collabs: [{ ...baseCollab, "Content due": on(-2) }],
      samples: [
        {
          "Sample ID": "S-1",
          "Collab ID": "K-1",
          Policy: "Free sample",
          Cost: 8,
          Shipped: on(-8),
          Delivered: on(-6),
        },
      ],
    });
    expect(kinds(late)).toContain("sampleNoContent");
    const refund = run({
      collabs: [{ ...baseCollab, Posted: on(-3), Submitted: on(-4), "Content due": on(2) }],
      samples: [
        {
          "Sample ID": "S-1",
          "Collab ID": "K-1",
          Policy: "Refund after first sale",
          Cost: 8,
          Shipped: on(-8),
          Delivered: on(-6),
          "First sale": on(-1),
        },
      ],
    });
    expect(kinds(refund)).toContain("sampleRefundDue");
    // The amount in the workbook's currency (USD by default), as every amount the add-on shows.
    expect(refund.alerts.find((alert) => alert.kind === "sampleRefundDue")?.message).toBe(
      "Refund the sample cost ($8.00)",
    );
    expect(owned(refund, "Samples", "S-1")?.["Sample status"]).toBe("Refund due");
  });

  it("flags authorizations expiring, expired, and void because the link was removed", () => {
    const auth = { "Auth ID": "A-1", "Collab ID": "K-1", Code: "X", "Duration days": 30 };
    const expiring = run({ auths: [{ ...auth, Granted: on(-26) }] });
    expect(kinds(expiring)).toContain("authExpiring");
    const expired = run({ auths: [{ ...auth, Granted: on(-40) }] });
    expect(kinds(expired)).toContain("authExpired");
    const removed = run({
      collabs: [{ ...baseCollab, Posted: on(-2), "Link kept": "No" }],
      auths: [{ ...auth, Granted: on(-2) }],
    });
    expect(kinds(removed)).toContain("linkRemoved");
    expect(owned(removed, "Authorizations", "A-1")?.["Ad usable until"]).toBe("Link removed");
  });

  it("flags ads that stop before the planned amplification ends", () => {
    const campaign = {
      ...baseCampaign,
      Amplification: "Shop Ads",
      "Amplification start": on(0),
      "Amplification end": on(15),
      "Auth days needed": 16,
    };
    const result = run({
      campaigns: [campaign],
      auths: [{ "Auth ID": "A-1", "Collab ID": "K-1", Granted: on(-1), "Duration days": 7 }],
    });
    expect(kinds(result)).toContain("adsEndBeforePlan");
    expect(owned(result, "Authorizations", "A-1")?.["Ad usable until"]).toEqual(on(5));
    const notForAds = run({
      campaigns: [campaign],
      auths: [
        { "Auth ID": "A-1", "Collab ID": "K-1", Granted: on(-1), "Duration days": 7, "Ad use": "None" },
      ],
    });
    expect(kinds(notForAds)).not.toContain("adsEndBeforePlan");
  });

  it("flags a flash sale starting soon, outside the window, and assigned to a creator who is not LIVE capable", () => {
    const flash = {
      ...baseCampaign,
      Objective: "Event spike",
      "LIVE required": "Yes",
      "Content types": "LIVE",
      "Flash sale start": on(2),
      "Flash sale end": on(4),
      "Reserved inventory": 50,
    };
    const soon = run({ campaigns: [flash], creators: [{ Creator: "@mia", "LIVE capable": "No" }] });
    expect(kinds(soon)).toEqual(expect.arrayContaining(["flashSaleSoon", "flashSaleNotLive"]));
    const outside = run({ campaigns: [{ ...flash, "Flash sale start": on(18), "Flash sale end": on(25) }] });
    expect(kinds(outside)).toContain("flashSaleOutsideWindow");
  });

  it("flags reserved inventory above stock, alone and across campaigns", () => {
    const alone = run({ campaigns: [{ ...baseCampaign, "Reserved inventory": 900 }] });
    expect(kinds(alone)).toContain("inventoryOverStock");
    const second = { ...baseCampaign, "Campaign ID": "C-2", "Reserved inventory": 300 };
    const together = run({ campaigns: [{ ...baseCampaign, "Reserved inventory": 300 }, second] });
    const overStock = together.alerts.filter((alert) => alert.kind === "inventoryOverStock");
    // On the product and on every campaign that reserves it.
    expect(overStock.map((alert) => `${alert.tab} ${alert.key}`)).toEqual([
      "Products SKU-1",
      "Campaigns C-1",
      "Campaigns C-2",
    ]);
    expect(overStock[0]?.message).toBe("SKU-1: 600 reserved by C-1 (300), C-2 (300), 500 in stock");
    expect(owned(together, "Products", "SKU-1")).toEqual({ Reserved: 600, Available: -100 });
  });

  it("warns when a Target rate is below the product's Open rate, and the Target rate still applies", () => {
    const target = { ...baseCampaign, Lane: "Target", "Commission rate": 0.08 };
    const result = run({ campaigns: [target] });
    expect(kinds(result)).toContain("targetBelowOpen");
    expect(result.alerts.find((alert) => alert.kind === "targetBelowOpen")?.severity).toBe("Low");
    expect(owned(result, "Collaborations", "K-1")?.["Applied rate"]).toBe(0.08);
  });

  it("applies a creator's Target rate to the same SKU in an Open campaign, only inside the Target window", () => {
    const open = { ...baseCampaign, "Commission rate": 0.1 };
    const target = { ...baseCampaign, "Campaign ID": "C-T", Lane: "Target", "Commission rate": 0.2 };
    const collabs = [baseCollab, { ...baseCollab, "Collab ID": "K-T", "Campaign ID": "C-T" }];
    expect(
      owned(run({ campaigns: [open, target], collabs }), "Collaborations", "K-1")?.["Applied rate"],
    ).toBe(0.2);
    const ended = { ...target, Start: on(-30), End: on(-20) };
    expect(owned(run({ campaigns: [open, ended], collabs }), "Collaborations", "K-1")?.["Applied rate"]).toBe(
      0.12,
    );
  });

  it("flags a campaign ending soon", () => {
    const result = run({ campaigns: [{ ...baseCampaign, End: on(3) }] });
    expect(kinds(result)).toContain("campaignEnding");
    expect(owned(result, "Campaigns", "C-1")?.["Window status"]).toBe("Ending in 3 days");
  });

  it("flags a second row with the same ID, and computes from the first", () => {
    const result = run({
      collabs: [
        { ...baseCollab, "Content due": on(5) },
        { ...baseCollab, "Content due": on(-3) },
      ],
    });
    const duplicate = result.alerts.find((alert) => alert.kind === "duplicateId");
    expect(duplicate).toMatchObject({ key: "K-1", sheetRow: 3, severity: "High" });
    expect(duplicate?.message).toBe("Collab ID K-1 is also on row 2: give each row its own");
    expect(owned(result, "Collaborations", "K-1")?.["Payout status"]).toBe("Awaiting content, due in 5 days");
  });

  it("raises nothing for cancelled collaborations or wrapped campaigns", () => {
    const cancelled = run({ collabs: [{ ...baseCollab, "Content due": on(-3), Cancelled: "Yes" }] });
    expect(kinds(cancelled)).toEqual([]);
    const wrapped = run({
      campaigns: [{ ...baseCampaign, Status: "Wrapped" }],
      collabs: [{ ...baseCollab, "Content due": on(-3) }],
    });
    expect(kinds(wrapped)).toEqual([]);
  });

  it("flags an Owner cell that is a list or outside the allowed email domains", () => {
    const settings = [{ Key: "Manager emails", Value: "ops@example.com" }];
    const owner = (Owner: string, setUpBy?: string) =>
      computeChecks({
        today,
        calendar,
        tabs: {
          Campaigns: tab("Campaigns", [{ ...baseCampaign, Owner }]),
          Products: tab("Products", [baseProduct]),
          Settings: tab("Settings", settings),
        },
        ...(setUpBy ? { setUpBy } : {}),
      }).alerts.filter((alert) => alert.kind === "ownerAddress");
    expect(owner("maya@example.com")).toEqual([]);
    expect(owner("Maya")).toEqual([]);
    expect(owner("maya@example.com, li@example.com")[0]?.message).toMatch(/^Owner holds 2 entries/);
    expect(owner("lee@brand.example")[0]).toMatchObject({ tab: "Campaigns", key: "C-1", severity: "Medium" });
    expect(owner("lee@brand.example", "boss@brand.example")).toEqual([]);
  });

  it("covers every alert kind somewhere in these tests", () => {
    // Kept honest: a new kind without a test here fails this list.
    const tested: AlertKind[] = [
      "contentDueSoon",
      "contentOverdue",
      "invitationNotAccepted",
      "reviewTooLong",
      "feeUnpaid",
      "sampleNoContent",
      "sampleNudge",
      "sampleRefundDue",
      "authExpiring",
      "authExpired",
      "linkRemoved",
      "adsEndBeforePlan",
      "flashSaleSoon",
      "flashSaleOutsideWindow",
      "inventoryOverStock",
      "flashSaleNotLive",
      "targetBelowOpen",
      "campaignEnding",
      "briefProblem",
      "briefWarning",
      "duplicateId",
      "ownerAddress",
      "reviewRoundsUsed",
      "sampleNotShipped",
      "budgetNear",
      "budgetOver",
      "rateOutOfRange",
      // From the Orders tab: test/features/order-checks.test.ts.
      "commissionDiffers",
      "salesDifferFromOrders",
    ];
    expect(Object.keys(ALERT_KINDS).sort()).toEqual([...tested].sort());
  });
});

describe("computeChecks: the other owned columns", () => {
  it("nudges after the nudge days when a delivered sample has no post yet", () => {
    const result = run({
      collabs: [{ ...baseCollab, "Content due": on(5) }],
      samples: [
        { "Sample ID": "S-1", "Collab ID": "K-1", Policy: "Free sample", Shipped: on(-8), Delivered: on(-6) },
      ],
    });
    expect(kinds(result)).toContain("sampleNudge");
  });

  it("names brief problems in the campaign's Checks column", () => {
    const result = run({ campaigns: [{ ...baseCampaign, End: on(-20) }] });
    expect(kinds(result)).toContain("briefProblem");
    expect(String(owned(result, "Campaigns", "C-1")?.Checks)).toMatch(/^Medium: .*End/);
    const warning = run({ campaigns: [{ ...baseCampaign, "Payment model": "Commission only" }] });
    expect(kinds(warning)).toContain("briefWarning");
  });

  it("computes effective commission with the fee once payable and the sample cost borne", () => {
    const result = run({
      collabs: [{ ...baseCollab, Submitted: on(-5), Approved: on(-2), "Fee paid": on(-1), GMV: 1000 }],
      samples: [{ "Sample ID": "S-1", "Collab ID": "K-1", Policy: "Free sample", Cost: 8, Shipped: on(-8) }],
    });
    // (1000 * 12% + 200 + 8) / 1000
    expect(owned(result, "Collaborations", "K-1")?.["Effective commission"]).toBeCloseTo(0.328, 10);
    expect(owned(run({}), "Collaborations", "K-1")?.["Effective commission"]).toBe("No sales yet");
  });

  it("suggests creator pools from the Settings thresholds without touching the team's Pool", () => {
    const collabs = [1, 2].map((n) => ({
      ...baseCollab,
      "Collab ID": `K-${n}`,
      "Content due": on(-5),
      Submitted: on(-6),
      Approved: on(-4),
      "Fee paid": on(-3),
      Posted: on(-5),
      GMV: 5000,
    }));
    const auths = [{ "Auth ID": "A-1", "Collab ID": "K-1", Granted: on(-2), "Duration days": 60 }];
    const result = run({
      collabs,
      auths,
      creators: [{ Creator: "@mia", "LIVE capable": "Yes", Pool: "One-off" }],
    });
    expect(owned(result, "Creators", "@mia")).toMatchObject({
      Collaborations: 2,
      "On time": 1,
      "Suggested pool": "Priority",
    });
    expect(owned(result, "Creators", "@mia")).not.toHaveProperty("Pool");
    const strict = run({ collabs, auths, settings: [{ Key: "Priority min GMV", Value: 20000 }] });
    expect(owned(strict, "Creators", "@mia")?.["Suggested pool"]).toBe("One-off");
    expect(owned(run({}), "Creators", "@mia")?.["Suggested pool"]).toBe("Test more");
  });

  it("flags a bad setting in its Check cell and uses the default", () => {
    const result = run({ settings: [{ Key: "Alert lead days", Value: "soon" }] });
    expect(owned(result, "Settings", "Alert lead days")?.Check).toMatch(/whole number/);
    expect(result.settings.alertLeadDays).toBe(7);
  });

  it("lists live collaborations for the operating view, most urgent first", () => {
    const collabs = [
      { ...baseCollab, "Collab ID": "K-calm", "Content due": on(12) },
      { ...baseCollab, "Collab ID": "K-late", "Content due": on(-2) },
    ];
    const result = run({ collabs });
    expect(result.operations.rows.map((row) => row.collabId).sort()).toEqual(["K-calm", "K-late"]);
    const late = result.operations.rows.find((row) => row.collabId === "K-late");
    expect(late).toMatchObject({
      severityRank: 0,
      daysLeft: -2,
      nextAction: "Chase the content: content overdue by 2 days",
    });
  });
});

describe("computeChecks: money and timing a team can trust (issue 15)", () => {
  const open = {
    ...baseCampaign,
    "Payment model": "Commission only",
    "Sample policy": "No sample",
    "Commission rate": 0.1,
  };

  it("pays a reused creator the Target rate that covers today, not the first Target row", () => {
    const old = {
      ...open,
      "Campaign ID": "C-OLD",
      Lane: "Target",
      "Commission rate": 0.1,
      Start: on(-90),
      End: on(-60),
    };
    const current = { ...open, "Campaign ID": "C-NEW", Lane: "Target", "Commission rate": 0.2 };
    const collabs = [
      { ...baseCollab, "Collab ID": "K-OLD", "Campaign ID": "C-OLD", GMV: 1000 },
      { ...baseCollab, "Collab ID": "K-NEW", "Campaign ID": "C-NEW", GMV: 1000 },
    ];
    // Row order must not matter.
    for (const rows of [collabs, [...collabs].reverse()]) {
      const result = run({ campaigns: [old, current], collabs: rows });
      expect(owned(result, "Collaborations", "K-NEW")).toMatchObject({
        "Applied rate": 0.2,
        "Effective commission": 0.2,
      });
      // The ended campaign is read on its last day, when it covered itself.
      expect(owned(result, "Collaborations", "K-OLD")?.["Applied rate"]).toBe(0.1);
    }
  });

  it("covers every SKU of a Target campaign, on the creator's Open-lane rows too", () => {
    const target = {
      ...open,
      "Campaign ID": "C-T",
      Lane: "Target",
      SKUs: "SKU-1, SKU-2",
      "Commission rate": 0.2,
    };
    const products = [baseProduct, { ...baseProduct, SKU: "SKU-2", "Open rate": 0.12 }];
    const collabs = [
      { ...baseCollab, "Collab ID": "K-T", "Campaign ID": "C-T", SKU: "" },
      { ...baseCollab, "Collab ID": "K-O", "Campaign ID": "C-1", SKU: "sku-2 " },
    ];
    const result = run({ campaigns: [open, target], products, collabs });
    expect(owned(result, "Collaborations", "K-O")?.["Applied rate"]).toBe(0.2);
    expect(owned(result, "Collaborations", "K-T")?.["Applied rate"]).toBe(0.2);
    // A row with its own SKU covers only that SKU.
    const narrow = run({
      campaigns: [open, target],
      products,
      collabs: [
        { ...baseCollab, "Collab ID": "K-T", "Campaign ID": "C-T", SKU: "SKU-1" },
        { ...baseCollab, "Collab ID": "K-O", "Campaign ID": "C-1", SKU: "sku-2 " },
      ],
    });
    expect(owned(narrow, "Collaborations", "K-O")?.["Applied rate"]).toBe(0.12);
  });

  it("reserves inventory per SKU: 150 of each, or SKU: units pairs, summed over campaigns not ended", () => {
    const products = [
      { ...baseProduct, "Stock on hand": 100 },
      { ...baseProduct, SKU: "SKU-2", "Stock on hand": 100 },
    ];
    const each = { ...open, SKUs: "SKU-1, SKU-2", "Reserved inventory": 150 };
    const result = run({ campaigns: [each], products });
    expect(owned(result, "Products", "SKU-1")).toEqual({ Reserved: 150, Available: -50 });
    expect(owned(result, "Products", "SKU-2")).toEqual({ Reserved: 150, Available: -50 });
    const over = result.alerts.filter((alert) => alert.kind === "inventoryOverStock");
    expect(over.map((alert) => `${alert.tab} ${alert.key}`)).toEqual([
      "Products SKU-1",
      "Products SKU-2",
      "Campaigns C-1",
      "Campaigns C-1",
    ]);
    // The operating view shows the row's SKU against what all campaigns reserve of it.
    expect(result.operations.rows.find((row) => row.collabId === "K-1")).toMatchObject({
      stockOnHand: 100,
      reserved: 150,
    });
    const pairs = { ...each, "Reserved inventory": "SKU-1: 60, SKU-2: 40" };
    const ended = { ...each, "Campaign ID": "C-0", Start: on(-40), End: on(-1) };
    const fits = run({ campaigns: [pairs, ended], products });
    expect(owned(fits, "Products", "SKU-1")).toEqual({ Reserved: 60, Available: 40 });
    expect(owned(fits, "Products", "SKU-2")).toEqual({ Reserved: 40, Available: 60 });
    expect(kinds(fits)).not.toContain("inventoryOverStock");
  });

  it("asks the seller to ship an owed sample before content is due, and never chases the creator meanwhile", () => {
    const collab = { ...baseCollab, "Content due": on(-2) };
    const sample = { "Sample ID": "S-1", "Collab ID": "K-1", Policy: "Free sample" };
    const unshipped = run({ collabs: [collab], samples: [sample] });
    expect(kinds(unshipped)).toEqual(["sampleNotShipped"]);
    expect(owned(unshipped, "Samples", "S-1")?.Alerts).toBe(
      "High: Ship the sample: the creator's content was due 2 days ago and the sample has not shipped",
    );
    expect(owned(unshipped, "Collaborations", "K-1")).toMatchObject({
      "Payout status": "Awaiting sample",
      "Next action": "Ship the sample",
      Alerts: "",
    });
    // From the alert lead days (7) before the due day; not earlier.
    expect(kinds(run({ collabs: [{ ...collab, "Content due": on(7) }], samples: [sample] }))).toEqual([
      "sampleNotShipped",
    ]);
    expect(kinds(run({ collabs: [{ ...collab, "Content due": on(8) }], samples: [sample] }))).toEqual([]);
    // Shipped: the creator owes the content again.
    expect(kinds(run({ collabs: [collab], samples: [{ ...sample, Shipped: on(-5) }] }))).toEqual([
      "contentOverdue",
    ]);
  });

  it("shows the review round, and flags the third round without a decision", () => {
    const submitted = { ...baseCollab, Submitted: on(-1) };
    const round = (revisions: number) => run({ collabs: [{ ...submitted, Revisions: revisions }] });
    expect(owned(round(2), "Collaborations", "K-1")).toMatchObject({
      "Payout status": "Changes requested, round 2 of 3",
      "Next action": "Wait for the revised content (changes requested, round 2 of 3)",
      Alerts: "",
    });
    expect(kinds(round(3))).toEqual(["reviewRoundsUsed"]);
    expect(owned(round(3), "Collaborations", "K-1")?.["Next action"]).toBe(
      "Approve or reject the content: every review round is used",
    );
    expect(kinds(run({ collabs: [{ ...submitted, Revisions: 3, Approved: on(0) }] }))).toEqual(["feeUnpaid"]);
  });

  it("clears next actions once nothing is owed, and says one problem once", () => {
    const posted = { ...baseCollab, Submitted: on(-3), Posted: on(-3) };
    const commissionOnly = run({ campaigns: [open], collabs: [posted] });
    expect(owned(commissionOnly, "Collaborations", "K-1")?.["Next action"]).toBe("");
    const wrapped = run({
      campaigns: [{ ...baseCampaign, Status: "Wrapped" }],
      collabs: [{ ...baseCollab, Submitted: on(-3) }],
    });
    expect(owned(wrapped, "Collaborations", "K-1")?.["Next action"]).toBe("");
    // A rejected collaboration with an expired authorization: nothing to plan ads on.
    const ads = {
      ...baseCampaign,
      Amplification: "Shop Ads",
      "Amplification start": on(-5),
      "Amplification end": on(10),
    };
    const rejected = run({
      campaigns: [ads],
      collabs: [{ ...posted, Approved: "Rejected" }],
      auths: [{ "Auth ID": "A-1", "Collab ID": "K-1", Granted: on(-40), "Duration days": 30 }],
    });
    expect(kinds(rejected).filter((kind) => kind !== "briefWarning")).toEqual([]);
    // Not rejected: the expired authorization is one High alert, not two.
    const expired = run({
      campaigns: [ads],
      collabs: [posted],
      auths: [{ "Auth ID": "A-1", "Collab ID": "k-1 ", Granted: on(-40), "Duration days": 30 }],
    });
    expect(kinds(expired).filter((kind) => ALERT_KINDS[kind] === "High")).toEqual(["authExpired"]);
  });

  it("treats IDs trimmed and case-insensitively, and flags c-001 and C-001 as one ID used twice", () => {
    const result = run({
      campaigns: [
        { ...baseCampaign, "Campaign ID": "C-001" },
        { ...baseCampaign, "Campaign ID": "c-001 " },
      ],
      collabs: [{ ...baseCollab, "Campaign ID": " c-001" }],
    });
    const duplicate = result.alerts.find((alert) => alert.kind === "duplicateId");
    expect(duplicate?.message).toBe("Campaign ID c-001 is also on row 2 (as C-001): give each row its own");
    // The second row is not computed, but says why on itself.
    expect(owned(result, "Campaigns", "c-001")).toEqual({
      Checks: "High: Campaign ID c-001 is also on row 2 (as C-001): give each row its own",
    });
    expect(owned(result, "Campaigns", "C-001")?.Creators).toBe(1);
    expect(owned(result, "Collaborations", "K-1")?.["Window status"]).toBe("Open, 20 days left");
  });

  it("adds up spend against the budget, with 80% and 100% alerts", () => {
    const budgeted = { ...baseCampaign, Budget: 500 };
    const approved = {
      ...baseCollab,
      Submitted: on(-5),
      Approved: on(-2),
      "Fee paid": on(-1),
      GMV: 1000,
      "Ads GMV": 500,
    };
    // 1000 x 12% + 500 x 12% (no ads rate: the standard rate) + 200 fee + 8 sample = 388.
    const samples = [
      { "Sample ID": "S-1", "Collab ID": "K-1", Policy: "Free sample", Cost: 8, Shipped: on(-8) },
    ];
    const result = run({ campaigns: [budgeted], collabs: [approved], samples });
    expect(owned(result, "Campaigns", "C-1")).toMatchObject({ Spend: 388, "Budget used": 0.776 });
    expect(kinds(result)).toEqual([]);
    const near = run({ campaigns: [{ ...budgeted, Budget: 450 }], collabs: [approved], samples });
    expect(near.alerts.map((alert) => alert.message)).toEqual([
      "Budget nearly used: $388.00 spent of $450.00 (86%)",
    ]);
    const over = run({ campaigns: [{ ...budgeted, Budget: 300 }], collabs: [approved], samples });
    expect(over.alerts.map((alert) => [alert.severity, alert.message])).toEqual([
      ["High", "Over budget: $388.00 spent of $300.00 (129%)"],
    ]);
    expect(owned(run({}), "Campaigns", "C-1")).toMatchObject({ Spend: 0, "Budget used": "" });
  });

  it("pays ad orders by the ladder: Partner campaign > Target > Open ads rate > the standard rate", () => {
    const products = [{ ...baseProduct, "Open ads rate": 0.05 }];
    const sales = { ...baseCollab, GMV: 0, "Ads GMV": 1000 };
    const effective = (
      campaigns: Record<string, unknown>[],
      collabs: Record<string, unknown>[] = [sales],
      rows: Record<string, unknown>[] = products,
    ) =>
      owned(run({ campaigns, collabs, products: rows }), "Collaborations", "K-1")?.["Effective commission"];
    expect(effective([open])).toBe(0.05);
    expect(effective([open], [sales], [baseProduct])).toBe(0.12);
    const target = {
      ...open,
      "Campaign ID": "C-T",
      Lane: "Target",
      "Commission rate": 0.2,
      "Ads rate": 0.08,
    };
    const targetRow = { ...baseCollab, "Collab ID": "K-T", "Campaign ID": "C-T" };
    expect(effective([open, target], [sales, targetRow])).toBe(0.08);
    const partner = { ...open, Lane: "Partner", "Commission rate": 0.15, "Ads rate": 0.1 };
    expect(effective([partner, target], [sales, targetRow])).toBe(0.1);
    // The Partner campaign's own rate pays its organic sales too.
    const partnerRow = owned(
      run({ campaigns: [partner, target], collabs: [sales, targetRow], products }),
      "Collaborations",
      "K-1",
    );
    expect(partnerRow?.["Applied rate"]).toBe(0.15);
    // A campaign's ads rate outside 1-80% is a brief problem, and not applied.
    const badPartner = run({
      campaigns: [{ ...partner, "Ads rate": 0.85 }, target],
      collabs: [sales, targetRow],
      products,
    });
    expect(badPartner.alerts.find((alert) => alert.kind === "briefProblem")?.message).toBe(
      "Ads rate: expected an ads rate from 1% to 80% (5% = 0.05)",
    );
    expect(owned(badPartner, "Collaborations", "K-1")?.["Effective commission"]).toBe(0.08);
    // An Open ads rate outside 1-80% is flagged and not applied.
    const wild = run({
      campaigns: [open],
      collabs: [sales],
      products: [{ ...baseProduct, "Open ads rate": 0.9 }],
    });
    expect(kinds(wild)).toContain("rateOutOfRange");
    expect(wild.alerts.find((alert) => alert.kind === "rateOutOfRange")?.message).toBe(
      "Open ads rate of SKU-1 (90%) is outside 1% to 80%: it is not applied",
    );
    expect(owned(wild, "Collaborations", "K-1")?.["Effective commission"]).toBe(0.12);
  });
});

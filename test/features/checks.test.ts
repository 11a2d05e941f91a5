import { describe, expect, it } from "vitest";
import { ALERT_KINDS, type AlertKind } from "../../src/domain/alerts";
import { type Day, dayFromIso, zoneCalendar } from "../../src/domain/day";
import { type CheckInput, computeChecks } from "../../src/features/checks";
import { type TabName, tabSchema } from "../../src/workbook/schema";

const calendar = zoneCalendar("America/Los_Angeles");
const today = dayFromIso("2026-11-25") as Day;
/** A date cell `offset` days from today, as Sheets hands it over: local midnight. */
const on = (offset: number) => calendar.midnightOf(today + offset);

type Rows = Record<string, unknown>[];

/** A tab in the contract's team columns, with the given rows. */
function tab(name: TabName, rows: Rows): unknown[][] {
  const headers = tabSchema(name)
    .columns.filter((column) => !column.owned)
    .map((column) => column.header);
  return [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ""))];
}

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

  it("asks to follow up an invitation nobody accepted, instead of chasing content it does not owe", () => {
    // Recruited from the sidebar: invited, with a content due date, never accepted.
    const invitation = { ...baseCollab, Accepted: "", "Content due": on(-3) };
    const lapsed = run({ collabs: [invitation] });
    expect(kinds(lapsed)).toEqual(["invitationNotAccepted"]);
    expect(owned(lapsed, "Collaborations", "K-1")).toMatchObject({
      "Next action": "Follow up the invitation, or cancel it",
      Alerts: "Medium: Invitation not accepted, and its content due date passed 3 days ago",
    });
    // Before its due date an open invitation raises nothing; once accepted, content is owed.
    expect(kinds(run({ collabs: [{ ...invitation, "Content due": on(3) }] }))).toEqual([]);
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
    expect(kinds(together).filter((kind) => kind === "inventoryOverStock")).toHaveLength(2);
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
    expect(result.operations.map((row) => row.collabId).sort()).toEqual(["K-calm", "K-late"]);
    const late = result.operations.find((row) => row.collabId === "K-late");
    expect(late).toMatchObject({
      severityRank: 0,
      daysLeft: -2,
      nextAction: "Chase the content: content overdue by 2 days",
    });
  });
});

/**
 * Issue 15's rules, one at a time and as properties: the Shop Ads ladder, reserved inventory per
 * SKU, spend against budget, review rounds and acceptance in the payout line, and shipping samples.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ADS_RATE_SOURCES, adsRate, isAdsRateBelowOpen, isAdsRateInRange } from "../../src/domain/ads-rates";
import { budgetLevel, budgetUsed, campaignSpend } from "../../src/domain/budget";
import { amountPaid } from "../../src/domain/commission";
import { dayFromIso } from "../../src/domain/day";
import { reservationOf, reservedBySku } from "../../src/domain/inventory";
import { payoutStatus, reviewRoundsUsed } from "../../src/domain/payout";
import { collaborationRate } from "../../src/domain/rates";
import { sampleShipping } from "../../src/domain/samples";
import { payoutText } from "../../src/domain/status-text";

const today = dayFromIso("2026-11-25") as number;
const adsRateArb = fc.option(fc.double({ min: 0.01, max: 0.8, noNaN: true }), { nil: undefined });

describe("the Shop Ads ladder", () => {
  it("takes the first rate set: Partner, Target, Open, then the standard rate", () => {
    expect(adsRate({ partnerAdsRate: 0.1, targetAdsRate: 0.2, openAdsRate: 0.3, standardRate: 0.4 })).toEqual(
      {
        rate: 0.1,
        source: "Partner",
      },
    );
    expect(adsRate({ targetAdsRate: 0.2, openAdsRate: 0.3, standardRate: 0.4 })?.source).toBe("Target");
    expect(adsRate({ openAdsRate: 0.3, standardRate: 0.4 })?.source).toBe("Open");
    expect(adsRate({ standardRate: 0.4 })).toEqual({ rate: 0.4, source: "Standard" });
    expect(adsRate({})).toBeUndefined();
  });

  it("accepts 1% to 80% only, and flags a rate below the Open ads rate", () => {
    expect([0.0099, 0.01, 0.05, 0.8, 0.8000000000000002, 0.81].map(isAdsRateInRange)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(isAdsRateBelowOpen(0.04, 0.05)).toBe(true);
    expect(isAdsRateBelowOpen(0.05, 0.05)).toBe(false);
    expect(isAdsRateBelowOpen(0.04, undefined)).toBe(false);
  });

  test.prop([adsRateArb, adsRateArb, adsRateArb, adsRateArb])(
    "never picks a lower-priority rate when a higher one exists",
    (partnerAdsRate, targetAdsRate, openAdsRate, standardRate) => {
      const terms = { partnerAdsRate, targetAdsRate, openAdsRate, standardRate };
      const picked = adsRate(terms);
      const ladder = [partnerAdsRate, targetAdsRate, openAdsRate, standardRate];
      const first = ladder.findIndex((rate) => rate !== undefined);
      if (first < 0) expect(picked).toBeUndefined();
      else expect(picked).toEqual({ rate: ladder[first], source: ADS_RATE_SOURCES[first] });
    },
  );

  it("lets a Partner campaign's rate beat a covering Target rate, which beats Open", () => {
    expect(collaborationRate({ partnerRate: 0.15, coveringTargetRate: 0.2, openRate: 0.1 })?.lane).toBe(
      "Partner",
    );
    expect(collaborationRate({ coveringTargetRate: 0.05, openRate: 0.1 })).toEqual({
      rate: 0.05,
      lane: "Target",
    });
    expect(collaborationRate({ openRate: 0.1 })?.lane).toBe("Open");
  });
});

describe("reserved inventory per SKU", () => {
  const skus = ["SKU-1", "SKU-2"];
  it("reads a number as units of each SKU, or SKU: units pairs matched like IDs", () => {
    expect(reservationOf(150, skus)).toEqual({
      ok: true,
      perSku: new Map([
        ["sku-1", 150],
        ["sku-2", 150],
      ]),
    });
    expect(reservationOf(" 150 ", skus)).toEqual({
      ok: true,
      perSku: new Map([
        ["sku-1", 150],
        ["sku-2", 150],
      ]),
    });
    expect(reservationOf("sku-1: 100, SKU-2 : 50", skus)).toEqual({
      ok: true,
      perSku: new Map([
        ["sku-1", 100],
        ["sku-2", 50],
      ]),
    });
    expect(reservationOf("", skus)).toEqual({ ok: true, perSku: new Map() });
  });

  it("says what is wrong instead of guessing", () => {
    expect(reservationOf("SKU-1: 10, SKU-1: 5", skus)).toEqual({
      ok: false,
      message: "SKU-1 is listed twice",
    });
    expect(reservationOf("SKU-3: 10", skus)).toEqual({
      ok: false,
      message: "SKU-3 is not one of the campaign's SKUs",
    });
    expect(reservationOf(1.5, skus)).toEqual({
      ok: false,
      message: "expected a whole number of units, got 1.5",
    });
    expect(reservationOf("SKU-1: -4", skus).ok).toBe(false);
  });

  const campaign = fc.record({
    holds: fc.boolean(),
    units: fc.array(fc.tuple(fc.constantFrom("sku-1", "sku-2", "sku-3"), fc.nat(1000)), { maxLength: 3 }),
  });
  test.prop([fc.array(campaign, { maxLength: 8 })])(
    "sums over the campaigns that have not ended, SKU by SKU",
    (campaigns) => {
      const reservations = campaigns.map((entry) => ({
        holds: entry.holds,
        perSku: new Map<string, number>(entry.units),
      }));
      const total = reservedBySku(reservations);
      for (const sku of ["sku-1", "sku-2", "sku-3"]) {
        const expected = reservations
          .filter((entry) => entry.holds)
          .reduce((sum, entry) => sum + (entry.perSku.get(sku) ?? 0), 0);
        expect(total.get(sku) ?? 0).toBe(expected);
      }
    },
  );
});

describe("spend against budget", () => {
  const amount = fc.integer({ min: 0, max: 1_000_000 });
  const rate = fc.integer({ min: 0, max: 80 }).map((percent) => percent / 100);
  const cost = fc.record({
    gmv: amount,
    rate,
    adsGmv: amount,
    adsRate: rate,
    flatFee: amount,
    sampleCost: amount,
  });
  test.prop([fc.array(cost, { maxLength: 10 })])("spend equals the sum of its parts", (costs) => {
    const parts = costs.reduce(
      (sum, part) => sum + part.gmv * part.rate + part.adsGmv * part.adsRate + part.flatFee + part.sampleCost,
      0,
    );
    expect(campaignSpend(costs)).toBeCloseTo(parts, 6);
    expect(campaignSpend(costs)).toBeCloseTo(
      costs.reduce((sum, part) => sum + amountPaid(part), 0),
      6,
    );
  });

  it("flags 80% used and over 100%", () => {
    expect(budgetUsed(400, 500)).toBe(0.8);
    expect(budgetUsed(400, 0)).toBeUndefined();
    expect(budgetUsed(400, undefined)).toBeUndefined();
    expect([0.79, 0.8, 1, 1.01, undefined].map(budgetLevel)).toEqual([
      "Within",
      "Near",
      "Near",
      "Over",
      "Within",
    ]);
  });
});

describe("the payout line: acceptance and review rounds", () => {
  const flat = { paymentModel: "Flat fee + commission" as const, today };
  it("owes nothing before acceptance, whatever the due date says", () => {
    expect(payoutStatus({ ...flat, contentDue: today - 3, awaitingAcceptance: true })).toEqual({
      state: "Awaiting acceptance",
    });
    expect(payoutStatus({ ...flat, contentDue: today - 3 }).state).toBe("Content overdue");
    // Accepted, but the seller has not shipped the sample it owes: the content waits on the seller.
    expect(payoutStatus({ ...flat, contentDue: today - 3, sampleOwed: true })).toEqual({
      state: "Awaiting sample",
    });
    expect(
      payoutStatus({ ...flat, contentDue: today - 3, sampleOwed: true, submitted: today - 1 }).state,
    ).toBe("In review");
    expect(payoutStatus({ ...flat, awaitingAcceptance: true, paymentModel: "Commission only" }).state).toBe(
      "Commission only",
    );
  });

  it("shows the round of changes asked for, and the third round needs a decision", () => {
    const round = (revisions: number) => payoutStatus({ ...flat, submitted: today - 2, revisions });
    expect(payoutText(round(0))).toBe("In review for 2 days");
    expect(payoutText(round(2))).toBe("Changes requested, round 2 of 3");
    expect(reviewRoundsUsed(round(2))).toBe(false);
    expect(reviewRoundsUsed(round(3))).toBe(true);
    expect(payoutStatus({ ...flat, submitted: today - 2, revisions: 3, approved: today }).state).toBe(
      "Payable",
    );
    expect(payoutStatus({ ...flat, submitted: today - 2, revisions: 3, approved: "Rejected" }).state).toBe(
      "Rejected",
    );
  });
});

describe("shipping a sample the seller owes", () => {
  const owed = { policy: "Free sample" as const, today, leadDays: 7 };
  it("asks to ship from the lead days before content is due, late after it", () => {
    expect(sampleShipping({ ...owed, contentDue: today + 8 })).toBe("None");
    expect(sampleShipping({ ...owed, contentDue: today + 7 })).toBe("Ship");
    expect(sampleShipping({ ...owed, contentDue: today - 1 })).toBe("Late");
    expect(sampleShipping({ ...owed, contentDue: today, shipped: today - 1 })).toBe("None");
    expect(sampleShipping({ ...owed, policy: "No sample", contentDue: today })).toBe("None");
    expect(sampleShipping({ ...owed, policy: "Refund after first sale", contentDue: today })).toBe("Ship");
  });
});

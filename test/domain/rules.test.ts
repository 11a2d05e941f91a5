import { describe, expect, it } from "vitest";
import { adUsableUntil, amplificationOutlastsUse, authStatus } from "../../src/domain/authorization";
import { matchChoice, PAYMENT_MODELS, splitList } from "../../src/domain/choices";
import { effectiveCommission, effectiveCommissionOf } from "../../src/domain/commission";
import { dayFromIso } from "../../src/domain/day";
import { contentDueDay, deliveredOnTime, flatFeeOwed, payoutStatus } from "../../src/domain/payout";
import { suggestedPool } from "../../src/domain/pools";
import { appliedRate, isTargetBelowOpen } from "../../src/domain/rates";
import { sampleCostBorne, sampleFollowUp, sampleState, sampleToPost } from "../../src/domain/samples";
import { authText, payoutText, windowText } from "../../src/domain/status-text";
import { readFlag, readNumber, readRate } from "../../src/domain/values";
import { windowStatus } from "../../src/domain/windows";

const d = (iso: string): number => {
  const day = dayFromIso(iso);
  if (day === undefined) throw new Error(iso);
  return day;
};

describe("rate priority", () => {
  const window = { targetStart: d("2026-12-01"), targetEnd: d("2026-12-10") };
  it("gives the Target rate inside the window, even when lower or 0%", () => {
    expect(appliedRate({ targetRate: 0.1, openRate: 0.15, ...window, saleDay: d("2026-12-05") })).toEqual({
      rate: 0.1,
      lane: "Target",
    });
    expect(appliedRate({ targetRate: 0, openRate: 0.15, ...window, saleDay: d("2026-12-01") })?.rate).toBe(0);
    expect(appliedRate({ targetRate: 0.2, openRate: 0.15, ...window, saleDay: d("2026-12-10") })?.rate).toBe(
      0.2,
    );
  });
  it("gives the Open rate outside the window", () => {
    expect(appliedRate({ targetRate: 0.2, openRate: 0.15, ...window, saleDay: d("2026-12-11") })).toEqual({
      rate: 0.15,
      lane: "Open",
    });
    expect(appliedRate({ targetRate: 0.2, openRate: 0.15, ...window, saleDay: d("2026-11-30") })?.lane).toBe(
      "Open",
    );
  });
  it("applies the Target rate when no sale date or no window bound is given", () => {
    expect(appliedRate({ targetRate: 0.2, openRate: 0.15, ...window })?.lane).toBe("Target");
    expect(appliedRate({ targetRate: 0.2, saleDay: d("2030-01-01") })?.lane).toBe("Target");
  });
  it("gives nothing when neither applies", () => {
    expect(appliedRate({})).toBeUndefined();
    expect(appliedRate({ targetRate: 0.2, ...window, saleDay: d("2027-01-01") })).toBeUndefined();
    expect(appliedRate({ openRate: 0 })?.rate).toBe(0);
  });
  it("flags a Target rate below the Open rate", () => {
    expect(isTargetBelowOpen(0.1, 0.15)).toBe(true);
    expect(isTargetBelowOpen(0.15, 0.15)).toBe(false);
  });
});

describe("payout", () => {
  const today = d("2026-12-10");
  const flat = "Flat fee + commission" as const;
  it("is Commission only whatever the dates", () => {
    expect(payoutStatus({ paymentModel: "Commission only", contentDue: d("2026-12-01"), today }).state).toBe(
      "Commission only",
    );
  });
  it("awaits content up to and including the due day", () => {
    expect(payoutStatus({ paymentModel: flat, contentDue: d("2026-12-13"), today })).toEqual({
      state: "Awaiting content",
      days: 3,
    });
    expect(payoutStatus({ paymentModel: flat, contentDue: today, today })).toEqual({
      state: "Awaiting content",
      days: 0,
    });
    expect(payoutStatus({ paymentModel: flat, today })).toEqual({ state: "Awaiting content" });
  });
  it("is overdue the day after the due day", () => {
    expect(payoutStatus({ paymentModel: flat, contentDue: d("2026-12-09"), today })).toEqual({
      state: "Content overdue",
      days: 1,
    });
  });
  it("moves through review, payable and paid", () => {
    const base = { paymentModel: flat, contentDue: d("2026-12-05"), today };
    expect(payoutStatus({ ...base, submitted: d("2026-12-08") })).toEqual({ state: "In review", days: 2 });
    expect(payoutStatus({ ...base, submitted: d("2026-12-08"), approved: d("2026-12-09") })).toEqual({
      state: "Payable",
      days: 1,
    });
    expect(
      payoutStatus({ ...base, submitted: d("2026-12-08"), approved: d("2026-12-09"), paid: today }).state,
    ).toBe("Paid");
  });
  it("is Rejected when approval says so, unless already paid", () => {
    expect(
      payoutStatus({ paymentModel: flat, submitted: d("2026-12-08"), approved: "Rejected", today }).state,
    ).toBe("Rejected");
    expect(payoutStatus({ paymentModel: flat, approved: "Rejected", paid: today, today }).state).toBe("Paid");
  });
  it("computes the content due day from acceptance when the date is blank", () => {
    expect(contentDueDay({ accepted: d("2026-12-01"), contentDueDays: 7 })).toBe(d("2026-12-08"));
    expect(contentDueDay({ contentDue: d("2026-12-03"), accepted: d("2026-12-01"), contentDueDays: 7 })).toBe(
      d("2026-12-03"),
    );
    expect(contentDueDay({ accepted: d("2026-12-01") })).toBeUndefined();
  });
  it("knows on-time delivery and when the fee is owed", () => {
    expect(deliveredOnTime(d("2026-12-05"), d("2026-12-05"))).toBe(true);
    expect(deliveredOnTime(d("2026-12-05"), d("2026-12-06"))).toBe(false);
    expect(deliveredOnTime(undefined, d("2026-12-06"))).toBeUndefined();
    expect(flatFeeOwed("In review", 500)).toBe(0);
    expect(flatFeeOwed("Payable", 500)).toBe(500);
    expect(flatFeeOwed("Paid", 500)).toBe(500);
  });
  it("words each state", () => {
    expect(payoutText({ state: "Awaiting content", days: 0 })).toBe("Awaiting content, due today");
    expect(payoutText({ state: "Awaiting content", days: 1 })).toBe("Awaiting content, due tomorrow");
    expect(payoutText({ state: "Awaiting content", days: 4 })).toBe("Awaiting content, due in 4 days");
    expect(payoutText({ state: "Content overdue", days: 3 })).toBe("Content overdue by 3 days");
    expect(payoutText({ state: "Content overdue", days: 1 })).toBe("Content overdue by 1 day");
    expect(payoutText({ state: "In review", days: 0 })).toBe("In review");
    expect(payoutText({ state: "In review", days: 2 })).toBe("In review for 2 days");
    expect(payoutText({ state: "Paid", days: 2 })).toBe("Paid");
    expect(payoutText({ state: "Rejected" })).toBe("Rejected");
  });
});

describe("samples", () => {
  const refund = "Refund after first sale" as const;
  it("follows a free sample", () => {
    expect(sampleState({ policy: "Free sample" })).toBe("Not shipped");
    expect(sampleState({ policy: "Free sample", shipped: 1 })).toBe("Shipped");
    expect(sampleState({ policy: "Free sample", shipped: 1, delivered: 3, firstSale: 5 })).toBe("Delivered");
  });
  it("follows a refund-after-first-sale sample", () => {
    expect(sampleState({ policy: refund })).toBe("Not shipped");
    expect(sampleState({ policy: refund, shipped: 1 })).toBe("Shipped");
    expect(sampleState({ policy: refund, shipped: 1, delivered: 3 })).toBe("Awaiting first sale");
    expect(sampleState({ policy: refund, shipped: 1, delivered: 3, firstSale: 5 })).toBe("Refund due");
    expect(sampleState({ policy: refund, shipped: 1, delivered: 3, firstSale: 5, refunded: 6 })).toBe(
      "Refunded",
    );
    expect(sampleState({ policy: refund, firstSale: 5 })).toBe("Refund due");
  });
  it("has no states without a sample", () => {
    expect(sampleState({ policy: "No sample", shipped: 1 })).toBe("No sample");
  });
  it("knows what cost the seller bears", () => {
    expect(sampleCostBorne("Free sample", "Not shipped", 20)).toBe(0);
    expect(sampleCostBorne("Free sample", "Shipped", 20)).toBe(20);
    expect(sampleCostBorne(refund, "Awaiting first sale", 20)).toBe(0);
    expect(sampleCostBorne(refund, "Refund due", 20)).toBe(20);
    expect(sampleCostBorne("No sample", "No sample", 20)).toBe(0);
  });
  it("nudges, then alerts, when a delivered sample has no post", () => {
    const base = { delivered: 100, contentDue: 110, nudgeDays: 5 };
    expect(sampleFollowUp({ ...base, today: 104 })).toBe("None");
    expect(sampleFollowUp({ ...base, today: 105 })).toBe("Nudge");
    expect(sampleFollowUp({ ...base, today: 110 })).toBe("Nudge");
    expect(sampleFollowUp({ ...base, today: 111 })).toBe("Alert");
    expect(sampleFollowUp({ ...base, posted: 103, today: 111 })).toBe("None");
  });
  it("measures sample-to-post", () => {
    expect(sampleToPost(0, 0)).toBeUndefined();
    expect(sampleToPost(4, 3)).toBe(0.75);
  });
});

describe("ad authorization", () => {
  const granted = d("2026-12-01");
  it("is usable until the earlier of authorization expiry and collaboration end", () => {
    expect(adUsableUntil({ granted, durationDays: 7 })).toEqual({
      kind: "Until",
      day: d("2026-12-07"),
      limitedBy: "Authorization",
    });
    expect(adUsableUntil({ granted, durationDays: 30, collabEnd: d("2026-12-15") })).toEqual({
      kind: "Until",
      day: d("2026-12-15"),
      limitedBy: "Collaboration",
    });
    expect(adUsableUntil({ granted, durationDays: 7, collabEnd: d("2026-12-07") })).toMatchObject({
      day: d("2026-12-07"),
    });
  });
  it("is void when the link is removed or the collaboration cancelled", () => {
    expect(adUsableUntil({ granted, durationDays: 7, linkKept: false })).toEqual({ kind: "Link removed" });
    expect(adUsableUntil({ granted, durationDays: 7, linkKept: true }).kind).toBe("Until");
    expect(adUsableUntil({ granted, durationDays: 7, cancelled: true }).kind).toBe("Cancelled");
  });
  it("has a state for every case", () => {
    const base = { granted, durationDays: 30, leadDays: 7 };
    expect(authStatus({ today: granted, leadDays: 7 }).state).toBe("Not authorized");
    expect(authStatus({ ...base, today: d("2026-11-30") })).toEqual({
      state: "Not authorized",
      grantedLater: granted,
    });
    expect(authStatus({ ...base, today: d("2026-12-05") })).toEqual({
      state: "Valid",
      until: d("2026-12-30"),
      days: 25,
    });
    expect(authStatus({ ...base, today: d("2026-12-23") }).state).toBe("Expiring");
    expect(authStatus({ ...base, today: d("2026-12-22") }).state).toBe("Valid");
    expect(authStatus({ ...base, today: d("2026-12-30") })).toEqual({
      state: "Expiring",
      until: d("2026-12-30"),
      days: 0,
    });
    expect(authStatus({ ...base, today: d("2026-12-31") })).toEqual({
      state: "Expired",
      until: d("2026-12-30"),
      days: 1,
    });
    expect(authStatus({ ...base, linkKept: false, today: d("2026-12-05") }).state).toBe("Link removed");
    expect(authStatus({ ...base, collabEnd: d("2026-12-10"), today: d("2026-12-11") })).toEqual({
      state: "Collaboration ended",
      until: d("2026-12-10"),
      days: 1,
    });
    expect(authStatus({ ...base, cancelled: true, today: d("2026-12-05") }).state).toBe(
      "Collaboration ended",
    );
  });
  it("words each state", () => {
    expect(authText({ state: "Valid", until: d("2026-12-30"), days: 25 })).toBe(
      "Valid until 2026-12-30 (25 days left)",
    );
    expect(authText({ state: "Expiring", until: d("2026-12-30"), days: 0 })).toBe(
      "Expiring today (2026-12-30)",
    );
    expect(authText({ state: "Expiring", until: d("2026-12-30"), days: 3 })).toBe(
      "Expiring in 3 days (2026-12-30)",
    );
    expect(authText({ state: "Expired", until: d("2026-12-30"), days: 1 })).toBe(
      "Expired, last day 2026-12-30",
    );
    expect(authText({ state: "Collaboration ended", until: d("2026-12-10"), days: 1 })).toBe(
      "Collaboration ended 2026-12-10",
    );
    expect(authText({ state: "Not authorized", grantedLater: granted })).toBe(
      "Not authorized until 2026-12-01",
    );
    expect(authText({ state: "Link removed" })).toBe("Link removed");
  });
  it("flags amplification planned past the usable day", () => {
    const usable = adUsableUntil({ granted, durationDays: 7 });
    expect(amplificationOutlastsUse(d("2026-12-07"), usable)).toBe(false);
    expect(amplificationOutlastsUse(d("2026-12-08"), usable)).toBe(true);
    expect(amplificationOutlastsUse(d("2026-12-02"), { kind: "Link removed" })).toBe(true);
  });
});

describe("windows", () => {
  const start = d("2026-12-01");
  const end = d("2026-12-20");
  const at = (iso: string, leadDays = 7) => windowStatus({ start, end, today: d(iso), leadDays });
  it("has every state and boundary", () => {
    expect(at("2026-11-28")).toEqual({ state: "Upcoming", days: 3 });
    expect(at("2026-12-01")).toEqual({ state: "Open", days: 19 });
    expect(at("2026-12-12")).toEqual({ state: "Open", days: 8 });
    expect(at("2026-12-13")).toEqual({ state: "Ending", days: 7 });
    expect(at("2026-12-20")).toEqual({ state: "Ending", days: 0 });
    expect(at("2026-12-21")).toEqual({ state: "Ended", days: 1 });
    expect(at("2026-12-19", 0)).toEqual({ state: "Open", days: 1 });
  });
  it("words each state", () => {
    expect(windowText({ state: "Upcoming", days: 1 })).toBe("Upcoming, starts tomorrow");
    expect(windowText({ state: "Upcoming", days: 3 })).toBe("Upcoming, starts in 3 days");
    expect(windowText({ state: "Open", days: 19 })).toBe("Open, 19 days left");
    expect(windowText({ state: "Ending", days: 0 })).toBe("Ending today");
    expect(windowText({ state: "Ending", days: 2 })).toBe("Ending in 2 days");
    expect(windowText({ state: "Ended", days: 1 })).toBe("Ended yesterday");
    expect(windowText({ state: "Ended", days: 4 })).toBe("Ended 4 days ago");
  });
});

describe("effective commission", () => {
  it("divides everything paid by all GMV", () => {
    expect(effectiveCommission({ gmv: 1000, rate: 0.1 })).toBeCloseTo(0.1);
    expect(
      effectiveCommission({
        gmv: 1000,
        rate: 0.1,
        adsGmv: 1000,
        adsRate: 0.05,
        flatFee: 100,
        sampleCost: 50,
      }),
    ).toBeCloseTo((100 + 50 + 100 + 50) / 2000);
    expect(effectiveCommission({ gmv: 0, rate: 0.1, adsGmv: 500, adsRate: 0.1 })).toBeCloseTo(0.1);
    expect(effectiveCommission({ gmv: 1000, rate: 0 })).toBe(0);
  });
  it("has no rate without GMV", () => {
    expect(effectiveCommission({ gmv: 0, rate: 0.1, flatFee: 500 })).toBeUndefined();
    expect(effectiveCommissionOf([])).toBeUndefined();
  });
  it("of a creator's record is all they cost over all their GMV, not an average of rates", () => {
    const big = { gmv: 9000, rate: 0.1 };
    const small = { gmv: 1000, rate: 0.1, flatFee: 500 };
    expect(effectiveCommissionOf([big, small])).toBeCloseTo((900 + 100 + 500) / 10000);
    expect(effectiveCommissionOf([big])).toBe(effectiveCommission(big));
  });
});

describe("suggested pool", () => {
  const thresholds = {
    priorityMinGmv: 1000,
    priorityMaxEffectiveCommission: 0.25,
    testMoreBelowCollaborations: 2,
  };
  const star = {
    collaborations: 3,
    deliveredOnTime: true,
    gmvTotal: 5000,
    hasAuthorizedContent: true,
    effectiveCommission: 0.2,
  };
  it("suggests Priority only when every threshold holds", () => {
    expect(suggestedPool(star, thresholds)).toEqual({ pool: "Priority", reasons: [] });
    expect(suggestedPool({ ...star, gmvTotal: 1000, effectiveCommission: 0.25 }, thresholds).pool).toBe(
      "Priority",
    );
  });
  it("suggests One-off below any threshold, saying why", () => {
    expect(suggestedPool({ ...star, deliveredOnTime: false }, thresholds).reasons).toEqual([
      "not delivered on time",
    ]);
    expect(suggestedPool({ ...star, gmvTotal: 999 }, thresholds).pool).toBe("One-off");
    expect(suggestedPool({ ...star, hasAuthorizedContent: false }, thresholds).pool).toBe("One-off");
    expect(suggestedPool({ ...star, effectiveCommission: 0.26 }, thresholds).reasons).toEqual([
      "effective commission above 25%",
    ]);
    expect(suggestedPool({ ...star, effectiveCommission: undefined }, thresholds).pool).toBe("One-off");
  });
  it("suggests Test more below the collaboration count", () => {
    expect(suggestedPool({ ...star, collaborations: 1 }, thresholds).pool).toBe("Test more");
    expect(suggestedPool({ ...star, collaborations: 2 }, thresholds).pool).toBe("Priority");
  });
});

describe("values and choices", () => {
  it("reads numbers, rates and flags as people type them", () => {
    expect(readNumber("1,200.50")).toBe(1200.5);
    expect(readNumber(" 12 ")).toBe(12);
    expect(readNumber("12abc")).toBeUndefined();
    expect(readNumber("1,20")).toBeUndefined();
    expect(readNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(readRate("15%")).toBeCloseTo(0.15);
    expect(readRate("0.15")).toBe(0.15);
    expect(readRate(0)).toBe(0);
    expect(readRate("100%")).toBe(1);
    expect(readRate(15)).toBeUndefined();
    expect(readRate("-1%")).toBeUndefined();
    expect(readFlag("Yes")).toBe(true);
    expect(readFlag("FALSE")).toBe(false);
    expect(readFlag("maybe")).toBeUndefined();
  });
  it("matches choices trimmed and case-insensitively", () => {
    expect(matchChoice(PAYMENT_MODELS, "  flat fee +  COMMISSION ")).toBe("Flat fee + commission");
    expect(matchChoice(PAYMENT_MODELS, "Fee")).toBeUndefined();
    expect(splitList(" SKU-1, ,SKU-2 ")).toEqual(["SKU-1", "SKU-2"]);
  });
});

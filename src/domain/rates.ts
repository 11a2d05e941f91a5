/** Rate priority: a creator earns exactly one rate, and Target beats Open inside its window. */
import { adsRate } from "./ads-rates";
import type { Day } from "./day";

export interface RateTerms {
  /** Target Collaboration rate (a fraction; 0 is a real rate). */
  targetRate?: number | undefined;
  /** Open Collaboration plan rate. */
  openRate?: number | undefined;
  /** Target window, inclusive; an open bound means unbounded on that side. */
  targetStart?: Day | undefined;
  targetEnd?: Day | undefined;
  /** Day of the sale; when unknown the Target rate applies if there is one. */
  saleDay?: Day | undefined;
}

export interface AppliedRate {
  rate: number;
  lane: "Partner" | "Target" | "Open";
}

export function insideWindow(day: Day, start?: Day, end?: Day): boolean {
  return (start === undefined || day >= start) && (end === undefined || day <= end);
}

/**
 * The day a collaboration's rate is read on: today clamped into its campaign window (the first day
 * before it starts, the last once it ended), so a row shows the rate its sales will or did earn.
 */
export function rateDay(today: Day, start?: Day, end?: Day): Day {
  const from = start !== undefined && today < start ? start : today;
  return end !== undefined && from > end ? end : from;
}

/** The one rate the creator earns, or undefined when neither lane applies. */
export function appliedRate(terms: RateTerms): AppliedRate | undefined {
  const { targetRate, openRate, targetStart, targetEnd, saleDay } = terms;
  const targetCovers = saleDay === undefined || insideWindow(saleDay, targetStart, targetEnd);
  if (targetRate !== undefined && targetCovers) return { rate: targetRate, lane: "Target" };
  if (openRate !== undefined) return { rate: openRate, lane: "Open" };
  return undefined;
}

/** Legal, but almost always a mistake: the creator would earn less than the public plan pays. */
export function isTargetBelowOpen(targetRate: number, openRate: number): boolean {
  return targetRate < openRate;
}

/**
 * The rate of one collaboration row: a Partner campaign's rows earn its rate (fixed by the agency
 * or platform once submitted); otherwise the covering Target collaboration's rate (see
 * `coverageIndex`) beats the Open plan rate.
 */
export function collaborationRate(terms: {
  partnerRate?: number | undefined;
  coveringTargetRate?: number | undefined;
  openRate?: number | undefined;
}): AppliedRate | undefined {
  if (terms.partnerRate !== undefined) return { rate: terms.partnerRate, lane: "Partner" };
  return appliedRate({ targetRate: terms.coveringTargetRate, openRate: terms.openRate });
}

/** A plan's standard and Shop Ads rates, as far as they are set. */
export interface PlanRates {
  rate?: number | undefined;
  adsRate?: number | undefined;
}

export interface SaleRateTerms {
  /** The Target collaboration covering the sale's creator, SKU and day (`coverageIndex`). */
  target?: PlanRates | undefined;
  /** The Partner campaign, when the sale's collaboration is one. */
  partner?: PlanRates | undefined;
  /** The Open plan for the product (its Open rates, else an Open campaign's own). */
  open?: PlanRates | undefined;
  adOrder?: boolean | undefined;
}

export interface SaleRate {
  /** What the sale earns: the ads rate for an ad order, else the standard rate. */
  rate?: number | undefined;
  standardRate?: number | undefined;
  adsRate?: number | undefined;
}

/**
 * The one rate rule of a sale, for the import, Orders and the daily check alike: Partner > Target >
 * Open for the standard rate, and the Shop Ads ladder (Partner > Target > Open ads rate, else the
 * standard rate) for ad orders.
 */
export function saleRate(terms: SaleRateTerms): SaleRate {
  const { target, partner, open } = terms;
  const standardRate = collaborationRate({
    partnerRate: partner?.rate,
    coveringTargetRate: target?.rate,
    openRate: open?.rate,
  })?.rate;
  const ads = adsRate({
    partnerAdsRate: partner?.adsRate,
    targetAdsRate: target?.adsRate,
    openAdsRate: open?.adsRate,
    standardRate,
  })?.rate;
  return { rate: terms.adOrder ? ads : standardRate, standardRate, adsRate: ads };
}

/**
 * Shop Ads rates (DESIGN.md section 1): orders that came from an ad on the creator's post earn an
 * ads rate, and the first one set wins: the Partner campaign's > the Target collaboration's > the
 * Open plan's for the product. With none set the standard (applied) rate pays ad orders too.
 */

/** The platform accepts ads rates from 1% to 80%. */
export const MIN_ADS_RATE = 0.01;
export const MAX_ADS_RATE = 0.8;

export const ADS_RATE_SOURCES = ["Partner", "Target", "Open", "Standard"] as const;
export type AdsRateSource = (typeof ADS_RATE_SOURCES)[number];

export interface AdsRateTerms {
  partnerAdsRate?: number | undefined;
  targetAdsRate?: number | undefined;
  openAdsRate?: number | undefined;
  /** The applied (organic) rate, used when no ads rate is set. */
  standardRate?: number | undefined;
}

export interface AdsRate {
  rate: number;
  source: AdsRateSource;
}

export function isAdsRateInRange(rate: number): boolean {
  // Percent cells hold 0.8 as 0.8000000000000002 after arithmetic: compare at basis-point precision.
  const basisPoints = Math.round(rate * 10_000);
  return basisPoints >= MIN_ADS_RATE * 10_000 && basisPoints <= MAX_ADS_RATE * 10_000;
}

/** A rate read from a cell as the ladder may use it: outside 1-80% it is flagged elsewhere, not applied. */
export function usableAdsRate(rate: number | undefined): number | undefined {
  return rate !== undefined && isAdsRateInRange(rate) ? rate : undefined;
}

/** The one rate an ad order earns, or undefined when no rate at all is known. */
export function adsRate(terms: AdsRateTerms): AdsRate | undefined {
  const ladder: [number | undefined, AdsRateSource][] = [
    [terms.partnerAdsRate, "Partner"],
    [terms.targetAdsRate, "Target"],
    [terms.openAdsRate, "Open"],
    [terms.standardRate, "Standard"],
  ];
  for (const [rate, source] of ladder) if (rate !== undefined) return { rate, source };
  return undefined;
}

/** Legal, but almost always a mistake (the platform prompts for it). */
export function isAdsRateBelowOpen(rate: number, openAdsRate: number | undefined): boolean {
  return openAdsRate !== undefined && rate < openAdsRate;
}

/** Effective commission: everything the seller pays for a collaboration over the GMV it made. */

export interface CollaborationCost {
  gmv: number;
  /** The applied rate on organic GMV. */
  rate: number;
  adsGmv?: number | undefined;
  /** Affiliate creative commission rate on ad-driven GMV. */
  adsRate?: number | undefined;
  /** Only a flat fee already owed (see `flatFeeOwed`). */
  flatFee?: number | undefined;
  /** Only a sample cost the seller bears (see `sampleCostBorne`). */
  sampleCost?: number | undefined;
}

/** Everything the seller pays for one collaboration. */
export function amountPaid(cost: CollaborationCost): number {
  return (
    cost.gmv * cost.rate +
    (cost.adsGmv ?? 0) * (cost.adsRate ?? 0) +
    (cost.flatFee ?? 0) +
    (cost.sampleCost ?? 0)
  );
}

/**
 * Of several collaborations together (a creator's record): all they cost over all the GMV they
 * made. A fraction (0.18 = 18%), or undefined when there is no GMV yet: there is no rate to give.
 */
export function effectiveCommissionOf(costs: readonly CollaborationCost[]): number | undefined {
  let paid = 0;
  let gmv = 0;
  for (const cost of costs) {
    paid += amountPaid(cost);
    gmv += cost.gmv + (cost.adsGmv ?? 0);
  }
  if (!(gmv > 0)) return undefined;
  const share = paid / gmv;
  return Number.isFinite(share) ? share : undefined;
}

/** Of one collaboration. */
export function effectiveCommission(cost: CollaborationCost): number | undefined {
  return effectiveCommissionOf([cost]);
}

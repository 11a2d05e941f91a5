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

/** A fraction (0.18 = 18%), or undefined when there is no GMV yet: there is no rate to give. */
export function effectiveCommission(cost: CollaborationCost): number | undefined {
  const adsGmv = cost.adsGmv ?? 0;
  const totalGmv = cost.gmv + adsGmv;
  if (!(totalGmv > 0)) return undefined;
  const paid =
    cost.gmv * cost.rate + adsGmv * (cost.adsRate ?? 0) + (cost.flatFee ?? 0) + (cost.sampleCost ?? 0);
  const share = paid / totalGmv;
  return Number.isFinite(share) ? share : undefined;
}

/**
 * The brief's expected cost per creator, for the sidebar's preview: what one creator costs at a
 * GMV the user types, once their content is approved and their sample delivered. Every part
 * comes from the rule that owns it (applied rate, flat fee owed, sample cost borne, effective
 * commission), so the preview says what the checks will later compute.
 */
import { type AdsRate, adsRate } from "./ads-rates";
import type { Lane, PaymentModel, SamplePolicy } from "./choices";
import { amountPaid, effectiveCommission } from "./commission";
import { flatFeeOwed } from "./payout";
import { collaborationRate } from "./rates";
import { type SampleState, sampleCostBorne } from "./samples";

export interface CreatorCostTerms {
  lane: Lane;
  /** The brief's Commission rate: the Target rate in the Target lane, fixed in the Partner lane. */
  commissionRate: number;
  /** The SKU's Open rate on the Products tab. */
  openRate?: number | undefined;
  /** The brief's Ads rate: this campaign's Shop Ads rate. */
  adsRate?: number | undefined;
  /** The SKU's Open ads rate on the Products tab. */
  openAdsRate?: number | undefined;
  paymentModel: PaymentModel;
  flatFee?: number | undefined;
  samplePolicy: SamplePolicy;
  sampleCost?: number | undefined;
  /** GMV one creator is expected to produce. */
  gmv: number;
}

export interface CreatorCost {
  rate: number;
  commission: number;
  flatFee: number;
  sampleCost: number;
  total: number;
  /** Undefined with no GMV: there is no rate to give. */
  effective: number | undefined;
  /** What the creator's ad orders earn (the Shop Ads ladder). */
  ads: AdsRate;
}

export function expectedCostPerCreator(terms: CreatorCostTerms): CreatorCost {
  const gmv = Number.isFinite(terms.gmv) && terms.gmv > 0 ? terms.gmv : 0;
  // As the daily check reads a collaboration of this campaign covered by its own row: the
  // Partner campaign's rate; this campaign's rate as the Target rate in the Target lane;
  // otherwise the SKU's Open plan rate, or the campaign's own where the SKU has none.
  const own = (lane: Lane, rate: number | undefined) => (terms.lane === lane ? rate : undefined);
  const rate =
    collaborationRate({
      partnerRate: own("Partner", terms.commissionRate),
      coveringTargetRate: own("Target", terms.commissionRate),
      openRate: terms.openRate ?? own("Open", terms.commissionRate),
    })?.rate ?? terms.commissionRate;
  const ads = adsRate({
    partnerAdsRate: own("Partner", terms.adsRate),
    targetAdsRate: own("Target", terms.adsRate),
    openAdsRate: terms.openAdsRate ?? own("Open", terms.adsRate),
    standardRate: rate,
  }) ?? { rate, source: "Standard" };
  const flatFee =
    terms.paymentModel === "Flat fee + commission" ? flatFeeOwed("Payable", terms.flatFee ?? 0) : 0;
  // A delivered sample; under the refund policy a creator who sold has had the refund due.
  const sampleState: SampleState =
    terms.samplePolicy === "Refund after first sale"
      ? gmv > 0
        ? "Refund due"
        : "Awaiting first sale"
      : "Delivered";
  const sampleCost = sampleCostBorne(terms.samplePolicy, sampleState, terms.sampleCost ?? 0);
  const cost = { gmv, rate, flatFee, sampleCost };
  return {
    rate,
    commission: gmv * rate,
    flatFee,
    sampleCost,
    total: amountPaid(cost),
    effective: effectiveCommission(cost),
    ads,
  };
}

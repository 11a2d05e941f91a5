/** The Campaigns tab read once into typed campaigns, for every other tab's check. */
import {
  isClosedStatus,
  matchChoice,
  PAYMENT_MODELS,
  SAMPLE_POLICIES,
  type SamplePolicy,
  splitList,
} from "../../domain/choices";
import type { Day } from "../../domain/day";
import { readNumber, readRate } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import { amount, type CheckRun, text } from "./run";

export interface Campaign {
  row: TableRow;
  id: string;
  name: string;
  lane: string;
  skus: string[];
  start?: Day | undefined;
  end?: Day | undefined;
  paymentModel: (typeof PAYMENT_MODELS)[number];
  rate?: number | undefined;
  flatFee: number;
  contentDueDays?: number | undefined;
  samplePolicy?: SamplePolicy | undefined;
  flashStart?: Day | undefined;
  flashEnd?: Day | undefined;
  reservedInventory?: number | undefined;
  amplification: string;
  amplificationStart?: Day | undefined;
  amplificationEnd?: Day | undefined;
  adsRate?: number | undefined;
  owner: string;
  status: string;
}

/** Campaigns that still need watching: not cancelled, not wrapped. */
export const isActiveStatus = (status: string) => !isClosedStatus(status);

export const plansAds = (campaign: Campaign) =>
  campaign.amplification !== "" && campaign.amplification !== "None";

/** Live or starting within the horizon: shown in the operating view. */
export function isLive(run: CheckRun, campaign: Campaign): boolean {
  return (
    isActiveStatus(campaign.status) &&
    campaign.start !== undefined &&
    campaign.end !== undefined &&
    campaign.start <= run.today + run.settings.horizonDays &&
    campaign.end >= run.today
  );
}

export function readCampaigns(run: CheckRun): void {
  const { day } = run;
  for (const row of run.tables.campaigns.rows) {
    if (run.campaigns.has(row.key)) continue;
    run.campaigns.set(row.key, {
      row,
      id: row.key,
      name: text(row.get("Name")),
      lane: text(row.get("Lane")),
      skus: splitList(text(row.get("SKUs"))),
      start: day(row.get("Start")),
      end: day(row.get("End")),
      paymentModel: matchChoice(PAYMENT_MODELS, text(row.get("Payment model"))) ?? "Commission only",
      rate: readRate(row.get("Commission rate")),
      flatFee: amount(row.get("Flat fee")),
      contentDueDays: readNumber(row.get("Content due days")),
      samplePolicy: matchChoice(SAMPLE_POLICIES, text(row.get("Sample policy"))),
      flashStart: day(row.get("Flash sale start")),
      flashEnd: day(row.get("Flash sale end")),
      reservedInventory: readNumber(row.get("Reserved inventory")),
      amplification: text(row.get("Amplification")),
      amplificationStart: day(row.get("Amplification start")),
      amplificationEnd: day(row.get("Amplification end")),
      adsRate: readRate(row.get("Ads rate")),
      owner: text(row.get("Owner")),
      status: text(row.get("Status")),
    });
  }
  // Reserved inventory per SKU across campaigns that are live or coming: each SKU of a campaign
  // has the campaign's Reserved inventory set aside.
  for (const campaign of run.campaigns.values()) {
    if (!isActiveStatus(campaign.status) || (campaign.end !== undefined && campaign.end < run.today))
      continue;
    for (const sku of campaign.skus) {
      run.reservedBySku.set(sku, (run.reservedBySku.get(sku) ?? 0) + (campaign.reservedInventory ?? 0));
    }
  }
}

/** The Campaigns tab read once into typed campaigns, for every other tab's check. */
import { usableAdsRate } from "../../domain/ads-rates";
import {
  isClosedStatus,
  LANES,
  type Lane,
  matchChoice,
  PAYMENT_MODELS,
  SAMPLE_POLICIES,
  type SamplePolicy,
  splitList,
} from "../../domain/choices";
import { idKey } from "../../domain/coverage";
import type { Day } from "../../domain/day";
import { type Reservation, reservationOf, reservedBySku } from "../../domain/inventory";
import { windowText } from "../../domain/status-text";
import { readNumber, readRate } from "../../domain/values";
import { type WindowStatus, windowStatus } from "../../domain/windows";
import type { TableRow } from "../../workbook/table";
import { amount, type CheckRun, text } from "./run";

export interface Campaign {
  row: TableRow;
  id: string;
  name: string;
  lane: Lane | undefined;
  skus: string[];
  /** `skus` as compared (`idKey`), read once for every row of the campaign. */
  skuIds: string[];
  start?: Day | undefined;
  end?: Day | undefined;
  paymentModel: (typeof PAYMENT_MODELS)[number];
  rate?: number | undefined;
  flatFee: number;
  contentDueDays?: number | undefined;
  samplePolicy?: SamplePolicy | undefined;
  flashStart?: Day | undefined;
  flashEnd?: Day | undefined;
  reservation: Reservation;
  amplification: string;
  amplificationStart?: Day | undefined;
  amplificationEnd?: Day | undefined;
  adsRate?: number | undefined;
  budget?: number | undefined;
  owner: string;
  status: string;
  /** Still watched: not wrapped, not cancelled (`isActiveStatus`, read once). */
  active: boolean;
  /** Where today is in its window (none without a valid window), and as the Window status cells say it. */
  window: WindowStatus | undefined;
  windowText: string;
}

/** Campaigns that still need watching: not cancelled, not wrapped. */
export const isActiveStatus = (status: string) => !isClosedStatus(status);

export const plansAds = (campaign: Campaign) =>
  campaign.amplification !== "" && campaign.amplification !== "None";

/** Live or starting within the horizon: shown in the operating view. */
export function isLive(run: CheckRun, campaign: Campaign): boolean {
  return (
    campaign.active &&
    campaign.start !== undefined &&
    campaign.end !== undefined &&
    campaign.start <= run.today + run.settings.horizonDays &&
    campaign.end >= run.today
  );
}

/** The campaign a row names, matched as IDs are everywhere (trimmed, case-insensitive). */
export function campaignOf(run: CheckRun, id: unknown): Campaign | undefined {
  return run.campaigns.get(idKey(text(id)));
}

export function readCampaigns(run: CheckRun): void {
  const { day } = run;
  for (const row of run.tables.campaigns.rows) {
    if (run.campaigns.has(row.id)) continue;
    const skus = splitList(text(row.get("SKUs")));
    const status = text(row.get("Status"));
    const start = day(row.get("Start"));
    const end = day(row.get("End"));
    const window =
      start !== undefined && end !== undefined && end >= start
        ? windowStatus({ start, end, today: run.today, leadDays: run.settings.alertLeadDays })
        : undefined;
    run.campaigns.set(row.id, {
      row,
      id: row.key,
      name: text(row.get("Name")),
      lane: matchChoice(LANES, text(row.get("Lane"))),
      skus,
      skuIds: skus.map(idKey),
      start,
      end,
      paymentModel: matchChoice(PAYMENT_MODELS, text(row.get("Payment model"))) ?? "Commission only",
      rate: readRate(row.get("Commission rate")),
      flatFee: amount(row.get("Flat fee")),
      contentDueDays: readNumber(row.get("Content due days")),
      samplePolicy: matchChoice(SAMPLE_POLICIES, text(row.get("Sample policy"))),
      flashStart: day(row.get("Flash sale start")),
      flashEnd: day(row.get("Flash sale end")),
      reservation: reservationOf(row.get("Reserved inventory"), skus),
      amplification: text(row.get("Amplification")),
      amplificationStart: day(row.get("Amplification start")),
      amplificationEnd: day(row.get("Amplification end")),
      // Outside 1-80% the brief check flags it, and it is not applied.
      adsRate: usableAdsRate(readRate(row.get("Ads rate"))),
      budget: readNumber(row.get("Budget")),
      owner: text(row.get("Owner")),
      status,
      active: isActiveStatus(status),
      window,
      windowText: window ? windowText(window) : "",
    });
  }
  run.reservedBySku = reservedBySku(
    [...run.campaigns.values()].map((campaign) => ({
      holds: holdsInventory(run, campaign),
      perSku: campaign.reservation.ok ? campaign.reservation.perSku : new Map(),
    })),
  );
}

/** A campaign holds its reserved units until it ends, is wrapped or is cancelled. */
export function holdsInventory(run: CheckRun, campaign: Campaign): boolean {
  return campaign.active && !(campaign.end !== undefined && campaign.end < run.today);
}

/** Units this campaign holds of a SKU. */
export function unitsOf(campaign: Campaign, sku: string): number {
  return campaign.reservation.ok ? (campaign.reservation.perSku.get(idKey(sku)) ?? 0) : 0;
}

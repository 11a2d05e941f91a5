/** The operating view's rows: every collaboration of a live or coming campaign. */
import { type Alert, severityRank } from "../../domain/alerts";
import { idKey } from "../../domain/coverage";
import { isoFromDay } from "../../domain/day";
import type { OperationsRow } from "../operations";
import { isLive, plansAds } from "./campaign";
import type { CreatorLookup } from "./creators";
import type { ProductLookup } from "./products";
import { type CheckRun, text } from "./run";

export function operatingRows(
  run: CheckRun,
  products: ProductLookup,
  creators: CreatorLookup,
): OperationsRow[] {
  const { today, day } = run;
  const operations: OperationsRow[] = [];
  for (const collab of run.facts.values()) {
    const { row, campaign } = collab;
    if (!campaign || collab.cancelled || !isLive(run, campaign)) continue;
    // The worst alert of the collaboration, its samples and its authorizations, without
    // gathering them into new arrays (40,000 rows of garbage at 50,000 collaborations).
    let worst = worstRank(run.alertsOf("Collaborations", row), 3);
    for (const sample of run.samplesOf(row.id)) worst = worstRank(run.alertsOf("Samples", sample), worst);
    for (const auth of run.authsOf(row.id)) worst = worstRank(run.alertsOf("Authorizations", auth), worst);
    // The nearest deadline, without an array per row.
    let nearest = Number.POSITIVE_INFINITY;
    if (collab.posted === undefined && collab.submitted === undefined && collab.contentDue !== undefined)
      nearest = Math.min(nearest, collab.contentDue);
    if (campaign.flashStart !== undefined && campaign.flashStart >= today)
      nearest = Math.min(nearest, campaign.flashStart);
    if (collab.adUsable !== undefined) nearest = Math.min(nearest, collab.adUsable);
    if (campaign.end !== undefined) nearest = Math.min(nearest, campaign.end);
    // A row without its own SKU stands for its campaign's only SKU, if it has just one.
    const sku = text(row.get("SKU")) || (campaign.skus.length === 1 ? (campaign.skus[0] ?? "") : "");
    const creator = text(row.get("Creator"));
    operations.push({
      collabId: row.key,
      campaignId: campaign.id,
      campaignName: campaign.name,
      creator,
      liveCapable: creators.liveCapable(creator) === true,
      collabStart: campaign.start ?? null,
      collabEnd: campaign.end ?? null,
      contentDue: collab.contentDue ?? null,
      posted: collab.posted ?? null,
      liveDate: day(row.get("LIVE date")) ?? null,
      flashStart: campaign.flashStart ?? null,
      flashEnd: campaign.flashEnd ?? null,
      stockOnHand: products.stockOf(sku) ?? null,
      reserved: sku ? (run.reservedBySku.get(idKey(sku)) ?? 0) : null,
      amplification: plansAds(campaign)
        ? `${campaign.amplification}${campaign.amplificationStart !== undefined && campaign.amplificationEnd !== undefined ? ` ${isoFromDay(campaign.amplificationStart)} to ${isoFromDay(campaign.amplificationEnd)}` : ""}`
        : "",
      amplificationStart: campaign.amplificationStart ?? null,
      amplificationEnd: campaign.amplificationEnd ?? null,
      adUsableUntil: collab.adUsable ?? null,
      daysLeft: nearest === Number.POSITIVE_INFINITY ? null : nearest - today,
      nextAction: String(run.ownedOf("Collaborations").get(row.key)?.["Next action"] ?? ""),
      severityRank: worst,
    });
  }
  return operations;
}

function worstRank(alerts: readonly Alert[], worst: number): number {
  let rank = worst;
  for (const alert of alerts) rank = Math.min(rank, severityRank(alert.severity));
  return rank;
}

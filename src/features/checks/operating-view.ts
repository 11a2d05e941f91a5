/**
 * The operating view's rows: of every collaboration of a live or coming campaign, the most urgent
 * up to the view's limit, built in full only once chosen.
 */
import { type Alert, severityRank } from "../../domain/alerts";
import { idKey } from "../../domain/coverage";
import { isoFromDay } from "../../domain/day";
import { MostUrgent, type OperatingRows, type OperationsRow, type UrgencyKey } from "../operations";
import { type Campaign, isLive, plansAds } from "./campaign";
import type { ProductLookup } from "./products";
import { type CheckRun, type CollabFacts, text } from "./run";

interface Candidate extends UrgencyKey {
  collab: CollabFacts;
  campaign: Campaign;
}

export function operatingRows(run: CheckRun, products: ProductLookup, limit: number): OperatingRows {
  const urgent = new MostUrgent<Candidate>(Math.max(limit, 0));
  let total = 0;
  let flagged = 0;
  // One key, filled for each row: most rows are less urgent than the ones kept, and are dropped
  // without building anything.
  const key: UrgencyKey = { severityRank: 3, daysLeft: null, campaignId: "", collabId: "" };
  for (const collab of run.collabs) {
    const { row, campaign } = collab;
    if (!campaign || collab.cancelled || !isLive(run, campaign)) continue;
    // The worst alert of the collaboration, its samples and its authorizations, without
    // gathering them into new arrays (40,000 rows of garbage at 50,000 collaborations).
    let worst = worstRank(run.alertsOf("Collaborations", row), 3);
    for (const sample of collab.samples) worst = worstRank(run.alertsOf("Samples", sample), worst);
    for (const auth of collab.auths) worst = worstRank(run.alertsOf("Authorizations", auth), worst);
    total += 1;
    if (worst < 3) flagged += 1;
    key.severityRank = worst;
    key.daysLeft = daysLeft(run, collab, campaign);
    key.campaignId = campaign.id;
    key.collabId = row.key;
    if (!urgent.wants(key)) continue;
    urgent.offer({
      severityRank: worst,
      daysLeft: key.daysLeft,
      campaignId: campaign.id,
      collabId: row.key,
      collab,
      campaign,
    });
  }
  const rows = urgent.sorted().map((candidate) => operationsRow(run, products, candidate));
  return { rows, total, flagged };
}

/** Days until the nearest deadline that still matters, without an array per row. */
function daysLeft(run: CheckRun, collab: CollabFacts, campaign: Campaign): number | null {
  const { today } = run;
  let nearest = Number.POSITIVE_INFINITY;
  if (collab.posted === undefined && collab.submitted === undefined && collab.contentDue !== undefined)
    nearest = Math.min(nearest, collab.contentDue);
  if (campaign.flashStart !== undefined && campaign.flashStart >= today)
    nearest = Math.min(nearest, campaign.flashStart);
  if (collab.adUsable !== undefined) nearest = Math.min(nearest, collab.adUsable);
  if (campaign.end !== undefined) nearest = Math.min(nearest, campaign.end);
  return nearest === Number.POSITIVE_INFINITY ? null : nearest - today;
}

function operationsRow(run: CheckRun, products: ProductLookup, candidate: Candidate): OperationsRow {
  const { collab, campaign } = candidate;
  const { row } = collab;
  // A row without its own SKU stands for its campaign's only SKU, if it has just one.
  const sku = text(row.get("SKU")) || (campaign.skus.length === 1 ? (campaign.skus[0] ?? "") : "");
  return {
    collabId: candidate.collabId,
    campaignId: candidate.campaignId,
    campaignName: campaign.name,
    creator: text(row.get("Creator")),
    liveCapable: collab.liveCapable === true,
    collabStart: campaign.start ?? null,
    collabEnd: campaign.end ?? null,
    contentDue: collab.contentDue ?? null,
    posted: collab.posted ?? null,
    liveDate: run.day(row.get("LIVE date")) ?? null,
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
    daysLeft: candidate.daysLeft,
    nextAction: collab.nextAction,
    severityRank: candidate.severityRank,
  };
}

function worstRank(alerts: readonly Alert[], worst: number): number {
  let rank = worst;
  for (const alert of alerts) rank = Math.min(rank, severityRank(alert.severity));
  return rank;
}

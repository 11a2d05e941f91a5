/**
 * Collaborations: first the facts of each row (content due, payout, rates, samples), which the
 * samples, authorizations, campaigns and creators checks read; then its owned columns and alerts.
 */
import { alertsCell } from "../../domain/alerts";
import { matchChoice, SAMPLE_POLICIES, type SamplePolicy } from "../../domain/choices";
import { effectiveCommission } from "../../domain/commission";
import {
  type CoverageIndex,
  coverageIndex,
  creatorKey,
  idKey,
  type TargetCover,
  targetCoverOf,
} from "../../domain/coverage";
import type { Day } from "../../domain/day";
import {
  contentDueDay,
  flatFeeOwed,
  type PayoutFacts,
  payoutStatus,
  REJECTED,
  reviewRoundsUsed,
} from "../../domain/payout";
import { rateDay, saleRate } from "../../domain/rates";
import { sampleCostBorne, sampleOwed, sampleState } from "../../domain/samples";
import { daysText, NO_SALES_YET, payoutText } from "../../domain/status-text";
import { readFlag, readNumber } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import { type Campaign, campaignOf, plansAds } from "./campaign";
import type { CreatorEntry, CreatorLookup } from "./creators";
import type { ProductLookup } from "./products";
import { amount, type CheckRun, type CollabFacts, type SampleReading, slots, text } from "./run";

/** A Target collaboration row's cover, for the coverage rule (a row without a campaign has none). */
function targetCoverOfRow(row: TableRow, campaign: Campaign | undefined): TargetCover<Campaign> | undefined {
  if (!campaign) return undefined;
  return targetCoverOf(
    {
      id: row.key,
      creator: text(row.get("Creator")),
      sku: text(row.get("SKU")),
      cancelled: readFlag(row.get("Cancelled")) === true,
    },
    campaign,
  );
}

/** The sample policy of a Samples row: its own, else the campaign's. */
export function samplePolicyOf(sample: TableRow, campaign: Campaign | undefined): SamplePolicy | undefined {
  return matchChoice(SAMPLE_POLICIES, text(sample.get("Policy"))) ?? campaign?.samplePolicy;
}

export function readCollaborations(run: CheckRun, products: ProductLookup, creators: CreatorLookup): void {
  const { collabs, factsOfRow } = run;
  const rows = run.tables.collaborations.rows;
  // Each row's campaign, read once; every Target row (repeated IDs too) covers its creator.
  const campaignAt = slots<Campaign>(rows.length);
  const covers: TargetCover<Campaign>[] = [];
  for (const row of rows) {
    const campaign = campaignOf(run, row.get("Campaign ID"));
    campaignAt[row.index] = campaign;
    const cover = targetCoverOfRow(row, campaign);
    if (cover) covers.push(cover);
  }
  const coverage = coverageIndex(covers);
  // Each ID's first row is the collaboration; a later row repeating the ID shares it.
  const firstRows = run.tables.collaborations.firstRows;
  const samplesAt = joinedRows(run.tables.samples.rows, firstRows, rows.length);
  const authsAt = joinedRows(run.tables.authorizations.rows, firstRows, rows.length);
  for (const row of rows) {
    // The creator of each row, the ID's first row included: a creator's record counts every row.
    const creatorId = idKey(text(row.get("Creator")));
    const creator = creators.get(creatorId);
    let collab = factsOfRow[row.firstOfId.index];
    if (!collab) {
      const joins = { coverage, products, creatorId, creator, campaign: campaignAt[row.index] };
      const sampleRows = samplesAt[row.index] ?? NO_ROWS;
      collab = collabFacts(run, row, joins, sampleRows, authsAt[row.index] ?? NO_ROWS);
      collabs.push(collab);
      for (const sample of sampleRows) {
        const reading = run.samplesRead[sample.index];
        if (reading) reading.collab = collab;
      }
      for (const auth of collab.auths) run.authCollabs[auth.index] = collab;
    }
    factsOfRow[row.index] = collab;
    creator?.collabs.push(collab);
  }
}

/**
 * Samples or Authorizations rows by the index of the collaboration row their Collab ID names:
 * one look-up per row, and none per collaboration.
 */
function joinedRows(
  rows: readonly TableRow[],
  firstRows: Map<string, TableRow>,
  collaborations: number,
): (TableRow[] | undefined)[] {
  const joined = slots<TableRow[]>(collaborations);
  for (const row of rows) {
    const collab = firstRows.get(idKey(text(row.get("Collab ID"))));
    if (!collab) continue;
    const list = joined[collab.index];
    if (list) list.push(row);
    else joined[collab.index] = [row];
  }
  return joined;
}

/** What a row is joined with: the Target covers, the products, and its creator (as compared). */
interface CollabJoins {
  campaign: Campaign | undefined;
  coverage: CoverageIndex<Campaign>;
  products: ProductLookup;
  creatorId: string;
  creator: CreatorEntry | undefined;
}

function collabFacts(
  run: CheckRun,
  row: TableRow,
  joins: CollabJoins,
  sampleRows: readonly TableRow[],
  auths: readonly TableRow[],
): CollabFacts {
  const { day, today } = run;
  const { campaign } = joins;
  const approvedCell = row.get("Approved");
  const approved: Day | typeof REJECTED | undefined =
    typeof approvedCell === "string" && approvedCell.trim().toLowerCase() === "rejected"
      ? REJECTED
      : day(approvedCell);
  const accepted = day(row.get("Accepted"));
  const contentDue = contentDueDay({
    contentDue: day(row.get("Content due")),
    accepted,
    contentDueDays: campaign?.contentDueDays,
  });
  const posted = day(row.get("Posted"));
  // A post is delivered content even when nobody logged a submission (Open-lane creators just post).
  const submitted = day(row.get("Submitted")) ?? posted;
  const invited = day(row.get("Invited"));
  const awaitingAcceptance =
    invited !== undefined && accepted === undefined && submitted === undefined && approved === undefined;
  const firstSale = day(row.get("First sale"));
  const samples = sampleFacts(run, sampleRows, campaign, firstSale);
  const paymentModel = campaign?.paymentModel ?? "Commission only";
  const payoutFacts: PayoutFacts = {
    paymentModel,
    contentDue,
    submitted,
    approved,
    paid: day(row.get("Fee paid")),
    revisions: readNumber(row.get("Revisions")),
    today,
    awaitingAcceptance,
    sampleOwed: samples.sampleUnshipped,
  };
  const payout = payoutStatus(payoutFacts);
  // Content timing matters under either payment model: read it as the flat-fee line would (the
  // payout itself, when that is the line and nothing held it back: one computation, not two).
  // The same facts, changed in place: a spread of them took V8's slow path on every row.
  let content = payout;
  if (paymentModel !== "Flat fee + commission" || awaitingAcceptance || samples.sampleUnshipped) {
    payoutFacts.paymentModel = "Flat fee + commission";
    payoutFacts.awaitingAcceptance = false;
    payoutFacts.sampleOwed = false;
    content = payoutStatus(payoutFacts);
  }
  const { rate, adsRate } = ratesOf(run, row, campaign, joins);

  return {
    row,
    campaign,
    cancelled: readFlag(row.get("Cancelled")) === true,
    rejected: approved === REJECTED,
    awaitingAcceptance,
    accepted,
    invited,
    contentDue,
    submitted,
    posted,
    payout,
    content,
    rate,
    cost: {
      gmv: amount(row.get("GMV")),
      rate: rate ?? 0,
      adsGmv: amount(row.get("Ads GMV")),
      adsRate,
      flatFee: flatFeeOwed(payout.state, campaign?.flatFee ?? 0),
      sampleCost: samples.sampleCost,
    },
    // Named, not spread: a spread in the middle of a literal takes V8's slow path on every row.
    samplesDelivered: samples.samplesDelivered,
    sampleUnshipped: samples.sampleUnshipped,
    refundDue: samples.refundDue,
    samplesLeadingToPost: posted !== undefined ? samples.samplesDelivered : 0,
    samples: sampleRows,
    auths,
    liveCapable: joins.creator?.liveCapable,
    adUsable: undefined,
    authorized: false,
    nextAction: "",
    ownedValues: undefined,
  };
}

// Shared by every row without samples or authorizations: only read.
const NO_ROWS: readonly TableRow[] = [];

/**
 * What a collaboration's samples cost the seller so far, how many arrived, and whether one is owed
 * or due its refund. Each sample's reading is kept for the Samples check.
 */
function sampleFacts(
  run: CheckRun,
  sampleRows: readonly TableRow[],
  campaign: Campaign | undefined,
  collabFirstSale: Day | undefined,
): { sampleCost: number; samplesDelivered: number; sampleUnshipped: boolean; refundDue: boolean } {
  let sampleCost = 0;
  let samplesDelivered = 0;
  let sampleUnshipped = false;
  let refundDue = false;
  for (const sample of sampleRows) {
    const reading = readSample(run, sample, campaign, collabFirstSale);
    run.samplesRead[sample.index] = reading;
    const policy = reading.policy ?? "No sample";
    sampleCost += sampleCostBorne(policy, reading.state, amount(sample.get("Cost")));
    if (reading.delivered !== undefined) samplesDelivered += 1;
    if (sampleOwed(policy, reading.shipped, reading.delivered)) sampleUnshipped = true;
    // An unknown policy shows as such on the Samples row, never as a refund due.
    if (reading.policy && reading.state === "Refund due") refundDue = true;
  }
  return { sampleCost, samplesDelivered, sampleUnshipped, refundDue };
}

/** A Samples row read once: its policy (its own, else the campaign's), shipping and state. */
export function readSample(
  run: CheckRun,
  sample: TableRow,
  campaign: Campaign | undefined,
  collabFirstSale: Day | undefined,
): SampleReading {
  const { day } = run;
  const policy = samplePolicyOf(sample, campaign);
  const shipped = day(sample.get("Shipped"));
  const delivered = day(sample.get("Delivered"));
  const state = sampleState({
    policy: policy ?? "No sample",
    shipped,
    delivered,
    firstSale: day(sample.get("First sale")) ?? collabFirstSale,
    refunded: day(sample.get("Refunded")),
  });
  return { collab: undefined, policy, shipped, delivered, state };
}

/**
 * The rate the row's sales earn and the rate its ad orders earn, read on today clamped into its
 * campaign window (its first day before it starts, its last once it ended), as the sidebar preview
 * and recruit read it. The row's own SKU, or every SKU of its campaign.
 */
function ratesOf(
  run: CheckRun,
  row: TableRow,
  campaign: Campaign | undefined,
  { coverage, products, creatorId }: CollabJoins,
): { rate?: number | undefined; adsRate?: number | undefined } {
  const ownSku = idKey(text(row.get("SKU")));
  const day = rateDay(run.today, campaign?.start, campaign?.end);
  const creator = creatorKey(creatorId);
  let covering: Campaign | undefined;
  if (ownSku) covering = coverage.coveringKeys(creator, ownSku, day)?.value;
  else {
    for (const sku of campaign?.skuIds ?? NO_SKUS) {
      covering = coverage.coveringKeys(creator, sku, day)?.value;
      if (covering) break;
    }
  }
  const product = products.termsOf(ownSku || (campaign?.skuIds[0] ?? ""));
  const openCampaign = campaign?.lane === "Open" ? campaign : undefined;
  const { standardRate, adsRate } = saleRate({
    target: covering,
    partner: campaign?.lane === "Partner" ? campaign : undefined,
    open: {
      rate: product?.openRate ?? openCampaign?.rate,
      adsRate: product?.openAdsRate ?? openCampaign?.adsRate,
    },
  });
  return { rate: standardRate, adsRate };
}

const NO_SKUS: readonly string[] = [];

export function checkCollaborations(run: CheckRun): void {
  const owned = run.ownedOf("Collaborations");
  for (const collab of run.collabs) {
    const { row, campaign, cost } = collab;
    const watch = !collab.cancelled && (!campaign || campaign.active);
    if (watch) raiseCollabAlerts(run, collab);
    // A GMV without its rate gives no effective commission, only a missing rate (Ads GMV alone
    // needs only the ads rate, which the Open ads rate may give without any standard rate).
    const missingRate =
      (cost.gmv > 0 && collab.rate === undefined) || ((cost.adsGmv ?? 0) > 0 && cost.adsRate === undefined);
    const effective = missingRate ? undefined : effectiveCommission(cost);
    collab.nextAction = collab.cancelled ? "" : nextAction(run, collab);
    collab.ownedValues = {
      "Applied rate": collab.rate ?? "",
      "Payout status": collab.cancelled ? "Cancelled" : run.payoutText(collab.payout),
      "Window status": campaign?.windowText ?? "",
      "Effective commission": effective ?? (cost.gmv + (cost.adsGmv ?? 0) > 0 ? "" : NO_SALES_YET),
      "Next action": collab.nextAction,
      Alerts: "",
    };
    owned.set(row.key, collab.ownedValues);
  }
}

/** The Alerts cells, once every check that may flag a collaboration has run. */
export function fillCollaborationAlerts(run: CheckRun): void {
  for (const collab of run.collabs) {
    if (collab.ownedValues)
      collab.ownedValues.Alerts = alertsCell(run.alertsOf("Collaborations", collab.row));
  }
}

const invitedDaysAgo = (run: CheckRun, collab: CollabFacts): number | undefined =>
  collab.invited === undefined ? undefined : run.today - collab.invited;

/** Invited, unanswered for the nudge days: follow it up (nothing is owed before acceptance). */
function needsFollowUp(run: CheckRun, collab: CollabFacts): boolean {
  return collab.awaitingAcceptance && (invitedDaysAgo(run, collab) ?? 0) >= run.settings.nudgeDays;
}

function raiseCollabAlerts(run: CheckRun, collab: CollabFacts): void {
  const { row, campaign, content, payout } = collab;
  const raise = (kind: Parameters<CheckRun["raise"]>[0], message: string) =>
    run.raise(kind, "Collaborations", row, campaign, message);
  if (collab.awaitingAcceptance) {
    if (needsFollowUp(run, collab))
      raise(
        "invitationNotAccepted",
        `Invitation sent ${daysText(invitedDaysAgo(run, collab) ?? 0)} ago, not accepted: follow it up`,
      );
  } else if (!collab.sampleUnshipped && collab.posted === undefined) {
    // While the seller still owes the sample, late content is the seller's delay: the Samples row says so.
    if (content.state === "Content overdue") raise("contentOverdue", run.payoutText(content));
    else if (
      content.state === "Awaiting content" &&
      content.days !== undefined &&
      content.days <= run.settings.alertLeadDays
    )
      raise("contentDueSoon", run.payoutText(content));
  }
  if (payout.state === "In review" && (payout.days ?? 0) > run.settings.reviewDays)
    raise("reviewTooLong", run.payoutText(payout));
  if (reviewRoundsUsed(payout))
    raise("reviewRoundsUsed", `${payoutText(payout)} and no decision: approve or reject the content`);
  if (payout.state === "Payable") raise("feeUnpaid", `Flat fee approved, not paid: ${payoutText(payout)}`);
  if (campaign?.flashStart !== undefined && collab.liveCapable !== true)
    raise("flashSaleNotLive", `Flash sale assigned to ${text(row.get("Creator"))}, who is not LIVE capable`);
}

/** What the team owes next on this row; blank once nothing is owed. */
function nextAction(run: CheckRun, collab: CollabFacts): string {
  const { row, campaign, payout, content } = collab;
  // Money owed stays owed after a campaign is wrapped; everything else stops with it.
  if (payout.state === "Payable") return "Pay the flat fee";
  if (collab.refundDue) return "Refund the sample";
  if (collab.rejected || (campaign && !campaign.active)) return "";
  if (readFlag(row.get("Link kept")) === false && collab.posted !== undefined)
    return "Ask the creator to restore the product link";
  if (collab.awaitingAcceptance)
    return needsFollowUp(run, collab)
      ? "Follow up the invitation, or cancel it"
      : "Wait for the creator to accept";
  if (collab.sampleUnshipped) return "Ship the sample";
  if (reviewRoundsUsed(payout)) return "Approve or reject the content: every review round is used";
  if (payout.state === "Changes requested")
    return run.payoutPhrase("Wait for the revised content (", payout, ")");
  if (content.state === "Content overdue") return run.payoutPhrase("Chase the content: ", content);
  // Commission-only content needs no approval once posted: the platform settles it.
  if (
    payout.state === "In review" ||
    (payout.state === "Commission only" && content.state === "In review" && collab.posted === undefined)
  )
    return "Review the submitted content";
  if (collab.accepted === undefined && collab.submitted === undefined)
    return "Wait for the creator to accept";
  if (content.state === "Awaiting content") return run.payoutPhrase("Remind the creator: ", content);
  if (campaign && plansAds(campaign) && collab.posted !== undefined && collab.auths.length === 0)
    return "Request ad authorization";
  if (collab.auths.some((auth) => run.alertsOf("Authorizations", auth).length > 0))
    return "Renew the ad authorization";
  return "";
}

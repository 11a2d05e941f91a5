/**
 * Collaborations: first the facts of each row (content due, payout, rates, samples), which the
 * samples, authorizations, campaigns and creators checks read; then its owned columns and alerts.
 */
import { alertsCell } from "../../domain/alerts";
import { matchChoice, SAMPLE_POLICIES, type SamplePolicy } from "../../domain/choices";
import { effectiveCommission } from "../../domain/commission";
import { type CoverageIndex, coverageIndex, type TargetCover, targetCoverOf } from "../../domain/coverage";
import type { Day } from "../../domain/day";
import { contentDueDay, flatFeeOwed, payoutStatus, REJECTED, reviewRoundsUsed } from "../../domain/payout";
import { rateDay, saleRate } from "../../domain/rates";
import { sampleCostBorne, sampleOwed, sampleState } from "../../domain/samples";
import { daysText, NO_SALES_YET, payoutText, windowText } from "../../domain/status-text";
import { readFlag, readNumber } from "../../domain/values";
import { windowStatus } from "../../domain/windows";
import type { TableRow } from "../../workbook/table";
import { type Campaign, campaignOf, isActiveStatus, plansAds } from "./campaign";
import type { CreatorLookup } from "./creators";
import type { ProductLookup } from "./products";
import { amount, type CheckRun, type CollabFacts, text } from "./run";

/** The Target collaborations of the workbook, for the coverage rule. */
function targetCoverage(run: CheckRun): CoverageIndex<Campaign> {
  const covers: TargetCover<Campaign>[] = [];
  for (const row of run.tables.collaborations.rows) {
    // A row without a campaign covers nothing: its cells are not read.
    const campaign = campaignOf(run, row.get("Campaign ID"));
    if (!campaign) continue;
    const cover = targetCoverOf(
      {
        id: row.key,
        creator: text(row.get("Creator")),
        sku: text(row.get("SKU")),
        cancelled: readFlag(row.get("Cancelled")) === true,
      },
      campaign,
    );
    if (cover) covers.push(cover);
  }
  return coverageIndex(covers);
}

/** The sample policy of a Samples row: its own, else the campaign's. */
export function samplePolicyOf(sample: TableRow, campaign: Campaign | undefined): SamplePolicy | undefined {
  return matchChoice(SAMPLE_POLICIES, text(sample.get("Policy"))) ?? campaign?.samplePolicy;
}

export function readCollaborations(run: CheckRun, products: ProductLookup): void {
  const coverage = targetCoverage(run);
  for (const row of run.tables.collaborations.rows) {
    if (!run.facts.has(row.id)) run.facts.set(row.id, collabFacts(run, row, coverage, products));
  }
}

function collabFacts(
  run: CheckRun,
  row: TableRow,
  coverage: CoverageIndex<Campaign>,
  products: ProductLookup,
): CollabFacts {
  const { day, today } = run;
  const campaign = campaignOf(run, row.get("Campaign ID"));
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
  const awaitingAcceptance =
    day(row.get("Invited")) !== undefined &&
    accepted === undefined &&
    submitted === undefined &&
    approved === undefined;
  const samples = sampleFacts(run, row, campaign);
  const payoutFacts = {
    contentDue,
    submitted,
    approved,
    paid: day(row.get("Fee paid")),
    revisions: readNumber(row.get("Revisions")),
    today,
  };
  const payout = payoutStatus({
    ...payoutFacts,
    awaitingAcceptance,
    sampleOwed: samples.sampleUnshipped,
    paymentModel: campaign?.paymentModel ?? "Commission only",
  });
  // Content timing matters under either payment model: read it as the flat-fee line would (the
  // payout itself, when that is the line and nothing held it back: one computation, not two).
  const content =
    campaign?.paymentModel === "Flat fee + commission" && !awaitingAcceptance && !samples.sampleUnshipped
      ? payout
      : payoutStatus({ ...payoutFacts, paymentModel: "Flat fee + commission" });
  const { rate, adsRate: rateOnAds } = ratesOf(run, row, campaign, coverage, products);

  return {
    row,
    campaign,
    cancelled: readFlag(row.get("Cancelled")) === true,
    rejected: approved === REJECTED,
    awaitingAcceptance,
    contentDue,
    submitted,
    posted,
    payout,
    content,
    rate,
    adsRate: rateOnAds,
    // Named, not spread: a spread in the middle of a literal takes V8's slow path on every row.
    sampleCost: samples.sampleCost,
    samplesDelivered: samples.samplesDelivered,
    sampleUnshipped: samples.sampleUnshipped,
    gmv: amount(row.get("GMV")),
    adsGmv: amount(row.get("Ads GMV")),
    samplesLeadingToPost: posted !== undefined ? samples.samplesDelivered : 0,
    authorized: false,
  };
}

/** What a collaboration's samples cost the seller so far, how many arrived, and whether one is owed. */
function sampleFacts(
  run: CheckRun,
  row: TableRow,
  campaign: Campaign | undefined,
): { sampleCost: number; samplesDelivered: number; sampleUnshipped: boolean } {
  const { day } = run;
  let sampleCost = 0;
  let samplesDelivered = 0;
  let sampleUnshipped = false;
  for (const sample of run.samplesOf(row.id)) {
    const policy = samplePolicyOf(sample, campaign) ?? "No sample";
    const shipped = day(sample.get("Shipped"));
    const delivered = day(sample.get("Delivered"));
    const state = sampleState({
      policy,
      shipped,
      delivered,
      firstSale: day(sample.get("First sale")) ?? day(row.get("First sale")),
      refunded: day(sample.get("Refunded")),
    });
    sampleCost += sampleCostBorne(policy, state, amount(sample.get("Cost")));
    if (delivered !== undefined) samplesDelivered += 1;
    if (sampleOwed(policy, shipped, delivered)) sampleUnshipped = true;
  }

  return { sampleCost, samplesDelivered, sampleUnshipped };
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
  coverage: CoverageIndex<Campaign>,
  products: ProductLookup,
): { rate?: number | undefined; adsRate?: number | undefined } {
  const ownSku = text(row.get("SKU"));
  const skus = ownSku ? [ownSku] : (campaign?.skus ?? []);
  const day = rateDay(run.today, campaign?.start, campaign?.end);
  const creator = text(row.get("Creator"));
  let covering: Campaign | undefined;
  for (const sku of skus) {
    covering = coverage.covering(creator, sku, day)?.value;
    if (covering) break;
  }
  const sku = skus[0] ?? "";
  const openCampaign = campaign?.lane === "Open" ? campaign : undefined;
  const { standardRate, adsRate } = saleRate({
    target: covering,
    partner: campaign?.lane === "Partner" ? campaign : undefined,
    open: {
      rate: products.openRateOf(sku) ?? openCampaign?.rate,
      adsRate: products.openAdsRateOf(sku) ?? openCampaign?.adsRate,
    },
  });
  return { rate: standardRate, adsRate };
}

export function checkCollaborations(run: CheckRun, creators: CreatorLookup): void {
  const { today, settings } = run;
  const lead = settings.alertLeadDays;
  for (const collab of run.facts.values()) {
    const { row, campaign } = collab;
    const watch = !collab.cancelled && (!campaign || isActiveStatus(campaign.status));
    if (watch) raiseCollabAlerts(run, collab, creators);
    const window =
      campaign?.start !== undefined && campaign.end !== undefined && campaign.end >= campaign.start
        ? windowText(windowStatus({ start: campaign.start, end: campaign.end, today, leadDays: lead }))
        : "";
    collab.cost = {
      gmv: collab.gmv,
      rate: collab.rate ?? 0,
      adsGmv: collab.adsGmv,
      adsRate: collab.adsRate,
      flatFee: flatFeeOwed(collab.payout.state, campaign?.flatFee ?? 0),
      sampleCost: collab.sampleCost,
    };
    // A GMV without its rate gives no effective commission, only a missing rate (Ads GMV alone
    // needs only the ads rate, which the Open ads rate may give without any standard rate).
    const missingRate =
      (collab.gmv > 0 && collab.rate === undefined) || (collab.adsGmv > 0 && collab.adsRate === undefined);
    const effective = missingRate ? undefined : effectiveCommission(collab.cost);
    run.ownedOf("Collaborations").set(row.key, {
      "Applied rate": collab.rate ?? "",
      "Payout status": collab.cancelled ? "Cancelled" : payoutText(collab.payout),
      "Window status": window,
      "Effective commission": effective ?? (collab.gmv + collab.adsGmv > 0 ? "" : NO_SALES_YET),
      "Next action": collab.cancelled ? "" : nextAction(run, collab),
      Alerts: "",
    });
  }
}

/** The Alerts cells, once every check that may flag a collaboration has run. */
export function fillCollaborationAlerts(run: CheckRun): void {
  for (const collab of run.facts.values()) {
    const values = run.ownedOf("Collaborations").get(collab.row.key);
    if (values) values.Alerts = alertsCell(run.alertsOf("Collaborations", collab.row));
  }
}

const invitedDaysAgo = (run: CheckRun, collab: CollabFacts): number | undefined => {
  const invited = run.day(collab.row.get("Invited"));
  return invited === undefined ? undefined : run.today - invited;
};

/** Invited, unanswered for the nudge days: follow it up (nothing is owed before acceptance). */
function needsFollowUp(run: CheckRun, collab: CollabFacts): boolean {
  return collab.awaitingAcceptance && (invitedDaysAgo(run, collab) ?? 0) >= run.settings.nudgeDays;
}

function raiseCollabAlerts(run: CheckRun, collab: CollabFacts, creators: CreatorLookup): void {
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
    if (content.state === "Content overdue") raise("contentOverdue", payoutText(content));
    else if (
      content.state === "Awaiting content" &&
      content.days !== undefined &&
      content.days <= run.settings.alertLeadDays
    )
      raise("contentDueSoon", payoutText(content));
  }
  if (payout.state === "In review" && (payout.days ?? 0) > run.settings.reviewDays)
    raise("reviewTooLong", payoutText(payout));
  if (reviewRoundsUsed(payout))
    raise("reviewRoundsUsed", `${payoutText(payout)} and no decision: approve or reject the content`);
  if (payout.state === "Payable") raise("feeUnpaid", `Flat fee approved, not paid: ${payoutText(payout)}`);
  const creator = text(row.get("Creator"));
  if (campaign?.flashStart !== undefined && creators.liveCapable(creator) !== true)
    raise("flashSaleNotLive", `Flash sale assigned to ${creator}, who is not LIVE capable`);
}

/** What the team owes next on this row; blank once nothing is owed. */
function nextAction(run: CheckRun, collab: CollabFacts): string {
  const { row, campaign, payout, content } = collab;
  // Money owed stays owed after a campaign is wrapped; everything else stops with it.
  if (payout.state === "Payable") return "Pay the flat fee";
  if (samplesNeedRefund(run, run.samplesOf(row.id))) return "Refund the sample";
  if (collab.rejected || (campaign && !isActiveStatus(campaign.status))) return "";
  if (readFlag(row.get("Link kept")) === false && collab.posted !== undefined)
    return "Ask the creator to restore the product link";
  if (collab.awaitingAcceptance)
    return needsFollowUp(run, collab)
      ? "Follow up the invitation, or cancel it"
      : "Wait for the creator to accept";
  if (collab.sampleUnshipped) return "Ship the sample";
  if (reviewRoundsUsed(payout)) return "Approve or reject the content: every review round is used";
  if (payout.state === "Changes requested")
    return `Wait for the revised content (${payoutText(payout).toLowerCase()})`;
  if (content.state === "Content overdue") return `Chase the content: ${payoutText(content).toLowerCase()}`;
  // Commission-only content needs no approval once posted: the platform settles it.
  if (
    payout.state === "In review" ||
    (payout.state === "Commission only" && content.state === "In review" && collab.posted === undefined)
  )
    return "Review the submitted content";
  if (run.day(row.get("Accepted")) === undefined && collab.submitted === undefined)
    return "Wait for the creator to accept";
  if (content.state === "Awaiting content") return `Remind the creator: ${payoutText(content).toLowerCase()}`;
  const authRows = run.authsOf(row.id);
  if (campaign && plansAds(campaign) && collab.posted !== undefined && authRows.length === 0)
    return "Request ad authorization";
  if (authRows.some((auth) => run.alertsOf("Authorizations", auth).length > 0))
    return "Renew the ad authorization";
  return "";
}

function samplesNeedRefund(run: CheckRun, sampleRows: TableRow[]): boolean {
  return sampleRows.some(
    (sample) => run.ownedOf("Samples").get(sample.key)?.["Sample status"] === "Refund due",
  );
}

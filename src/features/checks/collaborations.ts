/**
 * Collaborations: first the facts of each row (content due, payout, rate, samples), which the
 * samples, authorizations, campaigns and creators checks read; then its owned columns and alerts.
 */
import { alertsCell } from "../../domain/alerts";
import { matchChoice, SAMPLE_POLICIES } from "../../domain/choices";
import { effectiveCommission } from "../../domain/commission";
import { contentDueDay, flatFeeOwed, payoutStatus } from "../../domain/payout";
import { appliedRate } from "../../domain/rates";
import { sampleCostBorne, sampleState } from "../../domain/samples";
import { daysText, NO_SALES_YET, payoutText, windowText } from "../../domain/status-text";
import { readFlag } from "../../domain/values";
import { windowStatus } from "../../domain/windows";
import type { TableRow } from "../../workbook/table";
import { type Campaign, isActiveStatus, plansAds } from "./campaign";
import type { CreatorLookup } from "./creators";
import type { ProductLookup } from "./products";
import { amount, type CheckRun, type CollabFacts, text } from "./run";

export function readCollaborations(run: CheckRun, products: ProductLookup): void {
  const { day, today, campaigns } = run;
  const collaborations = run.tables.collaborations;

  // Target collaborations by creator and SKU: a Target rate covers the creator wherever they sell it.
  const targetCover = new Map<string, Campaign[]>();
  for (const row of collaborations.rows) {
    const campaign = campaigns.get(text(row.get("Campaign ID")));
    if (campaign?.lane.toLowerCase() !== "target" || readFlag(row.get("Cancelled")) === true) continue;
    const id = `${text(row.get("Creator")).toLowerCase()}\u0000${text(row.get("SKU"))}`;
    targetCover.set(id, [...(targetCover.get(id) ?? []), campaign]);
  }

  for (const row of collaborations.rows) {
    if (run.facts.has(row.key)) continue;
    const campaign = campaigns.get(text(row.get("Campaign ID")));
    const sku = text(row.get("SKU"));
    const creator = text(row.get("Creator"));
    const cancelled = readFlag(row.get("Cancelled")) === true;
    const approvedCell = row.get("Approved");
    const approved =
      typeof approvedCell === "string" && approvedCell.trim().toLowerCase() === "rejected"
        ? ("Rejected" as const)
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
    const payoutFacts = { contentDue, submitted, approved, paid: day(row.get("Fee paid")), today };
    const payout = payoutStatus({
      ...payoutFacts,
      paymentModel: campaign?.paymentModel ?? "Commission only",
    });
    // Content timing matters under either payment model: read it as the flat-fee line would.
    const content = payoutStatus({ ...payoutFacts, paymentModel: "Flat fee + commission" });

    // The rate the collaboration pays: Target covering the creator and SKU wins inside its window,
    // read on today or, once the collaboration ended, on its last day.
    const covering = (targetCover.get(`${creator.toLowerCase()}\u0000${sku}`) ?? []).find(
      (target) => target.rate !== undefined,
    );
    const ownOpenRate = campaign && campaign.lane.toLowerCase() !== "target" ? campaign.rate : undefined;
    const rateDay = campaign?.end !== undefined ? Math.min(today, campaign.end) : today;
    const applied = appliedRate({
      targetRate: covering?.rate,
      targetStart: covering?.start,
      targetEnd: covering?.end,
      openRate: products.openRateOf(sku) ?? ownOpenRate,
      saleDay: rateDay,
    });

    let sampleCost = 0;
    let samplesDelivered = 0;
    for (const sample of run.samplesOf(row.key)) {
      const policy =
        matchChoice(SAMPLE_POLICIES, text(sample.get("Policy"))) ?? campaign?.samplePolicy ?? "No sample";
      const state = sampleState({
        policy,
        shipped: day(sample.get("Shipped")),
        delivered: day(sample.get("Delivered")),
        firstSale: day(sample.get("First sale")) ?? day(row.get("First sale")),
        refunded: day(sample.get("Refunded")),
      });
      sampleCost += sampleCostBorne(policy, state, amount(sample.get("Cost")));
      if (day(sample.get("Delivered")) !== undefined) samplesDelivered += 1;
    }

    run.facts.set(row.key, {
      row,
      campaign,
      cancelled,
      awaitingAcceptance:
        day(row.get("Invited")) !== undefined &&
        accepted === undefined &&
        submitted === undefined &&
        approved === undefined,
      contentDue,
      submitted,
      posted,
      payout,
      content,
      rate: applied?.rate,
      gmv: amount(row.get("GMV")),
      adsGmv: amount(row.get("Ads GMV")),
      sampleCost,
      samplesDelivered,
      samplesLeadingToPost: posted !== undefined ? samplesDelivered : 0,
      authorized: false,
    });
  }
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
    collab.cost =
      collab.rate === undefined
        ? undefined
        : {
            gmv: collab.gmv,
            rate: collab.rate,
            adsGmv: collab.adsGmv,
            adsRate: campaign?.adsRate,
            flatFee: flatFeeOwed(collab.payout.state, campaign?.flatFee ?? 0),
            sampleCost: collab.sampleCost,
          };
    const effective = collab.cost && effectiveCommission(collab.cost);
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

function raiseCollabAlerts(run: CheckRun, collab: CollabFacts, creators: CreatorLookup): void {
  const { row, campaign } = collab;
  const lead = run.settings.alertLeadDays;
  if (collab.content.state === "Content overdue" && collab.awaitingAcceptance) {
    // An invitation nobody accepted owes no content yet: it needs a follow-up, not a chase.
    run.raise(
      "invitationNotAccepted",
      "Collaborations",
      row,
      campaign,
      `Invitation not accepted, and its content due date passed ${daysText(collab.content.days ?? 0)} ago`,
    );
  } else if (collab.content.state === "Content overdue") {
    run.raise("contentOverdue", "Collaborations", row, campaign, payoutText(collab.content));
  } else if (
    !collab.awaitingAcceptance &&
    collab.content.state === "Awaiting content" &&
    collab.content.days !== undefined &&
    collab.content.days <= lead &&
    collab.posted === undefined
  ) {
    run.raise("contentDueSoon", "Collaborations", row, campaign, payoutText(collab.content));
  }
  if (collab.payout.state === "In review" && (collab.payout.days ?? 0) > run.settings.reviewDays) {
    run.raise("reviewTooLong", "Collaborations", row, campaign, payoutText(collab.payout));
  }
  if (collab.payout.state === "Payable") {
    run.raise(
      "feeUnpaid",
      "Collaborations",
      row,
      campaign,
      `Flat fee approved, not paid: ${payoutText(collab.payout)}`,
    );
  }
  const creator = text(row.get("Creator"));
  if (campaign?.flashStart !== undefined && creators.liveCapable(creator) !== true) {
    run.raise(
      "flashSaleNotLive",
      "Collaborations",
      row,
      campaign,
      `Flash sale assigned to ${creator}, who is not LIVE capable`,
    );
  }
}

function nextAction(run: CheckRun, collab: CollabFacts): string {
  const { row, campaign, payout, content } = collab;
  const sampleRows = run.samplesOf(row.key);
  const authRows = run.authsOf(row.key);
  if (readFlag(row.get("Link kept")) === false && collab.posted !== undefined)
    return "Ask the creator to restore the product link";
  if (content.state === "Content overdue")
    return collab.awaitingAcceptance
      ? "Follow up the invitation, or cancel it"
      : `Chase the content: ${payoutText(content).toLowerCase()}`;
  if (payout.state === "In review" || (content.state === "In review" && payout.state === "Commission only"))
    return "Review the submitted content";
  if (payout.state === "Payable") return "Pay the flat fee";
  if (samplesNeedRefund(run, sampleRows)) return "Refund the sample";
  const samplePending = sampleRows.some((sample) => {
    const policy = matchChoice(SAMPLE_POLICIES, text(sample.get("Policy"))) ?? campaign?.samplePolicy;
    return policy !== undefined && policy !== "No sample" && run.day(sample.get("Shipped")) === undefined;
  });
  if (samplePending) return "Ship the sample";
  if (run.day(row.get("Accepted")) === undefined) return "Wait for the creator to accept";
  if (content.state === "Awaiting content") return `Remind the creator: ${payoutText(content).toLowerCase()}`;
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

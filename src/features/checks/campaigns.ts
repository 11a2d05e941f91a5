/** Campaigns: the brief check, window, flash sale, inventory, and the owned summary columns. */
import type { AlertKind } from "../../domain/alerts";
import { type BriefIssue, type BriefProduct, checkBrief } from "../../domain/brief";
import { budgetLevel, budgetUsed, campaignSpend } from "../../domain/budget";
import type { CollaborationCost } from "../../domain/commission";
import { idKey } from "../../domain/coverage";
import { formatMoney } from "../../domain/money";
import { ownerCheck } from "../../domain/recipients";
import { sampleToPost } from "../../domain/samples";
import { daysText, windowText } from "../../domain/status-text";
import { readFlag } from "../../domain/values";
import { briefInputFromRow, briefProductOf } from "../../workbook/brief-row";
import { type Campaign, campaignOf, holdsInventory, unitsOf } from "./campaign";
import type { ProductLookup } from "./products";
import { type CheckRun, fillAlertCells } from "./run";

/** `setUpBy`: who turned daily alerts on, for the Owner rule's default email domains. */
export function checkCampaigns(run: CheckRun, products: ProductLookup, setUpBy?: string): void {
  const briefProducts = run.tables.products.rows.map(briefProductOf);
  const tallies = collabTallies(run);
  const costsByCampaign = new Map<Campaign, CollaborationCost[]>();
  for (const collab of run.collabs) {
    if (!collab.campaign) continue;
    // Appended in place: a copy per collaboration made this quadratic in a campaign's size.
    const costs = costsByCampaign.get(collab.campaign);
    if (costs) costs.push(collab.cost);
    else costsByCampaign.set(collab.campaign, [collab.cost]);
  }
  for (const campaign of run.campaigns.values()) {
    const { row, window } = campaign;
    const spend = campaignSpend(costsByCampaign.get(campaign) ?? []);
    if (campaign.active) {
      const ownerIssue = ownerCheck(campaign.owner, run.settings, setUpBy);
      if (ownerIssue) run.raise("ownerAddress", "Campaigns", row, campaign, ownerIssue);
      raiseCampaignAlerts(run, campaign, briefProducts, products, spend);
      if (window?.state === "Ending")
        run.raise("campaignEnding", "Campaigns", row, campaign, windowText(window));
    }
    const { creators, delivered, leading } = tallies.get(campaign) ?? NO_TALLY;
    run.ownedOf("Campaigns").set(row.key, {
      "Window status": campaign.windowText,
      Creators: creators,
      "Sample-to-post": sampleToPost(delivered, leading) ?? "",
      Spend: Math.round(spend * 100) / 100,
      "Budget used": budgetUsed(spend, campaign.budget) ?? "",
      Checks: "",
    });
  }
  fillAlertCells(run, run.tables.campaigns, "Checks");
}

interface CollabTally {
  /** Collaborations rows not cancelled (a row repeating another's ID included). */
  creators: number;
  delivered: number;
  leading: number;
}

const NO_TALLY: CollabTally = { creators: 0, delivered: 0, leading: 0 };

/**
 * Each campaign's rows not cancelled and their samples, in one pass over Collaborations. A row's
 * facts already hold its campaign and Cancelled flag; only a row repeating another's ID (no facts
 * of its own) reads them again.
 */
function collabTallies(run: CheckRun): Map<Campaign, CollabTally> {
  const tallies = new Map<Campaign, CollabTally>();
  for (const row of run.tables.collaborations.rows) {
    const facts = run.factsOfRow[row.index];
    const own = facts?.row === row;
    const campaign = own ? facts.campaign : campaignOf(run, row.get("Campaign ID"));
    if (!campaign) continue;
    const cancelled = own ? facts.cancelled : readFlag(row.get("Cancelled")) === true;
    if (cancelled) continue;
    let tally = tallies.get(campaign);
    if (!tally) {
      tally = { creators: 0, delivered: 0, leading: 0 };
      tallies.set(campaign, tally);
    }
    tally.creators += 1;
    tally.delivered += facts?.samplesDelivered ?? 0;
    tally.leading += facts?.samplesLeadingToPost ?? 0;
  }
  return tallies;
}

function raiseCampaignAlerts(
  run: CheckRun,
  campaign: Campaign,
  briefProducts: BriefProduct[],
  products: ProductLookup,
  spend: number,
): void {
  const { row } = campaign;
  const { today } = run;
  const lead = run.settings.alertLeadDays;
  const brief = checkBrief(
    briefInputFromRow((header) => row.get(header), run.calendar),
    { products: briefProducts },
  );
  for (const issue of brief.errors)
    run.raise(briefAlertKind(issue, "error"), "Campaigns", row, campaign, issue.message);
  // A campaign that no longer holds its units has no stock to be short of.
  const warnings = holdsInventory(run, campaign)
    ? brief.warnings
    : brief.warnings.filter((issue) => issue.rule !== "reservedOverStock");
  for (const issue of warnings)
    run.raise(briefAlertKind(issue, "warning"), "Campaigns", row, campaign, issue.message);
  if (
    campaign.flashStart !== undefined &&
    campaign.flashStart >= today &&
    campaign.flashStart - today <= lead
  ) {
    run.raise(
      "flashSaleSoon",
      "Campaigns",
      row,
      campaign,
      `Flash sale starts ${campaign.flashStart === today ? "today" : `in ${daysText(campaign.flashStart - today)}`}`,
    );
  }
  // Across campaigns: each may fit the stock alone while together they do not (alone, the brief
  // check has said so already: one alert per root cause).
  for (const sku of campaign.skus) {
    const stock = products.stockOf(sku);
    const reserved = run.reservedBySku.get(idKey(sku)) ?? 0;
    const own = unitsOf(campaign, sku);
    if (stock !== undefined && own > 0 && own <= stock && reserved > stock && holdsInventory(run, campaign)) {
      run.raise(
        "inventoryOverStock",
        "Campaigns",
        row,
        campaign,
        `${sku}: ${reserved} reserved across campaigns, ${stock} in stock`,
      );
    }
  }
  const used = budgetUsed(spend, campaign.budget);
  const level = budgetLevel(used);
  const money = (value: number) => formatMoney(value, run.money);
  const spent = `${money(spend)} spent of ${money(campaign.budget ?? 0)} (${Math.round((used ?? 0) * 100)}%)`;
  if (level === "Over") run.raise("budgetOver", "Campaigns", row, campaign, `Over budget: ${spent}`);
  if (level === "Near") run.raise("budgetNear", "Campaigns", row, campaign, `Budget nearly used: ${spent}`);
}

/** Brief rules that are alert kinds of their own; the rest are brief problems or warnings. */
function briefAlertKind(issue: BriefIssue, level: "error" | "warning"): AlertKind {
  switch (issue.rule) {
    case "flashSaleOutsideWindow":
      return "flashSaleOutsideWindow";
    case "reservedOverStock":
      return "inventoryOverStock";
    case "targetBelowOpen":
      return "targetBelowOpen";
    default:
      return level === "error" ? "briefProblem" : "briefWarning";
  }
}

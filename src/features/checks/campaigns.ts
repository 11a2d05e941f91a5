/** Campaigns: the brief check, window, flash sale, inventory, and the owned summary columns. */
import { type AlertKind, alertsCell } from "../../domain/alerts";
import { type BriefIssue, type BriefProduct, checkBrief } from "../../domain/brief";
import { sampleToPost } from "../../domain/samples";
import { daysText, windowText } from "../../domain/status-text";
import { readFlag } from "../../domain/values";
import { windowStatus } from "../../domain/windows";
import { briefInputFromRow, briefProductOf } from "../../workbook/brief-row";
import { type Campaign, isActiveStatus } from "./campaign";
import type { ProductLookup } from "./products";
import { type CheckRun, groupBy, text } from "./run";

export function checkCampaigns(run: CheckRun, products: ProductLookup): void {
  const briefProducts = run.tables.products.rows.map(briefProductOf);
  const collabsByCampaign = groupBy(run.tables.collaborations.rows, (row) => text(row.get("Campaign ID")));
  for (const campaign of run.campaigns.values()) {
    const { row } = campaign;
    const { today } = run;
    const lead = run.settings.alertLeadDays;
    const window =
      campaign.start !== undefined && campaign.end !== undefined && campaign.end >= campaign.start
        ? windowStatus({ start: campaign.start, end: campaign.end, today, leadDays: lead })
        : undefined;
    if (isActiveStatus(campaign.status)) {
      raiseCampaignAlerts(run, campaign, briefProducts, products);
      if (window?.state === "Ending")
        run.raise("campaignEnding", "Campaigns", row, campaign, windowText(window));
    }
    const collabs = (collabsByCampaign.get(campaign.id) ?? []).filter(
      (collab) => readFlag(collab.get("Cancelled")) !== true,
    );
    const delivered = collabs.reduce(
      (sum, collab) => sum + (run.facts.get(collab.key)?.samplesDelivered ?? 0),
      0,
    );
    const leading = collabs.reduce(
      (sum, collab) => sum + (run.facts.get(collab.key)?.samplesLeadingToPost ?? 0),
      0,
    );
    run.ownedOf("Campaigns").set(row.key, {
      "Window status": window ? windowText(window) : "",
      Creators: collabs.length,
      "Sample-to-post": sampleToPost(delivered, leading) ?? "",
      Checks: "",
    });
  }
  for (const campaign of run.campaigns.values()) {
    const values = run.ownedOf("Campaigns").get(campaign.id);
    if (values) values.Checks = alertsCell(run.alertsOf("Campaigns", campaign.row));
  }
}

function raiseCampaignAlerts(
  run: CheckRun,
  campaign: Campaign,
  briefProducts: BriefProduct[],
  products: ProductLookup,
): void {
  const { row } = campaign;
  const { today } = run;
  const lead = run.settings.alertLeadDays;
  const brief = checkBrief(briefInputFromRow(row.get, run.calendar), { products: briefProducts });
  for (const issue of brief.errors)
    run.raise(briefAlertKind(issue, "error"), "Campaigns", row, campaign, issue.message);
  for (const issue of brief.warnings)
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
  // Across campaigns: each may fit the stock alone while together they do not.
  for (const sku of campaign.skus) {
    const stock = products.stockOf(sku);
    const reserved = run.reservedBySku.get(sku) ?? 0;
    const own = campaign.reservedInventory ?? 0;
    if (stock !== undefined && own > 0 && own <= stock && reserved > stock) {
      run.raise(
        "inventoryOverStock",
        "Campaigns",
        row,
        campaign,
        `${sku}: ${reserved} reserved across campaigns, ${stock} in stock`,
      );
    }
  }
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

/** Authorizations: ad-usable until, status, and the alerts that stop an ad plan. */
import { adUsableUntil, amplificationOutlastsUse, authStatus } from "../../domain/authorization";
import { isoFromDay } from "../../domain/day";
import { readFlag, readNumber } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import { type Campaign, plansAds } from "./campaign";
import { type CheckRun, type CollabFacts, fillAlertCells, text } from "./run";

export function checkAuthorizations(run: CheckRun): void {
  for (const row of run.tables.authorizations.rows) checkAuthorization(run, row);
  fillAlertCells(run, run.tables.authorizations, "Alerts");
}

function checkAuthorization(run: CheckRun, row: TableRow): void {
  const { today, calendar } = run;
  const collab = run.authCollabs[row.index];
  const campaign = collab?.campaign;
  const granted = run.day(row.get("Granted"));
  const durationDays = readNumber(row.get("Duration days"));
  const linkKept = collab ? readFlag(collab.row.get("Link kept")) : undefined;
  const status = authStatus({
    granted,
    durationDays: durationDays !== undefined && durationDays > 0 ? Math.floor(durationDays) : undefined,
    collabEnd: campaign?.end,
    linkKept,
    cancelled: collab?.cancelled,
    today,
    leadDays: run.settings.alertLeadDays,
  });
  let usableCell: unknown = "";
  if (granted !== undefined && durationDays !== undefined && durationDays > 0) {
    const usable = adUsableUntil({
      granted,
      durationDays: Math.floor(durationDays),
      collabEnd: campaign?.end,
      linkKept,
      cancelled: collab?.cancelled,
    });
    usableCell = usable.kind === "Until" ? calendar.midnightOf(usable.day) : usable.kind;
    if (usable.kind === "Until" && collab) {
      collab.adUsable = Math.max(collab.adUsable ?? usable.day, usable.day);
      if (status.state === "Valid" || status.state === "Expiring") collab.authorized = true;
    }
    // An authorization meant for no ad use does not have to last through the plan.
    const forAds = text(row.get("Ad use")).toLowerCase() !== "none";
    const planEnd = campaign && forAds && plansAds(campaign) ? campaign.amplificationEnd : undefined;
    const needUntil = Math.max(planEnd ?? -Infinity, campaign?.flashEnd ?? -Infinity);
    // An authorization already expired is one problem, said once by its own alert below.
    const stillUsable = usable.kind === "Until" && usable.day >= today;
    if (campaign && watched(collab, campaign) && Number.isFinite(needUntil) && stillUsable) {
      if (amplificationOutlastsUse(needUntil, usable) && needUntil >= today) {
        run.raise(
          "adsEndBeforePlan",
          "Authorizations",
          row,
          campaign,
          `Ads usable only until ${isoFromDay(usable.day)}, but the plan runs to ${isoFromDay(needUntil)}`,
        );
      }
    }
  }
  if (watched(collab, campaign)) {
    if (status.state === "Expiring")
      run.raise("authExpiring", "Authorizations", row, campaign, run.authText(status));
    if (status.state === "Expired")
      run.raise("authExpired", "Authorizations", row, campaign, run.authText(status));
    if (status.state === "Link removed") {
      run.raise("linkRemoved", "Authorizations", row, campaign, "Link removed: ads on this post are void");
    }
  }
  run.ownedOf("Authorizations").set(row.key, {
    "Ad usable until": usableCell,
    "Auth status": run.authText(status),
  });
}

/** Ads on rejected, cancelled or closed collaborations are not planned: nothing to warn about. */
function watched(collab: CollabFacts | undefined, campaign: Campaign | undefined): boolean {
  return !collab?.cancelled && !collab?.rejected && (!campaign || campaign.active);
}

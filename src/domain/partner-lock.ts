/**
 * Partner rates (DESIGN.md section 1): a Partner campaign runs through an agency or a platform,
 * which sets its rates; once the seller has submitted it (Status past Draft) the seller cannot
 * change them. Neither can a change of lane or a step back to Draft get around that.
 */
import { CAMPAIGN_STATUSES, type CampaignStatus, LANES, matchChoice } from "./choices";

/** The brief fields the agency or platform sets on a submitted Partner campaign. */
export const PARTNER_RATE_FIELDS = ["commissionRate", "adsRate"] as const;

/** A campaign as stored, or as an edit would leave it (words as typed, any case). */
export interface LaneAndStatus {
  lane?: unknown;
  status?: unknown;
}

export interface PartnerLockIssue {
  field: "commissionRate" | "adsRate" | "lane" | "status";
  message: string;
}

const isPartner = (lane: unknown): boolean =>
  typeof lane === "string" && matchChoice(LANES, lane) === "Partner";

/**
 * The Status that makes a campaign submitted: a known status past Draft. A blank or unreadable
 * Status is not submitted (the brief check names an unreadable one).
 */
export function submittedStatus(status: unknown): Exclude<CampaignStatus, "Draft"> | undefined {
  const word = typeof status === "string" ? matchChoice(CAMPAIGN_STATUSES, status) : undefined;
  return word === undefined || word === "Draft" ? undefined : word;
}

/** A Partner campaign past Draft: its Commission rate and Ads rate are no longer the seller's. */
export const partnerRatesFixed = (campaign: LaneAndStatus): boolean =>
  isPartner(campaign.lane) && submittedStatus(campaign.status) !== undefined;

/**
 * What an edit of a stored campaign may not change: `changed` are the fields the edit writes,
 * `next` the lane and status it saves. The rates are fixed when the stored campaign is
 * submitted and is Partner or becomes Partner (a submitted campaign moved to Partner keeps the
 * rates it has). A submitted Partner campaign stays Partner and does not go back to Draft, or
 * two saves would free its rates. Moving a Draft Partner campaign to Recruiting with new rates
 * is allowed: that is the submission.
 */
export function partnerLockIssues(
  stored: LaneAndStatus,
  changed: readonly string[],
  next: LaneAndStatus,
): PartnerLockIssue[] {
  const status = submittedStatus(stored.status);
  if (status === undefined || !(isPartner(stored.lane) || isPartner(next.lane))) return [];
  const issues: PartnerLockIssue[] = [];
  const fixed = `once the campaign is submitted (Status ${status}): the agency or platform sets them`;
  for (const field of PARTNER_RATE_FIELDS) {
    if (changed.includes(field)) issues.push({ field, message: `Partner rates are fixed ${fixed}.` });
  }
  if (isPartner(stored.lane) && changed.includes("lane") && !isPartner(next.lane))
    issues.push({
      field: "lane",
      message: `A submitted Partner campaign stays Partner (Status ${status}): its rates are the agency's or platform's. Start a new brief for a campaign of another lane.`,
    });
  if (isPartner(stored.lane) && changed.includes("status") && submittedStatus(next.status) === undefined)
    issues.push({
      field: "status",
      message: `A submitted Partner campaign cannot go back to Draft (it is ${status}): the agency or platform sets its rates, and Draft would let them change.`,
    });
  return issues;
}

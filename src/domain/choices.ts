/** The enumerated words of the workbook (DESIGN.md section 2), shared by every rule. */

export const OBJECTIVES = ["Organic test", "Event spike", "LIVE momentum", "Ad-asset recovery"] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Partner: an agency or platform campaign, whose rates the seller cannot change after submitting. */
export const LANES = ["Open", "Target", "Partner"] as const;
export type Lane = (typeof LANES)[number];

export const CONTENT_TYPES = ["Short video", "LIVE", "Showcase"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const PAYMENT_MODELS = ["Commission only", "Flat fee + commission"] as const;
export type PaymentModel = (typeof PAYMENT_MODELS)[number];

export const SAMPLE_POLICIES = ["No sample", "Free sample", "Refund after first sale"] as const;
export type SamplePolicy = (typeof SAMPLE_POLICIES)[number];

export const AD_USES = [
  "Affiliate creative commission",
  "LIVE Shopping Ads",
  "Shop Ads",
  "GMV Max",
  "None",
] as const;
export type AdUse = (typeof AD_USES)[number];

export const CAMPAIGN_STATUSES = ["Draft", "Recruiting", "Live", "Wrapped", "Cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A wrapped or cancelled campaign is over: no alerts, no more creators. */
export const isClosedStatus = (status: string): boolean => {
  const word = status.trim().toLowerCase();
  return word === "wrapped" || word === "cancelled";
};

export const CREATOR_POOLS = ["Priority", "One-off", "Test more"] as const;
export type CreatorPool = (typeof CREATOR_POOLS)[number];

/** Text as people mean it: trimmed, runs of spaces (a non-breaking one too) as one, any case. */
export const squeeze = (text: string): string => text.trim().replace(/\s+/g, " ").toLowerCase();

/** The choice a user typed, matched trimmed and case-insensitively (`flat fee + Commission`). */
export function matchChoice<T extends string>(choices: readonly T[], text: string): T | undefined {
  // The choice as typed is the common case: no lower-casing (and no garbage) for it.
  for (const choice of choices) if (choice === text) return choice;
  const wanted = squeeze(text);
  return choices.find((choice) => choice.toLowerCase() === wanted);
}

/** `Short video, LIVE` -> its items, trimmed, blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

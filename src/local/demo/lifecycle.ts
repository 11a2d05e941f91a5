/**
 * How a collaboration's dates fall into place for each stage it has reached, shared by the
 * demo and the benchmark workbooks. Dates are day offsets from today (0 = today, -3 = three
 * days ago); the workbook builder turns them into Date cells.
 *
 * Generated rows stay on the healthy side (content on time, reviews within two days, fees
 * paid after approval) so that the alerts a team sees in the demo are the scenario rows.
 */

import type {
  AdUse,
  CampaignStatus,
  Lane,
  Objective,
  PaymentModel,
  SamplePolicy,
} from "../../domain/choices";
import type { CreatorInfo } from "./catalog";
import type { Random } from "./random";

export interface Brief {
  id: string;
  name: string;
  objective: Objective;
  lane: Lane;
  skus: string[];
  start: number;
  end: number;
  contentTypes: string;
  payment: PaymentModel;
  rate: number;
  flatFee: number | null;
  dueDays: number;
  samplePolicy: SamplePolicy;
  liveRequired: boolean;
  flashSale: { start: number; end: number; price: number } | null;
  /** Units of each SKU, or `SKU: units` pairs. */
  reserved: number | string | null;
  amplification: AdUse;
  amplificationWindow: { start: number; end: number } | null;
  adsRate: number | null;
  authDaysNeeded: number | null;
  budget: number;
  owner: string;
  status: CampaignStatus;
}

export interface Collab {
  id: string;
  campaign: Brief;
  creator: CreatorInfo;
  sku: string;
  invited?: number;
  accepted?: number;
  contentDue?: number;
  submitted?: number;
  /** Rounds of changes asked for in review. */
  revisions?: number;
  approved?: number | "Rejected";
  posted?: number;
  postUrl?: string;
  linkKept?: "Yes" | "No";
  liveDate?: number;
  gmv?: number;
  adsGmv?: number;
  firstSale?: number;
  feePaid?: number;
  cancelled?: boolean;
}

export interface Sample {
  id: string;
  collab: Collab;
  policy: SamplePolicy;
  cost: number;
  shipped?: number;
  delivered?: number;
  firstSale?: number;
  refunded?: number;
}

export interface Authorization {
  id: string;
  collab: Collab;
  code: string;
  granted: number;
  duration: number;
  adUse: AdUse;
}

export type Stage = "invited" | "accepted" | "submitted" | "posted" | "rejected" | "cancelled";

export const money = (amount: number): number => Math.round(amount * 100) / 100;

const isFlatFee = (brief: Brief): boolean => brief.payment === "Flat fee + commission";

export function postUrl(handle: string, random: Random): string {
  let digits = "7";
  for (let i = 0; i < 18; i++) digits += String(random.int(0, 9));
  return `https://www.tiktok.com/${handle}/video/${digits}`;
}

/** A Spark-style ad authorization code. */
export function authorizationCode(random: Random): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  let code = "#";
  for (let i = 0; i < 20; i++) code += alphabet[random.int(0, alphabet.length - 1)];
  return code;
}

/**
 * Fills the collaboration's dates for the stage it reached, or returns false when the
 * campaign window leaves no room for that stage (the caller then tries another).
 */
export function playStage(collab: Collab, stage: Stage, random: Random): boolean {
  const { start, end, dueDays, lane } = collab.campaign;
  // Content is posted inside the window and never in the future.
  const lastPost = Math.min(end, 0);
  const flat = isFlatFee(collab.campaign);
  // Creators may accept a few days before the window opens (recruiting ahead of it).
  const earliestAccept = start - 5;
  const invite = (accepted: number): number => (lane === "Target" ? accepted - random.int(0, 3) : accepted);
  const accept = (accepted: number): void => {
    collab.accepted = accepted;
    collab.invited = invite(accepted);
    if (random.chance(0.35)) collab.contentDue = accepted + dueDays;
  };

  switch (stage) {
    case "invited": {
      if (lane === "Open") return false; // nobody is invited to the public plan
      const last = Math.min(0, end);
      collab.invited = random.int(Math.min(last, Math.max(start - 7, last - 6)), last);
      return true;
    }
    case "accepted": {
      // Content due still ahead and, where possible, inside the window.
      const low = Math.max(1 - dueDays, earliestAccept);
      const high = Math.min(0, end - dueDays);
      if (low > high) return false;
      accept(random.int(low, high));
      return true;
    }
    case "submitted": {
      if (!flat) return false;
      const low = Math.max(-2, start - 1);
      if (low > lastPost) return false;
      const submitted = random.int(low, lastPost);
      accept(Math.max(earliestAccept, submitted - random.int(4, dueDays - 1)));
      collab.submitted = submitted;
      return true;
    }
    case "rejected": {
      if (!flat) return false;
      const low = Math.max(-6, start - 1);
      const high = Math.min(-2, lastPost);
      if (low > high) return false;
      const submitted = random.int(low, high);
      accept(Math.max(earliestAccept, submitted - random.int(4, dueDays - 1)));
      collab.submitted = submitted;
      collab.approved = "Rejected";
      return true;
    }
    case "posted": {
      if (start + 2 > lastPost) return false;
      const posted = random.int(start + 2, lastPost);
      let firstContent = posted;
      if (flat) {
        const approved = posted - random.int(0, 1);
        collab.submitted = approved - random.int(1, 2);
        collab.approved = approved;
        collab.feePaid = Math.min(0, approved + random.int(1, 3));
        firstContent = collab.submitted;
      }
      // At least four days between accepting and the first content leaves room for the sample.
      accept(Math.max(earliestAccept, firstContent - random.int(4, dueDays - 1)));
      collab.posted = posted;
      collab.postUrl = postUrl(collab.creator.handle, random);
      collab.linkKept = "Yes";
      collab.gmv = random.chance(0.8) ? money(random.int(40, 3200) + random.int(0, 99) / 100) : 0;
      collab.adsGmv = 0;
      if (collab.gmv > 0) collab.firstSale = Math.min(0, posted + random.int(0, 2));
      return true;
    }
    case "cancelled": {
      const high = Math.min(0, end);
      const low = Math.max(earliestAccept, high - 20);
      if (low > high) return false;
      accept(random.int(low, high));
      collab.cancelled = true;
      return true;
    }
  }
}

/** Tries the stage, then the others in an order that always ends with one that fits. */
export function playSomeStage(collab: Collab, stage: Stage, random: Random): void {
  const fallbacks: Stage[] = [stage, "posted", "accepted", "invited", "cancelled"];
  for (const candidate of fallbacks) {
    if (playStage(collab, candidate, random)) return;
  }
  throw new Error(`No stage fits collaboration ${collab.id}`);
}

/** A LIVE session for LIVE-capable creators of campaigns that ask for LIVE content. */
export function planLive(collab: Collab, random: Random): void {
  const { campaign, creator } = collab;
  if (!creator.live || !campaign.contentTypes.includes("LIVE") || collab.accepted === undefined) return;
  if (collab.cancelled || collab.approved === "Rejected") return;
  const flash = campaign.flashSale;
  if (flash && random.chance(0.5)) {
    collab.liveDate = random.int(flash.start, flash.end);
    return;
  }
  const low = Math.max(campaign.start, collab.accepted + 1);
  if (low <= campaign.end) collab.liveDate = random.int(low, campaign.end);
}

/**
 * The sample shipment of an accepted collaboration: shipped the day after accepting,
 * delivered two or three days later, refunded after the first sale under the refund policy.
 */
export function sampleFor(collab: Collab, id: string, cost: number, random: Random): Sample | null {
  const accepted = collab.accepted;
  if (accepted === undefined || collab.cancelled) return null;
  const policy = collab.campaign.samplePolicy;
  if (policy === "No sample") return { id, collab, policy, cost: 0 };
  const sample: Sample = { id, collab, policy, cost };
  const contentStarted = collab.submitted !== undefined || collab.posted !== undefined;
  const age = -accepted;
  if (!contentStarted && age <= 1) return sample;
  sample.shipped = accepted + 1;
  if (!contentStarted && age <= 4) return sample;
  sample.delivered = accepted + (contentStarted ? random.int(2, 3) : random.int(3, 4));
  if (policy === "Refund after first sale" && collab.firstSale !== undefined) {
    sample.firstSale = collab.firstSale;
    if (collab.firstSale <= -3 && random.chance(0.6)) {
      sample.refunded = Math.min(0, collab.firstSale + random.int(1, 3));
    }
  }
  return sample;
}

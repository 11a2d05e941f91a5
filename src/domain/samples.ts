/** Samples: who bears the cost, where the shipment is, and when a refund is due. */
import type { SamplePolicy } from "./choices";
import type { Day } from "./day";

export const SAMPLE_STATES = [
  "No sample",
  "Not shipped",
  "Shipped",
  "Delivered",
  "Awaiting first sale",
  "Refund due",
  "Refunded",
] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];

export interface SampleFacts {
  policy: SamplePolicy;
  shipped?: Day | undefined;
  delivered?: Day | undefined;
  firstSale?: Day | undefined;
  refunded?: Day | undefined;
}

export function sampleState(facts: SampleFacts): SampleState {
  const { policy, shipped, delivered, firstSale, refunded } = facts;
  if (policy === "No sample") return "No sample";
  if (policy === "Refund after first sale") {
    // The refund is owed from the first sale on, whatever the shipping columns say.
    if (refunded !== undefined) return "Refunded";
    if (firstSale !== undefined) return "Refund due";
    if (delivered !== undefined) return "Awaiting first sale";
  } else if (delivered !== undefined) {
    return "Delivered";
  }
  return shipped !== undefined ? "Shipped" : "Not shipped";
}

/** The sample cost the seller bears: a free sample once shipped; a refunded sample once refund is due. */
export function sampleCostBorne(policy: SamplePolicy, state: SampleState, cost: number): number {
  if (policy === "Free sample") return state === "Shipped" || state === "Delivered" ? cost : 0;
  if (policy === "Refund after first sale") return state === "Refund due" || state === "Refunded" ? cost : 0;
  return 0;
}

export type SampleFollowUp = "None" | "Nudge" | "Alert";

/**
 * A delivered sample with no post: a nudge after `nudgeDays`, an alert once the content due
 * day has passed.
 */
export function sampleFollowUp(facts: {
  delivered?: Day | undefined;
  posted?: Day | undefined;
  contentDue?: Day | undefined;
  today: Day;
  nudgeDays: number;
}): SampleFollowUp {
  const { delivered, posted, contentDue, today, nudgeDays } = facts;
  if (delivered === undefined || posted !== undefined) return "None";
  if (contentDue !== undefined && today > contentDue) return "Alert";
  if (today - delivered >= nudgeDays) return "Nudge";
  return "None";
}

/**
 * A sample the seller owes and has not shipped is the seller's delay: "ship it" from `leadDays`
 * before the content is due ("Late" once the due day passed, when the creator cannot be chased).
 */
export function sampleShipping(facts: {
  policy: SamplePolicy;
  shipped?: Day | undefined;
  delivered?: Day | undefined;
  contentDue?: Day | undefined;
  today: Day;
  leadDays: number;
}): "None" | "Ship" | "Late" {
  const { policy, shipped, delivered, contentDue, today, leadDays } = facts;
  if (!sampleOwed(policy, shipped, delivered) || contentDue === undefined) return "None";
  if (today > contentDue) return "Late";
  return contentDue - today <= leadDays ? "Ship" : "None";
}

/** The seller still has to send it: a sample policy, nothing shipped or delivered yet. */
export function sampleOwed(
  policy: SamplePolicy,
  shipped: Day | undefined,
  delivered: Day | undefined,
): boolean {
  return policy !== "No sample" && shipped === undefined && delivered === undefined;
}

/** Share of delivered samples that led to a post; undefined before any delivery. */
export function sampleToPost(deliveredCount: number, postedCount: number): number | undefined {
  if (deliveredCount <= 0) return undefined;
  return Math.min(postedCount, deliveredCount) / deliveredCount;
}

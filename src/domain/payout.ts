/** Payout of a collaboration: a flat fee is paid only after the content is approved. */
import type { PaymentModel } from "./choices";
import type { Day } from "./day";

/** In the order a flat-fee collaboration moves through them; `Rejected` is off that line. */
export const PAYOUT_STATES = [
  "Commission only",
  "Awaiting acceptance",
  "Awaiting sample",
  "Awaiting content",
  "Content overdue",
  "In review",
  "Changes requested",
  "Payable",
  "Paid",
  "Rejected",
] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

export const REJECTED = "Rejected";

/** Review allows at most this many rounds of change requests. */
export const MAX_REVISION_ROUNDS = 3;

export interface PayoutFacts {
  paymentModel: PaymentModel;
  /** Content due day (see `contentDueDay`); without one, content can never be overdue. */
  contentDue?: Day | undefined;
  submitted?: Day | undefined;
  /** The approval day, or `Rejected`. */
  approved?: Day | typeof REJECTED | undefined;
  paid?: Day | undefined;
  /** Invited and not accepted: nothing is owed yet, so nothing can be overdue. */
  awaitingAcceptance?: boolean | undefined;
  /** The seller owes a sample it has not shipped: the content waits on the seller, not the creator. */
  sampleOwed?: boolean | undefined;
  /** Rounds of changes the seller asked for (the `Revisions` count). */
  revisions?: number | undefined;
  today: Day;
}

export interface PayoutStatus {
  state: PayoutState;
  /**
   * Awaiting content: days until due (0 = due today). Content overdue: days past due.
   * In review, Changes requested: days since submitted. Payable: days since approved.
   * Paid: days since paid.
   */
  days?: number;
  /** Changes requested: the round asked for (1 to MAX_REVISION_ROUNDS, or more when miscounted). */
  round?: number;
}

/** The explicit due date wins; otherwise Accepted + the campaign's Content due days. */
export function contentDueDay(terms: {
  contentDue?: Day | undefined;
  accepted?: Day | undefined;
  contentDueDays?: number | undefined;
}): Day | undefined {
  if (terms.contentDue !== undefined) return terms.contentDue;
  if (terms.accepted !== undefined && terms.contentDueDays !== undefined)
    return terms.accepted + terms.contentDueDays;
  return undefined;
}

// The statuses without a count of days, shared: a daily check asks for tens of thousands.
const COMMISSION_ONLY: PayoutStatus = Object.freeze({ state: "Commission only" });
const REJECTED_STATUS: PayoutStatus = Object.freeze({ state: "Rejected" });
const AWAITING_ACCEPTANCE: PayoutStatus = Object.freeze({ state: "Awaiting acceptance" });
const AWAITING_SAMPLE: PayoutStatus = Object.freeze({ state: "Awaiting sample" });
const AWAITING_CONTENT: PayoutStatus = Object.freeze({ state: "Awaiting content" });

export function payoutStatus(facts: PayoutFacts): PayoutStatus {
  const { paymentModel, contentDue, submitted, approved, paid, today } = facts;
  if (paymentModel === "Commission only") return COMMISSION_ONLY;
  // Money that left is a fact: a paid collaboration stays Paid even if later marked Rejected.
  if (paid !== undefined) return { state: "Paid", days: today - paid };
  if (approved === REJECTED) return REJECTED_STATUS;
  if (approved !== undefined) return { state: "Payable", days: today - approved };
  const round = revisionRound(facts.revisions);
  if (round > 0) {
    const status: PayoutStatus = { state: "Changes requested", round };
    return submitted === undefined ? status : { ...status, days: today - submitted };
  }
  if (submitted !== undefined) return { state: "In review", days: today - submitted };
  if (facts.awaitingAcceptance) return AWAITING_ACCEPTANCE;
  if (facts.sampleOwed) return AWAITING_SAMPLE;
  if (contentDue === undefined) return AWAITING_CONTENT;
  if (today > contentDue) return { state: "Content overdue", days: today - contentDue };
  return { state: "Awaiting content", days: contentDue - today };
}

/** The change-request round a `Revisions` count stands for: 0 for none or an unreadable count. */
export function revisionRound(revisions: number | undefined): number {
  return revisions !== undefined && Number.isFinite(revisions) && revisions > 0 ? Math.floor(revisions) : 0;
}

/** Every round used and still no decision: the seller must approve or reject. */
export function reviewRoundsUsed(status: PayoutStatus): boolean {
  return status.state === "Changes requested" && (status.round ?? 0) >= MAX_REVISION_ROUNDS;
}

/** On time = submitted on or before the due day; undefined while not submitted or no due day. */
export function deliveredOnTime(
  contentDue: Day | undefined,
  submitted: Day | undefined,
): boolean | undefined {
  if (contentDue === undefined || submitted === undefined) return undefined;
  return submitted <= contentDue;
}

/** The flat fee the seller owes so far: it counts only once the content is approved. */
export function flatFeeOwed(state: PayoutState, flatFee: number): number {
  return state === "Payable" || state === "Paid" ? flatFee : 0;
}

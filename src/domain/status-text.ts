/**
 * The one place that words each state for people: cells, the Checks and Alerts columns, the
 * sidebar and the digest all show the same text.
 */
import type { AuthStatus } from "./authorization";
import { isoFromDay } from "./day";
import { MAX_REVISION_ROUNDS, type PayoutStatus } from "./payout";
import type { WindowStatus } from "./windows";

export const NO_SALES_YET = "No sales yet";
export const LINK_REMOVED = "Link removed";

export function daysText(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}

/** `in 3 days`, `today`, `tomorrow` for a count of days ahead. */
function ahead(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${daysText(days)}`;
}

export function payoutText(status: PayoutStatus): string {
  const { state, days } = status;
  if (state === "Changes requested")
    return `Changes requested, round ${status.round ?? 1} of ${MAX_REVISION_ROUNDS}`;
  if (days === undefined) return state;
  switch (state) {
    case "Awaiting content":
      return `Awaiting content, due ${ahead(days)}`;
    case "Content overdue":
      return `Content overdue by ${daysText(days)}`;
    case "In review":
    case "Payable":
      return days > 0 ? `${state} for ${daysText(days)}` : state;
    default:
      return state;
  }
}

export function windowText(status: WindowStatus): string {
  const { state, days } = status;
  switch (state) {
    case "Upcoming":
      return `Upcoming, starts ${ahead(days)}`;
    case "Open":
      return `Open, ${daysText(days)} left`;
    case "Ending":
      return `Ending ${ahead(days)}`;
    case "Ended":
      return days === 0 ? "Ended" : days === 1 ? "Ended yesterday" : `Ended ${daysText(days)} ago`;
  }
}

export function authText(status: AuthStatus): string {
  const { state, until, days } = status;
  if (state === "Not authorized" && status.grantedLater !== undefined) {
    return `Not authorized until ${isoFromDay(status.grantedLater)}`;
  }
  if (state === "Collaboration ended" && status.cancelled) return "Collaboration ended (cancelled)";
  if (until === undefined || days === undefined) return state;
  switch (state) {
    case "Valid":
      return `Valid until ${isoFromDay(until)} (${daysText(days)} left)`;
    case "Expiring":
      return days === 0
        ? `Expiring today (${isoFromDay(until)})`
        : `Expiring ${ahead(days)} (${isoFromDay(until)})`;
    case "Expired":
      return `Expired, last day ${isoFromDay(until)}`;
    case "Collaboration ended":
      return `Collaboration ended ${isoFromDay(until)}`;
    default:
      return state;
  }
}

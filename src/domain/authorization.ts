/**
 * Ad authorization: an ad may run on a creator post only while the authorization is
 * unexpired, the collaboration is valid and the post keeps the product link.
 */
import type { Day } from "./day";

export interface AuthorizationFacts {
  granted: Day;
  /** Authorization length; the grant day is its first day (7 days from Dec 1 covers Dec 1-7). */
  durationDays: number;
  /** Last day of the collaboration window. */
  collabEnd?: Day | undefined;
  /** False once the post dropped the product link; unknown counts as kept. */
  linkKept?: boolean | undefined;
  cancelled?: boolean | undefined;
}

/** The last day the authorization itself covers. */
export function authorizationLastDay(granted: Day, durationDays: number): Day {
  return granted + durationDays - 1;
}

export type AdUsable =
  | { kind: "Until"; day: Day; limitedBy: "Authorization" | "Collaboration" }
  | { kind: "Link removed" }
  | { kind: "Cancelled" };

/** The last day an ad may run: min(authorization last day, collaboration end); void without the link. */
export function adUsableUntil(facts: AuthorizationFacts): AdUsable {
  if (facts.linkKept === false) return { kind: "Link removed" };
  if (facts.cancelled === true) return { kind: "Cancelled" };
  const authLast = authorizationLastDay(facts.granted, facts.durationDays);
  if (facts.collabEnd !== undefined && facts.collabEnd < authLast) {
    return { kind: "Until", day: facts.collabEnd, limitedBy: "Collaboration" };
  }
  return { kind: "Until", day: authLast, limitedBy: "Authorization" };
}

export const AUTH_STATES = [
  "Not authorized",
  "Valid",
  "Expiring",
  "Expired",
  "Link removed",
  "Collaboration ended",
] as const;
export type AuthState = (typeof AUTH_STATES)[number];

export interface AuthStatus {
  state: AuthState;
  /** Valid / Expiring: the last usable day. Expired / Collaboration ended: the day it stopped. */
  until?: Day;
  /** Valid / Expiring: days left (0 = today is the last day). Expired / ended: days since `until`. */
  days?: number;
  /** Collaboration ended because it was cancelled. */
  cancelled?: boolean;
  /** Not authorized: the grant is dated after today. */
  grantedLater?: Day;
}

export function authStatus(
  facts: Omit<AuthorizationFacts, "granted" | "durationDays"> & {
    granted?: Day | undefined;
    durationDays?: number | undefined;
    today: Day;
    /** Days ahead at which a coming end turns Valid into Expiring. */
    leadDays: number;
  },
): AuthStatus {
  const { granted, durationDays, today, leadDays } = facts;
  if (granted === undefined || durationDays === undefined) return { state: "Not authorized" };
  if (granted > today) return { state: "Not authorized", grantedLater: granted };
  // Named, not spread: a spread of the facts takes V8's slow path, and the check asks per row.
  const usable = adUsableUntil({
    granted,
    durationDays,
    collabEnd: facts.collabEnd,
    linkKept: facts.linkKept,
    cancelled: facts.cancelled,
  });
  if (usable.kind === "Link removed") return { state: "Link removed" };
  if (usable.kind === "Cancelled") return { state: "Collaboration ended", cancelled: true };
  const { day } = usable;
  if (today > day) {
    const state = usable.limitedBy === "Collaboration" ? "Collaboration ended" : "Expired";
    return { state, until: day, days: today - day };
  }
  const left = day - today;
  return { state: left <= leadDays ? "Expiring" : "Valid", until: day, days: left };
}

/** A plan that needs ads on creator posts after they stop being usable is a conflict. */
export function amplificationOutlastsUse(amplificationEnd: Day, usable: AdUsable): boolean {
  return usable.kind !== "Until" || amplificationEnd > usable.day;
}

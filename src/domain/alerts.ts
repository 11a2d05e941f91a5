/**
 * What the daily check flags: each alert has a kind, a severity and the row it points at.
 * The rules that raise them live in src/features/checks (they combine several tabs); the
 * words and severities live here, so the sheet, the email and the view say the same thing.
 */

export const SEVERITIES = ["High", "Medium", "Low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_KINDS = {
  contentDueSoon: "Medium",
  contentOverdue: "High",
  invitationNotAccepted: "Medium",
  reviewTooLong: "Medium",
  reviewRoundsUsed: "Medium",
  feeUnpaid: "Medium",
  sampleNoContent: "High",
  sampleNudge: "Low",
  sampleRefundDue: "Medium",
  sampleNotShipped: "High",
  authExpiring: "Medium",
  authExpired: "High",
  linkRemoved: "High",
  adsEndBeforePlan: "High",
  flashSaleSoon: "Medium",
  flashSaleOutsideWindow: "High",
  inventoryOverStock: "High",
  budgetNear: "Medium",
  budgetOver: "High",
  rateOutOfRange: "Medium",
  flashSaleNotLive: "High",
  targetBelowOpen: "Low",
  campaignEnding: "Medium",
  briefProblem: "Medium",
  briefWarning: "Low",
  duplicateId: "High",
  ownerAddress: "Medium",
  // Raised from the Orders tab (features/order-checks.ts).
  commissionDiffers: "Medium",
  salesDifferFromOrders: "Low",
} as const satisfies Record<string, Severity>;
export type AlertKind = keyof typeof ALERT_KINDS;

export interface Alert {
  kind: AlertKind;
  severity: Severity;
  /** Tab and key of the row the alert points at. */
  tab: string;
  key: string;
  sheetRow: number;
  campaignId: string;
  campaignName: string;
  message: string;
}

export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? SEVERITIES.length : SEVERITIES.indexOf(severity);
}

/** The text of an Alerts cell: worst first, e.g. `High: Content overdue by 3 days; Medium: ...`. */
export function alertsCell(alerts: readonly Alert[]): string {
  if (alerts.length === 0) return "";
  return [...alerts]
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
    .map((alert) => `${alert.severity}: ${alert.message}`)
    .join("; ");
}

/** A kind in words, for counts in the digest: `contentOverdue` -> `Content overdue`. */
export function kindLabel(kind: string): string {
  const words = kind.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The daily digest: who gets which alerts, what each email says, and what was already sent
 * today. Pure: the shell sends the messages and stores the ledger in document properties.
 */
import { type Alert, SEVERITIES } from "../domain/alerts";
import { isEmail } from "../domain/values";
import { escapeHtml } from "./html";

export interface DigestMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  alertCount: number;
}

export interface DigestContext {
  spreadsheetName: string;
  /** Link to a row: spreadsheet URL + the tab's gid + the row. */
  rowLink(alert: Alert): string;
  /** Today as `yyyy-mm-dd` in the spreadsheet zone. */
  today: string;
  /** Digests that could not be sent on earlier days (shown at the top). */
  unsent: readonly UnsentDigest[];
}

export interface UnsentDigest {
  day: string;
  to: string;
  alertCount: number;
  reason: string;
}

/** What was sent on one day; kept in document properties (small: recipients only). */
export interface DigestLedger {
  day: string;
  sentTo: string[];
  unsent: UnsentDigest[];
}

export function emailList(text: unknown): string[] {
  return String(text ?? "")
    .split(/[,;\s]+/)
    .map((address) => address.trim().toLowerCase())
    .filter(isEmail);
}

/** Managers get every alert; a campaign's owner gets the alerts of their campaigns. */
export function recipientsOf(
  alerts: readonly Alert[],
  managers: readonly string[],
  ownerOf: (campaignId: string) => string,
): Map<string, Alert[]> {
  const byRecipient = new Map<string, Alert[]>();
  const add = (address: string, alert: Alert) => {
    const list = byRecipient.get(address) ?? [];
    if (!list.includes(alert)) list.push(alert);
    byRecipient.set(address, list);
  };
  for (const alert of alerts) {
    for (const manager of managers) add(manager, alert);
    for (const owner of emailList(ownerOf(alert.campaignId))) add(owner, alert);
  }
  return byRecipient;
}

function countsOf(alerts: readonly Alert[]): string {
  return SEVERITIES.map(
    (severity) => [severity, alerts.filter((alert) => alert.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity.toLowerCase()}`)
    .join(", ");
}

/** Severity first, then campaign, then tab row, so the worst items lead. */
export function groupAlerts(
  alerts: readonly Alert[],
): { severity: string; campaigns: [string, Alert[]][] }[] {
  return SEVERITIES.map((severity) => {
    const campaigns = new Map<string, Alert[]>();
    for (const alert of alerts.filter((candidate) => candidate.severity === severity)) {
      const list = campaigns.get(alert.campaignId) ?? [];
      list.push(alert);
      campaigns.set(alert.campaignId, list);
    }
    return {
      severity,
      campaigns: [...campaigns.entries()].sort(([a], [b]) => a.localeCompare(b)),
    };
  }).filter((group) => group.campaigns.length > 0);
}

export function renderDigest(to: string, alerts: readonly Alert[], context: DigestContext): DigestMessage {
  const subject = `Campaign Desk: ${alerts.length} alert${alerts.length === 1 ? "" : "s"} (${countsOf(alerts)}) in ${context.spreadsheetName}`;
  const text: string[] = [`Campaign Desk daily digest for ${context.spreadsheetName}, ${context.today}.`, ""];
  const html: string[] = [
    `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">`,
    `<p>Campaign Desk daily digest for <b>${escapeHtml(context.spreadsheetName)}</b>, ${escapeHtml(context.today)}.</p>`,
  ];
  if (context.unsent.length > 0) {
    text.push("Not delivered earlier:");
    html.push(`<p style="color:#b3261e">Not delivered earlier:</p><ul>`);
    for (const missed of context.unsent) {
      const line = `${missed.day}: digest to ${missed.to} (${missed.alertCount} alerts): ${missed.reason}`;
      text.push(`- ${line}`);
      html.push(`<li>${escapeHtml(line)}</li>`);
    }
    text.push("");
    html.push("</ul>");
  }
  for (const group of groupAlerts(alerts)) {
    text.push(`${group.severity.toUpperCase()}`);
    html.push(`<h3 style="margin:16px 0 4px">${escapeHtml(group.severity)}</h3>`);
    for (const [campaignId, items] of group.campaigns) {
      const campaignName = items[0]?.campaignName || campaignId || "No campaign";
      text.push(`  ${campaignName}${campaignId && campaignName !== campaignId ? ` (${campaignId})` : ""}`);
      html.push(
        `<p style="margin:8px 0 2px"><b>${escapeHtml(campaignName)}</b> ${escapeHtml(campaignId)}</p><ul>`,
      );
      for (const alert of items) {
        const link = context.rowLink(alert);
        text.push(`  - ${alert.tab} ${alert.key}: ${alert.message} (${link})`);
        html.push(
          `<li><a href="${escapeHtml(link)}">${escapeHtml(alert.tab)} ${escapeHtml(alert.key)}</a>: ${escapeHtml(alert.message)}</li>`,
        );
      }
      html.push("</ul>");
    }
  }
  text.push("", "Turn daily alerts off from Extensions > Campaign Desk in the spreadsheet.");
  html.push(
    `<p style="color:#5f6368;font-size:12px">Turn daily alerts off from Extensions &gt; Campaign Desk.</p></div>`,
  );
  return { to, subject, body: text.join("\n"), htmlBody: html.join(""), alertCount: alerts.length };
}

/** Today's ledger: yesterday's is replaced, but what was never delivered is carried forward. */
export function ledgerFor(day: string, stored: DigestLedger | null): DigestLedger {
  if (stored && stored.day === day) return stored;
  return { day, sentTo: [], unsent: stored ? stored.unsent.slice(-20) : [] };
}

export interface DigestPlan {
  send: DigestMessage[];
  skipped: string[];
}

/** The messages still owed today: one per recipient per day at most. */
export function planDigest(
  byRecipient: ReadonlyMap<string, Alert[]>,
  ledger: DigestLedger,
  context: DigestContext,
): DigestPlan {
  const send: DigestMessage[] = [];
  const skipped: string[] = [];
  for (const [to, alerts] of [...byRecipient.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (alerts.length === 0) continue;
    if (ledger.sentTo.includes(to)) {
      skipped.push(to);
      continue;
    }
    send.push(renderDigest(to, alerts, context));
  }
  return { send, skipped };
}

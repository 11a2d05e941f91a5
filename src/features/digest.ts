/**
 * The daily digest: who reads it, in what order the quota serves them, and what each email
 * says. A digest is a summary that stays small at any size: counts by severity and kind, the
 * most urgent items for that reader with a link to each row, and a link to the Operations tab
 * for the rest. Pure: the shell decides under the lock (digest-ledger.ts) and sends.
 */
import { ALERT_KINDS, type Alert, kindLabel, SEVERITIES, severityRank } from "../domain/alerts";
import { ownerAddress } from "../domain/recipients";
import { shortText } from "../domain/settings";
import { isEmail } from "../domain/values";
import { shortHash } from "./digest-ledger";
import { escapeHtml } from "./html";

/** Items listed in one digest; the rest are counted and left to the Operations tab. */
export const DIGEST_ITEMS = 50;

export interface Reader {
  address: string;
  /** Managers read every alert; an owner reads only their campaigns'. */
  role: "manager" | "owner";
  alerts: Alert[];
}

export interface ReaderInput {
  alerts: readonly Alert[];
  managers: readonly string[];
  /** Campaign ID -> the Owner cell as typed. */
  owners: ReadonlyMap<string, string>;
  allowed: ReadonlySet<string>;
}

/** Everyone with something to read today: the managers, then the owners the rule lets through. */
export function digestReaders(input: ReaderInput): Reader[] {
  const managers = [...new Set(input.managers.map((address) => address.toLowerCase()).filter(isEmail))];
  const readers: Reader[] = managers.map((address) => ({
    address,
    role: "manager",
    alerts: [...input.alerts],
  }));
  const campaignsOf = new Map<string, Set<string>>();
  for (const [campaignId, cell] of input.owners) {
    const read = ownerAddress(cell, input.allowed);
    if (!("address" in read) || managers.includes(read.address)) continue;
    const campaigns = campaignsOf.get(read.address) ?? new Set<string>();
    campaigns.add(campaignId);
    campaignsOf.set(read.address, campaigns);
  }
  for (const [address, campaigns] of campaignsOf) {
    readers.push({
      address,
      role: "owner",
      alerts: input.alerts.filter((alert) => campaigns.has(alert.campaignId)),
    });
  }
  return readers.filter((reader) => reader.alerts.length > 0);
}

/**
 * The order the day's quota serves readers in: managers first (as listed in Settings), then the
 * owners in an order that changes every day, so the same people do not always miss out.
 */
export function mailingOrder(readers: readonly Reader[], day: string): Reader[] {
  const managers = readers.filter((reader) => reader.role === "manager");
  const owners = readers
    .filter((reader) => reader.role === "owner")
    .map((reader) => ({ reader, rank: shortHash(`${day}|${reader.address}`) }))
    .sort((a, b) => a.rank.localeCompare(b.rank) || a.reader.address.localeCompare(b.reader.address))
    .map(({ reader }) => reader);
  return [...managers, ...owners];
}

const KIND_ORDER = Object.keys(ALERT_KINDS);

/** Worst first; within a severity, by kind, then campaign, then row. */
export function byUrgency(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.campaignId.localeCompare(b.campaignId) ||
      a.sheetRow - b.sheetRow,
  );
}

/** Severity first, then campaign, in the order given. */
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
    return { severity, campaigns: [...campaigns.entries()] };
  }).filter((group) => group.campaigns.length > 0);
}

function countsBy<K extends string>(alerts: readonly Alert[], keyOf: (alert: Alert) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const alert of alerts) counts.set(keyOf(alert), (counts.get(keyOf(alert)) ?? 0) + 1);
  return [...counts.entries()];
}

function severityCounts(alerts: readonly Alert[]): string {
  const counts = new Map(countsBy(alerts, (alert) => alert.severity));
  return SEVERITIES.filter((severity) => counts.has(severity))
    .map((severity) => `${counts.get(severity)} ${severity.toLowerCase()}`)
    .join(", ");
}

function kindCounts(alerts: readonly Alert[]): string {
  return countsBy(byUrgency(alerts), (alert) => alert.kind)
    .map(([kind, count]) => `${kindLabel(kind)} ${count}`)
    .join(", ");
}

/** What a manager's digest reports above the alerts: misses and problems since the last one. */
export interface DigestNotes {
  notDelivered: string[];
  problems: string[];
}

export interface DigestContext {
  spreadsheetName: string;
  /** Today as `yyyy-mm-dd` in the spreadsheet zone. */
  today: string;
  /** Link to an alert's row: spreadsheet URL + the tab's gid + the row. */
  rowLink(alert: Alert): string;
  operationsLink: string;
  /** Shown to managers only: an owner's digest names no other recipient. */
  notes: DigestNotes;
}

export interface DigestMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  alertCount: number;
}

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? "" : "s"}`;

export function renderDigest(reader: Reader, context: DigestContext): DigestMessage {
  const { alerts } = reader;
  const name = shortText(context.spreadsheetName, 80);
  const subject = `Campaign Desk: ${plural(alerts.length, "alert")} (${severityCounts(alerts)}) in ${name}`;
  const why =
    reader.role === "manager"
      ? "every alert, as a manager in Settings"
      : "the alerts of the campaigns you own (the Owner column of Campaigns)";
  const text: string[] = [`Campaign Desk daily digest for ${name}, ${context.today}: ${why}.`, ""];
  const html: string[] = [
    `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124;max-width:720px">`,
    `<p>Campaign Desk daily digest for <b>${escapeHtml(name)}</b>, ${escapeHtml(context.today)}: ${escapeHtml(why)}.</p>`,
  ];
  const notes = reader.role === "manager" ? context.notes : { notDelivered: [], problems: [] };
  const noteBlock = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    text.push(`${title}:`, ...lines.map((line) => `- ${line}`), "");
    html.push(
      `<p style="color:#b3261e;margin:8px 0 2px">${escapeHtml(title)}:</p><ul>`,
      ...lines.map((line) => `<li>${escapeHtml(line)}</li>`),
      "</ul>",
    );
  };
  noteBlock("Not delivered", notes.notDelivered);
  noteBlock("Problems with the daily run", notes.problems);

  text.push(
    `${plural(alerts.length, "alert")}: ${severityCounts(alerts)}.`,
    `By kind: ${kindCounts(alerts)}.`,
    "",
  );
  html.push(
    `<p><b>${escapeHtml(plural(alerts.length, "alert"))}</b>: ${escapeHtml(severityCounts(alerts))}.<br>`,
    `<span style="color:#5f6368">By kind: ${escapeHtml(kindCounts(alerts))}.</span></p>`,
  );

  const shown = byUrgency(alerts).slice(0, DIGEST_ITEMS);
  if (shown.length < alerts.length) {
    text.push(`The ${shown.length} most urgent:`, "");
    html.push(`<p>The ${shown.length} most urgent:</p>`);
  }
  for (const group of groupAlerts(shown)) {
    text.push(group.severity.toUpperCase());
    html.push(`<h3 style="margin:16px 0 4px">${escapeHtml(group.severity)}</h3>`);
    for (const [campaignId, items] of group.campaigns) {
      const id = shortText(campaignId, 40);
      const campaignName = shortText(items[0]?.campaignName || campaignId || "No campaign", 80);
      text.push(`  ${campaignName}${id && campaignName !== id ? ` (${id})` : ""}`);
      html.push(`<p style="margin:8px 0 2px"><b>${escapeHtml(campaignName)}</b> ${escapeHtml(id)}</p><ul>`);
      for (const alert of items) {
        const link = context.rowLink(alert);
        const where = `${alert.tab} ${shortText(alert.key, 40)}`;
        const message = shortText(alert.message, 200);
        text.push(`  - ${where}: ${message} (${link})`);
        html.push(`<li><a href="${escapeHtml(link)}">${escapeHtml(where)}</a>: ${escapeHtml(message)}</li>`);
      }
      html.push("</ul>");
    }
  }
  const rest = alerts.length - shown.length;
  const more =
    rest > 0 ? `and ${count(rest)} more in the Operations tab` : "Everything is in the Operations tab";
  text.push("", `${more}: ${context.operationsLink}`);
  html.push(`<p><a href="${escapeHtml(context.operationsLink)}">${escapeHtml(more)}</a>.</p>`);
  text.push("", "Turn daily alerts off from Extensions > Campaign Desk in the spreadsheet.");
  html.push(
    `<p style="color:#5f6368;font-size:12px">Turn daily alerts off from Extensions &gt; Campaign Desk.</p></div>`,
  );
  return {
    to: reader.address,
    subject,
    body: text.join("\n"),
    htmlBody: html.join(""),
    alertCount: alerts.length,
  };
}

/**
 * A daily check run in the Apps Script shell: read each tab once, compute, write the owned
 * columns and the Operations tab under the document lock, then send the digest (outside the
 * lock: mail is slow and touches no cell).
 */
import type { Alert } from "../domain/alerts";
import { dayFromIso, isoFromDay, zoneCalendar } from "../domain/day";
import { type CheckResult, computeChecks } from "../features/checks";
import {
  type DigestLedger,
  type DigestMessage,
  ledgerFor,
  planDigest,
  recipientsOf,
  type UnsentDigest,
} from "../features/digest";
import { buildOperationsView } from "../features/operations";
import { checkOrders, withOrderAlerts } from "../features/order-checks";
import { ownedColumnsOf, planOwnedWrites, writeOwnedColumns } from "../features/owned-writes";
import {
  type Disturbance,
  nextDisturbance,
  RECORD_PROPERTY,
  readRecord,
  recordText,
} from "../workbook/add-on-record";
import { highlightRules } from "../workbook/highlights";
import { headerKey, TABS, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { headerRowBelow, headerRowMessage } from "../workbook/table";
import { withDocumentLock } from "./document-lock";
import { refreshOrderColumns } from "./import-api";
import { refreshMoneyFormats } from "./money-formats";
import { sheetsPort } from "./sheets-port";
import { refreshTodayCell } from "./today-cell";

export const LEDGER_PROPERTY = "campaignDesk.digest";
export const LAST_RUN_PROPERTY = "campaignDesk.lastRun";

export interface RunSummary {
  today: string;
  alerts: number;
  bySeverity: Record<string, number>;
  sent: string[];
  alreadySent: string[];
  unsent: UnsentDigest[];
  unsettledTabs: TabName[];
  missingHeaders: CheckResult["missingHeaders"];
  /** What the run left alone and why, in the user's words (title rows, the team's columns). */
  notices: string[];
  /** The tab the operating view is in. */
  viewTab: string;
}

/** Days between full checks of the highlight rules (a person may have removed them). */
const FULL_CHECK_DAYS = 7;

/** `rebuildView`: rebuild the operating view even when its content did not change (the menu's refresh). */
export function runChecks(options: { sendDigest: boolean; rebuildView?: boolean }): RunSummary {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const now = new Date();
  const today = calendar.dayOf(now) ?? Math.floor(now.getTime() / 86_400_000);
  const port = sheetsPort(spreadsheet);
  const properties = PropertiesService.getDocumentProperties();

  const { result, unsettledTabs, notices, viewTab, sheetIds } = withDocumentLock(() => {
    const stored = properties.getProperty(RECORD_PROPERTY);
    const record = readRecord(stored);
    const tabs: Partial<Record<TabName, unknown[][]>> = {};
    const notices: string[] = [];
    for (const tab of TABS) {
      if (tab.generated) continue;
      const values = port.read(tab.name);
      if (!values) continue;
      const below = headerRowBelow(tab, values);
      if (below > 0) notices.push(headerRowMessage(tab.name, below));
      else tabs[tab.name] = values;
    }
    const result = computeChecks({ tabs, today, calendar });
    const orders = checkOrders(tabs, calendar);
    withOrderAlerts(result, orders.alerts);
    refreshTodayCell(spreadsheet, tabs.Settings, today, calendar);
    const lastFull = record.fullCheckDay ? dayFromIso(record.fullCheckDay) : undefined;
    const fullCheck = lastFull === undefined || today - lastFull >= FULL_CHECK_DAYS;
    const unsettledTabs: TabName[] = [];
    if (!refreshOrderColumns(spreadsheet, tabs, calendar, record, notices)) unsettledTabs.push("Orders");
    for (const [tab, computed] of result.owned) {
      const values = tabs[tab];
      if (!values) continue;
      const schema = tabSchema(tab);
      let notes: readonly unknown[] | null = null;
      const ours = ownedColumnsOf(schema, values, record, notices, () => {
        notes ??= port.readHeaderNotes(tab);
        return notes;
      });
      const plan = planOwnedWrites(schema, values, computed, ours);
      const written = writeOwnedColumns(port, schema, plan);
      if (written.unsettled) unsettledTabs.push(tab);
      for (const header of written.skippedHeaders)
        notices.push(`${tab}: the ${header} column moved away while the check wrote; run the check again.`);
      // Highlights only in the add-on's columns, placed on the header as it is when they are written.
      const rulesFor = (header: readonly unknown[]) => {
        const columns = locateColumns(header);
        const ourColumns = new Map(
          [...columns].filter(([key]) => ours.some((name) => headerKey(name) === key)),
        );
        return highlightRules(schema, ourColumns, header.length);
      };
      port.ensureHighlights(tab, rulesFor, {
        record,
        header: written.header ?? values[0] ?? [],
        height: values.length,
        fullCheck,
      });
    }
    refreshMoneyFormats(spreadsheet, properties, tabs, result.settings.currency, (tab, header) =>
      Boolean(record.owned[tab]?.includes(headerKey(header))),
    );
    if (fullCheck) {
      record.fullCheckDay = isoFromDay(today);
      delete record.sheetIds;
    }
    // The tabs the digest links to, by sheet ID, kept so a daily run does not ask for them again.
    for (const tab of result.owned.keys()) {
      record.sheetIds ??= {};
      record.sheetIds[tab] ??= port.sheetId(tab) ?? 0;
    }
    const disturbed = nextDisturbance(record.disturbed ?? null, unsettledTabs, now.toISOString());
    if (disturbed) record.disturbed = disturbed;
    else delete record.disturbed;
    const stamp = `${isoFromDay(today)} ${Utilities.formatDate(now, calendar.timeZone, "HH:mm")}`;
    const view = buildOperationsView(
      result.operations,
      today,
      { dateOf: (day) => calendar.midnightOf(day), isoOf: isoFromDay },
      stamp,
      result.settings.operationsRows,
      orders.reconciliation,
    );
    const viewTab = port.writeGeneratedTab(view, record, options.rebuildView === true);
    const kept = recordText(record);
    if (kept !== (stored && recordText(readRecord(stored)))) properties.setProperty(RECORD_PROPERTY, kept);
    return { result, unsettledTabs, notices, viewTab, sheetIds: record.sheetIds ?? {} };
  });

  const bySeverity: Record<string, number> = {};
  for (const alert of result.alerts) bySeverity[alert.severity] = (bySeverity[alert.severity] ?? 0) + 1;
  const summary: RunSummary = {
    today: isoFromDay(today),
    alerts: result.alerts.length,
    bySeverity,
    sent: [],
    alreadySent: [],
    unsent: [],
    unsettledTabs,
    missingHeaders: result.missingHeaders,
    notices,
    viewTab,
  };

  if (options.sendDigest) {
    const url = spreadsheet.getUrl();
    const rowLink = (alert: Alert) =>
      `${url}#gid=${sheetIds[alert.tab as TabName] ?? 0}&range=A${alert.sheetRow}`;
    const ledger = ledgerFor(summary.today, readLedger(properties.getProperty(LEDGER_PROPERTY)));
    const context = {
      spreadsheetName: spreadsheet.getName(),
      rowLink,
      today: summary.today,
      unsent: ledger.unsent,
    };
    const byRecipient = recipientsOf(
      result.alerts,
      result.settings.managerEmails,
      (id) => result.owners.get(id) ?? "",
    );
    const plan = planDigest(byRecipient, ledger, context);
    summary.alreadySent = plan.skipped;
    const failed = sendAll(plan.send, ledger);
    summary.sent = plan.send
      .filter((message) => !failed.some((miss) => miss.to === message.to))
      .map((m) => m.to);
    // Once a digest went out, the earlier misses it reported are done with.
    if (summary.sent.length > 0) ledger.unsent = [];
    ledger.unsent.push(...failed);
    summary.unsent = ledger.unsent;
    // Document properties hold 9 KB a value: keep the newest misses only.
    ledger.unsent = ledger.unsent.slice(-50);
    properties.setProperty(LEDGER_PROPERTY, JSON.stringify(ledger));
  }
  properties.setProperty(
    LAST_RUN_PROPERTY,
    JSON.stringify({ at: now.toISOString(), alerts: summary.alerts, unsent: summary.unsent.length }),
  );
  return summary;
}

/**
 * The runs in a row whose writes people kept moving (null after a calm run): what the menu's
 * alerts state and the next digest mention.
 */
export function disturbedRuns(
  properties: GoogleAppsScript.Properties.Properties = PropertiesService.getDocumentProperties(),
): Disturbance | null {
  return readRecord(properties.getProperty(RECORD_PROPERTY)).disturbed ?? null;
}

function sendAll(messages: readonly DigestMessage[], ledger: DigestLedger): UnsentDigest[] {
  const failed: UnsentDigest[] = [];
  let quota = messages.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  for (const message of messages) {
    if (quota < 1) {
      failed.push({
        day: ledger.day,
        to: message.to,
        alertCount: message.alertCount,
        reason: "daily email quota used up",
      });
      continue;
    }
    try {
      MailApp.sendEmail({
        to: message.to,
        subject: message.subject,
        body: message.body,
        htmlBody: message.htmlBody,
        name: "Campaign Desk",
      });
      quota -= 1;
      ledger.sentTo.push(message.to);
    } catch (error) {
      failed.push({
        day: ledger.day,
        to: message.to,
        alertCount: message.alertCount,
        reason: String(error).slice(0, 120),
      });
    }
  }
  return failed;
}

export function readLedger(text: string | null): DigestLedger | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as DigestLedger;
    return typeof parsed.day === "string" && Array.isArray(parsed.sentTo) && Array.isArray(parsed.unsent)
      ? parsed
      : null;
  } catch {
    return null;
  }
}

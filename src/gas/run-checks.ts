/**
 * A daily check run in the Apps Script shell: read each tab once, compute, write the owned
 * columns and the Operations tab under the document lock, then send the digest (outside the
 * lock: mail is slow and touches no cell).
 */
import type { Alert } from "../domain/alerts";
import { isoFromDay, zoneCalendar } from "../domain/day";
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
import { writeOwnedColumns } from "../features/owned-writes";
import { highlightRules } from "../workbook/highlights";
import { TABS, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { withDocumentLock } from "./document-lock";
import { refreshOrderColumns } from "./import-api";
import { refreshMoneyFormats } from "./money-formats";
import { writeOperationsView } from "./operations-view";
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
}

/** `rebuildView`: write the operating view even when nothing it shows changed (Refresh operating view). */
export function runChecks(options: { sendDigest: boolean; rebuildView?: boolean }): RunSummary {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const now = new Date();
  const today = calendar.dayOf(now) ?? Math.floor(now.getTime() / 86_400_000);
  const port = sheetsPort(spreadsheet);
  const properties = PropertiesService.getDocumentProperties();

  const { result, unsettledTabs, sheetIds } = withDocumentLock(() => {
    const tabs: Partial<Record<TabName, unknown[][]>> = {};
    for (const tab of TABS) {
      if (tab.generated) continue;
      const values = port.read(tab.name);
      if (values) tabs[tab.name] = values;
    }
    const result = computeChecks({ tabs, today, calendar });
    const orders = checkOrders(tabs, calendar);
    withOrderAlerts(result, orders.alerts);
    refreshTodayCell(spreadsheet, tabs.Settings, today, calendar);
    const unsettledTabs: TabName[] = [];
    if (!refreshOrderColumns(spreadsheet, tabs, calendar)) unsettledTabs.push("Orders");
    const sheetIds = new Map<TabName, number>();
    for (const [tab, computed] of result.owned) {
      const values = tabs[tab];
      if (!values) continue;
      const written = writeOwnedColumns(port, tabSchema(tab), computed, values);
      if (written.unsettled) unsettledTabs.push(tab);
      const header = values[0] ?? [];
      port.ensureHighlights(tab, highlightRules(tabSchema(tab), locateColumns(header), header.length));
      sheetIds.set(tab, port.sheetId(tab) ?? 0);
    }
    refreshMoneyFormats(spreadsheet, properties, tabs, result.settings.currency);
    const stamp = `${isoFromDay(today)} ${Utilities.formatDate(now, calendar.timeZone, "HH:mm")}`;
    const view = buildOperationsView(
      result.operations,
      today,
      { dateOf: (day) => calendar.midnightOf(day), isoOf: isoFromDay },
      stamp,
      result.settings.operationsRows,
      orders.reconciliation,
    );
    const viewTab = {
      existing: spreadsheet.getSheetByName("Operations"),
      create: () => spreadsheet.insertSheet("Operations", spreadsheet.getSheets().length),
    };
    writeOperationsView(viewTab, view, properties, options.rebuildView === true);
    return { result, unsettledTabs, sheetIds };
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
  };

  if (options.sendDigest) {
    const url = spreadsheet.getUrl();
    const rowLink = (alert: Alert) =>
      `${url}#gid=${sheetIds.get(alert.tab as TabName) ?? 0}&range=A${alert.sheetRow}`;
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

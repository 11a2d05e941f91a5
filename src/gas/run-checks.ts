/**
 * A daily check run in the Apps Script shell: read each tab once, compute, write the owned
 * columns and the Operations tab under the document lock, and decide there who gets today's
 * digest (recorded before any mail goes out, so an overlapping run mails nobody twice). Mail is
 * sent outside the lock (it is slow and touches no cell); failures are settled under it again.
 */
import type { Alert } from "../domain/alerts";
import { isoFromDay, zoneCalendar } from "../domain/day";
import { allowedDomains } from "../domain/recipients";
import { type CheckResult, computeChecks } from "../features/checks";
import {
  ALERTS_PROPERTY,
  parseAlerts,
  parseRuns,
  pendingProblems,
  RUNS_PROPERTY,
  withProblem,
} from "../features/daily-alerts";
import { type DigestNotes, digestReaders, mailingOrder, type Reader, renderDigest } from "../features/digest";
import {
  type Claim,
  claimDigests,
  describeMisses,
  type MissReason,
  parseLedger,
  settleDigests,
} from "../features/digest-ledger";
import { buildOperationsView } from "../features/operations";
import { writeOwnedColumns } from "../features/owned-writes";
import { highlightRules } from "../workbook/highlights";
import { TABS, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { withDocumentLockOr } from "./document-lock";
import { sheetsPort } from "./sheets-port";

export const LEDGER_PROPERTY = "campaignDesk.digest";
const BUSY_TEXT =
  "The workbook was busy (another run or a save held it for 30 seconds): checks and digest skipped; the next run catches up.";

export interface RunSummary {
  today: string;
  /** The document lock stayed busy: nothing was checked, written or sent. */
  busy: boolean;
  alerts: number;
  bySeverity: Record<string, number>;
  sent: string[];
  alreadySent: string[];
  missed: { to: string; reason: MissReason }[];
  failed: { to: string; error: string }[];
  unsettledTabs: TabName[];
  missingHeaders: CheckResult["missingHeaders"];
  /** Settings' Digest hour, for the trigger to follow. */
  digestHour: number;
}

export function runChecks(options: { sendDigest: boolean }): RunSummary {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const now = new Date();
  const today = calendar.dayOf(now) ?? Math.floor(now.getTime() / 86_400_000);
  const port = sheetsPort(spreadsheet);
  const properties = PropertiesService.getDocumentProperties();
  const setUpBy = parseAlerts(properties.getProperty(ALERTS_PROPERTY))?.setUpBy;

  const locked = withDocumentLockOr(
    () => {
      const tabs: Partial<Record<TabName, unknown[][]>> = {};
      for (const tab of TABS) {
        if (tab.generated) continue;
        const values = port.read(tab.name);
        if (values) tabs[tab.name] = values;
      }
      const result = computeChecks({ tabs, today, calendar, ...(setUpBy ? { setUpBy } : {}) });
      const unsettledTabs: TabName[] = [];
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
      const stamp = `${isoFromDay(today)} ${Utilities.formatDate(now, calendar.timeZone, "HH:mm")}`;
      port.writeGeneratedTab(
        "Operations",
        buildOperationsView(
          result.operations,
          today,
          {
            dateOf: (day) => calendar.midnightOf(day),
            isoOf: isoFromDay,
          },
          stamp,
        ),
      );
      const readers = options.sendDigest
        ? mailingOrder(
            digestReaders({
              alerts: result.alerts,
              managers: result.settings.managerEmails,
              owners: result.owners,
              allowed: allowedDomains(
                result.settings.allowedEmailDomains,
                result.settings.managerEmails,
                setUpBy,
              ),
            }),
            isoFromDay(today),
          )
        : [];
      const claim = options.sendDigest ? claimUnderLock(properties, readers, isoFromDay(today), now) : null;
      return { result, unsettledTabs, sheetIds, readers, claim };
    },
    () => null,
  );

  const summary: RunSummary = {
    today: isoFromDay(today),
    busy: locked === null,
    alerts: 0,
    bySeverity: {},
    sent: [],
    alreadySent: [],
    missed: [],
    failed: [],
    unsettledTabs: [],
    missingHeaders: [],
    digestHour: 8,
  };
  let runs = parseRuns(properties.getProperty(RUNS_PROPERTY));
  if (locked === null) {
    properties.setProperty(RUNS_PROPERTY, JSON.stringify(withProblem(runs, now.toISOString(), BUSY_TEXT)));
    return summary;
  }
  const { result, unsettledTabs, sheetIds, readers, claim } = locked;
  for (const alert of result.alerts)
    summary.bySeverity[alert.severity] = (summary.bySeverity[alert.severity] ?? 0) + 1;
  Object.assign(summary, {
    alerts: result.alerts.length,
    unsettledTabs,
    missingHeaders: result.missingHeaders,
    digestHour: result.settings.digestHour,
  });

  if (claim) {
    if (claim.stalled) runs = withProblem(runs, now.toISOString(), claim.stalled);
    const url = spreadsheet.getUrl();
    const notes: DigestNotes = {
      notDelivered: claim.reporting ? describeMisses(claim.reporting, readers, claim.ledger.refusal) : [],
      problems: pendingProblems(runs),
    };
    const context = {
      spreadsheetName: spreadsheet.getName(),
      today: summary.today,
      rowLink: (alert: Alert) =>
        `${url}#gid=${sheetIds.get(alert.tab as TabName) ?? 0}&range=A${alert.sheetRow}`,
      operationsLink: `${url}#gid=${port.sheetId("Operations") ?? 0}`,
      notes,
    };
    const failed = sendDigests(claim.send, (reader) => renderDigest(reader, context));
    summary.failed = failed.map((failure) => ({ to: failure.address, error: failure.error }));
    summary.sent = claim.send
      .map((reader) => reader.address)
      .filter((to) => !failed.some((f) => f.address === to));
    summary.alreadySent = claim.alreadySent.map((reader) => reader.address);
    summary.missed = claim.missed.map((miss) => ({ to: miss.reader.address, reason: miss.reason }));
    const managerMailed = claim.send.some(
      (reader) => reader.role === "manager" && summary.sent.includes(reader.address),
    );
    if (claim.send.length > 0) {
      const settled = withDocumentLockOr(
        () => {
          const ledger = settleDigests(parseLedger(properties.getProperty(LEDGER_PROPERTY)), summary.today, {
            run: claim.ledger.mailing?.run ?? "",
            failed,
            managerMailed,
            ...(claim.reporting ? { reporting: claim.reporting } : {}),
          });
          properties.setProperty(LEDGER_PROPERTY, JSON.stringify(ledger));
          return true;
        },
        () => false,
      );
      if (!settled)
        runs = withProblem(
          runs,
          now.toISOString(),
          `The workbook stayed busy after mailing: ${failed.length} failed digest(s) were not recorded.`,
        );
    }
    if (managerMailed) runs = { ...runs, pending: [], pendingMore: 0 };
    for (const failure of failed)
      runs = withProblem(runs, now.toISOString(), `Digest to ${failure.address} refused: ${failure.error}`);
  }
  runs = {
    ...runs,
    lastRun: {
      at: now.toISOString(),
      alerts: summary.alerts,
      sent: summary.sent.length,
      missed: summary.missed.length + summary.failed.length,
    },
  };
  properties.setProperty(RUNS_PROPERTY, JSON.stringify(runs));
  return summary;
}

/** Under the lock: today's ledger decides who is mailed, and is stored before any mail goes out. */
function claimUnderLock(
  properties: GoogleAppsScript.Properties.Properties,
  readers: Reader[],
  today: string,
  now: Date,
): Claim {
  const storedText = properties.getProperty(LEDGER_PROPERTY);
  const claim = claimDigests(parseLedger(storedText), {
    today,
    order: readers,
    quota: readers.length > 0 ? MailApp.getRemainingDailyQuota() : 0,
    now: now.toISOString(),
    run: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  });
  const text = JSON.stringify(claim.ledger);
  if (text !== storedText) properties.setProperty(LEDGER_PROPERTY, text);
  return claim;
}

function sendDigests(
  readers: readonly Reader[],
  render: (reader: Reader) => ReturnType<typeof renderDigest>,
): { address: string; error: string }[] {
  const failed: { address: string; error: string }[] = [];
  for (const reader of readers) {
    try {
      const message = render(reader);
      MailApp.sendEmail({
        to: message.to,
        subject: message.subject,
        body: message.body,
        htmlBody: message.htmlBody,
        name: "Campaign Desk",
      });
    } catch (error) {
      failed.push({ address: reader.address, error: String(error).slice(0, 200) });
    }
  }
  return failed;
}

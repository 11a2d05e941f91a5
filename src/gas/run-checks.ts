/**
 * A daily check run in the Apps Script shell: read each tab once, compute, write the owned
 * columns and the Operations tab under the document lock, and decide there who gets today's
 * digest (recorded before any mail goes out, so an overlapping run mails nobody twice). Mail is
 * sent outside the lock (it is slow and touches no cell); failures are settled under it again.
 */
import type { Alert } from "../domain/alerts";
import { dayFromIso, isoFromDay, zoneCalendar } from "../domain/day";
import { allowedDomains } from "../domain/recipients";
import { type CheckResult, computeChecks } from "../features/checks";
import {
  ALERTS_PROPERTY,
  type AlertsRecord,
  type Problem,
  parseAlerts,
  pendingProblems,
  RUNS_PROPERTY,
  type RunsEntry,
  type RunsRecord,
  readRuns,
} from "../features/daily-alerts";
import {
  type DigestContext,
  digestReaders,
  mailingOrder,
  type Reader,
  renderDigest,
} from "../features/digest";
import {
  type Claim,
  claimDigests,
  describeMisses,
  type MissReason,
  parseLedger,
  settleDigests,
} from "../features/digest-ledger";
import { buildOperationsView } from "../features/operations";
import { checkOrders, withOrderAlerts } from "../features/order-checks";
import { ownedColumnsOf, planOwnedWrites, writeOwnedColumns } from "../features/owned-writes";
import {
  type Disturbance,
  disturbanceText,
  nextDisturbance,
  RECORD_PROPERTY,
  readRecord,
  recordText,
} from "../workbook/add-on-record";
import { highlightRules } from "../workbook/highlights";
import { headerKey, TABS, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { headerRowBelow, headerRowMessage } from "../workbook/table";
import { withDocumentLockOr } from "./document-lock";
import { refreshOrderColumns } from "./import-api";
import { refreshMoneyFormats } from "./money-formats";
import { foldedRuns, noteRunsEntry } from "./runs-record";
import { settingsOfValues } from "./settings-tab";
import { sheetsPort } from "./sheets-port";
import { refreshTodayCell } from "./today-cell";

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
  /** What the run left alone and why, in the user's words (title rows, the team's columns). */
  notices: string[];
  /** The tab the operating view is in. */
  viewTab: string;
}

/** Days between full checks of the highlight rules (a person may have removed them). */
const FULL_CHECK_DAYS = 7;

type Port = ReturnType<typeof sheetsPort>;
type Properties = GoogleAppsScript.Properties.Properties;
type Calendar = ReturnType<typeof zoneCalendar>;
type PropertyStore = Pick<Properties, "getProperty" | "setProperty">;

/**
 * Under the lock, the document properties in one read when first asked, and what the run sets
 * (its record, the digest ledger, the runs' record when nobody is mailed) kept to be stored in one
 * write by `store`, before the lock is released and before any mail goes out; then the folded
 * entries of runs that found the lock busy are deleted. Only under the lock: no other run writes
 * them meanwhile.
 */
function heldProperties(
  properties: Properties,
): PropertyStore & { all(): Record<string, string>; drop(keys: string[]): void; store(): void } {
  let all: Record<string, string> | null = null;
  const pending: Record<string, string> = {};
  let dropped: string[] = [];
  const read = () => {
    all ??= properties.getProperties();
    return all;
  };
  return {
    all: read,
    getProperty: (key) => pending[key] ?? read()[key] ?? null,
    setProperty(key, value) {
      pending[key] = value;
      return properties;
    },
    drop(keys) {
      dropped = keys;
    },
    store() {
      if (Object.keys(pending).length > 0) properties.setProperties(pending);
      for (const key of dropped) properties.deleteProperty(key);
    },
  };
}

interface RunInput {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  port: Port;
  properties: Properties;
  calendar: Calendar;
  now: Date;
  today: number;
  setUpBy: string | undefined;
  /** The document lock, asked for once: taken for the checks and again to settle the mail. */
  lock: GoogleAppsScript.Lock.Lock;
}

export interface RunOptions {
  sendDigest: boolean;
  /** Rebuild the operating view even when its content did not change (the menu's refresh). */
  rebuildView?: boolean;
  /** The daily alerts record when the caller has read it already (the trigger has). */
  alerts?: AlertsRecord | null;
  /** The document properties when the caller has asked for them already (the trigger has). */
  properties?: Properties;
}

export function runChecks(options: RunOptions): RunSummary {
  const spreadsheet = SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const now = new Date();
  const properties = options.properties ?? PropertiesService.getDocumentProperties();
  const input: RunInput = {
    spreadsheet,
    port: sheetsPort(spreadsheet),
    properties,
    calendar,
    now,
    today: calendar.dayOf(now) ?? Math.floor(now.getTime() / 86_400_000),
    setUpBy: (options.alerts === undefined
      ? parseAlerts(properties.getProperty(ALERTS_PROPERTY))
      : options.alerts
    )?.setUpBy,
    lock: LockService.getDocumentLock(),
  };
  const locked = withDocumentLockOr(
    () => {
      // The add-on's record, money style and digest ledger: one read and one write of the properties.
      const held = heldProperties(properties);
      try {
        const checked = checkAndWrite({ ...input, properties: held }, options.rebuildView === true);
        if (!options.sendDigest)
          return { ...checked, readers: [], document: { url: "", name: "" }, claim: null };
        const readers = readersOf(checked.result, input);
        // Everything that may fail is done before the claim: once claimed, only sending is left.
        const document = { url: spreadsheet.getUrl(), name: spreadsheet.getName() };
        const claim = claimUnderLock(held, readers, isoFromDay(input.today), now);
        if (claim.send.length === 0) {
          // Nobody to mail: the run's entry is whole now and stored with the rest, under this lock.
          const runs = foldedRuns(held.all(), {
            lastRun: lastRunOf(now, checked.result.alerts.length, 0, claim.missed.length),
            problems: stalledProblems(claim, now),
          });
          held.setProperty(RUNS_PROPERTY, runs.text);
          held.drop(runs.notes);
        }
        return { ...checked, readers, document, claim };
      } finally {
        held.store();
      }
    },
    () => null,
    input.lock,
  );

  const summary = emptySummary(isoFromDay(input.today), locked === null);
  if (locked === null) {
    // The lock another run holds is not to be had now either: the entry goes under a key of its own.
    noteRunsEntry(properties, { problems: [{ at: now.toISOString(), text: BUSY_TEXT }] });
    return summary;
  }
  const { result } = locked;
  for (const alert of result.alerts)
    summary.bySeverity[alert.severity] = (summary.bySeverity[alert.severity] ?? 0) + 1;
  Object.assign(summary, {
    alerts: result.alerts.length,
    unsettledTabs: locked.unsettledTabs,
    missingHeaders: result.missingHeaders,
    notices: locked.notices,
    viewTab: locked.viewTab,
    digestHour: result.settings.digestHour,
  });
  // Only runs that may mail count as the last run: refreshing the view says nothing about mail.
  if (locked.claim) mailDigests(input, locked, locked.claim, summary);
  return summary;
}

const lastRunOf = (now: Date, alerts: number, sent: number, missed: number): RunsRecord["lastRun"] => ({
  at: now.toISOString(),
  alerts,
  sent,
  missed,
});

const stalledProblems = (claim: Claim, now: Date): Problem[] =>
  claim.stalled ? [{ at: now.toISOString(), text: claim.stalled }] : [];

function emptySummary(today: string, busy: boolean): RunSummary {
  return {
    today,
    busy,
    alerts: 0,
    bySeverity: {},
    sent: [],
    alreadySent: [],
    missed: [],
    failed: [],
    unsettledTabs: [],
    missingHeaders: [],
    digestHour: 8,
    notices: [],
    viewTab: "Operations",
  };
}

/**
 * Under the lock: read each tab once, compute, write the owned columns (confirmed right before
 * each write) and the operating view, and keep the add-on's record.
 */
function checkAndWrite(
  {
    spreadsheet,
    port,
    properties,
    calendar,
    now,
    today,
    setUpBy,
  }: Omit<RunInput, "properties"> & { properties: PropertyStore },
  rebuildView: boolean,
) {
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
  // Read once: the check's alerts, the order alerts and the money columns' format show amounts
  // the same way.
  const money = {
    currency: settingsOfValues(tabs.Settings ?? []).currency,
    locale: spreadsheet.getSpreadsheetLocale(),
  };
  const result = computeChecks({ tabs, today, calendar, money, ...(setUpBy ? { setUpBy } : {}) });
  const orders = checkOrders(tabs, calendar, money);
  withOrderAlerts(result, orders.alerts);
  refreshTodayCell(spreadsheet, () => port.sheet("Settings"), tabs.Settings, { today, calendar }, record);
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
  refreshMoneyFormats(spreadsheet, properties, tabs, money, (tab, header) =>
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
  const viewTab = port.writeGeneratedTab(view, record, rebuildView);
  const kept = recordText(record);
  if (kept !== (stored && recordText(readRecord(stored)))) properties.setProperty(RECORD_PROPERTY, kept);
  return {
    result,
    unsettledTabs,
    notices,
    viewTab,
    sheetIds: record.sheetIds ?? {},
    viewId: record.view?.id ?? 0,
    disturbed: record.disturbed ?? null,
  };
}

/** Today's readers in the order the quota serves them. */
function readersOf(result: CheckResult, { today, setUpBy }: RunInput): Reader[] {
  const { managerEmails, allowedEmailDomains } = result.settings;
  const readers = digestReaders({
    alerts: result.alerts,
    managers: managerEmails,
    owners: result.owners,
    allowed: allowedDomains(allowedEmailDomains, managerEmails, setUpBy),
  });
  return mailingOrder(readers, isoFromDay(today));
}

/**
 * Outside the lock: send what was claimed, then under the lock again settle failures and store the
 * run's entry (its last run, its problems, the problems its managers' digests reported).
 */
function mailDigests(
  { properties, now, calendar, lock }: RunInput,
  checked: {
    sheetIds: Partial<Record<TabName, number>>;
    viewId: number;
    disturbed: Disturbance | null;
    readers: Reader[];
    document: { url: string; name: string };
  },
  claim: Claim,
  summary: RunSummary,
): void {
  const { url, name } = checked.document;
  // What the managers' digests list: the problems recorded, those of runs that found the lock busy
  // while this one held it (read now, after it, so they are told today) and this run's own.
  const listed =
    claim.send.length > 0
      ? readRuns(properties.getProperties(), [{ problems: stalledProblems(claim, now) }]).runs
      : { pending: [], pendingMore: 0 };
  const context: DigestContext = {
    spreadsheetName: name,
    today: summary.today,
    rowLink: (alert: Alert) =>
      `${url}#gid=${checked.sheetIds[alert.tab as TabName] ?? 0}&range=A${alert.sheetRow}`,
    operationsLink: `${url}#gid=${checked.viewId}`,
    notes: {
      notDelivered: claim.reporting
        ? describeMisses(claim.reporting, checked.readers, claim.ledger.refusal)
        : [],
      problems: [
        ...pendingProblems(listed, (iso) =>
          Utilities.formatDate(new Date(iso), calendar.timeZone, "yyyy-MM-dd HH:mm"),
        ),
        // A state, not an event: said in every manager's digest while people keep disturbing runs.
        ...(checked.disturbed ? [sentence(disturbanceText(checked.disturbed))] : []),
      ],
    },
  };
  const failed = sendDigests(claim.send, (reader) => renderDigest(reader, context));
  const failedTo = new Set(failed.map((failure) => failure.address));
  summary.failed = failed.map((failure) => ({ to: failure.address, error: failure.error }));
  summary.sent = claim.send.map((reader) => reader.address).filter((to) => !failedTo.has(to));
  summary.alreadySent = claim.alreadySent.map((reader) => reader.address);
  summary.missed = claim.missed.map((miss) => ({ to: miss.reader.address, reason: miss.reason }));
  // Nobody mailed: the first lock stored the run's entry already.
  if (claim.send.length === 0) return;
  const managerMailed = claim.send.some(
    (reader) => reader.role === "manager" && !failedTo.has(reader.address),
  );
  const at = now.toISOString();
  const entry: RunsEntry = {
    lastRun: lastRunOf(now, summary.alerts, summary.sent.length, summary.missed.length + failed.length),
    problems: [
      ...stalledProblems(claim, now),
      ...failed.map((failure) => ({ at, text: `Digest to ${failure.address} refused: ${failure.error}` })),
    ],
    // The problems went out in a manager's digest: they are reported (not those recorded since).
    ...(managerMailed ? { reported: { problems: listed.pending, more: listed.pendingMore } } : {}),
  };
  const settled = withDocumentLockOr(
    () => {
      const all = properties.getProperties();
      const ledger = settleDigests(parseLedger(all[LEDGER_PROPERTY] ?? null), summary.today, {
        run: claim.ledger.mailing?.run ?? "",
        failed,
        managerMailed,
        ...(claim.reporting ? { reporting: claim.reporting } : {}),
      });
      const runs = foldedRuns(all, entry);
      properties.setProperties({ [LEDGER_PROPERTY]: JSON.stringify(ledger), [RUNS_PROPERTY]: runs.text });
      for (const key of runs.notes) properties.deleteProperty(key);
      return true;
    },
    () => false,
    lock,
  );
  if (!settled) {
    const text = `The workbook stayed busy after mailing: ${failed.length} failed digest(s) were not recorded.`;
    noteRunsEntry(properties, { ...entry, problems: [...entry.problems, { at, text }] });
  }
}

/** Under the lock: today's ledger decides who is mailed, and is stored before any mail goes out. */
function claimUnderLock(properties: PropertyStore, readers: Reader[], today: string, now: Date): Claim {
  const storedText = properties.getProperty(LEDGER_PROPERTY);
  const claim = claimDigests(parseLedger(storedText), {
    today,
    order: readers,
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
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

/**
 * The runs in a row whose writes people kept moving (null after a calm run): what the menu's
 * alerts state and the next digest mention.
 */
export function disturbedRuns(
  properties: GoogleAppsScript.Properties.Properties = PropertiesService.getDocumentProperties(),
): Disturbance | null {
  return readRecord(properties.getProperty(RECORD_PROPERTY)).disturbed ?? null;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

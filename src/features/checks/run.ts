/**
 * What every per-tab check shares during one run: the tabs read by header, the settings, the
 * owned values being built and the alerts raised so far. Each tab's check reads what the earlier
 * ones left here (campaigns, collaboration facts) and adds its own.
 */
import { ALERT_KINDS, type Alert, type AlertKind, alertsCell } from "../../domain/alerts";
import type { AuthStatus } from "../../domain/authorization";
import type { SamplePolicy } from "../../domain/choices";
import type { CollaborationCost } from "../../domain/commission";
import type { Day, ZoneCalendar } from "../../domain/day";
import type { MoneyStyle } from "../../domain/money";
import type { PayoutStatus } from "../../domain/payout";
import type { SampleState } from "../../domain/samples";
import { parseSettings, type Settings } from "../../domain/settings";
import { authText, payoutText } from "../../domain/status-text";
import { isBlank, readDay, readNumber } from "../../domain/values";
import type { TabName } from "../../workbook/schema";
import type { Table, TableRow } from "../../workbook/table";
import type { Campaign } from "./campaign";

export type OwnedValues = Map<string, Record<string, unknown>>;

export const text = (value: unknown): string => (isBlank(value) ? "" : String(value).trim());
export const amount = (value: unknown): number => Math.max(readNumber(value) ?? 0, 0);

/** The Settings tab read by header, as parseSettings sees it (one Check per keyed row, in order). */
export function settingsOf(settingsTable: Table) {
  return parseSettings(settingsTable.rows.map((row) => [row.get("Key"), row.get("Value")] as const));
}

export interface CollabFacts {
  row: TableRow;
  campaign?: Campaign | undefined;
  cancelled: boolean;
  /** Invited, and nothing since: no acceptance, submission, post or approval yet. */
  awaitingAcceptance: boolean;
  accepted?: Day | undefined;
  invited?: Day | undefined;
  contentDue?: Day | undefined;
  submitted?: Day | undefined;
  posted?: Day | undefined;
  payout: PayoutStatus;
  content: PayoutStatus;
  /** The rate its sales earn, if any applies (the cost reads a missing one as 0). */
  rate?: number | undefined;
  /** A sample the seller owes and has not shipped: the creator is not chased meanwhile. */
  sampleUnshipped: boolean;
  /** A sample of the row is due its refund (the Samples check's status). */
  refundDue: boolean;
  rejected: boolean;
  samplesDelivered: number;
  samplesLeadingToPost: number;
  /** The row's Samples and Authorizations rows, joined once by Collab ID. */
  samples: readonly TableRow[];
  auths: readonly TableRow[];
  /** The creator's LIVE capable flag on the Creators tab (undefined when not listed or not set). */
  liveCapable: boolean | undefined;
  adUsable?: Day | undefined;
  authorized: boolean;
  /**
   * What the seller pays for it: GMV and Ads GMV at their rates (the ads rate by the Shop Ads
   * ladder), the flat fee owed so far, the samples' cost.
   */
  cost: CollaborationCost;
  /** What the team owes next (the owned column), once the collaborations check ran. */
  nextAction: string;
  /** The row's owned values, once the collaborations check ran (its Alerts filled last). */
  ownedValues: Record<string, unknown> | undefined;
}

/** A Samples row as the check reads it: its collaboration, policy and state, read once. */
export interface SampleReading {
  collab: CollabFacts | undefined;
  policy: SamplePolicy | undefined;
  shipped: Day | undefined;
  delivered: Day | undefined;
  /** Read as `No sample` when the policy is unknown (which the Samples row says instead). */
  state: SampleState;
}

export interface CheckTables {
  products: Table;
  campaigns: Table;
  creators: Table;
  collaborations: Table;
  samples: Table;
  authorizations: Table;
  settings: Table;
}

export interface CheckRun {
  today: Day;
  calendar: ZoneCalendar;
  /** Amounts in alerts: the workbook's Currency in the spreadsheet's locale. */
  money: MoneyStyle;
  tables: CheckTables;
  settings: Settings;
  alerts: Alert[];
  owned: Map<TabName, OwnedValues>;
  /** Keyed by `idKey` of the ID: rows name them trimmed and in any case. */
  campaigns: Map<string, Campaign>;
  /** Each collaboration (the first row holding its ID), in row order. */
  collabs: CollabFacts[];
  /** By Collaborations row index: the collaboration of the row's ID. */
  factsOfRow: (CollabFacts | undefined)[];
  /** By Samples row index: the sample as read, once its collaboration is (or when it has none). */
  samplesRead: (SampleReading | undefined)[];
  /** By Authorizations row index: the collaboration its Collab ID names. */
  authCollabs: (CollabFacts | undefined)[];
  /** Units reserved per SKU (keyed by `idKey`) by the campaigns that still hold them. */
  reservedBySku: Map<string, number>;
  day(value: unknown): Day | undefined;
  ownedOf(tab: TabName): OwnedValues;
  raise(kind: AlertKind, tab: TabName, row: TableRow, campaign: Campaign | undefined, message: string): void;
  alertsOf(tab: TabName, row: TableRow): readonly Alert[];
  /** `payoutText`, made once per distinct status of the run: 50,000 rows share a few hundred. */
  payoutText(status: PayoutStatus): string;
  /** `authText`, made once per distinct status of the run. */
  authText(status: AuthStatus): string;
  /** `${prefix}${payout text in lower case}${suffix}`, made once per distinct text. */
  payoutPhrase(prefix: string, status: PayoutStatus, suffix?: string): string;
}

export function startRun(
  tables: CheckTables,
  settings: Settings,
  today: Day,
  calendar: ZoneCalendar,
  money: MoneyStyle,
): CheckRun {
  const owned = new Map<TabName, OwnedValues>();
  const alerts: Alert[] = [];
  // Per tab, then per row slot (rows sharing a key share one): an array read, not a map look-up.
  const rowAlerts = new Map<TabName, (Alert[] | undefined)[]>();
  const alertsBySlot = (tab: TabName) => {
    let bySlot = rowAlerts.get(tab);
    if (!bySlot) {
      const table = Object.values(tables).find((candidate) => candidate.schema.name === tab);
      bySlot = slots(table?.rows.length ?? 0);
      rowAlerts.set(tab, bySlot);
    }
    return bySlot;
  };
  // A round, or no count of days, is not kept: the text is the state itself, or rare.
  const cachedPayoutText = statusTexts(payoutText, (status: PayoutStatus) =>
    status.round === undefined ? status.days : undefined,
  );
  // Valid, Expiring, Expired and ended read the same for the same last day (days follow from it).
  const cachedAuthText = statusTexts(authText, (status: AuthStatus) =>
    status.grantedLater === undefined && !status.cancelled ? status.until : undefined,
  );
  const phrases = new Map<string, Map<string, Map<string, string>>>();
  return {
    today,
    calendar,
    money,
    tables,
    settings,
    alerts,
    owned,
    campaigns: new Map(),
    collabs: [],
    factsOfRow: slots(tables.collaborations.rows.length),
    samplesRead: slots(tables.samples.rows.length),
    authCollabs: slots(tables.authorizations.rows.length),
    reservedBySku: new Map(),
    day: (value) => readDay(value, calendar),
    ownedOf(tab) {
      let values = owned.get(tab);
      if (!values) {
        values = new Map<string, Record<string, unknown>>();
        owned.set(tab, values);
      }
      return values;
    },
    raise(kind, tab, row, campaign, message) {
      const alert: Alert = {
        kind,
        severity: ALERT_KINDS[kind],
        tab,
        key: row.key,
        sheetRow: row.sheetRow,
        campaignId: campaign?.id ?? "",
        campaignName: campaign?.name ?? "",
        message,
      };
      alerts.push(alert);
      const bySlot = alertsBySlot(tab);
      const list = bySlot[row.slot];
      if (list) list.push(alert);
      else bySlot[row.slot] = [alert];
    },
    alertsOf: (tab, row) => rowAlerts.get(tab)?.[row.slot] ?? NO_ALERTS,
    payoutText: cachedPayoutText,
    authText: cachedAuthText,
    payoutPhrase(prefix, status, suffix = "") {
      const text = cachedPayoutText(status);
      // By prefix, then suffix: no key text is built on each call.
      let bySuffix = phrases.get(prefix);
      if (!bySuffix) {
        bySuffix = new Map();
        phrases.set(prefix, bySuffix);
      }
      let byText = bySuffix.get(suffix);
      if (!byText) {
        byText = new Map();
        bySuffix.set(suffix, byText);
      }
      let phrase = byText.get(text);
      if (phrase === undefined) {
        phrase = `${prefix}${text.toLowerCase()}${suffix}`;
        byText.set(text, phrase);
      }
      return phrase;
    },
  };
}

const NO_ALERTS: readonly Alert[] = [];

/**
 * A status's text, made once per state and number (`numberOf`; undefined: made every time). Tens
 * of thousands of rows of a run share a few hundred texts, and each made anew was garbage.
 */
function statusTexts<S extends { state: string }>(
  toText: (status: S) => string,
  numberOf: (status: S) => number | undefined,
): (status: S) => string {
  const byState = new Map<string, Map<number, string>>();
  return (status) => {
    const number = numberOf(status);
    if (number === undefined) return toText(status);
    let byNumber = byState.get(status.state);
    if (!byNumber) {
      byNumber = new Map();
      byState.set(status.state, byNumber);
    }
    let said = byNumber.get(number);
    if (said === undefined) {
      said = toText(status);
      byNumber.set(number, said);
    }
    return said;
  };
}

/**
 * An array of `length` empty slots, filled in any order: written out of order, an array grown
 * from `[]` would turn into a slow dictionary.
 */
export function slots<T>(length: number): (T | undefined)[] {
  return new Array<T | undefined>(length).fill(undefined);
}

/**
 * Rows are matched by their ID, so two rows sharing one would get the same computed values. IDs
 * are compared as everywhere else (`c-001 ` and `C-001` are one ID).
 */
export function checkDuplicateIds(run: CheckRun): void {
  const { products, campaigns, creators, collaborations, samples, authorizations } = run.tables;
  for (const tab of [products, campaigns, creators, collaborations, samples, authorizations]) {
    for (const row of tab.rows) {
      const first = row.firstOfId;
      if (first !== row) {
        const same = first.key === row.key ? "" : ` (as ${first.key})`;
        const message = `${tab.schema.key} ${row.key} is also on row ${first.sheetRow}${same}: give each row its own`;
        run.raise("duplicateId", tab.schema.name, row, undefined, message);
      }
    }
  }
}

/**
 * Each computed row's alerts cell (`Alerts`, or `Checks` on Campaigns), once every check that may
 * flag the tab's rows has run.
 */
export function fillAlertCells(run: CheckRun, table: Table, header: "Alerts" | "Checks"): void {
  const tab = table.schema.name;
  const owned = run.ownedOf(tab);
  for (const row of table.rows) {
    const values = owned.get(row.key);
    if (values) values[header] = alertsCell(run.alertsOf(tab, row));
  }
}

/**
 * A row whose ID another row already holds (`c-001 ` after `C-001`) is not computed, but its
 * alerts cell still says why, so the team sees it on the row itself.
 */
export function flagDuplicateRows(run: CheckRun): void {
  const cells: [Table, TabName, string][] = [
    [run.tables.campaigns, "Campaigns", "Checks"],
    [run.tables.collaborations, "Collaborations", "Alerts"],
  ];
  for (const [table, tab, header] of cells) {
    const owned = run.ownedOf(tab);
    for (const row of table.rows) {
      // Each ID's first row is computed, and so is a row with its very key text: no look-up for them.
      if (row.firstOfId.key !== row.key && !owned.has(row.key))
        owned.set(row.key, { [header]: alertsCell(run.alertsOf(tab, row)) });
    }
  }
}

/**
 * The daily check, computed: from the tabs' values, every add-on owned column, every alert and
 * the operating view's rows. Pure: the shell reads each tab once, calls this, writes back.
 * Every rule comes from src/domain; the per-tab files in ./checks only join the tabs and apply
 * them, in the order their facts depend on each other.
 */
import type { Alert } from "../domain/alerts";
import type { Day, ZoneCalendar } from "../domain/day";
import type { MoneyStyle } from "../domain/money";
import type { Settings } from "../domain/settings";
import { type TabName, tabSchema } from "../workbook/schema";
import { readTable } from "../workbook/table";
import { checkAuthorizations } from "./checks/authorizations";
import { readCampaigns } from "./checks/campaign";
import { checkCampaigns } from "./checks/campaigns";
import { checkCollaborations, fillCollaborationAlerts, readCollaborations } from "./checks/collaborations";
import { checkCreators, creatorLookup } from "./checks/creators";
import { operatingRows } from "./checks/operating-view";
import { checkProducts, productLookup } from "./checks/products";
import { checkDuplicateIds, flagDuplicateRows, type OwnedValues, settingsOf, startRun } from "./checks/run";
import { checkSamples } from "./checks/samples";
import { checkSettings } from "./checks/settings";
import type { OperatingRows } from "./operations";

export type { OwnedValues } from "./checks/run";
export { settingsOf } from "./checks/run";

export interface CheckInput {
  /** Each tab's values, header row first; a missing tab is absent. */
  tabs: Partial<Record<TabName, unknown[][]>>;
  today: Day;
  calendar: ZoneCalendar;
  /** How amounts read in alerts: Settings' Currency in the spreadsheet's locale (en_US without it). */
  money?: MoneyStyle;
  /** Who turned daily alerts on: their domain may receive owners' digests (Allowed email domains). */
  setUpBy?: string;
}

export interface CheckResult {
  owned: Map<TabName, OwnedValues>;
  alerts: Alert[];
  /** The operating view's rows: the most urgent up to `Operations rows`, and the counts of all. */
  operations: OperatingRows;
  settings: Settings;
  /** Campaign ID -> owner email text, for the digest. */
  owners: Map<string, string>;
  /** Headers missing from tabs (setup restores them). */
  missingHeaders: { tab: TabName; headers: string[] }[];
}

export function computeChecks(input: CheckInput): CheckResult {
  const table = (name: TabName) => readTable(tabSchema(name), input.tabs[name] ?? []);
  const tables = {
    products: table("Products"),
    campaigns: table("Campaigns"),
    creators: table("Creators"),
    collaborations: table("Collaborations"),
    samples: table("Samples"),
    authorizations: table("Authorizations"),
    settings: table("Settings"),
  };
  const { settings, checks: settingChecks } = settingsOf(tables.settings);
  const money = input.money ?? { currency: settings.currency, locale: "en_US" };
  const run = startRun(tables, settings, input.today, input.calendar, money);

  checkDuplicateIds(run);
  checkSettings(run, settingChecks);
  readCampaigns(run);
  checkProducts(run);
  const products = productLookup(run);
  const creators = creatorLookup(run);
  readCollaborations(run, products, creators);
  checkAuthorizations(run);
  checkSamples(run);
  checkCollaborations(run);
  checkCampaigns(run, products, input.setUpBy);
  fillCollaborationAlerts(run);
  checkCreators(run, creators);
  flagDuplicateRows(run);
  const operations = operatingRows(run, products, settings.operationsRows);

  const owners = new Map([...run.campaigns.values()].map((campaign) => [campaign.id, campaign.owner]));
  const missingHeaders = Object.values(tables)
    .filter((tab) => (input.tabs[tab.schema.name]?.length ?? 0) > 0 && tab.missing.length > 0)
    .map((tab) => ({ tab: tab.schema.name, headers: tab.missing }));
  return { owned: run.owned, alerts: run.alerts, operations, settings, owners, missingHeaders };
}

/**
 * "Set up workbook": create or adopt every tab of the workbook contract, each tab on its own, so a
 * failure on one never leaves the user with a raw exception or the later tabs missing. Right
 * before each write the port confirms the header row is still what the plan was made from; when
 * a person moved columns meanwhile, the tab is read and planned again.
 */

import { parseSettings } from "../domain/settings";
import {
  type AddOnRecord,
  claimOf,
  columnHoldsData,
  declinedMessage,
  recordClaim,
  undecidedMessage,
} from "../workbook/add-on-record";
import { headerKey, TABS, type TabName, type TabSchema } from "../workbook/schema";
import {
  locateColumns,
  OWNED_MARK,
  planTabSetup,
  type SetupStep,
  type TabSnapshot,
} from "../workbook/setup-plan";
import { headerRowBelow, headerRowMessage } from "../workbook/table";

/** What applying a step did: wrote, found nothing to write, or found the tab moved (plan again). */
export type StepOutcome = "done" | "unchanged" | "moved";

export interface SetupPort {
  readonly record: AddOnRecord;
  /** The tab as it is now, or null when there is no tab of that name. */
  readTab(name: TabName): TabSnapshot | null;
  apply(step: SetupStep): StepOutcome;
  /** Asks the person a Yes/No question; "none" when they closed it. */
  ask(title: string, question: string): "yes" | "no" | "none";
  /** The tab for the operating view: the add-on's own, made when missing. */
  ensureView(): { name: string; created: boolean; teamHasOperations: boolean };
  /** Stores the record when it changed. */
  saveRecord(): void;
}

export interface SetupReport {
  tabsCreated: TabName[];
  columnsAdded: { tab: TabName; headers: string[] }[];
  settingsAdded: string[];
  stepCount: number;
  /** What was left alone and why (title rows, the team's columns, the team's Operations tab). */
  notices: string[];
  /** Tabs setup could not finish, with the reason. */
  failures: string[];
}

/** Re-plans allowed when people keep moving a tab's columns while setup writes. */
const MAX_PLANS = 3;

export function setUpWorkbook(
  port: SetupPort,
  settingDefaults: readonly (readonly [string, string])[],
): SetupReport {
  const report: SetupReport = {
    tabsCreated: [],
    columnsAdded: [],
    settingsAdded: [],
    stepCount: 0,
    notices: [],
    failures: [],
  };
  // An existing Settings tab is set up first, right after its read: its Currency (as the checks
  // read it) formats the currency columns made now. A missing one is made in the contract's order.
  const settings = port.readTab("Settings");
  const { currency } = parseSettings(settings?.settings ?? []).settings;
  const order = settings
    ? [...TABS].sort((a, b) => Number(b.name === "Settings") - Number(a.name === "Settings"))
    : TABS;
  for (const tab of order) {
    if (tab.generated) {
      setUpView(port, report);
      continue;
    }
    try {
      setUpTab(
        port,
        tab,
        { currency, settingDefaults },
        report,
        tab.name === "Settings" ? settings : undefined,
      );
    } catch (error) {
      report.failures.push(
        `${tab.name}: ${messageOf(error)}. The other tabs were set up; run Set up workbook again to finish ${tab.name}.`,
      );
    }
  }
  // Highlights and the view are checked again in full by the next check (a person may have removed them).
  if (Object.keys(port.record.highlights).length > 0) port.record.highlights = {};
  delete port.record.fullCheckDay;
  delete port.record.viewSignature;
  port.saveRecord();
  return report;
}

/** The operating view's tab: the add-on's own, made when missing, never the team's Operations. */
function setUpView(port: SetupPort, report: SetupReport): void {
  try {
    const view = port.ensureView();
    if (view.created) {
      report.stepCount += 1;
      if (view.name === "Operations") report.tabsCreated.push("Operations");
    }
    if (view.teamHasOperations)
      report.notices.push(
        `Your Operations tab is yours and is never written: the operating view is in the tab “${view.name}”.`,
      );
  } catch (error) {
    report.failures.push(`Operations view: ${messageOf(error)}.`);
  }
}

function setUpTab(
  port: SetupPort,
  schema: TabSchema,
  options: { currency: string; settingDefaults: readonly (readonly [string, string])[] },
  report: SetupReport,
  /** The tab as already read, for the first plan. */
  read?: TabSnapshot | null,
): void {
  for (let plan = 1; plan <= MAX_PLANS; plan++) {
    const snapshot = plan === 1 && read !== undefined ? read : port.readTab(schema.name);
    const below = snapshot?.values ? headerRowBelow(schema, snapshot.values) : 0;
    if (below > 0) {
      report.notices.push(headerRowMessage(schema.name, below));
      return;
    }
    const kept = snapshot ? teamColumns(port, schema, snapshot, report, plan === 1) : new Set<string>();
    let moved = false;
    for (const step of planTabSetup(schema, snapshot, options, kept)) {
      const outcome = port.apply(step);
      if (outcome === "moved") {
        moved = true;
        break;
      }
      if (outcome === "unchanged") continue;
      report.stepCount += 1;
      if (step.kind === "createTab") report.tabsCreated.push(step.tab);
      if (step.kind === "writeColumns" && step.columns.length > 0) {
        report.columnsAdded.push({ tab: step.tab, headers: step.columns.map((column) => column.header) });
        for (const column of step.columns)
          if (column.owned) recordClaim(port.record, step.tab, column.header, "ours");
      }
      if (step.kind === "appendSettings") report.settingsAdded.push(...step.rows.map(([key]) => key));
    }
    if (!moved) return;
  }
  report.failures.push(
    `${schema.name}: columns kept moving while setup wrote, so it stopped there; nothing of yours was overwritten. Run Set up workbook again.`,
  );
}

/**
 * Owned headers whose column the team made (declined, or not answered): kept out of the plan. A
 * column with the add-on's header that holds the team's data is asked about once.
 */
function teamColumns(
  port: SetupPort,
  schema: TabSchema,
  snapshot: TabSnapshot,
  report: SetupReport,
  tell: boolean,
): Set<string> {
  const kept = new Set<string>();
  const positions = locateColumns(snapshot.headers);
  for (const column of schema.columns) {
    const position = positions.get(headerKey(column.header));
    if (!column.owned || position === undefined) continue;
    const facts = {
      holdsData: columnHoldsData(snapshot.values ?? [], position),
      markedOurs: (snapshot.headerNotes[position - 1] ?? "").includes(OWNED_MARK),
    };
    let claim = claimOf(port.record, schema.name, column.header, facts);
    if (claim === "undecided") {
      const answer = port.ask(
        `Campaign Desk: ${schema.name}`,
        `${schema.name} already has a column “${column.header}” with your data in it. Campaign Desk fills a column of that name (${column.note.replace(/\.$/, "")}).\n\nYes: Campaign Desk fills this column from now on, replacing what is in it.\nNo: it stays yours and Campaign Desk never writes there.`,
      );
      claim = answer === "yes" ? "ours" : answer === "no" ? "declined" : "undecided";
    }
    recordClaim(port.record, schema.name, column.header, claim);
    if (claim === "ours") continue;
    kept.add(headerKey(column.header));
    if (tell)
      report.notices.push(
        claim === "declined"
          ? declinedMessage(schema.name, column.header)
          : undecidedMessage(schema.name, column.header),
      );
  }
  return kept;
}

/** An exception's message as Sheets words it, without the `Exception:` prefix. */
const messageOf = (error: unknown): string =>
  String(error !== null && typeof error === "object" && "message" in error ? error.message : error).replace(
    /\.$/,
    "",
  );

/** What the user is told after setup. */
export function describeSetup(report: SetupReport): string {
  const quiet = report.notices.length === 0 && report.failures.length === 0;
  if (report.stepCount === 0 && quiet) return "Campaign Desk was already set up: nothing needed to change.";
  const lines = [
    report.failures.length > 0 ? "Campaign Desk set up what it could." : "Campaign Desk is set up.",
  ];
  if (report.tabsCreated.length > 0) lines.push(`Tabs created: ${report.tabsCreated.join(", ")}.`);
  const adopted = report.columnsAdded.filter(({ tab }) => !report.tabsCreated.includes(tab));
  for (const { tab, headers } of adopted) {
    lines.push(`${tab}: added ${headers.join(", ")} after your columns.`);
  }
  if (report.settingsAdded.length > 0)
    lines.push(`Settings added with defaults: ${report.settingsAdded.join(", ")}.`);
  lines.push(...report.notices, ...report.failures);
  lines.push("Nothing of yours was changed or removed.");
  return lines.join("\n");
}

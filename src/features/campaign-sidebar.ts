/**
 * The campaign sidebar's use cases as pure functions over tab values. The server side
 * (src/gas/sidebar-api.ts) stays tiny, because Apps Script reloads build/Code.js for every
 * custom-function call: it sends the columns the sidebar shows (`pickColumns`), checks a saved
 * brief again and plans its one row (`planBriefSave`), and plans the rows a recruit adds
 * (`planRecruit`). The sidebar turns the grids into campaigns and creators (`sidebarState`).
 * Nothing crossing google.script.run holds a Date (a Date makes the client receive null):
 * days travel as ISO strings (`2026-12-01`).
 */

import {
  BRIEF_FIELD_HEADERS,
  BRIEF_FIELDS,
  type BriefField,
  type BriefProduct,
  type CampaignBrief,
  checkBrief,
} from "../domain/brief";
import { isClosedStatus, splitList } from "../domain/choices";
import { type CoveringCampaign, coverageIndex, idKey, targetCoverOf } from "../domain/coverage";
import { type Day, dayFromIso, isoFromDay, type ZoneCalendar } from "../domain/day";
import type { MoneyStyle } from "../domain/money";
import { partnerLockIssues } from "../domain/partner-lock";
import { rateDay } from "../domain/rates";
import { isBlank, readDay, readFlag, readNumber, readRate } from "../domain/values";
import { briefInputFromRow, briefProductOf } from "../workbook/brief-row";
import { headerKey, headersHold, type TabName, tabSchema } from "../workbook/schema";
import { adjacentRuns, asTypedText, keyText, readTable, type TableRow } from "../workbook/table";

export type Grid = readonly (readonly unknown[])[];

/** The tabs the sidebar uses; null or absent when the tab does not exist. */
export type SidebarTabs = Partial<Record<TabName, Grid | null>>;

export const SIDEBAR_TABS = ["Products", "Campaigns", "Creators", "Collaborations"] as const;

/**
 * What the sidebar needs to paint: campaigns, products, creators and their pools. Collaborations
 * (50,000 rows in a large shop) cross only as their header, for the setup check; the seats of a
 * campaign come on demand (`campaignCreators`), when recruiting for it.
 */
export const FIRST_LOAD_TABS = ["Products", "Campaigns", "Creators"] as const;

/** The columns the sidebar shows or checks: only these are sent, not whole tabs. */
export const SIDEBAR_COLUMNS: Record<(typeof SIDEBAR_TABS)[number], readonly string[]> = {
  Products: ["SKU", "Product", "Stock on hand", "Open rate", "Open ads rate", "Sample cost"],
  // Spend (computed by the daily check) too: the preview sets it against the budget.
  Campaigns: [...Object.values(BRIEF_FIELD_HEADERS), "Spend"],
  Creators: ["Creator", "LIVE capable", "Category", "Pool", "Suggested pool"],
  Collaborations: ["Collab ID", "Campaign ID", "Creator", "SKU", "Cancelled"],
};

/**
 * A grid as it crosses google.script.run, by column: a column of few distinct values (flags,
 * pools, categories, statuses) as those values and a small code per row, any other column as
 * it is. At 16,000 creators this halves what crosses.
 */
export interface PackedGrid {
  /** Rows, the header included. */
  rows: number;
  columns: (unknown[] | { values: unknown[]; codes: number[] })[];
}

export function packGrid(grid: Grid): PackedGrid {
  const width = grid[0]?.length ?? 0;
  const columns: PackedGrid["columns"] = [];
  for (let column = 0; column < width; column++) {
    const cells = grid.map((row) => row[column] ?? "");
    const values: unknown[] = [];
    const codeOf = new Map<unknown, number>();
    const codes = cells.map((cell) => {
      let code = codeOf.get(cell);
      if (code === undefined) {
        code = values.push(cell) - 1;
        codeOf.set(cell, code);
      }
      return code;
    });
    columns.push(values.length * 4 < cells.length ? { values, codes } : cells);
  }
  return { rows: grid.length, columns };
}

/** The grid `packGrid` packed; null for a tab that is not there. */
export function unpackGrid(packed: PackedGrid | null | undefined): unknown[][] | null {
  if (!packed) return null;
  const columns = packed.columns.map((column) =>
    Array.isArray(column) ? column : column.codes.map((code) => column.values[code]),
  );
  return Array.from({ length: packed.rows }, (_, row) => columns.map((column) => column[row] ?? ""));
}

/** The creators already in a campaign (its seats), from the Collaborations grid. */
export function campaignCreators(grid: Grid | null | undefined, campaignId: string): string[] {
  const wanted = seatOf(campaignId, "");
  return readTable(tabSchema("Collaborations"), grid ?? [])
    .rows.filter((row) => seatOf(row.get("Campaign ID"), "") === wanted)
    .map((row) => String(row.get("Creator")).trim());
}

/** A tab's grid cut down to the wanted columns that it has, in the tab's order. */
export function pickColumns(grid: Grid, wanted: readonly string[]): unknown[][] {
  const keys = new Set(wanted.map(headerKey));
  const kept = (grid[0] ?? []).flatMap((header, index) => (keys.has(headerKey(header)) ? [index] : []));
  return grid.map((row) => kept.map((index) => row[index]));
}

/** Which view the sidebar opens on, for which campaign ("" for none), and what to tell first. */
export interface SidebarStart {
  view: "brief" | "recruit" | "import";
  campaignId: string;
  notice?: string;
  /** Import from this tab: the tab holding the export. */
  sourceTab?: string;
}

export const START_ELEMENT_ID = "sidebar-start";

/**
 * The menu item's choice, appended to sidebar.html as JSON data (never run as script): a `<`
 * is escaped so a Campaign ID like `</script><img onerror=…>` stays inside the JSON string.
 */
export function startScript(start: SidebarStart): string {
  const json = JSON.stringify(start).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${START_ELEMENT_ID}">${json}</script>`;
}

/** The start the menu item appended, read back in the sidebar; a new brief when there is none. */
export function readStart(json: string | null | undefined): SidebarStart {
  try {
    const start = Object(JSON.parse(json ?? "null")) as Record<string, unknown>;
    return {
      view: start.view === "recruit" || start.view === "import" ? start.view : "brief",
      campaignId: typeof start.campaignId === "string" ? start.campaignId : "",
      ...(typeof start.notice === "string" ? { notice: start.notice } : {}),
      ...(typeof start.sourceTab === "string" ? { sourceTab: start.sourceTab } : {}),
    };
  } catch {
    return { view: "brief", campaignId: "" };
  }
}

export interface SidebarIssue {
  /** The brief field the message is about, when there is one. */
  field?: string;
  message: string;
}

export interface Refusal {
  ok: false;
  errors: SidebarIssue[];
}

/**
 * What `sidebarLoad` returns: each tab's values packed (`packGrid`), date cells as ISO days
 * (`daysAsIso`); Collaborations as its header only.
 */
export interface SidebarLoad {
  ok: true;
  timeZone: string;
  today: string;
  tabs: Partial<Record<TabName, PackedGrid | null>>;
  /** The Currency setting and the spreadsheet's locale: the sidebar shows amounts in them. */
  money: MoneyStyle;
}

/** What `sidebarCampaignSeats` returns: the creators already in the campaign. */
export interface CampaignSeats {
  ok: true;
  campaignId: string;
  creators: string[];
}

/** The tabs a sidebar action may write. */
export type WrittenTab = "Campaigns" | "Collaborations" | "Samples";

/** Rows of one tab written from `row` on: one block per run of adjacent columns. */
export interface TabWrite {
  tab: WrittenTab;
  row: number;
  runs: { column: number; values: unknown[][] }[];
  /** The records written (header -> value), to place them again when the tab moved. */
  records: Record<string, unknown>[];
  /** The key of the edited row, or "" for new rows (which go only into rows confirmed empty). */
  key: string;
}

/** What an action writes (each tab in as few calls as its columns allow), and what to answer. */
export interface Planned<Reply> {
  ok: true;
  writes: TabWrite[];
  reply: Reply;
}

export interface BriefSaved {
  ok: true;
  row: number;
  created: boolean;
  warnings: SidebarIssue[];
}

export interface Recruited {
  ok: true;
  /**
   * Content due: `10 days after acceptance` (the cell is left blank, so it counts from Accepted),
   * or the campaign End as an ISO day when the brief has no Content due days. A sample ID when the
   * brief's policy sends samples; a note when another Target collaboration sets the creator's rate.
   */
  invited: { collabId: string; creator: string; contentDue: string; sampleId?: string; rate?: string }[];
  skipped: { creator: string; reason: string }[];
}

const rowsOf = (tabs: SidebarTabs, name: TabName): TableRow[] =>
  readTable(tabSchema(name), tabs[name] ?? []).rows;

export const refuse = (...messages: string[]): Refusal => ({
  ok: false,
  errors: messages.map((message) => ({ message })),
});

export function productsOf(tabs: SidebarTabs): BriefProduct[] {
  return rowsOf(tabs, "Products").map(briefProductOf);
}

/**
 * The writes of records (header -> value) as rows of `tab` from `row` on. Only the records'
 * columns are written, found by header: adjacent ones together (one write in a set-up workbook),
 * never a column in between.
 */
export function rowWrites(
  tab: WrittenTab,
  grid: Grid | null | undefined,
  records: readonly Record<string, unknown>[],
  row: number,
  key = "",
): TabWrite | Refusal {
  if (!grid) return refuse(`The ${tab} tab is missing: run Set up workbook first.`);
  const header = (grid[0] ?? []).map(headerKey);
  const located = Object.keys(records[0] ?? {})
    .map((name) => ({ position: header.indexOf(headerKey(name)) + 1, name }))
    .sort((a, b) => a.position - b.position);
  const missing = located.find(({ position }) => position < 1);
  if (missing) return refuse(`The ${tab} tab has no ${missing.name} column: run Set up workbook first.`);
  return {
    tab,
    row,
    key,
    records: [...records],
    runs: adjacentRuns(located).map((run) => ({
      column: run[0]?.position ?? 1,
      values: records.map((record) => run.map(({ name }) => record[name])),
    })),
  };
}

export const isRefusal = (planned: TabWrite | Refusal): planned is Refusal => "ok" in planned;

/**
 * A write placed again on a tab that moved since it was planned: an edit goes to the row that
 * holds its key now, new rows after the last one (refused when one of their keys appeared meanwhile).
 */
export function placeAgain(write: TabWrite, grid: Grid | null | undefined): TabWrite | Refusal {
  const schema = tabSchema(write.tab);
  const rows = readTable(schema, grid ?? []).rows;
  if (write.key) {
    const row = rows.find((candidate) => candidate.key === write.key);
    if (!row)
      return refuse(
        `${write.key} is no longer on the ${write.tab} tab (someone removed or renamed it): nothing was saved there.`,
      );
    return rowWrites(write.tab, grid, write.records, row.sheetRow, write.key);
  }
  const taken = new Set(rows.map((row) => row.key));
  const clash = write.records.map((record) => keyText(record[schema.key])).find((key) => taken.has(key));
  if (clash)
    return refuse(
      `${clash} was just added to ${write.tab} by someone else: nothing more was saved; try again.`,
    );
  return rowWrites(write.tab, grid, write.records, rowAfter(grid));
}

/**
 * Whether a confirming read (rows 1 to the write's last, columns `first` on) shows what the write
 * was placed against: the same headers as `header` above its columns and the key column, and in
 * its rows the edited row's key, or nothing at all for new rows.
 */
export function placementHolds(
  box: Grid,
  header: readonly unknown[],
  write: TabWrite,
  first: number,
  keyColumn: number,
): boolean {
  if (!headersHold(box[0] ?? [], header, first)) return false;
  for (let row = write.row; row < write.row + write.records.length; row++) {
    const cells = box[row - 1];
    if (!cells) return false;
    if (write.key ? keyText(cells[keyColumn - first]) !== write.key : !cells.every(isBlank)) return false;
  }
  return true;
}

/** The columns a write touches, with the key column: what its confirming read covers. */
export function confirmingColumns(write: TabWrite, keyColumn: number): { first: number; width: number } {
  const columns = write.runs.flatMap((run) => [run.column, run.column + (run.values[0]?.length ?? 1) - 1]);
  const first = Math.min(keyColumn, ...columns);
  return { first, width: Math.max(keyColumn, ...columns) - first + 1 };
}

/** The first row after a tab's last one. */
const rowAfter = (grid: Grid | null | undefined): number => (grid?.length ?? 0) + 1;

/**
 * Values as they must be written so that text stays text: a plain-text cell (`@`, what setup
 * gives text columns) stores a string as it is, any other cell reads it as if typed, so there
 * a leading = + - @ needs the apostrophe (DESIGN.md section 5).
 */
export function asStored(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly string[])[],
): unknown[][] {
  return values.map((row, r) =>
    row.map((value, c) => (formats[r]?.[c] === "@" ? value : asTypedText(value))),
  );
}

/**
 * The Campaigns cells of a checked brief, by header: dates as Dates at midnight of their day in
 * the spreadsheet zone, lists comma-separated, flags Yes/No, blanks "" (an emptied field clears
 * its cell).
 */
export function briefCells(brief: CampaignBrief, calendar: ZoneCalendar): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const field of Object.keys(BRIEF_FIELDS) as BriefField[]) {
    const value: unknown = brief[field];
    cells[BRIEF_FIELD_HEADERS[field]] =
      value === undefined
        ? ""
        : value === true
          ? "Yes"
          : value === false
            ? "No"
            : BRIEF_FIELDS[field].kind === "day"
              ? calendar.midnightOf(dayFromIso(value as string) as Day)
              : Array.isArray(value)
                ? value.join(", ")
                : value;
  }
  return cells;
}

/**
 * A brief field's value as the form and the sheet both mean it: blank is its default, and a
 * list is a set (the form lists SKUs in the Products tab's order, the cell in the team's).
 */
function fieldValue(field: BriefField, value: unknown): unknown {
  const given = isBlank(value) ? BRIEF_FIELDS[field].fallback : value;
  if (Array.isArray(given))
    return given
      .map((item) => String(item).trim())
      .sort()
      .join(", ");
  return typeof given === "string" ? given.trim() : given;
}

const sameField = (field: BriefField, a: unknown, b: unknown): boolean =>
  JSON.stringify(fieldValue(field, a) ?? null) === JSON.stringify(fieldValue(field, b) ?? null);

/**
 * The fields an edit writes: those the user changed from the brief as it was loaded. A field
 * someone changed in the sheet meanwhile, to another value than the user's, is a conflict; one
 * the user left alone is not written, so a formula or a teammate's edit there stays. A date the
 * form could not show (unreadable text in the cell) and left blank is left alone too.
 */
function editedFields(
  input: Record<string, unknown>,
  loaded: Record<string, unknown>,
  current: Record<string, unknown>,
): { fields: BriefField[]; conflicts: SidebarIssue[] } {
  const fields: BriefField[] = [];
  const conflicts: SidebarIssue[] = [];
  for (const field of Object.keys(BRIEF_FIELDS) as BriefField[]) {
    const unreadableDay =
      BRIEF_FIELDS[field].kind === "day" &&
      isBlank(input[field]) &&
      typeof loaded[field] === "string" &&
      dayFromIso(loaded[field] as string) === undefined;
    if (unreadableDay || sameField(field, input[field], loaded[field])) continue;
    if (!sameField(field, current[field], loaded[field]) && !sameField(field, input[field], current[field])) {
      const now = fieldValue(field, current[field]);
      conflicts.push({
        field,
        message: `${BRIEF_FIELD_HEADERS[field]} was changed in the sheet since you opened this brief (it is now “${now ?? ""}”): open the brief again to see it, then save.`,
      });
    }
    fields.push(field);
  }
  return { fields, conflicts };
}

/**
 * The Campaigns row a brief save writes, after checking the brief with the same `checkBrief` as
 * the sidebar. `isNew` (the "New campaign" form) refuses an ID already on the tab, so two people
 * creating the same ID cannot both write it. An edit updates its campaign's row by Campaign ID,
 * and is refused when someone removed or renamed that row meanwhile (adding it back would make a
 * second campaign beside the renamed one); given the brief as it was `loaded`, it writes only the
 * fields the user changed (`editedFields`), never the rates of a submitted Partner campaign
 * (`partnerLockIssues`).
 */
export function planBriefSave(
  input: unknown,
  isNew: unknown,
  tabs: SidebarTabs,
  calendar: ZoneCalendar,
  loaded?: unknown,
): Planned<BriefSaved> | Refusal {
  // Any editor can call the server with anything: only an exact yes/no says new or edit.
  if (typeof isNew !== "boolean")
    return refuse("The form sent an unclear request: reload the sidebar and save again.");
  const check = checkBrief(input, { products: productsOf(tabs) });
  const brief = check.brief;
  if (!check.ok || !brief) return { ok: false, errors: check.errors };
  const opened = loaded !== null && typeof loaded === "object" ? (loaded as Record<string, unknown>) : null;
  if (!isNew && !opened) return refuse("Open the brief you want to edit first: nothing was saved.");
  // An edit changes only the brief that was opened, never another campaign's row.
  if (!isNew && opened?.campaignId !== brief.campaignId) {
    const message = `An open brief keeps its Campaign ID (${String(opened?.campaignId ?? "")}): to save it as ${brief.campaignId}, start a new brief.`;
    return { ok: false, errors: [{ field: "campaignId", message }] };
  }
  // IDs are matched ignoring case everywhere, so c-001 would be a second C-001.
  const existing = rowsOf(tabs, "Campaigns").find((row) => idKey(row.key) === idKey(brief.campaignId));
  if (existing && isNew) {
    const taken = existing.key === brief.campaignId ? "" : ` as ${existing.key} (IDs ignore case)`;
    const message = `${brief.campaignId} already exists${taken}: choose another Campaign ID`;
    return { ok: false, errors: [{ field: "campaignId", message }] };
  }
  if (!isNew && !existing)
    return refuse(
      `${brief.campaignId} is no longer on the Campaigns tab (someone removed or renamed its row): nothing was saved. Start a new brief to add it again.`,
    );
  const row = existing?.sheetRow ?? rowAfter(tabs.Campaigns);
  const reply: BriefSaved = { ok: true, row, created: !existing, warnings: check.warnings };
  let cells = briefCells(brief, calendar);
  if (existing && opened) {
    const typed = input as Record<string, unknown>;
    const stored = briefInputFromRow((header) => existing.get(header), calendar);
    const edit = editedFields(typed, opened, stored);
    // Partner rates are judged against the row as it is now, whatever the form loaded.
    const changed = edit.fields.filter((field) => !sameField(field, typed[field], stored[field]));
    const errors = [...partnerLockIssues(stored, changed, brief), ...edit.conflicts];
    if (errors.length > 0) return { ok: false, errors };
    if (edit.fields.length === 0) return { ok: true, writes: [], reply };
    const headers = new Set(edit.fields.map((field) => BRIEF_FIELD_HEADERS[field] as string));
    cells = Object.fromEntries(Object.entries(cells).filter(([header]) => headers.has(header)));
  }
  // An edit is placed by its key, a new brief after the last row.
  const write = rowWrites("Campaigns", tabs.Campaigns, [cells], row, existing ? brief.campaignId : "");
  if (isRefusal(write)) return write;
  return { ok: true, writes: [write], reply };
}

/** `K-0107` after the highest `K-<number>` among the IDs (`S-` for samples), `offset` further on. */
export function nextId(prefix: "K" | "S", ids: readonly unknown[], offset = 0): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`, "i");
  let highest = 0;
  for (const id of ids) highest = Math.max(highest, Number(pattern.exec(String(id).trim())?.[1] ?? 0));
  return `${prefix}-${String(highest + 1 + offset).padStart(4, "0")}`;
}

/** Why a campaign takes no more creators, or "": it is wrapped or cancelled, or it has ended. */
export function recruitingClosed(brief: CampaignBrief, today: Day): string {
  if (isClosedStatus(brief.status))
    return `${brief.campaignId} is ${brief.status.toLowerCase()}: recruiting is closed.`;
  const end = dayFromIso(brief.end);
  if (end !== undefined && end < today)
    return `${brief.campaignId} ended on ${brief.end}: recruiting is closed.`;
  return "";
}

/** A creator joins a campaign once: the seat is the pair, compared as people type names. */
export const seatOf = (campaignId: unknown, creator: unknown): string =>
  `${idKey(String(campaignId ?? ""))}|${idKey(String(creator ?? ""))}`;

/**
 * Why a creator cannot be invited into a campaign, or "": not on the Creators tab, already in
 * the campaign, or not LIVE capable when the campaign requires LIVE.
 */
export function invitationBlocked(
  creator: { liveCapable: boolean } | undefined,
  seated: boolean,
  brief: CampaignBrief,
): string {
  if (!creator) return "not on the Creators tab";
  if (seated) return `already in ${brief.campaignId}`;
  if (brief.liveRequired && !creator.liveCapable) return "not LIVE capable, and the campaign requires LIVE";
  return "";
}

/**
 * For each creator recruited into a campaign, a note when the rate they will earn on the SKU is
 * not this campaign's: another Target collaboration covering them (the one that started last wins,
 * DESIGN.md section 1) sets it. Read on the day the collaboration begins for them.
 */
function recruitRates(
  tabs: SidebarTabs,
  calendar: ZoneCalendar,
  campaignId: string,
  sku: string,
  from: Day,
): (creator: string, collabId: string) => string | undefined {
  const campaigns = new Map<string, CoveringCampaign & { id: string }>();
  for (const row of rowsOf(tabs, "Campaigns")) {
    if (campaigns.has(idKey(row.key))) continue;
    campaigns.set(idKey(row.key), {
      id: row.key,
      lane: String(row.get("Lane") ?? ""),
      skus: splitList(String(row.get("SKUs") ?? "")),
      start: readDay(row.get("Start"), calendar),
      end: readDay(row.get("End"), calendar),
      status: String(row.get("Status") ?? ""),
      rate: readRate(row.get("Commission rate")),
    });
  }
  const covers = rowsOf(tabs, "Collaborations").flatMap((row) => {
    const cover = targetCoverOf(
      {
        id: row.key,
        creator: String(row.get("Creator") ?? ""),
        sku: String(row.get("SKU") ?? ""),
        cancelled: readFlag(row.get("Cancelled")) === true,
      },
      campaigns.get(idKey(String(row.get("Campaign ID") ?? ""))),
    );
    return cover ? [cover] : [];
  });
  const own = campaigns.get(idKey(campaignId));
  return (creator, collabId) => {
    // This campaign's own row, once written, covers them too: compete with it.
    const joining = targetCoverOf({ id: collabId, creator, sku, cancelled: false }, own);
    const covering = coverageIndex(joining ? [...covers, joining] : covers).covering(
      creator,
      sku,
      from,
    )?.value;
    if (!covering || covering === own || covering.rate === undefined) return undefined;
    return `earns ${Math.round(covering.rate * 1000) / 10}% on ${sku} from ${covering.id}, a Target collaboration that covers them`;
  };
}

/** Creators one recruit may invite: more is not a list a person picked. */
export const MAX_RECRUITED = 500;

/**
 * The rows a recruit adds after the last ones: one Collaborations row per creator, invited today,
 * its Content due left blank to count from acceptance (the campaign End when the brief sets no
 * Content due days), and one Samples row each when the brief's sample policy sends samples. The
 * request is checked by hand at this boundary and the campaign's brief must pass `checkBrief`. A creator already in the campaign, not on the
 * Creators tab, or not LIVE capable for a LIVE-required campaign is skipped with the reason.
 */
export function planRecruit(
  request: unknown,
  tabs: SidebarTabs,
  calendar: ZoneCalendar,
  today: Day,
): Planned<Recruited> | Refusal {
  const { campaignId: id, creators, sku } = Object(request) as Record<string, unknown>;
  // The sidebar sends IDs, names and SKUs exactly as the tabs hold them (trimmed keys).
  const campaign = rowsOf(tabs, "Campaigns").find((row) => idKey(row.key) === idKey(String(id ?? "")));
  if (!campaign) return refuse("Choose a campaign from the Campaigns tab.");
  if (!Array.isArray(creators) || !creators.length || creators.some((name) => typeof name !== "string"))
    return refuse("Choose at least one creator.");
  if (creators.length > MAX_RECRUITED)
    return {
      ok: false,
      errors: [{ field: "creators", message: `Choose at most ${MAX_RECRUITED} creators at a time.` }],
    };
  const products = productsOf(tabs);
  const check = checkBrief(
    briefInputFromRow((header) => campaign.get(header), calendar),
    { products },
  );
  const brief = check.brief;
  if (!check.ok || !brief)
    return refuse(`Fix the brief of ${id} first:`, ...check.errors.map((issue) => issue.message));
  if (!brief.skus.includes(sku as string))
    return refuse(`Choose one of the SKUs of ${id}: ${brief.skus.join(", ")}.`);
  const closed = recruitingClosed(brief, today);
  if (closed) return refuse(closed);

  const collaborations = rowsOf(tabs, "Collaborations");
  const seats = new Set(collaborations.map((row) => seatOf(row.get("Campaign ID"), row.get("Creator"))));
  const creatorRows = new Map(rowsOf(tabs, "Creators").map((row) => [row.key, row]));
  const sends = brief.samplePolicy !== "No sample";
  const sampleCost = rowsOf(tabs, "Products")
    .find((row) => idKey(row.key) === idKey(String(sku)))
    ?.get("Sample cost");
  // Content due counts from the creator's acceptance (the cell stays blank for that), so a late
  // acceptance never shortens the agreed period; without Content due days it is the campaign End.
  const endDue = brief.contentDueDays === undefined ? (dayFromIso(brief.end) as Day) : undefined;
  const rateOf = recruitRates(
    tabs,
    calendar,
    id as string,
    sku as string,
    rateDay(today, dayFromIso(brief.start), dayFromIso(brief.end)),
  );

  // The IDs taken, gathered once: the next ones count on from the highest.
  const collabIds = collaborations.map((row) => row.key);
  const sampleIds = sends ? rowsOf(tabs, "Samples").map((row) => row.key) : [];

  const reply: Recruited = { ok: true, invited: [], skipped: [] };
  const invitations: Record<string, unknown>[] = [];
  const samples: Record<string, unknown>[] = [];
  for (const name of creators as string[]) {
    const creator = creatorRows.get(name);
    const seat = seatOf(id, name);
    const reason = invitationBlocked(
      creator && { liveCapable: readFlag(creator.get("LIVE capable")) === true },
      seats.has(seat),
      brief,
    );
    if (reason) {
      reply.skipped.push({ creator: name, reason });
      continue;
    }
    seats.add(seat);
    const collabId = nextId("K", collabIds, invitations.length);
    invitations.push({
      "Collab ID": collabId,
      "Campaign ID": campaign.key,
      Creator: name,
      SKU: sku,
      Invited: calendar.midnightOf(today),
      // Left out (blank) when it counts from acceptance: nothing to write there.
      ...(endDue === undefined ? {} : { "Content due": calendar.midnightOf(endDue) }),
    });
    const invited: Recruited["invited"][number] = {
      collabId,
      creator: name,
      contentDue: endDue === undefined ? `${brief.contentDueDays} days after acceptance` : isoFromDay(endDue),
    };
    const rate = rateOf(name, collabId);
    if (rate) invited.rate = rate;
    if (sends) {
      invited.sampleId = nextId("S", sampleIds, samples.length);
      samples.push({
        "Sample ID": invited.sampleId,
        "Collab ID": collabId,
        SKU: sku,
        Policy: brief.samplePolicy,
        Cost: sampleCost ?? "",
      });
    }
    reply.invited.push(invited);
  }
  const writes: TabWrite[] = [];
  if (invitations.length > 0) {
    const written = rowWrites(
      "Collaborations",
      tabs.Collaborations,
      invitations,
      rowAfter(tabs.Collaborations),
    );
    if (isRefusal(written)) return written;
    writes.push(written);
  }
  if (samples.length > 0) {
    const written = rowWrites("Samples", tabs.Samples, samples, rowAfter(tabs.Samples));
    if (isRefusal(written)) return written;
    writes.push(written);
  }
  return { ok: true, writes, reply };
}

// ---- The sidebar's side (bundled into sidebar.html, never into Code.js) ----

export interface SidebarCampaign {
  id: string;
  /** The row as brief input (what `checkBrief` takes); unreadable cells stay as they are. */
  brief: Record<string, unknown>;
  /** Spend so far, as the last daily check computed it. */
  spend?: number | undefined;
}

export interface SidebarCreator {
  name: string;
  liveCapable: boolean;
  category: string;
  pool: string;
  suggestedPool: string;
}

export interface SidebarProduct extends BriefProduct {
  name: string;
  sampleCost?: number | undefined;
}

export interface SidebarState {
  timeZone: string;
  today: string;
  products: SidebarProduct[];
  campaigns: SidebarCampaign[];
  creators: SidebarCreator[];
  /** `Creators tab`, `Campaigns: Owner`: what Set up workbook would add. */
  missing: string[];
}

/**
 * A tab as it may cross google.script.run: each date cell becomes its ISO day in the spreadsheet
 * zone (a Date anywhere in a reply makes the client receive null).
 */
export function daysAsIso(grid: Grid, calendar: ZoneCalendar): unknown[][] {
  return grid.map((row) =>
    row.map((cell) => {
      if (!(cell instanceof Date)) return cell;
      const day = calendar.dayOf(cell);
      return day === undefined ? "" : isoFromDay(day);
    }),
  );
}

/** Campaigns, creators and products as the sidebar shows them, from what `sidebarLoad` sent. */
export function sidebarState(load: SidebarLoad, calendar: ZoneCalendar): SidebarState {
  const tabs: SidebarTabs = Object.fromEntries(
    Object.entries(load.tabs).map(([name, packed]) => [name, unpackGrid(packed)]),
  );
  const text = (value: unknown) => String(value ?? "").trim();
  const missing: string[] = [];
  for (const name of SIDEBAR_TABS) {
    const header = (tabs[name]?.[0] ?? []).map(headerKey);
    if (!tabs[name]) missing.push(`${name} tab`);
    else
      for (const wanted of SIDEBAR_COLUMNS[name])
        if (!header.includes(headerKey(wanted))) missing.push(`${name}: ${wanted}`);
  }
  return {
    timeZone: load.timeZone,
    today: load.today,
    missing,
    products: rowsOf(tabs, "Products").map((row) => ({
      ...briefProductOf(row),
      name: text(row.get("Product")),
      sampleCost: readNumber(row.get("Sample cost")),
    })),
    campaigns: rowsOf(tabs, "Campaigns").map((row) => ({
      id: row.key,
      brief: briefInputFromRow((header) => row.get(header), calendar),
      spend: readNumber(row.get("Spend")),
    })),
    creators: rowsOf(tabs, "Creators").map((row) => ({
      name: row.key,
      liveCapable: readFlag(row.get("LIVE capable")) === true,
      category: text(row.get("Category")),
      pool: text(row.get("Pool")),
      suggestedPool: text(row.get("Suggested pool")),
    })),
  };
}

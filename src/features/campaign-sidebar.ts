/**
 * The campaign sidebar's use cases as pure functions over tab values: what the sidebar loads,
 * the one Campaigns row a saved brief becomes, and the Collaborations rows a recruit adds.
 * src/gas/sidebar-api.ts only reads the tabs, calls these and applies the writes they plan.
 * Everything returned to the sidebar is plain (dates as ISO day strings): google.script.run
 * turns a result holding a Date into null.
 */
import {
  BRIEF_FIELD_HEADERS,
  BRIEF_FIELDS,
  type BriefField,
  type CampaignBrief,
  checkBrief,
} from "../domain/brief";
import { type Day, dayFromIso, isoFromDay, type ZoneCalendar } from "../domain/day";
import { readFlag, readNumber, readRate } from "../domain/values";
import { briefInputFromRow } from "../workbook/brief-row";
import { headerKey, type TabName, tabSchema } from "../workbook/schema";
import { asTypedText, readTable, type Table } from "../workbook/table";

export type Grid = readonly (readonly unknown[])[];

export interface SidebarIssue {
  /** The brief field the message is about, when there is one. */
  field?: string;
  message: string;
}

export interface Refusal {
  ok: false;
  errors: SidebarIssue[];
}

export interface SidebarProduct {
  sku: string;
  name: string;
  stockOnHand?: number;
  openRate?: number;
}

export interface SidebarCampaign {
  id: string;
  /** The row as brief input (what `checkBrief` takes), unreadable cells kept as text. */
  brief: Record<string, unknown>;
}

export interface SidebarCreator {
  name: string;
  liveCapable: boolean;
  category: string;
  pool: string;
  suggestedPool: string;
}

export interface SidebarCollaboration {
  campaignId: string;
  creator: string;
  sku: string;
}

export interface SidebarState {
  ok: true;
  timeZone: string;
  today: string;
  products: SidebarProduct[];
  campaigns: SidebarCampaign[];
  creators: SidebarCreator[];
  collaborations: SidebarCollaboration[];
  /** `Creators tab`, `Campaigns: Owner`: what Set up workbook would add. */
  missing: string[];
}

/** The tabs the sidebar reads; null when a tab does not exist. */
export type SidebarTabs = Partial<
  Record<"Products" | "Campaigns" | "Creators" | "Collaborations", Grid | null>
>;

const refuse = (...messages: string[]): Refusal => ({
  ok: false,
  errors: messages.map((message) => ({ message })),
});

/** A cell as plain text: dates as their ISO day in the spreadsheet zone. */
function cellText(value: unknown, calendar: ZoneCalendar): string {
  if (value instanceof Date) {
    const day = calendar.dayOf(value);
    return day === undefined ? "" : isoFromDay(day);
  }
  return String(value ?? "").trim();
}

const table = (tabs: SidebarTabs, name: TabName): Table =>
  readTable(tabSchema(name), tabs[name as "Products"] ?? []);

function productsOf(tabs: SidebarTabs): SidebarProduct[] {
  return table(tabs, "Products").rows.map((row) => ({
    sku: row.key,
    name: String(row.get("Product") ?? "").trim(),
    stockOnHand: readNumber(row.get("Stock on hand")),
    openRate: readRate(row.get("Open rate")),
  }));
}

/** Everything the sidebar shows, read from the tabs once. */
export function sidebarState(tabs: SidebarTabs, calendar: ZoneCalendar, today: Day): SidebarState {
  const missing: string[] = [];
  for (const name of ["Products", "Campaigns", "Creators", "Collaborations"] as const) {
    if (!tabs[name]) missing.push(`${name} tab`);
    else for (const header of table(tabs, name).missing) missing.push(`${name}: ${header}`);
  }
  const plain = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(plain) : value instanceof Date ? cellText(value, calendar) : value;
  return {
    ok: true,
    timeZone: calendar.timeZone,
    today: isoFromDay(today),
    products: productsOf(tabs),
    campaigns: table(tabs, "Campaigns").rows.map((row) => {
      const brief: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(briefInputFromRow(row.get, calendar)))
        brief[field] = plain(value);
      return { id: row.key, brief };
    }),
    creators: table(tabs, "Creators").rows.map((row) => ({
      name: row.key,
      liveCapable: readFlag(row.get("LIVE capable")) === true,
      category: cellText(row.get("Category"), calendar),
      pool: cellText(row.get("Pool"), calendar),
      suggestedPool: cellText(row.get("Suggested pool"), calendar),
    })),
    collaborations: table(tabs, "Collaborations").rows.map((row) => ({
      campaignId: cellText(row.get("Campaign ID"), calendar),
      creator: cellText(row.get("Creator"), calendar),
      sku: cellText(row.get("SKU"), calendar),
    })),
  };
}

/**
 * The Campaigns cells of a checked brief, by header: dates as Dates at midnight of their day in
 * the spreadsheet zone, lists comma-separated, flags Yes/No, blanks "" (so an emptied field
 * clears its cell), and text that Sheets would read as a formula stored as text.
 */
export function briefCells(brief: CampaignBrief, calendar: ZoneCalendar): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const field of Object.keys(BRIEF_FIELDS) as BriefField[]) {
    const value: unknown = brief[field];
    cells[BRIEF_FIELD_HEADERS[field]] =
      value === undefined
        ? ""
        : Array.isArray(value)
          ? asTypedText(value.join(", "))
          : typeof value === "boolean"
            ? value
              ? "Yes"
              : "No"
            : BRIEF_FIELDS[field].kind === "day"
              ? calendar.midnightOf(dayFromIso(value as string) as Day)
              : asTypedText(value);
  }
  return cells;
}

/** Adjacent columns written together: one call per run. */
export interface RowRun {
  column: number;
  values: unknown[];
}

export interface BriefSave {
  ok: true;
  brief: CampaignBrief;
  warnings: SidebarIssue[];
  /** 1-based sheet row written; after the last row for a new campaign. */
  row: number;
  created: boolean;
  runs: RowRun[];
}

/**
 * The write a brief save makes: checked with the same `checkBrief` as the sidebar; `isNew`
 * refuses an ID already on the tab (two people creating the same ID), an edit updates the row
 * of its ID (or adds it back when someone removed that row meanwhile). Only the brief's columns
 * of that one row are written.
 */
export function planBriefSave(
  input: unknown,
  isNew: boolean,
  tabs: SidebarTabs,
  calendar: ZoneCalendar,
): BriefSave | Refusal {
  const grid = tabs.Campaigns;
  if (!grid) return refuse("There is no Campaigns tab: run Set up workbook first.");
  const check = checkBrief(input, { products: productsOf(tabs) });
  if (!check.ok || !check.brief) return { ok: false, errors: check.errors };
  const brief = check.brief;
  const campaigns = table(tabs, "Campaigns");
  const lacking = Object.values(BRIEF_FIELD_HEADERS).filter((header) => campaigns.missing.includes(header));
  if (lacking.length > 0) return refuse(`Campaigns lacks ${lacking.join(", ")}: run Set up workbook first.`);
  const existing = campaigns.rows.find((row) => row.key === brief.campaignId);
  if (existing && isNew) {
    return {
      ok: false,
      errors: [
        { field: "campaignId", message: `${brief.campaignId} already exists: choose another Campaign ID` },
      ],
    };
  }
  const cells = briefCells(brief, calendar);
  const runs: RowRun[] = [];
  const columns = Object.keys(cells)
    .map((header) => [campaigns.columns.get(headerKey(header)) as number, cells[header]] as const)
    .sort((a, b) => a[0] - b[0]);
  for (const [column, value] of columns) {
    const run = runs.at(-1);
    if (run && run.column + run.values.length === column) run.values.push(value);
    else runs.push({ column, values: [value] });
  }
  return {
    ok: true,
    brief,
    warnings: check.warnings,
    row: existing?.sheetRow ?? grid.length + 1,
    created: !existing,
    runs,
  };
}

/** `K-0107` after the highest `K-<number>` on the tab. */
export function nextCollabId(ids: readonly unknown[], offset = 0): string {
  let highest = 0;
  for (const id of ids) {
    const match = /^K-(\d+)$/i.exec(String(id ?? "").trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `K-${String(highest + 1 + offset).padStart(4, "0")}`;
}

export interface RecruitPlan {
  ok: true;
  /** First new row and column of the block, written in one call. */
  row: number;
  column: number;
  values: unknown[][];
  invited: { collabId: string; creator: string }[];
  skipped: { creator: string; reason: string }[];
}

const COLLAB_HEADERS = ["Collab ID", "Campaign ID", "Creator", "SKU", "Invited"];

/**
 * The Collaborations rows a recruit adds, one per creator, after the last row. The request is
 * checked by hand at this boundary; creators who cannot join are skipped with the reason.
 */
export function planRecruit(
  request: unknown,
  tabs: SidebarTabs,
  calendar: ZoneCalendar,
  today: Day,
): RecruitPlan | Refusal {
  const { campaignId, creators, sku } = (request ?? {}) as Record<string, unknown>;
  const errors: string[] = [];
  if (typeof campaignId !== "string" || !campaignId.trim()) errors.push("Choose a campaign.");
  if (!Array.isArray(creators) || creators.length === 0 || creators.some((name) => typeof name !== "string"))
    errors.push("Choose at least one creator.");
  if (typeof sku !== "string" || !sku.trim()) errors.push("Choose a SKU.");
  const grid = tabs.Collaborations;
  if (!grid || !tabs.Creators)
    errors.push("Creators or Collaborations is missing: run Set up workbook first.");
  if (errors.length > 0 || !grid) return refuse(...errors);
  const id = (campaignId as string).trim();
  const row = table(tabs, "Campaigns").rows.find((candidate) => candidate.key === id);
  if (!row) return refuse(`${id} is not on the Campaigns tab.`);
  const check = checkBrief(briefInputFromRow(row.get, calendar), { products: productsOf(tabs) });
  const brief = check.brief;
  if (!check.ok || !brief)
    return refuse(`Fix the brief of ${id} before recruiting:`, ...check.errors.map((issue) => issue.message));
  if (brief.status === "Wrapped" || brief.status === "Cancelled") return refuse(`${id} is ${brief.status}.`);
  const key = (text: string) => text.trim().toLowerCase();
  const chosenSku = brief.skus.find((candidate) => key(candidate) === key(sku as string));
  if (!chosenSku)
    return refuse(`${(sku as string).trim()} is not a SKU of ${id} (${brief.skus.join(", ")}).`);

  const collaborations = table(tabs, "Collaborations");
  const lacking = COLLAB_HEADERS.filter((header) => collaborations.missing.includes(header));
  if (lacking.length > 0)
    return refuse(`Collaborations lacks ${lacking.join(", ")}: run Set up workbook first.`);
  const taken = new Set(
    collaborations.rows.map((collab) =>
      key(
        `${cellText(collab.get("Campaign ID"), calendar)}|${cellText(collab.get("Creator"), calendar)}|${cellText(collab.get("SKU"), calendar)}`,
      ),
    ),
  );
  const roster = new Map(table(tabs, "Creators").rows.map((creator) => [key(creator.key), creator]));
  const positions = COLLAB_HEADERS.map((header) => collaborations.columns.get(headerKey(header)) as number);
  const column = Math.min(...positions);
  const width = Math.max(...positions) - column + 1;
  const ids = collaborations.rows.map((collab) => collab.key);

  const plan: RecruitPlan = { ok: true, row: grid.length + 1, column, values: [], invited: [], skipped: [] };
  for (const asked of creators as string[]) {
    const creator = roster.get(key(asked));
    const name = creator?.key ?? asked.trim();
    const seat = key(`${id}|${name}|${chosenSku}`);
    const reason = !creator
      ? "not on the Creators tab"
      : taken.has(seat)
        ? `already in ${id} with ${chosenSku}`
        : brief.liveRequired && readFlag(creator.get("LIVE capable")) !== true
          ? `not LIVE capable, and ${id} requires LIVE`
          : "";
    if (reason) {
      plan.skipped.push({ creator: name, reason });
      continue;
    }
    taken.add(seat);
    const collabId = nextCollabId(ids, plan.invited.length);
    const cells = [collabId, id, name, chosenSku, calendar.midnightOf(today)];
    const values: unknown[] = Array(width).fill("");
    positions.forEach((position, index) => {
      values[position - column] = asTypedText(cells[index]);
    });
    plan.values.push(values);
    plan.invited.push({ collabId, creator: name });
  }
  return plan;
}

/**
 * What Campaign Desk made in a workbook and what the team said, kept small in one document
 * property: the owned columns it fills (a column the team made with the same header is never
 * taken over silently), the tab it writes the operating view to (by sheet ID, so a team's own
 * `Operations` tab is never cleared), and the signatures of its highlight rules (so a run does
 * not re-read rules that did not change).
 */
import { headerKey, type TabName } from "./schema";

export const RECORD_PROPERTY = "campaignDesk.workbook";

export interface AddOnRecord {
  /** Owned headers (as `headerKey`) whose column the add-on fills, per tab. */
  owned: Partial<Record<TabName, string[]>>;
  /** Owned headers the team kept for a column of its own: never written. */
  declined: Partial<Record<TabName, string[]>>;
  /** The tab holding the operating view, created by the add-on. */
  view?: { id: number; name: string };
  /** Signature of the highlight rules last written, per tab. */
  highlights: Partial<Record<TabName, string>>;
  /** ISO day of the last run that read every highlight rule back. */
  fullCheckDay?: string;
  /** Signature of the operating view last written (without its time stamp). */
  viewSignature?: string;
  /** Runs in a row whose writes people kept moving; absent after a calm run. */
  disturbed?: Disturbance;
  /** Sheet IDs of the tabs the digest links to (checked again in the weekly full check). */
  sheetIds?: Partial<Record<TabName, number>>;
  /**
   * The Settings cell `CampaignDeskToday` was last set on (A1): a run finding the Today row
   * elsewhere (a sort moves values, not names) sets the name again, with no call otherwise.
   */
  todayCell?: string;
}

export const emptyRecord = (): AddOnRecord => ({ owned: {}, declined: {}, highlights: {} });

/** The record as stored; anything unreadable is an empty record (nothing claimed). */
export function readRecord(text: string | null | undefined): AddOnRecord {
  try {
    const parsed = Object(JSON.parse(text ?? "null")) as Partial<AddOnRecord>;
    const lists = (value: unknown) =>
      Object.fromEntries(
        Object.entries(Object(value) as Record<string, unknown>).filter(
          ([, headers]) => Array.isArray(headers) && headers.every((header) => typeof header === "string"),
        ),
      );
    const record: AddOnRecord = {
      owned: lists(parsed.owned),
      declined: lists(parsed.declined),
      highlights: Object.fromEntries(
        Object.entries(Object(parsed.highlights) as Record<string, unknown>).filter(
          ([, signature]) => typeof signature === "string",
        ),
      ),
    };
    const view = parsed.view;
    if (view && typeof view.id === "number" && typeof view.name === "string") record.view = view;
    if (typeof parsed.fullCheckDay === "string") record.fullCheckDay = parsed.fullCheckDay;
    if (typeof parsed.viewSignature === "string") record.viewSignature = parsed.viewSignature;
    if (typeof parsed.todayCell === "string") record.todayCell = parsed.todayCell;
    const ids = Object.entries(Object(parsed.sheetIds) as Record<string, unknown>).filter(
      ([, id]) => typeof id === "number",
    );
    if (ids.length > 0) record.sheetIds = Object.fromEntries(ids);
    const disturbed = readDisturbance(JSON.stringify(parsed.disturbed ?? null));
    if (disturbed) record.disturbed = disturbed;
    return record;
  } catch {
    return emptyRecord();
  }
}

/** The record as stored, its fields always in one order (so an unchanged record is not written again). */
export const recordText = (record: AddOnRecord): string => JSON.stringify(readRecord(JSON.stringify(record)));

/** Whose an owned-header column is: the add-on's, the team's (declined), or not decided yet. */
export type ColumnClaim = "ours" | "declined" | "undecided";

/**
 * An owned header's column is the add-on's when recorded so, when it holds no data (nothing of
 * the team's to overwrite), or when its header carries the add-on's note; a column the team made
 * and filled waits for the team's answer (setup asks), and a declined one is never written.
 */
export function claimOf(
  record: AddOnRecord,
  tab: TabName,
  header: string,
  facts: { holdsData: boolean; markedOurs?: boolean },
): ColumnClaim {
  const key = headerKey(header);
  if (record.declined[tab]?.includes(key)) return "declined";
  if (record.owned[tab]?.includes(key)) return "ours";
  return !facts.holdsData || facts.markedOurs ? "ours" : "undecided";
}

/** Records a claim; true when the record changed (and must be saved). */
export function recordClaim(record: AddOnRecord, tab: TabName, header: string, claim: ColumnClaim): boolean {
  if (claim === "undecided") return false;
  const key = headerKey(header);
  const [into, from] = claim === "ours" ? (["owned", "declined"] as const) : (["declined", "owned"] as const);
  const list = record[into][tab] ?? [];
  if (list.includes(key)) return false;
  record[into][tab] = [...list, key];
  record[from][tab] = (record[from][tab] ?? []).filter((other) => other !== key);
  return true;
}

/** Whether a column below an owned header holds anything (rows 2 and below). */
export function columnHoldsData(values: readonly (readonly unknown[])[], column: number): boolean {
  for (let index = 1; index < values.length; index++) {
    const cell = values[index]?.[column - 1];
    if (cell !== "" && cell !== null && cell !== undefined) return true;
  }
  return false;
}

/** What the user is told about a column they keep: how to let the add-on add its own. */
export const declinedMessage = (tab: TabName, header: string): string =>
  `${tab}: your column “${header}” stays yours and Campaign Desk writes nothing there. To get Campaign Desk's ${header} column too, rename yours (for example to “${header} (team)”) and run Set up workbook again.`;

export const undecidedMessage = (tab: TabName, header: string): string =>
  `${tab}: your column “${header}” holds data and has a name Campaign Desk uses; it is left alone until you answer in Set up workbook.`;

/** A short signature of a text (FNV-1a, two lanes): equal texts, equal signatures. */
export function textSignature(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** Runs in a row whose writes kept being moved by people editing, and the tabs left unwritten. */
export interface Disturbance {
  /** Consecutive runs that could not finish their writes; 0 after a calm run. */
  runs: number;
  /** ISO day and time of the last disturbed run. */
  at: string;
  tabs: TabName[];
}

export function readDisturbance(text: string | null | undefined): Disturbance | null {
  try {
    const parsed = Object(JSON.parse(text ?? "null")) as Partial<Disturbance>;
    if (typeof parsed.runs !== "number" || parsed.runs < 1 || typeof parsed.at !== "string") return null;
    return { runs: parsed.runs, at: parsed.at, tabs: Array.isArray(parsed.tabs) ? parsed.tabs : [] };
  } catch {
    return null;
  }
}

/** The record after a run: counted on when the run was disturbed, gone after a calm one. */
export function nextDisturbance(
  previous: Disturbance | null,
  unsettled: readonly TabName[],
  at: string,
): Disturbance | null {
  if (unsettled.length === 0) return null;
  return { runs: (previous?.runs ?? 0) + 1, at, tabs: [...unsettled] };
}

/** How the menu and the digest say it. */
export function disturbanceText(disturbance: Disturbance): string {
  const runs = disturbance.runs === 1 ? "the last check" : `the last ${disturbance.runs} checks`;
  return `people were editing ${disturbance.tabs.join(", ")} while ${runs} wrote; some computed cells wait for the next run`;
}

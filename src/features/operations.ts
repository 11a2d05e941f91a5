/**
 * The operating view: the most urgent collaborations of the campaigns that are live or start
 * within the horizon, up to Settings' `Operations rows`, with the total and what was left out,
 * and a day-by-day timeline of each one's windows. Its colours are a handful of
 * conditional-format rules, never a colour per cell, and it is rebuilt only when what it shows
 * changed: the view carries a signature of its content and one of its layout.
 */
import { type Day, isoFromDay } from "../domain/day";
import { textSignature } from "../workbook/add-on-record";
import { columnLetter, HIGH } from "../workbook/highlights";
import { asTypedText } from "../workbook/table";
import type { Reconciliation } from "./order-pricing";

/** A rule of the view: `formula` is written for the range's top-left cell (row 2, `column`). */
export interface ViewRule {
  formula: string;
  background: string;
  column: number;
  numColumns: number;
}

/** A rectangle of cells for a fully add-on owned tab. */
export interface GeneratedTab {
  values: unknown[][];
  /** Row 1's colour, set on the row in one call. */
  headerBackground: string;
  /** Rows 2 to `layoutRows` + 1 carry the rules and date formats, whatever the view's height. */
  layoutRows: number;
  rules: ViewRule[];
  /** 1-based columns holding dates (rows 2 and below get a date format). */
  dateColumns: number[];
  frozenRows: number;
  frozenColumns: number;
  /** One run of equally wide columns (the timeline). */
  columnWidths: { first: number; count: number; pixels: number };
  /** Changes when a value shown changes (the rebuilt-at stamp is left out). */
  contentSignature: string;
  /** Changes when the rules, formats, widths or the room for rows change. */
  layoutSignature: string;
}

/** What the view looked like when it was last written (kept in document properties). */
export interface WrittenView {
  content: string;
  layout: string;
  height: number;
}

/**
 * What to write: everything on a new tab or a new layout, the values alone when only they
 * changed (over the old height too, so no row of the last view lingers), or nothing at all.
 */
export function planViewWrite(
  view: GeneratedTab,
  written: WrittenView | null,
  tabExists: boolean,
): { layout: boolean; values: boolean; rows: number } {
  const height = view.values.length;
  if (!tabExists || !written || written.layout !== view.layoutSignature)
    return { layout: true, values: true, rows: height };
  if (written.content === view.contentSignature) return { layout: false, values: false, rows: 0 };
  return { layout: false, values: true, rows: Math.max(height, written.height) };
}

export function readWrittenView(text: string | null): WrittenView | null {
  try {
    const parsed = JSON.parse(text ?? "null") as WrittenView | null;
    return parsed && typeof parsed.content === "string" && typeof parsed.layout === "string"
      ? { content: parsed.content, layout: parsed.layout, height: Number(parsed.height) || 0 }
      : null;
  } catch {
    return null;
  }
}

export interface OperationsRow {
  collabId: string;
  campaignId: string;
  campaignName: string;
  creator: string;
  liveCapable: boolean;
  collabStart: Day | null;
  collabEnd: Day | null;
  contentDue: Day | null;
  posted: Day | null;
  liveDate: Day | null;
  flashStart: Day | null;
  flashEnd: Day | null;
  stockOnHand: number | null;
  reserved: number | null;
  amplification: string;
  amplificationStart: Day | null;
  amplificationEnd: Day | null;
  adUsableUntil: Day | null;
  /** Days until the nearest deadline that still matters (negative when overdue). */
  daysLeft: number | null;
  nextAction: string;
  /** 0 = a high alert, 1 = medium, 2 = low, 3 = nothing flagged. */
  severityRank: number;
}

export const OPERATIONS_HEADERS = [
  "Campaign",
  "Collab ID",
  "Creator",
  "LIVE capable",
  "Content due",
  "Posted",
  "LIVE date",
  "Flash sale",
  "Stock on hand",
  "Reserved",
  "Amplification",
  "Ad usable until",
  "Days left",
  "Next action",
] as const;

export const TIMELINE_DAYS = 30;

/** Marks and colours of the timeline; the first that applies to a day wins. */
export const TIMELINE_MARKS = [
  { mark: "F", label: "flash sale", colour: "#f4b6c2" },
  { mark: "D", label: "content due", colour: "#f9c784" },
  { mark: "L", label: "LIVE date", colour: "#c5b3e6" },
  { mark: "A", label: "ad usable", colour: "#b7e1cd" },
  { mark: "C", label: "collaboration window", colour: "#d2e3fc" },
] as const;

const within = (day: Day, start: Day | null, end: Day | null) =>
  start !== null && end !== null && day >= start && day <= end;

export function timelineMark(row: OperationsRow, day: Day): (typeof TIMELINE_MARKS)[number] | null {
  const [flash, due, live, ads, window] = TIMELINE_MARKS;
  if (within(day, row.flashStart, row.flashEnd)) return flash;
  if (row.contentDue === day && row.posted === null) return due;
  if (row.liveDate === day) return live;
  const adsFrom = row.amplificationStart ?? row.collabStart;
  if (row.adUsableUntil !== null && within(day, adsFrom, row.adUsableUntil)) return ads;
  if (within(day, row.collabStart, row.collabEnd)) return window;
  return null;
}

/** Plain code-unit order: IDs need no locale, and 40,000 rows sort in a few milliseconds. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What the urgency order reads of a row. */
export type UrgencyKey = Pick<OperationsRow, "severityRank" | "daysLeft" | "campaignId" | "collabId">;

const daysOf = (row: UrgencyKey) => row.daysLeft ?? Number.MAX_SAFE_INTEGER;

/** High alerts first, then the nearest deadline, then campaign and collaboration ID. */
export function compareUrgency(a: UrgencyKey, b: UrgencyKey): number {
  return (
    a.severityRank - b.severityRank ||
    daysOf(a) - daysOf(b) ||
    byText(a.campaignId, b.campaignId) ||
    byText(a.collabId, b.collabId)
  );
}

export function sortByUrgency<T extends UrgencyKey>(rows: readonly T[]): T[] {
  return [...rows].sort(compareUrgency);
}

/**
 * The rows the view shows (the most urgent, up to its limit), how many collaborations of live
 * campaigns there are in all, and how many of those carry an alert.
 */
export interface OperatingRows {
  rows: OperationsRow[];
  total: number;
  flagged: number;
}

/**
 * The `limit` most urgent of many candidates, kept in a heap whose top is the least urgent kept:
 * a less urgent candidate is dropped at once, so 40,000 rows are neither sorted nor built in full
 * to show 500. The kept set is exactly the first `limit` of `sortByUrgency`.
 */
export class MostUrgent<T extends UrgencyKey> {
  private readonly heap: T[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a row this urgent would be kept: ask before building one that would not. */
  wants(key: UrgencyKey): boolean {
    const { heap } = this;
    return heap.length < this.limit || (heap.length > 0 && compareUrgency(key, heap[0] as T) < 0);
  }

  /** Keeps the candidate if it is among the most urgent so far. */
  offer(candidate: T): void {
    const { heap } = this;
    if (!this.wants(candidate)) return;
    if (heap.length < this.limit) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
    } else {
      heap[0] = candidate;
      this.siftDown(0);
    }
  }

  /** The kept candidates, most urgent first. */
  sorted(): T[] {
    return sortByUrgency(this.heap);
  }

  // A max-heap by urgency order: each parent is less urgent than (sorts after) its children.
  private later(a: number, b: number): boolean {
    return compareUrgency(this.heap[a] as T, this.heap[b] as T) > 0;
  }

  private swap(a: number, b: number): void {
    const { heap } = this;
    const kept = heap[a] as T;
    heap[a] = heap[b] as T;
    heap[b] = kept;
  }

  private siftUp(from: number): void {
    let at = from;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.later(at, parent)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(from: number): void {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let latest = at;
      if (left < this.heap.length && this.later(left, latest)) latest = left;
      if (right < this.heap.length && this.later(right, latest)) latest = right;
      if (latest === at) return;
      this.swap(at, latest);
      at = latest;
    }
  }
}

/** The view's rows from every row of it, as the daily check chooses them. */
export function operatingRowsOf(rows: readonly OperationsRow[], limit: number): OperatingRows {
  const urgent = new MostUrgent<OperationsRow>(Math.max(limit, 0));
  for (const row of rows) urgent.offer(row);
  return {
    rows: urgent.sorted(),
    total: rows.length,
    flagged: rows.filter((row) => row.severityRank < 3).length,
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Nov 25`: the timeline's column labels, made here rather than by a service call per day. */
export function dayLabel(day: Day): string {
  const [, month = "1", dayOfMonth = "1"] = isoFromDay(day).split("-");
  return `${MONTHS[Number(month) - 1]} ${Number(dayOfMonth)}`;
}

/** How the view names days: dates for date cells, ISO text for the flash-sale window. */
export interface OperationsCalendar {
  dateOf(day: Day): Date;
  isoOf(day: Day): string;
}

const DATE_HEADERS = ["Content due", "Posted", "LIVE date", "Ad usable until"];
/** The view's own lines below the collaborations: what was left out, and the legend. */
const FOOTER_LINES = 2;
const HEADER_BACKGROUND = "#e8e0f5";

/** `1,234`, as the note shows counts. */
const counted = (count: number) => count.toLocaleString("en-US");

/**
 * The note under the view: its total, and what the limit left out (`flaggedLeftOut`: how many of
 * the rows not shown carry an alert).
 */
export function limitNote(shown: number, total: number, flaggedLeftOut: number, limit: number): string {
  const leftOut = total - shown;
  if (leftOut <= 0) return `All ${counted(total)} collaborations of live campaigns.`;
  return `The ${counted(shown)} most urgent of ${counted(total)} collaborations of live campaigns; ${counted(leftOut)} left out (${counted(flaggedLeftOut)} of them with an alert). Operations rows in Settings is ${counted(limit)}: raise it to see more.`;
}

/** The view's colours as conditional-format rules: one per timeline mark, two for flagged cells. */
function viewRules(): ViewRule[] {
  const column = (header: string) => OPERATIONS_HEADERS.indexOf(header as never) + 1;
  const cell = (at: number) => `${columnLetter(at)}2`;
  const first = OPERATIONS_HEADERS.length + 1;
  const reserved = column("Reserved");
  const stock = column("Stock on hand");
  const daysLeft = column("Days left");
  return [
    ...TIMELINE_MARKS.map((mark) => ({
      formula: `=${cell(first)}="${mark.mark}"`,
      background: mark.colour,
      column: first,
      numColumns: TIMELINE_DAYS,
    })),
    {
      formula: `=AND(ISNUMBER(${cell(reserved)}),ISNUMBER(${cell(stock)}),${cell(reserved)}>${cell(stock)})`,
      background: HIGH.background,
      column: reserved,
      numColumns: 1,
    },
    {
      formula: `=AND(ISNUMBER(${cell(daysLeft)}),${cell(daysLeft)}<0)`,
      background: HIGH.background,
      column: daysLeft,
      numColumns: 1,
    },
    // The reconciliation's header row, wherever the view's length puts it.
    {
      formula: `=AND($A2="${RECONCILED_HEADERS[0]}",$B2="${RECONCILED_HEADERS[1]}")`,
      background: HEADER_BACKGROUND,
      column: 1,
      numColumns: RECONCILED_HEADERS.length,
    },
  ];
}

/**
 * The view of `rows` on `today`: the `limit` most urgent, then the note of what was left out,
 * the legend with `generatedAt`, and the commission reconciliation once orders are imported.
 */
export function buildOperationsView(
  operations: OperatingRows,
  today: Day,
  calendar: OperationsCalendar,
  generatedAt: string,
  limit: number,
  commission?: Reconciliation,
): GeneratedTab {
  const dateCell = (day: Day | null) => (day === null ? "" : calendar.dateOf(day));
  const days = Array.from({ length: TIMELINE_DAYS }, (_, offset) => today + offset);
  const width = OPERATIONS_HEADERS.length + TIMELINE_DAYS;
  const shown = sortByUrgency(operations.rows).slice(0, Math.max(limit, 0));

  const values: unknown[][] = [[...OPERATIONS_HEADERS, ...days.map((day) => dayLabel(day))]];

  for (const row of shown) {
    const flash =
      row.flashStart !== null && row.flashEnd !== null
        ? `${calendar.isoOf(row.flashStart)} to ${calendar.isoOf(row.flashEnd)}`
        : "";
    const marks = days.map((day) => timelineMark(row, day));
    values.push([
      row.campaignName ? `${row.campaignName} (${row.campaignId})` : row.campaignId,
      row.collabId,
      row.creator,
      row.liveCapable ? "Yes" : "No",
      dateCell(row.contentDue),
      dateCell(row.posted),
      dateCell(row.liveDate),
      flash,
      row.stockOnHand ?? "",
      row.reserved ?? "",
      row.amplification,
      dateCell(row.adUsableUntil),
      row.daysLeft ?? "",
      row.nextAction,
      ...marks.map((mark) => mark?.mark ?? ""),
    ]);
  }
  const line = (text: string) => [text, ...Array.from({ length: width - 1 }, () => "")];
  const flaggedShown = shown.filter((row) => row.severityRank < 3).length;
  values.push(line(limitNote(shown.length, operations.total, operations.flagged - flaggedShown, limit)));
  const content = values.map((row) => row.map(asTypedText));
  const legend = `Timeline: ${TIMELINE_MARKS.map((mark) => `${mark.mark} ${mark.label}`).join(", ")}. Rebuilt by Campaign Desk ${generatedAt}; edits here are replaced.`;
  const reconciled = commissionBlock(commission, width).map((row) => row.map(asTypedText));

  const layout = {
    headerBackground: HEADER_BACKGROUND,
    // Room for the longest view this limit allows, so the layout outlives a change of height.
    layoutRows: Math.max(limit, 0) + FOOTER_LINES + RECONCILED_ROWS,
    rules: viewRules(),
    dateColumns: DATE_HEADERS.map((header) => OPERATIONS_HEADERS.indexOf(header as never) + 1),
    frozenRows: 1,
    frozenColumns: 3,
    // 64 px: a bold "Dec 10" fits whole (at 52 it read "Dec..." and the days could not be told apart).
    columnWidths: { first: OPERATIONS_HEADERS.length + 1, count: TIMELINE_DAYS, pixels: 64 },
  };
  return {
    values: [...content, line(legend).map(asTypedText), ...reconciled],
    ...layout,
    contentSignature: textSignature(JSON.stringify([content, reconciled])),
    layoutSignature: textSignature(JSON.stringify({ width, ...layout })),
  };
}

const RECONCILED_CAMPAIGNS = 20;
const RECONCILED_COLLABORATIONS = 50;
/** The block's most rows: a blank line, its title, its header, the campaigns, the collaborations. */
const RECONCILED_ROWS = 3 + RECONCILED_CAMPAIGNS + RECONCILED_COLLABORATIONS;
const RECONCILED_HEADERS = [
  "Campaign",
  "Collab ID",
  "Orders",
  "Platform commission",
  "Expected commission",
  "Gap",
  "Orders that differ",
];

/**
 * Commission reconciliation under the view (orders imported from Seller Center): per campaign,
 * then the collaborations whose orders differ, largest gap first, with the orders that differ.
 * Bounded, so the view stays the same size however many orders there are.
 */
function commissionBlock(commission: Reconciliation | undefined, width: number): unknown[][] {
  if (!commission || commission.byCampaign.length === 0) return [];
  const pad = (cells: unknown[]) => [...cells, ...Array.from({ length: width - cells.length }, () => "")];
  const line = (campaign: string, collab: string, l: Reconciliation["byCampaign"][number], orders: string) =>
    pad([campaign, collab, l.orders, l.platform, l.expected, l.gap, orders]);
  const differing = commission.byCollaboration
    .filter((l) => l.differing > 0)
    .slice(0, RECONCILED_COLLABORATIONS);
  return [
    pad([]),
    pad(["Commission reconciliation: what the platform credited against what the rules say"]),
    pad(RECONCILED_HEADERS),
    ...commission.byCampaign
      .slice(0, RECONCILED_CAMPAIGNS)
      .map((l) => line(l.id || "No collaboration (Open plan)", "", l, String(l.differing))),
    ...differing.map((l) =>
      line(
        l.campaignId,
        l.id,
        l,
        `${l.differing}: ${l.examples.join(", ")}${l.differing > l.examples.length ? ", …" : ""}`,
      ),
    ),
  ];
}

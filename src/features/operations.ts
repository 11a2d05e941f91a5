/**
 * The operating view: one row per collaboration of the campaigns that are live or start within
 * the horizon, most urgent first, and a day-by-day timeline of each one's windows.
 */
import { isoFromDay } from "../domain/day";
import { asTypedText } from "../workbook/table";
import type { Reconciliation } from "./order-pricing";

/** A rectangle of cells for a fully add-on owned tab. */
export interface GeneratedTab {
  values: unknown[][];
  backgrounds: (string | null)[][];
  /** 1-based columns holding dates (rows 2 and below get a date format). */
  dateColumns: number[];
  frozenRows: number;
  frozenColumns: number;
  /** One run of equally wide columns (the timeline). */
  columnWidths: { first: number; count: number; pixels: number };
}

import type { Day } from "../domain/day";

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

export function sortByUrgency(rows: readonly OperationsRow[]): OperationsRow[] {
  const days = (row: OperationsRow) => row.daysLeft ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort(
    (a, b) =>
      a.severityRank - b.severityRank ||
      days(a) - days(b) ||
      a.campaignId.localeCompare(b.campaignId) ||
      a.collabId.localeCompare(b.collabId),
  );
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

export function buildOperationsView(
  rows: readonly OperationsRow[],
  today: Day,
  calendar: OperationsCalendar,
  generatedAt: string,
  commission?: Reconciliation,
): GeneratedTab {
  const dateCell = (day: Day | null) => (day === null ? "" : calendar.dateOf(day));
  const days = Array.from({ length: TIMELINE_DAYS }, (_, offset) => today + offset);
  const width = OPERATIONS_HEADERS.length + TIMELINE_DAYS;

  const values: unknown[][] = [[...OPERATIONS_HEADERS, ...days.map((day) => dayLabel(day))]];
  const backgrounds: (string | null)[][] = [Array.from({ length: width }, () => "#e8e0f5")];

  for (const row of sortByUrgency(rows)) {
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
    const reservedOver = row.reserved !== null && row.stockOnHand !== null && row.reserved > row.stockOnHand;
    const overdue = row.daysLeft !== null && row.daysLeft < 0;
    backgrounds.push([
      ...OPERATIONS_HEADERS.map((header) =>
        (header === "Reserved" && reservedOver) || (header === "Days left" && overdue) ? "#f8d7da" : null,
      ),
      ...marks.map((mark) => mark?.colour ?? null),
    ]);
  }
  const legend = `Timeline: ${TIMELINE_MARKS.map((mark) => `${mark.mark} ${mark.label}`).join(", ")}. Rebuilt by Campaign Desk ${generatedAt}; edits here are replaced.`;
  values.push([legend, ...Array.from({ length: width - 1 }, () => "")]);
  backgrounds.push(Array.from({ length: width }, () => null));
  for (const [row, background] of commissionBlock(commission, width)) {
    values.push(row);
    backgrounds.push(background);
  }

  return {
    values: values.map((row) => row.map(asTypedText)),
    backgrounds,
    dateColumns: DATE_HEADERS.map((header) => OPERATIONS_HEADERS.indexOf(header as never) + 1),
    frozenRows: 1,
    frozenColumns: 3,
    // 64 px: a bold "Dec 10" fits whole (at 52 it read "Dec..." and the days could not be told apart).
    columnWidths: { first: OPERATIONS_HEADERS.length + 1, count: TIMELINE_DAYS, pixels: 64 },
  };
}

const RECONCILED_CAMPAIGNS = 20;
const RECONCILED_COLLABORATIONS = 50;

/**
 * Commission reconciliation under the view (orders imported from Seller Center): per campaign,
 * then the collaborations whose orders differ, largest gap first, with the orders that differ.
 * Bounded, so the view stays the same size however many orders there are.
 */
function commissionBlock(
  commission: Reconciliation | undefined,
  width: number,
): [unknown[], (string | null)[]][] {
  if (!commission || commission.byCampaign.length === 0) return [];
  const pad = (cells: unknown[]) => [...cells, ...Array.from({ length: width - cells.length }, () => "")];
  const plain = () => Array.from({ length: width }, () => null);
  const heading = () => Array.from({ length: width }, (_, index) => (index < 7 ? "#e8e0f5" : null));
  const line = (campaign: string, collab: string, l: Reconciliation["byCampaign"][number], orders: string) =>
    pad([campaign, collab, l.orders, l.platform, l.expected, l.gap, orders]);
  const differing = commission.byCollaboration
    .filter((l) => l.differing > 0)
    .slice(0, RECONCILED_COLLABORATIONS);
  return [
    [pad([]), plain()],
    [pad(["Commission reconciliation: what the platform credited against what the rules say"]), plain()],
    [
      pad([
        "Campaign",
        "Collab ID",
        "Orders",
        "Platform commission",
        "Expected commission",
        "Gap",
        "Orders that differ",
      ]),
      heading(),
    ],
    ...commission.byCampaign
      .slice(0, RECONCILED_CAMPAIGNS)
      .map((l): [unknown[], (string | null)[]] => [
        line(l.id || "No collaboration (Open plan)", "", l, String(l.differing)),
        plain(),
      ]),
    ...differing.map((l): [unknown[], (string | null)[]] => [
      line(
        l.campaignId,
        l.id,
        l,
        `${l.differing}: ${l.examples.join(", ")}${l.differing > l.examples.length ? ", …" : ""}`,
      ),
      plain(),
    ]),
  ];
}

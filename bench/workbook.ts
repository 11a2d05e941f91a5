/**
 * The bench's workbook: the seeded generator shared with the tests (src/local/demo), one fixed
 * day and zone, and the brief and recruit that the service-call bench sends.
 */
import { isoFromDay, zoneCalendar } from "../src/domain/day";

export const TIME_ZONE = "America/Los_Angeles";
/** 09:00 in Los Angeles: the workbook's dates are all relative to this day. */
export const NOW = new Date("2026-11-25T17:00:00Z");

export type Tabs = Record<string, unknown[][]>;

function column(tabs: Tabs, tab: string, header: string): unknown[] {
  const [head = [], ...rows] = tabs[tab] ?? [];
  const at = head.indexOf(header);
  return rows.map((row) => row[at]);
}

/** A new campaign on the first SKU, starting today: a brief that passes every check. */
export function benchBrief(tabs: Tabs) {
  const today = zoneCalendar(TIME_ZONE).dayOf(NOW) ?? 0;
  return {
    campaignId: "C-BENCH",
    name: "Bench spring launch",
    objective: "Organic test",
    lane: "Open",
    skus: [String(column(tabs, "Products", "SKU")[0])],
    start: isoFromDay(today),
    end: isoFromDay(today + 30),
    contentTypes: ["Short video", "Showcase"],
    paymentModel: "Commission only",
    commissionRate: 0.2,
    contentDueDays: 14,
    samplePolicy: "Free sample",
    liveRequired: false,
    amplification: "None",
    budget: 1500,
    ownerEmail: "bench@example.com",
    status: "Recruiting",
  };
}

/** The first 20 creators of the Creators tab, into the bench campaign. */
export function benchRecruit(tabs: Tabs) {
  const brief = benchBrief(tabs);
  return {
    campaignId: brief.campaignId,
    creators: column(tabs, "Creators", "Creator").slice(0, 20).map(String),
    sku: brief.skus[0] as string,
  };
}

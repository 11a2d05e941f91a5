/**
 * Orders as the rules see them: each order matched to the collaboration covering its creator,
 * SKU and day (coverage.ts: a Partner collaboration in its window first, as its rates come first,
 * then the covering Target, then an Open collaboration in its window),
 * priced at the rate that applies, and summed per collaboration (GMV, Ads GMV, First sale) and
 * reconciled per collaboration and campaign against the platform's commission. The import, the
 * daily check, the operating view and the digest all read orders through here.
 */
import { usableAdsRate } from "../domain/ads-rates";
import { splitList } from "../domain/choices";
import {
  type CoveringCampaign,
  coverageIndex,
  idKey,
  type TargetCover,
  targetCoverOf,
} from "../domain/coverage";
import { type Day, dayFromSerial, type ZoneCalendar } from "../domain/day";
import { cents, commissionGap, expectedCommission, isCommissionDifference } from "../domain/order-commission";
import { saleRate } from "../domain/rates";
import { earnsNoCommission } from "../domain/seller-center";
import { isBlank, readFlag, readNumber, readRate } from "../domain/values";
import { headerKey, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { keyText, readTable, type TableRow } from "../workbook/table";

export type OrderTabs = Partial<Record<TabName, readonly (readonly unknown[])[] | null>>;

/** One order as it stands on the Orders tab (the team's columns). */
export interface OrderValues {
  orderId: string;
  sku: string;
  created?: Day | undefined;
  creator: string;
  quantity?: number | undefined;
  amount?: number | undefined;
  adOrder?: boolean | undefined;
  contentType: string;
  status: string;
  platformCommission?: number | undefined;
}

export interface OrderPrice {
  /** The covering collaboration, "" when none covers (an Open plan sale). */
  collabId: string;
  campaignId: string;
  rate?: number | undefined;
  expected?: number | undefined;
  gap?: number | undefined;
}

interface CampaignTerms extends CoveringCampaign {
  id: string;
  /** Lower case: target, open, partner. */
  lane: string;
  skus: string[];
  adsRate?: number | undefined;
}

export interface OrderPricer {
  /** Products by SKU (compared as idKey). */
  productBySku: ReadonlyMap<string, TableRow>;
  price(values: OrderValues | undefined): OrderPrice | undefined;
}

export function cellDay(value: unknown, calendar: ZoneCalendar): Day | undefined {
  if (value instanceof Date) return calendar.dayOf(value);
  return typeof value === "number" ? dayFromSerial(value) : undefined;
}

const text = (value: unknown) => (isBlank(value) ? "" : String(value).trim());

export function orderPricer(tabs: OrderTabs, calendar: ZoneCalendar): OrderPricer {
  const table = (name: TabName) => readTable(tabSchema(name), tabs[name] ?? []);
  const productBySku = new Map<string, TableRow>();
  for (const row of table("Products").rows)
    if (!productBySku.has(idKey(row.key))) productBySku.set(idKey(row.key), row);
  const campaigns = new Map<string, CampaignTerms>();
  for (const row of table("Campaigns").rows) {
    if (campaigns.has(idKey(row.key))) continue;
    campaigns.set(idKey(row.key), {
      id: row.key,
      lane: text(row.get("Lane")).toLowerCase(),
      skus: splitList(text(row.get("SKUs"))),
      start: cellDay(row.get("Start"), calendar),
      end: cellDay(row.get("End"), calendar),
      status: text(row.get("Status")),
      rate: readRate(row.get("Commission rate")),
      adsRate: usableAdsRate(readRate(row.get("Ads rate"))),
    });
  }
  type Cover = { collabId: string; campaign: CampaignTerms };
  const targetCovers: TargetCover<Cover>[] = [];
  const partnerCovers: TargetCover<Cover>[] = [];
  const otherCovers: TargetCover<Cover>[] = [];
  for (const row of table("Collaborations").rows) {
    const campaign = campaigns.get(idKey(text(row.get("Campaign ID"))));
    if (!campaign) continue;
    const facts = {
      id: row.key,
      creator: text(row.get("Creator")),
      sku: text(row.get("SKU")),
      cancelled: readFlag(row.get("Cancelled")) === true,
    };
    const value = { collabId: row.key, campaign };
    // Target rows cover by the coverage rule; Partner rows by their window (their rates come
    // first); Open rows take the sales both leave.
    const target = targetCoverOf(facts, campaign);
    if (target) targetCovers.push({ ...target, value });
    else if (campaign.lane !== "target")
      (campaign.lane === "partner" ? partnerCovers : otherCovers).push({
        id: facts.id,
        creator: facts.creator,
        skus: facts.sku ? [facts.sku] : campaign.skus,
        start: campaign.start,
        end: campaign.end,
        cancelled: facts.cancelled || idKey(campaign.status) === "cancelled",
        value,
      });
  }
  const targets = coverageIndex(targetCovers);
  const partners = coverageIndex(partnerCovers);
  const others = coverageIndex(otherCovers);
  const productRate = (sku: string, header: string) => readRate(productBySku.get(idKey(sku))?.get(header));

  return {
    productBySku,
    price(values) {
      if (!values?.creator || values.created === undefined) return undefined;
      const { creator, sku, created } = values;
      const target = targets.covering(creator, sku, created)?.value;
      // A Partner campaign's rates come first (DESIGN.md section 1), even where a Target covers.
      const partner = partners.covering(creator, sku, created)?.value;
      const other = target || partner ? undefined : others.covering(creator, sku, created)?.value;
      const open = other?.campaign.lane === "open" ? other.campaign : undefined;
      const { rate } = saleRate({
        target: target?.campaign,
        partner: partner?.campaign,
        open: {
          rate: productRate(sku, "Open rate") ?? open?.rate,
          adsRate: usableAdsRate(productRate(sku, "Open ads rate")) ?? open?.adsRate,
        },
        adOrder: values.adOrder,
      });
      const cover = partner ?? target ?? other;
      const expected =
        rate === undefined || values.amount === undefined
          ? undefined
          : expectedCommission(values.amount, rate, values.status);
      return {
        collabId: cover?.collabId ?? "",
        campaignId: cover?.campaign.id ?? "",
        rate,
        expected,
        gap: commissionGap(values.platformCommission, expected),
      };
    },
  };
}

/** The Orders tab's rows (undefined for a row without an Order ID), in sheet order. */
export function ordersOnTab(
  grid: readonly (readonly unknown[])[] | null | undefined,
  calendar: ZoneCalendar,
): (OrderValues | undefined)[] {
  const columns = locateColumns(grid?.[0] ?? []);
  const at = (header: string) => columns.get(headerKey(header));
  const orderIdAt = at("Order ID");
  return (grid ?? []).slice(1).map((cells) => {
    const cell = (header: string) => {
      const position = at(header);
      return position === undefined ? "" : cells[position - 1];
    };
    const orderId = orderIdAt === undefined ? "" : keyText(cells[orderIdAt - 1]);
    if (!orderId) return undefined;
    return {
      orderId,
      sku: text(cell("SKU")),
      created: cellDay(cell("Created"), calendar),
      creator: text(cell("Creator")),
      quantity: readNumber(cell("Quantity")),
      amount: readNumber(cell("Amount")),
      adOrder: readFlag(cell("Ad order")),
      contentType: text(cell("Content type")),
      status: text(cell("Status")),
      platformCommission: readNumber(cell("Platform commission")),
    };
  });
}

export interface CollaborationSales {
  gmv: number;
  adsGmv: number;
  firstSale?: Day;
}

/** GMV, Ads GMV and First sale per collaboration, from the orders that earn commission. */
export function salesByCollaboration(
  orders: readonly (OrderValues | undefined)[],
  pricer: OrderPricer,
): Map<string, CollaborationSales> {
  const byCollab = new Map<string, CollaborationSales>();
  for (const values of orders) {
    const price = pricer.price(values);
    if (!values || !price?.collabId || values.amount === undefined || earnsNoCommission(values.status))
      continue;
    const total = byCollab.get(price.collabId) ?? { gmv: 0, adsGmv: 0 };
    if (values.adOrder) total.adsGmv = cents(total.adsGmv + values.amount);
    else total.gmv = cents(total.gmv + values.amount);
    if (values.created !== undefined && (total.firstSale === undefined || values.created < total.firstSale))
      total.firstSale = values.created;
    byCollab.set(price.collabId, total);
  }
  return byCollab;
}

export interface ReconciliationLine {
  /** Campaign ID (or Collab ID, per collaboration); "" for orders no collaboration covers. */
  id: string;
  campaignId: string;
  orders: number;
  expected: number;
  platform: number;
  gap: number;
  /** Orders whose platform commission differs from the expected one: count, and the first few. */
  differing: number;
  examples: string[];
}

export interface Reconciliation {
  byCampaign: ReconciliationLine[];
  byCollaboration: ReconciliationLine[];
}

const EXAMPLES = 5;

/** Per collaboration and per campaign: the platform's commission against the rules', largest gap first. */
export function reconcileCommission(
  orders: readonly (OrderValues | undefined)[],
  pricer: OrderPricer,
): Reconciliation {
  const campaigns = new Map<string, ReconciliationLine>();
  const collabs = new Map<string, ReconciliationLine>();
  const add = (
    lines: Map<string, ReconciliationLine>,
    id: string,
    campaignId: string,
    values: OrderValues,
    price: OrderPrice,
  ) => {
    const line = lines.get(id) ?? {
      id,
      campaignId,
      orders: 0,
      expected: 0,
      platform: 0,
      gap: 0,
      differing: 0,
      examples: [],
    };
    line.orders += 1;
    line.expected = cents(line.expected + (price.expected ?? 0));
    line.platform = cents(line.platform + (values.platformCommission ?? 0));
    line.gap = cents(line.platform - line.expected);
    if (isCommissionDifference(price.gap)) {
      line.differing += 1;
      if (line.examples.length < EXAMPLES) line.examples.push(`${values.orderId} (${values.sku})`);
    }
    lines.set(id, line);
  };
  for (const values of orders) {
    const price = pricer.price(values);
    if (!values || !price || price.expected === undefined || values.platformCommission === undefined)
      continue;
    add(campaigns, price.campaignId, price.campaignId, values, price);
    if (price.collabId) add(collabs, price.collabId, price.campaignId, values, price);
  }
  const byGap = (a: ReconciliationLine, b: ReconciliationLine) =>
    Math.abs(b.gap) - Math.abs(a.gap) || a.id.localeCompare(b.id);
  return {
    byCampaign: [...campaigns.values()].sort(byGap),
    byCollaboration: [...collabs.values()].sort(byGap),
  };
}

/**
 * Made-up Seller Center exports for the demo, the tests and the bench, in the exports' column
 * layout: an affiliate orders export (creator, content type, commissions) and an order export
 * (order status, SKU ID, Seller SKU, amounts, times, buyer). Every cell is text, as a CSV file
 * holds it; orders fall on the demo's collaborations, so the import has something to match.
 * No real shop, buyer or creator is in them.
 */
import { type Day, isoFromDay, zoneCalendar } from "../../domain/day";
import { seededRandom } from "./random";

export const AFFILIATE_EXPORT_HEADERS = [
  "Order ID",
  "SKU ID",
  "Seller SKU",
  "Product name",
  "Creator username",
  "Content type",
  "Time created",
  "Payment amount",
  "Quantity",
  "Order status",
  "Est. commission",
  "Est. Shop Ads commission",
  // Not a Seller Center header: the demo's one column to map (to Ad order) in the sidebar.
  "Ads attribution",
] as const;

export const ORDER_EXPORT_HEADERS = [
  "Order ID",
  "Order Status",
  "Order Substatus",
  "SKU ID",
  "Seller SKU",
  "Product Name",
  "Quantity",
  "SKU Subtotal After Discount",
  "Order Amount",
  "Order Refund Amount",
  "Created Time",
  "Paid Time",
  "Tracking ID",
  "Buyer Username",
] as const;

export interface DemoExportOptions {
  /** The demo workbook's tabs (Products, Campaigns, Collaborations). */
  tabs: Record<string, unknown[][]>;
  rows: number;
  timeZone: string;
  /** No order is dated after this day. */
  today: Date;
  seed?: number;
}

function recordsOf(grid: unknown[][] | undefined): Record<string, unknown>[] {
  const [header = [], ...rows] = grid ?? [];
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [String(name), cells[index]])));
}

/** `11/25/2026 14:05:09`, as the US exports write times. */
function exportTime(day: Day, seconds: number): string {
  const [year, month, date] = isoFromDay(day).split("-");
  const two = (value: number) => String(value).padStart(2, "0");
  return `${month}/${date}/${year} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

interface DemoOrder {
  orderId: string;
  sku: string;
  skuId: string;
  product: string;
  creator: string;
  contentType: string;
  day: Day;
  seconds: number;
  amount: number;
  quantity: number;
  status: string;
  commission: number;
  adsCommission: number;
  ad: boolean;
}

function demoOrders(options: DemoExportOptions): DemoOrder[] {
  const random = seededRandom(options.seed ?? 16);
  const calendar = zoneCalendar(options.timeZone);
  const today = calendar.dayOf(options.today) ?? 0;
  const products = new Map(recordsOf(options.tabs.Products).map((row) => [String(row.SKU), row]));
  const campaigns = new Map(
    recordsOf(options.tabs.Campaigns).map((row) => [String(row["Campaign ID"]), row]),
  );
  const dayOf = (value: unknown) => (value instanceof Date ? calendar.dayOf(value) : undefined);
  const sellers = recordsOf(options.tabs.Collaborations).flatMap((collab) => {
    const campaign = campaigns.get(String(collab["Campaign ID"]));
    const start = dayOf(campaign?.Start);
    const end = Math.min(dayOf(campaign?.End) ?? today, today);
    if (!campaign || start === undefined || start > end) return [];
    const skus = collab.SKU
      ? [String(collab.SKU)]
      : String(campaign.SKUs ?? "")
          .split(",")
          .map((sku) => sku.trim());
    const rate = Number(campaign["Commission rate"]) || 0.1;
    return skus
      .filter((sku) => products.has(sku))
      .map((sku) => ({ creator: String(collab.Creator), sku, start, end, rate }));
  });
  if (sellers.length === 0) throw new Error("The demo workbook has no collaboration to sell through");
  const orders: DemoOrder[] = [];
  let orderNumber = 576_400_000_000_000_000n;
  for (let index = 0; index < options.rows; index++) {
    // One in ten orders comes from a creator the workbook does not know yet.
    const seller = random.pick(sellers);
    // Seller Center writes usernames without an @.
    const creator = random.chance(0.1)
      ? `new_creator_${random.int(1, 40)}`
      : seller.creator.replace(/^@/, "");
    const product = products.get(seller.sku) ?? {};
    const price = Number(product.Price) || 20;
    const quantity = random.chance(0.8) ? 1 : random.int(2, 3);
    const amount = Math.round(price * quantity * (random.chance(0.3) ? 0.9 : 1) * 100) / 100;
    const ad = random.chance(0.2);
    const status = random.pick(["Settled", "Settled", "Settled", "Pending", "Pending", "Ineligible"]);
    // The platform's figure: mostly the rules' own, sometimes off (what reconciliation is for).
    const earned = status === "Ineligible" ? 0 : Math.round(amount * seller.rate * 100) / 100;
    const commission = random.chance(0.05) ? Math.round(earned * 1.5 * 100) / 100 : earned;
    orderNumber += BigInt(random.int(1, 5000));
    // What real exports hold too: a line the export repeats, a SKU the workbook does not list.
    const last = orders.at(-1);
    if (last && index % 97 === 96) {
      orders.push({ ...last });
      continue;
    }
    const unlisted = random.chance(0.02);
    orders.push({
      orderId: String(orderNumber),
      sku: unlisted ? "GIFT-BOX-01" : seller.sku,
      skuId: `17${String(1_000_000_000 + ([...seller.sku].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 1_000_000_000))}`,
      product: unlisted ? "Holiday gift box" : String(product.Product ?? seller.sku),
      creator,
      contentType: random.pick(["Video", "Video", "LIVE", "Showcase"]),
      day: random.int(seller.start, seller.end),
      seconds: random.int(0, 86_399),
      amount,
      quantity,
      status,
      commission: ad ? 0 : commission,
      adsCommission: ad ? commission : 0,
      ad,
    });
  }
  return orders;
}

/** An affiliate orders export, header row first, every cell text. */
export function demoAffiliateExport(options: DemoExportOptions): string[][] {
  return [
    [...AFFILIATE_EXPORT_HEADERS],
    ...demoOrders(options).map((order) => [
      order.orderId,
      order.skuId,
      order.sku,
      order.product,
      order.creator,
      order.contentType,
      exportTime(order.day, order.seconds),
      order.amount.toFixed(2),
      String(order.quantity),
      order.status,
      order.commission.toFixed(2),
      order.adsCommission.toFixed(2),
      order.ad ? "Yes" : "No",
    ]),
  ];
}

/** The order export of the same orders (no creators: the order export does not name them). */
export function demoOrderExport(options: DemoExportOptions): string[][] {
  return [
    [...ORDER_EXPORT_HEADERS],
    ...demoOrders(options).map((order, index) => [
      order.orderId,
      order.status === "Ineligible" ? "Canceled" : order.status === "Settled" ? "Completed" : "Shipped",
      "",
      order.skuId,
      order.sku,
      order.product,
      String(order.quantity),
      order.amount.toFixed(2),
      order.amount.toFixed(2),
      "0.00",
      exportTime(order.day, order.seconds),
      exportTime(order.day, Math.min(order.seconds + 60, 86_399)),
      `TT${String(index).padStart(10, "0")}`,
      `buyer_${(index * 7919) % 100_000}`,
    ]),
  ];
}

/** A grid as CSV (RFC 4180 quoting), the way Seller Center's files arrive. */
export function csvOf(grid: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${grid.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * An export as Sheets imports it with "Convert text to numbers, dates and formulas" unticked for
 * its IDs: 16 or more digits stay text (typed with an apostrophe), everything else as typed.
 */
export function asImportedTab(grid: readonly (readonly string[])[]): string[][] {
  return grid.map((row) => row.map((cell) => (/^\d{16,}$/.test(cell) ? `'${cell}` : cell)));
}

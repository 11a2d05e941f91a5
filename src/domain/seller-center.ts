/**
 * Seller Center's export files as the platform lays them out: which export a header row is (the
 * order export of Orders > Manage orders, or the affiliate orders export of Affiliate > Orders),
 * which column holds which order field (known headers and their common variants), and how an
 * export writes amounts and dates. Pure: the import plan and the sidebar preview both use it.
 */
import { type Day, dayFromParts } from "./day";
import { readNumber } from "./values";

export type ExportKind = "orders" | "affiliate";

export const EXPORT_NAMES: Record<ExportKind, string> = {
  orders: "Seller Center order export",
  affiliate: "Seller Center affiliate orders export",
};

/** The order fields an export row can carry. */
export type OrderField =
  | "orderId"
  | "skuId"
  | "sellerSku"
  | "productName"
  | "created"
  | "paid"
  | "creator"
  | "quantity"
  | "skuAmount"
  | "orderAmount"
  | "refund"
  | "adOrder"
  | "contentType"
  | "status"
  | "commission"
  | "estimatedCommission"
  | "adsCommission";

/** What each field is called in the user's words (the mapping dropdown, messages). */
export const FIELD_LABELS: Record<OrderField, string> = {
  orderId: "Order ID",
  skuId: "SKU ID",
  sellerSku: "Seller SKU",
  productName: "Product name",
  created: "Created time",
  paid: "Paid time",
  creator: "Creator username",
  quantity: "Quantity",
  skuAmount: "SKU amount after discount",
  orderAmount: "Order amount",
  refund: "Refund amount",
  adOrder: "Ad order (Yes/No)",
  contentType: "Content type",
  status: "Order status",
  commission: "Actual commission",
  estimatedCommission: "Estimated commission",
  adsCommission: "Shop Ads commission",
};

/**
 * Headers as Seller Center writes them (US and UK order export help pages, the affiliate orders
 * page), with the variants other regions and older exports use. Compared by `exportHeaderKey`.
 */
const HEADER_TABLE: Record<OrderField, readonly string[]> = {
  orderId: ["Order ID", "Order No", "Order Number", "Order ID (Platform)"],
  skuId: ["SKU ID", "Platform SKU ID"],
  sellerSku: ["Seller SKU", "Seller SKU ID", "SKU"],
  productName: ["Product Name", "Product", "Item Name"],
  created: [
    "Created Time",
    "Create Time",
    "Order Created Time",
    "Order Create Time",
    "Time Created",
    "Order Date",
  ],
  paid: ["Paid Time", "Payment Time", "Order Paid Time"],
  creator: [
    "Creator Username",
    "Creator Name",
    "Creator",
    "Creator Handle",
    "Affiliate Username",
    "Creator ID",
  ],
  quantity: ["Quantity", "Qty", "Items Sold", "SKU Quantity", "Item Quantity"],
  skuAmount: ["SKU Subtotal After Discount", "Payment Amount", "Item Payment Amount", "GMV"],
  orderAmount: ["Order Amount", "Order Total", "Total Amount"],
  refund: ["Order Refund Amount", "Refund Amount", "Refunded Amount"],
  adOrder: ["Ad Order", "Shop Ads Order", "Is Shop Ads Order", "Ads Order"],
  contentType: ["Content Type", "Source", "Content Source"],
  status: ["Order Status", "Order Settlement Status", "Commission Status", "Status"],
  commission: ["Actual Commission", "Actual Commission Payment", "Total Final Earned Amount", "Commission"],
  estimatedCommission: [
    "Estimated Commission",
    "Est. Commission",
    "Estimated Standard Commission",
    "Est. Standard Commission",
  ],
  adsCommission: [
    "Estimated Shop Ads Commission",
    "Est. Shop Ads Commission",
    "Shop Ads Commission",
    "Actual Shop Ads Commission",
  ],
};

/** Columns the exports carry that an order row does not need: known, so never offered for mapping. */
const KNOWN_UNUSED = [
  "Order Substatus",
  "Cancelation/Return Type",
  "Normal or Pre-order",
  "Variation",
  "Sku Quantity of return",
  "SKU Unit Original Price",
  "SKU Subtotal Before Discount",
  "SKU Platform Discount",
  "SKU Seller Discount",
  "Shipping Fee After Discount",
  "Original Shipping Fee",
  "Shipping Fee Seller Discount",
  "Shipping Fee Platform Discount",
  "Payment platform discount",
  "Retail Delivery Fee",
  "Taxes",
  "RTS Time",
  "Shipped Time",
  "Delivered Time",
  "Cancelled Time",
  "Cancel By",
  "Cancel Reason",
  "Fulfillment Type",
  "Warehouse Name",
  "Tracking ID",
  "Delivery Option Type",
  "Delivery Option",
  "Shipping Provider Name",
  "Buyer Message",
  "Buyer Username",
  "Buyer Nickname",
  "Recipient",
  "Phone #",
  "Country",
  "State",
  "City",
  "Zipcode",
  "Districts",
  "Villages",
  "Detail Address",
  "Additional address information",
  "House Name or Number",
  "Delivery Instruction",
  "Payment Method",
  "Weight(kg)",
  "Product Category",
  "Package ID",
  "Seller Note",
  "Shipping Information",
  "Product ID",
  "Content ID",
  "Commission Rate",
  "Standard Commission Rate",
  "Shop Ads Commission Rate",
  "Commission Base",
  "Price",
  "Order Delivery Time",
  "Commission Settlement Time",
  "Settled Time",
  "Currency",
];

/** Fields only the affiliate orders export carries; the order export's own marks. */
const AFFILIATE_MARKS: readonly OrderField[] = [
  "creator",
  "commission",
  "estimatedCommission",
  "adsCommission",
];
const ORDER_EXPORT_MARKS = ["buyer username", "tracking id", "paid time", "order substatus"];

/** Fields the import cannot do without, per export. The SKU is either SKU ID or Seller SKU. */
export const REQUIRED: Record<ExportKind, readonly OrderField[]> = {
  orders: ["orderId", "created"],
  affiliate: ["orderId", "creator"],
};

/** Headers compared trimmed, case-insensitively, spaces folded (DESIGN.md section 2), `.` and `:` ignored. */
export function exportHeaderKey(header: unknown): string {
  return String(header ?? "")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/[.:]/g, "")
    .trim()
    .toLowerCase();
}

let headerIndex: Map<string, OrderField> | undefined;
let unusedIndex: Set<string> | undefined;
function fieldOfHeader(header: unknown): OrderField | "unused" | undefined {
  if (!headerIndex) {
    headerIndex = new Map();
    for (const [field, names] of Object.entries(HEADER_TABLE) as [OrderField, readonly string[]][])
      for (const name of names) headerIndex.set(exportHeaderKey(name), field);
    unusedIndex = new Set(KNOWN_UNUSED.map(exportHeaderKey));
  }
  const key = exportHeaderKey(header);
  return headerIndex.get(key) ?? (unusedIndex?.has(key) ? "unused" : undefined);
}

/** A remembered or chosen mapping: header key -> field, or "ignore". */
export type ColumnMapping = Readonly<Record<string, OrderField | "ignore">>;

export function isOrderField(value: unknown): value is OrderField {
  return typeof value === "string" && Object.hasOwn(FIELD_LABELS, value);
}

export interface RecognizedExport {
  kind: ExportKind;
  /** Field -> 0-based column. */
  columns: Partial<Record<OrderField, number>>;
  /** Headers neither known nor mapped, as written, for the user to map or ignore. */
  unknown: string[];
  /** Required fields with no column (the user can map one of the unknown columns). */
  missing: OrderField[];
  /** A row of field descriptions under the headers (some exports carry one): skipped. */
  descriptionRow: boolean;
}

export type Recognition = { ok: true; export: RecognizedExport } | { ok: false; message: string };

/** Which export a header row is and where each field sits; `mappings` are the remembered ones per kind. */
export function recognizeExport(
  headers: readonly unknown[],
  mappings: Partial<Record<ExportKind, ColumnMapping>> = {},
  secondRow: readonly unknown[] = [],
): Recognition {
  const known = headers.map(fieldOfHeader);
  const keys = headers.map(exportHeaderKey);
  const isAffiliate = known.some((field) => field !== "unused" && field && AFFILIATE_MARKS.includes(field));
  const isOrderExport = keys.some((key) => ORDER_EXPORT_MARKS.includes(key));
  const mappedKind = (["affiliate", "orders"] as const).find((kind) =>
    keys.some((key) => mappings[kind]?.[key] === "creator" || (kind === "orders" && mappings[kind]?.[key])),
  );
  const kind: ExportKind = isAffiliate ? "affiliate" : isOrderExport ? "orders" : (mappedKind ?? "orders");
  const mapping = mappings[kind] ?? {};
  const columns: Partial<Record<OrderField, number>> = {};
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const key = keys[index] ?? "";
    if (key === "") return;
    const chosen = mapping[key];
    const field = chosen ?? known[index];
    if (field === "ignore" || field === "unused") return;
    if (field === undefined) unknown.push(String(header).trim());
    else if (columns[field] === undefined) columns[field] = index;
  });
  const recognized = Object.keys(columns).length;
  if (columns.orderId === undefined && recognized < 2) {
    const shown = headers
      .map((header) => String(header ?? "").trim())
      .filter(Boolean)
      .slice(0, 6);
    return {
      ok: false,
      message: `This tab does not look like a Seller Center order export or affiliate orders export: its first row has ${shown.length > 0 ? shown.join(", ") : "no headers"}, and an export starts with headers such as Order ID, SKU ID, Created Time.`,
    };
  }
  const missing = REQUIRED[kind].filter((field) => columns[field] === undefined);
  if (columns.skuId === undefined && columns.sellerSku === undefined) missing.push("sellerSku");
  if (kind === "orders" && columns.created === undefined && columns.paid !== undefined) {
    missing.splice(missing.indexOf("created"), 1);
  }
  const idCell = columns.orderId === undefined ? "" : String(secondRow[columns.orderId] ?? "");
  return {
    ok: true,
    export: { kind, columns, unknown, missing, descriptionRow: /\s/.test(idCell.trim()) },
  };
}

/** `$1,234.50`, `1.234,50 €`, `12,5`, `USD 30`: an amount, or undefined when the text is not one. */
export function readAmount(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let text = value
    .replace(/[\s\u00a0]+/g, "")
    .replace(/^[A-Za-z]{0,3}[$€£¥₫₱฿]|[$€£¥₫₱฿]$|^[A-Z]{3}|[A-Z]{3}$|^RM|^Rp/g, "");
  const negative = /^\(.*\)$/.test(text);
  if (negative) text = text.slice(1, -1);
  // A comma followed by one or two digits at the end is a decimal comma (`1.234,50`, `12,5`).
  if (/^-?\d{1,3}(\.\d{3})*,\d{1,2}$/.test(text) || /^-?\d+,\d{1,2}$/.test(text)) {
    text = text.replace(/\./g, "").replace(",", ".");
  }
  const amount = readNumber(text);
  return amount === undefined ? undefined : negative ? -amount : amount;
}

/** How a column writes its day-first or month-first dates (`03/04/2026`). */
export type DateOrder = "month-first" | "day-first";

const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]|$)/;

/**
 * The order of a column of text dates: a first part above 12 means day-first, a second above 12
 * means month-first; both in one column is an error. With neither, month-first, as Seller
 * Center's US exports write them.
 */
export function dateOrderOf(
  cells: Iterable<unknown>,
): { order: DateOrder; certain: boolean } | { conflict: string[] } {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const match = NUMERIC_DATE.exec(cell.trim());
    if (!match || (match[1] ?? "").length === 4) continue;
    if (Number(match[1]) > 12) dayFirst ??= cell.trim();
    else if (Number(match[2]) > 12) monthFirst ??= cell.trim();
    if (dayFirst && monthFirst) return { conflict: [dayFirst, monthFirst] };
  }
  if (dayFirst) return { order: "day-first", certain: true };
  return { order: "month-first", certain: monthFirst !== undefined };
}

/** A text date of an export (`2026-11-25 10:15:32`, `11/25/2026 10:15 AM`, `25.11.2026`): its day. */
export function dayFromExportText(text: string, order: DateOrder): Day | undefined {
  const match = NUMERIC_DATE.exec(text.trim());
  if (!match) return undefined;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if ((match[1] ?? "").length === 4) return dayFromParts(a, b, c);
  if ((match[3] ?? "").length !== 4) return undefined;
  return order === "day-first" ? dayFromParts(c, b, a) : dayFromParts(c, a, b);
}

/** Statuses under which no commission is earned: cancelled, refunded or ineligible orders. */
export function earnsNoCommission(status: string): boolean {
  return /cancel|refund|return|ineligible|unpaid|failed/i.test(status);
}

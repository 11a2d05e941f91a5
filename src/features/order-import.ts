/**
 * Import from Seller Center, planned: from the rows of an export tab and the workbook as read,
 * everything the import will do, decided before the first write. Rows are parsed at this door
 * with zod (schemas built on first use); each order is matched to the collaboration covering its
 * creator, SKU and day (coverage.ts), priced by the rate rules, and the collaborations' GMV,
 * Ads GMV and First sale are filled from their orders where the team left them blank.
 * Pure: src/gas/import-api.ts reads the tabs, shows the preview and applies the writes.
 */
import * as z from "zod/mini";
import { creatorKey, idKey } from "../domain/coverage";
import { type Day, dayFromSerial, isoFromDay, type ZoneCalendar } from "../domain/day";
import { formatMoney, type MoneyStyle } from "../domain/money";
import { cents } from "../domain/order-commission";
import {
  type ColumnMapping,
  type DateOrder,
  dateOrderOf,
  dayFromExportText,
  EXPORT_NAMES,
  type ExportKind,
  exportHeaderKey,
  FIELD_LABELS,
  isOrderField,
  type OrderField,
  readAmount,
  recognizeExport,
} from "../domain/seller-center";
import { isBlank, readFlag, readNumber } from "../domain/values";
import { headerKey, type TabName, tabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { keyText, readTable } from "../workbook/table";
import {
  cellDay,
  type OrderValues,
  orderPricer,
  ordersOnTab,
  type ReconciliationLine,
  reconcileCommission,
  salesByCollaboration,
} from "./order-pricing";

/** Seller Center exports at most 15,000 orders a file; 100,000 rows is several files pasted together. */
export const MAX_IMPORT_ROWS = 100_000;
/** How many rows of each list the preview shows (the counts are always whole). */
const SHOWN = 50;

export type ImportTabs = Partial<Record<TabName, unknown[][] | null>>;
export const IMPORT_TABS: readonly TabName[] = [
  "Products",
  "Campaigns",
  "Creators",
  "Collaborations",
  "Orders",
];

/** What the sidebar sends: the tab to import, columns mapped by the user, whether to add creators. */
export interface ImportRequest {
  sourceTab: string;
  /** Header as written in the export -> field, or "ignore". */
  mapping: Record<string, string>;
  addCreators: boolean;
  /** The preview's fingerprint: the confirm writes only what was previewed. */
  fingerprint: string;
}

let requestSchema: z.ZodMiniType<ImportRequest> | undefined;
/** The google.script.run door: any editor can send anything. Built on first use, not at load. */
export function parseImportRequest(value: unknown): ImportRequest | undefined {
  requestSchema ??= z.object({
    sourceTab: z.string().check(z.minLength(1), z.maxLength(200)),
    mapping: z._default(z.record(z.string().check(z.maxLength(500)), z.string().check(z.maxLength(40))), {}),
    addCreators: z._default(z.boolean(), false),
    fingerprint: z._default(z.string().check(z.maxLength(40)), ""),
  }) as unknown as z.ZodMiniType<ImportRequest>;
  const parsed = requestSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** One export row, typed: an order as the Orders tab holds it, and the export row it came from. */
type ExportOrder = OrderValues & { row: number; created: Day };

type Cells = Partial<Record<OrderField, unknown>>;
interface ParsedCells {
  orderId?: string | undefined;
  skuId: string;
  sellerSku: string;
  created?: Day | undefined;
  paid?: Day | undefined;
  creator: string;
  quantity?: number | undefined;
  skuAmount?: number | undefined;
  orderAmount?: number | undefined;
  refund?: number | undefined;
  adOrder?: boolean | undefined;
  contentType: string;
  status: string;
  commission?: number | undefined;
  estimatedCommission?: number | undefined;
  adsCommission?: number | undefined;
}

const rowSchemas = new Map<string, z.ZodMiniType<ParsedCells>>();
/** The schema of a row, per calendar and date order, built the first time an import needs it. */
function rowSchemaFor(calendar: ZoneCalendar, order: DateOrder): z.ZodMiniType<ParsedCells> {
  const id = `${calendar.timeZone}|${order}`;
  const cached = rowSchemas.get(id);
  if (cached) return cached;
  type Payload = { issues: unknown[] };
  const fail = (ctx: Payload, input: unknown, message: string) => {
    ctx.issues.push({ code: "custom", message, input });
    return undefined;
  };
  const cell = <T>(read: (value: unknown) => T | undefined, expected: string) =>
    z.pipe(
      z.unknown(),
      z.transform((value: unknown, ctx) =>
        isBlank(value)
          ? undefined
          : (read(value) ?? fail(ctx as Payload, value, `is “${String(value).trim()}”, not ${expected}`)),
      ),
    );
  const text = z.pipe(
    z.unknown(),
    z.transform((value: unknown) =>
      isBlank(value) ? "" : value instanceof Date ? "" : String(value).trim(),
    ),
  );
  const day = cell((value): Day | undefined => {
    if (value instanceof Date) return calendar.dayOf(value);
    if (typeof value === "number") return dayFromSerial(value);
    return typeof value === "string" ? dayFromExportText(value, order) : undefined;
  }, "a date");
  const amount = cell(readAmount, "an amount");
  // An 18-digit Order ID that Sheets turned into a number has lost its last digits: two orders
  // could become one. Said, never guessed.
  const orderId = cell(
    (value) =>
      typeof value === "number"
        ? Number.isSafeInteger(value)
          ? String(value)
          : undefined
        : value instanceof Date
          ? undefined
          : String(value).trim(),
    'an Order ID with all its digits: Sheets turned it into a number. Import the file again with "Convert text to numbers, dates and formulas" unticked',
  );
  const schema = z.object({
    orderId,
    skuId: text,
    sellerSku: text,
    created: day,
    paid: day,
    creator: text,
    quantity: cell((value) => {
      const count = readNumber(value);
      return count !== undefined && Number.isInteger(count) && count >= 0 ? count : undefined;
    }, "a whole number"),
    skuAmount: amount,
    orderAmount: amount,
    refund: amount,
    adOrder: cell(readFlag, "Yes or No"),
    contentType: text,
    status: text,
    commission: amount,
    estimatedCommission: amount,
    adsCommission: amount,
  }) as unknown as z.ZodMiniType<ParsedCells>;
  rowSchemas.set(id, schema);
  return schema;
}

export interface ImportPreview {
  ok: true;
  sourceTab: string;
  kind: ExportKind;
  exportName: string;
  /** Data rows of the export (blank rows are not counted). */
  rowsRead: number;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  skipped: { row: number; reason: string }[];
  updates: { order: string; changes: string }[];
  additions: { order: string; summary: string }[];
  /** Export headers the add-on does not know, with the field each is mapped to ("" when none). */
  columns: { header: string; field: string }[];
  /** Required fields no column provides: the import waits until one is mapped. */
  missing: string[];
  fields: { value: string; label: string }[];
  notes: string[];
  creatorsToAdd: string[];
  creatorsToAddCount: number;
  /** The creators a confirm adds to Creators: all of them when asked for, else 0. */
  creatorsAdded: number;
  /**
   * Orders on the tab the export changes nothing in (counted unchanged or not in the export)
   * whose Collab ID, Applied rate, Expected commission or Commission gap is written anew: a
   * collaboration or a rate changed since they were priced.
   */
  rematched: number;
  collaborations: {
    filled: number;
    /** The first few; `differenceCount` is the whole count. */
    differences: { collabId: string; column: string; typed: string; fromOrders: string }[];
    differenceCount: number;
  };
  /** The first few campaigns; `reconciliationCount` is the whole count. */
  reconciliation: ReconciliationLine[];
  reconciliationCount: number;
  /** How the preview's amounts read (the Currency setting, the spreadsheet's locale): the sidebar shows the reconciliation's the same way. */
  money: MoneyStyle;
  /** False while columns are missing, or nothing would change. */
  canImport: boolean;
  fingerprint: string;
}

/** A block of cells to write, and what must still be above and beside it right before. */
export interface PlannedWrite {
  tab: TabName;
  row: number;
  column: number;
  values: unknown[][];
  /** The header key expected above each column of the block ("" for a team's own column). */
  headers: string[];
  /** True for new rows: the rows must still be empty (the tab no longer than `lastRow`). */
  append: boolean;
  /**
   * A block of a team's column rewritten whole: a cell holding a formula keeps it (its value,
   * as read, is what the block carries, and writing that would replace the formula).
   */
  keepFormulas: boolean;
  /**
   * The block's cells as read when the plan was made (absent for new rows): confirmed right
   * before the write, so a value a person typed meanwhile is never written over.
   */
  expected?: unknown[][];
}

/** The keys of a tab as planned against, confirmed before every write. */
export interface TabGuard {
  tab: TabName;
  /** 1-based key columns (Orders: Order ID and SKU). */
  keyColumns: number[];
  /** Per key column, rows 2..lastRow as read (keyText). */
  keys: string[][];
  lastRow: number;
}

export interface ImportPlan {
  preview: ImportPreview;
  writes: PlannedWrite[];
  guards: TabGuard[];
  /** The mapping to remember for this kind of export (header key -> field). */
  remember: { kind: ExportKind; mapping: Record<string, string> };
}

export type ImportOutcome = { ok: true; plan: ImportPlan } | { ok: false; errors: { message: string }[] };

const refuse = (...messages: string[]): ImportOutcome => ({
  ok: false,
  errors: messages.map((message) => ({ message })),
});

/** Fields offered in the mapping dropdown. */
const MAPPABLE: readonly OrderField[] = Object.keys(FIELD_LABELS) as OrderField[];

const ORDER_TEAM = [
  "Order ID",
  "SKU",
  "Created",
  "Creator",
  "Quantity",
  "Amount",
  "Ad order",
  "Content type",
  "Status",
  "Platform commission",
] as const;
const ORDER_OWNED = ["Collab ID", "Applied rate", "Expected commission", "Commission gap"] as const;

/**
 * The owned Orders headers an import or a refresh may write: the add-on's columns as the
 * workbook record says (`ownedColumnsOf`); a column the team kept (or has not answered about)
 * is left out and never written. Without a record, every owned column (the pure tests).
 */
const ownedWritable = (writable: readonly string[] | undefined): readonly string[] =>
  ORDER_OWNED.filter((header) => !writable || writable.includes(header));

const orderKeyOf = (orderId: string, sku: string) => `${idKey(orderId)}\u0000${idKey(sku)}`;

export function planImport(input: {
  source: unknown[][];
  sourceTab: string;
  request: Pick<ImportRequest, "mapping" | "addCreators">;
  remembered: Partial<Record<ExportKind, ColumnMapping>>;
  tabs: ImportTabs;
  calendar: ZoneCalendar;
  /** The owned Orders headers that are the add-on's to write (`ownedColumnsOf`). */
  writable?: readonly string[];
  /** How amounts read in the preview; absent, the Currency setting's default (USD) in en_US. */
  money?: MoneyStyle;
}): ImportOutcome {
  const { source, calendar, tabs } = input;
  const money = input.money ?? { currency: "USD", locale: "en_US" };
  const amountText = (value: unknown) =>
    typeof value === "number" ? formatMoney(value, money) : shown(value);
  const headers = source[0] ?? [];
  if (source.length - 1 > MAX_IMPORT_ROWS) {
    return refuse(
      `${input.sourceTab} has ${(source.length - 1).toLocaleString("en-US")} rows; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")}. Export a shorter date range from Seller Center and import each file in turn.`,
    );
  }
  // The sidebar's choices are by header text; the remembered ones by header key.
  const chosen: Record<string, OrderField | "ignore"> = {};
  for (const [header, field] of Object.entries(input.request.mapping)) {
    if (field === "ignore" || isOrderField(field)) chosen[exportHeaderKey(header)] = field;
  }
  const first = recognizeExport(headers, input.remembered, source[1] ?? []);
  if (!first.ok) return refuse(first.message);
  const kind = first.export.kind;
  const mapping: Record<string, OrderField | "ignore"> = { ...input.remembered[kind], ...chosen };
  const recognition = recognizeExport(headers, { ...input.remembered, [kind]: mapping }, source[1] ?? []);
  if (!recognition.ok) return refuse(recognition.message);
  const found = recognition.export;

  const ordersGrid = tabs.Orders;
  if (!ordersGrid || ordersGrid.length === 0)
    return refuse(
      "This workbook has no Orders tab yet: run Extensions > Campaign Desk > Set up workbook first.",
    );
  const orderColumns = locateColumns(ordersGrid[0] ?? []);
  const lacking = [...ORDER_TEAM, ...ORDER_OWNED].filter((header) => !orderColumns.has(headerKey(header)));
  if (lacking.length > 0)
    return refuse(
      `The Orders tab lacks ${lacking.join(", ")}: run Extensions > Campaign Desk > Set up workbook to add them.`,
    );

  // Unknown headers to map, and the ones already mapped (chosen now or remembered) to change.
  const columnsOffered: { header: string; field: string }[] = [];
  for (const header of headers) {
    const written = String(header ?? "").trim();
    const field = mapping[exportHeaderKey(header)];
    if (field) columnsOffered.push({ header: written, field });
    else if (found.unknown.includes(written)) columnsOffered.push({ header: written, field: "" });
  }
  const basePreview = {
    ok: true as const,
    sourceTab: input.sourceTab,
    kind,
    exportName: EXPORT_NAMES[kind],
    columns: columnsOffered,
    fields: [
      ...MAPPABLE.map((field) => ({ value: field, label: FIELD_LABELS[field] })),
      { value: "ignore", label: "Ignore this column" },
    ],
    missing: found.missing.map((field) => FIELD_LABELS[field]),
  };
  const remember = { kind, mapping: Object.fromEntries(Object.entries(chosen)) };

  // Products, campaigns and collaborations as the rules see them.
  const pricer = orderPricer(tabs, calendar);
  const productBySku = pricer.productBySku;
  const day = (value: unknown) => cellDay(value, calendar);
  const table = (name: TabName) => readTable(tabSchema(name), tabs[name] ?? []);

  // The export's rows, typed.
  const notes: string[] = [];
  const skipped: { row: number; reason: string }[] = [];
  const column = (field: OrderField) => found.columns[field];
  const dateColumns = (["created", "paid"] as const).filter((field) => column(field) !== undefined);
  let order: DateOrder = "month-first";
  for (const field of dateColumns) {
    const index = column(field) as number;
    const seen = dateOrderOf(source.slice(1).map((cells) => cells[index]));
    const header = String(headers[index]).trim();
    if ("conflict" in seen) {
      return refuse(
        `${header} holds dates in two formats: ${seen.conflict[0]} is day/month/year but ${seen.conflict[1]} is month/day/year. Export the file again with one date format, or fix those cells.`,
      );
    }
    if (seen.order === "day-first") order = "day-first";
    if (
      !seen.certain &&
      source.length > 1 &&
      source.slice(1).some((cells) => typeof cells[index] === "string")
    )
      notes.push(
        `${header}: dates such as 03/04/2026 were read as month/day/year, as Seller Center's US export writes them.`,
      );
    else if (seen.order === "day-first") notes.push(`${header}: dates were read as day/month/year.`);
  }
  const schema = rowSchemaFor(calendar, order);
  const headerOf = (field: string) => {
    const index = column(field as OrderField);
    return index === undefined ? (FIELD_LABELS[field as OrderField] ?? field) : String(headers[index]).trim();
  };

  const parsedOrders: ExportOrder[] = [];
  const refunds = new Map<string, number>();
  const orderAmounts = new Map<string, number>();
  const firstRowOf = new Map<string, number>();
  let rowsRead = 0;
  let descriptionSkipped = false;
  for (let index = 1; index < source.length; index++) {
    const cells = source[index] ?? [];
    const row = index + 1;
    if (cells.every(isBlank)) continue;
    rowsRead += 1;
    if (index === 1 && found.descriptionRow) {
      skipped.push({ row, reason: "field descriptions under the headers, not an order" });
      descriptionSkipped = true;
      continue;
    }
    const raw: Cells = {};
    for (const field of MAPPABLE) {
      const at = found.columns[field];
      raw[field] = at === undefined ? "" : cells[at];
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      const problems = result.error.issues.map(
        (issue) => `${headerOf(String(issue.path[0] ?? ""))} ${issue.message}`,
      );
      skipped.push({ row, reason: problems.join("; ") });
      continue;
    }
    const parsed = result.data;
    if (!parsed.orderId) {
      skipped.push({ row, reason: "no Order ID" });
      continue;
    }
    const sku = [parsed.sellerSku, parsed.skuId].find(
      (candidate) => candidate && productBySku.has(idKey(candidate)),
    );
    if (!sku) {
      const named = parsed.sellerSku || parsed.skuId;
      skipped.push({ row, reason: named ? `unknown SKU ${named} (not on Products)` : "no SKU" });
      continue;
    }
    const created = parsed.created ?? parsed.paid;
    if (created === undefined) {
      skipped.push({ row, reason: "no date" });
      continue;
    }
    const key = orderKeyOf(parsed.orderId, sku);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      skipped.push({ row, reason: `duplicate of row ${earlier} (same Order ID and SKU)` });
      continue;
    }
    firstRowOf.set(key, row);
    const amount = parsed.skuAmount ?? parsed.orderAmount;
    const orderId = idKey(parsed.orderId);
    if (parsed.refund !== undefined) refunds.set(orderId, parsed.refund);
    if (amount !== undefined) orderAmounts.set(orderId, (orderAmounts.get(orderId) ?? 0) + amount);
    const platform =
      parsed.commission ??
      (parsed.estimatedCommission === undefined && parsed.adsCommission === undefined
        ? undefined
        : cents((parsed.estimatedCommission ?? 0) + (parsed.adsCommission ?? 0)));
    parsedOrders.push({
      row,
      orderId: parsed.orderId,
      sku: productBySku.get(idKey(sku))?.key ?? sku,
      created,
      creator: parsed.creator.replace(/^@/, ""),
      quantity: parsed.quantity,
      amount,
      adOrder:
        parsed.adOrder ??
        (column("adsCommission") === undefined ? undefined : (parsed.adsCommission ?? 0) > 0),
      contentType: parsed.contentType,
      status: parsed.status,
      platformCommission: platform,
    });
  }
  if (descriptionSkipped) notes.push("Row 2 holds the export's field descriptions: skipped.");
  // An order's refund is shared among its SKUs in proportion to their amounts.
  for (const parsed of parsedOrders) {
    const refund = refunds.get(idKey(parsed.orderId));
    const total = orderAmounts.get(idKey(parsed.orderId));
    if (refund && parsed.amount !== undefined && total)
      parsed.amount = cents(Math.max(parsed.amount - (refund * parsed.amount) / total, 0));
  }

  // The Orders tab as it is: existing rows by key.
  const position = (header: string) => orderColumns.get(headerKey(header)) as number;
  const existingRows = ordersGrid.slice(1);
  const lastRow = ordersGrid.length;
  const existingByKey = new Map<string, number>();
  const existing = ordersOnTab(ordersGrid, calendar);
  existing.forEach((values, offset) => {
    const key = values && orderKeyOf(values.orderId, values.sku);
    if (key && !existingByKey.has(key)) existingByKey.set(key, offset);
  });
  const before = existing.map((values) => (values ? { ...values } : undefined));

  // Merge: the export updates what it carries; a blank export cell keeps what the tab has.
  const additions: OrderValues[] = [];
  const updates: { order: string; changes: string }[] = [];
  let updatedCount = 0;
  let unchangedCount = 0;
  const updatedAt = new Set<number>();
  const carries = (field: OrderField) => column(field) !== undefined;
  for (const parsed of parsedOrders) {
    const offset = existingByKey.get(orderKeyOf(parsed.orderId, parsed.sku));
    const current = offset === undefined ? undefined : existing[offset];
    if (!current || offset === undefined) {
      additions.push({ ...parsed });
      continue;
    }
    const next: OrderValues = { ...current };
    const changes: string[] = [];
    // Compared to the cent (a day as the day), shown as people read it: amounts in the currency.
    const set = <K extends keyof OrderValues>(
      field: K,
      value: OrderValues[K] | undefined,
      label: string,
      show: (value: unknown) => string = shown,
    ) => {
      if (value === undefined || value === "") return;
      if (field === "created" ? current.created === value : shown(current[field]) === shown(value)) return;
      changes.push(`${label} ${show(current[field]) || "(blank)"} → ${show(value)}`);
      next[field] = value;
    };
    set("created", parsed.created, "Created", (day) => shownDay(day as Day | undefined));
    if (carries("creator")) set("creator", parsed.creator, "Creator");
    set("quantity", parsed.quantity, "Quantity");
    set("amount", parsed.amount, "Amount", amountText);
    set("adOrder", parsed.adOrder, "Ad order");
    set("contentType", parsed.contentType, "Content type");
    set("status", parsed.status, "Status");
    set("platformCommission", parsed.platformCommission, "Platform commission", amountText);
    if (changes.length === 0) unchangedCount += 1;
    else {
      updatedCount += 1;
      updatedAt.add(offset);
      existing[offset] = next;
      if (updates.length < SHOWN)
        updates.push({ order: `${parsed.orderId} / ${parsed.sku}`, changes: changes.join(", ") });
    }
  }

  // Matching and pricing, for every order on the tab after the import.
  const priced = (values: OrderValues | undefined) => pricer.price(values);
  const ownedCells = (values: OrderValues | undefined): unknown[] => {
    const price = priced(values);
    return [price?.collabId ?? "", price?.rate ?? "", price?.expected ?? "", price?.gap ?? ""];
  };

  // Writes on Orders: new rows in one block after the last row, then each changed column once.
  const writes: PlannedWrite[] = [];
  const managed = [...ORDER_TEAM, ...ownedWritable(input.writable)].map((header) => ({
    header,
    position: position(header),
  }));
  const firstColumn = Math.min(...managed.map((entry) => entry.position));
  const lastColumn = Math.max(...managed.map((entry) => entry.position));
  const headerRow = (ordersGrid[0] ?? []).map(headerKey);
  const blockHeaders = Array.from({ length: lastColumn - firstColumn + 1 }, (_, offset) => {
    const at = firstColumn + offset;
    return managed.some((entry) => entry.position === at) ? (headerRow[at - 1] ?? "") : "";
  });
  const rowCells = (values: OrderValues): Record<string, unknown> => {
    const owned = ownedCells(values);
    return {
      "Order ID": values.orderId,
      SKU: values.sku,
      Created: values.created === undefined ? "" : calendar.midnightOf(values.created),
      Creator: values.creator,
      Quantity: values.quantity ?? "",
      Amount: values.amount ?? "",
      "Ad order": values.adOrder === undefined ? "" : values.adOrder ? "Yes" : "No",
      "Content type": values.contentType,
      Status: values.status,
      "Platform commission": values.platformCommission ?? "",
      "Collab ID": owned[0],
      "Applied rate": owned[1],
      "Expected commission": owned[2],
      "Commission gap": owned[3],
    };
  };
  if (additions.length > 0) {
    const values = additions.map((addition) => {
      const cells = rowCells(addition);
      return blockHeaders.map((_, offset) => {
        const entry = managed.find((candidate) => candidate.position === firstColumn + offset);
        return entry ? cells[entry.header] : "";
      });
    });
    writes.push({
      tab: "Orders",
      row: lastRow + 1,
      column: firstColumn,
      values,
      headers: blockHeaders,
      append: true,
      keepFormulas: false,
    });
  }
  // Orders the export leaves as they are, matched or priced anew: a collaboration or rate changed.
  let rematched = 0;
  if (existingRows.length > 0) {
    const rowsNow = existing.map((values) => (values ? rowCells(values) : undefined));
    writes.push(...changedColumnWrites(ordersGrid, managed, rowsNow));
    const owned = managed.filter((entry) => (ORDER_OWNED as readonly string[]).includes(entry.header));
    rowsNow.forEach((cells, offset) => {
      if (!cells || updatedAt.has(offset)) return;
      const was = existingRows[offset] ?? [];
      if (owned.some(({ header, position: at }) => !sameStored(cells[header], was[at - 1] ?? "")))
        rematched += 1;
    });
  }

  // Feeding the collaborations: sums of their orders before and after this import.
  const merged = [...existing, ...additions];
  const totals = (list: readonly (OrderValues | undefined)[]) => salesByCollaboration(list, pricer);
  const salesBefore = totals(before);
  const now = totals(merged);
  const differences: ImportPreview["collaborations"]["differences"] = [];
  let filled = 0;
  const collabGrid = tabs.Collaborations ?? [];
  const collabColumns = locateColumns(collabGrid[0] ?? []);
  const collabKeyColumn = collabColumns.get(headerKey("Collab ID"));
  const feeds = [
    { header: "GMV", of: (total?: { gmv: number }) => total?.gmv },
    { header: "Ads GMV", of: (total?: { adsGmv: number }) => total?.adsGmv },
    { header: "First sale", of: (total?: { firstSale?: Day }) => total?.firstSale },
  ] as const;
  const collabGuardNeeded = { value: false };
  for (const feed of feeds) {
    const at = collabColumns.get(headerKey(feed.header));
    if (at === undefined || collabKeyColumn === undefined) continue;
    const was = collabGrid.slice(1).map((cells) => cells[at - 1] ?? "");
    const values = collabGrid.slice(1).map((cells, offset) => {
      const cell = was[offset];
      const id = keyText(cells[collabKeyColumn - 1]);
      const previous = id ? feed.of(salesBefore.get(id)) : undefined;
      // Orders that stop counting (refunded) take their collaboration's figure down with them.
      const next = id
        ? (feed.of(now.get(id)) ??
          (previous === undefined ? undefined : feed.header === "First sale" ? null : 0))
        : undefined;
      if (next === undefined || (next === 0 && isBlank(cell))) return cell;
      const typed = feed.header === "First sale" ? day(cell) : readNumber(cell);
      const fromOrders =
        isBlank(cell) ||
        (previous !== undefined && typed !== undefined && Math.abs(typed - previous) < 0.005);
      if (!fromOrders) {
        if (next !== null && (typed === undefined || Math.abs(typed - next) >= 0.005))
          differences.push({
            collabId: id,
            column: feed.header,
            // As the daily check words it (order-checks): what was read, as people read it.
            typed:
              typed === undefined
                ? shownCell(cell, calendar)
                : feed.header === "First sale"
                  ? isoFromDay(typed)
                  : amountText(typed),
            fromOrders: feed.header === "First sale" ? isoFromDay(next) : amountText(next),
          });
        return cell;
      }
      const value = next === null ? "" : feed.header === "First sale" ? calendar.midnightOf(next) : next;
      if (sameStored(value, cell)) return cell;
      if (isBlank(cell)) filled += 1;
      return value;
    });
    const blocks = changedRunWrites("Collaborations", at, headerKey(feed.header), was, values, true);
    if (blocks.length > 0) collabGuardNeeded.value = true;
    writes.push(...blocks);
  }

  // New creators, added on request (handle only: the exports carry nothing else about them).
  // Without a Creator column there is nowhere to add them (the sidebar asks for setup then).
  const creatorsGrid = tabs.Creators ?? [];
  const creatorColumn = locateColumns(creatorsGrid[0] ?? []).get(headerKey("Creator"));
  const knownCreators = new Set(table("Creators").rows.map((row) => creatorKey(row.key)));
  const creatorsToAdd: string[] = [];
  for (const values of creatorColumn === undefined ? [] : merged) {
    if (!values?.creator || knownCreators.has(creatorKey(values.creator))) continue;
    knownCreators.add(creatorKey(values.creator));
    creatorsToAdd.push(values.creator);
  }
  const addingCreators = input.request.addCreators && creatorsToAdd.length > 0;
  if (addingCreators && creatorColumn !== undefined) {
    writes.push({
      tab: "Creators",
      row: creatorsGrid.length + 1,
      column: creatorColumn,
      values: creatorsToAdd.map((handle) => [handle]),
      headers: [headerKey("Creator")],
      append: true,
      keepFormulas: false,
    });
  }

  // Reconciliation per campaign: what the platform credited against what the rules say.
  const reconciliation = reconcileCommission(merged, pricer).byCampaign;

  const guards: TabGuard[] = [];
  if (writes.some((write) => write.tab === "Orders"))
    guards.push(guardOf("Orders", ordersGrid, [position("Order ID"), position("SKU")]));
  if (collabGuardNeeded.value && collabKeyColumn !== undefined)
    guards.push(guardOf("Collaborations", collabGrid, [collabKeyColumn]));
  if (writes.some((write) => write.tab === "Creators") && creatorColumn !== undefined)
    guards.push(guardOf("Creators", creatorsGrid, [creatorColumn]));

  const ready = found.missing.length === 0;
  const preview: ImportPreview = {
    ...basePreview,
    rowsRead,
    counts: {
      new: additions.length,
      updated: updatedCount,
      unchanged: unchangedCount,
      skipped: skipped.length,
    },
    skipped: skipped.slice(0, SHOWN),
    updates,
    additions: additions.slice(0, SHOWN).map((values) => ({
      order: `${values.orderId} / ${values.sku}`,
      summary: [
        values.created === undefined ? "" : isoFromDay(values.created),
        values.creator && `@${values.creator}`,
        values.amount === undefined ? "" : amountText(values.amount),
        values.status,
      ]
        .filter(Boolean)
        .join(", "),
    })),
    notes,
    creatorsToAdd: creatorsToAdd.slice(0, SHOWN),
    creatorsToAddCount: creatorsToAdd.length,
    creatorsAdded: addingCreators && ready ? creatorsToAdd.length : 0,
    rematched,
    collaborations: {
      filled,
      differences: differences.slice(0, SHOWN),
      differenceCount: differences.length,
    },
    reconciliation: reconciliation.slice(0, SHOWN),
    reconciliationCount: reconciliation.length,
    money,
    canImport: ready && writes.length > 0,
    fingerprint: ready ? fingerprintOf(writes) : "",
  };
  return { ok: true, plan: { preview, writes: ready ? writes : [], guards, remember } };
}

function guardOf(tab: TabName, grid: readonly (readonly unknown[])[], keyColumns: number[]): TabGuard {
  return {
    tab,
    keyColumns,
    keys: keyColumns.map((at) => grid.slice(1).map((cells) => keyText(cells[at - 1]))),
    lastRow: grid.length,
  };
}

/** How a value reads in the preview. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(cents(value));
  return String(value);
}

function shownDay(day: Day | undefined): string {
  return day === undefined ? "" : isoFromDay(day);
}

function shownCell(value: unknown, calendar: ZoneCalendar): string {
  if (value instanceof Date) {
    const day = calendar.dayOf(value);
    return day === undefined ? "" : isoFromDay(day);
  }
  return String(value ?? "");
}

/** Equal as the cell would hold them: dates by instant, typed text without its apostrophe. */
export function sameStored(value: unknown, was: unknown): boolean {
  if (value instanceof Date && was instanceof Date) return value.getTime() === was.getTime();
  const plain = typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;
  if (typeof plain === "number" && typeof was === "number") return Math.abs(plain - was) < 0.000_001;
  return plain === was || ((plain === "" || plain === undefined) && (was === "" || was === null));
}

/** FNV-1a over what would be written: the confirm refuses when the workbook moved since the preview. */
export function fingerprintOf(writes: readonly PlannedWrite[]): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const write of writes) {
    add(`${write.tab}|${write.row}|${write.column}|`);
    for (const row of write.values)
      for (const cell of row) add(cell instanceof Date ? `d${cell.getTime()}|` : `${String(cell)}|`);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The cells of each managed Orders column that differ from `rowsNow` (the cells each row should
 * hold, by header; undefined keeps a row as it is), in blocks of the rows that change.
 */
function changedColumnWrites(
  ordersGrid: readonly (readonly unknown[])[],
  managed: readonly { header: string; position: number }[],
  rowsNow: readonly (Record<string, unknown> | undefined)[],
): PlannedWrite[] {
  const headerRow = (ordersGrid[0] ?? []).map(headerKey);
  return managed.flatMap(({ header, position: at }) => {
    const was = ordersGrid.slice(1).map((cells) => cells[at - 1] ?? "");
    const values = was.map((cell, offset) => {
      const now = rowsNow[offset];
      return now ? now[header] : cell;
    });
    // A team's formula in an Orders column stays a formula; the add-on's columns are its own.
    const keepFormulas = !ORDER_OWNED.includes(header as (typeof ORDER_OWNED)[number]);
    return changedRunWrites("Orders", at, headerRow[at - 1] ?? "", was, values, keepFormulas);
  });
}

/**
 * The rows of one column's block ([first, last] offsets): from its first changed cell to its
 * last, so a column costs the same service calls at any size (the bench holds the import to it).
 * The unchanged cells it spans are written back as read, only after the confirm read them so.
 */
export function changedSpan(changed: readonly boolean[]): [number, number] | undefined {
  const first = changed.indexOf(true);
  return first < 0 ? undefined : [first, changed.lastIndexOf(true)];
}

/** One column's changed cells (`values` against `was`, rows 2 on) as a confirmed block. */
function changedRunWrites(
  tab: TabName,
  column: number,
  header: string,
  was: readonly unknown[],
  values: readonly unknown[],
  keepFormulas: boolean,
): PlannedWrite[] {
  const span = changedSpan(values.map((value, offset) => !sameStored(value, was[offset])));
  return (span ? [span] : []).map(([first, last]) => ({
    tab,
    row: first + 2,
    column,
    values: values.slice(first, last + 1).map((value) => [value]),
    headers: [header],
    append: false,
    keepFormulas,
    expected: was.slice(first, last + 1).map((cell) => [cell]),
  }));
}

/**
 * The daily check's part of Orders: the computed columns (Collab ID, Applied rate, Expected
 * commission, Commission gap) of every order again, since collaborations and rates change after
 * an import. Only columns with a change are written; none when the tab lacks its headers.
 */
export function planOrderRefresh(
  tabs: ImportTabs,
  calendar: ZoneCalendar,
  writable?: readonly string[],
): { writes: PlannedWrite[]; guards: TabGuard[] } {
  const grid = tabs.Orders;
  const columns = locateColumns(grid?.[0] ?? []);
  const located = [...ORDER_OWNED, "Order ID", "SKU"].map((header) => ({
    header,
    position: columns.get(headerKey(header)),
  }));
  if (!grid || grid.length < 2 || located.some((entry) => entry.position === undefined))
    return { writes: [], guards: [] };
  const pricer = orderPricer(tabs, calendar);
  const rowsNow = ordersOnTab(grid, calendar).map((values) => {
    if (!values) return undefined;
    const price = pricer.price(values);
    return {
      "Collab ID": price?.collabId ?? "",
      "Applied rate": price?.rate ?? "",
      "Expected commission": price?.expected ?? "",
      "Commission gap": price?.gap ?? "",
    };
  });
  const ours = ownedWritable(writable);
  const managed = located.slice(0, ORDER_OWNED.length).filter((entry) => ours.includes(entry.header)) as {
    header: string;
    position: number;
  }[];
  const writes = changedColumnWrites(grid, managed, rowsNow);
  const keyColumns = located.slice(ORDER_OWNED.length).map((entry) => entry.position as number);
  return { writes, guards: writes.length > 0 ? [guardOf("Orders", grid, keyColumns)] : [] };
}

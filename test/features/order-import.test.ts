/**
 * The import plan, pure: export recognition, row parsing with its messages, new / updated /
 * unchanged / skipped, matching to the covering collaboration, and feeding the collaborations.
 */
import { describe, expect, it } from "vitest";
import { dayFromIso, zoneCalendar } from "../../src/domain/day";
import type { MoneyStyle } from "../../src/domain/money";
import { dateOrderOf, readAmount, recognizeExport } from "../../src/domain/seller-center";
import {
  changedSpan,
  type ImportTabs,
  parseImportRequest,
  planImport,
  planOrderRefresh,
} from "../../src/features/order-import";
import { TABS, type TabName } from "../../src/workbook/schema";

const calendar = zoneCalendar("America/Los_Angeles");
const collabHeaders = (TABS.find((tab) => tab.name === "Collaborations")?.columns ?? []).map(
  (column) => column.header,
);
const GMV = collabHeaders.indexOf("GMV");
const ADS_GMV = collabHeaders.indexOf("Ads GMV");
const FIRST_SALE = collabHeaders.indexOf("First sale");
const date = (iso: string) => calendar.midnightOf(dayFromIso(iso) as number);

function grid(tab: TabName, records: Record<string, unknown>[]): unknown[][] {
  const schema = TABS.find((candidate) => candidate.name === tab);
  const headers = (schema?.columns ?? []).map((column) => column.header);
  return [headers, ...records.map((record) => headers.map((header) => record[header] ?? ""))];
}

function workbook(extra: Partial<Record<TabName, Record<string, unknown>[]>> = {}): ImportTabs {
  return {
    Products: grid("Products", [
      { SKU: "SKU-1", Product: "Serum", "Open rate": 0.1 },
      { SKU: "SKU-2", Product: "Cream", "Open rate": 0.12 },
    ]),
    Campaigns: grid("Campaigns", [
      {
        "Campaign ID": "C-1",
        Lane: "Target",
        SKUs: "SKU-1, SKU-2",
        Start: date("2026-11-01"),
        End: date("2026-11-30"),
        "Commission rate": 0.2,
      },
      {
        "Campaign ID": "C-2",
        Lane: "Open",
        SKUs: "SKU-2",
        Start: date("2026-10-01"),
        End: date("2026-12-31"),
        "Commission rate": 0.12,
      },
    ]),
    Creators: grid("Creators", [{ Creator: "amy" }, { Creator: "ben" }]),
    Collaborations: grid("Collaborations", [
      { "Collab ID": "K-1", "Campaign ID": "C-1", Creator: "amy" },
      { "Collab ID": "K-2", "Campaign ID": "C-2", Creator: "ben", SKU: "SKU-2", GMV: 999 },
      ...(extra.Collaborations ?? []),
    ]),
    Orders: grid("Orders", extra.Orders ?? []),
  };
}

const AFFILIATE = [
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
  "Campaign tag",
];

function affiliateExport(rows: unknown[][]): unknown[][] {
  return [AFFILIATE, ...rows];
}

function plan(
  source: unknown[][],
  tabs = workbook(),
  mapping: Record<string, string> = {},
  addCreators = false,
  money?: MoneyStyle,
) {
  const outcome = planImport({
    source,
    sourceTab: "Export",
    request: { mapping, addCreators },
    remembered: {},
    tabs,
    calendar,
    ...(money ? { money } : {}),
  });
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join("; "));
  return outcome.plan;
}

/** Applies a plan's writes to the tabs, as the shell would. */
function apply(tabs: ImportTabs, writes: ReturnType<typeof plan>["writes"]): ImportTabs {
  const next: ImportTabs = Object.fromEntries(
    Object.entries(tabs).map(([name, rows]) => [name, rows?.map((row) => [...row])]),
  );
  for (const write of writes) {
    const rows = next[write.tab] as unknown[][];
    write.values.forEach((values, offset) => {
      const at = write.row - 1 + offset;
      rows[at] ??= Array.from({ length: rows[0]?.length ?? 0 }, () => "");
      const row = rows[at];
      values.forEach((value, column) => {
        row[write.column - 1 + column] =
          typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;
      });
    });
  }
  return next;
}

const row = (
  id: string,
  sku: string,
  creator: string,
  created: string,
  amount: unknown,
  status = "Settled",
  est: unknown = "",
  ads: unknown = "",
) => [id, "", sku, "x", creator, "Video", created, amount, 1, status, est, ads, "spring"];

describe("recognizing an export", () => {
  it("reads Seller Center's order export headers, descriptions row included", () => {
    const headers = [
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
      "Recipient",
    ];
    const recognized = recognizeExport(headers, {}, ["Platform unique order ID.", "Current order status."]);
    expect(recognized.ok && recognized.export.kind).toBe("orders");
    expect(recognized.ok && recognized.export.unknown).toEqual([]);
    expect(recognized.ok && recognized.export.missing).toEqual([]);
    expect(recognized.ok && recognized.export.descriptionRow).toBe(true);
  });

  it("tells the affiliate export apart and lists columns it does not know", () => {
    const recognized = recognizeExport(AFFILIATE);
    expect(recognized.ok && recognized.export.kind).toBe("affiliate");
    expect(recognized.ok && recognized.export.unknown).toEqual(["Campaign tag"]);
  });

  it("refuses a tab that is not an export, naming what it found", () => {
    const recognized = recognizeExport(["Collab ID", "Campaign ID", "Creator"]);
    expect(recognized.ok).toBe(false);
    expect(!recognized.ok && recognized.message).toContain("Collab ID, Campaign ID, Creator");
  });

  it("reads amounts and date orders as exports write them", () => {
    expect(readAmount("$1,234.50")).toBe(1234.5);
    expect(readAmount("1.234,50 €")).toBe(1234.5);
    expect(readAmount("12,5")).toBe(12.5);
    expect(readAmount("abc")).toBeUndefined();
    expect(dateOrderOf(["25/11/2026 10:00:00", "03/04/2026"])).toEqual({ order: "day-first", certain: true });
    expect(dateOrderOf(["11/25/2026", "25/11/2026"])).toEqual({ conflict: ["25/11/2026", "11/25/2026"] });
  });
});

describe("the import plan", () => {
  const source = affiliateExport([
    row("5001", "SKU-1", "amy", "11/10/2026 09:30:00", "$40.00", "Settled", "8.00"),
    row("5002", "SKU-2", "ben", "11/12/2026", "30", "Pending", "3.60"),
    row("5003", "SKU-9", "amy", "11/12/2026", "30"),
    row("5004", "SKU-1", "amy", "", "30"),
    row("5001", "SKU-1", "amy", "11/10/2026", "40"),
    row("5005", "SKU-1", "amy", "11/13/2026", "forty"),
    row("5006", "SKU-1", "cleo", "11/14/2026", "10", "Settled", "1.00"),
  ]);

  it("counts new rows and says why each other row is skipped", () => {
    const { preview } = plan(source);
    expect(preview.kind).toBe("affiliate");
    expect(preview.rowsRead).toBe(7);
    expect(preview.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 4 });
    expect(preview.skipped).toEqual([
      { row: 4, reason: "unknown SKU SKU-9 (not on Products)" },
      { row: 5, reason: "no date" },
      { row: 6, reason: "duplicate of row 2 (same Order ID and SKU)" },
      { row: 7, reason: "Payment amount is “forty”, not an amount" },
    ]);
    expect(preview.creatorsToAdd).toEqual(["cleo"]);
    expect(preview.canImport).toBe(true);
  });

  it("matches each order to the covering collaboration and prices it", () => {
    const { writes } = plan(source);
    const tabs = apply(workbook(), writes);
    const [header = [], ...orders] = tabs.Orders ?? [];
    const records = orders.map((cells) =>
      Object.fromEntries(header.map((name, index) => [String(name), cells[index]])),
    );
    expect(
      records.map((record) => [
        record["Order ID"],
        record["Collab ID"],
        record["Applied rate"],
        record["Expected commission"],
        record["Commission gap"],
      ]),
    ).toEqual([
      ["5001", "K-1", 0.2, 8, 0],
      ["5002", "K-2", 0.12, 3.6, 0],
      ["5006", "", 0.1, 1, 0],
    ]);
    // GMV filled where blank (K-1); K-2's typed 999 is kept and reported as a difference.
    const collabs = tabs.Collaborations ?? [];
    expect(collabs[1]?.[GMV]).toBe(40);
    expect(collabs[1]?.[ADS_GMV]).toBe("");
    expect(collabs[2]?.[GMV]).toBe(999);
    expect((collabs[1]?.[FIRST_SALE] as Date | undefined)?.getTime()).toBe(date("2026-11-10").getTime());
    expect(plan(source).preview.collaborations.differences).toEqual([
      { collabId: "K-2", column: "GMV", typed: "$999.00", fromOrders: "$30.00" },
    ]);
  });

  it("adds nothing twice and updates what changed on a second import", () => {
    const tabs = apply(workbook(), plan(source, workbook(), {}, true).writes);
    const again = plan(source, tabs);
    expect(again.preview.counts).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 4 });
    expect(again.writes).toEqual([]);
    expect(again.preview.canImport).toBe(false);
    const refunded = affiliateExport([row("5001", "SKU-1", "amy", "11/10/2026", "40", "Refunded", "0")]);
    const update = plan(refunded, tabs);
    expect(update.preview.counts).toEqual({ new: 0, updated: 1, unchanged: 0, skipped: 0 });
    expect(update.preview.updates[0]?.changes).toBe(
      "Status Settled → Refunded, Platform commission $8.00 → $0.00",
    );
    // Only the updated order's cells are written, each confirmed against the cell as read.
    const orders = tabs.Orders ?? [];
    const orderRow = orders.findIndex((cells) => cells[(orders[0] ?? []).indexOf("Order ID")] === "5001") + 1;
    const orderWrites = update.writes.filter((write) => write.tab === "Orders");
    expect(orderWrites.map((write) => write.headers[0])).toEqual([
      "status",
      "platform commission",
      "expected commission",
    ]);
    for (const write of orderWrites) {
      expect([write.row, write.values.length]).toEqual([orderRow, 1]);
      expect(write.expected).toEqual([[orders[orderRow - 1]?.[write.column - 1]]]);
    }
    // The refunded order no longer counts: K-1's GMV, filled from orders, follows it.
    const after = apply(tabs, update.writes);
    expect(after.Collaborations?.[1]?.[GMV]).toBe(0);
    expect(after.Collaborations?.[1]?.[FIRST_SALE]).toBe("");
  });

  it("spans a column's block from its first changed cell to its last", () => {
    const at = (...offsets: number[]) => Array.from({ length: 40 }, (_, offset) => offsets.includes(offset));
    expect(changedSpan(at())).toBeUndefined();
    expect(changedSpan(at(7))).toEqual([7, 7]);
    expect(changedSpan(at(3, 9, 30))).toEqual([3, 30]);
  });

  it("waits for a required column to be mapped, then remembers the mapping", () => {
    const headers = [
      "Order ID",
      "Seller SKU",
      "Influencer",
      "Time created",
      "Payment amount",
      "Est. commission",
    ];
    const unmapped = plan([headers, ["7001", "SKU-1", "amy", "2026-11-10", "10", "2"]]);
    expect(unmapped.preview.missing).toEqual(["Creator username"]);
    expect(unmapped.preview.columns).toEqual([{ header: "Influencer", field: "" }]);
    expect(unmapped.preview.canImport).toBe(false);
    const mapped = plan([headers, ["7001", "SKU-1", "amy", "2026-11-10", "10", "2"]], workbook(), {
      Influencer: "creator",
    });
    expect(mapped.preview.missing).toEqual([]);
    expect(mapped.preview.counts.new).toBe(1);
    expect(mapped.remember).toEqual({ kind: "affiliate", mapping: { influencer: "creator" } });
  });

  it("refuses dates written two ways, and a tab without an Orders tab to fill", () => {
    const mixed = affiliateExport([
      row("1", "SKU-1", "amy", "25/11/2026", "1"),
      row("2", "SKU-1", "amy", "11/25/2026", "1"),
    ]);
    const outcome = planImport({
      source: mixed,
      sourceTab: "Export",
      request: { mapping: {}, addCreators: false },
      remembered: {},
      tabs: workbook(),
      calendar,
    });
    expect(!outcome.ok && outcome.errors[0]?.message).toContain("two formats");
    const noOrders = planImport({
      source,
      sourceTab: "Export",
      request: { mapping: {}, addCreators: false },
      remembered: {},
      tabs: { ...workbook(), Orders: null },
      calendar,
    });
    expect(!noOrders.ok && noOrders.errors[0]?.message).toContain("Set up workbook");
  });

  it("lets the daily check price the orders again when a collaboration changes, and only then", () => {
    const tabs = apply(workbook(), plan(source).writes);
    expect(planOrderRefresh(tabs, calendar).writes).toEqual([]);
    // K-1 cancelled: amy's orders fall back to the Open plan (10%), with no collaboration.
    const cancelled = apply(tabs, []);
    const header = cancelled.Collaborations?.[0] ?? [];
    (cancelled.Collaborations?.[1] as unknown[])[header.indexOf("Cancelled")] = "Yes";
    const refresh = planOrderRefresh(cancelled, calendar);
    expect(refresh.writes.map((write) => write.headers[0])).toEqual([
      "collab id",
      "applied rate",
      "expected commission",
      "commission gap",
    ]);
    const after = apply(cancelled, refresh.writes).Orders ?? [];
    expect(after[1]?.slice(10)).toEqual(["", 0.1, 4, 4]);
    expect(refresh.guards[0]?.keys[0]).toEqual(["5001", "5002", "5006"]);
  });

  it("skips an Order ID that Sheets turned into a number and so lost its digits, saying how to fix it", () => {
    const { preview } = plan(
      affiliateExport(
        [row("", "SKU-1", "amy", "11/10/2026", "1")].map((cells) => [
          Number("576400000000002561"),
          ...cells.slice(1),
        ]),
      ),
    );
    expect(preview.skipped[0]?.reason).toContain(
      "Order ID is “576400000000002560”, not an Order ID with all its digits",
    );
    expect(preview.skipped[0]?.reason).toContain("Convert text to numbers, dates and formulas");
    expect(
      plan(affiliateExport([["5001", ...row("", "SKU-1", "amy", "11/10/2026", "1").slice(1)]])).preview.counts
        .new,
    ).toBe(1);
  });

  it("prices ad orders on the Shop Ads ladder: the Target campaign's ads rate, else the Open plan's, else the standard rate", () => {
    const tabs = workbook();
    const campaigns = tabs.Campaigns as unknown[][];
    (campaigns[1] as unknown[])[(campaigns[0] ?? []).indexOf("Ads rate")] = 0.05;
    const products = tabs.Products as unknown[][];
    const openAds = (products[0] ?? []).indexOf("Open ads rate");
    (products[2] as unknown[])[openAds] = 0.08;
    const ads = affiliateExport([
      row("8001", "SKU-1", "amy", "11/10/2026", "100", "Settled", "0", "5"),
      row("8002", "SKU-2", "cleo", "11/10/2026", "100", "Settled", "0", "8"),
      row("8003", "SKU-1", "cleo", "11/10/2026", "100", "Settled", "0", "10"),
    ]);
    const orders = apply(tabs, plan(ads, tabs).writes).Orders ?? [];
    expect(orders.slice(1).map((cells) => [cells[0], cells[6], cells[11], cells[12]])).toEqual([
      ["8001", "Yes", 0.05, 5],
      ["8002", "Yes", 0.08, 8],
      ["8003", "Yes", 0.1, 10],
    ]);
  });

  it("shows every amount of the preview in the Currency and the spreadsheet's locale, and writes numbers", () => {
    const EUR = { currency: "EUR", locale: "de_DE" };
    const JPY = { currency: "JPY", locale: "en_US" };
    const orders = affiliateExport([
      row("9001", "SKU-1", "amy", "11/10/2026", "1234.5", "Settled", "246.90"),
      row("9002", "SKU-2", "ben", "11/12/2026", "30", "Pending", "3.60"),
    ]);
    const euro = plan(orders, workbook(), {}, false, EUR);
    expect(euro.preview.money).toEqual(EUR);
    expect(euro.preview.additions.map((line) => line.summary)).toEqual([
      "2026-11-10, @amy, 1.234,50 €, Settled",
      "2026-11-12, @ben, 30,00 €, Pending",
    ]);
    expect(euro.preview.collaborations.differences).toEqual([
      { collabId: "K-2", column: "GMV", typed: "999,00 €", fromOrders: "30,00 €" },
    ]);
    expect(euro.preview.collaborations.differenceCount).toBe(1);
    // The reconciliation stays numbers: the sidebar formats it with `money`.
    expect(euro.preview.reconciliation.map((line) => [line.campaignId, line.platform])).toEqual([
      ["C-1", 246.9],
      ["C-2", 3.6],
    ]);
    expect(euro.preview.reconciliationCount).toBe(2);
    // What is written stays a number, whatever the preview says.
    const tabs = apply(workbook(), euro.writes);
    const header = tabs.Orders?.[0] ?? [];
    expect(tabs.Orders?.slice(1).map((cells) => cells[header.indexOf("Amount")])).toEqual([1234.5, 30]);
    expect(tabs.Collaborations?.[1]?.[GMV]).toBe(1234.5);
    expect(euro.writes).toEqual(plan(orders).writes);

    // Yen have no decimals: new orders and the changes of an update alike.
    const yen = plan(orders, workbook(), {}, false, JPY);
    expect(yen.preview.additions[0]?.summary).toBe("2026-11-10, @amy, ¥1,235, Settled");
    const refunded = affiliateExport([row("9001", "SKU-1", "amy", "11/10/2026", "1000", "Refunded", "0")]);
    expect(plan(refunded, tabs, {}, false, JPY).preview.updates).toEqual([
      {
        order: "9001 / SKU-1",
        changes: "Amount ¥1,235 → ¥1,000, Status Settled → Refunded, Platform commission ¥247 → ¥0",
      },
    ]);
  });

  it("knows a creator however the handle is typed: @Amy, ' amy ' and AMY are one creator", () => {
    const tabs = workbook();
    tabs.Creators = grid("Creators", [{ Creator: "@Amy" }, { Creator: "ben" }]);
    const handles = affiliateExport([
      row("6001", "SKU-1", " amy ", "11/10/2026", "10"),
      row("6002", "SKU-1", "AMY", "11/10/2026", "10"),
      row("6003", "SKU-1", "@amy", "11/10/2026", "10"),
      row("6004", "SKU-1", "zed", "11/10/2026", "10"),
      row("6005", "SKU-1", "@Zed ", "11/10/2026", "10"),
      row("6006", "SKU-1", " ZED", "11/10/2026", "10"),
    ]);
    const { preview, writes } = plan(handles, tabs, {}, true);
    expect(preview.creatorsToAdd).toEqual(["zed"]);
    expect(preview.creatorsToAddCount).toBe(1);
    const after = apply(tabs, writes);
    expect(after.Creators?.slice(1).map((cells) => cells[0])).toEqual(["@Amy", "ben", "zed"]);
    // Each of amy's spellings is matched to amy's collaboration.
    const header = after.Orders?.[0] ?? [];
    expect(after.Orders?.slice(1).map((cells) => cells[header.indexOf("Collab ID")])).toEqual([
      "K-1",
      "K-1",
      "K-1",
      "",
      "",
      "",
    ]);
  });

  it("counts every typed value that differs from the orders, beyond the ones it lists", () => {
    const typed = Array.from({ length: 60 }, (_, index) => ({
      "Collab ID": `K-${100 + index}`,
      "Campaign ID": "C-2",
      Creator: `c${index}`,
      SKU: "SKU-2",
      GMV: 1,
    }));
    const orders = affiliateExport(
      typed.map((_, index) => row(`70${index}`, "SKU-2", `c${index}`, "11/12/2026", "30")),
    );
    const { preview } = plan(orders, workbook({ Collaborations: typed }));
    expect(preview.collaborations.differences).toHaveLength(50);
    expect(preview.collaborations.differenceCount).toBe(60);
  });

  it("says what a confirm writes besides orders: creators added, orders priced again", () => {
    const tabs = apply(workbook(), plan(source).writes);
    // Only cleo to add: the orders are all on the tab already.
    const creatorsOnly = plan(source, tabs, {}, true).preview;
    expect(creatorsOnly.counts).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 4 });
    expect([creatorsOnly.creatorsAdded, creatorsOnly.rematched]).toEqual([1, 0]);
    expect(creatorsOnly.canImport).toBe(true);
    expect(plan(source, tabs).preview.creatorsAdded).toBe(0);
    // Without a Creator column there is nowhere to add creators: none is offered, none promised.
    const noColumn = plan(source, { ...tabs, Creators: [["Handle"], ["amy"]] }, {}, true);
    expect([noColumn.preview.creatorsToAddCount, noColumn.preview.creatorsAdded]).toEqual([0, 0]);
    expect(noColumn.writes.some((write) => write.tab === "Creators")).toBe(false);

    // K-1 cancelled since: amy's order 5001, unchanged in the export, is matched and priced again.
    const cancelled = apply(tabs, []);
    (cancelled.Collaborations?.[1] as unknown[])[(cancelled.Collaborations?.[0] ?? []).indexOf("Cancelled")] =
      "Yes";
    const again = plan(source, cancelled).preview;
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 4 });
    expect([again.rematched, again.creatorsAdded]).toEqual([1, 0]);
    expect(again.canImport).toBe(true);
    expect(plan(source).preview.collaborations.filled).toBe(3);
  });

  it("parses the sidebar's request at the door", () => {
    expect(parseImportRequest({ sourceTab: "Export" })).toEqual({
      sourceTab: "Export",
      mapping: {},
      addCreators: false,
      fingerprint: "",
    });
    expect(parseImportRequest({ sourceTab: 3 })).toBeUndefined();
    expect(parseImportRequest({ sourceTab: "x", mapping: { a: { b: 1 } } })).toBeUndefined();
  });
});

/**
 * One rate rule for a sale: the Seller Center import / Orders refresh (order-pricing) and the daily
 * check's Applied rate (checks/collaborations) both call `saleRate` and `creatorKey`, so for the
 * same facts they agree.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type Day, dayFromIso, zoneCalendar } from "../../src/domain/day";
import { computeChecks } from "../../src/features/checks";
import { type OrderValues, orderPricer } from "../../src/features/order-pricing";
import { teamTab } from "../support/team-tabs";

const calendar = zoneCalendar("America/Los_Angeles");
const today = dayFromIso("2026-11-25") as Day;
const on = (offset: number) => calendar.midnightOf(today + offset);

type Rows = Record<string, unknown>[];

const tab = teamTab;

function campaign(id: string, lane: string, extra: Record<string, unknown> = {}) {
  return {
    "Campaign ID": id,
    Name: id,
    Objective: "Organic test",
    Lane: lane,
    SKUs: "SKU-1",
    Start: on(-10),
    End: on(20),
    "Content types": "Short video",
    "Payment model": "Commission only",
    "Sample policy": "No sample",
    Amplification: "None",
    Owner: "maya@example.com",
    Status: "Live",
    ...extra,
  };
}

const collab = (id: string, campaignId: string, creator: string, extra: Record<string, unknown> = {}) => ({
  "Collab ID": id,
  "Campaign ID": campaignId,
  Creator: creator,
  SKU: "SKU-1",
  Invited: on(-12),
  Accepted: on(-9),
  "Link kept": "Yes",
  ...extra,
});

interface Workbook {
  products: Rows;
  campaigns: Rows;
  collabs: Rows;
}

function tabsOf(book: Workbook) {
  return {
    Products: tab("Products", book.products),
    Campaigns: tab("Campaigns", book.campaigns),
    Creators: tab("Creators", []),
    Collaborations: tab("Collaborations", book.collabs),
    Samples: tab("Samples", []),
    Authorizations: tab("Authorizations", []),
    Settings: tab("Settings", []),
  };
}

const checked = (book: Workbook) => computeChecks({ today, calendar, tabs: tabsOf(book) });
const appliedRate = (book: Workbook, collabId: string) =>
  checked(book).owned.get("Collaborations")?.get(collabId)?.["Applied rate"];

const order = (adOrder: boolean): OrderValues => ({
  orderId: "O-1",
  sku: "SKU-1",
  created: today,
  creator: "amy",
  amount: 100,
  adOrder,
  contentType: "Short video",
  status: "Completed",
});
const priced = (book: Workbook, adOrder: boolean) =>
  orderPricer(tabsOf(book), calendar).price(order(adOrder));

const product = { SKU: "SKU-1", Product: "Glow serum", Price: 30, "Stock on hand": 500, "Open rate": 0.1 };

describe("the rate of a sale", () => {
  it("pays an ad order the Partner campaign's ads rate even where a Target collaboration covers it", () => {
    const book = {
      products: [product],
      campaigns: [
        campaign("P-1", "Partner", { "Commission rate": 0.12, "Ads rate": 0.25 }),
        campaign("T-1", "Target", { "Commission rate": 0.15, "Ads rate": 0.05 }),
      ],
      collabs: [collab("K-P", "P-1", "amy"), collab("K-T", "T-1", "amy")],
    };
    expect(priced(book, true)).toMatchObject({ collabId: "K-P", campaignId: "P-1", rate: 0.25 });
    expect(priced(book, false)).toMatchObject({ collabId: "K-P", rate: 0.12 });
    expect(appliedRate(book, "K-P")).toBe(0.12);
  });

  it("reads `@amy` and `amy` as one creator in the daily check, as the import does", () => {
    const book = {
      products: [product],
      campaigns: [campaign("T-1", "Target", { "Commission rate": 0.2 }), campaign("O-1", "Open")],
      collabs: [collab("K-T", "T-1", "@amy"), collab("K-O", "O-1", "amy")],
    };
    expect(priced(book, false)).toMatchObject({ collabId: "K-T", rate: 0.2 });
    expect(appliedRate(book, "K-O")).toBe(0.2);
  });

  it("gives a row with only Ads GMV its effective commission from the Open ads rate alone", () => {
    const book = {
      products: [{ ...product, "Open rate": "", "Open ads rate": 0.05 }],
      campaigns: [campaign("O-1", "Open")],
      collabs: [collab("K-O", "O-1", "amy", { "Ads GMV": 100 })],
    };
    expect(priced(book, true)).toMatchObject({ collabId: "K-O", rate: 0.05 });
    expect(checked(book).owned.get("Collaborations")?.get("K-O")?.["Effective commission"]).toBeCloseTo(
      0.05,
      12,
    );
  });

  it("shows a Target campaign that has not started at its own rate, read on its first day", () => {
    const book = {
      products: [product],
      campaigns: [campaign("T-1", "Target", { "Commission rate": 0.2, Start: on(5), End: on(30) })],
      collabs: [collab("K-T", "T-1", "amy")],
    };
    expect(appliedRate(book, "K-T")).toBe(0.2);
    // Once it ended, its last day.
    const ended = {
      ...book,
      campaigns: [campaign("T-1", "Target", { "Commission rate": 0.2, End: on(-1) })],
    };
    expect(appliedRate(ended, "K-T")).toBe(0.2);
  });
});

describe("the import and the daily check agree", () => {
  const rate = fc.option(fc.constantFrom(0.05, 0.1, 0.15, 0.2, 0.25), { nil: undefined });
  const handle = fc.constantFrom("amy", "@amy", " AMY ", "@Amy", "bo");
  const lanes = fc.array(
    fc.record({
      lane: fc.constantFrom("Target", "Partner", "Open"),
      creator: handle,
      rate,
      adsRate: rate,
      start: fc.integer({ min: -30, max: 0 }),
      end: fc.integer({ min: 0, max: 30 }),
      ownSku: fc.boolean(),
    }),
    { maxLength: 5 },
  );
  const openRates = fc.record({ rate, adsRate: rate });

  test.prop([lanes, openRates, fc.boolean()], { numRuns: 300 })(
    "the row a sale is matched to shows the rate the order is priced at",
    (rows, open, adOrder) => {
      const book: Workbook = {
        products: [{ ...product, "Open rate": open.rate ?? "", "Open ads rate": open.adsRate ?? "" }],
        campaigns: rows.map((row, index) =>
          campaign(`C-${index}`, row.lane, {
            "Commission rate": row.rate ?? "",
            "Ads rate": row.adsRate ?? "",
            Start: on(row.start),
            End: on(row.end),
          }),
        ),
        // Ads GMV only: the check's effective commission is then exactly the row's ads rate.
        collabs: rows.map((row, index) =>
          collab(`K-${index}`, `C-${index}`, row.creator, { SKU: row.ownSku ? "SKU-1" : "", "Ads GMV": 100 }),
        ),
      };
      const price = priced(book, adOrder);
      const owned = checked(book).owned.get("Collaborations");
      if (!price?.collabId) {
        expect(price?.rate).toBe(adOrder ? (open.adsRate ?? open.rate) : open.rate);
        return;
      }
      const row = owned?.get(price.collabId);
      if (adOrder) {
        if (price.rate === undefined) expect(row?.["Applied rate"]).toBe("");
        else expect(row?.["Effective commission"]).toBeCloseTo(price.rate, 12);
      } else expect(row?.["Applied rate"]).toBe(price.rate ?? "");
    },
  );
});

import { describe, expect, it } from "vitest";
import {
  BRIEF_FIELD_HEADERS,
  BRIEF_FIELDS,
  type BriefContext,
  checkBrief,
  OBJECTIVE_NEEDS,
} from "../../src/domain/brief";

const valid = {
  campaignId: "C-001",
  name: "Holiday launch",
  objective: "Organic test",
  lane: "Open",
  skus: ["SKU-1", "SKU-2"],
  start: "2026-12-01",
  end: "2026-12-20",
  contentTypes: ["Short video"],
  paymentModel: "Commission only",
  commissionRate: 0.15,
  samplePolicy: "Free sample",
  ownerEmail: "owner@shop.com",
};

const products: BriefContext = {
  products: [
    { sku: "SKU-1", stockOnHand: 100, openRate: 0.15 },
    { sku: "SKU-2", stockOnHand: 50, openRate: 0.1 },
  ],
};

const fieldsOf = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe("campaign brief", () => {
  it("accepts a valid brief and fills defaults", () => {
    const check = checkBrief(valid, products);
    expect(check.errors).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.brief).toMatchObject({ status: "Draft", liveRequired: false, amplification: "None" });
  });

  it("names each bad or missing field", () => {
    const check = checkBrief({
      ...valid,
      name: " ",
      objective: "Growth",
      commissionRate: 15,
      start: "2026-02-30",
    });
    expect(check.ok).toBe(false);
    expect(check.brief).toBeUndefined();
    expect(fieldsOf(check.errors).sort()).toEqual(["commissionRate", "name", "objective", "start"]);
    expect(check.errors.find((error) => error.field === "name")?.message).toBe("Name is required");
    expect(check.errors.find((error) => error.field === "objective")?.message).toContain("Event spike");
    expect(checkBrief(null).errors.length).toBeGreaterThan(5);
    expect(checkBrief({ ...valid, ownerEmail: "owner" }).errors[0]?.field).toBe("ownerEmail");
  });

  it("requires End on or after Start", () => {
    expect(fieldsOf(checkBrief({ ...valid, end: "2026-11-30" }).errors)).toEqual(["end"]);
    expect(checkBrief({ ...valid, end: "2026-12-01" }).ok).toBe(true);
  });

  const live = { ...valid, liveRequired: true, contentTypes: ["LIVE"] };
  const warned = (input: unknown, context?: BriefContext) => {
    const check = checkBrief(input, context);
    expect(check.errors).toEqual([]);
    return fieldsOf(check.warnings);
  };

  it("warns when the flash sale leaves the collaboration window, and refuses one that ends before it starts", () => {
    const flash = { ...live, flashSaleStart: "2026-12-05", flashSaleEnd: "2026-12-06", flashSalePrice: 9.99 };
    expect(checkBrief(flash).ok).toBe(true);
    expect(warned(flash)).toEqual([]);
    expect(warned({ ...flash, flashSaleStart: "2026-11-30" })).toEqual(["flashSaleStart"]);
    expect(warned({ ...flash, flashSaleEnd: "2026-12-21" })).toEqual(["flashSaleEnd"]);
    expect(checkBrief({ ...flash, flashSaleEnd: "2026-12-21" }).warnings[0]?.message).toBe(
      "Flash sale end (2026-12-21) is outside the window 2026-12-01 to 2026-12-20: creators can run the flash sale only while the collaboration is valid",
    );
    expect(fieldsOf(checkBrief({ ...flash, flashSaleEnd: "2026-12-04" }).errors)).toEqual(["flashSaleEnd"]);
    expect(fieldsOf(checkBrief({ ...flash, flashSaleEnd: undefined }).errors)).toEqual(["flashSaleEnd"]);
  });

  it("offers a flash sale only when LIVE is required", () => {
    const flash = { flashSaleStart: "2026-12-05", flashSaleEnd: "2026-12-06" };
    const noLive = checkBrief({ ...valid, ...flash });
    expect(noLive.errors.map(({ field, rule }) => [field, rule])).toEqual([
      ["liveRequired", "flashSaleNeedsLive"],
    ]);
    expect(checkBrief({ ...valid, ...flash, liveRequired: true }).ok).toBe(true);
    // LIVE as a content type is not enough: recruiting must insist on LIVE-capable creators.
    expect(checkBrief({ ...valid, ...flash, contentTypes: ["Short video", "LIVE"] }).ok).toBe(false);
  });

  it("warns when the authorization or the collaboration ends before the planned amplification", () => {
    const amp = {
      ...valid,
      amplification: "Shop Ads",
      amplificationStart: "2026-12-05",
      amplificationEnd: "2026-12-11",
      authDaysNeeded: 7,
    };
    expect(checkBrief(amp).ok).toBe(true);
    expect(warned(amp)).toEqual([]);
    expect(warned({ ...amp, authDaysNeeded: 6 })).toEqual(["authDaysNeeded"]);
    expect(checkBrief({ ...amp, authDaysNeeded: 6 }).warnings[0]?.message).toBe(
      "Auth days needed (6) is shorter than the 7-day amplification (2026-12-05 to 2026-12-11): ads on creator posts stop when the authorization expires",
    );
    expect(warned({ ...amp, authDaysNeeded: undefined })).toEqual(["authDaysNeeded"]);
    expect(warned({ ...amp, amplificationEnd: "2026-12-22", authDaysNeeded: 30 })).toEqual([
      "amplificationEnd",
    ]);
    expect(fieldsOf(checkBrief({ ...amp, amplificationEnd: "2026-12-04" }).errors)).toEqual([
      "amplificationEnd",
    ]);
    expect(fieldsOf(checkBrief({ ...amp, amplificationStart: undefined }).errors)).toEqual([
      "amplificationStart",
    ]);
    expect(warned({ ...amp, amplification: "Affiliate creative commission" })).toEqual(["adsRate"]);
  });

  it("warns when reserved inventory is above a SKU's own stock on hand, and refuses unknown SKUs", () => {
    // 50 of each SKU fits both; the old check compared 150 with the summed stock (100 + 50).
    expect(warned({ ...valid, reservedInventory: 50 }, products)).toEqual([]);
    const over = checkBrief({ ...valid, reservedInventory: 100 }, products);
    expect(over.ok).toBe(true);
    expect(fieldsOf(over.warnings)).toEqual(["reservedInventory"]);
    expect(over.warnings[0]?.message).toBe(
      "Reserved inventory of SKU-2 (100) is more than its stock on hand (50): creators may sell units you cannot ship",
    );
    expect(over.warnings[0]?.rule).toBe("reservedOverStock");
    // Per SKU, matched like IDs everywhere.
    expect(warned({ ...valid, reservedInventory: "sku-1 : 100, SKU-2: 50" }, products)).toEqual([]);
    expect(fieldsOf(checkBrief({ ...valid, reservedInventory: "SKU-1: 101" }, products).warnings)).toEqual([
      "reservedInventory",
    ]);
    const strange = checkBrief({ ...valid, reservedInventory: "SKU-3: 10" }, products);
    expect(strange.errors.map((issue) => issue.message)).toEqual([
      "Reserved inventory: SKU-3 is not one of the campaign's SKUs",
    ]);
    expect(checkBrief({ ...valid, reservedInventory: "lots" }, products).errors[0]?.message).toBe(
      'Reserved inventory: expected SKU: units (like SKU-1: 100), got "lots"',
    );
    expect(fieldsOf(checkBrief({ ...valid, skus: ["SKU-9"] }, products).errors)).toEqual(["skus"]);
  });

  it("refuses ads rates outside 1% to 80%, and warns below a chosen SKU's Open ads rate", () => {
    const withAds = { products: [{ sku: "SKU-1", stockOnHand: 100, openAdsRate: 0.06 }, { sku: "SKU-2" }] };
    expect(checkBrief({ ...valid, adsRate: 0.005 }).errors[0]?.message).toBe(
      "Ads rate: expected an ads rate from 1% to 80% (5% = 0.05)",
    );
    expect(checkBrief({ ...valid, adsRate: 0.81 }).ok).toBe(false);
    expect(checkBrief({ ...valid, adsRate: 0.8 }).ok).toBe(true);
    expect(checkBrief({ ...valid, adsRate: 0.01 }).ok).toBe(true);
    const below = checkBrief({ ...valid, adsRate: 0.05 }, withAds);
    expect(below.warnings.map((issue) => [issue.rule, issue.message])).toEqual([
      [
        "adsRateBelowOpen",
        "Ads rate 5% is below the Open ads rate 6% of SKU-1: the platform prompts for this, and it is almost always a mistake",
      ],
    ]);
    expect(checkBrief({ ...valid, adsRate: 0.06 }, withAds).warnings).toEqual([]);
  });

  it("takes Partner as a lane", () => {
    expect(checkBrief({ ...valid, lane: "Partner" }).ok).toBe(true);
  });

  it("insists on what each objective needs, field by field", () => {
    const spike = checkBrief({ ...valid, objective: "Event spike" });
    expect(fieldsOf(spike.errors)).toEqual([
      "liveRequired",
      "flashSaleStart",
      "flashSaleEnd",
      "reservedInventory",
    ]);
    expect(spike.errors[3]?.message).toBe(
      "Reserved inventory is required: an Event spike needs a creator flash sale, run by LIVE creators, and reserved inventory",
    );
    expect(fieldsOf(checkBrief({ ...live, objective: "Event spike", reservedInventory: 5 }).errors)).toEqual([
      "flashSaleStart",
      "flashSaleEnd",
    ]);
    expect(
      checkBrief(
        {
          ...live,
          objective: "Event spike",
          flashSaleStart: "2026-12-05",
          flashSaleEnd: "2026-12-05",
          reservedInventory: 20,
        },
        products,
      ).ok,
    ).toBe(true);
    expect(fieldsOf(checkBrief({ ...valid, objective: "Ad-asset recovery" }).errors)).toEqual([
      "authDaysNeeded",
    ]);
    expect(checkBrief({ ...valid, objective: "Ad-asset recovery", authDaysNeeded: 30 }).ok).toBe(true);
    expect(fieldsOf(checkBrief({ ...valid, objective: "LIVE momentum" }).errors)).toEqual(["liveRequired"]);
    expect(checkBrief({ ...valid, objective: "LIVE momentum", liveRequired: true }).ok).toBe(true);
  });

  it("lists for each objective only fields of the brief", () => {
    for (const [objective, needs] of Object.entries(OBJECTIVE_NEEDS)) {
      for (const field of needs.fields) expect(BRIEF_FIELDS[field], objective).toBeDefined();
      expect(needs.fields.length === 0, objective).toBe(needs.why === "");
    }
  });

  it("needs a fee and a due period for a flat fee, and warns about a fee under commission only", () => {
    const flat = { ...valid, paymentModel: "Flat fee + commission", commissionRate: 0 };
    expect(fieldsOf(checkBrief(flat).errors).sort()).toEqual(["contentDueDays", "flatFee"]);
    expect(checkBrief({ ...flat, flatFee: 300, contentDueDays: 14 }).ok).toBe(true);
    const ignored = checkBrief({ ...valid, flatFee: 300 });
    expect(ignored.ok).toBe(true);
    expect(fieldsOf(ignored.warnings)).toEqual(["flatFee"]);
  });

  it("warns, without blocking, about a Target rate below the Open rate", () => {
    const below = checkBrief({ ...valid, lane: "Target", commissionRate: 0.12 }, products);
    expect(below.ok).toBe(true);
    expect(below.warnings).toEqual([
      {
        field: "commissionRate",
        rule: "targetBelowOpen",
        message:
          "Target rate 12% is below the Open rate 15% of SKU-1: creators will earn the lower Target rate",
      },
    ]);
    expect(checkBrief({ ...valid, lane: "Open", commissionRate: 0.12 }, products).warnings).toEqual([]);
    expect(checkBrief({ ...valid, lane: "Target", commissionRate: 0.15 }, products).warnings).toEqual([]);
  });

  it("treats blank form fields as not given", () => {
    expect(checkBrief({ ...valid, flatFee: "", flashSaleStart: " ", budget: null }).ok).toBe(true);
  });

  it("describes every brief field, for the sidebar", () => {
    expect(Object.keys(BRIEF_FIELDS).sort()).toEqual(Object.keys(BRIEF_FIELD_HEADERS).sort());
    expect(checkBrief({ ...valid, status: "Live" }).ok).toBe(true);
    expect(checkBrief({ ...valid, notes: "Ship before the 3rd." }).brief?.notes).toBe("Ship before the 3rd.");
    // A cell holds 50,000 characters, one of them the apostrophe that keeps the text as text.
    expect(checkBrief({ ...valid, notes: "x".repeat(49_999) }).ok).toBe(true);
    expect(checkBrief({ ...valid, notes: "x".repeat(50_000) }).errors[0]?.message).toBe(
      "Notes: at most 49999 characters",
    );
    expect(
      checkBrief({ ...valid, skus: Array.from({ length: 201 }, (_, index) => `SKU-${index}`) }).errors[0]
        ?.message,
    ).toBe("SKUs: at most 200 SKUs");
  });

  it("names each field that is not of its kind, and what it expected", () => {
    const check = checkBrief({
      ...valid,
      commissionRate: 1.5,
      skus: [],
      contentTypes: ["Podcast"],
      start: "12/01/2026",
    });
    expect(check.ok).toBe(false);
    expect(check.errors.map((error) => error.message)).toEqual([
      "SKUs: expected at least one of the SKUs",
      "Start: expected a date like 2026-12-01",
      "Content types: expected one of Short video, LIVE, Showcase",
      "Commission rate: expected a rate from 0% to 100% (15% = 0.15)",
    ]);
  });
});

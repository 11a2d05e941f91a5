import { describe, expect, it } from "vitest";
import { BRIEF_FIELD_HEADERS, BRIEF_FIELDS, type BriefContext, checkBrief } from "../../src/domain/brief";

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
  it("keeps the flash sale inside the window", () => {
    const flash = { ...live, flashSaleStart: "2026-12-05", flashSaleEnd: "2026-12-06", flashSalePrice: 9.99 };
    expect(checkBrief(flash).ok).toBe(true);
    expect(fieldsOf(checkBrief({ ...flash, flashSaleStart: "2026-11-30" }).errors)).toEqual([
      "flashSaleStart",
    ]);
    expect(fieldsOf(checkBrief({ ...flash, flashSaleEnd: "2026-12-21" }).errors)).toEqual(["flashSaleEnd"]);
    expect(fieldsOf(checkBrief({ ...flash, flashSaleEnd: "2026-12-04" }).errors)).toEqual(["flashSaleEnd"]);
    expect(fieldsOf(checkBrief({ ...flash, flashSaleEnd: undefined }).errors)).toEqual(["flashSaleEnd"]);
  });

  it("allows a flash sale only with LIVE", () => {
    const flash = { flashSaleStart: "2026-12-05", flashSaleEnd: "2026-12-06" };
    expect(fieldsOf(checkBrief({ ...valid, ...flash }).errors)).toEqual(["flashSaleStart"]);
    expect(checkBrief({ ...valid, ...flash, liveRequired: true }).ok).toBe(true);
    expect(checkBrief({ ...valid, ...flash, contentTypes: ["Short video", "LIVE"] }).ok).toBe(true);
  });

  it("needs authorization long enough for the planned amplification, inside the window", () => {
    const amp = {
      ...valid,
      amplification: "Shop Ads",
      amplificationStart: "2026-12-05",
      amplificationEnd: "2026-12-11",
      authDaysNeeded: 7,
    };
    expect(checkBrief(amp).ok).toBe(true);
    expect(fieldsOf(checkBrief({ ...amp, authDaysNeeded: 6 }).errors)).toEqual(["authDaysNeeded"]);
    expect(fieldsOf(checkBrief({ ...amp, authDaysNeeded: undefined }).errors)).toEqual(["authDaysNeeded"]);
    expect(fieldsOf(checkBrief({ ...amp, amplificationEnd: "2026-12-04" }).errors)).toEqual([
      "amplificationEnd",
    ]);
    expect(
      fieldsOf(checkBrief({ ...amp, amplificationEnd: "2026-12-22", authDaysNeeded: 30 }).errors),
    ).toEqual(["amplificationEnd"]);
    expect(fieldsOf(checkBrief({ ...amp, amplificationStart: undefined }).errors)).toEqual([
      "amplificationStart",
    ]);
    const acc = checkBrief({ ...amp, amplification: "Affiliate creative commission" });
    expect(acc.ok).toBe(true);
    expect(fieldsOf(acc.warnings)).toEqual(["adsRate"]);
  });

  it("keeps reserved inventory within the SKUs' stock on hand", () => {
    expect(checkBrief({ ...valid, reservedInventory: 150 }, products).ok).toBe(true);
    const over = checkBrief({ ...valid, reservedInventory: 151 }, products);
    expect(fieldsOf(over.errors)).toEqual(["reservedInventory"]);
    expect(over.errors[0]?.message).toContain("(150)");
    expect(over.errors[0]?.rule).toBe("reservedOverStock");
    expect(fieldsOf(checkBrief({ ...valid, skus: ["SKU-9"] }, products).errors)).toEqual(["skus"]);
  });

  it("insists on what each objective needs", () => {
    const spike = checkBrief({ ...live, objective: "Event spike" });
    expect(fieldsOf(spike.errors).sort()).toEqual(["flashSaleStart", "reservedInventory"]);
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

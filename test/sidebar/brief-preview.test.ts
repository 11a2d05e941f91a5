/** The Brief tab's logic, without a page: what the form marks, offers and previews. */
import { describe, expect, it } from "vitest";
import {
  costLines,
  flashSaleOffered,
  numberInput,
  objectiveHint,
  planLines,
  productLabel,
  requiredFields,
  sampleCostHint,
  useMoneyStyle,
} from "../../sidebar/brief-preview";
import type { SidebarProduct } from "../../src/features/campaign-sidebar";

const products: SidebarProduct[] = [
  { sku: "GLW-SER-30", name: "Glow Serum", stockOnHand: 1200, openRate: 0.15, sampleCost: 6.5 },
  { sku: "GLW-MASK-OV", name: "Sleep Mask", stockOnHand: 300, openRate: 0.12, sampleCost: 7.5 },
  { sku: "HOM-NEW", name: "", stockOnHand: undefined, openRate: undefined, sampleCost: undefined },
];

describe("number fields", () => {
  it("read as the sheet reads them, percents typed without dividing", () => {
    expect(numberInput(" 1,200 ", false)).toBe(1200);
    expect(numberInput("15", true)).toBe(0.15);
    expect(numberInput("12.5%", true)).toBe(0.125);
    expect(numberInput("", false)).toBeUndefined();
    expect(numberInput("  ", true)).toBeUndefined();
    // Text stays text, so the brief check names the field.
    expect(numberInput("ten", false)).toBe("ten");
  });
});

describe("what the objective asks for", () => {
  it("marks the always-required fields and the objective's own", () => {
    const organic = requiredFields({ objective: "Organic test" });
    expect(organic.has("name")).toBe(true);
    expect(organic.has("reservedInventory")).toBe(false);
    const spike = requiredFields({ objective: "event spike" });
    for (const field of ["liveRequired", "flashSaleStart", "flashSaleEnd", "reservedInventory"] as const) {
      expect(spike.has(field)).toBe(true);
    }
    expect(requiredFields({ objective: "Ad-asset recovery" }).has("authDaysNeeded")).toBe(true);
    expect(requiredFields({ objective: "LIVE momentum" }).has("liveRequired")).toBe(true);
    expect(requiredFields({ objective: "Growth" }).has("liveRequired")).toBe(false);
  });

  it("says why under the objective", () => {
    expect(objectiveHint({ objective: "Event spike" })).toBe(
      "An Event spike needs a creator flash sale, run by LIVE creators, and reserved inventory.",
    );
    expect(objectiveHint({ objective: "Organic test" })).toBe("Chosen before recruiting.");
    expect(objectiveHint({})).toBe("Chosen before recruiting.");
  });

  it("offers the flash sale only with LIVE required, and always shows one already planned", () => {
    expect(flashSaleOffered({})).toBe(false);
    expect(flashSaleOffered({ liveRequired: true })).toBe(true);
    // An Event spike first asks for LIVE required (see requiredFields), then offers the sale.
    expect(flashSaleOffered({ objective: "Event spike" })).toBe(false);
    expect(flashSaleOffered({ objective: "Event spike", liveRequired: true })).toBe(true);
    expect(flashSaleOffered({ liveRequired: false, flashSalePrice: 9.99 })).toBe(true);
    expect(flashSaleOffered({ flashSaleStart: "" })).toBe(false);
  });
});

describe("products and samples", () => {
  it("labels a SKU with its stock and Open rate, or says what is not set", () => {
    expect(productLabel(products[0] as SidebarProduct)).toEqual({
      name: "GLW-SER-30 · Glow Serum",
      detail: "1200 in stock · Open 15%",
    });
    expect(productLabel(products[2] as SidebarProduct)).toEqual({
      name: "HOM-NEW",
      detail: "stock not set · no Open rate",
    });
  });

  it("shows the sample cost of the chosen SKUs and who bears it", () => {
    const skus = ["GLW-SER-30", "HOM-NEW"];
    expect(sampleCostHint({ samplePolicy: "Free sample", skus }, products)).toBe(
      "Sample cost on Products: GLW-SER-30 $6.50, HOM-NEW not set; you pay it when it ships.",
    );
    expect(sampleCostHint({ samplePolicy: "Refund after first sale", skus: ["GLW-MASK-OV"] }, products)).toBe(
      "Sample cost on Products: GLW-MASK-OV $7.50; you refund it after the creator's first sale.",
    );
    expect(sampleCostHint({ samplePolicy: "No sample", skus }, products)).toBe("No sample is sent.");
    expect(sampleCostHint({ samplePolicy: "Free sample" }, products)).toBe(
      "Choose SKUs to see their sample cost.",
    );
  });
});

describe("the preview", () => {
  const brief = {
    lane: "Target",
    commissionRate: 0.1,
    paymentModel: "Flat fee + commission",
    flatFee: 150,
    samplePolicy: "Free sample",
    skus: ["GLW-MASK-OV"],
    start: "2027-01-10",
    end: "2027-01-31",
    amplification: "Shop Ads",
    amplificationStart: "2027-01-20",
    amplificationEnd: "2027-01-30",
    authDaysNeeded: 7,
    reservedInventory: 500,
  };

  it("shows amounts in the workbook's Currency and locale (EUR in de_DE, JPY without decimals)", () => {
    try {
      useMoneyStyle({ currency: "EUR", locale: "de_DE" });
      expect(costLines(brief, products, 1000)).toEqual([
        "GLW-MASK-OV: commission 100,00 € at 10% + flat fee 150,00 € + sample 7,50 € = 257,50 €; effective commission 25.8%; ad orders earn 10%.",
      ]);
      useMoneyStyle({ currency: "JPY", locale: "en_US" });
      expect(costLines(brief, products, 1000)[0]).toContain("= ¥258;");
    } finally {
      useMoneyStyle({ currency: "USD", locale: "en_US" });
    }
  });

  it("gives the window, the ad authorization against the plan, and stock against reserved", () => {
    expect(planLines(brief, products)).toEqual([
      "Window: 22 days, 2027-01-10 to 2027-01-31.",
      "Ads: authorization for 7 days, 11 planned: ads stop early.",
      "Stock: GLW-MASK-OV 300 on hand, 500 reserved, 200 short.",
    ]);
    expect(planLines({ ...brief, authDaysNeeded: 30, reservedInventory: 250 }, products).slice(1)).toEqual([
      "Ads: authorization for 30 days, 11 planned.",
      "Stock: GLW-MASK-OV 300 on hand, 250 reserved, 50 left.",
    ]);
    // Reserved per SKU: 150 holds 150 of each SKU; pairs hold what they say.
    const both = { ...brief, skus: ["GLW-SER-30", "GLW-MASK-OV"] };
    expect(planLines({ ...both, reservedInventory: 150 }, products).at(-1)).toBe(
      "Stock: GLW-SER-30 1200 on hand, 150 reserved, 1050 left; GLW-MASK-OV 300 on hand, 150 reserved, 150 left.",
    );
    expect(planLines({ ...both, reservedInventory: "glw-mask-ov: 400" }, products).at(-1)).toBe(
      "Stock: GLW-SER-30 1200 on hand, 0 reserved, 1200 left; GLW-MASK-OV 300 on hand, 400 reserved, 100 short.",
    );
    expect(planLines({}, products)).toEqual([]);
  });

  it("costs one creator per chosen SKU at the typed GMV", () => {
    expect(costLines(brief, products, 1000)).toEqual([
      "GLW-MASK-OV: commission $100.00 at 10% + flat fee $150.00 + sample $7.50 = $257.50; effective commission 25.8%; ad orders earn 10%.",
    ]);
    expect(
      costLines({ ...brief, paymentModel: "Commission only", samplePolicy: "No sample" }, products, 2000),
    ).toEqual([
      "GLW-MASK-OV: commission $200.00 at 10% = $200.00; effective commission 10%; ad orders earn 10%.",
    ]);
    // With no GMV there is no rate to give, and the fee and sample are still owed.
    expect(costLines(brief, products, undefined)).toEqual([
      "GLW-MASK-OV: commission $0.00 at 10% + flat fee $150.00 + sample $7.50 = $157.50; no effective rate without GMV; ad orders earn 10%.",
    ]);
  });

  it("pays a Partner campaign its own rates, shows the Shop Ads ladder, and what a creator spends of the budget", () => {
    const partner = { ...brief, lane: "Partner", commissionRate: 0.2, adsRate: 0.08, budget: 2575 };
    expect(costLines(partner, products, 1000)).toEqual([
      "GLW-MASK-OV: commission $200.00 at 20% + flat fee $150.00 + sample $7.50 = $357.50; effective commission 35.8%; ad orders earn 8% (Partner ads rate).",
      "Budget $2,575.00: each creator adds up to $357.50 of spend; about 7 more creators fit.",
    ]);
    // Editing a campaign the daily check has costed: what is spent already counts.
    expect(costLines(partner, products, 1000, 1030).at(-1)).toBe(
      "Budget $2,575.00: $1,030.00 spent so far (40%); each creator adds up to $357.50 of spend; about 4 more creators fit.",
    );
    const withOpenAds = products.map((product) => ({ ...product, openAdsRate: 0.05 }));
    expect(costLines({ ...brief, lane: "Open" }, withOpenAds, 1000)[0]).toContain(
      "ad orders earn 5% (Open ads rate)",
    );
    expect(costLines({ ...brief, adsRate: 0.06 }, withOpenAds, 1000)[0]).toContain(
      "ad orders earn 6% (Target ads rate)",
    );
  });

  it("says what is missing before it can cost a creator", () => {
    expect(costLines({ ...brief, commissionRate: "ten" }, products, 1000)).toEqual([
      "Fill the lane, payment model, commission rate and sample policy to see the cost per creator.",
    ]);
    expect(costLines({ ...brief, skus: [] }, products, 1000)).toEqual([
      "Choose SKUs to see the cost per creator.",
    ]);
  });
});

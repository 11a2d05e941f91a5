/**
 * The demo brand: "Lumen & Loft", a beauty and home shop selling on TikTok Shop. Static data
 * only; the workbook builder decides dates and numbers.
 */

export interface ProductInfo {
  sku: string;
  product: string;
  price: number;
  stock: number;
  /** Open Collaboration plan rate; null when the SKU is not in the Open plan. */
  openRate: number | null;
  /** Shop Ads rate of the Open plan, when the shop set one. */
  openAdsRate?: number;
  sampleCost: number;
  category: "Beauty" | "Home";
}

export const PRODUCTS: readonly ProductInfo[] = [
  {
    sku: "GLW-SER-30",
    product: "Vitamin C Glow Serum 30 ml",
    price: 28,
    stock: 1200,
    openRate: 0.15,
    sampleCost: 6.5,
    category: "Beauty",
  },
  {
    sku: "GLW-LIP-RSW",
    product: "Tinted Lip Oil, Rosewood",
    price: 16,
    stock: 2400,
    openRate: 0.18,
    sampleCost: 3.2,
    category: "Beauty",
  },
  {
    sku: "GLW-MASK-OV",
    product: "Overnight Repair Sleep Mask",
    price: 32,
    // Low on purpose: the Holiday Glow Event and the ad boost together reserve more than this.
    stock: 300,
    openRate: 0.12,
    sampleCost: 7.5,
    category: "Beauty",
  },
  {
    sku: "GLW-SPF-50",
    product: "Daily Dew SPF 50 Sunscreen",
    price: 24,
    stock: 900,
    openRate: 0.15,
    sampleCost: 5,
    category: "Beauty",
  },
  {
    sku: "GLW-CLN-BLM",
    product: "Melting Cleansing Balm",
    price: 22,
    stock: 1500,
    openRate: 0.15,
    sampleCost: 4.8,
    category: "Beauty",
  },
  {
    sku: "GLW-BRW-GEL",
    product: "Brow Sculpt Gel",
    price: 14,
    stock: 2000,
    openRate: 0.15,
    sampleCost: 2.5,
    category: "Beauty",
  },
  {
    sku: "GLW-GUA-KIT",
    product: "Gua Sha & Jade Roller Kit",
    price: 29,
    stock: 700,
    openRate: 0.16,
    sampleCost: 6,
    category: "Beauty",
  },
  {
    sku: "HOM-MST-LAV",
    product: "Lavender Pillow Mist",
    price: 15,
    stock: 1300,
    openRate: 0.15,
    openAdsRate: 0.05,
    sampleCost: 3,
    category: "Home",
  },
  {
    sku: "HOM-CND-FIG",
    product: "Fig & Cedar Soy Candle",
    price: 26,
    stock: 800,
    openRate: 0.15,
    sampleCost: 6,
    category: "Home",
  },
  {
    sku: "HOM-DIF-CER",
    product: "Ceramic Aroma Diffuser",
    price: 39,
    stock: 450,
    openRate: 0.1,
    sampleCost: 12,
    category: "Home",
  },
  {
    sku: "HOM-TWL-SET",
    product: "Waffle Towel Set of 4",
    price: 34,
    stock: 600,
    openRate: null,
    sampleCost: 9.5,
    category: "Home",
  },
  {
    sku: "HOM-ORG-ACR",
    product: "Acrylic Vanity Organizer",
    price: 19,
    stock: 1100,
    openRate: 0.14,
    sampleCost: 4,
    category: "Home",
  },
];

export interface CreatorInfo {
  handle: string;
  live: boolean;
  category: string;
  /** The team's own decision; "" for most creators. */
  pool: "" | "Priority" | "One-off" | "Test more";
}

const creator = (
  handle: string,
  live: boolean,
  category: string,
  pool: CreatorInfo["pool"] = "",
): CreatorInfo => ({
  handle,
  live,
  category,
  pool,
});

/** The category text a careless paste could bring in; every screen must show it escaped. */
export const HTML_INJECTION_CATEGORY = "Beauty <img src=x onerror=alert(1)>";

export const CREATORS: readonly CreatorInfo[] = [
  creator("@glowwithmia", true, "Skincare", "Priority"),
  creator("@skinbyjules", true, "Skincare", "Priority"),
  creator("@dewydaniela", true, "Makeup"),
  creator("@homewithnora", false, "Home"),
  creator("@cozycornerkai", false, "Home", "One-off"),
  creator("@lashesandlattes", true, "Makeup"),
  creator("@theglowdiaries", true, "Skincare"),
  creator("@mattemarcus", false, "Makeup"),
  creator("@serumsunday", true, "Skincare", "Priority"),
  creator("@nestandbloom", false, "Home"),
  creator("@brushedbybella", true, "Makeup"),
  creator("@spfsquad.sam", true, "Skincare"),
  creator("@cleanbeautycara", true, "Beauty"),
  creator("@tidyhome.theo", false, "Home", "Test more"),
  creator("@liplabluna", true, "Makeup"),
  creator("@aromaandash", false, "Home"),
  creator("@roomrefresh.rae", false, "Home"),
  creator("@gua.sha.grace", true, "Skincare"),
  creator("@makeupbymateo", true, "Makeup"),
  creator("@selfcaresana", true, "Lifestyle"),
  creator("@minimalmaya.home", false, "Home"),
  creator("@candlelitchloe", false, "Home", "One-off"),
  creator("@beautyonbudget.ben", true, "Beauty"),
  creator("@glossygabi", true, "Makeup"),
  creator("@morningroutine.mo", false, "Lifestyle"),
  creator("@softskinsofia", true, "Skincare"),
  creator("@weekendreset.wes", false, "Lifestyle"),
  creator("@vanityvibes.val", true, "Beauty"),
  creator("@skintellectual.ivy", true, "Skincare", "Priority"),
  creator("@homebodyhana", false, "Home"),
  creator("@lipglossleo", true, "Makeup"),
  creator("@dailydewdrop", true, "Skincare"),
  creator("@organizedomar", false, "Home"),
  creator("@facemaskfriday", true, "Skincare"),
  creator("@beautybyaria", true, "Beauty", "Test more"),
  creator("@plantsandpillows", false, "Home"),
  creator("@glowupgreta", true, "Skincare"),
  creator("@routineroxy", true, "Lifestyle"),
  creator("@skinfirst.felix", true, "Skincare"),
  creator("@shelfiequeen", false, "Beauty"),
  creator("@blushandbrew", true, "Makeup"),
  creator("@nightcare.nia", true, "Skincare"),
  creator("@thelivelounge.lia", true, "Lifestyle"),
  creator("@pixelperfectpat", false, HTML_INJECTION_CATEGORY),
];

/** Word parts for the generated handles of the benchmark workbook. */
export const HANDLE_PARTS = {
  first: ["glow", "dewy", "cozy", "tidy", "skin", "lip", "home", "self", "soft", "daily", "night", "blush"],
  second: [
    "withmia",
    "diaries",
    "corner",
    "lab",
    "routine",
    "edit",
    "drop",
    "nest",
    "lounge",
    "reset",
    "vibes",
  ],
} as const;

export const CAMPAIGN_NAMES = [
  "Everyday Glow Open Plan",
  "Holiday Glow Event",
  "Serum LIVE Nights",
  "Sleep Mask Ad Boost",
  "Cozy Home Edit",
  "Payday Beauty Drop",
  "Self-Care Sunday",
  "Back to Routine",
  "Summer SPF Push",
  "New Year Reset",
  "Lip Oil Launch",
  "Bedroom Refresh",
] as const;

export const OWNERS = [
  "maya@example.com",
  "jordan@example.com",
  "priya@example.com",
  "leo@example.com",
] as const;

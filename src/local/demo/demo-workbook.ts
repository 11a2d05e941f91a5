/**
 * The built-in demo workbook of the local workbench and the e2e suite, and a scaled version
 * of it for benchmarks. Everything is relative to `today`, so something is always due.
 *
 * Rows hold only the team's columns: the add-on computes its owned columns itself.
 */

import { OBJECTIVES, type SamplePolicy } from "../../domain/choices";
import { TABS, type TabName } from "../../workbook/schema";
import {
  CAMPAIGN_NAMES,
  CREATORS,
  type CreatorInfo,
  HANDLE_PARTS,
  OWNERS,
  PRODUCTS,
  type ProductInfo,
} from "./catalog";
import { dayMaker } from "./days";
import {
  type Authorization,
  authorizationCode,
  type Brief,
  type Collab,
  money,
  planLive,
  playSomeStage,
  postUrl,
  type Sample,
  type Stage,
  sampleFor,
} from "./lifecycle";
import { type Random, seededRandom } from "./random";

export interface DemoWorkbook {
  /** Tab name -> rows; row 0 holds the team's headers in the schema's order. */
  tabs: Record<string, unknown[][]>;
}

export interface DemoOptions {
  today: Date;
  timeZone: string;
  seed?: number;
}

export interface ScaledOptions extends DemoOptions {
  collaborations: number;
}

const DEFAULT_SEED = 20_240_601;

/** The rows each scenario of the demo lives in; stable for every seed and every today. */
export const DEMO_SCENARIOS = {
  /** GLW-SER-30 is in the Open plan at 15%; the Target campaign C-003 offers 10%. */
  targetRateBelowOpen: { campaign: "C-003", sku: "GLW-SER-30" },
  /** Event spike with a flash sale starting in 2 days and reserved inventory. */
  flashSale: "C-002",
  /** A collaboration of the flash-sale campaign with a creator who is not LIVE capable. */
  flashSaleCreatorNotLive: "K-0010",
  /** Granted 40 days ago for 30 days. */
  expiredAuthorization: "A-0001",
  /** Granted 4 days ago for 7 days. */
  expiringAuthorization: "A-0003",
  /** Posted, authorized, and the product link was taken off the post. */
  removedLink: "K-0007",
  removedLinkAuthorization: "A-0002",
  /** Flat fee, accepted, content due 3 days ago, nothing submitted. */
  overdueFlatFee: "K-0014",
  /** Flat fee approved 3 days ago and not paid. */
  approvedUnpaidFee: "K-0012",
  /** Submitted 5 days ago, still not approved. */
  inReviewTooLong: "K-0015",
  /** Ends in 3 days. */
  campaignEndingSoon: "C-003",
  /** 300 on hand; C-002 and C-004 reserve 240 + 100. */
  overReservedProduct: "GLW-MASK-OV",
  draftCampaign: "C-005",
  /** Creator whose Category carries an HTML tag. */
  htmlInjection: "@pixelperfectpat",
  /** Post URL typed like a formula, stored as text. */
  formulaText: "K-0008",
  /** @serumsunday: K-0017 in the ended Target C-006 (10%), K-0018 in the live Target C-007 (20%). */
  reusedCreator: {
    creator: "@serumsunday",
    ended: "K-0017",
    current: "K-0018",
    /** The same creator's Open-lane row of a SKU C-007 covers: the Target rate applies. */
    openLane: "K-0019",
  },
  /** Target campaign over two SKUs, with its inventory reserved per SKU. */
  multiSkuCampaign: "C-007",
  /** Free sample owed, never shipped; content was due 2 days ago. */
  unshippedSample: { collab: "K-0020", sample: "S-0017" },
  /** Changes requested twice; K-0022 used all three rounds without a decision. */
  revisionRound: "K-0021",
  revisionsUsed: "K-0022",
  /** An agency campaign: its own rate and ads rate beat the Open plan's. */
  partnerCampaign: { campaign: "C-008", collab: "K-0023" },
  /** One sample in each state. */
  sampleStates: {
    "Not shipped": "S-0001",
    Shipped: "S-0002",
    Delivered: "S-0012",
    "Awaiting first sale": "S-0003",
    "Refund due": "S-0004",
    Refunded: "S-0005",
  },
} as const;

export const FORMULA_TEXT_POST_URL = `'=HYPERLINK("http://evil.example","x")`;

export const SETTINGS_ROWS: readonly (readonly [string, string | number])[] = [
  ["Alert lead days", 7],
  ["Nudge days", 5],
  ["Review days", 3],
  ["Digest hour", 8],
  ["Manager emails", "ops-lead@example.com, finance@example.com"],
  ["Currency", "USD"],
  ["Horizon days", 30],
  ["Priority min GMV", 1000],
  ["Priority max effective commission", 0.25],
  ["Test more below collaborations", 2],
];

type Day = (offset: number) => Date;
type Cell = string | number | Date;

/** The five briefs of the demo, each built for the scenarios it carries. */
function demoBriefs(): Brief[] {
  return [
    {
      id: "C-001",
      name: "Everyday Glow Open Plan",
      objective: "Organic test",
      lane: "Open",
      skus: ["GLW-CLN-BLM", "GLW-BRW-GEL", "HOM-MST-LAV", "HOM-CND-FIG"],
      start: -60,
      end: 30,
      contentTypes: "Short video, Showcase",
      payment: "Commission only",
      rate: 0.15,
      flatFee: null,
      dueDays: 14,
      samplePolicy: "Refund after first sale",
      liveRequired: false,
      flashSale: null,
      reserved: null,
      amplification: "Affiliate creative commission",
      amplificationWindow: { start: -20, end: 30 },
      adsRate: 0.06,
      authDaysNeeded: 60,
      budget: 2500,
      owner: "maya@example.com",
      status: "Live",
    },
    {
      id: "C-002",
      name: "Holiday Glow Event",
      objective: "Event spike",
      lane: "Target",
      skus: ["GLW-MASK-OV"],
      start: -10,
      end: 20,
      contentTypes: "Short video, LIVE",
      payment: "Flat fee + commission",
      rate: 0.15,
      flatFee: 150,
      dueDays: 10,
      samplePolicy: "Free sample",
      liveRequired: false,
      flashSale: { start: 2, end: 4, price: 22 },
      reserved: 240,
      amplification: "LIVE Shopping Ads",
      amplificationWindow: { start: 2, end: 4 },
      adsRate: 0.04,
      authDaysNeeded: 30,
      budget: 12_000,
      owner: "maya@example.com",
      status: "Live",
    },
    {
      id: "C-003",
      name: "Serum LIVE Nights",
      objective: "LIVE momentum",
      lane: "Target",
      skus: ["GLW-SER-30", "GLW-LIP-RSW"],
      start: -25,
      end: 3,
      contentTypes: "LIVE, Short video",
      payment: "Flat fee + commission",
      // Below the Open plan rates of both SKUs (15% and 18%): the add-on should warn.
      rate: 0.1,
      flatFee: 200,
      dueDays: 7,
      samplePolicy: "Free sample",
      liveRequired: true,
      flashSale: null,
      reserved: 150,
      amplification: "Shop Ads",
      amplificationWindow: { start: -10, end: 3 },
      adsRate: 0.05,
      authDaysNeeded: 30,
      budget: 8000,
      owner: "jordan@example.com",
      status: "Live",
    },
    {
      id: "C-004",
      name: "Sleep Mask Ad Boost",
      objective: "Ad-asset recovery",
      lane: "Target",
      skus: ["GLW-MASK-OV"],
      start: -6,
      end: 54,
      contentTypes: "Short video",
      payment: "Commission only",
      rate: 0.14,
      flatFee: null,
      dueDays: 7,
      samplePolicy: "No sample",
      liveRequired: false,
      flashSale: null,
      reserved: 100,
      amplification: "GMV Max",
      amplificationWindow: { start: -3, end: 54 },
      adsRate: 0.08,
      authDaysNeeded: 60,
      budget: 5000,
      owner: "priya@example.com",
      status: "Recruiting",
    },
    {
      id: "C-005",
      name: "Cozy Home Edit",
      objective: "Organic test",
      lane: "Open",
      skus: ["HOM-DIF-CER", "HOM-ORG-ACR", "HOM-TWL-SET"],
      start: 14,
      end: 74,
      contentTypes: "Short video, Showcase",
      payment: "Commission only",
      rate: 0.12,
      flatFee: null,
      dueDays: 14,
      samplePolicy: "Free sample",
      liveRequired: false,
      flashSale: null,
      reserved: null,
      amplification: "None",
      amplificationWindow: null,
      adsRate: null,
      authDaysNeeded: null,
      budget: 1500,
      owner: "priya@example.com",
      status: "Draft",
    },
    {
      id: "C-006",
      name: "Spring Serum Seeding",
      objective: "Organic test",
      lane: "Target",
      skus: ["GLW-SER-30"],
      start: -90,
      end: -40,
      contentTypes: "Short video",
      payment: "Commission only",
      rate: 0.1,
      flatFee: null,
      dueDays: 14,
      samplePolicy: "No sample",
      liveRequired: false,
      flashSale: null,
      reserved: null,
      amplification: "None",
      amplificationWindow: null,
      adsRate: null,
      authDaysNeeded: null,
      budget: 1000,
      owner: "jordan@example.com",
      status: "Wrapped",
    },
    {
      id: "C-007",
      name: "Glow Duo Target",
      objective: "Organic test",
      lane: "Target",
      skus: ["GLW-SER-30", "GLW-CLN-BLM"],
      start: -5,
      end: 25,
      contentTypes: "Short video",
      payment: "Flat fee + commission",
      rate: 0.2,
      flatFee: 120,
      dueDays: 10,
      samplePolicy: "Free sample",
      liveRequired: false,
      flashSale: null,
      reserved: "GLW-SER-30: 40, GLW-CLN-BLM: 60",
      amplification: "None",
      amplificationWindow: null,
      adsRate: 0.1,
      authDaysNeeded: null,
      budget: 3000,
      owner: "maya@example.com",
      status: "Live",
    },
    {
      id: "C-008",
      name: "Creator Week Partner",
      objective: "Organic test",
      lane: "Partner",
      skus: ["HOM-MST-LAV"],
      start: -3,
      end: 11,
      contentTypes: "Short video",
      payment: "Commission only",
      rate: 0.12,
      flatFee: null,
      dueDays: 7,
      samplePolicy: "No sample",
      liveRequired: false,
      flashSale: null,
      reserved: null,
      amplification: "None",
      amplificationWindow: null,
      adsRate: 0.08,
      authDaysNeeded: null,
      // 104 spent of 120: past the 80% mark.
      budget: 120,
      owner: "priya@example.com",
      status: "Live",
    },
  ];
}

/** Stages of the generated (non-scenario) collaborations of each demo campaign, cycled. */
const DEMO_STAGES: Record<string, { count: number; stages: readonly Stage[] }> = {
  // A long-running Open plan: mostly posted, a few still making content, one in twelve dropped.
  // One seat fewer than before issue 15: @serumsunday joined C-001 as a fixed row (K-0019).
  "C-001": { count: 34, stages: [...repeat("posted", 8), ...repeat("accepted", 3), "cancelled"] },
  // The event is mid-window: every stage from invited to rejected.
  "C-002": {
    count: 22,
    stages: [
      ...repeat("posted", 4),
      ...repeat("accepted", 3),
      "submitted",
      "invited",
      "rejected",
      "cancelled",
    ],
  },
  // Ends in 3 days: mostly posted.
  "C-003": { count: 20, stages: [...repeat("posted", 7), "submitted", "rejected", "accepted"] },
  // Still recruiting.
  "C-004": { count: 13, stages: [...repeat("invited", 3), ...repeat("accepted", 2), ...repeat("posted", 2)] },
};

interface FixedRow {
  campaign: string;
  creator: string;
  sku: string;
  collab: Omit<Collab, "id" | "campaign" | "creator" | "sku">;
  sample?: Omit<Sample, "id" | "collab" | "cost" | "policy">;
  authorization?: Omit<Authorization, "id" | "collab" | "code">;
}

/**
 * The scenario rows, in ID order: K-0001.., their samples S-0001.. and authorizations
 * A-0001... Written out by hand so the scenarios do not depend on the seed.
 */
const FIXED_ROWS: readonly FixedRow[] = [
  // K-0001: refund-policy sample not shipped yet.
  {
    campaign: "C-001",
    creator: "@homewithnora",
    sku: "HOM-CND-FIG",
    collab: { invited: -1, accepted: -1 },
    sample: {},
  },
  // K-0002: refund-policy sample on its way.
  {
    campaign: "C-001",
    creator: "@cleanbeautycara",
    sku: "GLW-CLN-BLM",
    collab: { invited: -3, accepted: -3 },
    sample: { shipped: -2 },
  },
  // K-0003: posted, no sale yet, so the sample refund waits for the first sale.
  {
    campaign: "C-001",
    creator: "@minimalmaya.home",
    sku: "HOM-MST-LAV",
    collab: { invited: -20, accepted: -20, posted: -8, linkKept: "Yes", gmv: 0, adsGmv: 0 },
    sample: { shipped: -19, delivered: -16 },
  },
  // K-0004: first sale recorded, sample refund due.
  {
    campaign: "C-001",
    creator: "@theglowdiaries",
    sku: "GLW-CLN-BLM",
    collab: {
      invited: -25,
      accepted: -25,
      posted: -15,
      linkKept: "Yes",
      gmv: 412.5,
      adsGmv: 0,
      firstSale: -13,
    },
    sample: { shipped: -24, delivered: -21, firstSale: -13 },
  },
  // K-0005: sample refunded.
  {
    campaign: "C-001",
    creator: "@glowwithmia",
    sku: "GLW-BRW-GEL",
    collab: {
      invited: -40,
      accepted: -40,
      posted: -30,
      linkKept: "Yes",
      gmv: 1860,
      adsGmv: 0,
      firstSale: -29,
    },
    sample: { shipped: -39, delivered: -36, firstSale: -29, refunded: -26 },
  },
  // K-0006: its authorization A-0001 was granted 40 days ago for 30 days.
  {
    campaign: "C-001",
    creator: "@skinbyjules",
    sku: "GLW-CLN-BLM",
    collab: {
      invited: -55,
      accepted: -55,
      posted: -45,
      linkKept: "Yes",
      gmv: 2640,
      adsGmv: 910,
      firstSale: -44,
    },
    sample: { shipped: -54, delivered: -51, firstSale: -44, refunded: -40 },
    authorization: { granted: -40, duration: 30, adUse: "Affiliate creative commission" },
  },
  // K-0007: authorized (A-0002), then the creator removed the product link.
  {
    campaign: "C-001",
    creator: "@dewydaniela",
    sku: "GLW-BRW-GEL",
    collab: {
      invited: -35,
      accepted: -35,
      posted: -22,
      linkKept: "No",
      gmv: 380,
      adsGmv: 120,
      firstSale: -21,
    },
    sample: { shipped: -34, delivered: -31, firstSale: -21 },
    authorization: { granted: -20, duration: 60, adUse: "Affiliate creative commission" },
  },
  // K-0008: the Post URL was typed like a formula; stored as text.
  {
    campaign: "C-001",
    creator: "@mattemarcus",
    sku: "HOM-CND-FIG",
    collab: { invited: -18, accepted: -18, posted: -6, linkKept: "Yes", gmv: 0, adsGmv: 0 },
    sample: { shipped: -17, delivered: -15 },
  },
  // K-0009: the creator whose Category carries an HTML tag.
  {
    campaign: "C-001",
    creator: "@pixelperfectpat",
    sku: "HOM-MST-LAV",
    collab: { invited: -12, accepted: -12, posted: -2, linkKept: "Yes", gmv: 95.4, adsGmv: 0, firstSale: -1 },
    sample: { shipped: -11, delivered: -9, firstSale: -1 },
  },
  // K-0010: flash-sale campaign, creator not LIVE capable.
  {
    campaign: "C-002",
    creator: "@cozycornerkai",
    sku: "GLW-MASK-OV",
    collab: { invited: -4, accepted: -2 },
    sample: {},
  },
  // K-0011: free sample on its way; LIVE during the flash sale.
  {
    campaign: "C-002",
    creator: "@lashesandlattes",
    sku: "GLW-MASK-OV",
    collab: { invited: -6, accepted: -4, liveDate: 3 },
    sample: { shipped: -3 },
  },
  // K-0012: content approved 3 days ago, flat fee not paid.
  {
    campaign: "C-002",
    creator: "@serumsunday",
    sku: "GLW-MASK-OV",
    collab: {
      invited: -11,
      accepted: -9,
      submitted: -4,
      approved: -3,
      posted: -2,
      linkKept: "Yes",
      liveDate: 2,
      gmv: 640,
      adsGmv: 0,
      firstSale: -1,
    },
    sample: { shipped: -8, delivered: -6 },
  },
  // K-0013: its authorization A-0003 (7 days) runs out in 3 days.
  {
    campaign: "C-002",
    creator: "@brushedbybella",
    sku: "GLW-MASK-OV",
    collab: {
      invited: -12,
      accepted: -10,
      submitted: -7,
      approved: -6,
      posted: -5,
      linkKept: "Yes",
      gmv: 1275,
      adsGmv: 0,
      firstSale: -5,
      feePaid: -3,
    },
    sample: { shipped: -9, delivered: -8 },
    authorization: { granted: -4, duration: 7, adUse: "LIVE Shopping Ads" },
  },
  // K-0014: flat fee, content was due 3 days ago, nothing submitted.
  {
    campaign: "C-003",
    creator: "@spfsquad.sam",
    sku: "GLW-SER-30",
    collab: { invited: -12, accepted: -10, contentDue: -3 },
    sample: { shipped: -9, delivered: -7 },
  },
  // K-0015: submitted 5 days ago, still in review.
  {
    campaign: "C-003",
    creator: "@liplabluna",
    sku: "GLW-LIP-RSW",
    collab: { invited: -14, accepted: -12, submitted: -5, liveDate: -2 },
    sample: { shipped: -11, delivered: -9 },
  },
  // K-0016: a year-long authorization (A-0004) for GMV Max.
  {
    campaign: "C-004",
    creator: "@skintellectual.ivy",
    sku: "GLW-MASK-OV",
    collab: { invited: -8, accepted: -7, posted: -1, linkKept: "Yes", gmv: 310, adsGmv: 0, firstSale: -1 },
    sample: {},
    authorization: { granted: 0, duration: 365, adUse: "GMV Max" },
  },
  // K-0017: a reused creator's ended Target collaboration (10%).
  {
    campaign: "C-006",
    creator: "@serumsunday",
    sku: "GLW-SER-30",
    collab: {
      invited: -88,
      accepted: -87,
      posted: -75,
      linkKept: "Yes",
      gmv: 500,
      adsGmv: 0,
      firstSale: -74,
    },
  },
  // K-0018: the same creator's live Target collaboration (20%), no SKU of its own: it covers both.
  {
    campaign: "C-007",
    creator: "@serumsunday",
    sku: "",
    collab: {
      invited: -5,
      accepted: -4,
      submitted: -2,
      approved: -1,
      posted: -1,
      linkKept: "Yes",
      gmv: 800,
      adsGmv: 200,
      firstSale: -1,
    },
  },
  // K-0019: the same creator's Open-plan row of a SKU C-007 covers.
  {
    campaign: "C-001",
    creator: "@serumsunday",
    sku: "GLW-CLN-BLM",
    collab: { invited: -3, accepted: -3, posted: -1, linkKept: "Yes", gmv: 300, adsGmv: 0, firstSale: -1 },
  },
  // K-0020: free sample never shipped, content was due 2 days ago: the seller's delay.
  {
    campaign: "C-007",
    creator: "@glossygabi",
    sku: "GLW-CLN-BLM",
    collab: { invited: -13, accepted: -12 },
    sample: {},
  },
  // K-0021: changes requested twice.
  {
    campaign: "C-007",
    creator: "@softskinsofia",
    sku: "GLW-SER-30",
    collab: { invited: -5, accepted: -5, submitted: -1, revisions: 2 },
    sample: { shipped: -5, delivered: -4 },
  },
  // K-0022: three rounds of changes and still no decision.
  {
    campaign: "C-007",
    creator: "@dailydewdrop",
    sku: "GLW-SER-30",
    collab: { invited: -5, accepted: -5, submitted: -1, revisions: 3 },
    sample: { shipped: -5, delivered: -4 },
  },
  // K-0023: a Partner campaign's creator, with ad orders.
  {
    campaign: "C-008",
    creator: "@aromaandash",
    sku: "HOM-MST-LAV",
    collab: { invited: -3, accepted: -3, posted: -1, linkKept: "Yes", gmv: 600, adsGmv: 400, firstSale: -1 },
  },
];

/** Random authorizations of each demo campaign: length and use. */
const DEMO_AUTH_TERMS: Record<string, { duration: number; adUse: Authorization["adUse"] }> = {
  "C-001": { duration: 60, adUse: "Affiliate creative commission" },
  "C-002": { duration: 30, adUse: "LIVE Shopping Ads" },
  "C-003": { duration: 30, adUse: "Shop Ads" },
  "C-004": { duration: 365, adUse: "GMV Max" },
};

function repeat(stage: Stage, times: number): Stage[] {
  return Array.from({ length: times }, () => stage);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const collabId = (n: number): string => `K-${pad(n, 4)}`;
const sampleId = (n: number): string => `S-${pad(n, 4)}`;
const authId = (n: number): string => `A-${pad(n, 4)}`;

export function demoWorkbook(options: DemoOptions): DemoWorkbook {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const day = dayMaker(options.today, options.timeZone);
  const briefs = demoBriefs();
  const briefById = new Map(briefs.map((brief) => [brief.id, brief]));
  const creatorByHandle = new Map(CREATORS.map((creator) => [creator.handle, creator]));
  const productBySku = new Map(PRODUCTS.map((product) => [product.sku, product]));
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`Demo data refers to a missing ${what}`);
    return value;
  };

  const collabs: Collab[] = [];
  const samples: Sample[] = [];
  const authorizations: Authorization[] = [];

  for (const row of FIXED_ROWS) {
    const campaign = must(briefById.get(row.campaign), row.campaign);
    const creator = must(creatorByHandle.get(row.creator), row.creator);
    const collab: Collab = {
      id: collabId(collabs.length + 1),
      campaign,
      creator,
      sku: row.sku,
      ...row.collab,
    };
    if (collab.posted !== undefined) collab.postUrl = postUrl(creator.handle, random);
    if (collab.id === DEMO_SCENARIOS.formulaText) collab.postUrl = FORMULA_TEXT_POST_URL;
    collabs.push(collab);
    if (row.sample) {
      const policy = campaign.samplePolicy;
      const cost = policy === "No sample" ? 0 : must(productBySku.get(row.sku), row.sku).sampleCost;
      samples.push({ id: sampleId(samples.length + 1), collab, policy, cost, ...row.sample });
    }
    if (row.authorization) {
      authorizations.push({
        id: authId(authorizations.length + 1),
        collab,
        code: authorizationCode(random),
        ...row.authorization,
      });
    }
  }

  // Generated rows: each creator at most once per campaign, LIVE creators where LIVE is asked.
  for (const brief of briefs) {
    const plan = DEMO_STAGES[brief.id];
    if (!plan) continue;
    const taken = new Set(collabs.filter((c) => c.campaign === brief).map((c) => c.creator.handle));
    const needsLive = brief.liveRequired || brief.flashSale !== null;
    const eligible = CREATORS.filter((c) => !taken.has(c.handle) && (!needsLive || c.live));
    const chosen = random.shuffle(eligible).slice(0, plan.count);
    if (chosen.length < plan.count) throw new Error(`Not enough creators for ${brief.id}`);
    chosen.forEach((creator, index) => {
      const stage = plan.stages[index % plan.stages.length] ?? "posted";
      const collab: Collab = {
        id: collabId(collabs.length + 1),
        campaign: brief,
        creator,
        sku: skuFor(brief, creator, random),
      };
      playSomeStage(collab, stage, random);
      planLive(collab, random);
      collabs.push(collab);
    });
  }

  const generated = collabs.slice(FIXED_ROWS.length);
  for (const collab of generated) {
    const cost = must(productBySku.get(collab.sku), collab.sku).sampleCost;
    const sample = sampleFor(collab, sampleId(samples.length + 1), cost, random);
    if (sample) samples.push(sample);
  }
  // Authorize every other post that stays usable for a while (the expiring ones are scenarios).
  let eligiblePosts = 0;
  for (const collab of generated) {
    const terms = DEMO_AUTH_TERMS[collab.campaign.id];
    if (!terms || collab.posted === undefined) continue;
    const granted = Math.min(0, collab.posted + random.int(0, 2));
    if (granted + terms.duration < 10) continue;
    eligiblePosts++;
    if (eligiblePosts % 2 === 0) continue;
    authorizations.push({
      id: authId(authorizations.length + 1),
      collab,
      code: authorizationCode(random),
      granted,
      ...terms,
    });
    if (collab.campaign.amplification !== "None" && random.chance(0.5)) {
      collab.adsGmv = money(random.int(50, 1500) + random.int(0, 99) / 100);
    }
  }

  return workbookOf(
    { products: PRODUCTS, briefs, creators: CREATORS, collabs, samples, authorizations },
    day,
  );
}

/** A SKU of the campaign that suits the creator's category where the campaign has one. */
function skuFor(brief: Brief, creator: CreatorInfo, random: Random): string {
  const home = creator.category === "Home";
  const fitting = brief.skus.filter((sku) => sku.startsWith("HOM-") === home);
  return random.pick(fitting.length > 0 ? fitting : brief.skus);
}

export function scaledWorkbook(options: ScaledOptions): DemoWorkbook {
  const total = Math.max(1, Math.floor(options.collaborations));
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const day = dayMaker(options.today, options.timeZone);

  const products = scaledProducts(20 + Math.floor(total / 500));
  const creators = scaledCreators(Math.max(10, Math.floor(total / 3)), random);
  const briefs = scaledBriefs(Math.max(3, Math.floor(total / 200) + 3), products, random);
  const costBySku = new Map(products.map((product) => [product.sku, product.sampleCost]));

  const collabs: Collab[] = [];
  const samples: Sample[] = [];
  const authorizations: Authorization[] = [];
  const stages: readonly [Stage, number][] = [
    ["posted", 0.55],
    ["accepted", 0.15],
    ["submitted", 0.08],
    ["invited", 0.1],
    ["rejected", 0.04],
    ["cancelled", 0.08],
  ];
  for (let i = 0; i < total; i++) {
    const campaign = random.pick(briefs);
    const creator = random.pick(creators);
    const collab: Collab = { id: collabId(i + 1), campaign, creator, sku: random.pick(campaign.skus) };
    playSomeStage(collab, weighted(stages, random), random);
    planLive(collab, random);
    collabs.push(collab);
    // Spread samples and authorizations evenly: about one in two and one in three rows.
    if (samples.length < Math.floor((i + 1) / 2)) {
      const sample = sampleFor(collab, sampleId(samples.length + 1), costBySku.get(collab.sku) ?? 5, random);
      if (sample) samples.push(sample);
    }
    if (collab.posted !== undefined && authorizations.length < Math.floor((i + 1) / 3)) {
      authorizations.push({
        id: authId(authorizations.length + 1),
        collab,
        code: authorizationCode(random),
        granted: Math.min(0, collab.posted + random.int(0, 2)),
        duration: random.pick([7, 30, 60, 365]),
        adUse: campaign.amplification === "None" ? "Affiliate creative commission" : campaign.amplification,
      });
    }
  }

  return workbookOf({ products, briefs, creators, collabs, samples, authorizations }, day);
}

function weighted<T>(choices: readonly [T, number][], random: Random): T {
  let roll = random.next();
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error("weighted pick from an empty list");
  return last[0];
}

function scaledProducts(count: number): ProductInfo[] {
  const products: ProductInfo[] = [];
  for (let i = 0; i < count; i++) {
    const base = PRODUCTS[i % PRODUCTS.length] as ProductInfo;
    const edition = Math.floor(i / PRODUCTS.length);
    products.push(
      edition === 0
        ? base
        : {
            ...base,
            sku: `${base.sku}-E${pad(edition, 2)}`,
            product: `${base.product}, edition ${edition + 1}`,
          },
    );
  }
  return products;
}

function scaledCreators(count: number, random: Random): CreatorInfo[] {
  const categories = ["Skincare", "Makeup", "Home", "Lifestyle", "Beauty"];
  const pools: CreatorInfo["pool"][] = ["Priority", "One-off", "Test more"];
  const creators: CreatorInfo[] = [];
  for (let i = 0; i < count; i++) {
    const first = HANDLE_PARTS.first[i % HANDLE_PARTS.first.length];
    const second =
      HANDLE_PARTS.second[Math.floor(i / HANDLE_PARTS.first.length) % HANDLE_PARTS.second.length];
    creators.push({
      handle: `@${first}${second}${i + 1}`,
      live: random.chance(0.6),
      category: random.pick(categories),
      pool: random.chance(0.1) ? random.pick(pools) : "",
    });
  }
  return creators;
}

function scaledBriefs(count: number, products: readonly ProductInfo[], random: Random): Brief[] {
  const briefs: Brief[] = [];
  const policies: SamplePolicy[] = ["No sample", "Free sample", "Refund after first sale"];
  for (let i = 0; i < count; i++) {
    const objective = OBJECTIVES[i % OBJECTIVES.length] ?? "Organic test";
    const lane = objective === "Organic test" ? "Open" : "Target";
    const skus = new Set<string>();
    const wanted = random.int(1, 3);
    while (skus.size < wanted) skus.add(random.pick(products).sku);
    const start = random.int(-60, -5);
    const end = start + random.int(30, 120);
    const flat = lane === "Target" && random.chance(0.5);
    const live = objective === "LIVE momentum" || objective === "Event spike";
    // Flash sales sit inside the window, near today when the window allows.
    const flashLow = Math.min(Math.max(start, -3), end - 2);
    const flashStart =
      objective === "Event spike" ? random.int(flashLow, Math.min(flashLow + 5, end - 2)) : null;
    const amplification =
      objective === "Organic test"
        ? "None"
        : random.pick(["Shop Ads", "GMV Max", "LIVE Shopping Ads"] as const);
    briefs.push({
      id: `C-${pad(i + 1, 3)}`,
      name: `${CAMPAIGN_NAMES[i % CAMPAIGN_NAMES.length]} ${Math.floor(i / CAMPAIGN_NAMES.length) + 1}`,
      objective,
      lane,
      skus: [...skus],
      start,
      end,
      contentTypes: live ? "Short video, LIVE" : "Short video, Showcase",
      payment: flat ? "Flat fee + commission" : "Commission only",
      rate: random.pick([0.1, 0.12, 0.15, 0.18, 0.2]),
      flatFee: flat ? random.pick([100, 150, 200, 300]) : null,
      dueDays: random.pick([7, 10, 14]),
      samplePolicy: random.pick(policies),
      liveRequired: objective === "LIVE momentum",
      flashSale:
        flashStart === null ? null : { start: flashStart, end: Math.min(end, flashStart + 2), price: 19.99 },
      reserved: live ? random.int(5, 40) * 10 : null,
      amplification,
      amplificationWindow:
        amplification === "None" ? null : { start: Math.min(Math.max(start, -5), end), end },
      adsRate: amplification === "None" ? null : random.pick([0.04, 0.05, 0.08]),
      authDaysNeeded: amplification === "None" ? null : random.pick([30, 60]),
      budget: random.int(10, 200) * 100,
      owner: random.pick(OWNERS),
      status: end < 0 ? "Wrapped" : random.chance(0.8) ? "Live" : "Recruiting",
    });
  }
  return briefs;
}

// Records keyed by header text; `table` lays them out in the schema's column order.

type RecordRow = Record<string, Cell | undefined | null>;

const flag = (value: boolean): string => (value ? "Yes" : "No");
const orBlank = <T>(value: T | null | undefined): T | "" => value ?? "";
const dateOrBlank = (day: Day, offset: number | undefined): Date | "" =>
  offset === undefined ? "" : day(offset);

function productRecord(product: ProductInfo): RecordRow {
  return {
    SKU: product.sku,
    Product: product.product,
    Price: product.price,
    "Stock on hand": product.stock,
    "Open rate": product.openRate,
    "Open ads rate": product.openAdsRate,
    "Sample cost": product.sampleCost,
  };
}

function campaignRecord(brief: Brief, day: Day): RecordRow {
  return {
    "Campaign ID": brief.id,
    Name: brief.name,
    Objective: brief.objective,
    Lane: brief.lane,
    SKUs: brief.skus.join(", "),
    Start: day(brief.start),
    End: day(brief.end),
    "Content types": brief.contentTypes,
    "Payment model": brief.payment,
    "Commission rate": brief.rate,
    "Flat fee": brief.flatFee,
    "Content due days": brief.dueDays,
    "Sample policy": brief.samplePolicy,
    "LIVE required": flag(brief.liveRequired),
    "Flash sale start": dateOrBlank(day, brief.flashSale?.start),
    "Flash sale end": dateOrBlank(day, brief.flashSale?.end),
    "Flash sale price": brief.flashSale?.price,
    // A plain-text column (it may hold SKU: units pairs): a typed 240 is the text 240.
    "Reserved inventory": brief.reserved === null ? null : String(brief.reserved),
    Amplification: brief.amplification,
    "Amplification start": dateOrBlank(day, brief.amplificationWindow?.start),
    "Amplification end": dateOrBlank(day, brief.amplificationWindow?.end),
    "Ads rate": brief.adsRate,
    "Auth days needed": brief.authDaysNeeded,
    Budget: brief.budget,
    Owner: brief.owner,
    Status: brief.status,
  };
}

function creatorRecord(creator: CreatorInfo): RecordRow {
  return {
    Creator: creator.handle,
    Email: `${creator.handle.replace(/[^a-z0-9]/gi, "")}@example.com`,
    "LIVE capable": flag(creator.live),
    Category: creator.category,
    Pool: creator.pool,
  };
}

function collabRecord(collab: Collab, day: Day): RecordRow {
  return {
    "Collab ID": collab.id,
    "Campaign ID": collab.campaign.id,
    Creator: collab.creator.handle,
    SKU: collab.sku,
    Invited: dateOrBlank(day, collab.invited),
    Accepted: dateOrBlank(day, collab.accepted),
    "Content due": dateOrBlank(day, collab.contentDue),
    Submitted: dateOrBlank(day, collab.submitted),
    Revisions: collab.revisions,
    Approved: collab.approved === "Rejected" ? "Rejected" : dateOrBlank(day, collab.approved),
    Posted: dateOrBlank(day, collab.posted),
    "Post URL": collab.postUrl,
    "Link kept": collab.linkKept,
    "LIVE date": dateOrBlank(day, collab.liveDate),
    GMV: collab.gmv,
    "Ads GMV": collab.adsGmv,
    "First sale": dateOrBlank(day, collab.firstSale),
    "Fee paid": dateOrBlank(day, collab.feePaid),
    Cancelled: flag(collab.cancelled === true),
  };
}

function sampleRecord(sample: Sample, day: Day): RecordRow {
  return {
    "Sample ID": sample.id,
    "Collab ID": sample.collab.id,
    SKU: sample.collab.sku,
    Policy: sample.policy,
    Cost: sample.cost,
    Shipped: dateOrBlank(day, sample.shipped),
    Delivered: dateOrBlank(day, sample.delivered),
    "First sale": dateOrBlank(day, sample.firstSale),
    Refunded: dateOrBlank(day, sample.refunded),
  };
}

function authorizationRecord(auth: Authorization, day: Day): RecordRow {
  return {
    "Auth ID": auth.id,
    "Collab ID": auth.collab.id,
    Code: auth.code,
    Granted: day(auth.granted),
    "Duration days": auth.duration,
    "Ad use": auth.adUse,
  };
}

function settingsTable(): unknown[][] {
  return [["Key", "Value"], ...SETTINGS_ROWS.map(([key, value]) => [key, value])];
}

/** The team's headers of a tab, in the order setup lays them out. */
export function teamHeaders(name: TabName): string[] {
  const tab = TABS.find((candidate) => candidate.name === name);
  if (!tab) throw new Error(`Unknown tab ${name}`);
  return tab.columns.filter((column) => !column.owned).map((column) => column.header);
}

/** The tabs from the generated records, in the column contract's order. */
function workbookOf(
  parts: {
    products: readonly ProductInfo[];
    briefs: readonly Brief[];
    creators: readonly CreatorInfo[];
    collabs: readonly Collab[];
    samples: readonly Sample[];
    authorizations: readonly Authorization[];
  },
  day: Day,
): DemoWorkbook {
  return {
    tabs: {
      Products: table("Products", parts.products.map(productRecord)),
      Campaigns: table(
        "Campaigns",
        parts.briefs.map((brief) => campaignRecord(brief, day)),
      ),
      Creators: table("Creators", parts.creators.map(creatorRecord)),
      Collaborations: table(
        "Collaborations",
        parts.collabs.map((collab) => collabRecord(collab, day)),
      ),
      Samples: table(
        "Samples",
        parts.samples.map((sample) => sampleRecord(sample, day)),
      ),
      Authorizations: table(
        "Authorizations",
        parts.authorizations.map((auth) => authorizationRecord(auth, day)),
      ),
      // Orders come from Seller Center exports (Import from this tab); the demo starts with none.
      Orders: table("Orders", []),
      Settings: settingsTable(),
    },
  };
}

function table(name: TabName, records: readonly RecordRow[]): unknown[][] {
  const headers = teamHeaders(name);
  const known = new Set(headers);
  const first = records[0];
  // A misspelt key would silently leave a column blank; one row is enough to catch it.
  if (first) {
    for (const key of Object.keys(first)) {
      if (!known.has(key)) throw new Error(`${name} has no column ${key}`);
    }
  }
  return [headers, ...records.map((record) => headers.map((header) => orBlank(record[header])))];
}

/**
 * The campaign brief: the shape of one Campaigns row (dates as ISO day strings so it
 * crosses google.script.run) and the cross-field rules that make a brief workable.
 * Errors block saving; warnings are legal but almost always mistakes.
 */

import { isAdsRateBelowOpen, isAdsRateInRange } from "./ads-rates";
import {
  AD_USES,
  type AdUse,
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  CONTENT_TYPES,
  type ContentType,
  LANES,
  type Lane,
  OBJECTIVES,
  type Objective,
  PAYMENT_MODELS,
  type PaymentModel,
  SAMPLE_POLICIES,
  type SamplePolicy,
} from "./choices";
import { idKey } from "./coverage";
import { type Day, dayFromIso } from "./day";
import { reservationOf } from "./inventory";
import { isBlank, isEmail } from "./values";

/** Field key -> Campaigns column header, for the Checks column and the sidebar labels. */
export const BRIEF_FIELD_HEADERS = {
  campaignId: "Campaign ID",
  name: "Name",
  objective: "Objective",
  lane: "Lane",
  skus: "SKUs",
  start: "Start",
  end: "End",
  contentTypes: "Content types",
  paymentModel: "Payment model",
  commissionRate: "Commission rate",
  flatFee: "Flat fee",
  contentDueDays: "Content due days",
  samplePolicy: "Sample policy",
  liveRequired: "LIVE required",
  flashSaleStart: "Flash sale start",
  flashSaleEnd: "Flash sale end",
  flashSalePrice: "Flash sale price",
  reservedInventory: "Reserved inventory",
  amplification: "Amplification",
  amplificationStart: "Amplification start",
  amplificationEnd: "Amplification end",
  adsRate: "Ads rate",
  authDaysNeeded: "Auth days needed",
  budget: "Budget",
  ownerEmail: "Owner",
  status: "Status",
  notes: "Notes",
} as const;
export type BriefField = keyof typeof BRIEF_FIELD_HEADERS;

type FieldKind =
  | { kind: "text"; max: number }
  | { kind: "day" }
  | { kind: "rate"; ads?: boolean }
  | { kind: "inventory" }
  | { kind: "amount" }
  | { kind: "count"; max: number }
  | { kind: "choice"; choices: readonly string[] }
  | { kind: "list"; choices?: readonly string[]; what: string }
  | { kind: "flag" }
  | { kind: "email" };

type FieldSpec = FieldKind & { required?: boolean; fallback?: unknown };

const text: FieldSpec = { kind: "text", max: 200, required: true };
const requiredDay: FieldSpec = { kind: "day", required: true };
const day: FieldSpec = { kind: "day" };
const amount: FieldSpec = { kind: "amount" };
const choice = (choices: readonly string[], fallback?: string): FieldSpec =>
  fallback === undefined
    ? { kind: "choice", choices, required: true }
    : { kind: "choice", choices, fallback };

/**
 * The brief's fields: one small table instead of a schema library. Zod/mini alone was 19.5 KB
 * of the bundle Apps Script reloads for every custom-function call; the value readers below
 * are the same ones the cells and the checks use.
 */
export const BRIEF_FIELDS: { readonly [F in BriefField]: FieldSpec } = {
  campaignId: text,
  name: text,
  objective: choice(OBJECTIVES),
  lane: choice(LANES),
  skus: { kind: "list", what: "SKUs", required: true },
  start: requiredDay,
  end: requiredDay,
  contentTypes: { kind: "list", choices: CONTENT_TYPES, what: "content types", required: true },
  paymentModel: choice(PAYMENT_MODELS),
  commissionRate: { kind: "rate", required: true },
  flatFee: amount,
  contentDueDays: { kind: "count", max: 365 },
  samplePolicy: choice(SAMPLE_POLICIES),
  liveRequired: { kind: "flag", fallback: false },
  flashSaleStart: day,
  flashSaleEnd: day,
  flashSalePrice: amount,
  reservedInventory: { kind: "inventory" },
  amplification: choice(AD_USES, "None"),
  amplificationStart: day,
  amplificationEnd: day,
  adsRate: { kind: "rate", ads: true },
  authDaysNeeded: { kind: "count", max: 3650 },
  budget: amount,
  ownerEmail: { kind: "email" },
  status: choice(CAMPAIGN_STATUSES, "Draft"),
  // A cell holds at most 50,000 characters, one of them the apostrophe that keeps text as text.
  notes: { kind: "text", max: 49_999 },
};

/** Items a list field may hold: a campaign's SKUs or content types, never thousands. */
export const MAX_LIST_ITEMS = 200;

const oneOf = (values: readonly string[]) => `expected one of ${values.join(", ")}`;

/** One field's value, or what was expected. Numbers must be numbers: the sidebar sends them so. */
function parseField(spec: FieldSpec, value: unknown): { value: unknown } | { message: string } {
  switch (spec.kind) {
    case "text": {
      const trimmed = typeof value === "string" ? value.trim() : "";
      if (trimmed.length > spec.max) return { message: `at most ${spec.max} characters` };
      return trimmed ? { value: trimmed } : { message: "expected text" };
    }
    case "day":
      return typeof value === "string" && dayFromIso(value) !== undefined
        ? { value: value.trim() }
        : { message: "expected a date like 2026-12-01" };
    case "rate":
      if (spec.ads) {
        return typeof value === "number" && isAdsRateInRange(value)
          ? { value }
          : { message: "expected an ads rate from 1% to 80% (5% = 0.05)" };
      }
      return typeof value === "number" && value >= 0 && value <= 1
        ? { value }
        : { message: "expected a rate from 0% to 100% (15% = 0.15)" };
    case "inventory":
      // A count for each SKU, or `SKU: units` pairs checked against the SKUs with the other fields.
      if (typeof value === "number")
        return Number.isInteger(value) && value >= 0 && value <= 100_000_000
          ? { value }
          : { message: "expected a whole number from 0 to 100000000, or SKU: units pairs" };
      return typeof value === "string" && value.trim() !== ""
        ? { value: value.trim() }
        : { message: "expected a whole number of units, or SKU: units pairs like SKU-1: 100, SKU-2: 50" };
    case "amount":
      return typeof value === "number" && Number.isFinite(value) && value >= 0
        ? { value }
        : { message: "expected an amount of 0 or more" };
    case "count":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= spec.max
        ? { value }
        : { message: `expected a whole number from 0 to ${spec.max}` };
    case "choice":
      return typeof value === "string" && spec.choices.includes(value)
        ? { value }
        : { message: oneOf(spec.choices) };
    case "list": {
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        return { message: `expected a list of ${spec.what}` };
      }
      const items = value.map((item: string) => item.trim()).filter(Boolean);
      if (items.length === 0) return { message: `expected at least one of the ${spec.what}` };
      // The list is one cell: a cell holds at most 50,000 characters.
      if (items.length > MAX_LIST_ITEMS || items.join(", ").length > 50_000)
        return { message: `at most ${MAX_LIST_ITEMS} ${spec.what}` };
      const allowed = spec.choices;
      if (allowed && items.some((item) => !allowed.includes(item))) return { message: oneOf(allowed) };
      return { value: items };
    }
    case "flag":
      return typeof value === "boolean" ? { value } : { message: "expected Yes or No" };
    case "email":
      return typeof value === "string" && isEmail(value.trim())
        ? { value: value.trim() }
        : { message: "expected an email address" };
  }
}

export interface CampaignBrief {
  campaignId: string;
  name: string;
  objective: Objective;
  lane: Lane;
  skus: string[];
  start: string;
  end: string;
  contentTypes: ContentType[];
  paymentModel: PaymentModel;
  commissionRate: number;
  flatFee?: number;
  contentDueDays?: number;
  samplePolicy: SamplePolicy;
  liveRequired: boolean;
  flashSaleStart?: string;
  flashSaleEnd?: string;
  flashSalePrice?: number;
  /** Units held for each SKU, or `SKU: units` pairs (see `reservationOf`). */
  reservedInventory?: number | string;
  amplification: AdUse;
  amplificationStart?: string;
  amplificationEnd?: string;
  adsRate?: number;
  authDaysNeeded?: number;
  budget?: number;
  ownerEmail?: string;
  status: CampaignStatus;
  notes?: string;
}

/** Which rule an issue comes from, so the daily checks can give some their own alert kind. */
export type BriefRule =
  | "fieldValue"
  | "endBeforeStart"
  | "flashSaleIncomplete"
  | "flashSaleOutsideWindow"
  | "flashSaleNeedsLive"
  | "amplificationIncomplete"
  | "authShorterThanAmplification"
  | "amplificationAfterEnd"
  | "adsRateMissing"
  | "flatFeeTermsMissing"
  | "flatFeeIgnored"
  | "objectiveRequirement"
  | "unknownSku"
  | "reservedOverStock"
  | "reservationInvalid"
  | "targetBelowOpen"
  | "adsRateBelowOpen";

export interface BriefIssue {
  field: BriefField;
  rule: BriefRule;
  message: string;
}

export interface BriefProduct {
  sku: string;
  stockOnHand?: number | undefined;
  openRate?: number | undefined;
  openAdsRate?: number | undefined;
}

/** What the brief is checked against: the Products tab. Without it, product rules are skipped. */
export interface BriefContext {
  products?: readonly BriefProduct[];
}

export interface BriefCheck {
  ok: boolean;
  brief?: CampaignBrief;
  errors: BriefIssue[];
  warnings: BriefIssue[];
}

/**
 * What each objective insists on (DESIGN.md section 1): the fields it needs filled, and why.
 * The sidebar marks them as the objective is chosen; `checkBrief` refuses a brief that lacks them.
 */
export const OBJECTIVE_NEEDS: { readonly [O in Objective]: { fields: BriefField[]; why: string } } = {
  "Organic test": { fields: [], why: "" },
  "Event spike": {
    fields: ["liveRequired", "flashSaleStart", "flashSaleEnd", "reservedInventory"],
    why: "an Event spike needs a creator flash sale, run by LIVE creators, and reserved inventory",
  },
  "LIVE momentum": { fields: ["liveRequired"], why: "LIVE momentum needs LIVE-capable creators" },
  "Ad-asset recovery": {
    fields: ["authDaysNeeded"],
    why: "Ad-asset recovery needs ad authorization on creator posts",
  },
};

const percent = (rate: number): string => `${Math.round(rate * 10000) / 100}%`;

/** Validates a brief: field shapes first, then (when they hold) the cross-field rules. */
export function checkBrief(input: unknown, context: BriefContext = {}): BriefCheck {
  // Blank form fields and blank cells mean "not given".
  const given: Record<string, unknown> = {};
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    for (const [key, value] of Object.entries(input)) if (!isBlank(value)) given[key] = value;
  }
  const fields: Record<string, unknown> = {};
  const fieldErrors: BriefIssue[] = [];
  for (const field of Object.keys(BRIEF_FIELDS) as BriefField[]) {
    const spec = BRIEF_FIELDS[field];
    const header = BRIEF_FIELD_HEADERS[field];
    if (given[field] === undefined) {
      if (spec.required) fieldErrors.push({ field, rule: "fieldValue", message: `${header} is required` });
      else if (spec.fallback !== undefined) fields[field] = spec.fallback;
      continue;
    }
    const parsed = parseField(spec, given[field]);
    if ("value" in parsed) fields[field] = parsed.value;
    else fieldErrors.push({ field, rule: "fieldValue", message: `${header}: ${parsed.message}` });
  }
  if (fieldErrors.length > 0) return { ok: false, errors: fieldErrors, warnings: [] };
  const brief = fields as unknown as CampaignBrief;
  const { errors, warnings } = crossFieldIssues(brief, context);
  return errors.length === 0 ? { ok: true, brief, errors, warnings } : { ok: false, brief, errors, warnings };
}

function crossFieldIssues(
  brief: CampaignBrief,
  context: BriefContext,
): { errors: BriefIssue[]; warnings: BriefIssue[] } {
  const errors: BriefIssue[] = [];
  const warnings: BriefIssue[] = [];
  const error = (field: BriefField, rule: BriefRule, message: string) =>
    errors.push({ field, rule, message });
  const warn = (field: BriefField, rule: BriefRule, message: string) =>
    warnings.push({ field, rule, message });
  const dayOf = (iso: string | undefined): Day | undefined =>
    iso === undefined ? undefined : dayFromIso(iso);

  const start = dayOf(brief.start) as Day;
  const end = dayOf(brief.end) as Day;
  // The window is inclusive, so a one-day campaign (End = Start) is allowed.
  if (end < start) error("end", "endBeforeStart", `End (${brief.end}) is before Start (${brief.start})`);

  const flashStart = dayOf(brief.flashSaleStart);
  const flashEnd = dayOf(brief.flashSaleEnd);
  const hasFlashSale =
    flashStart !== undefined || flashEnd !== undefined || brief.flashSalePrice !== undefined;
  const outsideWindow = (field: "flashSaleStart" | "flashSaleEnd", label: string, at: Day | undefined) => {
    if (at !== undefined && (at < start || at > end)) {
      warn(
        field,
        "flashSaleOutsideWindow",
        `${label} (${brief[field]}) is outside the window ${brief.start} to ${brief.end}: creators can run the flash sale only while the collaboration is valid`,
      );
    }
  };
  if (hasFlashSale) {
    if (flashStart === undefined)
      error("flashSaleStart", "flashSaleIncomplete", "Flash sale start is required for a flash sale");
    if (flashEnd === undefined)
      error("flashSaleEnd", "flashSaleIncomplete", "Flash sale end is required for a flash sale");
    if (flashStart !== undefined && flashEnd !== undefined && flashEnd < flashStart) {
      error(
        "flashSaleEnd",
        "flashSaleIncomplete",
        `Flash sale end (${brief.flashSaleEnd}) is before its start (${brief.flashSaleStart})`,
      );
    }
    outsideWindow("flashSaleStart", "Flash sale start", flashStart);
    outsideWindow("flashSaleEnd", "Flash sale end", flashEnd);
    // A creator flash sale runs in a LIVE, so the campaign must recruit LIVE-capable creators.
    if (!brief.liveRequired) {
      error(
        "liveRequired",
        "flashSaleNeedsLive",
        "Only LIVE-capable creators can run a flash sale: tick LIVE required",
      );
    }
  }

  if (brief.amplification !== "None") {
    const ampStart = dayOf(brief.amplificationStart);
    const ampEnd = dayOf(brief.amplificationEnd);
    if (ampStart === undefined)
      error(
        "amplificationStart",
        "amplificationIncomplete",
        `Amplification start is required for ${brief.amplification}`,
      );
    if (ampEnd === undefined)
      error(
        "amplificationEnd",
        "amplificationIncomplete",
        `Amplification end is required for ${brief.amplification}`,
      );
    if (ampStart !== undefined && ampEnd !== undefined) {
      if (ampEnd < ampStart) {
        error(
          "amplificationEnd",
          "amplificationIncomplete",
          `Amplification end (${brief.amplificationEnd}) is before its start`,
        );
      } else {
        const span = ampEnd - ampStart + 1;
        const needed = brief.authDaysNeeded;
        if (needed === undefined || needed < span) {
          warn(
            "authDaysNeeded",
            "authShorterThanAmplification",
            `${needed === undefined ? "Auth days needed is blank" : `Auth days needed (${needed}) is shorter than`} the ${span}-day amplification (${brief.amplificationStart} to ${brief.amplificationEnd}): ads on creator posts stop when the authorization expires`,
          );
        }
      }
    }
    if (ampEnd !== undefined && ampEnd > end) {
      warn(
        "amplificationEnd",
        "amplificationAfterEnd",
        `Amplification end (${brief.amplificationEnd}) is after the collaboration ends (${brief.end}): ads on creator posts must stop when the collaboration ends`,
      );
    }
    if (brief.amplification === "Affiliate creative commission" && brief.adsRate === undefined) {
      warn(
        "adsRate",
        "adsRateMissing",
        "Ads rate is blank: affiliate creative commission pays creators a rate on ad-driven GMV",
      );
    }
  }

  if (brief.paymentModel === "Flat fee + commission") {
    if (!(brief.flatFee !== undefined && brief.flatFee > 0))
      error("flatFee", "flatFeeTermsMissing", "Flat fee is required for Flat fee + commission");
    if (brief.contentDueDays === undefined) {
      error(
        "contentDueDays",
        "flatFeeTermsMissing",
        "Content due days is required: the flat fee is paid only for content delivered in time",
      );
    }
  } else if (brief.flatFee !== undefined && brief.flatFee > 0) {
    warn("flatFee", "flatFeeIgnored", "Flat fee is ignored under Commission only");
  }

  const needs = OBJECTIVE_NEEDS[brief.objective];
  const missing = (field: BriefField): boolean => {
    const value = brief[field];
    return value === undefined || value === false || value === 0;
  };
  for (const field of needs.fields.filter(missing)) {
    // A flash sale without LIVE required already says so on that field.
    if (field === "liveRequired" && hasFlashSale) continue;
    const what =
      field === "liveRequired" ? "LIVE required must be ticked" : `${BRIEF_FIELD_HEADERS[field]} is required`;
    error(field, "objectiveRequirement", `${what}: ${needs.why}`);
  }

  const products = context.products;
  if (products) {
    const bySku = new Map(products.map((product) => [idKey(product.sku), product]));
    const found = brief.skus.map((sku) => ({ sku, product: bySku.get(idKey(sku)) }));
    const unknown = found.filter(({ product }) => !product).map(({ sku }) => sku);
    if (unknown.length > 0) error("skus", "unknownSku", `Not on the Products tab: ${unknown.join(", ")}`);

    if (brief.reservedInventory !== undefined && unknown.length === 0) {
      const reservation = reservationOf(brief.reservedInventory, brief.skus);
      if (!reservation.ok) {
        error("reservedInventory", "reservationInvalid", `Reserved inventory: ${reservation.message}`);
      } else {
        // Each SKU against its own stock: units of one product cannot ship as another.
        for (const { sku, product } of found) {
          const units = reservation.perSku.get(idKey(sku)) ?? 0;
          const stock = product?.stockOnHand ?? 0;
          if (units > stock) {
            warn(
              "reservedInventory",
              "reservedOverStock",
              `Reserved inventory of ${sku} (${units}) is more than its stock on hand (${stock}): creators may sell units you cannot ship`,
            );
          }
        }
      }
    }

    const adsRate = brief.adsRate;
    if (adsRate !== undefined) {
      for (const { sku, product } of found) {
        if (isAdsRateBelowOpen(adsRate, product?.openAdsRate)) {
          warn(
            "adsRate",
            "adsRateBelowOpen",
            `Ads rate ${percent(adsRate)} is below the Open ads rate ${percent(product?.openAdsRate ?? 0)} of ${sku}: the platform prompts for this, and it is almost always a mistake`,
          );
        }
      }
    }

    if (brief.lane === "Target") {
      for (const { sku, product } of found) {
        if (product?.openRate !== undefined && brief.commissionRate < product.openRate) {
          warn(
            "commissionRate",
            "targetBelowOpen",
            `Target rate ${percent(brief.commissionRate)} is below the Open rate ${percent(product.openRate)} of ${sku}: creators will earn the lower Target rate`,
          );
        }
      }
    }
  }

  return { errors, warnings };
}

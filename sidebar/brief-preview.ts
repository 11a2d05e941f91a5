/**
 * The Brief tab's logic without the page: what a number field means, which fields the objective
 * makes required, when the flash sale is offered, and the preview lines (window, ads, stock and
 * the expected cost per creator). Pure, so it is tested without a browser.
 */
import { BRIEF_FIELDS, type BriefField, OBJECTIVE_NEEDS } from "../src/domain/brief";
import { expectedCostPerCreator } from "../src/domain/brief-cost";
import {
  LANES,
  type Lane,
  matchChoice,
  OBJECTIVES,
  PAYMENT_MODELS,
  type PaymentModel,
  SAMPLE_POLICIES,
  type SamplePolicy,
} from "../src/domain/choices";
import { idKey } from "../src/domain/coverage";
import { dayFromIso } from "../src/domain/day";
import { reservationOf } from "../src/domain/inventory";
import { formatMoney, type MoneyStyle } from "../src/domain/money";
import { readNumber } from "../src/domain/values";
import type { SidebarProduct } from "../src/features/campaign-sidebar";

/**
 * 0.125 -> "12.5" (the percent fields are typed without the % sign). Twelve significant digits
 * undo the float noise of × 100 and keep the rate as the sheet has it, so an untouched field
 * reads back unchanged.
 */
export const percentText = (rate: number): string => String(Number((rate * 100).toPrecision(12)));

/** The workbook's Currency setting and locale, as sidebarLoad sent them; USD in en_US until then. */
let moneyStyle: MoneyStyle = { currency: "USD", locale: "en_US" };

export function useMoneyStyle(style: MoneyStyle): void {
  moneyStyle = { ...style };
}

const money = (amount: number): string => formatMoney(amount, moneyStyle);

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

/**
 * A number field as typed, read as the sheet reads it (`1,200`, `15%`); empty is not given, and
 * text that is not a number stays text so the check names it.
 */
export function numberInput(text: string, isPercent: boolean): unknown {
  const trimmed = text.trim().replace(/%$/, "");
  if (trimmed === "") return undefined;
  const number = readNumber(trimmed);
  if (number === undefined) return text;
  return isPercent ? number / 100 : number;
}

const objectiveOf = (brief: Record<string, unknown>) =>
  typeof brief.objective === "string" ? matchChoice(OBJECTIVES, brief.objective) : undefined;

/** The fields that must be filled: the always-required ones and what the objective needs. */
export function requiredFields(brief: Record<string, unknown>): Set<BriefField> {
  const required = new Set(
    (Object.keys(BRIEF_FIELDS) as BriefField[]).filter((field) => BRIEF_FIELDS[field].required),
  );
  const objective = objectiveOf(brief);
  for (const field of objective ? OBJECTIVE_NEEDS[objective].fields : []) required.add(field);
  return required;
}

/** What the chosen objective asks for, as a hint under it. */
export function objectiveHint(brief: Record<string, unknown>): string {
  const objective = objectiveOf(brief);
  const why = objective ? OBJECTIVE_NEEDS[objective].why : "";
  return why ? `${why.charAt(0).toUpperCase()}${why.slice(1)}.` : "Chosen before recruiting.";
}

const FLASH_SALE_FIELDS = ["flashSaleStart", "flashSaleEnd", "flashSalePrice"] as const;

/**
 * The flash sale is offered once LIVE is required (only LIVE creators run one; an Event spike
 * marks LIVE required as needed first); a brief that already has flash-sale values always shows
 * them, so nothing is hidden from the user.
 */
export function flashSaleOffered(brief: Record<string, unknown>): boolean {
  if (brief.liveRequired === true) return true;
  return FLASH_SALE_FIELDS.some((field) => brief[field] !== undefined && brief[field] !== "");
}

/** `SKU-1 · Glow serum` and `500 in stock · Open 10%`. */
export function productLabel(product: SidebarProduct): { name: string; detail: string } {
  const details = [
    product.stockOnHand === undefined ? "stock not set" : `${product.stockOnHand} in stock`,
    product.openRate === undefined ? "no Open rate" : `Open ${percent(product.openRate)}`,
  ];
  return {
    name: product.name ? `${product.sku} · ${product.name}` : product.sku,
    detail: details.join(" · "),
  };
}

const chosenProducts = (brief: Record<string, unknown>, products: readonly SidebarProduct[]) => {
  const skus = Array.isArray(brief.skus) ? brief.skus.map(String) : [];
  return products.filter((product) => skus.includes(product.sku));
};

/** The sample cost a policy means, from the Products tab's Sample cost of the chosen SKUs. */
export function sampleCostHint(brief: Record<string, unknown>, products: readonly SidebarProduct[]): string {
  const policy =
    typeof brief.samplePolicy === "string" ? matchChoice(SAMPLE_POLICIES, brief.samplePolicy) : undefined;
  if (!policy || policy === "No sample") return "No sample is sent.";
  const chosen = chosenProducts(brief, products);
  if (chosen.length === 0) return "Choose SKUs to see their sample cost.";
  const costs = chosen.map((product) =>
    product.sampleCost === undefined
      ? `${product.sku} not set`
      : `${product.sku} ${money(product.sampleCost)}`,
  );
  const who =
    policy === "Free sample" ? "you pay it when it ships" : "you refund it after the creator's first sale";
  return `Sample cost on Products: ${costs.join(", ")}; ${who}.`;
}

/** Window length, ad usability and stock against reserved inventory. */
export function planLines(brief: Record<string, unknown>, products: readonly SidebarProduct[]): string[] {
  const lines: string[] = [];
  const day = (field: BriefField) =>
    typeof brief[field] === "string" ? dayFromIso(brief[field]) : undefined;
  const start = day("start");
  const end = day("end");
  if (start !== undefined && end !== undefined && end >= start) {
    const days = end - start + 1;
    lines.push(`Window: ${days} day${days === 1 ? "" : "s"}, ${brief.start} to ${brief.end}.`);
  }
  const ampStart = day("amplificationStart");
  const ampEnd = day("amplificationEnd");
  if (
    brief.amplification &&
    brief.amplification !== "None" &&
    ampStart !== undefined &&
    ampEnd !== undefined
  ) {
    const needed = ampEnd - ampStart + 1;
    const auth = typeof brief.authDaysNeeded === "number" ? brief.authDaysNeeded : 0;
    lines.push(
      needed > 0
        ? `Ads: authorization for ${auth} day${auth === 1 ? "" : "s"}, ${needed} planned${auth >= needed ? "." : ": ads stop early."}`
        : "Ads: the amplification ends before it starts.",
    );
  }
  const chosen = chosenProducts(brief, products);
  const reservation = reservationOf(
    brief.reservedInventory,
    chosen.map((product) => product.sku),
  );
  // Each SKU against its own stock: the reserved units are held per SKU.
  const stock = chosen.map((product) => {
    const onHand = product.stockOnHand ?? 0;
    const reserved = reservation.ok ? (reservation.perSku.get(idKey(product.sku)) ?? 0) : 0;
    const left = onHand - reserved;
    return `${product.sku} ${onHand} on hand, ${reserved} reserved, ${left < 0 ? `${-left} short` : `${left} left`}`;
  });
  if (stock.length > 0) lines.push(`Stock: ${stock.join("; ")}.`);
  return lines;
}

/**
 * The expected cost of one creator per chosen SKU at `gmv`, from the brief as typed so far;
 * a line saying what is missing until the rate, payment model, lane and sample policy are set.
 */
export function costLines(
  brief: Record<string, unknown>,
  products: readonly SidebarProduct[],
  gmv: number | undefined,
  spent?: number,
): string[] {
  const lane = typeof brief.lane === "string" ? matchChoice<Lane>(LANES, brief.lane) : undefined;
  const paymentModel =
    typeof brief.paymentModel === "string"
      ? matchChoice<PaymentModel>(PAYMENT_MODELS, brief.paymentModel)
      : undefined;
  const samplePolicy =
    typeof brief.samplePolicy === "string"
      ? matchChoice<SamplePolicy>(SAMPLE_POLICIES, brief.samplePolicy)
      : undefined;
  const rate = brief.commissionRate;
  if (!lane || !paymentModel || !samplePolicy || typeof rate !== "number" || rate < 0 || rate > 1)
    return ["Fill the lane, payment model, commission rate and sample policy to see the cost per creator."];
  const chosen = chosenProducts(brief, products);
  if (chosen.length === 0) return ["Choose SKUs to see the cost per creator."];
  const flatFee = typeof brief.flatFee === "number" ? brief.flatFee : undefined;
  const sales = gmv !== undefined && Number.isFinite(gmv) && gmv > 0 ? gmv : 0;
  const adsRate = typeof brief.adsRate === "number" ? brief.adsRate : undefined;
  let highest = 0;
  const lines = chosen.map((product) => {
    const cost = expectedCostPerCreator({
      lane,
      commissionRate: rate,
      openRate: product.openRate,
      adsRate,
      openAdsRate: product.openAdsRate,
      paymentModel,
      flatFee,
      samplePolicy,
      sampleCost: product.sampleCost,
      gmv: sales,
    });
    const parts = [`commission ${money(cost.commission)} at ${percent(cost.rate)}`];
    if (paymentModel === "Flat fee + commission") parts.push(`flat fee ${money(cost.flatFee)}`);
    if (samplePolicy !== "No sample") parts.push(`sample ${money(cost.sampleCost)}`);
    const effective =
      cost.effective === undefined
        ? "no effective rate without GMV"
        : `effective commission ${percent(cost.effective)}`;
    const ads = `ad orders earn ${percent(cost.ads.rate)}${cost.ads.source === "Standard" ? "" : ` (${cost.ads.source} ads rate)`}`;
    highest = Math.max(highest, cost.total);
    return `${product.sku}: ${parts.join(" + ")} = ${money(cost.total)}; ${effective}; ${ads}.`;
  });
  const budget = typeof brief.budget === "number" && brief.budget > 0 ? brief.budget : undefined;
  if (budget !== undefined && highest > 0) {
    // The spend a creator adds, against what is left of the budget: the same sum the daily
    // check calls Spend.
    const sofar = spent !== undefined && spent > 0 ? spent : 0;
    const left = Math.max(budget - sofar, 0);
    const already = sofar > 0 ? `${money(sofar)} spent so far (${percent(sofar / budget)}); ` : "";
    lines.push(
      `Budget ${money(budget)}: ${already}each creator adds up to ${money(highest)} of spend; about ${Math.floor(left / highest)} more creators fit.`,
    );
  }
  return lines;
}

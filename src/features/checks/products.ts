/** Products: Reserved and Available per SKU, and stock short of what campaigns reserve. */
import { isAdsRateInRange, usableAdsRate } from "../../domain/ads-rates";
import { idKey } from "../../domain/coverage";
import { readNumber, readRate } from "../../domain/values";
import { holdsInventory, unitsOf } from "./campaign";
import type { CheckRun } from "./run";

/** What the checks read of a product, read once per run rather than once per collaboration. */
export interface ProductTerms {
  openRate: number | undefined;
  /** The Open plan's Shop Ads rate; a rate outside 1-80% is flagged and not applied. */
  openAdsRate: number | undefined;
  stock: number | undefined;
}

export interface ProductLookup {
  /** The product of a SKU as compared (`idKey`). */
  termsOf(skuId: string): ProductTerms | undefined;
  stockOf(sku: string): number | undefined;
}

export function productLookup(run: CheckRun): ProductLookup {
  const bySku = new Map<string, ProductTerms>();
  for (const [id, row] of run.tables.products.firstRows) {
    bySku.set(id, {
      openRate: readRate(row.get("Open rate")),
      openAdsRate: usableAdsRate(readRate(row.get("Open ads rate"))),
      stock: readNumber(row.get("Stock on hand")),
    });
  }
  return {
    termsOf: (skuId) => bySku.get(skuId),
    stockOf: (sku) => bySku.get(idKey(sku))?.stock,
  };
}

export function checkProducts(run: CheckRun): void {
  for (const row of run.tables.products.rows) {
    const reserved = run.reservedBySku.get(row.id) ?? 0;
    const stock = readNumber(row.get("Stock on hand"));
    run.ownedOf("Products").set(row.key, {
      Reserved: reserved,
      Available: stock === undefined ? "" : stock - reserved,
    });
    if (stock !== undefined && reserved > stock) {
      const holders = [...run.campaigns.values()]
        .filter((campaign) => holdsInventory(run, campaign) && unitsOf(campaign, row.key) > 0)
        .map((campaign) => `${campaign.id} (${unitsOf(campaign, row.key)})`);
      run.raise(
        "inventoryOverStock",
        "Products",
        row,
        undefined,
        `${row.key}: ${reserved} reserved by ${holders.join(", ")}, ${stock} in stock`,
      );
    }
    const openAds = readRate(row.get("Open ads rate"));
    if (openAds !== undefined && !isAdsRateInRange(openAds)) {
      run.raise(
        "rateOutOfRange",
        "Products",
        row,
        undefined,
        `Open ads rate of ${row.key} (${Math.round(openAds * 10000) / 100}%) is outside 1% to 80%: it is not applied`,
      );
    }
  }
}

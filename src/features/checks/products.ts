/** Products: Reserved and Available per SKU, and stock short of what campaigns reserve. */
import { isAdsRateInRange, usableAdsRate } from "../../domain/ads-rates";
import { idKey } from "../../domain/coverage";
import { readNumber, readRate } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import { holdsInventory, unitsOf } from "./campaign";
import type { CheckRun } from "./run";

export interface ProductLookup {
  openRateOf(sku: string): number | undefined;
  /** The Open plan's Shop Ads rate; a rate outside 1-80% is flagged and not applied. */
  openAdsRateOf(sku: string): number | undefined;
  stockOf(sku: string): number | undefined;
}

export function productLookup(run: CheckRun): ProductLookup {
  const bySku = new Map<string, TableRow>();
  for (const row of run.tables.products.rows) if (!bySku.has(row.id)) bySku.set(row.id, row);
  const product = (sku: string) => bySku.get(idKey(sku));
  return {
    openRateOf: (sku) => readRate(product(sku)?.get("Open rate")),
    openAdsRateOf: (sku) => usableAdsRate(readRate(product(sku)?.get("Open ads rate"))),
    stockOf: (sku) => readNumber(product(sku)?.get("Stock on hand")),
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

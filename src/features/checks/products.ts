/** Products: Reserved and Available per SKU. */
import { readNumber, readRate } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import type { CheckRun } from "./run";

export interface ProductLookup {
  bySku: Map<string, TableRow>;
  openRateOf(sku: string): number | undefined;
  stockOf(sku: string): number | undefined;
}

export function productLookup(run: CheckRun): ProductLookup {
  const bySku = new Map(run.tables.products.rows.map((row) => [row.key, row]));
  return {
    bySku,
    openRateOf: (sku) => readRate(bySku.get(sku)?.get("Open rate")),
    stockOf: (sku) => readNumber(bySku.get(sku)?.get("Stock on hand")),
  };
}

export function checkProducts(run: CheckRun): void {
  for (const row of run.tables.products.rows) {
    const reserved = run.reservedBySku.get(row.key) ?? 0;
    const stock = readNumber(row.get("Stock on hand"));
    run.ownedOf("Products").set(row.key, {
      Reserved: reserved,
      Available: stock === undefined ? "" : stock - reserved,
    });
  }
}

/**
 * Reserved inventory (DESIGN.md section 1): a campaign holds back units for each of its SKUs,
 * either the same number for each (`150`) or per SKU (`SKU-1: 100, SKU-2: 50`). A product's
 * Reserved is the sum over the campaigns that have not ended.
 */
import { idKey } from "./coverage";

export type Reservation = { ok: true; perSku: Map<string, number> } | { ok: false; message: string };

const MAX_UNITS = 100_000_000;

const wholeUnits = (value: number) => Number.isInteger(value) && value >= 0 && value <= MAX_UNITS;

/**
 * Units held back per SKU of the campaign (keys as `idKey`), from the cell's number or pairs.
 * A SKU that is not the campaign's, a repeated SKU or a count that is not a whole number is a
 * message, never a guess.
 */
export function reservationOf(cell: unknown, campaignSkus: readonly string[]): Reservation {
  const perSku = new Map<string, number>();
  const skus = new Map(campaignSkus.map((sku) => [idKey(sku), sku.trim()]));
  if (cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "")) {
    return { ok: true, perSku };
  }
  const asNumber =
    typeof cell === "number" ? cell : /^\s*\d+\s*$/.test(String(cell)) ? Number(cell) : undefined;
  if (asNumber !== undefined) {
    if (!wholeUnits(asNumber))
      return { ok: false, message: `expected a whole number of units, got ${asNumber}` };
    for (const key of skus.keys()) perSku.set(key, asNumber);
    return { ok: true, perSku };
  }
  if (typeof cell !== "string") return { ok: false, message: "expected a number or SKU: units pairs" };
  for (const part of cell.split(",")) {
    if (part.trim() === "") continue;
    const match = /^(.+):\s*(\d+)\s*$/.exec(part.trim());
    if (!match) return { ok: false, message: `expected SKU: units (like SKU-1: 100), got "${part.trim()}"` };
    const key = idKey(match[1] ?? "");
    const units = Number(match[2]);
    if (!skus.has(key))
      return { ok: false, message: `${match[1]?.trim()} is not one of the campaign's SKUs` };
    if (perSku.has(key)) return { ok: false, message: `${skus.get(key)} is listed twice` };
    if (!wholeUnits(units))
      return { ok: false, message: `expected at most ${MAX_UNITS} units for ${skus.get(key)}` };
    perSku.set(key, units);
  }
  return { ok: true, perSku };
}

export interface CampaignReservation {
  /** Whether the campaign still holds its units (not ended, not wrapped or cancelled). */
  holds: boolean;
  perSku: ReadonlyMap<string, number>;
}

/** Reserved per SKU (keys as `idKey`): the sum over the campaigns that still hold their units. */
export function reservedBySku(campaigns: Iterable<CampaignReservation>): Map<string, number> {
  const total = new Map<string, number>();
  for (const campaign of campaigns) {
    if (!campaign.holds) continue;
    for (const [sku, units] of campaign.perSku) total.set(sku, (total.get(sku) ?? 0) + units);
  }
  return total;
}

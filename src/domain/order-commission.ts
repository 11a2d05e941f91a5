/**
 * What one order should pay its creator, and how far the platform's figure is from it. The rate
 * itself comes from the rate rules (rates.ts, coverage.ts); this is only the arithmetic, so the
 * import, the checks and the operating view agree to the cent.
 */
import { earnsNoCommission } from "./seller-center";

/** Money compared and stored to the cent: 0.1 + 0.2 is 0.3 here. */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** Amount x rate, or 0 for an order that earns nothing (cancelled, refunded, ineligible). */
export function expectedCommission(amount: number, rate: number, status: string): number {
  return earnsNoCommission(status) ? 0 : cents(amount * rate);
}

/** Platform minus expected: positive means the platform credited more than the rules say. */
export function commissionGap(
  platform: number | undefined,
  expected: number | undefined,
): number | undefined {
  return platform === undefined || expected === undefined ? undefined : cents(platform - expected);
}

/** A gap worth listing: a cent of rounding either way is not a difference. */
export function isCommissionDifference(gap: number | undefined): boolean {
  return gap !== undefined && Math.abs(gap) > 0.01;
}

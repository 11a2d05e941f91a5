/**
 * Budget (DESIGN.md section 1): a campaign's spend so far is what its collaborations cost the
 * seller (commission at the applied rates, ads commission, flat fees once owed, sample cost borne);
 * 80% of the budget used is a Medium alert, over 100% a High one.
 */
import { amountPaid, type CollaborationCost } from "./commission";

export const BUDGET_NEAR = 0.8;

export function campaignSpend(costs: readonly CollaborationCost[]): number {
  return costs.reduce((sum, cost) => sum + amountPaid(cost), 0);
}

/** Spend over budget as a fraction; undefined without a positive budget. */
export function budgetUsed(spend: number, budget: number | undefined): number | undefined {
  if (budget === undefined || !(budget > 0)) return undefined;
  return spend / budget;
}

export type BudgetLevel = "Within" | "Near" | "Over";

export function budgetLevel(used: number | undefined): BudgetLevel {
  if (used === undefined) return "Within";
  if (used > 1) return "Over";
  return used >= BUDGET_NEAR ? "Near" : "Within";
}

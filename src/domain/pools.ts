/** The suggested pool of a creator after delivery; the team's own Pool column decides. */
import type { CreatorPool } from "./choices";

export interface PoolThresholds {
  /** `Priority min GMV` */
  priorityMinGmv: number;
  /** `Priority max effective commission` (a fraction) */
  priorityMaxEffectiveCommission: number;
  /** `Test more below collaborations` */
  testMoreBelowCollaborations: number;
}

export interface CreatorRecord {
  collaborations: number;
  /** Every piece of content delivered so far was on time (and at least one was delivered). */
  deliveredOnTime: boolean;
  gmvTotal: number;
  hasAuthorizedContent: boolean;
  /** Undefined when there are no sales yet. */
  effectiveCommission: number | undefined;
}

export interface SuggestedPool {
  pool: CreatorPool;
  /** Why not Priority (empty for Priority); in the users' words, for notes and the sidebar. */
  reasons: string[];
}

export function suggestedPool(record: CreatorRecord, thresholds: PoolThresholds): SuggestedPool {
  if (record.collaborations < thresholds.testMoreBelowCollaborations) {
    return {
      pool: "Test more",
      reasons: [
        `${record.collaborations} of ${thresholds.testMoreBelowCollaborations} collaborations needed`,
      ],
    };
  }
  const reasons: string[] = [];
  if (!record.deliveredOnTime) reasons.push("not delivered on time");
  if (!(record.gmvTotal >= thresholds.priorityMinGmv)) reasons.push(`GMV below ${thresholds.priorityMinGmv}`);
  if (!record.hasAuthorizedContent) reasons.push("no authorized content");
  if (record.effectiveCommission === undefined) reasons.push("no sales yet");
  else if (record.effectiveCommission > thresholds.priorityMaxEffectiveCommission) {
    reasons.push(
      `effective commission above ${Math.round(thresholds.priorityMaxEffectiveCommission * 10000) / 100}%`,
    );
  }
  return { pool: reasons.length === 0 ? "Priority" : "One-off", reasons };
}

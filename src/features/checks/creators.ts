/** Creators: their record across collaborations and the suggested pool. */
import { type CollaborationCost, effectiveCommissionOf } from "../../domain/commission";
import { deliveredOnTime } from "../../domain/payout";
import { suggestedPool } from "../../domain/pools";
import { sampleToPost } from "../../domain/samples";
import { NO_SALES_YET } from "../../domain/status-text";
import { readFlag } from "../../domain/values";
import type { CheckRun, CollabFacts } from "./run";

/** A creator of the Creators tab (its first row), and the collaborations that name them. */
export interface CreatorEntry {
  liveCapable: boolean | undefined;
  /** The collaboration of each Collaborations row naming the creator, in row order. */
  collabs: CollabFacts[];
}

/** Creators by handle as compared (`idKey`). */
export type CreatorLookup = Map<string, CreatorEntry>;

export function creatorLookup(run: CheckRun): CreatorLookup {
  const byHandle: CreatorLookup = new Map();
  for (const [id, row] of run.tables.creators.firstRows)
    byHandle.set(id, { liveCapable: readFlag(row.get("LIVE capable")), collabs: [] });
  return byHandle;
}

export function checkCreators(run: CheckRun, creators: CreatorLookup): void {
  for (const row of run.tables.creators.rows) {
    // One pass over the creator's collaborations (five arrays per creator were most of the garbage).
    let collaborations = 0;
    let delivered = 0;
    let onTime = 0;
    let gmv = 0;
    let deliveredSamples = 0;
    let leading = 0;
    let authorized = false;
    const costs: CollaborationCost[] = [];
    for (const collab of creators.get(row.id)?.collabs ?? NO_COLLABS) {
      if (collab.cancelled) continue;
      collaborations += 1;
      const judged = deliveredOnTime(collab.contentDue, collab.submitted ?? collab.posted);
      if (judged !== undefined) delivered += 1;
      if (judged) onTime += 1;
      gmv = gmv + collab.cost.gmv + (collab.cost.adsGmv ?? 0);
      costs.push(collab.cost);
      deliveredSamples += collab.samplesDelivered;
      leading += collab.samplesLeadingToPost;
      if (collab.authorized) authorized = true;
    }
    const effective = effectiveCommissionOf(costs);
    const pool = suggestedPool(
      {
        collaborations,
        deliveredOnTime: delivered > 0 && onTime === delivered,
        gmvTotal: gmv,
        hasAuthorizedContent: authorized,
        effectiveCommission: effective,
      },
      run.settings,
    );
    run.ownedOf("Creators").set(row.key, {
      Collaborations: collaborations,
      "On time": delivered > 0 ? onTime / delivered : "",
      "GMV total": gmv,
      "Sample-to-post": sampleToPost(deliveredSamples, leading) ?? "",
      "Effective commission": effective ?? NO_SALES_YET,
      "Suggested pool": pool.pool,
    });
  }
}

const NO_COLLABS: readonly CollabFacts[] = [];

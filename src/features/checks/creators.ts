/** Creators: their record across collaborations and the suggested pool. */
import { effectiveCommissionOf } from "../../domain/commission";
import { idKey } from "../../domain/coverage";
import { deliveredOnTime } from "../../domain/payout";
import { suggestedPool } from "../../domain/pools";
import { sampleToPost } from "../../domain/samples";
import { NO_SALES_YET } from "../../domain/status-text";
import { readFlag } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import { type CheckRun, type CollabFacts, groupBy, text } from "./run";

export interface CreatorLookup {
  liveCapable(handle: string): boolean | undefined;
}

export function creatorLookup(run: CheckRun): CreatorLookup {
  const byHandle = new Map<string, TableRow>();
  for (const row of run.tables.creators.rows)
    if (!byHandle.has(idKey(row.key))) byHandle.set(idKey(row.key), row);
  return { liveCapable: (handle) => readFlag(byHandle.get(idKey(handle))?.get("LIVE capable")) };
}

export function checkCreators(run: CheckRun): void {
  const collabsByCreator = groupBy(run.tables.collaborations.rows, (row) => idKey(text(row.get("Creator"))));
  for (const row of run.tables.creators.rows) {
    const mine = (collabsByCreator.get(idKey(row.key)) ?? [])
      .map((collab) => run.factsOf(collab.key))
      .filter((collab): collab is CollabFacts => collab !== undefined && !collab.cancelled);
    const judged = mine.map((collab) =>
      deliveredOnTime(collab.contentDue, collab.submitted ?? collab.posted),
    );
    const delivered = judged.filter((onTime) => onTime !== undefined);
    const onTime = delivered.filter(Boolean).length;
    const gmv = mine.reduce((sum, collab) => sum + collab.gmv + collab.adsGmv, 0);
    const effective = effectiveCommissionOf(mine.flatMap((collab) => (collab.cost ? [collab.cost] : [])));
    const deliveredSamples = mine.reduce((sum, collab) => sum + collab.samplesDelivered, 0);
    const leading = mine.reduce((sum, collab) => sum + collab.samplesLeadingToPost, 0);
    const pool = suggestedPool(
      {
        collaborations: mine.length,
        deliveredOnTime: delivered.length > 0 && onTime === delivered.length,
        gmvTotal: gmv,
        hasAuthorizedContent: mine.some((collab) => collab.authorized),
        effectiveCommission: effective,
      },
      run.settings,
    );
    run.ownedOf("Creators").set(row.key, {
      Collaborations: mine.length,
      "On time": delivered.length > 0 ? onTime / delivered.length : "",
      "GMV total": gmv,
      "Sample-to-post": sampleToPost(deliveredSamples, leading) ?? "",
      "Effective commission": effective ?? NO_SALES_YET,
      "Suggested pool": pool.pool,
    });
  }
}

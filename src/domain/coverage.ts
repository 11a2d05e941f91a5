/**
 * Which Target collaboration covers a sale (DESIGN.md section 1): a Target collaboration covers
 * its creator for every SKU of its campaign (or only its own row's SKU, when filled) on every day
 * of the campaign window, unless the row or the campaign is cancelled. When several cover the same
 * creator, SKU and day, the one whose window started last wins. Row order never matters.
 *
 * One index serves the Applied rate column, effective commission, the sidebar preview, recruit and
 * the Seller Center import.
 */
import type { Day } from "./day";
import { insideWindow } from "./rates";

/** An ID, handle or SKU as compared everywhere: trimmed, case-insensitive, inner spaces folded. */
export function idKey(id: string): string {
  // Most IDs are plain ASCII: lower-case them (or return them as they are) without
  // the trim and the regular expression, which a large check runs millions of times.
  let upper = false;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    // A single space between words is already as compared; any other space or non-ASCII is not.
    const lone = code === 32 && index > 0 && index < id.length - 1 && id.charCodeAt(index - 1) !== 32;
    if ((code <= 32 && !lone) || code >= 127) return normalizedId(id);
    if (code >= 65 && code <= 90) upper = true;
  }
  return upper ? id.toLowerCase() : id;
}

function normalizedId(id: string): string {
  return id
    .trim()
    .replace(/[\s\u00a0]+/g, " ")
    .toLowerCase();
}

/** A creator's handle as compared everywhere: Seller Center drops the `@` many teams type. */
export function creatorKey(handle: string): string {
  const key = idKey(handle);
  return key.charCodeAt(0) === 64 ? key.slice(1) : key;
}

export interface TargetCover<T> {
  /** The collaboration's own ID: breaks a tie between windows that start the same day. */
  id: string;
  creator: string;
  /** The row's own SKU when filled, else every SKU of its campaign. */
  skus: readonly string[];
  start?: Day | undefined;
  end?: Day | undefined;
  /** The row's Cancelled flag, or the campaign's Status is Cancelled: such a row never covers. */
  cancelled: boolean;
  /** What the caller needs back (the campaign, its rates). */
  value: T;
}

export interface CoverageIndex<T> {
  /** The Target collaboration covering this creator, SKU and day, if any. */
  covering(creator: string, sku: string, day: Day): TargetCover<T> | undefined;
  /** The same, for a creator and SKU already as compared (`creatorKey`, `idKey`). */
  coveringKeys(creator: string, sku: string, day: Day): TargetCover<T> | undefined;
}

const NO_START = Number.NEGATIVE_INFINITY;

/** Later start first; on the same start, the larger ID (compared as idKey), so order never matters. */
function byPriority<T>(a: TargetCover<T>, b: TargetCover<T>): number {
  const startA = a.start ?? NO_START;
  const startB = b.start ?? NO_START;
  if (startA !== startB) return startB - startA;
  const idA = idKey(a.id);
  const idB = idKey(b.id);
  return idA === idB ? 0 : idA < idB ? 1 : -1;
}

export function coverageIndex<T>(covers: Iterable<TargetCover<T>>): CoverageIndex<T> {
  // SKU, then creator: a workbook has a few hundred SKUs and tens of thousands of creators, so
  // this builds a map per SKU rather than one per creator, and no key text per look-up.
  const bySkuAndCreator = new Map<string, Map<string, TargetCover<T>[]>>();
  for (const cover of covers) {
    if (cover.cancelled) continue;
    const creator = creatorKey(cover.creator);
    if (creator === "") continue;
    for (const listed of cover.skus) {
      const sku = idKey(listed);
      if (sku === "") continue;
      let byCreator = bySkuAndCreator.get(sku);
      if (!byCreator) {
        byCreator = new Map();
        bySkuAndCreator.set(sku, byCreator);
      }
      const list = byCreator.get(creator);
      // A SKU listed twice (`A, a`) is one cover: it was just added under that SKU.
      if (list?.at(-1) === cover) continue;
      if (list) list.push(cover);
      else byCreator.set(creator, [cover]);
    }
  }
  for (const byCreator of bySkuAndCreator.values())
    for (const list of byCreator.values()) if (list.length > 1) list.sort(byPriority);
  const coveringKeys = (creator: string, sku: string, day: Day): TargetCover<T> | undefined => {
    const list = bySkuAndCreator.get(sku)?.get(creator);
    if (!list) return undefined;
    for (const cover of list) if (insideWindow(day, cover.start, cover.end)) return cover;
    return undefined;
  };
  return {
    covering: (creator, sku, day) => coveringKeys(creatorKey(creator), idKey(sku), day),
    coveringKeys,
  };
}

/** What the coverage rule needs of a campaign. */
export interface CoveringCampaign {
  lane?: string | undefined;
  skus: readonly string[];
  start?: Day | undefined;
  end?: Day | undefined;
  status: string;
  /** The campaign's Commission rate: a Target collaboration without one has nothing to pay. */
  rate?: number | undefined;
}

/**
 * The cover of one Collaborations row, or undefined when the row cannot cover a sale (not the
 * Target lane, or no rate). A blank SKU stands for every SKU of the campaign.
 */
export function targetCoverOf<C extends CoveringCampaign>(
  row: { id: string; creator: string; sku: string; cancelled: boolean },
  campaign: C | undefined,
): TargetCover<C> | undefined {
  if (!campaign || idKey(campaign.lane ?? "") !== "target" || campaign.rate === undefined) return undefined;
  return {
    id: row.id,
    creator: row.creator,
    skus: row.sku.trim() ? [row.sku] : campaign.skus,
    start: campaign.start,
    end: campaign.end,
    cancelled: row.cancelled || idKey(campaign.status) === "cancelled",
    value: campaign,
  };
}

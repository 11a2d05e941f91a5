/**
 * The Import tab's words, without a page: the confirm button and what a confirmed import did,
 * both from the preview (the confirm writes exactly what it previewed). Counts are marked as
 * the rest of the panel marks them.
 */
import type { ImportPreview } from "../src/features/order-import";

export const count = (value: number) => value.toLocaleString("en-US");
export const plural = (value: number, word: string) => `${count(value)} ${word}${value === 1 ? "" : "s"}`;

/**
 * What the button will do: orders, and creators when asked for. An import may add only creators,
 * or only fill blank GMV cells and price orders again: it does not say "Import 0 new" then.
 */
export function confirmLabel({ counts, creatorsAdded }: ImportPreview): string {
  const orders =
    counts.new > 0 || counts.updated > 0
      ? `Import ${count(counts.new)} new, update ${count(counts.updated)}`
      : "";
  const creators = creatorsAdded > 0 ? plural(creatorsAdded, "creator") : "";
  if (orders && creators) return `${orders}, add ${creators}`;
  return orders || (creators ? `Add ${creators}` : "Write these changes");
}

/** What a confirmed import did: orders, orders priced again, creators added, blank cells filled. */
export function importDoneText({ counts, creatorsAdded, collaborations, rematched }: ImportPreview): string {
  return [
    `Imported ${plural(counts.new, "new order row")} and updated ${count(counts.updated)}; ${count(counts.unchanged)} unchanged, ${count(counts.skipped)} skipped.`,
    rematched > 0 ? `Matched and priced ${plural(rematched, "order")} again.` : "",
    creatorsAdded > 0 ? `Added ${plural(creatorsAdded, "creator")} to Creators.` : "",
    collaborations.filled > 0
      ? `Filled ${plural(collaborations.filled, "blank cell")} of GMV, Ads GMV or First sale from orders.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
}

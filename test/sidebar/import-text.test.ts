/** The Import tab's words, without a page: the confirm button and what a confirmed import did. */
import { describe, expect, it } from "vitest";
import { confirmLabel, importDoneText } from "../../sidebar/import-text";
import type { ImportPreview } from "../../src/features/order-import";

function preview(
  counts: Partial<ImportPreview["counts"]>,
  more: { creatorsAdded?: number; rematched?: number; filled?: number } = {},
): ImportPreview {
  return {
    counts: { new: 0, updated: 0, unchanged: 0, skipped: 0, ...counts },
    creatorsAdded: more.creatorsAdded ?? 0,
    rematched: more.rematched ?? 0,
    collaborations: { filled: more.filled ?? 0, differences: [], differenceCount: 0 },
  } as unknown as ImportPreview;
}

describe("the import's confirm button", () => {
  it("names the orders, and the creators when they are added", () => {
    expect(confirmLabel(preview({ new: 1_234, updated: 5 }))).toBe("Import 1,234 new, update 5");
    expect(confirmLabel(preview({ new: 3 }, { creatorsAdded: 2 }))).toBe(
      "Import 3 new, update 0, add 2 creators",
    );
  });

  it("never says 'Import 0 new, update 0' for an import that adds creators or only prices again", () => {
    expect(confirmLabel(preview({ unchanged: 286 }, { creatorsAdded: 1 }))).toBe("Add 1 creator");
    expect(confirmLabel(preview({ unchanged: 286 }, { rematched: 4 }))).toBe("Write these changes");
  });
});

describe("what a confirmed import says", () => {
  it("counts the orders as the preview does, thousands marked", () => {
    expect(importDoneText(preview({ new: 12_345, updated: 1, unchanged: 1_000 }))).toBe(
      "Imported 12,345 new order rows and updated 1; 1,000 unchanged, 0 skipped.",
    );
    expect(importDoneText(preview({ new: 1 }))).toBe(
      "Imported 1 new order row and updated 0; 0 unchanged, 0 skipped.",
    );
  });

  it("says what it wrote besides orders: orders priced again, creators added, cells filled", () => {
    expect(
      importDoneText(preview({ unchanged: 3, skipped: 4 }, { rematched: 1, creatorsAdded: 14, filled: 99 })),
    ).toBe(
      "Imported 0 new order rows and updated 0; 3 unchanged, 4 skipped. Matched and priced 1 order again. Added 14 creators to Creators. Filled 99 blank cells of GMV, Ads GMV or First sale from orders.",
    );
  });
});

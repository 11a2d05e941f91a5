import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { coverageIndex, creatorKey, idKey, type TargetCover, targetCoverOf } from "../../src/domain/coverage";
import { dayFromIso } from "../../src/domain/day";
import { rateDay, saleRate } from "../../src/domain/rates";

const d = (iso: string) => dayFromIso(iso) as number;

const cover = (
  id: string,
  skus: string[],
  start: string,
  end: string,
  extra: Partial<TargetCover<string>> = {},
) =>
  ({
    id,
    creator: "@ana",
    skus,
    start: d(start),
    end: d(end),
    cancelled: false,
    value: id,
    ...extra,
  }) satisfies TargetCover<string>;

describe("which Target collaboration covers a sale", () => {
  it("covers every SKU of the campaign on every day of its window, and nothing outside it", () => {
    const index = coverageIndex([cover("T-1", ["SKU-1", "SKU-2"], "2026-12-01", "2026-12-31")]);
    expect(index.covering("@ana", "SKU-2", d("2026-12-15"))?.id).toBe("T-1");
    expect(index.covering("@ana", "SKU-1", d("2026-12-01"))?.id).toBe("T-1");
    expect(index.covering("@ana", "SKU-1", d("2026-12-31"))?.id).toBe("T-1");
    expect(index.covering("@ana", "SKU-1", d("2027-01-01"))).toBeUndefined();
    expect(index.covering("@ana", "SKU-3", d("2026-12-15"))).toBeUndefined();
    expect(index.covering("@bo", "SKU-1", d("2026-12-15"))).toBeUndefined();
  });

  it("a reused creator is covered by the collaboration whose window holds the day, not an older one", () => {
    const index = coverageIndex([
      cover("OLD", ["SKU-1"], "2026-06-01", "2026-06-30"),
      cover("NOW", ["SKU-1"], "2026-12-01", "2026-12-31"),
    ]);
    expect(index.covering("@ana", "SKU-1", d("2026-12-10"))?.id).toBe("NOW");
    expect(index.covering("@ana", "SKU-1", d("2026-06-10"))?.id).toBe("OLD");
    expect(index.covering("@ana", "SKU-1", d("2026-09-10"))).toBeUndefined();
  });

  it("the window that started last wins where several overlap", () => {
    const index = coverageIndex([
      cover("LONG", ["SKU-1"], "2026-11-01", "2027-01-31"),
      cover("EVENT", ["SKU-1"], "2026-12-10", "2026-12-12"),
    ]);
    expect(index.covering("@ana", "SKU-1", d("2026-12-11"))?.id).toBe("EVENT");
    expect(index.covering("@ana", "SKU-1", d("2026-12-13"))?.id).toBe("LONG");
  });

  it("cancelled rows never cover; IDs, handles and SKUs compare trimmed and case-insensitively", () => {
    const index = coverageIndex([
      cover("LATE", ["SKU-1"], "2026-12-05", "2026-12-31", { cancelled: true }),
      cover("EARLY", [" sku-1 "], "2026-12-01", "2026-12-31", { creator: " @ANA " }),
    ]);
    expect(index.covering("@ana", "SKU-1", d("2026-12-10"))?.id).toBe("EARLY");
    expect(idKey("  C-001 ")).toBe(idKey("c-001"));
    expect(idKey("Campaign\u00a0 ID")).toBe("campaign id");
  });

  const covers = fc.array(
    fc.record({
      id: fc.constantFrom("A", "B", "C", "D", "E"),
      creator: fc.constantFrom("@ana", "@bo"),
      skus: fc.subarray(["SKU-1", "SKU-2", "SKU-3"], { minLength: 1 }),
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 0, max: 60 }),
      cancelled: fc.boolean(),
    }),
    { maxLength: 12 },
  );
  const toCovers = (
    list: {
      id: string;
      creator: string;
      skus: string[];
      start: number;
      length: number;
      cancelled: boolean;
    }[],
  ) =>
    list.map(({ id, creator, skus, start, length, cancelled }, n) => ({
      id: `${id}${n}`,
      creator,
      skus,
      start,
      end: start + length,
      cancelled,
      value: n,
    }));

  test.prop([covers, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -5, max: 130 })])(
    "the answer never depends on row order",
    (list, seed, day) => {
      const all = toCovers(list);
      const shuffled = [...all].sort(
        (a, b) => ((a.value * 7919 + seed) % 97) - ((b.value * 7919 + seed) % 97),
      );
      const one = coverageIndex(all);
      const other = coverageIndex(shuffled);
      for (const creator of ["@ana", "@bo"]) {
        for (const sku of ["SKU-1", "SKU-2", "SKU-3"]) {
          expect(other.covering(creator, sku, day)?.id).toBe(one.covering(creator, sku, day)?.id);
        }
      }
    },
  );

  test.prop([covers, fc.integer({ min: -5, max: 130 })])(
    "the winner covers the day, is not cancelled, and no other cover of that day started later",
    (list, day) => {
      const all = toCovers(list);
      const index = coverageIndex(all);
      for (const creator of ["@ana", "@bo"]) {
        for (const sku of ["SKU-1", "SKU-2", "SKU-3"]) {
          const candidates = all.filter(
            (c) =>
              !c.cancelled && c.creator === creator && c.skus.includes(sku) && c.start <= day && day <= c.end,
          );
          const winner = index.covering(creator, sku, day);
          if (candidates.length === 0) expect(winner).toBeUndefined();
          else {
            expect(candidates.some((c) => c === winner)).toBe(true);
            expect(Math.max(...candidates.map((c) => c.start))).toBe(winner?.start);
          }
        }
      }
    },
  );
});

describe("the cover of a Collaborations row", () => {
  const campaign = {
    lane: "target ",
    skus: ["SKU-1", "SKU-2"],
    start: 10,
    end: 40,
    status: "Live",
    rate: 0.2,
  };
  const row = { id: "K-1", creator: "@ana", sku: "", cancelled: false };
  it("covers the campaign's SKUs, or only the row's own SKU when filled", () => {
    expect(targetCoverOf(row, campaign)).toMatchObject({
      skus: ["SKU-1", "SKU-2"],
      start: 10,
      end: 40,
      value: campaign,
    });
    expect(targetCoverOf({ ...row, sku: "SKU-2" }, campaign)?.skus).toEqual(["SKU-2"]);
  });

  it("is cancelled with its row or its campaign, and absent outside the Target lane or without a rate", () => {
    expect(targetCoverOf({ ...row, cancelled: true }, campaign)?.cancelled).toBe(true);
    expect(targetCoverOf(row, { ...campaign, status: "Cancelled" })?.cancelled).toBe(true);
    expect(targetCoverOf(row, { ...campaign, status: "Wrapped" })?.cancelled).toBe(false);
    expect(targetCoverOf(row, { ...campaign, lane: "Open" })).toBeUndefined();
    expect(targetCoverOf(row, { ...campaign, lane: "Partner" })).toBeUndefined();
    expect(targetCoverOf(row, { ...campaign, rate: undefined })).toBeUndefined();
    expect(targetCoverOf(row, undefined)).toBeUndefined();
  });
});

describe("one creator key and one rate rule for a sale", () => {
  it("reads `@Amy`, ` amy ` and `AMY` as one creator, in the key and in the index", () => {
    expect(new Set(["@Amy", " amy ", "AMY", " @amy"].map(creatorKey))).toEqual(new Set(["amy"]));
    const index = coverageIndex([cover("T-1", ["SKU-1"], "2026-12-01", "2026-12-31", { creator: "@Amy" })]);
    expect(index.covering("amy", "SKU-1", d("2026-12-10"))?.id).toBe("T-1");
  });

  it("reads a collaboration's rate on today clamped into its campaign window", () => {
    expect(rateDay(10, 15, 30)).toBe(15);
    expect(rateDay(20, 15, 30)).toBe(20);
    expect(rateDay(40, 15, 30)).toBe(30);
    expect(rateDay(40)).toBe(40);
  });

  it("ranks Partner > Target > Open, for standard rates and for the Shop Ads ladder", () => {
    const partner = { rate: 0.12, adsRate: 0.25 };
    const target = { rate: 0.15, adsRate: 0.05 };
    const open = { rate: 0.1, adsRate: 0.08 };
    expect(saleRate({ partner, target, open, adOrder: true })).toEqual({
      rate: 0.25,
      standardRate: 0.12,
      adsRate: 0.25,
    });
    expect(saleRate({ target, open, adOrder: false })).toEqual({
      rate: 0.15,
      standardRate: 0.15,
      adsRate: 0.05,
    });
    // The Target rate wins even when lower; an ad order without any ads rate earns the standard rate.
    expect(saleRate({ target: { rate: 0.05 }, open: { rate: 0.1 }, adOrder: true }).rate).toBe(0.05);
    expect(saleRate({ open: {}, adOrder: true })).toEqual({
      rate: undefined,
      standardRate: undefined,
      adsRate: undefined,
    });
  });
});

describe("idKey and creatorKey on any text", () => {
  // The shortcut for plain ASCII IDs must give exactly what the full normalization gives.
  const normalized = (id: string) =>
    id
      .trim()
      .replace(/[\s\u00a0]+/g, " ")
      .toLowerCase();
  const idText = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom("A", "b", "-", "0", " ", "  ", "\t", "\u00a0", "@", "É", "\u2003") }),
  );
  test.prop([idText])("idKey trims, folds inner spaces and lower-cases", (id) => {
    expect(idKey(id)).toBe(normalized(id));
    expect(idKey(idKey(id))).toBe(idKey(id));
  });
  test.prop([idText])("creatorKey also drops one leading @", (handle) => {
    expect(creatorKey(handle)).toBe(normalized(handle).replace(/^@/, ""));
  });
});

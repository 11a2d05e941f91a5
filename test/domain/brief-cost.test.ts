import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectedCostPerCreator } from "../../src/domain/brief-cost";
import { LANES, PAYMENT_MODELS, SAMPLE_POLICIES } from "../../src/domain/choices";

const flatFeeBrief = {
  lane: "Target" as const,
  commissionRate: 0.1,
  openRate: 0.15,
  paymentModel: "Flat fee + commission" as const,
  flatFee: 200,
  samplePolicy: "Free sample" as const,
  sampleCost: 12,
};

describe("expected cost per creator", () => {
  it("adds commission at the applied rate, the flat fee once approved and the sample borne", () => {
    const cost = expectedCostPerCreator({ ...flatFeeBrief, gmv: 1000 });
    // Target wins over the higher Open rate of the SKU.
    expect(cost.rate).toBe(0.1);
    expect(cost).toMatchObject({ commission: 100, flatFee: 200, sampleCost: 12, total: 312 });
    expect(cost.effective).toBeCloseTo(0.312, 10);
  });

  it("pays the SKU's Open plan rate in the Open lane, the campaign's rate where the SKU has none", () => {
    const open = { ...flatFeeBrief, lane: "Open" as const, gmv: 1000 };
    expect(expectedCostPerCreator(open).rate).toBe(0.15);
    expect(expectedCostPerCreator({ ...open, openRate: undefined }).rate).toBe(0.1);
  });

  it("has no effective rate without GMV, and says what is paid anyway", () => {
    const cost = expectedCostPerCreator({ ...flatFeeBrief, gmv: 0 });
    expect(cost.effective).toBeUndefined();
    expect(cost.total).toBe(212);
    expect(expectedCostPerCreator({ ...flatFeeBrief, gmv: Number.NaN }).total).toBe(212);
  });

  it("pays no fee under commission only, and refunds a sample only after a sale", () => {
    const terms = {
      ...flatFeeBrief,
      paymentModel: "Commission only" as const,
      samplePolicy: "Refund after first sale" as const,
    };
    expect(expectedCostPerCreator({ ...terms, gmv: 0 })).toMatchObject({
      flatFee: 0,
      sampleCost: 0,
      total: 0,
    });
    expect(expectedCostPerCreator({ ...terms, gmv: 500 })).toMatchObject({
      flatFee: 0,
      sampleCost: 12,
      total: 62,
    });
    expect(expectedCostPerCreator({ ...terms, samplePolicy: "No sample", gmv: 500 }).sampleCost).toBe(0);
  });

  test.prop([
    fc.constantFrom(...LANES),
    fc.constantFrom(...PAYMENT_MODELS),
    fc.constantFrom(...SAMPLE_POLICIES),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    fc.double({ min: 0, max: 10_000, noNaN: true }),
    fc.double({ min: 0, max: 500, noNaN: true }),
    fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e7, noNaN: true })),
  ])(
    "is total over GMV, never NaN or infinite",
    (lane, paymentModel, samplePolicy, rate, openRate, fee, sample, gmv) => {
      const cost = expectedCostPerCreator({
        lane,
        commissionRate: rate,
        openRate,
        paymentModel,
        flatFee: fee,
        samplePolicy,
        sampleCost: sample,
        gmv,
      });
      expect(Number.isFinite(cost.total)).toBe(true);
      expect(cost.total).toBeCloseTo(cost.commission + cost.flatFee + cost.sampleCost, 6);
      if (gmv > 0) expect(cost.effective).toBeCloseTo(cost.total / gmv, 9);
      else expect(cost.effective).toBeUndefined();
      // Target and Partner: the brief's rate wins over the Open rate. Open: the SKU's Open plan rate, if any.
      expect(cost.rate).toBe(lane === "Open" ? (openRate ?? rate) : rate);
      // With no ads rate set, ad orders earn the standard rate.
      expect(cost.ads).toEqual({ rate: cost.rate, source: "Standard" });
    },
  );
});

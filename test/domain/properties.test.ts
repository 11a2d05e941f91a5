import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { adUsableUntil, authorizationLastDay } from "../../src/domain/authorization";
import { dayFromIso, LAST_DAY } from "../../src/domain/day";
import { PAYOUT_STATES, payoutStatus } from "../../src/domain/payout";
import { appliedRate } from "../../src/domain/rates";

const base = dayFromIso("2026-01-01") as number;
const day = fc.integer({ min: base - 400, max: base + 400 });
const rate = fc.double({ min: 0, max: 1, noNaN: true });

describe("rule properties", () => {
  test.prop([rate, fc.option(rate, { nil: undefined }), day, fc.nat(200), fc.nat(200)])(
    "Target always wins inside its window",
    (targetRate, openRate, start, length, offset) => {
      const end = start + length;
      const saleDay = start + (offset % (length + 1));
      expect(appliedRate({ targetRate, openRate, targetStart: start, targetEnd: end, saleDay })).toEqual({
        rate: targetRate,
        lane: "Target",
      });
    },
  );

  test.prop([rate, rate, day, fc.nat(200), fc.integer({ min: 1, max: 300 })])(
    "Open applies outside the Target window",
    (targetRate, openRate, start, length, away) => {
      const end = start + length;
      for (const saleDay of [start - away, end + away]) {
        expect(appliedRate({ targetRate, openRate, targetStart: start, targetEnd: end, saleDay })?.lane).toBe(
          "Open",
        );
      }
    },
  );

  // Fill in the facts of a flat-fee collaboration in their natural order; the state never goes back.
  const rank = (state: string): number => {
    if (state === "Content overdue") return PAYOUT_STATES.indexOf("Awaiting content");
    return PAYOUT_STATES.indexOf(state as (typeof PAYOUT_STATES)[number]);
  };
  test.prop([day, fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(400)])(
    "payout state only moves forward as dates are filled in",
    (accepted, dueIn, submitIn, approveIn, payIn, todayIn) => {
      const contentDue = accepted + dueIn;
      const submitted = accepted + submitIn;
      const approved = submitted + approveIn;
      const paid = approved + payIn;
      const today = accepted + todayIn;
      const steps = [
        { contentDue },
        { contentDue, submitted },
        { contentDue, submitted, approved },
        { contentDue, submitted, approved, paid },
      ].map((facts) => payoutStatus({ paymentModel: "Flat fee + commission", today, ...facts }).state);
      for (let index = 1; index < steps.length; index += 1) {
        expect(rank(steps[index] as string)).toBeGreaterThan(rank(steps[index - 1] as string));
      }
      expect(steps.at(-1)).toBe("Paid");
    },
  );

  test.prop([day, fc.integer({ min: 1, max: 3650 }), fc.option(day, { nil: undefined })])(
    "ad-usable-until never exceeds either limit",
    (granted, durationDays, collabEnd) => {
      const usable = adUsableUntil({ granted, durationDays, collabEnd });
      if (usable.kind !== "Until") throw new Error("expected a day");
      expect(usable.day).toBeLessThanOrEqual(authorizationLastDay(granted, durationDays));
      if (collabEnd !== undefined) expect(usable.day).toBeLessThanOrEqual(collabEnd);
      expect(usable.day).toBeLessThanOrEqual(LAST_DAY + 3650);
      expect([authorizationLastDay(granted, durationDays), collabEnd]).toContain(usable.day);
    },
  );
});

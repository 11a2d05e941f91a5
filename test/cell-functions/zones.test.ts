import { TZDate } from "@date-fns/tz";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { cellFunctions } from "../../src/features/cell-functions/catalog";
import type { CellContext } from "../../src/features/cell-functions/types";

const ZONES = ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Auckland"] as const;
const run = (name: string, context: CellContext, ...args: unknown[]) => {
  const fn = cellFunctions.find((candidate) => candidate.name === name);
  if (!fn) throw new Error(name);
  return fn.run(context, ...args);
};

// Days within three weeks of the 2025-2027 DST changes of Los Angeles and Auckland.
const TRANSITIONS = [
  "2025-03-09",
  "2025-11-02",
  "2025-04-06",
  "2025-09-28",
  "2026-03-08",
  "2026-11-01",
  "2026-04-05",
  "2026-09-27",
];
const aroundTransition = fc
  .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -21, max: 21 }))
  .map(([iso, offset]) => {
    const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
    return { year, month: month - 1, dayOfMonth: dayOfMonth + offset };
  });

/** Midnight of a civil date in a zone, built by an independent library. */
const midnight = (zone: string, date: { year: number; month: number; dayOfMonth: number }) =>
  new Date(new TZDate(date.year, date.month, date.dayOfMonth, zone).getTime());

describe("day counts across DST", () => {
  test.prop([aroundTransition, aroundTransition, aroundTransition, fc.integer({ min: 1, max: 60 })])(
    "are the same in every zone",
    (a, b, today, duration) => {
      const results = ZONES.map((zone) => {
        const context: CellContext = { timeZone: zone, now: midnight(zone, today) };
        const [first, second] = [midnight(zone, a), midnight(zone, b)].sort(
          (x, y) => x.getTime() - y.getTime(),
        );
        const usable = run("AD_USABLE_UNTIL", context, first, duration, second);
        return {
          window: run("WINDOW_STATUS", context, first, second, midnight(zone, today)),
          windowDefaultToday: run("WINDOW_STATUS", context, first, second),
          auth: run("AUTH_STATUS", context, first, duration, true, second, midnight(zone, today)),
          payout: run(
            "PAYOUT_STATUS",
            context,
            "Flat fee + commission",
            second,
            "",
            "",
            "",
            midnight(zone, today),
          ),
          // The returned Date is midnight in the zone: compare its civil date there.
          usable:
            usable instanceof Date
              ? new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(usable)
              : String(usable),
          usableIsMidnight:
            usable instanceof Date && usable.getTime() === midnight(zone, ymd(usable, zone)).getTime(),
        };
      });
      for (const result of results.slice(1)) expect(result).toEqual(results[0]);
      expect(results[0]?.usableIsMidnight).toBe(true);
    },
  );

  test.prop([fc.constantFrom(...ZONES), aroundTransition, fc.integer({ min: 0, max: 23 })])(
    "reads any instant of a day as that day",
    (zone, date, hour) => {
      const start = midnight(zone, date);
      const instant = new Date(start.getTime() + hour * 3_600_000);
      const sameDay = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(instant);
      const context: CellContext = { timeZone: zone, now: instant };
      // A window of that one day is "Ending today" exactly when the instant is still on that day.
      const expected = sameDay === new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(start);
      expect(run("WINDOW_STATUS", context, start, start) === "Ending today").toBe(expected);
    },
  );
});

function ymd(date: Date, zone: string) {
  const [year, month, dayOfMonth] = new Intl.DateTimeFormat("en-CA", { timeZone: zone })
    .format(date)
    .split("-")
    .map(Number) as [number, number, number];
  return { year, month: month - 1, dayOfMonth };
}

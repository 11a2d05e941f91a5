import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellFunctions } from "../../src/features/cell-functions/catalog";
import type { CellContext } from "../../src/features/cell-functions/types";

const scalar = fc.oneof(
  fc.constant(""),
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.constantFrom(
    "15%",
    "-5%",
    "150%",
    "2026-12-01",
    "2026-02-30",
    "Yes",
    "No",
    "TRUE",
    "Rejected",
    "Free sample",
  ),
  fc.constantFrom(
    "Flat fee + commission",
    "Commission only",
    "Refund after first sale",
    "No sample",
    " 7 ",
    "1e400",
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    0,
    -1,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    46_357,
    0.5,
  ),
  fc.boolean(),
  fc.date(),
  fc.constant(new Date(Number.NaN)),
  fc.constant({}),
);
const column = fc.array(fc.oneof(fc.tuple(scalar), scalar, fc.array(scalar, { maxLength: 2 })), {
  maxLength: 6,
});
const argument = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: column });

function checkOutput(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  if (value instanceof Date) expect(Number.isNaN(value.getTime())).toBe(false);
  if (Array.isArray(value)) for (const item of value) checkOutput(item);
  // A message may echo the bad input ("got NaN"); everything else must be a real status.
  if (typeof value === "string" && !value.includes(": expected "))
    expect(value).not.toMatch(/NaN|Infinity|undefined/);
}

describe("fuzzing every custom function", () => {
  for (const fn of cellFunctions) {
    it(`${fn.name} never fails with a TypeError nor returns NaN or Infinity`, () => {
      const zones = fc.constantFrom("UTC", "America/Los_Angeles", "Pacific/Auckland", "Bad/Zone");
      fc.assert(
        fc.property(zones, fc.array(argument, { maxLength: fn.params.length }), (timeZone, args) => {
          const context: CellContext = { timeZone, now: new Date("2026-12-10T12:00:00Z") };
          let result: unknown;
          try {
            result = fn.run(context, ...args);
          } catch (error) {
            // A thrown Error with a message is the answer for a bad single cell.
            expect(error).toBeInstanceOf(Error);
            expect(error).not.toBeInstanceOf(TypeError);
            expect(error).not.toBeInstanceOf(RangeError);
            expect((error as Error).message.length).toBeGreaterThan(10);
            return;
          }
          checkOutput(result);
          if (args.some(Array.isArray)) {
            const rows = (args.find(Array.isArray) as unknown[]).length;
            if (rows > 0) expect((result as unknown[]).length).toBe(rows);
          }
        }),
        { numRuns: 10_000 },
      );
    });
  }
});

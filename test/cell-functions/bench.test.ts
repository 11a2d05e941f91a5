import { describe, expect, it } from "vitest";
import { benchCellFunctions } from "../../bench/cell-functions";
import { cellFunctions } from "../../src/features/cell-functions/catalog";

describe("cell-function benchmark", () => {
  it("times every catalog function on 10,000 rows, well under the 30-second limit", () => {
    const results = benchCellFunctions();
    expect(results.map((result) => result.name)).toEqual(cellFunctions.map((fn) => fn.name));
    for (const result of results) {
      expect(result.rows).toBe(10_000);
      // Generous for slow CI machines; the real numbers are a few ms (see npm run bench).
      expect(result.ms, result.name).toBeLessThan(1_000);
    }
  });
});

import { describe, expect, it } from "vitest";
import { addDays, dayKey, startOfDay, zonedParts, zonedTime } from "../../src/local/zone";

describe("zone arithmetic", () => {
  it("maps wall times to instants, including DST gaps and repeats", () => {
    expect(zonedTime("America/Los_Angeles", 2026, 3, 8, 1, 30).toISOString()).toBe(
      "2026-03-08T09:30:00.000Z",
    );
    // 02:30 does not exist on the spring-forward day; it maps forward to 03:30 PDT.
    expect(zonedTime("America/Los_Angeles", 2026, 3, 8, 2, 30).toISOString()).toBe(
      "2026-03-08T10:30:00.000Z",
    );
    // 01:30 happens twice on the fall-back day; the first (PDT) one is chosen.
    expect(zonedTime("America/Los_Angeles", 2026, 11, 1, 1, 30).toISOString()).toBe(
      "2026-11-01T08:30:00.000Z",
    );
    expect(zonedTime("Pacific/Auckland", 2026, 4, 5, 2, 30).toISOString()).toBe("2026-04-04T13:30:00.000Z");
    expect(zonedTime("Asia/Kolkata", 2026, 1, 1).toISOString()).toBe("2025-12-31T18:30:00.000Z");
  });

  it("finds days and keeps wall time when adding days", () => {
    const evening = new Date("2026-03-07T04:00:00Z"); // March 6, 20:00 PST
    expect(dayKey(evening, "America/Los_Angeles")).toBe("2026-03-06");
    expect(dayKey(evening, "Etc/UTC")).toBe("2026-03-07");
    expect(startOfDay(evening, "America/Los_Angeles").toISOString()).toBe("2026-03-06T08:00:00.000Z");
    expect(addDays(evening, 3, "America/Los_Angeles").toISOString()).toBe("2026-03-10T03:00:00.000Z");
    expect(addDays(evening, -1, "America/Los_Angeles").toISOString()).toBe("2026-03-06T04:00:00.000Z");
  });

  it("returns parts that callers cannot corrupt through the cache", () => {
    const parts = zonedParts(0, "Etc/UTC");
    parts.year = 1;
    expect(zonedParts(0, "Etc/UTC").year).toBe(1970);
    expect(zonedParts(new Date("2026-03-09T12:00:00Z"), "Etc/UTC").weekday).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import type { Alert } from "../../src/domain/alerts";
import type { Reader } from "../../src/features/digest";
import {
  claimDigests,
  DAILY_DIGEST_LIMIT,
  type DigestLedger,
  describeMisses,
  parseLedger,
  settleDigests,
  shortHash,
} from "../../src/features/digest-ledger";

const alerts = [{ severity: "High" } as Alert];
const reader = (address: string, role: Reader["role"] = "owner"): Reader => ({ address, role, alerts });
const people = (count: number) =>
  Array.from({ length: count }, (_, index) => reader(`owner${index}@example.com`));
const claimInput = (order: Reader[], quota: number, now = "2026-11-25T16:00:00.000Z") => ({
  today: "2026-11-25",
  order,
  remainingQuota: () => quota,
  now,
  run: `run-${now}`,
});

describe("claimDigests", () => {
  it("mails each person at most once a day and counts each miss once, whatever the runs", () => {
    const order = [reader("ops@example.com", "manager"), ...people(11)];
    const first = claimDigests(null, claimInput(order, 5));
    expect(first.send.map((r) => r.address)).toEqual(order.slice(0, 5).map((r) => r.address));
    expect(first.missed).toHaveLength(7);
    let ledger: DigestLedger = settleDigests(first.ledger, "2026-11-25", {
      run: first.ledger.mailing?.run ?? "",
      failed: [],
      managerMailed: true,
    });
    for (let run = 0; run < 2; run++) {
      const again = claimDigests(ledger, claimInput(order, 0, "2026-11-25T18:00:00.000Z"));
      expect(again.send).toEqual([]);
      expect(again.alreadySent).toHaveLength(5);
      expect(again.ledger.missed.total).toBe(7);
      ledger = again.ledger;
    }
  });

  it("keeps the record far below a property's 9 KB for any number of recipients", () => {
    const order = [reader("ops@example.com", "manager"), ...people(5_000)];
    let ledger: DigestLedger | null = null;
    for (let day = 24; day <= 26; day++) {
      const today = `2026-11-${day}`;
      const claim = claimDigests(ledger, {
        ...claimInput(order, 1_500),
        today,
        now: `${today}T16:00:00.000Z`,
      });
      expect(claim.send.length).toBe(DAILY_DIGEST_LIMIT);
      ledger = settleDigests(claim.ledger, today, {
        run: claim.ledger.mailing?.run ?? "",
        failed: claim.send.slice(0, 50).map((r) => ({ address: r.address, error: "x".repeat(5_000) })),
        managerMailed: false,
        ...(claim.reporting ? { reporting: claim.reporting } : {}),
      });
      expect(JSON.stringify(ledger).length).toBeLessThan(4_096);
    }
    expect(ledger?.earlier?.total).toBeGreaterThan(5_000);
  });

  it("hands yesterday's misses to the next manager's digest once, then forgets them", () => {
    const order = [reader("ops@example.com", "manager"), ...people(3)];
    const day1 = claimDigests(null, claimInput(order, 2));
    const day2 = claimDigests(day1.ledger, {
      ...claimInput(order, 100),
      today: "2026-11-26",
      now: "2026-11-26T16:00:00Z",
    });
    expect(day2.reporting?.total).toBe(2);
    expect(describeMisses(day2.reporting ?? { since: "", list: "", total: 0 }, order)).toEqual([
      expect.stringMatching(
        /^Since 2026-11-25, the sender's daily email quota was used up: owner\d@example.com, owner\d@example.com\.$/,
      ),
    ]);
    expect(day2.ledger.earlier).toBeUndefined();
    // When no manager's digest went out after all, they stay to report.
    const kept = settleDigests(day2.ledger, "2026-11-26", {
      run: day2.ledger.mailing?.run ?? "",
      failed: [{ address: "ops@example.com", error: "Limit Exceeded" }],
      managerMailed: false,
      ...(day2.reporting ? { reporting: day2.reporting } : {}),
    });
    expect(kept.earlier?.total).toBe(2);
    expect(kept.sent).not.toContain(shortHash("ops@example.com"));
    expect(kept.mailing).toBeUndefined();
  });

  it("reports a run that stopped while mailing", () => {
    const order = people(3);
    const claimed = claimDigests(null, claimInput(order, 10));
    const soon = claimDigests(claimed.ledger, claimInput(order, 10, "2026-11-25T16:03:00.000Z"));
    expect(soon.stalled).toBeUndefined();
    expect(soon.send).toEqual([]);
    const later = claimDigests(claimed.ledger, claimInput(order, 10, "2026-11-25T16:30:00.000Z"));
    expect(later.stalled).toMatch(/stopped while mailing: up to 3 digest/);
    expect(later.ledger.mailing).toBeUndefined();
  });

  it("reads the first version's record, and nothing from a broken one", () => {
    const old = parseLedger(JSON.stringify({ day: "2026-11-25", sentTo: ["a@example.com"], unsent: [] }));
    expect(old?.sent).toBe(shortHash("a@example.com"));
    expect(parseLedger("{broken")).toBeNull();
    expect(shortHash("a@example.com")).toHaveLength(7);
  });
});

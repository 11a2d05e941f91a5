/**
 * Issue 15's cases as a user meets them: `npm start -- --reset` (a new workbench session from the
 * demo), then Set up workbook and Run checks now from the menu, all through build/Code.js.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_SCENARIOS } from "../../src/local/demo/demo-workbook";
import { Session } from "../../workbench/session";

const dir = mkdtempSync(join(tmpdir(), "demo-15-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the demo after npm start -- --reset, Set up workbook and Run checks now", () => {
  const session = new Session({
    statePath: join(dir, ".workbench-state.json"),
    buildDir: join(import.meta.dirname, "../../build"),
    now: new Date("2026-11-25T19:00:00Z"),
    timeZone: "America/Los_Angeles",
    reset: true,
  });
  const setup = session.runMenuItem("setUpWorkbookFromMenu");
  const checks = session.runMenuItem("runChecksFromMenu");
  const rows = (tab: string) => {
    const [header = [], ...body] = session.emulator.values(tab);
    return new Map(
      body.map((cells) => [
        String(cells[0]),
        Object.fromEntries(header.map((title, index) => [String(title), cells[index]])),
      ]),
    );
  };
  const collabs = rows("Collaborations");
  const campaigns = rows("Campaigns");
  const products = rows("Products");

  it("runs both menu items", () => {
    expect(setup.ok).toBe(true);
    expect(checks.ok).toBe(true);
  });

  it("gives each case of issue 15 its right value", () => {
    const { ended, current, openLane } = DEMO_SCENARIOS.reusedCreator;
    // A reused creator earns the Target rate covering today, on both SKUs and the Open-lane row.
    expect(collabs.get(ended)?.["Applied rate"]).toBe(0.1);
    expect(collabs.get(current)).toMatchObject({ "Applied rate": 0.2, "Effective commission": 0.3 });
    expect(collabs.get(openLane)?.["Applied rate"]).toBe(0.2);
    // Reserved per SKU: the two-SKU campaigns hold their units of each SKU, not of the sum.
    expect(products.get("GLW-SER-30")?.Reserved).toBe(190);
    expect(products.get("GLW-LIP-RSW")?.Reserved).toBe(150);
    expect(String(campaigns.get("C-002")?.Checks)).toContain(
      "GLW-MASK-OV: 340 reserved across campaigns, 300 in stock",
    );
    // The unshipped sample is the seller's to ship; the creator is not chased.
    expect(collabs.get(DEMO_SCENARIOS.unshippedSample.collab)).toMatchObject({
      "Payout status": "Awaiting sample",
      "Next action": "Ship the sample",
      Alerts: "",
    });
    // Review rounds.
    expect(collabs.get(DEMO_SCENARIOS.revisionRound)?.["Payout status"]).toBe(
      "Changes requested, round 2 of 3",
    );
    expect(collabs.get(DEMO_SCENARIOS.revisionsUsed)?.Alerts).toContain(
      "Medium: Changes requested, round 3 of 3",
    );
    // A Partner campaign near its budget.
    expect(campaigns.get(DEMO_SCENARIOS.partnerCampaign.campaign)).toMatchObject({ Spend: 104 });
    expect(String(campaigns.get(DEMO_SCENARIOS.partnerCampaign.campaign)?.Checks)).toBe(
      "Medium: Budget nearly used: $104.00 spent of $120.00 (87%)",
    );
    // No unaccepted invitation reads Content overdue.
    const unaccepted = [...collabs.values()].filter(
      (row) => row.Invited instanceof Date && row.Accepted === "",
    );
    expect(unaccepted.length).toBeGreaterThan(0);
    for (const row of unaccepted) expect(row["Payout status"]).not.toMatch(/overdue/i);
  });
});

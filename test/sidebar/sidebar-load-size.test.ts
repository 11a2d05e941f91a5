/**
 * The sidebar's first load at 50,000 collaborations, in bytes as they cross google.script.run:
 * at most 1 MB (issue 17). Bytes, never time. The workbook is the seeded generator's, with every
 * creator given a team pool and a suggested pool, as after a daily check.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignSeats, SidebarLoad } from "../../src/features/campaign-sidebar";
import { scaledWorkbook } from "../../src/local/demo/demo-workbook";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
let bundle: LoadedBundle;
let busiest = "";

beforeAll(() => {
  const { tabs } = scaledWorkbook({ today: now, timeZone, collaborations: 50_000 });
  const pools = ["Priority", "One-off", "Test more"];
  const [header = [], ...creators] = tabs.Creators ?? [];
  tabs.Creators = [
    [...header, "Suggested pool"],
    ...creators.map((row, index) => [
      ...row.map((cell, column) => (header[column] === "Pool" ? pools[index % 3] : cell)),
      pools[(index + 1) % 3],
    ]),
  ];
  bundle = loadBundle({ timeZone, now });
  for (const [tab, rows] of Object.entries(tabs)) bundle.emulator.seed(tab, rows);
  const [head = [], ...collaborations] = tabs.Collaborations ?? [];
  const at = head.indexOf("Campaign ID");
  const counts = new Map<string, number>();
  for (const row of collaborations) counts.set(String(row[at]), (counts.get(String(row[at])) ?? 0) + 1);
  busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}, 180_000);

describe("the sidebar's load at 50,000 collaborations", () => {
  it("moves at most 1 MB at first paint, with every campaign, product and creator", () => {
    const load = bundle.call("sidebarLoad") as SidebarLoad;
    expect(bytes(load)).toBeLessThanOrEqual(1_000_000);
    expect(load.tabs.Creators?.rows).toBe(16_667);
    expect(load.tabs.Campaigns?.rows).toBeGreaterThan(250);
    expect(load.tabs.Collaborations?.rows).toBe(1);
  });

  it("asks for a campaign's seats on demand, in a few kilobytes", () => {
    const seats = bundle.call("sidebarCampaignSeats", busiest) as CampaignSeats;
    expect(seats.creators.length).toBeGreaterThan(100);
    expect(bytes(seats)).toBeLessThan(50_000);
  });
});

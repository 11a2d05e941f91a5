/**
 * The sidebar's server functions in build/Code.js, loaded into node:vm with the emulator
 * (`npm test` builds first), and the built sidebar page itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tabSchema } from "../../src/workbook/schema";
import { BUILD_DIR, loadBundle } from "../support/bundle";

const brief = {
  campaignId: "C-100",
  name: "Holiday Glow",
  objective: "Organic test",
  lane: "Target",
  skus: ["SKU-1"],
  start: "2026-12-01",
  end: "2026-12-31",
  contentTypes: ["Short video", "LIVE"],
  paymentModel: "Commission only",
  commissionRate: 0.15,
  samplePolicy: "Free sample",
  liveRequired: true,
  amplification: "None",
  ownerEmail: "maya@example.com",
  status: "Recruiting",
};

/** A set-up workbook in Auckland with two products and four creators. */
function workbook() {
  const bundle = loadBundle({ timeZone: "Pacific/Auckland", now: new Date("2026-12-01T20:00:00Z") });
  const { emulator } = bundle;
  emulator.context = "user";
  bundle.call("setUpWorkbookFromMenu");
  emulator.seed(
    "Products",
    [
      ["SKU-1", "Glow serum", 30, 500, 0.1, 8],
      ["SKU-2", "Night cream", 40, 200, 0.12, 9],
    ],
    { startRow: 2 },
  );
  emulator.seed(
    "Creators",
    [
      // Setup made Creator a plain-text column: a handle beginning with @ is stored as typed.
      ["@mia", "mia@example.com", "Yes", "Beauty", "Priority"],
      ["@noah", "noah@example.com", "No", "Beauty", ""],
      ["@ava", "ava@example.com", "Yes", "Skincare", ""],
      ["<img src=x onerror=alert(1)>", "", "Yes", "", ""],
    ],
    { startRow: 2 },
  );
  return bundle;
}

const column = (tab: "Campaigns" | "Collaborations", header: string) =>
  tabSchema(tab).columns.findIndex((candidate) => candidate.header === header);
const plain = (value: unknown) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

describe("the sidebar's server functions", () => {
  it("opens the sidebar from the menu", () => {
    const bundle = workbook();
    bundle.call("onOpen");
    const items = (bundle.emulator.ui.menus.at(-1)?.items ?? []).flatMap((item) =>
      item.kind === "item" ? [item.caption] : [],
    );
    expect(items.slice(0, 2)).toEqual(["Set up workbook", "Campaign briefs and recruiting"]);
    bundle.call("openCampaignSidebar");
    const sidebar = bundle.emulator.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe("Campaign Desk");
    expect(sidebar?.html).toContain("brief-form");
  });

  it("loads the tabs with no Date in the answer", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", brief, true);
    bundle.emulator.calls.reset();
    const load = bundle.call("sidebarLoad") as {
      ok: boolean;
      timeZone: string;
      today: string;
      tabs: Record<string, unknown[][]>;
    };
    plain(load);
    expect(load).toMatchObject({ ok: true, timeZone: "Pacific/Auckland", today: "2026-12-02" });
    // A date cell crosses as its day in the spreadsheet zone (Auckland midnight is 11:00 UTC the day before).
    expect(load.tabs.Campaigns?.[1]?.[column("Campaigns", "Start")]).toBe("2026-12-01");
    expect(bundle.emulator.calls.writes()).toBe(0);
  });

  it("saves a new brief as one row in one write, then edits it in one write", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    emulator.calls.reset();
    const saved = bundle.call("sidebarSaveBrief", brief, true);
    plain(saved);
    expect(saved).toEqual({ ok: true, row: 2, created: true, warnings: [] });
    expect(emulator.calls.writes()).toBe(1);
    const row = emulator.values("Campaigns")[1] ?? [];
    expect(row[column("Campaigns", "Campaign ID")]).toBe("C-100");
    expect(row[column("Campaigns", "SKUs")]).toBe("SKU-1");
    expect(row[column("Campaigns", "LIVE required")]).toBe("Yes");
    expect(row[column("Campaigns", "Commission rate")]).toBe(0.15);
    expect((row[column("Campaigns", "Start")] as Date).toISOString()).toBe("2026-11-30T11:00:00.000Z");

    // The daily check's owned cell must survive an edit; the team turned Name into a general cell.
    const sheet = emulator.spreadsheet.getSheetByName("Campaigns");
    const checks = column("Campaigns", "Checks") + 1;
    sheet?.getRange(2, checks).setValue("checked");
    sheet?.getRange(2, column("Campaigns", "Name") + 1).setNumberFormat("0.###############");
    emulator.calls.reset();
    const edited = bundle.call("sidebarSaveBrief", { ...brief, name: "=1+1", commissionRate: 0.05 }, false);
    expect(edited).toMatchObject({
      ok: true,
      row: 2,
      created: false,
      warnings: [{ field: "commissionRate", rule: "targetBelowOpen" }],
    });
    expect(emulator.calls.writes()).toBe(1);
    const after = emulator.values("Campaigns");
    expect(after).toHaveLength(2);
    expect(after[1]?.[column("Campaigns", "Name")]).toBe("=1+1");
    expect(sheet?.getRange(2, column("Campaigns", "Name") + 1).getFormula()).toBe("");
    expect(after[1]?.[checks - 1]).toBe("checked");
  });

  it("refuses a second new brief with the same ID, and an invalid brief, without writing", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", brief, true);
    bundle.emulator.calls.reset();
    const again = bundle.call("sidebarSaveBrief", { ...brief, name: "Someone else's" }, true);
    expect(again).toEqual({
      ok: false,
      errors: [{ field: "campaignId", message: "C-100 already exists: choose another Campaign ID" }],
    });
    const invalid = bundle.call(
      "sidebarSaveBrief",
      { ...brief, campaignId: "C-2", end: "2026-01-01" },
      true,
    ) as {
      ok: boolean;
      errors: { field: string }[];
    };
    expect(invalid.ok).toBe(false);
    expect(invalid.errors.map((issue) => issue.field)).toEqual(["end"]);
    expect(bundle.call("sidebarSaveBrief", null)).toMatchObject({ ok: false });
    expect(bundle.emulator.calls.writes()).toBe(0);
    expect(bundle.emulator.values("Campaigns")).toHaveLength(2);
  });

  it("recruits three creators in one write and reports who was skipped", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call("sidebarSaveBrief", { ...brief, liveRequired: false, contentTypes: ["Short video"] }, true);
    emulator.calls.reset();
    const reply = bundle.call("sidebarRecruit", {
      campaignId: "C-100",
      creators: ["@mia", "@noah", "<img src=x onerror=alert(1)>"],
      sku: "SKU-1",
    });
    plain(reply);
    expect(reply).toEqual({
      ok: true,
      invited: [
        { collabId: "K-0001", creator: "@mia" },
        { collabId: "K-0002", creator: "@noah" },
        { collabId: "K-0003", creator: "<img src=x onerror=alert(1)>" },
      ],
      skipped: [],
    });
    expect(emulator.calls.writes()).toBe(1);
    const rows = emulator.values("Collaborations").slice(1);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ["K-0001", "C-100", "@mia", "SKU-1"],
      ["K-0002", "C-100", "@noah", "SKU-1"],
      ["K-0003", "C-100", "<img src=x onerror=alert(1)>", "SKU-1"],
    ]);
    // Invited: today in Auckland (2 December), at midnight there.
    expect((rows[0]?.[column("Collaborations", "Invited")] as Date | undefined)?.toISOString()).toBe(
      "2026-12-01T11:00:00.000Z",
    );

    emulator.calls.reset();
    const again = bundle.call("sidebarRecruit", {
      campaignId: "C-100",
      creators: ["@mia", "@ava"],
      sku: "SKU-1",
    });
    expect(again).toEqual({
      ok: true,
      invited: [{ collabId: "K-0004", creator: "@ava" }],
      skipped: [{ creator: "@mia", reason: "already in C-100 with SKU-1" }],
    });
    expect(emulator.calls.writes()).toBe(1);
  });

  it("skips creators who are not LIVE capable for a LIVE-required campaign, and checks the request", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", brief, true);
    bundle.emulator.calls.reset();
    expect(bundle.call("sidebarRecruit", { campaignId: "C-100", creators: ["@noah"], sku: "SKU-1" })).toEqual(
      {
        ok: true,
        invited: [],
        skipped: [{ creator: "@noah", reason: "not LIVE capable, and the campaign requires LIVE" }],
      },
    );
    expect(bundle.call("sidebarRecruit", { campaignId: "C-100", creators: "@mia", sku: "SKU-1" })).toEqual({
      ok: false,
      errors: [{ message: "Choose at least one creator." }],
    });
    expect(bundle.call("sidebarRecruit")).toMatchObject({ ok: false });
    expect(bundle.emulator.calls.writes()).toBe(0);
  });

  it("grows a full sheet before appending", () => {
    const bundle = workbook();
    const sheet = bundle.emulator.spreadsheet.getSheetByName("Campaigns");
    const rows = sheet?.getMaxRows() ?? 0;
    bundle.emulator.seed("Campaigns", [["C-LAST"]], { startRow: rows });
    expect(bundle.call("sidebarSaveBrief", brief, true)).toMatchObject({ ok: true, row: rows + 1 });
    expect(bundle.emulator.values("Campaigns").at(-1)?.[0]).toBe("C-100");
  });
});

describe("the built sidebar page", () => {
  const file = join(BUILD_DIR, "sidebar.html");

  it("is one self-contained file", () => {
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, "utf8");
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toContain("/*SCRIPT*/");
    expect(html).not.toContain("/*STYLE*/");
    const script = html.slice(html.indexOf("<script>") + "<script>".length, html.lastIndexOf("</script>"));
    expect(script.length).toBeGreaterThan(1000);
    expect(script).not.toMatch(/<\/script/i);
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    for (const id of ["brief-form", "save-brief", "recruit-list", "invite", "tab-brief", "tab-recruit"]) {
      expect(html).toContain(id);
    }
  });

  it("never puts text into the page as HTML", () => {
    const html = readFileSync(file, "utf8");
    expect(html).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
  });
});

/**
 * The sidebar's server functions in build/Code.js, loaded into node:vm with the emulator
 * (`npm test` builds first), and the built sidebar page itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zoneCalendar } from "../../src/domain/day";
import { readStart, type SidebarLoad, sidebarState, unpackGrid } from "../../src/features/campaign-sidebar";
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
      // In setup's column order: SKU, Product, Price, Stock on hand, Open rate, Open ads rate, Sample cost.
      ["SKU-1", "Glow serum", 30, 500, 0.1, "", 8],
      ["SKU-2", "Night cream", 40, 200, 0.12, "", 9],
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
  /** The start the menu item appended to the sidebar it showed. */
  const startOf = (bundle: ReturnType<typeof workbook>) => {
    const html = bundle.emulator.ui.sidebars.at(-1)?.html ?? "";
    return readStart(/<script type="application\/json" id="sidebar-start">(.*?)<\/script>/.exec(html)?.[1]);
  };

  it("opens the sidebar from the menu on a new brief, the selected campaign's brief, or recruiting for it", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call("onOpen");
    const items = (emulator.ui.menus.at(-1)?.items ?? []).flatMap((item) =>
      item.kind === "item" ? [item.caption] : [],
    );
    expect(items.slice(0, 4)).toEqual([
      "Set up workbook",
      "New campaign brief",
      "Edit selected campaign",
      "Recruit creators",
    ]);
    bundle.call("openNewCampaignBrief");
    const sidebar = emulator.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe("Campaign Desk");
    expect(sidebar?.html).toContain("brief-form");
    expect(startOf(bundle)).toEqual({ view: "brief", campaignId: "" });

    bundle.call("sidebarSaveBrief", brief, true);
    bundle.call("sidebarRecruit", { campaignId: "C-100", creators: ["@mia"], sku: "SKU-1" });
    const select = (tab: string, row: number, column: number) =>
      emulator.uncounted(() => emulator.spreadsheet.getSheetByName(tab)?.getRange(row, column).activate());

    select("Campaigns", 2, 5);
    bundle.call("openSelectedCampaignBrief");
    expect(startOf(bundle)).toEqual({ view: "brief", campaignId: "C-100" });
    // From a collaboration's row, recruiting opens for its campaign.
    select("Collaborations", 2, 9);
    emulator.calls.reset();
    bundle.call("openRecruitForSelectedCampaign");
    expect(startOf(bundle)).toEqual({ view: "recruit", campaignId: "C-100" });
    // It reads the header and the selected cell, and changes nothing.
    expect(emulator.calls.byMethod()).toMatchObject({ "Range.getValues": 1, "Range.getValue": 1 });
    expect(emulator.calls.writes()).toBe(0);

    // No campaign row selected: the sidebar opens anyway and says how to pick one.
    for (const [tab, row] of [
      ["Campaigns", 1],
      ["Products", 2],
      ["Campaigns", 40],
    ] as const) {
      select(tab, row, 1);
      bundle.call("openSelectedCampaignBrief");
      expect(startOf(bundle)).toEqual({
        view: "brief",
        campaignId: "",
        notice: expect.stringContaining("Select"),
      });
    }
  });

  it("loads the tabs with no Date in the answer", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", brief, true);
    bundle.emulator.calls.reset();
    const load = bundle.call("sidebarLoad") as SidebarLoad;
    plain(load);
    expect(load).toMatchObject({ ok: true, timeZone: "Pacific/Auckland", today: "2026-12-02" });
    // Amounts show in the Currency setting and the spreadsheet's locale.
    expect(load).toMatchObject({ money: { currency: "USD", locale: "en_US" } });
    const tabs = Object.fromEntries(
      Object.entries(load.tabs).map(([name, packed]) => [name, unpackGrid(packed)]),
    );
    // A date cell crosses as its day in the spreadsheet zone (Auckland midnight is 11:00 UTC the day before).
    expect(tabs.Campaigns?.[1]?.[column("Campaigns", "Start")]).toBe("2026-12-01");
    // Only the columns the sidebar uses cross: no emails, no add-on columns, no GMV; of
    // Collaborations only the header (the seats of a campaign come on demand).
    expect(tabs.Collaborations).toEqual([["Collab ID", "Campaign ID", "Creator", "SKU", "Cancelled"]]);
    expect(tabs.Creators?.[0]).toEqual(["Creator", "LIVE capable", "Category", "Pool", "Suggested pool"]);
    expect(tabs.Campaigns?.[0]).not.toContain("Checks");
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
    const edited = bundle.call(
      "sidebarSaveBrief",
      { ...brief, name: "=1+1", commissionRate: 0.05 },
      false,
      brief,
    );
    expect(edited).toMatchObject({
      ok: true,
      row: 2,
      created: false,
      warnings: [{ field: "commissionRate", rule: "targetBelowOpen" }],
    });
    // The two edited fields, each under its own header (their columns are not neighbours).
    expect(emulator.calls.writes()).toBe(2);
    const after = emulator.values("Campaigns");
    expect(after).toHaveLength(2);
    expect(after[1]?.[column("Campaigns", "Name")]).toBe("=1+1");
    expect(sheet?.getRange(2, column("Campaigns", "Name") + 1).getFormula()).toBe("");
    expect(after[1]?.[checks - 1]).toBe("checked");
  });

  /** The brief of a campaign as the sidebar loaded it (what an edit sends back as `loaded`). */
  const loadedBrief = (bundle: ReturnType<typeof workbook>, id: string): Record<string, unknown> => {
    const load = bundle.call("sidebarLoad") as SidebarLoad;
    const state = sidebarState(load, zoneCalendar(load.timeZone));
    return state.campaigns.find((campaign) => campaign.id === id)?.brief ?? {};
  };

  it("writes only the fields an edit changed: a formula and a teammate's edit in other fields stay", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call("sidebarSaveBrief", { ...brief, notes: "First notes" }, true);
    const loaded = loadedBrief(bundle, "C-100");
    const sheet = emulator.spreadsheet.getSheetByName("Campaigns");
    const cell = (header: string) => sheet?.getRange(2, column("Campaigns", header) + 1);
    // While the sidebar is open: the team puts a formula in Budget and edits the notes.
    cell("Budget")?.setFormula("=10*50");
    cell("Notes")?.setValue("Ship by Friday");
    emulator.calls.reset();
    const saved = bundle.call("sidebarSaveBrief", { ...loaded, name: "Holiday Glow 2" }, false, loaded);
    expect(saved).toMatchObject({ ok: true, row: 2, created: false });
    expect(emulator.calls.byMethod()["Range.setValues"]).toBe(1);
    expect(cell("Name")?.getValue()).toBe("Holiday Glow 2");
    expect(cell("Notes")?.getValue()).toBe("Ship by Friday");
    expect(cell("Budget")?.getFormula()).toBe("=10*50");

    // Saving again with nothing changed writes nothing.
    const again = loadedBrief(bundle, "C-100");
    emulator.calls.reset();
    expect(bundle.call("sidebarSaveBrief", again, false, again)).toMatchObject({ ok: true, row: 2 });
    expect(emulator.calls.writes()).toBe(0);
  });

  it("refuses an edit of a field someone changed in the sheet meanwhile, and names it", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call("sidebarSaveBrief", { ...brief, notes: "First notes" }, true);
    const loaded = loadedBrief(bundle, "C-100");
    const notes = emulator.spreadsheet
      .getSheetByName("Campaigns")
      ?.getRange(2, column("Campaigns", "Notes") + 1);
    notes?.setValue("Ship by Friday");
    emulator.calls.reset();
    const refused = bundle.call("sidebarSaveBrief", { ...loaded, notes: "Ship by Monday" }, false, loaded);
    expect(refused).toEqual({
      ok: false,
      errors: [
        {
          field: "notes",
          message:
            "Notes was changed in the sheet since you opened this brief (it is now “Ship by Friday”): open the brief again to see it, then save.",
        },
      ],
    });
    expect(emulator.calls.writes()).toBe(0);
    // Typing what the sheet already has is no conflict.
    expect(
      bundle.call("sidebarSaveBrief", { ...loaded, notes: "Ship by Friday" }, false, loaded),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses a new brief whose Campaign ID differs from an existing one only in case, without writing", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-001" }, true);
    bundle.emulator.calls.reset();
    const again = bundle.call("sidebarSaveBrief", { ...brief, campaignId: "c-001", name: "Another" }, true);
    expect(again).toEqual({
      ok: false,
      errors: [
        {
          field: "campaignId",
          message: "c-001 already exists as C-001 (IDs ignore case): choose another Campaign ID",
        },
      ],
    });
    expect(bundle.emulator.calls.writes()).toBe(0);
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

  it("recruits three creators in one block per tab, each with a content due and a sample, and reports who was skipped", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call(
      "sidebarSaveBrief",
      { ...brief, skus: ["SKU-1", "SKU-2"], liveRequired: false, contentTypes: ["Short video"] },
      true,
    );
    emulator.calls.reset();
    const reply = bundle.call("sidebarRecruit", {
      campaignId: "C-100",
      creators: ["@mia", "@noah", "<img src=x onerror=alert(1)>"],
      sku: "SKU-1",
    });
    plain(reply);
    // No Content due days in the brief: content is due by its End.
    expect(reply).toEqual({
      ok: true,
      invited: [
        { collabId: "K-0001", creator: "@mia", contentDue: "2026-12-31", sampleId: "S-0001" },
        { collabId: "K-0002", creator: "@noah", contentDue: "2026-12-31", sampleId: "S-0002" },
        {
          collabId: "K-0003",
          creator: "<img src=x onerror=alert(1)>",
          contentDue: "2026-12-31",
          sampleId: "S-0003",
        },
      ],
      skipped: [],
    });
    // Collab ID..Invited, then Content due (Accepted lies between), then the Samples block.
    expect(emulator.calls.writes()).toBe(3);
    expect(emulator.calls.byMethod()["Range.setValues"]).toBe(3);
    expect(
      emulator
        .values("Samples")
        .slice(1)
        .map((row) => row.slice(0, 5)),
    ).toEqual([
      ["S-0001", "K-0001", "SKU-1", "Free sample", 8],
      ["S-0002", "K-0002", "SKU-1", "Free sample", 8],
      ["S-0003", "K-0003", "SKU-1", "Free sample", 8],
    ]);
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
      invited: [{ collabId: "K-0004", creator: "@ava", contentDue: "2026-12-31", sampleId: "S-0004" }],
      skipped: [{ creator: "@mia", reason: "already in C-100" }],
    });
    expect(emulator.calls.writes()).toBe(3);

    // Recruiting the same creators again, even with another SKU, adds nothing at all.
    emulator.calls.reset();
    const twice = bundle.call("sidebarRecruit", {
      campaignId: "C-100",
      creators: ["@mia", "@ava"],
      sku: "SKU-2",
    });
    expect(twice).toMatchObject({ ok: true, invited: [] });
    expect(emulator.calls.writes()).toBe(0);
    expect(emulator.values("Collaborations")).toHaveLength(5);
    expect(emulator.values("Samples")).toHaveLength(5);
  });

  it("answers, on demand, who is already in a campaign, reading Collaborations only then", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call("sidebarSaveBrief", { ...brief, liveRequired: false }, true);
    bundle.call("sidebarRecruit", { campaignId: "C-100", creators: ["@mia", "@ava"], sku: "SKU-1" });
    emulator.calls.reset();
    bundle.call("sidebarLoad");
    // The first load reads Collaborations' header row alone, never its rows (and Settings for
    // the currency).
    expect(emulator.calls.cellsByMethod()["Range.getValues"]?.read).toBeLessThan(
      emulator.values("Settings").flat().length +
        emulator.values("Products").flat().length +
        emulator.values("Campaigns").flat().length +
        emulator.values("Creators").flat().length +
        (emulator.values("Collaborations")[0]?.length ?? 0) +
        1,
    );
    const seats = bundle.call("sidebarCampaignSeats", "c-100 ");
    plain(seats);
    expect(seats).toEqual({ ok: true, campaignId: "c-100 ", creators: ["@mia", "@ava"] });
    expect(bundle.call("sidebarCampaignSeats", "C-999")).toEqual({
      ok: true,
      campaignId: "C-999",
      creators: [],
    });
    // Anything an editor might send instead of an ID is no campaign.
    expect(bundle.call("sidebarCampaignSeats", { campaignId: "C-100" })).toEqual({
      ok: true,
      campaignId: "",
      creators: [],
    });
    expect(emulator.calls.writes()).toBe(0);
  });

  it("refuses to recruit into a campaign that has ended, is wrapped or is cancelled", () => {
    const bundle = workbook();
    const request = (campaignId: string) => ({ campaignId, creators: ["@mia"], sku: "SKU-1" });
    bundle.call(
      "sidebarSaveBrief",
      { ...brief, campaignId: "C-OLD", start: "2026-11-01", end: "2026-12-01" },
      true,
    );
    bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-WRAP", status: "Wrapped" }, true);
    bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-LAST", end: "2026-12-02" }, true);
    bundle.emulator.calls.reset();
    // Today in Auckland is 2 December.
    expect(bundle.call("sidebarRecruit", request("C-OLD"))).toEqual({
      ok: false,
      errors: [{ message: "C-OLD ended on 2026-12-01: recruiting is closed." }],
    });
    expect(bundle.call("sidebarRecruit", request("C-WRAP"))).toEqual({
      ok: false,
      errors: [{ message: "C-WRAP is wrapped: recruiting is closed." }],
    });
    expect(bundle.emulator.calls.writes()).toBe(0);
    // Its last day is still open.
    expect(bundle.call("sidebarRecruit", request("C-LAST"))).toMatchObject({
      ok: true,
      invited: [{ creator: "@mia" }],
    });
  });

  it("adds no sample rows when the brief sends no sample", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    bundle.call("sidebarSaveBrief", { ...brief, samplePolicy: "No sample", contentDueDays: 7 }, true);
    emulator.calls.reset();
    const reply = bundle.call("sidebarRecruit", { campaignId: "C-100", creators: ["@mia"], sku: "SKU-1" });
    // Content due is left blank: it counts 7 days from the creator's acceptance (issue 15), so
    // the invitation is one write (Collab ID..Invited), no longer two.
    expect(reply).toEqual({
      ok: true,
      invited: [{ collabId: "K-0001", creator: "@mia", contentDue: "7 days after acceptance" }],
      skipped: [],
    });
    expect(emulator.calls.writes()).toBe(1);
    expect(emulator.values("Samples")).toHaveLength(1);
  });

  it("lands two briefs saved at once: the second waits out the first's lock, then lands on the next row", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    // Leo's save arrives while Maya's is between reading Campaigns and writing her row.
    let leo: unknown;
    const stop = emulator.hooks.afterCall((call) => {
      if (leo !== undefined || call.method !== "getValues" || call.sheet !== "Campaigns") return;
      leo = bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-B", name: "Leo's" }, true);
    });
    const maya = bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-A", name: "Maya's" }, true);
    stop();
    // Apps Script would hold Leo's call in waitLock; the emulator cannot wait, so it answers as
    // a lock still busy after 30 s does: nothing written, and the sidebar says to try again.
    expect(leo).toEqual({
      ok: false,
      errors: [{ message: expect.stringMatching(/^Someone else is saving/) }],
    });
    expect(maya).toEqual({ ok: true, row: 2, created: true, warnings: [] });
    // Leo saves again from the same sidebar, which never reloaded: his brief lands below Maya's.
    expect(bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-B", name: "Leo's" }, true)).toEqual({
      ok: true,
      row: 3,
      created: true,
      warnings: [],
    });
    expect(
      emulator
        .values("Campaigns")
        .slice(1)
        .map((row) => [row[0], row[1]]),
    ).toEqual([
      ["C-A", "Maya's"],
      ["C-B", "Leo's"],
    ]);
  });

  it("refuses, without writing, a save that arrives while another holds the document lock", () => {
    const bundle = workbook();
    const { emulator } = bundle;
    const release = emulator.holdLock("document");
    emulator.calls.reset();
    const busy = bundle.call("sidebarSaveBrief", brief, true);
    expect(busy).toEqual({
      ok: false,
      errors: [{ message: expect.stringMatching(/^Someone else is saving .*Nothing was saved: try again/) }],
    });
    expect(
      bundle.call("sidebarRecruit", { campaignId: "C-100", creators: ["@mia"], sku: "SKU-1" }),
    ).toMatchObject({
      ok: false,
    });
    expect(emulator.calls.writes()).toBe(0);
    release();
    // Once the other run is done, the same save lands.
    expect(bundle.call("sidebarSaveBrief", brief, true)).toMatchObject({ ok: true, row: 2 });
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

  it("is one self-contained file under 80,000 bytes", () => {
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, "utf8");
    expect(Buffer.byteLength(html)).toBeLessThan(80_000);
    // The only address is Google's add-on stylesheet; the inline styles are its fallback.
    expect(html.match(/https?:\/\/[^"'\s)]+/gi)).toEqual([
      "https://ssl.gstatic.com/docs/script/css/add-ons1.css",
    ]);
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

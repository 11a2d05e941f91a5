import { describe, expect, it } from "vitest";
import { type CampaignBrief, checkBrief } from "../../src/domain/brief";
import { type Day, dayFromIso, zoneCalendar } from "../../src/domain/day";
import {
  asStored,
  briefCells,
  campaignCreators,
  daysAsIso,
  nextId,
  packGrid,
  pickColumns,
  planBriefSave,
  planRecruit,
  readStart,
  type SidebarTabs,
  sidebarState,
  startScript,
  unpackGrid,
} from "../../src/features/campaign-sidebar";
import { briefInputFromRow } from "../../src/workbook/brief-row";
import { type TabName, tabSchema } from "../../src/workbook/schema";
import { readTable } from "../../src/workbook/table";

const USD = { currency: "USD", locale: "en_US" };

const headersOf = (name: TabName) => tabSchema(name).columns.map((column) => column.header);

/** A tab with every contract column, rows given by header. */
function tab(name: TabName, rows: Record<string, unknown>[]): unknown[][] {
  const headers = headersOf(name);
  return [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ""))];
}

/** What a stored cell reads back as: Sheets keeps the text after a leading apostrophe. */
const stored = (value: unknown) =>
  typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;

const brief: CampaignBrief = {
  campaignId: "C-100",
  name: "Holiday Glow",
  objective: "Event spike",
  lane: "Target",
  skus: ["SKU-1", "SKU-2"],
  start: "2026-12-01",
  end: "2026-12-31",
  contentTypes: ["Short video", "LIVE"],
  paymentModel: "Flat fee + commission",
  commissionRate: 0.125,
  flatFee: 200,
  contentDueDays: 10,
  samplePolicy: "Free sample",
  liveRequired: true,
  flashSaleStart: "2026-12-12",
  flashSaleEnd: "2026-12-12",
  flashSalePrice: 19.99,
  reservedInventory: 300,
  amplification: "Shop Ads",
  amplificationStart: "2026-12-10",
  amplificationEnd: "2026-12-20",
  adsRate: 0.05,
  authDaysNeeded: 30,
  budget: 5000,
  ownerEmail: "maya@example.com",
  status: "Draft",
};

const products = [
  { SKU: "SKU-1", Product: "Glow serum", "Stock on hand": 500, "Open rate": 0.1, "Sample cost": 4.5 },
  { SKU: "SKU-2", Product: "Night cream", "Stock on hand": 200, "Open rate": 0.15 },
];

function workbook(parts: Partial<Record<TabName, Record<string, unknown>[]>> = {}): SidebarTabs {
  return {
    Products: tab("Products", parts.Products ?? products),
    Campaigns: tab("Campaigns", parts.Campaigns ?? []),
    Creators: tab("Creators", parts.Creators ?? []),
    Collaborations: tab("Collaborations", parts.Collaborations ?? []),
    Samples: tab("Samples", parts.Samples ?? []),
  };
}

describe("a brief as Campaigns cells and back", () => {
  for (const zone of ["Pacific/Auckland", "America/Los_Angeles", "Etc/UTC"]) {
    it(`round-trips every field in ${zone}`, () => {
      const calendar = zoneCalendar(zone);
      const cells = briefCells(brief, calendar);
      const input = briefInputFromRow((header) => stored(cells[header]), calendar);
      expect(checkBrief(input).brief).toEqual(brief);
    });
  }

  it("writes dates as midnight of the day in the spreadsheet zone", () => {
    const auckland = briefCells(brief, zoneCalendar("Pacific/Auckland"));
    // Auckland is UTC+13 in December: midnight there is 11:00 the day before in UTC.
    expect((auckland.Start as Date).toISOString()).toBe("2026-11-30T11:00:00.000Z");
    const angeles = briefCells(brief, zoneCalendar("America/Los_Angeles"));
    expect((angeles.End as Date).toISOString()).toBe("2026-12-31T08:00:00.000Z");
  });

  it("writes rates as fractions, lists comma-separated, flags Yes/No and blanks empty", () => {
    const cells = briefCells({ ...brief, liveRequired: false, budget: undefined }, zoneCalendar("Etc/UTC"));
    expect(cells["Commission rate"]).toBe(0.125);
    expect(cells.SKUs).toBe("SKU-1, SKU-2");
    expect(cells["Content types"]).toBe("Short video, LIVE");
    expect(cells["LIVE required"]).toBe("No");
    expect(cells.Budget).toBe("");
  });

  it("stores text that looks like a formula as text, with an apostrophe unless the cell is plain text", () => {
    const tabs = workbook();
    const plan = planBriefSave(
      { ...brief, campaignId: "+C-1", name: "=IMPORTXML(A1)" },
      true,
      tabs,
      zoneCalendar("Etc/UTC"),
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const header = (tabs.Campaigns?.[0] ?? []) as string[];
    const values = plan.writes[0]?.runs[0]?.values ?? [];
    const general = values.map((row) => row.map(() => "0.###############"));
    const stored = asStored(values, general)[0] ?? [];
    expect(stored[header.indexOf("Campaign ID")]).toBe("'+C-1");
    expect(stored[header.indexOf("Name")]).toBe("'=IMPORTXML(A1)");
    // Every text is stored as text, so `0012` or `Nov 25` cannot become a number or a date.
    expect(stored[header.indexOf("Objective")]).toBe("'Event spike");
    expect(stored[header.indexOf("Start")]).toBeInstanceOf(Date);
    const plainText = asStored(values, [values[0]?.map(() => "@") ?? []])[0] ?? [];
    expect(plainText[header.indexOf("Name")]).toBe("=IMPORTXML(A1)");
    expect(asStored([["-1", "@mia", 5]], [["", "", ""]])).toEqual([["'-1", "'@mia", 5]]);
  });
});

describe("saving a brief", () => {
  const calendar = zoneCalendar("America/Los_Angeles");

  it("plans nothing for an invalid brief, and names the fields", () => {
    const plan = planBriefSave(
      { ...brief, end: "2026-11-01", ownerEmail: "nobody" },
      false,
      workbook(),
      calendar,
    );
    expect(plan.ok).toBe(false);
    expect(plan).not.toHaveProperty("writes");
    if (!plan.ok) expect(plan.errors.map((issue) => issue.field)).toContain("ownerEmail");
    expect(planBriefSave("not a brief", true, workbook(), calendar).ok).toBe(false);
  });

  it("refuses a new brief whose ID is already on the tab", () => {
    const tabs = workbook({ Campaigns: [{ "Campaign ID": "C-100", Name: "Taken" }] });
    const plan = planBriefSave(brief, true, tabs, calendar);
    expect(plan).toEqual({
      ok: false,
      errors: [{ field: "campaignId", message: "C-100 already exists: choose another Campaign ID" }],
    });
  });

  it("appends a new campaign after the last row in one run of the brief's columns", () => {
    const tabs = workbook({ Campaigns: [{ "Campaign ID": "C-1" }, { "Campaign ID": "C-2" }] });
    const plan = planBriefSave(brief, true, tabs, calendar);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.reply).toMatchObject({ ok: true, row: 4, created: true });
    expect(plan.writes).toHaveLength(1);
    const [write] = plan.writes;
    expect(write?.tab).toBe("Campaigns");
    expect(write?.row).toBe(4);
    expect(write?.runs).toHaveLength(1);
    expect(write?.runs[0]?.column).toBe(1);
    expect(write?.runs[0]?.values[0]).toHaveLength(27);
  });

  it("updates the campaign's own row, and never a column between the brief's columns", () => {
    const headers = headersOf("Campaigns");
    // The team added its own column after Lane; the owned columns follow the brief's.
    const withNotes = [...headers.slice(0, 4), "Team notes", ...headers.slice(4)];
    const row = (id: string) => withNotes.map((header) => (header === "Campaign ID" ? id : ""));
    const tabs = { ...workbook(), Campaigns: [withNotes, row("C-1"), row("C-100"), row("C-3")] };
    // The brief as the sidebar opened it: only its Campaign ID was there, every other field is new.
    const plan = planBriefSave(brief, false, tabs, calendar, { campaignId: "C-100" });
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.writes[0]?.row).toBe(3);
    expect(plan.writes[0]?.key).toBe("C-100");
    expect(plan.reply.created).toBe(false);
    // Its Campaign ID (unchanged) and the fields left at their defaults are not written; column 5 is the team's.
    expect(plan.writes[0]?.runs.map((run) => [run.column, run.values[0]?.length])).toEqual([
      [2, 3],
      [6, 21],
    ]);
  });

  it("leaves a date cell the form could not show as it is, and writes only what the user changed", () => {
    const cells = {
      ...briefCells({ ...brief, amplification: "None" }, calendar),
      "Amplification start": "after the event",
      "Amplification end": "",
    };
    const row = Object.fromEntries(Object.entries(cells).map(([header, value]) => [header, stored(value)]));
    const tabs = workbook({ Campaigns: [row] });
    const [campaign] = readTable(tabSchema("Campaigns"), tabs.Campaigns ?? []).rows;
    const loaded = briefInputFromRow((header) => campaign?.get(header), calendar);
    expect(loaded.amplificationStart).toBe("after the event");
    // The form cannot show that date, so it sends none; the user changed the budget only.
    const form: Record<string, unknown> = { ...loaded, budget: 6000 };
    delete form.amplificationStart;
    const plan = planBriefSave(form, false, tabs, calendar, loaded);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const budget = headersOf("Campaigns").indexOf("Budget") + 1;
    expect(plan.writes[0]?.runs).toEqual([{ column: budget, values: [[6000]] }]);
    delete form.budget;
    const untouched = planBriefSave({ ...form, budget: 5000 }, false, tabs, calendar, loaded);
    expect(untouched.ok && untouched.writes).toEqual([]);
    // The form lists SKUs in the Products tab's order; the cell's own order is no change.
    expect(loaded.skus).toEqual(["SKU-1", "SKU-2"]);
    const reordered = planBriefSave(
      { ...form, budget: 5000, skus: ["SKU-2", "SKU-1"] },
      false,
      tabs,
      calendar,
      loaded,
    );
    expect(reordered.ok && reordered.writes).toEqual([]);
  });

  it("asks for setup when the Campaigns tab lacks a brief column", () => {
    const headers = headersOf("Campaigns").filter((header) => header !== "Budget");
    const plan = planBriefSave(brief, true, { ...workbook(), Campaigns: [headers] }, calendar);
    expect(plan).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/Budget.*Set up workbook/) }],
    });
  });
});

describe("the next Collab and Sample ID", () => {
  it("follows the highest number of the prefix, four digits at least", () => {
    expect(nextId("K", ["K-0106", "K-0099", "x", "", "K-12", null, "S-0500"])).toBe("K-0107");
    expect(nextId("K", [])).toBe("K-0001");
    expect(nextId("K", ["k-0041 "], 2)).toBe("K-0044");
    expect(nextId("K", ["K-9999"])).toBe("K-10000");
    expect(nextId("S", ["S-0007", "K-0100"])).toBe("S-0008");
  });
});

describe("what crosses to the sidebar", () => {
  it("keeps only the wanted columns a tab has, in the tab's order, matched as headers are", () => {
    const grid = [
      [" sku", "Price", "Team column", "Product"],
      ["A-1", 10, "x", "Serum"],
    ];
    expect(pickColumns(grid, ["Product", "SKU", "Open rate"])).toEqual([
      [" sku", "Product"],
      ["A-1", "Serum"],
    ]);
    expect(pickColumns([], ["SKU"])).toEqual([]);
  });
});

describe("where the sidebar opens", () => {
  it("carries the menu's choice as JSON data that markup in a Campaign ID cannot break out of", () => {
    const hostile = '</script><img src=x onerror="alert(1)">';
    const script = startScript({ view: "recruit", campaignId: hostile, notice: "<b>hi</b>" });
    expect(script).not.toContain("</script><img");
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    const json = /<script type="application\/json" id="sidebar-start">(.*)<\/script>$/.exec(script)?.[1];
    expect(readStart(json)).toEqual({ view: "recruit", campaignId: hostile, notice: "<b>hi</b>" });
  });

  it("opens a new brief when there is no start or it cannot be read", () => {
    expect(readStart(null)).toEqual({ view: "brief", campaignId: "" });
    expect(readStart("{not json")).toEqual({ view: "brief", campaignId: "" });
    expect(readStart('{"view":"other","campaignId":7}')).toEqual({ view: "brief", campaignId: "" });
  });
});

describe("recruiting", () => {
  const calendar = zoneCalendar("Pacific/Auckland");
  const today = dayFromIso("2026-12-02") as Day;
  const campaign = Object.fromEntries(
    Object.entries(briefCells(brief, calendar)).map(([header, value]) => [header, stored(value)]),
  );
  const creators = [
    { Creator: "@mia", "LIVE capable": "Yes", Category: "Beauty", Pool: "Priority" },
    { Creator: "@noah", "LIVE capable": "No", Category: "Beauty" },
    { Creator: "@ava", "LIVE capable": "Yes", Category: "Skincare" },
    { Creator: "<img src=x onerror=alert(1)>", "LIVE capable": "Yes" },
  ];
  const tabs = workbook({
    Campaigns: [campaign],
    Creators: creators,
    Collaborations: [
      { "Collab ID": "K-0106", "Campaign ID": "C-100", Creator: "@ava", SKU: "sku-1 " },
      { "Collab ID": "K-0042", "Campaign ID": "C-7", Creator: "@mia", SKU: "SKU-1" },
    ],
  });

  it("adds one row per creator in one block, with a sample each, skipping creators already in the campaign or unable to run LIVE", () => {
    const plan = planRecruit(
      {
        campaignId: "C-100",
        creators: ["@mia", "@noah", "@ava", "@mia", "@ghost", "<img src=x onerror=alert(1)>"],
        sku: "SKU-1",
      },
      tabs,
      calendar,
      today,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.reply.invited).toEqual([
      { collabId: "K-0107", creator: "@mia", contentDue: "10 days after acceptance", sampleId: "S-0001" },
      {
        collabId: "K-0108",
        creator: "<img src=x onerror=alert(1)>",
        contentDue: "10 days after acceptance",
        sampleId: "S-0002",
      },
    ]);
    expect(plan.reply.skipped).toEqual([
      { creator: "@noah", reason: "not LIVE capable, and the campaign requires LIVE" },
      { creator: "@ava", reason: "already in C-100" },
      { creator: "@mia", reason: "already in C-100" },
      { creator: "@ghost", reason: "not on the Creators tab" },
    ]);
    const [collaborations, samples] = plan.writes;
    expect(collaborations?.tab).toBe("Collaborations");
    expect(collaborations?.row).toBe(4);
    // Collab ID to Invited in one block; Content due stays blank, so it counts from Accepted (issue 15).
    expect(collaborations?.runs.map((run) => run.column)).toEqual([1]);
    const [first] = collaborations?.runs[0]?.values ?? [];
    expect(first?.slice(0, 4)).toEqual(["K-0107", "C-100", "@mia", "SKU-1"]);
    // Invited is midnight of today in Auckland.
    expect((first?.[4] as Date | undefined)?.toISOString()).toBe("2026-12-01T11:00:00.000Z");
    // The samples go to the Samples tab in one block: ID, collaboration, SKU, policy and cost.
    expect(samples?.tab).toBe("Samples");
    expect(samples?.row).toBe(2);
    expect(samples?.runs.map((run) => run.values)).toEqual([
      [
        ["S-0001", "K-0107", "SKU-1", "Free sample", 4.5],
        ["S-0002", "K-0108", "SKU-1", "Free sample", 4.5],
      ],
    ]);
  });

  it("says when another Target collaboration sets a recruit's rate, by the coverage rule", () => {
    // C-200, a Target campaign that started after C-100, covers @mia on every SKU (no SKU of her own).
    const later = Object.fromEntries(
      Object.entries(
        briefCells({ ...brief, campaignId: "c-200", start: "2026-12-02", commissionRate: 0.2 }, calendar),
      ).map(([header, value]) => [header, stored(value)]),
    );
    const covered = workbook({
      Campaigns: [campaign, later],
      Creators: creators,
      Collaborations: [{ "Collab ID": "K-0001", "Campaign ID": "C-200 ", Creator: "@MIA", SKU: "" }],
    });
    const plan = planRecruit(
      { campaignId: "C-100", creators: ["@mia"], sku: "SKU-1" },
      covered,
      calendar,
      today,
    );
    expect(plan.ok && plan.reply.invited[0]?.rate).toBe(
      "earns 20% on SKU-1 from c-200, a Target collaboration that covers them",
    );
    // Cancelled, it covers nobody: the campaign's own rate applies, and nothing is said.
    const cancelled = workbook({
      Campaigns: [campaign, later],
      Creators: creators,
      Collaborations: [
        { "Collab ID": "K-0001", "Campaign ID": "C-200", Creator: "@mia", SKU: "", Cancelled: "Yes" },
      ],
    });
    const plain = planRecruit(
      { campaignId: "C-100", creators: ["@mia"], sku: "SKU-1" },
      cancelled,
      calendar,
      today,
    );
    expect(plain.ok && plain.reply.invited[0]?.rate).toBeUndefined();
  });

  it("invites a creator who is not LIVE capable when the campaign does not require LIVE", () => {
    const open = Object.fromEntries(
      Object.entries(
        briefCells(
          {
            ...brief,
            objective: "Organic test",
            liveRequired: false,
            contentTypes: ["Short video"],
            flashSaleStart: undefined,
            flashSaleEnd: undefined,
            flashSalePrice: undefined,
          },
          calendar,
        ),
      ).map(([header, value]) => [header, stored(value)]),
    );
    const plan = planRecruit(
      { campaignId: "C-100", creators: ["@noah"], sku: "SKU-2" },
      { ...tabs, Campaigns: tab("Campaigns", [open]) },
      calendar,
      today,
    );
    expect(plan.ok && plan.reply.invited).toEqual([
      { collabId: "K-0107", creator: "@noah", contentDue: "10 days after acceptance", sampleId: "S-0001" },
    ]);
  });

  it("checks the request by hand and says what is wrong", () => {
    const refused = (request: unknown) => {
      const plan = planRecruit(request, tabs, calendar, today);
      return plan.ok ? [] : plan.errors.map((issue) => issue.message);
    };
    expect(refused(null)).toEqual(["Choose a campaign from the Campaigns tab."]);
    expect(refused({ campaignId: 100, creators: ["@mia"], sku: "SKU-1" })).toEqual([
      "Choose a campaign from the Campaigns tab.",
    ]);
    expect(refused({ campaignId: "C-100", creators: "@mia", sku: "SKU-1" })).toEqual([
      "Choose at least one creator.",
    ]);
    expect(refused({ campaignId: "C-100", creators: [1], sku: "SKU-1" })).toEqual([
      "Choose at least one creator.",
    ]);
    expect(refused({ campaignId: "C-100", creators: ["@mia"], sku: "SKU-9" })).toEqual([
      "Choose one of the SKUs of C-100: SKU-1, SKU-2.",
    ]);
  });

  it("refuses a campaign whose brief does not pass the check", () => {
    const broken = { ...campaign, End: "2026-11-01" };
    const plan = planRecruit(
      { campaignId: "C-100", creators: ["@mia"], sku: "SKU-1" },
      { ...tabs, Campaigns: tab("Campaigns", [broken]) },
      calendar,
      today,
    );
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.errors[0]?.message).toBe("Fix the brief of C-100 first:");
  });
});

describe("what the sidebar shows", () => {
  it("sends date cells as ISO days of the spreadsheet zone, and reads the briefs back", () => {
    const calendar = zoneCalendar("Pacific/Auckland");
    const cells = briefCells(brief, calendar);
    const grids = workbook({
      // Spend is the daily check's: the preview sets it against the budget.
      Campaigns: [{ ...cells, Spend: 1030 }],
      Creators: [
        { Creator: "@mia", "LIVE capable": true, Category: "Beauty", "Suggested pool": "Test more" },
      ],
    });
    const tabs = Object.fromEntries(
      Object.entries(grids).map(([name, grid]) => [name, grid && packGrid(daysAsIso(grid, calendar))]),
    );
    expect(JSON.stringify(tabs)).not.toMatch(/T\d\d:\d\d/);
    const state = sidebarState(
      { ok: true, timeZone: calendar.timeZone, today: "2026-12-02", tabs, money: USD },
      calendar,
    );
    expect(state.missing).toEqual([]);
    expect(state.campaigns[0]?.brief.start).toBe("2026-12-01");
    expect(state.campaigns[0]?.spend).toBe(1030);
    expect(checkBrief(state.campaigns[0]?.brief).brief).toEqual(brief);
    expect(state.creators).toEqual([
      { name: "@mia", liveCapable: true, category: "Beauty", pool: "", suggestedPool: "Test more" },
    ]);
    expect(state.products.map((product) => [product.sku, product.name, product.stockOnHand])).toEqual([
      ["SKU-1", "Glow serum", 500],
      ["SKU-2", "Night cream", 200],
    ]);
  });

  it("packs a grid by column, few distinct values as codes, and unpacks it as it was", () => {
    const grid = [
      ["Creator", "LIVE capable", "Pool", "Followers"],
      ...Array.from({ length: 40 }, (_, index) => [
        `@creator${index}`,
        index % 3 === 0 ? "Yes" : "No",
        index % 2 ? "Priority" : "",
        index % 2 ? 1 : "1",
      ]),
    ];
    const packed = packGrid(grid);
    expect(packed.rows).toBe(41);
    expect(Array.isArray(packed.columns[0])).toBe(true);
    expect(packed.columns[1]).toEqual({
      values: ["LIVE capable", "Yes", "No"],
      codes: [0, ...Array.from({ length: 40 }, (_, index) => (index % 3 === 0 ? 1 : 2))],
    });
    // A number and the same digits as text stay apart.
    expect(unpackGrid(JSON.parse(JSON.stringify(packed)))).toEqual(grid);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(grid).length * 0.75);
    expect(unpackGrid(null)).toBeNull();
    expect(unpackGrid(packGrid([]))).toEqual([]);
  });

  it("finds the creators already in a campaign, as seats are matched", () => {
    const grid = [
      ["Collab ID", "Campaign ID", "Creator"],
      ["K-1", "C-1", "@mia "],
      ["K-2", " c-1", "@leo"],
      ["K-3", "C-2", "@ava"],
      ["", "C-1", "@nobody"],
    ];
    expect(campaignCreators(grid, "C-1")).toEqual(["@mia", "@leo"]);
    expect(campaignCreators(grid, "C-9")).toEqual([]);
    expect(campaignCreators(null, "C-1")).toEqual([]);
  });

  it("names the tabs and columns that setup would add", () => {
    const calendar = zoneCalendar("Etc/UTC");
    const state = sidebarState(
      {
        ok: true,
        timeZone: "Etc/UTC",
        today: "2026-12-02",
        tabs: { Products: packGrid([["SKU", "Product"]]) },
        money: USD,
      },
      calendar,
    );
    expect(state.missing).toEqual([
      "Products: Stock on hand",
      "Products: Open rate",
      "Products: Open ads rate",
      "Products: Sample cost",
      "Campaigns tab",
      "Creators tab",
      "Collaborations tab",
    ]);
  });
});

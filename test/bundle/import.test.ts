/**
 * Import from Seller Center through build/Code.js on the emulator: the menu item, the preview
 * (nothing written), the confirm (writes exactly what was previewed), a second import that
 * changes nothing, service calls flat in rows, a person sorting while the import writes, a busy
 * lock, and the remembered column mapping.
 */
import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import {
  AFFILIATE_EXPORT_HEADERS as AFFILIATE_HEADERS,
  asImportedTab,
  demoAffiliateExport,
  demoOrderExport,
} from "../../src/local/demo/seller-center-exports";
import { TABS } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";
import { applyEdit } from "../support/person-edits";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
const MAPPED = { "Ads attribution": "adOrder" };

interface Preview {
  ok: boolean;
  kind: string;
  rowsRead: number;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  columns: { header: string; field: string }[];
  canImport: boolean;
  fingerprint: string;
  creatorsToAddCount: number;
  collaborations: { filled: number };
  additions: { order: string; summary: string }[];
  money: { currency: string; locale: string };
  errors?: { message: string }[];
}

function workbookWithExport(
  rows: number,
  source = demoAffiliateExport,
): { bundle: LoadedBundle; exportRows: string[][] } {
  const bundle = loadBundle({ timeZone, now });
  const { tabs } = demoWorkbook({ today: now, timeZone });
  for (const [tab, values] of Object.entries(tabs)) bundle.emulator.seed(tab, values);
  bundle.call("setUpWorkbookFromMenu");
  const exportRows = source({ tabs, rows, timeZone, today: now });
  bundle.emulator.seed("Export", asImportedTab(exportRows));
  return { bundle, exportRows };
}

const preview = (bundle: LoadedBundle, request: Record<string, unknown> = {}) =>
  bundle.call("sidebarImportPreview", { sourceTab: "Export", mapping: MAPPED, ...request }) as Preview;

function importAll(bundle: LoadedBundle, request: Record<string, unknown> = {}) {
  const shown = preview(bundle, request);
  return bundle.call("sidebarImportConfirm", {
    sourceTab: "Export",
    mapping: MAPPED,
    ...request,
    fingerprint: shown.fingerprint,
  }) as { ok: boolean; message?: string; errors?: { message: string }[] };
}

function records(bundle: LoadedBundle, tab: string): Record<string, unknown>[] {
  const [header = [], ...rows] = bundle.emulator.values(tab);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [String(name), row[index]])));
}

describe("Import from this tab", () => {
  it("setup creates the Orders tab with the contract's headers", () => {
    const { bundle } = workbookWithExport(1);
    const orders = TABS.find((tab) => tab.name === "Orders");
    expect(bundle.emulator.values("Orders")[0]).toEqual(orders?.columns.map((column) => column.header));
  });

  it("opens the import panel on the selected tab, and refuses one of the add-on's own", () => {
    const { bundle } = workbookWithExport(5);
    bundle.emulator.spreadsheet.getSheetByName("Export")?.activate();
    bundle.call("importFromThisTab");
    expect(bundle.emulator.ui.sidebars.at(-1)?.html).toContain(
      '"view":"import","campaignId":"","sourceTab":"Export"',
    );
    bundle.emulator.spreadsheet.getSheetByName("Orders")?.activate();
    bundle.call("importFromThisTab");
    expect(bundle.emulator.ui.sidebars.at(-1)?.html).toContain("one of Campaign Desk");
    const refused = bundle.call("sidebarImportPreview", { sourceTab: "Collaborations" }) as Preview;
    expect(refused.ok).toBe(false);
    expect(bundle.call("sidebarImportPreview", { sourceTab: ["x"] })).toMatchObject({ ok: false });
  });

  it("previews without writing, writes what was previewed, and changes nothing the second time", () => {
    const { bundle } = workbookWithExport(300);
    bundle.emulator.calls.reset();
    const first = preview(bundle, { mapping: {} });
    expect(first.kind).toBe("affiliate");
    expect(first.columns).toEqual([{ header: "Ads attribution", field: "" }]);
    expect(bundle.emulator.calls.writes()).toBe(0);

    const shown = preview(bundle);
    expect(shown.columns).toEqual([{ header: "Ads attribution", field: "adOrder" }]);
    expect(shown.rowsRead).toBe(300);
    expect(shown.counts.new + shown.counts.skipped).toBe(300);
    expect(shown.canImport).toBe(true);
    expect(bundle.emulator.calls.writes()).toBe(0);

    const stale = bundle.call("sidebarImportConfirm", {
      sourceTab: "Export",
      mapping: MAPPED,
      fingerprint: "0",
    });
    expect(stale).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("changed since") }],
    });
    expect(bundle.emulator.calls.writes()).toBe(0);

    const done = importAll(bundle);
    expect(done).toMatchObject({ ok: true });
    const orders = records(bundle, "Orders");
    expect(orders).toHaveLength(shown.counts.new);
    expect(orders.filter((order) => order["Collab ID"] !== "").length).toBeGreaterThan(shown.counts.new / 2);
    expect(orders.some((order) => order["Ad order"] === "Yes")).toBe(true);
    expect(typeof orders[0]?.["Order ID"]).toBe("string");
    const gmv = records(bundle, "Collaborations").filter(
      (collab) => typeof collab.GMV === "number" && collab.GMV > 0,
    );
    expect(gmv.length).toBeGreaterThan(0);
    expect(
      JSON.parse(
        bundle.emulator.properties.document.getProperty("campaignDesk.importMapping.affiliate") ?? "{}",
      ),
    ).toEqual({ "ads attribution": "adOrder" });

    const before = bundle.emulator.values("Orders");
    const again = preview(bundle, { mapping: {} });
    expect(again.columns).toEqual([{ header: "Ads attribution", field: "adOrder" }]);
    expect(again.counts).toEqual({
      new: 0,
      updated: 0,
      unchanged: shown.counts.new,
      skipped: shown.counts.skipped,
    });
    expect(again.canImport).toBe(false);
    expect(importAll(bundle)).toMatchObject({ ok: false });
    expect(bundle.emulator.values("Orders")).toEqual(before);
  });

  it("feeds the daily check: commission differences in the Alerts cells, the digest and the operating view", () => {
    const { bundle } = workbookWithExport(300);
    expect(importAll(bundle)).toMatchObject({ ok: true });
    bundle.emulator.properties.document.deleteProperty("campaignDesk.digest");
    bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
    const flagged = records(bundle, "Collaborations").filter((collab) =>
      String(collab.Alerts).includes("credited a commission the rules do not give"),
    );
    expect(flagged.length).toBeGreaterThan(0);
    const operations = bundle.emulator.values("Operations").map((row) => String(row[0]));
    expect(operations).toContain(
      "Commission reconciliation: what the platform credited against what the rules say",
    );
    const digests = bundle.emulator.outbox.map((mail) => mail.body).join("\n");
    expect(digests).toContain("credited a commission the rules do not give");

    // A collaboration cancelled after the import: its orders lose it at the next check.
    const matched = records(bundle, "Orders").find((order) => order["Collab ID"] !== "");
    const collabId = String(matched?.["Collab ID"]);
    const collabs = bundle.emulator.values("Collaborations");
    const row = collabs.findIndex((cells) => cells[0] === collabId) + 1;
    bundle.emulator.uncounted(() =>
      bundle.emulator.spreadsheet
        .getSheetByName("Collaborations")
        ?.getRange(row, (collabs[0] ?? []).indexOf("Cancelled") + 1)
        .setValue("Yes"),
    );
    bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
    expect(records(bundle, "Orders").filter((order) => order["Collab ID"] === collabId)).toEqual([]);
  });

  // The review's cases: an owner's digest matched the Campaign ID as the collaboration typed it,
  // and amounts were written as 12.50 whatever the workbook's Currency and locale.
  it("mails a campaign's owner its commission alerts, however the collaboration typed the ID, in EUR in de_DE", () => {
    const bundle = loadBundle({ timeZone, now, locale: "de_DE", userEmail: "maya@shop.example" });
    const { tabs } = demoWorkbook({ today: now, timeZone });
    const settings = (tabs.Settings ?? []).filter((row) => row[0] !== "Currency");
    tabs.Settings = [...settings, ["Currency", "EUR"], ["Allowed email domains", "shop.example"]];
    for (const [tab, values] of Object.entries(tabs)) bundle.emulator.seed(tab, values);
    bundle.call("setUpWorkbookFromMenu");
    bundle.emulator.seed(
      "Export",
      asImportedTab(demoAffiliateExport({ tabs, rows: 300, timeZone, today: now })),
    );
    // The preview's amounts read as the digest's: the Currency setting in the spreadsheet's locale.
    const shown = preview(bundle);
    expect(shown.money).toEqual({ currency: "EUR", locale: "de_DE" });
    expect(shown.additions.length).toBeGreaterThan(0);
    for (const line of shown.additions) expect(line.summary).toMatch(/, \d{1,3}(\.\d{3})*,\d\d €(, |$)/);
    expect(importAll(bundle)).toMatchObject({ ok: true });
    const amounts = records(bundle, "Orders").map((order) => order.Amount);
    expect(amounts.every((amount) => typeof amount === "number")).toBe(true);
    bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
    const flagged = records(bundle, "Collaborations").find((collab) =>
      String(collab.Alerts).includes("credited a commission the rules do not give"),
    );
    const campaignId = String(flagged?.["Campaign ID"]);
    expect(campaignId).toMatch(/[A-Z]/);

    // The campaign's collaborations typed its ID in lower case; the campaign's row names an owner.
    const set = (tab: string, key: unknown, header: string, value: string) => {
      const grid = bundle.emulator.values(tab);
      const row = grid.findIndex((cells) => cells[0] === key) + 1;
      const column = (grid[0] ?? []).indexOf(header) + 1;
      bundle.emulator.uncounted(() =>
        bundle.emulator.spreadsheet.getSheetByName(tab)?.getRange(row, column).setValue(value),
      );
    };
    for (const collab of records(bundle, "Collaborations"))
      if (collab["Campaign ID"] === campaignId)
        set("Collaborations", collab["Collab ID"], "Campaign ID", campaignId.toLowerCase());
    set("Campaigns", campaignId, "Owner", "ana@shop.example");
    bundle.emulator.properties.document.deleteProperty("campaignDesk.digest");
    bundle.emulator.outbox.length = 0;
    bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
    const owner = bundle.emulator.outbox.filter((mail) => mail.to.includes("ana@shop.example"));
    expect(owner).toHaveLength(1);
    const body = owner[0]?.body ?? "";
    expect(body).toContain("credited a commission the rules do not give");
    expect(body).toContain(campaignId);
    expect(body).toContain(String(flagged?.["Collab ID"]));
    expect(body).not.toContain(campaignId.toLowerCase());
    expect(body).toMatch(/\(platform -?[\d.]+,\d\d €, expected -?[\d.]+,\d\d €\)/);
  });

  it("keeps IDs as text in a new Orders tab, and a team's formulas as formulas", () => {
    const bundle = loadBundle({ timeZone, now });
    const { tabs } = demoWorkbook({ today: now, timeZone });
    for (const [tab, values] of Object.entries(tabs)) if (tab !== "Orders") bundle.emulator.seed(tab, values);
    bundle.call("setUpWorkbookFromMenu");
    const exportRows = asImportedTab(demoAffiliateExport({ tabs, rows: 300, timeZone, today: now }));
    // A creator handle that would be a formula if written as typed (kept as text in the export tab).
    const creatorAt = AFFILIATE_HEADERS.indexOf("Creator username");
    (exportRows[1] as string[])[creatorAt] = `'=HYPERLINK("http://evil.example","x")`;
    bundle.emulator.seed("Export", exportRows);
    const collabs = bundle.emulator.spreadsheet.getSheetByName("Collaborations");
    const gmvColumn = (bundle.emulator.values("Collaborations")[0] ?? []).indexOf("GMV") + 1;
    bundle.emulator.uncounted(() => collabs?.getRange(2, gmvColumn).setFormula("=1+1"));
    const shown = preview(bundle);
    expect(importAll(bundle)).toMatchObject({ ok: true });
    const orders = bundle.emulator.values("Orders").slice(1);
    expect(orders).toHaveLength(shown.counts.new);
    expect(orders.every((row) => /^\d+$/.test(String(row[0])))).toBe(true);
    expect(bundle.emulator.uncounted(() => collabs?.getRange(2, gmvColumn).getFormula())).toBe("=1+1");
    const injected = orders.findIndex((row) => String(row[3]).startsWith("=HYPERLINK"));
    expect(injected).toBeGreaterThanOrEqual(0);
    const ordersSheet = bundle.emulator.spreadsheet.getSheetByName("Orders");
    expect(bundle.emulator.uncounted(() => ordersSheet?.getRange(injected + 2, 4).getFormula())).toBe("");
    expect(preview(bundle).counts.new).toBe(0);
  });

  it("says so when Sheets turned the Order IDs into numbers on import, and imports nothing", () => {
    const { bundle, exportRows } = workbookWithExport(20);
    bundle.emulator.seed("Export", exportRows);
    const shown = preview(bundle);
    expect(typeof bundle.emulator.values("Export")[1]?.[0]).toBe("number");
    expect(shown.counts.new).toBe(0);
    expect(shown.canImport).toBe(false);
    expect(JSON.stringify(shown)).toContain("Convert text to numbers, dates and formulas");
  });

  it("adds the export's new creators only on request", () => {
    const { bundle } = workbookWithExport(200);
    const creators = records(bundle, "Creators").length;
    const shown = preview(bundle, { addCreators: true });
    expect(shown.creatorsToAddCount).toBeGreaterThan(0);
    expect(importAll(bundle, { addCreators: true })).toMatchObject({ ok: true });
    expect(records(bundle, "Creators")).toHaveLength(creators + shown.creatorsToAddCount);
  });

  it("reads the order export too: orders without creators, statuses updated by the affiliate export", () => {
    const { bundle } = workbookWithExport(100, demoOrderExport);
    const shown = preview(bundle, { mapping: {} });
    expect(shown.kind).toBe("orders");
    expect(shown.columns).toEqual([]);
    expect(importAll(bundle, { mapping: {} })).toMatchObject({ ok: true });
    expect(
      records(bundle, "Orders").every((order) => order.Creator === "" && order["Collab ID"] === ""),
    ).toBe(true);
  });

  // Both outgrow the new Orders tab's 1,000 rows, so both grow it once.
  it("makes the same service calls for 2,000 and 10,000 export rows", () => {
    const counts = [2_000, 10_000].map((rows) => {
      const { bundle } = workbookWithExport(rows);
      const shown = preview(bundle);
      bundle.emulator.calls.reset();
      bundle.call("sidebarImportConfirm", {
        sourceTab: "Export",
        mapping: MAPPED,
        fingerprint: shown.fingerprint,
      });
      return bundle.emulator.calls.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });

  it("stops, rather than writing blind, when a person deletes a row while it writes, and finishes on the next run", () => {
    const { bundle } = workbookWithExport(300);
    const shown = preview(bundle);
    let moved = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (moved || call.method !== "setValues") return;
      moved = true;
      bundle.emulator.uncounted(() =>
        bundle.emulator.spreadsheet.getSheetByName("Collaborations")?.deleteRow(2),
      );
    });
    const gmvBefore = records(bundle, "Collaborations").map((collab) => collab.GMV);
    const result = bundle.call("sidebarImportConfirm", {
      sourceTab: "Export",
      mapping: MAPPED,
      fingerprint: shown.fingerprint,
    });
    stop();
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("moved while the import wrote") }],
    });
    expect(records(bundle, "Orders")).toHaveLength(shown.counts.new);
    expect(records(bundle, "Collaborations").map((collab) => collab.GMV)).toEqual(gmvBefore.slice(1));
    expect(importAll(bundle)).toMatchObject({ ok: true });
    expect(records(bundle, "Orders")).toHaveLength(shown.counts.new);
    expect(
      records(bundle, "Collaborations").some((collab) => typeof collab.GMV === "number" && collab.GMV > 0),
    ).toBe(true);
  });

  /** A confirm during which a person types `value` into GMV of sheet row `row` after the first write. */
  function confirmWhileTypingGmv(row: number, value: number) {
    const { bundle } = workbookWithExport(300);
    const shown = preview(bundle);
    const sheet = bundle.emulator.spreadsheet.getSheetByName("Collaborations");
    let typed = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (typed || call.method !== "setValues") return;
      typed = true;
      const edit = { kind: "typeCell" as const, row: row - 2, column: 0, value, header: "GMV" };
      bundle.emulator.uncounted(() => sheet && applyEdit(sheet, "Collaborations", edit));
    });
    const result = bundle.call("sidebarImportConfirm", {
      sourceTab: "Export",
      mapping: MAPPED,
      fingerprint: shown.fingerprint,
    }) as { ok: boolean; errors?: { message: string }[] };
    stop();
    expect(typed).toBe(true);
    expect(records(bundle, "Orders")).toHaveLength(shown.counts.new);
    const gmv = records(bundle, "Collaborations").map((collab) => collab.GMV);
    return { result, gmv, bundle };
  }

  // The review's case: the GMV column used to be written whole, from the values read at planning.
  it("keeps what a person typed between the import's read and its writes, and says which cells it left", () => {
    const calm = workbookWithExport(300).bundle;
    const before = records(calm, "Collaborations").map((collab) => collab.GMV);
    expect(importAll(calm)).toMatchObject({ ok: true });
    const after = records(calm, "Collaborations").map((collab) => collab.GMV);
    const filled = after.findIndex((gmv, offset) => gmv !== before[offset]);
    expect(filled).toBeGreaterThanOrEqual(0);

    // A row the import does not change: the typed value stays and the import reports ok.
    const lastRow = after.length + 1;
    expect(after[lastRow - 2]).toBe(before[lastRow - 2]);
    const untouched = confirmWhileTypingGmv(lastRow, 4242);
    expect(untouched.result).toMatchObject({ ok: true });
    expect(untouched.gmv[lastRow - 2]).toBe(4242);
    expect(untouched.gmv.filter((_, offset) => offset !== lastRow - 2)).toEqual(
      after.filter((_, offset) => offset !== lastRow - 2),
    );

    // A row the import fills: its block is skipped and said, the typed value stays, the rest is written.
    const overwritten = confirmWhileTypingGmv(filled + 2, 4242);
    expect(overwritten.gmv[filled]).toBe(4242);
    expect(overwritten.result).toMatchObject({
      ok: false,
      errors: [
        {
          message: expect.stringMatching(/Cells changed while the import wrote.*Collaborations GMV, rows? /),
        },
      ],
    });
    expect(importAll(overwritten.bundle)).toMatchObject({ ok: true });
    expect(records(overwritten.bundle, "Collaborations")[filled]?.GMV).toBe(4242);
  });

  it("refuses while another run holds the lock, writing nothing", () => {
    const { bundle } = workbookWithExport(50);
    const shown = preview(bundle);
    const release = bundle.emulator.holdLock("document");
    bundle.emulator.calls.reset();
    const result = bundle.call("sidebarImportConfirm", {
      sourceTab: "Export",
      mapping: MAPPED,
      fingerprint: shown.fingerprint,
    });
    release();
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("Nothing was imported") }],
    });
    expect(bundle.emulator.calls.writes()).toBe(0);
  });
});

describe("the remembered mapping", () => {
  it("keeps its newest entries within one property value (9 KB)", async () => {
    const { mappingToStore } = await import("../../src/gas/import-api");
    const many = Object.fromEntries(
      Array.from({ length: 400 }, (_, index) => [`column ${index} of a long export`, "ignore" as const]),
    );
    const stored = mappingToStore(many, { "ads attribution": "adOrder" });
    expect(stored.length).toBeLessThanOrEqual(9 * 1024);
    const kept = JSON.parse(stored) as Record<string, string>;
    expect(kept["ads attribution"]).toBe("adOrder");
    expect(kept["column 0 of a long export"]).toBeUndefined();
    expect(kept["column 399 of a long export"]).toBe("ignore");
  });
});

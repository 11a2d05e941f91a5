/**
 * Sidebar saves and recruits through build/Code.js while people edit: a person's edit between the
 * save's read and its write never moves a value onto another row or a team column, an edited
 * brief is found again by its Campaign ID, new rows go only into rows confirmed empty; and the
 * server refuses what the opened form could not have sent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWriteCall } from "../../src/local/index";
import { headerKey } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";
import { applyEdit, type PersonEdit, personEdit } from "../support/person-edits";

const brief = {
  campaignId: "C-100",
  name: "Holiday Glow",
  objective: "Organic test",
  lane: "Open",
  skus: ["SKU-1"],
  start: "2026-12-01",
  end: "2026-12-31",
  contentTypes: ["Short video"],
  paymentModel: "Commission only",
  commissionRate: 0.15,
  samplePolicy: "Free sample",
  liveRequired: false,
  amplification: "None",
  ownerEmail: "maya@example.com",
  status: "Recruiting",
};

/** A set-up workbook with products, creators, three campaigns and a collaboration. */
function workbook(): LoadedBundle {
  const bundle = loadBundle({ timeZone: "Pacific/Auckland", now: new Date("2026-12-01T20:00:00Z") });
  bundle.call("setUpWorkbookFromMenu");
  bundle.emulator.seed(
    "Products",
    [
      ["SKU-1", "Glow serum", 30, 500, 0.1, 8],
      ["SKU-2", "Night cream", 40, 200, 0.12, 9],
    ],
    { startRow: 2 },
  );
  bundle.emulator.seed(
    "Creators",
    [
      ["@mia", "mia@example.com", "Yes", "Beauty", "Priority"],
      ["@noah", "noah@example.com", "No", "Beauty", ""],
      ["@ava", "ava@example.com", "Yes", "Skincare", ""],
    ],
    { startRow: 2 },
  );
  for (const id of ["C-300", "C-100", "C-200"])
    bundle.call("sidebarSaveBrief", { ...brief, campaignId: id }, true);
  bundle.call("sidebarRecruit", { campaignId: "C-300", creators: ["@noah"], sku: "SKU-1" });
  return bundle;
}

/** Rows of a tab as objects by header. */
function records(bundle: LoadedBundle, tab: string): Record<string, unknown>[] {
  const [header = [], ...rows] = bundle.emulator.values(tab);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [String(name), row[index]])));
}

/** The row of a Campaigns grid holding a Campaign ID, found by header. */
function rowOf(grid: readonly (readonly unknown[])[], campaignId: string): readonly unknown[] | undefined {
  const at = (grid[0] ?? []).findIndex((cell) => headerKey(cell) === "campaign id");
  return at < 0 ? undefined : grid.slice(1).find((row) => row[at] === campaignId);
}

/** The Collab IDs of a Collaborations grid, found by header. */
function collabIds(grid: readonly (readonly unknown[])[]): Set<string> {
  const at = (grid[0] ?? []).findIndex((cell) => headerKey(cell) === "collab id");
  return new Set(at < 0 ? [] : grid.slice(1).map((row) => String(row[at])));
}

const edit = (loaded: Record<string, unknown>) => ({ ...loaded, name: "Renamed while sorted", budget: 777 });

function withEditAfter(
  bundle: LoadedBundle,
  at: number,
  tab: string,
  change: PersonEdit,
  action: () => unknown,
) {
  let calls = 0;
  let teamBeforeEdit: unknown[][] = [];
  let teamAfterEdit: unknown[][] = [];
  const stop = bundle.emulator.hooks.afterCall(() => {
    calls += 1;
    if (calls !== at) return;
    teamBeforeEdit = bundle.emulator.values(tab);
    bundle.emulator.uncounted(() => {
      const sheet = bundle.emulator.spreadsheet.getSheetByName(tab);
      if (sheet) applyEdit(sheet, tab as never, change);
    });
    teamAfterEdit = bundle.emulator.values(tab);
  });
  const teamAtStart = bundle.emulator.values(tab);
  const reply = action();
  stop();
  return { reply, teamAtStart, teamBeforeEdit, teamAfterEdit };
}

function callsOf(action: (bundle: LoadedBundle) => unknown): string[] {
  const bundle = workbook();
  bundle.emulator.calls.reset();
  action(bundle);
  return bundle.emulator.calls.list();
}

/** Points after which a person may edit: any call not followed by a write. */
const editPoints = (calls: string[]) =>
  calls.flatMap((_, index) => {
    const [className = "", method = ""] = (calls[index + 1] ?? "End.end").split(".");
    return isWriteCall(className, method) ? [] : [index + 1];
  });

const loadedOf = (id: string) => ({ ...brief, campaignId: id });

describe("a brief save while people edit (property)", () => {
  const save = (bundle: LoadedBundle) =>
    bundle.call("sidebarSaveBrief", edit(loadedOf("C-100")), false, loadedOf("C-100"));
  const points = editPoints(callsOf(save));

  it("lands on C-100's row or is refused, and changes nothing else", () => {
    fc.assert(
      fc.property(fc.constantFrom(...points), personEdit, (at, change) => {
        const bundle = workbook();
        const { reply, teamBeforeEdit, teamAfterEdit } = withEditAfter(bundle, at, "Campaigns", change, () =>
          save(bundle),
        );
        const after = bundle.emulator.values("Campaigns");
        const header = after[0] ?? [];
        const key = header.findIndex((cell) => headerKey(cell) === "campaign id");
        const changed = new Set(["name", "budget"]);
        // The save had written C-100's Name and Budget before the person's edit: from there on the
        // person's edit stands, whatever it did to that row.
        const before = rowOf(teamBeforeEdit, "C-100");
        const savedBeforeEdit = before?.includes("Renamed while sorted") === true && before.includes(777);
        // Every cell but C-100's Name and Budget is as it was after the person's edit.
        for (const [r, row] of after.entries()) {
          for (const [c, cell] of row.entries()) {
            if (!savedBeforeEdit && row[key] === "C-100" && changed.has(headerKey(header[c]))) continue;
            expect(cell, `row ${r + 1} column ${c + 1} after ${JSON.stringify(change)} at ${at}`).toEqual(
              teamAfterEdit[r]?.[c],
            );
          }
        }
        // An answered save is on the C-100 row it names (unless the person deleted the ID column
        // itself, or edited the row once the save had written it: checked above, cell by cell). A
        // second C-100 typed meanwhile is not the one the save opened.
        const savedAt = (reply as { row?: number }).row ?? 0;
        const saved = records(bundle, "Campaigns")[savedAt - 2];
        const wanted = Object.fromEntries(
          Object.entries({ "Campaign ID": "C-100", Name: "Renamed while sorted", Budget: 777 }).filter(
            ([name]) => header.includes(name),
          ),
        );
        if ((reply as { ok: boolean }).ok && key >= 0 && !savedBeforeEdit)
          expect(saved).toMatchObject(wanted);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("a recruit while people edit (property)", () => {
  const recruit = (bundle: LoadedBundle) =>
    bundle.call("sidebarRecruit", { campaignId: "C-100", creators: ["@mia", "@ava"], sku: "SKU-1" });
  const points = editPoints(callsOf(recruit));

  it("adds its rows only where rows were empty, and changes no existing row", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...points),
        fc.constantFrom("Collaborations", "Samples"),
        personEdit,
        (at, tab, change) => {
          const bundle = workbook();
          const { reply, teamAtStart, teamBeforeEdit, teamAfterEdit } = withEditAfter(
            bundle,
            at,
            tab,
            change,
            () => recruit(bundle),
          );
          const after = bundle.emulator.values(tab);
          // The rows there after the person's edit are untouched; new rows come after them.
          teamAfterEdit.forEach((row, r) => {
            if (row.every((cell) => cell === "")) return;
            expect(after[r], `${tab} row ${r + 1} after ${JSON.stringify(change)} at ${at}`).toEqual(row);
          });
          // Every invitation answered is on the tab (unless the person deleted the ID column itself,
          // or typed over an ID this recruit had already written: that is their edit, kept).
          const invited = ((reply as { invited?: { collabId: string }[] }).invited ?? []).map(
            (row) => row.collabId,
          );
          const overwritten = (id: string) =>
            tab === "Collaborations" &&
            !collabIds(teamAtStart).has(id) &&
            collabIds(teamBeforeEdit).has(id) &&
            !collabIds(teamAfterEdit).has(id);
          const rows = records(bundle, "Collaborations");
          if ((reply as { ok: boolean }).ok && rows[0] && "Collab ID" in rows[0]) {
            expect(invited).toHaveLength(2);
            expect(rows.filter((row) => invited.includes(String(row["Collab ID"])))).toHaveLength(
              invited.filter((id) => !overwritten(id)).length,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("the server edits only what was opened", () => {
  it("refuses an unclear isNew, an edit with no loaded brief, and another campaign's ID", () => {
    const bundle = workbook();
    const before = bundle.emulator.values("Campaigns");
    bundle.emulator.calls.reset();
    expect(
      bundle.call("sidebarSaveBrief", edit(loadedOf("C-100")), "false", loadedOf("C-100")),
    ).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("unclear request") }],
    });
    expect(bundle.call("sidebarSaveBrief", edit(loadedOf("C-100")), false)).toMatchObject({
      ok: false,
      errors: [{ message: "Open the brief you want to edit first: nothing was saved." }],
    });
    expect(bundle.call("sidebarSaveBrief", edit(loadedOf("C-200")), false, loadedOf("C-100"))).toEqual({
      ok: false,
      errors: [
        {
          field: "campaignId",
          message: "An open brief keeps its Campaign ID (C-100): to save it as C-200, start a new brief.",
        },
      ],
    });
    expect(bundle.emulator.calls.writes()).toBe(0);
    expect(bundle.emulator.values("Campaigns")).toEqual(before);
  });

  it("refuses an edit whose campaign someone renamed or removed, rather than adding it back", () => {
    const bundle = workbook();
    const sheet = bundle.emulator.spreadsheet.getSheetByName("Campaigns");
    const values = bundle.emulator.values("Campaigns");
    const row = values.findIndex((cells) => cells[0] === "C-100") + 1;
    sheet?.getRange(row, 1).setValue("C-100-old");
    const before = bundle.emulator.values("Campaigns");
    expect(bundle.call("sidebarSaveBrief", edit(loadedOf("C-100")), false, loadedOf("C-100"))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("C-100 is no longer on the Campaigns tab") }],
    });
    expect(bundle.emulator.values("Campaigns")).toEqual(before);
  });

  it("makes text past a cell and absurd lists field errors, not Sheets exceptions", () => {
    const bundle = workbook();
    const long = bundle.call(
      "sidebarSaveBrief",
      { ...brief, campaignId: "C-9", notes: "x".repeat(50_000) },
      true,
    );
    expect(long).toMatchObject({
      ok: false,
      errors: [{ field: "notes", message: expect.stringContaining("at most 49999 characters") }],
    });
    const skus = Array.from({ length: 10_000 }, (_, index) => `SKU-${index}`);
    expect(bundle.call("sidebarSaveBrief", { ...brief, campaignId: "C-9", skus }, true)).toMatchObject({
      ok: false,
      errors: [{ field: "skus", message: expect.stringContaining("at most 200 SKUs") }],
    });
    const creators = Array.from({ length: 5_000 }, (_, index) => `@c${index}`);
    expect(bundle.call("sidebarRecruit", { campaignId: "C-100", creators, sku: "SKU-1" })).toEqual({
      ok: false,
      errors: [{ field: "creators", message: "Choose at most 500 creators at a time." }],
    });
    // The longest note a cell takes is saved.
    const saved = bundle.call(
      "sidebarSaveBrief",
      { ...brief, campaignId: "C-9", notes: "x".repeat(49_999) },
      true,
    );
    expect(saved).toMatchObject({ ok: true });
  });

  it("finds an edited brief again by its ID when the tab was sorted before the write", () => {
    const bundle = workbook();
    let sorted = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (sorted || call.method !== "getNumberFormats") return;
      sorted = true;
      bundle.emulator.uncounted(() => {
        const sheet = bundle.emulator.spreadsheet.getSheetByName("Campaigns");
        sheet?.getRange(2, 1, 3, sheet.getLastColumn()).sort(1);
      });
    });
    const reply = bundle.call("sidebarSaveBrief", edit(loadedOf("C-100")), false, loadedOf("C-100"));
    stop();
    expect(sorted).toBe(true);
    expect(reply).toMatchObject({ ok: true, row: 2, created: false });
    const rows = records(bundle, "Campaigns");
    expect(rows.map((row) => [row["Campaign ID"], row.Name])).toEqual([
      ["C-100", "Renamed while sorted"],
      ["C-200", "Holiday Glow"],
      ["C-300", "Holiday Glow"],
    ]);
  });
});

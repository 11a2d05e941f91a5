/**
 * A person's edit between any two service calls of build/Code.js (insert a column left or right of
 * the key, delete a column, sort, type a new row), during the daily check, setup, a brief save and
 * a recruit: no cell, note or format of the team's changes. The one moment left out is right
 * before a write call (after the read that confirms it, or between the writes that follow one
 * confirming read back to back, which Apps Script sends as one batch): no Apps Script API makes
 * a read and a write one step, so no add-on can close that gap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import { isWriteCall } from "../../src/local/index";
import { headerKey, TABS, type TabName } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";
import { applyEdit, ownedHeaders, type PersonEdit, personEdit } from "../support/person-edits";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
const checkedTabs = TABS.filter((tab) => !tab.generated && tab.columns.some((column) => column.owned));

interface TeamCells {
  values: unknown[][];
  notes: string[][];
  backgrounds: string[][];
  formats: string[][];
  /** Each cell's dropdown or check, as text ("" for none). */
  rules: string[][];
}

const ruleText = (rule: GoogleAppsScript.Spreadsheet.DataValidation | null): string =>
  rule ? `${String(rule.getCriteriaType())} ${JSON.stringify(rule.getCriteriaValues())}` : "";

/** Every tab's cells as they are (uncounted). */
function snapshot(bundle: LoadedBundle): Map<string, TeamCells> {
  const cells = new Map<string, TeamCells>();
  for (const tab of checkedTabs) {
    const sheet = bundle.emulator.spreadsheet.getSheetByName(tab.name);
    if (!sheet || sheet.getLastRow() === 0) continue;
    const range = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
    cells.set(tab.name, {
      values: range.getValues(),
      notes: range.getNotes(),
      backgrounds: range.getBackgrounds(),
      formats: range.getNumberFormats(),
      rules: range.getDataValidations().map((row) => row.map(ruleText)),
    });
  }
  return cells;
}

const contractHeaders = new Map(
  TABS.map((tab) => [tab.name, new Set(tab.columns.map((column) => headerKey(column.header)))]),
);

/**
 * The team's cells did not change: each column whose header is not an owned header holds the same
 * values, notes, colours, formats and dropdowns, row by row. Setup may add its note to a header
 * that had none, and a dropdown to a contract column that had none: nothing else.
 */
function expectTeamCellsKept(before: Map<string, TeamCells>, after: Map<string, TeamCells>, label: string) {
  for (const [tab, was] of before) {
    const now = after.get(tab);
    expect(now, `${label}: ${tab}`).toBeDefined();
    const header = was.values[0] ?? [];
    // The one team cell the add-on keeps current by design: Settings' Today value (CampaignDeskToday).
    const keyAt = header.findIndex((cell) => headerKey(cell) === "key");
    const todayRow =
      tab === "Settings" ? was.values.findIndex((row) => headerKey(row[keyAt]) === "today") : -1;
    header.forEach((cell, index) => {
      if (ownedHeaders.get(tab as TabName)?.has(headerKey(cell))) return;
      if (cell === "" && was.values.every((row) => row[index] === "")) return;
      for (let row = 0; row < was.values.length; row++) {
        if (row === todayRow && headerKey(cell) === "value") continue;
        const where = `${label}: ${tab} row ${row + 1} "${String(cell)}"`;
        expect(now?.values[row]?.[index], where).toEqual(was.values[row]?.[index]);
        expect(now?.backgrounds[row]?.[index], where).toEqual(was.backgrounds[row]?.[index]);
        expect(now?.formats[row]?.[index], where).toEqual(was.formats[row]?.[index]);
        const rule = was.rules[row]?.[index] ?? "";
        if (rule || !contractHeaders.get(tab as TabName)?.has(headerKey(cell)))
          expect(now?.rules[row]?.[index], `${where} (dropdown)`).toEqual(rule);
        // Setup may give a header with no note at all its note; any other note stays.
        if (row > 0 || was.notes[0]?.[index])
          expect(now?.notes[row]?.[index], where).toEqual(was.notes[row]?.[index]);
      }
    });
  }
}

/**
 * Runs `action` on a fresh bundle made by `make` with a person's edit right after call `at`; the
 * team's cells right after the edit must be the team's cells at the end.
 */
function editDuring(
  make: () => LoadedBundle,
  action: (bundle: LoadedBundle) => void,
  at: number,
  tab: TabName,
  edit: PersonEdit,
) {
  const bundle = make();
  let calls = 0;
  let afterEdit: Map<string, TeamCells> | null = null;
  const stop = bundle.emulator.hooks.afterCall(() => {
    calls += 1;
    if (calls !== at || afterEdit) return;
    bundle.emulator.uncounted(() => {
      const sheet = bundle.emulator.spreadsheet.getSheetByName(tab);
      if (sheet) applyEdit(sheet, tab, edit);
    });
    afterEdit = snapshot(bundle);
  });
  action(bundle);
  stop();
  return { bundle, afterEdit: afterEdit as Map<string, TeamCells> | null };
}

const runDaily = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));

/** The calls of a calm run, and the points after which a person may edit (not right before a write). */
function editPoints(make: () => LoadedBundle, action: (bundle: LoadedBundle) => void): number[] {
  const bundle = make();
  bundle.emulator.calls.reset();
  action(bundle);
  const calls = bundle.emulator.calls.list();
  return calls.flatMap((_, index) => {
    const [className = "", method = ""] = (calls[index + 1] ?? "End.end").split(".");
    return isWriteCall(className, method) ? [] : [index + 1];
  });
}

/**
 * The demo workbook; `checked`: set up and checked once, then a day later, so the run under test
 * writes the day's changes (the first run's one-off money formats are behind it).
 */
function seeded(checked: boolean): LoadedBundle {
  const bundle = loadBundle({ timeZone, now });
  for (const [tab, rows] of Object.entries(demoWorkbook({ today: now, timeZone }).tabs))
    bundle.emulator.seed(tab, rows as unknown[][]);
  if (checked) {
    bundle.call("setUpWorkbookFromMenu");
    runDaily(bundle);
    bundle.emulator.clock.advanceDays(1);
  }
  return bundle;
}

const setUp = (bundle: LoadedBundle) => bundle.call("setUpWorkbookFromMenu");

function interleavingProperty(
  make: () => LoadedBundle,
  action: (bundle: LoadedBundle) => void,
  tabs: readonly TabName[],
  numRuns: number,
) {
  const points = editPoints(make, action);
  expect(points.length).toBeGreaterThan(10);
  fc.assert(
    fc.property(fc.constantFrom(...points), fc.constantFrom(...tabs), personEdit, (at, tab, edit) => {
      const { bundle, afterEdit } = editDuring(make, action, at, tab, edit);
      if (!afterEdit) return;
      expectTeamCellsKept(afterEdit, snapshot(bundle), `${JSON.stringify(edit)} on ${tab} after call ${at}`);
    }),
    { numRuns },
  );
}

describe("a person's edit at any point of a run never changes a team's cell (property)", () => {
  const tabNames = checkedTabs.map((tab) => tab.name);

  it("during the daily check", () => {
    interleavingProperty(() => seeded(true), runDaily, tabNames, 60);
  }, 240_000);

  it("during setup", () => {
    interleavingProperty(() => seeded(false), setUp, tabNames, 60);
  }, 240_000);
});

describe("a person's edit between the check's read and each of its writes", () => {
  const edits: [string, PersonEdit][] = [
    ["a column inserted left of the key", { kind: "insertColumn", at: 0 }],
    ["a column inserted right of the key", { kind: "insertColumn", at: 3 }],
    ["a team column deleted", { kind: "deleteColumn", at: 4 }],
    ["a sort", { kind: "sort", by: 2, ascending: false }],
    ["a new row typed", { kind: "typeRow", at: 3 }],
  ];
  const points = (() => {
    // After the read of Collaborations, and after each call from there to the one read that
    // confirms all its writes (the blocks' ranges, the confirming read's range).
    const bundle = seeded(true);
    bundle.emulator.calls.reset();
    const seen: string[] = [];
    const stop = bundle.emulator.hooks.afterCall((call) =>
      seen.push(`${call.service}.${call.method}@${call.sheet ?? ""}`),
    );
    runDaily(bundle);
    stop();
    const read = seen.indexOf("Range.getValues@Collaborations") + 1;
    const confirm = seen.indexOf("Range.getValues@Collaborations", read);
    expect(seen[confirm + 1]).toBe("Range.setValues@Collaborations");
    return Array.from({ length: confirm - read + 1 }, (_, index) => read + index);
  })();

  for (const [name, edit] of edits) {
    it(`${name}: the owned values land on their keys and nothing of the team's moves`, () => {
      expect(points.length).toBeGreaterThan(1);
      for (const at of points) {
        const { bundle, afterEdit } = editDuring(() => seeded(true), runDaily, at, "Collaborations", edit);
        expect(afterEdit).not.toBeNull();
        expectTeamCellsKept(
          afterEdit as Map<string, TeamCells>,
          snapshot(bundle),
          `${name} after call ${at}`,
        );
        // A second, calm run puts every owned value on its row's key.
        runDaily(bundle);
        const [header = [], ...rows] = bundle.emulator.values("Collaborations");
        const key = header.findIndex((cell) => headerKey(cell) === "collab id");
        const payout = header.indexOf("Payout status");
        const keyed = rows.filter((row) => row[key] !== "");
        expect(keyed.every((row) => row[payout] !== "")).toBe(true);
      }
    }, 120_000);
  }
});

/**
 * Orders' owned columns follow the workbook record like every other tab's, through build/Code.js:
 * a team's own column on Orders named like an owned one (here `Applied rate`) is asked about in
 * setup; declined, neither an import nor the daily check ever writes it; accepted, both fill it.
 */
import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import { asImportedTab, demoAffiliateExport } from "../../src/local/demo/seller-center-exports";
import { RECORD_PROPERTY, readRecord } from "../../src/workbook/add-on-record";
import { headerKey } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
const MAPPED = { "Ads attribution": "adOrder" };

function importExport(bundle: LoadedBundle) {
  const request = { sourceTab: "Export", mapping: MAPPED };
  const shown = bundle.call("sidebarImportPreview", request) as { fingerprint: string; notes: string[] };
  return bundle.call("sidebarImportConfirm", { ...request, fingerprint: shown.fingerprint }) as {
    ok: boolean;
    errors?: { message: string }[];
  };
}

const columnOf = (bundle: LoadedBundle, tab: string, header: string) =>
  (bundle.emulator.values(tab)[0] ?? []).findIndex((cell) => headerKey(cell) === headerKey(header));
const column = (bundle: LoadedBundle, tab: string, header: string) => {
  const at = columnOf(bundle, tab, header);
  return bundle.emulator.values(tab).map((row) => row[at]);
};
const record = (bundle: LoadedBundle) =>
  readRecord(bundle.emulator.properties.document.getProperty(RECORD_PROPERTY));
const runDaily = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));

/**
 * A workbook whose Orders hold imported orders and a column of the team's own called
 * `Applied rate` (their notes, no note of the add-on on its header, not in the record: as when
 * the team had it before installing), set up with `answer`. Also the rates the add-on computes.
 */
function withTeamAppliedRate(answer: "YES" | "NO") {
  const { tabs } = demoWorkbook({ today: now, timeZone });
  const bundle = loadBundle({ timeZone, now });
  for (const [tab, values] of Object.entries(tabs)) bundle.emulator.seed(tab, values);
  bundle.call("setUpWorkbookFromMenu");
  bundle.emulator.seed(
    "Export",
    asImportedTab(demoAffiliateExport({ tabs, rows: 40, timeZone, today: now })),
  );
  expect(importExport(bundle).ok).toBe(true);
  const computedRates = column(bundle, "Orders", "Applied rate");
  const teamNotes = computedRates.map((_, index) => (index === 0 ? "Applied rate" : `team note ${index}`));
  const at = columnOf(bundle, "Orders", "Applied rate") + 1;
  const sheet = bundle.emulator.spreadsheet.getSheetByName("Orders");
  sheet?.getRange(1, at, teamNotes.length, 1).setValues(teamNotes.map((note) => [note]));
  sheet?.getRange(1, at).setNote("");
  const stored = record(bundle);
  stored.owned.Orders = (stored.owned.Orders ?? []).filter((header) => header !== "applied rate");
  bundle.emulator.properties.document.setProperty(RECORD_PROPERTY, JSON.stringify(stored));

  bundle.emulator.ui.respond(answer);
  const asked = bundle.emulator.ui.alerts.length;
  bundle.call("setUpWorkbookFromMenu");
  const questions = bundle.emulator.ui.alerts.slice(asked).filter((alert) => alert.buttons === "YES_NO");
  expect(questions.map((question) => question.message)).toEqual([
    expect.stringContaining("Orders already has a column “Applied rate” with your data in it"),
  ]);
  return { bundle, teamNotes, computedRates };
}

describe("a team's own Applied rate column on Orders", () => {
  it("declined: keeps its values after a daily run and after an import", () => {
    const { bundle, teamNotes } = withTeamAppliedRate("NO");
    expect(record(bundle).declined.Orders).toEqual(["applied rate"]);
    runDaily(bundle);
    expect(column(bundle, "Orders", "Applied rate")).toEqual(teamNotes);
    // The other owned columns are the add-on's and were filled by the same run.
    expect(
      column(bundle, "Orders", "Collab ID")
        .slice(1)
        .some((cell) => cell !== ""),
    ).toBe(true);
    // An import with the add-on's columns to write again (someone cleared Commission gap).
    const gap = columnOf(bundle, "Orders", "Commission gap") + 1;
    bundle.emulator.spreadsheet
      .getSheetByName("Orders")
      ?.getRange(2, gap, teamNotes.length - 1, 1)
      .clearContent();
    expect(importExport(bundle).ok).toBe(true);
    expect(
      column(bundle, "Orders", "Commission gap")
        .slice(1)
        .some((cell) => cell !== ""),
    ).toBe(true);
    expect(column(bundle, "Orders", "Applied rate")).toEqual(teamNotes);
    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    expect(column(bundle, "Orders", "Applied rate")).toEqual(teamNotes);
  });

  it("declined: an import that adds orders leaves the new rows of that column empty", () => {
    const { bundle, teamNotes } = withTeamAppliedRate("NO");
    // Half the orders are gone; the import brings them back as new rows.
    const sheet = bundle.emulator.spreadsheet.getSheetByName("Orders");
    const kept = Math.floor((teamNotes.length - 1) / 2);
    sheet?.deleteRows(kept + 2, teamNotes.length - 1 - kept);
    expect(importExport(bundle).ok).toBe(true);
    const notes = column(bundle, "Orders", "Applied rate");
    expect(notes.slice(0, kept + 1)).toEqual(teamNotes.slice(0, kept + 1));
    expect(notes.length).toBe(teamNotes.length);
    expect(notes.slice(kept + 1).every((cell) => cell === "")).toBe(true);
  });

  it("accepted: the daily run and the import write the computed rates", () => {
    const { bundle, computedRates } = withTeamAppliedRate("YES");
    expect(record(bundle).owned.Orders).toContain("applied rate");
    runDaily(bundle);
    expect(column(bundle, "Orders", "Applied rate")).toEqual(computedRates);
    expect(computedRates.slice(1).some((rate) => typeof rate === "number")).toBe(true);
    // The team's notes typed back in are replaced by the next import too: the column is the add-on's.
    const at = columnOf(bundle, "Orders", "Applied rate") + 1;
    bundle.emulator.spreadsheet.getSheetByName("Orders")?.getRange(2, at).setValue("typed");
    expect(importExport(bundle).ok).toBe(true);
    expect(column(bundle, "Orders", "Applied rate")).toEqual(computedRates);
  });
});

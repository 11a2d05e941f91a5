/**
 * Daily checks through build/Code.js on the emulator: exact service-call counts, people editing
 * while a run writes, the digest's recipients, dedupe and quota, and the owned highlights.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { zoneCalendar } from "../../src/domain/day";
import { computeChecks } from "../../src/features/checks";
import { OPERATIONS_HEADERS, TIMELINE_MARKS } from "../../src/features/operations";
import { DEMO_SCENARIOS, demoWorkbook, scaledWorkbook } from "../../src/local/demo/demo-workbook";
import { TABS } from "../../src/workbook/schema";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");

function workbookBundle(tabs: Record<string, unknown[][]>, mailQuota?: number): LoadedBundle {
  const bundle = loadBundle({ timeZone, now, ...(mailQuota === undefined ? {} : { mailQuota }) });
  for (const [tab, rows] of Object.entries(tabs)) bundle.emulator.seed(tab, rows);
  bundle.call("setUpWorkbookFromMenu");
  return bundle;
}

function runDaily(bundle: LoadedBundle): void {
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
}

/** Rows of a tab as objects by header. */
function records(bundle: LoadedBundle, tab: string): Record<string, unknown>[] {
  const [header = [], ...rows] = bundle.emulator.values(tab);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [String(name), row[index]])));
}

/** One workbook's runs: the first after setup, a same-day re-run and the next day's run. */
function measuredRuns(collaborations: number) {
  const bundle = workbookBundle(scaledWorkbook({ today: now, timeZone, collaborations }).tabs);
  const measure = () => {
    bundle.emulator.calls.reset();
    const written = new Set<string>();
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (call.method === "setValues" && call.sheet !== "Operations") written.add(call.sheet ?? "");
    });
    runDaily(bundle);
    stop();
    const byMethod = bundle.emulator.calls.byMethod();
    return {
      byMethod,
      total: bundle.emulator.calls.count(),
      mails: byMethod["MailApp.sendEmail"] ?? 0,
      // Each owned block written costs 2 calls, its range and its write; the one other setValues
      // is the operating view.
      blocks: (byMethod["Range.setValues"] ?? 1) - 1,
      // Each tab with blocks costs 2 more: one confirming read (its range and the read) for all of them.
      tabsWritten: written.size,
      cells: bundle.emulator.calls.cells(),
    };
  };
  const first = measure();
  const sameDay = measure();
  bundle.emulator.clock.advanceDays(1);
  const nextDay = measure();
  return { first, sameDay, nextDay };
}

/** Cells written per collaboration, the operating view apart (its size is the view's limit). */
const ownedCellsPer = (cells: { writtenBySheet: Record<string, number> }, collaborations: number) =>
  Object.entries(cells.writtenBySheet)
    .filter(([tab]) => tab !== "Operations")
    .reduce((sum, [, count]) => sum + count, 0) / collaborations;

describe("the service calls of a run", () => {
  type Runs = { size: number } & ReturnType<typeof measuredRuns>;
  let runs: Runs[] = [];
  let small: Runs;
  let large: Runs;
  beforeAll(() => {
    runs = [100, 10_000].map((size) => ({ size, ...measuredRuns(size) }));
    [small, large] = runs as [Runs, Runs];
  }, 240_000);
  const withoutMail = (byMethod: Record<string, number>) =>
    Object.fromEntries(Object.entries(byMethod).filter(([key]) => key !== "MailApp.sendEmail"));

  it("are the same for 100 and for 10,000 collaborations on the first run after setup", () => {
    // One email per recipient is the only call that follows the data: the larger workbook has more
    // campaign owners. Everything else is the same call for call.
    expect(withoutMail(large.first.byMethod)).toEqual(withoutMail(small.first.byMethod));
    // The exact count of the first run after setup (every owned column written, highlight rules
    // written for the first time, each placed on the header row read right before it, the money
    // columns formatted once in the Currency and locale, the Orders tab read and its money columns
    // formatted once, the digest decided under the lock and settled after mailing, the trigger's
    // authorization, the operating view's layout written once: its size, date formats and eight
    // rules; one confirming read per tab written, the record, the money style and the ledger in one
    // read and one write of the properties; the runs' record for the menu read before mailing and
    // stored with the settled ledger under the lock): a change to it is a change in how the add-on
    // talks to Sheets.
    expect(small.first.total - small.first.mails).toBe(362);
  });

  it("are 40 on a same-day re-run at any size, which writes no cell", () => {
    for (const { sameDay } of runs) {
      // Lock 3, properties 4 (asked for once; the daily alerts record read; under the lock the
      // add-on's record, the money style, the digest's ledger and the runs' record in one read,
      // the runs' record written, nobody being mailed), the trigger's authorization, eight
      // tabs read 24, the view's tab confirmed 2, the spreadsheet, its zone, the stamp, its name
      // and address, and its locale (the money style did not change). Everyone has had today's
      // digest: the mail quota is not even asked.
      expect(sameDay.total).toBe(40);
      expect(sameDay.cells.written).toBe(0);
      // Nothing of the highlight rules is read back: their signature is in document properties.
      expect(sameDay.byMethod["Sheet.getConditionalFormatRules"]).toBeUndefined();
    }
  });

  it("on the next day are a fixed part plus 2 per tab written and 2 per block of changed cells, and write what changed", () => {
    for (const { nextDay } of runs) {
      // The fixed part, 52: the same-day run's 40 less its runs' record written under the first
      // lock, the operating view's values written (its layout stays: tab, ID, range, write), Today
      // moved on (its range, its confirming read's range and read, its write), the mail quota
      // asked, the add-on's record and the digest's ledger written in one call before mailing, the
      // runs' record read for the digest's problems, and the ledger settled after mailing with the
      // runs' record (the same lock taken again and released, one read, one write of both); each
      // tab with changed cells adds one confirming read (range and read) for all its blocks, each
      // block its range and its write.
      expect(nextDay.total - nextDay.mails - 2 * nextDay.tabsWritten - 2 * nextDay.blocks).toBe(52);
      expect(nextDay.blocks).toBeGreaterThan(0);
      // At most one block per owned column: the bound that keeps calls flat in rows.
      expect(nextDay.blocks).toBeLessThanOrEqual(
        TABS.flatMap((tab) => tab.columns).filter((c) => c.owned).length,
      );
    }
    // Issue 17's target: at most half of the 187-193 calls a next-day run made before.
    expect(small.nextDay.total).toBe(76);
    expect(large.nextDay.total).toBe(92);
    expect(ownedCellsPer(large.nextDay.cells, large.size)).toBeLessThanOrEqual(10);
    expect(ownedCellsPer(small.nextDay.cells, small.size)).toBeLessThanOrEqual(10);
  });
});

describe("people working while a run writes", () => {
  const tabs = demoWorkbook({ today: now, timeZone }).tabs;

  /** After the run's first read of Collaborations, a person changes the tab (uncounted, like the UI). */
  function interfere(bundle: LoadedBundle, change: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void) {
    let done = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (done || call.method !== "getValues" || call.sheet !== "Collaborations") return;
      done = true;
      bundle.emulator.uncounted(() =>
        change(bundle.emulator.spreadsheet.getSheetByName("Collaborations") as never),
      );
    });
    runDaily(bundle);
    stop();
    expect(done).toBe(true);
  }

  /** What a calm run would write for each key, computed from the tab as it ended up. */
  function expectedOwned(bundle: LoadedBundle) {
    const calendar = zoneCalendar(timeZone);
    // Every tab the check reads: all but the generated Operations view.
    const names = TABS.filter((tab) => !tab.generated).map((tab) => tab.name);
    const input = Object.fromEntries(names.map((name) => [name, bundle.emulator.values(name)]));
    return computeChecks({ tabs: input, today: calendar.dayOf(now) ?? 0, calendar }).owned.get(
      "Collaborations",
    );
  }

  function expectEveryRowOnItsKey(bundle: LoadedBundle, skip: string[] = []) {
    const expected = expectedOwned(bundle);
    for (const row of records(bundle, "Collaborations")) {
      const key = String(row["Collab ID"]);
      if (!key || skip.includes(key)) continue;
      expect(row["Payout status"], key).toEqual(expected?.get(key)?.["Payout status"]);
      expect(row["Next action"], key).toEqual(expected?.get(key)?.["Next action"]);
    }
  }

  it("a row inserted at the top keeps its cells and every value lands on its key", () => {
    const bundle = workbookBundle(tabs);
    interfere(bundle, (sheet) => {
      sheet.insertRowBefore(2);
      sheet.getRange(2, 1, 1, 3).setValues([["K-NEW", "C-001", "@newcreator"]]);
    });
    const rows = records(bundle, "Collaborations");
    expect(rows[0]).toMatchObject({ "Collab ID": "K-NEW", "Campaign ID": "C-001", Creator: "@newcreator" });
    expectEveryRowOnItsKey(bundle, ["K-NEW"]);
  });

  it("a sort by creator during the run", () => {
    const bundle = workbookBundle(tabs);
    interfere(bundle, (sheet) => sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort(3));
    expectEveryRowOnItsKey(bundle);
    expect(records(bundle, "Collaborations").map((row) => row.Creator)).toEqual(
      [...records(bundle, "Collaborations").map((row) => row.Creator)].sort((a, b) =>
        String(a).toLowerCase().localeCompare(String(b).toLowerCase()),
      ),
    );
  });

  it("a deleted row and an edited cell", () => {
    const bundle = workbookBundle(tabs);
    interfere(bundle, (sheet) => {
      sheet.deleteRow(5);
      sheet.getRange(3, 3).setValue("@renamed");
    });
    const rows = records(bundle, "Collaborations");
    expect(rows[1]?.Creator).toBe("@renamed");
    expect(rows.some((row) => row["Collab ID"] === "")).toBe(false);
    expectEveryRowOnItsKey(bundle);
  });
});

describe("the digest", () => {
  const tabs = demoWorkbook({ today: now, timeZone }).tabs;

  it("goes to the managers and the owners of affected campaigns, once a day, with links to rows", () => {
    const bundle = workbookBundle(tabs);
    runDaily(bundle);
    const mails = bundle.emulator.outbox;
    const recipients = mails.flatMap((mail) => mail.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toEqual(expect.arrayContaining(["ops-lead@example.com", "finance@example.com"]));
    const managerMail = mails.find((mail) => mail.to.includes("ops-lead@example.com"));
    expect(managerMail?.subject).toMatch(/^Campaign Desk: \d+ alerts \(\d+ high.*\) in /);
    expect(managerMail?.htmlBody).toContain("#gid=");
    expect(managerMail?.htmlBody).not.toContain("<img src=x");
    expect(managerMail?.body).toContain(DEMO_SCENARIOS.overdueFlatFee);
    runDaily(bundle);
    expect(bundle.emulator.outbox).toHaveLength(mails.length);
  });

  it("records what the quota left unsent and shows it in the next digest and the menu", () => {
    const bundle = workbookBundle(tabs, 1);
    runDaily(bundle);
    expect(bundle.emulator.outbox).toHaveLength(1);
    bundle.call("onOpen");
    const captions = (bundle.emulator.ui.menus.at(-1)?.items ?? []).flatMap((item) =>
      item.kind === "item" ? [item.caption] : [],
    );
    expect(captions.find((caption) => caption.startsWith("Daily alerts:"))).toMatch(/digests? not sent/);
    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    const next = bundle.emulator.outbox.at(-1);
    expect(next?.body).toMatch(
      /Not delivered:\n- Since 2026-11-25, the sender's daily email quota was used up: /,
    );
  });

  it("sends nothing when there is nothing to report", () => {
    const bundle = workbookBundle({
      Settings: [
        ["Key", "Value"],
        ["Manager emails", "ops@example.com"],
      ],
    });
    runDaily(bundle);
    expect(bundle.emulator.outbox).toHaveLength(0);
  });
});

describe("the Operations tab", () => {
  it("is rebuilt with the live collaborations, most urgent first, and a coloured timeline", () => {
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs);
    bundle.emulator.uncounted(() =>
      bundle.emulator.spreadsheet.getSheetByName("Operations")?.getRange("A5").setValue("stale"),
    );
    runDaily(bundle);
    const view = bundle.emulator.values("Operations");
    expect(view[0]?.slice(0, 3)).toEqual(["Campaign", "Collab ID", "Creator"]);
    expect(view.flat()).not.toContain("stale");
    const days = view.map((cells) => cells[OPERATIONS_HEADERS.indexOf("Days left")]);
    expect(typeof days[1]).toBe("number");
    expect(Number(days[1])).toBeLessThan(0);
    const sheet = bundle.emulator.spreadsheet.getSheetByName("Operations");
    // The timeline's colours come from the view's rules: no cell has a colour of its own.
    const first = OPERATIONS_HEADERS.length + 1;
    const grid = sheet?.getRange(2, first, view.length - 3, 30).getBackgrounds() ?? [];
    expect(grid.flat().every((colour) => colour === "#ffffff")).toBe(true);
    const painted = view.slice(1, -2).flatMap((cells, index) =>
      cells.slice(first - 1).flatMap((mark, offset) => {
        const background = bundle.emulator.effectiveFormat(
          "Operations",
          index + 2,
          first + offset,
        ).background;
        return mark === "" ? [] : [[mark, background]];
      }),
    );
    expect(painted.length).toBeGreaterThan(30);
    const colours = new Map<unknown, string>(TIMELINE_MARKS.map((mark) => [mark.mark, mark.colour]));
    for (const [mark, background] of painted) expect(background).toBe(colours.get(mark));
    expect(String(view.at(-2)?.[0])).toMatch(/^All \d+ collaborations of live campaigns\.$/);
    expect(sheet?.getFrozenRows()).toBe(1);
  });
});

describe("the bounded operating view", () => {
  it("shows at most Operations rows collaborations, with the total and what was left out", () => {
    const bundle = workbookBundle(scaledWorkbook({ today: now, timeZone, collaborations: 1_000 }).tabs);
    // Setup added the key with its default; a manager lowers it.
    const row = bundle.emulator.values("Settings").findIndex((cells) => cells[0] === "Operations rows");
    expect(row).toBeGreaterThan(0);
    bundle.emulator.seed("Settings", [[25]], { startRow: row + 1, startColumn: 2 });
    runDaily(bundle);
    const view = bundle.emulator.values("Operations");
    // Header, 25 collaborations, the note, the legend; the sheet has room for exactly that and
    // the commission reconciliation's 73 rows at most.
    expect(view).toHaveLength(28);
    expect(bundle.emulator.spreadsheet.getSheetByName("Operations")?.getMaxRows()).toBe(28 + 73);
    expect(String(view[26]?.[0])).toMatch(
      /^The 25 most urgent of [\d,]+ collaborations of live campaigns; [\d,]+ left out \([\d,]+ of them with an alert\)\. Operations rows in Settings is 25: raise it to see more\.$/,
    );
    expect(String(view[27]?.[0])).toMatch(/^Timeline: /);
  });

  it("is written only when what it shows changed: not on a same-day re-run, values alone the next day", () => {
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs);
    runDaily(bundle);
    const before = bundle.emulator.values("Operations");
    bundle.emulator.calls.reset();
    runDaily(bundle);
    expect(bundle.emulator.values("Operations")).toEqual(before);
    expect(bundle.emulator.calls.cellsByMethod()["Range.setValues"]).toBeUndefined();
    expect(bundle.emulator.calls.count("Sheet.setConditionalFormatRules")).toBe(0);

    bundle.emulator.clock.advanceDays(1);
    bundle.emulator.calls.reset();
    runDaily(bundle);
    const after = bundle.emulator.values("Operations");
    expect(after[0]?.[OPERATIONS_HEADERS.length]).not.toEqual(before[0]?.[OPERATIONS_HEADERS.length]);
    // The layout (rules, formats, size) stays: only values are written, the view's in one call
    // (and the Settings' Today cell, in one setValue).
    const layout = bundle.emulator.calls
      .writeList()
      .filter(
        (call) =>
          call.startsWith("Sheet.") ||
          (call.startsWith("Range.") && call !== "Range.setValues" && call !== "Range.setValue"),
      );
    expect(layout).toEqual([]);
    expect(bundle.emulator.calls.count("ConditionalFormatRuleBuilder.build")).toBe(0);
  });

  it("is rebuilt in full from the menu, and when its tab was deleted", () => {
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs);
    runDaily(bundle);
    const before = bundle.emulator.values("Operations");
    bundle.emulator.uncounted(() =>
      bundle.emulator.spreadsheet.getSheetByName("Operations")?.getRange("B2").setValue("typed over"),
    );
    bundle.emulator.calls.reset();
    bundle.call("refreshOperatingViewFromMenu");
    expect(bundle.emulator.values("Operations").slice(0, -1)).toEqual(before.slice(0, -1));
    expect(bundle.emulator.calls.count("Sheet.setConditionalFormatRules")).toBe(1);

    bundle.emulator.uncounted(() => {
      const spreadsheet = bundle.emulator.spreadsheet;
      spreadsheet.deleteSheet(spreadsheet.getSheetByName("Operations") as never);
    });
    runDaily(bundle);
    expect(bundle.emulator.values("Operations").slice(0, -1)).toEqual(before.slice(0, -1));
  });
});

describe("highlighting", () => {
  it("adds its rules once, after the team's own, and they paint the overdue row", () => {
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs);
    const app = bundle.emulator.globals.SpreadsheetApp;
    const sheet = bundle.emulator.uncounted(() => app.getActive().getSheetByName("Collaborations"));
    bundle.emulator.uncounted(() => {
      const teamRule = app
        .newConditionalFormatRule()
        .whenTextEqualTo("VIP")
        .setBackground("#0000ff")
        .setRanges([sheet?.getRange("C2:C100") as GoogleAppsScript.Spreadsheet.Range])
        .build();
      sheet?.setConditionalFormatRules([teamRule]);
    });
    runDaily(bundle);
    runDaily(bundle);
    const rules = bundle.emulator.uncounted(() => sheet?.getConditionalFormatRules() ?? []);
    expect(rules[0]?.getBooleanCondition()?.getCriteriaValues()).toEqual(["VIP"]);
    const ours = rules.slice(1);
    expect(ours.length).toBeGreaterThan(2);
    expect(new Set(ours.map((rule) => rule.getBooleanCondition()?.getCriteriaValues()[0])).size).toBe(
      ours.length,
    );
    const row = records(bundle, "Collaborations").findIndex(
      (record) => record["Collab ID"] === DEMO_SCENARIOS.overdueFlatFee,
    );
    expect(bundle.emulator.effectiveFormat("Collaborations", row + 2, 1).background).toBe("#f8d7da");
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dayFromIso, isoFromDay, zoneCalendar } from "../../src/domain/day";
import {
  buildOperationsView,
  dayLabel,
  limitNote,
  OPERATIONS_HEADERS,
  type OperationsRow,
  operatingRowsOf,
  planViewWrite,
  readWrittenView,
  sortByUrgency,
  TIMELINE_DAYS,
  timelineMark,
} from "../../src/features/operations";

const calendar = zoneCalendar("Pacific/Auckland");
const today = dayFromIso("2026-11-25") ?? 0;
const days = { dateOf: (day: number) => calendar.midnightOf(day), isoOf: isoFromDay };

const row = (over: Partial<OperationsRow>): OperationsRow => ({
  collabId: "K-1",
  campaignId: "C-1",
  campaignName: "Holiday Glow",
  creator: "@mia",
  liveCapable: true,
  collabStart: today - 5,
  collabEnd: today + 20,
  contentDue: null,
  posted: null,
  liveDate: null,
  flashStart: null,
  flashEnd: null,
  stockOnHand: 100,
  reserved: 40,
  amplification: "",
  amplificationStart: null,
  amplificationEnd: null,
  adUsableUntil: null,
  daysLeft: 20,
  nextAction: "",
  severityRank: 3,
  ...over,
});

describe("the operating view", () => {
  it("puts high alerts first, then the nearest deadline", () => {
    const rows = [
      row({ collabId: "K-calm", daysLeft: 1 }),
      row({ collabId: "K-high", severityRank: 0, daysLeft: 9 }),
      row({ collabId: "K-overdue", severityRank: 0, daysLeft: -2 }),
      row({ collabId: "K-medium", severityRank: 1, daysLeft: 5 }),
    ];
    expect(sortByUrgency(rows).map((item) => item.collabId)).toEqual([
      "K-overdue",
      "K-high",
      "K-medium",
      "K-calm",
    ]);
  });

  it("marks each day of the timeline with the window that matters most that day", () => {
    const busy = row({
      contentDue: today + 2,
      liveDate: today + 4,
      flashStart: today + 6,
      flashEnd: today + 7,
      adUsableUntil: today + 10,
    });
    const marks = Array.from({ length: 12 }, (_, offset) => timelineMark(busy, today + offset)?.mark ?? "");
    expect(marks.join("")).toBe("AADALAFFAAAC");
    expect(timelineMark(row({ contentDue: today, posted: today - 1 }), today)?.mark).toBe("C");
    expect(timelineMark(row({ collabStart: today + 40, collabEnd: today + 50 }), today)).toBeNull();
  });

  it("lays out a header, one row per collaboration, a 30-day grid, a note and a legend", () => {
    const view = buildOperationsView(
      operatingRowsOf(
        [row({ reserved: 150, daysLeft: -1, creator: "=HYPERLINK(1)" }), row({ collabId: "K-2" })],
        500,
      ),
      today,
      days,
      "2026-11-25 08:00",
      500,
    );
    expect(view.values).toHaveLength(5);
    expect(view.values[0]).toHaveLength(OPERATIONS_HEADERS.length + TIMELINE_DAYS);
    expect(view.values[0]?.[OPERATIONS_HEADERS.length]).toBe("'Nov 25");
    expect(view.values[1]?.[2]).toBe("'=HYPERLINK(1)");
    expect(view.values[3]?.[0]).toBe("'All 2 collaborations of live campaigns.");
    expect(String(view.values[4]?.[0])).toMatch(/^'Timeline: F flash sale, D content due/);
    expect(view.dateColumns.map((column) => OPERATIONS_HEADERS[column - 1])).toEqual([
      "Content due",
      "Posted",
      "LIVE date",
      "Ad usable until",
    ]);
  });

  it("colours by a handful of rules over the room the limit allows, never cell by cell", () => {
    const view = buildOperationsView(operatingRowsOf([row({})], 500), today, days, "", 500);
    expect(view).not.toHaveProperty("backgrounds");
    // 500 rows, the note and the legend, and the commission reconciliation's 73 rows at most.
    expect(view.layoutRows).toBe(575);
    const first = OPERATIONS_HEADERS.length + 1;
    expect(view.rules.map((rule) => [rule.formula, rule.background, rule.column, rule.numColumns])).toEqual([
      ['=O2="F"', "#f4b6c2", first, TIMELINE_DAYS],
      ['=O2="D"', "#f9c784", first, TIMELINE_DAYS],
      ['=O2="L"', "#c5b3e6", first, TIMELINE_DAYS],
      ['=O2="A"', "#b7e1cd", first, TIMELINE_DAYS],
      ['=O2="C"', "#d2e3fc", first, TIMELINE_DAYS],
      ["=AND(ISNUMBER(J2),ISNUMBER(I2),J2>I2)", "#f8d7da", 10, 1],
      ["=AND(ISNUMBER(M2),M2<0)", "#f8d7da", 13, 1],
      ['=AND($A2="Campaign",$B2="Collab ID")', "#e8e0f5", 1, 7],
    ]);
    expect(OPERATIONS_HEADERS[9]).toBe("Reserved");
    expect(OPERATIONS_HEADERS[12]).toBe("Days left");
  });

  it("shows the most urgent up to the limit, with the total and what was left out", () => {
    const rows = [
      ...Array.from({ length: 6 }, (_, index) => row({ collabId: `K-calm-${index}`, daysLeft: 10 + index })),
      row({ collabId: "K-high", severityRank: 0 }),
      row({ collabId: "K-medium", severityRank: 1 }),
      row({ collabId: "K-low", severityRank: 2 }),
    ];
    const view = buildOperationsView(operatingRowsOf(rows, 2), today, days, "", 2);
    expect(view.values.slice(1, 3).map((cells) => cells[1])).toEqual(["'K-high", "'K-medium"]);
    expect(view.values).toHaveLength(5);
    expect(view.values[3]?.[0]).toBe(
      "'The 2 most urgent of 9 collaborations of live campaigns; 7 left out (1 of them with an alert). Operations rows in Settings is 2: raise it to see more.",
    );
    expect(limitNote(3, 3, 0, 500)).toBe("All 3 collaborations of live campaigns.");
  });

  it("signs its content without the rebuilt-at stamp, and its layout by the limit", () => {
    const rows = [row({})];
    const morning = buildOperationsView(operatingRowsOf(rows, 500), today, days, "2026-11-25 08:00", 500);
    const noon = buildOperationsView(operatingRowsOf(rows, 500), today, days, "2026-11-25 12:00", 500);
    expect(noon.contentSignature).toBe(morning.contentSignature);
    expect(noon.layoutSignature).toBe(morning.layoutSignature);
    expect(
      buildOperationsView(operatingRowsOf(rows, 500), today + 1, days, "", 500).contentSignature,
    ).not.toBe(morning.contentSignature);
    expect(
      buildOperationsView(operatingRowsOf([row({ nextAction: "Pay" })], 500), today, days, "", 500)
        .contentSignature,
    ).not.toBe(morning.contentSignature);
    const wider = buildOperationsView(operatingRowsOf(rows, 800), today, days, "", 800);
    expect(wider.layoutSignature).not.toBe(morning.layoutSignature);
  });

  it("plans nothing when the content is unchanged, values alone when only they changed", () => {
    const view = buildOperationsView(operatingRowsOf([row({})], 500), today, days, "", 500);
    const written = { content: view.contentSignature, layout: view.layoutSignature, height: 9 };
    expect(planViewWrite(view, written, true)).toEqual({ layout: false, values: false, rows: 0 });
    expect(planViewWrite(view, { ...written, content: "old" }, true)).toEqual({
      layout: false,
      values: true,
      rows: 9,
    });
    expect(planViewWrite(view, { ...written, layout: "old" }, true)).toEqual({
      layout: true,
      values: true,
      rows: 4,
    });
    // A deleted tab, or nothing recorded, is rebuilt in full.
    expect(planViewWrite(view, written, false).layout).toBe(true);
    expect(planViewWrite(view, null, true).layout).toBe(true);
    expect(readWrittenView(JSON.stringify(written))).toEqual(written);
    expect(readWrittenView("{not json")).toBeNull();
    expect(readWrittenView(null)).toBeNull();
  });

  it("labels days in the calendar, across a year end", () => {
    expect(dayLabel(dayFromIso("2026-12-31") ?? 0)).toBe("Dec 31");
    expect(dayLabel(dayFromIso("2027-01-01") ?? 0)).toBe("Jan 1");
  });

  test.prop([
    fc.array(
      fc.record({
        severityRank: fc.integer({ min: 0, max: 3 }),
        daysLeft: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
        campaignId: fc.constantFrom("C-1", "C-2", "c-2"),
      }),
      { maxLength: 60 },
    ),
    fc.integer({ min: 0, max: 70 }),
  ])("keeps exactly the first rows of the urgency order, whatever the limit", (keys, limit) => {
    // Unique collaboration IDs, as the check's rows have; the order given is shuffled by the keys.
    const rows = keys.map((key, index) => row({ ...key, collabId: `K-${(index * 7919) % 1000}` }));
    const chosen = operatingRowsOf(rows, limit);
    expect(chosen.rows).toEqual(sortByUrgency(rows).slice(0, limit));
    expect(chosen.total).toBe(rows.length);
    expect(chosen.flagged).toBe(rows.filter((item) => item.severityRank < 3).length);
  });
});

import { describe, expect, it } from "vitest";
import { dayFromIso, isoFromDay, zoneCalendar } from "../../src/domain/day";
import {
  buildOperationsView,
  dayLabel,
  OPERATIONS_HEADERS,
  type OperationsRow,
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

  it("lays out a header, one row per collaboration, a 30-day grid and a legend", () => {
    const view = buildOperationsView(
      [row({ reserved: 150, daysLeft: -1, creator: "=HYPERLINK(1)" }), row({ collabId: "K-2" })],
      today,
      days,
      "2026-11-25 08:00",
    );
    expect(view.values).toHaveLength(4);
    expect(view.values[0]).toHaveLength(OPERATIONS_HEADERS.length + TIMELINE_DAYS);
    expect(view.values[0]?.[OPERATIONS_HEADERS.length]).toBe("'Nov 25");
    expect(view.values[1]?.[2]).toBe("'=HYPERLINK(1)");
    const reserved = OPERATIONS_HEADERS.indexOf("Reserved");
    expect(view.backgrounds[1]?.[reserved]).toBe("#f8d7da");
    expect(view.backgrounds[2]?.[reserved]).toBeNull();
    expect(String(view.values[3]?.[0])).toMatch(/^'Timeline: F flash sale, D content due/);
    expect(view.dateColumns.map((column) => OPERATIONS_HEADERS[column - 1])).toEqual([
      "Content due",
      "Posted",
      "LIVE date",
      "Ad usable until",
    ]);
  });

  it("labels days in the calendar, across a year end", () => {
    expect(dayLabel(dayFromIso("2026-12-31") ?? 0)).toBe("Dec 31");
    expect(dayLabel(dayFromIso("2027-01-01") ?? 0)).toBe("Jan 1");
  });
});

import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import {
  dayFromIso,
  dayFromParts,
  dayFromSerial,
  FIRST_DAY,
  isoFromDay,
  LAST_DAY,
  serialFromDay,
  zoneCalendar,
} from "../../src/domain/day";

describe("calendar days", () => {
  it("reads and writes ISO days", () => {
    expect(dayFromIso("1970-01-01")).toBe(0);
    expect(dayFromIso("2026-12-01")).toBe(20_788);
    expect(isoFromDay(20_788)).toBe("2026-12-01");
    expect(dayFromIso(" 2026-3-8 ")).toBe(dayFromIso("2026-03-08"));
    expect(isoFromDay(FIRST_DAY)).toBe("1900-01-01");
    expect(isoFromDay(LAST_DAY)).toBe("9999-12-31");
  });

  it("rejects text that is not a real date", () => {
    for (const text of [
      "2026-02-30",
      "2026-13-01",
      "2025-02-29",
      "tomorrow",
      "12/01/2026",
      "",
      "2026-12-01x",
      "10000-01-01",
    ]) {
      expect(dayFromIso(text), text).toBeUndefined();
    }
    expect(dayFromIso("2024-02-29")).toBeDefined();
    expect(dayFromParts(1899, 12, 31)).toBeUndefined();
  });

  it("reads Sheets serial numbers (epoch 1899-12-30), ignoring the time of day", () => {
    expect(dayFromSerial(25_569)).toBe(0);
    expect(dayFromSerial(46_357.75)).toBe(dayFromIso("2026-12-01"));
    expect(serialFromDay(dayFromIso("2026-12-01") as number)).toBe(46_357);
    expect(dayFromSerial(Number.NaN)).toBeUndefined();
    expect(dayFromSerial(1e12)).toBeUndefined();
    expect(dayFromSerial(-5)).toBeUndefined();
  });
});

describe("zone calendars", () => {
  it("reads an instant's calendar day in the spreadsheet zone, not the server's", () => {
    const instant = new Date("2026-12-01T05:00:00Z");
    expect(zoneCalendar("UTC").dayOf(instant)).toBe(dayFromIso("2026-12-01"));
    expect(zoneCalendar("America/Los_Angeles").dayOf(instant)).toBe(dayFromIso("2026-11-30"));
    expect(zoneCalendar("Asia/Shanghai").dayOf(instant)).toBe(dayFromIso("2026-12-01"));
    expect(zoneCalendar("Pacific/Auckland").dayOf(new Date("2026-12-01T12:00:00Z"))).toBe(
      dayFromIso("2026-12-02"),
    );
  });

  it("gives midnight in the zone, also on DST change days", () => {
    const cases: [string, string][] = [
      ["America/Los_Angeles", "2026-03-08"],
      ["America/Los_Angeles", "2026-11-01"],
      ["Pacific/Auckland", "2026-04-05"],
      ["Pacific/Auckland", "2026-09-27"],
      ["Asia/Shanghai", "2026-06-01"],
      ["Europe/London", "2026-03-29"],
    ];
    for (const [zone, iso] of cases) {
      const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
      const expected = new TZDate(year, month - 1, dayOfMonth, zone).getTime();
      const day = dayFromIso(iso) as number;
      expect(zoneCalendar(zone).midnightOf(day).getTime(), `${zone} ${iso}`).toBe(expected);
      expect(zoneCalendar(zone).dayOf(new Date(expected))).toBe(day);
      // The last millisecond before midnight belongs to the day before.
      expect(zoneCalendar(zone).dayOf(new Date(expected - 1))).toBe(day - 1);
    }
  });

  it("gives the first instant of a day whose midnight DST skips", () => {
    // Chile moved clocks from 00:00 to 01:00 on 2024-09-08.
    const calendar = zoneCalendar("America/Santiago");
    const day = dayFromIso("2024-09-08") as number;
    const first = calendar.midnightOf(day);
    expect(first.toISOString()).toBe("2024-09-08T04:00:00.000Z");
    expect(calendar.dayOf(first)).toBe(day);
    expect(calendar.dayOf(new Date(first.getTime() - 1))).toBe(day - 1);
  });

  it("returns a fresh Date each time, so callers cannot corrupt the cache", () => {
    const calendar = zoneCalendar("Asia/Shanghai");
    const first = calendar.midnightOf(20_000);
    first.setTime(0);
    expect(calendar.midnightOf(20_000).getTime()).not.toBe(0);
  });

  it("rejects invalid and out-of-range instants", () => {
    for (const zone of ["UTC", "America/Los_Angeles"]) {
      expect(zoneCalendar(zone).dayOf(new Date(Number.NaN))).toBeUndefined();
      expect(zoneCalendar(zone).dayOf(new Date(8.64e15))).toBeUndefined();
      expect(zoneCalendar(zone).dayOf(new Date(-8.64e15))).toBeUndefined();
    }
  });

  it("reads an unknown zone as UTC instead of failing", () => {
    const calendar = zoneCalendar("Not/AZone");
    expect(calendar.timeZone).toBe("UTC");
    expect(calendar.dayOf(new Date("2026-12-01T23:30:00Z"))).toBe(dayFromIso("2026-12-01"));
  });
});

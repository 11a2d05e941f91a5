/**
 * Calendar days. A `Day` is the count of days from 1970-01-01 to a civil date, so day
 * arithmetic is plain integer arithmetic and never sees DST. Instants (Date objects) are
 * turned into days, and back, only at the edges, in the spreadsheet's time zone.
 */

/** Days since 1970-01-01 of a civil date (an integer). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Sheets serial number of 1970-01-01 (serials count days from 1899-12-30). */
const SERIAL_OF_EPOCH = 25_569;

/** 1900-01-01 and 9999-12-31: the dates Sheets can show; anything outside is a typo. */
export const FIRST_DAY: Day = -25_567;
export const LAST_DAY: Day = 2_932_896;

export function isDay(value: number): value is Day {
  return Number.isInteger(value) && value >= FIRST_DAY && value <= LAST_DAY;
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): Day | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth)) return undefined;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, dayOfMonth));
  date.setUTCFullYear(year);
  // Date rolls 2026-02-30 over to March: a rolled-over date was not a real date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return undefined;
  const day = date.getTime() / MS_PER_DAY;
  return isDay(day) ? day : undefined;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** `2026-12-01` -> Day; undefined when the text is not a real ISO calendar date. */
export function dayFromIso(text: string): Day | undefined {
  const match = ISO_DAY.exec(text.trim());
  if (!match) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Day -> `2026-12-01`. */
export function isoFromDay(day: Day): string {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const dayOfMonth = date.getUTCDate();
  return `${year}-${month < 10 ? "0" : ""}${month}-${dayOfMonth < 10 ? "0" : ""}${dayOfMonth}`;
}

/** A Sheets serial number (wall-clock days since 1899-12-30; a fraction is the time of day). */
export function dayFromSerial(serial: number): Day | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial) - SERIAL_OF_EPOCH;
  return isDay(day) ? day : undefined;
}

export function serialFromDay(day: Day): number {
  return day + SERIAL_OF_EPOCH;
}

/** How many calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return to - from;
}

/** Reads instants as calendar days of one time zone, and gives the midnight of a day there. */
export interface ZoneCalendar {
  /** The IANA zone actually used (UTC when the given zone is unknown). */
  readonly timeZone: string;
  /** The calendar day of an instant in this zone; undefined for an invalid or out-of-range Date. */
  dayOf(instant: Date): Day | undefined;
  /** The first instant of the day in this zone (midnight, or the end of a DST gap at midnight). */
  midnightOf(day: Day): Date;
}

const WALL_CLOCK = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/;
// Caches are per zone and bounded: a custom-function run is short, but a trigger may see many dates.
const CACHE_LIMIT = 50_000;
const calendars = new Map<string, ZoneCalendar>();

function utcCalendar(): ZoneCalendar {
  return {
    timeZone: "UTC",
    dayOf(instant) {
      const t = instant.getTime();
      if (!Number.isFinite(t)) return undefined;
      const day = Math.floor(t / MS_PER_DAY);
      return isDay(day) ? day : undefined;
    },
    midnightOf(day) {
      return new Date(day * MS_PER_DAY);
    },
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return undefined;
  }
}

function zonedCalendar(timeZone: string, formatter: Intl.DateTimeFormat): ZoneCalendar {
  const dayCache = new Map<number, Day | undefined>();
  const midnightCache = new Map<Day, number>();

  // Offset of the zone's wall clock from UTC at an instant, in ms.
  const offsetAt = (t: number): number => {
    const match = WALL_CLOCK.exec(formatter.format(t));
    if (!match) return 0;
    const wall = Date.UTC(
      Number(match[3]),
      Number(match[1]) - 1,
      Number(match[2]),
      Number(match[4]),
      Number(match[5]),
      Number(match[6]),
    );
    return wall - Math.floor(t / 1000) * 1000;
  };

  const dayOfTime = (t: number): Day | undefined => {
    // Beyond the Sheets range the formatter's year format changes; reject before formatting.
    if (!Number.isFinite(t) || t < (FIRST_DAY - 2) * MS_PER_DAY || t > (LAST_DAY + 2) * MS_PER_DAY)
      return undefined;
    const day = Math.floor((t + offsetAt(t)) / MS_PER_DAY);
    return isDay(day) ? day : undefined;
  };

  return {
    timeZone,
    dayOf(instant) {
      const t = instant.getTime();
      const cached = dayCache.get(t);
      if (cached !== undefined || dayCache.has(t)) return cached;
      const day = dayOfTime(t);
      if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
      dayCache.set(t, day);
      return day;
    },
    midnightOf(day) {
      let t = midnightCache.get(day);
      if (t === undefined) {
        const wallMidnight = day * MS_PER_DAY;
        const first = wallMidnight - offsetAt(wallMidnight);
        const second = wallMidnight - offsetAt(first);
        // Both guesses agree except around a transition; when midnight itself is skipped by
        // DST, neither is midnight and the later one is the first instant of the day.
        const candidates = [Math.min(first, second), Math.max(first, second)];
        t =
          candidates.find((candidate) => candidate + offsetAt(candidate) === wallMidnight) ??
          Math.max(first, second);
        if (midnightCache.size >= CACHE_LIMIT) midnightCache.clear();
        midnightCache.set(day, t);
      }
      return new Date(t);
    },
  };
}

/** The calendar of a zone, cached: building a formatter is the slow part. Unknown zones read as UTC. */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    const formatter = timeZone === "UTC" || timeZone === "Etc/UTC" ? undefined : formatterFor(timeZone);
    calendar = formatter ? zonedCalendar(timeZone, formatter) : utcCalendar();
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

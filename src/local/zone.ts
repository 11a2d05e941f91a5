/** Wall-clock arithmetic in IANA time zones, with Intl only (no library at load time). */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday ... 7 = Sunday, like Java's "u"
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// Intl is slow per call; the same instants (midnights) come back again and again.
const partsCache = new Map<string, ZonedParts>();
const timeCache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function zonedParts(date: Date | number, timeZone: string): ZonedParts {
  const ms = typeof date === "number" ? date : date.getTime();
  const key = `${timeZone}|${ms}`;
  const cached = partsCache.get(key);
  if (cached) return { ...cached };
  return { ...remember(partsCache, key, computeParts(ms, timeZone)) };
}

function computeParts(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === "BC") year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "Mon") + 1,
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
export function zoneOffset(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return asUtc - ms;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump maps forward
 * (02:30 on a spring-forward day is 03:30); a repeated time maps to its first occurrence.
 */
export function zonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const key = `${timeZone}|${year}|${month}|${day}|${hour}|${minute}|${second}|${millisecond}`;
  const cached = timeCache.get(key);
  if (cached !== undefined) return new Date(cached);
  return new Date(
    remember(timeCache, key, computeZonedTime(timeZone, year, month, day, hour, minute, second, millisecond)),
  );
}

function computeZonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const firstGuess = wall - zoneOffset(wall, timeZone);
  const offsetThen = zoneOffset(firstGuess, timeZone);
  let result = wall - offsetThen;
  if (zoneOffset(result, timeZone) !== offsetThen) result = wall - zoneOffset(result, timeZone);
  // Prefer the earlier of two candidates that show the same wall time (fall-back hour).
  const earlier = result - 3_600_000;
  if (zoneOffset(earlier, timeZone) !== zoneOffset(result, timeZone)) {
    const p = zonedParts(earlier, timeZone);
    if (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) === wall)
      result = earlier;
  }
  return result;
}

/** Midnight at the start of the day that `date` falls on in the zone. */
export function startOfDay(date: Date | number, timeZone: string): Date {
  const p = zonedParts(date, timeZone);
  return zonedTime(timeZone, p.year, p.month, p.day);
}

/** Same wall-clock time `days` calendar days later in the zone (DST-safe). */
export function addDays(date: Date | number, days: number, timeZone: string): Date {
  const p = zonedParts(date, timeZone);
  const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return zonedTime(
    timeZone,
    shifted.getUTCFullYear(),
    shifted.getUTCMonth() + 1,
    shifted.getUTCDate(),
    p.hour,
    p.minute,
    p.second,
    p.millisecond,
  );
}

/** "2026-12-01" for the day an instant falls on in the zone. */
export function dayKey(date: Date | number, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${String(p.year).padStart(4, "0")}-${pad(p.month)}-${pad(p.day)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function zoneName(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(ms)
    .find((candidate) => candidate.type === "timeZoneName");
  return part?.value ?? "GMT";
}

function offsetText(ms: number, timeZone: string, colon: boolean): string {
  const minutes = Math.round(zoneOffset(ms, timeZone) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
}

/**
 * Java SimpleDateFormat, as Utilities.formatDate takes it: letters y M d H h k K m s S E u a z Z X D,
 * quoted text in '...' and '' for a quote. An unknown zone falls back to GMT, as Java does.
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : "Etc/GMT";
  const ms = date.getTime();
  const p = zonedParts(ms, zone);
  let out = "";
  let index = 0;
  while (index < pattern.length) {
    const char = pattern.charAt(index);
    if (char === "'") {
      const close = pattern.indexOf("'", index + 1);
      if (close === index + 1) {
        out += "'";
        index += 2;
        continue;
      }
      const end = close < 0 ? pattern.length : close;
      out += pattern.slice(index + 1, end).replace(/''/g, "'");
      index = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      out += char;
      index += 1;
      continue;
    }
    let count = 1;
    while (pattern.charAt(index + count) === char) count += 1;
    index += count;
    out += javaField(char, count, p, ms, zone);
  }
  return out;
}

function javaField(letter: string, count: number, p: ZonedParts, ms: number, zone: string): string {
  switch (letter) {
    case "y":
    case "Y":
      return count === 2 ? pad(p.year % 100) : pad(p.year, count);
    case "M":
    case "L":
      if (count >= 4) return MONTH_NAMES[p.month - 1] ?? "";
      if (count === 3) return (MONTH_NAMES[p.month - 1] ?? "").slice(0, 3);
      return pad(p.month, count);
    case "d":
      return pad(p.day, count);
    case "D": {
      const dayOfYear = (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000 + 1;
      return pad(dayOfYear, count);
    }
    case "H":
      return pad(p.hour, count);
    case "k":
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case "h":
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case "K":
      return pad(p.hour % 12, count);
    case "m":
      return pad(p.minute, count);
    case "s":
      return pad(p.second, count);
    case "S":
      return pad(p.millisecond, Math.max(count, 3)).slice(0, Math.max(count, 3));
    case "E":
      return count >= 4 ? (DAY_NAMES[p.weekday - 1] ?? "") : (DAY_NAMES[p.weekday - 1] ?? "").slice(0, 3);
    case "u":
      return pad(p.weekday, count);
    case "a":
      return p.hour < 12 ? "AM" : "PM";
    case "z":
      return zoneName(ms, zone);
    case "Z":
      return offsetText(ms, zone, false);
    case "X":
      return zoneOffset(ms, zone) === 0 ? "Z" : offsetText(ms, zone, count >= 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Sheets date patterns (the number-format kind): yyyy yy mmmm mmm mm m dd d hh h ss am/pm, where
 * "m" next to an hour or a second means minutes. Good enough for display values.
 */
export function formatSheetsDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = pattern.match(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|./gi) ?? [];
  const twelveHour = /am\/pm/i.test(pattern);
  return tokens
    .map((token, at) => {
      const lower = token.toLowerCase();
      const near = (offset: number) => (tokens[at + offset] ?? "").toLowerCase();
      const isMinute =
        lower.startsWith("m") &&
        lower.length <= 2 &&
        (/^h/.test(near(-1)) || /^h/.test(near(-2)) || /^s/.test(near(1)) || /^s/.test(near(2)));
      if (token.startsWith('"')) return token.slice(1, -1);
      if (isMinute) return lower === "mm" ? pad(p.minute) : String(p.minute);
      switch (lower) {
        case "yyyy":
          return pad(p.year, 4);
        case "yy":
          return pad(p.year % 100);
        case "mmmm":
          return MONTH_NAMES[p.month - 1] ?? "";
        case "mmm":
          return (MONTH_NAMES[p.month - 1] ?? "").slice(0, 3);
        case "mm":
          return pad(p.month);
        case "m":
          return String(p.month);
        case "dddd":
          return DAY_NAMES[p.weekday - 1] ?? "";
        case "ddd":
          return (DAY_NAMES[p.weekday - 1] ?? "").slice(0, 3);
        case "dd":
          return pad(p.day);
        case "d":
          return String(p.day);
        case "hh":
          return pad(twelveHour ? p.hour % 12 || 12 : p.hour);
        case "h":
          return String(twelveHour ? p.hour % 12 || 12 : p.hour);
        case "ss":
          return pad(p.second);
        case "s":
          return String(p.second);
        case "am/pm":
          return p.hour < 12 ? "AM" : "PM";
        default:
          return token;
      }
    })
    .join("");
}

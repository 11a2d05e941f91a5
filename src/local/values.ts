/** Cell values, what a typed string becomes, and how a value is displayed. */
import { formatSheetsDate, zonedParts, zonedTime } from "./zone";

export type CellValue = string | number | boolean | Date;

/** Works for Dates from another realm (a vm context) too. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** Storage never shares a Date with callers. */
export function copyValue<T>(value: T): T {
  return (isDate(value) ? new Date(value.getTime()) : value) as T;
}

/** Google's format for a cell nobody formatted ("automatic"). */
export const AUTOMATIC_FORMAT = "0.###############";
export const PLAIN_TEXT_FORMAT = "@";

/** What writing a value stores: a value, or a formula; and a format Sheets picks for typed input. */
export interface Interpreted {
  value: CellValue | null;
  formula?: string;
  format?: string;
}

const NUMBER_TEXT = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?(%)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * What setValue/setValues store, like typing into a cell:
 * - non-strings are stored as given (null/undefined clear the cell);
 * - on a plain-text cell (format "@") a string is stored verbatim;
 * - "'text" stores "text" as text; "=..." is a formula;
 * - "TRUE"/"FALSE" (any case) become booleans;
 * - numeric text becomes a number: "12", "-1,200.50", "1e3", "$12.50", "15%" (0.15);
 * - "2026-12-01" (optionally " 13:45[:10]") and "12/1/2026" (US order) become a Date at that wall
 *   time in the spreadsheet zone;
 * - anything else stays a string; "" clears the cell.
 * Typed percents, currency and dates also get a number format when the cell has none.
 */
export function interpretInput(
  input: unknown,
  cellFormat: string | undefined,
  timeZone: string,
): Interpreted {
  if (input === null || input === undefined) return { value: null };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = typeof input === "string" ? input : String(input);
  if (text === "") return { value: null };
  if (cellFormat === PLAIN_TEXT_FORMAT) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  const unformatted = !cellFormat || cellFormat === AUTOMATIC_FORMAT;
  const number = NUMBER_TEXT.exec(trimmed);
  if (number && (number[3] !== undefined || number[4] !== undefined)) {
    let value =
      Number(`${number[3] ?? "0"}`.replace(/,/g, "") + (number[4] ?? "")) * 10 ** Number(number[5] ?? 0);
    if (number[1] === "-") value = -value;
    if (number[6]) {
      const decimals = (number[4] ?? "").length > 1 ? "0.00%" : "0%";
      return { value: Number((value / 100).toPrecision(15)), ...(unformatted ? { format: decimals } : {}) };
    }
    if (number[2]) return { value, ...(unformatted ? { format: "$#,##0.00" } : {}) };
    if (number[3]?.includes(",") && unformatted) return { value, format: "#,##0.00" };
    return { value };
  }
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const date = validDate(timeZone, +(iso[1] ?? 0), +(iso[2] ?? 0), +(iso[3] ?? 0), iso[4], iso[5], iso[6]);
    if (date)
      return {
        value: date,
        ...(unformatted ? { format: iso[4] ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd" } : {}),
      };
  }
  const us = US_DATE.exec(trimmed);
  if (us) {
    const date = validDate(timeZone, +(us[3] ?? 0), +(us[1] ?? 0), +(us[2] ?? 0));
    if (date) return { value: date, ...(unformatted ? { format: "M/d/yyyy" } : {}) };
  }
  return { value: text };
}

function validDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour?: string,
  minute?: string,
  second?: string,
): Date | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const h = Number(hour ?? 0);
  const m = Number(minute ?? 0);
  const s = Number(second ?? 0);
  if (h > 23 || m > 59 || s > 59) return null;
  return zonedTime(timeZone, year, month, day, h, m, s);
}

/**
 * Display text, roughly as Sheets renders it: dates with their date pattern (default yyyy-mm-dd,
 * plus HH:mm:ss when not midnight); percent formats ("0%", "0.0%"); number patterns with grouping,
 * fixed decimals and literal prefix/suffix ("$#,##0.00", "#,##0", "0.00", "[$€]#,##0.00");
 * "@" shows the value as is; booleans as TRUE/FALSE; other numbers up to 15 significant digits.
 */
export function displayValue(value: CellValue | null, format: string | undefined, timeZone: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (isDate(value)) {
    if (format && /[ymdhs]/i.test(format) && format !== AUTOMATIC_FORMAT && format !== PLAIN_TEXT_FORMAT) {
      return formatSheetsDate(value, timeZone, format.replace(/\[\$[^\]]*\]/g, ""));
    }
    const p = zonedParts(value, timeZone);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatSheetsDate(value, timeZone, midnight ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss");
  }
  if (
    !format ||
    format === AUTOMATIC_FORMAT ||
    format === PLAIN_TEXT_FORMAT ||
    format.toLowerCase() === "general"
  ) {
    return plainNumber(value);
  }
  if (/[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ""))) {
    // A date pattern on a number: a spreadsheet serial day (day 0 = 1899-12-30).
    return formatSheetsDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000), "Etc/UTC", format);
  }
  return patternNumber(value, format.split(";")[0] ?? format);
}

function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  return String(Number(value.toPrecision(15)));
}

function patternNumber(value: number, pattern: string): string {
  const match = /^(.*?)([#0,]*0[#0,]*|[#,]+)(?:\.([0#]+))?(.*)$/.exec(pattern);
  if (!match) return plainNumber(value);
  const literal = (text: string) =>
    text.replace(/\[\$([^\]-]*)[^\]]*\]/g, "$1").replace(/"([^"]*)"|\\(.)/g, "$1$2");
  const prefix = literal(match[1] ?? "");
  const suffix = literal(match[4] ?? "");
  const percent = suffix.includes("%");
  const scaled = percent ? value * 100 : value;
  const decimals = match[3] ?? "";
  const fixedDecimals = decimals.replace(/#/g, "").length;
  let text = Math.abs(scaled).toFixed(decimals.length);
  if (decimals.length > fixedDecimals) {
    // Optional decimals ("#"): trim trailing zeros down to the fixed ones.
    const [whole, fraction = ""] = text.split(".");
    const trimmed = fraction.replace(/0+$/, "").padEnd(fixedDecimals, "0");
    text = trimmed ? `${whole}.${trimmed}` : (whole ?? "");
  }
  if ((match[2] ?? "").includes(",")) {
    const [whole = "", fraction] = text.split(".");
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction === undefined ? "" : `.${fraction}`);
  }
  const negative = scaled < 0 && /[1-9]/.test(text);
  return `${negative ? "-" : ""}${prefix}${text}${suffix}`;
}

/** Number a value stands for in comparisons (dates as ms), or null. */
export function numericValue(value: CellValue | null): number | null {
  if (typeof value === "number") return value;
  if (isDate(value)) return value.getTime();
  return null;
}

/**
 * What a cell value means, for the value kinds the workbook uses: numbers, rates and flags may
 * arrive as numbers or booleans from Sheets, or as text typed by people or sent by the sidebar.
 * Each reader returns undefined when the value is not of its kind; blank is the caller's call.
 */
import { type Day, dayFromIso, dayFromSerial, type ZoneCalendar } from "./day";

export function isBlank(value: unknown): boolean {
  if (typeof value !== "string") return value === null || value === undefined;
  // Most text starts with a visible character: no trim (and no new string) needed to know.
  const first = value.charCodeAt(0);
  return value === "" || ((first <= 32 || first === 160 || first >= 0x1680) && value.trim() === "");
}

const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/** A finite number, or numeric text such as `1,200.50`. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "" || text === "." || !NUMBER_TEXT.test(text) || !/\d/.test(text)) return undefined;
  const number = Number(text.replace(/,/g, ""));
  return Number.isFinite(number) ? number : undefined;
}

/** A rate as a fraction from 0 to 1: `0.15`, `15%`, `"0.15"`. */
export function readRate(value: unknown): number | undefined {
  let rate: number | undefined;
  if (typeof value === "string" && value.trim().endsWith("%")) {
    const percent = readNumber(value.trim().slice(0, -1));
    rate = percent === undefined ? undefined : percent / 100;
  } else {
    rate = readNumber(value);
  }
  return rate !== undefined && rate >= 0 && rate <= 1 ? rate : undefined;
}

/**
 * A calendar day: a Date is an instant, read in the spreadsheet zone; a number is a Sheets
 * serial; text is an ISO day (`2026-12-01`).
 */
export function readDay(value: unknown, calendar: ZoneCalendar): Day | undefined {
  // Blank is the commonest cell of a date column: no parsing for it.
  if (value === "") return undefined;
  if (value instanceof Date) return calendar.dayOf(value);
  if (typeof value === "number") return dayFromSerial(value);
  if (typeof value === "string") return dayFromIso(value);
  return undefined;
}

/** A checkbox or Yes/No flag: true/false, `Yes`/`No`, `TRUE`/`FALSE`, `Y`/`N`, 1/0. */
export function readFlag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== "string") return undefined;
  switch (value.trim().toLowerCase()) {
    case "yes":
    case "y":
    case "true":
    case "1":
      return true;
    case "no":
    case "n":
    case "false":
    case "0":
      return false;
    default:
      return undefined;
  }
}

const EMAIL = /^[^\s@<>,;"()[\]]+@[^\s@<>,;"()[\]]+\.[^\s@<>,;"()[\]]+$/;

/** An address: one `@`, a dotted domain, at most 254 characters (RFC 5321's limit). */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

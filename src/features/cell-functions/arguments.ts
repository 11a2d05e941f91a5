/**
 * Reading one argument value the way Sheets passes it (Date, number, boolean, "") or a person
 * types it (ISO date text, `15%`, Yes/No). Blank reads as undefined; anything else that is not
 * of the expected kind throws a CellInputError naming the argument, what it expected and what
 * it got, so bad input never turns into a wrong number.
 */
import { matchChoice } from "../../domain/choices";
import { type Day, isoFromDay, type ZoneCalendar } from "../../domain/day";
import { isBlank, readDay, readFlag, readNumber, readRate } from "../../domain/values";

/**
 * Bad input for one argument; in a range it becomes that row's text instead of failing the call.
 * Its name stays "Error" so Sheets shows just the message.
 */
export class CellInputError extends Error {}

/** Beyond this an amount is a typo, and sums of such amounts stop being exact. */
const MAX_AMOUNT = 1e15;

/** How a value is shown back in a message. */
export function shown(value: unknown): string {
  if (isBlank(value)) return "blank";
  if (typeof value === "string") {
    const text = value.trim();
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid date" : "a date outside 1900 to 9999";
  if (Array.isArray(value)) return "a list of values";
  return "a value of another kind";
}

export function fail(name: string, expected: string, value: unknown): never {
  throw new CellInputError(`${name}: expected ${expected}, got ${shown(value)}`);
}

const RATE = "a rate from 0% to 100% (like 15% or 0.15)";
const DATE = "a date (a date cell or text like 2026-12-01)";
const AMOUNT = "an amount of 0 or more";

export function rateArgument(value: unknown, name: string): number | undefined {
  if (isBlank(value)) return undefined;
  return readRate(value) ?? fail(name, RATE, value);
}

export function requiredRate(value: unknown, name: string): number {
  return rateArgument(value, name) ?? fail(name, RATE, value);
}

export function amountArgument(value: unknown, name: string): number | undefined {
  if (isBlank(value)) return undefined;
  const amount = readNumber(value);
  if (amount === undefined || amount < 0) fail(name, AMOUNT, value);
  if (amount > MAX_AMOUNT) fail(name, `${AMOUNT}, at most 1e15`, value);
  return amount;
}

/** A Date is an instant read in the spreadsheet zone; a number is a Sheets serial; text is ISO. */
export function dayArgument(value: unknown, name: string, calendar: ZoneCalendar): Day | undefined {
  if (isBlank(value)) return undefined;
  return readDay(value, calendar) ?? fail(name, DATE, value);
}

export function requiredDay(value: unknown, name: string, calendar: ZoneCalendar): Day {
  return dayArgument(value, name, calendar) ?? fail(name, DATE, value);
}

/** `later` must not be before `earlier` (both given). */
export function notBefore(
  later: Day | undefined,
  laterName: string,
  earlier: Day | undefined,
  earlierName: string,
): void {
  if (later !== undefined && earlier !== undefined && later < earlier) {
    throw new CellInputError(
      `${laterName}: expected a date on or after ${earlierName} (${isoFromDay(earlier)}), got ${isoFromDay(later)}`,
    );
  }
}

export function wholeDaysArgument(
  value: unknown,
  name: string,
  min: number,
  max: number,
): number | undefined {
  return wholeNumberArgument(value, name, min, max, "days");
}

/** A count (days, rounds) within bounds; blank reads as undefined. */
export function wholeNumberArgument(
  value: unknown,
  name: string,
  min: number,
  max: number,
  unit: string,
): number | undefined {
  if (isBlank(value)) return undefined;
  const count = readNumber(value);
  if (count !== undefined && Number.isInteger(count) && count >= min && count <= max) return count;
  return fail(name, `a whole number of ${unit} from ${min} to ${max}`, value);
}

export function flagArgument(value: unknown, name: string): boolean | undefined {
  if (isBlank(value)) return undefined;
  return readFlag(value) ?? fail(name, "Yes or No (or TRUE/FALSE)", value);
}

export function choiceArgument<T extends string>(value: unknown, name: string, choices: readonly T[]): T {
  const expected = `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`;
  const choice = typeof value === "string" ? matchChoice(choices, value) : undefined;
  return choice ?? fail(name, expected, value);
}

/**
 * The non-volatile today custom functions can reference. Google does not allow volatile
 * functions (NOW, RAND, TODAY) as custom-function arguments, so the add-on keeps today's date in
 * the Value cell of the Settings key `Today`, named `CampaignDeskToday`: setup creates it and every
 * check run refreshes it when the day changed, which makes Sheets recalculate what depends on it.
 */
import type { Day, ZoneCalendar } from "../domain/day";
import { TODAY_SETTING_KEY } from "../domain/settings";
import { headerKey } from "./schema";
import { locateColumns } from "./setup-plan";

export const TODAY_RANGE_NAME = "CampaignDeskToday";

/** Where the Today value sits on Settings (1-based sheet row and columns) and what it holds. */
export interface TodayCell {
  row: number;
  keyColumn: number;
  valueColumn: number;
  value: unknown;
}

/** The first Settings row keyed Today, from the tab's values as read (header row first). */
export function findTodayCell(values: readonly (readonly unknown[])[]): TodayCell | null {
  const columns = locateColumns(values[0] ?? []);
  const keyColumn = columns.get("key");
  const valueColumn = columns.get("value");
  if (keyColumn === undefined || valueColumn === undefined) return null;
  const index = values.findIndex(
    (row, at) => at > 0 && headerKey(row[keyColumn - 1]) === TODAY_SETTING_KEY.toLowerCase(),
  );
  if (index < 0) return null;
  return { row: index + 1, keyColumn, valueColumn, value: values[index]?.[valueColumn - 1] };
}

/** True when the cell already holds today (in the spreadsheet's zone): nothing to write. */
export function holdsToday(value: unknown, today: Day, calendar: ZoneCalendar): boolean {
  return value instanceof Date && calendar.dayOf(value) === today;
}

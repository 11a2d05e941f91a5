/**
 * Keeps the `CampaignDeskToday` cell (Settings, key Today) current. Setup makes sure it holds
 * today and carries the name; a check run writes it only when the day changed: one write, and a
 * confirming read of its key right before, so a row someone moved is never written blind.
 */
import type { Day, ZoneCalendar } from "../domain/day";
import { TODAY_SETTING_KEY } from "../domain/settings";
import { columnLetter } from "../workbook/highlights";
import { headerKey } from "../workbook/schema";
import { findTodayCell, holdsToday, TODAY_RANGE_NAME, type TodayCell } from "../workbook/today-cell";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function writeToday(
  sheet: Sheet,
  cell: TodayCell,
  today: Day,
  calendar: ZoneCalendar,
  target: Range = sheet.getRange(cell.row, cell.valueColumn),
): boolean {
  // One confirming read right before the write: the Key and Value headers still above their
  // columns (a column inserted between them would shift Value onto the team's) and Today's key.
  const first = Math.min(cell.keyColumn, cell.valueColumn);
  const box = sheet.getRange(1, first, cell.row, Math.abs(cell.valueColumn - cell.keyColumn) + 1).getValues();
  const at = (row: number, column: number) => headerKey(box[row - 1]?.[column - first]);
  if (at(1, cell.keyColumn) !== "key" || at(1, cell.valueColumn) !== "value") return false;
  if (at(cell.row, cell.keyColumn) !== TODAY_SETTING_KEY.toLowerCase()) return false;
  target.setValue(calendar.midnightOf(today));
  return true;
}

/**
 * A check run: settingsValues is the Settings tab as the run already read it, settingsSheet the
 * tab the run read it from (not asked for again).
 */
export function refreshTodayCell(
  settingsSheet: () => Sheet | null,
  settingsValues: readonly (readonly unknown[])[] | undefined,
  today: Day,
  calendar: ZoneCalendar,
): void {
  const cell = settingsValues ? findTodayCell(settingsValues) : null;
  if (!cell || holdsToday(cell.value, today, calendar)) return;
  const sheet = settingsSheet();
  if (sheet) writeToday(sheet, cell, today, calendar);
}

/** Setup: today in the Today row (formatted as a date) and the name on it. True when the name was added or moved. */
export function ensureTodayCell(spreadsheet: Spreadsheet, today: Day, calendar: ZoneCalendar): boolean {
  const sheet = spreadsheet.getSheetByName("Settings");
  if (!sheet) return false;
  const cell = findTodayCell(sheet.getDataRange().getValues());
  if (!cell) return false;
  // One range for the cell: written, formatted and named through it.
  let target: Range | undefined;
  const cellRange = () => {
    target ??= sheet.getRange(cell.row, cell.valueColumn);
    return target;
  };
  if (!holdsToday(cell.value, today, calendar) && writeToday(sheet, cell, today, calendar, cellRange())) {
    cellRange().setNumberFormat("yyyy-mm-dd");
  }
  const named = spreadsheet.getRangeByName(TODAY_RANGE_NAME);
  const a1 = `${columnLetter(cell.valueColumn)}${cell.row}`;
  if (named && named.getA1Notation() === a1 && named.getSheet().getSheetId() === sheet.getSheetId()) {
    return false;
  }
  spreadsheet.setNamedRange(TODAY_RANGE_NAME, cellRange());
  return true;
}

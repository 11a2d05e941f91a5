/**
 * Keeps the `CampaignDeskToday` cell (Settings, key Today) current. Setup makes sure it holds
 * today and carries the name; a check run writes it only when the day changed: one write, and a
 * confirming read of its key right before, so a row someone moved is never written blind. A sort
 * of Settings moves the values and leaves the name on its cell (as Sheets does): the add-on's
 * record keeps the cell the name was set on, so a run that finds the Today row elsewhere sets the
 * name again (after the same confirming read), and a run that finds it in place asks nothing.
 */
import type { Day, ZoneCalendar } from "../domain/day";
import { TODAY_SETTING_KEY } from "../domain/settings";
import type { AddOnRecord } from "../workbook/add-on-record";
import { columnLetter } from "../workbook/highlights";
import { headerKey } from "../workbook/schema";
import { findTodayCell, holdsToday, TODAY_RANGE_NAME, type TodayCell } from "../workbook/today-cell";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const a1Of = (cell: TodayCell) => `${columnLetter(cell.valueColumn)}${cell.row}`;

/**
 * One confirming read right before a write: the Key and Value headers still above their columns
 * (a column inserted between them would shift Value onto the team's) and Today's key in its row.
 */
function stillToday(sheet: Sheet, cell: TodayCell): boolean {
  const first = Math.min(cell.keyColumn, cell.valueColumn);
  const box = sheet.getRange(1, first, cell.row, Math.abs(cell.valueColumn - cell.keyColumn) + 1).getValues();
  const at = (row: number, column: number) => headerKey(box[row - 1]?.[column - first]);
  if (at(1, cell.keyColumn) !== "key" || at(1, cell.valueColumn) !== "value") return false;
  return at(cell.row, cell.keyColumn) === TODAY_SETTING_KEY.toLowerCase();
}

function writeToday(
  sheet: Sheet,
  cell: TodayCell,
  today: Day,
  calendar: ZoneCalendar,
  target: Range = sheet.getRange(cell.row, cell.valueColumn),
): boolean {
  if (!stillToday(sheet, cell)) return false;
  target.setValue(calendar.midnightOf(today));
  return true;
}

/**
 * A check run: settingsValues is the Settings tab as the run already read it, settingsSheet the
 * tab the run read it from (not asked for again), record the add-on's record (saved by the run).
 */
export function refreshTodayCell(
  spreadsheet: Spreadsheet,
  settingsSheet: () => Sheet | null,
  settingsValues: readonly (readonly unknown[])[] | undefined,
  { today, calendar }: { today: Day; calendar: ZoneCalendar },
  record: AddOnRecord,
): void {
  const cell = settingsValues ? findTodayCell(settingsValues) : null;
  if (!cell) return;
  // Not where the name was set (a sort moved the Today row), or not recorded yet.
  const moved = record.todayCell !== a1Of(cell);
  const current = holdsToday(cell.value, today, calendar);
  if (!moved && current) return;
  const sheet = settingsSheet();
  if (!sheet) return;
  const target = sheet.getRange(cell.row, cell.valueColumn);
  if (!stillToday(sheet, cell)) return;
  if (!current) target.setValue(calendar.midnightOf(today));
  if (!moved) return;
  spreadsheet.setNamedRange(TODAY_RANGE_NAME, target);
  record.todayCell = a1Of(cell);
}

/**
 * Setup: today in the Today row (formatted as a date) and the name on it, kept in the record. True
 * when the name was added or moved.
 */
export function ensureTodayCell(
  spreadsheet: Spreadsheet,
  today: Day,
  calendar: ZoneCalendar,
  record: AddOnRecord,
): boolean {
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
  const a1 = a1Of(cell);
  record.todayCell = a1;
  if (named && named.getA1Notation() === a1 && named.getSheet().getSheetId() === sheet.getSheetId()) {
    return false;
  }
  spreadsheet.setNamedRange(TODAY_RANGE_NAME, cellRange());
  return true;
}

/** The Settings tab read in one call and parsed (a missing tab means every default). */
import type { MoneyStyle } from "../domain/money";
import type { Settings } from "../domain/settings";
import { settingsOf } from "../features/checks";
import { tabSchema } from "../workbook/schema";
import { readTable } from "../workbook/table";

export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const sheet = spreadsheet.getSheetByName("Settings");
  return settingsOfValues(sheet ? sheet.getDataRange().getValues() : []);
}

/** The Settings tab's values (header row first), already read, parsed. */
export function settingsOfValues(values: unknown[][]): Settings {
  return settingsOf(readTable(tabSchema("Settings"), values)).settings;
}

/** How amounts read in this workbook: the Currency setting, in the spreadsheet's locale. */
export function readMoneyStyle(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): MoneyStyle {
  return { currency: readSettings(spreadsheet).currency, locale: spreadsheet.getSpreadsheetLocale() };
}

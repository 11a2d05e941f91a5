/** The Settings tab read in one call and parsed (a missing tab means every default). */
import type { Settings } from "../domain/settings";
import { settingsOf } from "../features/checks";
import { tabSchema } from "../workbook/schema";
import { readTable } from "../workbook/table";

export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const sheet = spreadsheet.getSheetByName("Settings");
  const values = sheet ? sheet.getDataRange().getValues() : [];
  return settingsOf(readTable(tabSchema("Settings"), values)).settings;
}

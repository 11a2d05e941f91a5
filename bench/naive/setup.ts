/**
 * Naive "Set up workbook": the same tabs, headers, notes, formats, validation and Settings rows
 * as src/features/setup.ts, with headers read and written cell by cell.
 */

import { parseSettings, settingDefaultRows } from "../../src/domain/settings";
import { buildValidation } from "../../src/gas/setup-port";
import type { EmulatorGlobals } from "../../src/local/index";
import { headerKey, TABS, type TabSchema } from "../../src/workbook/schema";
import {
  locateColumns,
  numberFormatOf,
  OWNED_HEADER_BACKGROUND,
  ownedNote,
  TEAM_HEADER_BACKGROUND,
  validationOf,
} from "../../src/workbook/setup-plan";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Row 1, one getValue per cell. */
function headerCells(sheet: Sheet): string[] {
  const headers: string[] = [];
  const lastColumn = sheet.getLastColumn();
  for (let column = 1; column <= lastColumn; column++)
    headers.push(String(sheet.getRange(1, column).getValue()));
  return headers;
}

/** Settings key/value pairs, one getValue per cell, down to the first blank key. */
function settingRows(sheet: Sheet | null): {
  rows: [unknown, unknown][];
  keyColumn: number;
  valueColumn: number;
} {
  if (!sheet) return { rows: [], keyColumn: 1, valueColumn: 2 };
  const columns = locateColumns(headerCells(sheet));
  const keyColumn = columns.get("key") ?? 1;
  const valueColumn = columns.get("value") ?? 2;
  const rows: [unknown, unknown][] = [];
  const lastRow = sheet.getMaxRows();
  for (let row = 2; row <= lastRow; row++) {
    const key = sheet.getRange(row, keyColumn).getValue();
    if (key === "") break;
    rows.push([key, sheet.getRange(row, valueColumn).getValue()]);
  }
  return { rows, keyColumn, valueColumn };
}

function setUpTab(g: EmulatorGlobals, sheet: Sheet, tab: TabSchema, currency: string): void {
  const headers = headerCells(sheet);
  const positions = locateColumns(headers);
  const maxRows = sheet.getMaxRows();
  const missing = tab.columns.filter((column) => !positions.has(headerKey(column.header)));
  if (missing.length > 0) {
    if (headers.length > 0) sheet.insertColumnsAfter(headers.length, missing.length);
    else if (missing.length > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), missing.length - sheet.getMaxColumns());
    missing.forEach((column, index) => {
      const cell = sheet.getRange(1, headers.length + 1 + index);
      cell.setValue(column.header);
      cell.setNote(ownedNote(column));
      cell.setBackground(column.owned ? OWNED_HEADER_BACKGROUND : TEAM_HEADER_BACKGROUND);
      cell.setFontWeight("bold");
      if (maxRows < 2) return;
      const body = sheet.getRange(2, headers.length + 1 + index, maxRows - 1, 1);
      const format = column.owned && column.kind === "text" ? null : numberFormatOf(column.kind, currency);
      if (format) body.setNumberFormat(format);
      const spec = validationOf(column);
      if (spec) body.setDataValidation(buildValidation(spec, g.SpreadsheetApp));
    });
  }
  // Adopted columns: a note where there is none, the column's validation over the whole column.
  for (const column of tab.columns) {
    const position = positions.get(headerKey(column.header));
    if (position === undefined) continue;
    const cell = sheet.getRange(1, position);
    if (cell.getNote() === "") cell.setNote(ownedNote(column));
    const spec = validationOf(column);
    if (spec && maxRows > 1)
      sheet.getRange(2, position, maxRows - 1, 1).setDataValidation(buildValidation(spec, g.SpreadsheetApp));
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
}

export function naiveSetup(g: EmulatorGlobals): void {
  const spreadsheet = g.SpreadsheetApp.getActive();
  const settings = settingRows(spreadsheet.getSheetByName("Settings"));
  const { currency } = parseSettings(settings.rows).settings;
  for (const tab of TABS) {
    const sheet =
      spreadsheet.getSheetByName(tab.name) ??
      spreadsheet.insertSheet(tab.name, spreadsheet.getSheets().length);
    if (tab.columns.length > 0) setUpTab(g, sheet, tab, currency);
  }
  // Missing Settings keys, one setValue per cell after the last key.
  const present = new Set(settings.rows.map(([key]) => headerKey(key)));
  const sheet = spreadsheet.getSheetByName("Settings") as Sheet;
  const columns = locateColumns(headerCells(sheet));
  let row = settings.rows.length + 2;
  for (const [key, value] of settingDefaultRows()) {
    if (present.has(headerKey(key))) continue;
    sheet.getRange(row, columns.get("key") ?? 1).setValue(key);
    sheet.getRange(row, columns.get("value") ?? 2).setValue(value);
    row++;
  }
}

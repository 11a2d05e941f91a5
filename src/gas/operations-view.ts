/**
 * The operating view written over SpreadsheetApp, only as far as it changed: nothing when its
 * content signature matches the one last written (kept in the add-on's record), its values alone
 * (one write) when only they changed, and the whole layout (size, formats, a handful of
 * conditional-format rules, frozen panes, widths) on a new tab, a new limit or a forced refresh.
 */
import { type GeneratedTab, planViewWrite, type WrittenView } from "../features/operations";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the view goes: the tab that holds it now (null when there is none), and how to make one. */
export interface ViewTab {
  existing: Sheet | null;
  create(): Sheet;
}

/**
 * Writes `view` to its tab (made when missing) as far as it differs from `written` (null: all of
 * it); the view as now written, or null when nothing was.
 */
export function writeOperationsView(
  tab: ViewTab,
  view: GeneratedTab,
  written: WrittenView | null,
): WrittenView | null {
  const plan = planViewWrite(view, written, tab.existing !== null);
  if (!plan.values) return null;
  const sheet = tab.existing ?? tab.create();
  const width = view.values[0]?.length ?? 0;
  if (plan.layout) writeLayout(sheet, view, width);
  // Rows the last view had and this one has not are written blank, in the same call.
  const blank = Array.from({ length: width }, () => "");
  const rows = [...view.values];
  while (rows.length < plan.rows) rows.push(blank);
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  return { content: view.contentSignature, layout: view.layoutSignature, height: view.values.length };
}

function writeLayout(sheet: Sheet, view: GeneratedTab, width: number): void {
  sheet.clear();
  // Exactly the room the limit allows (header, rows, note, legend): the rules and formats cover it.
  const height = view.layoutRows + 1;
  const rows = sheet.getMaxRows();
  if (rows !== height) {
    sheet.insertRowsAfter(rows, height);
    sheet.deleteRows(height + 1, rows);
  }
  const columns = sheet.getMaxColumns();
  if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
  const header = sheet.getRange(1, 1, 1, width);
  header.setBackground(view.headerBackground);
  header.setFontWeight("bold");
  for (const column of view.dateColumns)
    sheet.getRange(2, column, view.layoutRows, 1).setNumberFormat("yyyy-mm-dd");
  // The timeline's rules share one range: one getRange for all of them.
  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  const rangeOf = (column: number, numColumns: number) => {
    const key = `${column}:${numColumns}`;
    const range = ranges.get(key) ?? sheet.getRange(2, column, view.layoutRows, numColumns);
    ranges.set(key, range);
    return range;
  };
  sheet.setConditionalFormatRules(
    view.rules.map((rule) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(rule.formula)
        .setBackground(rule.background)
        .setRanges([rangeOf(rule.column, rule.numColumns)])
        .build(),
    ),
  );
  sheet.setFrozenRows(view.frozenRows);
  sheet.setFrozenColumns(view.frozenColumns);
  const { first, count, pixels } = view.columnWidths;
  if (count > 0) sheet.setColumnWidths(first, count, pixels);
}

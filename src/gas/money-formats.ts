/**
 * Re-applies money formats when the Currency setting or the spreadsheet's locale changed since
 * the last run (remembered in a document property): two calls a run when nothing changed. The
 * header row of a tab is read again right before its formats are written; a column that moved
 * meanwhile is left for the next run.
 */
import type { MoneyStyle } from "../domain/money";
import { moneyNumberFormat } from "../domain/money";
import {
  moneyColumns,
  moneyStyleKey,
  parseMoneyStyleKey,
  replaceableFormats,
  teamColumnFormats,
} from "../workbook/money-columns";
import { headerKey, TABS, type TabName } from "../workbook/schema";

export const MONEY_STYLE_PROPERTY = "campaignDesk.moneyStyle";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** Formats one tab's money columns; false when a header moved (try again next run). */
function formatTab(
  spreadsheet: Spreadsheet,
  tab: TabName,
  header: readonly unknown[],
  wanted: string,
  replaceable: (format: string) => boolean,
): boolean {
  const schema = TABS.find((candidate) => candidate.name === tab);
  const columns = schema ? moneyColumns(schema, header) : [];
  const sheet = columns.length > 0 ? spreadsheet.getSheetByName(tab) : null;
  if (!sheet) return true;
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return true;
  const now = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  let settled = true;
  for (const { column, header: text, owned } of columns) {
    if (headerKey(now[column - 1]) !== headerKey(text)) {
      settled = false;
      continue;
    }
    const cells = sheet.getRange(2, column, rows, 1);
    if (owned) {
      cells.setNumberFormat(wanted);
      continue;
    }
    const formats = teamColumnFormats(cells.getNumberFormats(), wanted, replaceable);
    if (formats) cells.setNumberFormats(formats);
  }
  return settled;
}

export function refreshMoneyFormats(
  spreadsheet: Spreadsheet,
  properties: Properties,
  tabs: Partial<Record<TabName, unknown[][]>>,
  currency: string,
): void {
  const style: MoneyStyle = { currency, locale: spreadsheet.getSpreadsheetLocale() };
  const stored = properties.getProperty(MONEY_STYLE_PROPERTY);
  if (stored === moneyStyleKey(style)) return;
  const wanted = moneyNumberFormat(style);
  const replaceable = replaceableFormats(parseMoneyStyleKey(stored), style);
  let settled = true;
  for (const [tab, values] of Object.entries(tabs) as [TabName, unknown[][]][]) {
    if (!formatTab(spreadsheet, tab, values[0] ?? [], wanted, replaceable)) settled = false;
  }
  if (settled) properties.setProperty(MONEY_STYLE_PROPERTY, moneyStyleKey(style));
}

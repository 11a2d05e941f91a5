/**
 * Re-applies money formats when the Currency setting or the spreadsheet's locale changed since
 * the last run (remembered in a document property): two calls a run when nothing changed. The
 * header row of a tab is read again right before its formats are written, and a team column's
 * formats right before they are written back; a column or row that moved meanwhile is left for
 * the next run.
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
/** Only read and written here: the run may hand in its one read of the document properties. */
type Properties = Pick<GoogleAppsScript.Properties.Properties, "getProperty" | "setProperty">;

function sameFormats(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  return a.length === b.length && a.every((row, index) => row[0] === b[index]?.[0]);
}

/** Formats one tab's money columns; false when a header moved (try again next run). */
function formatTab(
  spreadsheet: Spreadsheet,
  tab: TabName,
  header: readonly unknown[],
  wanted: string,
  replaceable: (format: string) => boolean,
  isOurs: (tab: TabName, header: string) => boolean,
): boolean {
  const schema = TABS.find((candidate) => candidate.name === tab);
  const columns = schema ? moneyColumns(schema, header) : [];
  const sheet = columns.length > 0 ? spreadsheet.getSheetByName(tab) : null;
  if (!sheet) return true;
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return true;
  // Every range made and the team's formats read first, then row 1 read again, then the writes
  // one after another: a column someone moved meanwhile is seen before anything is written. A
  // column with an owned header that the team kept is formatted like the team's own.
  const cells = columns.map((column) => ({
    ...column,
    owned: column.owned && isOurs(tab, column.header),
    range: sheet.getRange(2, column.column, rows, 1),
  }));
  const formats = cells.map(({ owned, range }) => (owned ? [] : range.getNumberFormats()));
  const now = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  let settled = true;
  cells.forEach(({ column, header: text, owned, range }, index) => {
    if (headerKey(now[column - 1]) !== headerKey(text)) {
      settled = false;
      return;
    }
    if (owned) {
      range.setNumberFormat(wanted);
      return;
    }
    const read = formats[index] ?? [];
    const next = teamColumnFormats(read, wanted, replaceable);
    if (!next) return;
    // A column of one format takes one format: no row can carry another's, whatever moved.
    if (read.every((row) => row[0] === read[0]?.[0])) {
      range.setNumberFormat(wanted);
      return;
    }
    // Otherwise the grid carries the team's own formats by row: read again right before the
    // write, and written only when no row moved since (a sort would put one row's format on another).
    if (!sameFormats(range.getNumberFormats(), read)) {
      settled = false;
      return;
    }
    range.setNumberFormats(next);
  });
  return settled;
}

export function refreshMoneyFormats(
  spreadsheet: Spreadsheet,
  properties: Properties,
  tabs: Partial<Record<TabName, unknown[][]>>,
  /** The Currency setting and the spreadsheet's locale (the run reads it once, for the alerts too). */
  style: MoneyStyle,
  /** Whether an owned header's column is the add-on's (not a column the team kept). */
  isOurs: (tab: TabName, header: string) => boolean = () => true,
): void {
  const stored = properties.getProperty(MONEY_STYLE_PROPERTY);
  if (stored === moneyStyleKey(style)) return;
  const wanted = moneyNumberFormat(style);
  const replaceable = replaceableFormats(parseMoneyStyleKey(stored), style);
  let settled = true;
  for (const [tab, values] of Object.entries(tabs) as [TabName, unknown[][]][]) {
    if (!formatTab(spreadsheet, tab, values[0] ?? [], wanted, replaceable, isOurs)) settled = false;
  }
  if (settled) properties.setProperty(MONEY_STYLE_PROPERTY, moneyStyleKey(style));
}

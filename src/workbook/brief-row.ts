/**
 * A Campaigns row as a brief (the shape `checkBrief` and the sidebar use: dates as ISO day
 * strings, rates as fractions, lists as arrays) and back. Each column is read by its kind in
 * the column contract; a value that cannot be read is passed through as it is, so the brief
 * check names it instead of the row silently losing it.
 */
import { BRIEF_FIELD_HEADERS, type BriefField, type BriefProduct } from "../domain/brief";
import { CONTENT_TYPES, matchChoice, splitList } from "../domain/choices";
import { isoFromDay, type ZoneCalendar } from "../domain/day";
import { isBlank, readDay, readFlag, readNumber, readRate } from "../domain/values";
import { type ColumnSchema, headerKey, tabSchema } from "./schema";

const campaignColumns = new Map(
  tabSchema("Campaigns").columns.map((column) => [headerKey(column.header), column]),
);

// Found once per field: the daily check reads the brief of every campaign row.
const fieldColumns = new Map<BriefField, ColumnSchema>();

function columnOf(field: BriefField): ColumnSchema {
  let column = fieldColumns.get(field);
  if (!column) {
    column = campaignColumns.get(headerKey(BRIEF_FIELD_HEADERS[field]));
    if (!column) throw new Error(`No Campaigns column for ${field}`);
    fieldColumns.set(field, column);
  }
  return column;
}

function briefValue(column: ColumnSchema, cell: unknown, calendar: ZoneCalendar): unknown {
  if (isBlank(cell)) return undefined;
  switch (column.kind) {
    case "date": {
      const day = readDay(cell, calendar);
      return day === undefined ? String(cell) : isoFromDay(day);
    }
    case "percent":
      return readRate(cell) ?? cell;
    case "currency":
    case "integer":
    case "number":
      return readNumber(cell) ?? cell;
    case "flag":
      return readFlag(cell) ?? cell;
    case "list":
      return splitList(String(cell));
    case "choice":
      return matchChoice(column.choices ?? [], String(cell)) ?? String(cell).trim();
    default:
      return String(cell).trim();
  }
}

/** The brief input of a Campaigns row, for `checkBrief`. */
export function briefInputFromRow(
  get: (header: string) => unknown,
  calendar: ZoneCalendar,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of Object.keys(BRIEF_FIELD_HEADERS) as BriefField[]) {
    const value = briefValue(columnOf(field), get(BRIEF_FIELD_HEADERS[field]), calendar);
    if (value !== undefined) input[field] = value;
  }
  // Reserved inventory is text (it may hold `SKU: units` pairs); a plain count reads as a number.
  const reserved = input.reservedInventory;
  if (typeof reserved === "string" && /^\d+$/.test(reserved)) input.reservedInventory = Number(reserved);
  // Content types are matched to their canonical words (`live` -> `LIVE`).
  if (Array.isArray(input.contentTypes)) {
    input.contentTypes = input.contentTypes.map((type: string) => matchChoice(CONTENT_TYPES, type) ?? type);
  }
  return input;
}

/** A Products row as what a brief is checked against: its stock, Open rate and Open ads rate. */
export function briefProductOf(row: { key: string; get(header: string): unknown }): BriefProduct {
  return {
    sku: row.key,
    stockOnHand: readNumber(row.get("Stock on hand")),
    openRate: readRate(row.get("Open rate")),
    openAdsRate: readRate(row.get("Open ads rate")),
  };
}

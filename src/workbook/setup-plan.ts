/**
 * Workbook setup as a pure plan: from what a tab looks like now, the steps that add what is
 * missing. Steps only ever add (a tab, columns after the last used one, a note where there is
 * none, a validation where a cell has none, a frozen header where nothing is frozen), so a
 * user's rows, columns, values, notes and formats are never touched, and a workbook that is
 * already set up yields no steps at all.
 */
import { moneyNumberFormat } from "../domain/money";
import { type ColumnKind, type ColumnSchema, headerKey, type TabName, type TabSchema } from "./schema";

/** What setup needs to know about a tab, read in a few batch calls. */
export interface TabSnapshot {
  name: TabName;
  lastColumn: number;
  /** Read only when the tab is empty (0 otherwise: columns are added after the last used one). */
  maxColumns: number;
  maxRows: number;
  frozenRows: number;
  /** Row 1, `lastColumn` cells. */
  headers: readonly unknown[];
  /** Notes of row 1, `lastColumn` cells. */
  headerNotes: readonly string[];
  /** The tab's values (row 1 first): title rows, what owned-header columns hold, Settings rows. */
  values?: readonly (readonly unknown[])[];
  /** Settings tab only: the key/value rows already there. */
  settings?: readonly (readonly [unknown, unknown])[];
  /** Settings tab only: the last row with content. */
  lastRow?: number;
}

export type ValidationSpec =
  | { type: "list"; values: readonly string[] }
  | { type: "date" }
  | { type: "number"; min: number; max?: number }
  | { type: "email" };

export interface NewColumn {
  header: string;
  note: string;
  owned: boolean;
  numberFormat: string | null;
  validation: ValidationSpec | null;
}

export type SetupStep =
  | { kind: "createTab"; tab: TabName }
  | { kind: "addRows"; tab: TabName; after: number; count: number }
  | { kind: "addColumns"; tab: TabName; after: number; count: number }
  /**
   * One group of writes per tab, confirmed together: the new headers at `firstColumn` (with their
   * notes, colours, bold and formats), a note on adopted headers that have none, and dropdowns and
   * checks on every contract column (`validated`) that has none yet (in one write).
   */
  | {
      kind: "writeColumns";
      tab: TabName;
      firstColumn: number;
      columns: readonly NewColumn[];
      notes: readonly { column: number; note: string }[];
      validated: readonly { header: string; validation: ValidationSpec }[];
    }
  | { kind: "freezeHeader"; tab: TabName }
  | {
      kind: "appendSettings";
      firstRow: number;
      keyColumn: number;
      valueColumn: number;
      rows: readonly (readonly [string, string])[];
    };

export interface SetupOptions {
  /** Currency code used for currency columns created now, e.g. USD. */
  currency: string;
  /** Settings keys and their defaults, in the order new rows are added. */
  settingDefaults: readonly (readonly [string, string])[];
}

export const OWNED_MARK = "Campaign Desk fills this column; edits here are replaced on the next check.";
export const OWNED_HEADER_BACKGROUND = "#e8e0f5";
export const TEAM_HEADER_BACKGROUND = "#f1f3f4";

/** A money column's format: the domain's one rule (the run re-applies it in the spreadsheet's locale). */
export function currencyFormat(currency: string, locale = "en_US"): string {
  return moneyNumberFormat({ currency: currency.trim().toUpperCase() || "USD", locale });
}

export function numberFormatOf(kind: ColumnKind, currency: string): string | null {
  switch (kind) {
    case "date":
      return "yyyy-mm-dd";
    case "percent":
      return "0.0%";
    case "currency":
      return currencyFormat(currency);
    case "integer":
      return "0";
    case "number":
      return "#,##0.00";
    // Plain text keeps IDs like 001 and anything typed with a leading = as text.
    case "text":
    case "list":
    case "email":
    case "url":
      return "@";
    default:
      return null;
  }
}

export function validationOf(column: ColumnSchema): ValidationSpec | null {
  if (column.owned) return null;
  switch (column.kind) {
    case "choice":
      return { type: "list", values: column.choices ?? [] };
    case "flag":
      return { type: "list", values: ["Yes", "No"] };
    case "date":
      return { type: "date" };
    case "percent":
      return { type: "number", min: 0, max: 1 };
    case "currency":
    case "integer":
    case "number":
      return { type: "number", min: 0 };
    case "email":
      return { type: "email" };
    default:
      return null;
  }
}

export function ownedNote(column: ColumnSchema): string {
  return column.owned ? `${column.note}\n${OWNED_MARK}` : column.note;
}

/** Column positions (1-based) of the schema's headers in a header row; first match wins. */
export function locateColumns(headers: readonly unknown[]): Map<string, number> {
  const positions = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (key && !positions.has(key)) positions.set(key, index + 1);
  });
  return positions;
}

/** Rows a tab holding only its header row gets, so it can be frozen and typed into. */
export const ROWS_OF_A_BARE_TAB = 100;

/**
 * `kept`: owned headers (as `headerKey`) whose column is the team's (declined, or not answered
 * yet): they are neither added again nor given the add-on's note.
 */
export function planTabSetup(
  schema: TabSchema,
  snapshot: TabSnapshot | null,
  options: SetupOptions,
  kept: ReadonlySet<string> = new Set(),
): SetupStep[] {
  const steps: SetupStep[] = [];
  const tab = schema.name;
  const current: TabSnapshot = snapshot ?? {
    name: tab,
    lastColumn: 0,
    maxColumns: 26,
    maxRows: 1000,
    frozenRows: 0,
    headers: [],
    headerNotes: [],
  };
  if (!snapshot) steps.push({ kind: "createTab", tab });
  // Sheets refuses to freeze every row of a tab: a tab with only its header row gets rows first.
  if (current.maxRows < 2)
    steps.push({ kind: "addRows", tab, after: current.maxRows, count: ROWS_OF_A_BARE_TAB - current.maxRows });

  const positions = locateColumns(current.headers);
  const missing = schema.columns.filter((column) => !positions.has(headerKey(column.header)));
  const firstColumn = current.lastColumn + 1;
  /** Where a schema column is once setup is done: where it is now, or where it will be added. */
  const finalPosition = (header: string): number =>
    positions.get(headerKey(header)) ?? firstColumn + missing.findIndex((column) => column.header === header);
  if (missing.length > 0) {
    const lastNeeded = current.lastColumn + missing.length;
    if (snapshot && current.lastColumn > 0) {
      // Fresh columns right after the team's last one: a blank column beyond it may still carry
      // the team's colours or notes, which writing into it would overwrite.
      steps.push({ kind: "addColumns", tab, after: current.lastColumn, count: missing.length });
    } else if (lastNeeded > current.maxColumns) {
      steps.push({
        kind: "addColumns",
        tab,
        after: current.maxColumns,
        count: lastNeeded - current.maxColumns,
      });
    }
  }
  const columns = missing.map(
    (column): NewColumn => ({
      header: column.header,
      note: ownedNote(column),
      owned: column.owned,
      // Owned text is written with asTypedText, so it needs no plain-text format.
      numberFormat:
        column.owned && column.kind === "text" ? null : numberFormatOf(column.kind, options.currency),
      validation: validationOf(column),
    }),
  );

  // Adopted columns: add a note where the header has none (a column the team kept gets none).
  const notes: { column: number; note: string }[] = [];
  for (const column of schema.columns) {
    const position = positions.get(headerKey(column.header));
    if (position === undefined || kept.has(headerKey(column.header))) continue;
    // Only a header with no note at all gets ours: even a blank-looking note is the team's.
    if ((current.headerNotes[position - 1] ?? "") === "") {
      notes.push({ column: position, note: ownedNote(column) });
    }
  }
  const validated = schema.columns.flatMap((column) => {
    const validation = validationOf(column);
    return validation ? [{ header: column.header, validation }] : [];
  });
  if (columns.length > 0 || notes.length > 0 || validated.length > 0)
    steps.push({ kind: "writeColumns", tab, firstColumn, columns, notes, validated });

  if (current.frozenRows < 1 && schema.columns.length > 0) steps.push({ kind: "freezeHeader", tab });

  if (tab === "Settings") {
    const present = new Set((current.settings ?? []).map(([key]) => headerKey(key)));
    const rows = options.settingDefaults.filter(([key]) => !present.has(headerKey(key)));
    if (rows.length > 0) {
      steps.push({
        kind: "appendSettings",
        firstRow: Math.max(current.lastRow ?? 1, 1) + 1,
        keyColumn: finalPosition("Key"),
        valueColumn: finalPosition("Value"),
        rows,
      });
    }
  }
  return steps;
}

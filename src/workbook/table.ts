/**
 * A tab's values as records found by header text, and the owned-column writes that put
 * computed values back on the row of their key. Columns are never found by position.
 */

import { idKey } from "../domain/coverage";
import { headerKey, type TabSchema } from "./schema";
import { locateColumns } from "./setup-plan";

export interface TableRow {
  /** 1-based sheet row. */
  sheetRow: number;
  /** Position in its table's `rows`: per-row facts are kept in arrays, not maps keyed by ID text. */
  index: number;
  /**
   * The `index` of the first row with the same key text: rows sharing a key share one set of
   * owned values and alerts (they are written by key), found without a map look-up per read.
   */
  slot: number;
  /** The first row holding this row's ID: the row itself, unless it repeats an earlier row's ID. */
  firstOfId: TableRow;
  key: string;
  /** The key as IDs are compared (`idKey`), built once per row rather than on every look-up. */
  id: string;
  /** The cell under a header (matched trimmed, case-insensitively); `""` when the column is missing. */
  get(header: string): unknown;
}

export interface Table {
  schema: TabSchema;
  /** Header key -> 1-based column. */
  columns: Map<string, number>;
  rows: TableRow[];
  /** The first row of each ID (as compared, `idKey`): later rows repeating an ID are duplicates. */
  firstRows: Map<string, TableRow>;
  /** Headers of the schema that the tab lacks (setup restores them). */
  missing: string[];
}

/** Key cells are compared as trimmed text so `K-1 ` and `K-1` are the same row. */
export function keyText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value ?? "").trim();
}

/**
 * A row of a table. `get` lives on the prototype (a closure per row was 10 MB at 50,000
 * collaborations), so pass `(header) => row.get(header)`, not `row.get`, to keep it bound.
 */
class Row implements TableRow {
  readonly firstOfId: TableRow;

  constructor(
    readonly sheetRow: number,
    readonly index: number,
    readonly slot: number,
    first: TableRow | undefined,
    readonly key: string,
    readonly id: string,
    private readonly cells: readonly unknown[],
    private readonly positionOf: (header: string) => number,
  ) {
    this.firstOfId = first ?? this;
  }

  get(header: string): unknown {
    const position = this.positionOf(header);
    return position < 0 ? "" : (this.cells[position] ?? "");
  }
}

/** Rows with a blank key are skipped: they are not records yet. */
export function readTable(schema: TabSchema, values: readonly (readonly unknown[])[]): Table {
  const columns = locateColumns(values[0] ?? []);
  const keyColumn = columns.get(headerKey(schema.key));
  const missing = schema.columns
    .filter((column) => !columns.has(headerKey(column.header)))
    .map((column) => column.header);
  // A header is matched once per table, not on every cell read (a check reads millions).
  const positions = new Map<string, number>();
  const positionOf = (header: string): number => {
    let position = positions.get(header);
    if (position === undefined) {
      position = (columns.get(headerKey(header)) ?? 0) - 1;
      positions.set(header, position);
    }
    return position;
  };
  const rows: TableRow[] = [];
  const firstRows = new Map<string, TableRow>();
  // Rows whose ID came first under another key text (`c-1` after `C-1`), by key: rare.
  let variants: Map<string, number> | undefined;
  for (let index = 1; index < values.length; index++) {
    const cells = values[index] ?? [];
    const key = keyColumn === undefined ? "" : keyText(cells[keyColumn - 1]);
    if (!key) continue;
    const at = rows.length;
    const id = idKey(key);
    const first = firstRows.get(id);
    let slot = at;
    if (first?.key === key) slot = first.slot;
    else if (first) {
      variants ??= new Map();
      slot = variants.get(key) ?? at;
      if (slot === at) variants.set(key, at);
    }
    const row = new Row(index + 1, at, slot, first, key, id, cells, positionOf);
    if (!first) firstRows.set(id, row);
    rows.push(row);
  }
  return { schema, columns, rows, firstRows, missing };
}

/**
 * Columns (sorted by position) grouped into runs of neighbours, so each run is one write and a
 * column in between, the team's, is never part of one.
 */
export function adjacentRuns<T extends { position: number }>(columns: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const column of columns) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.position + 1 === column.position) run.push(column);
    else runs.push([column]);
  }
  return runs;
}

/** How many rows below row 1 are searched for a header row under a title. */
const TITLE_ROWS_SEARCHED = 10;

/**
 * The sheet row (2 or more) holding a tab's contract headers when row 1 holds none of them (a
 * title above the table), or 0. Campaign Desk reads headers from row 1 only, so such a tab is
 * reported rather than given a second header row.
 */
export function headerRowBelow(schema: TabSchema, values: readonly (readonly unknown[])[]): number {
  const contract = new Set(schema.columns.map((column) => headerKey(column.header)));
  const hits = (row: readonly unknown[] | undefined) =>
    (row ?? []).filter((cell) => contract.has(headerKey(cell))).length;
  if (contract.size === 0 || hits(values[0]) > 0) return 0;
  const needed = Math.min(2, contract.size);
  for (let index = 1; index < Math.min(values.length, TITLE_ROWS_SEARCHED + 1); index++) {
    const row = values[index] ?? [];
    if (hits(row) >= needed && row.some((cell) => headerKey(cell) === headerKey(schema.key)))
      return index + 1;
  }
  return 0;
}

export const headerRowMessage = (tab: string, row: number): string =>
  `Campaign Desk reads headers from row 1 of ${tab}, and yours are on row ${row}: move the title above them elsewhere (or delete that row), then run Set up workbook again. Nothing was added to ${tab}.`;

/** Equal as Sheets would store them: dates by instant, everything else strictly. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || ((a === null || a === undefined) && b === "");
}

/**
 * Sheets reads a written string as if typed: `=`, `+`, `-` or `@` at the start would make it a
 * formula, and `0012`, `2026-01-05`, `TRUE` or `15%` would become a number, a date, a flag or a
 * rate (and a leading apostrophe would vanish). A leading apostrophe stores any text as it is.
 */
export function asTypedText(value: unknown): unknown {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

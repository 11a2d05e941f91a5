/**
 * A tab's values as records found by header text, and the owned-column writes that put
 * computed values back on the row of their key. Columns are never found by position.
 */

import { headerKey, type TabSchema } from "./schema";
import { locateColumns } from "./setup-plan";

export interface TableRow {
  /** 1-based sheet row. */
  sheetRow: number;
  key: string;
  /** The cell under a header (matched trimmed, case-insensitively); `""` when the column is missing. */
  get(header: string): unknown;
}

export interface Table {
  schema: TabSchema;
  /** Header key -> 1-based column. */
  columns: Map<string, number>;
  rows: TableRow[];
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
  constructor(
    readonly sheetRow: number,
    readonly key: string,
    private readonly cells: readonly unknown[],
    private readonly positionOf: (header: string) => number,
  ) {}

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
  for (let index = 1; index < values.length; index++) {
    const cells = values[index] ?? [];
    const key = keyColumn === undefined ? "" : keyText(cells[keyColumn - 1]);
    if (!key) continue;
    rows.push(new Row(index + 1, key, cells, positionOf));
  }
  return { schema, columns, rows, missing };
}

export interface ColumnWrite {
  headers: string[];
  /** 1-based first column of a run of adjacent owned columns. */
  column: number;
  /** Rows 2 to the last row, one cell per column of the run. */
  values: unknown[][];
}

/**
 * The writes of the owned columns, built against the tab as it is now (`current`, re-read just
 * before writing): each row gets the value computed for its key; a row whose key was not
 * computed (added meanwhile) keeps what it has. Adjacent owned columns are written together,
 * so a tab set up by the add-on takes a single write; a run with no change is not written.
 */
export function ownedColumnWrites(
  schema: TabSchema,
  current: readonly (readonly unknown[])[],
  computed: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): ColumnWrite[] {
  const columns = locateColumns(current[0] ?? []);
  const keyColumn = columns.get(headerKey(schema.key));
  if (keyColumn === undefined || current.length < 2) return [];
  const owned = schema.columns
    .filter((column) => column.owned)
    .map((column) => ({ header: column.header, position: columns.get(headerKey(column.header)) }))
    .filter((column): column is { header: string; position: number } => column.position !== undefined)
    .sort((a, b) => a.position - b.position);

  const runs = adjacentRuns(owned);

  const keys = current.map((cells) => keyText(cells[keyColumn - 1]));
  const writes: ColumnWrite[] = [];
  for (const run of runs) {
    let changed = false;
    const values: unknown[][] = [];
    for (let index = 1; index < current.length; index++) {
      const cells = current[index] ?? [];
      const key = keys[index] ?? "";
      const record = computed.get(key);
      values.push(
        run.map(({ header, position }) => {
          const was = cells[position - 1] ?? "";
          // A keyless row is not a record: its owned cells are emptied (a row deleted mid-run leaves one).
          const value = !key ? "" : record && header in record ? record[header] : was;
          if (!sameCell(value, was)) changed = true;
          return asTypedText(value);
        }),
      );
    }
    if (changed)
      writes.push({ headers: run.map(({ header }) => header), column: run[0]?.position ?? 1, values });
  }
  return writes;
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

/** Equal as Sheets would store them: dates by instant, everything else strictly. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || ((a === null || a === undefined) && b === "");
}

/** The keys of a tab in row order, to confirm nothing moved while the writes were made. */
export function keyColumnOf(schema: TabSchema, current: readonly (readonly unknown[])[]): string[] {
  const keyColumn = locateColumns(current[0] ?? []).get(headerKey(schema.key));
  if (keyColumn === undefined) return [];
  return current.slice(1).map((cells) => keyText(cells[keyColumn - 1]));
}

/**
 * Sheets reads a written string as if typed: `=`, `+`, `-` or `@` at the start would make it a
 * formula, and `0012`, `2026-01-05`, `TRUE` or `15%` would become a number, a date, a flag or a
 * rate (and a leading apostrophe would vanish). A leading apostrophe stores any text as it is.
 */
export function asTypedText(value: unknown): unknown {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/**
 * Writing computed columns back while people keep working: write each run of owned columns
 * once, against the rows as they were read, and after each write read the key column to
 * confirm no row moved meanwhile; if one did (a sort, an inserted or deleted row), read the tab
 * again and write against the new order.
 */
import { headerKey, type TabName, type TabSchema } from "../workbook/schema";
import { locateColumns } from "../workbook/setup-plan";
import { type ColumnWrite, keyColumnOf, keyText, ownedColumnWrites } from "../workbook/table";

export interface OwnedColumnPort {
  /** The tab's values (header row first), or null when it is missing. */
  read(tab: TabName): unknown[][] | null;
  /** One column, rows 1 to the last row. */
  readColumn(tab: TabName, column: number): unknown[];
  /** Rows 2 to 1 + values.length of a run of adjacent columns. */
  writeColumn(tab: TabName, write: ColumnWrite): void;
}

export const MAX_WRITE_ATTEMPTS = 3;

export interface OwnedWriteResult {
  columnsWritten: number;
  attempts: number;
  /** True when the keys still moved after the last attempt (the next run puts it right). */
  unsettled: boolean;
}

export function writeOwnedColumns(
  port: OwnedColumnPort,
  schema: TabSchema,
  computed: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  /** The tab as the run read it. */
  values: unknown[][] | null,
): OwnedWriteResult {
  const result: OwnedWriteResult = { columnsWritten: 0, attempts: 0, unsettled: false };
  let current = values;
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    result.attempts = attempt;
    if (!current) return result;
    const writes = ownedColumnWrites(schema, current, computed);
    const keyColumn = locateColumns(current[0] ?? []).get(headerKey(schema.key));
    if (writes.length === 0 || keyColumn === undefined) return result;
    const before = keyColumnOf(schema, current);
    let moved = false;
    for (const write of writes) {
      port.writeColumn(schema.name, write);
      result.columnsWritten += write.headers.length;
      const now = port.readColumn(schema.name, keyColumn).slice(1).map(keyText);
      moved = before.length !== now.length || before.some((key, index) => key !== now[index]);
      if (moved) break;
    }
    if (!moved) return result;
    current = port.read(schema.name);
  }
  result.unsettled = true;
  return result;
}

/**
 * Writing computed columns back while people keep working. Only cells whose value changed are
 * written (each changed owned column, or run of neighbouring ones, from its first to its last
 * changed row: calls stay flat in rows). Right before a tab's writes one read of the headers and
 * keys they depend on is compared with what they were placed against (the writes follow it back
 * to back, with no other call between): a column that moved is
 * found again by its header, a row by its key, and what cannot be placed is skipped and reported. A write never lands under a header other than the owned one it was meant for.
 */
import {
  type AddOnRecord,
  claimOf,
  columnHoldsData,
  recordClaim,
  undecidedMessage,
} from "../workbook/add-on-record";
import { headerKey, headersHold, type TabName, type TabSchema } from "../workbook/schema";
import { locateColumns, OWNED_MARK } from "../workbook/setup-plan";
import { asTypedText, keyText, sameCell } from "../workbook/table";

/**
 * The owned headers whose column the run may write: the add-on's (recorded, empty, or agreed in
 * setup), never a column the team kept or has not answered about yet (said in `notices`).
 */
export function ownedColumnsOf(
  schema: TabSchema,
  values: readonly (readonly unknown[])[],
  record: AddOnRecord,
  notices: string[],
  headerNotes: () => readonly unknown[],
): string[] {
  const columns = locateColumns(values[0] ?? []);
  const ours: string[] = [];
  for (const column of schema.columns) {
    const position = columns.get(headerKey(column.header));
    if (!column.owned || position === undefined) continue;
    const holdsData = columnHoldsData(values, position);
    let claim = claimOf(record, schema.name, column.header, { holdsData });
    // Not recorded and holding data: the add-on's own column (set up before it kept a record)
    // carries its note; a column the team made does not. Notes are read only in this case.
    if (claim === "undecided") {
      const markedOurs = String(headerNotes()[position - 1] ?? "").includes(OWNED_MARK);
      claim = claimOf(record, schema.name, column.header, { holdsData, markedOurs });
    }
    if (claim === "ours") {
      recordClaim(record, schema.name, column.header, claim);
      ours.push(column.header);
    } else if (claim === "undecided") notices.push(undecidedMessage(schema.name, column.header));
  }
  return ours;
}

/** A rectangle of owned cells to write: rows `row` to `row + values.length - 1`. */
export interface OwnedBlock {
  row: number;
  column: number;
  values: unknown[][];
  /** The owned headers of its columns, and the key of each of its rows ("" for a keyless one). */
  headers: string[];
  keys: string[];
}

/** The sheet side: reads made right before a write, and the write itself. */
export interface OwnedColumnPort {
  /** Row 1 as it is now, every column. */
  readHeader(tab: TabName): unknown[];
  /** The cells of one column from row 2 down, as they are now. */
  readKeys(tab: TabName, column: number): unknown[];
  /** Rows 1 to `numRows` of the columns `column` to `column + numColumns - 1`, as they are now. */
  readBox(tab: TabName, column: number, numColumns: number, numRows: number): unknown[][];
  /** The range of a block, made before the confirming reads so that the write follows them at once. */
  prepare(tab: TabName, block: OwnedBlock): { write(): void } | null;
}

/** Re-placements allowed when rows or columns keep moving during one tab's writes. */
export const MAX_WRITE_ATTEMPTS = 3;

export interface OwnedWriteResult {
  blocksWritten: number;
  cellsWritten: number;
  /** Placements made again because the tab moved between the read and a write. */
  moves: number;
  /** True when the tab still moved after the last attempt (the next run puts it right). */
  unsettled: boolean;
  /** Owned headers that could no longer be found at write time. */
  skippedHeaders: string[];
  /** Row 1 as last read when the tab moved during the writes. */
  header?: readonly unknown[];
}

/** What the run wants in each keyed row, against the tab as it read it. */
export interface OwnedPlan {
  /** Header (as in the schema) -> key -> the value wanted there. */
  wanted: Map<string, Map<string, unknown>>;
  /** Header -> keys whose cell must change. */
  changed: Map<string, Set<string>>;
  /** Header -> sheet rows without a key whose owned cell is not empty (emptied when nothing moved). */
  keyless: Map<string, Set<number>>;
  /** The keys in row order as read (row 2 first). */
  keys: string[];
  header: readonly unknown[];
}

/**
 * The owned cells of the headers `writable` that differ from what the run read. A row whose key
 * was not computed keeps what it has; a keyless row is not a record, so its owned cells are emptied.
 */
export function planOwnedWrites(
  schema: TabSchema,
  values: readonly (readonly unknown[])[],
  computed: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  writable: readonly string[],
): OwnedPlan {
  const header = values[0] ?? [];
  const columns = locateColumns(header);
  const keyColumn = columns.get(headerKey(schema.key));
  const keys = values.slice(1).map((cells) => (keyColumn === undefined ? "" : keyText(cells[keyColumn - 1])));
  const plan: OwnedPlan = { wanted: new Map(), changed: new Map(), keyless: new Map(), keys, header };
  if (keyColumn === undefined) return plan;
  for (const name of writable) {
    const position = columns.get(headerKey(name));
    if (position === undefined) continue;
    const wanted = new Map<string, unknown>();
    const changed = new Set<string>();
    const keyless = new Set<number>();
    keys.forEach((key, index) => {
      const was = values[index + 1]?.[position - 1] ?? "";
      if (!key) {
        if (!sameCell("", was)) keyless.add(index + 2);
        return;
      }
      const record = computed.get(key);
      const value = record && name in record ? record[name] : was;
      if (!wanted.has(key)) wanted.set(key, value);
      if (!sameCell(value, was)) changed.add(key);
    });
    plan.wanted.set(name, wanted);
    if (changed.size > 0) plan.changed.set(name, changed);
    if (keyless.size > 0) plan.keyless.set(name, keyless);
  }
  return plan;
}

export const planHasChanges = (plan: OwnedPlan): boolean => plan.changed.size > 0 || plan.keyless.size > 0;

interface PlacedColumn {
  name: string;
  position: number;
  first: number;
  last: number;
}

/**
 * The blocks of a plan placed on the tab as it is now (`header`, `keys` from row 2): each changed
 * column from its first to its last changed row, neighbouring columns together when that adds
 * few cells, split around rows whose value the run does not know (a row typed meanwhile).
 */
export function placeOwnedBlocks(
  plan: OwnedPlan,
  header: readonly unknown[],
  keys: readonly string[],
): { blocks: OwnedBlock[]; skippedHeaders: string[] } {
  const columns = locateColumns(header);
  const unmoved = sameKeys(keys, plan.keys);
  const skippedHeaders: string[] = [];
  const placed: PlacedColumn[] = [];
  for (const name of new Set([...plan.changed.keys(), ...plan.keyless.keys()])) {
    const position = columns.get(headerKey(name));
    if (position === undefined) {
      skippedHeaders.push(name);
      continue;
    }
    const changed = plan.changed.get(name);
    const keyless = unmoved ? plan.keyless.get(name) : undefined;
    let first = 0;
    let last = 0;
    keys.forEach((key, index) => {
      const row = index + 2;
      if ((key && changed?.has(key)) || (!key && keyless?.has(row))) {
        first ||= row;
        last = row;
      }
    });
    if (first > 0) placed.push({ name, position, first, last });
  }
  placed.sort((a, b) => a.position - b.position);

  const groups: PlacedColumn[][] = [];
  for (const column of placed) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (group && previous && previous.position + 1 === column.position && mergeWorthIt(group, column))
      group.push(column);
    else groups.push([column]);
  }

  const blocks: OwnedBlock[] = [];
  for (const group of groups) {
    const first = Math.min(...group.map((column) => column.first));
    const last = Math.max(...group.map((column) => column.last));
    let rows: unknown[][] = [];
    let rowKeys: string[] = [];
    let start = first;
    const headers = group.map(({ name }) => name);
    const flush = () => {
      if (rows.length > 0)
        blocks.push({ row: start, column: group[0]?.position ?? 1, values: rows, headers, keys: rowKeys });
      rows = [];
      rowKeys = [];
    };
    for (let row = first; row <= last; row++) {
      const key = keys[row - 2] ?? "";
      const cells = group.map(({ name }) => cellFor(plan, name, key, row, unmoved));
      if (cells.some((cell) => cell === UNKNOWN)) {
        flush();
        start = row + 1;
        continue;
      }
      rows.push(cells.map(asTypedText));
      rowKeys.push(key);
    }
    flush();
  }
  return { blocks, skippedHeaders };
}

const UNKNOWN = Symbol("unknown");

/** The value a row's owned cell gets, or UNKNOWN when the run cannot tell (it keeps what it has). */
function cellFor(plan: OwnedPlan, name: string, key: string, row: number, unmoved: boolean): unknown {
  if (!key) return unmoved && row - 2 < plan.keys.length ? "" : UNKNOWN;
  const wanted = plan.wanted.get(name);
  return wanted?.has(key) ? wanted.get(key) : UNKNOWN;
}

/**
 * A neighbour joins a block when that adds few cells: at most a quarter more than two blocks, or
 * 500 cells (a call costs more than that many cells).
 */
function mergeWorthIt(group: readonly PlacedColumn[], column: PlacedColumn): boolean {
  const span = (columns: readonly PlacedColumn[]) =>
    Math.max(...columns.map((c) => c.last)) - Math.min(...columns.map((c) => c.first)) + 1;
  const apart = span(group) * group.length + (column.last - column.first + 1);
  const merged = span([...group, column]) * (group.length + 1);
  return merged <= apart + Math.max(apart / 4, 500);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  const length = Math.max(trimmedLength(a), trimmedLength(b));
  for (let index = 0; index < length; index++) if ((a[index] ?? "") !== (b[index] ?? "")) return false;
  return true;
}

function trimmedLength(keys: readonly string[]): number {
  let length = keys.length;
  while (length > 0 && !keys[length - 1]) length -= 1;
  return length;
}

/** The confirming read shows the headers and keys the block was placed against. */
function boxMatches(
  box: readonly (readonly unknown[])[],
  header: readonly unknown[],
  keys: readonly string[],
  first: number,
  keyColumn: number,
): boolean {
  if (!headersHold(box[0] ?? [], header, first)) return false;
  for (let row = 1; row < box.length; row++)
    if (keyText(box[row]?.[keyColumn - first]) !== (keys[row - 1] ?? "")) return false;
  return true;
}

/**
 * Writes a plan: its blocks are placed against the header and keys last seen, their ranges made,
 * the header row and key column read again in one read, and the blocks written only when they are
 * what they were placed against; otherwise the plan is placed again on what was read.
 */
export function writeOwnedColumns(
  port: OwnedColumnPort,
  schema: TabSchema,
  plan: OwnedPlan,
): OwnedWriteResult {
  const result: OwnedWriteResult = {
    blocksWritten: 0,
    cellsWritten: 0,
    moves: 0,
    unsettled: false,
    skippedHeaders: [],
  };
  if (!planHasChanges(plan)) return result;
  let header: readonly unknown[] = plan.header;
  let keys: readonly string[] = plan.keys;
  for (;;) {
    const keyColumn = locateColumns(header).get(headerKey(schema.key));
    if (keyColumn === undefined) {
      result.skippedHeaders = [...new Set([...plan.changed.keys(), ...plan.keyless.keys()])];
      return result;
    }
    const placed = placeOwnedBlocks(plan, header, keys);
    result.skippedHeaders = placed.skippedHeaders;
    const { blocks } = placed;
    if (blocks.length === 0) return result;
    // Every range made first, then one read that confirms every block of the tab (the headers
    // from the key column to the last block's, the keys of rows 2 to the lowest block's last),
    // then the writes back to back: no read or other call comes between the confirmation and
    // any write, only the other writes, which Apps Script sends as one batch.
    const targets = blocks.map((block) => port.prepare(schema.name, block));
    const first = Math.min(keyColumn, ...blocks.map((block) => block.column));
    const last = Math.max(keyColumn, ...blocks.map((block) => block.column + block.headers.length - 1));
    const width = last - first + 1;
    const lastRow = Math.max(...blocks.map((block) => block.row + block.values.length - 1));
    const box = port.readBox(schema.name, first, width, lastRow);
    const complete = box.length === lastRow && box.every((row) => row.length === width);
    if (targets.some((target) => !target) || !complete || !boxMatches(box, header, keys, first, keyColumn)) {
      // Something moved: read the header row and the key column again, both as they are now.
      header = port.readHeader(schema.name);
      result.header = header;
      const nowKeyColumn = locateColumns(header).get(headerKey(schema.key));
      keys = nowKeyColumn === undefined ? [] : port.readKeys(schema.name, nowKeyColumn).map(keyText);
    } else {
      blocks.forEach((block, index) => {
        targets[index]?.write();
        markWritten(plan, block);
        result.blocksWritten += 1;
        result.cellsWritten += block.values.length * (block.values[0]?.length ?? 0);
      });
      return result;
    }
    result.moves += 1;
    if (result.moves >= MAX_WRITE_ATTEMPTS) {
      result.unsettled = true;
      return result;
    }
  }
}

/** A written block's cells are done: a placement after a move writes only the rest. */
function markWritten(plan: OwnedPlan, block: OwnedBlock): void {
  for (const name of block.headers) {
    const changed = plan.changed.get(name);
    const keyless = plan.keyless.get(name);
    block.keys.forEach((key, index) => {
      if (key) changed?.delete(key);
      else keyless?.delete(block.row + index);
    });
    if (changed?.size === 0) plan.changed.delete(name);
    if (keyless?.size === 0) plan.keyless.delete(name);
  }
}

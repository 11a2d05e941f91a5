/**
 * Broadcasting for array-aware custom functions: each argument is a single cell or a column
 * range (a 2D array); single cells apply to every row; the result has one row per input row.
 * Blank input rows give blank output rows without running the rule (open-ended ranges like
 * H2:H pass hundreds of them). A CellInputError fails a single-cell call, but in a range it
 * only becomes the text of its own row.
 */
import { CellInputError } from "./arguments";

/** One row's argument values; reused between rows, so a rule must not keep it. */
export type RowValues = readonly unknown[];

function cellOf(row: unknown, name: string): unknown {
  if (!Array.isArray(row)) return row;
  if (row.length > 1)
    throw new Error(`${name}: expected a single column, got a range ${row.length} columns wide`);
  return row[0];
}

const isBlankCell = (value: unknown): boolean =>
  value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");

export function mapRows(
  names: readonly string[],
  args: readonly unknown[],
  rule: (row: RowValues) => unknown,
): unknown {
  if (args.length > names.length) {
    throw new Error(`expected at most ${names.length} arguments (${names.join(", ")}), got ${args.length}`);
  }
  const columns: number[] = [];
  let rows = -1;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (!Array.isArray(arg)) continue;
    if (rows >= 0 && arg.length !== rows) {
      const first = names[columns[0] ?? 0];
      throw new Error(
        `Ranges have different lengths: ${first} has ${rows} rows, ${names[index]} has ${arg.length}. Use ranges of the same rows, like H2:H and I2:I.`,
      );
    }
    rows = arg.length;
    columns.push(index);
  }

  const values: unknown[] = new Array(names.length).fill(undefined);
  if (columns.length === 0) {
    let blank = true;
    for (let index = 0; index < args.length; index += 1) {
      values[index] = args[index];
      if (!isBlankCell(args[index])) blank = false;
    }
    return blank ? "" : rule(values);
  }

  for (let index = 0; index < args.length; index += 1) values[index] = args[index];
  if (rows === 0) return "";
  const out: unknown[][] = new Array(rows);
  for (let row = 0; row < rows; row += 1) {
    let blank = true;
    for (const index of columns) {
      const value = cellOf((args[index] as unknown[])[row], names[index] ?? "");
      values[index] = value;
      if (blank && !isBlankCell(value)) blank = false;
    }
    if (blank) {
      out[row] = [""];
      continue;
    }
    try {
      out[row] = [rule(values)];
    } catch (error) {
      if (!(error instanceof CellInputError)) throw error;
      out[row] = [error.message];
    }
  }
  return out;
}

/**
 * Formulas in the workbench: our seven custom functions typed into cells, evaluated with the
 * bundled functions, plus the conditional-format formulas the add-on installs. Everything else a
 * user types that looks like a formula is stored as text, as the add-on's rules demand.
 */
import { cellFunctions } from "../src/features/cell-functions/catalog";
import { columnLetters, columnNumber } from "../src/local/a1";
import { evaluateFormula } from "../src/local/formula";
import type { CellValue } from "../src/local/values";
import { startOfDay } from "../src/local/zone";

/** The custom functions of build/Code.js, by their top-level names: the catalog the build reads. */
export const CUSTOM_FUNCTIONS: readonly string[] = cellFunctions.map((fn) => fn.name);

/** A range of the formula's own tab; an open end (`H2:H`) runs to the tab's last row. */
export interface RangeArgument {
  kind: "range";
  row: number;
  column: number;
  /** null: to the last row with data. */
  lastRow: number | null;
  lastColumn: number;
  /** A single cell (`B3`) is passed as its value, not as a 2D array, as Sheets does. */
  single: boolean;
}

export type FormulaArgument =
  | RangeArgument
  | { kind: "value"; value: string | number | boolean }
  | { kind: "today" }
  /** A named range, such as CampaignDeskToday. */
  | { kind: "name"; name: string }
  | { kind: "blank" };

export interface CustomCall {
  name: string;
  args: FormulaArgument[];
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)?$/;

function parseReference(text: string): RangeArgument | null {
  const [from, to, extra] = text.split(":");
  if (from === undefined || extra !== undefined) return null;
  const start = CELL.exec(from);
  if (!start) return null;
  const column = columnNumber(start[1] ?? "A");
  const row = start[2] === undefined ? 1 : Number(start[2]);
  if (row < 1) return null;
  if (to === undefined) {
    if (start[2] === undefined) return null; // a bare "H" is a name, not a cell
    return { kind: "range", row, column, lastRow: row, lastColumn: column, single: true };
  }
  const end = CELL.exec(to);
  if (!end) return null;
  const endColumn = columnNumber(end[1] ?? "A");
  const endRow = end[2] === undefined ? null : Number(end[2]);
  if (endColumn < column || (endRow !== null && endRow < row)) return null;
  return { kind: "range", row, column, lastRow: endRow, lastColumn: endColumn, single: false };
}

/** Splits the text between the parentheses at top-level commas, keeping "strings" whole. */
function splitArguments(text: string): string[] | null {
  const parts: string[] = [];
  let current = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (inString) {
      current += char;
      if (char === '"') {
        if (text[i + 1] === '"') {
          current += '"';
          i++;
        } else inString = false;
      }
    } else if (char === '"') {
      inString = true;
      current += char;
    } else if (char === ",") {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  if (inString) return null;
  parts.push(current.trim());
  return parts;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(%)?$/i;

function parseArgument(text: string): FormulaArgument | null {
  if (text === "") return { kind: "blank" };
  if (/^"(?:[^"]|"")*"$/.test(text)) return { kind: "value", value: text.slice(1, -1).replace(/""/g, '"') };
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (/^TODAY\(\s*\)$/i.test(text)) return { kind: "today" };
  const number = NUMBER.exec(text);
  if (number) {
    const value = Number(text.replace("%", ""));
    return { kind: "value", value: number[3] ? Number((value / 100).toPrecision(15)) : value };
  }
  const reference = parseReference(text);
  if (reference) return reference;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? { kind: "name", name: text } : null;
}

/** `=NAME(args)` where NAME is one of ours and every argument is one we understand; else null. */
export function parseCustomCall(formula: string): CustomCall | null {
  const match = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!match) return null;
  const name = (match[1] ?? "").toUpperCase();
  if (!CUSTOM_FUNCTIONS.includes(name)) return null;
  const inner = match[2] ?? "";
  const parts = inner.trim() === "" ? [] : splitArguments(inner);
  if (!parts) return null;
  const args: FormulaArgument[] = [];
  for (const part of parts) {
    const arg = parseArgument(part);
    if (!arg) return null;
    args.push(arg);
  }
  return { name, args };
}

const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?%?$/i;

/**
 * What the server passes to setValue for what a user typed: our custom functions stay formulas,
 * a signed number stays a number, and anything else starting with = + - @ gets the apostrophe
 * that makes Sheets keep it as text (so nobody can plant a formula through the grid).
 */
export function storedInput(typed: string): string {
  if (!/^[=+\-@]/.test(typed)) return typed;
  if (typed.startsWith("=") && parseCustomCall(typed)) return typed;
  if (/[0-9]/.test(typed) && PLAIN_NUMBER.test(typed.trim())) return typed;
  return `'${typed}`;
}

/** What the evaluator needs from the workbook; reads are uncounted. */
export interface FormulaHost {
  timeZone(): string;
  now(): Date;
  lastRow(sheetName: string): number;
  /** Values of a box of a tab (formulas in it evaluated). */
  values(sheetName: string, row: number, column: number, numRows: number, numColumns: number): CellValue[][];
  /** Formula texts of a box ("" where none). */
  formulas(sheetName: string, row: number, column: number, numRows: number, numColumns: number): string[][];
  /** Runs a top-level function of the bundle as a custom function. */
  callCustomFunction(name: string, args: unknown[]): unknown;
  /** Where a named range is, or null when the spreadsheet has no such name. */
  namedRange(
    name: string,
  ): { sheetName: string; row: number; column: number; numRows: number; numColumns: number } | null;
}

export interface FullResult {
  /** What the formula returned, as a grid (a scalar is a 1x1 grid). */
  grid: unknown[][];
  /** The error Sheets would show (#ERROR!, #REF!), with its message. */
  error?: { code: string; message: string };
}

export interface FormulaEngine {
  /** For emulator.setFormulaEvaluator: the anchor cell's value. */
  evaluate(formula: string, sheetName: string, row: number, column: number): unknown;
  /** The whole result of one of our formulas at a cell, for spilling it in the grid. */
  evaluateFull(formula: string, sheetName: string, row: number, column: number): FullResult | null;
  /** Forget cached results (after any write or a clock move). */
  invalidate(): void;
}

function asGrid(result: unknown): unknown[][] {
  if (!Array.isArray(result)) return [[result]];
  if (result.length === 0) return [[""]];
  // A flat array is one row, as Sheets reads it.
  return result.every((row) => Array.isArray(row)) ? (result as unknown[][]) : [result as unknown[]];
}

export function createFormulaEngine(host: FormulaHost): FormulaEngine {
  const cache = new Map<string, FullResult>();
  const evaluating = new Set<string>();

  function argumentValue(arg: FormulaArgument, sheetName: string): unknown {
    switch (arg.kind) {
      case "blank":
        return "";
      case "value":
        return arg.value;
      case "today":
        return startOfDay(host.now(), host.timeZone());
      case "name": {
        const place = host.namedRange(arg.name);
        if (!place) throw new Error(`Unknown range name: '${arg.name}'.`);
        const grid = host.values(place.sheetName, place.row, place.column, place.numRows, place.numColumns);
        return place.numRows === 1 && place.numColumns === 1 ? (grid[0]?.[0] ?? "") : grid;
      }
      case "range": {
        const lastRow = arg.lastRow ?? Math.max(arg.row, host.lastRow(sheetName));
        const grid = host.values(
          sheetName,
          arg.row,
          arg.column,
          lastRow - arg.row + 1,
          arg.lastColumn - arg.column + 1,
        );
        return arg.single ? (grid[0]?.[0] ?? "") : grid;
      }
    }
  }

  /** True when every cell the result would spill into (all but the anchor) is empty. */
  function spillIsFree(grid: unknown[][], sheetName: string, row: number, column: number): boolean {
    const rows = grid.length;
    const columns = Math.max(...grid.map((line) => line.length));
    if (rows <= 1 && columns <= 1) return true;
    const formulas = host.formulas(sheetName, row, column, rows, columns);
    if (formulas.some((line, r) => line.some((text, c) => (r > 0 || c > 0) && text !== ""))) return false;
    const values = host.values(sheetName, row, column, rows, columns);
    return !values.some((line, r) => line.some((value, c) => (r > 0 || c > 0) && value !== ""));
  }

  function evaluateFull(formula: string, sheetName: string, row: number, column: number): FullResult | null {
    const call = parseCustomCall(formula);
    if (!call) return null;
    const key = `${sheetName}!${row}!${column}!${formula}`;
    const cached = cache.get(key);
    if (cached) return cached;
    if (evaluating.has(key)) {
      return { grid: [["#REF!"]], error: { code: "#REF!", message: "Circular dependency detected." } };
    }
    evaluating.add(key);
    let result: FullResult;
    try {
      const args = call.args.map((arg) => argumentValue(arg, sheetName));
      const grid = asGrid(host.callCustomFunction(call.name, args));
      result = spillIsFree(grid, sheetName, row, column)
        ? { grid }
        : {
            grid: [["#REF!"]],
            error: {
              code: "#REF!",
              message: `Array result was not expanded because it would overwrite data in ${columnLetters(column)}${row + 1}.`,
            },
          };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { grid: [["#ERROR!"]], error: { code: "#ERROR!", message } };
    } finally {
      evaluating.delete(key);
    }
    cache.set(key, result);
    return result;
  }

  return {
    evaluateFull,
    invalidate: () => cache.clear(),
    evaluate(formula, sheetName, row, column) {
      const full = evaluateFull(formula, sheetName, row, column);
      if (full) return full.grid[0]?.[0] ?? "";
      // Highlight rules and simple formulas: the emulator's own evaluator.
      try {
        return evaluateFormula(
          formula,
          {
            valueAt: (r, c) => (r < 1 || c < 1 ? "" : (host.values(sheetName, r, c, 1, 1)[0]?.[0] ?? "")),
            today: () => startOfDay(host.now(), host.timeZone()),
          },
          row,
          column,
          row,
          column,
        );
      } catch {
        return undefined;
      }
    },
  };
}

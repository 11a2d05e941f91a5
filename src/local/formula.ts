/**
 * A small formula evaluator for conditional-format rules (whenFormulaSatisfied), so highlights can
 * be painted without Google. Supports: numbers, "strings", TRUE/FALSE, cell references ($A2, B$3,
 * C4) relative to the rule range's top-left cell, = <> < > <= >= (text compared case-insensitively,
 * like Sheets), &, + - * /, parentheses, and the functions REGEXMATCH, LEFT, RIGHT, MID, LEN, UPPER,
 * LOWER, TRIM, ISBLANK, NOT, AND, OR, IF, TODAY, N, TO_TEXT. Anything else is an error, and an error never
 * matches. A formula evaluator set on the emulator is asked first.
 */
import { columnNumber } from "./a1";
import { type CellValue, isDate } from "./values";

export interface FormulaScope {
  /** The value of a cell of the rule's sheet. */
  valueAt(row: number, column: number): CellValue;
  /** Midnight today in the spreadsheet zone. */
  today(): Date;
}

type Token =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "ref"; column: number; row: number; absoluteColumn: boolean; absoluteRow: boolean }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[=<>&+\-*/(),]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) throw new Error(`Cannot parse formula at ${at}`);
    at = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: "string", value: match[2].replace(/""/g, '"') });
    else if (match[4] !== undefined)
      tokens.push({
        kind: "ref",
        column: columnNumber(match[4]),
        row: Number(match[6]),
        absoluteColumn: match[3] === "$",
        absoluteRow: match[5] === "$",
      });
    else if (match[7] !== undefined) tokens.push({ kind: "name", value: match[7].toUpperCase() });
    else if (match[8] !== undefined) tokens.push({ kind: "op", value: match[8] });
  }
  return tokens;
}

type Value = CellValue;

function toText(value: Value): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return value.toISOString();
  return String(value);
}

function toNumber(value: Value): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isDate(value)) return value.getTime() / 86_400_000 + 25_569;
  if (value === "") return 0;
  const number = Number(value);
  if (Number.isNaN(number)) throw new Error(`Not a number: ${value}`);
  return number;
}

function truthy(value: Value): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    if (value === "") return false;
    const upper = value.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  }
  return toNumber(value) !== 0;
}

function compare(left: Value, right: Value): number {
  const isNumeric = (value: Value) => typeof value === "number" || isDate(value);
  if (isNumeric(left) && isNumeric(right)) return toNumber(left) - toNumber(right);
  if (left === "" && isNumeric(right)) return 0 - toNumber(right);
  if (right === "" && isNumeric(left)) return toNumber(left);
  const a = toText(left).toLowerCase();
  const b = toText(right).toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: FormulaScope,
    private readonly rowShift: number,
    private readonly columnShift: number,
  ) {}

  parse(): Value {
    const value = this.comparison();
    if (this.at < this.tokens.length) throw new Error("Unexpected input");
    return value;
  }

  private peekOp(...ops: string[]): string | null {
    const token = this.tokens[this.at];
    return token?.kind === "op" && ops.includes(token.value) ? token.value : null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (
      let op = this.peekOp("=", "<>", "<", ">", "<=", ">=");
      op;
      op = this.peekOp("=", "<>", "<", ">", "<=", ">=")
    ) {
      this.at += 1;
      const order = compare(left, this.concat());
      left =
        op === "="
          ? order === 0
          : op === "<>"
            ? order !== 0
            : op === "<"
              ? order < 0
              : op === ">"
                ? order > 0
                : op === "<="
                  ? order <= 0
                  : order >= 0;
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.peekOp("&")) {
      this.at += 1;
      left = toText(left) + toText(this.additive());
    }
    return left;
  }

  private additive(): Value {
    let left = this.term();
    for (let op = this.peekOp("+", "-"); op; op = this.peekOp("+", "-")) {
      this.at += 1;
      const right = this.term();
      left = op === "+" ? toNumber(left) + toNumber(right) : toNumber(left) - toNumber(right);
    }
    return left;
  }

  private term(): Value {
    let left = this.unary();
    for (let op = this.peekOp("*", "/"); op; op = this.peekOp("*", "/")) {
      this.at += 1;
      const right = this.unary();
      left = op === "*" ? toNumber(left) * toNumber(right) : toNumber(left) / toNumber(right);
    }
    return left;
  }

  private unary(): Value {
    if (this.peekOp("-")) {
      this.at += 1;
      return -toNumber(this.unary());
    }
    return this.primary();
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new Error(`Expected ${op}`);
    this.at += 1;
  }

  private primary(): Value {
    const token = this.tokens[this.at];
    if (!token) throw new Error("Unexpected end");
    this.at += 1;
    switch (token.kind) {
      case "number":
      case "string":
        return token.value;
      case "ref":
        return this.scope.valueAt(
          token.row + (token.absoluteRow ? 0 : this.rowShift),
          token.column + (token.absoluteColumn ? 0 : this.columnShift),
        );
      case "op": {
        if (token.value !== "(") throw new Error(`Unexpected ${token.value}`);
        const value = this.comparison();
        this.expect(")");
        return value;
      }
      case "name": {
        if (token.value === "TRUE" || token.value === "FALSE") {
          if (this.peekOp("(")) {
            this.at += 1;
            this.expect(")");
          }
          return token.value === "TRUE";
        }
        this.expect("(");
        const args: Value[] = [];
        if (!this.peekOp(")")) {
          args.push(this.comparison());
          while (this.peekOp(",")) {
            this.at += 1;
            args.push(this.comparison());
          }
        }
        this.expect(")");
        return this.call(token.value, args);
      }
    }
  }

  private call(name: string, args: Value[]): Value {
    const text = (index: number) => toText(args[index] ?? "");
    const number = (index: number, fallback: number) =>
      args[index] === undefined ? fallback : toNumber(args[index]);
    switch (name) {
      case "REGEXMATCH":
        return new RegExp(text(1)).test(text(0));
      case "LEFT":
        return text(0).slice(0, number(1, 1));
      case "RIGHT": {
        const count = number(1, 1);
        return count === 0 ? "" : text(0).slice(-count);
      }
      case "MID":
        return text(0).substr(number(1, 1) - 1, number(2, 0));
      case "LEN":
        return text(0).length;
      case "UPPER":
        return text(0).toUpperCase();
      case "LOWER":
        return text(0).toLowerCase();
      case "TRIM":
        return text(0).trim().replace(/\s+/g, " ");
      case "ISBLANK":
        return args[0] === "";
      case "NOT":
        return !truthy(args[0] ?? false);
      case "AND":
        return args.every(truthy);
      case "OR":
        return args.some(truthy);
      case "IF":
        return truthy(args[0] ?? false) ? (args[1] ?? true) : (args[2] ?? false);
      case "TODAY":
        return this.scope.today();
      // N("text") is 0 in Sheets: the add-on marks its own rules with it.
      case "N": {
        const value = args[0] ?? "";
        if (typeof value === "number") return value;
        if (typeof value === "boolean") return value ? 1 : 0;
        return 0;
      }
      case "TO_TEXT":
        return text(0);
      default:
        throw new Error(`Unknown function ${name}`);
    }
  }
}

/**
 * Evaluates `formula` (with its leading "=") for the cell at (row, column), where the formula was
 * written for the cell at (anchorRow, anchorColumn). Throws on anything unsupported.
 */
export function evaluateFormula(
  formula: string,
  scope: FormulaScope,
  anchorRow: number,
  anchorColumn: number,
  row: number,
  column: number,
): Value {
  const source = formula.startsWith("=") ? formula.slice(1) : formula;
  return new Parser(tokenize(source), scope, row - anchorRow, column - anchorColumn).parse();
}

export function isTruthy(value: unknown): boolean {
  try {
    return truthy(value as Value);
  } catch {
    return false;
  }
}

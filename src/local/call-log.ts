/**
 * Counting: every method called on an object reached through the emulator's globals is one
 * service call ("Range.getValues"). The emulator's own objects are plain classes; the globals hand
 * out Proxies over them that count, check the execution context, run afterCall hooks and wrap
 * whatever object comes back. Direct handles (emulator.spreadsheet) skip all of that.
 */
import { fail } from "./errors";

/** Marks an emulator class and names it for call keys ("Range"). */
export const CLASS_NAME = Symbol("gasClassName");
/** Optional: the sheet a call was made on, for hooks. */
export const SHEET_OF = Symbol("gasSheetOf");

export interface ServiceObject {
  readonly [CLASS_NAME]: string;
  [SHEET_OF]?(): string;
}

export type ExecutionContext = "open-none" | "user" | "trigger" | "custom-function";

export interface CallInfo {
  service: string;
  method: string;
  sheet?: string;
}

// Local builders and readers: their setters, adders and creators change nothing in the document.
const NON_WRITING_CLASSES = new Set([
  "DataValidationBuilder",
  "ConditionalFormatRuleBuilder",
  "DataValidation",
  "ConditionalFormatRule",
  "BooleanCondition",
  "HtmlService",
  "HtmlOutput",
  "HtmlTemplate",
  "Utilities",
  "Logger",
  "console",
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
]);
const WRITE_PREFIX = /^(set|insert|delete|clear|append|create|add|remove|send|hide|sort|check|uncheck)/;

/**
 * A call that changes state: set*, insert*, delete*, clear*, append*, create*, add*, remove*,
 * send*, hide*, sort*, check/uncheck on any service, except on local builders and HTML outputs
 * (whose setters change nothing until used), Ui.create*Menu and Menu.add* (a menu shows only on
 * addToUi), and trigger builders other than their final create().
 */
export function isWriteCall(className: string, method: string): boolean {
  if (!WRITE_PREFIX.test(method)) return false;
  if (NON_WRITING_CLASSES.has(className)) return method === "create" && className.endsWith("TriggerBuilder");
  if (className === "Ui") return !method.startsWith("create");
  if (className === "Menu") return method === "addToUi";
  return true;
}

/** Cells a call read (values, notes, formats or validations returned) and wrote (a write's range). */
export interface CellsMoved {
  read: number;
  written: number;
}

const NO_CELLS: CellsMoved = { read: 0, written: 0 };

// Range getters of one cell's value, note, format or validation (the plural forms return grids).
const ONE_CELL_READS =
  /^(getValue|getDisplayValue|getFormula|getFormulaR1C1|getNote|getNumberFormat|getDataValidation|getBackground|getFontWeight|getFontColor|getFontStyle|getHorizontalAlignment|getWrap|isChecked)$/;
// Sheet-wide clears: every cell of the used area changes.
const SHEET_CLEARS = /^(clear|clearContents|clearFormats|clearNotes)$/;

interface Sized {
  getNumRows?(): number;
  getNumColumns?(): number;
  getLastRow?(): number;
  getLastColumn?(): number;
}

const gridCells = (value: unknown): number =>
  Array.isArray(value) && value.every(Array.isArray)
    ? value.reduce((sum: number, row: unknown[]) => sum + row.length, 0)
    : 0;

/**
 * What a Range or Sheet call moved, to set beside the call count: a call is a round trip, but
 * what it carries is what costs at 50,000 rows. Reads count the cells returned (a grid getter
 * its grid, a one-cell getter one); writes count the cells of the range written (`setValue` on a
 * range sets every cell of it), `appendRow` its row, a sheet-wide clear the used area (`before`,
 * measured before the call). Structure (insert, delete, rules, widths) moves no cell.
 */
export function cellsMoved(
  className: string,
  method: string,
  target: unknown,
  args: readonly unknown[],
  result: unknown,
  before = 0,
): CellsMoved {
  const sized = target as Sized;
  if (className === "Range") {
    if (isWriteCall(className, method))
      return { read: 0, written: (sized.getNumRows?.() ?? 0) * (sized.getNumColumns?.() ?? 0) };
    if (ONE_CELL_READS.test(method)) return { read: 1, written: 0 };
    const grid = gridCells(result);
    return grid > 0 ? { read: grid, written: 0 } : NO_CELLS;
  }
  if (className === "Sheet") {
    if (method === "appendRow") return { read: 0, written: Array.isArray(args[0]) ? args[0].length : 0 };
    if (SHEET_CLEARS.test(method)) return { read: 0, written: before };
  }
  return NO_CELLS;
}

/** The used area of a sheet about to be cleared (0 for any other call). */
export function cellsBefore(className: string, method: string, target: unknown): number {
  if (className !== "Sheet" || !SHEET_CLEARS.test(method)) return 0;
  const sized = target as Sized;
  return (sized.getLastRow?.() ?? 0) * (sized.getLastColumn?.() ?? 0);
}

/** Cells read and written since the last reset, and the cells written per tab name. */
export interface CellCounts {
  read: number;
  written: number;
  writtenBySheet: Record<string, number>;
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly order: string[] = [];
  private writeCount = 0;
  private readonly cellsByKey = new Map<string, CellsMoved>();
  private read = 0;
  private written = 0;
  private readonly writtenBySheet = new Map<string, number>();

  /** Cells read and written since the last reset (what a run moves, beside how many calls it makes). */
  cells(): CellCounts {
    return {
      read: this.read,
      written: this.written,
      writtenBySheet: Object.fromEntries(this.writtenBySheet),
    };
  }

  record(key: string, write: boolean): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.order.push(key);
    if (write) this.writeCount += 1;
  }

  /** Adds what a recorded call moved (a call that threw moved nothing). */
  recordCells(key: string, moved: CellsMoved, sheet?: string): void {
    if (moved.read === 0 && moved.written === 0) return;
    if (moved.written > 0 && sheet !== undefined)
      this.writtenBySheet.set(sheet, (this.writtenBySheet.get(sheet) ?? 0) + moved.written);
    const sum = this.cellsByKey.get(key) ?? { read: 0, written: 0 };
    this.cellsByKey.set(key, { read: sum.read + moved.read, written: sum.written + moved.written });
    this.read += moved.read;
    this.written += moved.written;
  }

  /** Cells read and written by "Class.method", for the methods that moved any. */
  cellsByMethod(): Record<string, CellsMoved> {
    return Object.fromEntries(
      [...this.cellsByKey.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, moved]) => [key, { ...moved }]),
    );
  }

  /** Calls of one "Class.method", or all calls. */
  count(key?: string): number {
    return key === undefined ? this.order.length : (this.counts.get(key) ?? 0);
  }

  /** Calls that change state (see isWriteCall). */
  writes(): number {
    return this.writeCount;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Every call key in order. */
  list(): string[] {
    return [...this.order];
  }

  /** The calls that changed state, in order. */
  writeList(): string[] {
    return this.order.filter((key) => {
      const [className = "", method = ""] = key.split(".");
      return isWriteCall(className, method);
    });
  }

  reset(): void {
    this.counts.clear();
    this.order.length = 0;
    this.writeCount = 0;
    this.cellsByKey.clear();
    this.read = 0;
    this.written = 0;
    this.writtenBySheet.clear();
  }
}

const ALWAYS_ALLOWED = new Set(["Logger", "console", "Utilities"]);
const OPEN_NONE_ALLOWED = new Set([
  "SpreadsheetApp.getUi",
  "Ui.createAddonMenu",
  "Ui.createMenu",
  "Session.getActiveUserLocale",
]);
const NEEDS_AUTHORIZATION = new Set([
  "MailApp",
  "ScriptApp",
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "Trigger",
]);

/** Throws what Apps Script throws when a call is not allowed in the current context. */
export function checkContext(context: ExecutionContext, className: string, method: string): void {
  if (context === "user" || ALWAYS_ALLOWED.has(className)) return;
  const key = `${className}.${method}`;
  if (key === "SpreadsheetApp.getUi" && (context === "trigger" || context === "custom-function")) {
    fail("Cannot call SpreadsheetApp.getUi() from this context.");
  }
  if (context === "open-none") {
    if (className === "Menu" || OPEN_NONE_ALLOWED.has(key)) return;
    fail(`You do not have permission to call ${key}.`);
  }
  if (context === "custom-function") {
    if (className === "Ui" || NEEDS_AUTHORIZATION.has(className) || className.endsWith("TriggerBuilder")) {
      fail(`You do not have permission to call ${key}.`);
    }
    if (isWriteCall(className, method)) fail(`You do not have permission to call ${key}.`);
  }
}

function isServiceObject(value: unknown): value is ServiceObject {
  return typeof value === "object" && value !== null && CLASS_NAME in value;
}

/** Hands out counting proxies; one proxy per object so identity holds across calls. */
export class CallGate {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly hooks = new Set<(call: CallInfo) => void>();
  private paused = 0;
  context: ExecutionContext = "user";
  /** False once the user must authorize again: a trigger's calls needing authorization then fail. */
  authorized = true;

  constructor(readonly log: CallLog) {}

  afterCall(hook: (call: CallInfo) => void): () => void {
    this.hooks.add(hook);
    return () => {
      this.hooks.delete(hook);
    };
  }

  /** Runs fn without counting, context checks or hooks (for test setup through globals). */
  uncounted<T>(fn: () => T): T {
    this.paused += 1;
    try {
      return fn();
    } finally {
      this.paused -= 1;
    }
  }

  wrap<T>(value: T): T {
    if (isServiceObject(value)) return this.proxyFor(value) as T;
    if (Array.isArray(value) && containsServiceObject(value))
      return value.map((item) => this.wrap(item)) as T;
    return value;
  }

  unwrap<T>(value: T): T {
    if (typeof value !== "object" || value === null) return value;
    const target = this.targets.get(value);
    if (target) return target as T;
    if (Array.isArray(value) && value.some((item) => this.targets.has(item) || Array.isArray(item))) {
      return value.map((item) => this.unwrap(item)) as T;
    }
    return value;
  }

  private proxyFor(target: ServiceObject): object {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const methods = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get: (object, property) => {
        const value = Reflect.get(object, property, object);
        if (typeof value !== "function" || typeof property !== "string" || property === "constructor") {
          return this.wrap(value);
        }
        let counted = methods.get(property);
        if (!counted) {
          counted = this.countedMethod(object, property, value as (...args: unknown[]) => unknown);
          methods.set(property, counted);
        }
        return counted;
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  private countedMethod(target: ServiceObject, method: string, fn: (...args: unknown[]) => unknown) {
    const className = target[CLASS_NAME];
    const write = isWriteCall(className, method);
    return (...args: unknown[]): unknown => {
      if (this.paused > 0)
        return this.wrap(
          fn.apply(
            target,
            args.map((arg) => this.unwrap(arg)),
          ),
        );
      checkContext(this.context, className, method);
      if (!this.authorized && NEEDS_AUTHORIZATION.has(className) && method !== "getAuthorizationInfo") {
        fail("Authorization is required to perform that action.");
      }
      const key = `${className}.${method}`;
      this.log.record(key, write);
      const before = cellsBefore(className, method, target);
      const unwrapped = args.map((arg) => this.unwrap(arg));
      const result = fn.apply(target, unwrapped);
      this.log.recordCells(
        key,
        cellsMoved(className, method, target, unwrapped, result, before),
        target[SHEET_OF]?.(),
      );
      if (this.hooks.size > 0) {
        const sheet = target[SHEET_OF]?.();
        const info: CallInfo =
          sheet === undefined ? { service: className, method } : { service: className, method, sheet };
        for (const hook of [...this.hooks]) hook(info);
      }
      return this.wrap(result);
    };
  }
}

function containsServiceObject(values: unknown[]): boolean {
  for (const item of values) {
    if (isServiceObject(item)) return true;
    if (Array.isArray(item)) {
      if (item.some(isServiceObject)) return true;
    } else if (item !== null && item !== undefined) {
      // Rows of plain values (getValues) hold no service objects; stop early.
      return false;
    }
  }
  return false;
}

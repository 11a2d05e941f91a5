/**
 * One workbench session: the emulator, build/Code.js loaded into it, the formula engine and the
 * state file. Every action runs the real top-level function of the bundle in the execution
 * context Apps Script would use, and every change is saved before the answer goes out.
 */
import { demoWorkbook } from "../src/local/demo/demo-workbook";
import { csvOf, demoAffiliateExport, demoOrderExport } from "../src/local/demo/seller-center-exports";
import {
  type AlertRecord,
  createEmulator,
  type Emulator,
  type EmulatorState,
  type ExecutionContext,
  isWriteCall,
  type MenuItem,
  type ToastRecord,
} from "../src/local/index";
import { formatSheetsDate } from "../src/local/zone";
import { type LoadedBundle, loadBundle, readBuiltFile } from "./bundle";
import { csvCellInput, MAX_CSV_BYTES, parseCsv, tabNameFor } from "./csv-import";
import { createFormulaEngine, type FormulaEngine, storedInput } from "./formulas";
import { CorruptStateError, readState, writeStateAtomically } from "./persistence";
import { checkArguments, clientValue, isCallableName } from "./script-run";
import { SIDEBAR_OPENER } from "./sidebar-opener";

export interface SessionOptions {
  /** Where the state is kept (created from the demo when missing). */
  statePath: string;
  /** Start from the demo even when a state file exists. */
  reset?: boolean;
  /** The folder holding Code.js and sidebar.html. */
  buildDir: string;
  /** For a new demo workbook: the spreadsheet zone and the first "today". */
  timeZone?: string;
  now?: Date;
}

export interface SidebarInfo {
  index: number;
  title: string;
  width: number;
}

/** What the user sees after an action: the add-on's alerts and toasts, an opened sidebar, an error. */
export interface ActionResult {
  ok: boolean;
  error?: string;
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  sidebar: SidebarInfo | null;
}

export interface TriggerRun {
  handler: string;
  at: string;
  error?: string;
}

export class UserError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const DEFAULT_ZONE = "America/Los_Angeles";

/** The demo as a team would have it before installing the add-on: their tabs, no setup yet. */
function demoEmulator(timeZone: string, now: Date, sidebar: string | undefined): Emulator {
  const emulator = createEmulator({
    timeZone,
    now,
    spreadsheetName: "Campaign Desk demo",
    htmlFiles: sidebar ? { sidebar } : {},
  });
  const demo = demoWorkbook({ today: now, timeZone });
  for (const [name, rows] of Object.entries(demo.tabs)) emulator.seed(name, rows);
  const blank = emulator.spreadsheet.getSheetByName("Sheet1");
  if (blank) emulator.spreadsheet.deleteSheet(blank);
  const first = emulator.spreadsheet.getSheets()[0];
  if (first) emulator.spreadsheet.setActiveSheet(first);
  return emulator;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Session {
  readonly emulator: Emulator;
  readonly bundle: LoadedBundle;
  readonly formulas: FormulaEngine;
  /** True when this session started from the demo rather than a saved file. */
  readonly fromDemo: boolean;
  private readonly statePath: string;

  constructor(options: SessionOptions) {
    this.statePath = options.statePath;
    const code = readBuiltFile(options.buildDir, "Code.js");
    if (code === undefined) throw new Error(`No ${options.buildDir}/Code.js: run \`npm run build\` first.`);
    const sidebar = readBuiltFile(options.buildDir, "sidebar.html");
    const saved = options.reset ? null : readState(options.statePath);
    this.fromDemo = saved === null;
    this.emulator = saved
      ? restore(saved, options.statePath, sidebar)
      : demoEmulator(options.timeZone ?? DEFAULT_ZONE, options.now ?? new Date(), sidebar);
    this.emulator.context = "user";
    this.bundle = loadBundle(this.emulator, code);
    this.formulas = createFormulaEngine({
      timeZone: () => this.emulator.spreadsheet.getSpreadsheetTimeZone(),
      now: () => this.emulator.clock.now(),
      lastRow: (name) => this.sheet(name).getLastRow(),
      values: (name, row, column, rows, columns) =>
        this.sheet(name).getRange(row, column, rows, columns).getValues(),
      formulas: (name, row, column, rows, columns) =>
        this.sheet(name).getRange(row, column, rows, columns).getFormulas(),
      namedRange: (name) => {
        const range = this.emulator.spreadsheet.getRangeByName(name);
        if (!range) return null;
        return {
          sheetName: range.getSheet().getName(),
          row: range.getRow(),
          column: range.getColumn(),
          numRows: range.getNumRows(),
          numColumns: range.getNumColumns(),
        };
      },
      callCustomFunction: (name, args) => {
        // Not withContext: that would release the locks of a check that reads this cell.
        const previous = this.emulator.context;
        this.emulator.context = "custom-function";
        try {
          return this.bundle.call(name, ...args);
        } finally {
          this.emulator.context = previous;
        }
      },
    });
    this.emulator.setFormulaEvaluator((formula, sheetName, row, column) =>
      this.formulas.evaluate(formula, sheetName, row, column),
    );
    this.emulator.hooks.afterCall((call) => {
      if (isWriteCall(call.service, call.method)) this.formulas.invalidate();
    });
    this.openDocument();
    this.save();
  }

  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = typeof name === "string" ? this.emulator.spreadsheet.getSheetByName(name) : null;
    if (!sheet) throw new UserError(`There is no tab named ${String(name)}.`, 404);
    return sheet;
  }

  /** Opening the document: Google runs onOpen without authorization, and it only builds the menu. */
  private openDocument(): void {
    if (!this.bundle.has("onOpen")) return;
    const authMode = this.emulator.uncounted(() => this.emulator.globals.ScriptApp.AuthMode.NONE);
    try {
      this.run("open-none", "onOpen", { authMode, source: this.emulator.spreadsheet });
    } catch (error) {
      console.error(`onOpen failed: ${messageOf(error)}`);
    }
  }

  private run(context: ExecutionContext, name: string, ...args: unknown[]): unknown {
    return this.emulator.withContext(context, () => this.bundle.call(name, ...args));
  }

  save(): void {
    writeStateAtomically(this.statePath, this.emulator.toJSON());
  }

  today(): string {
    return formatSheetsDate(
      this.emulator.clock.now(),
      this.emulator.spreadsheet.getSpreadsheetTimeZone(),
      "yyyy-mm-dd",
    );
  }

  /** Every item function of the add-on menu as onOpen built it. */
  menuFunctions(): Set<string> {
    const names = new Set<string>();
    const walk = (items: MenuItem[]) => {
      for (const item of items) {
        if (item.kind === "item") names.add(item.functionName);
        else if (item.kind === "submenu") walk(item.items);
      }
    };
    for (const menu of this.emulator.ui.menus) walk(menu.items);
    return names;
  }

  /** Runs what the user started from the menu (or the sidebar opener), in "user" context. */
  runMenuItem(functionName: unknown, selection?: unknown): ActionResult {
    if (typeof functionName !== "string" || !this.menuFunctions().has(functionName)) {
      throw new UserError(`The Campaign Desk menu has no item running ${String(functionName)}.`);
    }
    this.select(selection);
    return this.userAction(() => this.run("user", functionName));
  }

  /** Makes the cell the page has selected the add-on's active range; ignores anything else. */
  private select(selection: unknown): void {
    const { tab, row, column } = Object(selection) as Record<string, unknown>;
    const sheet = typeof tab === "string" ? this.emulator.spreadsheet.getSheetByName(tab) : null;
    if (!sheet || !Number.isInteger(row) || !Number.isInteger(column)) return;
    const r = row as number;
    const c = column as number;
    if (r < 1 || c < 1 || r > sheet.getMaxRows() || c > sheet.getMaxColumns()) return;
    this.emulator.uncounted(() => sheet.getRange(r, c).activate());
  }

  /** Opens the sidebar the way its menu item would, when the bundle has the function. */
  openSidebar(): ActionResult {
    if (!this.bundle.has(SIDEBAR_OPENER)) {
      throw new UserError(`This build has no sidebar yet (no ${SIDEBAR_OPENER} in build/Code.js).`, 404);
    }
    return this.userAction(() => this.run("user", SIDEBAR_OPENER));
  }

  private userAction(work: () => unknown): ActionResult {
    const ui = this.emulator.ui;
    const before = { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length };
    let error: string | undefined;
    try {
      work();
    } catch (thrown) {
      error = messageOf(thrown);
    }
    this.formulas.invalidate();
    this.save();
    const opened = ui.sidebars.length > before.sidebars ? ui.sidebars.length - 1 : -1;
    const sidebar = ui.sidebars[opened];
    return {
      ok: error === undefined,
      ...(error === undefined ? {} : { error }),
      alerts: ui.alerts.slice(before.alerts),
      toasts: ui.toasts.slice(before.toasts),
      sidebar: sidebar ? { index: opened, title: sidebar.title, width: sidebar.width } : null,
    };
  }

  sidebarHtml(index: number): string {
    const sidebar = this.emulator.ui.sidebars[index];
    if (!sidebar) throw new UserError("No such sidebar.", 404);
    return sidebar.html;
  }

  /**
   * A made-up Seller Center export of this workbook's collaborations, dated up to its today, as
   * CSV: what a team would download from Seller Center and bring in with File > Import.
   */
  demoExport(kind: "affiliate" | "orders"): string {
    const tabs = Object.fromEntries(
      ["Products", "Campaigns", "Collaborations"].map((name) => [name, this.emulator.values(name)]),
    );
    const options = {
      tabs,
      rows: 200,
      timeZone: this.emulator.spreadsheet.getSpreadsheetTimeZone(),
      today: this.emulator.clock.now(),
    };
    return csvOf(kind === "affiliate" ? demoAffiliateExport(options) : demoOrderExport(options));
  }

  /** File > Import: a CSV file into a new tab, which becomes the active one. */
  importCsv(fileName: unknown, text: unknown): { tab: string; rows: number } {
    if (typeof fileName !== "string" || typeof text !== "string")
      throw new UserError("Send a file name and its text.");
    if (text.length > MAX_CSV_BYTES)
      throw new UserError("The file is larger than the workbench takes (20 MB).", 413);
    const rows = parseCsv(text).map((row) => row.map(csvCellInput));
    if (rows.length === 0) throw new UserError(`${fileName} is empty.`);
    const taken = this.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName());
    const tab = tabNameFor(fileName, taken);
    const sheet = this.emulator.seed(tab, rows);
    this.emulator.uncounted(() => sheet.activate());
    this.formulas.invalidate();
    this.save();
    return { tab, rows: rows.length };
  }

  /** What a user typed into a cell, stored as Sheets would store it. */
  editCell(tab: unknown, row: unknown, column: unknown, input: unknown): void {
    if (typeof tab !== "string") throw new UserError("Which tab?");
    const sheet = this.sheet(tab);
    if (!Number.isInteger(row) || !Number.isInteger(column))
      throw new UserError("Row and column must be whole numbers.");
    const r = row as number;
    const c = column as number;
    if (r < 1 || c < 1 || r > sheet.getMaxRows() || c > sheet.getMaxColumns()) {
      throw new UserError(`Row ${r}, column ${c} is outside the tab ${tab}.`);
    }
    if (typeof input !== "string") throw new UserError("The typed text must be a string.");
    if (input.length > 50_000) throw new UserError("Sheets cells hold at most 50,000 characters.");
    const cell = sheet.getRange(r, c);
    // A plain-text cell keeps what is typed verbatim; an apostrophe there would be kept too.
    cell.setValue(cell.getNumberFormat() === "@" ? input : storedInput(input));
    this.formulas.invalidate();
    this.save();
  }

  /** Moves "today" forward, firing the time-driven triggers due on the way, in "trigger" context. */
  advanceClock(days: unknown): { today: string; runs: TriggerRun[] } {
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 366) {
      throw new UserError("Advance the clock by 1 to 366 whole days.");
    }
    const clock = this.emulator.clock;
    const from = clock.now();
    clock.advanceDays(days as number);
    const to = clock.now();
    const runs: TriggerRun[] = [];
    try {
      for (const due of this.emulator.triggers.dueRuns(from, to)) {
        clock.set(due.at);
        this.formulas.invalidate();
        const run: TriggerRun = { handler: due.handler, at: due.at.toISOString() };
        try {
          this.run("trigger", due.handler, due.event);
        } catch (error) {
          run.error = messageOf(error);
        }
        runs.push(run);
      }
    } finally {
      clock.set(to);
      this.formulas.invalidate();
      this.save();
    }
    return { today: this.today(), runs };
  }

  /** google.script.run: a top-level function, in "user" context, its answer as the client gets it. */
  runScript(name: unknown, args: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
    if (!isCallableName(name) || !this.bundle.has(name)) {
      return { ok: false, error: `Script function not found: ${String(name)}` };
    }
    const list = checkArguments(args);
    try {
      const value = this.run("user", name, ...list);
      return { ok: true, value: clientValue(value) };
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    } finally {
      this.formulas.invalidate();
      this.save();
    }
  }

  /** The functions the sidebar may call (what Google's google.script.run offers). */
  callableFunctions(): string[] {
    return this.bundle.functionNames().filter(isCallableName);
  }
}

function restore(state: EmulatorState, path: string, sidebar: string | undefined): Emulator {
  try {
    return createEmulator({ state, htmlFiles: sidebar ? { sidebar } : {} });
  } catch (error) {
    throw new CorruptStateError(path, messageOf(error));
  }
}

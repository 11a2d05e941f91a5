/**
 * An in-memory emulator of the Apps Script services Campaign Desk uses, for tests, benchmarks and
 * the local workbench. Put `emulator.globals` (and `Date: emulator.DateClass`) into a node:vm
 * context and run build/Code.js in it.
 *
 * Counted: every method called on objects reached through `globals` (see CallLog).
 * Not counted: `emulator.spreadsheet` and everything else on the emulator object (seed, values,
 * effectiveFormat, holdLock, properties, uncounted(fn), ...).
 */
import { randomBytes } from "node:crypto";
import { CallGate, type CallInfo, CallLog, type ExecutionContext } from "./call-log";
import type { AccountKind, LockKind } from "./services";
import {
  ConsoleApi,
  type LockHolders,
  LockServiceApi,
  type LogEntry,
  LoggerApi,
  MAIL_LIMITS,
  MailAppApi,
  type MailState,
  Properties,
  PropertiesServiceApi,
  type SentMail,
  SessionApi,
  UtilitiesApi,
} from "./services";
import type { Sheet } from "./sheet";
import { type EffectiveFormat, type FormulaEvaluator, SpreadsheetAppService, Workbook } from "./spreadsheet";
import {
  decode,
  decodeOutbox,
  type EmulatorState,
  encodeOutbox,
  encodeSheet,
  encodeUi,
  type Json,
  restoreSheet,
} from "./state";
import { type DueRun, dueRuns, ScriptAppApi, type TriggerRecord } from "./triggers";
import { emptyUiRecords, HtmlServiceApi, Ui, type UiRecords } from "./ui";
import { type CellValue, isDate } from "./values";
import { addDays, isValidTimeZone } from "./zone";

export type { CallInfo, ExecutionContext } from "./call-log";
export { CallLog, isWriteCall } from "./call-log";
export { GasException } from "./errors";
export type { LockKind, LogEntry, SentMail } from "./services";
export type { EffectiveFormat, FormulaEvaluator } from "./spreadsheet";
export type { EmulatorState } from "./state";
export type { DueRun, TriggerRecord } from "./triggers";
export type { AlertRecord, DialogRecord, MenuItem, MenuRecord, ToastRecord, UiRecords } from "./ui";
export { formatJavaDate } from "./zone";

export interface EmulatorOptions {
  /** Spreadsheet zone, default "Etc/UTC". */
  timeZone?: string;
  /** Spreadsheet locale (getSpreadsheetLocale), default "en_US". */
  locale?: string;
  /** Script zone (Session.getScriptTimeZone), default the spreadsheet zone. */
  scriptTimeZone?: string;
  /** Initial clock, default the real time. */
  now?: Date;
  userEmail?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** The sender's account: its mail quota and body limit (default consumer: 100 a day, 200 KB). */
  account?: AccountKind;
  /** MailApp recipients a day, default the account's (100 consumer, 1,500 Workspace). */
  mailQuota?: number;
  /** Bytes of text + HTML a message may have, default the account's (200 KB, 400 KB). */
  mailBodyLimit?: number;
  /** Files for HtmlService.createHtmlOutputFromFile(name), by name without ".html". */
  htmlFiles?: Record<string, string>;
  /** Restore from toJSON(); other options except htmlFiles are then ignored. */
  state?: EmulatorState;
}

export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
}

export interface EmulatorClock {
  now(): Date;
  set(date: Date): void;
  /** Calendar days in the spreadsheet zone: the wall-clock time stays the same across DST. */
  advanceDays(days: number): void;
  advanceHours(hours: number): void;
  advanceMilliseconds(ms: number): void;
}

export interface EmulatorUi extends UiRecords {
  /** Queue the answer to the next alert or prompt: a Button name ("OK", "YES", "NO", "CANCEL", "CLOSE"). */
  respond(button: string, text?: string): void;
}

export interface EmulatorTriggers {
  list(): TriggerRecord[];
  /** Clock-trigger runs due in [from, to), in time order, each with its handler and event object. */
  dueRuns(from: Date, to: Date): DueRun[];
}

export interface SeedOptions {
  startRow?: number;
  startColumn?: number;
}

export interface Emulator {
  readonly globals: EmulatorGlobals;
  /** The active spreadsheet, uncounted. */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly calls: CallLog;
  readonly clock: EmulatorClock;
  readonly outbox: SentMail[];
  readonly ui: EmulatorUi;
  readonly triggers: EmulatorTriggers;
  readonly logs: LogEntry[];
  /** Which Apps Script execution the next calls run in; default "user". */
  context: ExecutionContext;
  readonly hooks: { afterCall(fn: (call: CallInfo) => void): () => void };
  /** A Date constructor for the vm whose `new Date()` and `Date.now()` read the emulator clock. */
  readonly DateClass: DateConstructor;
  /** Uncounted raw property stores. */
  readonly properties: {
    document: GoogleAppsScript.Properties.Properties;
    user: GoogleAppsScript.Properties.Properties;
    script: GoogleAppsScript.Properties.Properties;
  };
  /** Answers cell formulas (and conditional-format formulas, with references moved to the cell). */
  setFormulaEvaluator(fn: FormulaEvaluator | null): void;
  /** Uncounted: writes rows (typed-input rules) at A1 or startRow/startColumn, creating the tab if missing. */
  seed(sheetName: string, rows: unknown[][], options?: SeedOptions): GoogleAppsScript.Spreadsheet.Sheet;
  /** Uncounted: a tab's data range values ([] for a missing or empty tab). */
  values(sheetName: string): CellValue[][];
  /** Uncounted: a cell's look after the tab's conditional-format rules. */
  effectiveFormat(sheetName: string, row: number, column: number): EffectiveFormat;
  /** Runs fn with calls through globals uncounted, unchecked and unhooked. */
  uncounted<T>(fn: () => T): T;
  /**
   * Runs fn as a new execution in a context, then restores the previous context and releases the
   * locks this execution took (an outer execution keeps its own: call it from a hook to start a
   * second execution while the first is inside its lock or mailing).
   */
  withContext<T>(context: ExecutionContext, fn: () => T): T;
  /** Makes a lock busy as if another execution held it; returns the release. */
  holdLock(kind: LockKind): () => void;
  /** Whose account runs the next calls (Session, trigger ownership, the mail's sender). */
  actAs(email: string): void;
  /** The user must authorize again (as after an update asks for more): MailApp, ScriptApp fail. */
  setAuthorized(authorized: boolean): void;
  /** Releases every lock, as the end of an execution does. */
  releaseLocks(): void;
  /** Mail quota left today (uncounted). */
  remainingMailQuota(): number;
  toJSON(): EmulatorState;
}

function makeDateClass(nowMs: () => number): DateConstructor {
  // A function, not a class, so `Date()` without new works (it returns a string, as in JS).
  function EmulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Date(nowMs()).toString();
    return Reflect.construct(Date, args.length === 0 ? [nowMs()] : args, new.target);
  }
  EmulatedDate.prototype = Object.create(Date.prototype, {
    constructor: { value: EmulatedDate, writable: true, configurable: true },
  });
  Object.setPrototypeOf(EmulatedDate, Date);
  Object.defineProperty(EmulatedDate, "now", { value: () => nowMs(), writable: true, configurable: true });
  // Host Dates (what the emulator returns) and vm Dates all pass `instanceof Date`.
  Object.defineProperty(EmulatedDate, Symbol.hasInstance, { value: (value: unknown) => isDate(value) });
  return EmulatedDate as unknown as DateConstructor;
}

class LocalEmulator implements Emulator {
  readonly calls = new CallLog();
  readonly logs: LogEntry[];
  readonly outbox: SentMail[];
  readonly ui: EmulatorUi;
  readonly clock: EmulatorClock;
  readonly triggers: EmulatorTriggers;
  readonly hooks: Emulator["hooks"];
  readonly DateClass: DateConstructor;
  readonly globals: EmulatorGlobals;
  readonly properties: Emulator["properties"];
  private readonly gate = new CallGate(this.calls);
  private readonly workbook: Workbook;
  private readonly triggerRecords: TriggerRecord[];
  private readonly mail: MailState;
  private readonly locks: LockHolders = { document: null, script: null, user: null };
  private readonly stores: { document: Properties; user: Properties; script: Properties };
  private nowMs: number;
  private nextTriggerUid: number;
  private userEmail: string;
  private executions = [0];
  private lastExecution = 0;
  private readonly scriptTimeZone: string;

  constructor(options: EmulatorOptions) {
    const saved = options.state;
    const timeZone = saved?.spreadsheet.timeZone ?? options.timeZone ?? "Etc/UTC";
    if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone ${timeZone}`);
    this.nowMs = saved ? Date.parse(saved.now) : (options.now ?? new Date()).getTime();
    this.userEmail = saved?.userEmail ?? options.userEmail ?? "owner@example.com";
    this.scriptTimeZone = saved?.scriptTimeZone ?? options.scriptTimeZone ?? timeZone;
    this.gate.context = saved?.context ?? "user";
    this.logs = saved ? [...saved.logs] : [];
    this.outbox = saved ? decodeOutbox(saved.outbox) : [];
    const records: UiRecords = saved ? (decode(saved.ui) as UiRecords) : emptyUiRecords();
    this.ui = Object.assign(records, {
      respond: (button: string, text?: string) => {
        records.responses.push(text === undefined ? { button } : { button, text });
      },
    });
    Object.defineProperty(this.ui, "respond", { enumerable: false });
    this.triggerRecords = saved ? saved.triggers.map((record) => ({ ...record })) : [];
    this.nextTriggerUid = saved?.nextTriggerUid ?? 1;
    const limits = MAIL_LIMITS[options.account ?? "consumer"];
    this.mail = saved
      ? { ...saved.mail }
      : {
          quota: options.mailQuota ?? limits.quota,
          bodyLimit: options.mailBodyLimit ?? limits.bodyLimit,
          used: 0,
          day: "",
        };
    this.stores = {
      document: new Properties(new Map(Object.entries(saved?.properties.document ?? {}))),
      user: new Properties(new Map(Object.entries(saved?.properties.user ?? {}))),
      script: new Properties(new Map(Object.entries(saved?.properties.script ?? {}))),
    };
    this.properties = this.stores as unknown as Emulator["properties"];

    const now = () => new Date(this.nowMs);
    this.workbook = new Workbook(
      saved?.spreadsheet.id ?? options.spreadsheetId ?? randomBytes(33).toString("base64url"),
      saved?.spreadsheet.name ?? options.spreadsheetName ?? "Campaign Desk demo",
      timeZone,
      this.ui,
      now,
    );
    if (saved) {
      const sheets = saved.spreadsheet.sheets.map((state) => {
        const sheet = this.workbook.addSheet(
          state.name,
          this.workbook.sheets.length,
          state.maxRows,
          state.maxColumns,
        );
        (sheet as { id: number }).id = state.id;
        return sheet;
      });
      saved.spreadsheet.sheets.forEach((state, index) => {
        restoreSheet(sheets[index] as Sheet, state, this.workbook);
      });
      this.workbook.activeSheetId = saved.spreadsheet.activeSheetId;
      this.workbook.nextSheetId = saved.spreadsheet.nextSheetId;
      this.workbook.namedRanges = (saved.spreadsheet.namedRanges ?? []).map((named) => ({
        ...named,
        box: { ...named.box },
      }));
    } else {
      this.workbook.addSheet("Sheet1", 0);
    }
    this.workbook.locale = saved?.spreadsheet.locale ?? options.locale ?? "en_US";

    this.clock = {
      now,
      set: (date) => {
        this.nowMs = date.getTime();
      },
      advanceDays: (days) => {
        this.nowMs = addDays(this.nowMs, days, this.workbook.timeZone).getTime();
      },
      advanceHours: (hours) => {
        this.nowMs += hours * 3_600_000;
      },
      advanceMilliseconds: (ms) => {
        this.nowMs += ms;
      },
    };
    this.DateClass = makeDateClass(() => this.nowMs);
    this.hooks = { afterCall: (fn) => this.gate.afterCall(fn) };
    this.triggers = {
      list: () => this.triggerRecords.map((record) => ({ ...record })),
      dueRuns: (from, to) => dueRuns(this.triggerRecords, this.workbook.timeZone, from, to),
    };

    const triggerHost = {
      triggers: this.triggerRecords,
      nextUid: () => String(this.nextTriggerUid++),
      now,
      timeZone: () => this.workbook.timeZone,
      spreadsheetId: () => this.workbook.id,
      owner: () => this.userEmail,
      authorized: () => this.gate.authorized,
    };
    const services = {
      SpreadsheetApp: new SpreadsheetAppService(this.workbook, new Ui(this.ui)),
      HtmlService: new HtmlServiceApi(options.htmlFiles ?? {}),
      PropertiesService: new PropertiesServiceApi(this.stores),
      LockService: new LockServiceApi(this.locks, () => this.executions.at(-1) ?? 0),
      ScriptApp: new ScriptAppApi(triggerHost),
      MailApp: new MailAppApi(this.mail, this.outbox, now, () => this.userEmail),
      Session: new SessionApi(
        () => this.userEmail,
        () => this.scriptTimeZone,
      ),
      Utilities: new UtilitiesApi(),
      Logger: new LoggerApi(this.logs),
      console: new ConsoleApi(this.logs),
    };
    const wrapped: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(services)) wrapped[name] = this.gate.wrap(service);
    this.globals = wrapped as unknown as EmulatorGlobals;
  }

  get spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.workbook.api as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  get context(): ExecutionContext {
    return this.gate.context;
  }
  set context(context: ExecutionContext) {
    this.gate.context = context;
  }

  setFormulaEvaluator(fn: FormulaEvaluator | null): void {
    this.workbook.evaluator = fn;
  }

  private sheetNamed(name: string): Sheet | null {
    return this.workbook.sheetByName(name);
  }

  seed(sheetName: string, rows: unknown[][], options: SeedOptions = {}): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet =
      this.sheetNamed(sheetName) ?? this.workbook.addSheet(sheetName, this.workbook.sheets.length);
    const top = options.startRow ?? 1;
    const left = options.startColumn ?? 1;
    const width = Math.max(0, ...rows.map((row) => row.length));
    sheet.maxRows = Math.max(sheet.maxRows, top + rows.length - 1);
    sheet.maxColumns = Math.max(sheet.maxColumns, left + width - 1);
    rows.forEach((row, r) => {
      row.forEach((input, c) => {
        sheet.writeInput(top + r, left + c, input);
      });
    });
    return sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  values(sheetName: string): CellValue[][] {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet || sheet.getLastRow() === 0) return [];
    return sheet.getDataRange().getValues();
  }

  effectiveFormat(sheetName: string, row: number, column: number): EffectiveFormat {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) throw new Error(`No tab named ${sheetName}`);
    return this.workbook.effectiveFormat(sheet, row, column);
  }

  uncounted<T>(fn: () => T): T {
    return this.gate.uncounted(fn);
  }

  withContext<T>(context: ExecutionContext, fn: () => T): T {
    const previous = this.gate.context;
    const execution = ++this.lastExecution;
    this.executions.push(execution);
    this.gate.context = context;
    try {
      return fn();
    } finally {
      this.gate.context = previous;
      this.executions.pop();
      for (const kind of ["document", "script", "user"] as const) {
        const holder = this.locks[kind];
        if (holder !== null && holder !== "other" && holder.execution === execution) this.locks[kind] = null;
      }
    }
  }

  actAs(email: string): void {
    this.userEmail = email;
  }

  setAuthorized(authorized: boolean): void {
    this.gate.authorized = authorized;
  }

  holdLock(kind: LockKind): () => void {
    this.locks[kind] = "other";
    return () => {
      if (this.locks[kind] === "other") this.locks[kind] = null;
    };
  }

  releaseLocks(): void {
    for (const kind of ["document", "script", "user"] as const) {
      if (this.locks[kind] !== "other") this.locks[kind] = null;
    }
  }

  remainingMailQuota(): number {
    return this.uncounted(() => this.globals.MailApp.getRemainingDailyQuota());
  }

  toJSON(): EmulatorState {
    const plain = (store: Properties) => Object.fromEntries(store.store);
    return {
      version: 1,
      now: new Date(this.nowMs).toISOString(),
      context: this.gate.context,
      userEmail: this.userEmail,
      scriptTimeZone: this.scriptTimeZone,
      spreadsheet: {
        id: this.workbook.id,
        name: this.workbook.name,
        timeZone: this.workbook.timeZone,
        activeSheetId: this.workbook.activeSheetId,
        nextSheetId: this.workbook.nextSheetId,
        sheets: this.workbook.sheets.map(encodeSheet),
        namedRanges: this.workbook.namedRanges.map((named) => ({ ...named, box: { ...named.box } })),
        locale: this.workbook.locale,
      },
      properties: {
        document: plain(this.stores.document),
        user: plain(this.stores.user),
        script: plain(this.stores.script),
      },
      triggers: this.triggerRecords.map((record) => ({ ...record })),
      nextTriggerUid: this.nextTriggerUid,
      mail: { ...this.mail },
      outbox: encodeOutbox(this.outbox),
      ui: encodeUi(this.ui) as Json,
      logs: this.logs.map((entry) => ({ ...entry })),
    };
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new LocalEmulator(options);
}

/** ScriptApp: installable triggers, recorded, plus the schedule a workbench clock can fire. */
import { CLASS_NAME } from "./call-log";
import {
  AuthMode,
  AuthorizationStatus,
  type EnumValue,
  EventType,
  enumByName,
  TriggerSource,
  WeekDay,
} from "./enums";
import { fail } from "./errors";
import type { Spreadsheet } from "./spreadsheet";
import { addDays, isValidTimeZone, startOfDay, zonedParts, zonedTime } from "./zone";

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";
  source: "CLOCK" | "SPREADSHEETS";
  sourceId: string | null;
  /** Clock triggers: daily at an hour, or every n hours. */
  atHour?: number;
  nearMinute?: number;
  everyDays?: number;
  everyHours?: number;
  timeZone?: string;
  createdAt: string;
  owner: string;
}

export interface DueRun {
  handler: string;
  at: Date;
  triggerUid: string;
  /** The event object Apps Script passes to a time-driven handler. */
  event: Record<string, unknown>;
}

export interface TriggerHost {
  triggers: TriggerRecord[];
  nextUid(): string;
  now(): Date;
  timeZone(): string;
  spreadsheetId(): string;
  owner(): string;
  /** False once the user must authorize the add-on again (a test's `requireAuthorization`). */
  authorized(): boolean;
}

export class Trigger {
  readonly [CLASS_NAME] = "Trigger";
  constructor(readonly record: TriggerRecord) {}
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.uid;
  }
  getEventType(): EnumValue {
    return enumByName(EventType, this.record.eventType);
  }
  getTriggerSource(): EnumValue {
    return enumByName(TriggerSource, this.record.source);
  }
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

export class TriggerBuilder {
  readonly [CLASS_NAME] = "TriggerBuilder";
  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.host, this.handler);
  }
  forSpreadsheet(spreadsheet: Spreadsheet | string): SpreadsheetTriggerBuilder {
    const id = typeof spreadsheet === "string" ? spreadsheet : spreadsheet.getId();
    if (id !== this.host.spreadsheetId())
      fail("You do not have permission to access the requested document.");
    return new SpreadsheetTriggerBuilder(this.host, this.handler, id);
  }
}

function addTrigger(host: TriggerHost, record: Omit<TriggerRecord, "uid" | "createdAt" | "owner">): Trigger {
  const full: TriggerRecord = {
    ...record,
    uid: host.nextUid(),
    createdAt: host.now().toISOString(),
    owner: host.owner(),
  };
  host.triggers.push(full);
  return new Trigger(full);
}

export class ClockTriggerBuilder {
  readonly [CLASS_NAME] = "ClockTriggerBuilder";
  private atHourValue?: number;
  private nearMinuteValue?: number;
  private everyDaysValue?: number;
  private everyHoursValue?: number;
  private zone?: string;

  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
  ) {}

  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) fail("Invalid argument: hour");
    this.atHourValue = hour;
    return this;
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) fail("Invalid argument: minute");
    this.nearMinuteValue = minute;
    return this;
  }
  everyDays(days: number): this {
    if (!Number.isInteger(days) || days < 1) fail("Invalid argument: days");
    this.everyDaysValue = days;
    return this;
  }
  /** Add-ons may not run more often than hourly, so only 1+ hours are accepted. */
  everyHours(hours: number): this {
    if (!Number.isInteger(hours) || hours < 1) fail("Invalid argument: hours");
    this.everyHoursValue = hours;
    return this;
  }
  everyMinutes(_minutes: number): never {
    fail("Add-ons can't create time-based triggers that run more often than once per hour.");
  }
  inTimezone(timezone: string): this {
    if (!isValidTimeZone(timezone)) fail("Invalid argument: timezone");
    this.zone = timezone;
    return this;
  }
  onWeekDay(_day: EnumValue): never {
    fail("The emulator supports only daily (atHour/everyDays) and hourly (everyHours) clock triggers.");
  }
  create(): Trigger {
    if (this.everyHoursValue !== undefined) {
      if (this.atHourValue !== undefined || this.everyDaysValue !== undefined) {
        fail("Already chosen to run every n hours; cannot also run at an hour.");
      }
      return addTrigger(this.host, {
        handler: this.handler,
        eventType: "CLOCK",
        source: "CLOCK",
        sourceId: null,
        everyHours: this.everyHoursValue,
        ...(this.zone ? { timeZone: this.zone } : {}),
      });
    }
    if (this.everyDaysValue === undefined && this.atHourValue === undefined) {
      fail("The trigger's schedule is missing: call everyDays, everyHours or atHour before create().");
    }
    return addTrigger(this.host, {
      handler: this.handler,
      eventType: "CLOCK",
      source: "CLOCK",
      sourceId: null,
      atHour: this.atHourValue ?? zonedParts(this.host.now(), this.zone ?? this.host.timeZone()).hour,
      everyDays: this.everyDaysValue ?? 1,
      ...(this.nearMinuteValue === undefined ? {} : { nearMinute: this.nearMinuteValue }),
      ...(this.zone ? { timeZone: this.zone } : {}),
    });
  }
}

export class SpreadsheetTriggerBuilder {
  readonly [CLASS_NAME] = "SpreadsheetTriggerBuilder";
  private eventType: TriggerRecord["eventType"] | null = null;
  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}
  onOpen(): this {
    this.eventType = "ON_OPEN";
    return this;
  }
  onEdit(): this {
    this.eventType = "ON_EDIT";
    return this;
  }
  onChange(): this {
    this.eventType = "ON_CHANGE";
    return this;
  }
  onFormSubmit(): this {
    this.eventType = "ON_FORM_SUBMIT";
    return this;
  }
  create(): Trigger {
    if (!this.eventType) fail("The trigger's event type is missing: call onOpen or onEdit before create().");
    return addTrigger(this.host, {
      handler: this.handler,
      eventType: this.eventType,
      source: "SPREADSHEETS",
      sourceId: this.spreadsheetId,
    });
  }
}

export class ScriptAppApi {
  readonly [CLASS_NAME] = "ScriptApp";
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  constructor(private readonly host: TriggerHost) {}

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== "string" || functionName === "") fail("Invalid argument: functionName");
    return new TriggerBuilder(this.host, functionName);
  }
  /** This user's triggers of this project. */
  getProjectTriggers(): Trigger[] {
    return this.host.triggers
      .filter((record) => record.owner === this.host.owner())
      .map((record) => new Trigger(record));
  }
  /** Also lists clock triggers: an add-on's triggers all belong to the document it runs in. */
  getUserTriggers(spreadsheet: Spreadsheet): Trigger[] {
    if (spreadsheet.getId() !== this.host.spreadsheetId()) return [];
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof Trigger)) fail("Invalid argument: trigger");
    const at = this.host.triggers.findIndex((record) => record.uid === trigger.record.uid);
    if (at >= 0) this.host.triggers.splice(at, 1);
  }
  getScriptId(): string {
    return `script-${this.host.spreadsheetId()}`;
  }
  /** REQUIRED once the emulator is told authorization was lost; the URL is a placeholder. */
  getAuthorizationInfo(_authMode: EnumValue) {
    const authorized = this.host.authorized();
    return {
      getAuthorizationStatus: () =>
        authorized ? AuthorizationStatus.NOT_REQUIRED : AuthorizationStatus.REQUIRED,
      getAuthorizationUrl: () => (authorized ? null : "https://script.google.com/macros/authorize"),
    };
  }
}

/** The event object Apps Script passes to a time-driven handler. */
export function clockEvent(record: TriggerRecord, at: Date): Record<string, unknown> {
  const p = zonedParts(at, "Etc/UTC");
  return {
    authMode: AuthMode.FULL,
    triggerUid: record.uid,
    year: p.year,
    month: p.month,
    "day-of-month": p.day,
    "day-of-week": p.weekday,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: "UTC",
  };
}

/**
 * When the clock triggers fire in [from, to), in order. A daily trigger fires at atHour:nearMinute
 * (default :00) in its zone (inTimezone, else the spreadsheet's) every `everyDays` days counted from
 * the day it was created; Google picks a random minute in that hour, the emulator uses the start.
 * An hourly trigger fires on whole hours of its zone whose hour of day is a multiple of everyHours.
 */
export function dueRuns(records: TriggerRecord[], spreadsheetZone: string, from: Date, to: Date): DueRun[] {
  const runs: DueRun[] = [];
  for (const record of records) {
    if (record.eventType !== "CLOCK") continue;
    const zone = record.timeZone ?? spreadsheetZone;
    const created = new Date(record.createdAt);
    if (record.everyHours !== undefined) {
      const step = record.everyHours;
      let hour = Math.floor(from.getTime() / 3_600_000) * 3_600_000;
      for (; hour < to.getTime(); hour += 3_600_000) {
        const at = new Date(hour + ((60 - zonedParts(hour, zone).minute) % 60) * 60_000);
        if (at < from || at >= to || at <= created) continue;
        if (zonedParts(at, zone).hour % step !== 0) continue;
        if (!runs.some((run) => run.triggerUid === record.uid && run.at.getTime() === at.getTime())) {
          runs.push({ handler: record.handler, at, triggerUid: record.uid, event: clockEvent(record, at) });
        }
      }
      continue;
    }
    const everyDays = record.everyDays ?? 1;
    const firstDay = startOfDay(created, zone);
    for (let day = startOfDay(from, zone); day < to; day = addDays(day, 1, zone)) {
      const p = zonedParts(day, zone);
      const at = zonedTime(zone, p.year, p.month, p.day, record.atHour ?? 0, record.nearMinute ?? 0);
      if (at < from || at >= to || at <= created) continue;
      const daysSinceCreated = Math.round((day.getTime() - firstDay.getTime()) / 86_400_000);
      if (daysSinceCreated % everyDays !== 0) continue;
      runs.push({ handler: record.handler, at, triggerUid: record.uid, event: clockEvent(record, at) });
    }
  }
  return runs.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** PropertiesService, LockService, MailApp, Session, Utilities, Logger and console. */
import { randomUUID } from "node:crypto";
import { CLASS_NAME } from "./call-log";
import { fail } from "./errors";
import { isDate } from "./values";
import { dayKey, formatJavaDate } from "./zone";

// ---- properties ----

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export class Properties {
  readonly [CLASS_NAME] = "Properties";
  constructor(readonly store: Map<string, string>) {}

  private storeSize(store: Map<string, string>): number {
    let total = 0;
    for (const [key, value] of store) total += byteLength(key) + byteLength(value);
    return total;
  }

  /** Applies changes to a copy, checks the limits, then commits: a failed call changes nothing. */
  private commit(change: (draft: Map<string, string>) => void): this {
    const draft = new Map(this.store);
    change(draft);
    for (const [key, value] of draft) {
      if (this.store.get(key) !== value && byteLength(value) > PROPERTY_VALUE_LIMIT)
        fail("Argument too large: value");
    }
    if (this.storeSize(draft) > PROPERTY_STORE_LIMIT) {
      fail("You have exceeded the property storage quota. Please remove some properties and try again.");
    }
    this.store.clear();
    for (const [key, value] of draft) this.store.set(key, value);
    return this;
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): this {
    return this.commit((draft) => draft.set(String(key), String(value)));
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    return this.commit((draft) => {
      if (deleteAllOthers) draft.clear();
      for (const [key, value] of Object.entries(properties)) draft.set(key, String(value));
    });
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): this {
    this.store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
}

export class PropertiesServiceApi {
  readonly [CLASS_NAME] = "PropertiesService";
  constructor(private readonly stores: { document: Properties; user: Properties; script: Properties }) {}
  getDocumentProperties(): Properties {
    return this.stores.document;
  }
  getUserProperties(): Properties {
    return this.stores.user;
  }
  getScriptProperties(): Properties {
    return this.stores.script;
  }
}

// ---- locks ----

export type LockKind = "document" | "script" | "user";

/** Who holds each lock: null, "other" (a test made it busy) or the Lock object of this run. */
export type LockHolders = Record<LockKind, Lock | "other" | null>;

export class Lock {
  readonly [CLASS_NAME] = "Lock";
  constructor(
    private readonly holders: LockHolders,
    private readonly kind: LockKind,
    /** The execution that got this Lock: its end releases only its own locks. */
    readonly execution: number = 0,
  ) {}

  /**
   * Locks do not wait in the emulator: a lock held by someone else (a test's `holdLock`, or
   * another Lock object, as in a run started while another is inside its lock) fails at once.
   */
  tryLock(_timeoutInMillis: number): boolean {
    const holder = this.holders[this.kind];
    if (holder !== null && holder !== this) return false;
    this.holders[this.kind] = this;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      fail("Lock timeout: another process was holding the lock for too long.");
  }
  hasLock(): boolean {
    return this.holders[this.kind] === this;
  }
  releaseLock(): void {
    if (this.holders[this.kind] === this) this.holders[this.kind] = null;
  }
}

export class LockServiceApi {
  readonly [CLASS_NAME] = "LockService";
  constructor(
    private readonly holders: LockHolders,
    private readonly execution: () => number = () => 0,
  ) {}
  getDocumentLock(): Lock {
    return new Lock(this.holders, "document", this.execution());
  }
  getScriptLock(): Lock {
    return new Lock(this.holders, "script", this.execution());
  }
  getUserLock(): Lock {
    return new Lock(this.holders, "user", this.execution());
  }
}

// ---- mail ----

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  sentAt: Date;
  from: string;
}

export interface MailState {
  quota: number;
  /** Bytes of body + htmlBody one message may have (200 KB consumer, 400 KB Workspace). */
  bodyLimit?: number;
  used: number;
  /** The Pacific day the used count belongs to. */
  day: string;
}

/**
 * Google's documented limits (Apps Script quotas page): 100 recipients a day and 200 KB a body on
 * consumer accounts, 1,500 and 400 KB on Workspace. KB read as 1,000 bytes, and text and HTML
 * counted together: stricter than Google may be, never looser.
 */
export const MAIL_LIMITS = {
  consumer: { quota: 100, bodyLimit: 200_000 },
  workspace: { quota: 1_500, bodyLimit: 400_000 },
} as const;
export type AccountKind = keyof typeof MAIL_LIMITS;

/** Google resets the daily quota on its own clock; the emulator resets at midnight Pacific time. */
export const QUOTA_ZONE = "America/Los_Angeles";

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

function recipients(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter((address) => address !== "");
}

export class MailAppApi {
  readonly [CLASS_NAME] = "MailApp";
  constructor(
    private readonly state: MailState,
    private readonly outbox: SentMail[],
    private readonly now: () => Date,
    private readonly from: () => string,
  ) {}

  private refresh(): void {
    const today = dayKey(this.now(), QUOTA_ZONE);
    if (this.state.day !== today) {
      this.state.day = today;
      this.state.used = 0;
    }
  }

  getRemainingDailyQuota(): number {
    this.refresh();
    return Math.max(0, this.state.quota - this.state.used);
  }

  /**
   * sendEmail(message), sendEmail(to, subject, body[, options]) or sendEmail(to, replyTo, subject, body).
   * Every to/cc/bcc address uses one unit of the daily quota.
   */
  sendEmail(
    first: string | MailOptions,
    second?: string,
    third?: string,
    fourth?: string | MailOptions,
  ): void {
    let mail: MailOptions;
    if (typeof first === "object" && first !== null) mail = { ...first };
    else if (typeof fourth === "string") mail = { to: first, replyTo: second, subject: third, body: fourth };
    else mail = { ...(fourth ?? {}), to: first, subject: second, body: third };
    const to = recipients(mail.to);
    const cc = recipients(mail.cc);
    const bcc = recipients(mail.bcc);
    const everyone = [...to, ...cc, ...bcc];
    if (everyone.length === 0) fail("Failed to send email: no recipient");
    for (const address of everyone) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) fail(`Invalid email: ${address}`);
    }
    if (mail.subject === undefined || mail.subject === null) fail("Invalid argument: subject");
    const bodyBytes = byteLength(String(mail.body ?? "")) + byteLength(String(mail.htmlBody ?? ""));
    if (bodyBytes > (this.state.bodyLimit ?? MAIL_LIMITS.consumer.bodyLimit)) {
      fail("Limit Exceeded: Email Body Size.");
    }
    this.refresh();
    if (this.state.used + everyone.length > this.state.quota) {
      fail("Service invoked too many times for one day: email.");
    }
    this.state.used += everyone.length;
    const sent: SentMail = {
      to,
      cc,
      bcc,
      subject: String(mail.subject),
      body: String(mail.body ?? ""),
      sentAt: this.now(),
      from: this.from(),
    };
    if (mail.htmlBody !== undefined) sent.htmlBody = String(mail.htmlBody);
    if (mail.name !== undefined) sent.name = String(mail.name);
    if (mail.replyTo !== undefined) sent.replyTo = String(mail.replyTo);
    if (mail.noReply !== undefined) sent.noReply = Boolean(mail.noReply);
    this.outbox.push(sent);
  }
}

// ---- session ----

class User {
  readonly [CLASS_NAME] = "User";
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class SessionApi {
  readonly [CLASS_NAME] = "Session";
  constructor(
    private readonly user: () => string,
    private readonly scriptTimeZone: () => string,
  ) {}
  getActiveUser(): User {
    return new User(this.user());
  }
  getEffectiveUser(): User {
    return new User(this.user());
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone();
  }
  getActiveUserLocale(): string {
    return "en";
  }
  /** Stable per user, like Google's (which is stable per user and script for 30 days). */
  getTemporaryActiveUserKey(): string {
    return Buffer.from(`temp-key:${this.user()}`).toString("base64url");
  }
}

// ---- utilities ----

export class UtilitiesApi {
  readonly [CLASS_NAME] = "Utilities";
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) fail("The parameters don't match the method signature for Utilities.formatDate.");
    return formatJavaDate(date, timeZone, format);
  }
  /** Returns at once and does not move the emulator clock. */
  sleep(_milliseconds: number): void {}
  getUuid(): string {
    return randomUUID();
  }
  base64Encode(data: string | number[]): string {
    return Buffer.from(typeof data === "string" ? Buffer.from(data, "utf8") : Uint8Array.from(data)).toString(
      "base64",
    );
  }
  base64EncodeWebSafe(data: string | number[]): string {
    return this.base64Encode(data).replace(/\+/g, "-").replace(/\//g, "_");
  }
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(encoded, "base64")].map((byte) => (byte > 127 ? byte - 256 : byte));
  }
  /** sprintf-style %s %d %f %%, enough for messages. */
  formatString(template: string, ...args: unknown[]): string {
    let index = 0;
    return template.replace(/%(\.\d+)?([sdf%])/g, (_all, precision: string | undefined, kind: string) => {
      if (kind === "%") return "%";
      const value = args[index++];
      if (kind === "d") return String(Math.trunc(Number(value)));
      if (kind === "f") return Number(value).toFixed(precision ? Number(precision.slice(1)) : 6);
      return String(value);
    });
  }
}

// ---- logging ----

export interface LogEntry {
  level: "log" | "info" | "warn" | "error";
  message: string;
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (isDate(value)) return value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export class LoggerApi {
  readonly [CLASS_NAME] = "Logger";
  constructor(private readonly entries: LogEntry[]) {}
  /** log(message) or log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): this {
    let index = 0;
    const message =
      typeof data === "string" && values.length > 0
        ? data.replace(/%s/g, () => describe(values[index++]))
        : describe(data);
    this.entries.push({ level: "log", message });
    return this;
  }
  getLog(): string {
    return this.entries.map((entry) => entry.message).join("\n");
  }
  clear(): void {
    this.entries.length = 0;
  }
}

/** console that collects into the emulator's log instead of printing. */
export class ConsoleApi {
  readonly [CLASS_NAME] = "console";
  constructor(private readonly entries: LogEntry[]) {}
  private add(level: LogEntry["level"], values: unknown[]): void {
    this.entries.push({ level, message: values.map(describe).join(" ") });
  }
  log(...values: unknown[]): void {
    this.add("log", values);
  }
  info(...values: unknown[]): void {
    this.add("info", values);
  }
  warn(...values: unknown[]): void {
    this.add("warn", values);
  }
  error(...values: unknown[]): void {
    this.add("error", values);
  }
  time(_label?: string): void {}
  timeEnd(_label?: string): void {}
}

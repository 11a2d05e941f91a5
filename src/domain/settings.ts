/**
 * The Settings tab: key/value rows with defaults (DESIGN.md section 2). A missing key means its
 * default; a bad value also means its default, plus a message for that row's Check column.
 */
import { isBlank, isEmail, readNumber, readRate } from "./values";

export interface Settings {
  alertLeadDays: number;
  nudgeDays: number;
  reviewDays: number;
  digestHour: number;
  managerEmails: string[];
  currency: string;
  horizonDays: number;
  priorityMinGmv: number;
  /** A fraction: 0.25 = 25%. */
  priorityMaxEffectiveCommission: number;
  testMoreBelowCollaborations: number;
  /** Lower-case domains owners' digests may go to; empty: the default (see recipients.ts). */
  allowedEmailDomains: string[];
  /** The most collaborations the operating view shows (the most urgent first). */
  operationsRows: number;
}

type Parsed<T> = { value: T; message?: string } | { message: string };

interface SettingSpec<K extends keyof Settings> {
  key: string;
  field: K;
  /** As written to a new Settings row. */
  defaultText: string;
  parse(value: unknown): Parsed<Settings[K]>;
}

function wholeNumber(min: number, max: number) {
  return (value: unknown): Parsed<number> => {
    const number = readNumber(value);
    if (number !== undefined && Number.isInteger(number) && number >= min && number <= max)
      return { value: number };
    return { message: `expected a whole number from ${min} to ${max}` };
  };
}

function amount(value: unknown): Parsed<number> {
  const number = readNumber(value);
  if (number !== undefined && number >= 0) return { value: number };
  return { message: "expected an amount of 0 or more" };
}

function rate(value: unknown): Parsed<number> {
  const fraction = readRate(value);
  if (fraction !== undefined) return { value: fraction };
  return { message: "expected a rate from 0% to 100%, like 25%" };
}

function currency(value: unknown): Parsed<string> {
  const text = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (/^[A-Z]{3}$/.test(text)) return { value: text };
  return { message: "expected a three-letter currency code, like USD" };
}

/** Keeps the good addresses: one typo must not stop the digest for every manager. */
function emails(value: unknown): Parsed<string[]> {
  if (typeof value !== "string") return { message: "expected email addresses separated by commas" };
  const items = value
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
  const bad = items.filter((item) => !isEmail(item));
  const good = items.filter((item) => isEmail(item));
  if (bad.length === 0) return { value: good };
  return { value: good, message: `not an email address: ${bad.map((item) => shortText(item)).join(", ")}` };
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `example.com, @shop.example.com`: a leading @ is allowed, as people copy it from an address. */
function domains(value: unknown): Parsed<string[]> {
  if (typeof value !== "string") return { message: "expected domains separated by commas, like example.com" };
  const items = value
    .split(/[,;\s]+/)
    .map((item) => item.trim().replace(/^@/, "").toLowerCase())
    .filter((item) => item !== "");
  const bad = items.filter((item) => !DOMAIN.test(item));
  const good = items.filter((item) => DOMAIN.test(item));
  if (bad.length === 0) return { value: good };
  return { value: good, message: `not a domain: ${bad.map((item) => shortText(item)).join(", ")}` };
}

/** A typed value quoted back in a message: long pastes are cut, so a Check cell stays readable. */
export function shortText(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026 (${text.length} characters)`;
}

const SPECS = [
  { key: "Alert lead days", field: "alertLeadDays", defaultText: "7", parse: wholeNumber(0, 365) },
  { key: "Nudge days", field: "nudgeDays", defaultText: "5", parse: wholeNumber(0, 365) },
  { key: "Review days", field: "reviewDays", defaultText: "3", parse: wholeNumber(0, 365) },
  { key: "Digest hour", field: "digestHour", defaultText: "8", parse: wholeNumber(0, 23) },
  { key: "Manager emails", field: "managerEmails", defaultText: "", parse: emails },
  { key: "Currency", field: "currency", defaultText: "USD", parse: currency },
  { key: "Horizon days", field: "horizonDays", defaultText: "30", parse: wholeNumber(1, 366) },
  { key: "Priority min GMV", field: "priorityMinGmv", defaultText: "1000", parse: amount },
  {
    key: "Priority max effective commission",
    field: "priorityMaxEffectiveCommission",
    defaultText: "25%",
    parse: rate,
  },
  {
    key: "Test more below collaborations",
    field: "testMoreBelowCollaborations",
    defaultText: "2",
    parse: wholeNumber(0, 1000),
  },
  { key: "Allowed email domains", field: "allowedEmailDomains", defaultText: "", parse: domains },
  // A bound on the view keeps its rebuild small at any size; 10,000 rows are 440,000 cells.
  { key: "Operations rows", field: "operationsRows", defaultText: "500", parse: wholeNumber(1, 10_000) },
] as const satisfies readonly SettingSpec<keyof Settings>[];

export const SETTING_KEYS: readonly string[] = SPECS.map((spec) => spec.key);

export function defaultSettings(): Settings {
  return {
    alertLeadDays: 7,
    nudgeDays: 5,
    reviewDays: 3,
    digestHour: 8,
    managerEmails: [],
    currency: "USD",
    horizonDays: 30,
    priorityMinGmv: 1000,
    priorityMaxEffectiveCommission: 0.25,
    testMoreBelowCollaborations: 2,
    allowedEmailDomains: [],
    operationsRows: 500,
  };
}

/**
 * The Settings key whose value the add-on keeps at today's date (named CampaignDeskToday), for
 * custom functions: Sheets does not allow TODAY() as their argument. Not a setting to parse.
 */
export const TODAY_SETTING_KEY = "Today";

/** The rows setup appends for missing keys, in the order of DESIGN.md, then Today (filled by setup). */
export function settingDefaultRows(): readonly (readonly [string, string])[] {
  return [...SPECS.map((spec) => [spec.key, spec.defaultText] as const), [TODAY_SETTING_KEY, ""] as const];
}

export interface ParsedSettings {
  settings: Settings;
  /** One message per input row, `""` when the row is fine: the Check column. */
  checks: string[];
  /** Keys with no row, so their defaults are in use. */
  missing: string[];
}

const keyOf = (key: unknown): string =>
  typeof key === "string" ? key.trim().replace(/\s+/g, " ").toLowerCase() : "";

export function parseSettings(rows: readonly (readonly [unknown, unknown])[]): ParsedSettings {
  const settings = defaultSettings();
  const writable = settings as unknown as Record<string, unknown>;
  const seen = new Set<string>();
  const checks = rows.map(([key, value]) => {
    if (isBlank(key)) return "";
    const spec = SPECS.find((candidate) => candidate.key.toLowerCase() === keyOf(key));
    if (!spec && keyOf(key) === TODAY_SETTING_KEY.toLowerCase()) return "";
    if (!spec) return "Unknown key: Campaign Desk does not use it";
    if (seen.has(spec.key)) return "Duplicate key: the first row is used";
    seen.add(spec.key);
    // A blank value is the default on purpose (Manager emails, Allowed email domains).
    if (isBlank(value)) return "";
    const parsed = spec.parse(value);
    if ("value" in parsed) writable[spec.field] = parsed.value;
    if (!parsed.message) return "";
    return "value" in parsed
      ? `${parsed.message}; using the rest`
      : `${parsed.message}; using the default ${spec.defaultText || "(blank)"}`;
  });
  const missing = SPECS.filter((spec) => !seen.has(spec.key)).map((spec) => spec.key);
  return { settings, checks, missing };
}

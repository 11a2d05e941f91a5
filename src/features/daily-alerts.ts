/**
 * What every editor can see about daily alerts, kept in document properties (small): who turned
 * them on and the trigger's unique ID, and how the runs went (the last run, the last problem,
 * and the problems the next manager's digest must mention). Pure: the shell reads and writes.
 */
import { shortText } from "../domain/settings";

export const ALERTS_PROPERTY = "campaignDesk.alerts";
export const RUNS_PROPERTY = "campaignDesk.runs";
/** Problems kept for the next digest; older ones are only counted. */
const PENDING_LIMIT = 10;

export interface AlertsRecord {
  on: boolean;
  /** The trigger's unique ID (ScriptApp Trigger.getUniqueId) while on. */
  triggerId?: string;
  /** Who turned alerts on: the trigger runs as them and mails from their account. */
  setUpBy?: string;
  hour?: number;
  /** Who last turned them on or off, and when (ISO). */
  changedBy: string;
  changedAt: string;
}

export interface RunsRecord {
  lastRun?: { at: string; alerts: number; sent: number; missed: number };
  lastProblem?: { at: string; text: string };
  /** Problems since the last manager's digest went out. */
  pending: { at: string; text: string }[];
  pendingMore: number;
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parseAlerts(text: string | null): AlertsRecord | null {
  const parsed = parseObject(text);
  return parsed && typeof parsed.on === "boolean" ? (parsed as unknown as AlertsRecord) : null;
}

export function parseRuns(text: string | null): RunsRecord {
  const parsed = parseObject(text);
  if (!parsed || !Array.isArray(parsed.pending)) return { pending: [], pendingMore: 0 };
  return parsed as unknown as RunsRecord;
}

/** Records a problem as the last one and for the next digest, bounded. */
export function withProblem(runs: RunsRecord, at: string, text: string): RunsRecord {
  const short = shortText(text, 300);
  const pending = [...runs.pending, { at, text: short }];
  const dropped = Math.max(0, pending.length - PENDING_LIMIT);
  return {
    ...runs,
    lastProblem: { at, text: short },
    pending: pending.slice(dropped),
    pendingMore: runs.pendingMore + dropped,
  };
}

/** The problems a manager's digest lists, then forgets; `when` formats an ISO instant. */
export function pendingProblems(runs: RunsRecord, when: (iso: string) => string): string[] {
  const listed = runs.pending.map((problem) => `${when(problem.at)}: ${problem.text}`);
  return runs.pendingMore > 0 ? [`${runs.pendingMore} earlier problem(s) not listed`, ...listed] : listed;
}

export const hourText = (hour: number): string => `${hour < 10 ? "0" : ""}${hour}:00`;

function stateOf(alerts: AlertsRecord | null): string[] {
  if (!alerts?.on) return [alerts ? `off (turned off by ${shortText(alerts.changedBy, 60)})` : "off"];
  const on = `on${alerts.hour === undefined ? "" : ` at ${hourText(alerts.hour)}`}`;
  return alerts.setUpBy ? [on, `set up by ${shortText(alerts.setUpBy, 60)}`] : [on];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The status dialog: the state, then the last check and the last problem in full, one a line. */
export function alertsStatusLines(
  alerts: AlertsRecord | null,
  runs: RunsRecord,
  when: (iso: string) => string,
): string[] {
  const lines = [`Daily alerts: ${stateOf(alerts).join(", ")}.`];
  const run = runs.lastRun;
  lines.push(
    run
      ? `Last check: ${when(run.at)}, ${plural(run.alerts, "alert")}, ${plural(run.sent, "digest")} sent, ${run.missed} not sent.`
      : "No check has run yet.",
  );
  if (runs.lastProblem) lines.push(`Last problem: ${when(runs.lastProblem.at)}: ${runs.lastProblem.text}`);
  return lines;
}

/**
 * `on at 08:00, set up by maya@example.com, last run 2026-11-25 08:03, last problem 2026-11-24
 * 08:01: ...` for the menu, short. `when` formats an ISO instant in the spreadsheet's zone.
 */
export function alertsStateText(
  alerts: AlertsRecord | null,
  runs: RunsRecord,
  when: (iso: string) => string,
): string {
  const parts = stateOf(alerts);
  if (runs.lastRun) {
    const missed = runs.lastRun.missed > 0 ? ` (${plural(runs.lastRun.missed, "digest")} not sent)` : "";
    parts.push(`last run ${when(runs.lastRun.at)}${missed}`);
  }
  if (runs.lastProblem) {
    parts.push(`last problem ${when(runs.lastProblem.at)}: ${shortText(runs.lastProblem.text, 70)}`);
  }
  return parts.join(", ");
}

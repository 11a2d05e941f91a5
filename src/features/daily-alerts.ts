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

export interface Problem {
  at: string;
  text: string;
}

export interface RunsRecord {
  lastRun?: { at: string; alerts: number; sent: number; missed: number };
  lastProblem?: Problem;
  /** Problems since the last manager's digest went out. */
  pending: Problem[];
  pendingMore: number;
}

/** What one run adds to the record. */
export interface RunsEntry {
  lastRun?: RunsRecord["lastRun"];
  problems: Problem[];
  /** Problems left out of `problems` to keep the entry small: only counted. */
  more?: number;
  /** The problems a manager's digest listed (and the count it gave of older ones): no longer pending. */
  reported?: { problems: Problem[]; more: number };
}

/**
 * Key prefix of the entries of runs that could not take the document lock: each under a key of
 * its own (the time it is written, so keys sort in writing order, and a random part), written
 * without reading anything, so two runs can never drop each other's entry. A run holding the lock
 * folds them into the record and deletes them.
 */
export const RUNS_NOTE_PREFIX = `${RUNS_PROPERTY}.note.`;

function parseObject(text: string | null | undefined): Record<string, unknown> | null {
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

export function parseRuns(text: string | null | undefined): RunsRecord {
  const parsed = parseObject(text);
  if (!parsed || !Array.isArray(parsed.pending)) return { pending: [], pendingMore: 0 };
  return parsed as unknown as RunsRecord;
}

const problemKey = (problem: Problem) => `${problem.at} ${problem.text}`;

/**
 * The record with runs' entries, in the order they were written: their problems recorded (the
 * latest by time is the last problem) and kept for the next digest, bounded; what a digest listed
 * no longer pending, whichever entry holds it (a problem recorded meanwhile stays); the last run
 * of the last entry that has one.
 */
export function withEntries(runs: RunsRecord, entries: readonly RunsEntry[]): RunsRecord {
  // Each listed problem takes out one problem of the same time and text: one recorded before, or
  // one of the run's own that its digest listed before it was recorded.
  const listed = entries.flatMap((entry) => entry.reported?.problems ?? []).map(problemKey);
  const unlisted = (problem: Problem) => {
    const at = listed.indexOf(problemKey(problem));
    if (at >= 0) listed.splice(at, 1);
    return at < 0;
  };
  const added = entries.flatMap((entry) =>
    entry.problems.map(({ at, text }) => ({ at, text: shortText(text, 300) })),
  );
  let lastProblem = runs.lastProblem;
  for (const problem of added) if (!lastProblem || problem.at >= lastProblem.at) lastProblem = problem;
  const pending = [...runs.pending, ...added].filter(unlisted);
  const dropped = Math.max(0, pending.length - PENDING_LIMIT);
  const reported = entries.reduce((sum, entry) => sum + (entry.reported?.more ?? 0), 0);
  const more = entries.reduce((sum, entry) => sum + (entry.more ?? 0), 0);
  const lastRun = entries.reduce((last, entry) => entry.lastRun ?? last, runs.lastRun);
  return {
    ...(lastRun ? { lastRun } : {}),
    ...(lastProblem ? { lastProblem } : {}),
    pending: pending.slice(dropped),
    pendingMore: Math.max(0, runs.pendingMore - reported) + more + dropped,
  };
}

/** An entry kept apart stays far below a property's 9 KB: its latest problems, the rest counted. */
export function boundedEntry(entry: RunsEntry): RunsEntry {
  const kept = withEntries({ pending: [], pendingMore: 0 }, [{ problems: entry.problems }]);
  return { ...entry, problems: kept.pending, more: (entry.more ?? 0) + kept.pendingMore };
}

/**
 * The runs' record as every reader sees it: the record with the entries of runs that found the
 * lock busy folded in (in the order they were written), then `own` (a run's own entry); and those
 * entries' keys, for the run that stores the fold.
 */
export function readRuns(
  properties: Record<string, string>,
  own: readonly RunsEntry[] = [],
): { runs: RunsRecord; notes: string[] } {
  const notes = Object.keys(properties)
    .filter((key) => key.startsWith(RUNS_NOTE_PREFIX))
    .sort();
  const entries = notes.flatMap((key) => {
    const note = parseObject(properties[key]);
    return note && Array.isArray(note.problems) ? [note as unknown as RunsEntry] : [];
  });
  return { runs: withEntries(parseRuns(properties[RUNS_PROPERTY]), [...entries, ...own]), notes };
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

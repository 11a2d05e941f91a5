/**
 * The runs' record (last run, last problem, problems for the next digest) is read, changed and
 * written only under the document lock. A run that cannot have the lock (which is exactly when it
 * must record that the workbook was busy) writes its entry under a key of its own instead: one
 * write, no read, so it cannot drop another run's entry, and no second 30-second wait for a lock
 * that was just busy for 30 seconds. The next run holding the lock folds those entries in.
 */
import {
  boundedEntry,
  RUNS_NOTE_PREFIX,
  RUNS_PROPERTY,
  type RunsEntry,
  readRuns,
} from "../features/daily-alerts";
import { withDocumentLockOr } from "./document-lock";

type Properties = GoogleAppsScript.Properties.Properties;

/** Without the lock: the entry under a key no other run uses, stamped when written. */
export function noteRunsEntry(properties: Properties, entry: RunsEntry): void {
  const key = `${RUNS_NOTE_PREFIX}${new Date().toISOString()}.${Math.random().toString(36).slice(2, 8)}`;
  properties.setProperty(key, JSON.stringify(boundedEntry(entry)));
}

/**
 * Under the lock, from the properties as read there: the record to store (the waiting entries and
 * this run's folded in) and the waiting entries' keys, to delete once it is stored.
 */
export function foldedRuns(all: Record<string, string>, entry: RunsEntry): { text: string; notes: string[] } {
  const { runs, notes } = readRuns(all, [entry]);
  return { text: JSON.stringify(runs), notes };
}

/** Under the lock when it can be had, else as a note: for a run's failure outside its own lock. */
export function recordRunsEntry(properties: Properties, entry: RunsEntry): void {
  withDocumentLockOr(
    () => {
      const { text, notes } = foldedRuns(properties.getProperties(), entry);
      properties.setProperty(RUNS_PROPERTY, text);
      // Deleted only after the record holding them is stored: a failure in between loses nothing.
      for (const key of notes) properties.deleteProperty(key);
    },
    () => noteRunsEntry(properties, entry),
  );
}

/** The record as the menu's state and the status dialog show it (one read). */
export const currentRuns = (properties: Properties = PropertiesService.getDocumentProperties()) =>
  readRuns(properties.getProperties()).runs;

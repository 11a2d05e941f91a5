/**
 * The daily alerts trigger, made visible: its unique ID and who turned alerts on live in
 * document properties, so every editor's menu shows the state and any editor can turn alerts
 * off. A trigger runs as the person who made it and only they can delete it; when another editor
 * turns alerts off (or on, for themselves), the old trigger finds it is no longer the stored one
 * at its next run and removes itself. The handler records its own failures instead of dying
 * silently (Google does not email add-on users about failed triggers).
 */
import { ALERTS_PROPERTY, type AlertsRecord, parseAlerts } from "../features/daily-alerts";
import { runChecks } from "./run-checks";
import { recordRunsEntry } from "./runs-record";

export const DAILY_HANDLER = "runDailyChecks";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

const documentProperties = (): Properties => PropertiesService.getDocumentProperties();

export function readAlerts(properties: Properties = documentProperties()): AlertsRecord | null {
  return parseAlerts(properties.getProperty(ALERTS_PROPERTY));
}

function storeAlerts(record: AlertsRecord): void {
  documentProperties().setProperty(ALERTS_PROPERTY, JSON.stringify(record));
}

/** Under the document lock, or under a key of its own when another run holds it (see runs-record). */
function recordProblem(text: string): void {
  recordRunsEntry(documentProperties(), { problems: [{ at: new Date().toISOString(), text }] });
}

/** This user's daily triggers in this project (an add-on's project is this document's). */
function myDailyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === DAILY_HANDLER);
}

function me(): string {
  return Session.getEffectiveUser().getEmail();
}

function createDailyTrigger(spreadsheet: Spreadsheet, hour: number): string {
  return ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(spreadsheet.getSpreadsheetTimeZone())
    .create()
    .getUniqueId();
}

/** Turning on twice replaces, never adds; it replaces another editor's trigger too (see above). */
export function turnOnDailyAlerts(spreadsheet: Spreadsheet, hour: number): { replaced: string | undefined } {
  const previous = readAlerts();
  for (const trigger of myDailyTriggers()) ScriptApp.deleteTrigger(trigger);
  const email = me();
  const triggerId = createDailyTrigger(spreadsheet, hour);
  const at = new Date().toISOString();
  storeAlerts({ on: true, triggerId, setUpBy: email, hour, changedBy: email, changedAt: at });
  const replaced =
    previous?.on && previous.setUpBy && previous.setUpBy !== email ? previous.setUpBy : undefined;
  return { replaced };
}

/**
 * Deletes the stored trigger when it is this user's (and any other daily trigger of theirs);
 * another editor's trigger is disarmed and removes itself at its next run. Returns whose it was
 * when it was someone else's.
 */
export function turnOffDailyAlerts(): { wasOn: boolean; removed: number; otherOwner: string | undefined } {
  const was = readAlerts();
  const mine = myDailyTriggers();
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  const email = me();
  storeAlerts({ on: false, changedBy: email, changedAt: new Date().toISOString() });
  const stored =
    was?.triggerId !== undefined && mine.some((trigger) => trigger.getUniqueId() === was.triggerId);
  const otherOwner = was?.on && !stored && was.setUpBy && was.setUpBy !== email ? was.setUpBy : undefined;
  return { wasOn: was?.on === true, removed: mine.length, otherOwner };
}

function removeTrigger(uniqueId: string): void {
  for (const trigger of myDailyTriggers()) {
    if (trigger.getUniqueId() === uniqueId) ScriptApp.deleteTrigger(trigger);
  }
}

const AUTHORIZATION_LOST =
  "Daily alerts lost their authorization: the person who set them up must open Extensions > Campaign Desk and turn daily alerts on again.";

/** The time-driven trigger: no UI here, ever; every failure is recorded for the menu and the next digest. */
export function runDailyTrigger(event?: GoogleAppsScript.Events.TimeDriven): void {
  try {
    // Asked for once: the run reads and writes its other properties through the same object.
    const properties = documentProperties();
    const record = readAlerts(properties);
    const uid = event?.triggerUid;
    if (uid && record && record.triggerId !== uid) {
      // Turned off, or replaced by another editor's trigger: this one retires.
      removeTrigger(uid);
      return;
    }
    const status = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
    if (status === ScriptApp.AuthorizationStatus.REQUIRED) {
      recordProblem(AUTHORIZATION_LOST);
      return;
    }
    let alerts = record;
    if (uid && !alerts) {
      // A trigger made before the state was stored: adopt it, so the menu shows it.
      const email = me();
      alerts = {
        on: true,
        triggerId: uid,
        setUpBy: email,
        changedBy: email,
        changedAt: new Date().toISOString(),
      };
      storeAlerts(alerts);
    }
    const summary = runChecks({ sendDigest: true, alerts, properties });
    if (uid && !summary.busy) followDigestHour(uid, summary.digestHour);
  } catch (error) {
    const text = String(error);
    recordProblem(
      /authori[sz]ation/i.test(text) ? `${AUTHORIZATION_LOST} (${text})` : `The daily run failed: ${text}`,
    );
    console.error(`Campaign Desk daily run failed: ${text}`);
  }
}

/** A changed Digest hour in Settings moves the trigger, from its own run. */
function followDigestHour(uid: string, hour: number): void {
  const record = readAlerts();
  if (!record?.on || record.triggerId !== uid || record.hour === hour) return;
  const triggerId = createDailyTrigger(SpreadsheetApp.getActive(), hour);
  removeTrigger(uid);
  storeAlerts({ ...record, triggerId, hour });
}

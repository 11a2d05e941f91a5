/**
 * The daily alerts trigger: exactly one time-driven trigger per user per document, at the
 * digest hour. Turning it on twice replaces, never adds.
 */
export const DAILY_HANDLER = "runDailyChecks";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function dailyTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === DAILY_HANDLER,
  );
}

export function turnOnDailyAlerts(spreadsheet: Spreadsheet, hour: number): void {
  for (const trigger of dailyTriggers(spreadsheet)) ScriptApp.deleteTrigger(trigger);
  ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(spreadsheet.getSpreadsheetTimeZone())
    .create();
}

export function turnOffDailyAlerts(spreadsheet: Spreadsheet): number {
  const triggers = dailyTriggers(spreadsheet);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

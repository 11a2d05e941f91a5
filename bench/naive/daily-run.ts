/**
 * Naive daily run: the same checks, owned values, highlights, Operations tab and digest as
 * src/gas/run-checks.ts, written the way most scripts do it: each tab read in one call (that
 * much most scripts get right), then one setValue per owned cell, one setBackground per
 * highlighted row, one appendRow per Operations row (its colours from the view's rules).
 */
import type { Alert } from "../../src/domain/alerts";
import { isoFromDay, zoneCalendar } from "../../src/domain/day";
import { allowedDomains } from "../../src/domain/recipients";
import { computeChecks } from "../../src/features/checks";
import { digestReaders, mailingOrder, renderDigest } from "../../src/features/digest";
import { claimDigests, parseLedger } from "../../src/features/digest-ledger";
import { buildOperationsView } from "../../src/features/operations";
import { LEDGER_PROPERTY } from "../../src/gas/run-checks";
import type { EmulatorGlobals } from "../../src/local/index";
import { HIGH, MEDIUM } from "../../src/workbook/highlights";
import { headerKey, TABS, type TabName, tabSchema } from "../../src/workbook/schema";
import { locateColumns } from "../../src/workbook/setup-plan";
import { asTypedText, keyText } from "../../src/workbook/table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `now` is the emulator's clock: this code runs in Node, not in the emulator's vm. */
export function naiveDailyRun(g: EmulatorGlobals, now: Date): void {
  const spreadsheet = g.SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const today = calendar.dayOf(now) ?? 0;

  const sheets = new Map<TabName, Sheet>();
  const tabs: Partial<Record<TabName, unknown[][]>> = {};
  for (const tab of TABS) {
    if (tab.generated) continue;
    const sheet = spreadsheet.getSheetByName(tab.name);
    if (!sheet) continue;
    sheets.set(tab.name, sheet);
    tabs[tab.name] = sheet.getDataRange().getValues();
  }
  const result = computeChecks({ tabs, today, calendar });

  const sheetIds = new Map<TabName, number>();
  for (const [tab, computed] of result.owned) {
    const sheet = sheets.get(tab);
    const values = tabs[tab];
    if (!sheet || !values || values.length < 2) continue;
    const schema = tabSchema(tab);
    const header = values[0] ?? [];
    const columns = locateColumns(header);
    const keyColumn = columns.get(headerKey(schema.key));
    if (keyColumn === undefined) continue;
    const owned = schema.columns.flatMap((column) => {
      const position = columns.get(headerKey(column.header));
      return column.owned && position !== undefined ? [{ header: column.header, position }] : [];
    });
    // Last run's highlights off, in one call.
    sheet.getRange(2, 1, values.length - 1, header.length).setBackground(null);
    for (let index = 1; index < values.length; index++) {
      const record = computed.get(keyText(values[index]?.[keyColumn - 1]));
      if (!record) continue;
      for (const { header: name, position } of owned) {
        if (name in record) sheet.getRange(index + 1, position).setValue(asTypedText(record[name] ?? ""));
      }
      const alerts = String(record.Alerts ?? record.Checks ?? "");
      const colour = alerts.startsWith("High") ? HIGH : alerts.startsWith("Medium") ? MEDIUM : null;
      if (colour) sheet.getRange(index + 1, 1, 1, header.length).setBackground(colour.background);
    }
    sheetIds.set(tab, sheet.getSheetId());
  }

  const stamp = `${isoFromDay(today)} ${g.Utilities.formatDate(now, calendar.timeZone, "HH:mm")}`;
  const view = buildOperationsView(
    result.operations,
    today,
    { dateOf: (day) => calendar.midnightOf(day), isoOf: isoFromDay },
    stamp,
    result.settings.operationsRows,
  );
  const operations =
    spreadsheet.getSheetByName("Operations") ??
    spreadsheet.insertSheet("Operations", spreadsheet.getSheets().length);
  operations.clear();
  view.values.forEach((row) => {
    operations.appendRow(row);
  });
  const height = view.values.length;
  if (height > 1) {
    for (const column of view.dateColumns)
      operations.getRange(2, column, height - 1, 1).setNumberFormat("yyyy-mm-dd");
  }
  operations.setConditionalFormatRules(
    view.rules.map((rule) =>
      g.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(rule.formula)
        .setBackground(rule.background)
        .setRanges([operations.getRange(2, rule.column, Math.max(height - 1, 1), rule.numColumns)])
        .build(),
    ),
  );
  operations.getRange(1, 1, 1, view.values[0]?.length ?? 1).setBackground(view.headerBackground);
  operations.getRange(1, 1, 1, view.values[0]?.length ?? 1).setFontWeight("bold");
  operations.setFrozenRows(view.frozenRows);
  operations.setFrozenColumns(view.frozenColumns);
  const { first, count, pixels } = view.columnWidths;
  for (let column = first; column < first + count; column++) operations.setColumnWidth(column, pixels);

  // The digest, as ours: one email per recipient, today's ledger in document properties.
  const properties = g.PropertiesService.getDocumentProperties();
  const todayIso = isoFromDay(today);
  const url = spreadsheet.getUrl();
  const { managerEmails, allowedEmailDomains } = result.settings;
  const readers = mailingOrder(
    digestReaders({
      alerts: result.alerts,
      managers: managerEmails,
      owners: result.owners,
      allowed: allowedDomains(allowedEmailDomains, managerEmails, undefined),
    }),
    todayIso,
  );
  const claim = claimDigests(parseLedger(properties.getProperty(LEDGER_PROPERTY)), {
    today: todayIso,
    order: readers,
    remainingQuota: () => g.MailApp.getRemainingDailyQuota(),
    now: now.toISOString(),
    run: "naive",
  });
  for (const reader of claim.send) {
    const message = renderDigest(reader, {
      spreadsheetName: spreadsheet.getName(),
      today: todayIso,
      rowLink: (alert: Alert) =>
        `${url}#gid=${sheetIds.get(alert.tab as TabName) ?? 0}&range=A${alert.sheetRow}`,
      operationsLink: `${url}#gid=${operations.getSheetId()}`,
      notes: { notDelivered: [], problems: [] },
    });
    g.MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.body,
      htmlBody: message.htmlBody,
      name: "Campaign Desk",
    });
  }
  delete claim.ledger.mailing;
  properties.setProperty(LEDGER_PROPERTY, JSON.stringify(claim.ledger));
}

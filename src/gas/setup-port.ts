/** SetupPort over SpreadsheetApp: a few batch reads per tab, one call per step part. */
import type { SetupPort } from "../features/setup";
import { headerKey, type TabName } from "../workbook/schema";
import {
  OWNED_HEADER_BACKGROUND,
  type SetupStep,
  type TabSnapshot,
  TEAM_HEADER_BACKGROUND,
  type ValidationSpec,
} from "../workbook/setup-plan";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The rule of a spec; `app` is the SpreadsheetApp to build it with (the bench passes its own). */
export function buildValidation(
  spec: ValidationSpec,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp = SpreadsheetApp,
): Validation {
  // Warn, never reject: a value a user already typed must stay where it is.
  const builder = app.newDataValidation().setAllowInvalid(true);
  switch (spec.type) {
    case "list":
      return builder.requireValueInList([...spec.values], true).build();
    case "date":
      return builder.requireDate().build();
    case "email":
      return builder.requireTextIsEmail().build();
    case "number":
      return (
        spec.max === undefined
          ? builder.requireNumberGreaterThanOrEqualTo(spec.min)
          : builder.requireNumberBetween(spec.min, spec.max)
      ).build();
  }
}

export function spreadsheetSetupPort(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupPort {
  const sheets = new Map<TabName, Sheet>();
  const validations = new Map<TabName, (Validation | null)[][]>();
  // A rule is a value: build each kind once per run and reuse it (4 calls saved per column).
  const rules = new Map<string, Validation>();
  const ruleFor = (spec: ValidationSpec): Validation => {
    const key = JSON.stringify(spec);
    const rule = rules.get(key) ?? buildValidation(spec);
    rules.set(key, rule);
    return rule;
  };

  const sheetOf = (tab: TabName): Sheet => {
    const sheet = sheets.get(tab) ?? spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`The tab ${tab} disappeared during setup; run Set up workbook again.`);
    sheets.set(tab, sheet);
    return sheet;
  };

  return {
    readTab(name) {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) return null;
      sheets.set(name, sheet);
      const lastColumn = sheet.getLastColumn();
      const maxRows = sheet.getMaxRows();
      const snapshot: TabSnapshot = {
        name,
        lastColumn,
        maxColumns: sheet.getMaxColumns(),
        maxRows,
        frozenRows: sheet.getFrozenRows(),
        headers: [],
        headerNotes: [],
        validationMissing: [],
      };
      if (lastColumn === 0) return snapshot;
      const headerRow = sheet.getRange(1, 1, 1, lastColumn);
      snapshot.headers = headerRow.getValues()[0] ?? [];
      snapshot.headerNotes = headerRow.getNotes()[0] ?? [];
      if (maxRows > 1) {
        const rules = sheet.getRange(2, 1, maxRows - 1, lastColumn).getDataValidations();
        validations.set(name, rules);
        snapshot.validationMissing = Array.from({ length: lastColumn }, (_, column) =>
          rules.some((row) => !row[column]),
        );
      }
      if (name === "Settings") {
        const lastRow = sheet.getLastRow();
        snapshot.lastRow = lastRow;
        const keyAt = snapshot.headers.findIndex((header) => headerKey(header) === "key");
        const valueAt = snapshot.headers.findIndex((header) => headerKey(header) === "value");
        if (keyAt >= 0 && lastRow > 1) {
          const rows = sheet.getRange(2, 1, lastRow - 1, lastColumn).getValues();
          snapshot.settings = rows.map((row) => [row[keyAt], valueAt >= 0 ? row[valueAt] : ""] as const);
        }
      }
      return snapshot;
    },

    apply(step: SetupStep) {
      switch (step.kind) {
        case "createTab":
          sheets.set(step.tab, spreadsheet.insertSheet(step.tab, spreadsheet.getSheets().length));
          return;
        case "addColumns":
          sheetOf(step.tab).insertColumnsAfter(step.after, step.count);
          return;
        case "writeHeaders": {
          const sheet = sheetOf(step.tab);
          const count = step.columns.length;
          const header = sheet.getRange(1, step.firstColumn, 1, count);
          header.setValues([step.columns.map((column) => column.header)]);
          header.setNotes([step.columns.map((column) => column.note)]);
          header.setBackgrounds([
            step.columns.map((column) => (column.owned ? OWNED_HEADER_BACKGROUND : TEAM_HEADER_BACKGROUND)),
          ]);
          header.setFontWeight("bold");
          const dataRows = sheet.getMaxRows() - 1;
          if (dataRows < 1) return;
          step.columns.forEach((column, index) => {
            const cells = sheet.getRange(2, step.firstColumn + index, dataRows, 1);
            if (column.numberFormat) cells.setNumberFormat(column.numberFormat);
            if (column.validation) cells.setDataValidation(ruleFor(column.validation));
          });
          return;
        }
        case "noteHeaders": {
          // One read and one write for the span of headers that lack a note; the notes already
          // there are read now and written back as they are.
          const columns = step.notes.map(({ column }) => column);
          const first = Math.min(...columns);
          const span = sheetOf(step.tab).getRange(1, first, 1, Math.max(...columns) - first + 1);
          const notes = span.getNotes()[0] ?? [];
          for (const { column, note } of step.notes) notes[column - first] = note;
          span.setNotes([notes]);
          return;
        }
        case "fillValidation": {
          const existing = validations.get(step.tab) ?? [];
          const rule = ruleFor(step.validation);
          const column = existing.map((row) => [row[step.column - 1] ?? rule]);
          sheetOf(step.tab).getRange(2, step.column, column.length, 1).setDataValidations(column);
          return;
        }
        case "freezeHeader":
          sheetOf(step.tab).setFrozenRows(1);
          return;
        case "appendSettings": {
          const sheet = sheetOf("Settings");
          const count = step.rows.length;
          sheet.getRange(step.firstRow, step.keyColumn, count, 1).setValues(step.rows.map(([key]) => [key]));
          sheet
            .getRange(step.firstRow, step.valueColumn, count, 1)
            .setValues(step.rows.map(([, value]) => [value]));
          return;
        }
      }
    },
  };
}

/** What a person does to a tab while the add-on runs, for interleaving tests. */
import fc from "fast-check";
import type { Emulator } from "../../src/local/index";
import { headerKey, TABS, type TabName } from "../../src/workbook/schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The owned headers of each tab (as headerKey). */
export const ownedHeaders = new Map(
  TABS.map((tab) => [
    tab.name,
    new Set(tab.columns.filter((column) => column.owned).map((column) => headerKey(column.header))),
  ]),
);

/** What a person does to a tab, through the UI (uncounted). */
export type PersonEdit =
  | { kind: "insertColumn"; at: number }
  | { kind: "deleteColumn"; at: number }
  | { kind: "sort"; by: number; ascending: boolean }
  | { kind: "typeRow"; at: number }
  /** Types over one cell of a team column: `header` names it, else `column` picks one. */
  | { kind: "typeCell"; row: number; column: number; value: string | number; header?: string };

/**
 * The structural edits. `typeCell` is left out: typing over a key cell during a sidebar save
 * fails sidebar-edits' model (reported to the coordinator), so it is used by name for now.
 */
export const personEdit: fc.Arbitrary<PersonEdit> = fc.oneof(
  fc.record({ kind: fc.constant("insertColumn" as const), at: fc.nat(40) }),
  fc.record({ kind: fc.constant("deleteColumn" as const), at: fc.nat(40) }),
  fc.record({ kind: fc.constant("sort" as const), by: fc.nat(40), ascending: fc.boolean() }),
  fc.record({ kind: fc.constant("typeRow" as const), at: fc.nat(200) }),
);

/** Applies an edit to a tab; a column the edit would delete is a team column (never an owned one). */
export function applyEdit(sheet: Sheet, tab: TabName, edit: PersonEdit): void {
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [];
  const teamColumns = header.flatMap((cell, index) =>
    ownedHeaders.get(tab)?.has(headerKey(cell)) ? [] : [index + 1],
  );
  switch (edit.kind) {
    case "insertColumn": {
      const at = (edit.at % (lastColumn + 1)) + 1;
      sheet.insertColumnBefore(Math.min(at, sheet.getMaxColumns()));
      sheet
        .getRange(1, at, lastRow, 1)
        .setValues(Array.from({ length: lastRow }, (_, row) => [row === 0 ? "Team memo" : `memo ${row}`]));
      return;
    }
    case "deleteColumn":
      if (teamColumns.length > 0) sheet.deleteColumn(teamColumns[edit.at % teamColumns.length] as number);
      return;
    case "sort":
      if (lastRow > 2)
        sheet
          .getRange(2, 1, lastRow - 1, lastColumn)
          .sort({ column: (edit.by % lastColumn) + 1, ascending: edit.ascending });
      return;
    case "typeRow": {
      const at = (edit.at % lastRow) + 2;
      sheet.insertRowBefore(at);
      sheet
        .getRange(at, 1, 1, lastColumn)
        .setValues([
          header.map((cell, index) =>
            ownedHeaders.get(tab)?.has(headerKey(cell)) ? "" : index === 0 ? "NEW-1" : `typed ${index}`,
          ),
        ]);
      return;
    }
    case "typeCell": {
      // Into a team column of a data row, as a person types over a value: the row and column
      // wrap onto the tab, so any generated edit lands somewhere real.
      if (lastRow < 2 || teamColumns.length === 0) return;
      const row = (edit.row % (lastRow - 1)) + 2;
      const named =
        edit.header === undefined ? -1 : header.map(headerKey).indexOf(headerKey(edit.header)) + 1;
      const column = named > 0 ? named : (teamColumns[edit.column % teamColumns.length] as number);
      sheet.getRange(row, column).setValue(edit.value);
      return;
    }
  }
}

/**
 * Someone types a new row at the top of Collaborations whenever the check makes a range there,
 * so every run is disturbed; returns the stop.
 */
export function keepTypingNewRows(emulator: Emulator): () => void {
  let typed = 0;
  return emulator.hooks.afterCall((call) => {
    if (call.method !== "getRange" || call.sheet !== "Collaborations") return;
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName("Collaborations");
      sheet?.insertRowBefore(2);
      typed += 1;
      sheet?.getRange(2, 1).setValue(`K-NEW-${typed}`);
    });
  });
}

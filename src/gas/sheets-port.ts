/**
 * The daily check's reads and writes over SpreadsheetApp: a tab in one read, an owned column in
 * one write, the add-on's highlight rules in one write when they changed (the operating view
 * has its own, src/gas/operations-view.ts). No call is ever made per row.
 */
import type { OwnedColumnPort } from "../features/owned-writes";
import { columnLetter, type HighlightRule, isOwnedRuleFormula } from "../workbook/highlights";
import type { TabName } from "../workbook/schema";
import type { ColumnWrite } from "../workbook/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetsPort extends OwnedColumnPort {
  sheetId(tab: TabName): number | null;
  /** Replaces the add-on's own highlight rules of a tab, keeping the team's rules first. */
  ensureHighlights(tab: TabName, rules: readonly HighlightRule[]): void;
}

export function sheetsPort(spreadsheet: Spreadsheet): SheetsPort {
  const sheets = new Map<TabName, Sheet | null>();
  const sheetOf = (tab: TabName): Sheet | null => {
    if (!sheets.has(tab)) sheets.set(tab, spreadsheet.getSheetByName(tab));
    return sheets.get(tab) ?? null;
  };

  return {
    read(tab) {
      const sheet = sheetOf(tab);
      return sheet ? sheet.getDataRange().getValues() : null;
    },

    readColumn(tab, column) {
      const sheet = sheetOf(tab);
      const lastRow = sheet ? sheet.getLastRow() : 0;
      if (!sheet || lastRow < 1) return [];
      return sheet
        .getRange(1, column, lastRow, 1)
        .getValues()
        .map((row) => row[0]);
    },

    writeColumn(tab, write: ColumnWrite) {
      const sheet = sheetOf(tab);
      if (!sheet || write.values.length === 0) return;
      sheet.getRange(2, write.column, write.values.length, write.headers.length).setValues(write.values);
    },

    sheetId(tab) {
      return sheetOf(tab)?.getSheetId() ?? null;
    },

    ensureHighlights(tab, wanted) {
      const sheet = sheetOf(tab);
      if (!sheet) return;
      const rows = Math.max(sheet.getMaxRows() - 1, 1);
      // Each rule is read once: its condition, colour and ranges.
      const existing = sheet.getConditionalFormatRules().map((rule) => {
        const condition = rule.getBooleanCondition();
        const values = condition?.getCriteriaValues() ?? [];
        const formula = typeof values[0] === "string" ? values[0] : "";
        return { rule, formula, condition };
      });
      const teams = existing.filter(({ formula }) => !isOwnedRuleFormula(formula)).map(({ rule }) => rule);
      const signature = (formula: string, background: string, a1: string) => `${formula}|${background}|${a1}`;
      const have = existing
        .filter(({ formula }) => isOwnedRuleFormula(formula))
        .map(({ rule, formula, condition }) =>
          signature(
            formula,
            String(condition?.getBackground() ?? ""),
            rule
              .getRanges()
              .map((range) => range.getA1Notation())
              .join(","),
          ),
        );
      const want = wanted.map((rule) =>
        signature(rule.formula, rule.background, rangeA1(rule.column, rule.numColumns, rows)),
      );
      if (have.length === want.length && have.every((entry, index) => entry === want[index])) return;
      const built = wanted.map((rule) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(rule.formula)
          .setBackground(rule.background)
          .setFontColor(rule.fontColor)
          .setRanges([sheet.getRange(2, rule.column, rows, rule.numColumns)])
          .build(),
      );
      // The team's rules stay first so that, where both match, their colours win.
      sheet.setConditionalFormatRules([...teams, ...built]);
    },
  };
}

/** A1 of rows 2 to 1 + rows of some columns, as Sheets writes it (`A2:X1000`). */
function rangeA1(column: number, numColumns: number, rows: number): string {
  return `${columnLetter(column)}2:${columnLetter(column + numColumns - 1)}${rows + 1}`;
}

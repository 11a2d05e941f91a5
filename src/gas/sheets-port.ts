/**
 * The daily check's reads and writes over SpreadsheetApp: a tab in one read, each block of changed
 * owned cells in one write after one confirming read per tab, the add-on's highlight rules only when their
 * signature changed (or in the weekly full check), the operating view only as far as it changed
 * (src/gas/operations-view.ts) and only in the tab the add-on made for it. No call is ever made
 * per row.
 */
import { type GeneratedTab, OPERATIONS_HEADERS, readWrittenView } from "../features/operations";
import type { OwnedColumnPort } from "../features/owned-writes";
import { type AddOnRecord, textSignature } from "../workbook/add-on-record";
import { columnLetter, type HighlightRule, isOwnedRuleFormula } from "../workbook/highlights";
import { headerKey, type TabName } from "../workbook/schema";
import { writeOperationsView } from "./operations-view";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface HighlightOptions {
  record: AddOnRecord;
  /** Row 1 as the run last saw it. */
  header: readonly unknown[];
  /** Rows the tab held when read (header included): the rules must reach the last one. */
  height: number;
  /** Read the rules back even when their signature matches (a person may have removed them). */
  fullCheck: boolean;
}

export interface SheetsPort extends OwnedColumnPort {
  /** The tab, asked for once per run. */
  sheet(tab: TabName): Sheet | null;
  /** The tab's values (header row first), or null when it is missing. */
  read(tab: TabName): unknown[][] | null;
  sheetId(tab: TabName): number | null;
  /** The notes of row 1. */
  readHeaderNotes(tab: TabName): unknown[];
  /** Replaces the add-on's own highlight rules of a tab, keeping the team's rules first. */
  ensureHighlights(
    tab: TabName,
    rulesFor: (header: readonly unknown[]) => HighlightRule[],
    options: HighlightOptions,
  ): void;
  /**
   * Writes the operating view in the tab the add-on made for it (recorded by sheet ID), creating
   * one when there is none; a tab the team made is never written. Only what changed since the
   * written view kept in the record is written (`rebuild`: all of it). Returns the tab's name.
   */
  writeGeneratedTab(content: GeneratedTab, record: AddOnRecord, rebuild: boolean): string;
}

/** The name the operating view gets when the team has a tab called Operations. */
export const OWN_VIEW_NAME = "Operations (Campaign Desk)";

export function sheetsPort(spreadsheet: Spreadsheet): SheetsPort {
  const sheets = new Map<TabName, Sheet | null>();
  const sheetOf = (tab: TabName): Sheet | null => {
    if (!sheets.has(tab)) sheets.set(tab, spreadsheet.getSheetByName(tab));
    return sheets.get(tab) ?? null;
  };
  const ids = new Map<TabName, number | null>();

  return {
    sheet: sheetOf,

    read(tab) {
      const sheet = sheetOf(tab);
      return sheet ? sheet.getDataRange().getValues() : null;
    },

    readHeader(tab) {
      const sheet = sheetOf(tab);
      if (!sheet) return [];
      return sheet.getRange("1:1").getValues()[0] ?? [];
    },

    readKeys(tab, column) {
      const sheet = sheetOf(tab);
      if (!sheet) return [];
      const letter = columnLetter(column);
      return sheet
        .getRange(`${letter}2:${letter}`)
        .getValues()
        .map((row) => row[0]);
    },

    readBox(tab, column, numColumns, numRows) {
      const sheet = sheetOf(tab);
      try {
        return sheet ? sheet.getRange(1, column, numRows, numColumns).getValues() : [];
      } catch {
        // Rows or columns deleted meanwhile put the box outside the tab: it moved.
        return [];
      }
    },

    prepare(tab, block) {
      const sheet = sheetOf(tab) as Sheet;
      try {
        const range = sheet.getRange(
          block.row,
          block.column,
          block.values.length,
          block.values[0]?.length ?? 1,
        );
        return { write: () => void range.setValues(block.values) };
      } catch {
        // Columns or rows deleted meanwhile put the block outside the tab: it moved.
        return null;
      }
    },

    readHeaderNotes(tab) {
      return sheetOf(tab)?.getRange("1:1").getNotes()[0] ?? [];
    },

    sheetId(tab) {
      if (!ids.has(tab)) ids.set(tab, sheetOf(tab)?.getSheetId() ?? null);
      return ids.get(tab) ?? null;
    },

    ensureHighlights(tab, rulesFor, { record, header, height, fullCheck }) {
      const rulesSignature = textSignature(JSON.stringify(rulesFor(header)));
      const [signature, covered] = (record.highlights[tab] ?? "").split("|");
      // Unchanged rules still reaching every row: nothing to read or write.
      if (!fullCheck && signature === rulesSignature && height - 1 <= Number(covered)) return;
      const sheet = sheetOf(tab);
      if (!sheet) return;
      try {
        // Placed on the columns as they are now, and written only if they did not move meanwhile.
        const headerRow = sheet.getRange("1:1");
        // The whole row: trailing blank cells are not columns of the table.
        const now = withoutTrailingBlanks(headerRow.getValues()[0] ?? []);
        const wanted = rulesFor(now);
        const rows = Math.max(sheet.getMaxRows() - 1, 1);
        const existing = sheet.getConditionalFormatRules().map((rule) => {
          const condition = rule.getBooleanCondition();
          const values = condition?.getCriteriaValues() ?? [];
          const formula = typeof values[0] === "string" ? values[0] : "";
          return { rule, formula, condition };
        });
        const teams = existing.filter(({ formula }) => !isOwnedRuleFormula(formula)).map(({ rule }) => rule);
        const have = existing
          .filter(({ formula }) => isOwnedRuleFormula(formula))
          .map(({ rule, formula, condition }) =>
            ruleText(
              formula,
              String(condition?.getBackground() ?? ""),
              rule
                .getRanges()
                .map((range) => range.getA1Notation())
                .join(","),
            ),
          );
        const want = wanted.map((rule) =>
          ruleText(rule.formula, rule.background, rangeA1(rule.column, rule.numColumns, rows)),
        );
        if (have.length === want.length && have.every((entry, index) => entry === want[index])) {
          record.highlights[tab] = `${textSignature(JSON.stringify(wanted))}|${rows}`;
          return;
        }
        const built = wanted.map((rule) =>
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(rule.formula)
            .setBackground(rule.background)
            .setFontColor(rule.fontColor)
            .setRanges([sheet.getRange(2, rule.column, rows, rule.numColumns)])
            .build(),
        );
        if (!sameHeaderRow(withoutTrailingBlanks(headerRow.getValues()[0] ?? []), now)) return;
        // The team's rules stay first so that, where both match, their colours win.
        sheet.setConditionalFormatRules([...teams, ...built]);
        record.highlights[tab] = `${textSignature(JSON.stringify(wanted))}|${rows}`;
      } catch {
        // A tab changed under the run (columns deleted meanwhile): the next run places the rules.
        delete record.highlights[tab];
      }
    },

    writeGeneratedTab(content, record, rebuild) {
      const recorded = recordedView(spreadsheet, record);
      const adopted = recorded ? null : adoptableView(spreadsheet, record);
      const existing = recorded ?? adopted?.view ?? null;
      // Read after the tab is chosen: adopting or creating one forgets what was written.
      const written = writeOperationsView(
        { existing, create: () => createView(spreadsheet, record, adopted?.taken === false) },
        content,
        rebuild ? null : readWrittenView(record.viewSignature ?? null),
      );
      if (written) record.viewSignature = JSON.stringify(written);
      return record.view?.name ?? "Operations";
    },
  };
}

function withoutTrailingBlanks(row: readonly unknown[]): unknown[] {
  let length = row.length;
  while (length > 0 && (row[length - 1] === "" || row[length - 1] === null)) length -= 1;
  return row.slice(0, length);
}

const sameHeaderRow = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((cell, index) => headerKey(cell) === headerKey(b[index]));

const ruleText = (formula: string, background: string, a1: string) => `${formula}|${background}|${a1}`;

/**
 * The tab the add-on made for the operating view, found by its recorded name and confirmed by its
 * sheet ID (a renamed one is found by ID); null when it is gone or never made.
 */
export function recordedView(spreadsheet: Spreadsheet, record: AddOnRecord): Sheet | null {
  const view = record.view;
  if (!view) return null;
  const named = spreadsheet.getSheetByName(view.name);
  if (named && named.getSheetId() === view.id) return named;
  const found = spreadsheet.getSheets().find((sheet) => sheet.getSheetId() === view.id) ?? null;
  if (found) record.view = { id: view.id, name: found.getName() };
  return found;
}

/**
 * A tab named Operations the add-on may take for the view when none is recorded: an empty one, or
 * one already showing the view (made by an earlier version); a tab of the team's is never taken.
 */
export function adoptableView(
  spreadsheet: Spreadsheet,
  record: AddOnRecord,
): { view: Sheet | null; taken: boolean } {
  const sheet = spreadsheet.getSheetByName("Operations");
  if (!sheet) return { view: null, taken: false };
  const first = sheet.getLastRow() === 0 ? [] : (sheet.getRange(1, 1, 1, 3).getValues()[0] ?? []);
  const ours =
    first.length === 0 || OPERATIONS_HEADERS.slice(0, 3).every((header, index) => first[index] === header);
  if (!ours) return { view: null, taken: true };
  record.view = { id: sheet.getSheetId(), name: sheet.getName() };
  delete record.viewSignature;
  return { view: sheet, taken: true };
}

/**
 * A new tab for the view: `Operations`, or a name of its own when the team has an Operations tab.
 * `operationsFree`: the caller just saw there is no tab named Operations.
 */
export function createView(spreadsheet: Spreadsheet, record: AddOnRecord, operationsFree = false): Sheet {
  let name = "Operations";
  for (let attempt = 1; !(operationsFree && attempt === 1) && spreadsheet.getSheetByName(name); attempt++)
    name = attempt === 1 ? OWN_VIEW_NAME : `${OWN_VIEW_NAME} ${attempt}`;
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  record.view = { id: sheet.getSheetId(), name };
  delete record.viewSignature;
  return sheet;
}

/** A1 of rows 2 to 1 + rows of some columns, as Sheets writes it (`A2:X1000`). */
function rangeA1(column: number, numColumns: number, rows: number): string {
  return `${columnLetter(column)}2:${columnLetter(column + numColumns - 1)}${rows + 1}`;
}

/** The spreadsheet (its sheets, zone and rules) and SpreadsheetApp. */
import { columnLetters, columnNumber, splitSheetName } from "./a1";
import {
  ConditionalFormatRule,
  ConditionalFormatRuleBuilder,
  type ConditionSpec,
  DataValidationBuilder,
} from "./builders";
import { CLASS_NAME } from "./call-log";
import { BooleanCriteria, DataValidationCriteria, WrapStrategy } from "./enums";
import { fail } from "./errors";
import { evaluateFormula } from "./formula";
import {
  type NamedRange,
  type NamedRangeRecord,
  namedRanges,
  rangeByName,
  removeNamedRange,
  setNamedRange,
} from "./named-range";
import { Range } from "./range";
import { Sheet } from "./sheet";
import type { Ui, UiRecords } from "./ui";
import { type CellValue, displayValue, isDate } from "./values";
import { isValidTimeZone, startOfDay } from "./zone";

export type FormulaEvaluator = (formula: string, sheetName: string, row: number, column: number) => unknown;

export interface EffectiveFormat {
  background: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: boolean;
}

/** The document's state, shared by its Spreadsheet and Sheet objects. */
export class Workbook {
  sheets: Sheet[] = [];
  activeSheetId = 0;
  /** The selection, on the sheet it was made on; A1 of the active sheet when there is none. */
  activeRange: {
    sheetId: number;
    box: { row: number; column: number; numRows: number; numColumns: number };
  } | null = null;
  nextSheetId = 0;
  evaluator: FormulaEvaluator | null = null;
  namedRanges: NamedRangeRecord[] = [];
  /** The spreadsheet's locale (File > Settings), as Sheets names it: en_US, de_DE, pt_BR. */
  locale = "en_US";
  readonly api: Spreadsheet;

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    readonly ui: UiRecords,
    readonly now: () => Date,
  ) {
    this.api = new Spreadsheet(this);
  }

  evaluate(formula: string, sheetName: string, row: number, column: number): CellValue {
    if (!this.evaluator) return "";
    return normalizeResult(this.evaluator(formula, sheetName, row, column));
  }

  sheetByName(name: string): Sheet | null {
    // Sheets matches tab names case-insensitively.
    const key = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === key) ?? null;
  }

  checkNewName(name: string, except?: Sheet): void {
    if (typeof name !== "string" || name.trim() === "") fail("Invalid argument: name");
    const clash = this.sheetByName(name);
    if (clash && clash !== except)
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  addSheet(name: string | undefined, index: number, maxRows = 1000, maxColumns = 26): Sheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let number = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${number}`)) number += 1;
      sheetName = `Sheet${number}`;
    }
    this.checkNewName(sheetName);
    if (index < 0 || index > this.sheets.length) fail("Invalid argument: sheetIndex");
    const sheet = new Sheet(this, sheetName, this.nextSheetId, maxRows, maxColumns);
    // Google picks random gids except 0 for the first tab; sequential ones keep tests readable.
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 1;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  rulesOf(sheet: Sheet): ConditionalFormatRule[] {
    return sheet.rules.map(
      (rule) =>
        new ConditionalFormatRule(
          { ...rule.condition },
          rule.boxes.map((box) => new Range(sheet, { ...box })),
        ),
    );
  }

  setRules(sheet: Sheet, rules: unknown[]): void {
    if (!Array.isArray(rules)) fail("Invalid argument: rules");
    sheet.rules = rules.map((rule) => {
      if (!(rule instanceof ConditionalFormatRule)) fail("Invalid argument: rules");
      for (const range of rule.ranges) {
        if (range.sheet !== sheet) fail("The conditional format rule cannot reference a different sheet.");
      }
      return { condition: { ...rule.condition }, boxes: rule.ranges.map((range) => ({ ...range.box })) };
    });
  }

  /** Background, font colour and weight after the sheet's rules (the first matching rule wins). */
  effectiveFormat(sheet: Sheet, row: number, column: number): EffectiveFormat {
    const cell = sheet.cellAt(row, column);
    const base: EffectiveFormat = {
      background: cell?.background ?? "#ffffff",
      fontColor: cell?.fontColor ?? "#000000",
      bold: cell?.fontWeight === "bold",
      italic: cell?.fontStyle === "italic",
      strikethrough: false,
      underline: false,
    };
    for (const rule of sheet.rules) {
      const box = rule.boxes.find(
        (candidate) =>
          row >= candidate.row &&
          row < candidate.row + candidate.numRows &&
          column >= candidate.column &&
          column < candidate.column + candidate.numColumns,
      );
      if (!box) continue;
      if (!this.conditionHolds(sheet, rule.condition, box.row, box.column, row, column)) continue;
      const paint = rule.condition;
      return {
        background: paint.background ?? base.background,
        fontColor: paint.fontColor ?? base.fontColor,
        bold: paint.bold ?? base.bold,
        italic: paint.italic ?? base.italic,
        strikethrough: paint.strikethrough ?? base.strikethrough,
        underline: paint.underline ?? base.underline,
      };
    }
    return base;
  }

  private conditionHolds(
    sheet: Sheet,
    condition: ConditionSpec,
    anchorRow: number,
    anchorColumn: number,
    row: number,
    column: number,
  ): boolean {
    const value = sheet.valueAt(row, column);
    const text = displayValue(value, sheet.cellAt(row, column)?.format, this.timeZone).toLowerCase();
    const wanted = condition.values.map((item) => (typeof item === "string" ? item.toLowerCase() : item));
    const number = typeof value === "number" ? value : null;
    const [first, second] = condition.values as number[];
    const name = condition.criteria.name();
    switch (name) {
      case "CELL_EMPTY":
        return value === "";
      case "CELL_NOT_EMPTY":
        return value !== "";
      case "TEXT_CONTAINS":
        return text.includes(String(wanted[0]));
      case "TEXT_DOES_NOT_CONTAIN":
        return !text.includes(String(wanted[0]));
      case "TEXT_STARTS_WITH":
        return value !== "" && text.startsWith(String(wanted[0]));
      case "TEXT_ENDS_WITH":
        return value !== "" && text.endsWith(String(wanted[0]));
      case "TEXT_EQUAL_TO":
        return text === String(wanted[0]);
      case "TEXT_NOT_EQUAL_TO":
        return text !== String(wanted[0]);
      case "CUSTOM_FORMULA":
        return this.formulaHolds(
          sheet,
          String(condition.values[0] ?? ""),
          anchorRow,
          anchorColumn,
          row,
          column,
        );
    }
    if (number === null || first === undefined) return false;
    switch (name) {
      case "NUMBER_GREATER_THAN":
        return number > first;
      case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
        return number >= first;
      case "NUMBER_LESS_THAN":
        return number < first;
      case "NUMBER_LESS_THAN_OR_EQUAL_TO":
        return number <= first;
      case "NUMBER_EQUAL_TO":
        return number === first;
      case "NUMBER_NOT_EQUAL_TO":
        return number !== first;
      case "NUMBER_BETWEEN":
        return second !== undefined && number >= Math.min(first, second) && number <= Math.max(first, second);
      case "NUMBER_NOT_BETWEEN":
        return second !== undefined && (number < Math.min(first, second) || number > Math.max(first, second));
      default:
        return false;
    }
  }

  private formulaHolds(
    sheet: Sheet,
    formula: string,
    anchorRow: number,
    anchorColumn: number,
    row: number,
    column: number,
  ): boolean {
    if (this.evaluator) {
      const shifted = shiftReferences(formula, row - anchorRow, column - anchorColumn);
      const result = this.evaluator(shifted, sheet.name, row, column);
      if (result !== undefined) return truthyResult(result);
    }
    try {
      const scope = {
        valueAt: (r: number, c: number) => (r < 1 || c < 1 ? "" : sheet.valueAt(r, c)),
        today: () => startOfDay(this.now(), this.timeZone),
      };
      return truthyResult(evaluateFormula(formula, scope, anchorRow, anchorColumn, row, column));
    } catch {
      return false;
    }
  }
}

function truthyResult(result: unknown): boolean {
  if (typeof result === "boolean") return result;
  if (typeof result === "number") return result !== 0;
  if (typeof result === "string") return result.toUpperCase() === "TRUE";
  return false;
}

function normalizeResult(result: unknown): CellValue {
  if (result === null || result === undefined) return "";
  if (isDate(result)) return new Date(result.getTime());
  if (typeof result === "string" || typeof result === "number" || typeof result === "boolean") return result;
  return String(result);
}

/** Moves the relative references of a formula written for one cell to another cell. */
export function shiftReferences(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(
            /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (_all, absoluteColumn: string, letters: string, absoluteRow: string, digits: string) => {
              const column = absoluteColumn ? letters : columnLetters(columnNumber(letters) + columns);
              const row = absoluteRow ? Number(digits) : Number(digits) + rows;
              return `${absoluteColumn}${column}${absoluteRow}${row}`;
            },
          ),
    )
    .join("");
}

export class Spreadsheet {
  readonly [CLASS_NAME] = "Spreadsheet";
  constructor(readonly workbook: Workbook) {}

  getName(): string {
    return this.workbook.name;
  }
  rename(newName: string): void {
    this.workbook.name = newName;
  }
  getId(): string {
    return this.workbook.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.workbook.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) fail(`Invalid argument: timezone`);
    this.workbook.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.workbook.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== "string" || !/^[a-z]{2,3}(_([A-Z]{2}|\d{3}))?$/.test(locale))
      fail("Invalid argument: locale");
    this.workbook.locale = locale;
  }
  setNamedRange(name: string, range: Range): void {
    setNamedRange(this.workbook, name, range);
  }
  getRangeByName(name: string): Range | null {
    return rangeByName(this.workbook, name);
  }
  getNamedRanges(): NamedRange[] {
    return namedRanges(this.workbook);
  }
  removeNamedRange(name: string): void {
    removeNamedRange(this.workbook, name);
  }
  getSheets(): Sheet[] {
    return [...this.workbook.sheets];
  }
  getNumSheets(): number {
    return this.workbook.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    return this.workbook.sheetByName(name);
  }
  getSheetById(id: number): Sheet | null {
    return this.workbook.sheets.find((sheet) => sheet.id === id) ?? null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). The new tab becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    const name = typeof nameOrIndex === "string" ? nameOrIndex : undefined;
    const at =
      typeof nameOrIndex === "number"
        ? nameOrIndex
        : (index ?? this.workbook.sheets.indexOf(this.activeSheet()) + 1);
    const sheet = this.workbook.addSheet(name, at);
    this.workbook.activeSheetId = sheet.id;
    return sheet;
  }
  deleteSheet(sheet: Sheet): void {
    const at = this.workbook.sheets.indexOf(sheet);
    if (at < 0) fail("Invalid argument: sheet");
    if (this.workbook.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    this.workbook.sheets.splice(at, 1);
    // Its named ranges go with it (Sheets keeps them as #REF!, and getRangeByName finds none).
    this.workbook.namedRanges = this.workbook.namedRanges.filter((named) => named.sheetId !== sheet.id);
    if (this.workbook.activeSheetId === sheet.id) {
      this.workbook.activeSheetId =
        (this.workbook.sheets[Math.max(0, at - 1)] ?? this.workbook.sheets[0])?.id ?? 0;
    }
  }
  private activeSheet(): Sheet {
    const sheets = this.workbook.sheets;
    return sheets.find((sheet) => sheet.id === this.workbook.activeSheetId) ?? (sheets[0] as Sheet);
  }
  getActiveSheet(): Sheet {
    return this.activeSheet();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    if (!this.workbook.sheets.includes(sheet)) fail("Invalid argument: sheet");
    this.workbook.activeSheetId = sheet.id;
    return sheet;
  }
  getActiveRange(): Range {
    const sheet = this.activeSheet();
    const selected = this.workbook.activeRange;
    return selected && selected.sheetId === sheet.id ? sheet.rangeOf(selected.box) : sheet.getRange(1, 1);
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  /** "Sheet1!A1:B2" (or a range of the active sheet). */
  getRange(a1Notation: string): Range {
    const { sheetName, cells } = splitSheetName(a1Notation);
    const sheet = sheetName === null ? this.activeSheet() : this.workbook.sheetByName(sheetName);
    if (!sheet) fail("Range not found");
    return sheet.getRange(cells);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.workbook.ui.toasts.push({
      message: String(msg),
      title: title ?? "",
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}

export class SpreadsheetAppService {
  readonly [CLASS_NAME] = "SpreadsheetApp";
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;

  constructor(
    private readonly workbook: Workbook,
    private readonly ui: Ui,
  ) {}

  getActive(): Spreadsheet {
    return this.workbook.api;
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this.workbook.api;
  }
  getActiveSheet(): Sheet {
    return this.workbook.api.getActiveSheet();
  }
  getActiveRange(): Range {
    return this.workbook.api.getActiveRange();
  }
  getUi(): Ui {
    return this.ui;
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder();
  }
  flush(): void {}
  openById(_id: string): never {
    // The add-on's scope (spreadsheets.currentonly) reaches only the open document.
    fail("You do not have permission to call SpreadsheetApp.openById.");
  }
}

/** A rectangle of a sheet. Every read returns fresh arrays; dates are copied both ways. */
import { formatA1, type GridBox } from "./a1";
import { DataValidation, DataValidationBuilder } from "./builders";
import { CLASS_NAME, SHEET_OF } from "./call-log";
import { DataValidationCriteria } from "./enums";
import { fail } from "./errors";
import type { Cell, Sheet, SortKey } from "./sheet";
import { sortBox } from "./sheet";
import { AUTOMATIC_FORMAT, type CellValue, displayValue } from "./values";

type StyleKey = "background" | "fontWeight" | "fontColor" | "fontStyle" | "horizontalAlignment";

const STYLE_DEFAULTS: Record<StyleKey, string> = {
  background: "#ffffff",
  fontWeight: "normal",
  fontColor: "#000000",
  fontStyle: "normal",
  horizontalAlignment: "general",
};

function checkGrid(data: unknown, numRows: number, numColumns: number, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    fail(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  const rows = data as unknown[][];
  if (rows.length !== numRows) {
    fail(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== numColumns) {
      fail(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return rows;
}

/** A cell holds at most 50,000 characters; Sheets refuses longer input. */
export const MAX_CELL_CHARACTERS = 50_000;

export function checkCellLength(value: unknown): void {
  if (typeof value === "string" && value.length > MAX_CELL_CHARACTERS)
    fail(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
}

function normalizeColor(color: string | null): string | undefined {
  if (color === null || color === undefined || color === "") return undefined;
  return color.toLowerCase();
}

export class Range {
  readonly [CLASS_NAME] = "Range";

  constructor(
    readonly sheet: Sheet,
    readonly box: GridBox,
  ) {}

  [SHEET_OF](): string {
    return this.sheet.name;
  }

  private map<T>(read: (row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.box;
    const out: T[][] = new Array(numRows);
    for (let r = 0; r < numRows; r += 1) {
      const line: T[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c += 1) line[c] = read(row + r, column + c);
      out[r] = line;
    }
    return out;
  }

  private each(write: (row: number, column: number, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this.box;
    for (let r = 0; r < numRows; r += 1) {
      for (let c = 0; c < numColumns; c += 1) write(row + r, column + c, r, c);
    }
  }

  /** Sets a cell field everywhere; undefined removes it (without creating empty cells). */
  private setField<K extends keyof Cell>(key: K, value: Cell[K] | undefined): void {
    this.each((row, column) => this.putField(row, column, key, value));
  }

  private putField<K extends keyof Cell>(
    row: number,
    column: number,
    key: K,
    value: Cell[K] | undefined,
  ): void {
    if (value === undefined) {
      const cell = this.sheet.cellAt(row, column);
      if (cell) delete cell[key];
    } else {
      this.sheet.cellFor(row, column)[key] = value;
    }
  }

  private setFields<K extends keyof Cell>(
    key: K,
    data: unknown,
    method: string,
    convert: (value: unknown) => Cell[K] | undefined,
  ): void {
    const grid = checkGrid(data, this.box.numRows, this.box.numColumns, method);
    this.each((row, column, r, c) => this.putField(row, column, key, convert(grid[r]?.[c])));
  }

  // ---- geometry ----

  getRow(): number {
    return this.box.row;
  }
  getRowIndex(): number {
    return this.box.row;
  }
  getColumn(): number {
    return this.box.column;
  }
  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }
  getNumRows(): number {
    return this.box.numRows;
  }
  getHeight(): number {
    return this.box.numRows;
  }
  getNumColumns(): number {
    return this.box.numColumns;
  }
  getWidth(): number {
    return this.box.numColumns;
  }
  getA1Notation(): string {
    return formatA1(this.box);
  }
  getSheet(): Sheet {
    return this.sheet;
  }
  getGridId(): number {
    return this.sheet.id;
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns) {
      fail("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return this.sheet.rangeOf({
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.sheet.rangeOf({
      row: this.box.row + rowOffset,
      column: this.box.column + columnOffset,
      numRows: numRows ?? this.box.numRows,
      numColumns: numColumns ?? this.box.numColumns,
    });
  }
  activate(): this {
    this.sheet.activate();
    this.sheet.select({ ...this.box });
    return this;
  }
  isBlank(): boolean {
    return this.map((row, column) => this.sheet.hasContent(this.sheet.cellAt(row, column))).every((line) =>
      line.every((content) => !content),
    );
  }

  // ---- values ----

  getValues(): CellValue[][] {
    return this.map((row, column) => this.sheet.valueAt(row, column));
  }
  getValue(): CellValue {
    return this.sheet.valueAt(this.box.row, this.box.column);
  }
  setValues(values: unknown[][]): this {
    const grid = checkGrid(values, this.box.numRows, this.box.numColumns, "setValues");
    // Sheets refuses the whole call when one cell is too long: nothing is written.
    for (const row of grid) for (const value of row) checkCellLength(value);
    this.each((row, column, r, c) => this.sheet.writeInput(row, column, grid[r]?.[c]));
    return this;
  }
  setValue(value: unknown): this {
    checkCellLength(value);
    this.each((row, column) => this.sheet.writeInput(row, column, value));
    return this;
  }
  getDisplayValues(): string[][] {
    const zone = this.sheet.workbook.timeZone;
    return this.map((row, column) => {
      const value = this.sheet.valueAt(row, column);
      return displayValue(value, this.sheet.cellAt(row, column)?.format, zone);
    });
  }
  getDisplayValue(): string {
    return this.getCell(1, 1).getDisplayValues()[0]?.[0] ?? "";
  }

  // ---- formulas ----

  getFormulas(): string[][] {
    return this.map((row, column) => this.sheet.cellAt(row, column)?.formula ?? "");
  }
  getFormula(): string {
    return this.sheet.cellAt(this.box.row, this.box.column)?.formula ?? "";
  }
  /** The same formula text in every cell (Sheets would shift relative references; this does not). */
  setFormula(formula: string): this {
    this.each((row, column) => this.writeFormula(row, column, formula));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    const grid = checkGrid(formulas, this.box.numRows, this.box.numColumns, "setFormulas");
    this.each((row, column, r, c) => this.writeFormula(row, column, String(grid[r]?.[c] ?? "")));
    return this;
  }
  private writeFormula(row: number, column: number, formula: string): void {
    if (formula === "") {
      const cell = this.sheet.cellAt(row, column);
      if (cell) {
        delete cell.formula;
        delete cell.value;
      }
      return;
    }
    const cell = this.sheet.cellFor(row, column);
    cell.formula = formula.startsWith("=") ? formula : `=${formula}`;
    delete cell.value;
  }

  // ---- notes ----

  getNotes(): string[][] {
    return this.map((row, column) => this.sheet.cellAt(row, column)?.note ?? "");
  }
  getNote(): string {
    return this.sheet.cellAt(this.box.row, this.box.column)?.note ?? "";
  }
  setNote(note: string | null): this {
    this.setField("note", note ? String(note) : undefined);
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    this.setFields("note", notes, "setNotes", (note) => (note ? String(note) : undefined));
    return this;
  }
  clearNote(): this {
    this.setField("note", undefined);
    return this;
  }

  // ---- number formats ----

  getNumberFormats(): string[][] {
    return this.map((row, column) => this.sheet.cellAt(row, column)?.format ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this.sheet.cellAt(this.box.row, this.box.column)?.format ?? AUTOMATIC_FORMAT;
  }
  setNumberFormat(numberFormat: string): this {
    this.setField("format", numberFormat || undefined);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    this.setFields("format", numberFormats, "setNumberFormats", (format) =>
      format ? String(format) : undefined,
    );
    return this;
  }

  // ---- data validation ----

  getDataValidations(): (DataValidation | null)[][] {
    return this.map((row, column) => this.sheet.cellAt(row, column)?.validation ?? null);
  }
  getDataValidation(): DataValidation | null {
    return this.sheet.cellAt(this.box.row, this.box.column)?.validation ?? null;
  }
  setDataValidation(rule: DataValidation | null): this {
    if (rule !== null && !(rule instanceof DataValidation)) fail("Invalid argument: rule");
    this.setField("validation", rule ?? undefined);
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    this.setFields("validation", rules, "setDataValidations", (rule) => {
      if (rule === null || rule === undefined) return undefined;
      if (!(rule instanceof DataValidation)) fail("Invalid argument: rules");
      return rule;
    });
    return this;
  }
  clearDataValidations(): this {
    this.setField("validation", undefined);
    return this;
  }

  // ---- checkboxes ----

  /** Checkbox validation on every cell, and every value set to the unchecked value (false). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const builder = new DataValidationBuilder().requireCheckbox(checkedValue, uncheckedValue);
    const rule = builder.build();
    const unchecked = checkedValue === undefined ? false : (uncheckedValue ?? "");
    this.each((row, column) => {
      const cell = this.sheet.cellFor(row, column);
      cell.validation = rule;
      delete cell.formula;
      if (unchecked === "") delete cell.value;
      else cell.value = unchecked as CellValue;
    });
    return this;
  }
  removeCheckboxes(): this {
    this.each((row, column) => {
      const cell = this.sheet.cellAt(row, column);
      if (cell?.validation?.getCriteriaType() === DataValidationCriteria.CHECKBOX) {
        delete cell.validation;
        delete cell.value;
      }
    });
    return this;
  }
  private checkboxValues(cell: Cell | undefined): [unknown, unknown] | null {
    const validation = cell?.validation;
    if (!validation || validation.getCriteriaType() !== DataValidationCriteria.CHECKBOX) return null;
    const values = validation.spec.values;
    return values.length === 0 ? [true, false] : [values[0], values[1] ?? ""];
  }
  isChecked(): boolean | null {
    const states = new Set<boolean>();
    this.each((row, column) => {
      const values = this.checkboxValues(this.sheet.cellAt(row, column));
      if (values) states.add(this.sheet.valueAt(row, column) === values[0]);
    });
    return states.size === 1 ? [...states][0] === true : null;
  }
  check(): this {
    return this.setChecked(0);
  }
  uncheck(): this {
    return this.setChecked(1);
  }
  private setChecked(which: 0 | 1): this {
    this.each((row, column) => {
      const cell = this.sheet.cellAt(row, column);
      const values = this.checkboxValues(cell);
      if (cell && values) cell.value = values[which] as CellValue;
    });
    return this;
  }

  // ---- styles ----

  private getStyles(key: StyleKey): string[][] {
    return this.map((row, column) => this.sheet.cellAt(row, column)?.[key] ?? STYLE_DEFAULTS[key]);
  }
  private getStyle(key: StyleKey): string {
    return this.sheet.cellAt(this.box.row, this.box.column)?.[key] ?? STYLE_DEFAULTS[key];
  }
  private setStyle(key: StyleKey, value: string | null | undefined): this {
    const normalized =
      key === "background" || key === "fontColor" ? normalizeColor(value ?? null) : (value ?? undefined);
    this.setField(key, normalized === STYLE_DEFAULTS[key] && key !== "background" ? undefined : normalized);
    return this;
  }
  private setStyleGrid(key: StyleKey, data: unknown, method: string): this {
    this.setFields(key, data, method, (value) =>
      key === "background" || key === "fontColor"
        ? normalizeColor((value as string | null) ?? null)
        : value === null || value === undefined
          ? undefined
          : String(value),
    );
    return this;
  }

  getBackgrounds(): string[][] {
    return this.getStyles("background");
  }
  getBackground(): string {
    return this.getStyle("background");
  }
  setBackground(color: string | null): this {
    return this.setStyle("background", color);
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.setStyleGrid("background", colors, "setBackgrounds");
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = (value: number) => value.toString(16).padStart(2, "0");
    return this.setStyle("background", `#${hex(red)}${hex(green)}${hex(blue)}`);
  }
  getFontWeights(): string[][] {
    return this.getStyles("fontWeight");
  }
  getFontWeight(): string {
    return this.getStyle("fontWeight");
  }
  setFontWeight(fontWeight: string | null): this {
    return this.setStyle("fontWeight", fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]): this {
    return this.setStyleGrid("fontWeight", fontWeights, "setFontWeights");
  }
  getFontColors(): string[][] {
    return this.getStyles("fontColor");
  }
  getFontColor(): string {
    return this.getStyle("fontColor");
  }
  setFontColor(color: string | null): this {
    return this.setStyle("fontColor", color);
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.setStyleGrid("fontColor", colors, "setFontColors");
  }
  getFontStyles(): string[][] {
    return this.getStyles("fontStyle");
  }
  getFontStyle(): string {
    return this.getStyle("fontStyle");
  }
  setFontStyle(fontStyle: string | null): this {
    return this.setStyle("fontStyle", fontStyle);
  }
  setFontStyles(fontStyles: (string | null)[][]): this {
    return this.setStyleGrid("fontStyle", fontStyles, "setFontStyles");
  }
  getHorizontalAlignment(): string {
    return this.getStyle("horizontalAlignment");
  }
  getHorizontalAlignments(): string[][] {
    return this.getStyles("horizontalAlignment");
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.setStyle("horizontalAlignment", alignment);
  }
  getWrap(): boolean {
    return this.sheet.cellAt(this.box.row, this.box.column)?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this.map((row, column) => this.sheet.cellAt(row, column)?.wrap ?? false);
  }
  setWrap(isWrapEnabled: boolean): this {
    this.setField("wrap", isWrapEnabled ? true : undefined);
    return this;
  }
  setWrapStrategy(strategy: { toString(): string }): this {
    this.setField("wrap", String(strategy) === "WRAP" ? true : undefined);
    return this;
  }
  /** Accepted and ignored: nothing in the add-on reads these back. */
  setVerticalAlignment(_alignment: string | null): this {
    return this;
  }
  setFontSize(_size: number): this {
    return this;
  }
  setFontFamily(_fontFamily: string | null): this {
    return this;
  }
  setBorder(..._args: unknown[]): this {
    return this;
  }

  // ---- clearing ----

  clearContent(): this {
    this.each((row, column) => {
      const cell = this.sheet.cellAt(row, column);
      if (cell) {
        delete cell.value;
        delete cell.formula;
      }
    });
    return this;
  }
  clearFormat(): this {
    this.each((row, column) => {
      const cell = this.sheet.cellAt(row, column);
      if (!cell) return;
      delete cell.format;
      delete cell.background;
      delete cell.fontWeight;
      delete cell.fontColor;
      delete cell.fontStyle;
      delete cell.wrap;
      delete cell.horizontalAlignment;
    });
    return this;
  }
  /**
   * Contents and formats; notes and validations stay unless asked for (commentsOnly clears notes,
   * validationsOnly clears validations), as Range.clear(options) does.
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const only =
      options &&
      (options.contentsOnly || options.formatOnly || options.commentsOnly || options.validationsOnly);
    if (!only || options?.contentsOnly) this.clearContent();
    if (!only || options?.formatOnly) this.clearFormat();
    if (options?.commentsOnly) this.clearNote();
    if (options?.validationsOnly) this.clearDataValidations();
    return this;
  }

  // ---- sorting ----

  /** sort(2), sort({column: 2, ascending: false}) or an array of those; columns are sheet columns. */
  sort(
    sortSpecObj:
      | number
      | { column: number; ascending?: boolean }
      | (number | { column: number; ascending?: boolean })[],
  ): this {
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const keys: SortKey[] = specs.map((spec) =>
      typeof spec === "number"
        ? { column: spec, ascending: true }
        : { column: spec.column, ascending: spec.ascending !== false },
    );
    sortBox(this.sheet, this.box, keys);
    return this;
  }
}

/** A sheet: a grid of cells with formats, plus the row/column operations that shift them. */
import { type GridBox, parseA1 } from "./a1";
import type { ConditionSpec, DataValidation } from "./builders";
import { CLASS_NAME, SHEET_OF } from "./call-log";
import { fail } from "./errors";
import { checkCellLength, Range } from "./range";
import type { Workbook } from "./spreadsheet";
import { type CellValue, interpretInput, isDate } from "./values";

export interface Cell {
  value?: CellValue;
  formula?: string;
  note?: string;
  format?: string;
  validation?: DataValidation;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

/** The formatting a new row or column copies from its neighbour, as Sheets does on insert. */
const INHERITED: readonly (keyof Cell)[] = [
  "format",
  "validation",
  "background",
  "fontWeight",
  "fontColor",
  "fontStyle",
  "wrap",
  "horizontalAlignment",
];

export interface StoredRule {
  condition: ConditionSpec;
  boxes: GridBox[];
}

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export class Sheet {
  readonly [CLASS_NAME] = "Sheet";
  /** rows[r][c] is the cell at row r+1, column c+1; missing entries are empty cells. */
  rows: (Cell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  columnWidths: (number | undefined)[] = [];
  rowHeights: (number | undefined)[] = [];
  hiddenColumns: boolean[] = [];
  hiddenRows: boolean[] = [];
  rules: StoredRule[] = [];

  constructor(
    readonly workbook: Workbook,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  [SHEET_OF](): string {
    return this.name;
  }

  // ---- cells (internal) ----

  cellAt(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  cellFor(row: number, column: number): Cell {
    let cells = this.rows[row - 1];
    if (!cells) {
      for (let index = this.rows.length; index < row; index += 1) this.rows[index] ??= [];
      cells = this.rows[row - 1] as (Cell | undefined)[];
    }
    let cell = cells[column - 1];
    if (!cell) {
      cell = {};
      cells[column - 1] = cell;
    }
    return cell;
  }

  /** A cell's value as getValues returns it: formulas evaluated, empty as "". */
  valueAt(row: number, column: number): CellValue {
    const cell = this.cellAt(row, column);
    if (!cell) return "";
    if (cell.formula !== undefined) return this.workbook.evaluate(cell.formula, this.name, row, column);
    const value = cell.value;
    if (value === undefined) return "";
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  /** Stores input the way typing it would (see interpretInput). */
  writeInput(row: number, column: number, input: unknown): void {
    const existing = this.cellAt(row, column);
    const interpreted = interpretInput(input, existing?.format, this.workbook.timeZone);
    if (!existing && interpreted.value === null && interpreted.formula === undefined) return;
    const cell = existing ?? this.cellFor(row, column);
    if (interpreted.formula !== undefined) {
      cell.formula = interpreted.formula;
      delete cell.value;
    } else {
      delete cell.formula;
      if (interpreted.value === null) delete cell.value;
      else cell.value = interpreted.value;
    }
    if (interpreted.format && (!cell.format || cell.format === "0.###############"))
      cell.format = interpreted.format;
  }

  hasContent(cell: Cell | undefined): boolean {
    return cell !== undefined && (cell.value !== undefined || cell.formula !== undefined);
  }

  checkBox(box: GridBox): void {
    if (![box.row, box.column, box.numRows, box.numColumns].every(Number.isFinite)) {
      fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    // Apps Script truncates fractional coordinates.
    box.row = Math.trunc(box.row);
    box.column = Math.trunc(box.column);
    box.numRows = Math.trunc(box.numRows);
    box.numColumns = Math.trunc(box.numColumns);
    if (box.numRows < 1) fail("The number of rows in the range must be at least 1.");
    if (box.numColumns < 1) fail("The number of columns in the range must be at least 1.");
    if (
      box.row < 1 ||
      box.column < 1 ||
      box.row + box.numRows - 1 > this.maxRows ||
      box.column + box.numColumns - 1 > this.maxColumns
    ) {
      fail("The coordinates of the range are outside the dimensions of the sheet.");
    }
  }

  rangeOf(box: GridBox): Range {
    this.checkBox(box);
    return new Range(this, box);
  }

  // ---- identity ----

  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.workbook.checkNewName(name, this);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getIndex(): number {
    return this.workbook.sheets.indexOf(this) + 1;
  }
  getParent() {
    return this.workbook.api;
  }
  activate(): this {
    if (this.workbook.activeSheetId !== this.id) this.workbook.activeRange = null;
    this.workbook.activeSheetId = this.id;
    return this;
  }
  /** Makes a box of this sheet the selection (Range.activate). */
  select(box: { row: number; column: number; numRows: number; numColumns: number }): void {
    this.workbook.activeRange = { sheetId: this.id, box };
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  hideSheet(): this {
    this.hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }

  // ---- size ----

  getLastRow(): number {
    for (let index = this.rows.length - 1; index >= 0; index -= 1) {
      if (this.rows[index]?.some((cell) => this.hasContent(cell))) return index + 1;
    }
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      for (let index = cells.length - 1; index >= last; index -= 1) {
        if (this.hasContent(cells[index])) {
          last = index + 1;
          break;
        }
      }
    }
    return last;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }

  // ---- ranges ----

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1 === "string") return this.rangeOf(parseA1(rowOrA1, this.maxRows, this.maxColumns));
    if (column === undefined)
      fail("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this.rangeOf({ row: rowOrA1, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 });
  }
  getDataRange(): Range {
    return this.rangeOf({
      row: 1,
      column: 1,
      numRows: Math.max(1, this.getLastRow()),
      numColumns: Math.max(1, this.getLastColumn()),
    });
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents))
      fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    for (const value of rowContents) checkCellLength(value);
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    rowContents.forEach((input, index) => {
      this.writeInput(row, index + 1, input);
    });
    return this;
  }

  // ---- inserting and deleting (shifts cells, formats, notes, validations and rule ranges) ----

  private insertRowsAt(position: number, count: number, inheritFrom: number | null): void {
    if (count < 1) fail("The number of rows to insert must be at least 1.");
    const template = inheritFrom === null ? undefined : this.rows[inheritFrom - 1];
    const fresh = Array.from({ length: count }, () => inheritedCells(template));
    if (position - 1 <= this.rows.length) this.rows.splice(position - 1, 0, ...fresh);
    spliceIfReached(this.hiddenRows, position - 1, 0, count);
    spliceIfReached(this.rowHeights, position - 1, 0, count);
    this.maxRows += count;
    if (position <= this.frozenRows) this.frozenRows += count;
    this.shiftRules("row", position, count);
  }

  private insertColumnsAt(position: number, count: number, inheritFrom: number | null): void {
    if (count < 1) fail("The number of columns to insert must be at least 1.");
    for (const cells of this.rows) {
      if (position - 1 > cells.length) continue;
      const template = inheritFrom === null ? undefined : cells[inheritFrom - 1];
      const fresh = Array.from({ length: count }, () => inheritedCell(template));
      cells.splice(position - 1, 0, ...fresh);
    }
    spliceIfReached(this.hiddenColumns, position - 1, 0, count);
    spliceIfReached(this.columnWidths, position - 1, 0, count);
    this.maxColumns += count;
    if (position <= this.frozenColumns) this.frozenColumns += count;
    this.shiftRules("column", position, count);
  }

  private checkRowPosition(row: number): void {
    if (!Number.isInteger(row) || row < 1 || row > this.maxRows) fail("Those rows are out of bounds.");
  }
  private checkColumnPosition(column: number): void {
    if (!Number.isInteger(column) || column < 1 || column > this.maxColumns)
      fail("Those columns are out of bounds.");
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.checkRowPosition(afterPosition);
    this.insertRowsAt(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.checkRowPosition(beforePosition);
    this.insertRowsAt(beforePosition, howMany, beforePosition > 1 ? beforePosition - 1 : beforePosition);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.checkColumnPosition(afterPosition);
    this.insertColumnsAt(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.checkColumnPosition(beforePosition);
    this.insertColumnsAt(beforePosition, howMany, beforePosition > 1 ? beforePosition - 1 : beforePosition);
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.checkRowPosition(rowPosition);
    if (howMany < 1 || rowPosition + howMany - 1 > this.maxRows) fail("Those rows are out of bounds.");
    if (howMany >= this.maxRows) fail("You can't delete all the rows on the sheet.");
    this.rows.splice(rowPosition - 1, howMany);
    this.hiddenRows.splice(rowPosition - 1, howMany);
    this.rowHeights.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.frozenRows = Math.min(this.frozenRows, this.maxRows - 1);
    this.shrinkRules("row", rowPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkColumnPosition(columnPosition);
    if (howMany < 1 || columnPosition + howMany - 1 > this.maxColumns)
      fail("Those columns are out of bounds.");
    if (howMany >= this.maxColumns) fail("You can't delete all the columns on the sheet.");
    for (const cells of this.rows) cells.splice(columnPosition - 1, howMany);
    this.hiddenColumns.splice(columnPosition - 1, howMany);
    this.columnWidths.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
    this.frozenColumns = Math.min(this.frozenColumns, this.maxColumns - 1);
    this.shrinkRules("column", columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  private shiftRules(dimension: "row" | "column", position: number, count: number): void {
    const sizeKey = dimension === "row" ? "numRows" : "numColumns";
    for (const rule of this.rules) {
      for (const box of rule.boxes) {
        const end = box[dimension] + box[sizeKey] - 1;
        if (box[dimension] >= position) box[dimension] += count;
        else if (end >= position) box[sizeKey] += count;
      }
    }
  }

  private shrinkRules(dimension: "row" | "column", position: number, count: number): void {
    const sizeKey = dimension === "row" ? "numRows" : "numColumns";
    const lastDeleted = position + count - 1;
    for (const rule of this.rules) {
      rule.boxes = rule.boxes.filter((box) => {
        const start = box[dimension];
        const end = start + box[sizeKey] - 1;
        const overlap = Math.max(0, Math.min(end, lastDeleted) - Math.max(start, position) + 1);
        box[sizeKey] -= overlap;
        if (start > lastDeleted) box[dimension] -= count;
        else if (start >= position) box[dimension] = position;
        return box[sizeKey] > 0;
      });
    }
    this.rules = this.rules.filter((rule) => rule.boxes.length > 0);
  }

  // ---- freezing, widths, visibility, colour ----

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.maxRows) fail("Those rows are out of bounds.");
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.maxColumns) fail("Those columns are out of bounds.");
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.checkColumnPosition(columnPosition);
    this.columnWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let column = startColumn; column < startColumn + numColumns; column += 1)
      this.setColumnWidth(column, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.checkColumnPosition(columnPosition);
    return this.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(_startColumn: number, _numColumns: number): this {
    return this;
  }
  autoResizeColumn(_columnPosition: number): this {
    return this;
  }
  setRowHeight(rowPosition: number, height: number): this {
    this.checkRowPosition(rowPosition);
    this.rowHeights[rowPosition - 1] = height;
    return this;
  }
  getRowHeight(rowPosition: number): number {
    this.checkRowPosition(rowPosition);
    return this.rowHeights[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }
  setTabColor(color: string | null): this {
    this.tabColor = color ? color.toLowerCase() : null;
    return this;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.setHidden(this.hiddenColumns, columnIndex, numColumns, true, this.maxColumns);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.setHidden(this.hiddenColumns, columnIndex, numColumns, false, this.maxColumns);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns[columnPosition - 1] === true;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.setHidden(this.hiddenRows, rowIndex, numRows, true, this.maxRows);
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.setHidden(this.hiddenRows, rowIndex, numRows, false, this.maxRows);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows[rowPosition - 1] === true;
  }
  private setHidden(flags: boolean[], start: number, count: number, hidden: boolean, max: number): void {
    if (start < 1 || start + count - 1 > max) fail("Those rows or columns are out of bounds.");
    for (let index = start - 1; index < start - 1 + count; index += 1) flags[index] = hidden;
  }

  // ---- clearing ----

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.getRangeOfSheet().clear(options);
    return this;
  }
  clearContents(): this {
    this.getRangeOfSheet().clearContent();
    return this;
  }
  clearFormats(): this {
    this.getRangeOfSheet().clearFormat();
    return this;
  }
  clearNotes(): this {
    this.getRangeOfSheet().clearNote();
    return this;
  }
  private getRangeOfSheet(): Range {
    return new Range(this, { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns });
  }

  // ---- conditional formats ----

  getConditionalFormatRules() {
    return this.workbook.rulesOf(this);
  }
  setConditionalFormatRules(rules: unknown[]): void {
    this.workbook.setRules(this, rules);
  }
  clearConditionalFormatRules(): void {
    this.rules = [];
  }

  // ---- sorting (what a user's sort does) ----

  /** Sorts the rows below the frozen ones by one column, like Data > Sort sheet. */
  sort(columnPosition: number, ascending = true): this {
    const first = this.frozenRows + 1;
    const last = this.getLastRow();
    if (last < first) return this;
    sortBox(this, { row: first, column: 1, numRows: last - first + 1, numColumns: this.maxColumns }, [
      { column: columnPosition, ascending },
    ]);
    return this;
  }
}

function spliceIfReached<T>(list: T[], at: number, remove: number, insert: number): void {
  if (at <= list.length) list.splice(at, remove, ...(new Array(insert) as T[]));
}

function inheritedCell(template: Cell | undefined): Cell | undefined {
  if (!template) return undefined;
  const cell: Cell = {};
  let any = false;
  for (const key of INHERITED) {
    if (template[key] !== undefined) {
      (cell as Record<string, unknown>)[key] = template[key];
      any = true;
    }
  }
  return any ? cell : undefined;
}

function inheritedCells(template: (Cell | undefined)[] | undefined): (Cell | undefined)[] {
  return template ? template.map(inheritedCell) : [];
}

export interface SortKey {
  column: number;
  ascending: boolean;
}

/** Sheets' order: numbers and dates, then text (case-insensitive), then booleans; blanks always last. */
function sortRank(value: CellValue): [number, number | string] {
  if (value === "") return [3, 0];
  if (typeof value === "number") return [0, value];
  if (isDate(value)) return [0, value.getTime() / 86_400_000 + 25_569];
  if (typeof value === "string") return [1, value.toLowerCase()];
  return [2, value ? 1 : 0];
}

/** Moves whole cells (values, notes, formats) within the box's columns. */
export function sortBox(sheet: Sheet, box: GridBox, keys: SortKey[]): void {
  const rowNumbers = Array.from({ length: box.numRows }, (_, index) => box.row + index);
  const ranked = rowNumbers.map((row) => ({
    row,
    ranks: keys.map((key) => sortRank(sheet.valueAt(row, key.column))),
  }));
  ranked.sort((a, b) => {
    for (let index = 0; index < keys.length; index += 1) {
      const [groupA, valueA] = a.ranks[index] ?? [3, 0];
      const [groupB, valueB] = b.ranks[index] ?? [3, 0];
      if (groupA === 3 || groupB === 3) {
        if (groupA !== groupB) return groupA === 3 ? 1 : -1;
        continue;
      }
      const direction = keys[index]?.ascending === false ? -1 : 1;
      if (groupA !== groupB) return (groupA - groupB) * direction;
      if (valueA < valueB) return -direction;
      if (valueA > valueB) return direction;
    }
    return 0;
  });
  const snapshot = rowNumbers.map((row) =>
    Array.from({ length: box.numColumns }, (_, index) => sheet.cellAt(row, box.column + index)),
  );
  ranked.forEach(({ row: fromRow }, index) => {
    const toRow = box.row + index;
    const source = snapshot[fromRow - box.row] ?? [];
    for (let offset = 0; offset < box.numColumns; offset += 1) {
      const cell = source[offset];
      const cells = sheet.rows[toRow - 1];
      if (cell) {
        sheet.cellFor(toRow, box.column + offset);
        (sheet.rows[toRow - 1] as (Cell | undefined)[])[box.column + offset - 1] = cell;
      } else if (cells) {
        cells[box.column + offset - 1] = undefined;
      }
    }
  });
}

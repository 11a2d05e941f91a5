/**
 * Saving and restoring the emulator as plain JSON (for the workbench). Dates are tagged
 * {"$date": ISO}, a range inside a validation rule {"$range": {sheetId, box}}, enums by name.
 */
import type { GridBox } from "./a1";
import { type ConditionSpec, DataValidation, type ValidationSpec } from "./builders";
import type { ExecutionContext } from "./call-log";
import { BooleanCriteria, DataValidationCriteria, enumByName } from "./enums";
import { Range } from "./range";
import type { LogEntry, MailState, SentMail } from "./services";
import type { Cell, Sheet } from "./sheet";
import type { Workbook } from "./spreadsheet";
import type { TriggerRecord } from "./triggers";
import type { UiRecords } from "./ui";
import { type CellValue, isDate } from "./values";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CellState {
  row: number;
  column: number;
  value?: Json;
  formula?: string;
  note?: string;
  format?: string;
  /** Index into SheetState.validations. */
  validation?: number;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  hidden: boolean;
  columnWidths: (number | null)[];
  rowHeights: (number | null)[];
  hiddenColumns: number[];
  hiddenRows: number[];
  validations: { criteria: string; values: Json[]; allowInvalid: boolean; helpText: string | null }[];
  cells: CellState[];
  rules: { condition: Json; boxes: GridBox[] }[];
}

export interface EmulatorState {
  version: 1;
  now: string;
  context: ExecutionContext;
  userEmail: string;
  scriptTimeZone: string;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    activeSheetId: number;
    nextSheetId: number;
    sheets: SheetState[];
    /** Optional: states saved before named ranges and locales were modelled have neither. */
    namedRanges?: { name: string; sheetId: number; box: GridBox }[];
    locale?: string;
  };
  properties: {
    document: Record<string, string>;
    user: Record<string, string>;
    script: Record<string, string>;
  };
  triggers: TriggerRecord[];
  nextTriggerUid: number;
  mail: MailState;
  outbox: Json[];
  ui: Json;
  logs: LogEntry[];
}

export function encode(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (isDate(value)) return { $date: value.toISOString() };
  if (value instanceof Range)
    return { $range: { sheetId: value.sheet.id, box: { ...value.box } } as unknown as Json };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = encode(item);
    return out;
  }
  return value as Json;
}

export function decode(value: Json, workbook?: Workbook): unknown {
  if (Array.isArray(value)) return value.map((item) => decode(item, workbook));
  if (value !== null && typeof value === "object") {
    if (typeof value.$date === "string") return new Date(value.$date);
    if (value.$range && workbook) {
      const { sheetId, box } = value.$range as unknown as { sheetId: number; box: GridBox };
      const sheet = workbook.sheets.find((candidate) => candidate.id === sheetId);
      return sheet ? new Range(sheet, { ...box }) : null;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = decode(item, workbook);
    return out;
  }
  return value;
}

export function encodeSheet(sheet: Sheet): SheetState {
  const validations: SheetState["validations"] = [];
  const validationIndex = new Map<DataValidation, number>();
  const cells: CellState[] = [];
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell || Object.keys(cell).length === 0) return;
      const state: CellState = { row: r + 1, column: c + 1 };
      for (const [key, item] of Object.entries(cell) as [keyof Cell, unknown][]) {
        if (item === undefined) continue;
        if (key === "validation") {
          const rule = item as DataValidation;
          let index = validationIndex.get(rule);
          if (index === undefined) {
            index = validations.length;
            validationIndex.set(rule, index);
            validations.push({
              criteria: rule.spec.criteria.name(),
              values: rule.spec.values.map(encode),
              allowInvalid: rule.spec.allowInvalid,
              helpText: rule.spec.helpText,
            });
          }
          state.validation = index;
        } else if (key === "value") {
          state.value = encode(item);
        } else {
          (state as unknown as Record<string, unknown>)[key] = item;
        }
      }
      cells.push(state);
    });
  });
  const indices = (flags: boolean[]) => flags.flatMap((flag, index) => (flag ? [index + 1] : []));
  return {
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    columnWidths: Array.from(sheet.columnWidths, (width) => width ?? null),
    rowHeights: Array.from(sheet.rowHeights, (height) => height ?? null),
    hiddenColumns: indices(sheet.hiddenColumns),
    hiddenRows: indices(sheet.hiddenRows),
    validations,
    cells,
    rules: sheet.rules.map((rule) => ({
      condition: encode({ ...rule.condition, criteria: rule.condition.criteria.name() }),
      boxes: rule.boxes.map((box) => ({ ...box })),
    })),
  };
}

/** Fills sheets already created (so ranges between sheets resolve) from their saved state. */
export function restoreSheet(sheet: Sheet, state: SheetState, workbook: Workbook): void {
  sheet.frozenRows = state.frozenRows;
  sheet.frozenColumns = state.frozenColumns;
  sheet.tabColor = state.tabColor;
  sheet.hidden = state.hidden;
  sheet.columnWidths = state.columnWidths.map((width) => width ?? undefined);
  sheet.rowHeights = state.rowHeights.map((height) => height ?? undefined);
  for (const column of state.hiddenColumns) sheet.hiddenColumns[column - 1] = true;
  for (const row of state.hiddenRows) sheet.hiddenRows[row - 1] = true;
  const validations = state.validations.map((saved) => {
    const spec: ValidationSpec = {
      criteria: enumByName(DataValidationCriteria, saved.criteria),
      values: saved.values.map((item) => decode(item, workbook)),
      allowInvalid: saved.allowInvalid,
      helpText: saved.helpText,
    };
    return new DataValidation(spec);
  });
  for (const saved of state.cells) {
    const cell = sheet.cellFor(saved.row, saved.column);
    for (const [key, item] of Object.entries(saved)) {
      if (key === "row" || key === "column" || item === undefined) continue;
      if (key === "validation") {
        const rule = validations[item as number];
        if (rule) cell.validation = rule;
      } else if (key === "value") {
        cell.value = decode(item as Json) as CellValue;
      } else {
        (cell as Record<string, unknown>)[key] = item;
      }
    }
  }
  sheet.rules = state.rules.map((rule) => {
    const condition = decode(rule.condition) as Record<string, unknown>;
    return {
      condition: {
        ...(condition as unknown as ConditionSpec),
        criteria: enumByName(BooleanCriteria, String(condition.criteria)),
      },
      boxes: rule.boxes.map((box) => ({ ...box })),
    };
  });
}

export function encodeOutbox(outbox: SentMail[]): Json[] {
  return outbox.map((mail) => encode(mail));
}

export function decodeOutbox(saved: Json[]): SentMail[] {
  return saved.map((mail) => decode(mail) as SentMail);
}

export function encodeUi(ui: UiRecords): Json {
  return encode(ui);
}

/**
 * SetupPort over SpreadsheetApp: a few batch reads per tab, one call per step part, and row 1
 * read again right before each group of writes (a column a person moved meanwhile makes the tab
 * planned again rather than written blind).
 */
import type { SetupPort, StepOutcome } from "../features/setup";
import { RECORD_PROPERTY, readRecord, recordText } from "../workbook/add-on-record";
import { columnLetter } from "../workbook/highlights";
import { headerKey, type TabName } from "../workbook/schema";
import {
  locateColumns,
  OWNED_HEADER_BACKGROUND,
  type SetupStep,
  type TabSnapshot,
  TEAM_HEADER_BACKGROUND,
  type ValidationSpec,
} from "../workbook/setup-plan";
import { adoptableView, createView, recordedView } from "./sheets-port";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The rule of a spec; `app` is the SpreadsheetApp to build it with (the bench passes its own). */
export function buildValidation(
  spec: ValidationSpec,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp = SpreadsheetApp,
  /**
   * A builder that already warns instead of rejecting, reused for each rule: each require* sets
   * the whole criteria and build() makes a rule of its own, so no copy is needed.
   */
  base?: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
): Validation {
  // Warn, never reject: a value a user already typed must stay where it is.
  const builder = base ?? app.newDataValidation().setAllowInvalid(true);
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

interface TabState {
  sheet: Sheet;
  /** Row 1 as the plan knows it; confirmed right before each group of writes. */
  header: unknown[];
  notes: string[];
  /** Rows of the tab, read only when a write needs them (an open-ended range reads none). */
  maxRows?: number;
  headerRange?: Range;
}

const maxRowsOf = (state: TabState): number => {
  state.maxRows ??= state.sheet.getMaxRows();
  return state.maxRows;
};

/** Rows 2 to the last of columns `first` to `last`: the range grows with the tab, no row count read. */
const columnsBelowHeader = (sheet: Sheet, first: number, last: number): Range =>
  sheet.getRange(`${columnLetter(first)}2:${columnLetter(last)}`);

/** Two header rows are the same when every cell matches as headers are matched (trailing blanks aside). */
function sameHeaders(a: readonly unknown[], b: readonly unknown[]): boolean {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) if (headerKey(a[index]) !== headerKey(b[index])) return false;
  return true;
}

/** A validation grid column is the same in every row (so a sort cannot have moved it). */
function uniformColumn(grid: readonly (readonly (Validation | null)[])[], column: number): boolean {
  const first = grid[0]?.[column] ?? null;
  return grid.every((row) => (row[column] ?? null) === first);
}

export function spreadsheetSetupPort(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupPort {
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperty(RECORD_PROPERTY);
  const record = readRecord(stored);
  let saved = stored && recordText(record);
  const tabs = new Map<TabName, TabState>();
  // A rule is a value: build each kind once per run and reuse it.
  const rules = new Map<string, Validation>();
  let base: GoogleAppsScript.Spreadsheet.DataValidationBuilder | undefined;
  const ruleFor = (spec: ValidationSpec): Validation => {
    const key = JSON.stringify(spec);
    base ??= SpreadsheetApp.newDataValidation().setAllowInvalid(true);
    const rule = rules.get(key) ?? buildValidation(spec, SpreadsheetApp, base);
    rules.set(key, rule);
    return rule;
  };

  const stateOf = (tab: TabName): TabState => {
    const state = tabs.get(tab);
    if (!state) throw new Error(`The tab ${tab} disappeared during setup`);
    return state;
  };
  /** Row 1 read again now: true when it is what the plan was made from. */
  const confirmed = (state: TabState): boolean => {
    state.headerRange ??= state.sheet.getRange("1:1");
    return sameHeaders(state.headerRange.getValues()[0] ?? [], state.header);
  };

  return {
    record,

    readTab(name) {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) return null;
      const frozenRows = sheet.getFrozenRows();
      // Row 1's notes only (a tab's every note would be a large read); the same range confirms row 1
      // right before the first write.
      const headerRange = sheet.getRange("1:1");
      const notes = headerRange.getNotes()[0] ?? [];
      const values = sheet.getDataRange().getValues();
      const lastColumn =
        values.length === 1 && values[0]?.every((cell) => cell === "") ? 0 : (values[0]?.length ?? 0);
      // Rows holding data say the tab has at least two; only a bare tab needs its row count read.
      const maxRows = values.length >= 2 ? undefined : sheet.getMaxRows();
      const snapshot: TabSnapshot = {
        name,
        lastColumn,
        maxColumns: lastColumn === 0 ? notes.length : 0,
        maxRows: maxRows ?? values.length,
        frozenRows,
        headers: lastColumn === 0 ? [] : (values[0] ?? []),
        headerNotes: notes.slice(0, lastColumn),
        values: lastColumn === 0 ? [] : values,
      };
      tabs.set(name, {
        sheet,
        header: [...snapshot.headers],
        notes: [...snapshot.headerNotes],
        maxRows,
        headerRange,
      });
      if (name === "Settings") {
        snapshot.lastRow = lastColumn === 0 ? 0 : values.length;
        const keyAt = snapshot.headers.findIndex((header) => headerKey(header) === "key");
        const valueAt = snapshot.headers.findIndex((header) => headerKey(header) === "value");
        if (keyAt >= 0)
          snapshot.settings = values
            .slice(1)
            .map((row) => [row[keyAt], valueAt >= 0 ? row[valueAt] : ""] as const);
      }
      return snapshot;
    },

    apply(step: SetupStep) {
      switch (step.kind) {
        case "createTab": {
          const sheet = spreadsheet.insertSheet(step.tab, spreadsheet.getSheets().length);
          tabs.set(step.tab, { sheet, header: [], notes: [], maxRows: 1000 });
          return "done";
        }
        case "addRows": {
          const state = stateOf(step.tab);
          state.sheet.insertRowsAfter(step.after, step.count);
          state.maxRows = step.after + step.count;
          return "done";
        }
        case "addColumns": {
          // Row 1 read again first: a column someone inserted since the tab was read would put the
          // new columns inside the team's table. The same range confirms the writes that follow.
          const state = stateOf(step.tab);
          if (state.header.length > 0 && !confirmed(state)) return "moved";
          state.sheet.insertColumnsAfter(step.after, step.count);
          return "done";
        }
        case "writeColumns":
          return writeColumns(stateOf(step.tab), step, ruleFor, confirmed);
        case "freezeHeader":
          stateOf(step.tab).sheet.setFrozenRows(1);
          return "done";
        case "appendSettings": {
          const state = stateOf("Settings");
          const count = step.rows.length;
          const first = Math.min(step.keyColumn, step.valueColumn);
          const width = Math.max(step.keyColumn, step.valueColumn) - first + 1;
          const maxRows = maxRowsOf(state);
          if (step.firstRow + count - 1 > maxRows) {
            state.sheet.insertRowsAfter(maxRows, step.firstRow + count - 1 - maxRows);
            state.maxRows = step.firstRow + count - 1;
          }
          // New rows only into rows confirmed empty, under headers confirmed unmoved: one read of
          // rows 1 to the last new one covers both (two reads would leave a gap between them).
          const target = state.sheet.getRange(step.firstRow, first, count, width);
          const box = state.sheet.getRange(1, first, step.firstRow + count - 1, width).getValues();
          const headers = box[0] ?? [];
          const unmoved = headers.every(
            (cell, index) => headerKey(cell) === headerKey(state.header[first - 1 + index]),
          );
          const empty = box.slice(step.firstRow - 1).every((row) => row.every((cell) => cell === ""));
          if (!unmoved || !empty) return "moved";
          target.setValues(
            step.rows.map(([key, value]) => {
              const row: unknown[] = Array.from({ length: width }, () => "");
              row[step.keyColumn - first] = key;
              row[step.valueColumn - first] = value;
              return row;
            }),
          );
          return "done";
        }
      }
    },

    ask(title, question) {
      const ui = SpreadsheetApp.getUi();
      const answer = ui.alert(title, question, ui.ButtonSet.YES_NO);
      return answer === ui.Button.YES ? "yes" : answer === ui.Button.NO ? "no" : "none";
    },

    ensureView() {
      const recorded = recordedView(spreadsheet, record);
      const adopted = recorded ? null : adoptableView(spreadsheet, record);
      const created = !recorded && !adopted?.view;
      if (created) createView(spreadsheet, record, adopted?.taken === false);
      const name = record.view?.name ?? "Operations";
      return { name, created, teamHasOperations: name !== "Operations" };
    },

    /** Stores the record when it changed since it was read or last stored (it may be called again). */
    saveRecord() {
      const kept = recordText(record);
      if (kept === saved) return;
      properties.setProperty(RECORD_PROPERTY, kept);
      saved = kept;
    },
  };
}

/**
 * A tab's group of writes: every range is made and the validations read first, then row 1 is read
 * again to confirm no column moved, then the writes follow one another. Dropdowns and checks go
 * where a contract column has none, in one write for the span of those columns; the other columns
 * of the span are written back as read (split around a column whose rules differ row by row,
 * which a sort could have moved meanwhile).
 */
function writeColumns(
  state: TabState,
  step: Extract<SetupStep, { kind: "writeColumns" }>,
  ruleFor: (spec: ValidationSpec) => Validation,
  confirmed: (state: TabState) => boolean,
): StepOutcome {
  const { sheet } = state;
  const count = step.columns.length;
  const header = count > 0 ? [...state.header.slice(0, step.firstColumn - 1)] : [...state.header];
  while (header.length < step.firstColumn - 1) header.push("");
  if (count > 0) header.push(...step.columns.map((column) => column.header));
  const notes = [...state.notes];
  while (notes.length < header.length) notes.push("");
  step.columns.forEach((column, index) => {
    notes[step.firstColumn - 1 + index] = column.note;
  });
  for (const { column, note } of step.notes) notes[column - 1] = note;

  const headerRange = count > 0 ? sheet.getRange(1, step.firstColumn, 1, count) : null;
  const noted = [
    ...step.notes.map(({ column }) => column),
    ...(count > 0 ? [step.firstColumn, step.firstColumn + count - 1] : []),
  ];
  const notesFirst = Math.min(...noted);
  const notesWidth = Math.max(...noted) - notesFirst + 1;
  // The header range is the notes range too when no other note is written (one range, not two).
  const notesRange =
    noted.length === 0
      ? null
      : headerRange && notesFirst === step.firstColumn && notesWidth === count
        ? headerRange
        : sheet.getRange(1, notesFirst, 1, notesWidth);
  const validations = planValidations(state, header, step.validated, ruleFor);
  // The validations read told how many rows the tab has; otherwise its row count is read.
  const formats = step.columns.map((column) => column.numberFormat ?? "0.###############");
  const formatted = count > 0 && step.columns.some((column) => column.numberFormat);
  const dataRows = formatted ? (validations.rows ?? maxRowsOf(state) - 1) : 0;
  const formatsRange =
    dataRows > 0 ? columnsBelowHeader(sheet, step.firstColumn, step.firstColumn + count - 1) : null;
  if (!headerRange && !notesRange && validations.writes.length === 0) return "unchanged";
  if (!confirmed(state)) return "moved";

  if (headerRange) {
    headerRange.setValues([step.columns.map((column) => column.header)]);
    headerRange.setBackgrounds([
      step.columns.map((column) => (column.owned ? OWNED_HEADER_BACKGROUND : TEAM_HEADER_BACKGROUND)),
    ]);
    headerRange.setFontWeight("bold");
  }
  // The notes between, read with the tab, are written back as they were.
  notesRange?.setNotes([notes.slice(notesFirst - 1, notesFirst - 1 + notesWidth)]);
  formatsRange?.setNumberFormats(Array.from({ length: dataRows }, () => formats));
  for (const { range, grid } of validations.writes) range.setDataValidations(grid);
  state.header = header;
  state.notes = notes;
  return "done";
}

/**
 * The validation writes of a tab: ranges made and grids filled, not yet written; `rows`, the
 * tab's rows below the header when the validations were read (the read range runs to the last).
 */
function planValidations(
  state: TabState,
  header: readonly unknown[],
  columns: readonly { header: string; validation: ValidationSpec }[],
  ruleFor: (spec: ValidationSpec) => Validation,
): { writes: { range: Range; grid: (Validation | null)[][] }[]; rows?: number } {
  const { sheet } = state;
  const positions = locateColumns(header);
  const placed = columns
    .map((column) => ({ ...column, position: positions.get(headerKey(column.header)) ?? 0 }))
    .filter((column) => column.position > 0);
  if (placed.length === 0 || (state.maxRows !== undefined && state.maxRows < 2)) return { writes: [] };
  const first = Math.min(...placed.map((column) => column.position));
  const width = Math.max(...placed.map((column) => column.position)) - first + 1;
  const read = columnsBelowHeader(sheet, first, first + width - 1);
  const grid = read.getDataValidations();
  const dataRows = grid.length;
  const fill = new Set<number>();
  for (const column of placed) {
    const index = column.position - first;
    if (!grid.every((row) => !row[index])) continue;
    fill.add(index);
    const rule = ruleFor(column.validation);
    for (const row of grid) row[index] = rule;
  }
  if (fill.size === 0) return { writes: [], rows: dataRows };
  // Segments between columns whose rules vary by row; only segments with something to fill.
  const writes: { range: Range; grid: (Validation | null)[][] }[] = [];
  let start = 0;
  for (let index = 0; index <= width; index++) {
    if (index < width && uniformColumn(grid, index)) continue;
    if ([...fill].some((column) => column >= start && column < index))
      writes.push({
        // The range read is the range written when the write spans it all.
        range:
          start === 0 && index === width ? read : sheet.getRange(2, first + start, dataRows, index - start),
        grid: grid.map((row) => row.slice(start, index)),
      });
    start = index + 1;
  }
  return { writes, rows: dataRows };
}

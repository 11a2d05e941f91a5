/**
 * What the page draws: a tab as Sheets shows it (display text, the look after conditional
 * formats, dropdowns, frozen rows, our formulas' spilled results) and the workbook around it.
 * Everything is read uncounted, so looking never changes what the add-on's tests count.
 */
import type { SentMail, TriggerRecord } from "../src/local/index";
import { displayValue, isDate } from "../src/local/values";
import { TABS } from "../src/workbook/schema";
import type { Session } from "./session";
import { SIDEBAR_OPENER } from "./sidebar-opener";

export interface CellView {
  /** Display text. */
  text: string;
  /** What the formula bar shows: the formula, or the value as one would type it. */
  input: string;
  kind: "empty" | "text" | "number" | "date" | "boolean";
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  align?: string;
  /** A dropdown (list validation): its choices. */
  choices?: string[];
  /** Sheets' warning for a value its dropdown does not list (the rule warns, never rejects). */
  invalid?: string;
  checkbox?: boolean;
  note?: string;
  /** Shows the result of a formula above or to the left. */
  spilled?: boolean;
  error?: string;
}

export interface TabView {
  name: string;
  frozenRows: number;
  frozenColumns: number;
  /** Row and column counts drawn (the data plus some room to type). */
  rows: number;
  columns: number;
  columnWidths: number[];
  cells: CellView[][];
}

const SPARE_ROWS = 25;
const SPARE_COLUMNS = 3;
const WHITE = "#ffffff";
const BLACK = "#000000";

function kindOf(value: unknown): CellView["kind"] {
  if (value === "" || value === null || value === undefined) return "empty";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (isDate(value)) return "date";
  return "text";
}

function listChoices(validation: GoogleAppsScript.Spreadsheet.DataValidation | null): string[] | undefined {
  if (!validation) return undefined;
  const type = String(validation.getCriteriaType());
  const values = validation.getCriteriaValues();
  if (type === "VALUE_IN_LIST") return (Array.isArray(values[0]) ? values[0] : []).map(String);
  if (type === "VALUE_IN_RANGE") {
    const range = values[0] as GoogleAppsScript.Spreadsheet.Range | undefined;
    try {
      return range
        ? range
            .getDisplayValues()
            .flat()
            .filter((text) => text !== "")
        : [];
    } catch {
      return [];
    }
  }
  return undefined;
}

export function tabView(session: Session, name: string): TabView {
  const sheet = session.sheet(name);
  const timeZone = session.emulator.spreadsheet.getSpreadsheetTimeZone();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const rows = Math.min(sheet.getMaxRows(), Math.max(lastRow + SPARE_ROWS, 30));
  const columns = Math.min(sheet.getMaxColumns(), Math.max(lastColumn + SPARE_COLUMNS, 10));
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const displays = range.getDisplayValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const validations = range.getDataValidations();
  const notes = range.getNotes();
  const aligns = range.getHorizontalAlignments();

  const cells: CellView[][] = values.map((line, r) =>
    line.map((value, c) => {
      const formula = formulas[r]?.[c] ?? "";
      const text = displays[r]?.[c] ?? "";
      const cell: CellView = { text, input: formula || text, kind: kindOf(value) };
      if (r < lastRow && c < lastColumn) {
        const look = session.emulator.effectiveFormat(name, r + 1, c + 1);
        if (look.background !== WHITE) cell.background = look.background;
        if (look.fontColor !== BLACK) cell.color = look.fontColor;
        if (look.bold) cell.bold = true;
        if (look.italic) cell.italic = true;
        if (look.strikethrough) cell.strike = true;
        if (look.underline) cell.underline = true;
      }
      const validation = validations[r]?.[c] ?? null;
      const choices = listChoices(validation);
      if (choices) cell.choices = choices;
      if (choices && text !== "" && !choices.includes(text)) {
        cell.invalid = `Invalid: "${text}" is not an item of this cell's list (${choices.join(", ")}).`;
      }
      if (validation && String(validation.getCriteriaType()) === "CHECKBOX") cell.checkbox = true;
      const note = notes[r]?.[c];
      if (note) cell.note = note;
      const align = aligns[r]?.[c];
      if (align && align !== "general" && align !== "general-left") cell.align = align;
      return cell;
    }),
  );

  // Our formulas' array results fill the cells below and to the right, as Sheets shows them.
  formulas.forEach((line, r) => {
    line.forEach((formula, c) => {
      if (!formula) return;
      const full = session.formulas.evaluateFull(formula, name, r + 1, c + 1);
      if (!full) return;
      const anchor = cells[r]?.[c];
      if (anchor && full.error) anchor.error = full.error.message;
      if (full.error) return;
      full.grid.forEach((resultLine, i) => {
        resultLine.forEach((value, j) => {
          if (i === 0 && j === 0) return;
          const target = cells[r + i]?.[c + j];
          if (!target) return;
          const shown = isDate(value) || ["string", "number", "boolean"].includes(typeof value) ? value : "";
          target.text = displayValue(shown as string, formats[r + i]?.[c + j], timeZone);
          target.kind = kindOf(shown);
          target.spilled = true;
        });
      });
    });
  });

  const columnWidths = Array.from({ length: columns }, (_, c) => sheet.getColumnWidth(c + 1));
  return {
    name: sheet.getName(),
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    rows,
    columns,
    columnWidths,
    cells,
  };
}

export interface MenuView {
  caption: string;
  functionName?: string;
  separator?: boolean;
  items?: MenuView[];
}

export interface WorkbookView {
  name: string;
  timeZone: string;
  today: string;
  tabs: { name: string; color: string | null }[];
  activeTab: string;
  /** The add-on's menu (Extensions > Campaign Desk), as onOpen built it. */
  menu: MenuView[];
  hasSidebar: boolean;
  outboxCount: number;
  triggerCount: number;
  /** Every tab of the contract exists: false on a fresh demo, before Set up workbook. */
  setUp: boolean;
}

function menuView(items: Session["emulator"]["ui"]["menus"][number]["items"]): MenuView[] {
  return items.map((item) =>
    item.kind === "separator"
      ? { caption: "", separator: true }
      : item.kind === "submenu"
        ? { caption: item.caption, items: menuView(item.items) }
        : { caption: item.caption, functionName: item.functionName },
  );
}

export function workbookView(session: Session): WorkbookView {
  const spreadsheet = session.emulator.spreadsheet;
  const sheets = spreadsheet.getSheets().filter((sheet) => !sheet.isSheetHidden());
  const addon = session.emulator.ui.menus.find((menu) => menu.addon) ?? session.emulator.ui.menus[0];
  return {
    name: spreadsheet.getName(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    today: session.today(),
    tabs: sheets.map((sheet) => ({ name: sheet.getName(), color: sheet.getTabColor() })),
    activeTab: spreadsheet.getActiveSheet().getName(),
    menu: addon ? menuView(addon.items) : [],
    hasSidebar: session.bundle.has(SIDEBAR_OPENER),
    outboxCount: session.emulator.outbox.length,
    triggerCount: session.emulator.triggers.list().length,
    setUp: TABS.every((tab) => spreadsheet.getSheetByName(tab.name) !== null),
  };
}

export interface MailView {
  to: string[];
  cc: string[];
  bcc: string[];
  from: string;
  subject: string;
  sentAt: string;
  body: string;
  htmlBody: string | null;
}

/** Newest first. */
export function outboxView(outbox: readonly SentMail[]): MailView[] {
  return outbox
    .map((mail) => ({
      to: [...mail.to],
      cc: [...mail.cc],
      bcc: [...mail.bcc],
      from: mail.name ? `${mail.name} <${mail.from}>` : mail.from,
      subject: mail.subject,
      sentAt: mail.sentAt.toISOString(),
      body: mail.body,
      htmlBody: mail.htmlBody ?? null,
    }))
    .reverse();
}

export function triggersView(triggers: readonly TriggerRecord[]): TriggerRecord[] {
  return triggers.map((trigger) => ({ ...trigger }));
}

/**
 * Import from Seller Center, the shell: the menu item that opens the import panel on the
 * selected tab, the preview (reads only) and the confirm, which plans again under the document
 * lock, refuses when anything moved since the preview, and writes the planned blocks, each
 * confirmed against its headers and the keys of its rows right before it is written. Service
 * calls follow the number of written columns, never the number of rows.
 */
import { type ZoneCalendar, zoneCalendar } from "../domain/day";
import { type ColumnMapping, type ExportKind, isOrderField } from "../domain/seller-center";
import { asStored } from "../features/campaign-sidebar";
import {
  IMPORT_TABS,
  type ImportPreview,
  type ImportTabs,
  type PlannedWrite,
  parseImportRequest,
  planImport,
  planOrderRefresh,
  sameStored,
  type TabGuard,
} from "../features/order-import";
import { ownedColumnsOf } from "../features/owned-writes";
import { type AddOnRecord, RECORD_PROPERTY, readRecord, recordText } from "../workbook/add-on-record";
import { headerKey, TABS, type TabName, tabSchema } from "../workbook/schema";
import { keyText } from "../workbook/table";
import { withDocumentLockOr } from "./document-lock";
import { readMoneyStyle } from "./settings-tab";
import { showSidebar } from "./sidebar-api";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Failure = { ok: false; errors: { message: string }[]; preview?: ImportPreview };

export const MAPPING_PROPERTY = "campaignDesk.importMapping.";
/** A property value holds 9 KB; the mapping keeps its newest entries within it. */
const MAPPING_LIMIT = 9 * 1024;

const failure = (message: string, preview?: ImportPreview): Failure => ({
  ok: false,
  errors: [{ message }],
  ...(preview ? { preview } : {}),
});

function rememberedMappings(): Partial<Record<ExportKind, ColumnMapping>> {
  const properties = PropertiesService.getDocumentProperties();
  const mappings: Partial<Record<ExportKind, ColumnMapping>> = {};
  for (const kind of ["orders", "affiliate"] as const) {
    try {
      const stored = Object(JSON.parse(properties.getProperty(MAPPING_PROPERTY + kind) ?? "{}"));
      mappings[kind] = Object.fromEntries(
        Object.entries(stored).filter(([, field]) => field === "ignore" || isOrderField(field)),
      ) as ColumnMapping;
    } catch {
      // A mapping that no longer parses is forgotten, not fatal.
    }
  }
  return mappings;
}

/** Keeps the newest entries that fit in one property value. */
export function mappingToStore(previous: ColumnMapping | undefined, chosen: Record<string, string>): string {
  const entries = Object.entries({ ...previous, ...chosen });
  let json = JSON.stringify(Object.fromEntries(entries));
  while (json.length > MAPPING_LIMIT && entries.length > 0) {
    entries.shift();
    json = JSON.stringify(Object.fromEntries(entries));
  }
  return json;
}

const contractTabs = new Set(TABS.map((tab) => headerKey(tab.name)));

function readForImport(sourceTab: string) {
  const spreadsheet = SpreadsheetApp.getActive();
  const source = spreadsheet.getSheetByName(sourceTab);
  const sheets = new Map<TabName, Sheet>();
  const tabs: ImportTabs = {};
  for (const name of IMPORT_TABS) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) sheets.set(name, sheet);
    tabs[name] = sheet ? sheet.getDataRange().getValues() : null;
  }
  return {
    source: source ? source.getDataRange().getValues() : null,
    sheets,
    tabs,
    calendar: zoneCalendar(spreadsheet.getSpreadsheetTimeZone()),
    // The preview's amounts read as the sidebar's and the digest's do.
    money: readMoneyStyle(spreadsheet),
  };
}

/**
 * The owned Orders columns that are the add-on's to write, by the workbook record and the one
 * rule the checks follow (`ownedColumnsOf`): a same-named column the team kept, or has not
 * answered about in setup, is never written. Row 1's notes are read only when the rule needs them.
 */
function writableOrderColumns(
  sheet: () => Sheet | null | undefined,
  orders: readonly (readonly unknown[])[] | null | undefined,
  record: AddOnRecord,
  notices: string[],
): string[] {
  if (!orders || orders.length === 0) return [];
  let notes: readonly unknown[] | null = null;
  return ownedColumnsOf(tabSchema("Orders"), orders, record, notices, () => {
    notes ??=
      sheet()
        ?.getRange(1, 1, 1, Math.max(orders[0]?.length ?? 1, 1))
        .getNotes()[0] ?? [];
    return notes;
  });
}

function plan(request: unknown) {
  const parsed = parseImportRequest(request);
  if (!parsed) return { refusal: failure("The import request was not understood: open the import again.") };
  if (contractTabs.has(headerKey(parsed.sourceTab)))
    return {
      refusal: failure(
        `${parsed.sourceTab} is one of Campaign Desk's own tabs. Put the export in a tab of its own (File > Import > Insert new sheet), select it, and choose Import from this tab.`,
      ),
    };
  const read = readForImport(parsed.sourceTab);
  if (!read.source)
    return {
      refusal: failure(`There is no tab named ${parsed.sourceTab} any more: select the export's tab again.`),
    };
  const stored = PropertiesService.getDocumentProperties().getProperty(RECORD_PROPERTY);
  const record = readRecord(stored);
  const notices: string[] = [];
  const writable = writableOrderColumns(() => read.sheets.get("Orders"), read.tabs.Orders, record, notices);
  const planned = planImport({
    source: read.source,
    sourceTab: parsed.sourceTab,
    request: parsed,
    remembered: rememberedMappings(),
    tabs: read.tabs,
    calendar: read.calendar,
    writable,
    money: read.money,
  });
  // What the import leaves alone is said in the preview, beside its other notes.
  const outcome =
    planned.ok && notices.length > 0
      ? { ...planned, plan: { ...planned.plan, preview: withNotes(planned.plan.preview, notices) } }
      : planned;
  // Claims the rule made (an empty owned column is the add-on's) are kept by a confirmed import.
  const changed = recordText(record) !== (stored && recordText(readRecord(stored)));
  return { parsed, read, outcome, record: changed ? record : undefined };
}

const withNotes = (preview: ImportPreview, notices: readonly string[]): ImportPreview => ({
  ...preview,
  notes: [...preview.notes, ...notices],
});

/** True when the rows of a tab are still the ones planned against (and, for new rows, no more). */
function stillAsRead(sheet: Sheet, guard: TabGuard, append: boolean): boolean {
  const lastRow = sheet.getLastRow();
  if (lastRow < guard.lastRow || (append && lastRow > guard.lastRow)) return false;
  return guard.keyColumns.every((column, index) => {
    const now = sheet.getRange(1, column, Math.max(guard.lastRow, 1), 1).getValues();
    const wanted = guard.keys[index] ?? [];
    return wanted.every((key, offset) => keyText(now[offset + 1]?.[0]) === key);
  });
}

function headersStill(sheet: Sheet, write: PlannedWrite): boolean {
  const now = sheet.getRange(1, write.column, 1, write.headers.length).getValues()[0] ?? [];
  return write.headers.every((header, offset) => header === "" || headerKey(now[offset]) === header);
}

/** A block left unwritten because a person typed in its cells after the plan read them. */
interface TypedOver {
  tab: TabName;
  row: number;
  rows: number;
  header: string;
}

/** True when a block's cells still hold what the plan read (the confirming read of `range`). */
function cellsStill(range: GoogleAppsScript.Spreadsheet.Range, write: PlannedWrite): boolean {
  if (!write.expected) return true;
  const now = range.getValues();
  return write.expected.every((row, r) => row.every((cell, c) => sameStored(now[r]?.[c] ?? "", cell)));
}

/**
 * The writes in plan order; stops at the first block whose headers or rows moved, and skips a
 * block whose cells a person changed since the plan read them (their value stays).
 */
function applyWrites(
  sheets: Map<TabName, Sheet>,
  writes: readonly PlannedWrite[],
  guards: readonly TabGuard[],
): { done: number; stoppedAt?: TabName; typedOver: TypedOver[] } {
  let done = 0;
  const typedOver: TypedOver[] = [];
  for (const write of writes) {
    const sheet = sheets.get(write.tab);
    const guard = guards.find((candidate) => candidate.tab === write.tab);
    if (!sheet || !guard || !headersStill(sheet, write) || !stillAsRead(sheet, guard, write.append))
      return { done, stoppedAt: write.tab, typedOver };
    const lacking = write.row + write.values.length - 1 - sheet.getMaxRows();
    if (lacking > 0) sheet.insertRowsAfter(sheet.getMaxRows(), lacking);
    const range = sheet.getRange(write.row, write.column, write.values.length, write.values[0]?.length ?? 1);
    if (!cellsStill(range, write)) {
      typedOver.push({
        tab: write.tab,
        row: write.row,
        rows: write.values.length,
        header: String(sheet.getRange(1, write.column).getValue()),
      });
      continue;
    }
    // Text is stored as typed: an apostrophe where the cell is not plain text (asStored).
    const values = asStored(write.values, range.getNumberFormats());
    if (write.keepFormulas) {
      const formulas = range.getFormulas();
      for (const [r, row] of values.entries()) {
        for (const c of row.keys()) {
          const formula = formulas[r]?.[c];
          if (formula) row[c] = formula;
        }
      }
    }
    range.setValues(values);
    done += 1;
  }
  return { done, typedOver };
}

/** Where people typed while the import wrote, in their words: `Collaborations GMV, rows 5-9`. */
const typedOverText = (blocks: readonly TypedOver[]) =>
  blocks
    .map(
      ({ tab, row, rows, header }) =>
        `${tab} ${header}, row${rows === 1 ? ` ${row}` : `s ${row}-${row + rows - 1}`}`,
    )
    .join("; ");

/**
 * The daily check's part of Orders: their computed columns again (collaborations and rates
 * change after an import), written only where something changed. False when rows moved.
 */
export function refreshOrderColumns(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: ImportTabs,
  calendar: ZoneCalendar,
  record: AddOnRecord,
  notices: string[],
): boolean {
  let orders: Sheet | null | undefined;
  const ordersSheet = () => {
    orders ??= spreadsheet.getSheetByName("Orders");
    return orders;
  };
  const writable = writableOrderColumns(ordersSheet, tabs.Orders, record, notices);
  const { writes, guards } = planOrderRefresh(tabs, calendar, writable);
  const sheet = writes.length > 0 ? ordersSheet() : null;
  if (!sheet) return true;
  const result = applyWrites(new Map([["Orders", sheet]]), writes, guards);
  return result.stoppedAt === undefined && result.typedOver.length === 0;
}

export const importEntryPoints = {
  /** Menu: Import from this tab. The tab selected now is the one the panel imports. */
  importFromThisTab(): void {
    const sourceTab = SpreadsheetApp.getActiveSheet().getName();
    const own = contractTabs.has(headerKey(sourceTab));
    showSidebar({
      view: "import",
      campaignId: "",
      sourceTab: own ? "" : sourceTab,
      ...(own
        ? {
            notice: `${sourceTab} is one of Campaign Desk's own tabs. Import the Seller Center export into a new tab (File > Import > Insert new sheet), select that tab, and choose Import from this tab again.`,
          }
        : {}),
    });
  },

  /** What the import would do: nothing is written. */
  sidebarImportPreview(request: unknown): ImportPreview | Failure {
    const { refusal, outcome } = plan(request);
    if (refusal) return refusal;
    return outcome.ok ? outcome.plan.preview : { ok: false, errors: outcome.errors };
  },

  /** Writes what the preview showed, under the lock; refuses when the preview is out of date. */
  sidebarImportConfirm(request: unknown) {
    return withDocumentLockOr(
      () => {
        const { refusal, parsed, read, outcome, record } = plan(request);
        if (refusal) return refusal;
        if (!outcome.ok) return { ok: false as const, errors: outcome.errors };
        const { preview, writes, guards, remember } = outcome.plan;
        if (!preview.canImport) return failure("There is nothing to import: the preview shows why.", preview);
        if (preview.fingerprint !== parsed.fingerprint)
          return failure(
            "The export or the workbook changed since this preview. Nothing was written: check the new preview and confirm again.",
            preview,
          );
        const result = applyWrites(read.sheets, writes, guards);
        if (record)
          PropertiesService.getDocumentProperties().setProperty(RECORD_PROPERTY, recordText(record));
        if (Object.keys(remember.mapping).length > 0) {
          const properties = PropertiesService.getDocumentProperties();
          const key = MAPPING_PROPERTY + remember.kind;
          properties.setProperty(key, mappingToStore(rememberedMappings()[remember.kind], remember.mapping));
        }
        if (result.stoppedAt)
          return failure(
            `Rows or headers of ${result.stoppedAt} moved while the import wrote (a sort, an inserted or deleted row): ${result.done} of ${writes.length} blocks were written and the rest were not, rather than written blind. Run Import from this tab again: nothing is added twice.`,
          );
        if (result.typedOver.length > 0)
          return failure(
            `Cells changed while the import wrote (someone typed in them): ${typedOverText(result.typedOver)}. Those cells keep what was typed; ${result.done} of ${writes.length} blocks were written and the others were not, rather than written over. Run Import from this tab again: nothing is added twice.`,
          );
        // The sidebar says what was done from the preview it confirmed: the same counts.
        return { ok: true as const, written: preview.counts, blocks: writes.length };
      },
      () =>
        failure(
          "Someone else is saving to this workbook, or the daily check is running. Nothing was imported: try again in a moment.",
        ),
    );
  },
};

/** What the import panel may call, for the sidebar's typed google.script.run wrapper. */
export type ImportApi = typeof importEntryPoints;

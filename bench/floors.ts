/**
 * The floor of each operation: the fewest service calls (and cells) it could make, counted the
 * way ours are. Every unit below (a tab read, a block write, a lock, a rule built, a mail) is
 * counted by running it once on the emulator, so a tab read is the same 3 calls in the floor as
 * in ours, and the lock, the highlight rules, the validation and the digest are in the floor.
 * Cells: a floor reads every cell of the tabs it needs and writes only the cells that change.
 */
import { isoFromDay, zoneCalendar } from "../src/domain/day";
import { computeChecks } from "../src/features/checks";
import { buildOperationsView } from "../src/features/operations";
import { buildValidation } from "../src/gas/setup-port";
import { createEmulator, type EmulatorGlobals } from "../src/local/index";
import { highlightRules } from "../src/workbook/highlights";
import { headerKey, TABS, type TabName, tabSchema } from "../src/workbook/schema";
import { locateColumns, numberFormatOf, validationOf } from "../src/workbook/setup-plan";
import { adjacentRuns, keyText, sameCell } from "../src/workbook/table";
import type { Tabs } from "./workbook";

export interface Floor {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** What was counted, in words, with each part's calls. */
  parts: string[];
}

type Unit =
  | "open"
  | "lock"
  | "state"
  | "property"
  | "setState"
  | "readTab"
  | "readHeader"
  | "newTab"
  | "insertColumns"
  | "writeHeaders"
  | "writeBlock"
  | "formatBlock"
  | "validationBlock"
  | "freeze"
  | "rule"
  | "rules"
  | "quota"
  | "send"
  | "mailLinks"
  | "sheetId"
  | "tell";

/** Each unit run once on a scratch emulator, its calls counted. */
function measureUnits(): Record<Unit, number> {
  const emulator = createEmulator({ timeZone: "UTC", now: new Date("2026-11-25T12:00:00Z") });
  emulator.seed("Tab", [
    ["Key", "Value"],
    ["a", 1],
  ]);
  const g: EmulatorGlobals = emulator.globals;
  const count = (run: () => unknown): number => {
    emulator.calls.reset();
    run();
    return emulator.calls.count();
  };
  const ss = emulator.uncounted(() => g.SpreadsheetApp.getActive());
  const sheet = emulator.uncounted(() => ss.getSheetByName("Tab")) as GoogleAppsScript.Spreadsheet.Sheet;
  const properties = emulator.uncounted(() => g.PropertiesService.getDocumentProperties());
  return {
    open: count(() => g.SpreadsheetApp.getActive().getSpreadsheetTimeZone()),
    lock: count(() => {
      const lock = g.LockService.getDocumentLock();
      lock.tryLock(1);
      lock.releaseLock();
    }),
    state: count(() => g.PropertiesService.getDocumentProperties().getProperty("state")),
    property: count(() => properties.getProperty("state")),
    setState: count(() => properties.setProperty("state", "x")),
    readTab: count(() => ss.getSheetByName("Tab")?.getDataRange().getValues()),
    readHeader: count(() => {
      const row = sheet.getRange("1:1");
      row.getValues();
      row.getNotes();
    }),
    newTab: count(() => ss.insertSheet("New")),
    insertColumns: count(() => sheet.insertColumnsAfter(2, 1)),
    writeHeaders: count(() => {
      const cells = sheet.getRange(1, 3, 1, 1);
      cells.setValues([["H"]]);
      cells.setNotes([["note"]]);
      cells.setBackgrounds([["#eeeeee"]]);
      cells.setFontWeight("bold");
    }),
    writeBlock: count(() => sheet.getRange(2, 1, 1, 1).setValues([["b"]])),
    formatBlock: count(() => sheet.getRange("C2").setNumberFormats([["0"]])),
    // The team's rules in the block are read first and written back: nothing of theirs is replaced.
    validationBlock: count(() => {
      const block = sheet.getRange("A2:B");
      block.setDataValidations(block.getDataValidations());
    }),
    freeze: count(() => {
      if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
    }),
    rule: count(() =>
      g.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied("=$A2=1")
        .setBackground("#ffffff")
        .setFontColor("#000000")
        .setRanges([sheet.getRange("A2:B")])
        .build(),
    ),
    // The team's rules are read so that they stay, then the whole list is set once.
    rules: count(() => sheet.setConditionalFormatRules(sheet.getConditionalFormatRules())),
    quota: count(() => g.MailApp.getRemainingDailyQuota()),
    send: count(() => g.MailApp.sendEmail({ to: "a@example.com", subject: "s", body: "b" })),
    mailLinks: count(() => [ss.getUrl(), ss.getName()]),
    sheetId: count(() => sheet.getSheetId()),
    tell: count(() => g.SpreadsheetApp.getUi().alert("done")),
  };
}

let measured: Record<Unit, number> | undefined;
export function units(): Record<Unit, number> {
  measured ??= measureUnits();
  return measured;
}

class Tally {
  calls = 0;
  cellsRead = 0;
  cellsWritten = 0;
  private readonly counts = new Map<string, number>();
  constructor(private readonly unit = units()) {}
  add(what: Unit, label: string, times = 1): void {
    if (times <= 0) return;
    const calls = this.unit[what] * times;
    this.calls += calls;
    this.counts.set(label, (this.counts.get(label) ?? 0) + calls);
  }
  result(): Floor {
    return {
      calls: this.calls,
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
      parts: [...this.counts.entries()].map(([label, calls]) => `${label} ${calls}`),
    };
  }
}

const gridCells = (grid: readonly (readonly unknown[])[] | undefined) =>
  (grid ?? []).reduce((sum, row) => sum + row.length, 0);

/**
 * Setup of a workbook holding `tabs` (each sheet `maxRows` tall): look at every tab, add what is
 * missing, in the fewest calls. Validation and formats cover every row below the header, as they
 * must for rows the team adds later.
 */
export function setupFloor(tabs: Tabs, maxRows: Readonly<Record<string, number>>): Floor {
  const tally = new Tally();
  tally.add("open", "open");
  tally.add("lock", "lock");
  const specs = new Set<string>();
  for (const tab of TABS) {
    const values = tabs[tab.name];
    const rows = Math.max((maxRows[tab.name] ?? values?.length ?? 1) - 1, 1);
    if (!values) tally.add("newTab", "tabs created");
    if (tab.columns.length === 0) continue;
    if (tab.name === "Settings") tally.add("readTab", "tab reads");
    else tally.add("readHeader", "header and note reads");
    tally.cellsRead += tab.name === "Settings" ? gridCells(values) : 2 * (values?.[0]?.length ?? 0);
    const header = (values?.[0] ?? []).map(headerKey);
    const missing = tab.columns.filter((column) => !header.includes(headerKey(column.header)));
    if (missing.length > 0) {
      tally.add("insertColumns", "columns inserted");
      tally.add("writeHeaders", "header writes (values, notes, marks)");
      // Values, backgrounds and weights of the new headers; notes below.
      tally.cellsWritten += 3 * missing.length;
      // As setup formats them: an owned text column keeps the General format.
      const formatted = missing.filter(
        (column) => !(column.owned && column.kind === "text") && numberFormatOf(column.kind, "USD") !== null,
      );
      if (formatted.length > 0) {
        tally.add("formatBlock", "number formats");
        tally.cellsWritten += rows * formatted.length;
      }
    }
    // A note on every header that has none, in the same write (the seeded workbook has no notes).
    tally.cellsWritten += header.length;
    const validated = tab.columns.flatMap((column) => {
      const spec = validationOf(column);
      return spec ? [spec] : [];
    });
    if (validated.length > 0) {
      for (const spec of validated) specs.add(JSON.stringify(spec));
      tally.add("validationBlock", "validation writes (one per tab)");
      // The cells floor: only the validated columns (one block per tab is the calls floor).
      tally.cellsRead += rows * validated.length;
      tally.cellsWritten += rows * validated.length;
    }
    tally.add("freeze", "frozen header");
  }
  // Each distinct rule built once, counted by building it on the emulator.
  const emulator = createEmulator();
  emulator.calls.reset();
  for (const spec of specs) buildValidation(JSON.parse(spec), emulator.globals.SpreadsheetApp);
  tally.calls += emulator.calls.count();
  tally.add("writeBlock", "missing Settings keys");
  tally.add("tell", "what setup did");
  const result = tally.result();
  result.parts.push(`validation rules built once ${emulator.calls.count()}`);
  return result;
}

export interface DailyState {
  /** The operating view the last run left, as text (undefined before the first run). */
  view?: string;
  /** Tabs whose highlight rules are in place. */
  highlighted: Set<TabName>;
}

/**
 * A daily run over `tabs` (the workbook as it is before the run) on `now`: the owned cells that
 * change, one write per changed run of adjacent owned columns, the highlight rules and the view
 * only when they changed (a signature in document properties), the digest's `mails`.
 */
export function dailyFloor(
  tabs: Tabs,
  now: Date,
  timeZone: string,
  mails: number,
  state: DailyState,
  operationsLimit: number,
): Floor {
  const tally = new Tally();
  const calendar = zoneCalendar(timeZone);
  const today = calendar.dayOf(now) ?? 0;
  tally.add("open", "open");
  tally.add("lock", "lock");
  tally.add("state", "stored signatures");
  const input: Partial<Record<TabName, unknown[][]>> = {};
  for (const tab of TABS) {
    const values = tabs[tab.name];
    if (tab.generated || !values) continue;
    input[tab.name] = values;
    tally.add("readTab", "tab reads");
    tally.cellsRead += gridCells(values);
  }
  const result = computeChecks({ tabs: input, today, calendar });
  let changedState = false;
  for (const [tab, computed] of result.owned) {
    const values = input[tab] ?? [];
    const schema = tabSchema(tab);
    const columns = locateColumns(values[0] ?? []);
    const keyAt = columns.get(headerKey(schema.key));
    if (keyAt === undefined) continue;
    const owned = schema.columns
      .filter((column) => column.owned)
      .flatMap((column) => {
        const position = columns.get(headerKey(column.header));
        return position === undefined ? [] : [{ header: column.header, position }];
      })
      .sort((a, b) => a.position - b.position);
    for (const run of adjacentRuns(owned)) {
      let changed = 0;
      for (let index = 1; index < values.length; index++) {
        const cells = values[index] ?? [];
        const record = computed.get(keyText(cells[keyAt - 1]));
        if (!record) continue;
        for (const { header, position } of run) {
          if (header in record && !sameCell(record[header], cells[position - 1] ?? "")) changed += 1;
        }
      }
      if (changed > 0) tally.add("writeBlock", "changed owned blocks");
      tally.cellsWritten += changed;
    }
    if (!state.highlighted.has(tab)) {
      const header = values[0] ?? [];
      tally.add("rule", "highlight rules built", highlightRules(schema, columns, header.length).length);
      tally.add("rules", "highlight rule lists set");
      state.highlighted.add(tab);
      changedState = true;
    }
  }
  const view = buildOperationsView(
    result.operations,
    today,
    { dateOf: (day) => calendar.midnightOf(day), isoOf: isoFromDay },
    "",
    operationsLimit,
  );
  const viewText = view.contentSignature;
  if (viewText !== state.view) {
    if (state.view === undefined) tally.add("newTab", "operating view");
    tally.add("writeBlock", "operating view");
    tally.cellsWritten += gridCells(view.values);
    state.view = viewText;
    changedState = true;
  }
  if (changedState) tally.add("setState", "stored signatures");
  // The digest: today's ledger read (the state read above opened the properties), mail, the ledger and the run recorded.
  tally.add("property", "digest ledger read");
  if (mails > 0) {
    tally.add("quota", "mail quota");
    tally.add("send", "digests", mails);
    tally.add("mailLinks", "links in the digest");
    tally.add("sheetId", "row links", result.owned.size);
  }
  tally.add("setState", "digest ledger and last run", mails > 0 ? 2 : 1);
  return tally.result();
}

/** A save or a recruit: the tabs it needs read, the new rows written in one block per tab. */
export function rowsFloor(tabs: Tabs, read: readonly TabName[], written: Record<string, number>): Floor {
  const tally = new Tally();
  tally.add("open", "open");
  tally.add("lock", "lock");
  for (const name of read) {
    tally.add("readTab", "tab reads");
    tally.cellsRead += gridCells(tabs[name]);
  }
  for (const [tab, cells] of Object.entries(written)) {
    if (cells === 0) continue;
    tally.add("writeBlock", `${tab} rows`);
    tally.cellsWritten += cells;
  }
  return tally.result();
}

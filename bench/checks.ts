/**
 * The daily run's pure compute (what Apps Script spends its 6 minutes on besides service calls),
 * measured in plain Node outside node:vm: computeChecks over the seeded workbook beside a single
 * pass that touches every cell of the same tabs once, interleaved run by run so both see the
 * same machine. Medians of `runs` runs, after one run of each that is not counted (V8 compiles
 * the code on first use, as it does on every Apps Script execution, but that cost is start-up's).
 */
import { type ZoneCalendar, zoneCalendar } from "../src/domain/day";
import { computeChecks } from "../src/features/checks";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { headerKey, TABS, type TabName } from "../src/workbook/schema";
import { type Sample, type Timing, timed, timing } from "./stats";
import { NOW, TIME_ZONE } from "./workbook";

export interface ComputeResult extends Timing {
  name: string;
  rows: number;
}

export interface DailyComputeResult {
  rows: number;
  /** Cells of the tabs the check reads. */
  cells: number;
  check: ComputeResult;
  singlePass: ComputeResult;
  /** check.ms / singlePass.ms. */
  ratio: number;
}

/**
 * Every cell of every tab read once into the value a rule would use, and every owned cell given
 * a value once: the least any check must do. A date cell becomes its day in the spreadsheet's
 * zone (the same cached calendar the check uses), a text is trimmed, a number or a flag is taken
 * as it is; each keyed row gets a record of its tab's owned columns, keyed by its ID.
 */
export function singlePass(tabs: Record<string, unknown[][]>, calendar: ZoneCalendar): number {
  let seen = 0;
  for (const [name, rows] of Object.entries(tabs)) {
    const schema = TABS.find((tab) => tab.name === name);
    const owned = schema?.columns.filter((column) => column.owned).map((column) => column.header) ?? [];
    const keyAt = (rows[0] ?? []).map(headerKey).indexOf(headerKey(schema?.key ?? ""));
    const records = new Map<string, Record<string, unknown>>();
    for (let index = 1; index < rows.length; index++) {
      const row = rows[index] ?? [];
      let sum = 0;
      for (const cell of row) {
        if (cell instanceof Date) sum += calendar.dayOf(cell) ?? 0;
        else if (typeof cell === "string") sum += cell.trim().length;
        else if (typeof cell === "number") sum += cell;
        else if (cell === true) sum += 1;
      }
      if (keyAt < 0 || owned.length === 0) continue;
      const record: Record<string, unknown> = {};
      for (const header of owned) record[header] = sum;
      records.set(String(row[keyAt]).trim(), record);
      seen += sum;
    }
    seen += records.size;
  }
  return seen;
}

export function summarize(name: string, rows: number, samples: readonly Sample[]): ComputeResult {
  return { name, rows, ...timing(samples) };
}

export function dailyCompute(collaborations: number, runs: number): DailyComputeResult {
  const calendar = zoneCalendar(TIME_ZONE);
  const today = calendar.dayOf(NOW) ?? 0;
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations });
  const input = { tabs: tabs as Partial<Record<TabName, unknown[][]>>, today, calendar };
  const cells = Object.values(tabs).reduce(
    (sum, rows) => sum + rows.reduce((width, row) => width + row.length, 0),
    0,
  );
  computeChecks(input);
  singlePass(tabs, calendar);
  const check: Sample[] = [];
  const pass: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    check.push(timed(() => computeChecks(input)));
    pass.push(timed(() => singlePass(tabs, calendar)));
  }
  const checkResult = summarize("daily run compute", collaborations, check);
  const passResult = summarize("single pass over every cell", collaborations, pass);
  return {
    rows: collaborations,
    cells,
    check: checkResult,
    singlePass: passResult,
    ratio: checkResult.ms / Math.max(passResult.ms, 1e-6),
  };
}

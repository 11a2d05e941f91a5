/**
 * Import from Seller Center at 1,000, 10,000 and 50,000 export rows: build/Code.js on the
 * emulator (a workbook of 1,000 collaborations, set up, with the demo affiliate export in a tab
 * of its own), the preview and the confirm each counted (service calls, cells written) and
 * timed, plus the pure plan's own time. Each size runs `runs` times, each run on a fresh emulator
 * and a fresh node:vm context (a confirm adds the orders, so a second confirm on the same
 * workbook would import nothing): times are medians, and the counts must be the same in every
 * run. Calls should not grow with rows; cells written do.
 */
import vm from "node:vm";
import { zoneCalendar } from "../src/domain/day";
import { planImport } from "../src/features/order-import";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { asImportedTab, demoAffiliateExport } from "../src/local/demo/seller-center-exports";
import { createEmulator } from "../src/local/index";
import { type Sample, sameInEveryRun, type Timing, timed, timing } from "./stats";
import { NOW, type Tabs, TIME_ZONE } from "./workbook";

export interface ImportBenchResult {
  rows: number;
  /** Orders rows the import added (the rest were skipped: unlisted SKUs, repeated lines). */
  added: number;
  preview: { calls: number } & Timing;
  confirm: { calls: number; writes: number; cellsWritten: number } & Timing;
  /** planImport alone, on values already read. */
  plan: Timing;
}

/** What one run counted: identical in every run of a size. */
interface ImportCounts {
  added: number;
  cellsWritten: number;
  preview: { calls: number; byMethod: Record<string, number> };
  confirm: { calls: number; writes: number; byMethod: Record<string, number> };
}

interface ImportRun {
  counts: ImportCounts;
  plan: Sample;
  preview: Sample;
  confirm: Sample;
}

const MAPPING = { "Ads attribution": "adOrder" };

/** One import of `exportTab` into a fresh copy of the workbook, set up first. */
function importOnce(tabs: Tabs, exportTab: string[][], code: string, rows: number): ImportRun {
  const emulator = createEmulator({ timeZone: TIME_ZONE, now: NOW, spreadsheetName: "Bench import" });
  for (const [tab, values] of Object.entries(tabs)) emulator.seed(tab, values);
  const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
  vm.runInContext(code, context, { filename: "Code.js" });
  const call = (name: string, ...args: unknown[]) =>
    ((context as Record<string, unknown>)[name] as (...values: unknown[]) => unknown)(...args);
  call("setUpWorkbookFromMenu");
  emulator.seed("Export", exportTab);

  // The pure plan on the values as read, for the compute figure and the cells it writes.
  const read = Object.fromEntries(
    ["Products", "Campaigns", "Creators", "Collaborations", "Orders"].map((name) => [
      name,
      emulator.values(name),
    ]),
  );
  const source = emulator.values("Export");
  let planned: ReturnType<typeof planImport> | undefined;
  const plan = timed(() => {
    planned = planImport({
      source,
      sourceTab: "Export",
      request: { mapping: MAPPING, addCreators: false },
      remembered: {},
      tabs: read,
      calendar: zoneCalendar(TIME_ZONE),
    });
  });
  if (!planned?.ok) throw new Error(planned?.errors.map((error) => error.message).join("; "));
  const cellsWritten = planned.plan.writes.reduce(
    (sum, write) => sum + write.values.length * (write.values[0]?.length ?? 0),
    0,
  );

  emulator.calls.reset();
  let previewed = { fingerprint: "", counts: { new: 0 } };
  const preview = timed(() => {
    previewed = call("sidebarImportPreview", {
      sourceTab: "Export",
      mapping: MAPPING,
    }) as typeof previewed;
  });
  const previewCounts = { calls: emulator.calls.count(), byMethod: emulator.calls.byMethod() };

  emulator.calls.reset();
  let done = { ok: false };
  const confirm = timed(() => {
    done = call("sidebarImportConfirm", {
      sourceTab: "Export",
      mapping: MAPPING,
      fingerprint: previewed.fingerprint,
    }) as typeof done;
  });
  if (!done.ok) throw new Error(`The bench's import of ${rows} rows did not complete`);
  return {
    counts: {
      added: previewed.counts.new,
      cellsWritten,
      preview: previewCounts,
      confirm: {
        calls: emulator.calls.count(),
        writes: emulator.calls.writes(),
        byMethod: emulator.calls.byMethod(),
      },
    },
    plan,
    preview,
    confirm,
  };
}

export function benchSellerImport(sizes: readonly number[], code: string, runs: number): ImportBenchResult[] {
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations: 1_000 });
  return sizes.map((rows) => {
    const exportTab = asImportedTab(demoAffiliateExport({ tabs, rows, timeZone: TIME_ZONE, today: NOW }));
    const all = Array.from({ length: runs }, () => importOnce(tabs, exportTab, code, rows));
    const counts = sameInEveryRun(
      `Seller Center import of ${rows} rows`,
      all.map((run) => run.counts),
    );
    return {
      rows,
      added: counts.added,
      preview: { calls: counts.preview.calls, ...timing(all.map((run) => run.preview)) },
      confirm: {
        calls: counts.confirm.calls,
        writes: counts.confirm.writes,
        cellsWritten: counts.cellsWritten,
        ...timing(all.map((run) => run.confirm)),
      },
      plan: timing(all.map((run) => run.plan)),
    };
  });
}

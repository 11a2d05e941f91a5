/**
 * Import from Seller Center at 1,000, 10,000 and 50,000 export rows: build/Code.js on the
 * emulator (a workbook of 1,000 collaborations, set up, with the demo affiliate export in a tab
 * of its own), the preview and the confirm each counted (service calls, cells written) and
 * timed, plus the pure plan's own time. Calls should not grow with rows; cells written do.
 */
import vm from "node:vm";
import { zoneCalendar } from "../src/domain/day";
import { planImport } from "../src/features/order-import";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { asImportedTab, demoAffiliateExport } from "../src/local/demo/seller-center-exports";
import { createEmulator } from "../src/local/index";
import { NOW, TIME_ZONE } from "./workbook";

export interface ImportBenchResult {
  rows: number;
  /** Orders rows the import added (the rest were skipped: unlisted SKUs, repeated lines). */
  added: number;
  preview: { calls: number; ms: number };
  confirm: { calls: number; writes: number; cellsWritten: number; ms: number };
  /** planImport alone, on values already read. */
  planMs: number;
}

const MAPPING = { "Ads attribution": "adOrder" };

export function benchSellerImport(sizes: readonly number[], code: string): ImportBenchResult[] {
  const { tabs } = scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations: 1_000 });
  return sizes.map((rows) => {
    const emulator = createEmulator({ timeZone: TIME_ZONE, now: NOW, spreadsheetName: "Bench import" });
    for (const [tab, values] of Object.entries(tabs)) emulator.seed(tab, values);
    const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
    vm.runInContext(code, context, { filename: "Code.js" });
    const call = (name: string, ...args: unknown[]) =>
      ((context as Record<string, unknown>)[name] as (...values: unknown[]) => unknown)(...args);
    call("setUpWorkbookFromMenu");
    const exportRows = demoAffiliateExport({ tabs, rows, timeZone: TIME_ZONE, today: NOW });
    emulator.seed("Export", asImportedTab(exportRows));

    // The pure plan on the values as read, for the compute figure and the cells it writes.
    const read = Object.fromEntries(
      ["Products", "Campaigns", "Creators", "Collaborations", "Orders"].map((name) => [
        name,
        emulator.values(name),
      ]),
    );
    let started = performance.now();
    const planned = planImport({
      source: emulator.values("Export"),
      sourceTab: "Export",
      request: { mapping: MAPPING, addCreators: false },
      remembered: {},
      tabs: read,
      calendar: zoneCalendar(TIME_ZONE),
    });
    const planMs = performance.now() - started;
    if (!planned.ok) throw new Error(planned.errors.map((error) => error.message).join("; "));
    const cellsWritten = planned.plan.writes.reduce(
      (sum, write) => sum + write.values.length * (write.values[0]?.length ?? 0),
      0,
    );

    emulator.calls.reset();
    started = performance.now();
    const preview = call("sidebarImportPreview", { sourceTab: "Export", mapping: MAPPING }) as {
      fingerprint: string;
      counts: { new: number };
    };
    const previewMs = performance.now() - started;
    const previewCalls = emulator.calls.count();

    emulator.calls.reset();
    started = performance.now();
    const done = call("sidebarImportConfirm", {
      sourceTab: "Export",
      mapping: MAPPING,
      fingerprint: preview.fingerprint,
    }) as { ok: boolean };
    const confirmMs = performance.now() - started;
    if (!done.ok) throw new Error(`The bench's import of ${rows} rows did not complete`);
    return {
      rows,
      added: preview.counts.new,
      preview: { calls: previewCalls, ms: previewMs },
      confirm: {
        calls: emulator.calls.count(),
        writes: emulator.calls.writes(),
        cellsWritten,
        ms: confirmMs,
      },
      planMs,
    };
  });
}

/** Settings: each keyed row's Check cell. */
import type { CheckRun } from "./run";

export function checkSettings(run: CheckRun, checks: readonly string[]): void {
  run.tables.settings.rows.forEach((row, index) => {
    run.ownedOf("Settings").set(row.key, { Check: checks[index] ?? "" });
  });
}

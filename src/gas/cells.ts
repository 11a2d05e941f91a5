/** Runs a catalog cell function with the spreadsheet's zone and the clock. */
import { cellFunctions } from "../features/cell-functions/catalog";
import type { CellContext } from "../features/cell-functions/types";

function spreadsheetTimeZone(): string {
  // Custom functions may read the spreadsheet; fall back to the script zone if that fails.
  try {
    return SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  } catch {
    return Session.getScriptTimeZone() || "Etc/UTC";
  }
}

export function runCellFunction(name: string, args: ArrayLike<unknown>): unknown {
  const cellFunction = cellFunctions.find((candidate) => candidate.name === name);
  if (!cellFunction) throw new Error(`Unknown function ${name}`);
  const context: CellContext = { timeZone: spreadsheetTimeZone(), now: new Date() };
  return cellFunction.run(context, ...Array.from(args));
}

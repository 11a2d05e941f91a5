/**
 * The contract between a custom cell function and the Apps Script shell.
 * The build generates one top-level, JSDoc'd stub per entry of the catalog from these fields,
 * so Sheets shows the help while typing; nothing here may touch Apps Script globals.
 */
export interface CellFunctionParam {
  /** snake_case name shown by Sheets, e.g. `target_rate`. */
  name: string;
  /** One line: what the argument is and the accepted forms. */
  description: string;
  optional?: boolean;
}

/** What the shell knows when a custom function runs: the spreadsheet's zone and the clock. */
export interface CellContext {
  /** IANA zone of the spreadsheet, e.g. `America/Los_Angeles`. */
  timeZone: string;
  /** The current instant; `today` arguments default to its calendar day in `timeZone`. */
  now: Date;
}

export interface CellFunction {
  /** Upper-case name used in cells, e.g. `APPLIED_RATE`. */
  name: string;
  /** One-line summary shown by Sheets. */
  summary: string;
  params: CellFunctionParam[];
  /** What it returns, for the `@return` line. */
  returns: string;
  /** A formula example, e.g. `=APPLIED_RATE(F2:F, G2:G)`. */
  example: string;
  /** Receives exactly the arguments Sheets passed (scalars or 2D arrays), after the context. */
  run: (context: CellContext, ...args: unknown[]) => unknown;
}

/**
 * Marks a help text of the catalog. The build reads the texts for the stubs' JSDoc, then ships a
 * bundle where every `help("...")` is `""`: the stubs already carry the texts, so they are not
 * loaded twice on every custom-function call.
 */
export function help(text: string): string {
  return text;
}

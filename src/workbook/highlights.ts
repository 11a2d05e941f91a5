/**
 * The conditional-format rules the add-on owns. They are driven by its computed columns, so the
 * team's own colours stay untouched, and carry a marker in their formula so they can be told
 * apart from the team's rules when they are refreshed.
 */
import { headerKey, type TabSchema } from "./schema";

/** `N("text")` is 0, so the marker changes nothing in the condition. */
export const RULE_MARK = 'N("Campaign Desk")+';

export interface HighlightRule {
  formula: string;
  background: string;
  fontColor: string;
  /** 1-based first column and the number of columns; rows are 2 to the tab's last row. */
  column: number;
  numColumns: number;
}

export const HIGH = { background: "#f8d7da", fontColor: "#8c1d18" };
export const MEDIUM = { background: "#fff0c2", fontColor: "#7a4f01" };
export const GOOD = { background: "#dcefdc", fontColor: "#1e5b27" };

export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function isOwnedRuleFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.includes(RULE_MARK);
}

const startsWith = (column: number, pattern: string) =>
  `=${RULE_MARK}REGEXMATCH(TO_TEXT($${columnLetter(column)}2),"^(${pattern})")`;

/** Row highlights from the Alerts column, cell highlights on status columns. */
export function highlightRules(schema: TabSchema, columns: ReadonlyMap<string, number>, lastColumn: number) {
  const rules: HighlightRule[] = [];
  const at = (header: string) => columns.get(headerKey(header));
  const alerts = at("Alerts") ?? at("Checks");
  if (alerts !== undefined) {
    rules.push({ formula: startsWith(alerts, "High"), ...HIGH, column: 1, numColumns: lastColumn });
    rules.push({ formula: startsWith(alerts, "Medium"), ...MEDIUM, column: 1, numColumns: lastColumn });
  }
  const statusCells: [string, string, typeof HIGH][] = [
    ["Payout status", "Content overdue|Rejected", HIGH],
    ["Payout status", "Payable|In review", MEDIUM],
    ["Auth status", "Expired|Link removed|Collaboration ended", HIGH],
    ["Auth status", "Expiring", MEDIUM],
    ["Sample status", "Refund due", HIGH],
    ["Window status", "Ending", MEDIUM],
    ["Suggested pool", "Priority", GOOD],
  ];
  for (const [header, pattern, colours] of statusCells) {
    const column = at(header);
    if (column === undefined || !schema.columns.some((candidate) => candidate.header === header)) continue;
    rules.push({ formula: startsWith(column, pattern), ...colours, column, numColumns: 1 });
  }
  return rules;
}

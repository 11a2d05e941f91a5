/**
 * The README's custom-function examples are run, not just read: each `| `=FN(...)` | result |`
 * row is evaluated with the catalog and must show exactly the documented result.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayFromIso, isoFromDay, zoneCalendar } from "../src/domain/day";
import { cellFunctions } from "../src/features/cell-functions/catalog";

const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
const timeZone = "America/Los_Angeles";
const calendar = zoneCalendar(timeZone);
const today = dayFromIso("2026-11-25") ?? 0;
const context = { timeZone, now: new Date(calendar.midnightOf(today).getTime() + 15 * 3_600_000) };

/** A literal argument as Sheets would pass it. */
function argument(text: string): unknown {
  const value = text.trim();
  if (value === "") return "";
  if (value === "TODAY()") return calendar.midnightOf(today);
  if (value.startsWith('"')) return value.slice(1, -1);
  if (value.endsWith("%")) return Number(value.slice(0, -1)) / 100;
  return Number(value);
}

function splitArguments(text: string): string[] {
  return text.match(/("[^"]*"|[^,]+|(?<=,|^)(?=,|$))/g) ?? [];
}

function shown(value: unknown): string {
  if (value instanceof Date) return isoFromDay(calendar.dayOf(value) ?? 0);
  if (typeof value === "number") return `${Math.round(value * 1000) / 10}%`;
  return String(value);
}

// Cells may be padded to align the table.
const examples = [...readme.matchAll(/^\|\s*`=([A-Z_]+)\((.*)\)`\s*\|\s*(.+?)\s*\|$/gm)].map((match) => ({
  name: match[1] ?? "",
  args: match[2] ?? "",
  result: match[3] ?? "",
}));

describe("README examples", () => {
  it("document every custom function with its signature", () => {
    for (const fn of cellFunctions) {
      const signature = fn.params
        .map((param) => (param.optional ? `[${param.name}]` : param.name))
        .join(", ");
      expect(readme).toContain(`### ${fn.name}(${signature})`);
      expect(examples.filter((example) => example.name === fn.name).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(examples.filter((example) => !example.args.includes(":")))(
    "=$name($args) shows $result",
    (example) => {
      const fn = cellFunctions.find((candidate) => candidate.name === example.name);
      const args = splitArguments(example.args).map(argument);
      expect(shown(fn?.run(context, ...args))).toBe(example.result);
    },
  );
});

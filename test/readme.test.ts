/**
 * The README's custom-function examples are run, not just read: each `| `=FN(...)` | result |`
 * row is evaluated with the catalog and must show exactly the documented result.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayFromIso, isoFromDay, zoneCalendar } from "../src/domain/day";
import { cellFunctions } from "../src/features/cell-functions/catalog";
import { columnLetters } from "../src/local/a1";
import { tabSchema } from "../src/workbook/schema";

const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
const timeZone = "America/Los_Angeles";
const calendar = zoneCalendar(timeZone);
const today = dayFromIso("2026-11-25") ?? 0;
const context = { timeZone, now: new Date(calendar.midnightOf(today).getTime() + 15 * 3_600_000) };

/** A literal argument as Sheets would pass it. */
function argument(text: string): unknown {
  const value = text.trim();
  if (value === "") return "";
  // The named cell setup creates and the checks keep at today's date.
  if (value === "CampaignDeskToday") return calendar.midnightOf(today);
  if (value.startsWith('"')) return value.slice(1, -1);
  if (value.endsWith("%")) return Number(value.slice(0, -1)) / 100;
  return Number(value);
}

function splitArguments(text: string): string[] {
  return text.match(/("[^"]*"|[^,]+|(?<=,|^)(?=,|$))/g) ?? [];
}

function shown(value: unknown): string {
  if (value instanceof Date) return isoFromDay(calendar.dayOf(value) ?? 0);
  // What a new cell shows: a fraction stays a fraction until the cell is formatted as percent.
  if (typeof value === "number") return String(Number(value.toPrecision(10)));
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

describe("README column examples", () => {
  const columnExamples = examples.filter((example) => example.args.includes(":"));

  it("point at the Collaborations columns their arguments name, in setup's column order", () => {
    const headers = tabSchema("Collaborations").columns.map((column) => column.header);
    const letterOf = (header: string) => columnLetters(headers.indexOf(header) + 1);
    // Which header each argument of a column example reads.
    const reads: Record<string, string> = {
      content_due: "Content due",
      submitted_on: "Submitted",
      approved_on: "Approved",
      paid_on: "Fee paid",
      revisions: "Revisions",
    };
    expect(columnExamples.length).toBeGreaterThan(0);
    for (const example of columnExamples) {
      const fn = cellFunctions.find((candidate) => candidate.name === example.name);
      splitArguments(example.args).forEach((text, index) => {
        const range = /^([A-Z]+)2:([A-Z]+)$/.exec(text.trim());
        if (!range) return;
        const param = fn?.params[index]?.name ?? "";
        expect(reads[param], `${example.name} ${param}`).toBeDefined();
        expect(range[1], `${example.name} ${param}`).toBe(letterOf(reads[param] ?? ""));
      });
    }
  });

  it("fill one row per input row, blank rows staying blank", () => {
    const payout = columnExamples.find((example) => example.name === "PAYOUT_STATUS");
    const fn = cellFunctions.find((candidate) => candidate.name === "PAYOUT_STATUS");
    const column = (...cells: unknown[]) => cells.map((cell) => [cell]);
    const args = splitArguments(payout?.args ?? "").map((text) =>
      /^[A-Z]+2:[A-Z]+$/.test(text.trim()) ? null : argument(text),
    );
    const ranges = [
      column("2026-11-28", "2026-11-22", ""),
      column("", "2026-11-21", ""),
      column("", "2026-11-23", ""),
      column("", "", ""),
    ];
    let next = 0;
    const filled = args.map((value) => (value === null ? ranges[next++] : value));
    expect(fn?.run(context, ...filled)).toEqual([
      ["Awaiting content, due in 3 days"],
      ["Payable for 2 days"],
      [""],
    ]);
  });
});

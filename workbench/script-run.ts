/**
 * The server half of google.script.run: which functions may be called, and what a return value
 * looks like once it has crossed to the browser (Google sends JSON; a Date anywhere in it makes
 * the whole answer null).
 */
import { isDate } from "../src/local/values";

/** Google hides functions whose names end with an underscore from the client. */
export function isCallableName(name: unknown): name is string {
  return typeof name === "string" && /^[A-Za-z_$][\w$]*$/.test(name) && !name.endsWith("_");
}

function containsDate(value: unknown, seen = new Set<unknown>()): boolean {
  if (isDate(value)) return true;
  if (typeof value !== "object" || value === null || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((item) => containsDate(item, seen));
}

/** The value the client's success handler receives. */
export function clientValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (containsDate(value)) return null;
  return JSON.parse(JSON.stringify(value) ?? "null");
}

/** Arguments arrive as JSON from the page; anything but an array is refused. */
export function checkArguments(args: unknown): unknown[] {
  if (args === undefined) return [];
  if (!Array.isArray(args)) throw new Error("Arguments must be an array");
  return args;
}

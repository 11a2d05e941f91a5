/** Loads build/Code.js, exactly what clasp pushes, into a node:vm context whose globals are the emulator. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import type { Emulator } from "../src/local/index";

export interface LoadedBundle {
  /** Calls a top-level function of Code.js by name, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
  /** Every top-level function the bundle declares (what google.script.run may call). */
  functionNames(): string[];
}

export function readBuiltFile(buildDir: string, file: string): string | undefined {
  const path = join(buildDir, file);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

export function loadBundle(emulator: Emulator, code: string): LoadedBundle {
  const globals: Record<string, unknown> = { ...emulator.globals, Date: emulator.DateClass };
  const context = vm.createContext(globals);
  vm.runInContext(code, context, { filename: "Code.js" });
  const given = new Set(Object.keys(emulator.globals));
  const lookup = (name: string): unknown =>
    Object.hasOwn(context, name) ? (context as Record<string, unknown>)[name] : undefined;
  return {
    has: (name) => typeof lookup(name) === "function",
    call(name, ...args) {
      const fn = lookup(name);
      if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
      return fn(...args);
    },
    functionNames: () =>
      Object.getOwnPropertyNames(context).filter(
        (name) => !given.has(name) && name !== "Date" && typeof lookup(name) === "function",
      ),
  };
}

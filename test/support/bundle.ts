/**
 * Loads build/Code.js, exactly what clasp pushes, into a node:vm context whose globals are the
 * emulator: what is tested is what ships.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/local/index";

export const BUILD_DIR = join(import.meta.dirname, "../../build");

let cachedCode: string | undefined;
export function builtCode(): string {
  cachedCode ??= readFileSync(join(BUILD_DIR, "Code.js"), "utf8");
  return cachedCode;
}

export interface LoadedBundle {
  emulator: Emulator;
  context: vm.Context;
  /** Calls a top-level function of Code.js by name, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
}

export function loadBundle(options: EmulatorOptions = {}): LoadedBundle {
  const sidebar = (() => {
    try {
      return readFileSync(join(BUILD_DIR, "sidebar.html"), "utf8");
    } catch {
      return undefined;
    }
  })();
  const emulator = createEmulator({
    ...options,
    htmlFiles: { ...(sidebar ? { sidebar } : {}), ...options.htmlFiles },
  });
  const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
  vm.runInContext(builtCode(), context, { filename: "Code.js" });
  return {
    emulator,
    context,
    has: (name) => vm.runInContext(`typeof ${name} === "function"`, context) === true,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`build/Code.js has no top-level function ${name}`);
      return fn(...args);
    },
  };
}

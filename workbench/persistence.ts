/**
 * The workbench's state file: the emulator's toJSON(), written atomically (a temp file, then a
 * rename) so a crash mid-write never leaves half a file, and never overwritten when it cannot be
 * read, so a user's work is not thrown away by a bug or a hand edit.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { EmulatorState } from "../src/local/index";

export class CorruptStateError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `The workbench state file ${path} cannot be read (${reason}). It was left untouched: ` +
        `move it away, or start from the demo again with \`npm start -- --reset\`.`,
    );
    this.name = "CorruptStateError";
  }
}

function looksLikeState(value: unknown): value is EmulatorState {
  if (typeof value !== "object" || value === null) return false;
  const state = value as Partial<EmulatorState>;
  return (
    state.version === 1 &&
    typeof state.now === "string" &&
    !Number.isNaN(Date.parse(state.now)) &&
    typeof state.spreadsheet === "object" &&
    state.spreadsheet !== null &&
    Array.isArray(state.spreadsheet.sheets) &&
    Array.isArray(state.triggers) &&
    Array.isArray(state.outbox)
  );
}

/** The saved state, or null when there is no file yet. Throws CorruptStateError otherwise. */
export function readState(path: string): EmulatorState | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CorruptStateError(path, error instanceof Error ? error.message : String(error));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CorruptStateError(path, `not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (!looksLikeState(parsed)) throw new CorruptStateError(path, "not a workbench state of version 1");
  return parsed;
}

/** Beside the target, and matching the `.workbench-state*.json` ignore pattern for the default path. */
export function tempPathFor(path: string): string {
  const extension = extname(path);
  const stem = basename(path, extension);
  return join(dirname(path), `${stem}.saving-${process.pid}${extension || ".json"}`);
}

export function writeStateAtomically(path: string, state: EmulatorState): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

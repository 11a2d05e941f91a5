/**
 * google.script.run as the sidebar sees it in Google: one method per server function, handlers set
 * by chaining (each with* call returns a new runner and leaves the old one alone), arguments limited
 * to JSON-like values (a Date is refused at the call), and answers that arrive later through the
 * success or failure handler with the user object. No DOM needed, so it is unit-tested in node.
 */

export type RunResult = { ok: true; value?: unknown } | { ok: false; error: string };
export type Transport = (name: string, args: unknown[]) => Promise<RunResult>;

type SuccessHandler = (value: unknown, userObject?: unknown) => void;
type FailureHandler = (error: Error, userObject?: unknown) => void;

export interface ScriptRunner {
  withSuccessHandler(handler: SuccessHandler): ScriptRunner;
  withFailureHandler(handler: FailureHandler): ScriptRunner;
  withUserObject(object: unknown): ScriptRunner;
  [name: string]: unknown;
}

export interface ScriptRunOptions {
  /** Where a failure goes when no failure handler was set (Google: an uncaught error in the console). */
  unhandled?: (error: Error) => void;
}

interface Handlers {
  success?: SuccessHandler;
  failure?: FailureHandler;
  userObject?: unknown;
  hasUserObject: boolean;
}

function illegal(path: string): Error {
  return new Error(`Failed due to illegal value in property: ${path}`);
}

function formFields(form: HTMLFormElement): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return fields;
}

/** A JSON-ready copy of an argument, or throws as Google does for a Date, a function or a class instance. */
export function copyArgument(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "object":
      break;
    default:
      throw illegal(path);
  }
  if (typeof HTMLFormElement !== "undefined" && value instanceof HTMLFormElement) return formFields(value);
  if (Array.isArray(value)) return value.map((item, index) => copyArgument(item, `${path}.${index}`));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw illegal(path);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === "function") continue;
    copy[key] = copyArgument(item, `${path}.${key}`);
  }
  return copy;
}

const RESERVED = new Set(["withSuccessHandler", "withFailureHandler", "withUserObject"]);

export function createScriptRun(
  functionNames: readonly string[],
  transport: Transport,
  options: ScriptRunOptions = {},
): ScriptRunner {
  const unhandled =
    options.unhandled ??
    ((error: Error) => {
      setTimeout(() => {
        throw error;
      });
    });

  function runner(handlers: Handlers): ScriptRunner {
    const self: Record<string, unknown> = {
      withSuccessHandler: (handler: SuccessHandler) => runner({ ...handlers, success: handler }),
      withFailureHandler: (handler: FailureHandler) => runner({ ...handlers, failure: handler }),
      withUserObject: (object: unknown) => runner({ ...handlers, userObject: object, hasUserObject: true }),
    };
    for (const name of functionNames) {
      if (RESERVED.has(name)) continue;
      self[name] = (...args: unknown[]): void => {
        // Checked now, as Google does: a bad argument throws at the call, nothing is sent.
        const copies = args.map((arg, index) => copyArgument(arg, String(index)));
        const extra = handlers.hasUserObject ? [handlers.userObject] : [];
        const fail = (error: Error) => {
          if (handlers.failure) handlers.failure(error, ...extra);
          else unhandled(error);
        };
        transport(name, copies).then(
          (result) => {
            if (result.ok) handlers.success?.(result.value, ...extra);
            else fail(new Error(result.error));
          },
          (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
        );
      };
    }
    return self as ScriptRunner;
  }

  return runner({ hasUserObject: false });
}

/**
 * Put into the sidebar's page: google.script.run and google.script.host, talking to the workbench
 * page through postMessage (the sidebar runs in a sandboxed frame with no access to the API),
 * much as Google's sidebar frame talks to the Sheets page.
 */
import { createScriptRun, type RunResult } from "./script-run";

declare global {
  interface Window {
    __campaignDeskFunctions?: string[];
    google?: unknown;
  }
}

const pending = new Map<number, (result: RunResult) => void>();
let nextId = 0;

window.addEventListener("message", (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const reply = event.data as { type?: string; id?: number; result?: RunResult } | null;
  if (reply?.type !== "campaignDesk.result" || typeof reply.id !== "number" || !reply.result) return;
  const resolve = pending.get(reply.id);
  pending.delete(reply.id);
  resolve?.(reply.result);
});

function post(message: Record<string, unknown>): void {
  // The parent is the workbench page; a sandboxed frame has an opaque origin, so "*" it is.
  window.parent.postMessage(message, "*");
}

const run = createScriptRun(
  window.__campaignDeskFunctions ?? [],
  (name, args) =>
    new Promise<RunResult>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      post({ type: "campaignDesk.run", id, name, args });
    }),
);

window.google = {
  script: {
    run,
    host: {
      origin: "https://docs.google.com",
      close: () => post({ type: "campaignDesk.close" }),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};

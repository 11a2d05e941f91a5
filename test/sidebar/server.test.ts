/** The one google.script.run wrapper: every outcome becomes a settled promise the sidebar shows. */
import { afterEach, describe, expect, it } from "vitest";
import { callServer } from "../../sidebar/server";

type Handler = (value: unknown) => void;

/** A google.script.run that answers each function as `answers` says, as Google's client does. */
function fakeRun(answers: Record<string, (...args: unknown[]) => { ok: unknown } | { fail: unknown }>) {
  const calls: { name: string; args: unknown[] }[] = [];
  const runner = (success?: Handler, failure?: Handler): Record<string, unknown> => {
    const run: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure),
      withFailureHandler: (handler: Handler) => runner(success, handler),
    };
    for (const [name, answer] of Object.entries(answers)) {
      run[name] = (...args: unknown[]) => {
        calls.push({ name, args });
        const outcome = answer(...args);
        // Google calls the handlers later, never inside the call.
        setTimeout(() => ("ok" in outcome ? success?.(outcome.ok) : failure?.(outcome.fail)));
      };
    }
    return run;
  };
  (globalThis as Record<string, unknown>).google = { script: { run: runner() } };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).google;
});

describe("callServer", () => {
  it("resolves with the server's answer and passes the arguments as given", async () => {
    const calls = fakeRun({
      sidebarSaveBrief: () => ({ ok: { ok: true, row: 2, created: true, warnings: [] } }),
    });
    await expect(callServer("sidebarSaveBrief", { campaignId: "C-1" }, true)).resolves.toEqual({
      ok: true,
      row: 2,
      created: true,
      warnings: [],
    });
    expect(calls).toEqual([{ name: "sidebarSaveBrief", args: [{ campaignId: "C-1" }, true] }]);
  });

  it("rejects with the server's message when the function throws", async () => {
    fakeRun({
      sidebarLoad: () => ({ fail: { name: "ScriptError", message: "Exception: Service unavailable" } }),
    });
    await expect(callServer("sidebarLoad")).rejects.toThrow("Exception: Service unavailable");
    fakeRun({ sidebarLoad: () => ({ fail: new Error("Authorization is required") }) });
    await expect(callServer("sidebarLoad")).rejects.toThrow("Authorization is required");
  });

  it("rejects a null answer: what the server sent could not cross (a Date, say)", async () => {
    fakeRun({ sidebarLoad: () => ({ ok: null }) });
    await expect(callServer("sidebarLoad")).rejects.toThrow("sidebarLoad sent no answer.");
  });

  it("says where to open the sidebar when there is no google.script.run, and names a missing function", async () => {
    await expect(callServer("sidebarLoad")).rejects.toThrow(
      "Open this sidebar from Extensions > Campaign Desk in Google Sheets.",
    );
    fakeRun({});
    await expect(callServer("sidebarRecruit", {})).rejects.toThrow("The add-on has no sidebarRecruit.");
  });
});

/**
 * google.script.run as promises, typed against the server functions the sidebar may call
 * (src/gas/sidebar-api.ts). Only primitives, arrays and plain objects cross it: dates go as ISO
 * day strings, and a null answer means the server sent something that could not cross.
 */
import type { ImportApi } from "../src/gas/import-api";
import type { SidebarApi as CampaignApi } from "../src/gas/sidebar-api";

type SidebarApi = CampaignApi & ImportApi;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

function scriptRun(): ScriptRun | undefined {
  return (globalThis as { google?: { script?: { run?: ScriptRun } } }).google?.script?.run;
}

export function callServer<Name extends keyof SidebarApi>(
  name: Name,
  ...args: Parameters<SidebarApi[Name]>
): Promise<ReturnType<SidebarApi[Name]>> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) {
      reject(new Error("Open this sidebar from Extensions > Campaign Desk in Google Sheets."));
      return;
    }
    const runner = run
      .withSuccessHandler((value) =>
        value === null || value === undefined
          ? reject(new Error(`${name} sent no answer.`))
          : resolve(value as ReturnType<SidebarApi[Name]>),
      )
      .withFailureHandler((error) =>
        reject(
          error instanceof Error
            ? error
            : new Error(String((error as { message?: unknown })?.message ?? error)),
        ),
      ) as unknown as Record<string, (...values: unknown[]) => void>;
    const fn = runner[name];
    if (typeof fn !== "function") reject(new Error(`The add-on has no ${name}.`));
    else fn.apply(runner, args);
  });
}

/** The page's script and the sidebar bridge, bundled with esbuild when the server starts. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import type { PageAssets } from "./routes";

const PAGE_DIR = join(import.meta.dirname, "page");

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(PAGE_DIR, entry)],
    bundle: true,
    format: "iife",
    target: "es2022",
    write: false,
    minify: false,
    legalComments: "none",
    logLevel: "warning",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export async function buildPageAssets(): Promise<PageAssets> {
  const [script, bridge] = await Promise.all([bundle("main.ts"), bundle("sidebar-bridge.ts")]);
  return {
    html: readFileSync(join(PAGE_DIR, "index.html"), "utf8"),
    css: readFileSync(join(PAGE_DIR, "style.css"), "utf8"),
    script,
    // Names are identifiers (checked by the session), so JSON is a safe script literal here.
    bridge: (names) => `window.__campaignDeskFunctions = ${JSON.stringify(names)};\n${bridge}`,
  };
}

/**
 * The esbuild options of build/Code.js and of the sidebar's script, shared by scripts/build.mjs
 * and the bench's baseline bundles (bench/startup.ts), so both build exactly the same way.
 */
import { readFileSync } from "node:fs";

/** The global the bundle assigns; the generated top-level stubs call into it. */
export const GLOBAL = "CampaignDesk";

const HELP_CALL = /\bhelp\(\s*("(?:[^"\\]|\\.)*")\s*,?\s*\)/g;

/** Ships the cell-function catalog without its help texts (they live in the stubs' JSDoc). */
export const dropHelpTexts = {
  name: "drop-help-texts",
  setup(build) {
    build.onLoad({ filter: /cell-functions[\\/]catalog\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const stripped = source.replace(HELP_CALL, '""');
      if (/\bhelp\(/.test(stripped.replace(/import[^;]*;/g, ""))) {
        throw new Error("catalog.ts: help() must be called with one string literal");
      }
      return { contents: stripped, loader: "ts" };
    });
  },
};

/** Options for Code.js's bundle of `entry`. */
export function codeBundleOptions(entry, plugins) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    globalName: GLOBAL,
    minify: true,
    treeShaking: true,
    target: "es2022",
    platform: "neutral",
    mainFields: ["module", "main"],
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "warning",
    plugins,
  };
}

/** Options for the sidebar's script, which build.mjs inlines into sidebar.html. */
export function sidebarBundleOptions(entry) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2022",
    write: false,
    legalComments: "none",
  };
}

#!/usr/bin/env node
/**
 * Builds what clasp pushes: build/Code.js (the minified bundle plus one top-level stub per
 * entry point and cell function, generated from the lists the bundle itself exports),
 * build/appsscript.json and build/sidebar.html.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";
import { codeBundleOptions, dropHelpTexts, GLOBAL, sidebarBundleOptions } from "./bundle-options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build");
/**
 * Apps Script loads Code.js again for every custom-function call and trigger run. The first
 * budget, 60,000 bytes, held through setup and the custom functions (about 36 KB); the daily
 * checks, digest, operating view and sidebar API brought it to about 80 KB, and recruiting with
 * samples and content due, opening the selected campaign and saving only the edited fields of
 * a brief to about 84 KB, whose load in V8 `npm run bench` measures (under 2 ms; a classic zod
 * import alone would make it 10 times slower). CampaignDeskToday (the named today that setup
 * creates and each run refreshes) and money formats in the spreadsheet's locale added about
 * 3.5 KB. Splitting the daily check into one small module per tab added about 1.9 KB (the shared
 * run's property names survive minification); the money and timing rules of issue 15 (coverage,
 * the Shop Ads ladder and SHOP_ADS_RATE, inventory per SKU, budget, review rounds, sample
 * shipping, the recruit's rate note) about 9.8 KB more. The Seller Center import (issue 16) adds
 * about 48 KB: zod/mini for the export rows and the sidebar's requests (about 19 KB, the first
 * parser in the bundle; its schemas are built on first use, so a custom-function call only pays
 * for parsing zod's code and its module definitions), the export header table, the import plan
 * and the orders' daily checks and reconciliation (about 29 KB). Writing safely while people edit
 * (issue 13: each write confirmed right before it and placed again by header and key, only
 * changed cells written, setup tab by tab with its questions, the record of what the add-on
 * made) about 15 KB more. The digest that stays small at any size (issue 14: the per-reader
 * summary, the bounded ledger claimed under the lock, the visible trigger's state and its failure
 * records, the Owner rule) about 11 KB more. Scale (issue 17) about 3 KB: the operating view
 * bounded and written only as far as it changed (content and layout signatures, its colours as
 * rules) and the sidebar's first load packed, with a campaign's seats on demand. Fewer service
 * calls per daily run (one confirming read per tab, one read and one write of the document
 * properties under the lock, the lock and properties asked for once) about 0.4 KB. The daily
 * check's compute at 50,000 collaborations (issue 17) about 0.7 KB: the ID shortcut, each row's
 * normalized ID, and tallies kept in one pass instead of arrays per campaign and creator. The runs'
 * record changed only under the document lock, with the entries of runs that found it busy kept
 * under keys of their own and folded in, and CampaignDeskToday following a sort of Settings,
 * about 1.8 KB. The daily check within 8 times a single pass at 50,000 (issue 17) about 2.4 KB:
 * each collaboration joined once by row index (a table's first row of each ID and key slots), the
 * operating view's most urgent rows chosen in a bounded heap before they are built, and texts
 * shared by many rows made once a run; the import preview's amounts in the currency about 0.4 KB.
 * The cap sits about 2 KB above the bundle: it is a tripwire for an accidental import, raised
 * only with a reason in the commit.
 */
export const CODE_BUDGET_BYTES = 190_000;

mkdirSync(out, { recursive: true });

async function bundleMain(plugins) {
  const result = await esbuild.build(codeBundleOptions(join(root, "src/gas/main.ts"), plugins));
  return result.outputFiles[0].text;
}

// Read the lists from a bundle itself: what is exported is exactly what gets a stub.
function loadLists(bundleText) {
  const context = vm.createContext({});
  vm.runInContext(`${bundleText};this.__desk=${GLOBAL};`, context);
  return context.__desk;
}

const desk = loadLists(await bundleMain([]));
const code = await bundleMain([dropHelpTexts]);
const shipped = loadLists(code);
const entryNames = Object.keys(desk.entryPoints);
const cellFunctions = Array.from(desk.cellFunctions, (fn) => ({
  name: fn.name,
  summary: fn.summary,
  params: Array.from(fn.params, (param) => ({ ...param })),
  returns: fn.returns,
  example: fn.example,
}));
const shippedNames = [
  ...Object.keys(shipped.entryPoints),
  ...Array.from(shipped.cellFunctions, (fn) => fn.name),
];
if (shippedNames.join() !== [...entryNames, ...cellFunctions.map((fn) => fn.name)].join()) {
  throw new Error("The shipped bundle's entry points differ from the documented ones");
}
for (const fn of cellFunctions) {
  if (!fn.summary || !fn.example || !fn.returns || fn.params.some((param) => !param.description)) {
    throw new Error(`${fn.name} lacks help text`);
  }
}

const identifier = /^[A-Za-z_$][\w$]*$/;
for (const name of [...entryNames, ...cellFunctions.map((fn) => fn.name)]) {
  if (!identifier.test(name)) throw new Error(`Entry point name is not an identifier: ${name}`);
}
const duplicate = [...entryNames, ...cellFunctions.map((fn) => fn.name)].find(
  (name, index, all) => all.indexOf(name) !== index,
);
if (duplicate) throw new Error(`Entry point declared twice: ${duplicate}`);

const jsdocText = (text) =>
  String(text)
    .replace(/\*\//g, "*\\/")
    .replace(/\s*\n\s*/g, " ");

const entryStubs = entryNames.map(
  (name) => `function ${name}() {\n  return ${GLOBAL}.entryPoints.${name}.apply(this, arguments);\n}`,
);
const cellStubs = cellFunctions.map((fn) => {
  const lines = [
    `/**`,
    ` * ${jsdocText(fn.summary)}`,
    ` * Example: ${jsdocText(fn.example)}`,
    ...fn.params.map(
      (param) =>
        ` * @param {*} ${param.name} ${param.optional ? "[optional] " : ""}${jsdocText(param.description)}`,
    ),
    ` * @return ${jsdocText(fn.returns)}`,
    ` * @customfunction`,
    ` */`,
    `function ${fn.name}(${fn.params.map((param) => param.name).join(", ")}) {`,
    `  return ${GLOBAL}.runCellFunction(${JSON.stringify(fn.name)}, arguments);`,
    `}`,
  ];
  return lines.join("\n");
});

const codeJs = [
  "// Campaign Desk, built by scripts/build.mjs. Do not edit: change src/ and run npm run build.",
  code.trim(),
  ...entryStubs,
  ...cellStubs,
  "",
].join("\n");

const bytes = Buffer.byteLength(codeJs);
writeFileSync(join(out, "Code.js"), codeJs);
copyFileSync(join(root, "appsscript.json"), join(out, "appsscript.json"));

const sidebarEntry = join(root, "sidebar/main.ts");
if (existsSync(sidebarEntry)) {
  const script = await esbuild.build(sidebarBundleOptions(sidebarEntry));
  const shell = readFileSync(join(root, "sidebar/index.html"), "utf8");
  const css = existsSync(join(root, "sidebar/style.css"))
    ? readFileSync(join(root, "sidebar/style.css"), "utf8")
    : "";
  const html = shell
    .replace("/*STYLE*/", () => css)
    // A closing script tag inside the bundle would end the inline script early.
    .replace("/*SCRIPT*/", () => script.outputFiles[0].text.replace(/<\/script/gi, "<\\/script"));
  writeFileSync(join(out, "sidebar.html"), html);
}

console.log(
  `build/Code.js ${bytes} bytes (budget ${CODE_BUDGET_BYTES}), ${entryNames.length} entry points, ${cellFunctions.length} cell functions`,
);
if (bytes > CODE_BUDGET_BYTES) {
  console.error(`build/Code.js is over its ${CODE_BUDGET_BYTES}-byte budget.`);
  process.exit(1);
}

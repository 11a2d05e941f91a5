/**
 * Bundle entry: esbuild exposes these as the global `CampaignDesk`; scripts/build.mjs then
 * writes one top-level stub per entry point and per cell function.
 */
export { cellFunctions } from "../features/cell-functions/catalog";
export { runCellFunction } from "./cells";
export { entryPoints } from "./entry-points";

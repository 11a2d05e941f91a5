/**
 * The baseline bundle's entry: the real entry point of build/Code.js plus the zod brief schema,
 * exported on the same global so that esbuild keeps it (as a call from the sidebar API would).
 */
export * from "../../src/gas/main";
export { parseBriefWithZod } from "./zod-brief";

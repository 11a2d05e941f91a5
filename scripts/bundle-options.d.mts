import type { BuildOptions, Plugin } from "esbuild";

export const GLOBAL: string;
export const dropHelpTexts: Plugin;
export function codeBundleOptions(entry: string, plugins: Plugin[]): BuildOptions & { write: false };
export function sidebarBundleOptions(entry: string): BuildOptions & { write: false };

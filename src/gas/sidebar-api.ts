/**
 * The functions the sidebar calls through google.script.run (and the menu item that opens it).
 * Filled in by the sidebar work; every key becomes a top-level function of build/Code.js.
 */
export const sidebarEntryPoints = {};

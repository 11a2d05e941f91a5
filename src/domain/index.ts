/** The rules of the domain (DESIGN.md section 1): pure, no Apps Script globals. */
export * from "./ads-rates";
export * from "./authorization";
export * from "./brief";
export * from "./budget";
export * from "./choices";
export * from "./commission";
export * from "./coverage";
export * from "./day";
export * from "./inventory";
export * from "./payout";
export * from "./pools";
export * from "./rates";
export * from "./samples";
export * from "./settings";
export * from "./status-text";
export * from "./values";
export * from "./windows";

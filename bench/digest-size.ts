/**
 * The digest's size on Google's terms: the largest email (text + HTML, UTF-8 bytes) a daily run
 * sends, at each workbook size, beside MailApp's 200 KB body limit (consumer accounts). Runs
 * build/Code.js on the emulator, on a Workspace account so the emulator's own 400 KB refusal
 * never hides a figure over the consumer limit.
 */
import vm from "node:vm";
import { scaledWorkbook } from "../src/local/demo/demo-workbook";
import { createEmulator } from "../src/local/index";
import { NOW, TIME_ZONE } from "./workbook";

export const MAIL_BODY_LIMIT_BYTES = 200_000;

export interface DigestSize {
  rows: number;
  emails: number;
  largestBytes: number;
  limitBytes: number;
}

export function digestSize(collaborations: number, code: string): DigestSize {
  const emulator = createEmulator({ timeZone: TIME_ZONE, now: NOW, account: "workspace" });
  for (const [tab, rows] of Object.entries(
    scaledWorkbook({ today: NOW, timeZone: TIME_ZONE, collaborations }).tabs,
  )) {
    emulator.seed(tab, rows);
  }
  const context = vm.createContext({ ...emulator.globals, Date: emulator.DateClass });
  vm.runInContext(code, context, { filename: "Code.js" });
  const call = (name: string) => (context as Record<string, () => unknown>)[name]?.();
  call("setUpWorkbookFromMenu");
  emulator.withContext("trigger", () => call("runDailyChecks"));
  const sizes = emulator.outbox.map(
    (mail) => Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody ?? ""),
  );
  return {
    rows: collaborations,
    emails: sizes.length,
    largestBytes: Math.max(0, ...sizes),
    limitBytes: MAIL_BODY_LIMIT_BYTES,
  };
}

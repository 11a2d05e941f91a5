/**
 * The emulator refuses what Google refuses for the digest: mail bodies over the documented limit
 * (200 KB consumer, 400 KB Workspace), property values over 9 KB, a lock another execution holds;
 * it models lost authorization and whose account a call runs as.
 */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/local/index";

const mail = (body: string, htmlBody = "") => ({ to: "a@example.com", subject: "s", body, htmlBody });

describe("MailApp body limits", () => {
  it("refuses a message whose text and HTML pass 200 KB on a consumer account, spending no quota", () => {
    const emulator = createEmulator();
    const { MailApp } = emulator.globals;
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail(mail("x".repeat(100_000), "y".repeat(100_000)));
    expect(() => MailApp.sendEmail(mail("x".repeat(100_000), "y".repeat(100_001)))).toThrow(
      "Limit Exceeded: Email Body Size.",
    );
    // Bytes, not characters: 70,000 three-byte characters are 210 KB.
    expect(() => MailApp.sendEmail(mail("€".repeat(70_000)))).toThrow("Limit Exceeded: Email Body Size.");
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
    expect(emulator.outbox).toHaveLength(1);
  });

  it("allows 400 KB and 1,500 recipients a day on a Workspace account", () => {
    const { MailApp } = createEmulator({ account: "workspace" }).globals;
    expect(MailApp.getRemainingDailyQuota()).toBe(1_500);
    MailApp.sendEmail(mail("x".repeat(399_000)));
    expect(() => MailApp.sendEmail(mail("x".repeat(400_001)))).toThrow("Limit Exceeded: Email Body Size.");
  });

  it("keeps the account's limit across a save and restore", () => {
    const saved = createEmulator({ account: "workspace" }).toJSON();
    const restored = createEmulator({ state: saved });
    expect(() => restored.globals.MailApp.sendEmail(mail("x".repeat(300_000)))).not.toThrow();
  });
});

describe("PropertiesService value limit", () => {
  it("refuses a value over 9 KB and keeps the old one", () => {
    const { globals } = createEmulator();
    const properties = globals.PropertiesService.getDocumentProperties();
    properties.setProperty("ledger", "small");
    expect(() => properties.setProperty("ledger", "x".repeat(9 * 1024 + 1))).toThrow(
      "Argument too large: value",
    );
    expect(properties.getProperty("ledger")).toBe("small");
  });
});

describe("executions and the document lock", () => {
  it("a second execution started inside the first finds the lock busy, and its end leaves the first's lock held", () => {
    const emulator = createEmulator();
    const { LockService } = emulator.globals;
    emulator.withContext("trigger", () => {
      const first = LockService.getDocumentLock();
      expect(first.tryLock(30_000)).toBe(true);
      emulator.withContext("user", () => {
        const second = LockService.getDocumentLock();
        expect(second.tryLock(30_000)).toBe(false);
        expect(second.hasLock()).toBe(false);
      });
      expect(first.hasLock()).toBe(true);
      // Released by the first, the lock is free for a second execution.
      first.releaseLock();
      emulator.withContext("user", () => {
        expect(LockService.getDocumentLock().tryLock(30_000)).toBe(true);
      });
    });
    expect(LockService.getDocumentLock().tryLock(1)).toBe(true);
  });

  it("the end of an execution releases the locks it took", () => {
    const emulator = createEmulator();
    emulator.withContext("trigger", () => {
      expect(emulator.globals.LockService.getDocumentLock().tryLock(1)).toBe(true);
    });
    expect(emulator.globals.LockService.getDocumentLock().tryLock(1)).toBe(true);
  });
});

describe("authorization and accounts", () => {
  it("reports REQUIRED and refuses mail and triggers once authorization is lost", () => {
    const emulator = createEmulator();
    const { ScriptApp, MailApp, PropertiesService } = emulator.globals;
    const info = () => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
    expect(info()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    emulator.setAuthorized(false);
    expect(info()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(() => MailApp.sendEmail("a@example.com", "s", "b")).toThrow("Authorization is required");
    expect(() => ScriptApp.getProjectTriggers()).toThrow("Authorization is required");
    expect(() => PropertiesService.getDocumentProperties().setProperty("a", "b")).not.toThrow();
    emulator.setAuthorized(true);
    expect(() => MailApp.sendEmail("a@example.com", "s", "b")).not.toThrow();
  });

  it("acts as another editor: their own triggers and address", () => {
    const emulator = createEmulator({ userEmail: "maya@example.com" });
    const { ScriptApp, Session } = emulator.globals;
    const maya = ScriptApp.newTrigger("runDaily").timeBased().atHour(8).everyDays(1).create();
    emulator.actAs("li@example.com");
    expect(Session.getEffectiveUser().getEmail()).toBe("li@example.com");
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    emulator.actAs("maya@example.com");
    expect(ScriptApp.getProjectTriggers().map((trigger) => trigger.getUniqueId())).toEqual([
      maya.getUniqueId(),
    ]);
  });
});

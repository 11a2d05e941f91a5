import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/local/index";

describe("PropertiesService", () => {
  it("stores strings, returns null when missing, and deletes", () => {
    const { globals } = createEmulator();
    const props = globals.PropertiesService.getDocumentProperties();
    expect(props.getProperty("missing")).toBeNull();
    props.setProperty("a", "1").setProperties({ b: "2", c: "3" });
    expect(props.getProperties()).toEqual({ a: "1", b: "2", c: "3" });
    props.setProperties({ d: "4" }, true);
    expect(props.getKeys()).toEqual(["d"]);
    props.deleteProperty("d");
    expect(props.getKeys()).toEqual([]);
    globals.PropertiesService.getUserProperties().setProperty("u", "x");
    expect(globals.PropertiesService.getScriptProperties().getProperty("u")).toBeNull();
  });

  it("enforces 9 KB a value and 500 KB a store, changing nothing on failure", () => {
    const { globals } = createEmulator();
    const props = globals.PropertiesService.getDocumentProperties();
    props.setProperty("ok", "x".repeat(9 * 1024));
    expect(() => props.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    expect(props.getProperty("big")).toBeNull();
    const chunk = "y".repeat(9000);
    expect(() => {
      for (let index = 0; index < 60; index += 1) props.setProperty(`k${index}`, chunk);
    }).toThrow("You have exceeded the property storage quota.");
    const size = Object.entries(props.getProperties()).reduce(
      (sum, [key, value]) => sum + key.length + value.length,
      0,
    );
    expect(size).toBeLessThanOrEqual(500 * 1024);
  });
});

describe("LockService", () => {
  it("locks, reports and releases", () => {
    const { globals } = createEmulator();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it("fails when another execution holds the lock", () => {
    const emulator = createEmulator();
    const release = emulator.holdLock("document");
    const lock = emulator.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(() => lock.waitLock(5000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(emulator.globals.LockService.getScriptLock().tryLock(10)).toBe(true);
    release();
    expect(lock.tryLock(5000)).toBe(true);
  });
});

describe("ScriptApp triggers", () => {
  it("creates, lists and deletes triggers", () => {
    const emulator = createEmulator({ timeZone: "America/Los_Angeles" });
    const { ScriptApp, SpreadsheetApp } = emulator.globals;
    const daily = ScriptApp.newTrigger("runDaily").timeBased().atHour(8).everyDays(1).create();
    ScriptApp.newTrigger("onOpenInstalled").forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create();
    const triggers = ScriptApp.getProjectTriggers();
    expect(triggers.map((trigger) => trigger.getHandlerFunction())).toEqual(["runDaily", "onOpenInstalled"]);
    expect(triggers[0]?.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(triggers[0]?.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(triggers[1]?.getEventType()).toBe(ScriptApp.EventType.ON_OPEN);
    expect(triggers[1]?.getTriggerSourceId()).toBe(SpreadsheetApp.getActive().getId());
    expect(ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length).toBe(2);
    ScriptApp.deleteTrigger(daily);
    expect(emulator.triggers.list().map((trigger) => trigger.handler)).toEqual(["onOpenInstalled"]);
    expect(() => ScriptApp.newTrigger("x").timeBased().create()).toThrow("schedule");
  });

  it("finds daily runs at the hour in the spreadsheet zone, across DST", () => {
    const emulator = createEmulator({
      timeZone: "America/Los_Angeles",
      now: new Date("2026-03-06T12:00:00Z"),
    });
    emulator.globals.ScriptApp.newTrigger("digest").timeBased().atHour(8).everyDays(1).create();
    const runs = emulator.triggers.dueRuns(
      new Date("2026-03-06T00:00:00Z"),
      new Date("2026-03-10T00:00:00Z"),
    );
    // 08:00 PST is 16:00Z; after the switch on March 8, 08:00 PDT is 15:00Z. The run on the 6th
    // (16:00Z) is after the trigger was created at 12:00Z, so it counts.
    expect(runs.map((run) => run.at.toISOString())).toEqual([
      "2026-03-06T16:00:00.000Z",
      "2026-03-07T16:00:00.000Z",
      "2026-03-08T15:00:00.000Z",
      "2026-03-09T15:00:00.000Z",
    ]);
    expect(runs[0]?.handler).toBe("digest");
    expect(runs[0]?.event.authMode).toBe(emulator.globals.ScriptApp.AuthMode.FULL);
    expect(runs[0]?.event.triggerUid).toBe(emulator.triggers.list()[0]?.uid);
  });

  it("uses inTimezone and everyDays, and half-open windows", () => {
    const emulator = createEmulator({ timeZone: "Etc/UTC", now: new Date("2026-01-01T00:00:00Z") });
    emulator.globals.ScriptApp.newTrigger("nz")
      .timeBased()
      .atHour(6)
      .everyDays(2)
      .inTimezone("Pacific/Auckland")
      .create();
    const runs = emulator.triggers.dueRuns(
      new Date("2026-01-01T00:00:00Z"),
      new Date("2026-01-05T17:00:00Z"),
    );
    // 06:00 NZDT (UTC+13) is 17:00Z the day before; every other day from Jan 1 (NZ) on.
    expect(runs.map((run) => run.at.toISOString())).toEqual([
      "2026-01-02T17:00:00.000Z",
      "2026-01-04T17:00:00.000Z",
    ]);
  });

  it("finds hourly runs", () => {
    const emulator = createEmulator({ now: new Date("2026-01-01T00:30:00Z") });
    emulator.globals.ScriptApp.newTrigger("tick").timeBased().everyHours(6).create();
    const runs = emulator.triggers.dueRuns(
      new Date("2026-01-01T00:00:00Z"),
      new Date("2026-01-02T00:00:00Z"),
    );
    expect(runs.map((run) => run.at.getUTCHours())).toEqual([6, 12, 18]);
  });
});

describe("MailApp", () => {
  it("records mail in both call forms and counts every recipient against the quota", () => {
    const emulator = createEmulator({ mailQuota: 5, now: new Date("2026-03-10T15:00:00Z") });
    const { MailApp } = emulator.globals;
    MailApp.sendEmail("a@example.com, b@example.com", "Hello", "Body", {
      htmlBody: "<b>Body</b>",
      name: "Desk",
    });
    MailApp.sendEmail({ to: "c@example.com", cc: "d@example.com", subject: "Two", body: "B" });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(emulator.outbox.map((mail) => [mail.to, mail.cc, mail.subject, mail.htmlBody, mail.name])).toEqual(
      [
        [["a@example.com", "b@example.com"], [], "Hello", "<b>Body</b>", "Desk"],
        [["c@example.com"], ["d@example.com"], "Two", undefined, undefined],
      ],
    );
    expect(emulator.outbox[0]?.from).toBe("owner@example.com");
    expect(() => MailApp.sendEmail("e@example.com, f@example.com", "Over", "x")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(emulator.outbox.length).toBe(2);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it("resets the quota at midnight Pacific time", () => {
    // March 11, 2026 is after the DST switch: Pacific time is UTC-7, so midnight is 07:00Z.
    const emulator = createEmulator({ mailQuota: 1, now: new Date("2026-03-11T06:30:00Z") });
    emulator.globals.MailApp.sendEmail("a@example.com", "s", "b");
    expect(emulator.globals.MailApp.getRemainingDailyQuota()).toBe(0);
    emulator.clock.set(new Date("2026-03-11T06:59:00Z")); // 23:59 PDT, same day
    expect(emulator.globals.MailApp.getRemainingDailyQuota()).toBe(0);
    emulator.clock.set(new Date("2026-03-11T07:00:00Z")); // midnight PDT
    expect(emulator.globals.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it("rejects mail without recipients or with a bad address", () => {
    const { globals } = createEmulator();
    expect(() => globals.MailApp.sendEmail("", "s", "b")).toThrow("no recipient");
    expect(() => globals.MailApp.sendEmail("not-an-email", "s", "b")).toThrow("Invalid email: not-an-email");
  });
});

describe("Utilities.formatDate", () => {
  const { globals } = createEmulator();
  const format = (iso: string, zone: string, pattern: string) =>
    globals.Utilities.formatDate(new Date(iso), zone, pattern);

  it("formats Java patterns in a zone", () => {
    expect(format("2026-12-01T17:05:09Z", "Etc/UTC", "yyyy-MM-dd HH:mm:ss")).toBe("2026-12-01 17:05:09");
    expect(format("2026-12-01T17:05:09Z", "Etc/UTC", "EEE, d MMM yy h:mm a")).toBe("Tue, 1 Dec 26 5:05 PM");
    expect(format("2026-12-01T17:05:09Z", "Etc/UTC", "EEEE d MMMM yyyy 'at' HH'h' ''")).toBe(
      "Tuesday 1 December 2026 at 17h '",
    );
    expect(format("2026-12-01T07:05:09Z", "America/Los_Angeles", "yyyy-MM-dd HH:mm Z")).toBe(
      "2026-11-30 23:05 -0800",
    );
  });

  it("follows DST in Los Angeles and Auckland", () => {
    // Los Angeles springs forward on 2026-03-08 at 02:00.
    expect(format("2026-03-08T09:59:00Z", "America/Los_Angeles", "HH:mm z")).toBe("01:59 PST");
    expect(format("2026-03-08T10:00:00Z", "America/Los_Angeles", "HH:mm z")).toBe("03:00 PDT");
    // Auckland falls back on 2026-04-05 at 03:00 NZDT to 02:00 NZST.
    expect(format("2026-04-04T13:59:00Z", "Pacific/Auckland", "yyyy-MM-dd HH:mm XXX")).toBe(
      "2026-04-05 02:59 +13:00",
    );
    expect(format("2026-04-04T14:00:00Z", "Pacific/Auckland", "yyyy-MM-dd HH:mm XXX")).toBe(
      "2026-04-05 02:00 +12:00",
    );
    expect(format("2026-06-30T23:30:00Z", "Pacific/Auckland", "yyyy-MM-dd")).toBe("2026-07-01");
  });

  it("falls back to GMT for an unknown zone, like Java", () => {
    expect(format("2026-12-01T17:05:09Z", "Nowhere/Land", "HH:mm")).toBe("17:05");
  });

  it("has uuids and base64", () => {
    expect(globals.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(globals.Utilities.base64Encode("hi")).toBe("aGk=");
  });
});

describe("execution contexts", () => {
  it("has no UI in a trigger or a custom function", () => {
    const emulator = createEmulator();
    emulator.context = "trigger";
    expect(() => emulator.globals.SpreadsheetApp.getUi()).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
    expect(emulator.globals.SpreadsheetApp.getActive().getName()).toBe("Campaign Desk demo");
    emulator.context = "custom-function";
    expect(() => emulator.globals.SpreadsheetApp.getUi()).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
  });

  it("allows no mail, triggers or writes in a custom function", () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.getSheets()[0];
    emulator.context = "custom-function";
    const { MailApp, ScriptApp, SpreadsheetApp } = emulator.globals;
    expect(() => MailApp.sendEmail("a@example.com", "s", "b")).toThrow(
      "You do not have permission to call MailApp.sendEmail",
    );
    expect(() => ScriptApp.newTrigger("x")).toThrow(
      "You do not have permission to call ScriptApp.newTrigger",
    );
    const range = SpreadsheetApp.getActive().getSheets()[0]?.getRange("A1");
    expect(range?.getValue()).toBe("");
    expect(() => range?.setValue(1)).toThrow("You do not have permission to call Range.setValue");
    expect(sheet?.getRange("A1").getValue()).toBe("");
  });

  it("allows only menu building with AuthMode.NONE", () => {
    const emulator = createEmulator();
    emulator.context = "open-none";
    const ui = emulator.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem("Set up", "setupWorkbook").addToUi();
    expect(emulator.ui.menus.length).toBe(1);
    expect(() => emulator.globals.SpreadsheetApp.getActive()).toThrow("You do not have permission");
    expect(() => emulator.globals.PropertiesService.getDocumentProperties()).toThrow(
      "You do not have permission",
    );
    expect(emulator.globals.ScriptApp.AuthMode.NONE.toString()).toBe("NONE");
  });

  it("withContext restores the context and releases the run's locks", () => {
    const emulator = createEmulator();
    emulator.withContext("trigger", () => {
      expect(emulator.context).toBe("trigger");
      expect(emulator.globals.LockService.getDocumentLock().tryLock(1)).toBe(true);
    });
    expect(emulator.context).toBe("user");
    const lock = emulator.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1)).toBe(true);
  });
});

describe("Ui and HtmlService", () => {
  it("records menus, alerts, toasts and sidebars", () => {
    const emulator = createEmulator({ htmlFiles: { sidebar: "<p>Hi</p>" } });
    const { SpreadsheetApp, HtmlService } = emulator.globals;
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem("Set up workbook", "setupWorkbook")
      .addSeparator()
      .addSubMenu(ui.createMenu("More").addItem("Help", "showHelp"))
      .addToUi();
    expect(emulator.ui.menus).toEqual([
      {
        caption: "(add-on)",
        addon: true,
        items: [
          { kind: "item", caption: "Set up workbook", functionName: "setupWorkbook" },
          { kind: "separator" },
          {
            kind: "submenu",
            caption: "More",
            items: [{ kind: "item", caption: "Help", functionName: "showHelp" }],
          },
        ],
      },
    ]);
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    emulator.ui.respond("NO");
    expect(ui.alert("Title", "Sure?", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert("Again?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(emulator.ui.alerts.map((alert) => [alert.title, alert.message, alert.response])).toEqual([
      [undefined, "Done", "OK"],
      ["Title", "Sure?", "NO"],
      [undefined, "Again?", "YES"],
    ]);
    SpreadsheetApp.getActive().toast("Saved", "Campaign Desk");
    expect(emulator.ui.toasts).toEqual([{ message: "Saved", title: "Campaign Desk", timeoutSeconds: 5 }]);
    const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle("Campaign Desk").setWidth(320);
    ui.showSidebar(html);
    ui.showModalDialog(HtmlService.createHtmlOutput("<i>x</i>").setHeight(200), "Dialog");
    expect(emulator.ui.sidebars).toEqual([{ title: "Campaign Desk", html: "<p>Hi</p>", width: 320 }]);
    expect(emulator.ui.dialogs[0]).toMatchObject({
      title: "Dialog",
      html: "<i>x</i>",
      height: 200,
      modal: true,
    });
    expect(() => HtmlService.createHtmlOutputFromFile("nope")).toThrow("No HTML file named nope was found.");
  });

  it("evaluates printing scriptlets in templates", () => {
    const { globals } = createEmulator({ htmlFiles: { page: "<p><?= name ?></p><?!= raw ?>" } });
    const template = globals.HtmlService.createTemplateFromFile("page") as unknown as Record<
      string,
      unknown
    > & {
      evaluate(): GoogleAppsScript.HTML.HtmlOutput;
    };
    template.name = "<b>";
    template.raw = "<i>ok</i>";
    expect(template.evaluate().getContent()).toBe("<p>&#60;b&#62;</p><i>ok</i>");
  });

  it("knows the user and zones", () => {
    const { globals } = createEmulator({ userEmail: "me@example.com", timeZone: "Europe/Paris" });
    expect(globals.Session.getActiveUser().getEmail()).toBe("me@example.com");
    expect(globals.Session.getEffectiveUser().getEmail()).toBe("me@example.com");
    expect(globals.Session.getScriptTimeZone()).toBe("Europe/Paris");
    expect(globals.Session.getTemporaryActiveUserKey()).toBe(globals.Session.getTemporaryActiveUserKey());
  });
});

describe("custom functions and properties", () => {
  it("may read but not write properties", () => {
    const emulator = createEmulator();
    emulator.properties.document.setProperty("k", "v");
    emulator.context = "custom-function";
    const props = emulator.globals.PropertiesService.getDocumentProperties();
    expect(props.getProperty("k")).toBe("v");
    expect(() => props.setProperty("k", "w")).toThrow(
      "You do not have permission to call Properties.setProperty",
    );
    expect(() => props.deleteProperty("k")).toThrow("permission");
    expect(emulator.calls.writes()).toBe(0);
  });
});

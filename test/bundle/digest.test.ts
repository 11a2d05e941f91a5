/**
 * The digest through build/Code.js on the emulator: small at any size, to the team only, once
 * per person per day whatever overlaps, and a daily trigger every editor can see and trust.
 */
import { describe, expect, it } from "vitest";
import { parseLedger } from "../../src/features/digest-ledger";
import { demoWorkbook, scaledWorkbook } from "../../src/local/demo/demo-workbook";
import type { EmulatorOptions, SentMail } from "../../src/local/index";
import { type LoadedBundle, loadBundle } from "../support/bundle";
import { keepTypingNewRows } from "../support/person-edits";

const timeZone = "America/Los_Angeles";
const now = new Date("2026-11-25T17:00:00Z");
const LEDGER = "campaignDesk.digest";
const MANAGERS = ["ops-lead@example.com", "finance@example.com"];

type Tabs = Record<string, unknown[][]>;

function workbookBundle(tabs: Tabs, options: EmulatorOptions = {}): LoadedBundle {
  const bundle = loadBundle({ timeZone, now, userEmail: "maya@example.com", ...options });
  for (const [tab, rows] of Object.entries(tabs)) bundle.emulator.seed(tab, rows);
  bundle.call("setUpWorkbookFromMenu");
  return bundle;
}

/** The tabs with each campaign's Owner cell replaced. */
function withOwners(tabs: Tabs, owner: (index: number, id: string) => string): Tabs {
  const [header = [], ...rows] = tabs.Campaigns ?? [];
  const column = header.indexOf("Owner");
  const id = header.indexOf("Campaign ID");
  const campaigns = rows.map((row, index) =>
    row.map((cell, c) => (c === column ? owner(index, String(row[id])) : cell)),
  );
  return { ...tabs, Campaigns: [header, ...campaigns] };
}

function setting(tabs: Tabs, key: string, value: string): Tabs {
  const rows = (tabs.Settings ?? [["Key", "Value"]]).filter((row) => row[0] !== key);
  return { ...tabs, Settings: [...rows, [key, value]] };
}

const runDaily = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("trigger", () => bundle.call("runDailyChecks"));
const runFromMenu = (bundle: LoadedBundle) =>
  bundle.emulator.withContext("user", () => bundle.call("runChecksFromMenu"));

function alertsCaption(bundle: LoadedBundle): string {
  bundle.emulator.withContext("user", () => bundle.call("onOpen"));
  const items = bundle.emulator.ui.menus.at(-1)?.items ?? [];
  const captions = items.flatMap((item) => (item.kind === "item" ? [item.caption] : []));
  return captions.find((caption) => caption.startsWith("Daily alerts")) ?? "";
}

const lastDialog = (bundle: LoadedBundle) => bundle.emulator.ui.alerts.at(-1)?.message ?? "";
const recipientsOf = (mails: readonly SentMail[]) => mails.flatMap((mail) => mail.to);
const bytes = (mail: SentMail) => Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody ?? "");
const ledgerText = (bundle: LoadedBundle) => bundle.emulator.properties.document.getProperty(LEDGER) ?? "";

/** Fires the clock triggers due in the next `hours`, each as the person who made it. */
function fireTriggers(bundle: LoadedBundle, hours: number): number {
  const { emulator } = bundle;
  const from = emulator.clock.now();
  const to = new Date(from.getTime() + hours * 3_600_000);
  const runs = emulator.triggers.dueRuns(from, to);
  for (const due of runs) {
    const owner = emulator.triggers.list().find((trigger) => trigger.uid === due.triggerUid)?.owner;
    if (owner) emulator.actAs(owner);
    emulator.clock.set(due.at);
    emulator.withContext("trigger", () => bundle.call(due.handler, due.event));
  }
  emulator.clock.set(to);
  return runs.length;
}

describe("a digest that stays small at any size", () => {
  for (const collaborations of [10_000, 50_000]) {
    it(`each message's text and HTML are under 100 KB at ${collaborations.toLocaleString("en-US")} collaborations`, {
      timeout: 240_000,
    }, () => {
      const bundle = workbookBundle(scaledWorkbook({ today: now, timeZone, collaborations }).tabs);
      runDaily(bundle);
      const mails = bundle.emulator.outbox;
      expect(recipientsOf(mails)).toEqual(expect.arrayContaining(MANAGERS));
      for (const mail of mails) {
        expect(bytes(mail), mail.to[0]).toBeLessThan(100_000);
        expect(mail.body).toMatch(/and [\d,]+ more in the Operations tab: https:\/\/\S+#gid=\d+$/m);
      }
      const manager = mails.find((mail) => mail.to.includes(MANAGERS[0] ?? ""));
      expect(manager?.body.match(/^ {2}- /gm)).toHaveLength(50);
      expect(manager?.body).toMatch(/^[\d,]+ alerts: [\d,]+ high/m);
      expect(manager?.body).toMatch(/^By kind: [A-Z][a-z ]+ [\d,]+, /m);
    });
  }

  it("an email Google would refuse is recorded as a miss, never sent", () => {
    // A tiny body limit stands in for a digest over 200 KB.
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs, { mailBodyLimit: 1_000 });
    runDaily(bundle);
    expect(bundle.emulator.outbox).toHaveLength(0);
    expect(alertsCaption(bundle)).toMatch(
      /\(\d+ digests not sent\), last problem .*: Digest to \S+ refused: /,
    );
    bundle.emulator.withContext("user", () => bundle.call("showAlertsStatus"));
    expect(lastDialog(bundle)).toMatch(
      /\nLast problem: 2026-11-25 09:00 \(America\/Los_Angeles\): Digest to \S+ refused: Exception: Limit Exceeded: Email Body Size\.$/,
    );
  });
});

describe("to the team only", () => {
  const base = demoWorkbook({ today: now, timeZone }).tabs;

  it("mails owners inside the allowed domains; a list or an outside address is a check on the campaign", () => {
    const tabs = withOwners(
      base,
      (index) =>
        [
          "maya@example.com",
          "a@example.com, b@example.com",
          "someone@gmail.com",
          "jordan@example.com",
          "Priya",
        ][index] ?? "",
    );
    const bundle = workbookBundle(tabs);
    runDaily(bundle);
    const recipients = recipientsOf(bundle.emulator.outbox);
    expect(recipients).toEqual(expect.arrayContaining([...MANAGERS, "maya@example.com"]));
    expect(recipients).not.toContain("someone@gmail.com");
    expect(recipients).not.toContain("a@example.com");
    const checks = bundle.emulator.values("Campaigns").map((row) => String(row.at(-1)));
    expect(checks.join("\n")).toMatch(/Owner holds 2 entries/);
    expect(checks.join("\n")).toMatch(/Owner someone@gmail.com is outside the allowed email domains/);
  });

  it("follows Allowed email domains, and the domain of who turned alerts on by default", () => {
    const tabs = withOwners(base, (index) => (index === 0 ? "lee@brand.example" : ""));
    const byDefault = workbookBundle(tabs, { userEmail: "owner@brand.example" });
    runDaily(byDefault);
    expect(recipientsOf(byDefault.emulator.outbox)).not.toContain("lee@brand.example");
    byDefault.emulator.withContext("user", () => byDefault.call("turnOnDailyAlertsFromMenu"));
    byDefault.emulator.clock.advanceDays(1);
    runDaily(byDefault);
    expect(recipientsOf(byDefault.emulator.outbox)).toContain("lee@brand.example");

    const configured = workbookBundle(setting(tabs, "Allowed email domains", "brand.example"));
    runDaily(configured);
    // Only brand.example now: managers still get theirs, the owner is inside.
    expect(recipientsOf(configured.emulator.outbox).sort()).toEqual(
      [...MANAGERS, "lee@brand.example"].sort(),
    );
  });

  it("an owner's digest covers only their campaigns and names no other recipient", () => {
    const tabs = withOwners(base, (index) => (index === 0 ? "maya@example.com" : "jordan@example.com"));
    const bundle = workbookBundle(tabs, { mailQuota: 3 });
    runDaily(bundle);
    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    const owners = bundle.emulator.outbox.filter((mail) => !MANAGERS.includes(mail.to[0] ?? ""));
    expect(owners.length).toBeGreaterThan(0);
    const [firstCampaign] = (base.Campaigns ?? []).slice(1).map((row) => String(row[0]));
    for (const mail of owners) {
      const text = `${mail.subject}\n${mail.body}\n${mail.htmlBody}`;
      for (const other of [...MANAGERS, "maya@example.com", "jordan@example.com"].filter(
        (a) => a !== mail.to[0],
      )) {
        expect(text).not.toContain(other);
      }
      if (mail.to[0] === "maya@example.com") {
        const campaigns = new Set([...mail.body.matchAll(/\((C-[\w-]+)\)/g)].map((match) => match[1]));
        expect([...campaigns]).toEqual([firstCampaign]);
      }
    }
  });

  it("a 10,000-character address is neither mailed nor stored, and the run goes on", () => {
    const huge = `${"a".repeat(10_000)}@example.com`;
    const tabs = setting(
      withOwners(base, (index) => (index === 0 ? huge : "")),
      "Manager emails",
      `ops-lead@example.com, ${huge}`,
    );
    const bundle = workbookBundle(tabs);
    runDaily(bundle);
    expect(recipientsOf(bundle.emulator.outbox)).toEqual(["ops-lead@example.com"]);
    expect(ledgerText(bundle).length).toBeLessThan(500);
    const settings = bundle.emulator.values("Settings");
    const check = settings.find((row) => row[0] === "Manager emails")?.at(-1);
    expect(String(check)).toMatch(/^not an email address: a+… \(10012 characters\); using the rest$/);
    const campaignChecks = bundle.emulator.values("Campaigns").map((row) => String(row.at(-1)));
    expect(
      campaignChecks.some((text) => /Owner a+… \(10012 characters\) is not an email address/.test(text)),
    ).toBe(true);
  });
});

describe("exactly once per person per day", () => {
  /** 2 managers and 12 owners, each owning one campaign with alerts. */
  const manyOwners = withOwners(
    scaledWorkbook({ today: now, timeZone, collaborations: 2_000 }).tabs,
    (index) => `owner${index}@example.com`,
  );

  it("3 runs a day with more recipients than quota: managers first, each miss listed once, the rest rotate", {
    timeout: 60_000,
  }, () => {
    const bundle = workbookBundle(manyOwners, { mailQuota: 5 });
    const readers = () => recipientsOf(bundle.emulator.outbox);
    runDaily(bundle);
    const day1 = readers();
    expect(day1).toHaveLength(5);
    expect(day1.slice(0, 2)).toEqual(MANAGERS);
    const missedDay1 = parseLedger(ledgerText(bundle))?.missed.total ?? 0;
    expect(missedDay1).toBeGreaterThan(5);
    runFromMenu(bundle);
    expect(lastDialog(bundle)).toMatch(
      /Already sent today: ops-lead@example.com, finance@example.com, owner/,
    );
    expect(lastDialog(bundle)).toMatch(/Not sent: owner\d+@example.com \(daily email quota used up\)/);
    runDaily(bundle);
    expect(readers()).toHaveLength(5);
    expect(parseLedger(ledgerText(bundle))?.missed.total).toBe(missedDay1);
    expect(alertsCaption(bundle)).toContain(`(${missedDay1} digests not sent)`);

    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    const day2 = readers().slice(5);
    expect(day2.slice(0, 2)).toEqual(MANAGERS);
    // Other owners come first today.
    expect(day2.slice(2)).not.toEqual(day1.slice(2));
    const manager2 = bundle.emulator.outbox[5];
    const notDelivered = manager2?.body.split("Not delivered:\n")[1]?.split("\n\n")[0] ?? "";
    const named = notDelivered.match(/owner\d+@example\.com/g) ?? [];
    expect(named.length).toBe(missedDay1);
    expect(new Set(named).size).toBe(named.length);
    expect(notDelivered).toMatch(/^- Since 2026-11-25, the sender's daily email quota was used up: /);

    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    // Reported once: the third day lists the second day's misses, not the first's again.
    const manager3 = bundle.emulator.outbox[10];
    expect(manager3?.body).toContain("Since 2026-11-26,");
    expect(manager3?.body).not.toContain("Since 2026-11-25,");
  });

  it("a second execution started while the first is mailing sends nobody a second digest", () => {
    const bundle = workbookBundle(manyOwners);
    let second = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (second || call.service !== "MailApp" || call.method !== "sendEmail") return;
      second = true;
      runFromMenu(bundle);
    });
    runDaily(bundle);
    stop();
    expect(second).toBe(true);
    const recipients = recipientsOf(bundle.emulator.outbox);
    expect(recipients.length).toBeGreaterThan(10);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(lastDialog(bundle)).toMatch(/^Checks done for 2026-11-25/);
    expect(lastDialog(bundle)).not.toMatch(/Digest sent to/);
    expect(parseLedger(ledgerText(bundle))?.mailing).toBeUndefined();
  });

  it("a run that finds the lock busy is recorded, shown in the menu and in the next digest", () => {
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs);
    let second = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (second || call.method !== "setValues") return;
      second = true;
      runFromMenu(bundle);
    });
    runDaily(bundle);
    stop();
    expect(lastDialog(bundle)).toMatch(/The workbook is busy/);
    expect(alertsCaption(bundle)).toMatch(/last problem .*: The workbook was busy/);
    // The first run mailed after the busy one gave up: its managers' digests say so.
    const manager = bundle.emulator.outbox.find((mail) => mail.to[0] === MANAGERS[0]);
    expect(manager?.body).toMatch(/Problems with the daily run:\n- 2026-11-25 09:00: The workbook was busy/);
    expect(bundle.emulator.outbox.find((mail) => mail.to[0] === "maya@example.com")?.body).not.toContain(
      "busy",
    );
    // Listed once: the day after, it is gone, while the menu still shows the last problem.
    bundle.emulator.clock.advanceDays(1);
    runDaily(bundle);
    const nextDay = bundle.emulator.outbox.filter((mail) => mail.to[0] === MANAGERS[0]).at(-1);
    expect(nextDay?.subject).toMatch(/alerts/);
    expect(nextDay?.sentAt.getTime()).toBeGreaterThan(now.getTime());
    expect(nextDay?.body).not.toContain("Problems with the daily run");
    expect(alertsCaption(bundle)).toMatch(/last problem 2026-11-25 09:00: The workbook was busy/);
  });

  it("a run people kept disturbing says so in the managers' digest", () => {
    const bundle = workbookBundle(demoWorkbook({ today: now, timeZone }).tabs);
    const stop = keepTypingNewRows(bundle.emulator);
    runDaily(bundle);
    stop();
    const manager = bundle.emulator.outbox.find((mail) => mail.to[0] === MANAGERS[0]);
    expect(manager?.body).toMatch(
      /Problems with the daily run:\n- People were editing Collaborations while the last check wrote/,
    );
    expect(bundle.emulator.outbox.find((mail) => mail.to[0] === "maya@example.com")?.body).not.toContain(
      "People were editing",
    );
    expect(alertsCaption(bundle)).toContain("last check disturbed");
  });

  it("keeps its record far below 9 KB with about a hundred recipients on a Workspace account", {
    timeout: 60_000,
  }, () => {
    const tabs = withOwners(
      scaledWorkbook({ today: now, timeZone, collaborations: 20_000 }).tabs,
      (index) => `owner${index}@example.com`,
    );
    const bundle = workbookBundle(tabs, { account: "workspace" });
    runDaily(bundle);
    expect(bundle.emulator.outbox.length).toBeGreaterThan(90);
    expect(ledgerText(bundle).length).toBeLessThan(2_000);
  });
});

describe("a trigger people can see and trust", () => {
  const tabs = demoWorkbook({ today: now, timeZone }).tabs;

  it("stores its ID and who set it up; every editor's menu shows the state; any editor turns it off", () => {
    const bundle = workbookBundle(tabs);
    const { emulator } = bundle;
    emulator.withContext("user", () => bundle.call("turnOnDailyAlertsFromMenu"));
    const [trigger] = emulator.triggers.list();
    const stored = JSON.parse(emulator.properties.document.getProperty("campaignDesk.alerts") ?? "{}");
    expect(stored).toMatchObject({ on: true, triggerId: trigger?.uid, setUpBy: "maya@example.com", hour: 8 });

    emulator.actAs("li@example.com");
    expect(alertsCaption(bundle)).toBe("Daily alerts: on at 08:00, set up by maya@example.com");
    expect(fireTriggers(bundle, 24)).toBe(1);
    expect(alertsCaption(bundle)).toMatch(
      /^Daily alerts: on at 08:00, set up by maya@example.com, last run 2026-11-26 08:00$/,
    );
    const mailed = emulator.outbox.length;
    expect(mailed).toBeGreaterThan(0);

    emulator.actAs("li@example.com");
    emulator.withContext("user", () => bundle.call("turnOffDailyAlertsFromMenu"));
    expect(lastDialog(bundle)).toMatch(/belongs to maya@example.com: it removes itself at its next run/);
    expect(alertsCaption(bundle)).toMatch(/^Daily alerts: off \(turned off by li@example.com\)/);
    expect(fireTriggers(bundle, 24)).toBe(1);
    expect(emulator.outbox).toHaveLength(mailed);
    expect(emulator.triggers.list()).toEqual([]);
  });

  it("turning off deletes the installer's trigger by its stored ID", () => {
    const bundle = workbookBundle(tabs);
    bundle.emulator.withContext("user", () => bundle.call("turnOnDailyAlertsFromMenu"));
    bundle.emulator.withContext("user", () => bundle.call("turnOnDailyAlertsFromMenu"));
    expect(bundle.emulator.triggers.list()).toHaveLength(1);
    bundle.emulator.withContext("user", () => bundle.call("turnOffDailyAlertsFromMenu"));
    expect(bundle.emulator.triggers.list()).toEqual([]);
    expect(lastDialog(bundle)).toBe("Daily alerts are off.");
  });

  it("records a failed run and lost authorization instead of dying silently", () => {
    const bundle = workbookBundle(tabs);
    const { emulator } = bundle;
    emulator.withContext("user", () => bundle.call("turnOnDailyAlertsFromMenu"));
    const stop = emulator.hooks.afterCall((call) => {
      if (call.method === "getUrl") throw new Error("Service Spreadsheets timed out");
    });
    expect(() => fireTriggers(bundle, 24)).not.toThrow();
    stop();
    // It failed before deciding who gets mail: nobody is marked as mailed, the next run sends.
    expect(emulator.outbox).toHaveLength(0);
    expect(ledgerText(bundle)).toBe("");
    expect(alertsCaption(bundle)).toMatch(
      /last problem 2026-11-26 08:00: The daily run failed: Error: Service Spreadsheets/,
    );
    expect(emulator.logs.some((entry) => entry.level === "error")).toBe(true);

    emulator.setAuthorized(false);
    fireTriggers(bundle, 24);
    expect(alertsCaption(bundle)).toMatch(
      /last problem 2026-11-27 08:00: Daily alerts lost their authorization/,
    );
    emulator.setAuthorized(true);
    const before = emulator.outbox.length;
    fireTriggers(bundle, 24);
    const manager = emulator.outbox.slice(before).find((mail) => mail.to[0] === MANAGERS[0]);
    expect(manager?.body).toMatch(/Problems with the daily run:\n- 2026-11-26 08:00: The daily run failed/);
    expect(manager?.body).toMatch(/- 2026-11-27 08:00: Daily alerts lost their authorization/);
    bundle.emulator.withContext("user", () => bundle.call("showAlertsStatus"));
    expect(lastDialog(bundle).split("\n").slice(0, 2)).toEqual([
      "Daily alerts: on at 08:00, set up by maya@example.com.",
      expect.stringMatching(
        /^Last check: 2026-11-28 08:00 \(America\/Los_Angeles\), \d+ alerts, \d+ digests sent, 0 not sent\.$/,
      ),
    ]);
  });

  it("a trigger run that finds the workbook busy sends nothing and says so", () => {
    const bundle = workbookBundle(tabs);
    const { emulator } = bundle;
    emulator.withContext("user", () => bundle.call("turnOnDailyAlertsFromMenu"));
    const release = emulator.holdLock("document");
    fireTriggers(bundle, 24);
    release();
    expect(emulator.outbox).toHaveLength(0);
    expect(alertsCaption(bundle)).toMatch(/last problem 2026-11-26 08:00: The workbook was busy/);
    // It stays on: the next day catches up, and says what happened.
    fireTriggers(bundle, 24);
    const manager = emulator.outbox.find((mail) => mail.to[0] === MANAGERS[0]);
    expect(manager?.body).toMatch(/- 2026-11-26 08:00: The workbook was busy/);
  });

  it("a changed Digest hour moves the trigger at its next run", () => {
    const bundle = workbookBundle(tabs);
    const { emulator } = bundle;
    emulator.withContext("user", () => bundle.call("turnOnDailyAlertsFromMenu"));
    const settings = emulator.spreadsheet.getSheetByName("Settings");
    const row = emulator.values("Settings").findIndex((cells) => cells[0] === "Digest hour") + 1;
    emulator.uncounted(() => settings?.getRange(row, 2).setValue(6));
    expect(fireTriggers(bundle, 24)).toBe(1);
    const triggers = emulator.triggers.list();
    expect(triggers.map((trigger) => trigger.atHour)).toEqual([6]);
    expect(alertsCaption(bundle)).toMatch(/^Daily alerts: on at 06:00/);
    // The next day it runs at 06:00, once.
    emulator.clock.set(new Date("2026-11-27T13:00:00Z"));
    const due = emulator.triggers.dueRuns(emulator.clock.now(), new Date("2026-11-28T13:00:00Z"));
    expect(due.map((run) => run.at.toISOString())).toEqual(["2026-11-27T14:00:00.000Z"]);
  });
});

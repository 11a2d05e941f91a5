import { describe, expect, it } from "vitest";
import { defaultSettings, parseSettings, SETTING_KEYS, settingDefaultRows } from "../../src/domain/settings";

describe("settings", () => {
  it("lists every key of DESIGN.md with its default, in order", () => {
    expect(settingDefaultRows()).toEqual([
      ["Alert lead days", "7"],
      ["Nudge days", "5"],
      ["Review days", "3"],
      ["Digest hour", "8"],
      ["Manager emails", ""],
      ["Currency", "USD"],
      ["Horizon days", "30"],
      ["Priority min GMV", "1000"],
      ["Priority max effective commission", "25%"],
      ["Test more below collaborations", "2"],
      ["Allowed email domains", ""],
      ["Operations rows", "500"],
      // Not a setting: the add-on keeps today's date there for formulas (CampaignDeskToday).
      ["Today", ""],
    ]);
    expect(SETTING_KEYS).toHaveLength(12);
  });

  it("knows the Today row the add-on keeps, whatever date it holds", () => {
    const parsed = parseSettings([
      ["Today", new Date("2026-11-25T08:00:00Z")],
      [" today ", "anything"],
    ]);
    expect(parsed.checks).toEqual(["", ""]);
    expect(parsed.settings).toEqual(defaultSettings());
  });

  it("parses the default rows into the defaults", () => {
    const parsed = parseSettings(settingDefaultRows());
    expect(parsed.settings).toEqual(defaultSettings());
    expect(parsed.checks.every((check) => check === "")).toBe(true);
    expect(parsed.missing).toEqual([]);
  });

  it("uses the default for a missing key", () => {
    const parsed = parseSettings([["Nudge days", 2]]);
    expect(parsed.settings.nudgeDays).toBe(2);
    expect(parsed.settings.alertLeadDays).toBe(7);
    expect(parsed.missing).toContain("Alert lead days");
    expect(parsed.missing).not.toContain("Nudge days");
  });

  it("reads values as Sheets gives them and as people type them", () => {
    const parsed = parseSettings([
      [" alert LEAD days ", "10"],
      ["Priority max effective commission", 0.3],
      ["Priority min GMV", "2,500"],
      ["Currency", " eur "],
      ["Manager emails", "a@shop.com, b@shop.com"],
      ["Digest hour", 0],
    ]);
    expect(parsed.settings).toMatchObject({
      alertLeadDays: 10,
      priorityMaxEffectiveCommission: 0.3,
      priorityMinGmv: 2500,
      currency: "EUR",
      managerEmails: ["a@shop.com", "b@shop.com"],
      digestHour: 0,
    });
    expect(
      parseSettings([["Priority max effective commission", "30%"]]).settings.priorityMaxEffectiveCommission,
    ).toBeCloseTo(0.3);
  });

  it("flags a bad value in its row's Check and uses the default", () => {
    const parsed = parseSettings([
      ["Alert lead days", "soon"],
      ["Digest hour", 24],
      ["Priority max effective commission", 25],
      ["Currency", "Dollars"],
      ["Review days", 2.5],
      ["Priority min GMV", -1],
    ]);
    expect(parsed.settings).toEqual(defaultSettings());
    expect(parsed.checks[0]).toBe("expected a whole number from 0 to 365; using the default 7");
    expect(parsed.checks[1]).toBe("expected a whole number from 0 to 23; using the default 8");
    expect(parsed.checks[2]).toContain("expected a rate from 0% to 100%");
    expect(parsed.checks[3]).toContain("three-letter currency code");
    expect(parsed.checks[4]).toContain("using the default 3");
    expect(parsed.checks[5]).toContain("amount of 0 or more");
  });

  it("keeps the good manager emails and flags the bad ones", () => {
    const parsed = parseSettings([["Manager emails", "a@shop.com, not-an-email; c@shop.com"]]);
    expect(parsed.settings.managerEmails).toEqual(["a@shop.com", "c@shop.com"]);
    expect(parsed.checks[0]).toBe("not an email address: not-an-email; using the rest");
  });

  it("bounds the operating view: Operations rows is a whole number from 1 to 10,000", () => {
    expect(parseSettings([["Operations rows", 50]]).settings.operationsRows).toBe(50);
    const bad = parseSettings([["Operations rows", 0]]);
    expect(bad.settings.operationsRows).toBe(500);
    expect(bad.checks[0]).toBe("expected a whole number from 1 to 10000; using the default 500");
  });

  it("flags unknown and duplicate keys and leaves blank rows alone", () => {
    const parsed = parseSettings([
      ["Nudge days", 4],
      ["Nudge days", 9],
      ["Favourite colour", "blue"],
      ["", ""],
      ["Horizon days", ""],
    ]);
    expect(parsed.settings.nudgeDays).toBe(4);
    expect(parsed.settings.horizonDays).toBe(30);
    expect(parsed.checks).toEqual([
      "",
      "Duplicate key: the first row is used",
      "Unknown key: Campaign Desk does not use it",
      "",
      "",
    ]);
  });

  it("reads allowed email domains, with or without @, and flags what is not a domain", () => {
    const parsed = parseSettings([["Allowed email domains", "Example.com, @shop.example; not a domain"]]);
    expect(parsed.settings.allowedEmailDomains).toEqual(["example.com", "shop.example"]);
    expect(parsed.checks[0]).toBe("not a domain: not, a, domain; using the rest");
  });

  it("quotes a pasted 10,000-character value short in the Check", () => {
    const parsed = parseSettings([["Manager emails", `ops@example.com, ${"a".repeat(10_000)}@example.com`]]);
    expect(parsed.settings.managerEmails).toEqual(["ops@example.com"]);
    expect(parsed.checks[0]?.length).toBeLessThan(150);
    expect(parsed.checks[0]).toMatch(/^not an email address: a+\u2026 \(10012 characters\); using the rest$/);
  });
});

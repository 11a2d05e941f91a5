import { describe, expect, it } from "vitest";
import type { Alert } from "../../src/domain/alerts";
import { allowedDomains, ownerAddress, ownerCheck } from "../../src/domain/recipients";
import {
  byUrgency,
  DIGEST_ITEMS,
  type DigestContext,
  digestReaders,
  groupAlerts,
  mailingOrder,
  type Reader,
  renderDigest,
} from "../../src/features/digest";

const alert = (over: Partial<Alert>): Alert => ({
  kind: "contentOverdue",
  severity: "High",
  tab: "Collaborations",
  key: "K-1",
  sheetRow: 2,
  campaignId: "C-1",
  campaignName: "Holiday Glow",
  message: "Content overdue by 3 days",
  ...over,
});

const context: DigestContext = {
  spreadsheetName: "Shop <ops>",
  today: "2026-11-25",
  rowLink: (item) => `https://docs.google.com/spreadsheets/d/x/edit#gid=7&range=A${item.sheetRow}`,
  operationsLink: "https://docs.google.com/spreadsheets/d/x/edit#gid=9",
  notes: { notDelivered: ["Since 2026-11-24, quota: x@example.com."], problems: ["The run failed: boom"] },
};

const manager = (alerts: Alert[]): Reader => ({ address: "ops@example.com", role: "manager", alerts });

describe("who reads the digest", () => {
  const allowed = allowedDomains([], ["ops@example.com"], "maya@shop.example");

  it("defaults the allowed domains to the managers' and the person's who turned alerts on", () => {
    expect([...allowed].sort()).toEqual(["example.com", "shop.example"]);
    expect([...allowedDomains(["Brand.example"], ["ops@example.com"], undefined)]).toEqual(["brand.example"]);
  });

  it("takes one owner address inside the allowed domains; more, or outside, is a check", () => {
    expect(ownerAddress("Maya@Example.com", allowed)).toEqual({ address: "maya@example.com" });
    expect(ownerAddress("Maya Lee", allowed)).toEqual({});
    expect(ownerAddress("", allowed)).toEqual({});
    expect(ownerAddress("a@example.com, b@example.com", allowed)).toMatchObject({
      problem: expect.stringMatching(/^Owner holds 2 entries/),
    });
    expect(ownerAddress("someone@gmail.com", allowed)).toMatchObject({
      problem: expect.stringContaining("outside the allowed email domains"),
    });
    const huge = `${"a".repeat(10_000)}@example.com`;
    const check = ownerCheck(
      huge,
      { allowedEmailDomains: [], managerEmails: ["ops@example.com"] },
      undefined,
    );
    expect(check).toMatch(/is not an email address/);
    expect(check?.length).toBeLessThan(200);
  });

  it("gives managers every alert and owners only their campaigns', each reader once", () => {
    const a = alert({ campaignId: "C-1" });
    const b = alert({ campaignId: "C-2", key: "K-2" });
    const c = alert({ campaignId: "C-3", key: "K-3" });
    const readers = digestReaders({
      alerts: [a, b, c],
      managers: ["Ops@example.com", "ops@example.com"],
      owners: new Map([
        ["C-1", "maya@example.com"],
        ["C-2", "maya@example.com"],
        ["C-3", "x@example.com; y@example.com"],
        ["C-4", "ops@example.com"],
      ]),
      allowed,
    });
    expect(readers.map((reader) => [reader.address, reader.role, reader.alerts.length])).toEqual([
      ["ops@example.com", "manager", 3],
      ["maya@example.com", "owner", 2],
    ]);
  });

  it("serves managers first and rotates the owners day by day", () => {
    const owners = Array.from({ length: 20 }, (_, index) => ({
      address: `owner${index}@example.com`,
      role: "owner" as const,
      alerts: [alert({})],
    }));
    const readers = [...owners, manager([alert({})])];
    const day1 = mailingOrder(readers, "2026-11-25");
    const day2 = mailingOrder(readers, "2026-11-26");
    expect(day1[0]?.address).toBe("ops@example.com");
    expect(day2[0]?.address).toBe("ops@example.com");
    expect(day1.slice(1, 6)).not.toEqual(day2.slice(1, 6));
    expect(new Set(day1.map((reader) => reader.address)).size).toBe(21);
  });
});

describe("renderDigest", () => {
  it("groups by severity, then campaign, with counts in the subject and a link per item", () => {
    const alerts = [
      alert({ severity: "Medium", kind: "feeUnpaid", message: "Flat fee unpaid", key: "K-3", sheetRow: 4 }),
      alert({ campaignId: "C-0", campaignName: "Alpha", key: "K-9", sheetRow: 10 }),
      alert({}),
    ];
    const message = renderDigest(manager(alerts), context);
    expect(message.subject).toBe("Campaign Desk: 3 alerts (2 high, 1 medium) in Shop <ops>");
    expect(
      groupAlerts(byUrgency(alerts)).map((group) => [group.severity, group.campaigns.map(([id]) => id)]),
    ).toEqual([
      ["High", ["C-0", "C-1"]],
      ["Medium", ["C-1"]],
    ]);
    expect(message.body).toContain("By kind: Content overdue 2, Fee unpaid 1.");
    expect(message.body.indexOf("HIGH")).toBeLessThan(message.body.indexOf("MEDIUM"));
    expect(message.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/x/edit#gid=7&amp;range=A10"',
    );
    expect(message.body).toContain("#gid=7&range=A4");
  });

  it("lists the 50 most urgent, then says how many more are in the Operations tab", () => {
    const alerts = Array.from({ length: 500 }, (_, index) =>
      alert({
        key: `K-${index}`,
        sheetRow: index + 2,
        severity: index % 10 === 0 ? "High" : "Low",
        kind: index % 10 === 0 ? "contentOverdue" : "sampleNudge",
      }),
    );
    const message = renderDigest(manager(alerts), context);
    expect(message.body.match(/^ {2}- /gm)).toHaveLength(DIGEST_ITEMS);
    // Every High alert (50 of them) comes before any Low one.
    expect(message.body).not.toContain("LOW");
    expect(message.body).toContain(
      "and 450 more in the Operations tab: https://docs.google.com/spreadsheets/d/x/edit#gid=9",
    );
    expect(message.htmlBody).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/x/edit#gid=9">and 450 more',
    );
  });

  it("stays small however long the user's text is", () => {
    const long = "x".repeat(50_000);
    const alerts = Array.from({ length: 200 }, (_, index) =>
      alert({ key: `${long}${index}`, campaignId: long, campaignName: long, message: long }),
    );
    const message = renderDigest(manager(alerts), { ...context, spreadsheetName: long });
    expect(message.subject.length).toBeLessThan(200);
    expect(message.body.length + message.htmlBody.length).toBeLessThan(100_000);
  });

  it("escapes every piece of user text in the HTML body", () => {
    const message = renderDigest(
      manager([alert({ campaignName: "<img src=x onerror=alert(1)>", key: '"K"<b>', message: "a & b" })]),
      context,
    );
    expect(message.htmlBody).not.toContain("<img");
    expect(message.htmlBody).toContain("&quot;K&quot;&lt;b&gt;");
    expect(message.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(message.htmlBody).toContain("Shop &lt;ops&gt;");
    expect(message.htmlBody).toContain("a &amp; b");
  });

  it("reports misses and problems to managers only: an owner's digest names no one else", () => {
    const managerMail = renderDigest(manager([alert({})]), context);
    expect(managerMail.body).toContain("Not delivered:\n- Since 2026-11-24, quota: x@example.com.");
    expect(managerMail.body).toContain("Problems with the daily run:\n- The run failed: boom");
    const ownerMail = renderDigest(
      { address: "maya@example.com", role: "owner", alerts: [alert({})] },
      context,
    );
    expect(ownerMail.body).not.toContain("x@example.com");
    expect(ownerMail.body).not.toContain("ops@example.com");
    expect(ownerMail.htmlBody).not.toMatch(/[\w.]+@(?!example\.com\b)|x@example|ops@/);
    expect(ownerMail.body).toContain("the campaigns you own");
  });
});

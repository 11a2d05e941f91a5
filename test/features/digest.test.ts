import { describe, expect, it } from "vitest";
import type { Alert } from "../../src/domain/alerts";
import {
  type DigestContext,
  emailList,
  groupAlerts,
  ledgerFor,
  planDigest,
  recipientsOf,
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
  unsent: [],
  rowLink: (item) => `https://docs.google.com/spreadsheets/d/x/edit#gid=7&range=A${item.sheetRow}`,
};

describe("recipientsOf", () => {
  it("sends managers every alert and owners only their campaigns'", () => {
    const a = alert({ campaignId: "C-1" });
    const b = alert({ campaignId: "C-2", key: "K-2" });
    const owners: Record<string, string> = { "C-1": "Maya@Example.com", "C-2": "" };
    const byRecipient = recipientsOf([a, b], ["ops@example.com"], (id) => owners[id] ?? "");
    expect([...byRecipient.keys()].sort()).toEqual(["maya@example.com", "ops@example.com"]);
    expect(byRecipient.get("ops@example.com")).toEqual([a, b]);
    expect(byRecipient.get("maya@example.com")).toEqual([a]);
  });

  it("reads comma or semicolon separated lists and drops what is not an address", () => {
    expect(emailList("a@example.com; b@example.com, not-an-email ,")).toEqual([
      "a@example.com",
      "b@example.com",
    ]);
  });
});

describe("renderDigest", () => {
  it("groups by severity, then campaign, with counts in the subject and a link per item", () => {
    const alerts = [
      alert({
        severity: "Medium",
        kind: "feeUnpaid",
        message: "Flat fee approved 4 days ago, unpaid",
        key: "K-3",
        sheetRow: 4,
      }),
      alert({ campaignId: "C-0", campaignName: "Alpha", key: "K-9", sheetRow: 10 }),
      alert({}),
    ];
    const message = renderDigest("ops@example.com", alerts, context);
    expect(message.subject).toBe("Campaign Desk: 3 alerts (2 high, 1 medium) in Shop <ops>");
    expect(groupAlerts(alerts).map((group) => [group.severity, group.campaigns.map(([id]) => id)])).toEqual([
      ["High", ["C-0", "C-1"]],
      ["Medium", ["C-1"]],
    ]);
    expect(message.body.indexOf("HIGH")).toBeLessThan(message.body.indexOf("MEDIUM"));
    expect(message.body.indexOf("Alpha")).toBeLessThan(message.body.indexOf("Holiday Glow"));
    expect(message.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/x/edit#gid=7&amp;range=A10"',
    );
    expect(message.body).toContain("#gid=7&range=A4");
  });

  it("escapes every piece of user text in the HTML body", () => {
    const message = renderDigest(
      "ops@example.com",
      [alert({ campaignName: "<img src=x onerror=alert(1)>", key: '"K"<b>', message: "a & b" })],
      context,
    );
    expect(message.htmlBody).not.toContain("<img");
    expect(message.htmlBody).not.toContain('"K"<b>');
    expect(message.htmlBody).toContain("&quot;K&quot;&lt;b&gt;");
    expect(message.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(message.htmlBody).toContain("Shop &lt;ops&gt;");
    expect(message.htmlBody).toContain("a &amp; b");
  });

  it("lists digests that could not be delivered earlier", () => {
    const unsent = [
      { day: "2026-11-24", to: "x@example.com", alertCount: 2, reason: "daily email quota used up" },
    ];
    const message = renderDigest("ops@example.com", [alert({})], { ...context, unsent });
    expect(message.body).toContain(
      "2026-11-24: digest to x@example.com (2 alerts): daily email quota used up",
    );
  });
});

describe("planDigest and the ledger", () => {
  it("sends nothing twice on one day and nothing when there is nothing to report", () => {
    const byRecipient = new Map([
      ["a@example.com", [alert({})]],
      ["b@example.com", [alert({})]],
      ["c@example.com", []],
    ]);
    const ledger = ledgerFor("2026-11-25", { day: "2026-11-25", sentTo: ["a@example.com"], unsent: [] });
    const plan = planDigest(byRecipient, ledger, context);
    expect(plan.send.map((message) => message.to)).toEqual(["b@example.com"]);
    expect(plan.skipped).toEqual(["a@example.com"]);
  });

  it("starts a new day afresh but carries what was never delivered", () => {
    const unsent = [{ day: "2026-11-24", to: "x@example.com", alertCount: 1, reason: "quota" }];
    expect(ledgerFor("2026-11-25", { day: "2026-11-24", sentTo: ["a@example.com"], unsent })).toEqual({
      day: "2026-11-25",
      sentTo: [],
      unsent,
    });
  });
});

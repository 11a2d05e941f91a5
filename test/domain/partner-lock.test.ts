import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAMPAIGN_STATUSES, LANES } from "../../src/domain/choices";
import { partnerLockIssues, partnerRatesFixed, submittedStatus } from "../../src/domain/partner-lock";

const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe("submitted status", () => {
  it("is every status past Draft, matched as typed", () => {
    expect(CAMPAIGN_STATUSES.map(submittedStatus)).toEqual([
      undefined,
      "Recruiting",
      "Live",
      "Wrapped",
      "Cancelled",
    ]);
    expect(submittedStatus(" live ")).toBe("Live");
    expect(submittedStatus("")).toBeUndefined();
    expect(submittedStatus(undefined)).toBeUndefined();
    expect(submittedStatus("Paused?")).toBeUndefined();
  });

  it("fixes the rates of Partner campaigns only", () => {
    expect(partnerRatesFixed({ lane: "Partner", status: "Recruiting" })).toBe(true);
    expect(partnerRatesFixed({ lane: "partner", status: "Cancelled" })).toBe(true);
    expect(partnerRatesFixed({ lane: "Partner", status: "Draft" })).toBe(false);
    expect(partnerRatesFixed({ lane: "Partner" })).toBe(false);
    expect(partnerRatesFixed({ lane: "Target", status: "Live" })).toBe(false);
  });
});

describe("partner lock", () => {
  const live = { lane: "Partner", status: "Live" };

  it("refuses a change of either rate on a submitted Partner campaign, in the user's words", () => {
    const issues = partnerLockIssues(live, ["commissionRate", "adsRate", "notes"], live);
    expect(fields(issues)).toEqual(["commissionRate", "adsRate"]);
    expect(issues[0]?.message).toBe(
      "Partner rates are fixed once the campaign is submitted (Status Live): the agency or platform sets them.",
    );
  });

  it("lets every other field of a submitted Partner campaign change", () => {
    expect(partnerLockIssues(live, ["name", "end", "budget", "notes"], live)).toEqual([]);
    expect(partnerLockIssues(live, ["status"], { lane: "Partner", status: "Wrapped" })).toEqual([]);
  });

  it("lets a Draft Partner campaign change its rates, and be submitted with them", () => {
    const draft = { lane: "Partner", status: "Draft" };
    expect(partnerLockIssues(draft, ["commissionRate", "adsRate"], draft)).toEqual([]);
    expect(
      partnerLockIssues(draft, ["commissionRate", "adsRate", "status"], {
        lane: "Partner",
        status: "Recruiting",
      }),
    ).toEqual([]);
    // A blank Status is Draft.
    expect(partnerLockIssues({ lane: "Partner" }, ["commissionRate"], { lane: "Partner" })).toEqual([]);
  });

  it("keeps a submitted Partner campaign Partner and past Draft, so two saves cannot free its rates", () => {
    expect(fields(partnerLockIssues(live, ["lane"], { lane: "Open", status: "Live" }))).toEqual(["lane"]);
    expect(
      fields(partnerLockIssues(live, ["lane", "commissionRate"], { lane: "Target", status: "Live" })),
    ).toEqual(["commissionRate", "lane"]);
    const back = partnerLockIssues(live, ["status"], { lane: "Partner", status: "Draft" });
    expect(fields(back)).toEqual(["status"]);
    expect(back[0]?.message).toContain("cannot go back to Draft (it is Live)");
    // A blank Status saves as Draft.
    expect(fields(partnerLockIssues(live, ["status"], { lane: "Partner" }))).toEqual(["status"]);
  });

  it("lets a submitted campaign become Partner only with the rates it has", () => {
    const open = { lane: "Open", status: "Recruiting" };
    const moved = { lane: "Partner", status: "Recruiting" };
    expect(partnerLockIssues(open, ["lane"], moved)).toEqual([]);
    expect(fields(partnerLockIssues(open, ["lane", "adsRate"], moved))).toEqual(["adsRate"]);
    // Open and Target campaigns keep their rates the seller's.
    expect(partnerLockIssues(open, ["commissionRate", "lane"], { lane: "Target", status: "Live" })).toEqual(
      [],
    );
  });

  it("never lets a rate change leave a campaign that was submitted as Partner", () => {
    const lane = fc.constantFrom(...LANES, "partner", "");
    const status = fc.constantFrom(...CAMPAIGN_STATUSES, "", "live");
    const changed = fc.subarray(["commissionRate", "adsRate", "lane", "status", "notes"]);
    fc.assert(
      fc.property(lane, status, lane, status, changed, (lane0, status0, lane1, status1, edit) => {
        const stored = { lane: lane0, status: status0 };
        const next = { lane: lane1, status: status1 };
        const refused = partnerLockIssues(stored, edit, next).length > 0;
        const rateChanged = edit.includes("commissionRate") || edit.includes("adsRate");
        // Submitted before and Partner before or after, with a rate changed: always refused.
        if (
          submittedStatus(status0) &&
          (partnerRatesFixed(stored) || partnerRatesFixed({ ...next, status: status0 })) &&
          rateChanged
        )
          expect(refused).toBe(true);
        // Nothing submitted before: never refused.
        if (!submittedStatus(status0)) expect(refused).toBe(false);
      }),
    );
  });
});

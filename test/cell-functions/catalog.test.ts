import { describe, expect, it } from "vitest";
import { cellFunctions } from "../../src/features/cell-functions/catalog";
import type { CellContext } from "../../src/features/cell-functions/types";

const context: CellContext = { timeZone: "America/Los_Angeles", now: new Date("2026-12-10T20:00:00Z") };
const run = (name: string, ...args: unknown[]) => {
  const fn = cellFunctions.find((candidate) => candidate.name === name);
  if (!fn) throw new Error(name);
  return fn.run(context, ...args);
};
/** A date cell as Sheets passes it: midnight in the spreadsheet zone. */
const cell = (iso: string) => new Date(`${iso}T08:00:00Z`);
const column = (...values: unknown[]) => values.map((value) => [value]);

describe("the catalog", () => {
  it("lists the functions in the table's order, with help for every parameter", () => {
    expect(cellFunctions.map((fn) => fn.name)).toEqual([
      "APPLIED_RATE",
      "EFFECTIVE_COMMISSION",
      "PAYOUT_STATUS",
      "SHOP_ADS_RATE",
      "SAMPLE_STATUS",
      "AD_USABLE_UNTIL",
      "AUTH_STATUS",
      "WINDOW_STATUS",
    ]);
    expect(
      cellFunctions.find((fn) => fn.name === "PAYOUT_STATUS")?.params.map((param) => param.name),
    ).toEqual([
      "payment_model",
      "content_due",
      "submitted_on",
      "approved_on",
      "paid_on",
      "today",
      "revisions",
    ]);
    for (const fn of cellFunctions) {
      expect(fn.summary.length, fn.name).toBeGreaterThan(10);
      expect(fn.example.startsWith(`=${fn.name}(`), fn.name).toBe(true);
      expect(fn.returns.length).toBeGreaterThan(5);
      for (const param of fn.params) {
        expect(param.name).toMatch(/^[a-z_]+$/);
        expect(param.description.length).toBeGreaterThan(5);
      }
      // Required parameters come first, so Sheets' positional arguments stay unambiguous.
      const firstOptional = fn.params.findIndex((param) => param.optional);
      if (firstOptional >= 0)
        expect(fn.params.slice(firstOptional).every((param) => param.optional)).toBe(true);
    }
  });
});

describe("APPLIED_RATE", () => {
  it("gives the Target rate inside its window, 0% included, else the Open rate", () => {
    expect(run("APPLIED_RATE", 0.1, 0.15)).toBe(0.1);
    expect(run("APPLIED_RATE", 0, 0.15, cell("2026-12-01"), cell("2026-12-10"), cell("2026-12-10"))).toBe(0);
    expect(run("APPLIED_RATE", "10%", "15%", "2026-12-01", "2026-12-10", "2026-12-11")).toBe(0.15);
    expect(run("APPLIED_RATE", "", 0.15)).toBe(0.15);
    expect(run("APPLIED_RATE", 0.1, "", "2026-12-01", "2026-12-10", "2026-12-11")).toBe("");
  });
  it("names a bad argument", () => {
    expect(() => run("APPLIED_RATE", "abc", 0.15)).toThrow(
      'target_rate: expected a rate from 0% to 100% (like 15% or 0.15), got "abc"',
    );
    expect(() => run("APPLIED_RATE", 15, 0.15)).toThrow("target_rate: expected a rate from 0% to 100%");
    expect(() => run("APPLIED_RATE", 0.1, 0.15, "2026-12-10", "2026-12-01")).toThrow(
      "target_end: expected a date on or after target_start (2026-12-10), got 2026-12-01",
    );
    expect(() => run("APPLIED_RATE", 0.1, 0.15, "soon")).toThrow("target_start: expected a date");
  });
});

describe("EFFECTIVE_COMMISSION", () => {
  it("divides everything paid by all GMV", () => {
    expect(run("EFFECTIVE_COMMISSION", 1000, 0.1)).toBeCloseTo(0.1);
    expect(run("EFFECTIVE_COMMISSION", 1000, 0.1, 100, 50, 1000, "5%")).toBeCloseTo(300 / 2000);
    expect(run("EFFECTIVE_COMMISSION", 1000, 0)).toBe(0);
  });
  it("says No sales yet without GMV", () => {
    expect(run("EFFECTIVE_COMMISSION", 0, 0.1, 500)).toBe("No sales yet");
    expect(run("EFFECTIVE_COMMISSION", "", 0.1)).toBe("No sales yet");
  });
  it("refuses negative amounts and a blank rate on real sales", () => {
    expect(() => run("EFFECTIVE_COMMISSION", -5, 0.1)).toThrow(
      "gmv: expected an amount of 0 or more, got -5",
    );
    expect(() => run("EFFECTIVE_COMMISSION", 1000, "")).toThrow("rate: expected a rate from 0% to 100%");
    expect(() => run("EFFECTIVE_COMMISSION", 1000, 0.1, "", "", 500)).toThrow("ads_rate: expected a rate");
    expect(() => run("EFFECTIVE_COMMISSION", 1e300, 0.1)).toThrow(
      "gmv: expected an amount of 0 or more, at most 1e15",
    );
  });
});

describe("PAYOUT_STATUS", () => {
  const flat = "Flat fee + commission";
  it("gives every state, with days", () => {
    expect(run("PAYOUT_STATUS", "Commission only", "", "", "")).toBe("Commission only");
    expect(run("PAYOUT_STATUS", flat, cell("2026-12-10"), "", "")).toBe("Awaiting content, due today");
    expect(run("PAYOUT_STATUS", flat, cell("2026-12-13"), "", "")).toBe("Awaiting content, due in 3 days");
    expect(run("PAYOUT_STATUS", flat, cell("2026-12-07"), "", "")).toBe("Content overdue by 3 days");
    expect(run("PAYOUT_STATUS", flat, cell("2026-12-07"), cell("2026-12-08"), "")).toBe(
      "In review for 2 days",
    );
    expect(run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), cell("2026-12-10"))).toBe("Payable");
    expect(run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), "rejected ")).toBe("Rejected");
    expect(run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), cell("2026-12-09"), cell("2026-12-10"))).toBe(
      "Paid",
    );
  });
  it("uses the today argument over the clock", () => {
    expect(run("PAYOUT_STATUS", flat, "2026-12-07", "", "", "", "2026-12-01")).toBe(
      "Awaiting content, due in 6 days",
    );
    // Sheets serial numbers are dates too: 46357 is 2026-12-01.
    expect(run("PAYOUT_STATUS", flat, "2026-12-07", "", "", "", 46_357)).toBe(
      "Awaiting content, due in 6 days",
    );
  });
  it("names a bad argument", () => {
    expect(() => run("PAYOUT_STATUS", "Fee", "", "", "")).toThrow(
      'payment_model: expected Commission only or Flat fee + commission, got "Fee"',
    );
    expect(() => run("PAYOUT_STATUS", flat, "", "", "maybe")).toThrow(
      'approved_on: expected an approval date or the word Rejected, got "maybe"',
    );
    expect(() => run("PAYOUT_STATUS", flat, new Date(Number.NaN), "", "")).toThrow(
      "content_due: expected a date (a date cell or text like 2026-12-01), got an invalid date",
    );
  });
  it("fills a column in one call: blank rows blank, bad rows carry their message", () => {
    const result = run(
      "PAYOUT_STATUS",
      column(flat, "", "Commission only", "Fee", flat),
      column(cell("2026-12-07"), "", "", "", "not a date"),
      column("", "", "", "", ""),
      column("", "", "", "", ""),
      column("", "", "", "", ""),
      cell("2026-12-10"),
    );
    expect(result).toEqual([
      ["Content overdue by 3 days"],
      [""],
      ["Commission only"],
      ['payment_model: expected Commission only or Flat fee + commission, got "Fee"'],
      ['content_due: expected a date (a date cell or text like 2026-12-01), got "not a date"'],
    ]);
  });
  it("refuses ranges of different lengths and ranges wider than one column", () => {
    expect(() => run("PAYOUT_STATUS", column(flat, flat), column("", "", ""), "", "")).toThrow(
      "Ranges have different lengths: payment_model has 2 rows, content_due has 3",
    );
    expect(() => run("PAYOUT_STATUS", [[flat, flat]], "", "", "")).toThrow(
      "payment_model: expected a single column",
    );
    expect(() => run("PAYOUT_STATUS", flat, "", "", "", "", "", 1, "extra")).toThrow(
      "expected at most 7 arguments",
    );
  });
});

describe("SAMPLE_STATUS", () => {
  it("gives every state", () => {
    expect(run("SAMPLE_STATUS", "No sample", "", "", "", "")).toBe("No sample");
    expect(run("SAMPLE_STATUS", "Free sample", "", "", "", "")).toBe("Not shipped");
    expect(run("SAMPLE_STATUS", "Free sample", cell("2026-12-01"), "", "", "")).toBe("Shipped");
    expect(run("SAMPLE_STATUS", "free sample", cell("2026-12-01"), cell("2026-12-03"), "", "")).toBe(
      "Delivered",
    );
    const refund = "Refund after first sale";
    expect(run("SAMPLE_STATUS", refund, cell("2026-12-01"), cell("2026-12-03"), "", "")).toBe(
      "Awaiting first sale",
    );
    expect(run("SAMPLE_STATUS", refund, cell("2026-12-01"), cell("2026-12-03"), cell("2026-12-05"), "")).toBe(
      "Refund due",
    );
    expect(run("SAMPLE_STATUS", refund, "", "", cell("2026-12-05"), cell("2026-12-06"))).toBe("Refunded");
  });
  it("names an unknown policy", () => {
    expect(() => run("SAMPLE_STATUS", "Gift", "", "", "", "")).toThrow(
      'policy: expected No sample, Free sample or Refund after first sale, got "Gift"',
    );
    expect(() => run("SAMPLE_STATUS", "", cell("2026-12-01"), "", "", "")).toThrow("policy: expected");
  });
});

describe("AD_USABLE_UNTIL", () => {
  it("is the earlier of authorization expiry and collaboration end, as a date in the zone", () => {
    expect(run("AD_USABLE_UNTIL", cell("2026-12-01"), 7)).toEqual(cell("2026-12-07"));
    expect(run("AD_USABLE_UNTIL", "2026-12-01", "30", cell("2026-12-15"))).toEqual(cell("2026-12-15"));
    expect(run("AD_USABLE_UNTIL", "2026-12-01", 7, "2026-12-07", "Yes")).toEqual(cell("2026-12-07"));
  });
  it("says Link removed or Not authorized", () => {
    expect(run("AD_USABLE_UNTIL", cell("2026-12-01"), 7, "", false)).toBe("Link removed");
    expect(run("AD_USABLE_UNTIL", cell("2026-12-01"), 7, "", "No")).toBe("Link removed");
    expect(run("AD_USABLE_UNTIL", "", 7)).toBe("Not authorized");
  });
  it("names a bad argument", () => {
    expect(() => run("AD_USABLE_UNTIL", cell("2026-12-01"), "")).toThrow(
      "duration_days: expected a whole number of days from 1 to 3650, got blank",
    );
    expect(() => run("AD_USABLE_UNTIL", cell("2026-12-01"), 0)).toThrow("duration_days");
    expect(() => run("AD_USABLE_UNTIL", cell("2026-12-01"), 7, "", "perhaps")).toThrow(
      'link_kept: expected Yes or No (or TRUE/FALSE), got "perhaps"',
    );
  });
});

describe("AUTH_STATUS", () => {
  it("gives every state, with the date or days left", () => {
    expect(run("AUTH_STATUS", "", "")).toBe("");
    expect(run("AUTH_STATUS", "", 30, true)).toBe("Not authorized");
    expect(run("AUTH_STATUS", cell("2026-12-01"), 60)).toBe("Valid until 2027-01-29 (50 days left)");
    expect(run("AUTH_STATUS", cell("2026-12-01"), 10)).toBe("Expiring today (2026-12-10)");
    expect(run("AUTH_STATUS", cell("2026-12-01"), 12, "", "", "", 1)).toBe(
      "Valid until 2026-12-12 (2 days left)",
    );
    expect(run("AUTH_STATUS", cell("2026-12-01"), 12)).toBe("Expiring in 2 days (2026-12-12)");
    expect(run("AUTH_STATUS", cell("2026-12-01"), 9)).toBe("Expired, last day 2026-12-09");
    expect(run("AUTH_STATUS", cell("2026-12-01"), 30, "FALSE")).toBe("Link removed");
    expect(run("AUTH_STATUS", cell("2026-12-01"), 30, true, cell("2026-12-09"))).toBe(
      "Collaboration ended 2026-12-09",
    );
    expect(run("AUTH_STATUS", cell("2026-12-01"), 30, true, cell("2026-12-10"))).toBe(
      "Expiring today (2026-12-10)",
    );
  });
  it("names a bad lead_days", () => {
    expect(() => run("AUTH_STATUS", cell("2026-12-01"), 30, "", "", "", -1)).toThrow(
      "lead_days: expected a whole number",
    );
  });
});

describe("WINDOW_STATUS", () => {
  it("gives every state, with days", () => {
    expect(run("WINDOW_STATUS", cell("2026-12-12"), cell("2026-12-31"))).toBe("Upcoming, starts in 2 days");
    expect(run("WINDOW_STATUS", cell("2026-12-01"), cell("2026-12-31"))).toBe("Open, 21 days left");
    expect(run("WINDOW_STATUS", cell("2026-12-01"), cell("2026-12-17"))).toBe("Ending in 7 days");
    expect(run("WINDOW_STATUS", cell("2026-12-01"), cell("2026-12-17"), "", 3)).toBe("Open, 7 days left");
    expect(run("WINDOW_STATUS", cell("2026-12-01"), cell("2026-12-10"))).toBe("Ending today");
    expect(run("WINDOW_STATUS", cell("2026-12-01"), cell("2026-12-09"))).toBe("Ended yesterday");
  });
  it("reads today from the clock in the spreadsheet zone, not UTC", () => {
    // 2026-12-11T02:00Z is still Dec 10 in Los Angeles.
    const late: CellContext = { timeZone: "America/Los_Angeles", now: new Date("2026-12-11T02:00:00Z") };
    const fn = cellFunctions.find((candidate) => candidate.name === "WINDOW_STATUS");
    expect(fn?.run(late, "2026-12-01", "2026-12-10")).toBe("Ending today");
    expect(fn?.run({ ...late, timeZone: "UTC" }, "2026-12-01", "2026-12-10")).toBe("Ended yesterday");
  });
  it("needs both ends, in order", () => {
    expect(() => run("WINDOW_STATUS", cell("2026-12-01"), "")).toThrow("end: expected a date");
    expect(() => run("WINDOW_STATUS", "2026-12-10", "2026-12-01")).toThrow(
      "end: expected a date on or after start (2026-12-10), got 2026-12-01",
    );
  });
  it("returns hundreds of trailing blank rows as blanks", () => {
    const starts = [[cell("2026-12-01")], ...Array.from({ length: 999 }, () => [""])];
    const ends = [[cell("2026-12-31")], ...Array.from({ length: 999 }, () => [""])];
    const result = run("WINDOW_STATUS", starts, ends, cell("2026-12-10")) as unknown[][];
    expect(result).toHaveLength(1000);
    expect(result[0]).toEqual(["Open, 21 days left"]);
    expect(result.slice(1).every((row) => row.length === 1 && row[0] === "")).toBe(true);
  });
});

describe("SHOP_ADS_RATE", () => {
  it("takes the first ads rate set: Partner, Target, Open, then the standard rate", () => {
    expect(run("SHOP_ADS_RATE", 0.08, 0.1, 0.05, 0.15)).toBe(0.08);
    expect(run("SHOP_ADS_RATE", "", 0.1, 0.05, 0.15)).toBe(0.1);
    expect(run("SHOP_ADS_RATE", "", "", "5%", 0.15)).toBe(0.05);
    expect(run("SHOP_ADS_RATE", "", "", "", 0.15)).toBe(0.15);
    expect(run("SHOP_ADS_RATE", "", "", "", "")).toBe("");
  });

  it("refuses ads rates outside 1% to 80%, naming the argument, and fills a column", () => {
    expect(() => run("SHOP_ADS_RATE", 0.9, "", "", "")).toThrow(
      "partner_ads_rate: expected an ads rate from 1% to 80%, got 0.9",
    );
    expect(() => run("SHOP_ADS_RATE", "", 0.005, "", "")).toThrow("target_ads_rate: expected an ads rate");
    // A row blank in every range stays blank, as in every function.
    expect(run("SHOP_ADS_RATE", column(0.08, "", 0.95, ""), column(0.1, "", "", 0.1), 0.05, 0.15)).toEqual([
      [0.08],
      [""],
      ["partner_ads_rate: expected an ads rate from 1% to 80%, got 0.95"],
      [0.1],
    ]);
  });
});

describe("PAYOUT_STATUS with review rounds", () => {
  const flat = "Flat fee + commission";
  it("shows the round of changes asked for, until a decision", () => {
    expect(run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), "", "", "", 2)).toBe(
      "Changes requested, round 2 of 3",
    );
    expect(run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), cell("2026-12-09"), "", "", 3)).toBe(
      "Payable for 1 day",
    );
    expect(run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), "", "", "", "")).toBe("In review for 2 days");
    expect(() => run("PAYOUT_STATUS", flat, "", cell("2026-12-08"), "", "", "", 4)).toThrow(
      "revisions: expected a whole number of rounds from 0 to 3, got 4",
    );
  });
});

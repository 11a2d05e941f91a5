import { describe, expect, it } from "vitest";
import {
  DEMO_SCENARIOS,
  type DemoWorkbook,
  demoWorkbook,
  FORMULA_TEXT_POST_URL,
  scaledWorkbook,
} from "../../src/local/demo/demo-workbook";
import { TABS } from "../../src/workbook/schema";

type Row = Record<string, unknown>;

const TODAY = new Date("2026-06-15T17:30:00Z");
const ZONE = "America/Los_Angeles";

// Independent of the code under test: read the wall clock of an instant in a zone.
function wallClock(date: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(date)
      .filter((part) => part.type !== "literal")
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return parts;
}

function calendarDay(date: Date, timeZone: string): number {
  const p = wallClock(date, timeZone);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}

/** Days from today to a date cell, in the zone. */
function daysFromToday(value: unknown, today = TODAY, timeZone = ZONE): number {
  if (!(value instanceof Date)) throw new Error(`expected a date, got ${String(value)}`);
  return calendarDay(value, timeZone) - calendarDay(today, timeZone);
}

function rows(workbook: DemoWorkbook, tab: string): Row[] {
  const [headers, ...body] = workbook.tabs[tab] ?? [];
  if (!headers) throw new Error(`no ${tab} tab`);
  return body.map((cells) => Object.fromEntries(headers.map((header, i) => [String(header), cells[i]])));
}

function byKey(list: Row[], key: string): Map<unknown, Row> {
  return new Map(list.map((row) => [row[key], row]));
}

function find(list: Row[], key: string, id: string): Row {
  const row = list.find((candidate) => candidate[key] === id);
  if (!row) throw new Error(`${id} not found`);
  return row;
}

const list = (value: unknown): string[] =>
  String(value)
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function sampleState(sample: Row): string {
  if (sample.Refunded instanceof Date) return "Refunded";
  if (sample["First sale"] instanceof Date && sample.Policy === "Refund after first sale")
    return "Refund due";
  if (sample.Delivered instanceof Date) {
    return sample.Policy === "Refund after first sale" ? "Awaiting first sale" : "Delivered";
  }
  if (sample.Shipped instanceof Date) return "Shipped";
  return "Not shipped";
}

function expectValidReferences(workbook: DemoWorkbook): void {
  const products = rows(workbook, "Products");
  const campaigns = rows(workbook, "Campaigns");
  const creators = rows(workbook, "Creators");
  const collabs = rows(workbook, "Collaborations");
  const samples = rows(workbook, "Samples");
  const auths = rows(workbook, "Authorizations");
  for (const [tab, key, table] of [
    ["Products", "SKU", products],
    ["Campaigns", "Campaign ID", campaigns],
    ["Creators", "Creator", creators],
    ["Collaborations", "Collab ID", collabs],
    ["Samples", "Sample ID", samples],
    ["Authorizations", "Auth ID", auths],
  ] as const) {
    const ids = table.map((row) => row[key]);
    expect(new Set(ids).size, `${tab} keys unique`).toBe(ids.length);
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
  }
  const skus = new Set(products.map((row) => row.SKU));
  const campaignById = byKey(campaigns, "Campaign ID");
  const creatorSet = new Set(creators.map((row) => row.Creator));
  const collabById = byKey(collabs, "Collab ID");
  const bad: string[] = [];
  for (const campaign of campaigns) {
    for (const sku of list(campaign.SKUs)) if (!skus.has(sku)) bad.push(`${campaign["Campaign ID"]} ${sku}`);
  }
  for (const collab of collabs) {
    const campaign = campaignById.get(collab["Campaign ID"]);
    if (!campaign) bad.push(`${collab["Collab ID"]} campaign`);
    // A blank SKU stands for every SKU of the campaign.
    else if (collab.SKU !== "" && !list(campaign.SKUs).includes(String(collab.SKU)))
      bad.push(`${collab["Collab ID"]} SKU`);
    if (!creatorSet.has(collab.Creator)) bad.push(`${collab["Collab ID"]} creator`);
  }
  for (const sample of samples) {
    const collab = collabById.get(sample["Collab ID"]);
    if (!collab) bad.push(`${sample["Sample ID"]} collab`);
    else if (collab.SKU !== sample.SKU) bad.push(`${sample["Sample ID"]} SKU`);
  }
  for (const auth of auths) {
    const collab = collabById.get(auth["Collab ID"]);
    if (!collab) bad.push(`${auth["Auth ID"]} collab`);
    else if (!(collab.Posted instanceof Date)) bad.push(`${auth["Auth ID"]} on a post never made`);
  }
  expect(bad).toEqual([]);
}

describe("demo workbook", () => {
  const workbook = demoWorkbook({ today: TODAY, timeZone: ZONE });
  const campaigns = rows(workbook, "Campaigns");
  const creators = rows(workbook, "Creators");
  const collabs = rows(workbook, "Collaborations");
  const samples = rows(workbook, "Samples");
  const auths = rows(workbook, "Authorizations");
  const products = rows(workbook, "Products");

  it("has the schema's team headers, in order, on every tab but the generated one", () => {
    for (const tab of TABS) {
      if (tab.generated) {
        expect(workbook.tabs[tab.name]).toBeUndefined();
        continue;
      }
      const expected = tab.columns.filter((column) => !column.owned).map((column) => column.header);
      expect(workbook.tabs[tab.name]?.[0], tab.name).toEqual(expected);
      for (const row of workbook.tabs[tab.name] ?? []) expect(row).toHaveLength(expected.length);
    }
    expect(workbook.tabs.Settings?.[0]).toEqual(["Key", "Value"]);
  });

  it("holds values of the kind each column asks for", () => {
    const problems: string[] = [];
    for (const tab of TABS) {
      if (tab.generated || tab.name === "Settings") continue;
      for (const row of rows(workbook, tab.name)) {
        for (const column of tab.columns.filter((c) => !c.owned)) {
          const value = row[column.header];
          const where = `${tab.name} ${String(row[tab.key])} ${column.header}=${String(value)}`;
          if (value === "" || value === undefined) continue;
          const ok = (() => {
            switch (column.kind) {
              case "date":
                return value instanceof Date || (column.header === "Approved" && value === "Rejected");
              case "percent":
                return typeof value === "number" && value >= 0 && value <= 1;
              case "currency":
              case "number":
                return typeof value === "number" && value >= 0;
              case "integer":
                return Number.isInteger(value) && (value as number) >= 0;
              case "flag":
                return value === "Yes" || value === "No";
              case "choice":
                return column.choices?.includes(String(value)) ?? false;
              case "email":
                return /^[a-z0-9.]+@example\.com$/.test(String(value));
              default:
                return typeof value === "string";
            }
          })();
          if (!ok) problems.push(where);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has the sizes and the variety a demo needs", () => {
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    expect(campaigns.length).toBeLessThanOrEqual(8);
    expect(new Set(campaigns.map((c) => c.Objective))).toEqual(
      new Set(["Organic test", "Event spike", "LIVE momentum", "Ad-asset recovery"]),
    );
    expect(new Set(campaigns.map((c) => c.Lane))).toEqual(new Set(["Open", "Target", "Partner"]));
    expect(campaigns.filter((c) => c.Status === "Draft")).toHaveLength(1);
    expect(
      campaigns.every((c) => ["Live", "Recruiting", "Draft", "Wrapped"].includes(String(c.Status))),
    ).toBe(true);
    expect(campaigns.every((c) => /^[a-z]+@example\.com$/.test(String(c.Owner)))).toBe(true);
    expect(creators.length).toBeGreaterThanOrEqual(35);
    expect(creators.length).toBeLessThanOrEqual(50);
    expect(creators.some((c) => c["LIVE capable"] === "Yes")).toBe(true);
    expect(creators.some((c) => c["LIVE capable"] === "No")).toBe(true);
    const pooled = creators.filter((c) => c.Pool !== "").length;
    expect(pooled).toBeGreaterThan(0);
    expect(pooled).toBeLessThan(creators.length / 3);
    expect(collabs.length).toBeGreaterThanOrEqual(100);
    expect(new Set(auths.map((a) => a["Duration days"]))).toEqual(new Set([7, 30, 60, 365]));
    expect(products.filter((p) => p["Open rate"] === "").length).toBeGreaterThan(0);
  });

  it("keeps keys unique and every reference resolvable", () => {
    expectValidReferences(workbook);
    expect(collabs.every((c) => /^K-\d{4}$/.test(String(c["Collab ID"])))).toBe(true);
    expect(samples.every((s) => /^S-\d{4}$/.test(String(s["Sample ID"])))).toBe(true);
    expect(auths.every((a) => /^A-\d{4}$/.test(String(a["Auth ID"])))).toBe(true);
    expect(campaigns.every((c) => /^C-\d{3}$/.test(String(c["Campaign ID"])))).toBe(true);
  });

  it("keeps each collaboration's dates in order and nothing recorded in the future", () => {
    const problems: string[] = [];
    const campaignById = byKey(campaigns, "Campaign ID");
    const day = (value: unknown): number | undefined =>
      value instanceof Date ? daysFromToday(value) : undefined;
    for (const c of collabs) {
      const chain = ["Invited", "Accepted", "Submitted", "Approved", "Posted"]
        .map((header) => day(c[header]))
        .filter((d): d is number => d !== undefined);
      if (chain.some((d, i) => i > 0 && d < (chain[i - 1] as number)))
        problems.push(`${c["Collab ID"]} order`);
      for (const header of [
        "Invited",
        "Accepted",
        "Submitted",
        "Approved",
        "Posted",
        "First sale",
        "Fee paid",
      ]) {
        if ((day(c[header]) ?? -1) > 0) problems.push(`${c["Collab ID"]} ${header} in the future`);
      }
      const posted = day(c.Posted);
      const campaign = campaignById.get(c["Campaign ID"]);
      if (posted !== undefined && campaign) {
        if (posted < daysFromToday(campaign.Start) || posted > daysFromToday(campaign.End)) {
          problems.push(`${c["Collab ID"]} posted outside the window`);
        }
        if (c["Link kept"] === "") problems.push(`${c["Collab ID"]} posted without Link kept`);
      }
      const fee = day(c["Fee paid"]);
      const approved = day(c.Approved);
      if (fee !== undefined && (approved === undefined || fee < approved))
        problems.push(`${c["Collab ID"]} fee`);
    }
    const collabById = byKey(collabs, "Collab ID");
    for (const s of samples) {
      const shipped = day(s.Shipped);
      const delivered = day(s.Delivered);
      if (delivered !== undefined && (shipped === undefined || delivered < shipped))
        problems.push(`${s["Sample ID"]}`);
      const collab = collabById.get(s["Collab ID"]);
      if (shipped !== undefined && collab && shipped < (day(collab.Accepted) ?? Infinity)) {
        problems.push(`${s["Sample ID"]} shipped before acceptance`);
      }
      if (s["First sale"] instanceof Date && collab) {
        expect(daysFromToday(s["First sale"])).toBe(daysFromToday(collab["First sale"]));
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every sample policy and every sample state", () => {
    expect(new Set(samples.map((s) => s.Policy))).toEqual(
      new Set(["No sample", "Free sample", "Refund after first sale"]),
    );
    const states = new Set(samples.map(sampleState));
    for (const state of [
      "Not shipped",
      "Shipped",
      "Delivered",
      "Awaiting first sale",
      "Refund due",
      "Refunded",
    ]) {
      expect(states.has(state), state).toBe(true);
    }
    // The shipping states show under both paying policies.
    for (const policy of ["Free sample", "Refund after first sale"]) {
      const mine = new Set(samples.filter((s) => s.Policy === policy).map(sampleState));
      expect(mine.has("Not shipped") && mine.has("Shipped"), policy).toBe(true);
    }
    for (const [state, id] of Object.entries(DEMO_SCENARIOS.sampleStates)) {
      expect(sampleState(find(samples, "Sample ID", id)), id).toBe(state);
    }
  });

  it("has Settings with the documented defaults and two manager emails", () => {
    const settings = new Map((workbook.tabs.Settings ?? []).slice(1).map(([key, value]) => [key, value]));
    expect(Object.fromEntries(settings)).toEqual({
      "Alert lead days": 7,
      "Nudge days": 5,
      "Review days": 3,
      "Digest hour": 8,
      "Manager emails": "ops-lead@example.com, finance@example.com",
      Currency: "USD",
      "Horizon days": 30,
      "Priority min GMV": 1000,
      "Priority max effective commission": 0.25,
      "Test more below collaborations": 2,
    });
  });

  it("puts the HTML tag and the formula-like text where the scenarios say", () => {
    const creator = find(creators, "Creator", DEMO_SCENARIOS.htmlInjection);
    expect(String(creator.Category)).toContain("<img src=x onerror=alert(1)>");
    expect(collabs.some((c) => c.Creator === DEMO_SCENARIOS.htmlInjection)).toBe(true);
    const formula = find(collabs, "Collab ID", DEMO_SCENARIOS.formulaText);
    expect(formula["Post URL"]).toBe(FORMULA_TEXT_POST_URL);
    expect(String(formula["Post URL"]).startsWith("'=HYPERLINK(")).toBe(true);
    // No other cell starts like a formula (handles start with "@" by nature; that is data).
    const formulaLike = Object.values(workbook.tabs)
      .flat(2)
      .filter((cell) => typeof cell === "string" && /^['=+-]/.test(cell));
    expect(formulaLike).toEqual([FORMULA_TEXT_POST_URL]);
    const emails = [...creators.map((c) => c.Email), ...campaigns.map((c) => c.Owner)];
    expect(emails.every((email) => String(email).endsWith("@example.com"))).toBe(true);
  });
});

function checkScenarios(workbook: DemoWorkbook, today: Date, timeZone: string): void {
  const days = (value: unknown) => daysFromToday(value, today, timeZone);
  const products = rows(workbook, "Products");
  const campaigns = rows(workbook, "Campaigns");
  const creators = rows(workbook, "Creators");
  const collabs = rows(workbook, "Collaborations");
  const auths = rows(workbook, "Authorizations");
  const campaign = (id: string) => find(campaigns, "Campaign ID", id);
  const collab = (id: string) => find(collabs, "Collab ID", id);
  const auth = (id: string) => find(auths, "Auth ID", id);

  // Target rate below the Open plan rate of the same product.
  const below = DEMO_SCENARIOS.targetRateBelowOpen;
  const product = find(products, "SKU", below.sku);
  const target = campaign(below.campaign);
  expect(target.Lane).toBe("Target");
  expect(list(target.SKUs)).toContain(below.sku);
  expect(typeof product["Open rate"]).toBe("number");
  expect(target["Commission rate"] as number).toBeLessThan(product["Open rate"] as number);

  // Flash sale: Event spike, inside the window, starting within 3 days, inventory reserved.
  const flash = campaign(DEMO_SCENARIOS.flashSale);
  expect(flash.Objective).toBe("Event spike");
  const flashStart = days(flash["Flash sale start"]);
  const flashEnd = days(flash["Flash sale end"]);
  expect(flashStart).toBeGreaterThanOrEqual(0);
  expect(flashStart).toBeLessThanOrEqual(3);
  expect(flashStart).toBeGreaterThanOrEqual(days(flash.Start));
  expect(flashEnd).toBeGreaterThanOrEqual(flashStart);
  expect(flashEnd).toBeLessThanOrEqual(days(flash.End));
  expect(Number(flash["Reserved inventory"])).toBeGreaterThan(0);
  expect(flash["Flash sale price"] as number).toBeGreaterThan(0);
  const notLive = collab(DEMO_SCENARIOS.flashSaleCreatorNotLive);
  expect(notLive["Campaign ID"]).toBe(DEMO_SCENARIOS.flashSale);
  expect(find(creators, "Creator", String(notLive.Creator))["LIVE capable"]).toBe("No");
  expect(notLive.Cancelled).toBe("No");

  // Authorizations: one expired (granted 40 days ago, 30 days), one expiring within 5 days.
  const expired = auth(DEMO_SCENARIOS.expiredAuthorization);
  expect(days(expired.Granted)).toBe(-40);
  expect(expired["Duration days"]).toBe(30);
  const expiring = auth(DEMO_SCENARIOS.expiringAuthorization);
  const expiresIn = days(expiring.Granted) + (expiring["Duration days"] as number);
  expect(expiresIn).toBeGreaterThan(0);
  expect(expiresIn).toBeLessThanOrEqual(5);
  expect(days(campaign(String(collab(String(expiring["Collab ID"]))["Campaign ID"])).End)).toBeGreaterThan(5);

  // Removed link on an authorized post.
  const removed = collab(DEMO_SCENARIOS.removedLink);
  expect(removed["Link kept"]).toBe("No");
  expect(removed.Posted).toBeInstanceOf(Date);
  expect(auth(DEMO_SCENARIOS.removedLinkAuthorization)["Collab ID"]).toBe(DEMO_SCENARIOS.removedLink);
  expect(days(auth(DEMO_SCENARIOS.removedLinkAuthorization).Granted) + 60).toBeGreaterThan(5);

  // Overdue flat fee: accepted, due 3 days ago, nothing submitted.
  const overdue = collab(DEMO_SCENARIOS.overdueFlatFee);
  expect(campaign(String(overdue["Campaign ID"]))["Payment model"]).toBe("Flat fee + commission");
  expect(overdue.Accepted).toBeInstanceOf(Date);
  expect(days(overdue["Content due"])).toBe(-3);
  expect([overdue.Submitted, overdue.Approved, overdue.Posted, overdue.Cancelled]).toEqual([
    "",
    "",
    "",
    "No",
  ]);

  // Approved but unpaid flat fee.
  const unpaid = collab(DEMO_SCENARIOS.approvedUnpaidFee);
  expect(campaign(String(unpaid["Campaign ID"]))["Payment model"]).toBe("Flat fee + commission");
  expect(days(unpaid.Approved)).toBeLessThan(0);
  expect(unpaid["Fee paid"]).toBe("");

  // In review longer than 3 days.
  const review = collab(DEMO_SCENARIOS.inReviewTooLong);
  expect(days(review.Submitted)).toBeLessThan(-3);
  expect(review.Approved).toBe("");

  // One campaign ends within 5 days, and it is the only one.
  const ending = campaigns.filter((c) => days(c.End) >= 0 && days(c.End) <= 5);
  expect(ending.map((c) => c["Campaign ID"])).toEqual([DEMO_SCENARIOS.campaignEndingSoon]);

  // Reserved inventory across campaigns exceeds stock, even counting only single-SKU campaigns.
  const sku = DEMO_SCENARIOS.overReservedProduct;
  const reserving = campaigns.filter(
    (c) =>
      list(c.SKUs).includes(sku) && /^\d+$/.test(String(c["Reserved inventory"])) && c.Status !== "Draft",
  );
  expect(reserving.length).toBeGreaterThan(1);
  expect(reserving.every((c) => list(c.SKUs).length === 1)).toBe(true);
  const reserved = reserving.reduce((sum, c) => sum + Number(c["Reserved inventory"]), 0);
  expect(reserved).toBeGreaterThan(find(products, "SKU", sku)["Stock on hand"] as number);

  expect(campaign(DEMO_SCENARIOS.draftCampaign).Status).toBe("Draft");
}

describe("demo scenarios", () => {
  it.each([
    [TODAY, ZONE, undefined],
    [TODAY, "Pacific/Auckland", 1],
    // Today on a DST change in each zone.
    [new Date("2026-03-08T12:00:00Z"), "America/Los_Angeles", 7],
    [new Date("2026-04-05T01:00:00Z"), "Pacific/Auckland", 42],
    [new Date("2026-12-31T23:59:00Z"), "UTC", 123_456],
  ])("hold for today %s in %s with seed %s", (today, timeZone, seed) => {
    const workbook = demoWorkbook(seed === undefined ? { today, timeZone } : { today, timeZone, seed });
    checkScenarios(workbook, today, timeZone);
    expectValidReferences(workbook);
  });

  it("is the same for the same seed and today, and differs for another seed", () => {
    const a = demoWorkbook({ today: TODAY, timeZone: ZONE, seed: 5 });
    const b = demoWorkbook({ today: TODAY, timeZone: ZONE, seed: 5 });
    const c = demoWorkbook({ today: TODAY, timeZone: ZONE, seed: 6 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it.each(["Pacific/Auckland", "America/Los_Angeles"])(
    "writes every date at local midnight in %s",
    (timeZone) => {
      for (const today of [TODAY, new Date("2026-03-08T12:00:00Z"), new Date("2026-04-05T01:00:00Z")]) {
        const workbook = demoWorkbook({ today, timeZone });
        const dates = Object.values(workbook.tabs)
          .flat(2)
          .filter((cell): cell is Date => cell instanceof Date);
        expect(dates.length).toBeGreaterThan(300);
        const notMidnight = dates.filter((date) => {
          const p = wallClock(date, timeZone);
          return p.hour !== 0 || p.minute !== 0 || p.second !== 0 || date.getUTCMilliseconds() !== 0;
        });
        expect(notMidnight).toEqual([]);
        // And each is the calendar day it stands for: the overdue fee was due 3 days ago there.
        const due = find(rows(workbook, "Collaborations"), "Collab ID", DEMO_SCENARIOS.overdueFlatFee)[
          "Content due"
        ];
        expect(daysFromToday(due, today, timeZone)).toBe(-3);
      }
    },
  );

  it("hands out a fresh Date per cell, so one edit cannot move other cells", () => {
    const workbook = demoWorkbook({ today: TODAY, timeZone: ZONE });
    const dates = Object.values(workbook.tabs)
      .flat(2)
      .filter((cell): cell is Date => cell instanceof Date);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe("scaled workbook", () => {
  it("builds 10,000 collaborations with proportional tabs and valid references", () => {
    const workbook = scaledWorkbook({ today: TODAY, timeZone: ZONE, collaborations: 10_000 });
    const count = (tab: string) => (workbook.tabs[tab]?.length ?? 1) - 1;
    expect(count("Collaborations")).toBe(10_000);
    expect(count("Creators")).toBeGreaterThan(3000);
    expect(count("Creators")).toBeLessThan(3700);
    expect(count("Samples")).toBeGreaterThan(4500);
    expect(count("Samples")).toBeLessThanOrEqual(5000);
    expect(count("Authorizations")).toBeGreaterThan(3000);
    expect(count("Authorizations")).toBeLessThanOrEqual(3334);
    expect(count("Campaigns")).toBe(53);
    expect(count("Products")).toBe(40);
    expectValidReferences(workbook);
    // Flash sales and amplification stay inside their campaign's window.
    for (const campaign of rows(workbook, "Campaigns")) {
      const start = daysFromToday(campaign.Start);
      const end = daysFromToday(campaign.End);
      for (const header of [
        "Flash sale start",
        "Flash sale end",
        "Amplification start",
        "Amplification end",
      ]) {
        if (campaign[header] === "") continue;
        const day = daysFromToday(campaign[header]);
        expect(day >= start && day <= end, `${String(campaign["Campaign ID"])} ${header}`).toBe(true);
      }
    }
    for (const tab of TABS) {
      if (tab.generated) continue;
      expect(workbook.tabs[tab.name]?.[0]).toEqual(tab.columns.filter((c) => !c.owned).map((c) => c.header));
    }
  });

  it("scales down to 100 with at least 3 campaigns and is deterministic", () => {
    const a = scaledWorkbook({ today: TODAY, timeZone: ZONE, collaborations: 100, seed: 3 });
    const b = scaledWorkbook({ today: TODAY, timeZone: ZONE, collaborations: 100, seed: 3 });
    expect(a).toEqual(b);
    expect((a.tabs.Collaborations?.length ?? 0) - 1).toBe(100);
    expect((a.tabs.Campaigns?.length ?? 0) - 1).toBe(3);
    expectValidReferences(a);
  });
});

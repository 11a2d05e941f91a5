/**
 * Partner rates through build/Code.js on the emulator: once a Partner campaign is submitted
 * (Status past Draft) the sidebar's save refuses a change of its Commission rate or Ads rate,
 * or a lane or status change that would free them, and writes nothing; a Draft Partner
 * campaign still takes new rates and is submitted with them.
 */
import { describe, expect, it } from "vitest";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const partner = {
  campaignId: "P-001",
  name: "Agency push",
  objective: "Organic test",
  lane: "Partner",
  skus: ["SKU-1"],
  start: "2026-12-01",
  end: "2026-12-31",
  contentTypes: ["Short video"],
  paymentModel: "Commission only",
  commissionRate: 0.2,
  samplePolicy: "No sample",
  liveRequired: false,
  amplification: "Shop Ads",
  amplificationStart: "2026-12-05",
  amplificationEnd: "2026-12-20",
  adsRate: 0.1,
  ownerEmail: "maya@example.com",
  status: "Draft",
};

type Brief = typeof partner;
type Reply = { ok: boolean; errors?: { field?: string; message: string }[] };

function workbook(): LoadedBundle {
  const bundle = loadBundle({ timeZone: "Pacific/Auckland", now: new Date("2026-11-20T20:00:00Z") });
  bundle.call("setUpWorkbookFromMenu");
  bundle.emulator.seed("Products", [["SKU-1", "Glow serum", 30, 500, 0.1, 0.05]], { startRow: 2 });
  return bundle;
}

/** The campaign's cells by header. */
function campaign(bundle: LoadedBundle, id = "P-001"): Record<string, unknown> {
  const [header = [], ...rows] = bundle.emulator.values("Campaigns");
  const row = rows.find((cells) => cells[0] === id) ?? [];
  return Object.fromEntries(header.map((name, index) => [String(name), row[index]]));
}

/** Saves an edit of `loaded` as the sidebar does, and what it wrote. */
function saveEdit(bundle: LoadedBundle, loaded: Brief, typed: Partial<Brief>) {
  const before = bundle.emulator.values("Campaigns");
  bundle.emulator.calls.reset();
  const reply = bundle.call("sidebarSaveBrief", { ...loaded, ...typed }, false, loaded) as Reply;
  const written = bundle.emulator.calls.cells().written;
  return {
    reply,
    written,
    unchanged: JSON.stringify(bundle.emulator.values("Campaigns")) === JSON.stringify(before),
  };
}

/** A workbook whose Partner campaign P-001 was submitted: Recruiting at 20% and 10%. */
function submitted(): { bundle: LoadedBundle; loaded: Brief } {
  const bundle = workbook();
  bundle.call("sidebarSaveBrief", partner, true);
  const loaded = { ...partner, status: "Recruiting" };
  expect(saveEdit(bundle, partner, { status: "Recruiting" }).reply.ok).toBe(true);
  return { bundle, loaded };
}

describe("a submitted Partner campaign's rates", () => {
  it("are refused with a field error and nothing written, the rest of the edit included", () => {
    const { bundle, loaded } = submitted();
    const { reply, written, unchanged } = saveEdit(bundle, loaded, {
      commissionRate: 0.25,
      adsRate: 0.12,
      name: "Agency push, renamed",
    });
    expect(reply.ok).toBe(false);
    expect(reply.errors).toEqual([
      {
        field: "commissionRate",
        message:
          "Partner rates are fixed once the campaign is submitted (Status Recruiting): the agency or platform sets them.",
      },
      {
        field: "adsRate",
        message:
          "Partner rates are fixed once the campaign is submitted (Status Recruiting): the agency or platform sets them.",
      },
    ]);
    expect(written).toBe(0);
    expect(bundle.emulator.calls.writeList()).toEqual([]);
    expect(unchanged).toBe(true);
    expect(campaign(bundle)).toMatchObject({ Name: "Agency push", "Commission rate": 0.2, "Ads rate": 0.1 });
  });

  it("refuses one rate alone too, at any status past Draft", () => {
    for (const status of ["Live", "Wrapped", "Cancelled"]) {
      const { bundle, loaded } = submitted();
      expect(saveEdit(bundle, loaded, { status }).reply.ok).toBe(true);
      const { reply, written } = saveEdit(bundle, { ...loaded, status }, { adsRate: 0.15 });
      expect(reply.errors?.map((issue) => issue.field)).toEqual(["adsRate"]);
      expect(reply.errors?.[0]?.message).toContain(`(Status ${status})`);
      expect(written).toBe(0);
      expect(campaign(bundle)["Ads rate"]).toBe(0.1);
    }
  });

  it("are judged on the row as it is now: a teammate's submit in the sheet fixes them", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", partner, true);
    const [header = []] = bundle.emulator.values("Campaigns");
    const status = header.indexOf("Status") + 1;
    bundle.emulator.uncounted(() =>
      bundle.emulator.spreadsheet.getSheetByName("Campaigns")?.getRange(2, status).setValue("Live"),
    );
    const { reply, written } = saveEdit(bundle, partner, { commissionRate: 0.3 });
    expect(reply.errors?.map((issue) => issue.field)).toEqual(["commissionRate"]);
    expect(written).toBe(0);
  });

  it("cannot be freed by leaving the Partner lane or going back to Draft", () => {
    const { bundle, loaded } = submitted();
    const away = saveEdit(bundle, loaded, { lane: "Open" });
    expect(away.reply.errors?.map((issue) => issue.field)).toEqual(["lane"]);
    expect(away.written).toBe(0);
    const back = saveEdit(bundle, loaded, { status: "Draft" });
    expect(back.reply.errors?.map((issue) => issue.field)).toEqual(["status"]);
    expect(back.reply.errors?.[0]?.message).toBe(
      "A submitted Partner campaign cannot go back to Draft (it is Recruiting): the agency or platform sets its rates, and Draft would let them change.",
    );
    expect(back.written).toBe(0);
    expect(campaign(bundle)).toMatchObject({ Lane: "Partner", Status: "Recruiting" });
  });

  it("leave every other field editable", () => {
    const { bundle, loaded } = submitted();
    const { reply, written } = saveEdit(bundle, loaded, { name: "Agency push II", status: "Live" });
    expect(reply.ok).toBe(true);
    expect(written).toBeGreaterThan(0);
    expect(campaign(bundle)).toMatchObject({
      Name: "Agency push II",
      Status: "Live",
      "Commission rate": 0.2,
    });
  });
});

describe("rates that stay the seller's", () => {
  it("a Draft Partner campaign takes new rates, and is submitted with new ones", () => {
    const bundle = workbook();
    bundle.call("sidebarSaveBrief", partner, true);
    expect(saveEdit(bundle, partner, { commissionRate: 0.22, adsRate: 0.11 }).reply.ok).toBe(true);
    expect(campaign(bundle)).toMatchObject({ "Commission rate": 0.22, "Ads rate": 0.11, Status: "Draft" });
    const draft = { ...partner, commissionRate: 0.22, adsRate: 0.11 };
    const submit = saveEdit(bundle, draft, { commissionRate: 0.18, adsRate: 0.09, status: "Recruiting" });
    expect(submit.reply.ok).toBe(true);
    expect(campaign(bundle)).toMatchObject({
      "Commission rate": 0.18,
      "Ads rate": 0.09,
      Status: "Recruiting",
    });
  });

  it("a new Partner brief is saved submitted with its rates", () => {
    const bundle = workbook();
    const reply = bundle.call("sidebarSaveBrief", { ...partner, status: "Recruiting" }, true) as Reply;
    expect(reply.ok).toBe(true);
    expect(campaign(bundle)).toMatchObject({ "Commission rate": 0.2, Status: "Recruiting" });
  });

  it("a submitted Open campaign changes its rates, and becomes Partner only with the rates it has", () => {
    const bundle = workbook();
    const open = { ...partner, lane: "Open", status: "Recruiting" };
    bundle.call("sidebarSaveBrief", open, true);
    expect(saveEdit(bundle, open, { commissionRate: 0.25 }).reply.ok).toBe(true);
    const loaded = { ...open, commissionRate: 0.25 };
    const sneaky = saveEdit(bundle, loaded, { lane: "Partner", commissionRate: 0.3 });
    expect(sneaky.reply.errors?.map((issue) => issue.field)).toEqual(["commissionRate"]);
    expect(sneaky.written).toBe(0);
    expect(saveEdit(bundle, loaded, { lane: "Partner" }).reply.ok).toBe(true);
    expect(campaign(bundle)).toMatchObject({ Lane: "Partner", "Commission rate": 0.25 });
  });
});

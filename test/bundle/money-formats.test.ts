/**
 * Currency and locale: every money column shows the Currency setting the way the spreadsheet's
 * locale writes it, re-applied on the next run when Currency changes, and never over a format
 * the team chose. Runs build/Code.js on the emulator.
 */
import { describe, expect, it } from "vitest";
import { formatMoney, moneyNumberFormat } from "../../src/domain/money";
import { demoWorkbook } from "../../src/local/demo/demo-workbook";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const timeZone = "Europe/Berlin";
const now = new Date("2026-11-25T08:00:00Z");

function workbook(locale: string, currency: string): LoadedBundle {
  const bundle = loadBundle({ timeZone, now, locale });
  const tabs = demoWorkbook({ today: now, timeZone }).tabs;
  for (const [name, rows] of Object.entries(tabs)) {
    const seeded =
      name === "Settings"
        ? rows.map((row) => (row[0] === "Currency" ? [row[0], currency, ...row.slice(2)] : row))
        : rows;
    bundle.emulator.seed(name, seeded);
  }
  return bundle;
}

function formatsOf(bundle: LoadedBundle, tab: string, header: string): string[] {
  const sheet = bundle.emulator.spreadsheet.getSheetByName(tab);
  if (!sheet) throw new Error(`no ${tab}`);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const column = headers.indexOf(header) + 1;
  expect(column, header).toBeGreaterThan(0);
  return sheet
    .getRange(2, column, sheet.getLastRow() - 1, 1)
    .getNumberFormats()
    .map((row) => row[0] ?? "");
}

function setCurrency(bundle: LoadedBundle, currency: string) {
  const sheet = bundle.emulator.spreadsheet.getSheetByName("Settings");
  const values = sheet?.getDataRange().getValues() ?? [];
  const row = values.findIndex((line) => line[0] === "Currency") + 1;
  sheet?.getRange(row, 2).setValue(currency);
}

const run = (bundle: LoadedBundle) => {
  bundle.emulator.calls.reset();
  bundle.call("refreshOperatingViewFromMenu");
  return bundle.emulator.calls.writeList();
};

describe("the money formatter", () => {
  it("writes amounts as the locale does, with the currency's own digits", () => {
    expect(formatMoney(1234.5, { currency: "EUR", locale: "de_DE" })).toBe("1.234,50 €");
    expect(formatMoney(1234.5, { currency: "BRL", locale: "pt_BR" })).toBe("R$ 1.234,50");
    expect(formatMoney(1234.5, { currency: "JPY", locale: "ja_JP" })).toMatch(/^[¥￥]1,235$/);
    expect(formatMoney(1234.5, { currency: "JPY", locale: "en_US" })).toBe("¥1,235");
    expect(formatMoney(-7.5, { currency: "USD", locale: "en_US" })).toBe("-$7.50");
  });

  it("gives the matching Sheets format: symbol where the locale puts it, the currency's decimals", () => {
    expect(moneyNumberFormat({ currency: "USD", locale: "en_US" })).toBe("$#,##0.00");
    expect(moneyNumberFormat({ currency: "EUR", locale: "de_DE" })).toBe("#,##0.00 €");
    expect(moneyNumberFormat({ currency: "BRL", locale: "pt_BR" })).toBe('"R$" #,##0.00');
    expect(moneyNumberFormat({ currency: "JPY", locale: "en_US" })).toBe("¥#,##0");
  });
});

describe("money columns in the spreadsheet's locale", () => {
  it("EUR in a German-locale spreadsheet: owned and team money columns read 1.234,50 €", () => {
    const bundle = workbook("de_DE", "EUR");
    bundle.call("setUpWorkbookFromMenu");
    run(bundle);
    const euro = "#,##0.00 €";
    expect(new Set(formatsOf(bundle, "Creators", "GMV total"))).toEqual(new Set([euro]));
    // The team's GMV and price columns had no format of their own: they take it too.
    expect(new Set(formatsOf(bundle, "Collaborations", "GMV"))).toEqual(new Set([euro]));
    expect(new Set(formatsOf(bundle, "Products", "Price"))).toEqual(new Set([euro]));
  });

  it("EUR in a German-locale spreadsheet: amounts in the Checks column read 104,00 €", () => {
    const bundle = workbook("de_DE", "EUR");
    bundle.call("setUpWorkbookFromMenu");
    run(bundle);
    const campaigns = bundle.emulator.spreadsheet.getSheetByName("Campaigns");
    const values = campaigns?.getDataRange().getValues() ?? [];
    const checks = (values[0] ?? []).indexOf("Checks");
    const budget = values
      .map((row) => String(row[checks]))
      .filter((text) => text.includes("Budget nearly used"));
    expect(budget).toEqual([expect.stringContaining("Budget nearly used: 104,00 € spent of 120,00 € (87%)")]);
  });

  it("BRL: R$ before the amount; and a team's own format is never overwritten", () => {
    const bundle = workbook("pt_BR", "BRL");
    const products = bundle.emulator.spreadsheet.getSheetByName("Products");
    const headers = products?.getRange(1, 1, 1, products.getLastColumn()).getValues()[0] ?? [];
    const price = headers.indexOf("Price") + 1;
    products?.getRange(2, price).setNumberFormat("0.0");
    bundle.call("setUpWorkbookFromMenu");
    run(bundle);
    const formats = formatsOf(bundle, "Products", "Price");
    expect(formats[0]).toBe("0.0");
    expect(new Set(formats.slice(1))).toEqual(new Set(['"R$" #,##0.00']));
  });

  it("JPY: no decimals; changing Currency re-applies the formats on the next run, once", () => {
    const bundle = workbook("en_US", "USD");
    bundle.call("setUpWorkbookFromMenu");
    run(bundle);
    expect(new Set(formatsOf(bundle, "Collaborations", "GMV"))).toEqual(new Set(["$#,##0.00"]));
    const steady = run(bundle);
    setCurrency(bundle, "JPY");
    const changed = run(bundle);
    const formatWrites = (writes: string[]) =>
      writes.filter((call) => call.startsWith("Range.setNumberFormat"));
    expect(formatWrites(changed).length).toBeGreaterThan(formatWrites(steady).length);
    expect(new Set(formatsOf(bundle, "Collaborations", "GMV"))).toEqual(new Set(["¥#,##0"]));
    expect(new Set(formatsOf(bundle, "Creators", "GMV total"))).toEqual(new Set(["¥#,##0"]));
    const gmv = bundle.emulator.spreadsheet.getSheetByName("Collaborations");
    const header = gmv?.getRange(1, 1, 1, gmv.getLastColumn()).getValues()[0] ?? [];
    const shown = gmv?.getRange(2, header.indexOf("GMV") + 1, gmv.getLastRow() - 1, 1).getDisplayValues();
    expect(
      shown
        ?.flat()
        .filter((text) => text !== "")
        .every((text) => /^¥[\d,]+$/.test(text)),
    ).toBe(true);
    // Nothing changed since: the next run writes only what any run writes (the Operations view).
    expect(run(bundle)).toEqual(steady);
  });
});

describe("a sort between reading a team column's formats and writing them", () => {
  it("never puts one row's format on another: the column waits, and the next run formats it", () => {
    const bundle = workbook("pt_BR", "BRL");
    const products = bundle.emulator.spreadsheet.getSheetByName("Products");
    if (!products) throw new Error("no Products");
    const headers = products.getRange(1, 1, 1, products.getLastColumn()).getValues()[0] ?? [];
    const price = headers.indexOf("Price") + 1;
    const sku = headers.indexOf("SKU") + 1;
    // The team's own format on one product's price.
    products.getRange(2, price).setNumberFormat("0.0");
    const teamSku = products.getRange(2, sku).getValue();
    bundle.call("setUpWorkbookFromMenu");
    const formatsBySku = () => {
      const rows = products.getLastRow() - 1;
      const skus = products.getRange(2, sku, rows, 1).getValues();
      const formats = products.getRange(2, price, rows, 1).getNumberFormats();
      return new Map(skus.map((row, index) => [row[0], formats[index]?.[0]]));
    };
    // Someone sorts Products by Price (highest first) right after the run read the formats.
    let sorted = false;
    const stop = bundle.emulator.hooks.afterCall((call) => {
      if (sorted || call.method !== "getNumberFormats" || call.sheet !== "Products") return;
      sorted = true;
      bundle.emulator.uncounted(() => products.sort(price, false));
    });
    run(bundle);
    stop();
    expect(sorted).toBe(true);
    expect(products.getRange(2, sku).getValue()).not.toBe(teamSku);
    const after = formatsBySku();
    expect(after.get(teamSku)).toBe("0.0");
    expect([...after.values()].filter((format) => format === "0.0")).toHaveLength(1);
    // A calm run formats the rest, still around the team's own format.
    run(bundle);
    const settled = formatsBySku();
    expect(settled.get(teamSku)).toBe("0.0");
    settled.delete(teamSku);
    expect(new Set(settled.values())).toEqual(new Set(['"R$" #,##0.00']));
  });
});

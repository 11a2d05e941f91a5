import { describe, expect, it } from "vitest";
import { type OwnedColumnPort, writeOwnedColumns } from "../../src/features/owned-writes";
import { createEmulator } from "../../src/local/index";
import { tabSchema } from "../../src/workbook/schema";
import { asTypedText, readTable } from "../../src/workbook/table";

const samples = tabSchema("Samples");
const header = ["Notes", "Sample ID", "Policy", "Sample status", "Alerts"];

/** A tab held as a plain grid; `onWrite` lets a test move rows between the writes of a run. */
function gridPort(grid: unknown[][], onWrite?: (grid: unknown[][], writes: number) => void) {
  let writes = 0;
  let reads = 0;
  const port: OwnedColumnPort = {
    read: () => {
      reads += 1;
      return grid.map((row) => [...row]);
    },
    readColumn: (_tab, column) => {
      reads += 1;
      return grid.map((row) => row[column - 1]);
    },
    writeColumn: (_tab, write) => {
      writes += 1;
      write.values.forEach((cells, index) => {
        const row = grid[index + 1];
        cells.forEach((value, offset) => {
          if (row)
            row[write.column - 1 + offset] = typeof value === "string" ? value.replace(/^'/, "") : value;
        });
      });
      onWrite?.(grid, writes);
    },
  };
  return { port, counts: () => ({ reads, writes }) };
}

const computed = new Map([
  ["S-1", { "Sample status": "Shipped", Alerts: "" }],
  ["S-2", { "Sample status": "Refund due", Alerts: "Medium: Refund the sample" }],
]);

describe("writeOwnedColumns", () => {
  it("writes adjacent owned columns in one write and never a team column", () => {
    const grid = [
      header,
      ["mine", "S-1", "Free sample", "", ""],
      ["also mine", "S-2", "Refund after first sale", "", ""],
    ];
    const { port, counts } = gridPort(grid);
    const result = writeOwnedColumns(
      port,
      samples,
      computed,
      grid.map((row) => [...row]),
    );
    expect(result).toEqual({ columnsWritten: 2, attempts: 1, unsettled: false });
    expect(counts()).toEqual({ reads: 1, writes: 1 });
    expect(grid[1]).toEqual(["mine", "S-1", "Free sample", "Shipped", ""]);
    expect(grid[2]).toEqual([
      "also mine",
      "S-2",
      "Refund after first sale",
      "Refund due",
      "Medium: Refund the sample",
    ]);
  });

  it("writes nothing when the values are already there", () => {
    const grid = [
      header,
      ["", "S-1", "", "Shipped", ""],
      ["", "S-2", "", "Refund due", "Medium: Refund the sample"],
    ];
    const { port, counts } = gridPort(grid);
    expect(
      writeOwnedColumns(
        port,
        samples,
        computed,
        grid.map((row) => [...row]),
      ).columnsWritten,
    ).toBe(0);
    expect(counts()).toEqual({ reads: 0, writes: 0 });
  });

  it("lands every value on its key's row when the team sorts the tab between two writes", () => {
    const grid = [header, ["a", "S-1", "", "", ""], ["b", "S-2", "", "", ""]];
    const { port } = gridPort(grid, (rows, writes) => {
      if (writes === 1) rows.splice(1, 2, rows[2] as unknown[], rows[1] as unknown[]);
    });
    const result = writeOwnedColumns(
      port,
      samples,
      computed,
      grid.map((row) => [...row]),
    );
    expect(result.attempts).toBe(2);
    const table = readTable(samples, grid);
    const byKey = new Map(table.rows.map((row) => [row.key, row]));
    expect(byKey.get("S-1")?.get("Sample status")).toBe("Shipped");
    expect(byKey.get("S-1")?.get("Notes")).toBe("a");
    expect(byKey.get("S-2")?.get("Sample status")).toBe("Refund due");
    expect(byKey.get("S-2")?.get("Alerts")).toBe("Medium: Refund the sample");
  });

  it("writes owned columns the team separated as separate runs", () => {
    const grid = [
      ["Alerts", "Sample ID", "Notes", "Sample status"],
      ["", "S-2", "mine", ""],
    ];
    const { port, counts } = gridPort(grid);
    expect(
      writeOwnedColumns(
        port,
        samples,
        computed,
        grid.map((row) => [...row]),
      ).columnsWritten,
    ).toBe(2);
    expect(counts()).toEqual({ reads: 2, writes: 2 });
    expect(grid[1]).toEqual(["Medium: Refund the sample", "S-2", "mine", "Refund due"]);
  });

  it("keeps a row added during the run and empties owned cells of keyless rows", () => {
    const grid = [
      header,
      ["", "S-9", "", "kept", ""],
      ["typing", "", "", "stale", ""],
      ["", "S-1", "", "", ""],
    ];
    const { port } = gridPort(grid);
    writeOwnedColumns(
      port,
      samples,
      computed,
      grid.map((row) => [...row]),
    );
    expect(grid[1]?.[3]).toBe("kept");
    expect(grid[2]).toEqual(["typing", "", "", "", ""]);
    expect(grid[3]?.[3]).toBe("Shipped");
  });

  it("gives up after three attempts when rows keep moving, and says so", () => {
    const grid = [header, ["", "S-1", "", "", ""], ["", "S-2", "", "", ""]];
    const { port } = gridPort(grid, (rows) => {
      rows.splice(1, 2, rows[2] as unknown[], rows[1] as unknown[]);
      (rows[1] as unknown[])[3] = "";
    });
    expect(
      writeOwnedColumns(
        port,
        samples,
        computed,
        grid.map((row) => [...row]),
      ),
    ).toMatchObject({ attempts: 3, unsettled: true });
  });
});

describe("asTypedText", () => {
  it("stores text that Sheets would read as a formula, number, date or flag as text", () => {
    expect(asTypedText("=IMPORTXML(1)")).toBe("'=IMPORTXML(1)");
    expect(asTypedText("+1")).toBe("'+1");
    expect(asTypedText("-x")).toBe("'-x");
    expect(asTypedText("@me")).toBe("'@me");
    expect(asTypedText("0012")).toBe("'0012");
    expect(asTypedText("Nov 25")).toBe("'Nov 25");
    expect(asTypedText("TRUE")).toBe("'TRUE");
    expect(asTypedText("'quoted'")).toBe("''quoted'");
    // Values that are not text are written as they are; an empty string clears the cell.
    expect(asTypedText(-3)).toBe(-3);
    expect(asTypedText("")).toBe("");
  });

  it("keeps such text as typed when the emulator stores it, as Sheets does", () => {
    const emulator = createEmulator();
    const sheet = emulator.spreadsheet.insertSheet("T");
    const texts = ["0012", "2026-01-05", "TRUE", "15%", "'quoted", "=1+1", "Nov 25"];
    sheet.getRange(1, 1, 1, texts.length).setValues([texts.map(asTypedText)]);
    expect(sheet.getRange(1, 1, 1, texts.length).getValues()).toEqual([texts]);
    expect(sheet.getRange(1, 6).getFormula()).toBe("");
  });
});

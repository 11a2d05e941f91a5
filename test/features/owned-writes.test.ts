import { describe, expect, it } from "vitest";
import { type OwnedColumnPort, planOwnedWrites, writeOwnedColumns } from "../../src/features/owned-writes";
import { createEmulator } from "../../src/local/index";
import { tabSchema } from "../../src/workbook/schema";
import { asTypedText, readTable } from "../../src/workbook/table";

const samples = tabSchema("Samples");
const header = ["Notes", "Sample ID", "Policy", "Sample status", "Alerts"];

/**
 * A tab held as a plain grid. `between(grid, call)` lets a test change the tab after any call of
 * the port, as a person would between two service calls.
 */
function gridPort(grid: unknown[][], between?: (grid: unknown[][], call: number) => void) {
  const log: string[] = [];
  const after = (name: string) => {
    log.push(name);
    between?.(grid, log.length);
  };
  const port: OwnedColumnPort = {
    readHeader: () => {
      const header = [...(grid[0] ?? [])];
      after("readHeader");
      return header;
    },
    readKeys: (_tab, column) => {
      const keys = grid.slice(1).map((row) => row[column - 1]);
      after("readKeys");
      return keys;
    },
    readBox: (_tab, column, numColumns, numRows) => {
      const box = grid.slice(0, numRows).map((row) => row.slice(column - 1, column - 1 + numColumns));
      after("readBox");
      return box;
    },
    prepare: (_tab, block) => {
      after("prepare");
      return {
        write: () => {
          block.values.forEach((cells, index) => {
            const row = grid[block.row - 1 + index];
            cells.forEach((value, offset) => {
              if (row)
                row[block.column - 1 + offset] = typeof value === "string" ? value.replace(/^'/, "") : value;
            });
          });
          after("write");
        },
      };
    },
  };
  return { port, log };
}

const computed = new Map([
  ["S-1", { "Sample status": "Shipped", Alerts: "" }],
  ["S-2", { "Sample status": "Refund due", Alerts: "Medium: Refund the sample" }],
]);
const owned = ["Sample status", "Alerts"];

function write(grid: unknown[][], between?: (grid: unknown[][], call: number) => void) {
  const { port, log } = gridPort(grid, between);
  const plan = planOwnedWrites(
    samples,
    grid.map((row) => [...row]),
    computed,
    owned,
  );
  return { result: writeOwnedColumns(port, samples, plan), log };
}

describe("writeOwnedColumns", () => {
  it("writes adjacent owned columns in one write, confirmed right before it, and never a team column", () => {
    const grid = [
      [...header],
      ["mine", "S-1", "Free sample", "", ""],
      ["also mine", "S-2", "Refund after first sale", "", ""],
    ];
    const { result, log } = write(grid);
    expect(result).toMatchObject({ blocksWritten: 1, cellsWritten: 4, moves: 0, unsettled: false });
    expect(log).toEqual(["prepare", "readBox", "write"]);
    expect(grid[1]).toEqual(["mine", "S-1", "Free sample", "Shipped", ""]);
    expect(grid[2]).toEqual([
      "also mine",
      "S-2",
      "Refund after first sale",
      "Refund due",
      "Medium: Refund the sample",
    ]);
  });

  it("writes nothing, and reads nothing, when the values are already there", () => {
    const grid = [
      [...header],
      ["", "S-1", "", "Shipped", ""],
      ["", "S-2", "", "Refund due", "Medium: Refund the sample"],
    ];
    const { result, log } = write(grid);
    expect(result.blocksWritten).toBe(0);
    expect(log).toEqual([]);
  });

  it("writes only the rows between the first and the last changed one", () => {
    const many = new Map(
      Array.from({ length: 6 }, (_, index) => [`S-${index}`, { "Sample status": "Shipped", Alerts: "" }]),
    );
    many.set("S-2", { "Sample status": "Delivered", Alerts: "" });
    many.set("S-3", { "Sample status": "Delivered", Alerts: "" });
    const grid = [
      [...header],
      ...Array.from({ length: 6 }, (_, index) => ["", `S-${index}`, "", "Shipped", ""]),
    ];
    const { port } = gridPort(grid);
    const result = writeOwnedColumns(
      port,
      samples,
      planOwnedWrites(
        samples,
        grid.map((row) => [...row]),
        many,
        owned,
      ),
    );
    expect(result).toMatchObject({ blocksWritten: 1, cellsWritten: 2 });
    expect(grid.map((row) => row[3])).toEqual([
      "Sample status",
      "Shipped",
      "Shipped",
      "Delivered",
      "Delivered",
      "Shipped",
      "Shipped",
    ]);
  });

  for (const [name, edit] of [
    ["a sort", (rows: unknown[][]) => rows.splice(1, 2, rows[2] as unknown[], rows[1] as unknown[])],
    [
      "a column inserted left of the key",
      (rows: unknown[][]) => {
        for (const [index, row] of rows.entries()) row.unshift(index === 0 ? "Region" : "EU");
      },
    ],
    [
      "a column inserted between the key and the owned columns",
      (rows: unknown[][]) => {
        for (const [index, row] of rows.entries()) row.splice(2, 0, index === 0 ? "Memo" : "keep");
      },
    ],
    [
      "a team column deleted",
      (rows: unknown[][]) => {
        for (const row of rows) row.splice(0, 1);
      },
    ],
    [
      "a row typed at the top",
      (rows: unknown[][]) => rows.splice(1, 0, ["typed", "S-9", "", "team wrote", "here"]),
    ],
  ] as const) {
    // Between any two calls but the last confirming read and its write (no API closes that gap).
    for (const at of [1]) {
      it(`places every value by header and key after ${name} (after call ${at})`, () => {
        const grid = [[...header], ["a", "S-1", "", "", ""], ["b", "S-2", "", "", ""]];
        let done = false;
        const { result } = write(grid, (rows, call) => {
          if (done || call !== at) return;
          done = true;
          edit(rows);
        });
        expect(result.unsettled).toBe(false);
        const table = readTable(samples, grid);
        const byKey = new Map(table.rows.map((row) => [row.key, row]));
        expect(byKey.get("S-1")?.get("Sample status")).toBe("Shipped");
        expect(byKey.get("S-2")?.get("Sample status")).toBe("Refund due");
        expect(byKey.get("S-2")?.get("Alerts")).toBe("Medium: Refund the sample");
        if ((grid[0] ?? []).includes("Notes")) expect(byKey.get("S-2")?.get("Notes")).toBe("b");
        // Team cells are untouched: every non-owned header keeps its values.
        for (const column of ["Region", "Memo"]) {
          const position = (grid[0] ?? []).indexOf(column);
          if (position >= 0)
            expect(
              grid
                .slice(1)
                .map((row) => row[position])
                .filter((cell) => cell !== "EU" && cell !== "keep"),
            ).toEqual([]);
        }
        if (byKey.has("S-9")) expect(byKey.get("S-9")?.get("Sample status")).toBe("team wrote");
      });
    }
  }

  it("writes owned columns the team separated as separate blocks", () => {
    const grid = [
      ["Alerts", "Sample ID", "Notes", "Sample status"],
      ["", "S-2", "mine", ""],
    ];
    const { result } = write(grid);
    expect(result.blocksWritten).toBe(2);
    expect(grid[1]).toEqual(["Medium: Refund the sample", "S-2", "mine", "Refund due"]);
  });

  it("keeps a row not computed and empties owned cells of keyless rows", () => {
    const grid = [
      [...header],
      ["", "S-9", "", "kept", ""],
      ["typing", "", "", "stale", ""],
      ["", "S-1", "", "", ""],
    ];
    write(grid);
    expect(grid[1]?.[3]).toBe("kept");
    expect(grid[2]).toEqual(["typing", "", "", "", ""]);
    expect(grid[3]?.[3]).toBe("Shipped");
  });

  it("skips a column deleted during the run and says so", () => {
    const grid = [[...header], ["", "S-1", "", "", ""], ["", "S-2", "", "", ""]];
    const { result } = write(grid, (rows, call) => {
      if (call === 1) for (const row of rows) row.splice(3, 2);
    });
    expect(result.skippedHeaders).toEqual(["Sample status", "Alerts"]);
    expect(grid.every((row) => row.length === 3)).toBe(true);
  });

  it("gives up after three placements when the tab keeps moving, and says so", () => {
    const grid = [[...header], ["", "S-1", "", "", ""], ["", "S-2", "", "", ""]];
    const { result } = write(grid, (rows, call) => {
      if (call % 2 === 1) rows.splice(1, 2, rows[2] as unknown[], rows[1] as unknown[]);
    });
    expect(result).toMatchObject({ moves: 3, unsettled: true, blocksWritten: 0 });
    expect(grid.slice(1).map((row) => row[3])).toEqual(["", ""]);
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

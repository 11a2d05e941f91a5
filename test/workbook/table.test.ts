import { describe, expect, it } from "vitest";
import { tabSchema } from "../../src/workbook/schema";
import { readTable } from "../../src/workbook/table";

describe("a tab read as a table", () => {
  const grid = [
    ["Campaign ID", "Name"],
    ["C-1", "First"],
    ["c-1", "Same ID, another key text"],
    ["", "Not a record yet"],
    ["c-1 ", "The same key text once trimmed"],
    ["C-2", "Second"],
    ["c-1", "Again"],
  ];
  const table = readTable(tabSchema("Campaigns"), grid);

  it("skips rows without a key, and finds cells by header", () => {
    expect(table.rows.map((row) => [row.sheetRow, row.key, row.get("name")])).toEqual([
      [2, "C-1", "First"],
      [3, "c-1", "Same ID, another key text"],
      [5, "c-1", "The same key text once trimmed"],
      [6, "C-2", "Second"],
      [7, "c-1", "Again"],
    ]);
  });

  it("points every row repeating an ID at the ID's first row", () => {
    expect(table.rows.map((row) => row.firstOfId.sheetRow)).toEqual([2, 2, 2, 6, 2]);
    expect([...table.firstRows].map(([id, row]) => [id, row.sheetRow])).toEqual([
      ["c-1", 2],
      ["c-2", 6],
    ]);
  });

  it("gives rows with the same key text one slot (they share owned values and alerts)", () => {
    expect(table.rows.map((row) => [row.index, row.slot])).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 3],
      [4, 1],
    ]);
  });
});

/**
 * Setup on random existing workbooks (tabs of the contract's names with headers renamed,
 * reordered, missing or added, data rows, notes, colours, frozen rows), run 1 to 3 times
 * through the built bundle: every original cell is found under the same tab, header and row,
 * with its value, note, colour and format; every contract header exists; later runs write nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headerKey, TABS } from "../../src/workbook/schema";
import { loadBundle } from "../support/bundle";

const contractTabs = TABS.filter((tab) => tab.columns.length > 0);

const headerVariant = (header: string) =>
  fc.constantFrom(
    header,
    header.toUpperCase(),
    header.toLowerCase(),
    `  ${header} `,
    // Inner runs of spaces and non-breaking spaces (pasted from elsewhere) are one space.
    header.replace(/ /g, "  "),
    header.replace(/ /g, "\u00a0"),
    `\u00a0${header.replace(/ /g, " \u00a0")}`,
  );

const userHeader = fc.constantFrom("Notes", "Region", "My score", "Agency", "Creator handle", "sku code", "");

const cellValue = fc.oneof(
  fc.string({ maxLength: 12 }).map((text) => text.replace(/^[=+\-@']/, "x")),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
  fc.constant(""),
);

const existingTab = fc
  .record({
    tab: fc.constantFrom(...contractTabs),
    keep: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    extra: fc.array(userHeader, { maxLength: 3 }),
    rows: fc.integer({ min: 0, max: 5 }),
    frozen: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer(),
    title: fc.option(fc.constantFrom("Spring campaigns", "Team sheet – do not sort"), { freq: 4 }),
  })
  .chain(({ tab, keep, extra, rows, frozen, seed, title }) => {
    const kept = tab.columns.filter((_, index) => keep[index]).map((column) => column.header);
    return fc
      .record({
        headers: fc.tuple(...kept.map(headerVariant), ...extra.map((header) => fc.constant(header))),
        order: fc.array(fc.nat(), {
          minLength: kept.length + extra.length,
          maxLength: kept.length + extra.length,
        }),
        cells: fc.array(
          fc.array(cellValue, {
            minLength: kept.length + extra.length,
            maxLength: kept.length + extra.length,
          }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
        notes: fc.array(fc.option(fc.string({ minLength: 1, maxLength: 10 })), {
          minLength: kept.length + extra.length,
          maxLength: kept.length + extra.length,
        }),
        colours: fc.array(fc.option(fc.constantFrom("#ff0000", "#00ff00", "#fff2cc")), {
          minLength: kept.length + extra.length,
          maxLength: kept.length + extra.length,
        }),
      })
      .map(({ headers, order, cells, notes, colours }) => {
        // Shuffle columns with the generated order so contract headers land anywhere.
        const indexes = headers
          .map((_, index) => index)
          .sort((a, b) => (order[a] ?? 0) - (order[b] ?? 0) || a - b);
        return {
          name: tab.name,
          headers: indexes.map((index) => headers[index] as string),
          rows: cells.map((row) => indexes.map((index) => row[index])),
          notes: indexes.map((index) => notes[index] ?? null),
          colours: indexes.map((index) => colours[index] ?? null),
          frozen,
          seed,
          // A title only above a real header row (its key and another contract header).
          title: kept.includes(tab.key) && kept.length >= 2 ? title : null,
        };
      });
  });

const workbook = fc.uniqueArray(existingTab, { maxLength: contractTabs.length, selector: (tab) => tab.name });

describe("setup keeps every user cell (property)", () => {
  it("on 200 random existing workbooks, run 1 to 3 times", () => {
    fc.assert(
      fc.property(workbook, fc.integer({ min: 1, max: 3 }), (tabs, runs) => {
        const bundle = loadBundle();
        const { emulator } = bundle;
        const before = new Map<
          string,
          { values: unknown[][]; notes: string[][]; colours: string[][]; formats: string[][] }
        >();
        const titled = new Map<string, unknown[][]>();
        for (const tab of tabs) {
          if (tab.title && tab.headers.length > 0) {
            // A title above the headers: setup reports the tab and writes nothing there.
            emulator.seed(tab.name, [[tab.title], tab.headers, ...tab.rows]);
            titled.set(tab.name, emulator.values(tab.name));
            continue;
          }
          const sheet = emulator.seed(tab.name, [tab.headers, ...tab.rows]);
          if (tab.headers.length === 0) continue;
          tab.notes.forEach((note, index) => {
            if (note) sheet.getRange(1, index + 1).setNote(note);
          });
          tab.colours.forEach((colour, index) => {
            if (colour) sheet.getRange(1, index + 1, tab.rows.length + 1, 1).setBackground(colour);
          });
          sheet.setFrozenRows(tab.frozen);
          const range = sheet.getRange(1, 1, tab.rows.length + 1, tab.headers.length);
          before.set(tab.name, {
            values: range.getValues(),
            notes: range.getNotes(),
            colours: range.getBackgrounds(),
            formats: range.getNumberFormats(),
          });
        }

        for (let run = 1; run <= runs; run++) {
          emulator.calls.reset();
          bundle.call("setUpWorkbookFromMenu");
          if (run > 1) expect(emulator.calls.writes()).toBe(0);
        }

        for (const [name, values] of titled) {
          expect(emulator.values(name)).toEqual(values);
          expect(emulator.ui.alerts.at(-1)?.message).toContain(`reads headers from row 1 of ${name}`);
        }
        for (const tab of tabs) {
          const sheet = emulator.spreadsheet.getSheetByName(tab.name);
          expect(sheet).not.toBeNull();
          if (!sheet || titled.has(tab.name)) continue;
          const original = before.get(tab.name);
          if (original) {
            const finalHeaders = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
            tab.headers.forEach((header, column) => {
              const hasData = tab.rows.some((row) => row[column] !== "");
              if (header === "" && !hasData) return; // an empty, unnamed column holds nothing to keep
              // The same header text, the same occurrence of it, the same rows.
              const occurrence = tab.headers.slice(0, column).filter((other) => other === header).length;
              const positions = finalHeaders.flatMap((text, index) => (text === header ? [index + 1] : []));
              const at = header === "" ? column + 1 : positions[occurrence];
              expect(at, `${tab.name} "${header}"`).toBeDefined();
              const cells = sheet.getRange(1, at ?? 1, tab.rows.length + 1, 1);
              const column1 = (grid: unknown[][]) => grid.map((row) => row[column]);
              const values = cells.getValues().map((row) => row[0]);
              column1(original.values).forEach((value, row) => {
                if (value !== "") expect(values[row]).toEqual(value);
              });
              // A note is only ever added where the header had none.
              const notes = cells.getNotes().map((row) => row[0]);
              column1(original.notes).forEach((note, row) => {
                if (note) expect(notes[row]).toBe(note);
                else if (row > 0) expect(notes[row]).toBe("");
              });
              expect(cells.getBackgrounds().map((row) => row[0])).toEqual(column1(original.colours));
              expect(cells.getNumberFormats().map((row) => row[0])).toEqual(column1(original.formats));
            });
            expect(sheet.getFrozenRows()).toBe(Math.max(tab.frozen, 1));
          }
          const headers = (emulator.values(tab.name)[0] ?? []).map(headerKey);
          const schema = contractTabs.find((candidate) => candidate.name === tab.name);
          for (const column of schema?.columns ?? []) expect(headers).toContain(headerKey(column.header));
        }
        for (const schema of TABS) expect(emulator.spreadsheet.getSheetByName(schema.name)).not.toBeNull();
      }),
      { numRuns: 200 },
    );
    // About 13 s idle on 2 cores; 60 s was too little with both cores busy.
  }, 600_000);
});

/**
 * File > Import in the workbench: a CSV file into a new tab, as Sheets' "Insert new sheet(s)"
 * does, so the Seller Center import runs offline. Cells go in as typed (numbers and dates
 * converted), except text that would become a formula, which is stored as text.
 */

/** The largest file the workbench takes: a 100,000-row export is about 15 MB. */
export const MAX_CSV_BYTES = 20_000_000;

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^[-+]?(\d[\d,]*)?(\.\d+)?%?$/;

/**
 * What a CSV cell is typed as: text that would start a formula keeps a leading apostrophe, and so
 * does a run of 16 or more digits (an Order or SKU ID), which as a number would lose its last
 * digits. That is what Sheets' import does with "Convert text to numbers, dates and formulas"
 * unticked for those cells.
 */
export function csvCellInput(text: string): string {
  if (/^\d{16,}$/.test(text.trim())) return `'${text}`;
  return /^[=+\-@]/.test(text) && !(/\d/.test(text) && NUMBER.test(text.trim())) ? `'${text}` : text;
}

/** A new tab's name from the file's: `orders (1).csv` -> `orders (1)`, made unique. */
export function tabNameFor(fileName: string, taken: readonly string[]): string {
  const base =
    fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[^\p{L}\p{N} ._()-]+/gu, " ")
      .trim()
      .slice(0, 80) || "Import";
  const names = new Set(taken.map((name) => name.toLowerCase()));
  let name = base;
  for (let copy = 2; names.has(name.toLowerCase()); copy++) name = `${base} ${copy}`;
  return name;
}

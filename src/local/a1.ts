/** A1 notation: "B2", "A1:C3", "A2:A" (open to the last row), "A:C", "2:4", "$A$1". */
import { fail } from "./errors";

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

interface Corner {
  column?: number;
  row?: number;
}

function parseCorner(text: string): Corner | null {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const corner: Corner = {};
  if (match[1]) corner.column = columnNumber(match[1]);
  if (match[2]) corner.row = Number(match[2]);
  if (corner.row === 0) return null;
  return corner;
}

/** Splits "'My tab'!A1:B2" into the sheet name (or null) and the cell part. */
export function splitSheetName(notation: string): { sheetName: string | null; cells: string } {
  const bang = notation.lastIndexOf("!");
  if (bang < 0) return { sheetName: null, cells: notation };
  let sheetName = notation.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'"))
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, cells: notation.slice(bang + 1) };
}

/** Parses cell notation against a sheet's size; open ends run to the last row or column. */
export function parseA1(notation: string, maxRows: number, maxColumns: number): GridBox {
  const parts = notation.trim().split(":");
  const start = parts[0] === undefined ? null : parseCorner(parts[0]);
  const end =
    parts.length === 2 && parts[1] !== undefined ? parseCorner(parts[1]) : parts.length === 1 ? start : null;
  if (!start || !end || parts.length > 2) fail(`Range not found`);
  if (parts.length === 1 && (start.row === undefined || start.column === undefined)) fail(`Range not found`);
  const top = Math.min(start.row ?? 1, end.row ?? (start.row === undefined ? 1 : start.row));
  const bottom = Math.max(start.row ?? maxRows, end.row ?? maxRows);
  const left = Math.min(start.column ?? 1, end.column ?? (start.column === undefined ? 1 : start.column));
  const right = Math.max(start.column ?? maxColumns, end.column ?? maxColumns);
  return { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
}

export function formatA1(box: GridBox): string {
  const first = `${columnLetters(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return first;
  return `${first}:${columnLetters(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}

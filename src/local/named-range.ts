/**
 * Named ranges (Spreadsheet.setNamedRange / getRangeByName / getNamedRanges): a name bound to a
 * block of one tab. Sheets' naming rules are enforced. Not modelled: a named range following its
 * cells when rows or columns are inserted or deleted above it (its block stays where it was set).
 */
import type { GridBox } from "./a1";
import { CLASS_NAME } from "./call-log";
import { fail } from "./errors";
import type { Range } from "./range";
import type { Workbook } from "./spreadsheet";

export interface NamedRangeRecord {
  name: string;
  sheetId: number;
  box: GridBox;
}

/** Letters, digits and underscores, not starting with a digit, 1-250 characters, not TRUE/FALSE, not a cell reference (A1 or R1C1). */
export function isValidRangeName(name: unknown): name is string {
  if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false;
  return !/^R[0-9]*C[0-9]*$/i.test(name);
}

function checkName(name: unknown): string {
  if (!isValidRangeName(name)) fail("Invalid argument: name");
  return name;
}

export class NamedRange {
  readonly [CLASS_NAME] = "NamedRange";
  constructor(
    private readonly workbook: Workbook,
    private readonly record: NamedRangeRecord,
  ) {}

  getName(): string {
    return this.record.name;
  }
  getRange(): Range {
    const sheet = this.workbook.sheets.find((candidate) => candidate.id === this.record.sheetId);
    if (!sheet) fail("Range not found");
    return sheet.rangeOf({ ...this.record.box });
  }
  setName(name: string): NamedRange {
    const checked = checkName(name);
    const clash = findNamed(this.workbook, checked);
    if (clash && clash !== this.record) fail(`A named range with the name "${checked}" already exists.`);
    this.record.name = checked;
    return this;
  }
  setRange(range: Range): NamedRange {
    this.record.sheetId = range.sheet.id;
    this.record.box = { ...range.box };
    return this;
  }
  remove(): void {
    const at = this.workbook.namedRanges.indexOf(this.record);
    if (at >= 0) this.workbook.namedRanges.splice(at, 1);
  }
}

/** Sheets matches range names case-insensitively. */
function findNamed(workbook: Workbook, name: string): NamedRangeRecord | undefined {
  const key = name.toLowerCase();
  return workbook.namedRanges.find((record) => record.name.toLowerCase() === key);
}

/** setNamedRange: a new name, or the same name bound to the new block. */
export function setNamedRange(workbook: Workbook, name: unknown, range: Range): void {
  const checked = checkName(name);
  if (!range || typeof range !== "object" || !("box" in range)) fail("Invalid argument: range");
  const existing = findNamed(workbook, checked);
  if (existing) {
    existing.sheetId = range.sheet.id;
    existing.box = { ...range.box };
    return;
  }
  workbook.namedRanges.push({ name: checked, sheetId: range.sheet.id, box: { ...range.box } });
}

export function rangeByName(workbook: Workbook, name: unknown): Range | null {
  if (typeof name !== "string") return null;
  const record = findNamed(workbook, name);
  return record ? new NamedRange(workbook, record).getRange() : null;
}

export function namedRanges(workbook: Workbook): NamedRange[] {
  return workbook.namedRanges.map((record) => new NamedRange(workbook, record));
}

export function removeNamedRange(workbook: Workbook, name: unknown): void {
  const record = typeof name === "string" ? findNamed(workbook, name) : undefined;
  if (!record) fail(`The named range "${String(name)}" does not exist.`);
  workbook.namedRanges.splice(workbook.namedRanges.indexOf(record), 1);
}

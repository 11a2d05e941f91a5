/**
 * Naive brief save and recruit: the same rows as src/gas/sidebar-api.ts, found and written the
 * way most scripts do it: the key cells read one row at a time to find a duplicate and the last
 * row, then one setValue per cell.
 */
import { checkBrief } from "../../src/domain/brief";
import { dayFromIso, zoneCalendar } from "../../src/domain/day";
import { readFlag } from "../../src/domain/values";
import { briefCells } from "../../src/features/campaign-sidebar";
import type { EmulatorGlobals } from "../../src/local/index";
import { briefInputFromRow, briefProductOf } from "../../src/workbook/brief-row";
import { headerKey, tabSchema } from "../../src/workbook/schema";
import { locateColumns } from "../../src/workbook/setup-plan";
import { keyText, readTable } from "../../src/workbook/table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function headerRow(sheet: Sheet): Map<string, number> {
  return locateColumns(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []);
}

function column(columns: Map<string, number>, header: string): number {
  const position = columns.get(headerKey(header));
  if (position === undefined) throw new Error(`No ${header} column: set the workbook up first`);
  return position;
}

/** One setValue per cell; a row past the end of the sheet is added first. */
function writeRow(sheet: Sheet, row: number, cells: [number, unknown][]): void {
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  for (const [position, value] of cells) sheet.getRange(row, position).setValue(value);
}

export function naiveSaveBrief(
  g: EmulatorGlobals,
  brief: unknown,
  isNew: boolean,
): { ok: boolean; row?: number; created?: boolean } {
  const spreadsheet = g.SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const products = (spreadsheet.getSheetByName("Products") as Sheet).getDataRange().getValues();
  const check = checkBrief(brief, {
    products: readTable(tabSchema("Products"), products).rows.map(briefProductOf),
  });
  if (!check.ok || !check.brief) return { ok: false };
  const sheet = spreadsheet.getSheetByName("Campaigns") as Sheet;
  const columns = headerRow(sheet);
  const keyColumn = column(columns, "Campaign ID");
  // Down the key column, one getValue per row: a duplicate ID, then the first blank row.
  let row = 2;
  let existing = 0;
  for (const maxRows = sheet.getMaxRows(); row <= maxRows; row++) {
    const key = keyText(sheet.getRange(row, keyColumn).getValue());
    if (!key) break;
    if (key === check.brief.campaignId) existing = row;
  }
  if (existing && isNew) return { ok: false };
  const target = existing || row;
  const cells = Object.entries(briefCells(check.brief, calendar)).map(
    ([header, value]) => [column(columns, header), value] as [number, unknown],
  );
  writeRow(sheet, target, cells);
  return { ok: true, row: target, created: !existing };
}

/** Down a key column one getValue per row: the first blank row and the highest `<prefix>-` number. */
function scanKeys(sheet: Sheet, keyColumn: number, prefix: string): { row: number; highest: number } {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`, "i");
  let highest = 0;
  let row = 2;
  for (const maxRows = sheet.getMaxRows(); row <= maxRows; row++) {
    const key = keyText(sheet.getRange(row, keyColumn).getValue());
    if (!key) break;
    highest = Math.max(highest, Number(pattern.exec(key)?.[1] ?? 0));
  }
  return { row, highest };
}

export function naiveRecruit(
  g: EmulatorGlobals,
  request: { campaignId: string; creators: string[]; sku: string },
  now: Date,
): { ok: boolean; invited: { collabId: string; creator: string }[] } {
  const spreadsheet = g.SpreadsheetApp.getActive();
  const calendar = zoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const today = calendar.dayOf(now) ?? 0;
  const campaigns = readTable(
    tabSchema("Campaigns"),
    (spreadsheet.getSheetByName("Campaigns") as Sheet).getDataRange().getValues(),
  );
  const campaign = campaigns.rows.find((row) => row.key === request.campaignId);
  const brief = campaign
    ? checkBrief(briefInputFromRow((header) => campaign.get(header), calendar)).brief
    : undefined;
  if (!brief?.skus.includes(request.sku)) return { ok: false, invited: [] };
  // As the add-on: Content due stays blank (it counts from acceptance) unless the brief has no
  // Content due days, when it is the campaign End.
  const contentDue =
    brief.contentDueDays === undefined ? calendar.midnightOf(dayFromIso(brief.end) ?? today) : undefined;
  const creators = readTable(
    tabSchema("Creators"),
    (spreadsheet.getSheetByName("Creators") as Sheet).getDataRange().getValues(),
  );
  const products = readTable(
    tabSchema("Products"),
    (spreadsheet.getSheetByName("Products") as Sheet).getDataRange().getValues(),
  );
  const sampleCost = products.rows.find((row) => row.key === request.sku)?.get("Sample cost") ?? "";

  const sheet = spreadsheet.getSheetByName("Collaborations") as Sheet;
  const columns = headerRow(sheet);
  const at = {
    id: column(columns, "Collab ID"),
    campaign: column(columns, "Campaign ID"),
    creator: column(columns, "Creator"),
    sku: column(columns, "SKU"),
    invited: column(columns, "Invited"),
    due: column(columns, "Content due"),
  };
  const first = Math.min(at.id, at.campaign, at.creator);
  const span = Math.max(at.id, at.campaign, at.creator) - first + 1;
  const seatOf = (...parts: unknown[]) =>
    parts
      .map((part) => String(part).trim())
      .join("|")
      .toLowerCase();
  // Row by row, one read each: the seats taken, the highest K- number, the first blank row.
  const seats = new Set<string>();
  let highest = 0;
  let row = 2;
  for (const maxRows = sheet.getMaxRows(); row <= maxRows; row++) {
    const cells = sheet.getRange(row, first, 1, span).getValues()[0] ?? [];
    const cell = (position: number) => cells[position - first];
    const id = keyText(cell(at.id));
    if (!id) break;
    seats.add(seatOf(cell(at.campaign), cell(at.creator)));
    highest = Math.max(highest, Number(/^K-(\d+)$/i.exec(id)?.[1] ?? 0));
  }

  const samples = spreadsheet.getSheetByName("Samples") as Sheet;
  const sampleColumns = headerRow(samples);
  const sampleAt = {
    id: column(sampleColumns, "Sample ID"),
    collab: column(sampleColumns, "Collab ID"),
    sku: column(sampleColumns, "SKU"),
    policy: column(sampleColumns, "Policy"),
    cost: column(sampleColumns, "Cost"),
  };
  const sends = brief.samplePolicy !== "No sample";
  const sampleRows = sends ? scanKeys(samples, sampleAt.id, "S") : { row: 2, highest: 0 };

  const invited: { collabId: string; creator: string }[] = [];
  for (const name of request.creators) {
    const creator = creators.rows.find((candidate) => candidate.key === name);
    const seat = seatOf(request.campaignId, name);
    if (!creator || seats.has(seat) || (brief.liveRequired && !readFlag(creator.get("LIVE capable"))))
      continue;
    seats.add(seat);
    const collabId = `K-${String(highest + 1 + invited.length).padStart(4, "0")}`;
    writeRow(sheet, row + invited.length, [
      [at.id, collabId],
      [at.campaign, request.campaignId],
      [at.creator, name],
      [at.sku, request.sku],
      [at.invited, calendar.midnightOf(today)],
      ...(contentDue === undefined ? [] : ([[at.due, contentDue]] as [number, unknown][])),
    ]);
    if (sends) {
      writeRow(samples, sampleRows.row + invited.length, [
        [sampleAt.id, `S-${String(sampleRows.highest + 1 + invited.length).padStart(4, "0")}`],
        [sampleAt.collab, collabId],
        [sampleAt.sku, request.sku],
        [sampleAt.policy, brief.samplePolicy],
        [sampleAt.cost, sampleCost],
      ]);
    }
    invited.push({ collabId, creator: name });
  }
  return { ok: true, invited };
}

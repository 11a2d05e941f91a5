/** Day offsets from today as date cells: local midnight in the spreadsheet's zone (src/domain/day). */
import { zoneCalendar } from "../../domain/day";

/** Offset from today -> a new Date at local midnight each call (callers may mutate what they get). */
export function dayMaker(today: Date, timeZone: string): (offset: number) => Date {
  const calendar = zoneCalendar(timeZone);
  const base = calendar.dayOf(today) ?? Math.floor(today.getTime() / 86_400_000);
  return (offset) => calendar.midnightOf(base + offset);
}

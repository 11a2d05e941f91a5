/** Where today falls in a window (collaboration, flash sale, Target window). */
import type { Day } from "./day";

export const WINDOW_STATES = ["Upcoming", "Open", "Ending", "Ended"] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export interface WindowStatus {
  state: WindowState;
  /** Upcoming: days until start. Open / Ending: days left (0 = ends today). Ended: days since end. */
  days: number;
}

/** Both ends inclusive; `Ending` once the end is within `leadDays`. Callers ensure end >= start. */
export function windowStatus(window: { start: Day; end: Day; today: Day; leadDays: number }): WindowStatus {
  const { start, end, today, leadDays } = window;
  if (today < start) return { state: "Upcoming", days: start - today };
  if (today > end) return { state: "Ended", days: today - end };
  const left = end - today;
  return { state: left <= leadDays ? "Ending" : "Open", days: left };
}

/**
 * The Campaign Desk sidebar: define the campaign first (Brief), then recruit (Recruit). It loads
 * the workbook once, validates briefs in the browser with the same rules the server runs, and
 * reloads after every save or invitation so what it shows is what the sheet holds.
 */
import { zoneCalendar } from "../src/domain/day";
import { type SidebarLoad, type SidebarState, sidebarState } from "../src/features/campaign-sidebar";
import { briefTab } from "./brief-form";
import { byId, clear, el } from "./elements";
import { recruitTab } from "./recruit";
import { callServer } from "./server";

const loadStatus = byId("load-status");
const tabs = { brief: byId("tab-brief"), recruit: byId("tab-recruit") };
const panels = { brief: byId("brief-panel"), recruit: byId("recruit-panel") };

function select(which: "brief" | "recruit"): void {
  for (const name of ["brief", "recruit"] as const) {
    tabs[name].setAttribute("aria-selected", String(name === which));
    panels[name].hidden = name !== which;
  }
}

async function fetchState(): Promise<SidebarState> {
  const load = await callServer<SidebarLoad>("sidebarLoad");
  return sidebarState(load, zoneCalendar(load.timeZone));
}

const brief = briefTab(panels.brief, (campaignId) => refresh(campaignId));
const recruit = recruitTab(
  panels.recruit,
  () => refresh(),
  (campaignId) => {
    brief.render(current as SidebarState, campaignId);
    select("brief");
  },
);
let current: SidebarState | undefined;

async function refresh(campaignId?: string): Promise<void> {
  try {
    current = await fetchState();
  } catch (error) {
    loadStatus.className = "notice error";
    loadStatus.hidden = false;
    clear(loadStatus, `Could not read the workbook: ${(error as Error).message}`);
    return;
  }
  if (current.missing.length > 0) {
    loadStatus.className = "notice warning";
    loadStatus.hidden = false;
    clear(
      loadStatus,
      el("p", {}, "Run Extensions > Campaign Desk > Set up workbook to add what is missing:"),
      el("p", { class: "hint" }, current.missing.join(", ")),
    );
  } else loadStatus.hidden = true;
  brief.render(current, campaignId ?? brief.current());
  recruit.render(current);
}

tabs.brief.addEventListener("click", () => select("brief"));
tabs.recruit.addEventListener("click", () => select("recruit"));
void refresh();

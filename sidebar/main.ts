/**
 * The Campaign Desk sidebar: define the campaign first (Brief), then recruit (Recruit). It opens
 * on what the menu item asked for (a new brief, the selected campaign's brief, or recruiting for
 * it), loads the workbook once, validates briefs in the browser with the same rules the server
 * runs, and reloads after every save or invitation so what it shows is what the sheet holds.
 */
import { zoneCalendar } from "../src/domain/day";
import {
  readStart,
  type SidebarState,
  START_ELEMENT_ID,
  sidebarState,
} from "../src/features/campaign-sidebar";
import { briefTab } from "./brief-form";
import { useMoneyStyle } from "./brief-preview";
import { byId, clear, el } from "./elements";
import { importTab } from "./import";
import { recruitTab } from "./recruit";
import { callServer } from "./server";

type View = "brief" | "recruit" | "import";
const VIEWS: readonly View[] = ["brief", "recruit", "import"];
const loadStatus = byId("load-status");
const startNotice = byId("start-notice");
const tabs = { brief: byId("tab-brief"), recruit: byId("tab-recruit"), import: byId("tab-import") };
const panels = { brief: byId("brief-panel"), recruit: byId("recruit-panel"), import: byId("import-panel") };

function select(which: View, focus = false): void {
  for (const name of VIEWS) {
    const selected = name === which;
    tabs[name].setAttribute("aria-selected", String(selected));
    // One tab stop for the tab list; the arrow keys move between tabs (WAI-ARIA tabs pattern).
    tabs[name].tabIndex = selected ? 0 : -1;
    panels[name].hidden = !selected;
  }
  if (focus) tabs[which].focus();
}

async function fetchState(): Promise<SidebarState> {
  const load = await callServer("sidebarLoad");
  useMoneyStyle(load.money);
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
// An import changes Creators and Collaborations: the other tabs read them again.
const importer = importTab(panels.import, () => void refresh());

async function refresh(campaignId?: string, recruitFor?: string): Promise<void> {
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
  recruit.render(current, recruitFor);
}

for (const name of VIEWS) {
  tabs[name].addEventListener("click", () => select(name));
  tabs[name].addEventListener("keydown", (event) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    select(VIEWS[(VIEWS.indexOf(name) + step + VIEWS.length) % VIEWS.length] as View, true);
  });
}

/** The menu item's start is appended after this script (HtmlOutput.append), so wait for it. */
function boot(): void {
  const start = readStart(document.getElementById(START_ELEMENT_ID)?.textContent);
  if (start.notice) {
    startNotice.hidden = false;
    startNotice.textContent = start.notice;
  }
  select(start.view);
  importer.open(start.sourceTab ?? "");
  void refresh(start.view === "brief" ? start.campaignId : undefined, start.campaignId).then(() => {
    // A collaboration's row may name a campaign that is not (or no longer) on Campaigns.
    if (
      current &&
      start.campaignId &&
      !current.campaigns.some((campaign) => campaign.id === start.campaignId)
    ) {
      startNotice.hidden = false;
      startNotice.textContent = `${start.campaignId} is not on the Campaigns tab: add its brief here, or pick another campaign.`;
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();

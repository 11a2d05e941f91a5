/**
 * The add-on menu. onOpen may run in AuthMode.NONE, where only building the menu is allowed;
 * with more authorization the alerts item also shows whether daily alerts are on.
 */
export interface MenuItem {
  caption: string;
  /** Name of the top-level function in build/Code.js the item runs. */
  handler: string;
}

export const ALERTS_STATUS_HANDLER = "showAlertsStatus";

export function menuItems(alertsState: string | null): (MenuItem | "separator")[] {
  return [
    { caption: "Set up workbook", handler: "setUpWorkbookFromMenu" },
    { caption: "New campaign brief", handler: "openNewCampaignBrief" },
    { caption: "Edit selected campaign", handler: "openSelectedCampaignBrief" },
    { caption: "Recruit creators", handler: "openRecruitForSelectedCampaign" },
    { caption: "Import from this tab", handler: "importFromThisTab" },
    "separator",
    { caption: "Run checks now", handler: "runChecksFromMenu" },
    { caption: "Refresh operating view", handler: "refreshOperatingViewFromMenu" },
    "separator",
    { caption: "Turn on daily alerts", handler: "turnOnDailyAlertsFromMenu" },
    { caption: "Turn off daily alerts", handler: "turnOffDailyAlertsFromMenu" },
    {
      caption: alertsState ? `Daily alerts: ${alertsState}` : "Daily alerts status",
      handler: ALERTS_STATUS_HANDLER,
    },
  ];
}

export function buildMenu(ui: GoogleAppsScript.Base.Ui, alertsState: string | null): void {
  const menu = ui.createAddonMenu();
  for (const item of menuItems(alertsState)) {
    if (item === "separator") menu.addSeparator();
    else menu.addItem(item.caption, item.handler);
  }
  menu.addToUi();
}

/** The menu item's function that opens the sidebar on a new brief; the workbench's own button runs it too. */
export const SIDEBAR_OPENER = "openNewCampaignBrief";

/**
 * The workbook contract of DESIGN.md section 2: tab names, header texts, which columns the
 * add-on owns, and how each column is typed. Header texts are public (users' formulas, imports
 * and the README depend on them): change them only with a migration.
 */
import {
  AD_USES,
  CAMPAIGN_STATUSES,
  CREATOR_POOLS,
  LANES,
  OBJECTIVES,
  PAYMENT_MODELS,
  SAMPLE_POLICIES,
  squeeze,
} from "../domain/choices";

export type ColumnKind =
  | "text"
  | "date"
  | "percent"
  | "currency"
  | "number"
  | "integer"
  | "flag"
  | "choice"
  | "email"
  | "url"
  | "list"
  /** Mixed values (Settings); no format or validation. */
  | "any";

export interface ColumnSchema {
  header: string;
  /** Computed by the add-on; every other column belongs to the team. */
  owned: boolean;
  kind: ColumnKind;
  /** Allowed values of a `choice` column (dropdown). */
  choices?: readonly string[];
  /** The header note: what belongs in the column. */
  note: string;
}

export interface TabSchema {
  name: TabName;
  /** Header of the column whose value identifies a row; empty for the generated Operations tab. */
  key: string;
  columns: readonly ColumnSchema[];
  /** Rebuilt from scratch by the add-on (Operations); setup only creates it. */
  generated?: boolean;
}

export type TabName =
  | "Products"
  | "Campaigns"
  | "Creators"
  | "Collaborations"
  | "Samples"
  | "Authorizations"
  | "Orders"
  | "Operations"
  | "Settings";

const team = (header: string, kind: ColumnKind, note: string, choices?: readonly string[]): ColumnSchema =>
  choices ? { header, owned: false, kind, note, choices } : { header, owned: false, kind, note };
const owned = (header: string, kind: ColumnKind, note: string): ColumnSchema => ({
  header,
  owned: true,
  kind,
  note,
});

export const TABS: readonly TabSchema[] = [
  {
    name: "Products",
    key: "SKU",
    columns: [
      team("SKU", "text", "Your SKU code; one row per SKU."),
      team("Product", "text", "Product name."),
      team("Price", "currency", "Selling price."),
      team("Stock on hand", "integer", "Units available now."),
      team("Open rate", "percent", "Commission of the Open Collaboration plan (15% = 0.15)."),
      team(
        "Open ads rate",
        "percent",
        "Shop Ads rate of the Open plan on ad orders, 1% to 80%; blank for none.",
      ),
      team("Sample cost", "currency", "What one sample costs you."),
      owned("Reserved", "integer", "Units of this SKU reserved by campaigns that have not ended."),
      owned("Available", "integer", "Stock on hand minus reserved."),
    ],
  },
  {
    name: "Campaigns",
    key: "Campaign ID",
    columns: [
      team("Campaign ID", "text", "A short unique ID, e.g. C-001."),
      team("Name", "text", "Campaign name."),
      team("Objective", "choice", "Chosen before recruiting; drives what the checks insist on.", OBJECTIVES),
      team(
        "Lane",
        "choice",
        "Open (public plan), Target (private invitation) or Partner (agency or platform campaign).",
        LANES,
      ),
      team("SKUs", "list", "Comma-separated SKUs from Products."),
      team("Start", "date", "First day of the collaboration window."),
      team("End", "date", "Last day of the collaboration window."),
      team("Content types", "list", "Comma-separated: Short video, LIVE, Showcase."),
      team("Payment model", "choice", "Commission only, or a flat fee paid after approval.", PAYMENT_MODELS),
      team("Commission rate", "percent", "Rate offered (Target rate for the Target lane)."),
      team("Flat fee", "currency", "Paid once content is approved."),
      team("Content due days", "integer", "Days after acceptance the content is due."),
      team("Sample policy", "choice", "How samples are paid for.", SAMPLE_POLICIES),
      team("LIVE required", "flag", "Creators must be LIVE capable."),
      team("Flash sale start", "date", "Creator flash sale start (LIVE creators only)."),
      team("Flash sale end", "date", "Creator flash sale end."),
      team("Flash sale price", "currency", "Flash sale price."),
      team(
        "Reserved inventory",
        "text",
        "Units set aside for each SKU (150), or per SKU: SKU-1: 100, SKU-2: 50.",
      ),
      team("Amplification", "choice", "Paid use planned on creator posts.", AD_USES),
      team("Amplification start", "date", "First day of planned paid amplification."),
      team("Amplification end", "date", "Last day of planned paid amplification."),
      team("Ads rate", "percent", "This campaign's Shop Ads rate on ad orders, 1% to 80%."),
      team("Auth days needed", "integer", "Ad authorization length the plan needs."),
      team("Budget", "currency", "Total budget."),
      team("Owner", "email", "Owner's email; receives the digest for this campaign."),
      team("Status", "choice", "Draft, Recruiting, Live, Wrapped or Cancelled.", CAMPAIGN_STATUSES),
      team("Notes", "text", "Anything else the team agreed for this campaign."),
      owned("Window status", "text", "Upcoming, Open, Ending or Ended."),
      owned("Creators", "integer", "Collaborations in this campaign."),
      owned("Sample-to-post", "percent", "Delivered samples that led to a post."),
      owned("Spend", "currency", "Commission, ads commission, flat fees owed and sample cost borne so far."),
      owned("Budget used", "percent", "Spend over Budget; 80% is flagged, over 100% more so."),
      owned("Checks", "text", "Problems found in the brief."),
    ],
  },
  {
    name: "Creators",
    key: "Creator",
    columns: [
      team("Creator", "text", "The creator's handle, unique."),
      team("Email", "email", "Contact email."),
      team("LIVE capable", "flag", "Can run LIVE sessions and flash sales."),
      team("Category", "text", "Content category."),
      team("Pool", "choice", "Your decision: Priority, One-off or Test more.", CREATOR_POOLS),
      owned("Collaborations", "integer", "Collaborations on record."),
      owned("On time", "percent", "Share of content delivered by its due date."),
      owned("GMV total", "currency", "GMV across collaborations."),
      owned("Sample-to-post", "percent", "Delivered samples that led to a post."),
      owned("Effective commission", "percent", "Everything paid divided by GMV."),
      owned("Suggested pool", "text", "Suggested from Settings thresholds; your Pool column decides."),
    ],
  },
  {
    name: "Collaborations",
    key: "Collab ID",
    columns: [
      team("Collab ID", "text", "A short unique ID, e.g. K-0001."),
      team("Campaign ID", "text", "Campaign from the Campaigns tab."),
      team("Creator", "text", "Creator handle from the Creators tab."),
      team("SKU", "text", "SKU the creator promotes."),
      team("Invited", "date", "Invitation sent."),
      team("Accepted", "date", "Invitation accepted."),
      team("Content due", "date", "Leave blank for Accepted + the campaign's Content due days."),
      team("Submitted", "date", "Content submitted for review (the latest submission)."),
      team("Revisions", "integer", "Rounds of changes you asked for, at most 3."),
      team("Approved", "date", "Approval date, or the word Rejected."),
      team("Posted", "date", "Content posted."),
      team("Post URL", "url", "Link to the post."),
      team("Link kept", "flag", "The post still carries the product link."),
      team("LIVE date", "date", "Scheduled LIVE session."),
      team("GMV", "currency", "GMV from the creator's content."),
      team("Ads GMV", "currency", "GMV from ads on the creator's content."),
      team("First sale", "date", "Date of the creator's first sale."),
      team("Fee paid", "date", "Date the flat fee was paid."),
      team("Cancelled", "flag", "The collaboration was cancelled."),
      owned("Applied rate", "percent", "The rate the creator earns (Target wins over Open)."),
      owned("Payout status", "text", "Flat-fee payout state, with the review round."),
      owned("Window status", "text", "The campaign window as seen from this row."),
      owned("Effective commission", "percent", "Everything paid divided by GMV."),
      owned("Next action", "text", "What to do next."),
      owned("Alerts", "text", "Problems found by the daily check."),
    ],
  },
  {
    name: "Samples",
    key: "Sample ID",
    columns: [
      team("Sample ID", "text", "A short unique ID, e.g. S-0001."),
      team("Collab ID", "text", "Collaboration the sample belongs to."),
      team("SKU", "text", "SKU shipped."),
      team("Policy", "choice", "No sample, Free sample or Refund after first sale.", SAMPLE_POLICIES),
      team("Cost", "currency", "Sample cost."),
      team("Shipped", "date", "Date shipped."),
      team("Delivered", "date", "Date delivered."),
      team("First sale", "date", "Creator's first sale (refund policy)."),
      team("Refunded", "date", "Date the sample cost was refunded."),
      owned("Sample status", "text", "Sample state."),
      owned("Alerts", "text", "Problems found by the daily check."),
    ],
  },
  {
    name: "Authorizations",
    key: "Auth ID",
    columns: [
      team("Auth ID", "text", "A short unique ID, e.g. A-0001."),
      team("Collab ID", "text", "Collaboration whose post is authorized."),
      team("Code", "text", "The ad authorization code."),
      team("Granted", "date", "Date the creator granted authorization."),
      team("Duration days", "integer", "Authorization length in days (7, 30, 60, 365)."),
      team("Ad use", "choice", "Intended paid use.", AD_USES),
      owned("Ad usable until", "date", "Last day an ad may run: authorization expiry or collaboration end."),
      owned("Auth status", "text", "Valid, Expiring, Expired, Link removed or Collaboration ended."),
      owned("Alerts", "text", "Problems found by the daily check."),
    ],
  },
  {
    // One row per order and SKU, keyed by both (Order ID is the key column; SKU completes it).
    name: "Orders",
    key: "Order ID",
    columns: [
      team("Order ID", "text", "Seller Center order ID; one row per order and SKU."),
      team("SKU", "text", "SKU sold, from Products."),
      team("Created", "date", "Day the order was created."),
      team("Creator", "text", "Creator handle credited with the order (affiliate orders)."),
      team("Quantity", "integer", "Units of this SKU in the order."),
      team("Amount", "currency", "What the buyer paid for this SKU, less refunds."),
      team("Ad order", "flag", "Yes for an order that came from an ad on the creator's post."),
      team("Content type", "text", "Video, LIVE or Showcase, as the export says."),
      team("Status", "text", "Order status as Seller Center reports it."),
      team("Platform commission", "currency", "Commission Seller Center reports for this order."),
      owned("Collab ID", "text", "The collaboration covering this creator, SKU and day."),
      owned("Applied rate", "percent", "The rate the rules say this order earns."),
      owned("Expected commission", "currency", "Amount x applied rate."),
      owned("Commission gap", "currency", "Platform commission minus expected commission."),
    ],
  },
  {
    name: "Operations",
    key: "",
    generated: true,
    columns: [],
  },
  {
    name: "Settings",
    key: "Key",
    columns: [
      team("Key", "text", "Setting name."),
      team("Value", "any", "Setting value; a blank or missing key uses the default."),
      owned("Check", "text", "Whether the value is usable."),
    ],
  },
];

export function tabSchema(name: TabName): TabSchema {
  const tab = TABS.find((candidate) => candidate.name === name);
  if (!tab) throw new Error(`Unknown tab ${name}`);
  return tab;
}

/**
 * Headers are matched trimmed, case-insensitively and with every run of spaces (a non-breaking
 * space included) read as one (DESIGN.md section 2).
 */
export function headerKey(header: unknown): string {
  return squeeze(String(header ?? ""));
}

/**
 * Whether a header row read again from column `first` on (a confirming read) still shows, above
 * each of its columns, the header `header` had there when the write was planned.
 */
export function headersHold(top: readonly unknown[], header: readonly unknown[], first: number): boolean {
  for (let index = 0; index < top.length; index++)
    if (headerKey(top[index]) !== headerKey(header[first - 1 + index])) return false;
  return true;
}

/**
 * The custom cell functions, in the order of their help. Each is a few lines: read the row's
 * arguments, call one domain rule, render with the domain's status text. The build turns each
 * entry into a top-level JSDoc'd stub; names and argument order are a contract with users' sheets.
 */
import { adsRate, isAdsRateInRange } from "../../domain/ads-rates";
import { adUsableUntil, authStatus } from "../../domain/authorization";
import { PAYMENT_MODELS, SAMPLE_POLICIES } from "../../domain/choices";
import { effectiveCommission } from "../../domain/commission";
import { type Day, zoneCalendar } from "../../domain/day";
import { MAX_REVISION_ROUNDS, payoutStatus, REJECTED } from "../../domain/payout";
import { appliedRate } from "../../domain/rates";
import { sampleState } from "../../domain/samples";
import { authText, LINK_REMOVED, NO_SALES_YET, payoutText, windowText } from "../../domain/status-text";
import { windowStatus } from "../../domain/windows";
import {
  amountArgument,
  choiceArgument,
  dayArgument,
  fail,
  flagArgument,
  notBefore,
  rateArgument,
  requiredDay,
  requiredRate,
  wholeDaysArgument,
  wholeNumberArgument,
} from "./arguments";
import { mapRows } from "./columns";
import { type CellContext, type CellFunction, type CellFunctionParam, help } from "./types";

const DEFAULT_LEAD_DAYS = 7;
const MAX_DAYS = 3650;

const names = (params: readonly CellFunctionParam[]): string[] => params.map((param) => param.name);

/** The zone calendar and today's day for one call. */
function callDays(context: CellContext) {
  const calendar = zoneCalendar(context.timeZone);
  const today = calendar.dayOf(context.now);
  if (today === undefined)
    throw new Error("The current date could not be read in the spreadsheet's time zone");
  return { calendar, today };
}

const TODAY: CellFunctionParam = {
  name: "today",
  description: help(
    "Today's date: pass CampaignDeskToday (the named cell setup keeps current; TODAY() is volatile); defaults to today in the spreadsheet's time zone.",
  ),
  optional: true,
};
const LEAD_DAYS: CellFunctionParam = {
  name: "lead_days",
  description: help("Days ahead at which a coming end is flagged; defaults to 7."),
  optional: true,
};

const appliedRateParams: CellFunctionParam[] = [
  {
    name: "target_rate",
    description: help("Target Collaboration rate, like 12% (0% counts as a rate); may be blank."),
  },
  {
    name: "open_rate",
    description: help("Open Collaboration plan rate of the product, like 15%; may be blank."),
  },
  {
    name: "target_start",
    description: help("First day of the Target window; blank for no start limit."),
    optional: true,
  },
  {
    name: "target_end",
    description: help("Last day of the Target window; blank for no end limit."),
    optional: true,
  },
  {
    name: "sale_date",
    description: help("Day of the sale; blank means the Target rate applies if given."),
    optional: true,
  },
];

const effectiveCommissionParams: CellFunctionParam[] = [
  { name: "gmv", description: help("GMV the collaboration produced (organic).") },
  { name: "rate", description: help("Applied commission rate on that GMV, like 15%.") },
  {
    name: "flat_fee",
    description: help("Flat fee owed (count it once payable or paid); blank for none."),
    optional: true,
  },
  { name: "sample_cost", description: help("Sample cost the seller bears; blank for none."), optional: true },
  { name: "ads_gmv", description: help("Ad-driven GMV; blank for none."), optional: true },
  { name: "ads_rate", description: help("Ads commission rate on ad-driven GMV, like 5%."), optional: true },
];

const payoutParams: CellFunctionParam[] = [
  { name: "payment_model", description: help("Commission only, or Flat fee + commission.") },
  { name: "content_due", description: help("Date the content is due; may be blank.") },
  { name: "submitted_on", description: help("Date the content was submitted; blank if not yet.") },
  { name: "approved_on", description: help("Approval date, or the word Rejected; blank if not yet.") },
  { name: "paid_on", description: help("Date the flat fee was paid; blank if not yet."), optional: true },
  TODAY,
  {
    name: "revisions",
    description: help("Rounds of changes asked for in review (0 to 3); blank for none."),
    optional: true,
  },
];

const adsRateParams: CellFunctionParam[] = [
  {
    name: "partner_ads_rate",
    description: help("Ads rate of the Partner campaign, 1% to 80%; may be blank."),
  },
  {
    name: "target_ads_rate",
    description: help("Ads rate of the Target collaboration covering the sale, 1% to 80%; may be blank."),
  },
  { name: "open_ads_rate", description: help("Open ads rate of the product, 1% to 80%; may be blank.") },
  {
    name: "standard_rate",
    description: help("The applied commission rate, used when no ads rate is set; may be blank."),
    optional: true,
  },
];

const sampleParams: CellFunctionParam[] = [
  { name: "policy", description: help("No sample, Free sample, or Refund after first sale.") },
  { name: "shipped_on", description: help("Date the sample shipped; blank if not yet.") },
  { name: "delivered_on", description: help("Date the sample was delivered; blank if not yet.") },
  { name: "first_sale_on", description: help("Date of the creator's first sale; blank if none yet.") },
  { name: "refunded_on", description: help("Date the sample cost was refunded; blank if not yet.") },
];

const adUsableParams: CellFunctionParam[] = [
  { name: "granted_on", description: help("Date the creator granted the ad authorization.") },
  {
    name: "duration_days",
    description: help("Authorization length in days (7, 30, 60, 365); the grant day is day 1."),
  },
  {
    name: "collab_end",
    description: help("Last day of the collaboration window; blank for none."),
    optional: true,
  },
  {
    name: "link_kept",
    description: help("Whether the post still keeps the product link (Yes/No); blank = Yes."),
    optional: true,
  },
];

const authParams: CellFunctionParam[] = [
  {
    name: "granted_on",
    description: help("Date the creator granted the ad authorization; blank if not granted."),
  },
  {
    name: "duration_days",
    description: help("Authorization length in days (7, 30, 60, 365); the grant day is day 1."),
  },
  {
    name: "link_kept",
    description: help("Whether the post still keeps the product link (Yes/No); blank = Yes."),
    optional: true,
  },
  {
    name: "collab_end",
    description: help("Last day of the collaboration window; blank for none."),
    optional: true,
  },
  TODAY,
  LEAD_DAYS,
];

const windowParams: CellFunctionParam[] = [
  { name: "start", description: help("First day of the window.") },
  { name: "end", description: help("Last day of the window.") },
  TODAY,
  LEAD_DAYS,
];

function appliedRateCell(context: CellContext, ...args: unknown[]): unknown {
  const { calendar } = callDays(context);
  return mapRows(names(appliedRateParams), args, (row) => {
    const targetStart = dayArgument(row[2], "target_start", calendar);
    const targetEnd = dayArgument(row[3], "target_end", calendar);
    notBefore(targetEnd, "target_end", targetStart, "target_start");
    const rate = appliedRate({
      targetRate: rateArgument(row[0], "target_rate"),
      openRate: rateArgument(row[1], "open_rate"),
      targetStart,
      targetEnd,
      saleDay: dayArgument(row[4], "sale_date", calendar),
    });
    return rate ? rate.rate : "";
  });
}

function effectiveCommissionCell(_context: CellContext, ...args: unknown[]): unknown {
  return mapRows(names(effectiveCommissionParams), args, (row) => {
    const gmv = amountArgument(row[0], "gmv") ?? 0;
    const rate = rateArgument(row[1], "rate");
    const flatFee = amountArgument(row[2], "flat_fee");
    const sampleCost = amountArgument(row[3], "sample_cost");
    const adsGmv = amountArgument(row[4], "ads_gmv") ?? 0;
    const adsRate = rateArgument(row[5], "ads_rate");
    // A blank rate on real sales would silently read as 0%: ask for it instead.
    const share = effectiveCommission({
      gmv,
      rate: gmv > 0 ? requiredRate(row[1], "rate") : (rate ?? 0),
      adsGmv,
      adsRate: adsGmv > 0 ? requiredRate(row[5], "ads_rate") : adsRate,
      flatFee,
      sampleCost,
    });
    return share ?? NO_SALES_YET;
  });
}

function payoutStatusCell(context: CellContext, ...args: unknown[]): unknown {
  const { calendar, today } = callDays(context);
  return mapRows(names(payoutParams), args, (row) => {
    const approvedText = typeof row[3] === "string" ? row[3].trim().toLowerCase() : "";
    const approved: Day | typeof REJECTED | undefined =
      approvedText === "rejected" ? REJECTED : approvedDay(row[3], calendar);
    return payoutText(
      payoutStatus({
        paymentModel: choiceArgument(row[0], "payment_model", PAYMENT_MODELS),
        contentDue: dayArgument(row[1], "content_due", calendar),
        submitted: dayArgument(row[2], "submitted_on", calendar),
        approved,
        paid: dayArgument(row[4], "paid_on", calendar),
        today: dayArgument(row[5], "today", calendar) ?? today,
        revisions: wholeNumberArgument(row[6], "revisions", 0, MAX_REVISION_ROUNDS, "rounds"),
      }),
    );
  });
}

/** An ads rate argument: blank, or 1% to 80% as the platform allows. */
function adsRateArgument(value: unknown, name: string): number | undefined {
  const rate = rateArgument(value, name);
  return rate === undefined || isAdsRateInRange(rate)
    ? rate
    : fail(name, "an ads rate from 1% to 80%", value);
}

function shopAdsRateCell(_context: CellContext, ...args: unknown[]): unknown {
  return mapRows(names(adsRateParams), args, (row) => {
    const rate = adsRate({
      partnerAdsRate: adsRateArgument(row[0], "partner_ads_rate"),
      targetAdsRate: adsRateArgument(row[1], "target_ads_rate"),
      openAdsRate: adsRateArgument(row[2], "open_ads_rate"),
      standardRate: rateArgument(row[3], "standard_rate"),
    });
    return rate ? rate.rate : "";
  });
}

function approvedDay(value: unknown, calendar: ReturnType<typeof zoneCalendar>): Day | undefined {
  try {
    return dayArgument(value, "approved_on", calendar);
  } catch {
    return fail("approved_on", "an approval date or the word Rejected", value);
  }
}

function sampleStatusCell(context: CellContext, ...args: unknown[]): unknown {
  const { calendar } = callDays(context);
  return mapRows(names(sampleParams), args, (row) =>
    sampleState({
      policy: choiceArgument(row[0], "policy", SAMPLE_POLICIES),
      shipped: dayArgument(row[1], "shipped_on", calendar),
      delivered: dayArgument(row[2], "delivered_on", calendar),
      firstSale: dayArgument(row[3], "first_sale_on", calendar),
      refunded: dayArgument(row[4], "refunded_on", calendar),
    }),
  );
}

function adUsableUntilCell(context: CellContext, ...args: unknown[]): unknown {
  const { calendar } = callDays(context);
  return mapRows(names(adUsableParams), args, (row) => {
    const granted = dayArgument(row[0], "granted_on", calendar);
    const durationDays = wholeDaysArgument(row[1], "duration_days", 1, MAX_DAYS);
    const collabEnd = dayArgument(row[2], "collab_end", calendar);
    const linkKept = flagArgument(row[3], "link_kept");
    if (granted === undefined) return "Not authorized";
    if (durationDays === undefined)
      return fail("duration_days", `a whole number of days from 1 to ${MAX_DAYS}`, row[1]);
    const usable = adUsableUntil({ granted, durationDays, collabEnd, linkKept });
    if (usable.kind === "Until") return calendar.midnightOf(usable.day);
    return usable.kind === "Link removed" ? LINK_REMOVED : "Collaboration ended";
  });
}

function authStatusCell(context: CellContext, ...args: unknown[]): unknown {
  const { calendar, today } = callDays(context);
  return mapRows(names(authParams), args, (row) => {
    const granted = dayArgument(row[0], "granted_on", calendar);
    const durationDays = wholeDaysArgument(row[1], "duration_days", 1, MAX_DAYS);
    if (granted !== undefined && durationDays === undefined) {
      fail("duration_days", `a whole number of days from 1 to ${MAX_DAYS}`, row[1]);
    }
    return authText(
      authStatus({
        granted,
        durationDays,
        linkKept: flagArgument(row[2], "link_kept"),
        collabEnd: dayArgument(row[3], "collab_end", calendar),
        today: dayArgument(row[4], "today", calendar) ?? today,
        leadDays: wholeDaysArgument(row[5], "lead_days", 0, MAX_DAYS) ?? DEFAULT_LEAD_DAYS,
      }),
    );
  });
}

function windowStatusCell(context: CellContext, ...args: unknown[]): unknown {
  const { calendar, today } = callDays(context);
  return mapRows(names(windowParams), args, (row) => {
    const start = requiredDay(row[0], "start", calendar);
    const end = requiredDay(row[1], "end", calendar);
    notBefore(end, "end", start, "start");
    return windowText(
      windowStatus({
        start,
        end,
        today: dayArgument(row[2], "today", calendar) ?? today,
        leadDays: wholeDaysArgument(row[3], "lead_days", 0, MAX_DAYS) ?? DEFAULT_LEAD_DAYS,
      }),
    );
  });
}

export const cellFunctions: readonly CellFunction[] = [
  {
    name: "APPLIED_RATE",
    summary: help(
      "The one commission rate a creator earns: the Target rate inside its window, else the Open rate.",
    ),
    params: appliedRateParams,
    returns: help("The applied rate as a fraction (format as %), or blank when neither rate applies."),
    example: help("=APPLIED_RATE(F2:F, G2:G, H2:H, I2:I)"),
    run: appliedRateCell,
  },
  {
    name: "EFFECTIVE_COMMISSION",
    summary: help(
      "Everything paid for a collaboration (commission, ads commission, flat fee, sample) over its GMV.",
    ),
    params: effectiveCommissionParams,
    returns: help(
      "The effective commission as a fraction (format as %), or No sales yet when there is no GMV.",
    ),
    example: help("=EFFECTIVE_COMMISSION(N2:N, S2:S, 500, 20, O2:O, 5%)"),
    run: effectiveCommissionCell,
  },
  {
    name: "PAYOUT_STATUS",
    summary: help(
      "Where a collaboration's flat-fee payout stands: awaiting content, overdue, in review, payable, paid.",
    ),
    params: payoutParams,
    returns: help(
      "Commission only, Awaiting content, Content overdue, In review, Changes requested (round n of 3), Payable, Paid or Rejected.",
    ),
    example: help("=PAYOUT_STATUS(H2:H, I2:I, J2:J, K2:K, L2:L, CampaignDeskToday, M2:M)"),
    run: payoutStatusCell,
  },
  {
    name: "SHOP_ADS_RATE",
    summary: help(
      "The rate an ad order earns: the Partner campaign's ads rate, else the Target's, else the Open plan's, else the standard rate.",
    ),
    params: adsRateParams,
    returns: help("The ads rate as a fraction (format as %), or blank when no rate is set."),
    example: help("=SHOP_ADS_RATE(W2:W, X2:X, F2:F, S2:S)"),
    run: shopAdsRateCell,
  },
  {
    name: "SAMPLE_STATUS",
    summary: help("Where a sample stands, and whether its cost must be refunded to the creator."),
    params: sampleParams,
    returns: help("No sample, Not shipped, Shipped, Delivered, Awaiting first sale, Refund due or Refunded."),
    example: help("=SAMPLE_STATUS(D2:D, F2:F, G2:G, H2:H, I2:I)"),
    run: sampleStatusCell,
  },
  {
    name: "AD_USABLE_UNTIL",
    summary: help(
      "The last day an ad may run on a creator post: the earlier of authorization expiry and collaboration end.",
    ),
    params: adUsableParams,
    returns: help("A date, Link removed when the post dropped the product link, or Not authorized."),
    example: help("=AD_USABLE_UNTIL(D2:D, E2:E, F2:F, G2:G)"),
    run: adUsableUntilCell,
  },
  {
    name: "AUTH_STATUS",
    summary: help("Whether an ad authorization can be used now, and until when."),
    params: authParams,
    returns: help(
      "Not authorized, Valid, Expiring, Expired, Link removed or Collaboration ended, with the date or days.",
    ),
    example: help("=AUTH_STATUS(F2:F, G2:G, H2:H, I2:I, CampaignDeskToday)"),
    run: authStatusCell,
  },
  {
    name: "WINDOW_STATUS",
    summary: help(
      "Where today falls in a window (collaboration, flash sale): upcoming, open, ending or ended.",
    ),
    params: windowParams,
    returns: help("Upcoming, Open, Ending or Ended, with days."),
    example: help("=WINDOW_STATUS(F2:F, G2:G, CampaignDeskToday)"),
    run: windowStatusCell,
  },
];

/**
 * The daily check, computed: from the tabs' values, every add-on owned column, every alert and
 * the operating view's rows. Pure: the shell reads each tab once, calls this, writes back.
 * Every rule comes from src/domain; this file only joins the tabs and applies them.
 */
import { ALERT_KINDS, type Alert, type AlertKind, alertsCell, severityRank } from "../domain/alerts";
import { adUsableUntil, amplificationOutlastsUse, authStatus } from "../domain/authorization";
import { type BriefIssue, checkBrief } from "../domain/brief";
import {
  isClosedStatus,
  matchChoice,
  PAYMENT_MODELS,
  SAMPLE_POLICIES,
  type SamplePolicy,
  splitList,
} from "../domain/choices";
import { type CollaborationCost, effectiveCommission, effectiveCommissionOf } from "../domain/commission";
import { type Day, isoFromDay, type ZoneCalendar } from "../domain/day";
import {
  contentDueDay,
  deliveredOnTime,
  flatFeeOwed,
  type PayoutStatus,
  payoutStatus,
} from "../domain/payout";
import { suggestedPool } from "../domain/pools";
import { appliedRate } from "../domain/rates";
import { ownerCheck } from "../domain/recipients";
import { sampleCostBorne, sampleFollowUp, sampleState, sampleToPost } from "../domain/samples";
import { parseSettings, type Settings } from "../domain/settings";
import { authText, daysText, NO_SALES_YET, payoutText, windowText } from "../domain/status-text";
import { isBlank, readDay, readFlag, readNumber, readRate } from "../domain/values";
import { windowStatus } from "../domain/windows";
import { briefInputFromRow, briefProductOf } from "../workbook/brief-row";
import { type TabName, tabSchema } from "../workbook/schema";
import { readTable, type Table, type TableRow } from "../workbook/table";
import type { OperationsRow } from "./operations";

export type OwnedValues = Map<string, Record<string, unknown>>;

export interface CheckInput {
  /** Each tab's values, header row first; a missing tab is absent. */
  tabs: Partial<Record<TabName, unknown[][]>>;
  today: Day;
  calendar: ZoneCalendar;
  /** Who turned daily alerts on: their domain may receive owners' digests (Allowed email domains). */
  setUpBy?: string;
}

export interface CheckResult {
  owned: Map<TabName, OwnedValues>;
  alerts: Alert[];
  operations: OperationsRow[];
  settings: Settings;
  /** Campaign ID -> owner email text, for the digest. */
  owners: Map<string, string>;
  /** Headers missing from tabs (setup restores them). */
  missingHeaders: { tab: TabName; headers: string[] }[];
}

interface Campaign {
  row: TableRow;
  id: string;
  name: string;
  lane: string;
  skus: string[];
  start?: Day;
  end?: Day;
  paymentModel: (typeof PAYMENT_MODELS)[number];
  rate?: number;
  flatFee: number;
  contentDueDays?: number;
  samplePolicy?: SamplePolicy;
  flashStart?: Day;
  flashEnd?: Day;
  reservedInventory?: number;
  amplification: string;
  amplificationStart?: Day;
  amplificationEnd?: Day;
  adsRate?: number;
  owner: string;
  status: string;
}

const text = (value: unknown): string => (isBlank(value) ? "" : String(value).trim());
const amount = (value: unknown): number => Math.max(readNumber(value) ?? 0, 0);

/** The Settings tab read by header, as parseSettings sees it (one Check per keyed row, in order). */
export function settingsOf(settingsTable: Table) {
  return parseSettings(settingsTable.rows.map((row) => [row.get("Key"), row.get("Value")] as const));
}

/** Campaigns that still need watching: not cancelled, not wrapped. */
const isActiveStatus = (status: string) => !isClosedStatus(status);

export function computeChecks(input: CheckInput): CheckResult {
  const { today, calendar } = input;
  const day = (value: unknown): Day | undefined => readDay(value, calendar);
  const table = (name: TabName): Table => readTable(tabSchema(name), input.tabs[name] ?? []);
  const products = table("Products");
  const campaignsTable = table("Campaigns");
  const creators = table("Creators");
  const collaborations = table("Collaborations");
  const samples = table("Samples");
  const authorizations = table("Authorizations");
  const settingsTable = table("Settings");

  const { settings, checks: settingChecks } = settingsOf(settingsTable);
  const lead = settings.alertLeadDays;

  const alerts: Alert[] = [];
  const owned = new Map<TabName, OwnedValues>();
  const ownedOf = (tab: TabName) => {
    const values = owned.get(tab) ?? new Map<string, Record<string, unknown>>();
    owned.set(tab, values);
    return values;
  };
  const rowAlerts = new Map<string, Alert[]>();
  const raise = (
    kind: AlertKind,
    tab: TabName,
    row: TableRow,
    campaign: Campaign | undefined,
    message: string,
  ) => {
    const alert: Alert = {
      kind,
      severity: ALERT_KINDS[kind],
      tab,
      key: row.key,
      sheetRow: row.sheetRow,
      campaignId: campaign?.id ?? "",
      campaignName: campaign?.name ?? "",
      message,
    };
    alerts.push(alert);
    const id = `${tab}\u0000${row.key}`;
    rowAlerts.set(id, [...(rowAlerts.get(id) ?? []), alert]);
  };
  const alertsOf = (tab: TabName, row: TableRow) => rowAlerts.get(`${tab}\u0000${row.key}`) ?? [];

  // Rows are matched by their ID, so two rows sharing one would get the same computed values.
  for (const tab of [products, campaignsTable, creators, collaborations, samples, authorizations]) {
    const firstRow = new Map<string, number>();
    for (const row of tab.rows) {
      const first = firstRow.get(row.key);
      if (first === undefined) firstRow.set(row.key, row.sheetRow);
      else {
        const message = `${tab.schema.key} ${row.key} is also on row ${first}: give each row its own`;
        raise("duplicateId", tab.schema.name, row, undefined, message);
      }
    }
  }

  // Settings: the Check column.
  settingsTable.rows.forEach((row, index) => {
    ownedOf("Settings").set(row.key, { Check: settingChecks[index] ?? "" });
  });

  // Products.
  const productBySku = new Map(products.rows.map((row) => [row.key, row]));
  const openRateOf = (sku: string) => readRate(productBySku.get(sku)?.get("Open rate"));
  const briefProducts = products.rows.map(briefProductOf);
  const stockOf = (sku: string) => readNumber(productBySku.get(sku)?.get("Stock on hand"));

  // Campaigns.
  const campaigns = new Map<string, Campaign>();
  for (const row of campaignsTable.rows) {
    if (campaigns.has(row.key)) continue;
    campaigns.set(row.key, {
      row,
      id: row.key,
      name: text(row.get("Name")),
      lane: text(row.get("Lane")),
      skus: splitList(text(row.get("SKUs"))),
      start: day(row.get("Start")),
      end: day(row.get("End")),
      paymentModel: matchChoice(PAYMENT_MODELS, text(row.get("Payment model"))) ?? "Commission only",
      rate: readRate(row.get("Commission rate")),
      flatFee: amount(row.get("Flat fee")),
      contentDueDays: readNumber(row.get("Content due days")),
      samplePolicy: matchChoice(SAMPLE_POLICIES, text(row.get("Sample policy"))),
      flashStart: day(row.get("Flash sale start")),
      flashEnd: day(row.get("Flash sale end")),
      reservedInventory: readNumber(row.get("Reserved inventory")),
      amplification: text(row.get("Amplification")),
      amplificationStart: day(row.get("Amplification start")),
      amplificationEnd: day(row.get("Amplification end")),
      adsRate: readRate(row.get("Ads rate")),
      owner: text(row.get("Owner")),
      status: text(row.get("Status")),
    });
  }
  const plansAds = (campaign: Campaign) => campaign.amplification !== "" && campaign.amplification !== "None";
  const isLive = (campaign: Campaign) =>
    isActiveStatus(campaign.status) &&
    campaign.start !== undefined &&
    campaign.end !== undefined &&
    campaign.start <= today + settings.horizonDays &&
    campaign.end >= today;

  // Reserved inventory per SKU across campaigns that are live or coming: each SKU of a campaign
  // has the campaign's Reserved inventory set aside.
  const reservedBySku = new Map<string, number>();
  for (const campaign of campaigns.values()) {
    if (!isActiveStatus(campaign.status) || (campaign.end !== undefined && campaign.end < today)) continue;
    for (const sku of campaign.skus) {
      reservedBySku.set(sku, (reservedBySku.get(sku) ?? 0) + (campaign.reservedInventory ?? 0));
    }
  }
  for (const row of products.rows) {
    const reserved = reservedBySku.get(row.key) ?? 0;
    const stock = readNumber(row.get("Stock on hand"));
    ownedOf("Products").set(row.key, {
      Reserved: reserved,
      Available: stock === undefined ? "" : stock - reserved,
    });
  }

  const creatorByHandle = new Map(creators.rows.map((row) => [row.key.toLowerCase(), row]));
  const liveCapable = (handle: string) =>
    readFlag(creatorByHandle.get(handle.toLowerCase())?.get("LIVE capable"));

  // Samples and authorizations are looked at per collaboration.
  const samplesByCollab = groupBy(samples.rows, (row) => text(row.get("Collab ID")));
  const authsByCollab = groupBy(authorizations.rows, (row) => text(row.get("Collab ID")));

  // Target collaborations by creator and SKU: a Target rate covers the creator wherever they sell it.
  const targetCover = new Map<string, Campaign[]>();
  for (const row of collaborations.rows) {
    const campaign = campaigns.get(text(row.get("Campaign ID")));
    if (campaign?.lane.toLowerCase() !== "target" || readFlag(row.get("Cancelled")) === true) continue;
    const id = `${text(row.get("Creator")).toLowerCase()}\u0000${text(row.get("SKU"))}`;
    targetCover.set(id, [...(targetCover.get(id) ?? []), campaign]);
  }

  interface CollabFacts {
    row: TableRow;
    campaign?: Campaign;
    cancelled: boolean;
    /** Invited, and nothing since: no acceptance, submission, post or approval yet. */
    awaitingAcceptance: boolean;
    contentDue?: Day;
    submitted?: Day;
    posted?: Day;
    payout: PayoutStatus;
    content: PayoutStatus;
    rate?: number;
    gmv: number;
    adsGmv: number;
    sampleCost: number;
    samplesDelivered: number;
    samplesLeadingToPost: number;
    adUsable?: Day;
    authorized: boolean;
    /** What the seller pays for it, once a rate applies. */
    cost?: CollaborationCost;
  }
  const facts = new Map<string, CollabFacts>();

  for (const row of collaborations.rows) {
    if (facts.has(row.key)) continue;
    const campaign = campaigns.get(text(row.get("Campaign ID")));
    const sku = text(row.get("SKU"));
    const creator = text(row.get("Creator"));
    const cancelled = readFlag(row.get("Cancelled")) === true;
    const approvedCell = row.get("Approved");
    const approved =
      typeof approvedCell === "string" && approvedCell.trim().toLowerCase() === "rejected"
        ? ("Rejected" as const)
        : day(approvedCell);
    const accepted = day(row.get("Accepted"));
    const contentDue = contentDueDay({
      contentDue: day(row.get("Content due")),
      accepted,
      contentDueDays: campaign?.contentDueDays,
    });
    const posted = day(row.get("Posted"));
    // A post is delivered content even when nobody logged a submission (Open-lane creators just post).
    const submitted = day(row.get("Submitted")) ?? posted;
    const payoutFacts = { contentDue, submitted, approved, paid: day(row.get("Fee paid")), today };
    const payout = payoutStatus({
      ...payoutFacts,
      paymentModel: campaign?.paymentModel ?? "Commission only",
    });
    // Content timing matters under either payment model: read it as the flat-fee line would.
    const content = payoutStatus({ ...payoutFacts, paymentModel: "Flat fee + commission" });

    // The rate the collaboration pays: Target covering the creator and SKU wins inside its window,
    // read on today or, once the collaboration ended, on its last day.
    const covering = (targetCover.get(`${creator.toLowerCase()}\u0000${sku}`) ?? []).find(
      (target) => target.rate !== undefined,
    );
    const ownOpenRate = campaign && campaign.lane.toLowerCase() !== "target" ? campaign.rate : undefined;
    const rateDay = campaign?.end !== undefined ? Math.min(today, campaign.end) : today;
    const applied = appliedRate({
      targetRate: covering?.rate,
      targetStart: covering?.start,
      targetEnd: covering?.end,
      openRate: openRateOf(sku) ?? ownOpenRate,
      saleDay: rateDay,
    });

    let sampleCost = 0;
    let samplesDelivered = 0;
    for (const sample of samplesByCollab.get(row.key) ?? []) {
      const policy =
        matchChoice(SAMPLE_POLICIES, text(sample.get("Policy"))) ?? campaign?.samplePolicy ?? "No sample";
      const state = sampleState({
        policy,
        shipped: day(sample.get("Shipped")),
        delivered: day(sample.get("Delivered")),
        firstSale: day(sample.get("First sale")) ?? day(row.get("First sale")),
        refunded: day(sample.get("Refunded")),
      });
      sampleCost += sampleCostBorne(policy, state, amount(sample.get("Cost")));
      if (day(sample.get("Delivered")) !== undefined) samplesDelivered += 1;
    }

    facts.set(row.key, {
      row,
      campaign,
      cancelled,
      awaitingAcceptance:
        day(row.get("Invited")) !== undefined &&
        accepted === undefined &&
        submitted === undefined &&
        approved === undefined,
      contentDue,
      submitted,
      posted,
      payout,
      content,
      rate: applied?.rate,
      gmv: amount(row.get("GMV")),
      adsGmv: amount(row.get("Ads GMV")),
      sampleCost,
      samplesDelivered,
      samplesLeadingToPost: posted !== undefined ? samplesDelivered : 0,
      authorized: false,
    });
  }

  // Authorizations.
  for (const row of authorizations.rows) {
    const collab = facts.get(text(row.get("Collab ID")));
    const campaign = collab?.campaign;
    const granted = day(row.get("Granted"));
    const durationDays = readNumber(row.get("Duration days"));
    const linkKept = collab ? readFlag(collab.row.get("Link kept")) : undefined;
    const status = authStatus({
      granted,
      durationDays: durationDays !== undefined && durationDays > 0 ? Math.floor(durationDays) : undefined,
      collabEnd: campaign?.end,
      linkKept,
      cancelled: collab?.cancelled,
      today,
      leadDays: lead,
    });
    let usableCell: unknown = "";
    if (granted !== undefined && durationDays !== undefined && durationDays > 0) {
      const usable = adUsableUntil({
        granted,
        durationDays: Math.floor(durationDays),
        collabEnd: campaign?.end,
        linkKept,
        cancelled: collab?.cancelled,
      });
      usableCell = usable.kind === "Until" ? calendar.midnightOf(usable.day) : usable.kind;
      if (usable.kind === "Until" && collab) {
        collab.adUsable = Math.max(collab.adUsable ?? usable.day, usable.day);
        if (status.state === "Valid" || status.state === "Expiring") collab.authorized = true;
      }
      // An authorization meant for no ad use does not have to last through the plan.
      const forAds = text(row.get("Ad use")).toLowerCase() !== "none";
      const planEnd = campaign && forAds && plansAds(campaign) ? campaign.amplificationEnd : undefined;
      const needUntil = Math.max(planEnd ?? -Infinity, campaign?.flashEnd ?? -Infinity);
      if (
        campaign &&
        isActiveStatus(campaign.status) &&
        Number.isFinite(needUntil) &&
        usable.kind === "Until"
      ) {
        if (amplificationOutlastsUse(needUntil, usable) && needUntil >= today) {
          raise(
            "adsEndBeforePlan",
            "Authorizations",
            row,
            campaign,
            `Ads usable only until ${isoFromDay(usable.day)}, but the plan runs to ${isoFromDay(needUntil)}`,
          );
        }
      }
    }
    if (!collab?.cancelled && (!campaign || isActiveStatus(campaign.status))) {
      if (status.state === "Expiring")
        raise("authExpiring", "Authorizations", row, campaign, authText(status));
      if (status.state === "Expired") raise("authExpired", "Authorizations", row, campaign, authText(status));
      if (status.state === "Link removed") {
        raise("linkRemoved", "Authorizations", row, campaign, "Link removed: ads on this post are void");
      }
    }
    ownedOf("Authorizations").set(row.key, {
      "Ad usable until": usableCell,
      "Auth status": authText(status),
    });
  }

  // Samples.
  for (const row of samples.rows) {
    const collab = facts.get(text(row.get("Collab ID")));
    const campaign = collab?.campaign;
    const policy = matchChoice(SAMPLE_POLICIES, text(row.get("Policy"))) ?? campaign?.samplePolicy;
    if (!policy) {
      ownedOf("Samples").set(row.key, { "Sample status": "Unknown policy: choose one from the dropdown" });
      continue;
    }
    const delivered = day(row.get("Delivered"));
    const state = sampleState({
      policy,
      shipped: day(row.get("Shipped")),
      delivered,
      firstSale: day(row.get("First sale")) ?? (collab ? day(collab.row.get("First sale")) : undefined),
      refunded: day(row.get("Refunded")),
    });
    const watch = !collab?.cancelled && (!campaign || isActiveStatus(campaign.status));
    if (watch && state === "Refund due") {
      raise(
        "sampleRefundDue",
        "Samples",
        row,
        campaign,
        `Refund the sample cost (${text(row.get("Cost")) || "cost not set"})`,
      );
    }
    if (watch && collab) {
      const followUp = sampleFollowUp({
        delivered,
        posted: collab.posted ?? collab.submitted,
        contentDue: collab.contentDue,
        today,
        nudgeDays: settings.nudgeDays,
      });
      if (followUp === "Alert" && collab.contentDue !== undefined) {
        raise(
          "sampleNoContent",
          "Samples",
          row,
          campaign,
          `Sample delivered, no content ${daysText(today - collab.contentDue)} after the due date`,
        );
      } else if (followUp === "Nudge" && delivered !== undefined) {
        raise(
          "sampleNudge",
          "Samples",
          row,
          campaign,
          `Nudge the creator: sample delivered ${daysText(today - delivered)} ago, no post yet`,
        );
      }
    }
    ownedOf("Samples").set(row.key, { "Sample status": state });
  }
  for (const row of samples.rows) {
    const values = ownedOf("Samples").get(row.key);
    if (values) values.Alerts = alertsCell(alertsOf("Samples", row));
  }
  for (const row of authorizations.rows) {
    const values = ownedOf("Authorizations").get(row.key);
    if (values) values.Alerts = alertsCell(alertsOf("Authorizations", row));
  }

  // Collaborations.
  for (const collab of facts.values()) {
    const { row, campaign } = collab;
    const watch = !collab.cancelled && (!campaign || isActiveStatus(campaign.status));
    if (watch) {
      if (collab.content.state === "Content overdue" && collab.awaitingAcceptance) {
        // An invitation nobody accepted owes no content yet: it needs a follow-up, not a chase.
        raise(
          "invitationNotAccepted",
          "Collaborations",
          row,
          campaign,
          `Invitation not accepted, and its content due date passed ${daysText(collab.content.days ?? 0)} ago`,
        );
      } else if (collab.content.state === "Content overdue") {
        raise("contentOverdue", "Collaborations", row, campaign, payoutText(collab.content));
      } else if (
        !collab.awaitingAcceptance &&
        collab.content.state === "Awaiting content" &&
        collab.content.days !== undefined &&
        collab.content.days <= lead &&
        collab.posted === undefined
      ) {
        raise("contentDueSoon", "Collaborations", row, campaign, payoutText(collab.content));
      }
      if (collab.payout.state === "In review" && (collab.payout.days ?? 0) > settings.reviewDays) {
        raise("reviewTooLong", "Collaborations", row, campaign, payoutText(collab.payout));
      }
      if (collab.payout.state === "Payable") {
        raise(
          "feeUnpaid",
          "Collaborations",
          row,
          campaign,
          `Flat fee approved, not paid: ${payoutText(collab.payout)}`,
        );
      }
      const creator = text(row.get("Creator"));
      if (campaign?.flashStart !== undefined && liveCapable(creator) !== true) {
        raise(
          "flashSaleNotLive",
          "Collaborations",
          row,
          campaign,
          `Flash sale assigned to ${creator}, who is not LIVE capable`,
        );
      }
    }
    const window =
      campaign?.start !== undefined && campaign.end !== undefined && campaign.end >= campaign.start
        ? windowText(windowStatus({ start: campaign.start, end: campaign.end, today, leadDays: lead }))
        : "";
    collab.cost =
      collab.rate === undefined
        ? undefined
        : {
            gmv: collab.gmv,
            rate: collab.rate,
            adsGmv: collab.adsGmv,
            adsRate: campaign?.adsRate,
            flatFee: flatFeeOwed(collab.payout.state, campaign?.flatFee ?? 0),
            sampleCost: collab.sampleCost,
          };
    const effective = collab.cost && effectiveCommission(collab.cost);
    ownedOf("Collaborations").set(row.key, {
      "Applied rate": collab.rate ?? "",
      "Payout status": collab.cancelled ? "Cancelled" : payoutText(collab.payout),
      "Window status": window,
      "Effective commission": effective ?? (collab.gmv + collab.adsGmv > 0 ? "" : NO_SALES_YET),
      "Next action": collab.cancelled
        ? ""
        : nextAction(collab, samplesByCollab.get(row.key) ?? [], authsByCollab.get(row.key) ?? []),
      Alerts: "",
    });
  }

  // Campaigns.
  const collabsByCampaign = groupBy(collaborations.rows, (row) => text(row.get("Campaign ID")));
  for (const campaign of campaigns.values()) {
    const { row } = campaign;
    const active = isActiveStatus(campaign.status);
    const window =
      campaign.start !== undefined && campaign.end !== undefined && campaign.end >= campaign.start
        ? windowStatus({ start: campaign.start, end: campaign.end, today, leadDays: lead })
        : undefined;
    if (active) {
      const ownerIssue = ownerCheck(campaign.owner, settings, input.setUpBy);
      if (ownerIssue) raise("ownerAddress", "Campaigns", row, campaign, ownerIssue);
      const brief = checkBrief(briefInputFromRow(row.get, calendar), { products: briefProducts });
      for (const issue of brief.errors)
        raise(briefAlertKind(issue, "error"), "Campaigns", row, campaign, issue.message);
      for (const issue of brief.warnings)
        raise(briefAlertKind(issue, "warning"), "Campaigns", row, campaign, issue.message);
      if (window?.state === "Ending") raise("campaignEnding", "Campaigns", row, campaign, windowText(window));
      if (
        campaign.flashStart !== undefined &&
        campaign.flashStart >= today &&
        campaign.flashStart - today <= lead
      ) {
        raise(
          "flashSaleSoon",
          "Campaigns",
          row,
          campaign,
          `Flash sale starts ${campaign.flashStart === today ? "today" : `in ${daysText(campaign.flashStart - today)}`}`,
        );
      }
      // Across campaigns: each may fit the stock alone while together they do not.
      for (const sku of campaign.skus) {
        const stock = stockOf(sku);
        const reserved = reservedBySku.get(sku) ?? 0;
        const own = campaign.reservedInventory ?? 0;
        if (stock !== undefined && own > 0 && own <= stock && reserved > stock) {
          raise(
            "inventoryOverStock",
            "Campaigns",
            row,
            campaign,
            `${sku}: ${reserved} reserved across campaigns, ${stock} in stock`,
          );
        }
      }
    }
    const collabs = (collabsByCampaign.get(campaign.id) ?? []).filter(
      (collab) => readFlag(collab.get("Cancelled")) !== true,
    );
    const delivered = collabs.reduce(
      (sum, collab) => sum + (facts.get(collab.key)?.samplesDelivered ?? 0),
      0,
    );
    const leading = collabs.reduce(
      (sum, collab) => sum + (facts.get(collab.key)?.samplesLeadingToPost ?? 0),
      0,
    );
    ownedOf("Campaigns").set(row.key, {
      "Window status": window ? windowText(window) : "",
      Creators: collabs.length,
      "Sample-to-post": sampleToPost(delivered, leading) ?? "",
      Checks: "",
    });
  }
  for (const campaign of campaigns.values()) {
    const values = ownedOf("Campaigns").get(campaign.id);
    if (values) values.Checks = alertsCell(alertsOf("Campaigns", campaign.row));
  }
  for (const collab of facts.values()) {
    const values = ownedOf("Collaborations").get(collab.row.key);
    if (values) values.Alerts = alertsCell(alertsOf("Collaborations", collab.row));
  }

  // Creators.
  const collabsByCreator = groupBy(collaborations.rows, (row) => text(row.get("Creator")).toLowerCase());
  for (const row of creators.rows) {
    const mine = (collabsByCreator.get(row.key.toLowerCase()) ?? [])
      .map((collab) => facts.get(collab.key))
      .filter((collab): collab is CollabFacts => collab !== undefined && !collab.cancelled);
    const judged = mine.map((collab) =>
      deliveredOnTime(collab.contentDue, collab.submitted ?? collab.posted),
    );
    const delivered = judged.filter((onTime) => onTime !== undefined);
    const onTime = delivered.filter(Boolean).length;
    const gmv = mine.reduce((sum, collab) => sum + collab.gmv + collab.adsGmv, 0);
    const effective = effectiveCommissionOf(mine.flatMap((collab) => (collab.cost ? [collab.cost] : [])));
    const deliveredSamples = mine.reduce((sum, collab) => sum + collab.samplesDelivered, 0);
    const leading = mine.reduce((sum, collab) => sum + collab.samplesLeadingToPost, 0);
    const pool = suggestedPool(
      {
        collaborations: mine.length,
        deliveredOnTime: delivered.length > 0 && onTime === delivered.length,
        gmvTotal: gmv,
        hasAuthorizedContent: mine.some((collab) => collab.authorized),
        effectiveCommission: effective,
      },
      settings,
    );
    ownedOf("Creators").set(row.key, {
      Collaborations: mine.length,
      "On time": delivered.length > 0 ? onTime / delivered.length : "",
      "GMV total": gmv,
      "Sample-to-post": sampleToPost(deliveredSamples, leading) ?? "",
      "Effective commission": effective ?? NO_SALES_YET,
      "Suggested pool": pool.pool,
    });
  }

  // The operating view.
  const operations: OperationsRow[] = [];
  for (const collab of facts.values()) {
    const { row, campaign } = collab;
    if (!campaign || collab.cancelled || !isLive(campaign)) continue;
    const worst = [
      ...alertsOf("Collaborations", row),
      ...(samplesByCollab.get(row.key) ?? []).flatMap((sample) => alertsOf("Samples", sample)),
      ...(authsByCollab.get(row.key) ?? []).flatMap((auth) => alertsOf("Authorizations", auth)),
    ].reduce((rank, alert) => Math.min(rank, severityRank(alert.severity)), 3);
    const deadlines = [
      collab.posted === undefined && collab.submitted === undefined ? collab.contentDue : undefined,
      campaign.flashStart !== undefined && campaign.flashStart >= today ? campaign.flashStart : undefined,
      collab.adUsable,
      campaign.end,
    ].filter((deadline): deadline is Day => deadline !== undefined);
    const sku = text(row.get("SKU"));
    operations.push({
      collabId: row.key,
      campaignId: campaign.id,
      campaignName: campaign.name,
      creator: text(row.get("Creator")),
      liveCapable: liveCapable(text(row.get("Creator"))) === true,
      collabStart: campaign.start ?? null,
      collabEnd: campaign.end ?? null,
      contentDue: collab.contentDue ?? null,
      posted: collab.posted ?? null,
      liveDate: day(row.get("LIVE date")) ?? null,
      flashStart: campaign.flashStart ?? null,
      flashEnd: campaign.flashEnd ?? null,
      stockOnHand: stockOf(sku) ?? null,
      reserved: reservedBySku.get(sku) ?? null,
      amplification: plansAds(campaign)
        ? `${campaign.amplification}${campaign.amplificationStart !== undefined && campaign.amplificationEnd !== undefined ? ` ${isoFromDay(campaign.amplificationStart)} to ${isoFromDay(campaign.amplificationEnd)}` : ""}`
        : "",
      amplificationStart: campaign.amplificationStart ?? null,
      amplificationEnd: campaign.amplificationEnd ?? null,
      adUsableUntil: collab.adUsable ?? null,
      daysLeft: deadlines.length > 0 ? Math.min(...deadlines) - today : null,
      nextAction: String(ownedOf("Collaborations").get(row.key)?.["Next action"] ?? ""),
      severityRank: worst,
    });
  }

  const owners = new Map([...campaigns.values()].map((campaign) => [campaign.id, campaign.owner]));
  const missingHeaders = [
    products,
    campaignsTable,
    creators,
    collaborations,
    samples,
    authorizations,
    settingsTable,
  ]
    .filter((tab) => (input.tabs[tab.schema.name]?.length ?? 0) > 0 && tab.missing.length > 0)
    .map((tab) => ({ tab: tab.schema.name, headers: tab.missing }));
  return { owned, alerts, operations, settings, owners, missingHeaders };

  function nextAction(collab: CollabFacts, sampleRows: TableRow[], authRows: TableRow[]): string {
    const { row, campaign, payout, content } = collab;
    if (readFlag(row.get("Link kept")) === false && collab.posted !== undefined)
      return "Ask the creator to restore the product link";
    if (content.state === "Content overdue")
      return collab.awaitingAcceptance
        ? "Follow up the invitation, or cancel it"
        : `Chase the content: ${payoutText(content).toLowerCase()}`;
    if (payout.state === "In review" || (content.state === "In review" && payout.state === "Commission only"))
      return "Review the submitted content";
    if (payout.state === "Payable") return "Pay the flat fee";
    if (samplesNeedRefund(sampleRows)) return "Refund the sample";
    const samplePending = sampleRows.some((sample) => {
      const policy = matchChoice(SAMPLE_POLICIES, text(sample.get("Policy"))) ?? campaign?.samplePolicy;
      return policy !== undefined && policy !== "No sample" && day(sample.get("Shipped")) === undefined;
    });
    if (samplePending) return "Ship the sample";
    if (day(row.get("Accepted")) === undefined) return "Wait for the creator to accept";
    if (content.state === "Awaiting content")
      return `Remind the creator: ${payoutText(content).toLowerCase()}`;
    if (campaign && plansAds(campaign) && collab.posted !== undefined && authRows.length === 0)
      return "Request ad authorization";
    if (authRows.some((auth) => alertsOf("Authorizations", auth).length > 0))
      return "Renew the ad authorization";
    return "";
  }

  function samplesNeedRefund(sampleRows: TableRow[]): boolean {
    return sampleRows.some(
      (sample) => ownedOf("Samples").get(sample.key)?.["Sample status"] === "Refund due",
    );
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Brief rules that are alert kinds of their own; the rest are brief problems or warnings. */
function briefAlertKind(issue: BriefIssue, level: "error" | "warning"): AlertKind {
  switch (issue.rule) {
    case "flashSaleOutsideWindow":
      return "flashSaleOutsideWindow";
    case "reservedOverStock":
      return "inventoryOverStock";
    case "targetBelowOpen":
      return "targetBelowOpen";
    default:
      return level === "error" ? "briefProblem" : "briefWarning";
  }
}

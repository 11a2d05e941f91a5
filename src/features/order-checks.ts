/**
 * What the daily check says about orders: per collaboration, the orders whose platform
 * commission differs from the rules' (one alert per collaboration, never one per order, so the
 * digest stays small), a typed GMV, Ads GMV or First sale that differs from its orders, and the
 * reconciliation block of the operating view. Pure, over the tabs the check already read.
 */
import { ALERT_KINDS, type Alert, type AlertKind, alertsCell } from "../domain/alerts";
import { idKey } from "../domain/coverage";
import { isoFromDay, type ZoneCalendar } from "../domain/day";
import { formatMoney, type MoneyStyle } from "../domain/money";
import { isBlank, readNumber } from "../domain/values";
import { tabSchema } from "../workbook/schema";
import { readTable } from "../workbook/table";
import type { CheckResult } from "./checks";
import {
  cellDay,
  type OrderTabs,
  orderPricer,
  ordersOnTab,
  type Reconciliation,
  reconcileCommission,
  salesByCollaboration,
} from "./order-pricing";

export interface OrderChecks {
  alerts: Alert[];
  reconciliation: Reconciliation;
}

/** `style`: the Currency setting and the spreadsheet's locale, as every amount the add-on shows. */
export function checkOrders(tabs: OrderTabs, calendar: ZoneCalendar, style: MoneyStyle): OrderChecks {
  const money = (amount: number) => formatMoney(amount, style);
  const orders = ordersOnTab(tabs.Orders, calendar);
  if (!orders.some(Boolean)) return { alerts: [], reconciliation: { byCampaign: [], byCollaboration: [] } };
  const pricer = orderPricer(tabs, calendar);
  const reconciliation = reconcileCommission(orders, pricer);
  const sales = salesByCollaboration(orders, pricer);
  // The campaign as its row spells it: the digest finds an owner's alerts by that exact ID.
  const campaigns = new Map(
    readTable(tabSchema("Campaigns"), tabs.Campaigns ?? []).rows.map((row) => [
      idKey(row.key),
      { id: row.key, name: String(row.get("Name") ?? "") },
    ]),
  );
  const collaborations = readTable(tabSchema("Collaborations"), tabs.Collaborations ?? []);
  const differing = new Map(
    reconciliation.byCollaboration.filter((line) => line.differing > 0).map((line) => [line.id, line]),
  );
  const alerts: Alert[] = [];
  const seen = new Set<string>();
  for (const row of collaborations.rows) {
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    const typedCampaign = String(row.get("Campaign ID") ?? "").trim();
    const campaign = campaigns.get(idKey(typedCampaign));
    const raise = (kind: AlertKind, message: string) =>
      alerts.push({
        kind,
        severity: ALERT_KINDS[kind],
        tab: "Collaborations",
        key: row.key,
        sheetRow: row.sheetRow,
        campaignId: campaign?.id ?? typedCampaign,
        campaignName: campaign?.name ?? "",
        message,
      });
    const line = differing.get(row.key);
    if (line) {
      raise(
        "commissionDiffers",
        `${line.differing} order${line.differing === 1 ? "" : "s"} credited a commission the rules do not give (platform ${money(line.platform)}, expected ${money(line.expected)}): ${line.examples.join(", ")}${line.differing > line.examples.length ? ", …" : ""}`,
      );
    }
    const total = sales.get(row.key);
    if (!total) continue;
    const typedDiffers: string[] = [];
    for (const [header, fromOrders] of [
      ["GMV", total.gmv],
      ["Ads GMV", total.adsGmv],
    ] as const) {
      const typed = readNumber(row.get(header));
      if (typed !== undefined && Math.abs(typed - fromOrders) >= 0.005)
        typedDiffers.push(`${header} ${money(typed)} typed, ${money(fromOrders)} from orders`);
    }
    const firstSale = row.get("First sale");
    const typedDay = cellDay(firstSale, calendar);
    if (!isBlank(firstSale) && total.firstSale !== undefined && typedDay !== total.firstSale)
      typedDiffers.push(
        `First sale ${typedDay === undefined ? String(firstSale) : isoFromDay(typedDay)} typed, ${isoFromDay(total.firstSale)} from orders`,
      );
    if (typedDiffers.length > 0) raise("salesDifferFromOrders", typedDiffers.join("; "));
  }
  return { alerts, reconciliation };
}

/**
 * Adds the order alerts to a check's result: its alert list (digest, counts) and the Alerts cell
 * of each collaboration they point at, worst first with the row's other alerts.
 */
export function withOrderAlerts(result: CheckResult, orderAlerts: readonly Alert[]): void {
  if (orderAlerts.length === 0) return;
  result.alerts.push(...orderAlerts);
  const owned = result.owned.get("Collaborations");
  if (!owned) return;
  for (const key of new Set(orderAlerts.map((alert) => alert.key))) {
    const record = owned.get(key);
    if (!record) continue;
    record.Alerts = alertsCell(
      result.alerts.filter((alert) => alert.tab === "Collaborations" && alert.key === key),
    );
  }
}

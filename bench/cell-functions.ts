/**
 * Times one array call of each custom function (10,000 rows in the full bench) on realistic columns, the way
 * `=PAYOUT_STATUS(H2:H, ...)` runs in Sheets: dates as midnight instants of the spreadsheet
 * zone, with blanks, repeats and a few bad cells.
 */
import { zoneCalendar } from "../src/domain/day";
import { cellFunctions } from "../src/features/cell-functions/catalog";
import type { CellContext } from "../src/features/cell-functions/types";
import { type ComputeResult, summarize } from "./checks";
import { timed } from "./stats";

const TIME_ZONE = "America/Los_Angeles";
const TODAY_DAY = 20_797; // 2026-12-10

/** Deterministic, so runs compare. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function realisticColumns(rows: number): Record<string, unknown[][]> {
  const random = randomSource(42);
  const calendar = zoneCalendar(TIME_ZONE);
  const date = (from: number, span: number) =>
    calendar.midnightOf(TODAY_DAY + from + Math.floor(random() * span));
  const maybe = <T>(share: number, value: () => T): T | "" => (random() < share ? value() : "");
  const columns: Record<string, unknown[][]> = {};
  const put = (name: string, value: unknown) => {
    columns[name] ??= [];
    columns[name].push([value]);
  };
  for (let row = 0; row < rows; row += 1) {
    put(
      "targetRate",
      maybe(0.5, () => Math.round(random() * 30) / 100),
    );
    put("openRate", Math.round(random() * 20) / 100);
    put("targetStart", date(-60, 30));
    put("targetEnd", date(0, 60));
    put(
      "saleDate",
      maybe(0.8, () => date(-90, 120)),
    );
    put(
      "gmv",
      maybe(0.7, () => Math.round(random() * 500_000) / 100),
    );
    put("rate", Math.round(random() * 25) / 100);
    put(
      "flatFee",
      maybe(0.4, () => 100 + Math.round(random() * 900)),
    );
    put(
      "sampleCost",
      maybe(0.6, () => 15),
    );
    put(
      "adsGmv",
      maybe(0.3, () => Math.round(random() * 100_000) / 100),
    );
    put("adsRate", 0.05);
    put(
      "partnerAdsRate",
      maybe(0.1, () => Math.round(random() * 20) / 100 + 0.01),
    );
    put(
      "targetAdsRate",
      maybe(0.3, () => Math.round(random() * 20) / 100 + 0.01),
    );
    put(
      "openAdsRate",
      maybe(0.5, () => Math.round(random() * 20) / 100 + 0.01),
    );
    put("paymentModel", random() < 0.5 ? "Commission only" : "Flat fee + commission");
    put("contentDue", date(-30, 60));
    put(
      "submitted",
      maybe(0.5, () => date(-30, 30)),
    );
    put(
      "approved",
      maybe(0.3, () => (random() < 0.1 ? "Rejected" : date(-20, 20))),
    );
    put(
      "paid",
      maybe(0.1, () => date(-10, 10)),
    );
    put("policy", ["No sample", "Free sample", "Refund after first sale"][Math.floor(random() * 3)]);
    put(
      "shipped",
      maybe(0.8, () => date(-40, 20)),
    );
    put(
      "delivered",
      maybe(0.6, () => date(-20, 15)),
    );
    put(
      "firstSale",
      maybe(0.4, () => date(-15, 15)),
    );
    put(
      "refunded",
      maybe(0.2, () => date(-5, 5)),
    );
    put(
      "granted",
      maybe(0.7, () => date(-90, 90)),
    );
    put("duration", [7, 30, 60, 365][Math.floor(random() * 4)]);
    put("linkKept", random() < 0.9);
    put("collabEnd", date(-10, 60));
    put("start", date(-30, 60));
    put("end", date(30, 60));
  }
  return columns;
}

/** Each custom function on `rows` rows: the median of `runs` calls. */
export function benchCellFunctions(rows: number, runs: number): ComputeResult[] {
  const c = realisticColumns(rows);
  const context: CellContext = { timeZone: TIME_ZONE, now: zoneCalendar(TIME_ZONE).midnightOf(TODAY_DAY) };
  const today = context.now;
  const calls: Record<string, unknown[]> = {
    APPLIED_RATE: [c.targetRate, c.openRate, c.targetStart, c.targetEnd, c.saleDate],
    EFFECTIVE_COMMISSION: [c.gmv, c.rate, c.flatFee, c.sampleCost, c.adsGmv, c.adsRate],
    PAYOUT_STATUS: [c.paymentModel, c.contentDue, c.submitted, c.approved, c.paid, today],
    SHOP_ADS_RATE: [c.partnerAdsRate, c.targetAdsRate, c.openAdsRate, c.rate],
    SAMPLE_STATUS: [c.policy, c.shipped, c.delivered, c.firstSale, c.refunded],
    AD_USABLE_UNTIL: [c.granted, c.duration, c.collabEnd, c.linkKept],
    AUTH_STATUS: [c.granted, c.duration, c.linkKept, c.collabEnd, today],
    WINDOW_STATUS: [c.start, c.end, today],
  };
  return cellFunctions.map((fn) => {
    const args = calls[fn.name];
    // A new custom function needs its columns here, or it would be timed doing nothing.
    if (!args) throw new Error(`bench: no realistic columns for ${fn.name} in bench/cell-functions.ts`);
    const samples = Array.from({ length: runs }, () => timed(() => fn.run(context, ...args)));
    return summarize(fn.name, rows, samples);
  });
}

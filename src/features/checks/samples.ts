/** Samples: status, refunds due, and the follow-up of a delivered sample with no post. */
import { formatMoney } from "../../domain/money";
import { sampleFollowUp, sampleShipping } from "../../domain/samples";
import { daysText } from "../../domain/status-text";
import { readNumber } from "../../domain/values";
import type { TableRow } from "../../workbook/table";
import { readSample } from "./collaborations";
import { type CheckRun, fillAlertCells, text } from "./run";

export function checkSamples(run: CheckRun): void {
  for (const row of run.tables.samples.rows) checkSample(run, row);
  fillAlertCells(run, run.tables.samples, "Alerts");
}

function checkSample(run: CheckRun, row: TableRow): void {
  const { today } = run;
  // Read with its collaboration already; a sample naming no collaboration is read here.
  const { collab, policy, shipped, delivered, state } =
    run.samplesRead[row.index] ?? readSample(run, row, undefined, undefined);
  const campaign = collab?.campaign;
  if (!policy) {
    run.ownedOf("Samples").set(row.key, { "Sample status": "Unknown policy: choose one from the dropdown" });
    return;
  }
  const watch = !collab?.cancelled && (!campaign || campaign.active);
  if (watch && state === "Refund due") {
    run.raise(
      "sampleRefundDue",
      "Samples",
      row,
      campaign,
      `Refund the sample cost (${refundText(run, row.get("Cost"))})`,
    );
  }
  if (watch && collab && !collab.awaitingAcceptance && !collab.rejected) {
    const shipping = sampleShipping({
      policy,
      shipped,
      delivered,
      contentDue: collab.contentDue,
      today,
      leadDays: run.settings.alertLeadDays,
    });
    if (shipping !== "None" && collab.contentDue !== undefined) {
      const due = collab.contentDue - today;
      const when =
        due < 0 ? `was due ${daysText(-due)} ago` : due === 0 ? "is due today" : `is due in ${daysText(due)}`;
      run.raise(
        "sampleNotShipped",
        "Samples",
        row,
        campaign,
        `Ship the sample: the creator's content ${when} and the sample has not shipped`,
      );
    }
  }
  if (watch && collab) {
    const followUp = sampleFollowUp({
      delivered,
      posted: collab.posted ?? collab.submitted,
      contentDue: collab.contentDue,
      today,
      nudgeDays: run.settings.nudgeDays,
    });
    if (followUp === "Alert" && collab.contentDue !== undefined) {
      run.raise(
        "sampleNoContent",
        "Samples",
        row,
        campaign,
        `Sample delivered, no content ${daysText(today - collab.contentDue)} after the due date`,
      );
    } else if (followUp === "Nudge" && delivered !== undefined) {
      run.raise(
        "sampleNudge",
        "Samples",
        row,
        campaign,
        `Nudge the creator: sample delivered ${daysText(today - delivered)} ago, no post yet`,
      );
    }
  }
  run.ownedOf("Samples").set(row.key, { "Sample status": state });
}

/** The cost to refund in the workbook's currency; a cost that is not a number is quoted as typed. */
function refundText(run: CheckRun, cost: unknown): string {
  const amount = readNumber(cost);
  if (amount !== undefined) return formatMoney(amount, run.money);
  return text(cost) || "cost not set";
}

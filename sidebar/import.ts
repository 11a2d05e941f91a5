/**
 * The Import tab: a preview of what importing the selected export tab would do (rows read, new,
 * updated, unchanged, skipped with the reason per row, creators to add, collaborations fed,
 * commission reconciliation), a dropdown per column the add-on does not know, and one button
 * that writes exactly what was previewed. Nothing is written before that button.
 */
import { formatMoney } from "../src/domain/money";
import type { ImportPreview } from "../src/features/order-import";
import { clear, el } from "./elements";
import { confirmLabel, importDoneText, plural } from "./import-text";
import { callServer } from "./server";

export interface ImportTab {
  /** Previews the import of `sourceTab` ("" when no export tab was selected). */
  open(sourceTab: string): void;
}

export function importTab(panel: HTMLElement, afterImport: () => void): ImportTab {
  let sourceTab = "";
  const mapping: Record<string, string> = {};
  let preview: ImportPreview | undefined;
  let busy = false;

  const status = el("div", { class: "notice", role: "status", "data-testid": "import-status", hidden: true });
  const body = el("div", { "data-testid": "import-preview" });
  const addCreators = el("input", {
    type: "checkbox",
    id: "import-add-creators",
    "data-testid": "import-add-creators",
  });
  const confirm = el(
    "button",
    { type: "button", class: "action primary", "data-testid": "import-confirm", disabled: true },
    "Import",
  );
  clear(panel, status, body, confirm);
  // Adding creators is one more planned write: the preview (and its fingerprint) follows the box.
  addCreators.addEventListener("change", () => void load());

  const say = (kind: "" | "error" | "warning", ...lines: string[]) => {
    status.className = `notice${kind ? ` ${kind}` : ""}`;
    status.hidden = lines.length === 0;
    clear(
      status,
      lines.map((line) => el("p", {}, line)),
    );
  };

  const list = (title: string, items: string[], more: number, testId: string, problems = false) =>
    items.length === 0
      ? null
      : el(
          "div",
          { class: `import-list${problems ? " problems" : ""}`, "data-testid": testId },
          el("p", {}, title),
          el(
            "ul",
            {},
            items.map((item) => el("li", {}, item)),
          ),
          more > items.length
            ? el("p", { class: "hint" }, `and ${(more - items.length).toLocaleString("en-US")} more`)
            : null,
        );

  function mappingRows(shown: ImportPreview): HTMLElement | null {
    if (shown.columns.length === 0) return null;
    return el(
      "fieldset",
      { class: "import-mapping", "data-testid": "import-mapping" },
      el("legend", {}, "Columns Campaign Desk does not know"),
      shown.missing.length > 0
        ? el(
            "p",
            { class: "warning" },
            `Map a column to ${shown.missing.join(", ")} to import this ${shown.exportName}.`,
          )
        : el(
            "p",
            { class: "hint" },
            "Map a column to an order field, or leave it out. The choice is remembered for this kind of export.",
          ),
      shown.columns.map(({ header, field }) => {
        const id = `import-map-${header.replace(/[^A-Za-z0-9]+/g, "-")}`;
        const picker = el(
          "select",
          { id, "data-testid": id },
          el("option", { value: "" }, "Not imported"),
          shown.fields.map((option) =>
            el("option", { value: option.value, selected: option.value === field }, option.label),
          ),
        );
        picker.addEventListener("change", () => {
          mapping[header] = picker.value || "ignore";
          void load();
        });
        return el("p", {}, el("label", { for: id }, header), " ", picker);
      }),
    );
  }

  function render(shown: ImportPreview): void {
    const { counts } = shown;
    // In the style the server wrote the preview's other amounts in: one currency on the panel.
    const money = (amount: number) => formatMoney(amount, shown.money);
    const reconciliation = shown.reconciliation.map(
      (line) =>
        `${line.campaignId || "No collaboration (Open plan)"}: ${plural(line.orders, "order")}, platform ${money(line.platform)} vs expected ${money(line.expected)} (gap ${money(line.gap)}${line.differing > 0 ? `, ${plural(line.differing, "order")} differ` : ""})`,
    );
    clear(
      body,
      el("p", {}, el("strong", {}, shown.sourceTab), ` reads as a ${shown.exportName}.`),
      mappingRows(shown),
      el(
        "div",
        { class: "import-counts", "data-testid": "import-counts" },
        el(
          "p",
          {},
          `${plural(shown.rowsRead, "row")} read: ${counts.new.toLocaleString("en-US")} new, ${counts.updated.toLocaleString("en-US")} updated, ${counts.unchanged.toLocaleString("en-US")} unchanged, ${counts.skipped.toLocaleString("en-US")} skipped.`,
        ),
      ),
      shown.notes.length > 0
        ? el(
            "div",
            { class: "notice warning" },
            shown.notes.map((note) => el("p", {}, note)),
          )
        : null,
      list(
        "Skipped rows",
        shown.skipped.map((row) => `Row ${row.row}: ${row.reason}`),
        counts.skipped,
        "import-skipped",
        true,
      ),
      list(
        "New orders",
        shown.additions.map((row) => `${row.order}: ${row.summary}`),
        counts.new,
        "import-new",
      ),
      list(
        "Updated orders",
        shown.updates.map((row) => `${row.order}: ${row.changes}`),
        counts.updated,
        "import-updated",
      ),
      shown.rematched > 0
        ? el(
            "p",
            { "data-testid": "import-rematched" },
            `${plural(shown.rematched, "order")} already on Orders will be matched and priced again: a collaboration or rate changed since.`,
          )
        : null,
      shown.collaborations.filled > 0
        ? el(
            "p",
            { "data-testid": "import-fed" },
            `${plural(shown.collaborations.filled, "blank cell")} of GMV, Ads GMV or First sale will be filled from orders.`,
          )
        : null,
      list(
        "Typed values that differ from the orders (kept as typed)",
        shown.collaborations.differences.map(
          (d) => `${d.collabId} ${d.column}: typed ${d.typed}, orders say ${d.fromOrders}`,
        ),
        shown.collaborations.differenceCount,
        "import-differences",
        true,
      ),
      shown.creatorsToAddCount > 0
        ? el(
            "p",
            { "data-testid": "import-creators" },
            addCreators,
            " ",
            el(
              "label",
              { for: "import-add-creators" },
              `Add ${plural(shown.creatorsToAddCount, "new creator")} to Creators: ${shown.creatorsToAdd.slice(0, 5).join(", ")}${shown.creatorsToAddCount > 5 ? ", …" : ""}`,
            ),
          )
        : null,
      list(
        "Commission reconciliation by campaign",
        reconciliation,
        shown.reconciliationCount,
        "import-reconciliation",
      ),
    );
    confirm.disabled = !shown.canImport;
    confirm.textContent = shown.canImport
      ? confirmLabel(shown)
      : shown.missing.length > 0
        ? "Map the missing columns first"
        : "Nothing to change";
  }

  async function load(): Promise<void> {
    if (!sourceTab) {
      clear(
        body,
        el(
          "p",
          { class: "hint" },
          "Import a Seller Center export into a tab of its own (File > Import > Insert new sheet), select that tab, then choose Extensions > Campaign Desk > Import from this tab.",
        ),
      );
      confirm.disabled = true;
      return;
    }
    say("", "Reading the export…");
    const answer = await callServer("sidebarImportPreview", {
      sourceTab,
      mapping,
      addCreators: addCreators.checked,
      fingerprint: "",
    }).catch((error: Error) => ({ ok: false as const, errors: [{ message: error.message }] }));
    if (!answer.ok) {
      preview = undefined;
      clear(body);
      confirm.disabled = true;
      say("error", ...answer.errors.map((error) => error.message));
      return;
    }
    preview = answer;
    say("");
    render(answer);
  }

  confirm.addEventListener("click", async () => {
    if (!preview?.canImport || busy) return;
    // What this confirm writes, whatever the panel shows by the time the answer comes.
    const confirmed = preview;
    busy = true;
    confirm.disabled = true;
    say("", "Importing…");
    const answer = await callServer("sidebarImportConfirm", {
      sourceTab,
      mapping,
      addCreators: addCreators.checked,
      fingerprint: confirmed.fingerprint,
    }).catch((error: Error) => ({ ok: false as const, errors: [{ message: error.message }] }));
    busy = false;
    if (answer.ok) {
      await load();
      say("", importDoneText(confirmed));
      afterImport();
    } else {
      if ("preview" in answer && answer.preview) {
        preview = answer.preview;
        render(answer.preview);
      } else confirm.disabled = false;
      say("error", ...answer.errors.map((error) => error.message));
    }
  });

  return {
    open(tab) {
      sourceTab = tab;
      void load();
    },
  };
}

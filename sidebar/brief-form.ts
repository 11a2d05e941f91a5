/**
 * The Brief tab: pick a campaign or start a new one, fill every brief field, see errors and
 * warnings from the same `checkBrief` the server runs, and save the brief as one Campaigns row.
 */
import {
  BRIEF_FIELD_HEADERS,
  BRIEF_FIELDS,
  type BriefCheck,
  type BriefField,
  checkBrief,
} from "../src/domain/brief";
import { dayFromIso } from "../src/domain/day";
import { readNumber } from "../src/domain/values";
import type { SidebarIssue, SidebarState } from "../src/features/campaign-sidebar";
import { clear, el } from "./elements";
import { callServer } from "./server";

type Control =
  | "text"
  | "email"
  | "date"
  | "amount"
  | "count"
  | "percent"
  | "choice"
  | "flag"
  | "skus"
  | "types";

interface Section {
  title: string;
  hint?: string;
  fields: [BriefField, Control][];
}

const SECTIONS: Section[] = [
  {
    title: "Campaign",
    fields: [
      ["campaignId", "text"],
      ["name", "text"],
      ["objective", "choice"],
      ["lane", "choice"],
      ["status", "choice"],
      ["ownerEmail", "email"],
    ],
  },
  {
    title: "Products and window",
    fields: [
      ["skus", "skus"],
      ["start", "date"],
      ["end", "date"],
      ["reservedInventory", "count"],
      ["budget", "amount"],
    ],
  },
  {
    title: "Content and pay",
    fields: [
      ["contentTypes", "types"],
      ["liveRequired", "flag"],
      ["paymentModel", "choice"],
      ["commissionRate", "percent"],
      ["flatFee", "amount"],
      ["contentDueDays", "count"],
      ["samplePolicy", "choice"],
    ],
  },
  {
    title: "Flash sale",
    hint: "Optional. Only LIVE-capable creators can run a flash sale.",
    fields: [
      ["flashSaleStart", "date"],
      ["flashSaleEnd", "date"],
      ["flashSalePrice", "amount"],
    ],
  },
  {
    title: "Amplification",
    hint: "Paid use planned on creator posts. Ads run only while the authorization and the collaboration both hold.",
    fields: [
      ["amplification", "choice"],
      ["amplificationStart", "date"],
      ["amplificationEnd", "date"],
      ["adsRate", "percent"],
      ["authDaysNeeded", "count"],
    ],
  },
];

const CONTROLS = new Map(SECTIONS.flatMap((section) => section.fields));

const HINTS: Partial<Record<BriefField, string>> = {
  campaignId: "A short unique ID, e.g. C-001.",
  lane: "Open: public plan. Target: private invitation to chosen creators.",
  commissionRate: "For the Target lane this is the Target rate.",
  contentDueDays: "Days after acceptance the content is due (needed for a flat fee).",
  authDaysNeeded: "Ad authorization length the plan needs, in days.",
  ownerEmail: "Receives the digest for this campaign.",
};

function choicesOf(field: BriefField): readonly string[] {
  const spec = BRIEF_FIELDS[field];
  return "choices" in spec && spec.choices ? spec.choices : [];
}

const percentText = (rate: number) => String(Math.round(rate * 1_000_000) / 10_000);

/** Number fields are typed as text and read as the sheet reads them (`1,200`); bad text stays text so the check names it. */
function numberInput(text: string, percent: boolean): unknown {
  const trimmed = text.trim().replace(/%$/, "");
  if (trimmed === "") return undefined;
  const number = readNumber(trimmed);
  if (number === undefined) return text;
  return percent ? number / 100 : number;
}

interface SaveReply {
  ok: boolean;
  row?: number;
  created?: boolean;
  warnings?: SidebarIssue[];
  errors?: SidebarIssue[];
}

export interface BriefTab {
  render(state: SidebarState, campaignId?: string): void;
  /** The campaign shown, or "" for a new one. */
  current(): string;
}

export function briefTab(panel: HTMLElement, reload: (campaignId: string) => Promise<void>): BriefTab {
  let state: SidebarState | undefined;
  let editing = "";
  let touched = new Set<string>();
  let serverErrors: SidebarIssue[] = [];
  let saving = false;
  let lastCheck: BriefCheck | undefined;

  const picker = el("select", { id: "campaign-picker", "data-testid": "campaign-picker" });
  const form = el("form", {
    id: "brief-form",
    "data-testid": "brief-form",
    novalidate: true,
    autocomplete: "off",
  });
  const preview = el("div", { class: "preview", "data-testid": "brief-preview", "aria-live": "polite" });
  const summary = el("div", { class: "summary", "data-testid": "brief-summary" });
  const save = el(
    "button",
    { type: "submit", class: "primary", id: "save-brief", "data-testid": "save-brief" },
    "Save brief",
  );
  const status = el("div", { class: "status", "data-testid": "brief-status", role: "status" });

  panel.append(
    el("label", { class: "label", for: "campaign-picker" }, "Campaign"),
    picker,
    form,
    el("div", { class: "footer" }, preview, summary, save, status),
  );
  save.setAttribute("form", "brief-form");

  const input = (field: BriefField) =>
    form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
  const checked = (field: BriefField) =>
    Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${field}"]:checked`), (box) => box.value);

  function readForm(): Record<string, unknown> {
    const brief: Record<string, unknown> = {};
    for (const [field, control] of CONTROLS) {
      const node = input(field);
      let value: unknown;
      if (control === "skus" || control === "types") {
        const items = checked(field);
        value = items.length > 0 ? items : undefined;
      } else if (control === "flag") value = (node as HTMLInputElement | null)?.checked === true;
      else if (control === "amount" || control === "count" || control === "percent")
        value = numberInput(node?.value ?? "", control === "percent");
      else value = node?.value ?? "";
      if (value !== undefined && value !== "") brief[field] = value;
    }
    return brief;
  }

  function fieldBlock(field: BriefField, control: Control): HTMLElement {
    const spec = BRIEF_FIELDS[field];
    const id = `field-${field}`;
    const title = `${BRIEF_FIELD_HEADERS[field]}${control === "percent" ? " (%)" : ""}`;
    const required = spec.required ? el("span", { class: "required", "aria-hidden": "true" }, " *") : null;
    const common = { id, name: field, "data-testid": id, "aria-describedby": `error-${field} hint-${field}` };
    let control_: HTMLElement;
    if (control === "choice") {
      const options = choicesOf(field).map((choice) => el("option", { value: choice }, choice));
      control_ = el("select", common, spec.required ? el("option", { value: "" }, "Choose…") : null, options);
    } else if (control === "flag") {
      control_ = el("label", { class: "check" }, el("input", { ...common, type: "checkbox" }), " Yes");
    } else if (control === "skus" || control === "types") {
      control_ = el("div", {
        id,
        class: "choices",
        "data-testid": control === "skus" ? "sku-picker" : id,
        role: "group",
      });
    } else {
      const type = control === "date" ? "date" : control === "email" ? "email" : "text";
      const numeric = control === "amount" || control === "count" || control === "percent";
      control_ = el("input", {
        ...common,
        type,
        inputmode: numeric ? (control === "count" ? "numeric" : "decimal") : undefined,
        placeholder: control === "percent" ? "e.g. 15" : control === "email" ? "name@example.com" : undefined,
        maxlength: control === "text" ? "200" : undefined,
      });
    }
    const labelFor = control === "skus" || control === "types" || control === "flag" ? undefined : id;
    return el(
      "div",
      { class: "field", "data-field": field },
      el("label", { class: "label", for: labelFor, id: `label-${field}` }, title, required),
      control_,
      el("div", { class: "hint", id: `hint-${field}` }, HINTS[field] ?? ""),
      el("div", {
        class: "field-error",
        id: `error-${field}`,
        "data-testid": `error-${field}`,
        role: "alert",
      }),
      el("div", { class: "field-warning", id: `warning-${field}`, "data-testid": `warning-${field}` }),
    );
  }

  function buildForm(): void {
    clear(
      form,
      SECTIONS.map((section) =>
        el(
          "fieldset",
          { class: "section" },
          el("legend", {}, section.title),
          section.hint ? el("p", { class: "section-hint" }, section.hint) : null,
          section.fields.map(([field, control]) => fieldBlock(field, control)),
        ),
      ),
    );
  }

  function fillChoices(
    field: "skus" | "contentTypes",
    options: { value: string; label: string }[],
    chosen: string[],
  ) {
    const box = form.querySelector(`#field-${field}`);
    if (!box) return;
    const known = new Set(options.map((option) => option.value));
    const all = [
      ...options,
      ...chosen
        .filter((value) => !known.has(value))
        .map((value) => ({ value, label: `${value} (not on Products)` })),
    ];
    clear(
      box,
      all.length === 0
        ? el("p", { class: "empty" }, "No SKUs on the Products tab yet. Add your products there first.")
        : all.map((option) =>
            el(
              "label",
              { class: "check" },
              el("input", {
                type: "checkbox",
                name: field,
                value: option.value,
                checked: chosen.includes(option.value),
                "aria-labelledby": undefined,
              }),
              ` ${option.label}`,
            ),
          ),
    );
  }

  function fillForm(brief: Record<string, unknown>): void {
    buildForm();
    const products = state?.products ?? [];
    fillChoices(
      "skus",
      products.map((product) => ({
        value: product.sku,
        label: product.name ? `${product.sku} · ${product.name}` : product.sku,
      })),
      Array.isArray(brief.skus) ? brief.skus.map(String) : [],
    );
    fillChoices(
      "contentTypes",
      choicesOf("contentTypes").map((type) => ({ value: type, label: type })),
      Array.isArray(brief.contentTypes) ? brief.contentTypes.map(String) : [],
    );
    for (const [field, control] of CONTROLS) {
      const node = input(field);
      const value = brief[field];
      if (!node || control === "skus" || control === "types") continue;
      if (control === "flag") {
        (node as HTMLInputElement).checked = value === true;
        continue;
      }
      let text = value === undefined ? "" : String(value);
      if (control === "percent" && typeof value === "number") text = percentText(value);
      if (node instanceof HTMLSelectElement) {
        const fallback = BRIEF_FIELDS[field].fallback;
        if (text === "" && typeof fallback === "string") text = fallback;
        if (text && !choicesOf(field).includes(text)) node.append(el("option", { value: text }, text));
      }
      if (control === "date" && text && dayFromIso(text) === undefined) {
        // A date input cannot hold unreadable text: say what the sheet has instead.
        const hint = form.querySelector(`#hint-${field}`);
        if (hint) hint.textContent = `The sheet has “${text}”: pick a date.`;
        text = "";
      }
      node.value = text;
    }
    const id = input("campaignId") as HTMLInputElement;
    id.readOnly = editing !== "";
    if (editing) {
      const hint = form.querySelector("#hint-campaignId");
      if (hint) hint.textContent = "Collaborations refer to this ID, so it stays as it is.";
    }
  }

  function previewLines(brief: Record<string, unknown>): string[] {
    const lines: string[] = [];
    const day = (field: BriefField) =>
      typeof brief[field] === "string" ? dayFromIso(brief[field]) : undefined;
    const start = day("start");
    const end = day("end");
    if (start !== undefined && end !== undefined && end >= start) {
      const days = end - start + 1;
      lines.push(`Window: ${days} day${days === 1 ? "" : "s"}, ${brief.start} to ${brief.end}.`);
    }
    const ampStart = day("amplificationStart");
    const ampEnd = day("amplificationEnd");
    if (
      brief.amplification &&
      brief.amplification !== "None" &&
      ampStart !== undefined &&
      ampEnd !== undefined
    ) {
      const needed = ampEnd - ampStart + 1;
      const auth = typeof brief.authDaysNeeded === "number" ? brief.authDaysNeeded : 0;
      lines.push(
        needed > 0
          ? `Ads: usable for ${auth} day${auth === 1 ? "" : "s"}, ${needed} needed${auth >= needed ? "." : ": raise Auth days needed."}`
          : "Ads: the amplification ends before it starts.",
      );
    }
    const skus = Array.isArray(brief.skus) ? brief.skus.map(String) : [];
    const chosen = (state?.products ?? []).filter((product) => skus.includes(product.sku));
    if (chosen.length > 0) {
      const stock = chosen.reduce((sum, product) => sum + (product.stockOnHand ?? 0), 0);
      const reserved = typeof brief.reservedInventory === "number" ? brief.reservedInventory : 0;
      lines.push(
        `Stock: ${stock} on hand, ${reserved} reserved${reserved > stock ? `, ${reserved - stock} short` : `, ${stock - reserved} left`}.`,
      );
    }
    return lines;
  }

  function validate(): void {
    const brief = readForm();
    const check = checkBrief(brief, { products: state?.products ?? [] });
    lastCheck = check;
    for (const [field] of CONTROLS) {
      const errors = [...check.errors, ...serverErrors].filter((issue) => issue.field === field);
      const warnings = check.warnings.filter((issue) => issue.field === field);
      const shown = touched.has(field) || serverErrors.some((issue) => issue.field === field);
      const errorBox = form.querySelector(`#error-${field}`);
      const warningBox = form.querySelector(`#warning-${field}`);
      if (errorBox) errorBox.textContent = shown ? errors.map((issue) => issue.message).join(" ") : "";
      if (warningBox) warningBox.textContent = warnings.map((issue) => issue.message).join(" ");
      form.querySelector(`[data-field="${field}"]`)?.classList.toggle("invalid", shown && errors.length > 0);
      // A list of checkboxes comes back as a RadioNodeList, which has no attributes.
      const node = input(field);
      if (node instanceof HTMLElement) node.setAttribute("aria-invalid", String(shown && errors.length > 0));
    }
    clear(
      preview,
      previewLines(brief).map((line) => el("div", {}, line)),
    );
    const problems = [...check.errors, ...serverErrors.filter((issue) => !issue.field)];
    clear(
      summary,
      problems.length === 0
        ? el(
            "p",
            { class: check.warnings.length > 0 ? "warning" : "ok" },
            check.warnings.length > 0
              ? `Ready to save, with ${check.warnings.length} warning${check.warnings.length === 1 ? "" : "s"} to read.`
              : "Ready to save.",
          )
        : [
            el("p", {}, `${problems.length} thing${problems.length === 1 ? "" : "s"} to fix before saving:`),
            el(
              "ul",
              {},
              problems.map((issue) =>
                el(
                  "li",
                  {},
                  issue.field
                    ? el("a", { href: "#", "data-focus": issue.field, class: "link" }, issue.message)
                    : issue.message,
                ),
              ),
            ),
          ],
    );
    save.disabled = saving || check.errors.length > 0 || serverErrors.length > 0;
  }

  function show(campaignId: string): void {
    editing = state?.campaigns.some((campaign) => campaign.id === campaignId) ? campaignId : "";
    picker.value = editing;
    const brief = state?.campaigns.find((campaign) => campaign.id === editing)?.brief ?? {};
    // An existing brief shows all its problems at once; a new one only where the user has been.
    touched = new Set(editing ? CONTROLS.keys() : []);
    serverErrors = [];
    fillForm(brief);
    validate();
  }

  picker.addEventListener("change", () => {
    status.textContent = "";
    show(picker.value);
  });

  const onEdit = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.name) touched.add(target.name);
    serverErrors = [];
    status.textContent = "";
    validate();
  };
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("focusout", (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name && !touched.has(target.name)) {
      touched.add(target.name);
      validate();
    }
  });
  summary.addEventListener("click", (event) => {
    const field = (event.target as HTMLElement).closest("[data-focus]")?.getAttribute("data-focus");
    if (!field) return;
    event.preventDefault();
    touched.add(field);
    validate();
    const target = form.querySelector<HTMLElement>(`#field-${field}`);
    (target?.querySelector<HTMLElement>("input") ?? target)?.focus();
    target?.scrollIntoView({ block: "center" });
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    validate();
    if (save.disabled || !lastCheck?.ok) {
      touched = new Set(CONTROLS.keys());
      validate();
      return;
    }
    const brief = readForm();
    const isNew = editing === "";
    saving = true;
    save.textContent = "Saving…";
    status.className = "status";
    status.textContent = "";
    validate();
    try {
      const reply = await callServer<SaveReply>("sidebarSaveBrief", brief, isNew);
      if (!reply.ok) {
        serverErrors = reply.errors ?? [];
        for (const issue of serverErrors) if (issue.field) touched.add(issue.field);
        status.className = "status error";
        status.textContent = "Not saved: fix what is marked and save again.";
      } else {
        const id = String(brief.campaignId);
        const warnings = reply.warnings?.length ?? 0;
        await reload(id);
        status.className = "status ok";
        status.textContent = `${reply.created ? "Added" : "Saved"} ${id} in row ${reply.row} of Campaigns${warnings > 0 ? `, with ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`;
      }
    } catch (error) {
      status.className = "status error";
      status.textContent = `Not saved: ${(error as Error).message}`;
    } finally {
      saving = false;
      save.textContent = "Save brief";
      validate();
    }
  });

  return {
    render(next, campaignId) {
      state = next;
      clear(
        picker,
        el("option", { value: "" }, "New campaign"),
        next.campaigns.map((campaign) => {
          const name = typeof campaign.brief.name === "string" ? campaign.brief.name : "";
          return el("option", { value: campaign.id }, name ? `${campaign.id} · ${name}` : campaign.id);
        }),
      );
      show(campaignId ?? editing);
    },
    current: () => editing,
  };
}

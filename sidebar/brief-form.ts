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
import { PARTNER_RATE_FIELDS, partnerRatesFixed, submittedStatus } from "../src/domain/partner-lock";
import { readNumber } from "../src/domain/values";
import type { SidebarIssue, SidebarState } from "../src/features/campaign-sidebar";
import {
  costLines,
  flashSaleOffered,
  numberInput,
  objectiveHint,
  percentText,
  planLines,
  productLabel,
  requiredFields,
  sampleCostHint,
} from "./brief-preview";
import { clear, el } from "./elements";
import { callServer } from "./server";

type Control =
  | "text"
  | "email"
  | "date"
  | "amount"
  | "count"
  | "inventory"
  | "percent"
  | "choice"
  | "flag"
  | "skus"
  | "types"
  | "notes";

interface Section {
  id: string;
  title: string;
  hint?: string;
  fields: [BriefField, Control][];
}

const SECTIONS: Section[] = [
  {
    id: "campaign",
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
    id: "products",
    title: "Products and window",
    fields: [
      ["skus", "skus"],
      ["start", "date"],
      ["end", "date"],
      ["reservedInventory", "inventory"],
      ["budget", "amount"],
    ],
  },
  {
    id: "content",
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
    id: "flash",
    title: "Creator flash sale",
    hint: "Run by LIVE creators during a LIVE, inside the collaboration window.",
    fields: [
      ["flashSaleStart", "date"],
      ["flashSaleEnd", "date"],
      ["flashSalePrice", "amount"],
    ],
  },
  {
    id: "amplification",
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
  { id: "notes", title: "Notes", fields: [["notes", "notes"]] },
];

const CONTROLS = new Map(SECTIONS.flatMap((section) => section.fields));

const HINTS: Partial<Record<BriefField, string>> = {
  campaignId: "A short unique ID, e.g. C-001.",
  lane: "Open: public plan. Target: private invitation to chosen creators; the Target rate wins. Partner: an agency or platform campaign whose rates are fixed once submitted.",
  reservedInventory: "Units held for each SKU (150), or per SKU: SKU-1: 100, SKU-2: 50.",
  adsRate: "This campaign's Shop Ads rate on ad orders, 1% to 80%.",
  commissionRate: "For the Target lane this is the Target rate.",
  contentDueDays: "Days the creator has to deliver (needed for a flat fee), counted from their acceptance.",
  authDaysNeeded: "Ad authorization length the plan needs, in days.",
  ownerEmail: "Receives the digest for this campaign.",
  notes: "Anything else the team agreed.",
};

function choicesOf(field: BriefField): readonly string[] {
  const spec = BRIEF_FIELDS[field];
  return "choices" in spec && spec.choices ? spec.choices : [];
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
  // Typed but not saved: a reload (after an invitation, say) keeps what the user typed.
  let dirty = false;
  let lastCheck: BriefCheck | undefined;

  const picker = el("select", { id: "campaign-picker", "data-testid": "campaign-picker" });
  const form = el("form", {
    id: "brief-form",
    "data-testid": "brief-form",
    novalidate: true,
    autocomplete: "off",
  });
  const plan = el("div", { class: "preview", "data-testid": "brief-preview", "aria-live": "polite" });
  const gmv = el("input", {
    id: "preview-gmv",
    "data-testid": "preview-gmv",
    type: "text",
    inputmode: "decimal",
    value: "1000",
    "aria-describedby": "cost-preview",
  });
  const cost = el("div", { class: "preview", id: "cost-preview", "data-testid": "cost-preview" });
  const summary = el("div", { class: "summary", "data-testid": "brief-summary" });
  const save = el(
    "button",
    { type: "submit", class: "action primary", id: "save-brief", "data-testid": "save-brief" },
    "Save brief",
  );
  const status = el("div", { class: "status", "data-testid": "brief-status", role: "status" });

  // The preview follows the form; only what saving needs stays in view (the sticky footer).
  panel.append(
    el("label", { class: "label", for: "campaign-picker" }, "Campaign"),
    picker,
    form,
    el(
      "section",
      { class: "section preview-section", "aria-label": "Preview", "data-testid": "preview-section" },
      el("h2", { class: "legend" }, "Preview"),
      plan,
      el(
        "div",
        { class: "form-group cost" },
        el("label", { class: "label", for: "preview-gmv" }, "Cost per creator at a GMV of"),
        gmv,
        cost,
      ),
    ),
    el("div", { class: "footer" }, summary, save, status),
  );
  save.setAttribute("form", "brief-form");

  const input = (field: BriefField) =>
    form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
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
      else if (
        control === "amount" ||
        control === "count" ||
        control === "inventory" ||
        control === "percent"
      )
        // Inventory is a count, or text like `SKU-1: 100, SKU-2: 50` that the check reads.
        value = numberInput(node?.value ?? "", control === "percent");
      else value = node?.value ?? "";
      if (value !== undefined && value !== "") brief[field] = value;
    }
    return brief;
  }

  function fieldBlock(field: BriefField, control: Control): HTMLElement {
    const id = `field-${field}`;
    const labelId = `label-${field}`;
    const title = `${BRIEF_FIELD_HEADERS[field]}${control === "percent" ? " (%)" : ""}`;
    // Shown or hidden as the objective makes the field required (see validate).
    const required = el("span", { class: "required", "aria-hidden": "true", hidden: true }, " *");
    const common = {
      id,
      name: field,
      "data-testid": id,
      "aria-describedby": `error-${field} warning-${field} hint-${field}`,
    };
    let control_: HTMLElement;
    if (control === "choice") {
      const options = choicesOf(field).map((choice) => el("option", { value: choice }, choice));
      const blank = BRIEF_FIELDS[field].required ? el("option", { value: "" }, "Choose…") : null;
      control_ = el("select", common, blank, options);
    } else if (control === "flag") {
      control_ = el(
        "label",
        { class: "check" },
        el("input", { ...common, type: "checkbox", "aria-labelledby": labelId }),
        " Yes",
      );
    } else if (control === "skus" || control === "types") {
      control_ = el("div", {
        id,
        class: "choices",
        "data-testid": control === "skus" ? "sku-picker" : id,
        role: "group",
        "aria-labelledby": labelId,
        "aria-describedby": `error-${field} warning-${field} hint-${field}`,
      });
    } else if (control === "notes") {
      control_ = el("textarea", { ...common, rows: "3", maxlength: "50000" });
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
      { class: "field form-group", "data-field": field },
      el("label", { class: "label", for: labelFor, id: labelId }, title, required),
      control_,
      el("div", { class: "hint", id: `hint-${field}`, "data-testid": `hint-${field}` }, HINTS[field] ?? ""),
      el("div", {
        class: "field-error error",
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
          { class: "section", id: `section-${section.id}`, "data-testid": `section-${section.id}` },
          el("legend", {}, section.title),
          section.hint ? el("p", { class: "section-hint" }, section.hint) : null,
          section.fields.map(([field, control]) => fieldBlock(field, control)),
        ),
      ),
    );
  }

  function fillChoices(
    field: "skus" | "contentTypes",
    options: { value: string; label: string; detail?: string }[],
    chosen: string[],
  ) {
    const box = form.querySelector(`#field-${field}`);
    if (!box) return;
    const known = new Set(options.map((option) => option.value));
    const all = [
      ...options,
      ...chosen
        .filter((value) => !known.has(value))
        .map((value) => ({
          value,
          label: value,
          detail: field === "skus" ? "not on the Products tab" : "not a content type",
        })),
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
              }),
              el(
                "span",
                { class: "option-text" },
                ` ${option.label}`,
                option.detail ? el("span", { class: "option-detail" }, option.detail) : null,
              ),
            ),
          ),
    );
  }

  function fillForm(brief: Record<string, unknown>): void {
    buildForm();
    fillChoices(
      "skus",
      (state?.products ?? []).map((product) => {
        const { name, detail } = productLabel(product);
        return { value: product.sku, label: name, detail };
      }),
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
        // A word the sheet holds that is not a choice stays visible, and the check names it.
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
    // The server refuses these too (`partnerLockIssues`); read-only says so before anyone types.
    const status = submittedStatus(brief.status);
    if (editing && status && partnerRatesFixed(brief)) {
      for (const field of PARTNER_RATE_FIELDS) {
        (input(field) as HTMLInputElement).readOnly = true;
        const hint = form.querySelector(`#hint-${field}`);
        if (hint)
          hint.textContent = `Fixed: the agency or platform sets Partner rates once submitted (Status ${status}).`;
      }
    }
  }

  /** Marks what the objective requires, offers the flash sale, and fills the computed hints. */
  function shapeForm(brief: Record<string, unknown>): void {
    const required = requiredFields(brief);
    for (const [field] of CONTROLS) {
      const block = form.querySelector(`[data-field="${field}"]`);
      block?.querySelector(".required")?.toggleAttribute("hidden", !required.has(field));
      const node = input(field);
      if (node instanceof HTMLElement) node.setAttribute("aria-required", String(required.has(field)));
    }
    const flash = form.querySelector<HTMLElement>("#section-flash");
    if (flash) flash.hidden = !flashSaleOffered(brief);
    const products = state?.products ?? [];
    // Hints that follow the brief as it is typed.
    const computed: [BriefField, string][] = [
      ["objective", objectiveHint(brief)],
      ["samplePolicy", sampleCostHint(brief, products)],
    ];
    for (const [field, text] of computed) {
      const hint = form.querySelector(`#hint-${field}`);
      if (hint) hint.textContent = text;
    }
  }

  function renderPreview(brief: Record<string, unknown>): void {
    const products = state?.products ?? [];
    clear(
      plan,
      planLines(brief, products).map((line) => el("div", {}, line)),
    );
    const typed = readNumber(gmv.value.trim());
    clear(
      cost,
      costLines(
        brief,
        products,
        typed,
        state?.campaigns.find((campaign) => campaign.id === editing)?.spend,
      ).map((line) => el("div", {}, line)),
    );
  }

  function validate(): void {
    const brief = readForm();
    shapeForm(brief);
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
    renderPreview(brief);
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
    // A refusal without a field (the workbook was busy) may simply be tried again.
    save.disabled = saving || check.errors.length > 0 || serverErrors.some((issue) => issue.field);
  }

  function show(campaignId: string): void {
    editing = state?.campaigns.some((campaign) => campaign.id === campaignId) ? campaignId : "";
    picker.value = editing;
    const brief = state?.campaigns.find((campaign) => campaign.id === editing)?.brief ?? {};
    // An existing brief shows all its problems at once; a new one only where the user has been.
    touched = new Set(editing ? CONTROLS.keys() : []);
    serverErrors = [];
    dirty = false;
    fillForm(brief);
    validate();
  }

  picker.addEventListener("change", () => {
    status.textContent = "";
    show(picker.value);
  });

  const onEdit = (event: Event) => {
    const target = event.target as HTMLInputElement;
    dirty = true;
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
  gmv.addEventListener("input", () => renderPreview(readForm()));
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
      // An edit sends the brief as loaded: the server writes only what the user changed.
      const loaded = state?.campaigns.find((campaign) => campaign.id === editing)?.brief;
      const reply = await callServer("sidebarSaveBrief", brief, isNew, isNew ? undefined : loaded);
      if (!reply.ok) {
        serverErrors = reply.errors;
        for (const issue of serverErrors) if (issue.field) touched.add(issue.field);
        status.className = "status error";
        status.textContent = "Not saved: fix what is marked and save again.";
      } else {
        const id = String(brief.campaignId);
        const warnings = reply.warnings.length;
        dirty = false;
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
      const wanted = campaignId ?? editing;
      if (dirty && wanted === editing) {
        // Keep the user's typing; check it against the fresh workbook.
        picker.value = editing;
        validate();
      } else show(wanted);
    },
    current: () => editing,
  };
}

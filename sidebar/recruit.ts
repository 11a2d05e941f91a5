/**
 * The Recruit tab: only a campaign whose brief passes `checkBrief` may recruit. Creators are
 * listed with LIVE capability, category and both pools, filtered by those and by whether they
 * are already in the campaign; one already in it, or not LIVE capable for a LIVE-required
 * campaign, is shown (when the filters let it) but cannot be picked.
 */
import { type CampaignBrief, checkBrief } from "../src/domain/brief";
import { CREATOR_POOLS } from "../src/domain/choices";
import { dayFromIso } from "../src/domain/day";
import {
  invitationBlocked,
  recruitingClosed,
  type SidebarCreator,
  type SidebarState,
  seatOf,
} from "../src/features/campaign-sidebar";
import { clear, el } from "./elements";
import { callServer } from "./server";

export interface RecruitTab {
  /** Shows the state; `campaignId` picks the campaign (the menu's selected one). */
  render(state: SidebarState, campaignId?: string): void;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function recruitTab(
  panel: HTMLElement,
  reload: () => Promise<void>,
  openBrief: (campaignId: string) => void,
): RecruitTab {
  let state: SidebarState | undefined;
  let campaignId = "";
  let sku = "";
  const chosen = new Set<string>();
  let inviting = false;

  const campaignPicker = el("select", { id: "recruit-campaign", "data-testid": "recruit-campaign" });
  const blocked = el("div", { class: "notice error", "data-testid": "recruit-blocked", hidden: true });
  const skuPicker = el("select", { id: "recruit-sku", "data-testid": "recruit-sku" });
  const search = el("input", {
    id: "recruit-search",
    "data-testid": "recruit-search",
    type: "search",
    placeholder: "Search creators or categories",
    "aria-label": "Search creators",
  });
  const pool = el(
    "select",
    { id: "recruit-pool", "data-testid": "recruit-pool", "aria-label": "Pool" },
    el("option", { value: "" }, "All pools"),
    CREATOR_POOLS.map((name) => el("option", { value: name }, name)),
    el("option", { value: "-" }, "No pool yet"),
  );
  const category = el("select", {
    id: "recruit-category",
    "data-testid": "recruit-category",
    "aria-label": "Category",
  });
  const liveOnly = el("input", {
    id: "recruit-live-only",
    "data-testid": "recruit-live-only",
    type: "checkbox",
  });
  const newOnly = el("input", {
    id: "recruit-new-only",
    "data-testid": "recruit-new-only",
    type: "checkbox",
    checked: true,
  });
  const count = el("div", { class: "hint", "data-testid": "recruit-count" });
  const selectAll = el(
    "button",
    { type: "button", class: "link-button", "data-testid": "recruit-select-all" },
    "Select all shown",
  );
  const list = el("ul", { class: "creators", id: "recruit-list", "data-testid": "recruit-list" });
  const invite = el(
    "button",
    { type: "button", class: "action primary", id: "invite", "data-testid": "invite" },
    "Invite",
  );
  const status = el("div", { class: "status", "data-testid": "recruit-status", role: "status" });
  const controls = el(
    "div",
    { class: "recruit-controls" },
    el("label", { class: "label", for: "recruit-sku" }, "SKU"),
    skuPicker,
    el(
      "div",
      { class: "filters" },
      search,
      pool,
      category,
      el("label", { class: "check" }, liveOnly, " LIVE capable only"),
      el("label", { class: "check" }, newOnly, " Not in this campaign yet"),
    ),
    el("div", { class: "list-head" }, count, selectAll),
    list,
    el("div", { class: "footer" }, invite, status),
  );

  panel.append(
    el("label", { class: "label", for: "recruit-campaign" }, "Campaign"),
    campaignPicker,
    blocked,
    controls,
  );

  const campaign = () => state?.campaigns.find((candidate) => candidate.id === campaignId);

  function checked(): { brief?: CampaignBrief; errors: string[]; closed?: string } {
    const found = campaign();
    if (!found) return { errors: [] };
    const check = checkBrief(found.brief, { products: state?.products ?? [] });
    if (!check.ok || !check.brief) return { errors: check.errors.map((issue) => issue.message) };
    const closed = recruitingClosed(check.brief, dayFromIso(state?.today ?? "") ?? 0);
    return closed ? { errors: [], closed } : { brief: check.brief, errors: [] };
  }

  // The campaign's seats are asked for when it is first shown (the first load leaves the
  // collaborations out) and kept until the next reload; undefined while they are on their way.
  const seatsByCampaign = new Map<string, Set<string> | "loading" | Error>();
  let seats: Set<string> | undefined;
  const seated = (creator: SidebarCreator) => seats?.has(seatOf(campaignId, creator.name)) === true;

  function fetchSeats(id: string): void {
    seatsByCampaign.set(id, "loading");
    callServer("sidebarCampaignSeats", id)
      .then(
        (reply) => seatsByCampaign.set(id, new Set(reply.creators.map((name) => seatOf(id, name)))),
        (error: Error) => seatsByCampaign.set(id, error),
      )
      .finally(() => {
        if (id === campaignId) renderList();
      });
  }

  /** The seats of the campaign shown, or why they are not known yet. */
  function seatsOfCampaign(): Set<string> | "loading" | Error {
    const known = seatsByCampaign.get(campaignId);
    if (known !== undefined) return known;
    fetchSeats(campaignId);
    return "loading";
  }

  /** Why a creator cannot be invited now, or "" (the same rule the server applies). */
  const blockedReason = (creator: SidebarCreator, brief: CampaignBrief): string => {
    const reason = invitationBlocked(creator, seated(creator), brief);
    return reason && `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
  };

  function matches(creator: SidebarCreator): boolean {
    const words = search.value.trim().toLowerCase();
    if (words && !`${creator.name} ${creator.category}`.toLowerCase().includes(words)) return false;
    const wanted = pool.value;
    // The team's Pool decides; the suggested pool stands in until the team has set one.
    const pooled = creator.pool || creator.suggestedPool;
    if (wanted === "-" ? pooled !== "" : wanted !== "" && !same(pooled, wanted)) return false;
    if (category.value && !same(creator.category, category.value)) return false;
    if (newOnly.checked && seated(creator)) return false;
    return !(liveOnly.checked && !creator.liveCapable);
  }

  function renderList(): void {
    const checks = checked();
    const { errors, closed } = checks;
    const known = checks.brief ? seatsOfCampaign() : undefined;
    seats = known instanceof Set ? known : undefined;
    // Nobody can be picked before the campaign's seats are known.
    const brief = seats ? checks.brief : undefined;
    const creators = state?.creators ?? [];
    blocked.className = "notice error";
    blocked.hidden = errors.length === 0 && !closed;
    if (closed) clear(blocked, el("p", {}, closed));
    else if (!campaign()) {
      blocked.className = "notice";
      blocked.hidden = false;
      clear(
        blocked,
        (state?.campaigns.length ?? 0) > 0
          ? "Choose a campaign to see who can join it."
          : "No campaigns yet. Define one on the Brief tab first, then recruit.",
      );
    } else if (errors.length > 0) {
      clear(
        blocked,
        el("p", {}, `Fix the brief of ${campaignId} before recruiting:`),
        el(
          "ul",
          {},
          errors.map((message) => el("li", {}, message)),
        ),
        el(
          "button",
          { type: "button", class: "secondary", "data-testid": "recruit-open-brief" },
          "Open the brief",
        ),
      );
    }
    if (known === "loading" || known instanceof Error) {
      blocked.className = known instanceof Error ? "notice error" : "notice";
      blocked.hidden = false;
      clear(
        blocked,
        known instanceof Error
          ? `Could not read who is already in ${campaignId}: ${known.message}`
          : `Reading who is already in ${campaignId}…`,
      );
    }
    controls.hidden = !brief;
    if (!brief) {
      invite.disabled = true;
      return;
    }
    const shown = creators.filter(matches);
    for (const name of chosen) {
      const creator = creators.find((candidate) => candidate.name === name);
      if (!creator || blockedReason(creator, brief)) chosen.delete(name);
    }
    count.textContent =
      creators.length === 0
        ? ""
        : `${shown.length} of ${creators.length} creator${creators.length === 1 ? "" : "s"}`;
    selectAll.hidden = shown.length === 0;
    clear(
      list,
      creators.length === 0
        ? el("li", { class: "empty" }, "No creators yet. Add them on the Creators tab, one row per handle.")
        : shown.length === 0
          ? el("li", { class: "empty" }, "No creators match these filters.")
          : shown.map((creator) => {
              const reason = blockedReason(creator, brief);
              const badges = [
                creator.liveCapable ? el("span", { class: "badge live" }, "LIVE") : null,
                creator.pool ? el("span", { class: "badge" }, `Pool: ${creator.pool}`) : null,
                creator.suggestedPool
                  ? el("span", { class: "badge muted" }, `Suggested: ${creator.suggestedPool}`)
                  : null,
              ];
              return el(
                "li",
                {
                  class: `creator${reason ? " disabled" : ""}`,
                  "data-testid": "recruit-creator",
                  "data-creator": creator.name,
                },
                el(
                  "label",
                  { class: "creator-row" },
                  el("input", {
                    type: "checkbox",
                    value: creator.name,
                    checked: chosen.has(creator.name),
                    disabled: reason !== "",
                    "aria-describedby": undefined,
                  }),
                  el(
                    "span",
                    { class: "creator-text" },
                    el("span", { class: "creator-name" }, creator.name),
                    creator.category ? el("span", { class: "creator-category" }, creator.category) : null,
                    el("span", { class: "badges" }, badges),
                    reason ? el("span", { class: "why" }, reason) : null,
                  ),
                ),
              );
            }),
    );
    invite.disabled = inviting || chosen.size === 0 || !sku;
    invite.textContent =
      chosen.size === 0 ? "Invite" : `Invite ${chosen.size} creator${chosen.size === 1 ? "" : "s"}`;
  }

  function renderCampaign(): void {
    const { brief } = checked();
    const skus = brief?.skus ?? [];
    if (!skus.some((candidate) => candidate === sku)) sku = skus[0] ?? "";
    clear(
      skuPicker,
      skus.map((candidate) => el("option", { value: candidate }, candidate)),
    );
    skuPicker.value = sku;
    renderList();
  }

  campaignPicker.addEventListener("change", () => {
    campaignId = campaignPicker.value;
    // Picking a campaign again retries seats that could not be read.
    if (seatsByCampaign.get(campaignId) instanceof Error) seatsByCampaign.delete(campaignId);
    chosen.clear();
    status.textContent = "";
    renderCampaign();
  });
  skuPicker.addEventListener("change", () => {
    sku = skuPicker.value;
    renderList();
  });
  search.addEventListener("input", renderList);
  pool.addEventListener("change", renderList);
  liveOnly.addEventListener("change", renderList);
  newOnly.addEventListener("change", renderList);
  category.addEventListener("change", renderList);
  list.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    if (box.checked) chosen.add(box.value);
    else chosen.delete(box.value);
    renderList();
  });
  selectAll.addEventListener("click", () => {
    for (const box of list.querySelectorAll<HTMLInputElement>("input[type=checkbox]:not(:disabled)"))
      chosen.add(box.value);
    renderList();
  });
  blocked.addEventListener("click", (event) => {
    if ((event.target as HTMLElement).closest("[data-testid=recruit-open-brief]")) openBrief(campaignId);
  });

  invite.addEventListener("click", async () => {
    const creators = [...chosen];
    if (creators.length === 0 || !sku) return;
    inviting = true;
    invite.textContent = "Inviting…";
    invite.disabled = true;
    status.className = "status";
    status.textContent = "";
    try {
      const reply = await callServer("sidebarRecruit", { campaignId, creators, sku });
      if (!reply.ok) {
        status.className = "status error";
        status.textContent = `Nobody invited: ${reply.errors.map((issue) => issue.message).join(" ")}`;
      } else {
        chosen.clear();
        await reload();
        const { invited, skipped } = reply;
        const samples = invited.filter((row) => row.sampleId).length;
        status.className = invited.length > 0 ? "status ok" : "status error";
        clear(
          status,
          el(
            "p",
            {},
            invited.length > 0
              ? `Invited ${invited.length} to ${campaignId} with ${sku}: ${invited.map((row) => `${row.creator} (${row.collabId})`).join(", ")}. Content due ${invited[0]?.contentDue}.`
              : "Nobody invited.",
          ),
          ...invited.flatMap((row) => (row.rate ? [el("p", {}, `${row.creator} ${row.rate}.`)] : [])),
          samples > 0
            ? el("p", {}, `Added ${samples} sample${samples === 1 ? "" : "s"} to the Samples tab.`)
            : null,
          skipped.length > 0
            ? el("p", {}, `Skipped: ${skipped.map((row) => `${row.creator} (${row.reason})`).join(", ")}.`)
            : null,
        );
      }
    } catch (error) {
      status.className = "status error";
      status.textContent = `Nobody invited: ${(error as Error).message}`;
    } finally {
      inviting = false;
      renderList();
    }
  });

  return {
    render(next, wanted) {
      state = next;
      // A reload (after an invitation, say) may have changed who is in which campaign.
      seatsByCampaign.clear();
      if (wanted !== undefined && wanted !== campaignId) {
        campaignId = wanted;
        chosen.clear();
      }
      if (!next.campaigns.some((candidate) => candidate.id === campaignId)) campaignId = "";
      const categories = [
        ...new Set(next.creators.map((creator) => creator.category).filter(Boolean)),
      ].sort();
      const keep = category.value;
      clear(
        category,
        el("option", { value: "" }, "All categories"),
        categories.map((name) => el("option", { value: name }, name)),
      );
      category.value = categories.includes(keep) ? keep : "";
      clear(
        campaignPicker,
        el("option", { value: "" }, next.campaigns.length > 0 ? "Choose a campaign…" : "No campaigns yet"),
        next.campaigns.map((candidate) => {
          const check = checkBrief(candidate.brief, { products: next.products });
          const today = dayFromIso(next.today) ?? 0;
          const state =
            !check.ok || !check.brief
              ? " (fix brief first)"
              : recruitingClosed(check.brief, today)
                ? " (closed)"
                : "";
          const name = typeof candidate.brief.name === "string" ? ` · ${candidate.brief.name}` : "";
          return el("option", { value: candidate.id }, `${candidate.id}${name}${state}`);
        }),
      );
      campaignPicker.value = campaignId;
      renderCampaign();
    },
  };
}

/**
 * The workbench page: a spreadsheet-like view of the emulator's workbook with the add-on's menu,
 * its sidebar, the outbox, the triggers and a clock. Every piece of workbook or email text goes
 * into the DOM as text (textContent) or into a sandboxed frame, never as markup.
 */
import type { TriggerRecord } from "../../src/local/index";
import type { ActionResult, TriggerRun } from "../session";
import { SIDEBAR_OPENER } from "../sidebar-opener";
import type { CellView, MailView, MenuView, TabView, WorkbookView } from "../view";
import type { RunResult } from "./script-run";

// ---------- small helpers ----------

function $(testId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`The page lacks ${testId}`);
  return found;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; testId?: string; title?: string } = {},
  children: (Node | null)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testId) node.dataset.testid = props.testId;
  if (props.title) node.title = props.title;
  for (const child of children) if (child) node.append(child);
  return node;
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `2026-12-10 08:00` in the spreadsheet's time zone (never the browser's, never UTC). */
function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

function zoneOfWorkbook(): string {
  return state.workbook?.timeZone ?? "UTC";
}

let inFlight = 0;

/** While requests are out, body[data-busy] is set: the e2e tests wait for it to go. */
function busy(change: number): void {
  inFlight += change;
  if (inFlight > 0) document.body.dataset.busy = String(inFlight);
  else delete document.body.dataset.busy;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  busy(1);
  try {
    return await request<T>(path, body);
  } finally {
    busy(-1);
  }
}

async function request<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? { cache: "no-store" }
      : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
  );
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `${response.status} ${response.statusText}`);
  return answer;
}

// ---------- state ----------

type PanelKind = "sidebar" | "outbox" | "triggers";

const state: {
  workbook: WorkbookView | null;
  tab: TabView | null;
  activeTab: string;
  selected: { row: number; column: number };
  panel: PanelKind | null;
  sidebar: { index: number; title: string; width: number } | null;
  editing: boolean;
} = {
  workbook: null,
  tab: null,
  activeTab: "",
  selected: { row: 1, column: 1 },
  panel: null,
  sidebar: null,
  editing: false,
};

// ---------- alerts and toasts ----------

const dialogQueue: { title: string; message: string }[] = [];

function showNextDialog(): void {
  const dialog = $("alert-dialog") as HTMLDialogElement;
  if (dialog.open) return;
  const next = dialogQueue.shift();
  if (!next) return;
  $("alert-title").textContent = next.title;
  $("alert-message").textContent = next.message;
  dialog.showModal();
}

function alertUser(title: string, message: string): void {
  dialogQueue.push({ title, message });
  showNextDialog();
}

function toast(message: string, title = "", options: { error?: boolean; seconds?: number } = {}): void {
  const box = el("div", { className: `toast${options.error ? " error" : ""}`, testId: "toast" }, [
    title ? el("strong", { text: title }) : null,
    el("span", { text: message }),
  ]);
  $("toasts").append(box);
  const seconds = options.seconds ?? 5;
  setTimeout(() => box.remove(), seconds * 1000);
}

function showResult(result: ActionResult): void {
  for (const alert of result.alerts) alertUser(alert.title ?? "Campaign Desk", alert.message);
  for (const note of result.toasts) {
    toast(note.message, note.title, note.timeoutSeconds > 0 ? { seconds: note.timeoutSeconds } : {});
  }
  if (result.error) alertUser("Error", result.error);
  if (result.sidebar) {
    state.sidebar = { ...result.sidebar };
    openPanel("sidebar");
  }
}

// ---------- menu ----------

function closeMenus(): void {
  $("file-menu").hidden = true;
  $("menu-file").setAttribute("aria-expanded", "false");
  $("extensions-menu").hidden = true;
  $("menu-extensions").setAttribute("aria-expanded", "false");
  $("menu-campaign-desk").classList.remove("open");
}

function menuEntries(items: MenuView[]): HTMLElement[] {
  return items.map((item) => {
    if (item.separator) return el("div", { className: "menu-separator" });
    if (item.items) {
      const entry = el("div", { className: "dropdown-entry has-submenu" }, [
        el("span", { text: item.caption }),
        el("span", { className: "chevron", text: "▸" }),
      ]);
      entry.append(el("div", { className: "dropdown submenu" }, menuEntries(item.items)));
      return entry;
    }
    const functionName = item.functionName ?? "";
    const button = el("button", {
      className: "menu-item",
      text: item.caption,
      testId: `menu-item-${functionName}`,
    });
    button.type = "button";
    button.setAttribute("role", "menuitem");
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      closeMenus();
      void runMenuItem(item.caption, functionName);
    });
    return button;
  });
}

async function runMenuItem(caption: string, functionName: string): Promise<void> {
  const running = el("div", { className: "toast", testId: "running", text: `Running ${caption}…` });
  $("toasts").append(running);
  try {
    // The add-on sees the selected cell as its active range (Edit selected campaign uses it).
    const selection = { tab: state.activeTab, ...state.selected };
    showResult(await api<ActionResult>("/api/menu", { functionName, selection }));
  } catch (error) {
    alertUser("Error", error instanceof Error ? error.message : String(error));
  } finally {
    running.remove();
  }
  await refresh();
}

function renderMenu(workbook: WorkbookView): void {
  const submenu = $("campaign-desk-menu");
  submenu.replaceChildren(...menuEntries(workbook.menu));
  const inMenu = JSON.stringify(workbook.menu).includes(`"${SIDEBAR_OPENER}"`);
  // Once a sidebar was opened, its button hides and shows it again (the panel keeps its state).
  $("open-sidebar").hidden = state.sidebar === null && (!workbook.hasSidebar || inMenu);
}

// ---------- grid ----------

function cellAt(row: number, column: number): CellView | undefined {
  return state.tab?.cells[row - 1]?.[column - 1];
}

function cellElement(row: number, column: number): HTMLTableCellElement | null {
  return document.querySelector<HTMLTableCellElement>(
    `td[data-testid="cell-${columnLetters(column)}${row}"]`,
  );
}

function renderGrid(tab: TabView): void {
  const table = $("grid") as HTMLTableElement;
  const ROW = 22;
  const ROWNUM = 46;
  const colgroup = el("colgroup", {}, [el("col")]);
  (colgroup.firstChild as HTMLTableColElement).style.width = `${ROWNUM}px`;
  let total = ROWNUM;
  const frozenLeft: number[] = [];
  tab.columnWidths.forEach((width, c) => {
    const col = el("col");
    col.style.width = `${width}px`;
    colgroup.append(col);
    if (c < tab.frozenColumns) frozenLeft.push(total);
    total += width;
  });
  table.style.width = `${total}px`;

  const headRow = el("tr", {}, [el("th", { className: "corner" })]);
  for (let c = 1; c <= tab.columns; c++) {
    headRow.append(el("th", { text: columnLetters(c), testId: `col-${columnLetters(c)}` }));
  }
  const body = el("tbody");
  tab.cells.forEach((line, r) => {
    const row = r + 1;
    const frozen = row <= tab.frozenRows;
    const tr = el("tr");
    if (row === tab.frozenRows) tr.className = "frozen-last";
    const number = el("th", { className: "rownum", text: String(row), testId: `row-${row}` });
    if (frozen) {
      number.style.top = `${ROW * row}px`;
      number.style.zIndex = "4";
    }
    tr.append(number);
    line.forEach((cell, c) => {
      const column = c + 1;
      const td = el("td", { testId: `cell-${columnLetters(column)}${row}` });
      td.dataset.row = String(row);
      td.dataset.column = String(column);
      const classes: string[] = [];
      if (cell.kind === "number") classes.push("num");
      if (cell.kind === "date") classes.push("date");
      if (cell.kind === "boolean") classes.push("bool");
      if (cell.align) classes.push(`align-${cell.align}`);
      if (cell.spilled) classes.push("spilled");
      if (cell.error) classes.push("has-error");
      if (cell.invalid) classes.push("invalid");
      if (cell.note) classes.push("has-note");
      if (frozen) classes.push("frozen-row");
      if (column <= tab.frozenColumns) classes.push("frozen-col");
      if (cell.choices) classes.push("dropdown-cell");
      if (cell.checkbox) classes.push("checkbox-cell");
      td.className = classes.join(" ");
      if (frozen) td.style.top = `${ROW * row}px`;
      if (column <= tab.frozenColumns) td.style.left = `${frozenLeft[c] ?? 0}px`;
      if (cell.background) td.style.backgroundColor = cell.background;
      if (cell.color) td.style.color = cell.color;
      if (cell.bold) td.style.fontWeight = "bold";
      if (cell.italic) td.style.fontStyle = "italic";
      const lines = [cell.strike ? "line-through" : "", cell.underline ? "underline" : ""].filter(Boolean);
      if (lines.length > 0) td.style.textDecoration = lines.join(" ");
      if (cell.error) td.title = cell.error;
      else if (cell.invalid) td.title = cell.invalid;
      else if (cell.note) td.title = cell.note;
      else if (cell.text) td.title = cell.text;
      if (cell.checkbox && cell.kind === "boolean") td.textContent = cell.text === "TRUE" ? "☑" : "☐";
      else td.textContent = cell.text;
      if (cell.choices) {
        const arrow = el("span", { className: "chip-arrow", text: "▾", testId: "dropdown-arrow" });
        arrow.setAttribute("aria-hidden", "true");
        td.append(arrow);
      }
      tr.append(td);
    });
    body.append(tr);
  });
  // A refresh that lands while the user types keeps their typing in a new editor.
  const editor = document.querySelector<HTMLInputElement>("input.cell-editor");
  const typing = editor ? { value: editor.value, ...state.selected } : null;
  if (editor) editor.dataset.abandoned = "true";
  editor?.remove();
  state.editing = false;
  table.replaceChildren(colgroup, el("thead", {}, [headRow]), body);
  select(state.selected.row, state.selected.column, false);
  if (typing) startEdit(typing.value);
}

function select(row: number, column: number, scroll = true): void {
  const tab = state.tab;
  if (!tab) return;
  const r = Math.min(Math.max(row, 1), tab.rows);
  const c = Math.min(Math.max(column, 1), tab.columns);
  document.querySelector("td.selected")?.classList.remove("selected");
  state.selected = { row: r, column: c };
  const td = cellElement(r, c);
  td?.classList.add("selected");
  if (scroll) td?.scrollIntoView({ block: "nearest", inline: "nearest" });
  $("name-box").textContent = `${columnLetters(c)}${r}`;
  const formula = $("formula-input") as HTMLTextAreaElement;
  formula.value = cellAt(r, c)?.input ?? "";
  fitFormulaBar();
  showCellWarning(td, cellAt(r, c)?.invalid);
}

/** The formula bar grows to show the whole cell (up to its max height, then it scrolls). */
function fitFormulaBar(): void {
  const formula = $("formula-input") as HTMLTextAreaElement;
  formula.style.height = "auto";
  formula.style.height = `${formula.scrollHeight}px`;
}

/** Like Sheets, the selected cell's validation warning shows beside it. */
function showCellWarning(td: HTMLTableCellElement | null, warning: string | undefined): void {
  document.querySelector(".cell-warning")?.remove();
  if (!td || !warning) return;
  const box = el("div", { className: "cell-warning", testId: "cell-warning", text: warning });
  box.setAttribute("role", "status");
  const place = td.getBoundingClientRect();
  box.style.left = `${place.right + 4}px`;
  box.style.top = `${place.top}px`;
  document.body.append(box);
}

async function commitCell(row: number, column: number, input: string): Promise<void> {
  try {
    await api("/api/cell", { tab: state.activeTab, row, column, input });
  } catch (error) {
    alertUser("Error", error instanceof Error ? error.message : String(error));
  }
  await loadTab();
}

function startEdit(initial: string): void {
  const { row, column } = state.selected;
  const td = cellElement(row, column);
  if (!td || state.editing) return;
  state.editing = true;
  const editor = el("input", { className: "cell-editor", testId: "cell-editor" });
  editor.value = initial;
  editor.spellcheck = false;
  editor.style.left = "0";
  editor.style.top = "0";
  editor.style.minWidth = `${td.clientWidth}px`;
  editor.style.height = `${td.clientHeight}px`;
  td.append(editor);
  editor.focus();
  let done = false;
  const finish = (save: boolean, move: number) => {
    if (done || editor.dataset.abandoned) return;
    done = true;
    state.editing = false;
    const value = editor.value;
    editor.remove();
    if (save) {
      void commitCell(row, column, value).then(() => select(row + move, column));
    } else select(row, column);
  };
  editor.addEventListener("keydown", (event) => {
    // The grid's own keys (Enter starts an edit) must not see what the editor handled.
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      finish(true, 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(false, 0);
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(true, 0);
    }
  });
  editor.addEventListener("blur", () => finish(true, 0));
}

function showChoices(row: number, column: number, choices: string[]): void {
  document.querySelector(".choices")?.remove();
  const td = cellElement(row, column);
  if (!td) return;
  const box = el("div", { className: "choices", testId: "dropdown-choices" });
  box.dataset.cell = `${row}:${column}`;
  box.setAttribute("role", "listbox");
  for (const choice of choices) {
    const button = el("button", { text: choice, testId: "dropdown-choice" });
    button.type = "button";
    button.setAttribute("role", "option");
    button.addEventListener("click", () => {
      box.remove();
      void commitCell(row, column, choice);
    });
    box.append(button);
  }
  const place = td.getBoundingClientRect();
  box.style.position = "fixed";
  box.style.left = `${place.left}px`;
  box.style.top = `${place.bottom}px`;
  document.body.append(box);
}

function wireGrid(): void {
  const grid = $("grid");
  grid.addEventListener("mousedown", (event) => {
    const target = event.target as HTMLElement;
    const td = target.closest("td");
    if (!td || state.editing) return;
    select(Number(td.dataset.row), Number(td.dataset.column), false);
    if (target.classList.contains("chip-arrow")) {
      event.preventDefault();
      const open = document.querySelector<HTMLElement>(".choices");
      const same = open?.dataset.cell === `${td.dataset.row}:${td.dataset.column}`;
      open?.remove();
      const cell = cellAt(Number(td.dataset.row), Number(td.dataset.column));
      if (!same && cell?.choices) showChoices(state.selected.row, state.selected.column, cell.choices);
    }
  });
  grid.addEventListener("dblclick", (event) => {
    const td = (event.target as HTMLElement).closest("td");
    if (!td || state.editing) return;
    startEdit(cellAt(Number(td.dataset.row), Number(td.dataset.column))?.input ?? "");
  });
  document.addEventListener("keydown", (event) => {
    const active = document.activeElement;
    if (event.defaultPrevented || state.editing || ($("alert-dialog") as HTMLDialogElement).open) return;
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
    const { row, column } = state.selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(row + move[0], column + move[1]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEdit(cellAt(row, column)?.input ?? "");
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      void commitCell(row, column, "");
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(event.key);
    }
  });
  const formula = $("formula-input") as HTMLTextAreaElement;
  formula.addEventListener("input", fitFormulaBar);
  formula.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const { row, column } = state.selected;
      void commitCell(row, column, formula.value).then(() => select(row + 1, column));
      formula.blur();
    } else if (event.key === "Escape") {
      formula.value = cellAt(state.selected.row, state.selected.column)?.input ?? "";
      formula.blur();
    }
  });
  document.addEventListener("mousedown", (event) => {
    const target = event.target as HTMLElement;
    // The arrow's own mousedown opened the list: closing it here would undo that click.
    if (!target.closest(".choices") && !target.classList.contains("chip-arrow")) {
      document.querySelector(".choices")?.remove();
    }
    if (!target.closest(".menu-anchor")) closeMenus();
  });
}

// ---------- tabs ----------

function renderTabs(workbook: WorkbookView): void {
  const bar = $("tabs");
  bar.replaceChildren(
    ...workbook.tabs.map((tab) => {
      const button = el("button", { className: "tab", text: tab.name, testId: `tab-${tab.name}` });
      button.type = "button";
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(tab.name === state.activeTab));
      if (tab.color) button.style.setProperty("--tab-color", tab.color);
      button.addEventListener("click", () => {
        if (state.activeTab === tab.name) return;
        state.activeTab = tab.name;
        state.selected = { row: 1, column: 1 };
        renderTabs(workbook);
        void loadTab();
      });
      return button;
    }),
  );
}

let tabRequests = 0;

async function loadTab(): Promise<void> {
  const ticket = ++tabRequests;
  const tab = await api<TabView>(`/api/tab?name=${encodeURIComponent(state.activeTab)}`);
  // An older answer (another tab, or before an edit) must not replace a newer one.
  if (ticket !== tabRequests) return;
  state.tab = tab;
  renderGrid(tab);
  document.body.dataset.tab = tab.name;
}

// ---------- panels ----------

function describeTrigger(trigger: TriggerRecord): string {
  if (trigger.eventType !== "CLOCK") return `${trigger.eventType.toLowerCase().replace("_", " ")} trigger`;
  if (trigger.everyHours) return `Every ${trigger.everyHours} hours`;
  const hour = trigger.atHour ?? 0;
  const pad = (n: number) => `${n < 10 ? "0" : ""}${n}`;
  const days = trigger.everyDays && trigger.everyDays > 1 ? `Every ${trigger.everyDays} days` : "Every day";
  return `${days} between ${pad(hour)}:00 and ${pad((hour + 1) % 24)}:00 (${trigger.timeZone ?? ""})`;
}

async function renderPanel(): Promise<void> {
  const panel = $("panel");
  const body = $("panel-body");
  const kind = state.panel;
  for (const name of ["sidebar", "outbox", "triggers"] as const) {
    $(`open-${name}`).setAttribute("aria-pressed", String(kind === name));
  }
  panel.hidden = kind === null;
  // Hidden, not emptied: a sidebar shown again keeps what was typed in it.
  if (kind === null) return;
  panel.dataset.kind = kind;
  // Sheets gives a sidebar its own width (300 px by default); the other panels are a bit wider.
  panel.style.width = kind === "sidebar" && state.sidebar ? `${Math.max(state.sidebar.width, 300)}px` : "";
  if (kind === "sidebar") {
    const sidebar = state.sidebar;
    if (!sidebar) return;
    $("panel-title").textContent = sidebar.title || "Campaign Desk";
    const existing = body.querySelector<HTMLIFrameElement>("iframe.sidebar-frame");
    if (existing?.dataset.index === String(sidebar.index)) return;
    const frame = el("iframe", { className: "sidebar-frame", testId: "sidebar-frame" });
    // Like Google's sidebar frame: its own (opaque) origin, scripts and forms allowed.
    frame.setAttribute("sandbox", "allow-scripts allow-forms allow-popups allow-modals");
    frame.dataset.index = String(sidebar.index);
    frame.title = sidebar.title || "Campaign Desk sidebar";
    frame.src = `/sidebar/${sidebar.index}`;
    body.replaceChildren(frame);
    return;
  }
  if (kind === "outbox") {
    $("panel-title").textContent = "Outbox: what the digest sent";
    const mails = await api<MailView[]>("/api/outbox");
    if (state.panel !== "outbox") return;
    const list = el("div", { testId: "outbox-panel" });
    if (mails.length === 0) {
      list.append(
        el("div", { className: "empty", text: "No email sent yet. Run checks now from the menu." }),
      );
    }
    for (const mail of mails) {
      const view = el("div", { className: "mail", testId: "outbox-mail" }, [
        el("div", { className: "mail-subject", text: mail.subject, testId: "outbox-subject" }),
        el("div", { className: "mail-meta", text: `To: ${mail.to.join(", ")}`, testId: "outbox-to" }),
        mail.cc.length ? el("div", { className: "mail-meta", text: `Cc: ${mail.cc.join(", ")}` }) : null,
        mail.bcc.length ? el("div", { className: "mail-meta", text: `Bcc: ${mail.bcc.join(", ")}` }) : null,
        el("div", {
          className: "mail-meta",
          text: `From: ${mail.from} · ${localTime(mail.sentAt, zoneOfWorkbook())} (${zoneOfWorkbook()})`,
        }),
      ]);
      if (mail.htmlBody !== null) {
        const frame = el("iframe", { testId: "outbox-frame", title: mail.subject });
        // No permissions at all: even a broken digest cannot run script or navigate.
        frame.setAttribute("sandbox", "");
        frame.srcdoc = mail.htmlBody;
        view.append(frame);
      } else view.append(el("pre", { text: mail.body }));
      list.append(view);
    }
    body.replaceChildren(list);
    return;
  }
  $("panel-title").textContent = "Triggers";
  const triggers = await api<TriggerRecord[]>("/api/triggers");
  if (state.panel !== "triggers") return;
  const list = el("div", { testId: "triggers-panel" });
  if (triggers.length === 0) {
    list.append(el("div", { className: "empty", text: "No triggers. Turn on daily alerts from the menu." }));
  }
  for (const trigger of triggers) {
    list.append(
      el("div", { className: "trigger", testId: "trigger" }, [
        el("div", { className: "trigger-handler", text: trigger.handler }),
        el("div", { className: "mail-meta", text: describeTrigger(trigger) }),
        el("div", {
          className: "mail-meta",
          text: `Installed by ${trigger.owner} on ${localTime(trigger.createdAt, zoneOfWorkbook())} (${zoneOfWorkbook()})`,
          testId: "trigger-installed",
        }),
      ]),
    );
  }
  body.replaceChildren(list);
}

function openPanel(kind: PanelKind | null): void {
  state.panel = kind;
  void renderPanel();
}

/** The sidebar's google.script.run calls arrive here and go to the server. */
function wireSidebarBridge(): void {
  window.addEventListener("message", (event: MessageEvent) => {
    const frame = document.querySelector<HTMLIFrameElement>("iframe.sidebar-frame");
    if (!frame || event.source !== frame.contentWindow) return;
    const request = event.data as { type?: string; id?: number; name?: string; args?: unknown[] } | null;
    if (request?.type === "campaignDesk.close") {
      state.sidebar = null;
      $("panel-body").replaceChildren();
      openPanel(null);
      if (state.workbook) renderMenu(state.workbook);
      return;
    }
    if (request?.type !== "campaignDesk.run" || typeof request.id !== "number") return;
    const source = event.source as Window;
    const reply = (result: RunResult) =>
      source.postMessage({ type: "campaignDesk.result", id: request.id, result }, "*");
    api<RunResult>("/api/run", { name: request.name, args: request.args ?? [] })
      .then(reply, (error: unknown) =>
        reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        void refresh(false);
      });
  });
}

// ---------- the whole page ----------

async function refresh(withPanel = true): Promise<void> {
  const workbook = await api<WorkbookView>("/api/workbook");
  state.workbook = workbook;
  if (!workbook.tabs.some((tab) => tab.name === state.activeTab)) {
    state.activeTab = workbook.activeTab;
  }
  $("doc-title").textContent = workbook.name;
  document.title = `${workbook.name} – Campaign Desk workbench`;
  $("clock-today").textContent = `Today: ${workbook.today}`;
  $("outbox-count").textContent = String(workbook.outboxCount);
  $("trigger-count").textContent = String(workbook.triggerCount);
  $("setup-notice").hidden = workbook.setUp;
  renderMenu(workbook);
  renderTabs(workbook);
  await loadTab();
  if (withPanel && (state.panel === "outbox" || state.panel === "triggers")) await renderPanel();
}

function describeRuns(runs: TriggerRun[]): string {
  if (runs.length === 0) {
    return (state.workbook?.triggerCount ?? 0) > 0
      ? "No trigger was due."
      : "No daily check ran: it runs each day only once daily alerts are on (Extensions > Campaign Desk > Turn on daily alerts).";
  }
  const zone = zoneOfWorkbook();
  return runs
    .map(
      (run) =>
        `${run.handler} ran at ${localTime(run.at, zone)} (${zone})${run.error ? ` and failed: ${run.error}` : ""}`,
    )
    .join("\n");
}

/** File > Import: the CSV goes into a new tab, as Sheets' "Insert new sheet(s)" does. */
function wireFileImport(): void {
  const file = $("menu-file");
  const input = $("file-import-input") as HTMLInputElement;
  file.addEventListener("click", () => {
    const menu = $("file-menu");
    menu.hidden = !menu.hidden;
    file.setAttribute("aria-expanded", String(!menu.hidden));
  });
  $("menu-file-import").addEventListener("click", () => {
    closeMenus();
    input.click();
  });
  input.addEventListener("change", async () => {
    const chosen = input.files?.[0];
    input.value = "";
    if (!chosen) return;
    try {
      const answer = await api<{ tab: string; rows: number }>("/api/import", {
        fileName: chosen.name,
        text: await chosen.text(),
      });
      state.activeTab = answer.tab;
      state.selected = { row: 1, column: 1 };
      toast(`${answer.rows.toLocaleString()} rows imported into a new tab, ${answer.tab}.`, "File imported");
      await refresh();
    } catch (error) {
      alertUser("Import failed", error instanceof Error ? error.message : String(error));
    }
  });
}

function wireTopBar(): void {
  wireFileImport();
  const extensions = $("menu-extensions");
  extensions.addEventListener("click", () => {
    const menu = $("extensions-menu");
    menu.hidden = !menu.hidden;
    extensions.setAttribute("aria-expanded", String(!menu.hidden));
  });
  const campaignDesk = $("menu-campaign-desk");
  campaignDesk.addEventListener("click", (event) => {
    if ((event.target as HTMLElement).closest(".submenu")) return;
    campaignDesk.classList.toggle("open");
  });
  $("clock-advance").addEventListener("click", async () => {
    const button = $("clock-advance") as HTMLButtonElement;
    button.disabled = true;
    try {
      const answer = await api<{ today: string; runs: TriggerRun[] }>("/api/clock", { days: 1 });
      toast(describeRuns(answer.runs), `Today is ${answer.today}`, {
        error: answer.runs.some((run) => run.error),
      });
      await refresh();
    } catch (error) {
      alertUser("Error", error instanceof Error ? error.message : String(error));
    } finally {
      button.disabled = false;
    }
  });
  $("open-outbox").addEventListener("click", () => openPanel(state.panel === "outbox" ? null : "outbox"));
  $("open-triggers").addEventListener("click", () =>
    openPanel(state.panel === "triggers" ? null : "triggers"),
  );
  $("open-sidebar").addEventListener("click", async () => {
    if (state.sidebar) {
      openPanel(state.panel === "sidebar" ? null : "sidebar");
      return;
    }
    try {
      showResult(await api<ActionResult>("/api/sidebar", {}));
    } catch (error) {
      alertUser("Error", error instanceof Error ? error.message : String(error));
    }
  });
  $("panel-close").addEventListener("click", () => openPanel(null));
  const dialog = $("alert-dialog") as HTMLDialogElement;
  dialog.addEventListener("close", () => setTimeout(showNextDialog));
}

async function start(): Promise<void> {
  wireTopBar();
  wireGrid();
  wireSidebarBridge();
  try {
    await refresh();
    document.body.dataset.ready = "true";
  } catch (error) {
    alertUser("The workbench could not load", error instanceof Error ? error.message : String(error));
  }
}

void start();

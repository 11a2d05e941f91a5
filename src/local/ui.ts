/** The spreadsheet UI (menus, alerts, sidebars, dialogs, toasts) and HtmlService. */
import { CLASS_NAME } from "./call-log";
import { Button, ButtonSet, type EnumValue, SandboxMode, XFrameOptionsMode } from "./enums";
import { fail } from "./errors";

export type MenuItem =
  | { kind: "item"; caption: string; functionName: string }
  | { kind: "separator" }
  | { kind: "submenu"; caption: string; items: MenuItem[] };

export interface MenuRecord {
  /** The caption given to createMenu, or "(add-on)" for createAddonMenu. */
  caption: string;
  addon: boolean;
  items: MenuItem[];
}

export interface AlertRecord {
  title?: string;
  message: string;
  buttons: string;
  kind: "alert" | "prompt";
  response: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface DialogRecord {
  title: string;
  html: string;
  width: number;
  height: number;
  modal: boolean;
}

export interface UiRecords {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  sidebars: { title: string; html: string; width: number }[];
  dialogs: DialogRecord[];
  /** Answers for the next alerts/prompts, in order: a Button name ("YES") and, for prompts, text. */
  responses: { button: string; text?: string }[];
}

export function emptyUiRecords(): UiRecords {
  return { menus: [], alerts: [], toasts: [], sidebars: [], dialogs: [], responses: [] };
}

export class Menu {
  readonly [CLASS_NAME] = "Menu";
  readonly items: MenuItem[] = [];
  constructor(
    private readonly records: UiRecords,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.items.push({ kind: "item", caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this.items.push({ kind: "separator" });
    return this;
  }
  addSubMenu(menu: Menu): this {
    if (!(menu instanceof Menu)) fail("Invalid argument: menu");
    this.items.push({ kind: "submenu", caption: menu.caption, items: cloneItems(menu.items) });
    return this;
  }
  /** Replaces a menu with the same caption, as reopening the document does. */
  addToUi(): void {
    const record: MenuRecord = { caption: this.caption, addon: this.addon, items: cloneItems(this.items) };
    const at = this.records.menus.findIndex(
      (menu) => menu.caption === record.caption && menu.addon === record.addon,
    );
    if (at >= 0) this.records.menus[at] = record;
    else this.records.menus.push(record);
  }
}

function cloneItems(items: MenuItem[]): MenuItem[] {
  return items.map((item) =>
    item.kind === "submenu" ? { ...item, items: cloneItems(item.items) } : { ...item },
  );
}

class PromptResponse {
  readonly [CLASS_NAME] = "PromptResponse";
  constructor(
    private readonly button: EnumValue,
    private readonly text: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): EnumValue {
    return this.button;
  }
}

function defaultButton(buttons: EnumValue): EnumValue {
  return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
}

function buttonNamed(name: string): EnumValue {
  const button = (Button as Record<string, EnumValue | undefined>)[name.toUpperCase()];
  if (!button) throw new Error(`Unknown button ${name}`);
  return button;
}

function htmlOf(output: unknown): { title: string; html: string; width: number; height: number } {
  if (output instanceof HtmlOutput) {
    return {
      title: output.getTitle(),
      html: output.getContent(),
      width: output.width,
      height: output.height,
    };
  }
  fail("Invalid argument: userInterface");
}

export class Ui {
  readonly [CLASS_NAME] = "Ui";
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly records: UiRecords) {}

  createMenu(caption: string): Menu {
    return new Menu(this.records, String(caption), false);
  }
  createAddonMenu(): Menu {
    return new Menu(this.records, "(add-on)", true);
  }
  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). Answers with the next queued response. */
  alert(first: string, second?: string | EnumValue, third?: EnumValue): EnumValue {
    return this.ask("alert", first, second, third).response;
  }
  prompt(first: string, second?: string | EnumValue, third?: EnumValue): PromptResponse {
    const { response, text } = this.ask("prompt", first, second, third);
    return new PromptResponse(response, text);
  }
  /** Records a dialog and takes the queued answer, or the dialog's default button. */
  private ask(kind: "alert" | "prompt", first: string, second?: string | EnumValue, third?: EnumValue) {
    const hasTitle = typeof second === "string";
    const message = hasTitle ? second : first;
    const buttons = (hasTitle ? third : second) ?? ButtonSet.OK;
    const next = this.records.responses.shift();
    const response = next ? buttonNamed(next.button) : defaultButton(buttons as EnumValue);
    this.records.alerts.push({
      ...(hasTitle ? { title: first } : {}),
      message: String(message),
      buttons: String(buttons),
      kind,
      response: response.name(),
    });
    return { response, text: next?.text ?? "" };
  }
  showSidebar(userInterface: HtmlOutput): void {
    const { title, html, width } = htmlOf(userInterface);
    this.records.sidebars.push({ title, html, width });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    const { html, width, height } = htmlOf(userInterface);
    this.records.dialogs.push({ title: String(title), html, width, height, modal: true });
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    const { html, width, height } = htmlOf(userInterface);
    this.records.dialogs.push({ title: String(title), html, width, height, modal: false });
  }
}

export class HtmlOutput {
  readonly [CLASS_NAME] = "HtmlOutput";
  private title = "";
  width = 300;
  height = 400;
  private sandboxMode: EnumValue = SandboxMode.IFRAME;
  private xFrameOptionsMode: EnumValue = XFrameOptionsMode.DEFAULT;
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(private content = "") {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += String(addedContent).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
    return this;
  }
  clear(): this {
    this.content = "";
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  setSandboxMode(mode: EnumValue): this {
    this.sandboxMode = mode;
    return this;
  }
  getSandboxMode(): EnumValue {
    return this.sandboxMode;
  }
  setXFrameOptionsMode(mode: EnumValue): this {
    this.xFrameOptionsMode = mode;
    return this;
  }
  getXFrameOptionsMode(): EnumValue {
    return this.xFrameOptionsMode;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(_iconUrl: string): this {
    return this;
  }
}

/**
 * Templates: only printing scriptlets are evaluated, <?= name ?> (HTML-escaped) and <?!= name ?>,
 * where name is a field (or dotted path) set on the template. Other scriptlets throw.
 */
export class HtmlTemplate {
  readonly [CLASS_NAME] = "HtmlTemplate";
  [field: string]: unknown;
  constructor(private readonly source: string) {}

  getRawContent(): string {
    return this.source;
  }
  evaluate(): HtmlOutput {
    const html = this.source.replace(
      /<\?(!?=)?([\s\S]*?)\?>/g,
      (_all, kind: string | undefined, body: string) => {
        if (!kind) throw new Error("The emulator evaluates only <?= ?> and <?!= ?> scriptlets.");
        const path = body.trim();
        let value: unknown = this;
        for (const key of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
        const text = value === undefined || value === null ? "" : String(value);
        return kind === "=" ? text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`) : text;
      },
    );
    return new HtmlOutput(html);
  }
}

export class HtmlServiceApi {
  readonly [CLASS_NAME] = "HtmlService";
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly files: Record<string, string>) {}

  private file(filename: string): string {
    const name = String(filename).replace(/\.html$/, "");
    const content = this.files[name] ?? this.files[`${name}.html`];
    if (content === undefined) fail(`No HTML file named ${name} was found.`);
    return content;
  }
  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(html === undefined ? "" : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.file(filename));
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(String(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.file(filename));
  }
}

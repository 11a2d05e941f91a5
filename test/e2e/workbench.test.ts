/**
 * The workbench end to end: the real server running build/Code.js, driven in Chromium the way a
 * new user would try Campaign Desk. Set UPDATE_SCREENSHOT=1 to rewrite docs/workbench.png.
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
}, 60_000);

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
  });

  it("sets up the workbook and runs the checks from the menu: an overdue row turns red, a digest is sent", async () => {
    expect(await runFromMenu("setUpWorkbookFromMenu")).toContain("Campaign Desk is set up");
    await page.getByTestId("tab-Operations").waitFor();
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

    if (process.env.UPDATE_SCREENSHOT === "1") {
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "docs/workbench.png") });
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
    await page.getByTestId("menu-item-openCampaignSidebar").click();
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
});

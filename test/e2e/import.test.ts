/**
 * Import from Seller Center end to end, in Chromium on the real workbench running build/Code.js:
 * File > Import of a demo export into a new tab, Import from this tab, one unknown column mapped,
 * the preview, the confirm, Orders filled and GMV on the collaborations, and a second import that
 * changes nothing. Set UPDATE_SCREENSHOT=1 to rewrite docs/import.png.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvOf } from "../../src/local/demo/seller-center-exports";
import { parseCsv } from "../../workbench/csv-import";
import { freePort, launchChromium, ROOT, type RunningServer, startServer } from "./harness";

const XSS_HANDLE = '<img src=x onerror="document.title=1">';

let browser: Browser;
let server: RunningServer;
let dir: string;
let page: Page;
const problems: string[] = [];

async function settled(): Promise<void> {
  await page.waitForSelector("body[data-ready=true]:not([data-busy])");
}

async function showTab(name: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.waitForSelector(`body[data-tab="${name}"]`);
  await settled();
}

async function menu(functionName: string): Promise<void> {
  await page.getByTestId("menu-extensions").click();
  await page.getByTestId("menu-campaign-desk").click();
  await page.getByTestId(`menu-item-${functionName}`).click();
}

/** The texts of a column (by header) of the tab shown, rows 2 and on. */
async function columnTexts(header: string): Promise<string[]> {
  return page.evaluate((wanted) => {
    const cells = [...document.querySelectorAll<HTMLTableCellElement>("td[data-row]")];
    const head = cells.find((td) => td.dataset.row === "1" && td.textContent === wanted);
    if (!head) return [];
    return cells
      .filter((td) => td.dataset.column === head.dataset.column && td.dataset.row !== "1")
      .map((td) => td.textContent ?? "");
  }, header);
}

async function openImport(): Promise<FrameLocator> {
  await menu("importFromThisTab");
  await page.getByTestId("sidebar-frame").waitFor();
  const frame = page.frameLocator('[data-testid="sidebar-frame"]');
  await frame.getByTestId("import-counts").waitFor({ timeout: 30_000 });
  return frame;
}

beforeAll(async () => {
  browser = await launchChromium();
  const port = await freePort();
  dir = mkdtempSync(join(tmpdir(), "import-e2e-"));
  server = await startServer(port, join(dir, "state.json"));
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.route("https://ssl.gstatic.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/css", body: "" }),
  );
  await page.goto(server.url);
  await settled();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("importing from Seller Center in the workbench", () => {
  it("imports a demo export, maps a column, previews, confirms, and changes nothing the second time", async () => {
    await menu("setUpWorkbookFromMenu");
    await page.getByTestId("alert-ok").click();
    await settled();

    // File > Import of the demo export, as a team would bring in Seller Center's CSV.
    const demo = await (
      await page.request.get(`${server.url.replace(/\/$/, "")}/demo/affiliate-orders.csv`)
    ).text();
    // One creator handle that is markup: it must show as text wherever the sidebar names it.
    const grid = parseCsv(demo);
    (grid[1] as string[])[4] = XSS_HANDLE;
    const csv = csvOf(grid);
    await page.getByTestId("menu-file").click();
    await page.getByTestId("file-import-input").setInputFiles({
      name: "affiliate-orders-demo.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.waitForSelector('body[data-tab="affiliate-orders-demo"]');
    await settled();

    let frame = await openImport();
    await expect(frame.getByTestId("import-counts").textContent()).resolves.toMatch(
      /^200 rows read: \d+ new, 0 updated, 0 unchanged, \d+ skipped\.$/,
    );
    // The one column the add-on does not know: mapped to Ad order, and the preview follows.
    await frame.getByTestId("import-map-Ads-attribution").selectOption("adOrder");
    await frame.getByTestId("import-status").waitFor({ state: "hidden" });
    await frame
      .getByTestId("import-confirm")
      .filter({ hasText: /^Import \d+ new, update 0$/ })
      .waitFor();
    const counts = (await frame.getByTestId("import-counts").textContent()) ?? "";
    const added = Number(/(\d+) new/.exec(counts)?.[1]);
    expect(added).toBeGreaterThan(100);
    await expect(frame.getByTestId("import-skipped").textContent()).resolves.toContain("Row ");
    await expect(frame.getByTestId("import-creators").textContent()).resolves.toContain(XSS_HANDLE);
    await expect(frame.locator("img").count()).resolves.toBe(0);
    // Amounts read as everywhere else in the add-on, in the Currency (the demo's USD), never bare.
    const newOrders = (await frame.getByTestId("import-new").textContent()) ?? "";
    expect(newOrders).toMatch(/, \$\d[\d,]*\.\d\d, /);
    expect(newOrders).not.toMatch(/, \d[\d,]*\.\d\d, /);
    await expect(frame.getByTestId("import-reconciliation").textContent()).resolves.toMatch(
      /platform -?\$[\d,]+\.\d\d vs expected -?\$[\d,]+\.\d\d \(gap -?\$[\d,]+\.\d\d/,
    );
    if (process.env.UPDATE_SCREENSHOT === "1") {
      await page.getByTestId("sidebar-frame").screenshot({ path: join(ROOT, "docs/import.png") });
    }
    await frame.getByTestId("import-confirm").click();
    await frame
      .getByTestId("import-status")
      .filter({ hasText: `Imported ${added} new order rows` })
      .waitFor({ timeout: 30_000 });
    await frame.getByTestId("import-confirm").filter({ hasText: "Nothing to change" }).waitFor();
    await settled();

    await page.getByTestId("panel-close").click();
    await showTab("Orders");
    const collabIds = await columnTexts("Collab ID");
    expect(collabIds.filter((id) => /^K-\d+$/.test(id)).length).toBeGreaterThan(added / 2);
    await showTab("Collaborations");
    const gmv = await columnTexts("GMV");
    expect(gmv.filter((text) => /\d/.test(text)).length).toBeGreaterThan(0);

    // The same file again: nothing new, nothing updated, nothing to write.
    await showTab("affiliate-orders-demo");
    frame = await openImport();
    await frame
      .getByTestId("import-counts")
      .filter({ hasText: `0 new, 0 updated, ${added} unchanged` })
      .waitFor();
    await expect(frame.getByTestId("import-confirm").isDisabled()).resolves.toBe(true);
    // Adding the export's new creators is all that is left: the button says so, not "Import 0 new".
    await frame.getByTestId("import-add-creators").check();
    await frame
      .getByTestId("import-confirm")
      .filter({ hasText: /^Add \d+ creators?$/ })
      .waitFor();
    await expect(frame.getByTestId("import-confirm").isEnabled()).resolves.toBe(true);
    await page.getByTestId("panel-close").click();
    await showTab("Orders");
    expect(await columnTexts("Collab ID")).toEqual(collabIds);
    expect(problems).toEqual([]);
  }, 180_000);
});

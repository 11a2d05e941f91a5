/**
 * The workbench's HTTP routes: the page, the sidebar with its google.script.run bridge, and a
 * small JSON API over the session.
 *
 *   GET  /api/workbook          name, today, tabs, the add-on menu, counts
 *   GET  /api/tab?name=Tab      a tab as Sheets shows it (see TabView)
 *   POST /api/menu              {functionName}: run a menu item
 *   POST /api/sidebar           open the sidebar on a new brief (openNewCampaignBrief)
 *   POST /api/cell              {tab, row, column, input}: what a user typed
 *   POST /api/import            {fileName, text}: File > Import of a CSV into a new tab
 *   POST /api/clock             {days}: move today forward, firing due triggers
 *   GET  /api/outbox            every email sent, newest first
 *   GET  /api/triggers          installed triggers
 *   POST /api/run               {name, args}: google.script.run from the sidebar
 *   GET  /sidebar/<n>           the n-th sidebar the add-on showed, with the bridge injected
 *   GET  /demo/affiliate-orders.csv, /demo/order-export.csv   made-up Seller Center exports
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_CSV_BYTES } from "./csv-import";
import { type Session, UserError } from "./session";
import { outboxView, tabView, triggersView, workbookView } from "./view";

export interface PageAssets {
  html: string;
  script: string;
  css: string;
  /** The google.script.run shim put into every sidebar, given the callable names. */
  bridge(functionNames: string[]): string;
}

const MAX_BODY = 1_000_000;

const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The outbox shows emails in srcdoc frames, which take this policy, and emails carry inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function send(res: ServerResponse, status: number, type: string, body: string, extra = {}): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

async function readJson(req: IncomingMessage, limit = MAX_BODY): Promise<Record<string, unknown>> {
  // A JSON content type keeps other sites' pages from posting here without a preflight.
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
    throw new UserError("Send JSON (Content-Type: application/json).", 415);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new UserError("The request is too large.", 413);
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error();
    return parsed as Record<string, unknown>;
  } catch {
    throw new UserError("The request body is not a JSON object.");
  }
}

/** Only our own host names: a page elsewhere cannot reach the API through DNS rebinding. */
function hostAllowed(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

function injectBridge(html: string, bridge: string): string {
  const tag = `<script>${bridge.replace(/<\/script/gi, "<\\/script")}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

export function createHandler(session: Session, assets: PageAssets) {
  const api = async (req: IncomingMessage, path: string, url: URL): Promise<unknown> => {
    const method = req.method ?? "GET";
    const route = `${method} ${path}`;
    switch (route) {
      case "GET /api/workbook":
        return workbookView(session);
      case "GET /api/tab":
        return tabView(session, url.searchParams.get("name") ?? "");
      case "GET /api/outbox":
        return outboxView(session.emulator.outbox);
      case "GET /api/triggers":
        return triggersView(session.emulator.triggers.list());
      case "POST /api/menu": {
        const body = await readJson(req);
        return session.runMenuItem(body.functionName, body.selection);
      }
      case "POST /api/sidebar":
        await readJson(req);
        return session.openSidebar();
      case "POST /api/cell": {
        const body = await readJson(req);
        session.editCell(body.tab, body.row, body.column, body.input);
        return { ok: true };
      }
      case "POST /api/import": {
        const body = await readJson(req, MAX_CSV_BYTES * 2);
        return session.importCsv(body.fileName, body.text);
      }
      case "POST /api/clock": {
        const body = await readJson(req);
        return session.advanceClock(body.days ?? 1);
      }
      case "POST /api/run": {
        const body = await readJson(req);
        return session.runScript(body.name, body.args);
      }
      default:
        throw new UserError(`No route ${route}.`, 404);
    }
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (!hostAllowed(req)) {
        send(res, 403, "text/plain; charset=utf-8", "The workbench answers on 127.0.0.1 only.");
        return;
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const path = url.pathname;
      if (path.startsWith("/api/")) {
        sendJson(res, 200, await api(req, path, url));
        return;
      }
      if (req.method !== "GET") throw new UserError("Only GET here.", 405);
      const sidebar = /^\/sidebar\/(\d+)$/.exec(path);
      if (sidebar) {
        const html = injectBridge(
          session.sidebarHtml(Number(sidebar[1])),
          assets.bridge(session.callableFunctions()),
        );
        send(res, 200, "text/html; charset=utf-8", html);
        return;
      }
      const demo = /^\/demo\/(affiliate-orders|order-export)\.csv$/.exec(path);
      if (demo) {
        const csv = session.demoExport(demo[1] === "affiliate-orders" ? "affiliate" : "orders");
        send(res, 200, "text/csv; charset=utf-8", csv, {
          "Content-Disposition": `attachment; filename="${demo[1]}-demo.csv"`,
        });
        return;
      }
      switch (path) {
        case "/":
        case "/index.html":
          send(res, 200, "text/html; charset=utf-8", assets.html, { "Content-Security-Policy": PAGE_POLICY });
          return;
        case "/page.js":
          send(res, 200, "text/javascript; charset=utf-8", assets.script);
          return;
        case "/page.css":
          send(res, 200, "text/css; charset=utf-8", assets.css);
          return;
        case "/favicon.ico":
          res.writeHead(204).end();
          return;
        default:
          throw new UserError(`Nothing at ${path}.`, 404);
      }
    } catch (error) {
      const status = error instanceof UserError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(error);
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.end();
    }
  };
}
